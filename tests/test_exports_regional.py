"""Each region's exports in a catalog of several regions (generator/exports/regional.py)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from conftest import AS_OF, copy_fixture
from test_regions import two_regions

from generator.exports import export_files
from generator.model import Catalog, regions
from generator.model.checked import check_catalog

SITE_URL = "https://wbl-catalog.example.org/"
REGIONS = ("los-angeles", "inland-empire")


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, Path]:
    root = two_regions(tmp_path_factory.mktemp("regional"))
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    return checked.catalog, root


@pytest.fixture(scope="module")
def files(catalog: tuple[Catalog, Path]) -> dict[str, bytes]:
    return export_files(catalog[0], SITE_URL, catalog[1])


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_has_what_its_own_build_publishes(
    catalog: tuple[Catalog, Path], files: dict[str, bytes], region: str
) -> None:
    whole = catalog[0]
    mine = regions.select(whole, [region])
    assert 0 < len(mine.opportunities) < len(whole.opportunities)
    base = f"data/regions/{region}/"
    document = json.loads(gzip.decompress(files[base + "catalog.json.gz"]))
    assert sorted(o["catalog_id"] for o in document["opportunities"]) == sorted(mine.opportunities)
    assert sorted(o["id"] for o in document["organizations"]) == sorted(mine.organizations)
    rows = list(csv.DictReader(io.StringIO(files[base + "opportunities.csv"].decode("utf-8-sig"))))
    assert sorted(r["catalog_id"] for r in rows) == sorted(mine.opportunities)
    # The header of the state's CSV: a reader takes a region's file the same way.
    assert files[base + "opportunities.csv"].splitlines()[0] == files["data/opportunities.csv"].splitlines()[0]
    calendar = files[base + "deadlines.ics"].decode("utf-8")
    name = whole.vocabularies.get("regions", region).name
    assert f"X-WR-CALNAME:LA Work-Based Learning Catalog: {name}: deadlines" in calendar
    assert f"SOURCE;VALUE=URI:{SITE_URL}{base}deadlines.ics" in calendar.replace("\r\n ", "")
    sectors = {s.id for s in whole.vocabularies.items("sectors")}
    assert {p.rsplit("/", 1)[1].removesuffix(".ics") for p in files if p.startswith(base + "deadlines/")} == sectors


def test_a_catalog_of_one_region_has_no_region_files(tmp_path: Path) -> None:
    root = copy_fixture("minimal", tmp_path)
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok
    assert not [p for p in export_files(checked.catalog, SITE_URL, root) if p.startswith("data/regions/")]


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_the_data_page_links_each_regions_files_with_their_sizes(bundled_site: Path, prefix: str) -> None:
    import re

    page = (bundled_site / prefix / "data" / "index.html").read_text(encoding="utf-8")
    listed = page[page.index('<ul class="wbl-data-regions">') :]
    listed = listed[: listed.index("</ul>")]
    links = re.findall(r'<a href="([^"]+)"[^>]*><code>([^<]+)</code></a> \(([^)]+)\)', listed)
    assert len(links) == 3 * 2  # three files for each of the bundled catalog's two regions
    for href, name, size in links:
        target = (bundled_site / prefix / "data" / href).resolve()
        assert target.is_file() and target.name == name, href
        assert re.fullmatch(r"[\d.,]+\s(?:bytes|kB|MB)", size.replace("\xa0", " ")), size
