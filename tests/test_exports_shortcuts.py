"""The exports' shortcuts give what the plain way gives: TEXT escaping without icalendar's vText, the CSV
without `cell` for every value, the feed's texts for its newest changes only, cached date formatting."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from icalendar.prop import vText

from generator.exports import feed as exports_feed
from generator.exports.calendar import text_value
from generator.exports.dates import ChangeDates, iso, midnight
from generator.exports.feed import SITE, Change, changes
from generator.exports.tabular import COLUMNS, Row, _csv, cell, opportunities_csv
from generator.model import regions
from generator.model.checked import check_catalog
from generator.present.view import View

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 22)
SITE_URL = "https://wbl-catalog.example.org/"


@pytest.fixture(scope="module")
def catalog():
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.errors
    return checked.catalog


@pytest.fixture(scope="module")
def odd_catalog(catalog):
    """The bundled catalog with values the CSV guards or converts: formulas, numbers and blanks where text goes."""
    starts = ["=1+1", "+1", "-x", "@sum", "\tTab", "\rCR", 'plain, with; separators "quoted"\nnewline', "é 😀"]
    opps = dict(catalog.opportunities)
    for start, opp in zip(starts, list(opps.values()), strict=False):
        schedule = {**opp.section("schedule"), "season": 2027, "hours_per_week": 12.5, "weeks": None}
        outcomes = {**opp.section("outcomes"), "credential": start}
        raw = {**opp.raw, "summary": start, "schedule": schedule, "outcomes": outcomes}
        opps[opp.id] = dataclasses.replace(opp, title=start, raw=raw)
    return dataclasses.replace(catalog, opportunities=opps)


@pytest.mark.parametrize(
    "text",
    ["", "plain", "a,b;c\\d", "\\n \\\\n", "line\nline\r\nline\rend\r", "é 😀 ^caret", "\\;\\,;,", "N\\\nN"],
)
def test_text_value_is_what_vtext_writes(text: str) -> None:
    assert text_value(text) == vText(text).to_ical()


@pytest.mark.parametrize("text", ["Civil \\N Engineering", "\\N", "a\\\\N"])
def test_text_value_keeps_a_literal_backslash_n(text: str) -> None:
    # icalendar reads a typed `\\N` as a line break; a title must come back exactly as written.
    encoded = text_value(text).decode()
    # RFC 5545 3.3.11 read left to right: `\\\\` is a backslash, `\\n` or `\\N` a line break.
    unescaped = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), encoded)
    assert unescaped == text


def test_csv_is_what_cell_by_cell_gives(odd_catalog) -> None:
    dates = ChangeDates(odd_catalog)
    rows = [[c.name for c in COLUMNS]]
    for _, opp in sorted(odd_catalog.opportunities.items()):
        row = Row(odd_catalog, opp, SITE_URL, dates)
        rows.append([cell(c, row) for c in COLUMNS])
    assert opportunities_csv(odd_catalog, SITE_URL, dates) == _csv(rows)
    title, season = [c.name for c in COLUMNS].index("title"), [c.name for c in COLUMNS].index("season")
    assert {"'=1+1", "'@sum", 'plain, with; separators "quoted"\nnewline'} <= {row[title] for row in rows}
    assert "2027" in {row[season] for row in rows}


def reference_changes(catalog, dates: ChangeDates) -> list[Change]:
    """The feed's changes as first written: every one with its texts, then sorted and cut."""
    found = []
    en = View(catalog, "en", "")
    for opp in catalog.opportunities.values():
        org = catalog.org_of(opp).name
        facts = [en.status(opp), en.pay(opp), en.grades(opp), en.where(opp)]
        if deadline := en.deadline_date(opp):  # the page's words for the deadline: rolling ones follow the mode
            facts.append(f"{en.t('deadline')}: {deadline}")
        summary = str(opp.raw.get("summary", "")) + "\n" + " · ".join(f for f in facts if f)
        if opp.example:
            summary = "Example listing, not a real offer.\n" + summary
        sectors = tuple((s, en.sector_name(s)) for s in opp.sectors)
        # In a catalog of several regions each entry names the regions it serves (all of them when none of its own).
        serves = regions.listing_regions(catalog, opp) or regions.ids(catalog.vocabularies)
        named = tuple((r, en.vocab("regions", r)) for r in serves) if regions.several(catalog) else ()
        found.append(Change(opp.id, dates.of(opp), f"{opp.title} ({org})", summary, org, sectors, regions=named))
    for ident, entry in catalog.retired.items():
        title = entry.title or ident
        found.append(
            Change(ident, dates.retired(ident), f"{en.t('status_retired')}: {title}", entry.reason, SITE, (), retired=True)
        )
    found.sort(key=lambda c: (-c.when.timestamp(), c.ident))
    return found[: exports_feed.LIMIT]


@pytest.mark.parametrize("limit", [1, 5, 1000])
def test_feed_changes_are_the_newest_of_all(catalog, monkeypatch, limit: int) -> None:
    # Without git, listings share review dates, and the undated retirements take retired.yml's: ties by catalog id.
    retired = {ident: dataclasses.replace(entry, date=None) for ident, entry in catalog.retired.items()}
    tied = dataclasses.replace(catalog, retired=retired)
    newest = max(o.last_reviewed for o in catalog.opportunities.values())
    dates = ChangeDates(tied, files={"retired.yml": midnight(newest)})
    monkeypatch.setattr(exports_feed, "LIMIT", limit)
    found = changes(tied, dates)
    assert found == reference_changes(tied, dates)
    assert len(found) == min(limit, len(catalog.opportunities) + len(catalog.retired))
    if limit == 5:
        assert found[0].when == found[1].when and found[0].ident < found[1].ident
        assert any(c.retired for c in found)


def test_change_dates_and_their_format_are_right_from_the_cache(catalog) -> None:
    dates = ChangeDates(catalog)
    for _ in range(2):
        for opp in catalog.opportunities.values():
            assert dates.of(opp) == midnight(opp.last_reviewed) and dates.of(opp).tzinfo is dt.UTC
    pacific = dt.datetime(2025, 3, 4, 23, 30, 15, 999, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    for _ in range(2):  # the same instant in two time zones shares a cache entry, and one text
        assert iso(pacific) == iso(pacific.astimezone(dt.UTC)) == "2025-03-05T07:30:15Z"
