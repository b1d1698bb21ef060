"""The browse page's facet index (generator/render/browse_index.py): complete, exact, deterministic."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import index_reader
import pytest
from sitebuild import ROOT

from generator.model import Catalog
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render import browse, encoding
from generator.render import browse_index as bi

AS_OF = dt.date(2026, 11, 22)
LANGS = ("en", "es")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.errors
    return checked.catalog


@pytest.fixture(scope="module")
def files(catalog: Catalog) -> dict[str, dict[str, bytes]]:
    return {lang: bi.browse_files(catalog, lang) for lang in LANGS}


def loads(data: bytes) -> Any:
    assert data.endswith(b"\n")
    return json.loads(data)


def rows_of(data: dict[str, Any], n: int) -> list[list[int]]:
    """A `sets`/`col` encoding, decoded: per ordinal, its set."""
    assert "col" in data
    return index_reader.row_sets(data, None, n)


def members(facet: dict[str, Any], n: int) -> dict[str, set[int]]:
    """One facet of facets.json, decoded: value -> the ordinals that have it."""
    values = facet["values"]
    if "post" in facet:
        return {
            v: set(index_reader.unrice(text, count, n))
            for v, text, count in zip(values, facet["post"], facet["counts"], strict=True)
        }
    out: dict[str, set[int]] = {v: set() for v in values}
    for ordinal, row in enumerate(rows_of(facet, n)):
        for i in row:
            out[values[i]].add(ordinal)
    return out


def expected_members(catalog: Catalog) -> dict[str, dict[str, set[int]]]:
    view = View(catalog, "en", "opportunities/")
    out: dict[str, dict[str, set[int]]] = {}
    for ordinal, opp in enumerate(encoding.ordered(catalog)):
        for name, values in browse.filters(catalog, opp, view):
            for value in values:
                out.setdefault(name, {}).setdefault(value, set()).add(ordinal)
    return out


def shard_cards(lang_files: dict[str, bytes]) -> list[dict[str, str]]:
    index = loads(lang_files["facets.json"])
    shards = sorted((k for k in lang_files if k.startswith("cards-")), key=lambda k: int(k[6:-5]))
    assert shards == [f"cards-{k}.json" for k in range(len(shards))]
    cards = [c for k in shards for c in loads(lang_files[k])]
    assert all(len(loads(lang_files[k])) == index["shard"] for k in shards[:-1])
    return cards


def test_ordinals_are_the_deadline_order(catalog: Catalog) -> None:
    opps = encoding.ordered(catalog)
    keys = [dict(browse.sorts(o))["deadline"] for o in opps]
    assert keys == sorted(keys)
    # Each listing once, or once per track: a tracked listing's rows are its tracks, in their order.
    assert [(o.id, o.track) for o in opps] == [
        (row.id, row.track)
        for o in sorted(catalog.opportunities.values(), key=lambda o: (o.deadline or dt.date.max, o.id))
        for row in o.rows
    ]
    assert sorted({o.id for o in opps}) == sorted(catalog.opportunities)
    assert any(o.track is not None for o in opps)


@pytest.mark.parametrize("lang", LANGS)
def test_shards_hold_every_listing_exactly_once_with_its_card(catalog: Catalog, files: dict, lang: str) -> None:
    cards = shard_cards(files[lang])
    index = loads(files[lang]["facets.json"])
    assert index["n"] == len(cards) == sum(len(o.rows) for o in catalog.opportunities.values())
    assert [(c["u"], c.get("k")) for c in cards] == [(o.id, o.track and o.track.id) for o in encoding.ordered(catalog)]
    assert index["base"] == ("../../opportunities/" if lang == "en" else "../../es/opportunities/")
    view = View(catalog, lang, "opportunities/")
    for c, opp in zip(cards, encoding.ordered(catalog), strict=True):
        title = opp.text("title", lang)
        assert title is not None
        assert c["t"] == title.value
        assert c.get("tl") == (title.lang if title.lang != lang else None)
        org = catalog.organizations[opp.org_id].text("name", lang)
        assert org is not None
        assert c["o"] == org.value and c.get("ol") == (org.lang if org.lang != lang else None)
        where = c["w"] if isinstance(c["w"], list) else [c["w"]]
        # A deadline the browser counts days to (`dn`) is its date alone; the others as the pages write them.
        assert (c["p"], where, c["d"]) == (
            view.pay(opp),
            view.where_parts(opp),
            (view.deadline_date if c.get("dn") else view.deadline)(opp),
        )
        assert c.get("dn") is None or view.status_key(opp) in ("open", "upcoming")
        assert (c["s"], c["sl"]) == (view.status_key(opp), view.card_status(opp))


def test_spanish_cards_mark_english_fallback_titles(files: dict) -> None:
    cards = shard_cards(files["es"])
    assert all(c.get("tl") in (None, "en") for c in cards)
    assert not any("tl" in c for c in shard_cards(files["en"]))


def whole(lang_files: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    """Every facet of a language's files, those in files of their own put back."""
    return index_reader.whole_facets(loads(lang_files["facets.json"]), lambda name: loads(lang_files[name]))


