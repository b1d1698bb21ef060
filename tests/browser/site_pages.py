"""One page of each type of the built site, picked from the bundled catalog, and helpers to drive them.

Shared by the accessibility, language, keyboard, mobile and print tests. Records are
chosen from the catalog model (as of 2026-11-22), never hard-coded, except the closed
listing that the issue names; a test fails if the catalog no longer has one of a kind.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from generator.model import Catalog, Opportunity
from generator.model.checked import check_catalog

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 22)
LANGS = ("en", "es")
CLOSED_ID = "foothill-electrical-contractors/solar-jobsite-job-shadow"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
BROWSE_QUERY = "pay=paid-any&grade=11"
READY = """() => {
  const root = document.getElementById("wbl-browse");
  return !!root && root.dataset.state === "ready" && root.dataset.query === location.search;
}"""

# Visible text of the page (charts' SVG text included) that is not inside an element marked lang="en" (nor in
# script, code or hidden parts): one string per text node, with the tag of its parent.
TEXT_OUTSIDE_ENGLISH = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.replace(/\\s+/g, " ").trim();
    const parent = node.parentElement;
    // Names of places and addresses are marked translate="no": they are the same in every language.
    if (!text || !parent || parent.closest("script, style, noscript, code, pre, template, [translate=no]")) continue;
    const marked = parent.closest("body [lang]");  // the page language itself (on <html>) does not count
    if (marked && marked.getAttribute("lang").toLowerCase().startsWith("en")) continue;
    if (!parent.checkVisibility({ visibilityProperty: true })) continue;
    out.push([parent.tagName.toLowerCase(), text]);
  }
  return out;
}"""


@functools.lru_cache(maxsize=1)
def catalog() -> Catalog:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog


def listings() -> list[Opportunity]:
    return sorted(catalog().opportunities.values(), key=lambda o: o.id)


def apply_url(opp: Opportunity) -> str | None:
    """Where the listing's apply button goes, when it has one (open or upcoming, with a link or an email)."""
    if opp.status != "open":
        return None
    app = opp.section("application")
    return app.get("url") or (f"mailto:{app['email']}" if app.get("email") else None)


def open_listing() -> Opportunity:
    """An open listing with an apply link, the one with the most sites (the longest page) first."""
    found = [o for o in listings() if apply_url(o) and apply_url(o).startswith("https:")]
    assert found, "the bundled catalog has no open listing with an application link"
    return max(found, key=lambda o: (len(o.sites), o.id))


@functools.lru_cache(maxsize=1)
def page_types() -> dict[str, str]:
    """Page type -> language-neutral path (the browse page with filters applied)."""
    cat = catalog()
    opp = open_listing()
    assert CLOSED_ID in cat.opportunities and cat.opportunities[CLOSED_ID].status == "closed", CLOSED_ID
    archived = [o for o in listings() if o.status == "archived"]
    assert archived, "the bundled catalog has no archived listing"
    assert cat.pathways and cat.retired, "the bundled catalog needs a pathway and a retired listing"
    counts = {s.id: sum(s.id in o.sectors for o in listings()) for s in cat.vocabularies.items("sectors")}
    sector = max(sorted(counts), key=lambda s: counts[s])
    return {
        "home": "",
        "browse": f"opportunities/?{BROWSE_QUERY}",
        "opportunity-open": opp.url,
        "opportunity-closed": cat.opportunities[CLOSED_ID].url,
        "opportunity-archived": archived[0].url,
        "organization": f"employers/{opp.org_id}/",
        "organizations": "employers/",
        "pathway": f"pathways/{sorted(cat.pathways)[0]}/",
        "pathways": "pathways/",
        "sector": f"sectors/{sector}/",
        "sectors": "sectors/",
        "quality": "quality/",
        "coverage": "coverage/",
        "data": "data/",
        "data-fields": "data/fields/",
        "counselors": "counselors/",
        "contribute": "contribute/",
        "contribute-region": "contribute/region/",
        "retired": f"opportunities/{sorted(cat.retired)[0]}/",
    }


PAGE_TYPES = list(page_types())
PAGES = [(lang, name) for lang in LANGS for name in PAGE_TYPES]


def url_of(base: str, lang: str, path: str) -> str:
    return base + ("es/" if lang == "es" else "") + path


def open_page(page: Page, base: str, lang: str, name: str) -> None:
    """Go to a page type and wait until it is ready (the browse page: its results for the URL's filters)."""
    page.goto(url_of(base, lang, page_types()[name]))
    if name == "browse":
        page.wait_for_function(READY)


def axe(page: Page, options: dict[str, Any]) -> list[dict[str, Any]]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)", options)


def describe(violations: list[dict[str, Any]]) -> str:
    """Each violation with its id, impact, help and the elements it found, for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:8]:
            summary = " ".join((node.get("failureSummary") or "").split())[:300]
            lines.append(f"    {json.dumps(node['target'])} {summary}")
    return "\n".join(lines)


# ---------- one page per test module ----------
# A new browser context per test costs more than loading a page, and these modules load a couple
# of hundred pages. Modules whose tests only read pages import the two fixtures below: their `page`
# is then one page per module, reset for each test, and JavaScript errors still fail the test.


class _Shared:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []


@pytest.fixture(scope="module", name="shared_page_state")
def shared_page_state_fixture(browser: Any, site_server: str) -> Iterator[_Shared]:
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="en-US")
    context.clock.set_fixed_time(dt.datetime.combine(AS_OF, dt.time(12)))  # as conftest's VISIT: the build's day
    context.set_default_timeout(10_000)
    local = (site_server, "data:", "blob:", "about:")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local) else route.abort())
    shared = _Shared(context.new_page())
    shared.page.on("pageerror", lambda exc: shared.errors.append(f"{shared.page.url}: uncaught {exc}"))

    def on_console(message: Any) -> None:
        where = (message.location or {}).get("url", "")
        outside = message.text.startswith("Failed to load resource") and where and not where.startswith(local)
        if message.type == "error" and not outside:
            shared.errors.append(f"{shared.page.url}: console error {message.text} ({where})")

    shared.page.on("console", on_console)
    yield shared
    context.close()


@pytest.fixture(name="page")
def reused_page_fixture(shared_page_state: _Shared, js_errors: list[str]) -> Page:
    """Replaces conftest's `page` in the modules that import it: the module's page, reset to screen media at
    360 x 640. JavaScript errors go to js_errors, which fails the test (conftest)."""
    shared_page_state.errors = js_errors
    page = shared_page_state.page
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 360, "height": 640})
    return page
