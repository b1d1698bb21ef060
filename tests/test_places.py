"""Where a site is: the region's areas decide what is local (generator/check/places.py and its users).

A site in no area of the region is refused unless it says `outside_region: true`; one that says so is in no
area, its page says it is outside the region, and the area filter gives it a value of its own. A remote site
needs no city. ZIP codes from any state have the US form; the areas, not a pattern, decide what is local.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import AS_OF, ROOT, clean_catalog, copy_fixture, html_text, use_cached_validators

from generator.check import places
from generator.exports import records, tabular
from generator.exports.dates import ChangeDates
from generator.exports.schema import catalog_schema
from generator.model import Catalog
from generator.model.checked import Checked, check_catalog
from generator.present.view import View
from generator.render import facets
from generator.render.site import SiteRenderer
from generator.report.coverage import compute

LISTING = "employers/acme/welding-intern.yml"
REGIONS = """\
items:
  - id: los-angeles
    name: Los Angeles
    name_es: Los Ángeles
    counties: [Los Angeles]
"""
SITE = {"name": "Main shop", "city": "Long Beach", "zip": "90802", "mode": "in-person"}


def catalog_with(root: Path, sites: list[dict[str, Any]], regions: str | None = REGIONS) -> Checked:
    """The minimal catalog, its listing's sites replaced, with a regions.yml (or none)."""
    path = root / LISTING
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["sites"] = sites
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    if regions is not None:
        (root / "vocabularies/regions.yml").write_text(regions, encoding="utf-8")
    return check_catalog(root, as_of=AS_OF)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    use_cached_validators(monkeypatch)
    return copy_fixture("minimal", tmp_path)


ZIP_10001 = "zip: '10001'"


def at(root: Path, text: str) -> int:
    """The line of the listing that holds text: where the fix goes."""
    found = [n for n, line in enumerate((root / LISTING).read_text(encoding="utf-8").splitlines(), 1) if text in line]
    assert len(found) == 1, found
    return found[0]


def lines(checked: Checked) -> list[str]:
    return [f"{p.line}:{p.column}: {p.code}: {p.message}. {p.hint}." for p in checked.errors]


# -- the checker ---------------------------------------------------------------------------------------


def test_a_zip_code_in_no_area_is_refused_with_the_way_out(root: Path) -> None:
    checked = catalog_with(root, [SITE, {**SITE, "name": "New York office", "city": "New York", "zip": "10001"}])
    assert lines(checked) == [
        f"{at(root, ZIP_10001)}:8: outside-region: `sites`, item 2, `zip` is `10001`, which is not in the Los Angeles region "
        "(catalog/vocabularies/areas.yml). If the site really is outside the region, add `outside_region: true` "
        "to this site; if the ZIP code is wrong, correct it."
    ]
    assert checked.errors[0].path.endswith(LISTING)


def test_a_california_zip_code_outside_the_areas_is_refused_too(root: Path) -> None:
    checked = catalog_with(root, [{**SITE, "city": "Sacramento", "zip": "95814"}])
    assert [p.code for p in checked.errors] == ["outside-region"]
    assert "`95814`" in checked.errors[0].message


def test_without_a_zip_code_the_city_decides(root: Path) -> None:
    site = {"name": "Capitol", "city": "Sacramento", "mode": "in-person"}
    checked = catalog_with(root, [site])
    assert [p.message for p in checked.errors] == [
        "`sites`, item 1, `city` is `Sacramento`, which is not in the Los Angeles region (catalog/vocabularies/areas.yml)"
    ]
    assert "if the city is wrong, correct it" in checked.errors[0].hint


def test_without_regions_yml_the_message_says_the_region(root: Path) -> None:
    checked = catalog_with(root, [{**SITE, "zip": "10001", "city": "New York"}], regions=None)
    assert [p.code for p in checked.errors] == ["outside-region"]
    assert "which is not in the region (catalog/vocabularies/areas.yml)" in checked.errors[0].message


