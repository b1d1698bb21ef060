"""The form that writes a new listing (/contribute/new/), driven like an employer on a phone.

The YAML the page produces is written into a copy of the bundled catalog and checked with the real checker; a
wrong value shows the problem in the words the checker prints for the same file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from conftest import AS_OF, ROOT

from generator.check.problems import as_text
from generator.model.checked import check_catalog

ORG = "crossroads-youth-staffing"
SLUG = "summer-clinic-aide-internship"


def fill_listing(page: Any, base: str, lang: str = "") -> None:
    """What an employer types for a first listing: the required fields and the common ones, one tap at a time."""
    page.goto(base + lang + "contribute/new/")
    page.locator("#wbl-cform-form").wait_for(state="visible")
    page.select_option("#cf-organization", ORG)
    page.locator("#cf-title").press_sequentially("Summer Clinic Aide Internship")
    page.fill("#cf-summary", "A paid summer internship helping the front desk and nurses of a community clinic.")
    page.fill(
        "#cf-description", "Interns greet patients, keep rooms ready and learn how a clinic runs.\n\n- Weekly mentor check-ins"
    )
    page.select_option("#cf-format", "internship")
    page.select_option("#cf-stage", "training")
    page.locator('[data-field="sectors"] input[value="Health Science and Medical Technology"]').check()
    page.select_option("#cf-pay-type", "paid")
    page.fill("#cf-pay-amount", "18.5")
    page.select_option("#cf-pay-unit", "hour")
    page.fill("#cf-employer_of_record", "self")  # the checker asks a paid listing who has the students on payroll
    page.fill("#cf-eligibility-grades-min", "11")
    page.fill("#cf-eligibility-grades-max", "12")
    page.fill("#cf-schedule-start", "2027-06-21")
    page.fill("#cf-schedule-end", "2027-07-30")
    page.fill("#cf-schedule-hours_per_week", "20")
    page.select_option("#cf-application-mode", "apply")
    page.fill("#cf-application-how", "Apply online with a short form; we call you within a week.")
    page.fill("#cf-application-url", "https://example.org/clinic-aide")
    page.fill("#cf-application-deadline", "2027-04-15")
    item = page.locator('[data-list="sites"] [data-item]').first
    item.locator('[data-field="sites.name"] input').fill("Community clinic, Long Beach")
    item.locator('[data-field="sites.city"] input').fill("Long Beach")
    item.locator('[data-field="sites.zip"] input').fill("90802")
    item.locator('[data-field="sites.mode"] select').select_option("in-person")
    page.fill("#cf-contact-role", "Youth programs office")
    page.fill("#cf-contact-email", "internships@example.org")


def produced(page: Any) -> str:
    return str(page.locator("#cf-yaml").inner_text())


def checked_with(tmp_path: Path, text: str) -> list[str]:
    """The checker's problems for a copy of the bundled catalog with the produced file added."""
    catalog = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", catalog)
    target = catalog / "employers" / ORG / f"{SLUG}.yml"
    target.write_text(text, encoding="utf-8")
    result = check_catalog(catalog, as_of=AS_OF)
    return [line for line in as_text(result.problems) if ": error: " in line]


def test_an_employer_fills_the_form_and_the_file_passes_the_checker(page: Any, site_server: str, tmp_path: Path) -> None:
    fill_listing(page, site_server)
    assert page.locator("#cf-id").input_value() == SLUG  # made from the title
    assert page.locator("#cf-status").inner_text() == "No problems found: the listing is ready to submit."
    text = produced(page)
    assert "title: Summer Clinic Aide Internship" in text and "example: false" in text
    assert checked_with(tmp_path, text) == []

    # The preview is the site's own card, filled in.
    card = page.locator("#cf-preview .wbl-card")
    assert card.locator('[data-slot="title"]').inner_text() == "Summer Clinic Aide Internship"
    assert "$18.50" in card.locator('[data-slot="pay"]').inner_text()

    # "Submit on GitHub" opens GitHub's editor for the new file, with the YAML as its content.
    href = page.locator("#cf-submit").get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/wbl-catalog/wbl-catalog/new/main"
    query = parse_qs(parts.query)
    assert query["filename"] == [f"catalog/employers/{ORG}/{SLUG}.yml"]
    assert query["value"] == [text]


def test_the_spanish_form_writes_the_same_file(page: Any, site_server: str, tmp_path: Path) -> None:
    fill_listing(page, site_server, "es/")
    assert page.locator("label[for=cf-title]").inner_text().startswith("Título")
    assert checked_with(tmp_path, produced(page)) == []


def test_a_wrong_value_shows_the_checkers_words(page: Any, site_server: str, tmp_path: Path) -> None:
    fill_listing(page, site_server)
    page.fill("#cf-eligibility-grades-max", "30")
    shown = page.locator('[data-field="eligibility.grades.max"] > [data-problem]')
    assert shown.is_visible()
    message = shown.inner_text()
    assert message == "`eligibility.grades.max` is 30, but it must be at most 14. Use a number up to 14."
    assert page.locator("#cf-submit").get_attribute("aria-disabled") == "true"
    errors = checked_with(tmp_path, produced(page))
    assert len(errors) == 1 and errors[0].endswith(message), errors


def test_the_form_loads_nothing_from_another_host(page: Any, site_server: str) -> None:
    """Its scripts (the validator and the YAML writer included), styles and data come from the site itself. Nor does
    the theme ask GitHub's API for the repository's facts (the header leaves out Material's repository box)."""
    requests: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append((request.resource_type, request.url)))
    page.goto(site_server + "contribute/new/")
    page.locator("#wbl-cform-form").wait_for(state="visible")
    scripts = [url for kind, url in requests if kind == "script"]
    assert any(url.endswith("/assets/vendor/cfworker-json-schema/index.js") for url in scripts)
    assert any(url.endswith("/assets/vendor/yaml/index.js") for url in scripts)
    foreign = [url for _, url in requests if not url.startswith((site_server, "data:"))]
    assert foreign == []
