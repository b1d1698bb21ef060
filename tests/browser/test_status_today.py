"""Statuses mean today: the browse page, built on 2026-11-22, re-evaluates them against the visitor's clock.

A visit the day after a listing's deadline no longer finds it under "Accepting applications" (the default filter),
finds it under "Closed", and its card says so; a visit on the day a listing's applications open finds it there.
The clock is Playwright's (BrowserContext.clock), set before the page loads. Printed pages show deadlines as dates,
never as days left.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from generator.model import Catalog, Opportunity
from generator.model import status as status_rules
from generator.present.view import View

from . import site_pages
from .conftest import AS_OF
from .test_browse import all_results, browse_rows, browse_url, open_browse, path_of, shown_count

# What counts days, in both languages (View.deadline_note: days_left, day_left, last_day).
DAYS_LEFT = re.compile(r"days? left|last day to apply|quedan? \d+ d[ií]as?|último día", re.I)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return site_pages.catalog()


def card_of(page: Page, opp: Opportunity) -> Any:
    """The result card that links to the listing (or to its track's section)."""
    return page.locator("#wbl-results .wbl-card", has=page.locator(f'a[href*="/{opp.url}"]')).first


def visit(new_context: Callable[..., Any], day: dt.date) -> Page:
    page: Page = new_context(today=dt.datetime.combine(day, dt.time(12))).new_page()
    return page


def soonest_deadline(catalog: Catalog) -> Opportunity:
    """The listing open on the build's day whose deadline comes first, with one application window (after the
    first of several, a listing waits for the next: upcoming, not closed)."""
    dated = [
        o
        for o in browse_rows(catalog)
        if status_rules.status_on(o, AS_OF) == "open" and o.deadline and not o.rolling and not o.windows
    ]
    assert dated, "the bundled catalog has no open listing with a deadline"
    return min(dated, key=lambda o: (o.deadline, o.id))


def open_on(catalog: Catalog, day: dt.date) -> list[Opportunity]:
    return [o for o in browse_rows(catalog) if status_rules.status_on(o, day) == "open"]


def test_after_a_deadline_the_listing_leaves_accepting_applications(
    new_context: Callable[..., Any], site_server: str, catalog: Catalog
) -> None:
    opp = soonest_deadline(catalog)
    assert opp.deadline is not None
    after = opp.deadline + dt.timedelta(days=1)

    # On its last day it is there, and its card counts the day.
    page = visit(new_context, opp.deadline)
    open_browse(page, browse_url(site_server))
    assert path_of(opp) in all_results(page)
    assert shown_count(page) == len(open_on(catalog, opp.deadline))
    card = card_of(page, opp)
    assert "Last day to apply" in card.inner_text()

    # The day after, a site built weeks before no longer calls it open.
    page = visit(new_context, after)
    open_browse(page, browse_url(site_server))
    found = all_results(page)
    assert path_of(opp) not in found
    assert shown_count(page) == len(open_on(catalog, after))
    open_browse(page, browse_url(site_server, status="closed"))
    assert path_of(opp) in all_results(page)
    card = card_of(page, opp)
    assert "wbl-status--closed" in (card.locator(".wbl-status").get_attribute("class") or "")
    assert card.locator(".wbl-status").inner_text() == "Closed"
    assert "Deadline passed" in card.inner_text()
    # The filter's counts say the same.
    option = page.locator('#wbl-facets input[name="status"][value="open"]')
    assert option.count() == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_the_day_applications_open_the_listing_joins_accepting_applications(
    new_context: Callable[..., Any], site_server: str, catalog: Catalog, lang: str
) -> None:
    later = [o for o in browse_rows(catalog) if status_rules.status_on(o, AS_OF) == "upcoming" and o.opens]
    if not later:
        pytest.fail("the bundled catalog has no listing whose applications open after the build's day")
    opp = min(later, key=lambda o: (o.opens, o.id))
    assert opp.opens is not None
    view = View(catalog, lang, "opportunities/")

    page = visit(new_context, AS_OF)
    open_browse(page, browse_url(site_server, lang))
    assert path_of(opp, lang) not in all_results(page)  # not accepting applications yet
    open_browse(page, browse_url(site_server, lang, status="upcoming"))
    assert path_of(opp, lang) in all_results(page)
    card = card_of(page, opp)
    assert card.locator(".wbl-status").inner_text() == view.card_status(opp)

    page = visit(new_context, opp.opens)
    open_browse(page, browse_url(site_server, lang))
    assert path_of(opp, lang) in all_results(page)
    assert shown_count(page) == len(open_on(catalog, opp.opens))
    card = card_of(page, opp)
    words = view.t(status_rules.open_label_key(opp))
    assert card.locator(".wbl-status").inner_text() == words


@pytest.mark.parametrize("lang", ["en", "es"])
def test_printed_pages_show_deadlines_as_dates_never_days_left(
    new_context: Callable[..., Any], site_server: str, catalog: Catalog, lang: str
) -> None:
    opp = soonest_deadline(catalog)
    assert opp.deadline is not None
    view = View(catalog, lang, opp.url)
    page = visit(new_context, AS_OF)
    page.goto(site_server + ("es/" if lang == "es" else "") + opp.url)
    assert view.deadline_note(opp), "the listing counts days on screen"
    assert DAYS_LEFT.search(page.locator("body").inner_text())  # on screen: the days left
    page.emulate_media(media="print")
    printed = page.locator("body").inner_text()
    assert not DAYS_LEFT.search(printed), DAYS_LEFT.search(printed)
    assert view.date(opp.deadline) in printed

    # The browse page's cards, built by the script, print the same way.
    open_browse(page, browse_url(site_server, lang))
    page.emulate_media(media="screen")
    assert DAYS_LEFT.search(page.locator("#wbl-results").inner_text())
    page.emulate_media(media="print")
    assert not DAYS_LEFT.search(page.locator("body").inner_text())