def test_a_new_york_zip_code_marked_outside_the_region_is_accepted(root: Path) -> None:
    site = {**SITE, "name": "Headquarters", "city": "New York", "zip": "10001-2345", "state": "NY", "outside_region": True}
    checked = catalog_with(root, [SITE, site])
    assert checked.ok, lines(checked)
    far = checked.catalog.opportunities["acme/welding-intern"].sites[1]
    assert (far.outside_region, far.state, far.area, far.region, far.zip) == (True, "NY", "", "", "10001-2345")
    near = checked.catalog.opportunities["acme/welding-intern"].sites[0]
    assert (near.outside_region, near.state, near.area, near.region) == (False, "", "south-bay-harbor", "los-angeles")


def test_outside_the_region_without_a_state_is_in_california(root: Path) -> None:
    checked = catalog_with(root, [{**SITE, "city": "Sacramento", "zip": "95814", "outside_region": True}])
    assert checked.ok, lines(checked)
    assert checked.catalog.opportunities["acme/welding-intern"].sites[0].state == "CA"


def test_outside_region_on_a_site_in_the_region_must_go(root: Path) -> None:
    checked = catalog_with(root, [{**SITE, "outside_region": True}])
    assert lines(checked) == [
        f"{at(root, 'outside_region: true')}:19: outside-region: `sites`, item 1 says `outside_region: true`, but its ZIP code is in the Los Angeles "
        "region (the area `south-bay-harbor` of catalog/vocabularies/areas.yml). Remove `outside_region: true` "
        "(and `state:`) from this site; if the ZIP code or city is wrong, correct it."
    ]


def test_a_city_named_like_a_local_one_in_another_state_is_not_local(root: Path) -> None:
    # Long Beach, New York: the state says it is not the local Long Beach.
    site = {"name": "Boardwalk", "city": "Long Beach", "zip": "11561", "state": "NY", "mode": "in-person"}
    assert [p.code for p in catalog_with(root, [site]).errors] == ["outside-region"]
    assert catalog_with(root, [{**site, "outside_region": True}]).ok


def test_a_remote_site_needs_no_city_and_gets_no_local_area(root: Path) -> None:
    checked = catalog_with(root, [{"name": "Video sessions", "mode": "remote"}])
    assert checked.ok, lines(checked)
    site = checked.catalog.opportunities["acme/welding-intern"].sites[0]
    assert (site.city, site.area) == ("", "online")
    # A remote site may still name a city, even one outside the region; it is online, not in that city's area.
    checked = catalog_with(root, [{"name": "Video sessions", "city": "Long Beach", "mode": "remote"}])
    assert checked.ok and checked.catalog.opportunities["acme/welding-intern"].sites[0].area == "online"
    assert catalog_with(root, [{"name": "Video sessions", "city": "Boston", "zip": "02134", "mode": "remote"}]).ok


def test_an_in_person_site_still_needs_a_city(root: Path) -> None:
    checked = catalog_with(root, [{"name": "Main shop", "zip": "90802", "mode": "hybrid"}])
    assert [(p.code, p.message) for p in checked.errors] == [
        ("missing-key", "The required key `city` is missing in `sites`, item 1")
    ]
    assert "required for an in-person or hybrid site" in checked.errors[0].hint


@pytest.mark.parametrize("zip_code", ["10001", "02134", "99950", "10001-1234", 10001])
def test_any_us_zip_code_has_the_right_form(root: Path, zip_code: Any) -> None:
    checked = catalog_with(root, [{**SITE, "city": "Elsewhere", "zip": zip_code, "outside_region": True}])
    assert checked.ok, lines(checked)


@pytest.mark.parametrize("zip_code", ["9080", "908021", "90802-12", "ABCDE"])
def test_a_zip_code_of_the_wrong_form_is_refused(root: Path, zip_code: str) -> None:
    checked = catalog_with(root, [{**SITE, "zip": zip_code}])
    assert [p.code for p in checked.errors] == ["bad-zip"]
    assert checked.errors[0].message.endswith("is not a US ZIP code")


