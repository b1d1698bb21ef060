"""No page is heavy on a phone: every HTML page of a five-region catalog, whose indexes are full (a hundred cards to
a browse page, a sector page at its limit), stays within MAX_PAGE_BYTES in every language. The guides are
measured too: their size comes from the schemas, so a field added to a schema counts here."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sitebuild import AS_OF, build_site

from generator.commands.synth import synthesize
from generator.present.view import PAGE_SIZE

MAX_PAGE_BYTES = 100_000
LISTINGS = 1200  # enough for the largest sectors to fill their page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("weight")
    synthesize(root / "catalog", LISTINGS, seed=7, as_of=dt.date.fromisoformat(AS_OF), regions=5)
    build_site(root / "site", root / "catalog")
    return root / "site"


def cards(page: Path) -> int:
    """The listing cards a page writes (the browse page's template of a card left out)."""
    html = re.sub(r"<template.*?</template>", "", page.read_text(encoding="utf-8"), flags=re.S)
    return html.count('<li class="wbl-card">')


def test_no_page_is_over_the_limit(site: Path) -> None:
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    assert len(sizes) > 2 * LISTINGS
    heavy = {path: size for path, size in sizes.items() if size > MAX_PAGE_BYTES}
    assert not heavy, f"pages over {MAX_PAGE_BYTES} bytes: {heavy}"


@pytest.mark.parametrize("lang", ["", "es/"])
def test_the_pages_measured_are_full(site: Path, lang: str) -> None:
    """The limit holds where pages are largest: browse pages and sector pages of a hundred cards."""
    assert cards(site / lang / "opportunities/index.html") == PAGE_SIZE
    assert cards(site / lang / "opportunities/page/2/index.html") == PAGE_SIZE
    assert max(cards(p) for p in (site / lang / "sectors").glob("*/index.html")) == PAGE_SIZE
    for guide in ("contribute/", "contribute/new/", "contribute/region/", "data/", "data/fields/", "coverage/"):
        assert (site / lang / guide / "index.html").is_file(), guide
