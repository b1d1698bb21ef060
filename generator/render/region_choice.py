"""The home page's "Choose your region", for a catalog of several regions (generator/model/regions.py).

Each region links to the browse page filtered by it (`region=<id>`, the facet of generator/render/facets.py),
with its counties, how many of its listings are accepting applications, and the hub that coordinates it: an
organization of the catalog (its page) or a hub named with its own page (`hub_name`, `hub_url`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import i18n
from generator.model import Text, regions
from generator.present.view import View

BROWSE = "opportunities/"


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    name: str
    href: str  # the browse page filtered by the region
    counties: str  # "Counties: Riverside and San Bernardino"
    open_text: str  # "12 accepting applications"
    hub_name: str = ""  # markup: the organization's name, or the written name marked as English where it is not
    hub_href: str = ""  # the hub's page: its organization page here, or its own https page


def choices(view: View) -> list[Choice]:
    """The regions a family can start from, in the order of regions.yml; [] for a catalog of one region."""
    catalog = view.catalog
    if not regions.several(catalog):
        return []
    every = regions.ids(catalog.vocabularies)
    open_in: dict[str, int] = dict.fromkeys(every, 0)
    for opp in catalog.opportunities.values():
        if opp.status == "open":
            for region in regions.listing_regions(catalog, opp) or every:
                open_in[region] = open_in.get(region, 0) + 1
    out = []
    for item in catalog.vocabularies.items("regions"):
        counties = [str(c) for c in item.extra.get("counties", ())]
        hub = str(item.extra.get("hub", ""))
        hub_name: str
        if hub and hub in catalog.organizations:
            hub_name, hub_href = view.org_name(hub), view.link(f"employers/{hub}/")
        else:
            # A hub's own name is written once, in English: marked as such on the pages of other languages.
            written = str(item.extra.get("hub_name", ""))
            hub_name = view.text(Text(written, i18n.SOURCE)) if written else ""
            hub_href = str(item.extra.get("hub_url", ""))
        out.append(
            Choice(
                item.id,
                item.label(view.lang),
                view.link(BROWSE, query={regions.PARAMETER: item.id}),
                view.t("region_home_counties", counties=i18n.and_list(counties, view.lang)) if counties else "",
                i18n.tn("region_home_open", open_in[item.id], view.lang),
                hub_name,
                hub_href,
            )
        )
    return out
