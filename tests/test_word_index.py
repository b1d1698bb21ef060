"""The browse page's word index (generator/render/word_index.py): words, stems, shards, postings, matching."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import index_reader
import pytest
from sitebuild import OPPORTUNITY, minimal_catalog

from generator.model import Catalog
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render import browse_index as bi
from generator.render import encoding
from generator.render import word_index as wi

AS_OF = dt.date(2026, 11, 22)
LANGS = ("en", "es")

# Three listings of one organization. The deadlines make the front desk job ordinal 0, so a search for
# "internship" must rank the lab internship (title) above it (description only) against the ordinal order.
FRONT_DESK = (
    OPPORTUNITY.replace("title: Lab Internship", "title: Front Desk Assistant")
    .replace("A paid summer internship in a clinic lab.", "Greet patients at the front desk.")
    .replace(
        "  Work with lab staff.",
        "  This is a part-time job, not an internship. Details on [our site](https://example.org/secretword).\n"
        "  Form " + "X" * 40 + ".",
    )
    .replace("deadline: 2027-03-01", "deadline: 2027-01-15")
    .replace("format: internship", "format: cooperative-education")
)
NURSE_SHADOW = (
    OPPORTUNITY.replace("title: Lab Internship", "title: Nurse Job Shadow")
    .replace("A paid summer internship in a clinic lab.", "Shadow a nurse for one day.")
    .replace("  Work with lab staff.", "  Follow nurses on their rounds at the Señora Café clinic.")
    .replace("deadline: 2027-03-01", "deadline: 2027-05-01")
    .replace("format: internship\nstage: training", "format: job-shadow\nstage: exploration")
    .replace(
        "last_reviewed: 2026-10-01",
        "last_reviewed: 2026-10-01\ntranslations:\n  es:\n    title: Observación de enfermería\n    summary: Acompaña a una enfermera durante un día.",
    )
)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    folder = minimal_catalog(tmp_path_factory.mktemp("words") / "catalog")
    (folder / "vocabularies" / "synonyms.yml").unlink()  # the words as written; synonyms have their own tests
    org = folder / "employers" / "acme-health"
    (org / "front-desk.yml").write_text(FRONT_DESK, encoding="utf-8")
    (org / "nurse-shadow.yml").write_text(NURSE_SHADOW, encoding="utf-8")
    checked = check_catalog(folder, as_of=AS_OF)
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog


@pytest.fixture(scope="module")
def indexes(catalog: Catalog) -> dict[str, tuple[dict[str, Any], dict[str, bytes]]]:
    return {lang: wi.word_files(catalog, lang) for lang in LANGS}


def find(catalog: Catalog, indexes: dict, lang: str, query: str) -> list[str]:
    """The ids a query finds, best first, read back from the files as the browser reads them."""
    meta, files = indexes[lang]
    opps = encoding.ordered(catalog)
    return [opps[i].slug for i in index_reader.search(query, meta, lambda name: json.loads(files[name]), len(opps))]


# ---------- words ----------


def test_fold_lowercases_and_drops_accents_whatever_the_normalization() -> None:
    assert wi.fold("Enfermería") == wi.fold(unicodedata.normalize("NFD", "Enfermería")) == "enfermeria"
    assert wi.fold("ÑANDÚ Über Ça") == "nandu uber ca"
    assert wi.fold("plain ascii") == "plain ascii"


def test_fold_drops_exactly_the_combining_marks() -> None:
    text = "".join(map(chr, range(0x80, 0x3000))) + " Café Ñu"
    marks = {ord(c): None for c in set(unicodedata.normalize("NFD", text.lower())) if unicodedata.category(c)[0] == "M"}
    assert wi.fold(text) == unicodedata.normalize("NFD", text.lower()).translate(marks)


def test_a_folded_word_keeps_its_last_accented_spelling() -> None:
    assert wi.words_and_spellings("Papá pápa papá, pápa papa") == (["papa"] * 5, {"papa": "pápa"})
    assert wi.words_and_spellings("Año\u00a0niño\tCAFÉ-x") == (
        ["ano", "nino", "cafe", "x"],
        {"ano": "año", "nino": "niño", "cafe": "café"},
    )


def test_words_split_on_anything_but_letters_and_digits() -> None:
    assert wi.words("Health-care, CPR_certified (2027) año") == ["health", "care", "cpr", "certified", "2027", "ano"]
    assert wi.words("x" * wi.MAX_WORD + " " + "y" * (wi.MAX_WORD + 1)) == ["x" * wi.MAX_WORD]
    assert wi.words("中文 课程") == ["中文", "课程"]


def test_shard_files_are_the_first_two_characters_or_their_code_points() -> None:
    assert [wi.shard_key(w) for w in ("internship", "a", "90802")] == ["in", "a", "90"]
    assert wi.shard_file("in") == "in.json" and wi.shard_file("a") == "a.json"
    assert wi.shard_file("中文") == "_4e2d-6587.json"
    assert wi.shard_file("ß") == "_df.json"


def test_stems_come_from_the_accented_word_and_are_folded() -> None:
    assert wi.stem("enfermería", "es") == "enferm"  # the unaccented spelling would stem to "enfermeri"
    assert wi.stem("enfermeras", "es") == "enfermer"
    assert {wi.stem(w, "en") for w in ("nurse", "nurses", "nursing")} == {"nurs"}


# ---------- what is indexed ----------


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_of_title_and_organization_is_indexed_for_its_listing(catalog: Catalog, indexes: dict, lang: str) -> None:
    meta, files = indexes[lang]
    n = len(catalog.opportunities)
    decoded = {}
    for name in files:
        for word, _, every, strong in index_reader.read_shard(json.loads(files[name]), n):
            decoded[word] = (set(every), set(strong))
    view = View(catalog, lang, "")
    for ordinal, opp in enumerate(encoding.ordered(catalog)):
        strong, other = wi.listing_texts(catalog, opp, view)
        for text, _ in strong:
            for word in wi.words(text):
                assert ordinal in decoded[word][1] and ordinal in decoded[word][0], (word, opp.id)
        for text, _ in other:
            for word in wi.words(text):
                assert ordinal in decoded[word][0], (word, opp.id)
    assert all(strong <= every for every, strong in decoded.values())


def test_spanish_pages_index_spanish_text_and_labels(catalog: Catalog, indexes: dict) -> None:
    assert find(catalog, indexes, "es", "observación") == ["nurse-shadow"]
    assert find(catalog, indexes, "en", "observación") == []
    assert find(catalog, indexes, "es", "pasantía") == ["lab-internship"]  # the format's Spanish label
    assert find(catalog, indexes, "es", "internship") == ["lab-internship", "front-desk"]  # English titles stand in


def test_words_longer_than_the_limit_are_not_indexed(catalog: Catalog, indexes: dict) -> None:
    for lang in LANGS:
        _, files = indexes[lang]
        indexed = [word for data in map(json.loads, files.values()) for word in data["w"]]
        assert "form" in indexed and max(map(len, indexed)) <= wi.MAX_WORD
        assert find(catalog, indexes, lang, "x" * wi.MAX_WORD) == []


def test_link_targets_and_addresses_are_not_words(catalog: Catalog, indexes: dict) -> None:
    for lang in LANGS:
        assert find(catalog, indexes, lang, "secretword") == []
        assert find(catalog, indexes, lang, "https") == []


# ---------- files ----------


@pytest.mark.parametrize("lang", LANGS)
def test_shards_hold_the_words_of_their_key_and_the_meta_lists_them(indexes: dict, lang: str) -> None:
    meta, files = indexes[lang]
    keys = meta["shards"].split()
    assert keys == sorted(keys) and sorted(files) == sorted(wi.shard_file(k) for k in keys)
    assert meta["endings"] == list(wi.ENDINGS[lang]) and meta["stem"] == wi.MIN_STEM and meta["path"] == "words/"
    for key in keys:
        data = json.loads(files[wi.shard_file(key)])
        assert data["w"] == sorted(data["w"]) and all(wi.shard_key(w) == key for w in data["w"])
        assert len(data["w"]) == len(data["s"]) == len(data["c"]) == len(data["p"]) == len(data["tc"]) == len(data["tp"])


def test_facets_json_carries_the_word_index_entry(catalog: Catalog, indexes: dict) -> None:
    for lang in LANGS:
        files = bi.browse_files(catalog, lang)
        assert json.loads(files["facets.json"])["words"] == indexes[lang][0]
        assert {name for name in files if name.startswith("words/")} == {"words/" + name for name in indexes[lang][1]}


def test_output_is_deterministic(catalog: Catalog, indexes: dict) -> None:
    assert {lang: wi.word_files(catalog, lang) for lang in LANGS} == indexes


def test_postings_round_trip_with_dense_and_sparse_words() -> None:
    entries = {
        "w": ["aa", "ab"],
        "s": [0, "a"],
        "c": [3, 1],
        "p": [encoding.rice([0, 1, 2], 4), encoding.rice([3], 4)],
        "tc": [0, 1],
        "tp": ["", encoding.rice([3], 4)],
    }
    assert index_reader.read_shard(entries, 4) == [("aa", "aa", [0, 1, 2], []), ("ab", "a", [3], [3])]


# ---------- matching ----------


def test_a_query_word_matches_as_a_prefix(catalog: Catalog, indexes: dict) -> None:
    assert find(catalog, indexes, "en", "intern") == ["lab-internship", "front-desk"]
    assert find(catalog, indexes, "en", "INTERN") == find(catalog, indexes, "en", "intern")


def test_title_matches_rank_before_description_matches(catalog: Catalog, indexes: dict) -> None:
    opps = encoding.ordered(catalog)
    assert [o.slug for o in opps][:2] == ["front-desk", "lab-internship"]  # the description-only match comes first by ordinal
    assert find(catalog, indexes, "en", "internship") == ["lab-internship", "front-desk"]
    assert find(catalog, indexes, "en", "acme internship") == ["lab-internship", "front-desk"]  # two title words beat one


def test_stems_match_other_forms_of_a_word(catalog: Catalog, indexes: dict) -> None:
    assert find(catalog, indexes, "en", "nursing") == ["nurse-shadow"]  # not in the listing: nurse's stem plus "ing"
    assert find(catalog, indexes, "en", "nurses") == ["nurse-shadow"]
    for query in ("enfermera", "enfermería", "enfermeria", "Enfermeras", "enfermero"):
        assert find(catalog, indexes, "es", query) == ["nurse-shadow"], query
    assert find(catalog, indexes, "en", "nursery") == []  # not an ending: no match


def test_every_word_must_match(catalog: Catalog, indexes: dict) -> None:
    assert find(catalog, indexes, "en", "lab staff") == ["lab-internship"]
    assert find(catalog, indexes, "en", "lab nurse") == []
    assert find(catalog, indexes, "en", "long beach") == [
        "front-desk",
        "lab-internship",
        "nurse-shadow",
    ]  # titles tie: ordinal order
    assert find(catalog, indexes, "es", "señora café") == find(catalog, indexes, "es", "senora cafe") == ["nurse-shadow"]


def test_one_character_words_match_only_themselves() -> None:
    entries = [("a", "a", [], []), ("ab", "ab", [], [])]
    assert index_reader.matches("a", entries, ("",), 4) == [0]
    assert index_reader.matches("ab", entries, ("",), 4) == [1]


def test_a_query_without_words_finds_nothing(catalog: Catalog, indexes: dict) -> None:
    assert find(catalog, indexes, "en", " -- ") == []
    assert find(catalog, indexes, "en", "zzzz") == []


def test_written_folder_is_replaced_not_merged(catalog: Catalog, tmp_path: Path) -> None:
    stale = tmp_path / "browse-data" / "en" / "words" / "zz.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    bi.write_browse_index(catalog, tmp_path)
    assert not stale.exists()
    assert sorted(p.name for p in stale.parent.iterdir()) == sorted(wi.word_files(catalog, "en")[1])


# ---------- who may apply, pay and how to apply ----------


@pytest.fixture(scope="module")
def programs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, dict[str, tuple[dict[str, Any], dict[str, bytes]]]]:
    from test_facets import FEE_CAMP, FREE_TALK, YOUTH_JOBS

    folder = minimal_catalog(tmp_path_factory.mktemp("programs") / "catalog")
    org = folder / "employers" / "acme-health"
    for name, text in (("youth-jobs", YOUTH_JOBS), ("career-talk", FREE_TALK), ("coding-camp", FEE_CAMP)):
        (org / f"{name}.yml").write_text(text, encoding="utf-8")
    checked = check_catalog(folder, as_of=AS_OF)
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog, {lang: wi.word_files(checked.catalog, lang) for lang in LANGS}


@pytest.mark.parametrize(
    ("lang", "query", "found"),
    [
        ("en", "foster youth", ["youth-jobs"]),  # a group the listing is only for
        ("es", "crianza", ["youth-jobs"]),
        ("en", "riverbend", ["youth-jobs"]),  # the public funder, as written
        ("es", "riverbend", ["youth-jobs"]),
        ("en", "tuberculosis", ["youth-jobs"]),  # a need's label
        ("es", "tuberculosis", ["youth-jobs"]),
        ("en", "lottery", ["youth-jobs"]),  # how to apply
        ("es", "sorteo", ["youth-jobs"]),
        ("en", "out of school", ["youth-jobs"]),  # the school status it names
        ("es", "graduado", ["youth-jobs"]),
        ("en", "free", ["career-talk"]),  # the pay types that are not pay
        ("es", "gratis", ["career-talk"]),
        ("en", "fee", ["coding-camp"]),
        ("es", "costo", ["coding-camp"]),
    ],
)
def test_the_facts_of_who_may_apply_and_how_are_searchable(programs: tuple, lang: str, query: str, found: list[str]) -> None:
    catalog, indexes = programs
    assert find(catalog, indexes, lang, query) == found


def test_a_listing_that_names_none_of_them_adds_no_words(programs: tuple) -> None:
    catalog, _ = programs
    view = View(catalog, "en", "opportunities/")
    strong, other = wi.listing_texts(catalog, catalog.opportunities["acme-health/lab-internship"], view)
    texts = " ".join(text for text, _ in other)
    assert not {"lottery", "school", "tuberculosis", "foster"} & set(wi.words(texts))


# ---------- synonyms, joined words, finished words, pay ----------

SYNONYMS = """\
items:
  - id: coding
    name: Coding
    name_es: Programación
    finds: [software, computer science]
    finds_es: [informática]
  - id: hospital
    name: Hospital
    name_es: Hospital
    finds: [health care, phlebotomy]
    finds_es: [flebotomía]
