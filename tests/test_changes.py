"""What changed between two checks of a catalog, as record keys (generator/model/changes.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sitebuild import AS_OF, copy_catalog

from generator.model import Catalog
from generator.model.changes import changed_records
from generator.model.checked import check_catalog

ROOT = Path(__file__).resolve().parent.parent
LISTING = "foothill-electrical-contractors/electrical-pre-apprenticeship"  # in a pathway


def _check(root: Path) -> Catalog:
    checked = check_catalog(root, as_of=dt.date.fromisoformat(AS_OF))
    assert checked.ok, checked.failure_report()
    return checked.catalog


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return _check(ROOT / "catalog")


def test_a_catalog_checked_again_has_no_changes(bundled: Catalog) -> None:
    assert changed_records(bundled, _check(ROOT / "catalog")) == frozenset()


def test_an_edited_listing_names_its_pages_and_those_that_list_it(tmp_path: Path) -> None:
    catalog = copy_catalog(tmp_path / "catalog")
    before = _check(catalog)  # logos are known by their path on disk: the copy's, not the bundled catalog's
    path = catalog / "employers" / f"{LISTING}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Zymurgy ", 1), encoding="utf-8")
    edited = _check(catalog)
    keys = changed_records(before, edited)
    opp = edited.opportunities[LISTING]
    assert keys is not None
    assert f"opportunity:{LISTING}" in keys
    assert "organization:foothill-electrical-contractors" in keys
    assert opp.pathways and {f"pathway:{p}" for p in opp.pathways} <= keys
    assert not any(k.startswith("opportunity:") and k != f"opportunity:{LISTING}" for k in keys)


def test_a_pathway_a_listing_leaves_is_named_too(bundled: Catalog) -> None:
    opp = bundled.opportunities[LISTING]
    assert opp.pathways
    moved = dataclasses.replace(opp, pathways=())
    new = dataclasses.replace(bundled, opportunities={**bundled.opportunities, LISTING: moved})
    keys = changed_records(bundled, new)
    assert keys is not None and {f"pathway:{p}" for p in opp.pathways} <= keys


def test_an_added_listing_and_an_edited_organization_are_named(bundled: Catalog) -> None:
    opp = bundled.opportunities[LISTING]
    added = dataclasses.replace(opp, id="foothill-electrical-contractors/new-one", slug="new-one")
    org = bundled.organizations["kaiser-permanente-socal"]
    new = dataclasses.replace(
        bundled,
        opportunities={**bundled.opportunities, added.id: added},
        organizations={**bundled.organizations, org.id: dataclasses.replace(org, name="Renamed")},
    )
    keys = changed_records(bundled, new)
    assert keys is not None
    assert {
        "opportunity:foothill-electrical-contractors/new-one",
        "organization:foothill-electrical-contractors",
        f"organization:{org.id}",
    } <= keys


def test_an_intermediary_page_that_lists_an_edited_listing_is_named(bundled: Catalog) -> None:
    opp = next(o for o in bundled.opportunities.values() if o.intermediary and o.intermediary != o.org_id)
    new = dataclasses.replace(bundled, opportunities={**bundled.opportunities, opp.id: dataclasses.replace(opp, title="Other")})
    keys = changed_records(bundled, new)
    assert keys is not None and f"organization:{opp.intermediary}" in keys


@pytest.mark.parametrize(
    "change",
    [
        "today",
        "langs",
        "vocabularies",
        "retired",
        "logos",
        "removed listing",
        "removed organization",
    ],
)
def test_a_change_beyond_records_asks_for_every_page(bundled: Catalog, change: str) -> None:
    some_listing = next(iter(bundled.opportunities))
    some_org = next(iter(bundled.organizations))
    new = {
        "today": lambda c: dataclasses.replace(c, today=c.today + dt.timedelta(days=1)),
        "langs": lambda c: dataclasses.replace(c, langs=("en",)),
        "vocabularies": lambda c: dataclasses.replace(
            c, vocabularies=dataclasses.replace(c.vocabularies, lists={**c.vocabularies.lists, "sectors": ()})
        ),
        "retired": lambda c: dataclasses.replace(c, retired={}),
        "logos": lambda c: dataclasses.replace(c, logos={**c.logos, "x": "x.png"}),
        "removed listing": lambda c: dataclasses.replace(
            c, opportunities={k: v for k, v in c.opportunities.items() if k != some_listing}
        ),
        "removed organization": lambda c: dataclasses.replace(
            c, organizations={k: v for k, v in c.organizations.items() if k != some_org}
        ),
    }[change](bundled)
    assert changed_records(bundled, new) is None
