"""The browse page in a real browser: filters, search, sorting, URL state, languages, no JavaScript.

Expected listings are worked out from the catalog model (check_catalog as of
2026-11-22), never hard-coded, so the tests follow the bundled catalog as it grows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import index_reader
import pytest
from playwright.sync_api import Page, expect

from generator.model import Catalog, Opportunity
from generator.model import status as status_rules
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render import browse, facets
from generator.render import browse_index as bi
from generator.render import word_index as wi

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 22)
CLOSED_ID = "foothill-electrical-contractors/solar-jobsite-job-shadow"
READY = """() => {
  const root = document.getElementById("wbl-browse");
  return !!root && root.dataset.state === "ready" && root.dataset.query === location.search;
}"""


# ---------- the catalog model ----------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog


def path_of(opp: Opportunity, lang: str = "en") -> str:
    """A result's address: its listing's page, and for a track of a listing the track's section of it."""
    return ("/es/" if lang == "es" else "/") + opp.url + (f"#{opp.track.anchor}" if opp.track else "")


def paths(opps: Iterable[Opportunity], lang: str = "en") -> set[str]:
    return {path_of(o, lang) for o in opps}


def browse_rows(catalog: Catalog) -> list[Opportunity]:
    """What the browse page lists and filters: each listing, or each track of a listing that has tracks."""
    return [row for opp in catalog.opportunities.values() for row in opp.rows]


def is_open(opp: Opportunity) -> bool:
    """The default filter, "accepting applications": a family can apply on the build's day (the pages' clock is set
    to it), so not the listings whose applications open later."""
    return status_rules.status_on(opp, AS_OF) == "open"


def hourly(opp: Opportunity) -> float:
    top = opp.pay_amount_max or opp.pay_amount or 0
    return float(top) if opp.pay_type == "paid" and opp.pay_unit == "hour" else 0.0


def in_grade(opp: Opportunity, grade: int) -> bool:
    return grade in facets.grades_of(opp)  # a listing that gives only ages: the grades they imply


def biggest_sector(opps: list[Opportunity]) -> tuple[str, list[Opportunity]]:
    counts = Counter(s for o in opps for s in o.sectors)
    assert counts, "the catalog has no listing for this test"
    sector = sorted(counts, key=lambda s: (-counts[s], s))[0]
    return sector, [o for o in opps if sector in o.sectors]


# ---------- driving the page ----------


def browse_url(base: str, lang: str = "en", **params: str | list[str]) -> str:
    query = urlencode(params, doseq=True)
    return base + ("es/" if lang == "es" else "") + "opportunities/" + (f"?{query}" if query else "")


def settle(page: Page) -> None:
    """Wait until the results on screen are those of the current URL."""
    page.wait_for_function(READY)


def open_browse(page: Page, url: str) -> None:
    page.goto(url)
    settle(page)


def shown_count(page: Page) -> int:
    text = page.locator("#wbl-status").inner_text()
    digits = re.findall(r"\d", text)
    if digits:
        return int("".join(digits))
    labels = ui_labels(page)
    assert text == labels["none"], text
    return 0


def ui_labels(page: Page) -> dict[str, Any]:
    return json.loads(page.locator("#wbl-browse-labels").text_content() or "{}")["ui"]


def load_all(page: Page) -> None:
    more = page.locator("#wbl-more")
    cards = page.locator("#wbl-results > li")
    while more.is_visible():
        before = cards.count()
        more.click()
        expect(cards).not_to_have_count(before)


def result_links(page: Page) -> list[tuple[str, str]]:
    """(path, title) of every result card loaded so far, in order."""
    links = page.locator("#wbl-results .wbl-card__title a")
    found = links.evaluate_all("els => els.map(a => [a.href, a.textContent])")
    return [
        (urlsplit(href).path + (f"#{urlsplit(href).fragment}" if urlsplit(href).fragment else ""), title) for href, title in found
    ]


def all_results(page: Page) -> list[str]:
    load_all(page)
    found = [p for p, _ in result_links(page)]
    assert len(found) == shown_count(page)
    return found


def open_filters(page: Page, facet: str | None = None) -> None:
    """Show the filters: a column on a wide screen, else the sheet that the "Filters" button opens."""
    opener = page.locator("#wbl-filters-open")
    if opener.is_visible() and not page.evaluate("document.getElementById('wbl-sheet').open"):
        opener.click()
    if facet:
        details = page.locator(f"details.wbl-facet[data-facet='{facet}']")
        if details.get_attribute("open") is None:
            details.locator("summary").click()


