"""The golden files of the browse page's unit tests (tests/js/golden/) are what the generator's encoders write now.

tests/js/make_golden.py writes them; the JavaScript tests (tests/test_js.py runs them) decode them
with the page's modules. A difference here means that an encoder changed: run
`.venv/bin/python tests/js/make_golden.py`, check that the JavaScript tests still pass, and commit
the new files with the change.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent / "js"
REGENERATE = "Run `.venv/bin/python tests/js/make_golden.py` and commit tests/js/golden/."


def _make_golden() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_golden", HERE / "make_golden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_golden() -> ModuleType:
    return _make_golden()


@pytest.fixture(scope="module")
def generated(make_golden: ModuleType) -> dict[str, Any]:
    return make_golden.golden()


def test_the_golden_files_are_the_ones_written(generated: dict[str, Any]) -> None:
    committed = sorted(p.name for p in (HERE / "golden").glob("*.json"))
    assert committed == sorted(generated), REGENERATE


@pytest.mark.parametrize("name", ["rice.json", "encodings.json", "text.json", "browse-en.json", "browse-es.json"])
def test_golden_file_matches_the_encoders(generated: dict[str, Any], make_golden: ModuleType, name: str) -> None:
    path = HERE / "golden" / name
    assert path.is_file(), REGENERATE
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == generated[name], f"{name} differs from what the encoders write now. {REGENERATE}"
    assert text == make_golden.dumps(generated[name]), f"{name} is not formatted as make_golden.py writes it. {REGENERATE}"


def test_the_golden_catalog_spans_several_bitset_words(generated: dict[str, Any]) -> None:
    for lang in ("en", "es"):
        expected = generated[f"browse-{lang}.json"]["expected"]
        assert expected["n"] > 64
        assert any(q["results"] for q in expected["queries"])
        assert any(not q["results"] for q in expected["queries"])
