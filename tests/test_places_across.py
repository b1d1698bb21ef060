"""Worksites spread across areas (`sites[].across`): a program with placements all over a city, county or region
and no single address names the areas it covers, or `region` for all of them (generator/check/places.py and its
users: the checker, the model, the page and card, the area filter, near me, the exports, JSON-LD and coverage).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import AS_OF, clean_catalog, copy_fixture, html_text, use_cached_validators
from index_reader import row_sets

from generator.check import places
from generator.exports import records, tabular
from generator.exports.dates import ChangeDates
from generator.exports.schema import catalog_schema
from generator.model import Catalog
from generator.model.checked import Checked, check_catalog
from generator.present.view import View
from generator.render import browse_index, facets, nearby, structured_data
from generator.render.encoding import ordered
from generator.render.site import SiteRenderer
from generator.report.coverage import compute

LISTING = "employers/acme/welding-intern.yml"
REGIONS = "items:\n  - {id: los-angeles, name: Los Angeles, name_es: Los Ángeles, counties: [Los Angeles]}\n"
# Two more areas beside the fixture's South Bay and Harbor (90802) and Online.
MORE_AREAS = """\
  - id: south-la
    name: South Los Angeles
    name_es: Sur de Los Ángeles
    cities: [Compton]
    zips: ["90044"]
  - id: east-la
    name: East Los Angeles
    name_es: Este de Los Ángeles
    cities: [Montebello]
    zips: ["90022", "90023"]