def close_filters(page: Page) -> None:
    """Close the filter sheet, when it is open, with its "Show N results" button."""
    if page.evaluate("!!(document.getElementById('wbl-sheet') || {}).open"):
        page.locator("#wbl-sheet-show").click()


def tick(page: Page, facet: str, value: str, on: bool = True) -> None:
    open_filters(page, facet)
    box = page.locator(f"#wbl-facets input[name='{facet}'][value='{value}']")
    box.set_checked(on)
    settle(page)
    close_filters(page)


def choose(page: Page, facet: str, value: str) -> None:
    open_filters(page)
    page.locator(f"#wbl-facets select[name='{facet}']").select_option(value)
    settle(page)
    close_filters(page)


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


# ---------- the tests ----------


def test_student_flow_paid_grade_11_sector(page: Page, site_server: str, catalog: Catalog) -> None:
    matching = [o for o in browse_rows(catalog) if is_open(o) and o.is_paid and in_grade(o, 11)]
    sector, expected = biggest_sector(matching)

    page.goto(site_server)
    page.locator("a[href$='opportunities/?pay=paid-any']").first.click()
    settle(page)
    assert query_of(page) == {"pay": ["paid-any"]}
    tick(page, "grade", "11")
    tick(page, "sector", sector)

    assert query_of(page) == {"pay": ["paid-any"], "grade": ["11"], "sector": [sector]}
    assert shown_count(page) == len(expected)
    found = all_results(page)
    assert set(found) == paths(expected)
    expect(page.locator("#wbl-static")).to_be_hidden()

    first = page.locator("#wbl-results .wbl-card__title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/opportunities/[^/?]+/[^/?]+/$"))
    expect(page.locator("h1")).to_have_text(title)
    apply = page.locator("a.wbl-apply__button")
    expect(apply).to_be_visible()
    assert re.match(r"^(https:|mailto:)", apply.get_attribute("href") or "")


def test_counselor_link_shows_the_same_results(
    page: Page, new_context: Callable[..., Any], site_server: str, catalog: Catalog
) -> None:
    sector, expected = biggest_sector(list(browse_rows(catalog)))
    open_browse(page, browse_url(site_server))
    tick(page, "status", "open", on=False)  # any status
    tick(page, "sector", sector)
    page.locator("#wbl-sort").select_option("reviewed")
    settle(page)
    assert query_of(page) == {"status": ["any"], "sector": [sector], "sort": ["reviewed"]}
    load_all(page)
    seen = result_links(page)
    assert {p for p, _ in seen} == paths(expected)
    reviewed = [catalog.opportunities[p.split("/opportunities/")[1].split("#")[0].rstrip("/")].last_reviewed for p, _ in seen]
    assert reviewed == sorted(reviewed, reverse=True)

    copied = page.url
    other = new_context().new_page()
    open_browse(other, copied)
    load_all(other)
    assert result_links(other) == seen
    assert other.locator("#wbl-sort").input_value() == "reviewed"
    assert other.locator(f"#wbl-facets input[name='sector'][value='{sector}']").is_checked()
    assert not other.locator("#wbl-facets input[name='status'][value='open']").is_checked()
    assert other.locator("#wbl-status").inner_text() == page.locator("#wbl-status").inner_text()


def test_back_and_forward_restore_the_state(page: Page, site_server: str, catalog: Catalog) -> None:
    opps = [o for o in browse_rows(catalog) if is_open(o)]
    paid = [o for o in opps if o.is_paid]
    paid_11 = [o for o in paid if in_grade(o, 11)]
    open_browse(page, browse_url(site_server))
    start = page.url
    tick(page, "pay", "paid-any")
    after_pay = page.url
    tick(page, "grade", "11")
    after_grade = page.url
    assert shown_count(page) == len(paid_11)
    titles = result_links(page)

    page.go_back()
    settle(page)
    assert page.url == after_pay
    assert not page.locator("#wbl-facets input[name='grade'][value='11']").is_checked()
    assert page.locator("#wbl-facets input[name='pay'][value='paid-any']").is_checked()
    assert shown_count(page) == len(paid)

    page.go_back()
    settle(page)
    assert page.url == start
    assert not page.locator("#wbl-facets input[name='pay'][value='paid-any']").is_checked()
    assert shown_count(page) == len(opps)

    page.go_forward()
    settle(page)
    page.go_forward()
    settle(page)
    assert page.url == after_grade
    assert page.locator("#wbl-facets input[name='grade'][value='11']").is_checked()
    assert result_links(page) == titles


