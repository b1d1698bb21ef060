"""Permanent links: renamed listings redirect, retired ones keep a page, every record page shows its link,
and the sitemap lists every page in both languages with change dates.

A deleted listing that is neither retired nor renamed fails
`python -m generator check --against REV`: that is tested in test_cli.py.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitebuild import ROOT, build_site, minimal_catalog

from generator.exports.permalinks import redirect_map, redirect_pages
from generator.model.checked import check_catalog

AS_OF = dt.date(2026, 11, 22)
FORK_URL = "https://fork.example.net/wbl/"
NEW = "acme-health/lab-internship"
FORMER = ("acme-health/clinic-lab-internship", "acme-health/summer-lab-internship")
RETIRED = """\
retired:
  - id: acme-health/winter-lab-internship
    title: Winter Lab Internship
    reason: The winter session ended in 2026.
    date: "2026-02-01"
    replaced_by: acme-health/lab-internship
  - id: acme-health/evening-lab-tour
    reason: The clinic no longer runs evening tours.
"""
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANG_PREFIX = {"en": "", "es": "es/"}


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> tuple[Path, object]:
    """A catalog whose listing was renamed twice and that retired two listings, built for a fork's address."""
    root = tmp_path_factory.mktemp("renamed")
    catalog = minimal_catalog(root / "catalog")
    listing = catalog / "employers" / "acme-health" / "lab-internship.yml"
    listing.write_text(listing.read_text() + "former_ids:\n" + "".join(f"  - {old}\n" for old in FORMER), encoding="utf-8")
    (catalog / "retired.yml").write_text(RETIRED, encoding="utf-8")
    checked = check_catalog(catalog, as_of=AS_OF)
    assert checked.ok, checked.errors
    build_site(root / "site", catalog, extra_env={"SITE_URL": FORK_URL.rstrip("/")})
    return root / "site", checked.catalog


@pytest.fixture(scope="module")
def bundled(bundled_site: Path) -> tuple[Path, object]:
    out = bundled_site
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    return out, checked.catalog


