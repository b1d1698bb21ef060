"""Near me on the browse page: a ZIP code sorts the results by distance and says how far each is, `within` keeps
the near ones, the address restores both, and the device's location stays on the device.

Expected distances are worked out here from the catalog model and the ZIP table the build writes
(generator/render/nearby.py), with the same formula, so the tests follow the bundled catalog as it grows.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.model import Catalog, Opportunity
from generator.model.checked import check_catalog
from generator.render import facets, nearby

from .test_browse import browse_rows, browse_url, load_all, path_of, query_of, settle, shown_count, ui_labels

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 22)
SOUTH_LA = "90044"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog


def miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 3958.8 * math.asin(min(1.0, math.sqrt(h)))


def distances(catalog: Catalog, zip_code: str) -> dict[str, float]:
    """Each row's address -> miles from the ZIP code to its nearest site (inf without one; 0 for worksites
    spread across the ZIP code's area)."""
    return {path: d for path, (d, _, _) in nearness(catalog, zip_code).items()}


def nearness(catalog: Catalog, zip_code: str) -> dict[str, tuple[float, float, bool]]:
    """Each row's address -> (distance, sort distance, whether worksites across areas cover the ZIP code's area),
    as near.js nearness: the sort distance of worksites across areas outside the visitor's is the miles to the
    middle of the nearest area they cover, which no card says."""
    table = nearby.centroids(catalog)
    middles = nearby.area_middles(catalog)
    origin = table[zip_code]
    mine = {a.id for a in catalog.vocabularies.items("areas") if zip_code in [str(z) for z in a.extra.get("zips") or ()]}
    out = {}
    for opp in browse_rows(catalog):
        points = [p for s in opp.sites if (p := nearby.site_point(s, table))]
        d = min((miles(origin, p) for p in points), default=math.inf)
        areas = {a for s in opp.sites if s.mode != "remote" for a in s.across}
        if areas & mine:
            out[path_of(opp)] = (0.0, 0.0, True)
        else:
            out[path_of(opp)] = (d, min([d, *(miles(origin, middles[a]) for a in areas if a in middles)]), False)
    return out


def cards(page: Page) -> list[tuple[str, str]]:
    """(address, distance text) of each card on screen."""
    found = page.locator("#wbl-results > li").evaluate_all(
        """els => els.map(li => {
          const a = li.querySelector('.wbl-card__title a');
          const d = li.querySelector('[data-slot="distance"]');
          return [new URL(a.href).pathname + new URL(a.href).hash, d ? d.textContent : ''];
        })"""
    )
    return [(p, d) for p, d in found]


def type_zip(page: Page, zip_code: str) -> None:
    page.locator("#wbl-near-zip").fill(zip_code)
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('near') === '{zip_code}'")
    settle(page)


def expected_text(d: float, ui: dict[str, str], in_area: bool = False) -> str:
    """What a card says of a distance: nothing for a row without a site (remote), and no distance for worksites
    across the visitor's area."""
    if in_area:
        return ui["place_across_in_area"]
    if d == math.inf:
        return ""
    if d < 1:
        return ui["near_under_one"]
    n = math.floor(d + 0.5)  # as JavaScript's Math.round
    return ui["near_one_mile"] if n == 1 else ui["near_miles"].replace("{n}", f"{n:,}")