def test_an_area_names_a_known_region_and_a_hub_an_organization(root: Path) -> None:
    areas = root / "vocabularies/areas.yml"
    areas.write_text(
        areas.read_text(encoding="utf-8").replace(
            "    name_es: South Bay y el puerto\n", "    name_es: South Bay y el puerto\n    region: inland-empire\n"
        ),
        "utf-8",
    )
    checked = catalog_with(root, [SITE], regions=REGIONS + "    hub: nobody\n")
    found = sorted((p.path.rsplit("/", 1)[1], p.code, p.message) for p in checked.errors)
    assert found == [
        (
            "areas.yml",
            "unknown-reference",
            "`items`, item 1, `region` names the region `inland-empire`, which is not in catalog/vocabularies/regions.yml",
        ),
        (
            "regions.yml",
            "unknown-reference",
            "`items`, item 1, `hub` names the organization `nobody`, which is not in the catalog",
        ),
    ]


def test_with_two_regions_each_area_names_its_own(root: Path) -> None:
    two = (
        REGIONS
        + "  - id: inland-empire\n    name: Inland Empire\n    name_es: Inland Empire\n    counties: [Riverside, San Bernardino]\n"
    )
    checked = catalog_with(root, [SITE], regions=two)
    assert sorted(p.code for p in checked.errors) == ["missing-region", "missing-region"]


def test_the_shared_rule_tries_every_zip_code_before_any_city() -> None:
    areas = [
        {"id": "central", "cities": ["Los Angeles"], "zips": ["90012"]},
        {"id": "harbor", "cities": ["Los Angeles", "San Pedro"], "zips": ["90731"]},
        {"id": "online"},
    ]
    assert places.local_area({"city": "Los Angeles", "zip": "90731"}, areas) == "harbor"
    assert places.local_area({"city": "Los Angeles", "zip": "90731-0001"}, areas) == "harbor"
    assert places.local_area({"city": "Los Angeles", "zip": "90099"}, areas) == "central"  # ZIP lists are not complete
    assert places.local_area({"city": "Los Angeles", "state": "TX"}, areas) == ""
    assert places.claims_local({"city": "San Pedro", "zip": "10001"}, areas) == ""
    assert places.region_of({"id": "harbor"}, [{"id": "la"}]) == "la"
    assert places.region_of({"id": "harbor", "region": "ie"}, [{"id": "la"}]) == "ie"


def test_the_bundled_catalog_has_two_regions_and_every_area_names_one() -> None:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    vocab = checked.catalog.vocabularies
    assert [(r.id, r.name, r.name_es, r.extra["counties"]) for r in vocab.items("regions")] == [
        ("los-angeles", "Los Angeles", "Los Ángeles", ["Los Angeles"]),
        ("inland-empire", "Inland Empire", "Inland Empire", ["Riverside", "San Bernardino"]),
    ]
    assert {a.extra.get("region") for a in vocab.items("areas")} == {"los-angeles", "inland-empire"}


# -- pages, filters, exports and coverage ------------------------------------------------------------


