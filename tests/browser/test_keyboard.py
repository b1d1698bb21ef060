"""Keyboard only, on a 360 px page: skip link, language switch, content, "Apply", the menu and the browse filters.

Every element that Tab reaches must show where the focus is: a computed outline or
box-shadow that is not "none".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from generator import i18n

from .site_pages import READY, apply_url, open_listing, open_page, url_of

# What has the focus, and whether it shows: outline or box-shadow, and where it is on screen.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {
    tag: el.tagName.toLowerCase(), cls: String(el.className || ""), text: (el.textContent || "").trim().slice(0, 60),
    type: el.getAttribute("type") || "", href: el.getAttribute("href") || "",
    inMain: !!el.closest("#wbl-content"), visible: outline || style.boxShadow !== "none",
    style: `outline: ${style.outlineStyle} ${style.outlineWidth}; box-shadow: ${style.boxShadow}`,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
  };
}"""


def tab(page: Page, key: str = "Tab") -> dict[str, Any]:
    page.keyboard.press(key)
    focused = page.evaluate(FOCUSED)
    assert focused, f"{key} left the focus nowhere on {page.url}"
    assert focused["visible"], f"focus is not visible on {focused} ({page.url})"
    assert focused["onScreen"], f"the focused element is off screen: {focused} ({page.url})"
    return focused


def tab_until(page: Page, wanted: str, limit: int = 80) -> list[dict[str, Any]]:
    """Press Tab until the focused element matches the CSS selector `wanted`; every stop is checked."""
    stops = []
    for _ in range(limit):
        stops.append(tab(page))
        if page.evaluate("sel => document.activeElement.matches(sel)", wanted):
            return stops
    raise AssertionError(f"{limit} presses of Tab never reached {wanted} on {page.url}: {[s['text'] for s in stops]}")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_tab_from_the_top_reaches_skip_link_switch_content_and_apply(page: Page, site_server: str, lang: str) -> None:
    opp = open_listing()
    target = apply_url(opp)
    assert target
    page.route(
        target, lambda route: route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Apply</title>")
    )
    page.goto(url_of(site_server, lang, opp.url))

    first = tab(page)
    assert "wbl-skip" in first["cls"], f"the first Tab stop is {first}, not the skip link"
    stops = tab_until(page, ".wbl-header-lang__link")
    assert len(stops) <= 3, f"the language switch comes after {[s['text'] for s in stops]}"
    link = tab(page)
    assert link["inMain"] and link["tag"] == "a", f"after the header, Tab goes to {link}, not to the page's links"

    # The application page's link (before applications open, a calendar reminder comes first).
    stops = tab_until(page, ".wbl-apply__button:not(.wbl-apply__remind)")
    assert all(s["inMain"] for s in stops)
    with page.expect_navigation(url=target):
        page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_skip_link_moves_focus_to_the_content(page: Page, site_server: str, lang: str) -> None:
    opp = open_listing()
    page.goto(url_of(site_server, lang, opp.url))
    tab(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "wbl-content"
    after = tab(page)
    assert after["inMain"], f"Tab after the skip link went to {after}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_menu_opens_and_closes_with_the_keyboard(page: Page, site_server: str, lang: str) -> None:
    open_page(page, site_server, lang, "home")
    tab_until(page, ".wbl-menu-button", limit=3)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('.md-sidebar--primary .md-nav__link')")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.locator(".wbl-menu-button").get_attribute("aria-expanded") == "true"
    link = tab(page)
    assert "md-nav__link" in link["cls"]
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('.wbl-menu-button')")
    # Space works too, and the closed drawer's links are out of the Tab order.
    page.keyboard.press(" ")
    page.wait_for_function("() => document.activeElement.matches('.md-sidebar--primary .md-nav__link')")
    page.keyboard.press("Escape")
    nxt = tab(page)
    assert "md-nav__link" not in nxt["cls"], f"Tab went into the closed drawer: {nxt}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_menu_is_a_button_that_opens_and_closes_the_drawer(page: Page, site_server: str, lang: str) -> None:
    """Once the page's script ran, the menu is a real <button>: its name, its state and the drawer it controls."""
    open_page(page, site_server, lang, "home")
    menu = page.locator(".md-header .wbl-menu-button")
    assert menu.count() == 1 and menu.evaluate("el => el.tagName") == "BUTTON"
    assert menu.get_attribute("type") == "button" and menu.get_attribute("aria-expanded") == "false"
    assert menu.evaluate("el => el.textContent.trim()") == i18n.t("menu", lang)
    assert page.locator(f"#{menu.get_attribute('aria-controls')}").evaluate("el => !!el.closest('.md-sidebar--primary')")
    menu.click()
    page.wait_for_function("() => document.activeElement.matches('.md-sidebar--primary .md-nav__link')")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "true"
    page.mouse.click(350, 400)  # the overlay beside the open drawer closes it
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "false"
    # Wide screens have no drawer: no menu either (the footer lists the sections).
    page.set_viewport_size({"width": 1280, "height": 800})
    assert menu.is_hidden()


def test_without_script_the_menu_still_opens_the_drawer(new_context: Callable[..., Any], site_server: str) -> None:
    """Without JavaScript the menu is the label of Material's drawer checkbox: a click opens the drawer."""
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url_of(site_server, "en", ""))
    label = page.locator(".md-header label.wbl-menu-button")
    assert label.count() == 1 and label.get_attribute("for") == "__drawer"
    assert label.evaluate("el => el.getAttributeNames().filter(n => n === 'role' || n.startsWith('aria-'))") == []
    label.click()
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()


