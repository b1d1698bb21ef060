"""data/hsds/: the catalog as Open Referral HSDS 3.0 (exports/hsds.py), validated against HSDS's own JSON schemas
(vendored in tests/fixtures/hsds-3.0/, CC BY-SA 4.0, see its README)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.exports import export_files
from generator.exports.bulk import HSDS_ORGANIZATIONS, HSDS_SERVICES
from generator.exports.hsds import ident
from generator.model.checked import check_catalog

ROOT = Path(__file__).resolve().parent.parent
HSDS = Path(__file__).resolve().parent / "fixtures" / "hsds-3.0"
BASE = "https://hsds.example/3.0/"
SITE_URL = "https://wbl-catalog.example.org/"


def validator(kind: str) -> jsonschema.Draft202012Validator:
    resources = [
        (BASE + path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
        for path in HSDS.glob("*.json")
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = {"$ref": BASE + f"{kind}.json"}
    return jsonschema.Draft202012Validator(schema, registry=registry, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    checked = check_catalog(ROOT / "catalog")
    assert checked.ok
    return export_files(checked.catalog, SITE_URL, ROOT / "catalog")


def ids(value: Any) -> Iterator[tuple[str, str]]:
    """(key, id) of every `id` in a record tree: the records' own identifiers."""
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            yield ("id", value["id"])
        for v in value.values():
            yield from ids(v)
    elif isinstance(value, list):
        for v in value:
            yield from ids(v)


def test_every_listing_is_a_valid_hsds_service(files: dict[str, bytes]) -> None:
    page = json.loads(files[HSDS_SERVICES])
    listings = json.loads(files["data/catalog.json"])["opportunities"]
    assert page["total_items"] == page["size"] == len(page["contents"]) == len(listings)
    assert (page["total_pages"], page["page_number"], page["first_page"], page["last_page"], page["empty"]) == (
        1,
        1,
        True,
        True,
        False,
    )
    check = validator("service")
    for service, listing in zip(page["contents"], listings, strict=True):
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in check.iter_errors(service)]
        assert not errors, (listing["catalog_id"], errors[:5])
        assert service["id"] == ident(listing["url"])
        assert service["name"] == listing["title"]
        assert service["assured_date"] == listing["last_reviewed"]


def test_every_organization_is_a_valid_hsds_organization(files: dict[str, bytes]) -> None:
    page = json.loads(files[HSDS_ORGANIZATIONS])
    check = validator("organization")
    assert page["total_items"] == len(page["contents"]) == len(json.loads(files["data/catalog.json"])["organizations"])
    for org in page["contents"]:
        assert not list(check.iter_errors(org)), org["name"]
    services = json.loads(files[HSDS_SERVICES])["contents"]
    assert {s["organization_id"] for s in services} <= {o["id"] for o in page["contents"]}


def test_the_validator_rejects_what_hsds_rejects() -> None:
    """The vendored schemas are really applied: a missing required field and a wrong enum value fail."""
    check = validator("service")
    good = {"id": str(uuid.uuid4()), "name": "Welding internship", "status": "active"}
    assert check.is_valid(good)
    assert not check.is_valid({**good, "status": "open"})
    assert not check.is_valid({"id": good["id"], "status": "active"})
    assert not check.is_valid({**good, "id": "welding"})


def test_identifiers_are_unique_within_a_service_and_stable(files: dict[str, bytes]) -> None:
    services = json.loads(files[HSDS_SERVICES])["contents"]
    for service in services:
        own = [i for _, i in ids({k: v for k, v in service.items() if k not in ("organization", "attributes")})]
        assert len(own) == len(set(own)), service["name"]
    again = export_files(check_catalog(ROOT / "catalog").catalog, SITE_URL, ROOT / "catalog")
    assert again[HSDS_SERVICES] == files[HSDS_SERVICES]
    assert again[HSDS_ORGANIZATIONS] == files[HSDS_ORGANIZATIONS]


def test_the_profile_carries_ages_costs_capacity_and_work_based_learning_terms(files: dict[str, bytes]) -> None:
    services = {s["id"]: s for s in json.loads(files[HSDS_SERVICES])["contents"]}
    listings = json.loads(files["data/catalog.json"])["opportunities"]
    for listing in listings:
        service = services[ident(listing["url"])]
        elig, pay = listing["eligibility"], listing["pay"]
        if elig["age_min"] is not None:
            assert service["minimum_age"] == elig["age_min"]
        elif elig["grade_min"] is not None:
            assert service["minimum_age"] == elig["grade_min"] + 5
        codes = {a["taxonomy_term"]["code"]: a.get("value") for a in service["attributes"]}
        assert "format:" + listing["format"] in codes
        assert codes["pay:" + pay["type"]] == (None if pay["amount"] is None else codes["pay:" + pay["type"]])
        if listing["seats"] is not None:
            assert codes["wbl:seats"] == str(listing["seats"])
        if pay["type"] == "free":
            assert service["cost_options"][0]["amount"] == 0
        if pay["type"] == "fee" and pay["amount"] is not None:
            assert service["cost_options"][0]["amount"] == pay["amount"]
        assert len(service["service_at_locations"]) == len(listing["sites"])
        assert service["status"] == {"archived": "defunct", "closed": "inactive"}.get(listing["status"], "active")


@pytest.mark.parametrize(
    ("address", "part"), [("https://wbl.example.org/opportunities/acme/welding/", ""), ("/employers/ñandú/", "site-1")]
)
def test_identifiers_are_uuid5_of_the_address(address: str, part: str) -> None:
    name = address + (f"#{part}" if part else "")
    assert ident(address, part) == str(uuid.uuid5(uuid.NAMESPACE_URL, name))
