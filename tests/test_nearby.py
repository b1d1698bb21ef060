"""Near me (generator/render/nearby.py): the ZIP centroid table the browser gets, each site's point, and the two
files under browse-data/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import AS_OF, edit
from index_reader import row_sets

from generator.model import Catalog
from generator.model.checked import check_catalog
from generator.render import browse_index, nearby
from generator.render.encoding import ordered

SITES = """\
sites:
  - name: Main shop
    city: Long Beach
    zip: "90802"
    mode: in-person
  - name: Harbor yard
    city: Long Beach
    zip: "90813"
    mode: in-person
    lat: 33.7601
    lon: -118.2004
  - name: Online sessions
    mode: remote
  - name: Capitol office
    city: Sacramento
    zip: "95814"
    mode: in-person
    outside_region: true
"""

# The region's ZIP codes: 90000 is no ZIP code the package knows, so it takes the middle of its area.
AREAS = """\
    zips:
      - "90802"
      - "90813"
      - "90000"
  - id: south-la
    name: South Los Angeles
    name_es: Sur de Los Ángeles
    cities:
      - Compton
    zips:
      - "90044"
"""


@pytest.fixture
def catalog(minimal: Path) -> Catalog:
    listing = minimal / "employers" / "acme" / "welding-intern.yml"
    edit(listing, 'sites:\n  - name: Main shop\n    city: Long Beach\n    zip: "90802"\n    mode: in-person\n', SITES)
    edit(minimal / "vocabularies" / "areas.yml", '    zips:\n      - "90802"\n', AREAS)
    checked = check_catalog(minimal, as_of=AS_OF)
    assert not [p for p in checked.problems if p.severity == "error"], checked.problems
    assert checked.catalog is not None
    return checked.catalog


def test_a_zip_code_has_the_packages_centroid_rounded_to_3_decimals() -> None:
    assert nearby.zip_centroid("90044") == (33.955, -118.29)
    assert nearby.zip_centroid("90044-1234") == nearby.zip_centroid("90044")
    assert nearby.zip_centroid("90000") is None  # no such ZIP code
    assert nearby.zip_centroid("9004") is None and nearby.zip_centroid("") is None


def test_the_table_holds_the_regions_zip_codes_and_the_sites_own_and_no_others(catalog: Catalog) -> None:
    table = nearby.centroids(catalog)
    assert list(table) == ["90000", "90044", "90802", "90813", "95814"]
    assert table["90802"] == nearby.zip_centroid("90802")
    assert table["95814"] == nearby.zip_centroid("95814")  # a site's own ZIP code, outside the region
    # A ZIP code without coordinates is placed at the middle of its area's others.
    middle = [round((a + b) / 2, 3) for a, b in zip(table["90802"], table["90813"], strict=True)]
    assert list(table["90000"]) == middle
    assert all(len(str(x).split(".")[1]) <= nearby.DECIMALS for point in table.values() for x in point)


def test_a_sites_point_is_its_own_else_its_zip_codes_and_a_remote_site_has_none(catalog: Catalog) -> None:
    table = nearby.centroids(catalog)
    sites = {s.name: s for s in catalog.opportunities["acme/welding-intern"].sites}
    assert nearby.site_point(sites["Main shop"], table) == table["90802"]
    assert nearby.site_point(sites["Harbor yard"], table) == (33.76, -118.2)  # its own, not 90813's
    assert nearby.site_point(sites["Harbor yard"], table) != table["90813"]
    assert nearby.site_point(sites["Online sessions"], table) is None
    assert nearby.site_point(sites["Capitol office"], table) == table["95814"]


def test_each_row_has_the_distinct_points_of_its_sites(catalog: Catalog) -> None:
    table = nearby.centroids(catalog)
    opps = ordered(catalog)
    rows = nearby.row_points(opps, table)
    welding = rows[[o.id for o in opps].index("acme/welding-intern")]
    assert welding == tuple(sorted([table["90802"], (33.76, -118.2), table["95814"]]))
    points, indices = nearby.points_table([((1.0, 2.0),), (), ((0.0, 0.0), (1.0, 2.0))])
    assert points == [(0.0, 0.0), (1.0, 2.0)]
    assert indices == [(1,), (), (0, 1)]


def test_the_files_under_browse_data(catalog: Catalog, tmp_path: Path) -> None:
    browse_index.write_browse_index(catalog, tmp_path)
    zips = json.loads((tmp_path / "browse-data" / "zips.json").read_bytes())
    assert zips["format"] == nearby.ZIPS_FORMAT
    assert zips["zips"] == {code: list(p) for code, p in nearby.centroids(catalog).items()}
    sites = json.loads((tmp_path / "browse-data" / "sites.json").read_bytes())
    n = len(ordered(catalog))
    assert sites["format"] == nearby.SITES_FORMAT and sites["n"] == n
    rows = [[sites["points"][i] for i in row] for row in row_sets(sites, len(sites["points"]), n)]
    expected = [[list(p) for p in row] for row in nearby.row_points(ordered(catalog), nearby.centroids(catalog))]
    assert rows == expected
    # One file for every language, beside the languages' folders.
    assert not (tmp_path / "browse-data" / "en" / "zips.json").exists()
