"""Every listing prints as a clean one-page Letter flyer, in both languages, with a QR code to the listing.

Chromium prints the page to PDF in print media; the PDF's pages are counted. The
flyer keeps the family's answers and "How to apply", shows the QR code (inline SVG,
no outside service) and the permanent address, and drops the site's navigation.
"""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup
from playwright.sync_api import Page

from generator.present.view import View

from . import site_pages
from .site_pages import LANGS, ROOT, catalog, listings, url_of

# These tests only read pages: they share one browser context per module (see site_pages).
page_fixture, page_state_fixture = site_pages.reused_page_fixture, site_pages.shared_page_state_fixture

# The site's address as the build uses it (conftest builds without SITE_URL), for the permanent links.
# The configured URL: mkdocs.yml's `site_url: !ENV [SITE_URL, "<default>"]` (the build leaves SITE_URL unset).
SITE_URL = re.search(r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-sidebar--primary",
    ".wbl-footer",
    ".wbl-header-lang__link",
    ".wbl-skip",
    ".wbl-copy",
    ".wbl-print",
    ".wbl-apply__button",
    "#wbl-content h2:not(#apply-h)",
]


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF: the /Type /Page objects, which must agree with the page tree's /Count."""
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    tree = rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b"
    counts = [int(a or b) for a, b in re.findall(tree, pdf)]
    assert counts and pages == max(counts), (pages, counts)
    return pages


def test_pdf_page_counter() -> None:
    one = b"%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R] /Count 1>> endobj 2 0 obj <</Type /Page /Parent 1 0 R>> endobj"
    two = one.replace(b"/Count 1", b"/Count 2") + b" 3 0 obj <</Type /Page /Parent 1 0 R>> endobj"
    assert pdf_pages(one) == 1
    assert pdf_pages(two) == 2


@pytest.mark.parametrize("opp_id", [o.id for o in listings()])
def test_listing_prints_as_a_one_page_flyer(page: Page, site_server: str, opp_id: str) -> None:
    opp = catalog().opportunities[opp_id]
    for lang in LANGS:
        view = View(catalog(), lang, opp.url, SITE_URL)
        page.emulate_media(media="print")
        page.goto(url_of(site_server, lang, opp.url))
        where = f"{opp_id} ({lang})"

        assert pdf_pages(page.pdf(format="Letter")) == 1, f"{where} does not print on one page"

        qr = page.locator(".wbl-flyer-qr svg")
        assert qr.count() == 1 and qr.is_visible(), f"no QR code on the printed {where}"
        box = qr.bounding_box()
        assert box and box["width"] >= 90 and box["height"] >= 90, f"the QR code is too small to scan: {box}"
        assert qr.locator("path, rect").count() > 0
        assert page.locator(".wbl-flyer-qr img, .wbl-flyer-qr iframe").count() == 0, "the QR code must be inline"
        for selector in HIDDEN_IN_PRINT:
            shown = [el for el in page.locator(selector).all() if el.is_visible()]
            assert not shown, f"{selector} is printed on {where}"

        text = " ".join(page.locator("body").inner_text().split())
        wanted = {
            "title": view.plain(opp.text("title", lang)),
            "organization": view.plain(catalog().organizations[opp.org_id].text("name", lang)),
            "pay": view.pay(opp),
            "who can apply": view.grades(opp),
            "where": view.where(opp),
            "how to apply": " ".join(view.plain(opp.text_in("application", "how", lang)).split()),
            "permanent address": view.absolute(opp.url),
        }
        if opp.deadline or opp.rolling:
            # Paper outlasts "3 days left": the date alone (a passed deadline still says so).
            wanted["deadline"] = view.deadline_date(opp)
            counted = view.deadline_note(opp)
            if counted and opp.deadline and opp.deadline >= view.today:
                assert counted.lower() not in text.lower(), f"the printed {where} counts days: {counted}"
        if opp.start:
            # The first line of "When": the dates, or a one-day event's day with its times.
            wanted["when"] = " ".join(Markup(view.when_lines(opp)[0]).striptags().split())
        for label in ("pay", "who_can_apply", "when", "deadline", "where", "how_to_apply"):
            wanted[f"label {label}"] = view.t(label)
        missing = {k: v for k, v in wanted.items() if v.lower() not in text.lower()}
        assert not missing, f"the printed {where} lacks {missing}"
