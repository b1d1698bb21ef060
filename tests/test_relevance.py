"""Search relevance over the bundled catalog: tests/relevance/queries.yml, searched by the browse page's own script.

Each query of the set lists, per language, the listings that must come back (`expect`) and those that may
(`may`: they say the words, but are not what the query is after). The searches run through node with the
browse modules (tests/relevance/search.mjs) over the browse files the build writes, so the ranking measured
is the browser's; the words that ask for a filter ("paid", "near Compton", "11th grade", "16 años") are taken out
and applied as filters as the page does (query-words.json), without the default status filter. Per language: recall (the share of `expect` found, averaged over the queries) at least
RECALL, and precision at 10 (the share of the first ten results, or of all when fewer, in `expect` or `may`)
at least PRECISION. The figures are printed (`pytest -s` shows them).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import Catalog
from generator.model.checked import check_catalog
from generator.render import browse_index, encoding, query_words

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "relevance" / "queries.yml"
SEARCH = ROOT / "tests" / "relevance" / "search.mjs"
AS_OF = dt.date(2026, 12, 3)
LANGS = ("en", "es")
RECALL = 0.9
PRECISION = 0.8
MIN_QUERIES = 25
TOP = 10


def query_set() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog


def search(catalog: Catalog, lang: str, queries: list[str], folder: Path) -> list[list[str]]:
    """The listing ids each query finds, best first, as the browse page finds them."""
    node = shutil.which("node")
    if not node:
        pytest.fail("Node.js is not installed: the relevance test runs the browse page's script with node.", pytrace=False)
    for name, data in browse_index.browse_files(catalog, lang).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    words = folder / query_words.FILE
    words.write_bytes(query_words.query_words_json(catalog))
    result = subprocess.run(
        [node, str(SEARCH), str(folder), str(words)],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    opps = encoding.ordered(catalog)
    assert found["n"] == len(opps)
    # A listing with several tracks has a result per track: the set counts the listing once.
    return [list(dict.fromkeys(opps[i].id for i in ordinals)) for ordinals in found["results"]]


def scores(entry: dict[str, Any], found: list[str]) -> tuple[float, float]:
    """(recall, precision at TOP) of one query's results."""
    expect = set(entry["expect"])
    wanted = expect | set(entry.get("may") or ())
    recall = len(expect & set(found)) / len(expect) if expect else float(not found)
    top = found[:TOP]
    precision = sum(i in wanted for i in top) / len(top) if top else float(not expect)
    return recall, precision


def test_the_set_has_enough_queries_of_real_listings(catalog: Catalog) -> None:
    data = query_set()
    for lang in LANGS:
        entries = data[lang]
        assert len(entries) >= MIN_QUERIES, lang
        queries = [e["query"] for e in entries]
        assert len(set(queries)) == len(queries), lang
        for required in (
            "healthcare",
            "health care",
            "coding",
            "hospital",
            "enfermería",
            "salud",
            "medicina",
            "pagado",
            "verano",
            "part-time",
        ):
            assert required in queries, (lang, required)
        for e in entries:
            unknown = {*e["expect"], *(e.get("may") or ())} - set(catalog.opportunities)
            assert not unknown, (lang, e["query"], unknown)


@pytest.mark.parametrize("lang", LANGS)
def test_recall_and_precision_at_ten(catalog: Catalog, lang: str, tmp_path: Path) -> None:
    entries = query_set()[lang]
    results = search(catalog, lang, [e["query"] for e in entries], tmp_path)
    figures = [scores(e, found) for e, found in zip(entries, results, strict=True)]
    recall = sum(r for r, _ in figures) / len(figures)
    precision = sum(p for _, p in figures) / len(figures)
    print(f"\nrelevance {lang}: {len(entries)} queries, recall {recall:.3f}, precision@{TOP} {precision:.3f}")
    weak = [(e["query"], round(r, 2), round(p, 2)) for e, (r, p) in zip(entries, figures, strict=True) if r < 1 or p < 1]
    for query, r, p in weak:
        print(f"  {query!r}: recall {r}, precision@{TOP} {p}")
    assert recall >= RECALL, weak
    assert precision >= PRECISION, weak


def first_misplaced(entry: dict[str, Any], found: list[str]) -> str | None:
    """With `expect_first`, the first `expect` listing found after a listing that is only in `may`, else None."""
    if not entry.get("expect_first"):
        return None
    expect, seen_other = set(entry["expect"]), False
    for i in found:
        if i not in expect:
            seen_other = True
        elif seen_other:
            return i
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_listings_that_are_what_a_query_is_after_come_first(catalog: Catalog, lang: str, tmp_path: Path) -> None:
    """A listing about health care ranks above one whose description only says "hospital" ("health care" finds
    it through a synonym): the words' own listings first."""
    entries = [e for e in query_set()[lang] if e.get("expect_first")]
    assert entries, lang
    results = search(catalog, lang, [e["query"] for e in entries], tmp_path)
    wrong = {e["query"]: (i, found) for e, found in zip(entries, results, strict=True) if (i := first_misplaced(e, found))}
    assert not wrong, wrong


def test_first_misplaced_sees_an_expected_listing_after_another() -> None:
    entry = {"expect": ["a", "b"], "may": ["c"], "expect_first": True}
    assert first_misplaced(entry, ["a", "b", "c"]) is None
    assert first_misplaced(entry, ["a", "c", "b"]) == "b"
    assert first_misplaced({**entry, "expect_first": False}, ["c", "a"]) is None


def test_negative_pay_words_do_not_find_paid_listings(catalog: Catalog, tmp_path: Path) -> None:
    paid = {o.id for o in catalog.opportunities.values() if o.pay_type in ("paid", "stipend")}
    unpaid = {o.id for o in catalog.opportunities.values() if o.pay_type == "unpaid"}
    found = search(catalog, "es", ["pagado", "pagada"], tmp_path)
    for ids in found:
        assert set(ids) & paid and not set(ids) & unpaid  # "Sin pago" is not "pagado"