def test_a_zip_code_sorts_by_distance_and_within_filters(page: Page, site_server: str, catalog: Catalog) -> None:
    facts = nearness(catalog, SOUTH_LA)
    far = distances(catalog, SOUTH_LA)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    # Every status, so that the expected rows need no status rule: a place sorts, it does not filter.
    page.goto(browse_url(site_server, status="any"))
    settle(page)
    assert not [u for u in requested if u.endswith(("zips.json", "sites.json"))]  # fetched only when used
    expect(page.locator("[data-slot='distance']")).to_have_count(0)  # no place, no distance

    type_zip(page, SOUTH_LA)
    assert query_of(page) == {"status": ["any"], "near": [SOUTH_LA]}
    expect(page.locator("#wbl-sort")).to_have_value(facets.DISTANCE_SORT)
    assert shown_count(page) == len(far)
    load_all(page)
    shown = cards(page)
    assert len(shown) == len(far)
    ui = ui_labels(page)
    order = [facts[p][1] for p, _ in shown]
    assert order == sorted(order), "nearest first"
    # The county's summer jobs have worksites across the whole region: in South LA too, with no distance claimed.
    first_path, first_text = shown[0]
    assert facts[first_path][2] and first_text == "Sites in your area"
    located = [(p, t) for p, t in shown if not facts[p][2] and far[p] < math.inf]
    assert re.fullmatch(r"about \d+ miles?|under 1 mile", located[0][1]), located[0]
    for path, text in shown:
        assert text == expected_text(far[path], ui, facts[path][2]), path

    page.locator("#wbl-within").select_option("5")
    settle(page)
    assert query_of(page) == {"status": ["any"], "near": [SOUTH_LA], "within": ["5"]}
    near = {p for p, d in far.items() if d <= 5}
    assert near, "the bundled catalog has a listing within 5 miles of South LA"
    assert len(near) < len(far)
    assert shown_count(page) == len(near)
    load_all(page)
    assert {p for p, _ in cards(page)} == near

    # Every request stayed on the site (the context aborts any other), and the place files are the site's.
    assert [u for u in requested if u.endswith(("zips.json", "sites.json"))] == [
        site_server + "browse-data/zips.json",
        site_server + "browse-data/sites.json",
    ]

    # The address restores the same view.
    url = page.url
    page.goto(browse_url(site_server))
    settle(page)
    page.goto(url)
    settle(page)
    expect(page.locator("#wbl-near-zip")).to_have_value(SOUTH_LA)
    expect(page.locator("#wbl-within")).to_have_value("5")
    load_all(page)
    assert {p for p, _ in cards(page)} == near

    # Clearing the ZIP code clears the place and its distance filter.
    page.locator("#wbl-near-zip").fill("")
    page.wait_for_function("() => !location.search.includes('near=')")
    settle(page)
    assert "within" not in query_of(page)
    expect(page.locator("[data-slot='distance']")).to_have_count(0)


def test_spanish_cards_say_miles_too(page: Page, site_server: str, catalog: Catalog) -> None:
    far = distances(catalog, SOUTH_LA)
    page.goto(browse_url(site_server, "es", status="any", near=SOUTH_LA))
    settle(page)
    text = page.locator("#wbl-results [data-slot='distance']").first.inner_text()
    # The first is the county's worksites across the region, South LA included: no distance, in Spanish too.
    assert text == "Hay sitios en tu zona", text
    assert min(far.values()) == 0
    texts = page.locator("#wbl-results [data-slot='distance']").all_inner_texts()
    miles_texts = [t for t in texts if t and t != text]
    assert miles_texts and re.fullmatch(r"a unas \d+ millas|a más o menos 1 milla|a menos de 1 milla", miles_texts[0])


def test_a_zip_code_off_the_regions_list_says_so(page: Page, site_server: str) -> None:
    page.goto(browse_url(site_server, near="10001"))
    settle(page)
    expect(page.locator("#wbl-near-message")).to_contain_text("10001")
    expect(page.locator("[data-slot='distance']")).to_have_count(0)


def test_the_devices_location_becomes_the_nearest_zip_code(new_context, site_server: str, catalog: Catalog) -> None:
    table = nearby.centroids(catalog)
    lat, lon = table[SOUTH_LA]
    context = new_context(geolocation={"latitude": lat + 0.001, "longitude": lon - 0.001}, permissions=["geolocation"])
    page = context.new_page()
    page.goto(browse_url(site_server))
    settle(page)
    note = page.locator("#wbl-near-note")
    expect(note).to_be_visible()
    expect(note).to_have_text(re.compile("stays on this device"))
    page.get_by_role("button", name="Use my location").click()
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('near') === '{SOUTH_LA}'")
    settle(page)
    expect(page.locator("#wbl-near-zip")).to_have_value(SOUTH_LA)
    # The address carries the ZIP code only, never the position.
    assert query_of(page) == {"near": [SOUTH_LA]}


def test_rows_without_a_site_come_last(catalog: Catalog) -> None:
    far = distances(catalog, SOUTH_LA)
    remote: list[Opportunity] = [o for o in browse_rows(catalog) if all(s.mode == "remote" for s in o.sites)]
    assert all(far[path_of(o)] == math.inf for o in remote)
