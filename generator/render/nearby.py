"""Near me: where each browse row's sites are, and the ZIP codes a visitor may type, for sorting by distance.

A visitor who types a ZIP code (or asks for the device's location) on the browse page gets the listings sorted
by straight-line distance to their nearest site. The browser does the arithmetic; the build gives it two small
files under `browse-data/`, the same for every language, fetched only when a visitor uses "near me":

- `zips.json`: `{"format": 1, "zips": {"<zip>": [lat, lon], ...}}`, the centroids of the region's ZIP codes
  (`zips` of catalog/vocabularies/areas.yml) and of the sites' own ZIP codes, and nothing else: the browser
  never gets the country's list, and never asks another host.
- `sites.json`: `{"format": 2, "n": rows, "points": [[lat, lon], ...]}` and, per browse row (the facet index's
  ordinals), the indices of its sites' points, encoded as a facet's values are (browse_index.encode_rows: a
  `sets`/`width`/`col` column, or per point its rows as `counts` and Rice-coded `post`, whichever is smaller;
  at 10,000 listings the posting lists take two thirds of the column's bytes). A row without a located site
  (remote, or a city without ZIP code or coordinates) has the empty set.
  When some listing has worksites spread across areas with no single address (`across`), `across` holds
  `areas`, their `zips` and `centers` (across_table), and per row the indices of its areas, encoded the same
  way. Such a worksite has no distance: a visitor's ZIP code in one of its areas counts
  as 0 miles and the card says "Sites in your area", never a number of miles. A ZIP code outside its areas sorts
  it by the nearest covered area's middle (the mean of the area's ZIP centroids), a rough order that the card
  does not turn into miles and that the "within N miles" filter does not use.

browse_index.near_files writes both, with the column encoding of the facet index.

Coordinates have 3 decimals (about 100 m), finer than the "about N miles" a card says.

ZIP centroids come from the `zipcodes` package (MIT license), whose coordinates are GeoNames' (CC BY 4.0),
read at build time. A ZIP code the package has no coordinates for takes the mean of its area's other ZIP
codes, or, for a site's own ZIP code, the site's coordinates. A site's point is its own `lat`/`lon` when it
gives them, else its ZIP code's centroid; a remote site has none.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from statistics import fmean
from typing import Any

import zipcodes

from generator.model import Catalog, Opportunity, Site
from generator.render.encoding import compact_json

ZIPS_FORMAT = 1
SITES_FORMAT = 2  # 1 had only the column encoding
DECIMALS = 3
ZIPS_FILE = "zips.json"
SITES_FILE = "sites.json"

Point = tuple[float, float]


def _rounded(lat: float, lon: float) -> Point:
    return (round(lat, DECIMALS), round(lon, DECIMALS))


def five(zip_code: object) -> str:
    """The five-digit ZIP code of a written one (ZIP+4, or a number YAML read), else ""."""
    text = "" if zip_code is None else str(zip_code).strip()[:5]
    return text if len(text) == 5 and text.isdigit() else ""


# The country's ZIP codes are a fixed set: the memo is bounded and outlives a build.
@functools.lru_cache(maxsize=8192)
def zip_centroid(zip_code: str) -> Point | None:
    """The package's centroid of a five-digit ZIP code, rounded, or None when it has none."""
    code = five(zip_code)
    if not code:
        return None
    for found in zipcodes.matching(code):
        try:
            return _rounded(float(found["lat"]), float(found["long"]))
        except (KeyError, TypeError, ValueError):
            continue
    return None


def _area_zips(catalog: Catalog) -> dict[str, list[str]]:
    """Area id -> its ZIP codes (five digits), for the areas that list any."""
    out = {}
    for area in catalog.vocabularies.items("areas"):
        codes = [c for c in map(five, area.extra.get("zips") or ()) if c]
        if codes:
            out[area.id] = codes
    return out


def _sites(catalog: Catalog) -> Iterable[Site]:
    return (site for opp in catalog.opportunities.values() for site in opp.sites)