def test_default_is_open_listings_and_any_status_adds_closed(page: Page, site_server: str, catalog: Catalog) -> None:
    closed = catalog.opportunities[CLOSED_ID]
    assert closed.status == "closed"
    everything = list(browse_rows(catalog))
    opened = [o for o in everything if is_open(o)]
    open_browse(page, browse_url(site_server))
    page_size = int(page.locator("#wbl-browse").get_attribute("data-page-size") or 0)
    assert page_size > 0

    assert page.url.endswith("/opportunities/")
    assert shown_count(page) == len(opened)
    expect(page.locator("#wbl-results > li")).to_have_count(min(page_size, len(opened)))
    found = all_results(page)
    assert set(found) == paths(opened)
    assert path_of(closed) not in found

    tick(page, "status", "open", on=False)
    assert query_of(page) == {"status": ["any"]}
    assert shown_count(page) == len(everything)
    assert path_of(closed) in all_results(page)

    open_browse(page, browse_url(site_server, status="closed"))
    assert path_of(closed) in all_results(page)
    assert shown_count(page) == sum(o.status == "closed" for o in everything)


def test_spanish_page_filters_and_searches_the_same_records(page: Page, site_server: str, catalog: Catalog) -> None:
    opps = list(browse_rows(catalog))
    sector, _ = biggest_sector([o for o in opps if is_open(o)])
    org = sorted(catalog.organizations.values(), key=lambda o: (-len(o.opportunity_ids), o.id))[0]
    word = max(re.findall(r"[A-Za-z]{5,}", org.name), key=len)
    cases: list[tuple[dict[str, Any], set[str] | None]] = [
        ({"pay": "paid-any", "grade": "11"}, paths(o for o in opps if is_open(o) and o.is_paid and in_grade(o, 11))),
        ({"sector": sector, "status": "any"}, paths(o for o in opps if sector in o.sectors)),
        ({"q": word, "status": "any"}, None),
    ]
    for params, expected in cases:
        found = {}
        for lang in ("en", "es"):
            open_browse(page, browse_url(site_server, lang, **params))
            assert page.locator("html").get_attribute("lang") == lang
            found[lang] = all_results(page)
        english = set(found["en"])
        spanish = {p.removeprefix("/es") for p in found["es"]}
        assert all(p.startswith("/es/opportunities/") for p in found["es"])
        assert len(found["en"]) == len(found["es"]), params
        assert english == spanish, params
        if expected is not None:
            assert english == expected, params
        else:
            assert paths(catalog.opportunities_of(org.id)) <= english, params

    assert page.locator("#wbl-status").inner_text().endswith("oportunidades")
    open_filters(page, "pay")
    labels = page.locator("details.wbl-facet[data-facet='pay'] .wbl-facet__label").all_inner_texts()
    assert "Pagada o con estipendio" in labels


def unique_description_word(catalog: Catalog) -> tuple[Opportunity, str]:
    """A word that only one open listing's own text uses, taken from its description: no other listing has a
    word of the same stem (search matches a word's forms), and the synonyms file does not name it."""
    texts = {o.id: json.dumps(o.raw, ensure_ascii=False, default=str).lower() for o in browse_rows(catalog)}
    stems = {i: {wi.stem(w, "en") for w in re.findall(r"[a-z]+", text)} for i, text in texts.items()}
    synonyms = (ROOT / "catalog" / "vocabularies" / "synonyms.yml").read_text(encoding="utf-8").lower()
    names = " ".join(o.name.lower() for o in catalog.organizations.values())
    for opp in sorted((o for o in browse_rows(catalog) if is_open(o)), key=lambda o: o.id):
        words = sorted(set(re.findall(r"\b[a-z]{8,}\b", str(opp.raw.get("description", "")).lower())), key=lambda w: (-len(w), w))
        for word in words:
            if word in names or word in synonyms:
                continue
            if sum(word in text for text in texts.values()) == 1 and sum(wi.stem(word, "en") in s for s in stems.values()) == 1:
                return opp, word
    raise AssertionError("no listing has a word of its own in its description")


