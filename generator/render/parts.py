"""A build in parts that run side by side: which part writes which pages.

A statewide catalog's build can run as several builds of the same site, each writing part of it, which
`python -m generator assemble` then puts together (generator/commands/assemble.py):

- `shared`: every page and file except the listing and organization pages that the page workers write
  (generator/render/shell.py): the home, browse, sector and guide pages, the listings that keep former
  addresses (the engine writes them with their redirects), the exports, the browse indexes and the sitemap;
- one part per region (regions.yml's ids, or `records` for a catalog without regions): the pages of the
  listings and organizations that region writes (record_part).

Each record's pages are written by exactly one part: a listing's by its first region, an organization's by the
first region it works in, and one in every region (an online program) by the first region of regions.yml. The
pages are the same as a whole build's, since every part checks and models the whole catalog: only what it
writes differs.
"""

from __future__ import annotations

from generator.model import Catalog, regions

SHARED = "shared"
RECORDS = "records"  # the records' part of a catalog without regions


def names(catalog: Catalog) -> tuple[str, ...]:
    """The parts of the catalog's build, `shared` first."""
    return (SHARED, *(regions.ids(catalog.vocabularies) or (RECORDS,)))


def unknown_problem(catalog: Catalog, part: str) -> str:
    """What is wrong with a part the build configuration names, else ""."""
    known = names(catalog)
    if part in known:
        return ""
    return (
        f"The build is the part `{part}`, which this catalog's build does not have. Write one of: "
        + ", ".join(f"`{p}`" for p in known)
        + " (the plugin's `part` option, or CATALOG_PART), or nothing for the whole site."
    )


def record_part(catalog: Catalog, kind: str, ident: str) -> str:
    """The part that writes a record's pages (kind "opportunity" or "organization")."""
    found: tuple[str, ...] = ()
    if kind == "opportunity":
        found = regions.listing_regions(catalog, catalog.opportunities[ident])
    else:
        found = regions.organization_regions(catalog, ident)
    known = regions.ids(catalog.vocabularies)
    if not known:
        return RECORDS
    return next((r for r in known if r in found), known[0])


def records(catalog: Catalog, part: str) -> set[str]:
    """The record keys ("opportunity:org/x", "organization:org") whose pages a region's part writes."""
    keys: set[str] = set()
    for kind, table in (("opportunity", catalog.opportunities), ("organization", catalog.organizations)):
        keys.update(f"{kind}:{ident}" for ident in table if record_part(catalog, kind, ident) == part)
    return keys
