"""The sitemap, written as text over a walk of the site: byte for byte what ElementTree wrote over rglob.

The references below are the sitemap's earlier code (an ElementTree tree, indented and serialized;
`Path.rglob("index.html")`), kept here as the definition of the bytes the sitemap must keep.
"""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

import pytest

from generator.characters import xml_safe
from generator.exports import sitemap as exports_sitemap
from generator.exports.dates import ChangeDates, change_dates, iso
from generator.exports.records import absolute
from generator.exports.sitemap import SITEMAP, SKIP_TOP, XHTML, built_pages, lastmod, write_sitemap
from generator.model import LANGS
from generator.model.checked import check_catalog

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 22)
ODD = "a&b<c>d\"e'f\rg\nh\ti é 😀 \udcff"  # every character ElementTree escapes, and one UTF-8 cannot encode


def reference_pages(site_dir: Path, exclude: Iterable[str] = (), coming: Iterable[str] = ()) -> dict[str, dict[str, str]]:
    skip = set(exclude)
    pages: dict[str, dict[str, str]] = {}
    found = set()
    for html in site_dir.rglob("index.html"):
        rel = html.parent.relative_to(site_dir).as_posix()
        found.add("" if rel == "." else rel + "/")
    for path in sorted(found.union(coming)):
        if path.split("/", 1)[0] in SKIP_TOP or path in skip:
            continue
        lang, neutral = ("es", path[3:]) if path.startswith("es/") else ("en", path)
        if neutral.split("/", 1)[0] in SKIP_TOP:
            continue
        pages.setdefault(neutral, {})[lang] = path
    return pages


def reference_xml(root: ET.Element) -> bytes:
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def reference_urlset(entries: list[tuple[str, dict[str, str], str]], site_url: str) -> bytes:
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for neutral, langs, when in entries:
        for lang in LANGS:
            if lang not in langs:
                continue
            url = ET.SubElement(root, f"{{{SITEMAP}}}url")
            ET.SubElement(url, f"{{{SITEMAP}}}loc").text = absolute(site_url, neutral, lang)
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = when
            for other in LANGS:
                if other in langs:
                    ET.SubElement(
                        url, f"{{{XHTML}}}link", rel="alternate", hreflang=other, href=absolute(site_url, neutral, other)
                    )
            if "en" in langs:
                ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang="x-default", href=absolute(site_url, neutral))
    return reference_xml(root)


def reference_sitemap(catalog, site_dir: Path, site_url: str, dates: ChangeDates, max_urls: int) -> dict[str, bytes]:
    """Site path -> bytes of every sitemap file."""
    pages = reference_pages(site_dir)
    entries = [(neutral, langs, iso(lastmod(neutral, catalog, dates))) for neutral, langs in sorted(pages.items())]
    chunks: list[list[tuple[str, dict[str, str], str]]] = [[]]
    count = 0
    for entry in entries:
        if count + len(entry[1]) > max_urls and chunks[-1]:
            chunks.append([])
            count = 0
        chunks[-1].append(entry)
        count += len(entry[1])
    if len(chunks) == 1:
        return {"sitemap.xml": reference_urlset(entries, site_url)}
    out = {}
    index = ET.Element(f"{{{SITEMAP}}}sitemapindex")
    for number, chunk in enumerate(chunks, start=1):
        name = f"sitemaps/sitemap-{number}.xml"
        out[name] = reference_urlset(chunk, site_url)
        item = ET.SubElement(index, f"{{{SITEMAP}}}sitemap")
        ET.SubElement(item, f"{{{SITEMAP}}}loc").text = absolute(site_url, name)
        ET.SubElement(item, f"{{{SITEMAP}}}lastmod").text = max(when for _, _, when in chunk)
    out["sitemap.xml"] = reference_xml(index)
    return out


def page(site: Path, path: str) -> None:
    folder = site / path
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text("<!doctype html>", encoding="utf-8")


