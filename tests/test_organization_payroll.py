"""An organization's page lists the other organizations' programs it is employer of record for: those that name
it alone, and those that name it among several possible employers of record (whichever enrolls the student)."""

from __future__ import annotations

import re

import pytest
from conftest import clean_catalog, copy_fixture, write_variants

from generator.render.site import SiteRenderer

SITE = "https://wbl.example.org/"
STAFFING = """example: true
name: Crossroads Youth Staffing
kind: staffing-agency
sectors:
  - Manufacturing and Product Development
summary: Puts young workers on payroll for host employers.
description: |
  Crossroads hires interns for employers that cannot.
website: https://example.org/crossroads
locations:
  - name: Main office
    city: Long Beach
    zip: "90802"
contact:
  role: Placement office
  email: placements@example.org
employer_of_record:
  own_placements: false
  for_other_employers: true
last_reviewed: "2026-10-01"
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The staffing agency's and Acme's pages, in each language: Acme has one listing whose employer of record is
    the agency alone, one where it is one of several, and its own."""
    root = copy_fixture("minimal", tmp_path_factory.mktemp("payroll"))
    folder = root / "employers" / "crossroads-youth-staffing"
    folder.mkdir()
    (folder / "organization.yml").write_text(STAFFING, encoding="utf-8")
    write_variants(
        root,
        {
            "alone": {"employer_of_record": "crossroads-youth-staffing"},
            "among": {"employer_of_record": ["crossroads-youth-staffing", "provider"]},
        },
    )
    catalog = clean_catalog(root)
    renderer = SiteRenderer(catalog, SITE)
    out = {}
    for lang in catalog.langs:
        for org in ("crossroads-youth-staffing", "acme"):
            out[f"{org}:{lang}"] = renderer.organization(catalog.organizations[org], lang).body
    return out


def items(html: str) -> list[str]:
    """The list items of the "employer of record for" section, tags removed."""
    section = html.split('id="payroll-h"', 1)[1].split("</ul>", 1)[0]
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", section, re.DOTALL)]


def test_lists_the_programs_it_is_employer_of_record_for_alone_and_among_several(pages: dict[str, str]) -> None:
    html = pages["crossroads-youth-staffing:en"]
    assert "Employer of record for these programs (2)" in html
    assert items(html) == [
        "Listing alone, a program of Acme Fabrication. This organization puts its students on payroll.",
        "Listing among, a program of Acme Fabrication. One of several possible employers of record: "
        "whichever enrolls the student.",
    ]
    section = html.split('id="payroll-h"', 1)[1].split("</ul>", 1)[0]
    assert '<a href="../../opportunities/acme/among/">Listing among</a>' in section
    assert '<a href="../acme/">Acme Fabrication</a>' in section


def test_in_spanish(pages: dict[str, str]) -> None:
    html = pages["crossroads-youth-staffing:es"]
    assert "Empleador oficial de estos programas (2)" in html
    found = items(html)
    assert len(found) == 2
    assert found[0].endswith(", un programa de Acme Fabrication. Esta organización pone a sus estudiantes en su nómina.")
    assert found[1].endswith(
        ", un programa de Acme Fabrication. Uno de varios posibles empleadores oficiales: el que inscriba al estudiante."
    )
    section = html.split('id="payroll-h"', 1)[1].split("</ul>", 1)[0]
    # The listing has no Spanish title: its English one is marked as English.
    assert '<a href="../../opportunities/acme/alone/"><span lang="en">Listing alone</span></a>' in section
    assert '<a href="../acme/">' in section


def test_an_organization_is_not_listed_as_employer_of_record_for_its_own_programs(pages: dict[str, str]) -> None:
    for lang in ("en", "es"):
        assert 'id="payroll-h"' not in pages[f"acme:{lang}"]
