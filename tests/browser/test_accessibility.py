"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA problem on any page type, in English and in Spanish, and breaks
none of its best-practice rules.

axe runs in the real Chromium on the 360 x 640 page, after the page's scripts have run
(the browse page: after the results for its filters are on screen). The best-practice rules
include the structure ones listed below: one main landmark, headings in order, one h1, all
content inside landmarks; and that ARIA roles suit their elements (no role on a <label>).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from . import site_pages
from .site_pages import PAGES, axe, describe, open_page

# These tests only read pages: they share one browser context per module (see site_pages).
page_fixture, page_state_fixture = site_pages.reused_page_fixture, site_pages.shared_page_state_fixture

STRUCTURE_RULES = [
    "heading-order",
    "landmark-one-main",
    "landmark-no-duplicate-main",
    "landmark-unique",
    "page-has-heading-one",
    "region",
    "empty-heading",
]
# One axe run: every rule tagged WCAG 2.0/2.1/2.2 A or AA or best practice (the structure rules above among them).
OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {rule: {"enabled": True} for rule in STRUCTURE_RULES},
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize(("lang", "name"), PAGES, ids=[f"{lang}-{name}" for lang, name in PAGES])
def test_axe_finds_no_wcag_violation(page: Page, site_server: str, lang: str, name: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, site_server, lang, name)
    violations = axe(page, OPTIONS)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"
    # Nothing a visitor loads comes from another host (no fonts, counters or repository widgets).
    assert [url for url in requested if not url.startswith((site_server, "data:", "blob:"))] == []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_finds_no_violation_in_the_open_drawer(page: Page, site_server: str, lang: str) -> None:
    """The phone menu (Material's drawer with the site's sections), opened from the keyboard."""
    open_page(page, site_server, lang, "opportunity-open")
    menu = page.locator(".wbl-menu-button")
    menu.focus()
    page.keyboard.press("Enter")
    first = page.locator(".md-sidebar--primary .md-nav__link").first
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.md-sidebar--primary .md-nav__link')")
    assert first.is_visible()
    assert menu.get_attribute("aria-expanded") == "true"
    violations: list[dict[str, Any]] = axe(page, OPTIONS)
    assert not violations, f"axe with the drawer open on {page.url}:\n{describe(violations)}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_finds_no_violation_on_the_404_page_and_its_search_goes_to_browse(page: Page, site_server: str, lang: str) -> None:
    """The root 404 page and the Spanish one (/es/404.html), opened as a server sends them for a missing address
    deeper in the site: their links are absolute, and the Spanish page's search box opens the Spanish browse page."""
    prefix = "" if lang == "en" else f"{lang}/"
    page.goto(f"{site_server}{prefix}404.html")
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe(page, OPTIONS)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"
    browse = page.locator("article a").nth(1)
    assert browse.get_attribute("href") == f"/{prefix}opportunities/"
    if lang != "en":
        page.locator("#wbl-404-q").fill("salud")
        page.locator("#wbl-404-q").press("Enter")
        page.wait_for_url(f"{site_server}{prefix}opportunities/?q=salud*")
        assert page.locator("html").get_attribute("lang") == lang
