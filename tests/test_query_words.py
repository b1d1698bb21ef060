"""generator/render/query_words.py: the place and pay words the browse script takes out of a search."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.model import Catalog
from generator.model.checked import check_catalog
from generator.render import query_words

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    checked = check_catalog(ROOT / "catalog", as_of=dt.date(2026, 12, 3))
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog


def test_area_names_cities_and_aliases_in_both_languages(catalog: Catalog) -> None:
    areas = query_words.area_phrases(catalog)
    for phrase in ("south la", "watts", "compton", "south los angeles", "sur de los angeles", "boyle heights"):
        assert phrase in areas, phrase
    assert areas["watts"] == areas["compton"] == ["south-la"]
    assert "los angeles" not in areas  # a city of several areas stays a text search
    assert "online" not in areas  # not a place


def test_pay_words_never_their_opposite(catalog: Catalog) -> None:
    pay = query_words.pay_phrases(catalog)
    assert pay["paid"] == pay["pagado"] == pay["con pago"] == ["paid-any"]
    assert pay["sin pago"] == pay["unpaid"] == pay["no pagado"] == ["unpaid"]
    assert "pago" not in pay


def test_the_file_is_small_and_does_not_grow_with_the_catalog(catalog: Catalog) -> None:
    data = query_words.query_words_json(catalog)
    table = json.loads(data)
    assert table["format"] == query_words.FORMAT
    assert set(table) == {"format", "area", "pay", "mode", "offers", "grade", "age", "cues"}
    assert len(data) < 20_000
    assert not any(opp.id in data.decode() for opp in catalog.opportunities.values())


def test_phrases_are_folded_as_the_search_folds_them() -> None:
    assert query_words.phrase("Sur de Los Ángeles") == "sur de los angeles"
    assert query_words.phrase("Pico-Union") == "pico union"


def test_mode_credit_grade_and_age_words(catalog: Catalog) -> None:
    table = query_words.table(catalog)
    assert table["mode"]["online"] == table["mode"]["en linea"] == ["remote"]  # folded as the search folds it
    assert table["offers"]["college credit"] == table["offers"]["credito universitario"] == ["college-credit"]
    assert table["grade"]["11th grade"] == table["grade"]["grado 11"] == table["grade"]["juniors"] == ["11"]
    assert table["age"]["de 16 anos"] == ["16"]
    assert table["age"]["16 anos"] == ["16"] and table["age"]["15 year olds"] == ["15"]
    assert "10 year old" not in table["age"]  # only the ages the filter offers
    assert "junior" not in table["grade"]  # "Junior Ranger" is a title, not grade 11


def test_place_cues_and_ordinary_place_names(catalog: Catalog) -> None:
    cues = query_words.table(catalog)["cues"]
    assert cues["before"]["near"] == cues["before"]["cerca de"] == ["area", "near"]
    assert cues["before"]["for"] == ["age", "grade"]
    ordinary = cues["ordinary"]
    assert {"commerce", "bell", "paramount"} <= set(ordinary)  # areas.yml's `ordinary`
    assert "compton" not in ordinary and "watts" not in ordinary and "long beach" not in ordinary


def test_a_one_word_place_that_another_vocabulary_uses_is_ordinary(catalog: Catalog) -> None:
    words = query_words.ordinary_words(catalog)
    assert "commerce" in words  # the sectors' "e-commerce"
    areas = {"commerce": ["x"], "compton": ["y"], "south la": ["z"]}
    assert query_words.ordinary_places(catalog, areas) == ["commerce"]  # "south" and "la" are words, the name is not