@pytest.mark.parametrize("lang", LANGS)
def test_posting_lists_decode_to_exactly_the_listings_with_that_value(catalog: Catalog, files: dict, lang: str) -> None:
    index = loads(files[lang]["facets.json"])
    n = index["n"]
    expected = expected_members(catalog)
    assert list(index["facets"]) == [
        name for name in (f["name"] for f in browse.labels(catalog, View(catalog, lang, ""))["facets"]) if name in expected
    ]
    for name, facet in whole(files[lang]).items():
        assert members(facet, n) == expected[name], name


def check_split(catalog: Catalog, lang_files: dict[str, bytes]) -> None:
    """facets.json and the facets' own files together say what the whole index says: the same listings per value,
    the same counts, the same labels; facets.json has what the first view needs and nothing it does not."""
    index = loads(lang_files["facets.json"])
    n = index["n"]
    assert index["format"] == bi.FORMAT
    encoded = bi.encoded_facets(catalog)
    assert whole(lang_files) == encoded
    view = View(catalog, index["lang"], bi.FOLDER + "/")
    labels = {f["name"]: f["values"] for f in browse.labels(catalog, view)["facets"] if f["name"] in browse.INDEXED_LABELS}
    shipped = dict(index["labels"])
    own_files = {name: f["file"] for name, f in index["facets"].items() if "file" in f}
    assert set(lang_files) >= set(own_files.values())
    assert sorted(name for name in lang_files if name.startswith("facet-")) == sorted(own_files.values())
    for name, facet in index["facets"].items():
        assert ("file" not in facet) == bi.first_view(name), name
        counts = [len(m) for m in members(encoded[name], n).values()]
        if "file" not in facet:
            continue
        own = loads(lang_files[facet["file"]])
        assert own["format"] == bi.FORMAT
        if name in labels:
            # Values that grow with the catalog: none of them in facets.json.
            assert facet == {"file": f"facet-{name}.json", "size": len(encoded[name]["values"])}
            assert own["counts"] == counts
            shipped[name] = own["labels"]
        else:
            assert facet == {"file": f"facet-{name}.json", "values": encoded[name]["values"], "counts": counts}
            assert "labels" not in own
    assert shipped == {name: values for name, values in labels.items() if name in encoded}
    assert "status" in index["facets"] and "file" not in index["facets"]["status"]
    assert "org" in own_files  # the one facet whose values grow with every organization


@pytest.mark.parametrize("lang", LANGS)
def test_split_index_says_what_the_whole_index_says(catalog: Catalog, files: dict, lang: str) -> None:
    check_split(catalog, files[lang])


def test_split_index_of_a_synthetic_catalog(tmp_path: Path) -> None:
    """At 2,000 listings, every facet of the synthetic catalog has values, and org's labels are its 200 or so."""
    from generator.commands.synth import synthesize

    synthesize(tmp_path / "catalog", 2000, seed=7, as_of=AS_OF)
    checked = check_catalog(tmp_path / "catalog", as_of=AS_OF)
    assert checked.ok, checked.errors[:3]
    lang_files = bi.browse_files(checked.catalog, "en")
    check_split(checked.catalog, lang_files)
    index = loads(lang_files["facets.json"])
    assert index["n"] >= 2000 and len(index["facets"]) == len(bi.FACETS)
    # The first load has the smaller part of the facets: under half of what their own files hold.
    own = sum(len(data) for name, data in lang_files.items() if name.startswith("facet-"))
    assert len(bi.compact_json(index["facets"])) < own / 2


@pytest.mark.parametrize("lang", LANGS)
def test_cards_carry_the_format_and_grades_they_show(catalog: Catalog, files: dict, lang: str) -> None:
    n = loads(files[lang]["facets.json"])["n"]
    facets = {name: members(f, n) for name, f in whole(files[lang]).items()}
    for ordinal, c in enumerate(shard_cards(files[lang])):
        assert [v for v, m in facets["format"].items() if ordinal in m] == [c["f"]]
        grades = sorted(int(v) for v, m in facets["grade"].items() if ordinal in m)
        assert c.get("g") == (None if c.get("ng") or not grades else [grades[0], grades[-1]])


