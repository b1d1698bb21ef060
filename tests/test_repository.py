"""The "Edit on GitHub" and "Report a problem" links of listing and organization pages, in both languages, and the
issue form they open (.github/ISSUE_TEMPLATE/report-problem.yml)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import ROOT, clean_catalog, copy_fixture

from generator.model import Catalog
from generator.present import repository
from generator.present.repository import Repository, branch_of
from generator.render.site import SiteRenderer

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-problem.yml"
REPO = Repository("https://github.com/wbl-catalog/wbl-catalog", "main")
LINKS = re.compile(r'<p class="wbl-record-links[^"]*">(.*?)</p>', re.S)
HREF = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("repo"))
    # An id with every character an id may hold, to see how the links carry it.
    (root / "employers/acme/welding-intern.yml").rename(root / "employers/acme/welding-intern-2.yml")
    return clean_catalog(root)


def links(catalog: Catalog, kind: str, lang: str, repo: Repository | None = REPO) -> dict[str, str]:
    """The record links of a page: words -> address (unescaped as a browser reads it)."""
    renderer = SiteRenderer(catalog, "https://wbl.example.org/", repository=repo)
    if kind == "opportunity":
        body = renderer.opportunity(catalog.opportunities["acme/welding-intern-2"], lang).body
    else:
        body = renderer.organization(catalog.organizations["acme"], lang).body
    found = LINKS.findall(body)
    assert len(found) <= 1
    return {words: unescape(href) for href, words in HREF.findall(found[0])} if found else {}


@pytest.mark.parametrize(
    ("lang", "edit", "report"), [("en", "Edit on GitHub", "Report a problem"), ("es", "Editar en GitHub", "Reportar un problema")]
)
def test_a_listing_links_to_its_file_and_to_the_report_form(catalog: Catalog, lang: str, edit: str, report: str) -> None:
    found = links(catalog, "opportunity", lang)
    assert found[edit] == "https://github.com/wbl-catalog/wbl-catalog/edit/main/catalog/employers/acme/welding-intern-2.yml"
    address = urlsplit(found[report])
    assert (address.scheme, address.netloc, address.path) == ("https", "github.com", "/wbl-catalog/wbl-catalog/issues/new")
    query = parse_qs(address.query)
    assert query["template"] == ["report-problem.yml"]
    assert query["listing"] == ["acme/welding-intern-2"]
    assert query["title"] == ["Problem with acme/welding-intern-2"]
    prefix = "" if lang == "en" else "es/"
    assert query["page"] == [f"https://wbl.example.org/{prefix}opportunities/acme/welding-intern-2/"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_organization_links_to_its_organization_file(catalog: Catalog, lang: str) -> None:
    found = links(catalog, "organization", lang)
    edit = next(address for words, address in found.items() if "GitHub" in words)
    assert edit == "https://github.com/wbl-catalog/wbl-catalog/edit/main/catalog/employers/acme/organization.yml"
    report = next(address for address in found.values() if "/issues/new?" in address)
    assert parse_qs(urlsplit(report).query)["listing"] == ["acme"]


@pytest.mark.parametrize("kind", ["opportunity", "organization"])
def test_no_links_without_a_repository(catalog: Catalog, kind: str) -> None:
    assert links(catalog, kind, "en", None) == {}
    assert links(catalog, kind, "es", None) == {}


def test_the_links_are_escaped_in_the_page(catalog: Catalog) -> None:
    renderer = SiteRenderer(catalog, "https://wbl.example.org/", repository=REPO)
    body = renderer.opportunity(catalog.opportunities["acme/welding-intern-2"], "en").body
    (paragraph,) = LINKS.findall(body)
    assert "&amp;listing=acme%2Fwelding-intern-2" in paragraph
    assert "&listing" not in paragraph.replace("&amp;", "")


@pytest.mark.parametrize(
    ("url", "edit_uri", "expected"),
    [
        ("https://github.com/o/r", "edit/main/docs/", Repository("https://github.com/o/r", "main")),
        ("https://github.com/o/r/", "blob/trunk/docs/", Repository("https://github.com/o/r", "trunk")),
        ("https://github.com/o/r.git", None, Repository("https://github.com/o/r", "main")),
        ("https://github.com/o/r", "", Repository("https://github.com/o/r", "main")),
        ("http://github.com/o/r", "edit/main/docs/", None),
        ("javascript:alert(1)", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_the_repository_from_mkdocs_settings(url: str | None, edit_uri: str | None, expected: Repository | None) -> None:
    assert Repository.from_config(url, edit_uri) == expected


def test_branch_of() -> None:
    assert branch_of("edit/release-2027/docs/") == "release-2027"
    assert branch_of("docs/") == "main"


def test_mkdocs_names_the_repository_and_the_branch() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    url = re.search(r"^repo_url:\s*(\S+)", text, re.M)
    edit_uri = re.search(r"^edit_uri:\s*(\S+)", text, re.M)
    assert url and edit_uri
    assert Repository.from_config(url[1], edit_uri[1]) is not None


# -- the issue form ---------------------------------------------------------------------------------


def form() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def test_the_form_has_the_fields_the_links_fill_in() -> None:
    fields = {item["id"]: item for item in form()["body"] if item["type"] != "markdown"}
    assert fields[repository.REPORT_RECORD_FIELD]["type"] == "input"
    assert fields[repository.REPORT_RECORD_FIELD]["validations"]["required"] is True
    assert fields[repository.REPORT_PAGE_FIELD]["type"] == "input"
    assert FORM.name == repository.REPORT_FORM


def test_the_form_offers_each_reason_in_both_languages() -> None:
    reason = next(item for item in form()["body"] if item.get("id") == "reason")
    assert reason["type"] == "dropdown" and reason["validations"]["required"] is True
    options = reason["attributes"]["options"]
    assert [option.split(":")[0] for option in options] == list(repository.REPORT_REASONS)
    assert all(" / " in option for option in options)
    assert " / " in reason["attributes"]["label"] and " / " in form()["name"]


def test_the_form_is_not_the_add_form(tmp_path: Path) -> None:
    assert form()["labels"] == ["report"]
    assert "new listing" not in form()["labels"]  # the label from-issue.yml acts on
