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
    assert table["format"] == query_words.FORMAT and set(table) == {"format", "area", "pay"}
    assert len(data) < 10_000
    assert not any(opp.id in data.decode() for opp in catalog.opportunities.values())


def test_phrases_are_folded_as_the_search_folds_them() -> None:
    assert query_words.phrase("Sur de Los Ángeles") == "sur de los angeles"
    assert query_words.phrase("Pico-Union") == "pico union"
