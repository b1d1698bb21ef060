"""Which regions a listing and an organization are in, and the catalog narrowed to the regions a build serves.

A site is in the region of its area (vocabularies/areas.yml names it, check/places.py). A listing is in the
regions of its sites. A listing none of whose sites is in a region (online only, or only outside the regions)
is in the regions of its organization's other listings; an organization none of whose listings is in any
region (a statewide online program) serves every region, so each regional build keeps its listings.

A build selects regions with the plugin's `regions` option (the bundled mkdocs.yml reads CATALOG_REGIONS):
only the listings in those regions, and their organizations, are published. The checker always checks the
whole catalog first, so a regional build never hides a problem in another region's files.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from generator.check import places
from generator.model import Catalog, Opportunity, Site, Vocabularies

ENVIRONMENT = "CATALOG_REGIONS"  # what the bundled mkdocs.yml reads into the plugin's `regions`
PARAMETER = "region"  # the browse page's parameter (generator/render/facets.py)


def ids(vocabularies: Vocabularies) -> tuple[str, ...]:
    """The catalog's region ids, in the order of regions.yml."""
    return tuple(r.id for r in vocabularies.items("regions"))


def several(catalog: Catalog) -> bool:
    """Whether the catalog serves more than one region: then pages let a family choose one."""
    return len(catalog.vocabularies.items("regions")) > 1


def _ordered(catalog: Catalog, found: Iterable[str]) -> tuple[str, ...]:
    wanted = set(found)
    known = ids(catalog.vocabularies)
    return tuple(r for r in known if r in wanted) + tuple(sorted(wanted - set(known)))


def organization_regions(catalog: Catalog, org_id: str) -> tuple[str, ...]:
    """The regions an organization works in: those of its listings' sites, in the order of regions.yml."""
    org = catalog.organizations.get(org_id)
    mine = org.opportunity_ids if org else ()
    return _ordered(catalog, (r for i in mine if i in catalog.opportunities for r in catalog.opportunities[i].regions))


def listing_regions(catalog: Catalog, opp: Opportunity) -> tuple[str, ...]:
    """The regions a listing is found in: its sites', else its organization's; () means every region."""
    return opp.regions or organization_regions(catalog, opp.org_id)


def parse(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """The regions a build configuration names: a list, or text with ids separated by commas or spaces."""
    if value is None:
        return ()
    items = re.split(r"[\s,]+", value) if isinstance(value, str) else [str(v) for v in value]
    return tuple(dict.fromkeys(i.strip() for i in items if i.strip()))


def unknown_problem(vocabularies: Vocabularies, wanted: Sequence[str]) -> str:
    """What is wrong with a selection naming a region regions.yml does not have, else ""."""
    known = ids(vocabularies)
    missing = [r for r in wanted if r not in known]
    if not missing:
        return ""
    names = ", ".join(f"`{r}`" for r in missing)
    choose = ", ".join(f"`{r}`" for r in known) or "none: add catalog/vocabularies/regions.yml first"
    return (
        f"The build selects the region {names}, which is not in catalog/vocabularies/regions.yml. "
        f"Write one of: {choose} (the plugin's `regions` option, or {ENVIRONMENT})."
    )


def _outside_others(opp: Opportunity, chosen: set[str]) -> Opportunity:
    """The listing as a build for the chosen regions shows it: a site at a place in another region is outside the
    region there ("Ontario, CA — outside the region"), as it is in that region's own catalog, so the area filter,
    "near me" and the coverage figures count only the chosen regions' areas."""

    def local(site: Site) -> Site:
        if not site.area or not site.region or site.region in chosen or site.across:
            return site
        return dataclasses.replace(site, area="", region="", outside_region=True, state=site.state or places.HOME_STATE)

    if all(local(s) is s for s in opp.sites):
        return opp
    tracks = tuple(dataclasses.replace(row, sites=tuple(map(local, row.sites))) for row in opp.track_facts)
    return dataclasses.replace(opp, sites=tuple(map(local, opp.sites)), track_facts=tracks)


def select(catalog: Catalog, wanted: Sequence[str]) -> Catalog:
    """The catalog as a build for the wanted regions publishes it; every region when none is wanted.

    Listings stay when they are in a wanted region (listing_regions) or in every region. Organizations stay when
    a listing that stays is theirs or names them (employer of record, intermediary), or when they have no listing
    at all. A site of a listing that stays but at a place in another region is outside the region in this build
    (_outside_others). The vocabularies keep the wanted regions, their areas and the areas of the sites that stay.
    """
    if not wanted:
        return catalog
    chosen = set(wanted)
    kept = {
        k: _outside_others(o, chosen)
        for k, o in catalog.opportunities.items()
        if not (found := listing_regions(catalog, o)) or chosen & set(found)
    }
    named = {o.org_id for o in kept.values()} | {e for o in kept.values() for e in (*o.employers_of_record, o.intermediary or "")}
    organizations = {
        k: dataclasses.replace(
            org,
            opportunity_ids=tuple(i for i in org.opportunity_ids if i in kept),
            employer_of_record_for=tuple(i for i in org.employer_of_record_for if i in kept),
            employer_of_record_among=tuple(i for i in org.employer_of_record_among if i in kept),
        )
        for k, org in catalog.organizations.items()
        if k in named or not org.opportunity_ids
    }
    pathways = {
        k: dataclasses.replace(p, opportunity_ids={s: tuple(i for i in ids if i in kept) for s, ids in p.opportunity_ids.items()})
        for k, p in catalog.pathways.items()
    }
    vocab = catalog.vocabularies
    used_areas = {a for o in kept.values() for s in o.sites for a in s.areas}
    lists = dict(vocab.lists)
    lists["regions"] = tuple(r for r in vocab.items("regions") if r.id in chosen)
    regions = [{"id": r} for r in ids(vocab)]
    lists["areas"] = tuple(
        a
        for a in vocab.items("areas")
        if a.id in used_areas
        or places.region_of({"id": a.id, **a.extra}, regions) in chosen
        or not places.is_place(a.extra)  # "online" is no place: every region has it
    )
    # A retired listing's "no longer offered" page goes with its organization; one whose organization is gone
    # from the catalog has no region to tell, so every build keeps it.
    retired = {
        k: r
        for k, r in catalog.retired.items()
        if k.split("/")[0] in organizations or k.split("/")[0] not in catalog.organizations
    }
    return dataclasses.replace(
        catalog,
        opportunities=kept,
        retired=retired,
        organizations=organizations,
        pathways=pathways,
        vocabularies=Vocabularies(lists),
        logos={k: v for k, v in catalog.logos.items() if k in organizations},
    )
