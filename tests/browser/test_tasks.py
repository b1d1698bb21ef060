"""The three tasks of the issue "Finding", walked as a visitor would in Chromium over the bundled site:

1. a 16-year-old in South LA finds the nearest paid health-care listings on a phone;
2. a counselor's link, "grades 9-10, unpaid job shadows", restores exactly in a fresh browser;
3. a Spanish-speaking parent searching "enfermería", "salud", "medicina" or "hospital" finds the health listings.

Expected listings come from the catalog model (as of 2026-11-22), never hard-coded. Each visitor action is
counted, so the tests say how many steps a task really takes: typing into a field and pressing Enter is one, each
tap or click one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from generator.model import Opportunity

from .site_pages import READY, catalog, url_of
from .test_browse import browse_rows, is_open, load_all, path_of, query_of
from .test_filter_sheet import COUNSELOR, COUNSELOR_QUERY, PHONE, sheet_open
from .test_near import SOUTH_LA, distances

HEALTH = "health-science-and-medical-technology"
HOSPITALITY = "hospitality-tourism-and-recreation"
# A listing "mentions health" when its English title or summary says so in one of these words.
HEALTH_WORDS = re.compile(r"health|medical|clinic|hospital|nurs", re.IGNORECASE)

CARDS = """() => [...document.querySelectorAll('#wbl-results > li')].map(li => {
  const a = new URL(li.querySelector('.wbl-card__title a').href);
  const d = li.querySelector('[data-slot="distance"]');
  return [a.pathname + a.hash, d ? d.textContent.trim() : ''];
})"""


def settle(page: Page) -> None:
    page.wait_for_function(READY)


def cards(page: Page) -> list[tuple[str, str]]:
    """(address, distance text) of every result, in order, after loading them all."""
    load_all(page)
    return [(p, d) for p, d in page.evaluate(CARDS)]


def type_into(page: Page, selector: str, text: str, param: str) -> None:
    """Type into a field of the browse page and wait until the address and the results follow it."""
    page.locator(selector).fill(text)
    page.wait_for_function("([k, v]) => new URLSearchParams(location.search).get(k) === v", arg=[param, text])
    settle(page)


def mentions_health(opp: Opportunity) -> bool:
    words = " ".join(str(getattr(opp.text(f, "en"), "value", "") or "") for f in ("title", "summary"))
    return bool(HEALTH_WORDS.search(words))


# ---------- 1. a 16-year-old in South LA: paid health care, nearest first ----------

MOST_ACTIONS = 3  # the bound for the South LA task


def season(opp: Opportunity) -> str:
    return str(opp.section("schedule").get("season") or "")


@pytest.mark.parametrize("typed", ["paid health care summer 90044", "90044 healthcare summer pagado"])
def test_a_student_in_south_la_types_one_query_and_gets_paid_health_care_nearest_first(
    new_context: Callable[..., Any], site_server: str, typed: str
) -> None:
    """The place and pay words become the place and the pay filter, shown as chips; the rest stays the search.

    In November this summer's programs open later, so "Accepting applications" (the default) has none: the
    page says what showing every status would give, and that one tap shows them."""
    cat = catalog()
    far = distances(cat, SOUTH_LA)
    rows = browse_rows(cat)
    health = {path_of(o) for o in rows if o.is_paid and HEALTH in o.sectors}
    summer = {path_of(o) for o in rows if o.is_paid and HEALTH in o.sectors and season(o) == "summer"}
    assert summer, "the bundled catalog needs a paid summer health listing"

    page = new_context(viewport=PHONE).new_page()
    page.goto(url_of(site_server, "en", "opportunities/"))
    settle(page)
    actions = 0

    page.locator("#wbl-q").fill(typed)
    page.locator("#wbl-q").press("Enter")
    actions += 1
    page.wait_for_function("() => new URLSearchParams(location.search).get('near') === '90044'")
    settle(page)
    query = query_of(page)
    assert query["near"] == [SOUTH_LA] and query["pay"] == ["paid-any"], query
    assert set(query["q"][0].split()) == set(typed.split()) - {"paid", "pagado", SOUTH_LA}, query
    assert page.locator("#wbl-q").input_value() == query["q"][0]
    chips = page.locator("#wbl-facets .wbl-chip")
    assert chips.first.inner_text().startswith("Near 90044") and chips.first.is_visible()
    assert page.locator(".wbl-chip[data-facet='pay'][data-value='paid-any']").is_visible()

    if not summer & {path_of(o) for o in rows if is_open(o)}:
        relax = page.locator("#wbl-help .wbl-browse__help-action", has_text="Accepting applications")
        assert relax.is_visible(), page.locator("#wbl-status").inner_text()
        relax.click()
        actions += 1
        page.wait_for_function("() => new URLSearchParams(location.search).get('status') === 'any'")
        settle(page)

    assert actions <= MOST_ACTIONS
    shown = cards(page)
    paths = [p for p, _ in shown]
    assert set(paths) <= {path_of(o) for o in rows if o.is_paid}, shown
    # The health listings first, nearest first; then any that only mention a clinic or a hospital.
    first = paths[: sum(p in health for p in paths)]
    assert summer <= set(first) <= health, shown
    order = [far[p] for p in first]
    assert order == sorted(order), f"not nearest first: {shown}"
    assert re.fullmatch(r"about \d+ miles?|under 1 mile", shown[0][1]), shown[0][1]

    # The link restores exactly; removing the place chip keeps the words and the filters.
    query = query_of(page)
    second = new_context(viewport=PHONE).new_page()
    second.goto(page.url)
    settle(second)
    assert second.url == page.url and cards(second) == shown
    page.locator(".wbl-chip[data-facet='near']").click()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('near')")
    settle(page)
    assert query_of(page) == {k: v for k, v in query.items() if k != "near"}


def test_an_area_name_in_the_search_becomes_the_area_filter(new_context: Callable[..., Any], site_server: str) -> None:
    page = new_context(viewport=PHONE).new_page()
    page.goto(url_of(site_server, "en", "opportunities/?status=any"))
    settle(page)
    page.locator("#wbl-q").fill("sin pago Watts")
    page.locator("#wbl-q").press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('area') === 'south-la'")
    settle(page)
    assert query_of(page) == {"status": ["any"], "pay": ["unpaid"], "area": ["south-la"]}
    assert page.locator("#wbl-q").input_value() == ""
    cat = catalog()
    want = {
        path_of(o) for o in browse_rows(cat) if o.pay_type == "unpaid" and "south-la" in {a for s in o.sites for a in s.areas}
    }
    assert {p for p, _ in cards(page)} == want


@pytest.mark.parametrize("words", ["health care", "healthcare"])
def test_a_student_in_south_la_finds_paid_health_care_nearest_first_with_the_filter_sheet(
    new_context: Callable[..., Any], site_server: str, words: str
) -> None:
    cat = catalog()
    far = distances(cat, SOUTH_LA)
    want = {path_of(o) for o in browse_rows(cat) if is_open(o) and o.pay_type == "paid" and HEALTH in o.sectors}
    assert want, "the bundled catalog needs a paid health listing accepting applications today"

    page = new_context(viewport=PHONE).new_page()
    page.goto(url_of(site_server, "en", "opportunities/"))
    settle(page)
    actions = 0

    type_into(page, "#wbl-near-zip", SOUTH_LA, "near")
    actions += 1
    type_into(page, "#wbl-q", words, "q")
    actions += 1

    # On a phone the pay filter lives in the filter sheet: open it, tick "Paid", then go back to the results.
    filters = page.locator("#wbl-filters-open")
    assert filters.is_visible() and page.locator("#wbl-filters").is_hidden()
    filters.click()
    actions += 1
    assert sheet_open(page)
    pay = page.locator("#wbl-sheet details.wbl-facet[data-facet='pay']")
    assert pay.get_attribute("open") is not None, "the pay filter is not open in the sheet"
    page.locator("#wbl-sheet input[name='pay'][value='paid']").check()
    actions += 1
    settle(page)
    page.locator("#wbl-sheet-show").click()
    actions += 1
    assert not sheet_open(page)

    # The long way, five actions: the sheet's opening and its "Show N results" button count as steps on a phone.
    assert actions == 5
    assert query_of(page) == {"q": [words], "pay": ["paid"], "near": [SOUTH_LA]}

    shown = cards(page)
    assert len(shown) >= 1
    assert {p for p, _ in shown} == want
    order = [far[p] for p, _ in shown]
    assert order == sorted(order), f"not nearest first: {shown}"
    first_text = shown[0][1]
    assert re.fullmatch(r"about \d+ miles?|under 1 mile", first_text), first_text
    assert far[shown[0][0]] < math.inf


# ---------- 2. a counselor's link restores exactly ----------


def test_a_counselors_link_restores_exactly_in_a_fresh_browser(new_context: Callable[..., Any], site_server: str) -> None:
    first = new_context(viewport=PHONE).new_page()
    first.goto(url_of(site_server, "en", f"opportunities/?{COUNSELOR_QUERY}"))
    settle(first)
    shared = first.url
    assert query_of(first) == COUNSELOR

    def state(page: Page) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
        ticked = {
            name: page.locator(f"#wbl-facets input[name='{name}']:checked").evaluate_all("els => els.map(e => e.value)")
            for name in ("grade", "format", "pay", "status")
        }
        return cards(page), ticked

    before = state(first)
    assert before[0], "the bundled catalog needs an open unpaid job shadow for grade 9 or 10"
    assert {k: v for k, v in before[1].items() if k in COUNSELOR} == COUNSELOR

    second = new_context(viewport=PHONE).new_page()  # a new context: no storage, no history
    second.goto(shared)
    settle(second)
    assert second.url == shared
    assert state(second) == before


# ---------- 3. a Spanish-speaking parent finds the health listings ----------


@pytest.mark.parametrize("words", ["enfermería", "salud", "medicina", "hospital"])
def test_a_spanish_speaking_parent_finds_the_health_listings(
    new_context: Callable[..., Any], site_server: str, words: str
) -> None:
    rows = browse_rows(catalog())
    health = {path_of(o, "es") for o in rows if HEALTH in o.sectors and mentions_health(o)}
    hospitality = {path_of(o, "es") for o in rows if HOSPITALITY in o.sectors}
    assert health, "the bundled catalog needs health listings"

    page = new_context(viewport=PHONE).new_page()
    page.goto(url_of(site_server, "es", "opportunities/?status=any"))
    settle(page)
    type_into(page, "#wbl-q", words, "q")
    found = {p for p, _ in cards(page)}
    assert health <= found, f"missing for {words!r}: {sorted(health - found)}"
    if words == "hospital":
        assert not found & hospitality, f"hospitality listings for 'hospital': {sorted(found & hospitality)}"
