"""Where a site is: the area of the region its ZIP code or city puts it in.

The region's vocabularies decide what is local (catalog/vocabularies/areas.yml, each area naming its region
in regions.yml). The checker refuses a site that is in no area unless it says `outside_region: true`, and the
model gives each site its area, so both read the same rule from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

HOME_STATE = "CA"  # the state of the region's counties; a site's `state` defaults to it
# California's ZIP codes start with 900 to 961: a ZIP code from another state is never local, whatever city
# the site names (a New York ZIP code under "Long Beach" is a site in New York, or a typo to correct).
HOME_ZIP_PREFIXES = range(900, 962)


def zip_text(value: Any) -> str:
    """A ZIP code as text; YAML may have read an unquoted one as a number."""
    return "" if value is None else str(value)


def _places(areas: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    # An area without cities or ZIP codes ("online") is not a place a site can be in.
    return [a for a in areas if a.get("cities") or a.get("zips")]


def zip_area(zip_code: str, areas: Sequence[Mapping[str, Any]]) -> str:
    """The id of the area whose ZIP codes hold this one (ZIP+4 counts by its first five digits), else ""."""
    five = zip_code[:5]
    for area in _places(areas):
        if five and five in (zip_text(z) for z in area.get("zips", ())):
            return str(area["id"])
    return ""


def local_area(site: Mapping[str, Any], areas: Sequence[Mapping[str, Any]]) -> str:
    """The area a site's ZIP code puts it in, else the first area its city is in, else "".

    The ZIP code is tried across every area before any city: the City of Los Angeles spans several areas,
    and its ZIP code says which. An area's ZIP list need not be complete, so a ZIP code found nowhere still
    lets the city decide. A site in another state, or with another state's ZIP code, is in no area, whatever its
    city is called.
    """
    zip_code = zip_text(site.get("zip"))
    if site.get("state", HOME_STATE) != HOME_STATE or (zip_code[:3].isdigit() and int(zip_code[:3]) not in HOME_ZIP_PREFIXES):
        return ""
    found = zip_area(zip_code, areas)
    if found:
        return found
    city = site.get("city")
    for area in _places(areas):
        if city and city in area.get("cities", ()):
            return str(area["id"])
    return ""


def claims_local(site: Mapping[str, Any], areas: Sequence[Mapping[str, Any]]) -> str:
    """The area a site marked `outside_region` is in all the same, by its ZIP code, or by its city when it gives
    no ZIP code; else "". A ZIP code in no area overrides a city that shares a name with a local one."""
    if site.get("state", HOME_STATE) != HOME_STATE:
        return ""
    zip_code = zip_text(site.get("zip"))
    if zip_code:
        return zip_area(zip_code, areas)
    return local_area(site, areas)


def region_of(area: Mapping[str, Any], regions: Sequence[Mapping[str, Any]]) -> str:
    """The region id an area names, else the catalog's only region (areas written before regions existed)."""
    written = area.get("region")
    if written:
        return str(written)
    return str(regions[0]["id"]) if len(regions) == 1 else ""


def zip_range(text: str) -> tuple[int, int]:
    """A region's `zip_ranges` entry as its first and last ZIP code, both included ("92501" is a range of one)."""
    first, _, last = text.partition("-")
    return int(first), int(last or first)


def in_zip_ranges(zip_code: str, ranges: Sequence[str]) -> bool:
    """Whether a ZIP code (ZIP+4 by its first five digits) falls in one of a region's `zip_ranges`."""
    five = zip_code[:5]
    if not five.isdigit():
        return False
    return any(first <= int(five) <= last for first, last in map(zip_range, ranges))


def home_region(regions: Sequence[Mapping[str, Any]]) -> str:
    """The region `across: region` means: the first of regions.yml (the region the catalog started with)."""
    return str(regions[0]["id"]) if regions else ""


REGION_WIDE = "region"  # `across: region`: every area of the region


def is_place(area: Mapping[str, Any]) -> bool:
    """An area a site can be in: one with cities or ZIP codes ("online" has neither)."""
    return bool(area.get("cities") or area.get("zips"))


def across_areas(site: Mapping[str, Any], areas: Sequence[Mapping[str, Any]], region: str = "") -> list[str]:
    """The area ids a site spread across areas (`across`) covers, in the vocabulary's order: every place area
    of `region` (the home region, home_region) for `across: region`, else the listed ones that are places. []
    for a site without `across`. An area that names no region is in the home region."""
    across = site.get("across")
    if across == REGION_WIDE:
        return [str(a["id"]) for a in _places(areas) if not region or a.get("region", region) == region]
    if not isinstance(across, list):
        return []
    wanted = {str(a) for a in across}
    return [str(a["id"]) for a in _places(areas) if str(a["id"]) in wanted]