def test_free_text_search_finds_a_word_of_the_description(page: Page, site_server: str, catalog: Catalog) -> None:
    opp, word = unique_description_word(catalog)
    open_browse(page, browse_url(site_server))
    entries = page.evaluate("history.length")
    page.locator("#wbl-q").press_sequentially(word, delay=20)
    settle(page)
    assert query_of(page) == {"q": [word]}
    assert page.evaluate("history.length") == entries, "typing replaces the history entry"
    found = all_results(page)
    assert found[0] == path_of(opp)
    assert page.locator("#wbl-sort").input_value() == "relevance"
    expect(page.locator("#wbl-q")).to_be_focused()


def test_sort_by_pay_is_highest_hourly_pay_first(page: Page, site_server: str, catalog: Catalog) -> None:
    opened = [o for o in browse_rows(catalog) if is_open(o)]
    open_browse(page, browse_url(site_server))
    page.locator("#wbl-sort").select_option("pay")
    settle(page)
    assert query_of(page) == {"sort": ["pay"]}
    by_path = {path_of(o): o for o in opened}
    wages = [hourly(by_path[p]) for p in all_results(page)]
    assert len(wages) == len(opened)
    assert wages == sorted(wages, reverse=True)
    assert wages[0] == max(hourly(o) for o in opened) > 0


