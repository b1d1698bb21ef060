"""Regions as data (generator/model/regions.py): a site is in the region of its area, a listing in its sites'
regions (else its organization's), and a build publishes the regions its configuration selects.

The fixture is the minimal catalog with a second region: Los Angeles (Long Beach) and the Inland Empire
(Riverside), one listing in each, and an online listing of the Inland Empire organization.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, ROOT, copy_fixture, edit
from sitebuild import build_site

from generator.check import combine, places
from generator.check.discover import shown_path
from generator.check.problems import as_text
from generator.exports import feed, records
from generator.exports.dates import ChangeDates
from generator.model import Catalog, regions
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render import facets, region_choice

REGIONS = """\
items:
  - id: los-angeles
    name: Los Angeles
    name_es: Los Ángeles
    counties: [Los Angeles]
  - id: inland-empire
    name: Inland Empire
    name_es: Inland Empire
    counties: [Riverside, San Bernardino]
    hub_name: Inland Empire Career Pathways Hub
    hub_url: https://example.org/ie-hub
    zip_ranges: ["92501-92599", "92860"]
"""

AREAS = """\
items:
  - id: south-bay-harbor
    name: South Bay and Harbor
    name_es: South Bay y el puerto
    region: los-angeles
    cities:
      - Long Beach
    zips:
      - "90802"
  - id: riverside-corona
    name: Riverside and Corona
    name_es: Riverside y Corona
    region: inland-empire
    cities:
      - Riverside
    zips:
      - "92501"
  - id: online
    name: Online
    name_es: En línea
    region: los-angeles
"""

ORGANIZATION_IE = """\
example: true
name: Citrus Clinic
kind: employer
sectors:
  - Manufacturing and Product Development
summary: A clinic in Riverside.
description: |
  A clinic.
locations:
  - name: Clinic
    city: Riverside
    zip: "92501"
contact:
  role: Office
  email: clinic@example.org
