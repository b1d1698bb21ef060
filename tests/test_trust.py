"""Trust a family can see: an organization verified by a verifier the region lists, and listings not reviewed within
the region's limit, on pages (both languages), cards, the browse filter, the exports, the checker and the
`stale` command.

The fixture is the minimal catalog with a region that asks for a review every 60 days, one verifier, Acme verified
by it, and a second organization that is not verified. As of AS_OF (2026-11-22) a listing last reviewed on
2026-09-22 or before is not reviewed recently (2026-09-22 + 61 days = 2026-11-22).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import AS_OF, check_lines, clean_catalog, copy_fixture, edit, write_variants
from test_listing_page import text_of

from generator.commands.cli import main
from generator.commands.stale import owners_of, reminders
from generator.exports import records
from generator.exports.dates import ChangeDates
from generator.exports.tabular import opportunities_csv
from generator.model import Catalog
from generator.present.view import View
from generator.render import facets
from generator.render.browse_index import when
from generator.render.site import SiteRenderer

VERIFIERS = """items:
  - id: harbor-hub
    name: Harbor Career Hub
    name_es: Centro de Carreras del Puerto
    url: https://example.org/harbor-hub
"""
REGIONS = """items:
  - id: la
    name: Los Angeles
    name_es: Los Ángeles
    counties: [Los Angeles]
    review_within_days: 60
"""
VERIFIED = """verified:
  by: harbor-hub
  on: "2026-09-15"
  record: https://bizfileonline.sos.ca.gov/search/business