@pytest.fixture
def odd_site(tmp_path: Path) -> Path:
    """Pages in both languages and in one, in folders the sitemap skips, and links of every kind."""
    site = tmp_path / "site"
    for path in ("", "es/", "a/", "es/a/", "only-en/", "es/only-es/", "a/b/c/", "es/es/x/", "assets/x/", "es/search/"):
        page(site, path)
    for top in SKIP_TOP:
        page(site, f"{top}/deep/")
    (site / "assets" / "index.html").write_text("", encoding="utf-8")
    (site / "no-page" / "index.htm").parent.mkdir()
    (site / "no-page" / "index.htm").write_text("", encoding="utf-8")
    (site / "folder-named" / "index.html").mkdir(parents=True)  # a folder, not a page (rglob matched it)
    (site / "linked-folder").symlink_to(site / "a", target_is_directory=True)  # not followed
    (site / "linked-page").mkdir()
    (site / "linked-page" / "index.html").symlink_to(site / "a" / "index.html")
    (site / "dangling").mkdir()
    (site / "dangling" / "index.html").symlink_to(site / "missing.html")
    return site


def test_built_pages_finds_the_folders_with_an_index_page(odd_site: Path) -> None:
    exclude = ["a/b/c/", "es/a/"]
    coming = ["opportunities/x/y/", "es/opportunities/x/y/", "assets/z/", "es/schemas/z/", "only-en/"]
    found = built_pages(odd_site, exclude, coming)
    expected = reference_pages(odd_site, exclude, coming)
    del expected["folder-named/"]
    assert list(found.items()) == list(expected.items())
    assert found["linked-page/"] == {"en": "linked-page/"}
    assert not {"dangling/", "linked-folder/", "no-page/", "folder-named/"} & set(found)
    assert built_pages(odd_site / "missing", (), ["a/"]) == {"a/": {"en": "a/"}}


@pytest.mark.parametrize("site_url", ["https://wbl-catalog.example.org/", "", f"https://x.example.org/{ODD}/"])
def test_urlset_is_what_elementtree_writes(site_url: str) -> None:
    entries = [
        ("", {"en": "", "es": "es/"}, "2026-11-22T00:00:00Z"),
        (f"{ODD}/", {"en": f"{ODD}/"}, "2026-01-02T03:04:05Z"),
        ("only-es/", {"es": "es/only-es/"}, "2025-12-31T23:59:59Z"),
        ("a/b/", {"es": "es/a/b/", "en": "a/b/"}, f"odd {ODD}"),
    ]
    for chosen in (entries, entries[2:3], []):
        # What XML cannot hold (the lone surrogate) is dropped; ElementTree would write a reference to it, which
        # is not well-formed either, so the reference is given the text without it.
        clean = [(xml_safe(n), {k: xml_safe(v) for k, v in urls.items()}, xml_safe(d)) for n, urls, d in chosen]
        assert exports_sitemap._urlset(chosen, site_url, ("en", "es")) == reference_urlset(clean, xml_safe(site_url))


@pytest.mark.parametrize("max_urls", [exports_sitemap.MAX_URLS, 7])
def test_write_sitemap_is_what_elementtree_wrote(tmp_path: Path, monkeypatch, max_urls: int) -> None:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    catalog = checked.catalog
    site = tmp_path / "site"
    paths = ["", "opportunities/", "employers/", "pathways/", "sectors/", "data/", "missing/record/"]
    paths += [f"opportunities/{ident}/" for ident in [*catalog.opportunities, *catalog.retired]]
    paths += [f"employers/{ident}/" for ident in catalog.organizations]
    paths += [f"pathways/{ident}/" for ident in catalog.pathways]
    paths += [f"sectors/{s.id}/" for s in catalog.vocabularies.items("sectors")]
    for path in paths:
        page(site, path)
        page(site, "es/" + path)
    page(site, "only-en/")
    monkeypatch.setattr(exports_sitemap, "MAX_URLS", max_urls)
    dates = change_dates(catalog, ROOT / "catalog")
    expected = reference_sitemap(catalog, site, "https://wbl-catalog.example.org/", dates, max_urls)
    count = write_sitemap(catalog, site, "https://wbl-catalog.example.org/", ROOT / "catalog")
    assert count == 2 * len(paths) + 1
    assert ("sitemaps/sitemap-2.xml" in expected) == (max_urls == 7)
    written = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.xml"))
    assert written == sorted(expected)
    for name, data in expected.items():
        assert (site / name).read_bytes() == data, name
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == data, name