def test_without_javascript_the_list_and_links_are_there(
    new_context: Callable[..., Any], site_server: str, catalog: Catalog
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(browse_url(site_server))
    expect(page.locator("#wbl-static")).to_be_visible()
    expect(page.locator("#wbl-browse-form")).to_be_hidden()
    links = page.locator("#wbl-static .wbl-card__title a")
    total = len(catalog.opportunities)
    expect(links).to_have_count(min(100, total))
    hrefs = {urlsplit(h).path for h in links.evaluate_all("els => els.map(a => a.href)")}
    assert hrefs <= paths(catalog.opportunities.values())
    assert page.locator("#wbl-static a[rel='next']").count() == (1 if total > 100 else 0)
    first = links.first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/opportunities/[^/?]+/[^/?]+/$"))
    expect(page.locator("h1")).to_have_text(title)


# Per result card: its listing's path, its visible text, the language of its title and organization name,
# and its status badge's classes.
CARDS = """els => els.map((li) => {
  // The star (My list) is the script's own control, hidden without JavaScript: not part of the card's text.
  li.querySelectorAll(".wbl-star").forEach((star) => star.remove());
  const langOf = (el) => ((el.querySelector("[lang]") || el).closest("[lang]") || document.documentElement).getAttribute("lang");
  const link = li.querySelector(".wbl-card__title a");
  return {
    path: new URL(link.href).pathname + new URL(link.href).hash,
    text: li.innerText,
    titleLang: langOf(link),
    orgLang: langOf(li.querySelector(".wbl-card__org")),
    status: li.querySelector(".wbl-status").className,
  };
})"""


def server_cards(page: Page, url: str) -> dict[str, dict[str, str]]:
    """The cards of the browse page without JavaScript, every page of the list, by listing path."""
    cards: dict[str, dict[str, str]] = {}
    while url:
        page.goto(url)
        cards.update((c["path"], c) for c in page.locator("#wbl-static .wbl-card").evaluate_all(CARDS))
        following = page.locator("#wbl-static a[rel='next']")
        url = following.evaluate("a => a.href") if following.count() else ""
    return cards


@pytest.mark.parametrize("lang", ["en", "es"])
def test_cards_built_by_the_script_show_what_the_server_cards_show(
    page: Page, new_context: Callable[..., Any], site_server: str, catalog: Catalog, lang: str
) -> None:
    server = server_cards(new_context(java_script_enabled=False).new_page(), browse_url(site_server, lang))
    open_browse(page, browse_url(site_server, lang, status="any"))
    load_all(page)
    built = page.locator("#wbl-results .wbl-card").evaluate_all(CARDS)
    assert {c["path"] for c in built} == paths(browse_rows(catalog), lang)
    assert set(server) == paths(catalog.opportunities.values(), lang)  # without JavaScript, a listing once
    view = View(catalog, lang, "opportunities/")
    rows = {path_of(row, lang): row for row in browse_rows(catalog)}
    for card in built:
        opp = rows[card["path"]]
        if opp.track is None:
            assert card == server[card["path"]]
        else:  # a track's card: the program's title and the track's name, and the track's own facts
            title = view.plain(opp.text("title", lang)) + " · " + view.plain(opp.track.text("name", lang))
            assert card["text"].startswith(title), (card["text"], title)
        for shown in (view.vocab("formats", opp.format), view.grades(opp), view.pay(opp), view.where(opp)):
            assert shown in card["text"], (opp.id, shown)
    for card in built:  # each title says its own language, as the listing's file gives it
        opp = rows[card["path"]]
        assert card["titleLang"] == opp.text("title", lang).lang, card["path"]


def test_a_card_without_a_deadline_leaves_out_its_label_and_separator(page: Page, site_server: str, catalog: Catalog) -> None:
    open_browse(page, browse_url(site_server, "es"))
    fill = """async (deadline) => {
      const src = document.querySelector("script[type=module][src$='main.js']").src;
      const { fillCard } = await import(new URL("results.js", src).href);
      const blank = document.getElementById("wbl-card-template").content.querySelector(".wbl-card");
      const texts = {
        href: location.href, title: "T", titleLang: "", org: "O", orgLang: "", format: "F", status: "open",
        statusLabel: "S", pay: "P", grades: "G", where: "W", deadline,
      };
      const card = fillCard(blank.cloneNode(true), texts);
      return [".wbl-card__title", ".wbl-card__org", ".wbl-card__facts"].map((s) => card.querySelector(s).textContent);
    }"""
    label = View(catalog, "es", "opportunities/").t("deadline")
    assert page.evaluate(fill, "D") == ["T", "O · F", f"S P · G · W · {label}: D"]
    assert page.evaluate(fill, "") == ["T", "O · F", "S P · G · W"]


@pytest.mark.parametrize(
    ("blocked", "params"),
    [
        ("**/browse-data/*/words/*.json", {"q": "internship"}),  # search words need the word index
        ("**/browse-data/*/facets.json", {}),  # everything needs the facet index
    ],
    ids=["word-index", "facet-index"],
)
def test_when_search_cannot_load_the_static_list_stays(
    page: Page, site_server: str, js_errors: list[str], blocked: str, params: dict[str, str]
) -> None:
    page.route(blocked, lambda route: route.fulfill(status=404, body="not found"))
    page.goto(browse_url(site_server, **params))
    page.wait_for_function("() => document.getElementById('wbl-browse').dataset.state === 'error'")
    expect(page.locator("#wbl-status")).to_have_text(ui_labels(page)["error"])
    expect(page.locator("#wbl-static")).to_be_visible()
    expect(page.locator("#wbl-browse-form")).to_be_hidden()
    expect(page.locator("#wbl-results")).to_be_hidden()
    js_errors.clear()  # the 404 above is the point of this test


def test_phone_layout_has_no_sideways_scroll_and_big_targets(page: Page, site_server: str, catalog: Catalog) -> None:
    sector, _ = biggest_sector(list(browse_rows(catalog)))
    open_browse(page, browse_url(site_server, pay="paid-any", sector=sector, grade="11"))
    open_filters(page, "pay")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    targets = page.locator(
        "#wbl-q, #wbl-sort, #wbl-reset, #wbl-filters-open, #wbl-sheet-close, #wbl-sheet-show, #wbl-sheet-clear, "
        "details.wbl-facet > summary, "
        ".wbl-facet__option label, .wbl-facet__select, .wbl-chip, #wbl-results .wbl-card__title a"
    )
    small = []
    for box in targets.evaluate_all(
        "els => els.filter(e => e.offsetParent).map(e => [e.outerHTML.slice(0, 60), e.getBoundingClientRect().height])"
    ):
        if box[1] < 44:
            small.append(box)
    assert not small, small


def test_chips_and_reset_clear_filters(page: Page, site_server: str) -> None:
    open_browse(page, browse_url(site_server, q="internship", pay="paid-any", grade="11"))
    chips = page.locator("#wbl-facets .wbl-chip")
    expect(chips).to_have_count(3)  # status (the default), pay, grade
    page.locator(".wbl-chip[data-facet='grade']").click()
    settle(page)
    assert query_of(page) == {"q": ["internship"], "pay": ["paid-any"]}
    page.locator("#wbl-reset").click()
    settle(page)
    assert query_of(page) == {"q": ["internship"]}
    expect(chips).to_have_count(1)


# ---------- the page finds and counts what the catalog model says ----------

# The counts the browse page shows, per facet and value (every facet opened first: options are built on opening).
SHOWN_COUNTS = """async () => {
  for (const details of document.querySelectorAll("#wbl-facets details")) details.open = true;
  await new Promise((resolve) => setTimeout(resolve, 50));  // the toggle events
  // A facet in a file of its own lists its options once the file has come (main.js loadFacets).
  const built = () => [...document.querySelectorAll("#wbl-facets details")].every((d) => d.querySelector("input"));
  for (let waited = 0; !built() && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  const out = {};
  const number = (text) => parseInt(text.replace(/[^0-9]/g, ""), 10);
  for (const input of document.querySelectorAll("#wbl-facets input[type=checkbox]")) {
    const count = input.closest("label").querySelector(".wbl-facet__count").textContent;
    (out[input.name] = out[input.name] || {})[input.value] = number(count);
  }
  for (const select of document.querySelectorAll("#wbl-facets select")) {
    for (const option of select.options) {
      if (option.value) (out[select.name] = out[select.name] || {})[option.value] = number(option.textContent.split("(").pop());
    }
  }
  return out;
}"""


def expected_view(catalog: Catalog, site: Path, lang: str, params: dict[str, Any]) -> dict[str, Any]:
    """What a browse URL must show, worked out in Python: the listings' paths (best match first for words
    without a sort), and per facet the counts of its values (a facet in use counted without its own choice)."""
    opps = bi.ordered(catalog)
    view = View(catalog, lang, "opportunities/")
    values = [dict(browse.filters(catalog, o, view)) for o in opps]
    chosen = {}
    for name, value in params.items():
        if name not in ("q", "sort"):
            chosen[name] = value if isinstance(value, list) else [value]
    chosen.setdefault("status", ["open"])
    if chosen["status"] == ["any"]:
        del chosen["status"]
    order = list(range(len(opps)))
    if params.get("q"):
        folder = site / "browse-data" / lang
        meta = json.loads((folder / "facets.json").read_text(encoding="utf-8"))["words"]
        order = index_reader.search(
            params["q"], meta, lambda name: json.loads((folder / "words" / name).read_text(encoding="utf-8")), len(opps)
        )

    def passes(i: int, skip: str = "") -> bool:
        return all(set(values[i].get(name, ())) & set(vals) for name, vals in chosen.items() if name != skip)

    counts: dict[str, Counter[str]] = {}
    for name in {n for v in values for n in v}:
        counts[name] = Counter(v for i in order if passes(i, name) for v in values[i].get(name, ()))
    return {"urls": [path_of(opps[i], lang) for i in order if passes(i)], "counts": counts}


def equivalence_cases(catalog: Catalog) -> list[dict[str, Any]]:
    opps = list(browse_rows(catalog))
    sector, _ = biggest_sector(opps)
    sectors = sorted({s for o in opps for s in o.sectors})
    org = sorted(catalog.organizations.values(), key=lambda o: (-len(o.opportunity_ids), o.id))[0]
    word = max(re.findall(r"[A-Za-z]{5,}", org.name), key=len)
    return [
        {},
        {"status": "any"},
        {"status": ["closed", "archived"]},
        {"pay": "paid-any", "grade": "11"},
        {"sector": sectors[:3], "status": "any", "mode": ["in-person", "remote"]},
        {"age": "16", "quality": "1", "sort": "pay"},
        {"org": org.id, "status": "any", "sort": "reviewed"},
        {"q": "internship"},
        {"q": word, "status": "any", "sector": sector},
        {"q": "students", "pay": ["paid", "stipend"], "grade": "12"},
    ]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_page_finds_and_counts_what_the_model_says(
    page: Page, site_server: str, built_site: Path, catalog: Catalog, lang: str
) -> None:
    for params in equivalence_cases(catalog):
        open_browse(page, browse_url(site_server, lang, **params))
        found = all_results(page)
        assert len(set(found)) == len(found), params
        shown = page.evaluate(SHOWN_COUNTS)
        expected = expected_view(catalog, built_site, lang, params)
        assert set(found) == set(expected["urls"]), params
        if "q" in params and "sort" not in params:
            assert found == expected["urls"], params  # best match first
        assert set(shown) == set(
            page.evaluate("[...document.querySelectorAll('#wbl-facets [data-facet]')].map(e => e.dataset.facet)")
        )
        for name, counts in shown.items():
            assert counts == {v: expected["counts"].get(name, {}).get(v, 0) for v in counts}, (params, name)


def test_filtering_without_words_never_fetches_the_word_index(page: Page, site_server: str, catalog: Catalog) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    sector, _ = biggest_sector([o for o in browse_rows(catalog) if is_open(o)])
    open_browse(page, browse_url(site_server, pay="paid-any"))
    tick(page, "status", "open", on=False)
    tick(page, "sector", sector)
    tick(page, "grade", "11")
    page.locator("#wbl-sort").select_option("reviewed")
    settle(page)
    page.locator("#wbl-sort").select_option("pay")
    settle(page)
    page.go_back()
    settle(page)
    open_browse(page, browse_url(site_server, status="any"))
    load_all(page)
    assert not [p for p in requested if "/words/" in p], requested
    data = [p for p in requested if "/browse-data/" in p]
    assert "/browse-data/en/facets.json" in data
    assert all(re.fullmatch(r"/browse-data/en/(facets|facet-[a-z]+|cards-\d+|sort-(reviewed|pay))\.json", p) for p in data), data
    # Of the facets in files of their own, those of the filters used, each once.
    assert sorted(p for p in data if "/facet-" in p) == ["/browse-data/en/facet-grade.json", "/browse-data/en/facet-sector.json"]

    page.locator("#wbl-q").fill("internship")
    settle(page)
    assert query_of(page) == {"q": ["internship"], "status": ["any"]}
    assert [p for p in requested if "/words/" in p] == ["/browse-data/en/words/in.json"], "one word, one shard"
    assert shown_count(page) > 0


# ---------- search words: prefixes, accents, stems, filters ----------


def listings_with_words(catalog: Catalog, lang: str, wanted: Callable[[str], bool]) -> list[Opportunity]:
    """Listings whose text on the page's language (title, organization, description...) has a word that `wanted` accepts."""
    view = View(catalog, lang, "opportunities/")
    out = []
    for opp in browse_rows(catalog):
        strong, other = wi.listing_texts(catalog, opp, view)
        if any(wanted(word) for text, _ in strong + other for word in wi.words(text)):
            out.append(opp)
    return out


def type_words(page: Page, words: str) -> None:
    box = page.locator("#wbl-q")
    box.fill("")
    settle(page)
    box.press_sequentially(words, delay=15)
    settle(page)


@pytest.mark.parametrize(
    ("lang", "typed", "family"),
    [
        # Words the synonyms file does not name (catalog/vocabularies/synonyms.yml; tests/test_relevance.py
        # measures those), so that the listings found are exactly the ones with a word of the family.
        ("en", "careers", ("career", "careers")),  # a stem: listings that only say "career" too
        ("en", "Careers", ("career", "careers")),
        ("en", "caree", ("career", "careers")),  # a prefix
        ("es", "autobús", ("autobus", "autobuses")),  # accents, stem
        ("es", "autobuses", ("autobus", "autobuses")),  # without accents
        ("es", "AUTOBUS", ("autobus", "autobuses")),
    ],
)
def test_typed_words_find_their_family_in_each_language(
    page: Page, site_server: str, catalog: Catalog, lang: str, typed: str, family: tuple[str, ...]
) -> None:
    expected = listings_with_words(catalog, lang, lambda word: word in family)
    exact = listings_with_words(catalog, lang, lambda word: word == wi.fold(typed))
    assert expected and {o.id for o in expected} - {o.id for o in exact}, "the catalog no longer tells stems from exact words"
    open_browse(page, browse_url(site_server, lang, status="any"))
    type_words(page, typed)
    assert query_of(page) == {"q": [typed], "status": ["any"]}
    assert set(all_results(page)) == paths(expected, lang)


def test_spanish_words_do_not_find_english_only_text(page: Page, site_server: str, catalog: Catalog) -> None:
    spanish = listings_with_words(catalog, "es", lambda word: word.startswith("preparatori"))
    english = listings_with_words(catalog, "en", lambda word: word.startswith("preparatori"))
    assert spanish and not english
    open_browse(page, browse_url(site_server, "en", q="preparatoria", status="any"))
    assert shown_count(page) == 0
    open_browse(page, browse_url(site_server, "es", q="preparatoria", status="any"))
    assert set(all_results(page)) == paths(spanish, "es")


def test_words_and_a_filter_both_apply(page: Page, site_server: str, catalog: Catalog) -> None:
    family = ("mentor", "mentoring", "mentors")
    found = sorted(listings_with_words(catalog, "en", lambda word: word in family), key=lambda o: o.id)
    assert len(found) >= 2
    view = View(catalog, "en", "")
    first, others = dict(browse.filters(catalog, found[0], view)), [dict(browse.filters(catalog, o, view)) for o in found[1:]]
    name, value = next(
        (name, value)
        for name, values in first.items()
        if name in ("sector", "format", "stage", "grade")
        for value in values
        if not any(value in other.get(name, ()) for other in others)
    )
    open_browse(page, browse_url(site_server, status="any"))
    type_words(page, "mentors")
    assert set(all_results(page)) == paths(found)
    tick(page, name, value)
    assert query_of(page) == {"q": ["mentors"], "status": ["any"], name: [value]}
    assert all_results(page) == [path_of(found[0])]
    page.locator("#wbl-q").fill("mentors zzzz")  # every word must match
    settle(page)
    assert shown_count(page) == 0


def title_matches(catalog: Catalog, site: Path, query: str) -> set[str]:
    """Paths of the English listings whose title or organization has a word the (one-word) query matches."""
    folder = site / "browse-data" / "en"
    meta = json.loads((folder / "facets.json").read_text(encoding="utf-8"))["words"]

    def load(name: str) -> dict:
        return json.loads((folder / "words" / name).read_text(encoding="utf-8"))

    entries = index_reader.term_entries(query, meta, load, len(catalog.opportunities))
    matched = {entries[i][0] for i in index_reader.matches(query, entries, meta["endings"], meta["stem"])}
    view = View(catalog, "en", "opportunities/")
    return {
        path_of(o)
        for o in browse_rows(catalog)
        if matched & {w for text, _ in wi.listing_texts(catalog, o, view)[0] for w in wi.words(text)}
    }


def test_title_and_organization_matches_come_first(page: Page, site_server: str, built_site: Path, catalog: Catalog) -> None:
    # A word that some listings have in the title or organization name, and others only further down.
    candidates = sorted({w for o in browse_rows(catalog) for w in wi.words(o.title) if len(w) >= 5})
    for word in candidates:
        params = {"q": word, "status": "any"}
        expected = expected_view(catalog, built_site, "en", params)["urls"]
        in_title = title_matches(catalog, built_site, word)
        if 0 < len(in_title) < len(expected) and expected != sorted(expected, key=path_of_order(catalog)):
            break  # and the ranking differs from the default order
    else:
        raise AssertionError("no title word also appears only further down in listings that come first by deadline")
    open_browse(page, browse_url(site_server, **params))
    found = all_results(page)
    assert found == expected
    assert set(found[: len(in_title)]) == in_title, "titles and organizations that have the word come first"


def path_of_order(catalog: Catalog) -> Callable[[str], int]:
    position = {path_of(o): i for i, o in enumerate(bi.ordered(catalog))}
    return lambda p: position[p]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_organization_filter_names_it_from_the_index(page: Page, site_server: str, catalog: Catalog, lang: str) -> None:
    # Organization names are not in the page (they grow with the catalog): the facet index brings them.
    org = max(catalog.organizations.values(), key=lambda o: (len(o.opportunity_ids), o.id))
    name = View(catalog, lang, "opportunities/").plain(org.text("name", lang))
    assert name not in (page.request.get(browse_url(site_server, lang)).text().split('id="wbl-browse-labels"')[1])
    open_browse(page, browse_url(site_server, lang, org=org.id, status="any"))
    assert set(all_results(page)) == paths((catalog.opportunities[i] for i in org.opportunity_ids), lang)
    chip = page.locator(".wbl-chip[data-facet='org']")
    expect(chip).to_have_count(1)
    assert name in chip.inner_text()
