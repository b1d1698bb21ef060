"""schema.org JSON-LD of listing pages: a program that is not a job says what it pays, costs, asks and where it runs.

The listings are the minimal catalog's welding internship with some fields changed, real (not examples), checked
as the build checks them. Every object is checked for shape: a known schema.org type, only properties schema.org
defines for it, no empty values, ISO 8601 dates and durations, and JSON that is safe inside a <script> element.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from typing import Any

import pytest
import yaml
from conftest import ROOT, clean_catalog, copy_fixture

from generator.model import Catalog, Opportunity
from generator.present.view import View
from generator.render.site import SiteRenderer
from generator.render.structured_data import job_posting_data, listing_program_data, listing_structured_data

SITE_URL = "https://wbl.example.org/"
BASE = "employers/acme/welding-intern.yml"
OPEN = {"opens": "2026-11-01"}
PREP = {"format": "project", "stage": "preparation"}
ONLINE = {"name": "Video sessions", "city": "Long Beach", "mode": "remote"}
HYBRID = {"name": "Main shop", "city": "Long Beach", "zip": "90802", "mode": "hybrid"}

# slug -> changes to the welding internship (None removes a key; mappings replace the whole value).
LISTINGS: dict[str, dict[str, Any]] = {
    # Paid, but not a placement format: a program that pays a wage; one site in person and one online.
    "paid-project": {
        **PREP,
        "pay": {"type": "paid", "amount": 18, "unit": "hour"},
        "sites": [{"name": "Main shop", "city": "Long Beach", "zip": "90802", "mode": "in-person"}, ONLINE],
        "sectors": ["Manufacturing and Product Development", "Engineering and Architecture"],
    },
    "stipend-range": {**PREP, "pay": {"type": "stipend", "amount": 100, "amount_max": 150, "unit": "week"}, "sites": [HYBRID]},
    "stipend-total": {
        **PREP,
        "pay": {"type": "stipend", "amount": 500, "unit": "total", "on_completion": True},
        "sites": [ONLINE],
    },
    "stipend-unknown": {**PREP, "pay": {"type": "stipend", "amount_published": False}},
    # A paid internship whose applications open later is not a job posting yet: it is a program that pays.
    "upcoming-internship": {},
    "free-program": {
        **PREP,
        "pay": {"type": "free"},
        "employer_of_record": None,
        "eligibility": {"age": {"min": 16, "max": 24}, "status": ["out-of-school"], "min_gpa": 2.5, "needs": ["tb-test"]},
        "seats": 25,
        "schedule": {"weeks": 6, "start": "2027-06-21", "end": "2027-07-30"},
    },
    "fee-weekly": {**PREP, "pay": {"type": "fee", "amount": 120, "unit": "week", "aid": True}, "employer_of_record": None},
    "fee-range": {**PREP, "pay": {"type": "fee", "amount": 200, "amount_max": 300, "unit": "total"}, "employer_of_record": None},
    "open-internship": {"application": {**OPEN, "how": "Apply online.", "url": "https://example.org/apply"}},
    "script-title": {**PREP, "pay": {"type": "free"}, "employer_of_record": None, "title": "Never </script><!-- & more"},
}

# The properties schema.org defines for each type we write (including those every Thing has that we use).
THING = {"@context", "@type", "name", "url", "description", "identifier", "sameAs"}
PROPERTIES: dict[str, set[str]] = {
    "EducationalOccupationalProgram": THING
    | {
        "provider",
        "programPrerequisites",
        "applicationStartDate",
        "applicationDeadline",
        "startDate",
        "endDate",
        "maximumEnrollment",
        "timeToComplete",
        "educationalCredentialAwarded",
        "offers",
        "trainingSalary",
        "educationalProgramMode",
        "occupationalCategory",
    },
    "JobPosting": THING
    | {
        "title",
        "datePosted",
        "directApply",
        "hiringOrganization",
        "validThrough",
        "employmentType",
        "baseSalary",
        "jobLocation",
        "jobLocationType",
        "applicantLocationRequirements",
        "totalJobOpenings",
    },
    "Organization": THING,
    "PropertyValue": THING | {"value"},
    "Offer": THING | {"price", "priceCurrency", "priceSpecification"},
    "PriceSpecification": THING | {"price", "minPrice", "maxPrice", "priceCurrency"},
    "UnitPriceSpecification": THING | {"price", "minPrice", "maxPrice", "priceCurrency", "unitText"},
    "MonetaryAmount": THING | {"currency", "value", "minValue", "maxValue"},
    "MonetaryAmountDistribution": THING | {"currency", "duration", "median"},
    "QuantitativeValue": THING | {"value", "minValue", "maxValue", "unitText"},
    "CategoryCode": THING | {"codeValue", "inCodeSet"},
    "CategoryCodeSet": THING,
    "Place": THING | {"address"},
    "PostalAddress": THING | {"streetAddress", "addressLocality", "addressRegion", "addressCountry", "postalCode"},
    "State": THING,
}
DATES = {"applicationStartDate", "applicationDeadline", "startDate", "endDate", "datePosted", "validThrough"}
ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")


def merge(data: dict[str, Any], changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        elif key == "application" and isinstance(value, dict):
            data[key].update(value)
        else:
            data[key] = value


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("structured-data"))
    # The region's full vocabularies: the fixture's list of formats has no program formats.
    shutil.copytree(ROOT / "catalog" / "vocabularies", root / "vocabularies", dirs_exist_ok=True)
    org = root / "employers/acme/organization.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("example: true", "example: false"), encoding="utf-8")
    base = yaml.safe_load((root / BASE).read_text(encoding="utf-8"))
    for slug, changes in LISTINGS.items():
        data = yaml.safe_load(yaml.safe_dump(base))
        data.update(example=False, title=f"Listing {slug}")
        merge(data, changes)
        (root / f"employers/acme/{slug}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return clean_catalog(root)


def opp_of(catalog: Catalog, slug: str) -> Opportunity:
    return catalog.opportunities[f"acme/{slug}"]


def program(catalog: Catalog, slug: str, lang: str = "en") -> dict[str, Any]:
    opp = opp_of(catalog, slug)
    data = listing_program_data(catalog, opp, View(catalog, lang, opp.url, SITE_URL))
    assert data is not None, f"{slug} is not described as a program"
    return data


def is_iso_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def shape_problems(value: Any, where: str = "$") -> list[str]:
    """Everything in a JSON-LD value that schema.org or a reader would not accept, as `where: what`."""
    problems: list[str] = []
    if value in (None, "", [], {}):
        return [f"{where}: empty"]
    if isinstance(value, list):
        for i, item in enumerate(value):
            problems += shape_problems(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        kind = value.get("@type")
        if kind not in PROPERTIES:
            return [f"{where}: unknown @type {kind!r}"]
        problems += [f"{where}: {kind} has no property {key}" for key in sorted(set(value) - PROPERTIES[kind])]
        for key, item in value.items():
            if key in DATES and not is_iso_date(item):
                problems.append(f"{where}.{key}: not an ISO date: {item!r}")
            if key in ("duration", "timeToComplete") and not ISO_DURATION.match(str(item)):
                problems.append(f"{where}.{key}: not an ISO 8601 duration: {item!r}")
            if key in ("currency", "priceCurrency") and item != "USD":
                problems.append(f"{where}.{key}: {item!r}")
            if key in ("median", "minValue", "maxValue", "minPrice", "maxPrice", "maximumEnrollment") and not (
                isinstance(item, (int, float)) and item > 0
            ):
                problems.append(f"{where}.{key}: not a positive number: {item!r}")
            if key != "@type":
                problems += shape_problems(item, f"{where}.{key}")
    elif isinstance(value, str) and value != value.strip():
        problems.append(f"{where}: untrimmed text {value!r}")
    return problems


def test_the_shape_check_finds_what_it_looks_for() -> None:
    bad = {
        "@type": "EducationalOccupationalProgram",
        "name": "",
        "applicationDeadline": "03/01/2027",
        "trainingSalary": {"@type": "MonetaryAmountDistribution", "currency": "USD", "median": 0, "duration": "1 week"},
        "salaryOnTheMoon": 1,
        "offers": {"@type": "Thing"},
    }
    found = " ".join(shape_problems(bad))
    for expected in ("$.name: empty", "not an ISO date", "median: not a positive", "not an ISO 8601 duration"):
        assert expected in found
    assert "has no property salaryOnTheMoon" in found and "unknown @type 'Thing'" in found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_listing_markup_has_a_valid_shape(catalog: Catalog, lang: str) -> None:
    described = 0
    for opp in catalog.opportunities.values():
        text = listing_structured_data(catalog, opp, View(catalog, lang, opp.url, SITE_URL))
        if text is None:
            continue
        described += 1
        data = json.loads(text)
        assert data["@context"] == "https://schema.org"
        assert shape_problems(data) == [], opp.id
    assert described == len(LISTINGS)  # the welding internship opens after AS_OF and pays: a program too


def test_a_program_that_pays_states_its_training_salary(catalog: Catalog) -> None:
    assert program(catalog, "paid-project")["trainingSalary"] == {
        "@type": "MonetaryAmountDistribution",
        "currency": "USD",
        "median": 18,
        "duration": "PT1H",
    }
    assert program(catalog, "stipend-range")["trainingSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", "minValue": 100, "maxValue": 150, "unitText": "WEEK"},
    }
    # A stipend paid once has no duration: it is the whole program's.
    assert program(catalog, "stipend-total")["trainingSalary"] == {
        "@type": "MonetaryAmountDistribution",
        "currency": "USD",
        "median": 500,
    }
    for slug in ("stipend-unknown", "free-program", "fee-weekly"):
        assert "trainingSalary" not in program(catalog, slug), slug


def test_a_paid_internship_before_applications_open_is_a_program_with_its_dates(catalog: Catalog) -> None:
    opp = opp_of(catalog, "upcoming-internship")
    view = View(catalog, "en", opp.url, SITE_URL)
    assert job_posting_data(catalog, opp, view) is None
    data = program(catalog, "upcoming-internship")
    assert data["applicationStartDate"] == "2027-01-05" and data["applicationDeadline"] == "2027-03-15"
    assert data["startDate"] == "2027-06-21" and data["endDate"] == "2027-08-06"
    assert data["trainingSalary"]["median"] == 18.5
    # Once applications are open, the same internship is a job posting, not a program.
    assert listing_program_data(catalog, opp_of(catalog, "open-internship"), view) is None
    open_text = listing_structured_data(catalog, opp_of(catalog, "open-internship"), view)
    assert open_text and json.loads(open_text)["@type"] == "JobPosting"


def test_the_price_is_what_the_family_pays(catalog: Catalog) -> None:
    assert program(catalog, "free-program")["offers"] == {"@type": "Offer", "price": 0, "priceCurrency": "USD"}
    assert program(catalog, "fee-weekly")["offers"] == {
        "@type": "Offer",
        "priceCurrency": "USD",
        "priceSpecification": {"@type": "UnitPriceSpecification", "price": 120, "priceCurrency": "USD", "unitText": "WEEK"},
    }
    assert program(catalog, "fee-range")["offers"] == {
        "@type": "Offer",
        "priceCurrency": "USD",
        "priceSpecification": {"@type": "PriceSpecification", "minPrice": 200, "maxPrice": 300, "priceCurrency": "USD"},
    }
    for slug in ("paid-project", "stipend-total"):
        assert "offers" not in program(catalog, slug), slug


@pytest.mark.parametrize(
    ("lang", "ages", "school", "gpa", "need"),
    [
        ("en", "Ages 16–24", "Out of school", "2.5", "tuberculosis (TB) test"),
        ("es", "Edades 16–24", "No está estudiando", "2.5", "prueba de tuberculosis"),
    ],
)
def test_prerequisites_enrollment_and_weeks_are_what_the_page_says(
    catalog: Catalog, lang: str, ages: str, school: str, gpa: str, need: str
) -> None:
    data = program(catalog, "free-program", lang)
    lines = data["programPrerequisites"]
    assert all(isinstance(line, str) and line and "<" not in line for line in lines)
    text = " | ".join(lines)
    for part in (ages, school, gpa, need):
        assert part in text, (part, lines)
    assert data["maximumEnrollment"] == 25 and data["timeToComplete"] == "P6W"


def test_the_mode_comes_from_the_sites(catalog: Catalog) -> None:
    assert program(catalog, "paid-project")["educationalProgramMode"] == ["online", "onsite"]
    assert program(catalog, "stipend-range")["educationalProgramMode"] == "blended"
    assert program(catalog, "stipend-total")["educationalProgramMode"] == "online"
    assert program(catalog, "free-program")["educationalProgramMode"] == "onsite"


@pytest.mark.parametrize(
    ("lang", "prefix", "names", "code_set"),
    [
        ("en", "", ["Manufacturing and Product Development", "Engineering and Architecture"], "Industry sectors"),
        ("es", "es/", ["Manufactura y Desarrollo de Productos", "Ingeniería y Arquitectura"], "Sectores industriales"),
    ],
)
def test_sectors_are_the_occupational_category(catalog: Catalog, lang: str, prefix: str, names: list[str], code_set: str) -> None:
    categories = program(catalog, "paid-project", lang)["occupationalCategory"]
    assert [c["name"] for c in categories] == names
    assert [c["codeValue"] for c in categories] == ["manufacturing-and-product-development", "engineering-and-architecture"]
    assert [c["url"] for c in categories] == [f"{SITE_URL}{prefix}sectors/{c['codeValue']}/" for c in categories]
    assert {json.dumps(c["inCodeSet"], sort_keys=True) for c in categories} == {
        json.dumps({"@type": "CategoryCodeSet", "name": code_set, "url": f"{SITE_URL}{prefix}sectors/"}, sort_keys=True)
    }
    # The page names the same sectors (tests/test_listing_page.py checks their links).
    opp = opp_of(catalog, "paid-project")
    page = SiteRenderer(catalog, SITE_URL).opportunity(opp, lang).body
    assert all(f">{name}</a>" in page for name in names)


def test_the_json_is_safe_inside_its_script_element(catalog: Catalog) -> None:
    opp = opp_of(catalog, "script-title")
    text = listing_structured_data(catalog, opp, View(catalog, "en", opp.url, SITE_URL))
    assert text is not None
    for unsafe in ("<", ">", "&", "\u2028", "\u2029"):
        assert unsafe not in text, repr(unsafe)
    assert json.loads(text)["name"] == "Never </script><!-- & more"
