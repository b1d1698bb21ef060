"""When a listing happens: the model's schedule, the listing page's "When" fact in English and Spanish, and the
time facts in catalog.json, the spreadsheet and schema.org's timeToComplete.

The listings are the minimal catalog's welding internship with its schedule changed, checked and rendered as the
build does (see test_listing_page.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from conftest import clean_catalog, copy_fixture, write_variants
from test_listing_page import fact

from generator import i18n
from generator.exports import records
from generator.exports.dates import ChangeDates
from generator.exports.tabular import opportunities_csv
from generator.model import Catalog, Opportunity
from generator.present.view import View
from generator.render.site import SiteRenderer
from generator.render.structured_data import listing_program_data

SITE = "https://wbl.example.org/"
BASE = "employers/acme/welding-intern.yml"
OPEN = {"application": {"opens": "2026-11-01", "deadline": "2027-01-10"}}
# Real (not an example), free and of the training stage: a program that schema.org's JSON-LD describes.
PROGRAM = {**OPEN, "example": False, "pay": {"type": "free", "amount": None, "unit": None}, "employer_of_record": None}
NO_SEASON = {"season": None}
NO_DATES = {"start": None, "end": None}

LISTINGS: dict[str, dict[str, Any]] = {
    "one-hour-talk": {
        **OPEN,
        "schedule": {**NO_SEASON, "start": "2027-02-10", "end": "2027-02-10", "from": "10:00", "to": "11:00"},
    },
    "tuesday-evenings": {
        **OPEN,
        "schedule": {**NO_SEASON, "start": "2027-01-19", "end": "2027-05-25", "days": ["tue"], "from": "17:30", "to": "19:30"},
    },
    "six-saturdays": {
        **OPEN,
        "schedule": {
            **NO_SEASON,
            "start": "2027-03-06",
            "end": "2027-04-10",
            "days": ["sat"],
            "sessions": 6,
            "from": "08:00",
            "to": "12:00",
            "total_hours": 24,
        },
    },
    "ranges": {
        **PROGRAM,
        "schedule": {**NO_SEASON, **NO_DATES, "weeks": 6, "weeks_max": 8, "hours_per_week": 12, "hours_per_week_max": 15},
    },
    "set-weeks": {**PROGRAM, "schedule": {**NO_DATES, "weeks": 8, "weeks_max": 8, "total_hours": 100, "total_hours_max": 120}},
    "two-days": {
        **OPEN,
        "schedule": {**NO_DATES, "days": ["thu", "tue"], "from": "15:30", "to": "17:30", "sessions": 1, "weeks": 1},
    },
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("time"))
    write_variants(root, LISTINGS, BASE)
    return clean_catalog(root)


@pytest.fixture(scope="module")
def renderer(catalog: Catalog) -> SiteRenderer:
    return SiteRenderer(catalog, SITE)


def opp_of(catalog: Catalog, slug: str) -> Opportunity:
    return catalog.opportunities[f"acme/{slug}"]


def when(renderer: SiteRenderer, slug: str, lang: str) -> str:
    html = renderer.opportunity(opp_of(renderer.catalog, slug), lang).body
    return fact(html, {"en": "When", "es": "Cuándo"}[lang])


def spaced(text: str) -> str:
    """Babel's narrow and thin spaces as plain spaces, as a reader sees them."""
    return text.replace("\u202f", " ").replace("\u2009", " ")


# -- the model ---------------------------------------------------------------------------------------


def test_the_model_reads_times_weekdays_and_ranges(catalog: Catalog) -> None:
    saturdays = opp_of(catalog, "six-saturdays").schedule
    assert (saturdays.days, saturdays.sessions, saturdays.total_hours) == ((5,), 6, 24)
    assert (saturdays.time_from, saturdays.time_to) == (dt.time(8, 0), dt.time(12, 0))
    ranges = opp_of(catalog, "ranges").schedule
    assert (ranges.weeks, ranges.weeks_max, ranges.hours_per_week, ranges.hours_per_week_max) == (6, 8, 12, 15)
    assert opp_of(catalog, "two-days").schedule.days == (1, 3)  # Tuesday before Thursday, as a week runs
    assert opp_of(catalog, "one-hour-talk").one_day and not opp_of(catalog, "six-saturdays").one_day


