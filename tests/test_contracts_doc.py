"""docs/contracts.md cannot drift from the code: its names, numbers and addresses are read back here.

The browse parameters and their values come from the facet registry, the id limits from generator/ids.py, the
export files from generator/exports/, and every address the page gives (`/...` in backticks) must exist in a real
build of a small catalog: the paged fixture catalog (two pages of listings and of organizations), with a renamed
listing, a retired one and the two kinds of logo added.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
import typing
import zlib
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
from paged_catalog import paged_catalog
from sitebuild import build_site

from generator import ids
from generator.check import discover, problems
from generator.commands.cli import main
from generator.exports import export_files, schema_kinds
from generator.exports import sitemap as exports_sitemap
from generator.exports.calendar import host_of, uid
from generator.exports.feed import LIMIT, entry_id
from generator.exports.records import LICENSE
from generator.exports.schema import FORMAT_VERSION
from generator.exports.tabular import FORMULA_START, JOIN
from generator.model.checked import check_catalog
from generator.present.view import PAGE_SIZE, View
from generator.render import facets
from generator.render.structured_data import PLACEMENTS, UNITS
from generator.sanitize import SCHEMES

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "contracts.md").read_text(encoding="utf-8")
FIXTURES = ROOT / "tests" / "fixtures"
AS_OF = dt.date(2026, 11, 22)
SITE_URL = "https://wbl-catalog.example.org/"

# The records the build fixture adds to the paged catalog.
ORG, LISTING, SECOND_ORG = "acme-health", "lab-internship", "acme-health-2"
FORMER = f"{ORG}/old-lab-internship"
RETIRED = f"{ORG}/winter-clinic-tour"

# What each placeholder of the page stands for in the fixture's build; an address passes when one of the
# values gives a file of the build. A placeholder not listed here fails the test: add a value for it.
PLACEHOLDERS = {
    "<org-id>": (ORG, SECOND_ORG),
    "<opportunity-id>": (LISTING,),
    "<pathway-id>": ("health-careers",),
    "<sector-id>": ("health-science-and-medical-technology",),
    "<n>": ("2",),
    "<kind>": tuple(schema_kinds()),
    "<region-id>": ("los-angeles",),
}
# Addresses the page names that a small build does not have: a sitemap is split only above MAX_URLS addresses
# (test_a_large_sitemap_becomes_the_documented_index covers it).
NOT_IN_A_SMALL_BUILD = {"/sitemaps/sitemap-<n>.xml"}


def section(title: str) -> str:
    start = DOC.index(f"\n## {title}\n")
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end > 0 else None]


def table(text: str) -> list[list[str]]:
    """The rows of the Markdown tables in text, headers and rules left out, as lists of cells."""
    lines = text.splitlines()
    rows = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        if line.startswith("|") and not line.startswith("|---") and not after.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
    return rows


def codes(text: str) -> list[str]:
    """The code spans of a piece of Markdown, in order."""
    return re.findall(r"`([^`]+)`", text)


def addresses(text: str) -> list[str]:
    return [code for code in codes(text) if code.startswith("/")]


def paragraph_with(text: str, words: str) -> str:
    """The one paragraph or list item of text that has these words, on one line."""
    (found,) = [p for p in re.split(r"\n\s*\n|\n(?=- )", text) if words in " ".join(p.split())]
    return " ".join(found.split())


def number(pattern: str) -> int:
    """The number a sentence of the page states; pattern has one group, the number (commas allowed)."""
    match = re.search(pattern, " ".join(DOC.split()))
    assert match, f"docs/contracts.md no longer says {pattern!r}"
    return int(match.group(1).replace(",", ""))


# -- the build ---------------------------------------------------------------------


def tiny_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def contract_catalog(dest: Path) -> Path:
    """The paged fixture catalog, with a renamed listing, a retired listing and both kinds of logo."""
    catalog = paged_catalog(dest)
    listing = catalog / "employers" / ORG / f"{LISTING}.yml"
    listing.write_text(listing.read_text(encoding="utf-8") + f"former_ids: [{FORMER}]\n", encoding="utf-8")
    (catalog / "retired.yml").write_text(
        "retired:\n"
        f"  - id: {RETIRED}\n"
        "    title: Winter Clinic Tour\n"
        "    reason: The tours ended.\n"
        "    date: 2026-10-01\n"
        f"    replaced_by: {ORG}/{LISTING}\n",
        encoding="utf-8",
    )
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
    (catalog / "employers" / ORG / "logo.svg").write_text(svg, encoding="utf-8")
    (catalog / "employers" / SECOND_ORG / "logo.png").write_bytes(tiny_png(4, 4))
    return catalog


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(site, catalog): the contract catalog built with the site engine, as a deploy builds it."""
    root = tmp_path_factory.mktemp("contracts")
    catalog = contract_catalog(root / "catalog")
    checked = check_catalog(catalog, as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    build_site(root / "site", catalog)
    return root / "site", catalog


def concrete(address: str) -> Iterator[str]:
    """Every address of the fixture's build that an address pattern of the page stands for."""
    found = re.findall(r"<[^>]+>", address)
    unknown = [p for p in found if p not in PLACEHOLDERS]
    assert not unknown, f"{address}: add a value for {unknown} to PLACEHOLDERS"
    if not found:
        yield address
        return
    first = found[0]
    for value in PLACEHOLDERS[first]:
        yield from concrete(address.replace(first, value, 1))


def in_site(site: Path, address: str) -> Path:
    path = site / address.lstrip("/")
    return path / "index.html" if address.endswith("/") else path


def test_every_address_on_the_page_exists_in_a_build(built: tuple[Path, Path]) -> None:
    site, _ = built
    named = sorted(set(addresses(DOC)) - NOT_IN_A_SMALL_BUILD)
    assert len(named) > 25
    for address in named:
        options = list(concrete(address))
        assert any(in_site(site, option).is_file() for option in options), f"{address}: none of {options} was built"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_in_the_table_exists_in_both_languages(built: tuple[Path, Path], lang: str) -> None:
    site, _ = built
    pages = [codes(row[0])[0] for row in table(section("Page addresses"))]
    assert pages[0] == "/" and "/opportunities/<org-id>/<opportunity-id>/" in pages
    prefix = "/es" if lang == "es" else ""
    for page in pages:
        assert page.endswith("/"), page
        options = list(concrete(prefix + page))
        assert any(in_site(site, option).is_file() for option in options), f"{options} were not built"


def test_every_schema_kind_is_published_and_named(built: tuple[Path, Path]) -> None:
    site, _ = built
    sentence = paragraph_with(DOC, "The schema kinds are")
    assert set(codes(sentence)) == set(schema_kinds())
    for kind in schema_kinds():
        assert (site / "schemas" / f"{kind}.schema.json").is_file(), kind


def test_renamed_and_retired_listings_keep_their_addresses(built: tuple[Path, Path]) -> None:
    site, _ = built
    for prefix in ("", "es/"):
        redirect = (site / prefix / "opportunities" / FORMER / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in redirect and f"{LISTING}/" in redirect
        retired = (site / prefix / "opportunities" / RETIRED / "index.html").read_text(encoding="utf-8")
        assert "Winter Clinic Tour" in retired and f'{LISTING}/"' in retired  # links the listing that replaces it


def test_the_sitemap_leaves_out_redirects_and_lists_both_languages(built: tuple[Path, Path]) -> None:
    site, _ = built
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}opportunities/{ORG}/{LISTING}/</loc>" in sitemap
    assert f"<loc>{SITE_URL}es/opportunities/{ORG}/{LISTING}/</loc>" in sitemap
    assert 'hreflang="x-default"' in sitemap
    assert FORMER not in sitemap


def test_a_large_sitemap_becomes_the_documented_index(
    built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, catalog_dir = built
    checked = check_catalog(catalog_dir, as_of=AS_OF)
    assert number(r"Above ([\d,]+) addresses, `/sitemap.xml` becomes an index") == exports_sitemap.MAX_URLS
    monkeypatch.setattr(exports_sitemap, "MAX_URLS", 2)
    coming = ["", "es/", "pathways/", "es/pathways/"]
    exports_sitemap.write_sitemap(checked.catalog, tmp_path, SITE_URL, catalog_dir, coming=coming)
    for address in NOT_IN_A_SMALL_BUILD:
        assert any(in_site(tmp_path, option).is_file() for option in concrete(address)), address
    assert "<sitemapindex" in (tmp_path / "sitemap.xml").read_text(encoding="utf-8")


# -- the exports -------------------------------------------------------------------


@pytest.fixture(scope="module")
def minimal():
    checked = check_catalog(FIXTURES / "minimal", as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    return checked.catalog


def test_every_export_file_is_in_the_exports_table(minimal, tmp_path) -> None:
    from test_regions import two_regions

    listed = [address for row in table(section("Open-data exports")) for address in addresses(row[0])]
    root = two_regions(tmp_path / "regions")
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    written = set()
    for catalog, folder_of in ((minimal, FIXTURES / "minimal"), (checked.catalog, root)):
        sectors = {s.id for s in catalog.vocabularies.items("sectors")}
        region_ids = {r.id for r in catalog.vocabularies.items("regions")}
        for path in export_files(catalog, SITE_URL, folder_of):
            parts = path.split("/")
            if parts[:2] == ["data", "regions"] and parts[2] in region_ids:
                parts[2] = "<region-id>"
            if parts[-2] == "deadlines" and parts[-1].removesuffix(".ics") in sectors:
                parts[-1] = "<sector-id>.ics"
            written.add("/" + "/".join(parts))
    assert any(w.startswith("/data/regions/<region-id>/") for w in written)
    assert written <= set(listed), f"exports missing from docs/contracts.md: {sorted(written - set(listed))}"
    assert {a for a in listed if a.startswith("/data/")} == written, "the table names a data file that is not written"


def test_the_export_formats_are_as_described(minimal) -> None:
    exports = section("Open-data exports")
    flat = " ".join(exports.split())
    assert f"`format_version` (currently `{FORMAT_VERSION}`)" in flat
    assert LICENSE == "CC-BY-4.0" and "(CC BY 4.0)" in flat
    assert f"joined with `{JOIN}`" in flat
    words = {"\t": "a tab", "\r": "a carriage return"}
    guard = paragraph_with(exports, "as a formula")
    for start in FORMULA_START:
        assert words.get(start, f"`{start}`") in guard, start
    assert number(r"The feed\*\* holds the (\d+) most recent changes") == LIMIT


def test_calendar_uids_and_feed_ids_have_the_documented_form(minimal) -> None:
    opp = next(iter(minimal.opportunities.values()))
    host = host_of(SITE_URL)
    values = {"<org-id>": opp.org_id, "<opportunity-id>": opp.slug, "<host>": host}

    def filled(pattern: str) -> str:
        for name, value in values.items():
            pattern = pattern.replace(name, value)
        return pattern

    calendars = paragraph_with(section("Open-data exports"), "Event UIDs never change")
    uids = [c for c in codes(calendars) if "@<host>" in c]
    assert [filled(c) for c in uids] == [uid("deadline", opp, host), uid("start", opp, host)]
    feed = paragraph_with(section("Open-data exports"), "one entry id for its whole life")
    (tag,) = [c for c in codes(feed) if c.startswith("tag:")]
    assert filled(tag) == entry_id(host, opp.id)


def test_lists_are_paged_as_described() -> None:
    assert number(r"show (\d+) entries per page") == PAGE_SIZE
    assert number(r"still list every listing, (\d+) per page") == PAGE_SIZE
    templates = ROOT / "generator" / "templates"

    def limit(template: str) -> int:
        (found,) = re.findall(r"m\.card_list\(v, [^,]+, (\d+)", (templates / template).read_text(encoding="utf-8"))
        return int(found)

    assert number(r"An organization page and a sector page show at most (\d+) listings") == limit("organization.html")
    assert limit("sector.html") == limit("organization.html")
    assert number(r"A pathway page shows at most (\d+) listings for each stage") == limit("pathway.html")


# -- browse parameters -------------------------------------------------------------


def parameter_rows() -> dict[str, list[str]]:
    """Parameter -> (meaning, values) of the page's parameter table."""
    rows = table(section("Search links (browse parameters)"))
    return {codes(row[0])[0]: row[1:] for row in rows}


def test_the_parameter_table_lists_every_parameter_in_address_order() -> None:
    assert list(parameter_rows()) == list(facets.PARAMETERS)
    written = paragraph_with(section("Search links (browse parameters)"), "it puts the parameters in this order")
    assert codes(written) == list(facets.PARAMETERS)


def test_the_parameter_values_are_the_registrys(minimal) -> None:
    view = View(minimal, "en", "opportunities/")
    rows = parameter_rows()
    catalog_values = {"sector", "format", "area", "season", "language", "signal", "org", "pathway", "quality", "region"}
    ranges = {"grade": facets.GRADES, "age": facets.AGES}
    for facet in facets.FACETS:
        values = codes(rows[facet.param][1])
        if facet.param in catalog_values:  # ids of the catalog: the page shows the registry's example, if any
            # ... and the one value of `area` that no vocabulary holds: sites outside the region.
            fixed = {facets.OUTSIDE_REGION} if facet.param == "area" else set()
            assert set(values) <= {facet.example} | fixed, facet.param
        elif facet.param in ranges:
            assert values == [str(ranges[facet.param].start), str(ranges[facet.param].stop - 1)], facet.param
        else:
            expected = set(facet.options(minimal, view))
            if facet.param == facets.STATUS_PARAMETER:
                expected.add(facets.ANY_STATUS)
            assert set(values) == expected, facet.param
    assert codes(rows[facets.SORT_PARAMETER][1]) == list(facets.SORTS)
    assert not codes(rows[facets.QUERY_PARAMETER][1])
    assert f"`{facets.DEFAULT_STATUS[0]}` (the default)" in rows["status"][1] and len(facets.DEFAULT_STATUS) == 1
    assert f"level {facets.STRONG_RANK} or above" in rows["quality"][0]


def test_the_one_value_parameters_are_the_registrys() -> None:
    sentence = paragraph_with(section("Search links (browse parameters)"), "take one value")
    assert set(codes(sentence)) == {f.param for f in facets.FACETS if f.single}


def test_the_statuses_are_the_registrys() -> None:
    listed = [codes(row[0])[0] for row in table(section("Status and the build date"))]
    assert listed == list(facets.STATUSES)


# -- ids and the catalog folder ------------------------------------------------------


def test_the_id_limits_are_the_codes() -> None:
    assert number(r"An id is at most (\d+) characters long") == ids.MAX_ID
    assert number(r"so it is at most (\d+) characters long") == ids.MAX_CATALOG_ID
    text = " ".join(section("Ids").split())
    for word in ids.RESERVED_ORGANIZATION_IDS:
        assert f"`{word}` cannot be an organization id" in text
    for word in ids.RESERVED_OPPORTUNITY_IDS:
        assert f"`{word}` cannot be a listing id" in text
    assert f"no organization id starts with `{ids.SHELL_PREFIX}`" in text


def test_the_catalog_layout_names_every_vocabulary_and_logo() -> None:
    rows = {codes(row[0])[0]: row for row in table(section("Catalog folder layout"))}
    assert set(codes(rows["catalog/vocabularies/<name>.yml"][1])) == set(discover.VOCABULARIES)
    logos = rows["catalog/employers/<org-id>/logo.svg"]
    assert {c.rpartition("/")[2] for c in codes(logos[0])} == set(discover.LOGOS)
    from generator.check import logos as logo_rules

    assert number(r"A logo file may be at most ([\d,]+) bytes") == logo_rules.MAX_BYTES
    assert number(r"a PNG logo at most (\d+) pixels") == logo_rules.MAX_PIXELS


# -- the checker, links, structured data ---------------------------------------------


def test_a_problem_prints_in_the_documented_form() -> None:
    (form,) = re.findall(r"```\n(<path>.*)\n```", DOC)
    problem = problems.Problem("catalog/x.yml", 3, 7, "error", "code", "What is wrong", "How to fix it")
    values = {"<path>": problem.path, "<line>": "3", "<column>": "7", "<severity>": problem.severity}
    values |= {"<what is wrong>": problem.message, "<how to fix it>": problem.hint}
    for name, value in values.items():
        form = form.replace(name, value)
    assert problems.as_text([problem]) == [form]
    text = " ".join(section("Checker messages").split())
    assert set(typing.get_args(problems.Severity)) == {"error", "warning"}
    assert "The severity is `error` or `warning`" in text
    (listed,) = re.findall(r"as a list of objects with the fields (.*?)\.", text)
    assert [f.name for f in fields(problems.Problem)] == codes(listed)


def test_the_check_exits_with_the_documented_codes(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("CATALOG_TODAY", AS_OF.isoformat())
    text = " ".join(section("Checker messages").split())
    assert "exits with 0 when there are no errors" in text and "1 when there is at least one error" in text
    assert main(["check", "--catalog", str(FIXTURES / "minimal")]) == 0
    assert main(["check", "--catalog", str(FIXTURES / "broken_ref")]) == 1
    assert "and 2 when it was called wrongly" in text
    with pytest.raises(SystemExit) as usage:
        main(["check", "--format", "yaml"])
    assert usage.value.code == 2
    capsys.readouterr()


def test_only_https_and_mailto_links_are_kept() -> None:
    kept = paragraph_with(section("Links"), "links are kept")
    assert {c.rstrip(":") for c in codes(kept.split(" links are kept")[0])} == SCHEMES
    fields_rule = paragraph_with(section("Links"), "holds a web address")
    assert "start with `https://`" in fields_rule
    defs = json.loads((ROOT / "schemas" / "defs.schema.json").read_text(encoding="utf-8"))
    assert defs["$defs"]["https_url"]["pattern"].startswith("^https://")


def test_job_postings_are_for_the_documented_formats_and_units() -> None:
    listed = paragraph_with(section("Structured data for search engines"), "its format is")
    assert set(codes(listed)) == set(PLACEMENTS)
    salary = " ".join(section("Structured data for search engines").split())
    units = list(UNITS)
    assert f"an amount per {', '.join(units[:-1])} or {units[-1]} is published" in salary