"""
OPEN = {"application": {"opens": "2026-11-01"}}
LISTINGS: dict[str, dict[str, Any]] = {
    "fresh": {**OPEN, "last_reviewed": "2026-11-01"},
    "old": {**OPEN, "last_reviewed": "2026-09-01"},
    "edge": {**OPEN, "last_reviewed": "2026-09-22"},  # its first day not reviewed recently is AS_OF
    "day-before": {**OPEN, "last_reviewed": "2026-09-23"},
    "old-closed": {"status": "closed", "last_reviewed": "2026-09-01"},
    "soon": {**OPEN, "last_reviewed": "2026-10-10"},  # not reviewed recently from 2026-12-10, within 30 days
}


def build(root: Path) -> None:
    (root / "vocabularies" / "verifiers.yml").write_text(VERIFIERS, encoding="utf-8")
    (root / "vocabularies" / "regions.yml").write_text(REGIONS, encoding="utf-8")
    org = root / "employers" / "acme" / "organization.yml"
    plain = org.read_text(encoding="utf-8")
    (root / "employers" / "beta").mkdir()
    (root / "employers" / "beta" / "organization.yml").write_text(plain.replace("Acme Fabrication", "Beta Works"), "utf-8")
    org.write_text(plain + VERIFIED, encoding="utf-8")
    write_variants(root, LISTINGS)
    beta = (root / "employers" / "acme" / "fresh.yml").read_text(encoding="utf-8")
    (root / "employers" / "beta" / "shadow.yml").write_text(beta, encoding="utf-8")


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("trust"))
    build(root)
    return clean_catalog(root)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = copy_fixture("minimal", tmp_path)
    build(root)
    return root


def page(catalog: Catalog, kind: str, ident: str, lang: str) -> str:
    renderer = SiteRenderer(catalog, "https://wbl.example.org/")
    if kind == "opportunity":
        return renderer.opportunity(catalog.opportunities[ident], lang).body
    return renderer.organization(catalog.organizations[ident], lang).body


# -- verification on pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "Verified by Harbor Career Hub on September 15, 2026"), ("es", "Verificado por Centro de Carreras del Puerto el")],
)
def test_a_verified_organization_says_by_whom_and_links_the_record(catalog: Catalog, lang: str, words: str) -> None:
    for kind, ident in (("opportunity", "acme/fresh"), ("organization", "acme")):
        html = page(catalog, kind, ident, lang)
        assert words in text_of(html)
        assert 'href="https://bizfileonline.sos.ca.gov/search/business"' in html
    if lang == "es":
        assert "15 de septiembre de 2026" in text_of(page(catalog, "organization", "acme", lang))


@pytest.mark.parametrize(("lang", "words"), [("en", "Not yet verified"), ("es", "Aún no verificado")])
def test_an_organization_without_verification_says_so(catalog: Catalog, lang: str, words: str) -> None:
    assert words in text_of(page(catalog, "opportunity", "beta/shadow", lang))
    assert words in text_of(page(catalog, "organization", "beta", lang))
    assert "Verified by" not in text_of(page(catalog, "organization", "beta", lang))


def test_a_verification_dated_after_the_build_is_not_shown_yet(root: Path) -> None:
    edit(root / "employers/acme/organization.yml", 'on: "2026-09-15"', 'on: "2026-12-01"')
    catalog = clean_catalog(root)
    assert "Not yet verified" in text_of(page(catalog, "organization", "acme", "en"))
    assert records.organization(catalog, catalog.organizations["acme"], "", ChangeDates(catalog))["verified"] is None


# -- the checker ----------------------------------------------------------------------------------


def test_an_unknown_verifier_gets_did_you_mean(root: Path) -> None:
    edit(root / "employers/acme/organization.yml", "by: harbor-hub", "by: harbour-hub")
    lines = [line for line in check_lines(root) if "verified.by" in line]
    assert len(lines) == 1
    assert lines[0].endswith(
        "organization.yml:19:7: error: `verified.by` names the verifier `harbour-hub`, which is not in "
        "catalog/vocabularies/verifiers.yml. Did you mean `harbor-hub`?"
    )


def test_a_verifier_without_a_list_of_verifiers_says_where_to_add_it(root: Path) -> None:
    (root / "vocabularies" / "verifiers.yml").unlink()
    lines = [line for line in check_lines(root) if "verified.by" in line]
    assert len(lines) == 1 and lines[0].endswith(
        "Only a verifier the region lists may verify an organization: add it to catalog/vocabularies/verifiers.yml "
        "first, or remove `verified:`."
    )


def test_a_verification_in_the_future_is_a_warning(root: Path) -> None:
    edit(root / "employers/acme/organization.yml", 'on: "2026-09-15"', 'on: "2027-01-02"')
    lines = [line for line in check_lines(root) if "verified.on" in line]
    assert len(lines) == 1
    assert ":20:7: warning: `verified.on` (2027-01-02) is in the future. Write the day the record was checked" in lines[0]


def test_a_record_that_is_not_https_is_refused(root: Path) -> None:
    edit(root / "employers/acme/organization.yml", "record: https://", "record: http://")
    lines = [line for line in check_lines(root) if "verified.record" in line]
    assert len(lines) == 1 and "organization.yml:21:11: error: `verified.record` starts with http://" in lines[0]


def test_stale_listings_are_warnings_with_the_regions_limit(root: Path) -> None:
    lines = [line for line in check_lines(root) if "last reviewed" in line]
    assert [line.split("/employers/")[1].split(":")[0] for line in lines] == [
        "acme/edge.yml",
        "acme/old-closed.yml",
        "acme/old.yml",
    ]
    assert all(": warning: The listing was last reviewed on " in line for line in lines)
    assert "2026-09-01, more than 60 days ago (the region's limit). Check every detail" in lines[-1]


# -- not reviewed recently: pages, cards and the browse filter --------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "Not reviewed since September 1, 2026"), ("es", "Sin revisar desde el 1 de septiembre de 2026")]
)
def test_a_stale_listing_says_so_on_its_page_and_card(catalog: Catalog, lang: str, words: str) -> None:
    assert words in text_of(page(catalog, "opportunity", "acme/old", lang))
    view = View(catalog, lang, "employers/acme/")
    assert words in view.card_status(catalog.opportunities["acme/old"])
    assert words in text_of(page(catalog, "organization", "acme", lang))  # its card there
    fresh = text_of(page(catalog, "opportunity", "acme/fresh", lang))
    assert words.split(" 1")[0] not in fresh and "Not reviewed" not in fresh


def test_the_limit_is_inclusive_of_its_last_day(catalog: Catalog) -> None:
    view = View(catalog, "en", "")
    assert view.not_reviewed_since(catalog.opportunities["acme/edge"])
    assert not view.not_reviewed_since(catalog.opportunities["acme/day-before"])


def test_stale_open_listings_leave_the_default_results_and_stay_findable(catalog: Catalog) -> None:
    view = View(catalog, "en", "opportunities/")
    status = facets.BY_NAME["status"]
    values = {o.slug: status.values(o, view) for o in catalog.opportunities.values() if o.org_id == "acme"}
    assert values["old"] == ["unreviewed"] and values["edge"] == ["unreviewed"]
    assert values["fresh"] == ["open"] and values["day-before"] == ["open"]
    assert values["old-closed"] == ["closed"]  # a closed listing keeps its status: it is out of the default anyway
    assert "unreviewed" not in facets.DEFAULT_STATUS
    assert status.options(catalog, view)["unreviewed"] == "Open, not reviewed recently"
    assert status.options(catalog, View(catalog, "es", ""))["unreviewed"] == "Abierto, sin revisión reciente"
    # The browser re-dates open rows; an unreviewed row is not among them, so it cannot move back to "open".
    opps = sorted(catalog.opportunities.values(), key=lambda o: o.id)
    dated = when(opps, AS_OF, view.review_limit)
    ordinals = []
    position = -1
    for row in dated["rows"]:
        position += row[0]
        ordinals.append(opps[position].slug)
    assert "fresh" in ordinals and "old" not in ordinals and "edge" not in ordinals


def test_the_verified_facet(catalog: Catalog) -> None:
    view = View(catalog, "en", "opportunities/")
    facet = facets.BY_NAME["verified"]
    assert facet.values(catalog.opportunities["acme/fresh"], view) == ["yes"]
    assert facet.values(catalog.opportunities["beta/shadow"], view) == []
    assert facet.options(catalog, View(catalog, "es", ""))["yes"] == "Solo organizaciones verificadas"
    assert "verified" in facets.PARAMETERS


# -- exports --------------------------------------------------------------------------------------


def test_catalog_json_and_the_csv_carry_the_verification(catalog: Catalog) -> None:
    dates = ChangeDates(catalog)
    assert records.organization(catalog, catalog.organizations["acme"], "", dates)["verified"] == {
        "by": "harbor-hub",
        "by_name": "Harbor Career Hub",
        "by_name_es": "Centro de Carreras del Puerto",
        "on": "2026-09-15",
        "record": "https://bizfileonline.sos.ca.gov/search/business",
    }
    assert records.organization(catalog, catalog.organizations["beta"], "", dates)["verified"] is None
    rows = opportunities_csv(catalog, "", dates).decode("utf-8-sig").splitlines()
    header = rows[0].split(",")
    at = header.index("organization_verified_by")
    assert header[at : at + 3] == ["organization_verified_by", "organization_verified_on", "organization_verified_record"]
    assert at > header.index("sites_across")  # appended after the earlier columns
    by_id = {row.split(",")[0]: row.split(",") for row in rows[1:]}
    assert by_id["acme/fresh"][at : at + 3] == [
        "Harbor Career Hub",
        "2026-09-15",
        "https://bizfileonline.sos.ca.gov/search/business",
    ]
    assert by_id["beta/shadow"][at : at + 3] == ["", "", ""]


# -- python -m generator stale -------------------------------------------------------------------

CODEOWNERS = """* @wbl-catalog/maintainers
/catalog/ @wbl-catalog/catalog-reviewers
/catalog/vocabularies/ @wbl-catalog/maintainers
/catalog/employers/acme/ @acme-youth @wbl-catalog/catalog-reviewers  # Acme's own team
"""


def test_owners_follow_the_last_matching_rule() -> None:
    assert owners_of(CODEOWNERS, "catalog/employers/acme/organization.yml") == ("@acme-youth", "@wbl-catalog/catalog-reviewers")
    assert owners_of(CODEOWNERS, "catalog/employers/acme-two/organization.yml") == ("@wbl-catalog/catalog-reviewers",)
    assert owners_of(CODEOWNERS, "generator/cli.py") == ("@wbl-catalog/maintainers",)


def test_reminders_list_stale_and_soon_stale_listings_per_organization(catalog: Catalog) -> None:
    (acme,) = reminders(catalog, CODEOWNERS, 30)
    assert acme.org == "acme" and acme.owners == ("@acme-youth", "@wbl-catalog/catalog-reviewers")
    # The fixture's own listing, last reviewed on 2026-10-15, goes stale on 2026-12-15: within 30 days too.
    due = ["acme/old", "acme/edge", "acme/day-before", "acme/soon", "acme/welding-intern"]
    assert [d.id for d in acme.listings] == due
    assert [d.stale_from for d in acme.listings][-2:] == [dt.date(2026, 12, 10), dt.date(2026, 12, 15)]
    body = acme.body(catalog.today, 60)
    assert body.startswith("@acme-youth @wbl-catalog/catalog-reviewers\n")
    assert "| `acme/old` | 2026-09-01 | now |" in body and "| `acme/soon` | 2026-10-10 | 2026-12-10 |" in body
    assert [d.id for d in reminders(catalog, CODEOWNERS, 0)[0].listings] == ["acme/old", "acme/edge"]


def test_the_stale_command(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOG_TODAY", AS_OF.isoformat())
    owners = tmp_path / "CODEOWNERS"
    owners.write_text(CODEOWNERS, encoding="utf-8")
    assert main(["stale", "--catalog", str(root), "--codeowners", str(owners), "--format", "json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["organization"] == "acme" and entry["title"] == "Review reminder: acme"
    assert entry["label"] == "review reminder" and entry["owners"][0] == "@acme-youth"
    assert [listing["id"] for listing in entry["listings"]][:2] == ["acme/old", "acme/edge"]
    assert main(["stale", "--catalog", str(root), "--codeowners", str(owners)]) == 0
    out = capsys.readouterr().out
    assert "  acme/old: last reviewed 2026-09-01, stale since 2026-11-01" in out
    assert out.rstrip().endswith("1 organization to remind (review within 60 days; as of 2026-11-22, looking 30 days ahead)")


def test_the_stale_command_refuses_a_catalog_with_errors(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root / "employers/acme/organization.yml", "kind: employer", "kind: 3")
    assert main(["stale", "--catalog", str(root)]) == 1


def test_bundled_verifiers_and_region_limit() -> None:
    from conftest import ROOT

    verifiers = yaml.safe_load((ROOT / "catalog/vocabularies/verifiers.yml").read_text(encoding="utf-8"))["items"]
    ids = {v["id"] for v in verifiers}
    verified, unverified = [], []
    for org in sorted((ROOT / "catalog/employers").glob("*/organization.yml")):
        data = yaml.safe_load(org.read_text(encoding="utf-8"))
        (verified if "verified" in data else unverified).append(org.parent.name)
        if "verified" in data:
            assert data["verified"]["by"] in ids and data["verified"]["record"].startswith("https://")
    assert verified and unverified
    region = yaml.safe_load((ROOT / "catalog/vocabularies/regions.yml").read_text(encoding="utf-8"))["items"][0]
    assert region["review_within_days"] == 180
