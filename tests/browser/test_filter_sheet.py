"""The browse filters on a phone and on a desktop: results first on both; on a phone a sheet (a modal dialog) with a
live "Show N results" button and "Clear"; on a desktop a column beside the results; and several grades in one link.

Expected listings are worked out from the catalog model (as of 2026-11-22) through the facet registry, never
hard-coded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from generator.model import Opportunity
from generator.present.view import View
from generator.render import browse, facets
from generator.render import browse_index as bi

from .site_pages import AS_OF, READY, axe, catalog, describe, url_of
from .test_accessibility import OPTIONS as AXE_OPTIONS

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 720}
# The counselor's link of the issue: grades 9-10, unpaid job shadows.
COUNSELOR = {"grade": ["9", "10"], "format": ["job-shadow"], "pay": ["unpaid"]}
COUNSELOR_QUERY = "grade=9&grade=10&format=job-shadow&pay=unpaid"

# The first result's box and the bottom of the site's header (which stays at the top of the screen).
FIRST_RESULT = """() => {
  const card = document.querySelector("#wbl-results > li");
  const header = document.querySelector(".md-header");
  const box = card.getBoundingClientRect();
  return { top: box.top, bottom: box.bottom, header: header ? header.getBoundingClientRect().bottom : 0, height: innerHeight };
}"""


# ---------- the catalog model ----------


def path_of(opp: Opportunity, lang: str) -> str:
    return ("/es/" if lang == "es" else "/") + opp.url + (f"#{opp.track.anchor}" if opp.track else "")


def expected(lang: str = "en", grades: Iterable[str] = (), pay: str = "", fmt: str = "") -> set[str]:
    """The results of the default status with these filters: any of the grades, the pay type, the format."""
    cat = catalog()
    view = View(cat, lang, "opportunities/")
    chosen = {int(g) for g in grades}
    out = set()
    for row in bi.ordered(cat):
        if "open" not in dict(browse.filters(cat, row, view)).get("status", ()):
            continue
        if chosen and not chosen & set(facets.grades_of(row)):
            continue
        if (pay and row.pay_type != pay) or (fmt and row.format != fmt):
            continue
        out.add(path_of(row, lang))
    return out


# ---------- driving the page ----------


def browse_page(new_context: Callable[..., Any], viewport: dict[str, int]) -> Page:
    """A page whose clock says the catalog's "as of" date: the browse script works out today's statuses itself."""
    context = new_context(viewport=viewport)
    context.clock.set_fixed_time(dt.datetime(AS_OF.year, AS_OF.month, AS_OF.day, 12, tzinfo=dt.UTC))
    return context.new_page()


def open_browse(page: Page, base: str, lang: str = "en", query: str = "") -> None:
    page.goto(url_of(base, lang, "opportunities/") + (f"?{query}" if query else ""))
    page.wait_for_function(READY)


def settle(page: Page) -> None:
    page.wait_for_function(READY)


def ui(page: Page) -> dict[str, str]:
    return json.loads(page.locator("#wbl-browse-labels").text_content() or "{}")["ui"]


def show_text(page: Page, n: int) -> str:
    labels = ui(page)
    return labels["sheet_show_one"] if n == 1 else labels["sheet_show"].replace("{n}", str(n))


def results(page: Page) -> set[str]:
    more = page.locator("#wbl-more")
    while more.is_visible():
        before = page.locator("#wbl-results > li").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('#wbl-results > li').length > n", arg=before)
    hrefs = page.locator("#wbl-results .wbl-card__title a").evaluate_all("els => els.map(a => a.href)")
    return {urlsplit(h).path + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "") for h in hrefs}


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def sheet_open(page: Page) -> bool:
    return bool(page.evaluate("document.getElementById('wbl-sheet').open"))


def tick_in_sheet(page: Page, facet: str, value: str) -> None:
    details = page.locator(f"#wbl-sheet details.wbl-facet[data-facet='{facet}']")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    page.locator(f"#wbl-sheet input[name='{facet}'][value='{value}']").check()
    settle(page)


def back_to_the_opener(page: Page) -> None:
    """The sheet's `close` event (a task after closing) gives the focus back to the "Filters" button."""
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'wbl-filters-open'", timeout=2000)
    page.evaluate("() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))")


def assert_first_result_in_view(page: Page) -> None:
    box = page.evaluate(FIRST_RESULT)
    assert box["top"] >= box["header"] - 1, f"the first result is under the header: {box}"
    assert box["bottom"] <= box["height"], f"the first result is not all on the screen: {box}"


