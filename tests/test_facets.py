"""The facet registry (generator/render/facets.py) is the one definition of the browse page's filters:
the published URL parameters never change, and every part that shows or reads a facet has each one."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from sitebuild import ROOT, build_site

from generator import i18n
from generator.present.view import lang_prefix
from generator.render import browse, facets
from generator.render import browse_index as bi
from generator.render import word_index as wi

LANGS = ("en", "es")
BROWSE_JS = ROOT / "site_overrides" / "assets" / "browse"

# Published: shared links and the counselor guide use them. Changing this list breaks links.
PUBLISHED = [
    "q",
    "status",
    "sector",
    "format",
    "stage",
    "pay",
    "wage",
    "grade",
    "age",
    "area",
    "mode",
    "season",
    "offers",
    "transport",
    "language",
    "quality",
    "signal",
    "org",
    "pathway",
    "sort",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("facets") / "site"
    build_site(out)
    return out


def page(site: Path, lang: str, path: str) -> str:
    return (site / lang_prefix(lang) / path / "index.html").read_text(encoding="utf-8")


def test_the_published_parameters_are_pinned():
    assert list(facets.PARAMETERS) == PUBLISHED
    assert sorted(f.param for f in facets.FACETS) == sorted(PUBLISHED[1:-1])
    assert len({f.name for f in facets.FACETS}) == len(facets.FACETS)
    assert [f.param for f in facets.FACETS if f.single] == ["wage", "grade", "age", "quality"]
    assert [f.param for f in facets.FACETS if f.always_open] == ["status", "pay"]
    assert facets.SORTS == ("deadline", "reviewed", "pay")
    assert facets.DEFAULT_STATUS == ("open",)


def test_every_facet_has_its_interface_text_in_both_languages():
    for f in facets.FACETS:
        for key in (f.label, f.doc):
            assert key in i18n.messages("en").texts, key
            for lang in LANGS:
                assert i18n.t(key, lang, **facets.doc_values()).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_facet_is_in_the_facet_index_with_its_metadata(site: Path, lang: str):
    index = json.loads((site / bi.FOLDER / lang / "facets.json").read_bytes())
    assert list(index["facets"]) == [f.param for f in facets.FACETS]
    params = index["params"]
    assert params["order"] == PUBLISHED
    assert [(m["param"], m["single"], m["open"]) for m in params["facets"]] == [
        (f.param, f.single, f.always_open) for f in facets.FACETS
    ]
    assert params["sorts"] == list(facets.SORTS)
    assert params["default_status"] == list(facets.DEFAULT_STATUS)
    assert index["limits"] == {"word": wi.MAX_WORD, "query_words": wi.MAX_QUERY_WORDS}
    assert index["shard"] == bi.SHARD and index["format"] == bi.FORMAT and index["words"]["format"] == wi.FORMAT


@pytest.mark.parametrize("lang", LANGS)
def test_every_facet_has_a_label_the_browser_reads(site: Path, lang: str):
    text = page(site, lang, "opportunities")
    found = re.search(r'<script type="application/json" id="wbl-browse-labels">(.*?)</script>', text, re.S)
    assert found
    labels = json.loads(html.unescape(found.group(1)))
    assert [f["name"] for f in labels["facets"]] == [f.param for f in facets.FACETS]
    for entry, f in zip(labels["facets"], facets.FACETS, strict=True):
        assert entry["label"] == i18n.t(f.label, lang)
        assert entry["values"] or f.indexed_labels, f.name
    assert [name for name, _ in labels["sorts"]] == list(facets.SORTS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_parameter_is_in_the_counselor_guide(site: Path, lang: str):
    text = html.unescape(page(site, lang, "counselors"))
    rows = re.findall(r"<tr><td><code>([a-z]+)</code></td><td>(.*?)</td>", text)
    assert [name for name, _ in rows] == PUBLISHED
    meaning = dict(rows)
    for f in facets.FACETS:
        assert meaning[f.param] == i18n.t(f.doc, lang, **facets.doc_values())
    assert meaning["wage"].endswith(", ".join(map(str, facets.WAGE_STEPS)))
    assert f"{facets.GRADES.start}–{facets.GRADES.stop - 1}" in meaning["grade"]
    assert str(facets.STRONG_RANK) in meaning["quality"]
    assert rows == [(name, mean) for name, mean, _ in browse.parameter_docs(lang)]


def test_no_browse_module_hard_codes_the_parameters():
    """The browse script reads the parameters, sorts, limits and shard size from the facet index."""
    quoted = re.compile(r"""["'](\w+)["']""")
    for path in sorted(BROWSE_JS.glob("*.js")):
        code = path.read_text(encoding="utf-8")
        for old in ("PARAMS", "SINGLE", "SORTS", "DEFAULT_STATUS", "ALWAYS_OPEN", "MAX_WORD", "MAX_QUERY_WORDS", "DEFAULT_SHARD"):
            assert not re.search(rf"\b{old}\b", code), f"{path.name}: {old}"
        for line in code.splitlines():
            if line.lstrip().startswith("//"):
                continue
            names = set(quoted.findall(line)) & set(PUBLISHED)
            facet_names = names - {"format", "language"}  # also words of their own (a file's format, the page's language)
            assert len(facet_names) < 2, f"{path.name}: a list of parameters: {line.strip()}"
