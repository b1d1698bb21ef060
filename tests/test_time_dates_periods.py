"""Listed days (`schedule.dates`) and hours by part of the year (`schedule.periods`): the checker's messages, the
model, the listing page's "When" in English and Spanish, the season filter, catalog.json, the spreadsheet and the
calendar's timed events.

The listings are the minimal catalog's welding internship with its schedule changed (see test_listing_time.py).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import check_lines, clean_catalog, copy_fixture, edit, write_variants
from test_listing_time import spaced, when

from generator import i18n
from generator.exports import records
from generator.exports.calendar import EventWriter, calendars, dated_events, times_of, uid
from generator.exports.dates import ChangeDates
from generator.exports.tabular import opportunities_csv
from generator.model import Catalog, Opportunity
from generator.present.view import View
from generator.render import facets
from generator.render.site import SiteRenderer

SITE = "https://wbl.example.org/"
BASE = "employers/acme/welding-intern.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"
END = '  end: "2027-08-06"\n'  # the last line of the minimal listing's schedule (line 27)
LA = "America/Los_Angeles"

SATURDAYS = ["2027-02-06", "2027-02-13", "2027-02-27", "2027-03-06"]
LISTINGS: dict[str, dict[str, Any]] = {
    "talk-series": {
        "application": {"opens": "2026-11-01", "deadline": "2027-01-10"},
        "schedule": {"season": None, "start": None, "end": None, "dates": SATURDAYS, "from": "10:00", "to": "11:30"},
    },
    "dates-no-times": {
        "application": {"opens": "2026-11-01", "deadline": "2027-01-10"},
        "schedule": {"season": None, "start": None, "end": None, "dates": ["2027-12-11", "2028-01-08"]},
    },
    "year-round": {
        "schedule": {
            "season": None,
            "start": None,
            "end": None,
            "periods": [
                {
                    "season": "school-year",
                    "hours_per_week": 8,
                    "hours_per_week_max": 10,
                    "days": ["thu", "tue"],
                    "from": "15:30",
                    "to": "18:00",
                },
                {"season": "summer", "hours_per_week": 30, "note": "Full days in July."},
            ],
        },
        "translations": {"es": {"periods": {"summer": "Días completos en julio."}}},
    },
    "one-hour-talk": {
        "application": {"opens": "2026-11-01", "deadline": "2027-01-10"},
        "schedule": {"season": None, "start": "2027-02-10", "end": "2027-02-10", "from": "10:00", "to": "11:00"},
    },
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("dates"))
    write_variants(root, LISTINGS, BASE)
    return clean_catalog(root)


@pytest.fixture(scope="module")
def renderer(catalog: Catalog) -> SiteRenderer:
    return SiteRenderer(catalog, SITE)


def opp_of(catalog: Catalog, slug: str) -> Opportunity:
    return catalog.opportunities[f"acme/{slug}"]


# -- the checker -------------------------------------------------------------------------------------


def schedule_problems(root: Path, added: str) -> list[str]:
    edit(root / BASE, END, END + added)
    return check_lines(root)


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        pytest.param(
            '  dates:\n    - "2027-07-10"\n    - "2027-07-03"\n',
            [
                f"{SHOWN}:30:7: error: `schedule.dates` item 2 (2027-07-03) comes after a later date (2027-07-10). "
                "List the dates from the earliest to the latest."
            ],
            id="unsorted",
        ),
        pytest.param(
            '  dates:\n    - "2027-07-10"\n    - "2027-07-10"\n',
            [f"{SHOWN}:30:7: error: `schedule.dates` lists 2027-07-10 twice (items 1 and 2). Write each date once."],
            id="duplicate",
        ),
        pytest.param(
            '  dates:\n    - "2027-07-10"\n    - "2027-08-14"\n',
            [
                f"{SHOWN}:30:7: error: `schedule.dates` item 2 (2027-08-14) is outside `start` and `end` "
                "(2027-06-21 to 2027-08-06). Fix the date, or remove `start` and `end`: without them the first and "
                "last date are the start and end."
            ],
            id="outside-start-and-end",
        ),
        pytest.param(
            "  periods:\n    - season: summer\n      hours_per_week: 30\n    - season: summer\n      hours_per_week: 20\n",
            [
                f"{SHOWN}:31:15: error: `schedule.periods` names the season `summer` twice (items 1 and 2). "
                "Give each part of the year one item, or use another season id from seasons.yml."
            ],
            id="season-twice",
        ),
        pytest.param(
            "  periods:\n    - season: school-year\n      hours_per_week: 10\n      hours_per_week_max: 8\n"
            '    - season: summer\n      hours_per_week: 30\n      from: "09:00"\n',
            [
                f"{SHOWN}:31:27: error: `hours_per_week_max` (8) is lower than `hours_per_week` (10). "
                "Write the smallest number in `hours_per_week` and the largest in `hours_per_week_max`.",
                f"{SHOWN}:34:7: error: Item 2 of `schedule.periods` has `from` without `to`. "
                "Add `to:` as a 24-hour time such as 18:00, so the page can say when it starts and ends.",
            ],
            id="range-and-times",
        ),
    ],
)
def test_the_checker_points_at_the_date_or_period(minimal: Path, added: str, expected: list[str]) -> None:
    assert schedule_problems(minimal, added) == expected


def test_a_period_season_comes_from_the_vocabulary(minimal: Path) -> None:
    lines = schedule_problems(
        minimal, "  periods:\n    - season: summr\n      hours_per_week: 30\n    - season: school-year\n      hours_per_week: 8\n"
    )
    assert len(lines) == 1 and f"{SHOWN}:29:15: error:" in lines[0] and "summer" in lines[0]


def test_one_date_is_not_a_list_of_dates(minimal: Path) -> None:
    (line,) = schedule_problems(minimal, '  dates:\n    - "2027-07-10"\n')
    assert line == f"{SHOWN}:29:5: error: `schedule.dates` needs at least 2 items. Add the missing items."


# -- the model ---------------------------------------------------------------------------------------


def test_listed_days_give_the_start_and_end(catalog: Catalog) -> None:
    talks = opp_of(catalog, "talk-series")
    assert talks.schedule.dates == tuple(dt.date.fromisoformat(d) for d in SATURDAYS)
    assert (talks.start, talks.end) == (dt.date(2027, 2, 6), dt.date(2027, 3, 6))
    assert not talks.one_day


def test_periods_are_read_in_order_with_their_hours(catalog: Catalog) -> None:
    school, summer = opp_of(catalog, "year-round").schedule.periods
    assert (school.season, school.hours_per_week, school.hours_per_week_max, school.days) == ("school-year", 8, 10, (1, 3))
    assert (school.time_from, school.time_to) == (dt.time(15, 30), dt.time(18, 0))
    assert (summer.season, summer.hours_per_week, summer.note) == ("summer", 30, "Full days in July.")
    assert opp_of(catalog, "year-round").schedule.weekly_hours == (8, 30)


# -- the page ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "lang", "expected"),
    [
        ("talk-series", "en", "Sat, Feb 6; Sat, Feb 13; Sat, Feb 27; Sat, Mar 6, 2027 · 10:00 – 11:30 AM"),
        ("talk-series", "es", "sáb, 6 de feb; sáb, 13 de feb; sáb, 27 de feb; sáb, 6 de mar de 2027 · 10:00–11:30 a.m."),
        ("dates-no-times", "en", "Sat, Dec 11, 2027; Sat, Jan 8, 2028"),
        (
            "year-round",
            "en",
            "School year: 8–10 hours a week, Tue and Thu, 3:30 – 6:00 PM | Summer: 30 hours a week · Full days in July.",
        ),
        (
            "year-round",
            "es",
            "Año escolar: 8–10 horas por semana, mar y jue, 3:30–6:00 p.m. | Verano: 30 horas por semana · Días completos en julio.",
        ),
    ],
)
def test_the_when_fact_lists_days_and_periods(renderer: SiteRenderer, slug: str, lang: str, expected: str) -> None:
    assert spaced(when(renderer, slug, lang)) == expected


def test_an_untranslated_period_note_is_marked_english(catalog: Catalog) -> None:
    opp = opp_of(catalog, "year-round")
    lines = [str(line) for line in View(catalog, "es", opp.url).period_lines(opp)]
    assert lines[1].endswith("Días completos en julio.") and 'lang="en"' not in lines[1]
    bare = dataclasses.replace(opp, raw={**opp.raw, "translations": {}})
    assert str(View(catalog, "es", opp.url).period_lines(bare)[1]).endswith('<span lang="en">Full days in July.</span>')


def test_listed_days_come_from_babel(catalog: Catalog) -> None:
    view = View(catalog, i18n.PSEUDO, "")
    first = str(view.when_lines(opp_of(catalog, "talk-series"))[0])
    assert first.startswith("⟦Sat, Feb 6; Sat, Feb 13") and "⟧ · ⟦10:00" in first


def test_the_season_filter_finds_each_period(catalog: Catalog) -> None:
    (season,) = [f for f in facets.FACETS if f.name == "season"]
    view = View(catalog, "en", "")
    assert season.values(opp_of(catalog, "year-round"), view) == ["school-year", "summer"]


# -- the exports -------------------------------------------------------------------------------------


def test_catalog_json_publishes_dates_and_periods(catalog: Catalog) -> None:
    dates = ChangeDates(catalog)
    talks = records.opportunity(catalog, opp_of(catalog, "talk-series"), SITE, dates)["schedule"]
    assert talks["dates"] == SATURDAYS and (talks["start"], talks["end"]) == ("2027-02-06", "2027-03-06")
    periods = records.opportunity(catalog, opp_of(catalog, "year-round"), SITE, dates)["schedule"]["periods"]
    assert periods == [
        {
            "season": "school-year",
            "hours_per_week": 8,
            "hours_per_week_max": 10,
            "days": ["tue", "thu"],
            "from": "15:30",
            "to": "18:00",
            "note": None,
            "es": {"note": None},
        },
        {
            "season": "summer",
            "hours_per_week": 30,
            "hours_per_week_max": None,
            "days": [],
            "from": None,
            "to": None,
            "note": "Full days in July.",
            "es": {"note": "Días completos en julio."},
        },
    ]


def test_the_catalog_schema_accepts_the_records(catalog: Catalog) -> None:
    import jsonschema

    from generator.exports.schema import catalog_schema

    schema = catalog_schema(SITE)
    validator = jsonschema.Draft202012Validator(schema)
    dates = ChangeDates(catalog)
    opportunity = schema["$defs"]["opportunity"] if "opportunity" in schema.get("$defs", {}) else None
    record = records.opportunity(catalog, opp_of(catalog, "year-round"), SITE, dates)
    if opportunity is not None:
        jsonschema.Draft202012Validator({**schema, **opportunity}).validate(record)
    schedule = _schedule_schema(schema)
    assert set(schedule["properties"]) >= {"dates", "periods"}
    validator.check_schema(schema)


def _schedule_schema(node: Any) -> dict[str, Any]:
    """The first object schema with both `dates` and `periods` among its properties."""
    if isinstance(node, dict):
        if {"dates", "periods", "sessions"} <= set(node.get("properties", {})):
            return node
        for value in node.values():
            found = _schedule_schema(value)
            if found:
                return found
    if isinstance(node, list):
        for value in node:
            found = _schedule_schema(value)
            if found:
                return found
    return {}


def test_the_spreadsheet_ends_with_dates_and_hours_by_season(catalog: Catalog) -> None:
    text = opportunities_csv(catalog, SITE, ChangeDates(catalog)).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    rows = {row["catalog_id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert header.index("hours_by_season") == header.index("event_dates") + 1
    assert header.index("event_dates") > header.index("tracks")
    assert rows["acme/talk-series"]["event_dates"] == "; ".join(SATURDAYS)
    assert rows["acme/year-round"]["hours_by_season"] == "school-year:8-10; summer:30"
    assert rows["acme/one-hour-talk"]["event_dates"] == rows["acme/one-hour-talk"]["hours_by_season"] == ""


# -- the calendar ------------------------------------------------------------------------------------


def test_each_listed_day_is_an_event(catalog: Catalog) -> None:
    talks = [e for e in dated_events(catalog) if e.opp.slug == "talk-series"]
    assert [(e.kind, e.day.isoformat()) for e in talks] == [
        ("deadline", "2027-01-10"),
        ("start", "2027-02-06"),
        ("date", "2027-02-13"),
        ("date", "2027-02-27"),
        ("date", "2027-03-06"),
    ]
    assert uid("date", talks[2].opp, "wbl.example.org", talks[2].day) == "date-acme--talk-series--2027-02-13@wbl.example.org"
    assert uid("start", talks[1].opp, "wbl.example.org", talks[1].day) == "start-acme--talk-series@wbl.example.org"


def test_times_of_day_make_timed_events_in_los_angeles(catalog: Catalog) -> None:
    out = calendars(catalog, SITE, ChangeDates(catalog))
    parsed = icalendar.Calendar.from_ical(out["data/deadlines.ics"])
    (zone,) = parsed.walk("VTIMEZONE")
    assert str(zone["TZID"]) == LA
    events = {str(e["UID"]).split("@")[0]: e for e in parsed.walk("VEVENT")}
    talk = events["start-acme--one-hour-talk"]
    start, end = talk.decoded("DTSTART"), talk.decoded("DTEND")
    assert (start.hour, end.hour, start.utcoffset()) == (10, 11, dt.timedelta(hours=-8))
    summer = events["date-acme--talk-series--2027-03-06"]
    assert summer.decoded("DTSTART").astimezone(dt.UTC) == dt.datetime(2027, 3, 6, 18, 0, tzinfo=dt.UTC)
    assert "Session 4 of 4." in str(summer["DESCRIPTION"]) and "Sesión 4 de 4: " in str(summer["DESCRIPTION"])
    assert str(summer["SUMMARY"]).startswith("Session: ")
    # Without times of day, listed days stay all-day; deadlines always are.
    assert events["start-acme--dates-no-times"].decoded("DTSTART") == dt.date(2027, 12, 11)
    assert events["deadline-acme--talk-series"].decoded("DTSTART") == dt.date(2027, 1, 10)
    # A run of several weeks starts all-day: its first day need not be a day it meets.
    assert events["start-acme--welding-intern"].decoded("DTSTART") == dt.date(2027, 6, 21)


def test_a_calendar_without_timed_events_has_no_timezone(catalog: Catalog) -> None:
    out = calendars(catalog, SITE, ChangeDates(catalog))
    sector = [path for path, data in out.items() if path != "data/deadlines.ics" and b"BEGIN:VEVENT" not in data]
    assert sector and all(b"VTIMEZONE" not in out[path] for path in sector)


def test_timed_events_are_the_bytes_icalendar_writes(catalog: Catalog) -> None:
    """The writer's DTSTART and DTEND of a timed event, beside icalendar's for a datetime in Los Angeles."""
    from zoneinfo import ZoneInfo

    writer = EventWriter(catalog, SITE, ChangeDates(catalog))
    timed = [e for e in dated_events(catalog) if times_of(e)]
    assert {e.opp.slug for e in timed} == {"talk-series", "one-hour-talk"}
    for item in timed:
        first, last = times_of(item) or (None, None)
        assert first is not None and last is not None
        reference = icalendar.Event()
        reference.add("dtstart", first.replace(tzinfo=ZoneInfo(LA)))
        reference.add("dtend", last.replace(tzinfo=ZoneInfo(LA)))
        expected = reference.to_ical().removeprefix(b"BEGIN:VEVENT\r\n").removesuffix(b"END:VEVENT\r\n")
        assert expected in writer.event(item)


def test_listed_days_come_after_the_deadline(minimal: Path) -> None:
    edit(minimal / BASE, '  start: "2027-06-21"\n' + END, '  dates:\n    - "2027-03-06"\n    - "2027-03-13"\n')
    assert check_lines(minimal) == [
        f"{SHOWN}:27:7: error: The first of `schedule.dates` (2027-03-06) is before the application deadline (2027-03-15). "
        "Dates go in this order: opens, deadline, then the days it happens."
    ]


def test_a_translated_note_needs_an_english_note(minimal: Path) -> None:
    added = "  periods:\n    - season: school-year\n      hours_per_week: 8\n    - season: summer\n      hours_per_week: 30\n"
    edit(minimal / BASE, END, END + added)
    with (minimal / BASE).open("a", encoding="utf-8") as file:
        file.write("translations:\n  es:\n    periods:\n      summer: Días completos en julio.\n")
    (line,) = check_lines(minimal)
    assert line.startswith(f"{SHOWN}:") and ":7: error: `translations.es.periods` translates a note of `summer`" in line
