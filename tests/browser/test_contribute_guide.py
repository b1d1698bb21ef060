"""The employer guide (/contribute/) on a phone: the form, the GitHub steps and the examples come before the field
reference, and all of them fit in eight screens."""

from __future__ import annotations

from typing import Any

import pytest

PHONE = {"width": 360, "height": 740}
SCREENS = 8


@pytest.fixture
def context_options() -> dict[str, Any]:
    return {"viewport": PHONE, "locale": "en-US"}


@pytest.mark.parametrize("lang", ["", "es/"])
def test_the_guide_before_the_reference_fits_in_eight_phone_screens(page: Any, site_server: str, lang: str) -> None:
    page.goto(site_server + lang + "contribute/")
    top = page.evaluate("document.getElementById('field-reference').getBoundingClientRect().top + window.scrollY")
    assert 0 < top <= SCREENS * PHONE["height"], f"the field reference starts at {top}px"
    # Nothing wider than the phone pushes the page sideways (long YAML lines scroll inside their own box).
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The call to action is on the first screen.
    button = page.locator(".wbl-cform-link a").bounding_box()
    assert button is not None and button["y"] + button["height"] <= PHONE["height"]


def test_the_reference_opens_one_group_at_a_time(page: Any, site_server: str) -> None:
    page.goto(site_server + "contribute/")
    group = page.locator("#ref-opportunity-pay")
    table = group.locator("table")
    assert not table.is_visible()
    group.locator("summary").click()
    assert table.is_visible()
    assert table.locator("td code", has_text="employer_of_record").first.is_visible()
