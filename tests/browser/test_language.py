"""Both languages in the real browser: the switch, `lang` attributes, and a Spanish interface with no English left.

Contributor text without a Spanish translation may stay English, but then it sits
inside an element marked lang="en", so screen readers pronounce it right.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page
from sitebuild import build_site, minimal_catalog, serve

from generator import i18n
from generator.model import Opportunity
from generator.model.checked import check_catalog
from generator.present.view import View

from . import site_pages
from .site_pages import (
    AS_OF,
    PAGE_TYPES,
    PAGES,
    TEXT_OUTSIDE_ENGLISH,
    catalog,
    listings,
    open_listing,
    open_page,
    page_types,
    url_of,
)

# These tests only read pages: they share one browser context per module (see site_pages).
page_fixture, page_state_fixture = site_pages.reused_page_fixture, site_pages.shared_page_state_fixture

SECTIONS = [
    "home",
    "browse",
    "mylist_title",
    "pathways",
    "sectors",
    "employers",
    "quality",
    "coverage",
    "counselors",
    "contribute",
    "data",
]
SPANISH_MONTHS = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
ENGLISH_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# An element's text without the parts marked lang="en" (contributor text that has no translation).
WITHOUT_ENGLISH = """el => { const c = el.cloneNode(true); c.querySelectorAll('[lang="en"]').forEach(e => e.remove()); return c.textContent; }"""


def english_interface_phrases() -> list[str]:
    """English interface text the site uses: every message of the catalogs, with markup and placeholders cut out."""
    english, translated = i18n.messages("en").phrases, i18n.messages("es").phrases
    # The language switch names each language in itself, marked with its own lang.
    pairs = [(text, translated[key]) for key, text in english.items() if key[0] != "language_name"]
    phrases = {"Deadline", "Who can apply", "How to apply", "Pay", "Grades", "Skip to content", "Site sections", "Menu"}
    for text, spanish in pairs:
        if text != spanish:
            phrases.update(re.split(r"\{[^}]*\}|<[^>]*>|`[^`]*`|\n", text))
    spanish = {s for _, s in pairs}
    cleaned = {" ".join(p.strip(" .,:;()·–-").split()) for p in phrases}
    # Words of two letters, and the names that are the same in both languages, tell nothing.
    # The switch's own label is in the other language; "yes" is a literal value (CSV cells, the transport parameter).
    cleaned -= {"Español", "English", "yes"}
    return sorted(p for p in cleaned if len(re.sub(r"[^A-Za-z]", "", p)) >= 3 and p not in spanish and "/" not in p)


ENGLISH = english_interface_phrases()
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in sorted(ENGLISH, key=len, reverse=True)) + r")(?![\w-])")


def path_of(url: str) -> str:
    return urlsplit(url).path


@pytest.mark.parametrize(("lang", "name"), PAGES, ids=[f"{lang}-{name}" for lang, name in PAGES])
def test_every_page_has_its_lang_and_a_switch_to_the_same_page(page: Page, site_server: str, lang: str, name: str) -> None:
    open_page(page, site_server, lang, name)
    assert page.locator("html").get_attribute("lang") == lang
    other = "es" if lang == "en" else "en"
    switch = page.locator(".md-header .wbl-header-lang__link")
    assert switch.count() == 1 and switch.is_visible(), "no language switch in the header"
    assert switch.get_attribute("hreflang") == other
    assert switch.get_attribute("lang") == other
    assert switch.inner_text().strip() == ("Español" if lang == "en" else "English")
    target = switch.evaluate("a => a.href")
    expected = url_of(site_server, other, page_types()[name].split("?")[0])
    assert path_of(target) == path_of(expected), f"the switch on {page.url} goes to {target}"


def test_switching_language_keeps_the_listing(page: Page, site_server: str) -> None:
    opp = open_listing()
    page.goto(url_of(site_server, "en", opp.url))
    page.get_by_role("link", name="Español").click()
    page.wait_for_url(url_of(site_server, "es", opp.url))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text().strip() == opp.text("title", "es").value
    page.get_by_role("link", name="English").click()
    page.wait_for_url(url_of(site_server, "en", opp.url))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().strip() == opp.title


@pytest.mark.parametrize("opp_id", [o.id for o in listings()])
def test_spanish_listing_shows_spanish_labels_statuses_dates_and_money(page: Page, site_server: str, opp_id: str) -> None:
    opp = catalog().opportunities[opp_id]
    view = View(catalog(), "es", opp.url)
    page.goto(url_of(site_server, "es", opp.url))
    labels = [t.strip() for t in page.locator(".wbl-facts dt").all_inner_texts()]
    # The labels are upper-cased by CSS; compare the words themselves.
    assert [t.lower() for t in labels] == [view.t(k).lower() for k in ("pay", "who_can_apply", "when", "deadline", "where")]
    facts = page.locator(".wbl-facts").inner_text()
    assert view.pay(opp) in facts
    assert view.grades(opp) in facts
    assert page.locator(".wbl-facts .wbl-status").inner_text().strip() == view.status(opp)
    if opp.deadline:
        assert view.deadline(opp) in facts
        assert re.search(rf"\b\d{{1,2}} de ({SPANISH_MONTHS}) de \d{{4}}\b", facts), facts
    own = page.locator(".wbl-facts").evaluate(WITHOUT_ENGLISH)
    assert not re.search(rf"\b({ENGLISH_MONTHS})\b", own), own
    if opp.pay_amount is not None:
        assert view.money(opp.pay_amount) in facts
        assert view.t("per_" + (opp.pay_unit or "total")) in facts
    assert page.locator("h2#apply-h").inner_text().strip() == "Cómo solicitar"


def test_every_bundled_listing_has_a_spanish_title() -> None:
    """The bundled catalog is in Spanish throughout; the English-only case is a tiny catalog of its own below."""
    assert {o.text("title", "es").lang for o in listings()} == {"es"}


@pytest.fixture(scope="module")
def english_only_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A tiny catalog whose one listing has no Spanish (tests/sitebuild.py), built once and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("english-only")
    build_site(root / "site", minimal_catalog(root / "catalog"))
    with serve(root / "site") as url:
        yield url, root / "catalog"


def check_marked_page(page: Page, opp: Opportunity, translated: bool) -> None:
    h1 = page.locator("h1")
    marked = h1.locator('[lang="en"]')
    if translated:
        assert marked.count() == 0
        assert h1.inner_text().strip() == opp.text("title", "es").value
    else:
        assert marked.count() == 1 and marked.inner_text().strip() == opp.title
    how = opp.text_in("application", "how", "es")
    box = page.locator(".wbl-apply")
    if how.lang == "en":
        assert box.locator('[lang="en"]', has_text=how.value).count() == 1
    else:
        assert how.value in box.inner_text()
    # The header repeats the page title: marked the same way once the page's script ran.
    topic = page.locator('[data-md-component="header-topic"] .md-ellipsis')
    assert (topic.get_attribute("lang") == "en") == (not translated)
    # A page the contributor did not translate says so, in Spanish, above the English.
    note = page.locator(".wbl-banner--untranslated")
    assert note.count() == (0 if translated else 1)
    if not translated:
        assert note.inner_text().strip() == i18n.t("i18n_untranslated_listing", "es")


def test_spanish_page_of_a_translated_listing_marks_nothing_english(page: Page, site_server: str) -> None:
    opp = listings()[0]
    page.goto(url_of(site_server, "es", opp.url))
    check_marked_page(page, opp, translated=True)


def test_spanish_page_marks_english_contributor_text(browser: Any, english_only_server: tuple[str, Path]) -> None:
    server, root = english_only_server
    opp = next(iter(check_catalog(root, as_of=AS_OF).catalog.opportunities.values()))
    context = browser.new_context(viewport={"width": 360, "height": 640})
    local = (server, "data:", "blob:", "about:")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local) else route.abort())
    try:
        page = context.new_page()
        page.goto(url_of(server, "es", opp.url))
        check_marked_page(page, opp, translated=False)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_drawer_footer_and_skip_link_speak_the_page_language(page: Page, site_server: str, lang: str) -> None:
    open_page(page, site_server, lang, "opportunity-open")
    expected = [i18n.t("home" if key == "home" else key, lang) for key in SECTIONS]
    footer = [t.strip() for t in page.locator(".wbl-footer nav a").all_inner_texts()]
    drawer = [t.strip() for t in page.locator(".md-sidebar--primary .md-nav__link").all_text_contents()]
    assert footer == expected
    assert drawer == expected
    prefix = "/es/" if lang == "es" else "/"
    for href in page.locator(".wbl-footer nav a").evaluate_all("els => els.map(a => a.href)"):
        assert path_of(href).startswith(prefix), href
    note = page.locator(".wbl-footer__note").inner_text()
    assert ("Contenido de muestra" in note) == (lang == "es")
    assert page.locator("a.wbl-skip").text_content().strip() == i18n.t("skip_to_content", lang)
    menu = page.get_by_role("button", name=i18n.t("menu", lang), exact=True)
    assert menu.count() == 1 and menu.evaluate("el => el.matches('.md-header .wbl-menu-button')")
    site_name = i18n.t("site_name", lang)
    assert page.title().endswith(" - " + site_name)


def test_the_english_phrase_list_is_sound() -> None:
    for phrase in ("Deadline", "Who can apply", "How to apply", "Pay", "Grades", "Criterion", "Field reference", "days left"):
        assert phrase in ENGLISH, phrase
    assert "Sector" not in ENGLISH  # the same word in Spanish


def english_found(page: Page) -> list[str]:
    found = []
    for tag, text in page.evaluate(TEXT_OUTSIDE_ENGLISH):
        for match in ENGLISH_RE.finditer(text):
            found.append(f"<{tag}> {match.group(1)!r} in {text[:160]!r}")
    return found


def test_the_scan_sees_english_interface_text(page: Page, site_server: str) -> None:
    """The same scan on the English page finds the labels, so the Spanish pages pass for the right reason."""
    open_page(page, site_server, "en", "opportunity-open")
    found = " ".join(english_found(page))
    for phrase in ("Who can apply", "How to apply", "Deadline", "Skip to content"):
        assert repr(phrase) in found, phrase


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_spanish_pages_have_no_english_interface_text(page: Page, site_server: str, name: str) -> None:
    open_page(page, site_server, "es", name)
    found = english_found(page)
    assert not found, f'English interface text on {page.url}, outside lang="en":\n' + "\n".join(found)