@pytest.mark.parametrize("name", ["home", "opportunity-open", "opportunity-closed", "organization", "data", "counselors"])
def test_focus_is_visible_on_every_tab_stop(page: Page, site_server: str, name: str) -> None:
    open_page(page, site_server, "en", name)
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break  # past the last element: the focus left the page
        assert focused["visible"], f"focus is not visible on {focused} ({page.url})"
        assert focused["onScreen"], f"the focused element is off screen: {focused} ({page.url})"
        seen.append(focused)
    else:
        raise AssertionError(f"200 presses of Tab never left {page.url}")
    assert len(seen) >= 5 and any(s["inMain"] for s in seen)


def test_browse_filters_change_with_the_keyboard(page: Page, site_server: str) -> None:
    page.goto(url_of(site_server, "en", "opportunities/"))
    page.wait_for_function(READY)
    before_query = page.evaluate("location.search")
    before = (page.locator("#wbl-status").inner_text(), page.locator("#wbl-results").inner_text())
    box = None
    for _ in range(120):
        focused = tab(page)
        if focused["tag"] == "input" and focused["type"] == "checkbox":
            box = focused
            break
        if page.evaluate("document.activeElement.id") == "wbl-filters-open":
            page.keyboard.press("Enter")  # on a phone the filters open as a sheet, which takes the focus
            assert page.evaluate("document.activeElement.closest('dialog') !== null")
        if focused["tag"] == "summary" and not page.evaluate("document.activeElement.parentElement.open"):
            page.keyboard.press("Enter")  # a closed group of filters: open it, as a keyboard user would
            assert page.evaluate("document.activeElement.parentElement.open")
    assert box, "Tab never reached a filter checkbox"
    was = page.evaluate("document.activeElement.checked")
    page.keyboard.press(" ")
    assert page.evaluate("document.activeElement.checked") != was, "Space did not change the checkbox"
    page.wait_for_function("q => location.search !== q", arg=before_query)
    page.wait_for_function(READY)
    assert page.evaluate("document.activeElement.type") == "checkbox", "the focus left the checkbox after filtering"
    after = (page.locator("#wbl-status").inner_text(), page.locator("#wbl-results").inner_text())
    assert after != before, f"the results did not change after ticking {box['text'] or box}"
