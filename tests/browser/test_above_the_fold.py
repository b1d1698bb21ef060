"""A family on a phone sees the answers first: at 360 x 740, a listing's pay, who can apply, when, where and its next
step are all on the first screen, in English and in Spanish, whatever the listing's application mode.

The next step follows the mode: the Apply (or lottery, interest form, register) button of an open listing; the
paper application's place when there is no link; "No application needed" for mode none; before applications
open, the date they open, with no primary button. Every open or upcoming bundled listing is checked; modes that
no bundled listing uses (or uses only before it opens) get a tiny listing of their own in a copy of the catalog.
One build, one browser page, many listings.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page
from sitebuild import build_site, serve

from generator import i18n
from generator.model import Catalog, Opportunity
from generator.model.checked import check_catalog
from generator.model.status import status_on

from .site_pages import AS_OF, LANGS, ROOT

VIEWPORT = {"width": 360, "height": 740}
FOLD = VIEWPORT["height"]
MODES = ("apply", "central", "lottery", "interest-form", "paper", "class-registration", "none")
ORG = "fold-check-youth-programs"

ORGANIZATION = {
    "example": True,
    "name": "Fold Check Youth Programs",
    "kind": "intermediary",
    "sectors": ["Public Services"],
    "summary": "A fictional city youth office that runs summer programs.",
    "description": "Summer jobs, workshops and open days for young people.",
    "locations": [{"name": "Youth office", "city": "Long Beach", "zip": "90802"}],
    "contact": {"role": "Youth programs office", "email": "youth@example.org"},
    "last_reviewed": "2026-10-01",
}


def fixture_listing(mode: str, **changes: Any) -> dict[str, Any]:
    """An open listing of one application mode, with the longer facts real programs have (notes, two sites);
    a change to None removes the field."""
    data: dict[str, Any] = {
        "example": True,
        "title": f"Summer youth program ({mode})",
        "summary": "Six weeks of paid summer work in city departments.",
        "description": "Work in a city department with a supervisor.",
        "employer_of_record": "self",
        "format": "summer-youth-employment",
        "stage": "training",
        "sectors": ["Public Services"],
        "pay": {"type": "paid", "amount": 17.28, "unit": "hour", "funded_by": "City youth jobs program"},
        "eligibility": {"age": {"min": 14, "max": 24}, "status": ["in-school", "out-of-school"]},
        "schedule": {"season": "summer", "start": "2027-06-28", "end": "2027-08-06", "hours_per_week": 20},
        "application": {
            "mode": mode,
            "how": "Fill in the form; the city places you at a worksite near home.",
            "url": "https://example.org/summer",
            "opens": "2026-11-01",
            "deadline": "2027-03-15",
        },
        "sites": [
            {"name": "City Hall", "city": "Long Beach", "zip": "90802", "mode": "in-person"},
            {"name": "Parks yard", "city": "Long Beach", "zip": "90805", "mode": "in-person"},
        ],
        "contact": {"role": "Youth programs office", "email": "youth@example.org"},
        "status": "open",
        "last_reviewed": "2026-10-01",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# Modes the bundled catalog may not show open: a listing each (the catalog itself is never edited).
FIXTURES: dict[str, dict[str, Any]] = {
    "lottery": fixture_listing("lottery"),
    "interest-form": fixture_listing("interest-form"),
    "class-registration": fixture_listing(
        "class-registration",
        format="career-talk",
        stage="awareness",
        pay={"type": "free"},
        employer_of_record=None,
        eligibility={"grades": {"min": 6, "max": 8}},
        schedule={"start": "2027-04-14", "end": "2027-04-14", "times": "10 to 11 a.m."},
    ),
    "none": fixture_listing(
        "none",
        format="career-fair",
        stage="awareness",
        pay={"type": "free"},
        employer_of_record=None,
        application={"mode": "none", "how": "Just come; bring a friend.", "rolling": True},
        schedule={"start": "2027-03-06", "end": "2027-03-06", "times": "10 a.m. to 2 p.m."},
    ),
}


@pytest.fixture(scope="module")
def fold_catalog(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalog]:
    """A copy of the bundled catalog with the fixture listings, checked as of the tests' date."""
    root = tmp_path_factory.mktemp("fold") / "catalog"
    shutil.copytree(ROOT / "catalog", root)
    folder = root / "employers" / ORG
    folder.mkdir()
    (folder / "organization.yml").write_text(yaml.safe_dump(ORGANIZATION, allow_unicode=True), encoding="utf-8")
    for mode, data in FIXTURES.items():
        (folder / f"{mode}-listing.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, "\n".join(f"{p.path}: {p.message}" for p in checked.errors)
    return root, checked.catalog


@pytest.fixture(scope="module")
def fold_server(fold_catalog: tuple[Path, Catalog], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """That catalog built once and served on 127.0.0.1; yields the base URL."""
    out = tmp_path_factory.mktemp("fold-site") / "site"
    build_site(out, fold_catalog[0])

    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def phone(browser: Any, fold_server: str) -> Iterator[Page]:
    """One page at 360 x 740 that reaches only the local server."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.set_default_timeout(10_000)
    local = (fold_server, "data:", "blob:", "about:")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local) else route.abort())
    page = context.new_page()
    yield page
    context.close()


def status_of(opp: Opportunity) -> str:
    """open, upcoming (open, applications later or not announced yet) or another status, as the page's badge says."""
    return status_on(opp, AS_OF)


def checked_listings(catalog: Catalog) -> list[Opportunity]:
    """Every open or upcoming listing: the ones whose next step a family can take, now or later."""
    return sorted((o for o in catalog.opportunities.values() if status_of(o) in ("open", "upcoming")), key=lambda o: o.id)


def next_step(opp: Opportunity) -> tuple[str, str]:
    """(CSS selector, what it is) of the next step the listing's page must show on the first screen."""
    mode, app = opp.application_mode, opp.section("application")
    if mode == "none":
        return ".wbl-apply__mode", "no application needed"
    if status_of(opp) == "upcoming":
        return ".wbl-apply__opens", "the date applications open"
    if app.get("url") or app.get("email"):
        return ".wbl-apply__button.md-button--primary", "the apply button"
    if mode == "paper":
        return ".wbl-apply__where", "where to get the paper application"
    return ".wbl-apply__mode", "how to take part"


FACTS = ("pay", "who_can_apply", "when", "where")

# Each fact's box (its label and value) and the next step's, by their labels in the page's language.
BOXES = """([labels, selector]) => {
  const out = {};
  // The listing's first facts (a listing with tracks has more lists of facts further down).
  for (const div of document.querySelector(".wbl-facts").querySelectorAll(":scope > div")) {
    const label = div.querySelector("dt").textContent.trim();
    if (labels.includes(label)) out[label] = div.getBoundingClientRect().toJSON();
  }
  const step = Array.from(document.querySelectorAll(selector)).filter(e => e.getClientRects().length);
  out.step = step.length === 1 ? step[0].getBoundingClientRect().toJSON() : step.length;
  out.primary = document.querySelectorAll(".wbl-apply .md-button--primary").length;
  return out;
}"""


def test_every_mode_and_both_statuses_are_checked(fold_catalog: tuple[Path, Catalog]) -> None:
    found = {(o.application_mode, status_of(o)) for o in checked_listings(fold_catalog[1])}
    assert {mode for mode, _ in found} == set(MODES), found
    assert {status for _, status in found} == {"open", "upcoming"}
    # The bundled catalog is used wherever it has a listing of the mode; fixtures fill only the gaps.
    bundled = {o.application_mode for o in checked_listings(fold_catalog[1]) if o.org_id != ORG}
    assert {"apply", "central", "paper"} <= bundled


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_screen_answers_and_shows_the_next_step(
    phone: Page, fold_server: str, fold_catalog: tuple[Path, Catalog], lang: str
) -> None:
    labels = {key: i18n.t(key, lang) for key in FACTS}
    failures = []
    for opp in checked_listings(fold_catalog[1]):
        phone.goto(fold_server + ("es/" if lang == "es" else "") + opp.url)
        selector, what = next_step(opp)
        boxes = phone.evaluate(BOXES, [list(labels.values()), selector])
        where = f"{opp.id} ({opp.application_mode}, {status_of(opp)})"
        for label in labels.values():
            box = boxes.get(label)
            if not box or box["height"] <= 0:
                failures.append(f"{where}: no {label!r} fact")
            elif box["bottom"] > FOLD:
                failures.append(f"{where}: {label!r} ends at {box['bottom']:.0f} px")
        step = boxes["step"]
        if not isinstance(step, dict):
            failures.append(f"{where}: {step} visible elements for {what} ({selector})")
        elif step["bottom"] > FOLD:
            failures.append(f"{where}: {what} ends at {step['bottom']:.0f} px")
        # Nothing to press where there is nothing to apply to yet, or at all.
        if (status_of(opp) == "upcoming" or opp.application_mode == "none") and boxes["primary"]:
            failures.append(f"{where}: an active primary button")
    assert failures == [], f"below the first {FOLD} px at 360 px wide ({lang}):\n" + "\n".join(failures)