"""
SHOP = {"name": "Main shop", "city": "Long Beach", "zip": "90802", "mode": "in-person"}
TWO = {"name": "Worksites in South and East LA", "across": ["east-la", "south-la"], "mode": "in-person"}
ALL = {"name": "Worksites across Los Angeles County", "across": "region", "mode": "in-person"}


def prepare(root: Path) -> None:
    (root / "vocabularies/regions.yml").write_text(REGIONS, encoding="utf-8")
    areas = root / "vocabularies/areas.yml"
    areas.write_text(areas.read_text(encoding="utf-8") + MORE_AREAS, encoding="utf-8")


def with_sites(root: Path, sites: list[dict[str, Any]], slug: str = "welding-intern", **changes: Any) -> None:
    base = yaml.safe_load((root / LISTING).read_text(encoding="utf-8"))
    data = {**base, **changes, "sites": sites}
    (root / f"employers/acme/{slug}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    use_cached_validators(monkeypatch)
    folder = copy_fixture("minimal", tmp_path)
    prepare(folder)
    return folder


def check(root: Path, sites: list[dict[str, Any]]) -> Checked:
    with_sites(root, sites)
    return check_catalog(root, as_of=AS_OF)


def lines(checked: Checked) -> list[str]:
    return [f"{p.line}:{p.column}: {p.code}: {p.message}. {p.hint}." for p in checked.errors]


def line_of(root: Path, text: str) -> int:
    found = [n for n, line in enumerate((root / LISTING).read_text(encoding="utf-8").splitlines(), 1) if text in line]
    assert len(found) == 1, found
    return found[0]


# -- the checker and the model ---------------------------------------------------------------------------


def test_areas_or_the_region_need_no_city_address_or_zip(root: Path) -> None:
    checked = check(root, [SHOP, TWO, ALL])
    assert checked.ok, lines(checked)
    shop, two, everywhere = checked.catalog.opportunities["acme/welding-intern"].sites
    # In the vocabulary's order, whatever order the file lists them in; the online area is no place.
    assert (two.across, two.region_wide, two.area, two.city, two.region) == (
        ("south-la", "east-la"),
        False,
        "",
        "",
        "los-angeles",
    )
    assert (everywhere.across, everywhere.region_wide) == (("south-bay-harbor", "south-la", "east-la"), True)
    assert everywhere.areas == everywhere.across and shop.areas == ("south-bay-harbor",) and shop.across == ()


def test_an_unknown_area_gets_did_you_mean(root: Path) -> None:
    checked = check(root, [{**TWO, "across": ["east-la", "soth-la"]}])
    assert lines(checked) == [
        f"{line_of(root, '- soth-la')}:5: not-allowed: `sites`, item 1, `across`, item 2 has the value "
        "`soth-la`, which is not allowed here. Did you mean `south-la`?."
    ]
    # An area's name, written as the id, is understood too.
    checked = check(root, [{**TWO, "across": ["South Los Angeles"]}])
    assert checked.errors[0].hint == "Write `south-la`, the name this list uses for it"


def test_one_area_written_without_a_list_is_told_to_write_a_list(root: Path) -> None:
    checked = check(root, [{**TWO, "across": "east-la"}])
    assert [(p.code, p.line, p.hint) for p in checked.errors] == [
        (
            "not-allowed",
            line_of(root, "across: east-la"),
            "Write the areas as a list, `across: [east-la]`, or `across: region` for the whole region",
        )
    ]


def test_an_address_beside_across_is_refused_where_it_is_written(root: Path) -> None:
    checked = check(root, [{**TWO, "city": "Compton", "zip": "90044"}])
    assert [(p.code, p.line) for p in checked.errors] == [
        ("across-with-address", line_of(root, "city: Compton")),
        ("across-with-address", line_of(root, "zip: '90044'")),
    ]
    assert checked.errors[0].message == (
        "`sites`, item 1 lists the areas it is spread across (`across`), so it has no single place, but it also gives `city`"
    )
    assert checked.errors[0].hint == "Remove `city`; or, for one site at one address, remove `across` and keep the address"


def test_a_remote_site_across_areas_and_the_online_area_are_refused(root: Path) -> None:
    checked = check(root, [{**ALL, "mode": "remote"}, {**TWO, "across": ["south-la", "online"]}])
    assert [(p.code, p.line) for p in checked.errors] == [
        ("across-remote", line_of(root, "across: region")),
        ("across-not-a-place", line_of(root, "- online")),
    ]
    assert "eligibility.residency" in checked.errors[0].hint


def test_the_shared_rule_lists_the_covered_areas() -> None:
    areas = [{"id": "a", "zips": ["90001"]}, {"id": "online"}, {"id": "b", "cities": ["X"]}]
    assert places.across_areas({"across": "region"}, areas) == ["a", "b"]
    assert places.across_areas({"across": ["b", "a"]}, areas) == ["a", "b"]
    assert places.across_areas({"city": "X"}, areas) == []


# -- what people see and what is published --------------------------------------------------------------


@pytest.fixture(scope="module")
def spread(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """Three open listings: worksites across two areas, across the region, and one shop in Long Beach."""
    root = copy_fixture("minimal", tmp_path_factory.mktemp("across"))
    prepare(root)
    application = yaml.safe_load((root / LISTING).read_text(encoding="utf-8"))["application"]
    opened = {"application": {**application, "opens": "2026-11-01"}}
    with_sites(root, [TWO], "two-areas", title="Two areas", **opened)
    with_sites(root, [ALL], "whole-region", title="Whole region", **opened)
    with_sites(root, [SHOP], "one-shop", title="One shop", **opened)
    return clean_catalog(root)


@pytest.mark.parametrize(
    ("lang", "two", "region", "mode"),
    [
        ("en", "Sites across South Los Angeles and East Los Angeles", "Sites across the Los Angeles region", "In person"),
        (
            "es",
            "Sitios en Sur de Los Ángeles y Este de Los Ángeles",
            "Sitios en toda la región de Los Ángeles",
            "En persona",
        ),
    ],
)
def test_the_page_and_the_card_say_where_without_a_city(spread: Catalog, lang: str, two: str, region: str, mode: str) -> None:
    view = View(spread, lang, "opportunities/")
    assert view.where(spread.opportunities["acme/two-areas"]) == two
    assert view.where(spread.opportunities["acme/whole-region"]) == region
    renderer = SiteRenderer(spread, "https://wbl.example.org/")
    page = renderer.opportunity(spread.opportunities["acme/two-areas"], lang).body
    flat = " ".join(html_text(page).split())
    assert f"Worksites in South and East LA — {mode}. {two}" in flat
    assert "(Map)" not in flat and "(Mapa)" not in flat  # no address, so no map link
    # The browse page's card, from the same words.
    assert browse_index.card(spread, spread.opportunities["acme/whole-region"], view)["w"] == region


def test_a_card_names_three_areas_and_counts_the_rest(spread: Catalog) -> None:
    site = spread.opportunities["acme/whole-region"].sites[0]
    many = type(site)(**{**{f: getattr(site, f) for f in site.__slots__}, "region_wide": False})
    assert View(spread, "en", "").across(many, limit=2) == "Sites across South Bay and Harbor, South Los Angeles, and 1 more area"
    assert View(spread, "es", "").across(many, limit=1) == "Sitios en South Bay y el puerto y 2 zonas más"


def test_the_area_filter_matches_every_covered_area(spread: Catalog) -> None:
    area = facets.BY_NAME["area"]
    view = View(spread, "en", "opportunities/")
    assert area.values(spread.opportunities["acme/two-areas"], view) == ["east-la", "south-la"]
    assert area.values(spread.opportunities["acme/whole-region"], view) == ["east-la", "south-bay-harbor", "south-la"]


def test_catalog_json_and_the_csv_publish_the_areas(spread: Catalog) -> None:
    dates = ChangeDates(spread)
    doc = records.catalog_document(spread, "https://wbl.example.org/", dates)
    jsonschema.validate(doc, catalog_schema("https://wbl.example.org/"))
    by_id = {o["catalog_id"]: o for o in doc["opportunities"]}
    two = by_id["acme/two-areas"]["sites"][0]
    assert (two["across"], two["across_region"], two["city"], two["zip"], two["area"]) == (
        ["south-la", "east-la"],
        False,
        "",
        None,
        None,
    )
    assert by_id["acme/whole-region"]["sites"][0]["across_region"] is True
    assert by_id["acme/one-shop"]["sites"][0]["across"] == []
    text = tabular.opportunities_csv(spread, "https://wbl.example.org/", dates).decode("utf-8-sig")
    rows = {r["catalog_id"]: r for r in csv.DictReader(io.StringIO(text))}
    columns = list(rows["acme/two-areas"])
    assert columns.index("sites_across") > columns.index("hours_by_season")  # appended: no earlier column moves
    assert (rows["acme/two-areas"]["sites_across"], rows["acme/two-areas"]["areas"]) == ("south-la; east-la", "south-la; east-la")
    assert rows["acme/whole-region"]["sites_across"] == "region"
    assert rows["acme/one-shop"]["sites_across"] == ""


def test_coverage_counts_each_covered_area(spread: Catalog) -> None:
    counted = {row.area: row.listings for row in compute(spread).areas}
    assert counted["south-la"] == 2 and counted["east-la"] == 2
    assert counted["south-bay-harbor"] == 3  # the fixture's listing, the shop and the whole region


def test_json_ld_names_the_areas_never_an_invented_address(spread: Catalog) -> None:
    opp = spread.opportunities["acme/two-areas"]
    real = type(opp)(**{**{f: getattr(opp, f) for f in opp.__slots__}, "example": False})
    data = structured_data.job_posting_data(spread, real, View(spread, "en", ""))
    assert data is not None
    assert [(p["@type"], p["name"], p["address"]) for p in data["jobLocation"]] == [
        (kind, name, {"@type": "PostalAddress", "addressRegion": "CA", "addressCountry": "US"})
        for kind, name in (("AdministrativeArea", "South Los Angeles"), ("AdministrativeArea", "East Los Angeles"))
    ]


def test_near_me_gets_the_areas_their_zip_codes_and_middles(spread: Catalog, tmp_path: Path) -> None:
    browse_index.write_browse_index(spread, tmp_path)
    sites = json.loads((tmp_path / "browse-data" / "sites.json").read_bytes())
    across = sites["across"]
    assert across["areas"] == ["south-bay-harbor", "south-la", "east-la"]
    assert across["zips"] == [["90802"], ["90044"], ["90022", "90023"]]
    east = [nearby.zip_centroid("90022"), nearby.zip_centroid("90023")]
    assert across["centers"][2] == [round((east[0][0] + east[1][0]) / 2, 3), round((east[0][1] + east[1][1]) / 2, 3)]
    opps = ordered(spread)
    area_sets = row_sets(across, len(across["areas"]), len(opps))
    rows = {opp.id: [across["areas"][i] for i in row] for opp, row in zip(opps, area_sets, strict=True)}
    assert rows["acme/two-areas"] == ["south-la", "east-la"]
    assert rows["acme/whole-region"] == ["south-bay-harbor", "south-la", "east-la"]
    assert rows["acme/one-shop"] == []
    # Worksites across areas have no point of their own: no distance is claimed for them.
    point_sets = row_sets(sites, len(sites["points"]), len(opps))
    points = [sites["points"][i] for i in point_sets[opps.index(spread.opportunities["acme/two-areas"])]]
    assert points == []


def test_without_worksites_across_areas_sites_json_is_as_before(tmp_path: Path) -> None:
    catalog = clean_catalog(copy_fixture("minimal", tmp_path))
    assert "across" not in json.loads(browse_index.near_files(catalog)[nearby.SITES_FILE])


def test_the_bundled_county_programs_use_it() -> None:
    from conftest import ROOT

    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    summer = checked.catalog.opportunities["riverbend-county-youth-jobs/summer-youth-employment-tracks"]
    assert any(s.region_wide for s in summer.sites)
    paid = checked.catalog.opportunities["riverbend-county-youth-jobs/paid-work-experience-ages-16-24"]
    assert [s.across for s in paid.sites if s.across] == [("east-la", "southeast-la", "san-gabriel-valley")]
