"""Credit, endorsements and quality evidence (outcomes.credits, outcomes.endorsements, quality.evaluation,
coordinator, handbook, mentor_training): typed in the model, shown on the listing's page in both languages,
found by the "offers" filter alike whether written as the older flags or as credits, and published in
catalog.json and the CSV.

Each listing is the minimal catalog's welding internship with some fields changed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, ROOT, clean_catalog, copy_fixture, listing_text, write_variants

from generator.exports import records
from generator.exports.dates import ChangeDates
from generator.exports.tabular import COLUMNS, Row
from generator.model import Catalog, Credit, Opportunity
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render.facets import BY_NAME
from generator.render.site import SiteRenderer

BASE = "employers/acme/welding-intern.yml"
SITE = "https://wbl.example.org/"

LISTINGS: dict[str, dict[str, Any]] = {
    # Written before credits existed: the flags alone.
    "flags": {"outcomes": {"academic_credit": True, "college_credit": True}},
    "units": {
        "outcomes": {"credits": [{"kind": "college", "amount": 3, "from": "Harborview Community College"}]},
    },
    "one-unit": {"outcomes": {"credits": [{"kind": "college", "amount": 1}]}},
    "hours": {
        "outcomes": {
            "credits": [{"kind": "apprenticeship-hours", "amount": 160}, {"kind": "high-school", "amount": 5}],
            "endorsements": ["work-readiness-certification"],
        },
        "quality": {
            "evaluation": {"criteria": ["Time management", "Attendance"], "when": "At the start and at the end"},
            "coordinator": "A program coordinator checks in weekly",
            "handbook": "https://example.org/handbook",
            "mentor_training": "Mentors take a half-day workshop",
        },
        "translations": {
            "es": {
                "evaluation": {"criteria": ["Manejo del tiempo", "Asistencia"], "when": "Al principio y al final"},
                "coordinator": "Un coordinador del programa se comunica cada semana",
            }
        },
    },
    "none": {},
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("credit"))
    shutil.copy(ROOT / "catalog" / "vocabularies" / "endorsements.yml", root / "vocabularies" / "endorsements.yml")
    write_variants(root, LISTINGS, BASE)
    return clean_catalog(root)


def opp_of(catalog: Catalog, slug: str) -> Opportunity:
    return catalog.opportunities[f"acme/{slug}"]


def page_text(catalog: Catalog, slug: str, lang: str) -> str:
    return listing_text(catalog, f"acme/{slug}", lang, SITE)


# -- model -------------------------------------------------------------------------------------


def test_credits_are_typed_and_imply_the_older_flags(catalog: Catalog) -> None:
    hours = opp_of(catalog, "hours")
    assert hours.credits == (Credit("apprenticeship-hours", 160), Credit("high-school", 5))
    assert hours.endorsements == ("work-readiness-certification",)
    assert hours.offers_credit("academic_credit") and not hours.offers_credit("college_credit")
    assert opp_of(catalog, "units").credits == (Credit("college", 3, "Harborview Community College"),)
    assert opp_of(catalog, "units").offers_credit("college_credit")
    assert opp_of(catalog, "flags").offers_credit("academic_credit") and opp_of(catalog, "flags").credits == ()
    assert not opp_of(catalog, "none").offers_credit("college_credit")


def test_evidence_text_comes_in_the_page_language_or_marked_english(catalog: Catalog) -> None:
    hours = opp_of(catalog, "hours")
    assert [(t.value, t.lang) for t in hours.evaluation_criteria("es")] == [("Manejo del tiempo", "es"), ("Asistencia", "es")]
    assert [t.value for t in hours.evaluation_criteria("en")] == ["Time management", "Attendance"]
    assert hours.evidence_text("when", "es").value == "Al principio y al final"  # type: ignore[union-attr]
    mentor = hours.evidence_text("mentor_training", "es")
    assert mentor is not None and (mentor.value, mentor.lang) == ("Mentors take a half-day workshop", "en")
    assert opp_of(catalog, "none").evidence_text("coordinator", "en") is None


# -- the listing's page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "lang", "expected"),
    [
        ("units", "en", "3 college units from Harborview Community College"),
        ("units", "es", "3 unidades universitarias, a través de Harborview Community College"),
        ("one-unit", "en", "1 college unit"),
        ("one-unit", "es", "1 unidad universitaria"),
        ("hours", "en", "160 hours toward a registered apprenticeship"),
        ("hours", "es", "160 horas para un programa de aprendizaje registrado"),
        ("hours", "en", "5 high-school credits"),
        ("hours", "es", "5 créditos de preparatoria"),
    ],
)
def test_each_credit_is_said_with_its_amount_in_words_that_follow_it(
    catalog: Catalog, slug: str, lang: str, expected: str
) -> None:
    assert expected in page_text(catalog, slug, lang)


def test_one_unit_is_singular(catalog: Catalog) -> None:
    assert "1 college units" not in page_text(catalog, "one-unit", "en")


def test_a_credit_checks_the_older_flag_on_the_page(catalog: Catalog) -> None:
    assert "College credit: ✓" in page_text(catalog, "units", "en")
    assert "Créditos universitarios: ✓" in page_text(catalog, "units", "es")
    assert "College credit: —" in page_text(catalog, "none", "en")


@pytest.mark.parametrize(
    ("lang", "heading", "awarded"),
    [
        ("en", "Endorsements and badges", "Awarded by L.A. Youth at Work"),
        ("es", "Reconocimientos e insignias", "Otorga: L.A. Youth at Work, que dirige UNITE-LA"),
    ],
)
def test_an_endorsement_is_a_linked_badge_that_names_who_awards_it(
    catalog: Catalog, lang: str, heading: str, awarded: str
) -> None:
    html = SiteRenderer(catalog, SITE).opportunity(opp_of(catalog, "hours"), lang).body
    item = catalog.vocabularies.get("endorsements", "work-readiness-certification")
    assert item is not None
    badge = f'<strong class="wbl-badge wbl-badge--endorsement"><a href="{item.extra["url"]}" rel="noopener">{item.label(lang)}</a></strong>'
    assert badge in html
    text = page_text(catalog, "hours", lang)
    assert heading in text and awarded in text
    assert heading not in page_text(catalog, "none", lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "How the program checks its quality",
                "Students are evaluated on: Time management, Attendance",
                "When students are evaluated: At the start and at the end",
                "Coordination: A program coordinator checks in weekly",
                "Mentor training: Mentors take a half-day workshop",
                "Program handbook",
            ],
        ),
        (
            "es",
            [
                "Cómo el programa revisa su calidad",
                "Se evalúa a los estudiantes en: Manejo del tiempo, Asistencia",
                "Cuándo se evalúa a los estudiantes: Al principio y al final",
                "Coordinación: Un coordinador del programa se comunica cada semana",
                "Capacitación de mentores: Mentors take a half-day workshop",
                "Manual del programa",
            ],
        ),
    ],
)
def test_the_quality_section_shows_the_evidence_beside_the_rubric(catalog: Catalog, lang: str, expected: list[str]) -> None:
    html = SiteRenderer(catalog, SITE).opportunity(opp_of(catalog, "hours"), lang).body
    quality = html[html.index('class="wbl-quality"') :]
    text = " ".join(re.sub(r"<[^>]+>", " ", quality).split())
    assert [e for e in expected if e not in text] == []
    assert '<a href="https://example.org/handbook" rel="nofollow noopener">' in quality
    # Untranslated evidence is marked as English on the Spanish page.
    assert lang == "en" or '<span lang="en">Mentors take a half-day workshop</span>' in quality
    assert expected[0] not in page_text(catalog, "none", lang)


# -- the offers filter -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "offers"),
    [
        ("flags", ["academic-credit", "college-credit"]),
        ("units", ["college-credit"]),
        ("hours", ["academic-credit", "apprenticeship-hours"]),
        ("none", []),
    ],
)
def test_credits_and_flags_match_the_same_offers(catalog: Catalog, slug: str, offers: list[str]) -> None:
    facet = BY_NAME["offers"]
    view = View(catalog, "en", "opportunities/")
    assert facet.values(opp_of(catalog, slug), view) == offers
    assert set(offers) <= set(facet.options(catalog, View(catalog, "es", "opportunities/")))
    assert (
        facet.options(catalog, View(catalog, "es", "opportunities/"))["apprenticeship-hours"]
        == "Horas para un programa de aprendizaje"
    )


# -- exports -----------------------------------------------------------------------------------


def test_catalog_json_publishes_credits_endorsements_and_evidence(catalog: Catalog) -> None:
    dates = ChangeDates(catalog)
    hours = records.opportunity(catalog, opp_of(catalog, "hours"), SITE, dates)
    assert hours["outcomes"]["academic_credit"] is True and hours["outcomes"]["college_credit"] is False
    assert hours["outcomes"]["credits"] == [
        {"kind": "apprenticeship-hours", "amount": 160, "from": None},
        {"kind": "high-school", "amount": 5, "from": None},
    ]
    [badge] = hours["outcomes"]["endorsements"]
    assert badge["id"] == "work-readiness-certification" and badge["url"] == "https://www.layouthatwork.org/"
    assert badge["awarded_by"].startswith("L.A. Youth at Work") and badge["awarded_by_es"].startswith("L.A. Youth at Work, que")
    assert hours["quality"]["evaluation"] == {
        "criteria": ["Time management", "Attendance"],
        "when": "At the start and at the end",
    }
    assert hours["quality"]["coordinator"] == "A program coordinator checks in weekly"
    assert hours["quality"]["handbook"] == "https://example.org/handbook"
    assert hours["quality"]["mentor_training"] == "Mentors take a half-day workshop"
    assert hours["es"]["evaluation_criteria"] == ["Manejo del tiempo", "Asistencia"]
    assert hours["es"]["evaluation_when"] == "Al principio y al final"
    assert hours["es"]["coordinator"] == "Un coordinador del programa se comunica cada semana"
    assert hours["es"]["mentor_training"] is None
    none = records.opportunity(catalog, opp_of(catalog, "none"), SITE, dates)
    assert none["outcomes"]["credits"] == [] and none["quality"]["evaluation"] is None
    assert none["es"]["evaluation_criteria"] is None


def test_the_csv_has_the_new_columns_at_the_end(catalog: Catalog) -> None:
    names = [c.name for c in COLUMNS]
    new = [
        "credits",
        "credits_from",
        "endorsements",
        "evaluation_criteria",
        "evaluation_when",
        "coordinator",
        "handbook",
        "mentor_training",
    ]
    assert all(names.index(n) > names.index("url_es") for n in new)
    dates = ChangeDates(catalog)

    def row(slug: str) -> dict[str, str]:
        r = Row(catalog, opp_of(catalog, slug), SITE, dates)
        return {c.name: str(c.value(r)) for c in COLUMNS}

    hours, units, flags = row("hours"), row("units"), row("flags")
    assert hours["credits"] == "apprenticeship-hours:160; high-school:5" and hours["academic_credit"] == "yes"
    assert units["credits_from"] == "Harborview Community College" and units["college_credit"] == "yes"
    assert flags["college_credit"] == "yes" and flags["credits"] == ""
    assert hours["endorsements"] == "work-readiness-certification"
    assert hours["evaluation_criteria"] == "Time management; Attendance"
    assert hours["evaluation_when"] == "At the start and at the end"
    assert hours["handbook"] == "https://example.org/handbook"
    assert hours["coordinator"] and hours["mentor_training"]


def test_the_bundled_examples_show_each_new_fact() -> None:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    opps = checked.catalog.opportunities
    kaiser = opps["kaiser-permanente-socal/summer-high-school-internship"]
    assert len(kaiser.evaluation_criteria("es")) == 6 and kaiser.evaluation_criteria("es")[0].lang == "es"
    assert opps["harborview-community-college/it-help-desk-internship"].credits[0].kind == "college"
    foothill = opps["foothill-electrical-contractors/electrical-pre-apprenticeship"]
    assert foothill.credits[0].kind == "apprenticeship-hours" and foothill.endorsements
    assert Path(ROOT / "catalog" / "vocabularies" / "endorsements.yml").is_file()