@pytest.fixture(scope="module")
def placed(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The minimal catalog with one listing in the region and outside it, and one online only."""
    root = copy_fixture("minimal", tmp_path_factory.mktemp("places"))
    (root / "vocabularies/regions.yml").write_text(REGIONS, encoding="utf-8")
    base = yaml.safe_load((root / LISTING).read_text(encoding="utf-8"))
    far = {"name": "Capitol office", "city": "Sacramento", "zip": "95814", "mode": "in-person", "outside_region": True}
    for slug, sites in {"two-places": [SITE, far], "online-only": [{"name": "Video sessions", "mode": "remote"}]}.items():
        data = {**base, "title": f"Listing {slug}", "sites": sites}
        data["application"] = {**base["application"], "opens": "2026-11-01"}  # open, so coverage counts it
        (root / f"employers/acme/{slug}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return clean_catalog(root)


@pytest.mark.parametrize(
    ("lang", "where", "site", "online"),
    [
        (
            "en",
            "Long Beach, Sacramento, CA — outside the Los Angeles region",
            "Sacramento, CA 95814 (Map) — outside the Los Angeles region",
            "Video sessions — Online",
        ),
        (
            "es",
            "Long Beach, Sacramento, CA — fuera de la región de Los Ángeles",
            "Sacramento, CA 95814 (Mapa) — fuera de la región de Los Ángeles",
            "Video sessions — En línea",
        ),
    ],
)
def test_the_page_says_outside_the_region_and_online(placed: Catalog, lang: str, where: str, site: str, online: str) -> None:
    view = View(placed, lang, "opportunities/acme/two-places/")
    assert view.where(placed.opportunities["acme/two-places"]) == where
    renderer = SiteRenderer(placed, "https://wbl.example.org/")
    page = renderer.opportunity(placed.opportunities["acme/two-places"], lang).body
    flat = " ".join(html_text(page).split())
    assert site in flat
    assert where in flat
    remote = " ".join(html_text(renderer.opportunity(placed.opportunities["acme/online-only"], lang).body).split())
    assert online in remote
    assert View(placed, lang, "").where(placed.opportunities["acme/online-only"]) == online.split(" — ")[1]


def test_the_area_filter_keeps_outside_sites_apart(placed: Catalog) -> None:
    area = facets.BY_NAME["area"]
    for lang, label in (("en", "Outside the region"), ("es", "Fuera de la región")):
        view = View(placed, lang, "opportunities/")
        assert area.values(placed.opportunities["acme/two-places"], view) == ["outside-region", "south-bay-harbor"]
        assert area.values(placed.opportunities["acme/online-only"], view) == ["online"]
        assert area.values(placed.opportunities["acme/welding-intern"], view) == ["south-bay-harbor"]
        assert area.options(placed, view)["outside-region"] == label


def test_the_area_filter_has_no_outside_value_when_no_site_is_outside() -> None:
    checked = check_catalog(ROOT / "tests/fixtures/minimal", as_of=AS_OF)
    assert "outside-region" not in facets.BY_NAME["area"].options(checked.catalog, View(checked.catalog, "en", ""))


def test_catalog_json_and_the_csv_publish_the_place(placed: Catalog) -> None:
    dates = ChangeDates(placed)
    doc = records.catalog_document(placed, "https://wbl.example.org/", dates)
    assert doc["regions"] == [
        {
            "id": "los-angeles",
            "name": "Los Angeles",
            "name_es": "Los Ángeles",
            "counties": ["Los Angeles"],
            "hub": None,
            "hub_name": None,
            "hub_url": None,
            "zip_ranges": [],
        }
    ]
    by_id = {o["catalog_id"]: o for o in doc["opportunities"]}
    near, far = by_id["acme/two-places"]["sites"]
    assert (near["outside_region"], near["state"], near["area"], near["region"]) == (
        False,
        None,
        "south-bay-harbor",
        "los-angeles",
    )
    assert (far["outside_region"], far["state"], far["area"], far["region"]) == (True, "CA", None, None)
    online = by_id["acme/online-only"]["sites"][0]
    assert (online["city"], online["area"], online["region"]) == ("", "online", "los-angeles")
    import jsonschema

    jsonschema.validate(doc, catalog_schema("https://wbl.example.org/"))

    rows = list(
        csv.DictReader(io.StringIO(tabular.opportunities_csv(placed, "https://wbl.example.org/", dates).decode("utf-8-sig")))
    )
    columns = list(rows[0])
    # Appended after the columns of format 1.1, so that no earlier column moves.
    assert columns.index("sponsor_amount") < columns.index("outside_region") < columns.index("states") < columns.index("regions")
    by_row = {r["catalog_id"]: r for r in rows}
    assert (by_row["acme/two-places"]["outside_region"], by_row["acme/two-places"]["states"]) == ("yes", "CA")
    assert by_row["acme/two-places"]["regions"] == "los-angeles"
    assert (by_row["acme/welding-intern"]["outside_region"], by_row["acme/welding-intern"]["states"]) == ("no", "")


def test_coverage_counts_no_outside_site_in_an_area(placed: Catalog) -> None:
    assert placed.opportunities["acme/two-places"].status == "open"
    counted = {row.area: row.listings for row in compute(placed).areas}
    # Before, the Sacramento site made an "area unknown" row; now only the Long Beach sites count.
    assert counted == {"south-bay-harbor": 2, "online": 1}