# ---------- a phone: the sheet ----------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_sheet_counts_live_and_closes_onto_the_results(new_context: Callable[..., Any], site_server: str, lang: str) -> None:
    page = browse_page(new_context, PHONE)
    open_browse(page, site_server, lang)
    opener = page.locator("#wbl-filters-open")
    assert opener.is_visible() and page.locator("#wbl-filters").is_hidden()
    assert opener.get_attribute("aria-haspopup") == "dialog"

    opener.click()
    assert sheet_open(page) and page.evaluate("document.getElementById('wbl-sheet').matches(':modal')")
    assert page.evaluate("!!document.activeElement.closest('#wbl-sheet')"), "the focus did not move into the sheet"
    assert opener.get_attribute("aria-expanded") == "true"
    assert page.locator("#wbl-sheet-show").inner_text() == show_text(page, len(expected(lang)))

    tick_in_sheet(page, "pay", "unpaid")
    tick_in_sheet(page, "format", "job-shadow")
    want = expected(lang, pay="unpaid", fmt="job-shadow")
    assert len(want) >= 2, "the bundled catalog needs open unpaid job shadows for this test"
    assert page.locator("#wbl-sheet-show").inner_text() == show_text(page, len(want))
    assert page.locator("#wbl-sheet [role=status]").inner_text() == page.locator("#wbl-status").inner_text()
    assert sheet_open(page), "choosing a filter closed the sheet"

    # Every control of the sheet is a target of at least 24 px (the page's own rule is 44).
    small = page.evaluate(
        """() => [...document.querySelectorAll("#wbl-sheet button, #wbl-sheet summary, #wbl-sheet label, #wbl-sheet select")]
          .filter(e => e.offsetParent).map(e => [e.id || e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
          .filter(([, r]) => r.height < 24 || r.width < 24)"""
    )
    assert not small, small

    page.locator("#wbl-sheet-show").click()
    assert not sheet_open(page)
    back_to_the_opener(page)
    assert opener.get_attribute("aria-expanded") == "false"
    assert query_of(page) == {"format": ["job-shadow"], "pay": ["unpaid"]}
    assert_first_result_in_view(page)
    assert results(page) == want


def test_escape_closes_the_sheet_and_clear_takes_the_filters_off(new_context: Callable[..., Any], site_server: str) -> None:
    page = browse_page(new_context, PHONE)
    open_browse(page, site_server, "en", "pay=unpaid&grade=11")
    page.locator("#wbl-filters-open").click()
    assert page.locator("#wbl-sheet-show").inner_text() == show_text(page, len(expected(grades=["11"], pay="unpaid")))
    page.locator("#wbl-sheet-clear").click()
    page.wait_for_function("() => location.search === ''")
    settle(page)
    assert sheet_open(page), "Clear closed the sheet"
    assert page.locator("#wbl-sheet-show").inner_text() == show_text(page, len(expected()))
    assert not page.locator("#wbl-sheet input[name='grade']:checked").count()

    page.keyboard.press("Escape")
    assert not sheet_open(page)
    back_to_the_opener(page)
    assert_first_result_in_view(page)


def test_focus_in_the_sheet_stays_in_it_and_is_never_under_its_head_or_footer(
    new_context: Callable[..., Any], site_server: str
) -> None:
    page = browse_page(new_context, PHONE)
    open_browse(page, site_server)
    page.locator("#wbl-filters-open").click()
    for facet in ("grade", "sector", "format"):  # long lists, so that the panel scrolls under the footer
        page.locator(f"#wbl-sheet details.wbl-facet[data-facet='{facet}'] summary").click()
        page.locator(f"#wbl-sheet input[name='{facet}']").first.wait_for()  # its options are built as it opens
    page.locator("#wbl-sheet-close").focus()
    seen = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """async () => {
              await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));  // the focus's scroll
              const el = document.activeElement;
              const body = document.querySelector("#wbl-sheet .wbl-sheet__body").getBoundingClientRect();
              const box = el.getBoundingClientRect();
              // Past the sheet's last control the focus may go to the browser's own controls (the body here),
              // never to the page behind the sheet.
              return { inSheet: el === document.body || !!el.closest("#wbl-sheet"), inBody: !!el.closest(".wbl-sheet__body"),
                       clear: box.top >= body.top - 1 && box.bottom <= body.bottom + 1,
                       id: el.id || (el.name ? el.name + ":" + el.value : el.textContent.trim().slice(0, 40)),
                       box: [box.top, box.bottom], body: [body.top, body.bottom] };
            }"""
        )
        assert where["inSheet"], "Tab left the open sheet"
        if where["inBody"]:
            assert where["clear"], f"a focused filter is under the sheet's head or footer: {where}"
        seen.add(where["id"])
        if where["id"] == "wbl-sheet-close" and "wbl-sheet-show" in seen:
            break  # round the sheet and back to its first control
    assert {"wbl-sheet-show", "wbl-sheet-clear", "wbl-sheet-close"} <= seen