last_reviewed: "2026-10-15"
"""


def two_regions(dest: Path) -> Path:
    """The minimal catalog with the Inland Empire beside Los Angeles."""
    root = copy_fixture("minimal", dest)
    (root / "vocabularies" / "regions.yml").write_text(REGIONS, encoding="utf-8")
    (root / "vocabularies" / "areas.yml").write_text(AREAS, encoding="utf-8")
    listing = (root / "employers" / "acme" / "welding-intern.yml").read_text(encoding="utf-8")
    org = root / "employers" / "citrus-clinic"
    org.mkdir()
    (org / "organization.yml").write_text(ORGANIZATION_IE, encoding="utf-8")
    riverside = listing.replace("title: Welding Internship", "title: Riverside Welding Internship")
    riverside = riverside.replace('city: Long Beach\n    zip: "90802"', 'city: Riverside\n    zip: "92501"')
    (org / "riverside-welding.yml").write_text(riverside, encoding="utf-8")
    online = riverside.replace("title: Riverside Welding Internship", "title: Online Welding Class")
    online = online.replace('    city: Riverside\n    zip: "92501"\n    mode: in-person', "    mode: remote")
    (org / "online-welding.yml").write_text(online, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return two_regions(tmp_path_factory.mktemp("regions"))


@pytest.fixture(scope="module")
def catalog(root: Path) -> Catalog:
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    return checked.catalog


def problems(root: Path) -> list[str]:
    checked = check_catalog(root, as_of=AS_OF)
    return as_text(checked.errors)


# -- the checker -------------------------------------------------------------------------------------------


def test_an_area_naming_an_unknown_region_is_located(tmp_path: Path) -> None:
    root = two_regions(tmp_path)
    edit(root / "vocabularies" / "areas.yml", "region: inland-empire", "region: inland-empir")
    found = problems(root)
    assert any(
        ":13:13: error: `items`, item 2, `region` names the region `inland-empir`, which is not in "
        "catalog/vocabularies/regions.yml"
        in line
        and "inland-empire" in line.split("regions.yml", 1)[1]  # did you mean
        for line in found
    ), found


def test_an_area_without_a_region_is_refused_when_there_are_several(tmp_path: Path) -> None:
    root = two_regions(tmp_path)
    edit(root / "vocabularies" / "areas.yml", "    region: inland-empire\n", "")
    found = problems(root)
    assert any("The area `riverside-corona` names no region, and regions.yml has 2" in line for line in found), found


def test_a_hub_is_an_organization_or_a_name_with_its_page(tmp_path: Path) -> None:
    root = two_regions(tmp_path)
    path = root / "vocabularies" / "regions.yml"
    edit(path, "    hub_url: https://example.org/ie-hub\n", "")
    found = problems(root)
    assert any(":10:15: error: The region `inland-empire` gives `hub_name` but not `hub_url`" in line for line in found), found
    edit(path, "    hub_name: Inland Empire", "    hub: acme\n    hub_name: Inland Empire")
    found = problems(root)
    assert any("names its hub twice: `hub` (an organization of the catalog) and `hub_name`" in line for line in found), found
    assert not any("but not `hub_url`" in line for line in found)


def test_a_zip_code_of_an_area_outside_its_regions_ranges_is_located(tmp_path: Path) -> None:
    root = two_regions(tmp_path)
    edit(root / "vocabularies" / "areas.yml", '      - "92501"', '      - "92501"\n      - "91761"')
    found = problems(root)
    assert any(
        ":18:9: error: The ZIP code 91761 of the area `riverside-corona` is outside the region `inland-empire`" in line
        and "92501-92599, 92860" in line
        for line in found
    ), found
    edit(root / "vocabularies" / "regions.yml", '"92501-92599"', '"92599-92501"')
    found = problems(root)
    assert any("The ZIP range `92599-92501` of the region `inland-empire` starts after it ends" in line for line in found)


def test_zip_ranges() -> None:
    assert places.zip_range("92501-92599") == (92501, 92599)
    assert places.zip_range("92860") == (92860, 92860)
    assert places.in_zip_ranges("92860-1234", ["92860"])
    assert not places.in_zip_ranges("92861", ["92501-92599", "92860"])
    assert not places.in_zip_ranges("", ["92501-92599"])


def test_the_bundled_catalog_checks_with_its_second_region() -> None:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    catalog = checked.catalog
    assert regions.ids(catalog.vocabularies) == ("los-angeles", "inland-empire")
    in_ie = [o.id for o in catalog.opportunities.values() if "inland-empire" in o.regions]
    assert len(in_ie) >= 2 and all(catalog.opportunities[i].example for i in in_ie)
    assert any(o.text("title", "es").lang == "es" for i in in_ie if (o := catalog.opportunities[i]))


# -- the model ---------------------------------------------------------------------------------------------


def test_each_site_resolves_to_the_region_of_its_area(catalog: Catalog) -> None:
    la = catalog.opportunities["acme/welding-intern"]
    ie = catalog.opportunities["citrus-clinic/riverside-welding"]
    online = catalog.opportunities["citrus-clinic/online-welding"]
    assert [(s.area, s.region) for s in la.sites] == [("south-bay-harbor", "los-angeles")]
    assert [(s.area, s.region) for s in ie.sites] == [("riverside-corona", "inland-empire")]
    # "Online" is no place: in a catalog of several regions it gives no region, the organization does.
    assert [(s.area, s.region) for s in online.sites] == [("online", "")]
    assert (la.regions, ie.regions, online.regions) == (("los-angeles",), ("inland-empire",), ())
    assert regions.listing_regions(catalog, online) == ("inland-empire",)
    assert regions.organization_regions(catalog, "citrus-clinic") == ("inland-empire",)
    assert regions.organization_regions(catalog, "acme") == ("los-angeles",)


def test_an_organization_with_no_site_in_any_region_serves_every_region(tmp_path: Path) -> None:
    root = two_regions(tmp_path)
    (root / "employers" / "citrus-clinic" / "riverside-welding.yml").unlink()
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    catalog = checked.catalog
    online = catalog.opportunities["citrus-clinic/online-welding"]
    assert regions.listing_regions(catalog, online) == ()
    for wanted in ("los-angeles", "inland-empire"):
        assert online.id in regions.select(catalog, [wanted]).opportunities


def test_a_selection_keeps_the_regions_listings_organizations_and_areas(catalog: Catalog) -> None:
    ie = regions.select(catalog, ["inland-empire"])
    assert sorted(ie.opportunities) == ["citrus-clinic/online-welding", "citrus-clinic/riverside-welding"]
    assert sorted(ie.organizations) == ["citrus-clinic"]
    assert [r.id for r in ie.vocabularies.items("regions")] == ["inland-empire"]
    assert [a.id for a in ie.vocabularies.items("areas")] == ["riverside-corona", "online"]
    assert ie.pathways["manufacturing"].opportunity_ids["training"] == (
        "citrus-clinic/online-welding",
        "citrus-clinic/riverside-welding",
    )
    assert regions.select(catalog, []) is catalog
    # A listing kept for one of its sites: its site in another region is outside the region in this build.
    both = dataclasses.replace(
        catalog.opportunities["acme/welding-intern"],
        sites=(*catalog.opportunities["acme/welding-intern"].sites, *ie.opportunities["citrus-clinic/riverside-welding"].sites),
    )
    mixed = regions.select(dataclasses.replace(catalog, opportunities={**catalog.opportunities, both.id: both}), ["los-angeles"])
    local, other = mixed.opportunities["acme/welding-intern"].sites
    assert (local.area, local.region, local.outside_region) == ("south-bay-harbor", "los-angeles", False)
    assert (other.city, other.area, other.region, other.outside_region, other.state) == ("Riverside", "", "", True, "CA")
    assert regions.parse("los-angeles, inland-empire") == ("los-angeles", "inland-empire")
    assert regions.parse(["inland-empire"]) == ("inland-empire",)
    assert regions.unknown_problem(catalog.vocabularies, ["inland-empire"]) == ""
    problem = regions.unknown_problem(catalog.vocabularies, ["orange-county"])
    assert problem.startswith("The build selects the region `orange-county`, which is not in catalog/vocabularies/regions.yml")
    assert "`los-angeles`, `inland-empire`" in problem and "CATALOG_REGIONS" in problem


# -- the facet, the exports and the feed -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_region_facet(catalog: Catalog, lang: str) -> None:
    view = View(catalog, lang, "opportunities/")
    region = facets.BY_NAME["region"]
    assert region.param == "region" and "region" in facets.PARAMETERS
    assert region.options(catalog, view) == {
        "los-angeles": "Los Angeles" if lang == "en" else "Los Ángeles",
        "inland-empire": "Inland Empire",
    }
    values = {i: region.values(o, view) for i, o in catalog.opportunities.items()}
    assert values == {
        "acme/welding-intern": ["los-angeles"],
        "citrus-clinic/online-welding": ["inland-empire"],
        "citrus-clinic/riverside-welding": ["inland-empire"],
    }
    # A catalog of one region has no region filter: no listing has a value of it.
    one = regions.select(catalog, ["los-angeles"])
    assert region.values(one.opportunities["acme/welding-intern"], View(one, lang, "opportunities/")) == []


def test_catalog_json_and_the_feed_carry_the_regions(catalog: Catalog) -> None:
    dates = ChangeDates(catalog)
    doc = records.catalog_document(catalog, "https://wbl.example.org/", dates)
    by_id = {o["catalog_id"]: o for o in doc["opportunities"]}
    assert by_id["citrus-clinic/online-welding"]["regions"] == ["inland-empire"]
    assert by_id["acme/welding-intern"]["regions"] == ["los-angeles"]
    assert [r["id"] for r in doc["regions"]] == ["los-angeles", "inland-empire"]
    ie = doc["regions"][1]
    assert (ie["hub"], ie["hub_name"], ie["hub_url"], ie["zip_ranges"]) == (
        None,
        "Inland Empire Career Pathways Hub",
        "https://example.org/ie-hub",
        ["92501-92599", "92860"],
    )
    xml = feed.feed(catalog, "https://wbl.example.org/", dates).decode()
    assert (
        '<category term="inland-empire" label="Inland Empire" scheme="https://wbl.example.org/opportunities/?region=" />' in xml
    )
    one = regions.select(catalog, ["los-angeles"])
    assert "?region=" not in feed.feed(one, "https://wbl.example.org/", ChangeDates(one)).decode()


# -- the home page ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Counties: Riverside and San Bernardino", "2 listings accepting applications")),
        ("es", ("Condados: Riverside y San Bernardino", "2 anuncios aceptan solicitudes")),
    ],
)
def test_the_home_page_choices(catalog: Catalog, lang: str, words: tuple[str, str]) -> None:
    view = View(catalog, lang, "")
    choices = region_choice.choices(view)
    assert [(c.id, c.href) for c in choices] == [
        ("los-angeles", "opportunities/?region=los-angeles"),
        ("inland-empire", "opportunities/?region=inland-empire"),
    ]
    assert (choices[1].counties, choices[1].open_text) == words
    assert choices[1].hub_href == "https://example.org/ie-hub"
    assert region_choice.choices(View(regions.select(catalog, ["inland-empire"]), lang, "")) == []


# -- builds -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def statewide(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("statewide") / "site"
    build_site(out, root, extra_env={"CATALOG_REGIONS": ""})
    return out


@pytest.fixture(scope="module")
def inland(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("inland") / "site"
    build_site(out, root, extra_env={"CATALOG_REGIONS": "inland-empire"})
    return out


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [("", "Choose your region"), ("es/", "Elige tu región")],
)
def test_a_statewide_home_page_lets_a_family_choose_a_region_first(statewide: Path, prefix: str, heading: str) -> None:
    text = html.unescape((statewide / prefix / "index.html").read_text(encoding="utf-8"))
    section = re.search(r'<section class="wbl-regions".*?</section>', text, re.S)
    assert section, "no region choice"
    assert f'<h2 id="home-regions">{heading}</h2>' in section.group(0)
    links = re.findall(r'<a href="([^"]+)" data-region="([^"]+)">', section.group(0))
    assert links == [
        ("opportunities/?region=los-angeles", "los-angeles"),
        ("opportunities/?region=inland-empire", "inland-empire"),
    ]
    assert '<a href="https://example.org/ie-hub">' in section.group(0)
    # The region choice comes before "Start here": a family chooses its region first.
    assert text.index("wbl-regions") < text.index('class="wbl-entry"', text.index("</section>"))


def test_a_region_selected_build_publishes_only_that_regions_listings(statewide: Path, inland: Path) -> None:
    for prefix in ("", "es/"):
        assert (statewide / prefix / "opportunities" / "acme" / "welding-intern" / "index.html").is_file()
        assert (inland / prefix / "opportunities" / "citrus-clinic" / "riverside-welding" / "index.html").is_file()
        assert (inland / prefix / "opportunities" / "citrus-clinic" / "online-welding" / "index.html").is_file()
        assert not (inland / prefix / "opportunities" / "acme").exists()
        assert not (inland / prefix / "employers" / "acme").exists()
        # One region: no choice to make on the home page.
        assert "wbl-regions" not in (inland / prefix / "index.html").read_text(encoding="utf-8")
    data = json.loads((inland / "data" / "catalog.json").read_text(encoding="utf-8"))
    assert sorted(o["catalog_id"] for o in data["opportunities"]) == [
        "citrus-clinic/online-welding",
        "citrus-clinic/riverside-welding",
    ]
    assert [r["id"] for r in data["regions"]] == ["inland-empire"]


def test_a_build_that_selects_an_unknown_region_fails_with_the_fix(root: Path, tmp_path: Path) -> None:
    result = build_site(tmp_path / "site", root, extra_env={"CATALOG_REGIONS": "orange-county"}, check=False)
    assert result.returncode != 0
    assert "The build selects the region `orange-county`, which is not in catalog/vocabularies/regions.yml" in (
        result.stdout + result.stderr
    )


def test_the_report_counts_the_selected_regions(root: Path) -> None:
    def report(*args: str) -> subprocess.CompletedProcess[str]:
        env = {"CATALOG_TODAY": AS_OF.isoformat(), "PATH": "/usr/bin:/bin"}
        command = [sys.executable, "-m", "generator", "report", "--catalog", str(root), "--format", "json", *args]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    whole, ie = report(), report("--regions", "inland-empire")
    assert whole.returncode == 0 and ie.returncode == 0, whole.stderr + ie.stderr
    assert "South Bay and Harbor" in whole.stdout and "South Bay and Harbor" not in ie.stdout
    wrong = report("--regions", "nowhere")
    assert wrong.returncode == 2 and "`nowhere`" in wrong.stderr


# -- combining regional catalogs ----------------------------------------------------------------------------


def test_two_catalogs_combined_never_define_the_same_organization(tmp_path: Path) -> None:
    la = copy_fixture("minimal", tmp_path / "la")
    ie = copy_fixture("minimal", tmp_path / "ie")
    (ie / "employers" / "acme").rename(ie / "employers" / "citrus-clinic")
    assert combine.shared_organizations([la, ie]) == []
    shutil.copytree(la / "employers" / "acme", ie / "employers" / "acme")
    (found,) = combine.shared_organizations([la, ie])
    assert (found.path, found.line, found.severity, found.code) == (
        shown_path(ie / "employers" / "acme" / "organization.yml"),
        1,
        "error",
        "duplicate-organization",
    )
    assert found.message.startswith(
        "The organization folder `acme` is also in another catalog combined with this one "
        f"({shown_path(la / 'employers' / 'acme' / 'organization.yml')})"
    )
    command = [sys.executable, "-m", "generator", "check", "--catalog", str(la), "--with", str(ie)]
    env = {"CATALOG_TODAY": AS_OF.isoformat(), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "employers/acme/organization.yml:1:1: error: The organization folder `acme` is also in another" in result.stdout