# -- the page ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "lang", "expected"),
    [
        ("one-hour-talk", "en", "Wednesday, February 10, 2027, 10:00 – 11:00 AM"),
        ("one-hour-talk", "es", "miércoles, 10 de febrero de 2027, 10:00–11:00 a.m."),
        ("tuesday-evenings", "en", "Jan 19, 2027 – May 25, 2027 | Every Tuesday · 5:30 – 7:30 PM"),
        ("tuesday-evenings", "es", "19 ene 2027 – 25 may 2027 | Cada martes · 5:30–7:30 p.m."),
        (
            "six-saturdays",
            "en",
            "Mar 6, 2027 – Apr 10, 2027 | Every Saturday · 8:00 AM – 12:00 PM · 6 sessions | 24 hours in all",
        ),
        (
            "six-saturdays",
            "es",
            "6 mar 2027 – 10 abr 2027 | Cada sábado · 8:00 a.m. – 12:00 p.m. · 6 sesiones | 24 horas en total",
        ),
        ("ranges", "en", "12–15 hours a week · 6–8 weeks"),
        ("ranges", "es", "12–15 horas por semana · 6–8 semanas"),
        ("set-weeks", "en", "Summer | 8 weeks · 100–120 hours in all"),
        ("set-weeks", "es", "Verano | 8 semanas · 100–120 horas en total"),
        ("two-days", "en", "Summer | Every Tuesday and Thursday · 3:30 – 5:30 PM · 1 session | 1 week"),
        ("two-days", "es", "Verano | Cada martes y jueves · 3:30–5:30 p.m. · 1 sesión | 1 semana"),
    ],
)
def test_the_when_fact_says_dates_days_times_and_hours(renderer: SiteRenderer, slug: str, lang: str, expected: str) -> None:
    assert spaced(when(renderer, slug, lang)) == expected


def test_a_one_day_event_names_its_day_once(renderer: SiteRenderer) -> None:
    text = when(renderer, "one-hour-talk", "en")
    assert text.count("2027") == 1 and "|" not in text


def test_times_and_weekdays_come_from_babel(catalog: Catalog) -> None:
    """Not from the interface catalogs: the pseudo-locale marks each formatted value as a whole."""
    view = View(catalog, i18n.PSEUDO, "")
    lines = [str(line) for line in view.when_lines(opp_of(catalog, "tuesday-evenings"))]
    assert "⟦Tuesday⟧" in lines[1] and "⟦5:30\u2009–\u20097:30\u202fPM⟧" in lines[1]


# -- the exports -------------------------------------------------------------------------------------


def test_catalog_json_publishes_the_time_facts(catalog: Catalog) -> None:
    dates = ChangeDates(catalog)
    saturdays = records.opportunity(catalog, opp_of(catalog, "six-saturdays"), SITE, dates)["schedule"]
    assert saturdays | {"start": None, "end": None} == {
        "season": None,
        "start": None,
        "end": None,
        "hours_per_week": None,
        "weeks": None,
        "times": None,
        "hours_per_week_max": None,
        "weeks_max": None,
        "total_hours": 24,
        "total_hours_max": None,
        "total_hours_at_least": False,
        "days": ["sat"],
        "sessions": 6,
        "from": "08:00",
        "to": "12:00",
        "dates": [],
        "periods": [],
    }
    ranges = records.opportunity(catalog, opp_of(catalog, "ranges"), SITE, dates)["schedule"]
    assert (ranges["weeks"], ranges["weeks_max"], ranges["hours_per_week"], ranges["hours_per_week_max"]) == (6, 8, 12, 15)
    assert records.opportunity(catalog, opp_of(catalog, "two-days"), SITE, dates)["schedule"]["days"] == ["tue", "thu"]


def test_the_spreadsheet_ends_with_the_time_columns(catalog: Catalog) -> None:
    text = opportunities_csv(catalog, SITE, ChangeDates(catalog)).decode("utf-8-sig")
    rows = {row["catalog_id"]: row for row in csv.DictReader(io.StringIO(text))}
    header = next(csv.reader(io.StringIO(text)))
    time_columns = [
        "hours_per_week_max",
        "weeks_max",
        "total_hours",
        "total_hours_max",
        "days",
        "sessions",
        "time_from",
        "time_to",
    ]
    assert [c for c in header if c in time_columns] == time_columns
    assert header.index("time_from") > header.index("url_es")  # appended after the format's first columns
    saturdays = rows["acme/six-saturdays"]
    assert [saturdays[c] for c in time_columns] == ["", "", "24", "", "sat", "6", "08:00", "12:00"]
    assert rows["acme/two-days"]["days"] == "tue; thu"
    assert (rows["acme/set-weeks"]["total_hours"], rows["acme/set-weeks"]["total_hours_max"]) == ("100", "120")


@pytest.mark.parametrize(("slug", "expected"), [("set-weeks", "P8W"), ("ranges", None)])
def test_time_to_complete_is_a_set_number_of_weeks(catalog: Catalog, slug: str, expected: str | None) -> None:
    opp = opp_of(catalog, slug)
    data = listing_program_data(catalog, opp, View(catalog, "en", opp.url, SITE))
    assert data is not None
    assert data.get("timeToComplete") == expected