# ---------- a desktop: a column beside the results ----------


def test_on_a_desktop_the_filters_are_a_column_beside_the_results(new_context: Callable[..., Any], site_server: str) -> None:
    page = browse_page(new_context, DESKTOP)
    open_browse(page, site_server)
    assert page.locator("#wbl-filters-open").is_hidden()
    column = page.locator("#wbl-filters")
    assert column.is_visible()
    assert_first_result_in_view(page)
    side = column.bounding_box()
    first = page.locator("#wbl-results > li").first.bounding_box()
    assert side and first and side["x"] + side["width"] <= first["x"], "the filters are not beside the results"

    page.locator("#wbl-filters input[name='pay'][value='unpaid']").check()
    settle(page)
    page.locator("#wbl-filters details.wbl-facet[data-facet='format'] summary").click()
    page.locator("#wbl-filters input[name='format'][value='job-shadow']").check()
    settle(page)
    assert_first_result_in_view(page)
    assert results(page) == expected(pay="unpaid", fmt="job-shadow")


# ---------- several grades in one link ----------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_counselor_link_restores_exactly(
    new_context: Callable[..., Any], site_server: str, lang: str, viewport: dict[str, int]
) -> None:
    want = expected(lang, grades=COUNSELOR["grade"], pay="unpaid", fmt="job-shadow")
    assert want, "the bundled catalog needs an open unpaid job shadow for grade 9 or 10"
    page = browse_page(new_context, viewport)
    open_browse(page, site_server, lang, COUNSELOR_QUERY)
    assert query_of(page) == COUNSELOR
    for name, values in COUNSELOR.items():
        checked = page.locator(f"#wbl-facets input[name='{name}']:checked").evaluate_all("els => els.map(e => e.value)")
        assert checked == values, name
    chips = page.locator("#wbl-facets .wbl-chip[data-facet='grade']").evaluate_all("els => els.map(e => e.dataset.value)")
    assert chips == ["9", "10"]
    assert results(page) == want
    if viewport == DESKTOP:
        assert_first_result_in_view(page)


def test_a_range_and_an_old_one_grade_link_still_work(new_context: Callable[..., Any], site_server: str) -> None:
    page = browse_page(new_context, PHONE)
    open_browse(page, site_server, "en", "grade=9-10&format=job-shadow&pay=unpaid")
    assert query_of(page) == COUNSELOR  # the page writes the address with the grades repeated
    assert results(page) == expected(grades=["9", "10"], pay="unpaid", fmt="job-shadow")

    open_browse(page, site_server, "en", "grade=11")
    assert query_of(page) == {"grade": ["11"]}
    assert page.locator("#wbl-facets input[name='grade']:checked").evaluate_all("els => els.map(e => e.value)") == ["11"]
    assert results(page) == expected(grades=["11"])

    # Two grades give the listings open to either: never fewer than one grade alone.
    open_browse(page, site_server, "en", "grade=6&grade=12")
    both = results(page)
    assert both == expected(grades=["6", "12"]) and both >= expected(grades=["6"]) | expected(grades=["12"])


# ---------- accessibility with the sheet open ----------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_finds_no_violation_in_the_open_sheet(new_context: Callable[..., Any], site_server: str, lang: str) -> None:
    page = browse_page(new_context, PHONE)
    open_browse(page, site_server, lang, COUNSELOR_QUERY)
    page.locator("#wbl-filters-open").click()
    assert sheet_open(page)
    violations = axe(page, AXE_OPTIONS)
    assert not violations, f"axe with the filter sheet open on {page.url}:\n{describe(violations)}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_finds_no_violation_in_the_desktop_column(new_context: Callable[..., Any], site_server: str, lang: str) -> None:
    page = browse_page(new_context, DESKTOP)
    open_browse(page, site_server, lang, COUNSELOR_QUERY)
    assert page.locator("#wbl-filters").is_visible()
    violations = axe(page, AXE_OPTIONS)
    assert not violations, f"axe with the filter column on {page.url}:\n{describe(violations)}"
