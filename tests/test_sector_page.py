"""A sector page names at most 100 of the sector's organizations, those with the most open listings in the sector
first and ties by name, then says how many more there are and links to the browse page filtered by the sector, so
the page does not grow with the catalog."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, clean_catalog, copy_fixture

from generator import i18n
from generator.render.site import SECTOR_EMPLOYER_LIMIT, SiteRenderer

SITE = "https://wbl.example.org/"
SECTOR = "manufacturing-and-product-development"
SHOPS = 101  # with Acme and Zeta Works, three more than the limit
ORGANIZATION = """example: true
name: {name}
kind: employer
sectors:
  - Manufacturing and Product Development
summary: A small shop.
description: |
  It makes parts.
website: https://example.org/shop
locations:
  - name: Main shop
    city: Long Beach
    zip: "90802"
contact:
  role: Front office
  email: shop@example.org
last_reviewed: "2026-10-01"
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The manufacturing sector's page in each language, in a catalog of 103 organizations in that sector: Acme
    (the fixture's) and Zeta Works have an open listing each, the 101 shops none."""
    root = copy_fixture("minimal", tmp_path_factory.mktemp("sector"))
    employers = root / "employers"
    for i in range(SHOPS):
        folder = employers / f"shop-{i:03d}"
        folder.mkdir()
        (folder / "organization.yml").write_text(ORGANIZATION.format(name=f"Shop {i:03d}"), encoding="utf-8")
    zeta = employers / "zeta-works"
    zeta.mkdir()
    (zeta / "organization.yml").write_text(ORGANIZATION.format(name="Zeta Works"), encoding="utf-8")
    shutil.copy(employers / "acme" / "welding-intern.yml", zeta / "welding-intern.yml")
    catalog = clean_catalog(root)
    assert {catalog.opportunities[i].status for i in ("acme/welding-intern", "zeta-works/welding-intern")} == {"open"}
    renderer = SiteRenderer(catalog, SITE)
    for lang in catalog.langs:
        renderer.sectors(lang)
    return {p.lang: p.body for p in renderer.pages if p.path == f"sectors/{SECTOR}/"}


def employer_names(html: str) -> list[str]:
    """The names in the sector page's list of employers, in order."""
    section = html.split("</h2><ul>", 2)[-1].split("</ul>", 1)[0]
    # An organization without a Spanish name keeps its English one, marked lang="en".
    return re.findall(r'<li><a href="\.\./\.\./employers/[\w-]+/">(?:<span lang="en">)?([^<]+)(?:</span>)?</a></li>', section)


def test_lists_at_most_the_limit_most_open_listings_first_then_by_name(pages: dict[str, str]) -> None:
    assert SECTOR_EMPLOYER_LIMIT == 100
    for lang in ("en", "es"):
        names = employer_names(pages[lang])
        assert len(names) == SECTOR_EMPLOYER_LIMIT
        # The two with an open listing first (by name), then the shops by name; the last three shops are cut.
        assert names[:3] == ["Acme Fabrication", "Zeta Works", "Shop 000"]
        assert names[-1] == "Shop 097"
        assert "Shop 098" not in pages[lang]


def test_says_how_many_more_and_links_to_the_browse_page_filtered_by_sector(pages: dict[str, str]) -> None:
    expected = {
        "en": ("And 3 more organizations.", "Find them in the search, filtered by this sector"),
        "es": ("Y 3 organizaciones más.", "Encuéntrelos en la búsqueda, filtrada por este sector"),
    }
    for lang, (more, link_text) in expected.items():
        (line,) = re.findall(r'<p class="wbl-sector-more-employers">(.*?)</p>', pages[lang])
        assert line.startswith(f"{more} <a href=")
        (href,) = re.findall(r'href="([^"]+)"', line)
        # From /es/sectors/<id>/ the same relative link reaches /es/opportunities/.
        assert href == f"../../opportunities/?sector={SECTOR}&amp;status=any"
        assert line.endswith(f">{link_text}</a>")


def test_one_more_is_singular() -> None:
    assert i18n.tn("sector_employers_more", 1, "en") == "And 1 more organization."
    assert i18n.tn("sector_employers_more", 1, "es") == "Y 1 organización más."


def test_the_limit_is_documented() -> None:
    doc = (ROOT / "docs" / "contracts.md").read_text(encoding="utf-8")
    (found,) = re.findall(r"A sector page names at most (\d+) of the sector's organizations", doc)
    assert int(found) == SECTOR_EMPLOYER_LIMIT


def test_no_more_line_when_every_organization_fits(tmp_path: Path) -> None:
    catalog = clean_catalog(copy_fixture("minimal", tmp_path))
    renderer = SiteRenderer(catalog, SITE)
    renderer.sectors("en")
    (html,) = [p.body for p in renderer.pages if p.path == f"sectors/{SECTOR}/"]
    assert employer_names(html) == ["Acme Fabrication"]
    assert "wbl-sector-more-employers" not in html
