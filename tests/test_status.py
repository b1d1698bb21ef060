"""One definition of each status (generator/model/status.py), read alike by the listing page, the card, the status
facet, catalog.json and the CSV, the counselor guide and the browse data from which the browser re-evaluates it.

The minimal catalog's welding internship takes applications from 2027-01-05 to 2027-03-15; each test checks a copy
of it as of a fixed day before, during and after that window (and, with two windows, between them).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import icalendar
import pytest
from conftest import copy_fixture, use_cached_validators
from test_listing_page import apply_section, fact, section, text_of
from test_steps_windows_roles import ID, SITE, edited, with_windows

from generator.exports.dates import ChangeDates
from generator.exports.records import opportunity
from generator.exports.tabular import opportunities_csv
from generator.i18n import t
from generator.model import Catalog, Opportunity
from generator.model import status as status_rules
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render import browse
from generator.render.browse_index import browse_files, card, when
from generator.render.encoding import ordered
from generator.render.facets import BY_NAME, DEFAULT_STATUS
from generator.render.site import SiteRenderer

OPENS, DEADLINE = dt.date(2027, 1, 5), dt.date(2027, 3, 15)
BEFORE, DURING, LAST_DAY, AFTER = dt.date(2026, 12, 1), dt.date(2027, 2, 1), DEADLINE, dt.date(2027, 4, 1)


def checked(root: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    use_cached_validators(monkeypatch)
    result = check_catalog(root, as_of=today)
    assert result.ok, result.errors
    return result.catalog


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    return copy_fixture("minimal", tmp_path)


def everywhere(catalog: Catalog, opp: Opportunity, lang: str) -> dict[str, Any]:
    """What each part says of the listing's status in one language."""
    view = View(catalog, lang, "opportunities/")
    renderer = SiteRenderer(catalog, SITE)
    page = renderer.opportunity(opp, lang).body
    module: Any = renderer.envs[lang].get_template("_macros.html").module
    card_html = str(module.cards(view, [opp], 3))
    record = opportunity(catalog, opp, SITE, ChangeDates(catalog))
    table = io.StringIO(opportunities_csv(catalog, SITE, ChangeDates(catalog)).decode("utf-8-sig"))
    [row] = [r for r in csv.DictReader(table) if r["catalog_id"] == opp.id]
    return {
        "key": view.status_key(opp),
        "page_badge": re.search(
            r'<span class="wbl-status wbl-status--(\w+)">', section(page, '<dl class="wbl-facts">', "</dl>")
        ).group(1),  # type: ignore[union-attr]
        "card_badge": re.search(r'wbl-status--(\w+)"', card_html).group(1),  # type: ignore[union-attr]
        "card_text": text_of(section(card_html, '<p class="wbl-card__facts">', "</p>")),
        "facet": BY_NAME["status"].values(opp, view),
        "shard": card(catalog, opp, view),
        "json": (record["status"], record["accepting_applications"]),
        "csv": (row["status"], row["accepting_applications"]),
        "deadline_fact": fact(page, {"en": "Deadline", "es": "Fecha límite"}[lang]),
        "apply": apply_section(page),
        "page": page,
    }


@pytest.mark.parametrize(
    ("today", "key", "exported", "label"),
    [
        pytest.param(BEFORE, "upcoming", ("open", False), "Opens January 5, 2027", id="before"),
        pytest.param(DURING, "open", ("open", True), "Accepting applications", id="during"),
        pytest.param(LAST_DAY, "open", ("open", True), "Accepting applications", id="last-day"),
        pytest.param(AFTER, "closed", ("closed", False), "Closed", id="after"),
    ],
)
def test_page_card_facet_and_exports_agree(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, today: dt.date, key: str, exported: tuple[str, bool], label: str
) -> None:
    catalog = checked(minimal, today, monkeypatch)
    opp = catalog.opportunities[ID]
    said = everywhere(catalog, opp, "en")
    assert status_rules.status_on(opp, today) == key
    assert said["key"] == said["page_badge"] == said["card_badge"] == said["shard"]["s"] == key
    # One value in the facet: "Accepting applications" (the default filter) holds only listings open today.
    assert said["facet"] == [key]
    assert (key in DEFAULT_STATUS) is exported[1]
    assert said["json"] == exported
    assert said["csv"] == (exported[0], "yes" if exported[1] else "no")
    assert said["card_text"].startswith(label + " ")
    assert said["shard"]["sl"] == label
    # The Apply button only while a family can apply; before, a reminder for the day applications open.
    assert ("md-button--primary" in said["apply"]) is (key == "open")
    assert ("data:text/calendar" in said["apply"]) is (key == "upcoming")


