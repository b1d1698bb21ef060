"""My list, with no account: the star on cards and listing pages keeps listings on the device, and /my-list/ shows
them with their status, removes them, shares them as one link, prints them and downloads their deadlines as a
calendar file made in the browser. Nothing leaves the device: every request goes to the site itself (conftest
aborts any other), and the page asks only for the browse data it needs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page

from generator import i18n

from .site_pages import AS_OF, READY, axe, catalog, describe, url_of
from .test_accessibility import OPTIONS

KEY = "wbl-my-list"
LOADED = """() => {
  const status = document.getElementById("wbl-mylist-status");
  const items = document.querySelectorAll("#wbl-mylist-items > li");
  return status && status.textContent === "" && (items.length > 0 || !document.getElementById("wbl-mylist-empty").hidden);
}"""


def saved(page: Page) -> list[str]:
    text = page.evaluate(f"() => localStorage.getItem({json.dumps(KEY)})")
    return json.loads(text)["ids"] if text else []


def open_my_list(page: Page, base: str, lang: str = "en", query: str = "") -> None:
    page.goto(url_of(base, lang, "my-list/" + query))
    page.wait_for_function(LOADED)


def star_two_on_browse(page: Page, base: str) -> list[str]:
    """Stars the first two results of the browse page (deadline soonest first); returns their ids."""
    page.goto(url_of(base, "en", "opportunities/"))
    page.wait_for_function(READY)
    stars = page.locator("#wbl-results .wbl-card .wbl-star")
    stars.first.wait_for()
    ids = []
    for i in range(2):
        star = stars.nth(i)
        title = page.locator("#wbl-results .wbl-card").nth(i).locator(".wbl-card__title a").inner_text().strip()
        # A real toggle button, named with the listing's title, of at least 24 x 24 CSS pixels.
        named = page.get_by_role("button", name=f"{i18n.t('mylist_star', 'en')}: {title}", exact=True)
        assert named.count() >= 1, title
        assert star.get_attribute("aria-pressed") == "false"
        box = star.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, box
        star.click()
        assert star.get_attribute("aria-pressed") == "true"
        ids.append(star.get_attribute("data-id"))
    assert saved(page) == ids
    return ids


def test_star_list_share_print_and_calendar(new_context: Any, site_server: str, tmp_path: Any) -> None:
    context = new_context(accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    ids = star_two_on_browse(page, site_server)
    opps = [catalog().opportunities[i] for i in ids]
    assert all(o.deadline and o.deadline >= AS_OF for o in opps), "the first results have deadlines ahead"

    requests.clear()
    open_my_list(page, site_server)
    items = page.locator("#wbl-mylist-items > li")
    assert items.count() == 2
    for item, opp in zip(items.all(), opps, strict=True):
        assert item.locator(".wbl-card__title a").inner_text().strip() == opp.text("title", "en").value
        status = item.locator(".wbl-status")
        assert status.inner_text().strip() == i18n.t("status_open", "en")
        assert "wbl-status--open" in (status.get_attribute("class") or "")
        assert item.locator(".wbl-mylist__url").inner_text().endswith(f"/opportunities/{opp.id}/")
    assert page.locator("#wbl-mylist-count").inner_text() == i18n.t("mylist_count_many", "en", n=2)
    # Only the site's own files were asked for; of the browse data, the facet index, the organizations' facet
    # (in a file of its own) and card shards.
    assert all(u.startswith(site_server) for u in requests), requests
    data = [u for u in requests if "/browse-data/" in u]
    assert data and all(re.search(r"/browse-data/en/(facets|facet-org|cards-\d+)\.json$", u) for u in data), data

    # One link holds the list.
    link = page.locator("#wbl-mylist-share-url").input_value()
    assert link == f"{site_server}my-list/?ids={ids[0]},{ids[1]}"

    # The calendar file, made in the browser.
    with page.expect_download() as info:
        page.get_by_role("button", name=i18n.t("mylist_calendar", "en")).click()
    download = info.value
    assert download.suggested_filename == "my-list-deadlines.ics"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("utf-8").replace("\r\n ", "")  # unfolded (RFC 5545 3.1)
    assert text.count("BEGIN:VEVENT") == 2
    for opp in opps:
        assert f"UID:deadline-{opp.org_id}--{opp.slug}@" in text
        assert f"DTSTART;VALUE=DATE:{opp.deadline:%Y%m%d}" in text
    assert text.count("DTSTAMP:") == 2
    assert page.locator("#wbl-mylist-status").inner_text() == i18n.t("mylist_calendar_many", "en", n=2)

    # The handout: the listings with their permanent addresses, without buttons, notes that count days or the site's frame.
    page.emulate_media(media="print")
    for selector in (".md-header", ".wbl-footer", ".wbl-mylist__remove", "#wbl-mylist-actions", ".wbl-star"):
        assert all(not e.is_visible() for e in page.locator(selector).all()), selector
    assert page.locator(".wbl-days-left:visible").count() == 0
    assert page.locator(".wbl-mylist__address:visible").count() == 2
    page.emulate_media(media="screen")

    # The link restores the list in a fresh browser, which saves it only when asked.
    fresh = new_context().new_page()
    fresh.goto(link)
    fresh.wait_for_function(LOADED)
    assert [t.strip() for t in fresh.locator("#wbl-mylist-items .wbl-card__title a").all_inner_texts()] == [
        o.text("title", "en").value for o in opps
    ]
    assert fresh.locator("#wbl-mylist-shared").is_visible()
    assert saved(fresh) == []
    fresh.get_by_role("button", name=i18n.t("mylist_shared_save", "en")).click()
    assert saved(fresh) == ids

    # Removing one leaves the other, and the focus on the next remove button.
    page.locator("#wbl-mylist-items > li").first.locator(".wbl-mylist__remove").click()
    assert saved(page) == ids[1:]
    assert page.locator("#wbl-mylist-items > li").count() == 1
    assert page.evaluate("() => document.activeElement.matches('.wbl-mylist__remove')")
    # The star on the listing's page says it is saved.
    page.goto(url_of(site_server, "en", opps[1].url))
    star = page.locator(".wbl-star-row .wbl-star")
    assert star.get_attribute("aria-pressed") == "true"
    star.click()
    assert saved(page) == []


def test_a_link_with_bad_ids_shows_only_good_ones(page: Page, site_server: str) -> None:
    good = sorted(o.id for o in catalog().opportunities.values())[0]
    open_my_list(page, site_server, "es", f"?ids={good},<b>x</b>,Acme/Tour,no-such-org/no-such-listing")
    items = page.locator("#wbl-mylist-items > li")
    assert items.count() == 2
    assert items.nth(1).locator(".wbl-mylist__missing").inner_text() == i18n.t("mylist_missing", "es")
    assert page.locator("#wbl-mylist-rejected").inner_text() == i18n.t("mylist_shared_rejected", "es", n=2)
    assert "<b>" not in page.content().split('id="wbl-mylist-items"')[1]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_finds_no_violation_on_my_list(page: Page, site_server: str, lang: str) -> None:
    open_my_list(page, site_server, lang)
    assert page.locator("#wbl-mylist-empty").is_visible()
    violations = axe(page, OPTIONS)
    assert not violations, f"axe on the empty {page.url}:\n{describe(violations)}"
    ids = sorted(catalog().opportunities)[:3]
    page.evaluate(f"() => localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps({'v': 1, 'ids': ids}))})")
    open_my_list(page, site_server, lang)
    assert page.locator("#wbl-mylist-items > li").count() == 3
    violations = axe(page, OPTIONS)
    assert not violations, f"axe on {page.url} with three listings:\n{describe(violations)}"
    open_my_list(page, site_server, lang, "?ids=" + ",".join(ids))
    violations = axe(page, OPTIONS)
    assert not violations, f"axe on the shared {page.url}:\n{describe(violations)}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_without_javascript_the_star_hides_and_the_page_explains(new_context: Any, site_server: str, lang: str) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url_of(site_server, lang, "opportunities/"))
    # Cards get their star from the script; a listing's page has one, hidden.
    assert page.locator(".wbl-card").count() > 0 and page.locator(".wbl-star").count() == 0
    listing = page.locator(".wbl-card__title a").first.get_attribute("href")
    page.goto(urljoin(page.url, listing))
    assert page.locator("h1").count() == 1 and page.locator(".wbl-star").count() == 1
    assert page.locator(".wbl-star:visible").count() == 0
    page.goto(url_of(site_server, lang, "my-list/"))
    assert i18n.t("mylist_needs_js", lang) in page.locator("#wbl-content").inner_text()
    assert not page.locator("#wbl-mylist-app").is_visible()
    footer = page.locator(".wbl-footer nav a", has_text=i18n.t("mylist_title", lang))
    assert footer.count() == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_cards_of_a_page_get_stars_named_after_their_listings(page: Page, site_server: str, lang: str) -> None:
    """An organization's page writes its cards without stars; the script adds one to each, named and linked from
    the card's title, in the title's own language."""
    data = catalog()
    org = max(data.organizations.values(), key=lambda o: sum(x.org_id == o.id for x in data.opportunities.values()))
    page.goto(url_of(site_server, lang, f"employers/{org.id}/"))
    cards = page.locator(".wbl-cards > li.wbl-card")
    cards.first.locator(".wbl-star").wait_for()
    assert cards.count() >= 2
    for i in range(cards.count()):
        card = cards.nth(i)
        link = card.locator(".wbl-card__title a")
        star = card.locator(".wbl-star")
        assert star.count() == 1 and star.is_visible()
        ident = star.get_attribute("data-id")
        assert ident in data.opportunities
        assert link.get_attribute("href").rstrip("/").endswith(ident)
        title = link.inner_text().strip()
        assert star.get_attribute("aria-label") is None
        assert page.get_by_role("button", name=f"{i18n.t('mylist_star', lang)}: {title}", exact=True).count() >= 1
        shown_lang = data.opportunities[ident].text("title", lang).lang
        named_lang = star.locator("[data-star-title]").evaluate("(e) => (e.closest('[lang]') || e).getAttribute('lang')")
        assert named_lang == shown_lang, (ident, named_lang, shown_lang)
    first = cards.first.locator(".wbl-star")
    first.click()
    assert first.get_attribute("aria-pressed") == "true"
    assert saved(page) == [first.get_attribute("data-id")]
