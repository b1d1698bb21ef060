"""The form that writes a new listing (/contribute/new/), driven like an employer on a phone.

The YAML the page produces is written into a copy of the bundled catalog and checked with the real checker; a
wrong value shows the problem in the words the checker prints for the same file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import AS_OF, ROOT

from generator import i18n
from generator.check.problems import as_text
from generator.model.checked import check_catalog

ORG = "crossroads-youth-staffing"
SLUG = "summer-clinic-aide-internship"


def fill_listing(page: Any, base: str, lang: str = "") -> None:
    """What an employer types for a first listing: the required fields and the common ones, one tap at a time."""
    page.goto(base + lang + "contribute/new/")
    page.locator("#wbl-cform-form").wait_for(state="visible")
    # Typed: the suggestions come from organizations.json, and the page carries no list of its own.
    page.locator("#cf-organization").press_sequentially(ORG)
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
    if not catalog.exists():  # a test may check several versions of the file
        shutil.copytree(ROOT / "catalog", catalog)
    target = catalog / "employers" / ORG / f"{SLUG}.yml"
    target.write_text(text, encoding="utf-8")
    result = check_catalog(catalog, as_of=AS_OF)
    return [line for line in as_text(result.problems) if ": error: " in line]


def assert_card_has_no_empty_parts(card: Any) -> None:
    """As on the browse page, a part the listing does not have (a track, a distance) goes with its separator."""
    assert card.locator('[data-slot="track"], [data-slot="distance"]').count() == 0
    for line in card.inner_text().splitlines():
        assert "· ·" not in line and not line.strip().endswith("·") and not line.strip().startswith("·"), line


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
    assert card.locator('[data-slot="pay"]').inner_text() == f"{i18n.t('paid', 'en')}: $18.50 {i18n.t('per_hour', 'en')}"
    assert_card_has_no_empty_parts(card)

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
    # The preview writes pay as the Spanish site does ("Pagada: $18.50 por hora", not "18,50 US$").
    card = page.locator("#cf-preview .wbl-card")
    assert card.locator('[data-slot="pay"]').inner_text() == f"{i18n.t('paid', 'es')}: $18.50 {i18n.t('per_hour', 'es')}"
    assert_card_has_no_empty_parts(card)
    # A section's name and "(obligatorio)" stay apart, and the choices have no bullets.
    summary = page.locator('[data-section="pay"] > summary')
    assert summary.inner_text().split() == [i18n.t("cform_pay", "es"), f"({i18n.t('cform_required', 'es')})"]
    space = summary.evaluate("(s) => s.children[1].getBoundingClientRect().left - s.children[0].getBoundingClientRect().right")
    assert space >= 3, space
    bullet = page.locator(".wbl-cform__choices > li").first.evaluate("(li) => getComputedStyle(li).listStyleType")
    assert bullet == "none"


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


def shown_at(page: Any, field: str) -> str:
    """The problem shown under a field (empty when none is)."""
    problem = page.locator(f'[data-field="{field}"] > [data-problem]').first
    return str(problem.inner_text()) if problem.is_visible() else ""


def test_a_paid_listing_asks_for_the_employer_of_record_in_the_checkers_words(
    page: Any, site_server: str, tmp_path: Path
) -> None:
    fill_listing(page, site_server)
    page.fill("#cf-employer_of_record", "")
    message = shown_at(page, "employer_of_record")
    assert message == (
        "A listing with pay type `paid` must say who the employer of record is. "
        "Add `employer_of_record: self`, or the id of the organization that puts students on payroll."
    )
    assert page.locator("#cf-submit").get_attribute("aria-disabled") == "true"
    errors = checked_with(tmp_path, produced(page))
    assert len(errors) == 1 and errors[0].endswith(message), errors

    # `self`, the usual answer, is one tap away.
    page.locator('[data-field="employer_of_record"] [data-choose="self"]').click()
    assert page.locator("#cf-employer_of_record").input_value() == "self"
    assert shown_at(page, "employer_of_record") == ""
    assert page.locator("#cf-submit").get_attribute("aria-disabled") == "false"
    assert checked_with(tmp_path, produced(page)) == []


# What a first-time employer gets wrong that only the checker's own rules catch: the change, the field where the
# form shows it, and the start of the message (the rest is compared with the checker's own output).
CROSS_FIELD = [
    ("deadline", lambda p: p.fill("#cf-application-deadline", ""), "application.deadline", "An open listing needs a deadline"),
    ("opens", lambda p: p.fill("#cf-application-opens", "2027-05-01"), "application.deadline", "`application.deadline` (2027-04-15) is before"),
    ("end", lambda p: p.fill("#cf-schedule-end", "2027-06-01"), "schedule.end", "`schedule.end` (2027-06-01) is before"),
    ("grades", lambda p: p.fill("#cf-eligibility-grades-min", "12") or p.fill("#cf-eligibility-grades-max", "10"), "eligibility.grades.min", "The lowest grade (12)"),
    ("city", lambda p: p.locator('[data-field="sites.city"] input').first.fill(""), "sites.city", "The required key `city` is missing"),
]  # fmt: skip


@pytest.mark.parametrize("name, change, field, start", CROSS_FIELD, ids=[c[0] for c in CROSS_FIELD])
def test_rules_between_fields_read_as_the_checker_prints_them(
    page: Any, site_server: str, tmp_path: Path, name: str, change: Any, field: str, start: str
) -> None:
    fill_listing(page, site_server)
    if name == "opens":
        page.locator('[data-section="application"] .wbl-cform__more > summary').first.click()
    change(page)
    message = shown_at(page, field)
    assert message.startswith(start), message
    errors = checked_with(tmp_path, produced(page))
    assert any(error.endswith(message) for error in errors), (message, errors)


def test_the_spanish_title_and_summary_are_optional_and_pass_the_checker(page: Any, site_server: str, tmp_path: Path) -> None:
    fill_listing(page, site_server, "es/")
    section = page.locator('[data-section="translations.es"]')
    assert section.locator("summary").first.inner_text() == "En español"
    assert section.get_attribute("open") is None  # optional: folded until wanted
    section.locator("summary").first.click()
    page.fill("#cf-translations-es-title", "Pasantía de verano como asistente de clínica")
    page.fill("#cf-translations-es-summary", "Una pasantía pagada de verano en una clínica comunitaria.")
    text = produced(page)
    assert "translations:\n  es:\n    title: Pasantía de verano como asistente de clínica\n" in text
    assert page.locator("#cf-status").inner_text() == i18n.t("cform_status_ok", "es")
    assert checked_with(tmp_path, text) == []
    page.goto(site_server + "contribute/new/")
    assert page.locator('[data-section="translations.es"] > summary').inner_text() == "In Spanish"


def test_the_organization_is_typed_and_an_unknown_one_is_told(page: Any, site_server: str, tmp_path: Path) -> None:
    fill_listing(page, site_server)
    assert page.locator(f'#cf-organization-choices option[value="{ORG}"]').count() == 1
    assert page.locator("#cf-organization-chosen").inner_text() == "The listing goes in the folder of Crossroads Youth Staffing."
    page.fill("#cf-organization", "crossroads-youth-stafing")
    message = shown_at(page, "organization")
    assert message == (
        "The folder catalog/employers/crossroads-youth-stafing/ has no organization.yml. "
        "Add organization.yml describing the organization (see CONTRIBUTING.md)."
    )
    assert page.locator("#cf-submit").get_attribute("aria-disabled") == "true"
    # The full name, as the suggestions show it, is taken for its folder.
    page.fill("#cf-organization", "Crossroads Youth Staffing")
    assert shown_at(page, "organization") == ""
    assert page.locator("#cf-file-path").inner_text() == f"catalog/employers/{ORG}/{SLUG}.yml"
    assert page.locator("#cf-submit").get_attribute("aria-disabled") == "false"


def test_an_organization_being_typed_for_the_first_time_is_judged_once_it_is_left(page: Any, site_server: str) -> None:
    """Each letter typed would be a folder that does not exist: the field says nothing until the employer leaves it."""
    page.goto(site_server + "es/contribute/new/")
    page.locator("#wbl-cform-form").wait_for(state="visible")
    field = page.locator("#cf-organization")
    field.press_sequentially("crossroads")
    assert shown_at(page, "organization") == ""
    field.press("Tab")
    assert "catalog/employers/crossroads/" in shown_at(page, "organization")


@pytest.mark.parametrize("lang", ["", "es/"])
def test_without_its_rules_the_form_says_so_and_stays_hidden(
    page: Any, site_server: str, lang: str, js_errors: list[str]
) -> None:
    """rules.json holds the checks; a form that could not read it would accept anything, so it is not shown."""
    page.route("**/contribute/new/rules.json", lambda route: route.fulfill(status=404, body="not found"))
    page.goto(site_server + lang + "contribute/new/")
    banner = page.locator("#cf-unavailable")
    banner.wait_for(state="visible")
    code = "es" if lang else "en"
    assert i18n.t("cform_unavailable", code) in banner.inner_text()
    assert not page.locator("#wbl-cform-form").is_visible()
    # The browser reports the refused file, and nothing else went wrong.
    assert js_errors and all("Failed to load resource" in e and "rules.json" in e for e in js_errors), js_errors
    js_errors.clear()


def test_the_help_of_every_field_comes_from_the_rules(page: Any, site_server: str) -> None:
    """Each field's help is written in from rules.json, in the form and in a list's added items, marked English."""
    rules = json.loads((ROOT / "schemas" / "opportunity.schema.json").read_text(encoding="utf-8"))
    pay = rules["properties"]["pay"]
    page.goto(site_server + "es/contribute/new/")
    page.locator("#wbl-cform-form").wait_for(state="visible")
    help_ = page.locator("#cf-pay-help [data-help]")
    assert help_.get_attribute("lang") == "en" and help_.inner_text() == pay["description"]
    sites = page.locator('[data-list="sites"] [data-item]')
    assert sites.count() >= 1
    assert sites.first.locator("p.wbl-cform__help [data-help]").count() >= 1
