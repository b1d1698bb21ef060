"""sitemap.xml (and .gz): every built page in both languages, with hreflang alternates.

Written in on_post_build over the pages MkDocs actually wrote, replacing
the theme's sitemap (whose dates are the build time). `<lastmod>` is the
change date of the page's record (its file's last git commit, or
last_reviewed without git); a page that lists records (an index, an
organization or pathway with its listings, a sector) uses the newest of
them; pages about the whole catalog use the newest change in it.
Above MAX_URLS the sitemap becomes an index of numbered sitemaps.
"""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from .exports_dates import ChangeDates, change_dates, iso
from .exports_records import absolute
from .model import LANGS, Catalog

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
MAX_URLS = 40000  # the protocol allows 50,000 per file; alternates make entries large
SKIP_TOP = {"assets", "schemas", "search", "sitemaps"}


def built_pages(site_dir: Path, exclude: Iterable[str] = (), coming: Iterable[str] = ()) -> dict[str, dict[str, str]]:
    """Language-neutral path -> {lang: site path} for every index.html MkDocs wrote (redirect pages excluded),
    and for the pages in `coming` (site paths such as `es/opportunities/a/b/`) that the build is still writing."""
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


def lastmod(neutral: str, catalog: Catalog, dates: ChangeDates) -> dt.datetime:
    parts = neutral.strip("/").split("/")
    opps = catalog.opportunities
    if parts[0] == "opportunities" and len(parts) == 3:
        ident = f"{parts[1]}/{parts[2]}"
        if ident in opps:
            return dates.of(opps[ident])
        if ident in catalog.retired:
            return dates.retired(ident)
    if parts[0] == "opportunities":
        return dates.newest_of_all("opportunities")
    if parts[0] == "employers":
        if len(parts) == 2 and parts[1] in catalog.organizations:
            org = catalog.organizations[parts[1]]
            return dates.newest([org, *(opps[i] for i in org.opportunity_ids)])
        return dates.newest_of_all("organizations")
    if parts[0] == "pathways":
        if len(parts) == 2 and parts[1] in catalog.pathways:
            p = catalog.pathways[parts[1]]
            return dates.newest([p, *(opps[i] for ids in p.opportunity_ids.values() for i in ids)])
        return dates.newest_of_all("pathways")
    if parts[0] == "sectors" and len(parts) == 2:
        sid = parts[1]
        return dates.newest(
            [
                *(o for o in opps.values() if sid in o.sectors),
                *(o for o in catalog.organizations.values() if sid in o.sectors),
                *(p for p in catalog.pathways.values() if p.sector == sid),
            ]
        )
    return dates.newest()


def _urlset(entries: list[tuple[str, dict[str, str], str]], site_url: str) -> bytes:
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
    return _xml(root)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _write(site_dir: Path, name: str, data: bytes) -> None:
    target = site_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    # mtime 0 and no file name in the gzip header: the same bytes on every build.
    with open(str(target) + ".gz", "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(data)


def write_sitemap(
    catalog: Catalog, site_dir: Path, site_url: str, catalog_dir: Path, exclude: Iterable[str] = (), coming: Iterable[str] = ()
) -> int:
    """Write sitemap.xml and sitemap.xml.gz; returns the number of URLs."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    dates = change_dates(catalog, catalog_dir)
    pages = built_pages(site_dir, exclude, coming)
    entries = [(neutral, langs, iso(lastmod(neutral, catalog, dates))) for neutral, langs in sorted(pages.items())]
    chunks: list[list[tuple[str, dict[str, str], str]]] = [[]]
    count = 0
    for entry in entries:
        if count + len(entry[1]) > MAX_URLS and chunks[-1]:
            chunks.append([])
            count = 0
        chunks[-1].append(entry)
        count += len(entry[1])
    if len(chunks) == 1:
        _write(site_dir, "sitemap.xml", _urlset(entries, site_url))
    else:
        index = ET.Element(f"{{{SITEMAP}}}sitemapindex")
        for number, chunk in enumerate(chunks, start=1):
            name = f"sitemaps/sitemap-{number}.xml"
            _write(site_dir, name, _urlset(chunk, site_url))
            item = ET.SubElement(index, f"{{{SITEMAP}}}sitemap")
            ET.SubElement(item, f"{{{SITEMAP}}}loc").text = absolute(site_url, name)
            ET.SubElement(item, f"{{{SITEMAP}}}lastmod").text = max(when for _, _, when in chunk)
        _write(site_dir, "sitemap.xml", _xml(index))
    return sum(len(langs) for _, langs, _ in entries)