@pytest.mark.parametrize(
    ("today", "note", "counts"),
    [
        pytest.param(BEFORE, "", False, id="before: nobody can apply, no days are counted"),
        pytest.param(DURING, "42 days left", True, id="during"),
        pytest.param(dt.date(2027, 3, 14), "1 day left", True, id="one-day-left"),
        pytest.param(LAST_DAY, "Last day to apply", True, id="last-day"),
        pytest.param(AFTER, "Deadline passed", False, id="after"),
    ],
)
def test_days_left_only_while_open_and_marked_so_print_leaves_them_out(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, today: dt.date, note: str, counts: bool
) -> None:
    catalog = checked(minimal, today, monkeypatch)
    opp = catalog.opportunities[ID]
    view = View(catalog, "en", opp.url)
    assert view.deadline_note(opp) == note
    assert view.deadline(opp) == "March 15, 2027" + (f" ({note})" if note else "")
    html = str(view.deadline_html(opp))
    assert ('<span class="wbl-days-left">' in html) is counts
    said = everywhere(catalog, opp, "en")
    assert ("wbl-days-left" in said["page"]) is counts
    # The print style sheet hides what counts days, and nothing else of the deadline.
    css = (Path(__file__).resolve().parent.parent / "site_overrides/assets/wbl.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    assert re.search(r"\.wbl-days-left\s*\{\s*display:\s*none", printed)
    assert ".wbl-deadline-note" not in printed


def test_closed_in_its_file_counts_no_days(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edited(minimal, ("status: open", "status: closed"))
    catalog = checked(minimal, DURING, monkeypatch)
    opp = catalog.opportunities[ID]
    said = everywhere(catalog, opp, "en")
    assert said["key"] == said["shard"]["s"] == "closed" and said["facet"] == ["closed"]
    assert said["deadline_fact"] == "Closed March 15, 2027"
    assert "dn" not in said["shard"]


@pytest.mark.parametrize(
    ("today", "key"),
    [
        pytest.param(dt.date(2026, 12, 1), "upcoming", id="before-the-first"),
        pytest.param(dt.date(2027, 2, 1), "open", id="in-the-first"),
        pytest.param(dt.date(2027, 4, 1), "upcoming", id="between-the-two"),
        pytest.param(dt.date(2027, 6, 10), "open", id="in-the-second"),
        pytest.param(dt.date(2027, 8, 1), "closed", id="after-the-last"),
    ],
)
def test_windows_use_the_current_or_next_window_everywhere(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, today: dt.date, key: str
) -> None:
    catalog = checked(with_windows(minimal), today, monkeypatch)
    opp = catalog.opportunities[ID]
    for lang in ("en", "es"):
        said = everywhere(catalog, opp, lang)
        assert said["key"] == said["page_badge"] == said["card_badge"] == said["shard"]["s"] == key
        assert said["facet"] == [key]
        assert said["json"] == ("closed" if key == "closed" else "open", key == "open")


@pytest.mark.parametrize(
    ("lang", "opens", "remind", "summary"),
    [
        ("en", "Applications open on January 5, 2027", "Add a reminder to my calendar", "Applications open: "),
        (
            "es",
            "Las solicitudes abren el 5 de enero de 2027",
            "Agregar un recordatorio a mi calendario",
            "Abren las solicitudes: ",
        ),
    ],
)
def test_before_opening_the_page_offers_a_reminder_for_that_morning(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, lang: str, opens: str, remind: str, summary: str
) -> None:
    catalog = checked(minimal, BEFORE, monkeypatch)
    opp = catalog.opportunities[ID]
    apply = everywhere(catalog, opp, lang)["apply"]
    assert opens in text_of(apply)
    found = re.search(
        r'<a class="([^"]*wbl-apply__remind[^"]*)" href="(data:text/calendar;charset=utf-8,[^"]*)" download="([^"]+)">([^<]*)</a>',
        apply,
    )
    assert found, apply
    assert found.group(3) == "welding-intern-opens.ics" and found.group(4) == remind
    ics = unquote(found.group(2).split(",", 1)[1])
    assert "\r\n" in ics  # RFC 5545 line ends survive the address
    [event] = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert event.decoded("dtstart") == OPENS and event.decoded("dtend") == OPENS + dt.timedelta(days=1)
    assert str(event["summary"]).startswith(summary)
    assert str(event["uid"]) == "opens-acme--welding-intern--2027-01-05@wbl.example.org"
    assert str(event["url"]).endswith("opportunities/acme/welding-intern/")
    [alarm] = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == dt.timedelta(hours=9)  # 9 in the morning of the opening day
    # The same page built twice carries the same file (no build time in it).
    assert everywhere(catalog, opp, lang)["apply"] == apply
    # Small enough to carry in the page.
    assert len(found.group(2)) < 2000


def decode_when(data: dict[str, Any]) -> dict[int, list[tuple[dt.date | None, dt.date | None]]]:
    """browse_index.when read back as status.js decodeWhen reads it."""
    on = dt.date.fromisoformat(data["on"])
    out: dict[int, list[tuple[dt.date | None, dt.date | None]]] = {}
    ordinal, previous = -1, 0
    for row in data["rows"]:
        ordinal += row[0]
        pairs = []
        for i in range(1, len(row) - 1, 2):
            days = row[i + 1]
            if i == 1 and days >= 0:
                days += previous
                previous = days
            pairs.append((on + dt.timedelta(row[i]) if row[i] > 0 else None, on + dt.timedelta(days) if days >= 0 else None))
        out[ordinal] = pairs
    return out


def status_from(pairs: list[tuple[dt.date | None, dt.date | None]], today: dt.date) -> str:
    """status.js statusOn."""
    i = next((i for i, (_, d) in enumerate(pairs) if d is None or today <= d), len(pairs) - 1)
    opens, deadline = pairs[i]
    return (
        "closed" if deadline is not None and deadline < today else "upcoming" if opens is not None and opens > today else "open"
    )


@pytest.mark.parametrize("windows", [False, True], ids=["one-window", "two-windows"])
def test_the_browse_data_lets_the_browser_reach_the_statuses_of_later_days(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, windows: bool
) -> None:
    """A site built on one day, read on a later one, gives the statuses a build on that later day would."""
    root = with_windows(minimal) if windows else minimal
    built = checked(root, BEFORE, monkeypatch)
    rows = ordered(built)
    dates = decode_when(when(rows, built.today))
    index = browse_files(built, "en")["facets.json"]
    assert b'"when":{"on":"2026-12-01"' in index
    day = BEFORE
    while day <= dt.date(2027, 8, 10):
        for ordinal, opp in enumerate(rows):
            expected = status_rules.status_on(opp, day)
            built_status = status_rules.status_on(opp, BEFORE)
            seen = status_from(dates[ordinal], day) if ordinal in dates else built_status
            assert seen == expected, (opp.id, day)
        day += dt.timedelta(days=9)
    # And the truth on those days is what checking the catalog then says.
    for later in (DURING, AFTER):
        again = checked(root, later, monkeypatch)
        for ordinal, opp in enumerate(ordered(again)):
            if ordinal in dates:
                assert status_from(dates[ordinal], later) == View(again, "en", "").status_key(opp)


def test_the_counselor_guide_explains_the_same_statuses() -> None:
    for lang in ("en", "es"):
        docs = dict(browse.status_docs(lang))
        open_words = t("status_open", lang)
        words = [t("status_" + s, lang) for s in status_rules.STATUSES]
        words += [t(key, lang) for key in status_rules.LABEL_BY_MODE.values()]
        assert set(words) <= set(docs)
        # The upcoming and mode entries name the default filter by the words the filter shows.
        assert open_words in docs[t("status_upcoming", lang)]
        assert all(open_words in docs[t(key, lang)] for key in status_rules.LABEL_BY_MODE.values())
