"""When applicants hear back (application.results_by, application.waitlist), an employer of record that is
whoever enrolls the student (a list of organizations, or `provider`), and endorsement tiers: typed in the model,
shown on the listing's page in both languages, and published in catalog.json and the CSV.

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
from generator.model import Catalog, Opportunity
from generator.model.checked import check_catalog
from generator.render.site import SiteRenderer

BASE = "employers/acme/welding-intern.yml"
SITE = "https://wbl.example.org/"
NOTE = "Your provider is the one nearest your home."
NOTE_ES = "Tu proveedor es el más cercano a tu casa."

LISTINGS: dict[str, dict[str, Any]] = {
    "lottery": {"application": {"mode": "lottery", "results_by": "2027-04-01", "waitlist": True}},
    "decisions": {"application": {"results_by": "2027-03-29"}},
    "providers": {
        "employer_of_record": ["city-youth", "provider"],
        "employer_of_record_note": NOTE,
        "translations": {"es": {"employer_of_record_note": NOTE_ES}},
    },
    "provider-only": {"employer_of_record": "provider"},
    "two-orgs": {"employer_of_record": ["self", "city-youth"]},
    "tiered": {"outcomes": {"endorsements": ["work-readiness-certification", {"id": "act-workkeys-ncrc", "tier": "gold"}]}},
    "plain": {},
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("results"))
    shutil.copy(ROOT / "catalog" / "vocabularies" / "endorsements.yml", root / "vocabularies" / "endorsements.yml")
    # A second organization, one of the providers that may enroll the student.
    (root / "employers/city-youth").mkdir()
    org = (root / "employers/acme/organization.yml").read_text(encoding="utf-8")
    (root / "employers/city-youth/organization.yml").write_text(org.replace("Acme Fabrication", "City Youth Jobs"), "utf-8")
    write_variants(root, LISTINGS, BASE)
    return clean_catalog(root)


def opp_of(catalog: Catalog, slug: str) -> Opportunity:
    return catalog.opportunities[f"acme/{slug}"]


def page_text(catalog: Catalog, slug: str, lang: str) -> str:
    return listing_text(catalog, f"acme/{slug}", lang, SITE)


# -- model -------------------------------------------------------------------------------------


def test_the_model_types_results_payroll_and_tiers(catalog: Catalog) -> None:
    lottery, providers, plain = opp_of(catalog, "lottery"), opp_of(catalog, "providers"), opp_of(catalog, "plain")
    assert lottery.results_by is not None and lottery.results_by.isoformat() == "2027-04-01" and lottery.waitlist
    assert plain.results_by is None and not plain.waitlist
    assert (providers.employer_of_record, providers.employers_of_record, providers.employer_of_record_provider) == (
        "",
        ("city-youth",),
        True,
    )
    # `self` in a list is the listing's own organization; one organization alone is the employer of record.
    assert opp_of(catalog, "two-orgs").employers_of_record == ("acme", "city-youth")
    assert (plain.employer_of_record, plain.employers_of_record, plain.employer_of_record_varies) == ("acme", ("acme",), False)
    tiered = opp_of(catalog, "tiered")
    assert tiered.endorsements == ("work-readiness-certification", "act-workkeys-ncrc")
    assert (
        tiered.endorsement_tier("act-workkeys-ncrc") == "gold" and tiered.endorsement_tier("work-readiness-certification") is None
    )


# -- the page, in both languages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "lang", "said"),
    [
        ("lottery", "en", "Lottery drawn by April 1, 2027"),
        ("lottery", "es", "El sorteo se hace a más tardar el 1 de abril de 2027"),
        ("lottery", "en", "If seats are full, you can join a waitlist"),
        ("lottery", "es", "Si los lugares se llenan, puedes anotarte en una lista de espera"),
        ("decisions", "en", "Decisions by March 29, 2027"),
        ("decisions", "es", "Las respuestas llegan a más tardar el 29 de marzo de 2027"),
        ("providers", "en", "Whichever of these enrolls you, or another youth-services provider: City Youth Jobs " + NOTE),
        (
            "providers",
            "es",
            "La organización que te inscriba, entre estas u otro proveedor de servicios juveniles: City Youth Jobs",
        ),
        ("providers", "es", NOTE_ES),
        ("provider-only", "en", "The youth-services provider that enrolls you puts you on its payroll."),
        ("provider-only", "es", "El proveedor de servicios juveniles que te inscribe te pone en su nómina."),
        ("two-orgs", "en", "Whichever of these enrolls you: Acme Fabrication"),
        ("two-orgs", "en", "City Youth Jobs The employer of record puts students on payroll"),
        ("tiered", "en", "ACT WorkKeys National Career Readiness Certificate — Gold"),
        ("tiered", "es", "Certificado Nacional de Preparación Profesional ACT WorkKeys (NCRC) — Oro"),
    ],
)
def test_the_page_says_it(catalog: Catalog, slug: str, lang: str, said: str) -> None:
    assert said in page_text(catalog, slug, lang)


def test_a_listing_without_them_says_nothing_of_them(catalog: Catalog) -> None:
    text = page_text(catalog, "plain", "en")
    assert "waitlist" not in text and "Decisions by" not in text and "Lottery drawn" not in text
    assert "Whichever of these" not in text and "Employer of record Acme Fabrication" in text


def test_the_providers_are_linked(catalog: Catalog) -> None:
    html = SiteRenderer(catalog, SITE).opportunity(opp_of(catalog, "providers"), "es").body
    # The organization's name is contributor text in English, marked so on the Spanish page.
    assert re.search(r'<a href="[^"]*employers/city-youth/"><span lang="en">City Youth Jobs</span></a>', html)


# -- exports -----------------------------------------------------------------------------------


def exported(catalog: Catalog, slug: str) -> dict[str, Any]:
    return records.opportunity(catalog, opp_of(catalog, slug), SITE, ChangeDates(catalog))


def test_catalog_json_publishes_them(catalog: Catalog) -> None:
    lottery = exported(catalog, "lottery")["application"]
    assert (lottery["results_by"], lottery["waitlist"]) == ("2027-04-01", True)
    assert (exported(catalog, "plain")["application"]["results_by"], exported(catalog, "plain")["application"]["waitlist"]) == (
        None,
        False,
    )
    providers = exported(catalog, "providers")
    assert providers["employer_of_record"] is None
    assert providers["employers_of_record"] == [{"id": "city-youth", "name": "City Youth Jobs"}]
    assert providers["employer_of_record_provider"] is True
    assert (providers["employer_of_record_note"], providers["es"]["employer_of_record_note"]) == (NOTE, NOTE_ES)
    plain = exported(catalog, "plain")
    assert plain["employer_of_record"] == {"id": "acme", "name": "Acme Fabrication"} and not plain["employer_of_record_provider"]
    plain_badge, tiered_badge = exported(catalog, "tiered")["outcomes"]["endorsements"]
    assert plain_badge["tier"] is None
    assert tiered_badge["tier"] == {
        "id": "gold",
        "name": "Gold",
        "name_es": "Oro",
        "description": "A score of at least 5 on each of the three tests.",
        "description_es": "Un puntaje de al menos 5 en cada una de las tres pruebas.",
    }


def test_the_csv_columns_come_last_and_hold_them(catalog: Catalog) -> None:
    names = [c.name for c in COLUMNS]
    # Appended after the columns of format 1.2, so that the earlier ones keep their positions.
    start = names.index("results_by")
    assert names[start : start + 4] == ["results_by", "waitlist", "employers_of_record", "endorsement_tiers"]
    assert start > names.index("application_expected")

    def cells(slug: str) -> dict[str, str]:
        row = Row(catalog, opp_of(catalog, slug), SITE, ChangeDates(catalog))
        return {c.name: str(c.value(row)) for c in COLUMNS}

    assert (cells("lottery")["results_by"], cells("lottery")["waitlist"]) == ("2027-04-01", "yes")
    assert (cells("providers")["employer_of_record"], cells("providers")["employers_of_record"]) == (
        "",
        "City Youth Jobs; provider",
    )
    assert cells("plain")["employers_of_record"] == "" and cells("plain")["employer_of_record"] == "Acme Fabrication"
    assert cells("tiered")["endorsement_tiers"] == "act-workkeys-ncrc:gold"


# -- the bundled example -----------------------------------------------------------------------


def test_the_bundled_county_summer_jobs_listing_shows_it_all(tmp_path: Path) -> None:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    opp = checked.catalog.opportunities["riverbend-county-youth-jobs/summer-jobs-lottery"]
    assert opp.example and opp.dates_expected and opp.waitlist and opp.employer_of_record_provider
    assert opp.endorsement_tier("act-workkeys-ncrc") == "bronze"
    for lang, said in (("en", "Whichever of these enrolls you"), ("es", "La organización que te inscriba")):
        html = SiteRenderer(checked.catalog, SITE).opportunity(opp, lang).body
        text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
        assert said in text and opp.text("employer_of_record_note", lang) is not None
        assert opp.text_in("application", "expected", lang).value in text  # type: ignore[union-attr]
