"""Fixtures for tests that drive the built site in the real Chromium.

- `built_site`: the bundled catalog built once per session with the real MkDocs
  (as of 2026-11-22), browse and word indexes included.
- `site_server`: that folder served on 127.0.0.1 (random port); yields the base URL
  ending in "/".
- `browser`: Chromium from /usr/bin/chromium (or $WBL_CHROMIUM), headless. A
  missing browser fails the tests: it never skips them.
- `context_options`: options for new browser contexts; override this fixture in a
  test module to change the viewport, locale, or to turn JavaScript off.
- `new_context`: makes browser contexts that only reach the local server and that
  record page errors; `page` is a fresh page in such a context (360 x 640 px).
- `js_errors`: the JavaScript errors recorded so far in this test. Any error left in
  it at the end fails the test; a test that provokes an error on purpose clears it.

Every test in tests/browser/ is marked `browser` (`pytest -m "not browser"` skips them).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sitebuild import serve

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 22)
# The visitor's clock in every page: noon of the build's date. The browse script re-evaluates statuses against the
# device's today (status.js), so tests that expect the statuses of AS_OF must not depend on the machine's date;
# new_context(today=...) visits on another day.
VISIT = dt.datetime.combine(AS_OF, dt.time(12))
CHROMIUM = os.environ.get("WBL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A JavaScript error during the test fails the test itself (errors at teardown are reported there)."""
    result = yield
    errors = getattr(item, "funcargs", {}).get("js_errors")
    if errors:
        message = "JavaScript errors:\n" + "\n".join(errors)
        errors.clear()
        pytest.fail(message, pytrace=False)
    return result


@pytest.fixture(scope="session")
def built_site(bundled_site: Path) -> Path:
    """The bundled catalog, built with `mkdocs build --strict` (or WBL_ENGINE's engine), shared by the session."""
    out = bundled_site
    if not any((out / "browse-data" / "en" / "words").glob("*.json")):
        pytest.fail(f"The build in {out} did not write the word index", pytrace=False)
    return out


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, on a free port. Yields the base URL, ending in "/"."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium from the system (never downloaded)."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}. Browser tests need it: install Debian's `chromium` package "
            "(or set WBL_CHROMIUM to a Chromium binary). Do not run `playwright install`.",
            pytrace=False,
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.fail(f"Python Playwright is not installed ({exc}); install the `test` extra.", pytrace=False)
    with sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        except Exception as exc:  # a broken browser must fail loudly, not skip
            pytest.fail(f"Chromium at {CHROMIUM} did not start: {exc}", pytrace=False)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def context_options() -> dict[str, Any]:
    """Options for browser.new_context(); override in a module for another viewport, locale, or no JavaScript."""
    return {"viewport": {"width": 360, "height": 640}, "locale": "en-US"}


@pytest.fixture
def js_errors() -> list[str]:
    """JavaScript errors seen in this test's pages. Left non-empty, they fail the test."""
    return []


def _is_local(url: str, base: str) -> bool:
    return url.startswith(base) or url.startswith(("data:", "blob:", "about:"))


@pytest.fixture
def new_context(
    browser: Any, site_server: str, context_options: dict[str, Any], js_errors: list[str]
) -> Iterator[Callable[..., Any]]:
    """A factory of browser contexts (keyword arguments override context_options).

    Requests leave only for the local server: anything else (GitHub's API, which the
    theme asks for repository facts, or the production site URL) is aborted, so tests
    never depend on the network. Uncaught exceptions and console errors in any page
    are recorded in js_errors, except failed loads of those aborted outside URLs.
    """
    contexts = []

    def watch(page: Any) -> None:
        page.on("pageerror", lambda exc: js_errors.append(f"{page.url}: uncaught {exc}"))

        def on_console(message: Any) -> None:
            if message.type != "error":
                return
            where = (message.location or {}).get("url", "")
            if message.text.startswith("Failed to load resource") and where and not _is_local(where, site_server):
                return
            js_errors.append(f"{page.url}: console error {message.text} ({where})")

        page.on("console", on_console)

    def make(today: dt.datetime = VISIT, **overrides: Any) -> Any:
        context = browser.new_context(**{**context_options, **overrides})
        context.clock.set_fixed_time(today)
        context.set_default_timeout(10_000)
        context.route("**/*", lambda route: route.continue_() if _is_local(route.request.url, site_server) else route.abort())
        context.on("page", watch)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    if js_errors:
        pytest.fail("JavaScript errors:\n" + "\n".join(js_errors), pytrace=False)


@pytest.fixture
def page(new_context: Callable[..., Any]) -> Any:
    """A fresh page (360 x 640 by default) in its own context. Any JavaScript error fails the test."""
    return new_context().new_page()
