"""Whatever a contributor writes, each output stays valid for its format and keeps the text as written.

Random text goes into the text fields of a listing and of its organization, mixed with the characters
that have broken outputs before: a typed `\\N`, formula starts, quotes, angle brackets, markup and
template syntax. Where the checker accepts the catalog:

- the Atom feed is well-formed XML and carries the title exactly;
- the calendar unfolds into property lines whose TEXT unescapes back to the title;
- the CSV reads back cell for cell, with formula starts guarded in every column;
- catalog.json and each page's JSON-LD parse, with the title exactly;
- the listing page holds the title escaped, never raw.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from cases import BASE, LISTING, MINIMAL
from hostile_support import AS_OF, minimal_here
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from generator.exports import export_files
from generator.exports.tabular import FORMULA_START
from generator.model.checked import check_catalog
from generator.render.site import render_site

SITE_URL = "https://wbl-catalog.example.org/"
ORGANIZATION = "employers/acme/organization.yml"
# Characters that broke outputs before and that the checker accepts; those it refuses (noncharacters,
# direction overrides, fillers, stacked marks) have their own cases in cases.py.
NASTY = [
    "\\N", "\\n", "\\", "=", "+", "-", "@", '"', "'", "<", ">", "&", ";", ",", "]]>", "</script>", "<!--",
    "\u0301\u0301", "é", "ñ", "😀", "\u00a0", "{{ 7*7 }}",
]  # fmt: skip
TEXT = st.lists(
    st.one_of(
        st.text(
            st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Cf", "Cn", "Co", "Zl", "Zp", "Mn", "Me"]), max_size=6
        ),
        st.sampled_from(NASTY),
    ),
    min_size=1,
    max_size=8,
).map("".join)
LISTING_LINES = [
    ("title",),
    ("summary",),
    ("application", "how"),
    ("contact", "role"),
    ("sites", 0, "name"),
    ("sites", 0, "city"),
    ("sites", 0, "transit"),
    ("schedule", "times"),
    ("outcomes", "credential"),
    ("description",),
    ("quality", "assessment", "partnerships", "evidence"),
    ("translations", "es", "title"),
]
ORGANIZATION_LINES = [("name",), ("summary",), ("description",), ("contact", "role"), ("locations", 0, "name")]


def _put(data: dict, path: tuple, value: str) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {}) if isinstance(data, dict) else data[key]
    data[path[-1]] = value


@pytest.fixture
def format_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return minimal_here(tmp_path, monkeypatch)


def _ics_texts(ics: bytes) -> dict[str, list[str]]:
    """Property name -> values, unfolded and unescaped as RFC 5545 reads them (left to right)."""
    found: dict[str, list[str]] = {}
    for line in ics.decode("utf-8").replace("\r\n ", "").split("\r\n"):
        assert not re.search("[\x00-\x08\x0a-\x1f\x7f]", line), line
        if not line:
            continue
        name, _, value = line.partition(":")
        found.setdefault(name.split(";")[0], []).append(
            re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
        )
    return found


@settings(
    max_examples=25,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is reported as found: shrinking a catalog build takes minutes
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    listing_texts=st.lists(TEXT, min_size=len(LISTING_LINES), max_size=len(LISTING_LINES)),
    organization_texts=st.lists(TEXT, min_size=len(ORGANIZATION_LINES), max_size=len(ORGANIZATION_LINES)),
)
def test_every_output_stays_valid_and_keeps_the_text(format_catalog: Path, listing_texts, organization_texts) -> None:
    data = yaml.safe_load(BASE)
    for path, text in zip(LISTING_LINES, listing_texts, strict=True):
        _put(data, path, text)
    (format_catalog / LISTING).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    org = yaml.safe_load((MINIMAL / ORGANIZATION).read_text(encoding="utf-8"))
    for path, text in zip(ORGANIZATION_LINES, organization_texts, strict=True):
        _put(org, path, text)
    (format_catalog / ORGANIZATION).write_text(yaml.safe_dump(org, allow_unicode=True), encoding="utf-8")

    checked = check_catalog(format_catalog, as_of=AS_OF)
    assume(checked.ok)
    title, name = data["title"], org["name"]
    files = export_files(checked.catalog, SITE_URL, format_catalog)

    feed = ET.fromstring(files["data/feed.xml"])
    atom = "{http://www.w3.org/2005/Atom}"
    assert [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")] == [f"{title} ({name})"]

    calendar = _ics_texts(files["data/deadlines.ics"])
    assert any(summary.endswith(f"{title} ({name})") for summary in calendar["SUMMARY"]), calendar["SUMMARY"]

    rows = list(csv.DictReader(io.StringIO(files["data/opportunities.csv"].decode("utf-8-sig"), newline="")))
    assert len(rows) == 1
    for column, cell in rows[0].items():
        assert not cell.startswith(FORMULA_START), column
    guarded = "'" + title if title.startswith(FORMULA_START) else title
    assert rows[0]["title"] == guarded
    assert rows[0]["organization"] == ("'" + name if name.startswith(FORMULA_START) else name)

    document = json.loads(files["data/catalog.json"])
    assert [o["title"] for o in document["opportunities"]] == [title]

    pages = render_site(checked.catalog, SITE_URL, None, {"opportunity:acme/welding-intern"})
    page = next(p for p in pages if p.url == "opportunities/acme/welding-intern/")
    assert str(escape(title)) in page.content
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.content, re.S):
        json.loads(block)


def test_vocabulary_labels_are_guarded_in_the_csv_too(format_catalog: Path) -> None:
    """Labels come from region-edited vocabularies; a formula there must not run in a counselor's spreadsheet."""
    formula = '=HYPERLINK("https://evil.example/")'
    formats = format_catalog / "vocabularies" / "formats.yml"
    text = formats.read_text(encoding="utf-8")
    formats.write_text(text.replace("name: Internship\n", f"name: '{formula}'\n", 1), encoding="utf-8")
    checked = check_catalog(format_catalog, as_of=AS_OF)
    assert checked.ok, checked.errors
    files = export_files(checked.catalog, SITE_URL, format_catalog)
    rows = list(csv.DictReader(io.StringIO(files["data/opportunities.csv"].decode("utf-8-sig"), newline="")))
    assert rows[0]["format"] == "'" + formula


def test_the_feed_stays_well_formed_whatever_reaches_it(format_catalog: Path) -> None:
    """The checker refuses U+FFFE and its kind; the feed drops them too, so no model can break a subscriber's reader."""
    checked = check_catalog(format_catalog, as_of=AS_OF)
    opp = checked.catalog.opportunities["acme/welding-intern"]
    broken = dataclasses.replace(opp, title="Civil \ufffe Engineering\x0b\uffff")
    catalog = dataclasses.replace(checked.catalog, opportunities={opp.id: broken})
    feed = ET.fromstring(export_files(catalog, SITE_URL, format_catalog)["data/feed.xml"])
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.iter("{http://www.w3.org/2005/Atom}entry")]
    assert titles == ["Civil  Engineering (Acme Fabrication)"]
