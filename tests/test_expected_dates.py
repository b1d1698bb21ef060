"""A program whose next application dates are not announced yet (application.expected): the checker's rules, its
status (upcoming, not accepting), the listing page and card in both languages, the status facet and the browse
data, catalog.json, the CSV and JSON-LD.

Each test edits a copy of the minimal catalog (its welding internship) and checks it as of AS_OF.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, check_lines, clean_catalog, copy_fixture, use_cached_validators

from generator.exports.calendar import dated_events
from generator.exports.dates import ChangeDates
from generator.exports.records import accepting, opportunity
from generator.exports.schema import catalog_schema
from generator.exports.tabular import opportunities_csv
from generator.model import Catalog
from generator.model import status as status_rules
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render.browse_index import card, when
from generator.render.facets import FACETS
from generator.render.site import SiteRenderer
from generator.render.structured_data import job_posting_data

LISTING = "employers/acme/welding-intern.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"
ID = "acme/welding-intern"
SITE = "https://wbl.example.org/"
DATES = '  opens: "2027-01-05"\n  deadline: "2027-03-15"\n'
EXPECTED = "  expected: Applications usually open in March.\n"
ENGLISH = "Applications usually open in March."
SPANISH = "Las solicitudes suelen abrir en marzo."


def edited(root: Path, old: str, new: str) -> Path:
    path = root / LISTING
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return root


def expected_catalog(root: Path, spanish: bool = True) -> Path:
    edited(root, DATES, EXPECTED)
    if spanish:
        edited(root, "status: open\n", f"status: open\ntranslations:\n  es:\n    expected: {SPANISH}\n")
    return root


# -- the checker ----------------------------------------------------------------------------------------


def test_expected_alone_passes(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_cached_validators(monkeypatch)
    assert check_lines(expected_catalog(minimal)) == []


@pytest.mark.parametrize(
    ("dates", "written"),
    [
        ('  deadline: "2027-03-15"\n', "`deadline`"),
        ("  rolling: true\n", "`rolling`"),
        ('  opens: "2027-01-05"\n  deadline: "2027-03-15"\n', "`opens` and `deadline`"),
        ('  windows:\n    - {opens: "2027-01-11", deadline: "2027-03-01"}\n', "`windows`"),
    ],
)
def test_expected_beside_dates_is_refused_where_it_is_written(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, dates: str, written: str
) -> None:
    use_cached_validators(monkeypatch)
    root = edited(minimal, DATES, dates + EXPECTED)
    line = (root / LISTING).read_text(encoding="utf-8").splitlines().index(EXPECTED.rstrip("\n")) + 1
    assert check_lines(root) == [
        f"{SHOWN}:{line}:3: error: `application` has both `expected` and {written}. "
        f"`expected` is for dates not announced yet: keep {written} and remove `expected`, or keep `expected` and "
        "remove the rest until the dates are announced (then write `opens` and `deadline`)."
    ]


def test_without_dates_or_expected_the_message_offers_expected(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_cached_validators(monkeypatch)
    lines = check_lines(edited(minimal, DATES, ""))
    assert len(lines) == 1 and "`expected:` with when applications usually open" in lines[0]


# -- status, pages, card, facets, exports -------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = expected_catalog(copy_fixture("minimal", tmp_path_factory.mktemp("expected")))
    return clean_catalog(root)


@pytest.fixture(scope="module")
def untranslated(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = expected_catalog(copy_fixture("minimal", tmp_path_factory.mktemp("expected-en")), spanish=False)
    return clean_catalog(root)


def test_the_listing_is_upcoming_and_not_accepting(catalog: Catalog) -> None:
    opp = catalog.opportunities[ID]
    assert opp.dates_expected and opp.opens is None and opp.deadline is None
    # No day opens it: it stays upcoming however late the date, until its file gives dates.
    for day in (AS_OF, AS_OF.replace(year=2030)):
        assert status_rules.status_on(opp, day) == "upcoming"
        assert not status_rules.accepting(opp, day)
    assert status_rules.windows_ahead(opp, AS_OF) == []


def page(catalog: Catalog, lang: str) -> str:
    return SiteRenderer(catalog, SITE).opportunity(catalog.opportunities[ID], lang).body


def apply_section(html: str) -> str:
    at = html.index('<section class="wbl-apply"')
    return html[at : html.index("</section>", at)]


@pytest.mark.parametrize(
    ("lang", "words", "status", "program"),
    [("en", ENGLISH, "Opens soon", "Program page"), ("es", SPANISH, "Abre pronto", "Página del programa")],
)
def test_the_page_says_when_applications_usually_open(catalog: Catalog, lang: str, words: str, status: str, program: str) -> None:
    html = page(catalog, lang)
    facts = html[html.index('<dl class="wbl-facts">') : html.index("</dl>")]
    assert f'<span class="wbl-status wbl-status--upcoming">{status}</span> <span>{words}</span>' in facts
    section = apply_section(html)
    assert f'<p class="wbl-apply__opens wbl-apply__expected"><strong>{words}</strong></p>' in section
    # No Apply button and no calendar reminder: nobody can apply and there is no date to be reminded of.
    assert "md-button--primary" not in section and "wbl-apply__remind" not in section and "text/calendar" not in html
    assert f'href="https://example.org/apply" rel="nofollow noopener">{program}</a>' in section


def test_an_untranslated_line_is_marked_english_on_the_spanish_page_and_card(untranslated: Catalog) -> None:
    html = page(untranslated, "es")
    assert f'<strong><span lang="en">{ENGLISH}</span></strong>' in apply_section(html)
    opp = untranslated.opportunities[ID]
    view = View(untranslated, "es", "opportunities/", SITE)
    assert str(view.card_status_html(opp)) == f'<span lang="en">{ENGLISH}</span>'
    shard = card(untranslated, opp, view)
    assert (shard["sl"], shard["sll"]) == (ENGLISH, "en")


@pytest.mark.parametrize(("lang", "words"), [("en", ENGLISH), ("es", SPANISH)])
def test_the_card_and_the_browse_data_say_it_too(catalog: Catalog, lang: str, words: str) -> None:
    opp = catalog.opportunities[ID]
    view = View(catalog, lang, "opportunities/", SITE)
    renderer = SiteRenderer(catalog, SITE)
    module: Any = renderer.envs[lang].get_template("_macros.html").module
    html = str(module.cards(view, [opp], 3))
    assert f'<span class="wbl-status wbl-status--upcoming">{words}</span>' in html
    assert "Deadline" not in html and "Fecha límite" not in html
    shard = card(catalog, opp, view)
    assert (shard["s"], shard["sl"], "sll" in shard, "dn" in shard) == ("upcoming", words, False, False)
    # The status facet files it under "Opens soon", and the browser has no dates to move it by.
    status_facet = next(f for f in FACETS if f.name == "status")
    assert status_facet.values(opp, view) == ["upcoming"]
    assert when([opp], AS_OF)["rows"] == []


def test_catalog_json_and_the_csv_publish_it(catalog: Catalog) -> None:
    import jsonschema

    opp = catalog.opportunities[ID]
    record = opportunity(catalog, opp, SITE, ChangeDates(catalog))
    assert record["application"]["expected"] == ENGLISH and record["es"]["expected"] == SPANISH
    assert (record["application"]["opens"], record["application"]["deadline"]) == (None, None)
    assert record["accepting_applications"] is False and accepting(catalog, opp) is False
    schema = catalog_schema(SITE)
    jsonschema.validate(record, {**schema["properties"]["opportunities"]["items"], "$schema": schema["$schema"]})
    rows = list(csv.reader(io.StringIO(opportunities_csv(catalog, SITE, ChangeDates(catalog)).decode("utf-8-sig"))))
    header, row = rows[0], next(r for r in rows[1:] if r[0] == ID)
    # Appended after the columns before it (later columns follow it), so that every earlier column keeps its position.
    at = header.index("application_expected")
    assert header[at - 1] == "tracks" and row[at] == ENGLISH


def test_no_job_posting_and_no_calendar_date(catalog: Catalog) -> None:
    opp = catalog.opportunities[ID]
    assert job_posting_data(catalog, opp, View(catalog, "en", opp.url, SITE)) is None
    assert {e.kind for e in dated_events(catalog) if e.opp.id == ID} <= {"start"}


def test_an_old_listing_exports_no_expected_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_cached_validators(monkeypatch)
    catalog = check_catalog(copy_fixture("minimal", tmp_path), as_of=AS_OF).catalog
    record = opportunity(catalog, catalog.opportunities[ID], SITE, ChangeDates(catalog))
    assert record["application"]["expected"] is None and record["es"]["expected"] is None