def centroids(catalog: Catalog) -> dict[str, Point]:
    """ZIP code -> centroid, for the region's ZIP codes and the sites' own, sorted by ZIP code."""
    table: dict[str, Point] = {}
    middles: dict[str, Point] = {}
    for area, codes in _area_zips(catalog).items():
        known = {c: p for c in codes if (p := zip_centroid(c))}
        table.update(known)
        if known:
            middles[area] = _rounded(fmean(p[0] for p in known.values()), fmean(p[1] for p in known.values()))
            # A ZIP code the package does not place is somewhere in its area: the area's middle.
            table.update({c: middles[area] for c in codes if c not in known})
    for site in _sites(catalog):
        code = five(site.zip)
        if not code or code in table:
            continue
        point = zip_centroid(code)
        if point is None and site.lat is not None and site.lon is not None:
            point = _rounded(site.lat, site.lon)
        if point is None:
            point = middles.get(site.area)
        if point is not None:
            table[code] = point
    return dict(sorted(table.items()))


def site_point(site: Site, table: Mapping[str, Point]) -> Point | None:
    """Where a site is: its own coordinates, else its ZIP code's centroid; None for a remote site or one
    that gives neither."""
    if site.mode == "remote":
        return None
    if site.lat is not None and site.lon is not None:
        return _rounded(site.lat, site.lon)
    return table.get(five(site.zip))


def row_points(opps: Sequence[Opportunity], table: Mapping[str, Point]) -> list[tuple[Point, ...]]:
    """Per browse row, the distinct points of its sites, sorted."""
    return [tuple(sorted({p for s in opp.sites if (p := site_point(s, table))})) for opp in opps]


def points_table(rows: Sequence[tuple[Point, ...]]) -> tuple[list[Point], list[tuple[int, ...]]]:
    """The distinct points of every row, sorted, and per row the indices of its points."""
    points = sorted({p for row in rows for p in row})
    position = {p: i for i, p in enumerate(points)}
    return points, [tuple(position[p] for p in row) for row in rows]


def area_middles(catalog: Catalog) -> dict[str, Point]:
    """Area id -> the mean of its ZIP codes' centroids, for the areas whose ZIP codes the package places."""
    out = {}
    for area, codes in _area_zips(catalog).items():
        known = [p for c in codes if (p := zip_centroid(c))]
        if known:
            out[area] = _rounded(fmean(p[0] for p in known), fmean(p[1] for p in known))
    return out


def row_areas(opps: Sequence[Opportunity]) -> list[tuple[str, ...]]:
    """Per browse row, the areas its worksites spread across areas cover (`across`), in the vocabulary's order."""
    return [tuple(dict.fromkeys(a for s in opp.sites if s.mode != "remote" for a in s.across)) for opp in opps]


def across_table(catalog: Catalog, rows: Sequence[tuple[str, ...]]) -> tuple[dict[str, Any], list[tuple[int, ...]]]:
    """What near me needs of worksites spread across areas, ({}, []) when no row has any: `areas` (the covered
    area ids, in the vocabulary's order), `zips` (per area its ZIP codes: a visitor's ZIP code among them is in
    the area), `centers` (per area the middle of its ZIP codes, or null); and per row the indices of its areas."""
    covered: set[str] = set().union(*rows) if rows else set()
    if not covered:
        return {}, []
    area_zips = _area_zips(catalog)
    middles = area_middles(catalog)
    areas = [a.id for a in catalog.vocabularies.items("areas") if a.id in covered]
    position = {a: i for i, a in enumerate(areas)}
    table = {
        "areas": areas,
        "zips": [area_zips.get(a, []) for a in areas],
        "centers": [list(middles[a]) if a in middles else None for a in areas],
    }
    return table, [tuple(position[a] for a in row) for row in rows]


def zips_json(table: Mapping[str, Point]) -> bytes:
    return compact_json({"format": ZIPS_FORMAT, "zips": {code: list(p) for code, p in table.items()}})