"""
SOFTWARE = (
    OPPORTUNITY.replace("title: Lab Internship", "title: Software Testing Internship")
    .replace("A paid summer internship in a clinic lab.", "Test apps with a software team.")
    .replace("  Work with lab staff.", "  Learn computer science basics at our healthcare software company.")
)
HOTEL = (
    OPPORTUNITY.replace("title: Lab Internship", "title: Hotel Front Office Job Shadow")
    .replace("A paid summer internship in a clinic lab.", "A day in hospitality.")
    .replace("  Work with lab staff.", "  See the hospitality industry up close.")
    .replace("  type: paid\n  amount: 19.5\n  unit: hour\n", "  type: unpaid\n")
)


@pytest.fixture(scope="module")
def expanded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, dict[str, tuple[dict[str, Any], dict[str, bytes]]]]:
    folder = minimal_catalog(tmp_path_factory.mktemp("expanded") / "catalog")
    (folder / "vocabularies" / "synonyms.yml").write_text(SYNONYMS, encoding="utf-8")
    org = folder / "employers" / "acme-health"
    (org / "software.yml").write_text(SOFTWARE, encoding="utf-8")
    (org / "hotel.yml").write_text(HOTEL, encoding="utf-8")
    (org / "lab-internship.yml").write_text(
        OPPORTUNITY.replace("  Work with lab staff.", "  Learn phlebotomy from lab staff."), encoding="utf-8"
    )
    checked = check_catalog(folder, as_of=AS_OF)
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog, {lang: wi.word_files(checked.catalog, lang) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_a_synonym_finds_what_its_entry_lists_one_way(expanded: tuple, lang: str) -> None:
    catalog, indexes = expanded
    assert find(catalog, indexes, lang, "coding") == ["software"]  # the listing says "software"
    assert find(catalog, indexes, lang, "programación") == ["software"]  # the entry's other name
    assert find(catalog, indexes, lang, "software") == ["software"]  # not the other way
    assert find(catalog, indexes, lang, "phlebotomy") == ["lab-internship"]


def test_a_synonym_finds_other_forms_and_phrases_written_together(expanded: tuple) -> None:
    catalog, indexes = expanded
    # The lab internship says "phlebotomy"; the software listing "healthcare", the phrase "health care" written as one.
    assert find(catalog, indexes, "en", "hospital") == ["lab-internship", "software"]


def test_joined_and_split_forms_find_each_other(expanded: tuple) -> None:
    catalog, indexes = expanded
    # "health care" is a phrase of synonyms.yml: the listing that writes "healthcare" is under both words.
    assert find(catalog, indexes, "en", "health care") == ["software"]
    assert find(catalog, indexes, "en", "healthcare") == ["software"]
    assert find(catalog, indexes, "en", "part-time") == find(catalog, indexes, "en", "part time")


def test_a_finished_word_does_not_find_a_longer_word_of_another_meaning(expanded: tuple) -> None:
    catalog, indexes = expanded
    assert "hotel" not in find(catalog, indexes, "en", "hospital")  # "hospitality": same Snowball stem
    assert "hotel" not in find(catalog, indexes, "es", "hospital")
    assert sorted(find(catalog, indexes, "en", "hospita")) == [
        "hotel",
        "lab-internship",
        "software",
    ]  # still being typed: a prefix


def test_the_name_of_unpaid_does_not_find_paid_listings(expanded: tuple) -> None:
    catalog, indexes = expanded
    paid = ["lab-internship", "software"]
    assert find(catalog, indexes, "es", "pagada") == paid
    assert "hotel" not in find(catalog, indexes, "es", "pago")  # "Sin pago" is one word, "sinpago"
    assert find(catalog, indexes, "es", "sin pago") == ["hotel"]
    assert find(catalog, indexes, "en", "unpaid") == ["hotel"]
    assert "hotel" not in find(catalog, indexes, "en", "paid")


def test_synonyms_yml_is_optional(catalog: Catalog) -> None:
    assert not catalog.vocabularies.items(wi.SYNONYMS)
    assert wi._synonym_groups(catalog) == []


# ---------- split shards ----------


def test_split_keys_take_three_characters_and_a_split_key_looks_in_its_extensions() -> None:
    split = {"co"}
    assert [wi.shard_key(w, split) for w in ("coding", "co", "c", "cod", "nurse")] == ["cod", "co", "c", "cod", "nu"]
    keys = {"co", "cod", "com", "nu", "c"}
    assert wi.query_keys("co", split, keys) == ["co", "cod", "com"]  # the words "co" begins
    assert wi.query_keys("coding", split, keys) == ["cod"]
    assert wi.query_keys("cop", split, keys) == []  # no word starts so
    assert wi.query_keys("nurse", split, keys) == ["nu"]
    assert wi.shard_file("cod") == "cod.json"


@pytest.mark.parametrize("lang", LANGS)
def test_split_shards_find_what_whole_shards_find(lang: str) -> None:
    """Splitting changes which files a search downloads, never what it finds: every two- and three-character start,
    word and pair of words of the bundled catalog's titles, with every shard split, half of them, and none."""
    from sitebuild import ROOT

    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    catalog = checked.catalog
    n = sum(len(opp.rows) for opp in catalog.opportunities.values())
    view = View(catalog, lang, "opportunities/")
    queries: set[str] = {"health care", "sin pago", "co op", "part time"}
    for opp in catalog.opportunities.values():
        title = wi.words(opp.text("title", lang).value)
        queries.update(title)
        queries.update(w[:size] for w in title for size in (2, 3))
        queries.update(" ".join(pair) for pair in zip(title, title[1:], strict=False))
    assert view.lang == lang and len(queries) > 200
    whole_meta, whole = wi.word_files(catalog, lang, split_bytes=1 << 30)
    sizes = sorted(map(len, whole.values()))
    assert not whole_meta["split"]
    for split_bytes in (0, sizes[len(sizes) // 2]):
        meta, files = wi.word_files(catalog, lang, split_bytes=split_bytes)
        assert meta["split"] and len(files) > len(whole)
        for query in sorted(queries):
            got = index_reader.search(query, meta, lambda name, f=files: json.loads(f[name]), n)
            want = index_reader.search(query, whole_meta, lambda name: json.loads(whole[name]), n)
            assert got == want, (split_bytes, query)
