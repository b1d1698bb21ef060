"""sitemap.xml (and .gz): every built page in both languages, with hreflang alternates.

Written in on_post_build over the pages MkDocs actually wrote, replacing
the theme's sitemap (whose dates are the build time). `<lastmod>` is the
change date of the page's record (its file's last git commit, or
last_reviewed without git); a page that lists records (an index, an
organization or pathway with its listings, a sector) uses the newest of
them; pages about the whole catalog use the newest change in it.
Above MAX_URLS the sitemap becomes an index of numbered sitemaps.

The XML is written as text, byte for byte what xml.etree.ElementTree wrote
(ET.indent, then ET.tostring with an XML declaration): building and
serializing a tree of some 130,000 elements was most of the sitemap's time
at 10,000 listings.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from generator import i18n
from generator.characters import xml_safe
from generator.exports.dates import ChangeDates, change_dates, iso
from generator.exports.records import absolute
from generator.model import LANGS, Catalog

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
MAX_URLS = 40000  # the protocol allows 50,000 per file; alternates make entries large
SKIP_TOP = {"assets", "schemas", "search", "sitemaps"}
GZIP_LEVEL = 6
DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"
ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}

Entry = tuple[str, dict[str, str], str]  # language-neutral path, {lang: site path}, lastmod


def built_pages(
    site_dir: Path, exclude: Iterable[str] = (), coming: Iterable[str] = (), langs: Iterable[str] = LANGS
) -> dict[str, dict[str, str]]:
    """Language-neutral path -> {lang: site path} for every index.html MkDocs wrote (redirect pages excluded),
    and for the pages in `coming` (site paths such as `es/opportunities/a/b/`) that the build is still writing."""
    skip = set(exclude)
    prefixed = frozenset(langs) - {i18n.SOURCE}
    pages: dict[str, dict[str, str]] = {}
    for path in sorted(_page_folders(Path(site_dir), prefixed).union(coming)):
        if _skipped(path, prefixed) or path in skip:
            continue
        lang, neutral = _language(path, prefixed)
        pages.setdefault(neutral, {})[lang] = path
    return pages


def _language(path: str, prefixed: frozenset[str]) -> tuple[str, str]:
    """A site path's language and its language-neutral path: `es/sectors/` → ("es", "sectors/")."""
    first, _, rest = path.partition("/")
    return (first, rest) if first in prefixed else (i18n.SOURCE, path)


def _skipped(path: str, prefixed: frozenset[str]) -> bool:
    """Whether a site path is in a folder the sitemap leaves out, in any language."""
    return _language(path, prefixed)[1].split("/", 1)[0] in SKIP_TOP


def _page_folders(site_dir: Path, prefixed: frozenset[str]) -> set[str]:
    """The site path ("" or ending in "/") of every folder holding an index.html file.

    A walk that leaves out the asset folders, whose pages the sitemap skips anyway: rglob made a Path
    for every file and folder of the site, twice the time at 10,000 listings. Links to folders are not
    followed, as rglob did not follow them.
    """
    found: set[str] = set()
    top = os.fspath(site_dir)
    for folder, dirs, files in os.walk(top):
        rel = folder[len(top) + 1 :].replace(os.sep, "/")
        rel = rel + "/" if rel else ""
        dirs[:] = [name for name in dirs if not _skipped(f"{rel}{name}/", prefixed)]
        if "index.html" in files and os.path.isfile(os.path.join(folder, "index.html")):
            found.add(rel)
    return found


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


def _text(value: str) -> str:
    """Character data escaped as ElementTree escapes it, without what XML cannot hold."""
    return escape(xml_safe(value))


def _attribute(value: str) -> str:
    """An attribute value escaped as ElementTree escapes it, without what XML cannot hold."""
    return escape(xml_safe(value), ATTRIBUTE_ENTITIES)


def _document(text: str) -> bytes:
    # ElementTree writes characters UTF-8 cannot encode (lone surrogates from undecodable file names) as references.
    return (DECLARATION + text + "\n").encode("utf-8", "xmlcharrefreplace")


def _urlset(entries: list[Entry], site_url: str, order: Iterable[str]) -> bytes:
    if not entries:
        return _document(f'<urlset xmlns="{SITEMAP}" />')
    order = tuple(order)
    parts = [f'<urlset xmlns="{SITEMAP}" xmlns:xhtml="{XHTML}">\n']
    for neutral, langs, when in entries:
        present = [lang for lang in order if lang in langs]
        urls = {lang: absolute(site_url, neutral, lang) for lang in present}
        hrefs = {lang: _attribute(url) for lang, url in urls.items()}
        if i18n.SOURCE in langs:
            hrefs["x-default"] = hrefs[i18n.SOURCE]
        # Both language versions of a page list the same alternates.
        links = "".join(f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{href}" />\n' for lang, href in hrefs.items())
        lastmod = _text(when)
        for lang in present:
            parts.append(f"  <url>\n    <loc>{_text(urls[lang])}</loc>\n    <lastmod>{lastmod}</lastmod>\n{links}  </url>\n")
    parts.append("</urlset>")
    return _document("".join(parts))


def _sitemapindex(sitemaps: list[tuple[str, str]]) -> bytes:
    """The index of numbered sitemaps, from (address, lastmod) pairs."""
    parts = [f'<sitemapindex xmlns="{SITEMAP}">\n']
    for loc, when in sitemaps:
        parts.append(f"  <sitemap>\n    <loc>{_text(loc)}</loc>\n    <lastmod>{_text(when)}</lastmod>\n  </sitemap>\n")
    parts.append("</sitemapindex>")
    return _document("".join(parts))


def _write(site_dir: Path, name: str, data: bytes) -> None:
    target = site_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    # mtime 0 and no file name in the gzip header: the same bytes on every build. Level 6 rather than 9 takes
    # 40 % less time for a file 0.6 % larger (a 16 MB sitemap at 10,000 listings).
    with (
        open(str(target) + ".gz", "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL, mtime=0) as gz,
    ):
        gz.write(data)


def write_sitemap(
    catalog: Catalog, site_dir: Path, site_url: str, catalog_dir: Path, exclude: Iterable[str] = (), coming: Iterable[str] = ()
) -> int:
    """Write sitemap.xml and sitemap.xml.gz; returns the number of URLs."""
    dates = change_dates(catalog, catalog_dir)
    pages = built_pages(site_dir, exclude, coming, catalog.langs)
    entries = [(neutral, langs, iso(lastmod(neutral, catalog, dates))) for neutral, langs in sorted(pages.items())]
    chunks: list[list[Entry]] = [[]]
    count = 0
    for entry in entries:
        if count + len(entry[1]) > MAX_URLS and chunks[-1]:
            chunks.append([])
            count = 0
        chunks[-1].append(entry)
        count += len(entry[1])
    if len(chunks) == 1:
        _write(site_dir, "sitemap.xml", _urlset(entries, site_url, catalog.langs))
    else:
        sitemaps = []
        for number, chunk in enumerate(chunks, start=1):
            name = f"sitemaps/sitemap-{number}.xml"
            _write(site_dir, name, _urlset(chunk, site_url, catalog.langs))
            sitemaps.append((absolute(site_url, name), max(when for _, _, when in chunk)))
        _write(site_dir, "sitemap.xml", _sitemapindex(sitemaps))
    return sum(len(langs) for _, langs, _ in entries)