def test_both_encodings_decode_to_the_same_members(catalog: Catalog) -> None:
    """Whichever encoding encode_facet picks, the other one must be right too."""
    opps = encoding.ordered(catalog)
    n = len(opps)
    expected = expected_members(catalog)
    for name, (values, rows) in bi.facet_rows(catalog, opps, View(catalog, "en", "")).items():
        column = {"values": values, **bi.columns(rows)}
        postings = {"values": values, "counts": [sum(i in r for r in rows) for i in range(len(values))]}
        postings["post"] = [encoding.rice([o for o, r in enumerate(rows) if i in r], n) for i in range(len(values))]
        assert members(column, n) == expected[name] == members(postings, n), name


@pytest.mark.parametrize("n", [1, 7, 64, 1000])
def test_rice_round_trips(n: int) -> None:
    rng = random.Random(n)
    for density in (0, 0.001, 0.05, 0.3, 0.5, 0.7, 0.99, 1):
        ordinals = [i for i in range(n) if rng.random() < density] if 0 < density < 1 else list(range(n)) * density
        text = encoding.rice(ordinals, n)
        assert set(text[1:] if text.startswith("!") else text) <= set(encoding.DIGITS)
        assert index_reader.unrice(text, len(ordinals), n) == ordinals


@pytest.mark.parametrize("name", ["reviewed", "pay"])
def test_sort_ranks_order_listings_like_the_sort_keys(catalog: Catalog, files: dict, name: str) -> None:
    opps = encoding.ordered(catalog)
    ranks = [row[0] for row in rows_of(loads(files["en"][f"sort-{name}.json"]), len(opps))]
    assert files["en"][f"sort-{name}.json"] == files["es"][f"sort-{name}.json"]
    keys = [dict(browse.sorts(o))[name] for o in opps]
    value = (lambda k: float(k)) if name == "pay" else (lambda k: k)
    order = sorted(range(len(opps)), key=lambda i: (ranks[i], i))
    shown = [value(keys[i]) for i in order]
    assert shown == sorted(shown, reverse=True)
    assert all((ranks[i] == ranks[j]) == (keys[i] == keys[j]) for i in range(len(opps)) for j in range(len(opps)))


def test_output_is_deterministic(catalog: Catalog, files: dict, tmp_path: Path) -> None:
    again = {lang: bi.browse_files(catalog, lang) for lang in LANGS}
    assert again == files
    for folder in ("a", "b"):
        bi.write_browse_index(catalog, tmp_path / folder)
    written = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in sorted((tmp_path / "a").rglob("*")) if p.is_file()}
    assert written == {p.relative_to(tmp_path / "b"): p.read_bytes() for p in sorted((tmp_path / "b").rglob("*")) if p.is_file()}
    # Each language's files, and the near-me files that every language shares (nearby.py).
    shared = {f"browse-data/{name}" for name in bi.near_files(catalog)}
    assert shared == {"browse-data/zips.json", "browse-data/sites.json"}
    # And the words that ask for a filter (query_words.py), one file for every language too.
    shared.add("browse-data/query-words.json")
    assert {str(p) for p in written} == {f"browse-data/{lang}/{name}" for lang in LANGS for name in files[lang]} | shared


def test_built_site_serves_the_indexes(catalog: Catalog, bundled_site: Path) -> None:
    site = bundled_site
    for lang in LANGS:
        folder = site / "browse-data" / lang
        expected = bi.browse_files(catalog, lang)
        written = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.json"))}
        assert written == expected
        assert any(name.startswith("words/") for name in written)
        html = (site / ("es/" if lang == "es" else "") / "opportunities" / "index.html").read_text(encoding="utf-8")
        assert f'data-index-path="{"../../" if lang == "es" else "../"}browse-data/{lang}/facets.json"' in html
    assert not (site / "pagefind").exists()


@pytest.mark.parametrize("kind", ["post", "sets"])
def test_encode_rows_picks_the_smaller_encoding_and_both_read_back(kind: str) -> None:
    rng = random.Random(5)
    n = 3000
    if kind == "post":
        # Sites: a few hundred points, most rows at one or two of them: each point's rows are short lists.
        rows = [tuple(sorted(rng.sample(range(300), rng.choice((1, 1, 2))))) for _ in range(n)]
    else:
        # A facet of few values, every row with several: one column digit per row beats the posting lists.
        rows = [tuple(sorted(rng.sample(range(6), 3))) for _ in range(n)]
    size = max(v for row in rows for v in row) + 1
    encoded = bi.encode_rows(rows, size, n)
    assert kind in encoded
    assert index_reader.row_sets(encoded, size, n) == [list(row) for row in rows]
    assert index_reader.row_sets(bi.columns(rows), size, n) == [list(row) for row in rows]
