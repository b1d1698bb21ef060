"""Phones first: at 360 x 640 no page scrolls sideways, "Apply" comes early and the main targets are big enough.

Each page type is saved as a full-page screenshot in
test-artifacts/screenshots/<lang>-<page>.png (git-ignored), to look at.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from . import site_pages
from .site_pages import ARTIFACTS, PAGES, apply_url, listings, open_page, url_of

# These tests only read pages: they share one browser context per module (see site_pages).
page_fixture, page_state_fixture = site_pages.reused_page_fixture, site_pages.shared_page_state_fixture

SCREENSHOTS = ARTIFACTS / "screenshots"
# The interactive elements a thumb uses most: at least 44 x 44 CSS pixels (WCAG 2.5.5, Apple and Android guidance).
TARGETS = [
    ".wbl-menu-button",
    ".wbl-header-lang__link",
    ".wbl-apply__button",
    ".wbl-card__title a",
    ".md-content .md-button:not([hidden])",
    ".wbl-entry a",
    ".wbl-footer nav a",
]
MIN_TARGET = 44
APPLY_TOP = 1000  # about a screen and a half of 640 px


@pytest.mark.parametrize(("lang", "name"), PAGES, ids=[f"{lang}-{name}" for lang, name in PAGES])
def test_page_fits_a_phone(page: Page, site_server: str, lang: str, name: str) -> None:
    open_page(page, site_server, lang, name)
    width, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    wide = page.evaluate(
        """() => Array.from(document.querySelectorAll("body *"))
          .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > innerWidth + 1 && !el.closest(".wbl-table-scroll, .md-sidebar, pre"); })
          .slice(0, 5).map(el => el.tagName.toLowerCase() + "." + String(el.className).split(" ")[0])"""
    )
    assert width <= inner, f"{page.url} scrolls sideways: {width} > {inner} px; too wide: {wide}"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{lang}-{name}.png"), full_page=True)

    small = []
    for selector in TARGETS:
        for box, text in page.locator(selector).evaluate_all(
            "els => els.filter(e => e.getClientRects().length).map(e => [e.getBoundingClientRect().toJSON(), e.textContent.trim().slice(0, 40)])"
        ):
            if box["height"] < MIN_TARGET - 0.5 or box["width"] < MIN_TARGET - 0.5:
                small.append(f"{selector} {text!r}: {box['width']:.0f} x {box['height']:.0f}")
    assert not small, f"touch targets under {MIN_TARGET} px on {page.url}:\n" + "\n".join(small)


@pytest.mark.parametrize("opp_id", [o.id for o in listings() if apply_url(o)])
def test_apply_comes_within_a_screen_and_a_half(page: Page, site_server: str, opp_id: str) -> None:
    """The family's answers (pay, who, when, deadline, where) and then "How to apply" with its button."""
    opp = next(o for o in listings() if o.id == opp_id)
    for lang in ("en", "es"):
        page.goto(url_of(site_server, lang, opp.url))
        # The next step: Apply, or before applications open, the reminder and then the application page.
        buttons = page.locator(".wbl-apply__button")
        assert buttons.count() in (1, 2), f"no apply button on {page.url}"
        button = buttons.first
        box = button.bounding_box()
        assert box and box["y"] < APPLY_TOP, f"the apply button starts at {box and box['y']:.0f} px on {page.url}"
        assert box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET
        order = page.evaluate(
            """() => Array.from(document.querySelectorAll(".wbl-facts > div > dt, #apply-h, .wbl-apply__button"))
              .map(e => e.getBoundingClientRect().top)"""
        )
        assert order == sorted(order), f"the facts, then How to apply, then the button, on {page.url}"


@pytest.mark.parametrize(
    ("where", "selector"),
    [
        ("listing", ".wbl h1"),
        ("listing", ".wbl-summary"),
        ("listing", ".wbl-facts dd"),
        ("organization", ".wbl h1"),
        ("browse", ".wbl-card__title a"),
        ("browse", ".wbl-card__org"),
    ],
)
def test_long_unbroken_contributor_text_wraps_on_a_phone(page: Page, site_server: str, where: str, selector: str) -> None:
    """A title or name typed without spaces (a pasted address, a run of one letter) must not widen the page."""
    opp = listings()[0]
    path = {"listing": opp.url, "organization": f"employers/{opp.org_id}/", "browse": "opportunities/"}[where]
    page.goto(site_server + path)
    assert page.locator(selector).count(), selector
    page.locator(selector).first.evaluate("(el, text) => { el.textContent = text; }", "W" * 400)
    width, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert width <= inner, f"{selector} on {path}: {width} > {inner} px"
