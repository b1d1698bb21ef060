"""feed.xml: Atom feed of the 100 most recent changes, newest first.

A change is a listing (its file's last commit, or last_reviewed without
git) or a retirement (its date in retired.yml). Each listing keeps one entry
id for its whole life, a tag: URI on its catalog id, so feed readers update
the entry instead of adding a new one, also when it is retired.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator.characters import xml_safe
from generator.exports.calendar import host_of
from generator.exports.dates import ChangeDates, iso
from generator.exports.records import LICENSE_URL, absolute
from generator.model import Catalog, Opportunity, regions
from generator.present.view import View

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 100
TAG_YEAR = "2026"  # part of every entry id: never change it, or every reader sees every entry as new
SITE = "LA Work-Based Learning Catalog"
# The scheme of a region's category: the browse page's address that the region id completes.
REGION_SCHEME = "opportunities/?region="


@dataclass(frozen=True)
class Change:
    ident: str
    when: dt.datetime
    title: str
    summary: str
    author: str
    categories: tuple[tuple[str, str], ...]
    retired: bool = False
    regions: tuple[tuple[str, str], ...] = ()  # (id, name): only in a catalog of several regions


def entry_id(host: str, ident: str) -> str:
    return f"tag:{host},{TAG_YEAR}:opportunities/{ident}"


def changes(catalog: Catalog, dates: ChangeDates) -> list[Change]:
    """The LIMIT most recent changes, newest first (ties by catalog id)."""
    # Ordered on the dates alone, so only the LIMIT changes shown get their texts written.
    found: list[tuple[dt.datetime, str, Opportunity | None]] = [(dates.of(o), o.id, o) for o in catalog.opportunities.values()]
    found += [(dates.retired(ident), ident, None) for ident in catalog.retired]
    found.sort(key=lambda c: (-c[0].timestamp(), c[1]))
    en = View(catalog, "en", "")
    return [
        _listing(catalog, en, opp, when) if opp is not None else _retired(catalog, en, ident, when)
        for when, ident, opp in found[:LIMIT]
    ]


def _listing(catalog: Catalog, en: View, opp: Opportunity, when: dt.datetime) -> Change:
    org = catalog.org_of(opp).name
    facts = [en.status(opp), en.pay(opp), en.grades(opp), en.where(opp)]
    if deadline := en.deadline_date(opp):
        # The date itself, not "n days left": an entry's text must not change while its date stays.
        facts.append(f"{en.t('deadline')}: {deadline}")
    summary = str(opp.raw.get("summary", "")) + "\n" + " · ".join(f for f in facts if f)
    if opp.example:
        summary = "Example listing, not a real offer.\n" + summary
    sectors = tuple((s, en.sector_name(s)) for s in opp.sectors)
    # A reader of a statewide feed keeps the entries of its region by these categories (REGION_SCHEME).
    found = (regions.listing_regions(catalog, opp) or regions.ids(catalog.vocabularies)) if regions.several(catalog) else ()
    return Change(
        opp.id, when, f"{opp.title} ({org})", summary, org, sectors, regions=tuple((r, en.vocab("regions", r)) for r in found)
    )


def _retired(catalog: Catalog, en: View, ident: str, when: dt.datetime) -> Change:
    entry = catalog.retired[ident]
    return Change(ident, when, f"{en.t('status_retired')}: {entry.title or ident}", entry.reason, SITE, (), retired=True)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    # The checker refuses what XML cannot hold; dropping it here too keeps every subscriber's feed readable.
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def feed(catalog: Catalog, site_url: str, dates: ChangeDates) -> bytes:
    ET.register_namespace("", ATOM)
    host = host_of(site_url)
    recent = changes(catalog, dates)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    _add(root, "id", f"tag:{host},{TAG_YEAR}:feed")
    _add(root, "title", f"{SITE}: recent changes")
    _add(root, "subtitle", "New and updated work-based learning opportunities for students in the Los Angeles region.")
    _add(root, "updated", iso(recent[0].when if recent else dates.newest()))
    _add(root, "link", rel="self", type="application/atom+xml", href=absolute(site_url, "data/feed.xml"))
    _add(root, "link", rel="alternate", type="text/html", href=absolute(site_url, ""))
    _add(_add(root, "author"), "name", SITE)
    _add(root, "rights", f"Open data under CC BY 4.0 ({LICENSE_URL})")
    for change in recent:
        entry = _add(root, "entry")
        _add(entry, "id", entry_id(host, change.ident))
        _add(entry, "title", change.title)
        _add(entry, "updated", iso(change.when))
        path = f"opportunities/{change.ident}/"
        _add(entry, "link", rel="alternate", type="text/html", hreflang="en", href=absolute(site_url, path))
        # "related", not a second "alternate": readers differ on which alternate they open, and it must be one page.
        _add(entry, "link", rel="related", type="text/html", hreflang="es", href=absolute(site_url, path, "es"))
        _add(_add(entry, "author"), "name", change.author)
        for term, label in change.categories:
            _add(entry, "category", term=term, label=label)
        for term, label in change.regions:
            _add(entry, "category", term=term, label=label, scheme=absolute(site_url, REGION_SCHEME))
        _add(entry, "summary", change.summary, type="text")
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