def follow(site: Path, path: str) -> str:
    """The site path a redirect page at `path` sends the browser to (meta refresh, resolved like a browser)."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    (target,) = re.findall(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    assert re.search(rf'<link rel="canonical" href="{re.escape(target)}">', html)
    resolved = (site / path / target).resolve()
    assert (resolved / "index.html").is_file(), target
    return resolved.relative_to(site.resolve()).as_posix() + "/"


def h1(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()


# -- renamed listings ----------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("old", FORMER)
def test_an_old_address_leads_to_the_renamed_listing(renamed, old, lang):
    site, _ = renamed
    prefix = LANG_PREFIX[lang]
    assert follow(site, f"{prefix}opportunities/{old}/") == f"{prefix}opportunities/{NEW}/"
    assert h1(site, f"{prefix}opportunities/{NEW}/") == "Lab Internship"


def test_the_redirect_map_covers_both_languages_and_skips_ids_in_use(renamed):
    _, catalog = renamed
    maps = redirect_map(catalog)
    assert maps == {f"{p}opportunities/{old}/index.md": f"{p}opportunities/{NEW}/index.md" for old in FORMER for p in ("", "es/")}
    assert redirect_pages(maps) == {f"{p}opportunities/{old}/" for old in FORMER for p in ("", "es/")}


def test_bundled_renamed_listing_redirects(bundled):
    site, catalog = bundled
    renamed = [(old, o.id) for o in catalog.opportunities.values() for old in o.former_ids]
    assert renamed, "the bundled catalog demonstrates a renamed listing"
    for old, new in renamed:
        assert old not in catalog.opportunities
        for prefix in ("", "es/"):
            assert follow(site, f"{prefix}opportunities/{old}/") == f"{prefix}opportunities/{new}/"


# -- retired listings ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_retired_listing_keeps_a_no_longer_offered_page(renamed, lang):
    site, _ = renamed
    prefix = LANG_PREFIX[lang]
    html = (site / prefix / "opportunities/acme-health/winter-lab-internship/index.html").read_text(encoding="utf-8")
    assert ("No longer offered" if lang == "en" else "Ya no se ofrece") in html
    assert "The winter session ended in 2026." in html and h1(
        site, f"{prefix}opportunities/acme-health/winter-lab-internship/"
    ) == ("Winter Lab Internship")
    links = re.findall(r'<a href="([^"]+)">(?:<span lang="en">)?Lab Internship<', html)
    assert links and all(
        (site / prefix / "opportunities/acme-health/winter-lab-internship" / link / "index.html").resolve()
        == (site / prefix / f"opportunities/{NEW}/index.html").resolve()
        for link in links
    )
    bare = site / prefix / "opportunities/acme-health/evening-lab-tour/index.html"
    assert "The clinic no longer runs evening tours." in bare.read_text(encoding="utf-8")
    assert h1(site, f"{prefix}opportunities/acme-health/evening-lab-tour/") == "acme-health/evening-lab-tour"


def test_bundled_retired_example_is_well_formed(bundled):
    site, catalog = bundled
    assert catalog.retired, "catalog/retired.yml has an example entry"
    for ident, entry in catalog.retired.items():
        assert ident not in catalog.opportunities
        assert entry.title and entry.reason and entry.date
        assert entry.replaced_by in catalog.opportunities
        for prefix in ("", "es/"):
            html = (site / prefix / "opportunities" / ident / "index.html").read_text(encoding="utf-8")
            assert entry.reason in html and 'http-equiv="refresh"' not in html


# -- permanent links on pages ----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_record_page_shows_its_permanent_link(renamed, lang):
    site, catalog = renamed
    paths = [f"opportunities/{i}/" for i in catalog.opportunities] + [f"employers/{i}/" for i in catalog.organizations]
    paths += [f"pathways/{i}/" for i in catalog.pathways] + [f"sectors/{s.id}/" for s in catalog.vocabularies.items("sectors")]
    for path in paths:
        full = LANG_PREFIX[lang] + path
        html = (site / full / "index.html").read_text(encoding="utf-8")
        assert f'<code class="wbl-permalink__url">{FORK_URL}{full}</code>' in html, full
        assert f'data-copy="{FORK_URL}{full}"' in html, full


def test_site_url_override_reaches_the_exports(renamed):
    site, _ = renamed
    assert f'"site_url":"{FORK_URL}"' in (site / "data" / "catalog.json").read_text(encoding="utf-8")
    assert f'href="{FORK_URL}opportunities/{NEW}/"' in (site / "data" / "feed.xml").read_text(encoding="utf-8")
    assert f"{FORK_URL}opportunities/{NEW}/" in (site / "data" / "opportunities.csv").read_text(encoding="utf-8-sig")
    assert "wbl-catalog.example.org" not in (site / "sitemap.xml").read_text(encoding="utf-8")


# -- the sitemap -----------------------------------------------------------------


def built_pages(site: Path) -> set[str]:
    """Every HTML page MkDocs wrote, as a site path, without redirect pages and asset folders."""
    pages = set()
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix()
        path = "" if rel == "." else rel + "/"
        if path.split("/")[0] == "assets" or 'http-equiv="refresh"' in html.read_text(encoding="utf-8"):
            continue
        pages.add(path)
    return pages


def sitemap_entries(site: Path) -> dict[str, tuple[str, dict[str, str]]]:
    raw = (site / "sitemap.xml").read_bytes()
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == raw
    root = ET.fromstring(raw)
    assert root.tag == f"{SM}urlset"
    entries = {}
    for url in root.findall(f"{SM}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        entries[url.findtext(f"{SM}loc")] = (url.findtext(f"{SM}lastmod"), links)
    return entries


def test_sitemap_lists_every_page_in_both_languages(renamed):
    site, catalog = renamed
    entries = sitemap_entries(site)
    pages = built_pages(site)
    assert set(entries) == {FORK_URL + p for p in pages}
    assert any(p.startswith("es/") for p in pages)
    for lang in ("en", "es"):
        prefix = LANG_PREFIX[lang]
        for ident in [*catalog.opportunities, *catalog.retired]:
            assert f"{FORK_URL}{prefix}opportunities/{ident}/" in entries
        for old in FORMER:
            assert f"{FORK_URL}{prefix}opportunities/{old}/" not in entries
    for loc, (_, links) in entries.items():
        neutral = loc[len(FORK_URL) :].removeprefix("es/")
        assert links == {"en": FORK_URL + neutral, "es": FORK_URL + "es/" + neutral, "x-default": FORK_URL + neutral}, loc


def test_sitemap_dates_are_change_dates_not_the_build_time(renamed):
    site, catalog = renamed
    entries = sitemap_entries(site)
    listing = catalog.opportunities[NEW]
    reviewed = f"{listing.last_reviewed.isoformat()}T00:00:00Z"  # the fixture is not in git
    assert entries[f"{FORK_URL}opportunities/{NEW}/"][0] == reviewed
    assert entries[f"{FORK_URL}es/opportunities/{NEW}/"][0] == reviewed
    assert entries[f"{FORK_URL}opportunities/acme-health/winter-lab-internship/"][0] == "2026-02-01T00:00:00Z"
    newest = max(
        o.last_reviewed for o in [*catalog.opportunities.values(), *catalog.organizations.values(), *catalog.pathways.values()]
    )
    assert entries[FORK_URL][0] == f"{newest.isoformat()}T00:00:00Z"
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert not [loc for loc, (when, _) in entries.items() if when.startswith(today)]
