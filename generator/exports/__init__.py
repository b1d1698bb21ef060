"""Open-data exports.

write_exports() writes, under site/data/ (addresses in the README, "Choices that several parts share"):

| file | what | module |
|---|---|---|
| catalog.json | every organization, listing, pathway and retired id | exports/records.py |
| catalog.json.gz, catalog.ndjson, catalog-meta.json | the same, gzip-compressed; one listing a line; its top level | exports/bulk.py |
| hsds/services.json, hsds/organizations.json | Open Referral HSDS 3.0, work-based learning profile | exports/hsds.py |
| catalog.schema.json | JSON Schema 2020-12 of catalog.json | exports/schema.py |
| opportunities.csv, opportunities-dictionary.csv | one row per listing, and its columns | exports/tabular.py |
| deadlines.ics, deadlines/<sector-id>.ics | deadlines and start dates | exports/calendar.py |
| regions/<region-id>/ | with several regions, each region's catalog.json.gz, opportunities.csv and calendars | exports/regional.py |
| feed.xml | Atom, the 100 most recent changes | exports/feed.py |

The sitemap (exports/sitemap.py), the redirects of renamed listings
(exports/permalinks.py) and the organizations' logos (exports/logos.py) are
written from the plugin. Change dates come from one git pass
(exports/dates.py). Nothing depends on the build time, so two builds of one
commit give byte-identical files. The data is open data under CC BY 4.0.
Structured data inside pages (schema.org JSON-LD) is rendered with the pages
(render/structured_data.py).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from generator import PROJECT_DIR, i18n
from generator.exports.bulk import into, write_catalog
from generator.exports.calendar import calendars, dated_events
from generator.exports.dates import ChangeDates, change_dates
from generator.exports.feed import LIMIT
from generator.exports.feed import feed as atom_feed
from generator.exports.hsds import PROFILE_URI
from generator.exports.records import LICENSE, LICENSE_URL, extra_languages
from generator.exports.regional import FILES as REGION_FILES
from generator.exports.regional import folder as region_folder
from generator.exports.regional import write_regional
from generator.exports.schema import FORMAT_VERSION, catalog_schema, documentation
from generator.exports.tabular import COLUMNS, dictionary_csv, meaning, opportunities_csv
from generator.model import Catalog, regions
from generator.present.view import View

__all__ = ["data_page_context", "write_exports", "export_files"]

SCHEMA_DIR = PROJECT_DIR / "schemas"
SCHEMA_KINDS = ("opportunity", "organization", "pathway", "retired", "rubric", "vocabulary", "defs")


def _base(site_url: str) -> str:
    return site_url.rstrip("/") + "/" if site_url else ""


def export_files(catalog: Catalog, site_url: str, catalog_dir: Path) -> dict[str, bytes]:
    """Site path -> bytes of every export (held in memory: write_exports streams the large ones to disk)."""
    site_url = _base(site_url)
    dates = change_dates(catalog, catalog_dir)
    files: dict[str, bytes] = {}
    write_catalog(catalog, site_url, dates, functools.partial(into, files))
    write_regional(catalog, site_url, dates, functools.partial(into, files), files.__setitem__)
    return {**files, **_small_files(catalog, site_url, dates)}


def _small_files(catalog: Catalog, site_url: str, dates: ChangeDates) -> dict[str, bytes]:
    """The exports that are written whole: their size is a fraction of catalog.json's."""
    schema = catalog_schema(site_url, extra_languages(catalog))
    return {
        "data/catalog.schema.json": (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        "data/opportunities.csv": opportunities_csv(catalog, site_url, dates),
        "data/opportunities-dictionary.csv": dictionary_csv(),
        "data/feed.xml": atom_feed(catalog, site_url, dates),
        **calendars(catalog, site_url, dates),
    }


def write_exports(catalog: Catalog, site_dir: Path, site_url: str, catalog_dir: Path) -> dict[str, int]:
    """Writes every export under site_dir; returns each file's size in bytes, by site path (the Data page's sizes)."""
    site_url = _base(site_url)
    dates = change_dates(catalog, catalog_dir)

    def opener(path: str) -> IO[bytes]:
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        return target.open("wb")

    def write(path: str, data: bytes) -> None:
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    write_catalog(catalog, site_url, dates, opener)
    write_regional(catalog, site_url, dates, opener, write)
    for path, data in _small_files(catalog, site_url, dates).items():
        write(path, data)
    return {
        p.relative_to(site_dir).as_posix(): p.stat().st_size for p in sorted((Path(site_dir) / "data").rglob("*")) if p.is_file()
    }


def schema_kinds() -> list[str]:
    """The catalog's JSON Schemas published at /schemas/<kind>.schema.json."""
    found = sorted(p.name[: -len(".schema.json")] for p in SCHEMA_DIR.glob("*.schema.json"))
    return found or list(SCHEMA_KINDS)


# The fields of catalog.json, documented on a page of their own: with them, the Data page would be its heaviest.
FIELDS_PATH = "data/fields/"


def fields_page_context(catalog: Catalog, view: View) -> dict[str, Any]:
    """What templates/data-fields.html shows: every field of catalog.json, with its type and meaning."""
    return {"json_fields": documentation(view.lang, extra_languages(catalog)), "data_page": "data/"}


def data_page_context(catalog: Catalog, view: View, sizes: Mapping[str, int] | None = None) -> dict[str, Any]:
    """What templates/data.html shows: the exports and how to use them (their fields are on FIELDS_PATH); `sizes`,
    each written file's size by site path (write_exports), empty when the exports are not written with the pages."""
    events = dated_events(catalog)
    per_sector = Counter(sector for e in events for sector in e.opp.sectors)
    sectors = [
        (
            s.label(view.lang),
            view.asset(f"data/deadlines/{s.id}.ics"),
            view.absolute(f"data/deadlines/{s.id}.ics", "en"),
            per_sector[s.id],
        )
        for s in catalog.vocabularies.items("sectors")
    ]
    shown = {path[len("data/") :]: i18n.file_size(size, view.lang) for path, size in (sizes or {}).items()}
    region_files = []
    if regions.several(catalog):
        for region in catalog.vocabularies.items("regions"):
            base = region_folder(region.id)
            files = [(name, view.asset(base + name), shown.get(base[len("data/") :] + name, "")) for name in REGION_FILES]
            region_files.append((region.label(view.lang), files))
    return {
        "region_files": region_files,
        "counts": {
            "opportunities": len(catalog.opportunities),
            "organizations": len(catalog.organizations),
            "pathways": len(catalog.pathways),
            "retired": len(catalog.retired),
            "events": len(events),
            "deadlines": sum(e.kind == "deadline" for e in events),
            "starts": sum(e.kind == "start" for e in events),
        },
        "links": {
            name: view.asset(f"data/{name}")
            for name in (
                "catalog.json",
                "catalog.json.gz",
                "catalog.ndjson",
                "catalog-meta.json",
                "hsds/services.json",
                "hsds/organizations.json",
                "catalog.schema.json",
                "opportunities.csv",
                "opportunities-dictionary.csv",
                "deadlines.ics",
                "feed.xml",
            )
        },
        "sizes": shown,
        "hsds_profile": PROFILE_URI,
        "calendar_url": view.absolute("data/deadlines.ics", "en"),
        "feed_url": view.absolute("data/feed.xml", "en"),
        "sector_calendars": sectors,
        "columns": [(c.name, meaning(c, view.lang), c.example) for c in COLUMNS],
        "fields_page": FIELDS_PATH,
        "schemas": [(kind, view.asset(f"schemas/{kind}.schema.json")) for kind in schema_kinds()],
        "feed_limit": LIMIT,
        "format_version": FORMAT_VERSION,
        "license": LICENSE,
        "license_url": LICENSE_URL,
    }
