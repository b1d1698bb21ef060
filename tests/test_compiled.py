"""The cache of compiled validators: keyed by content, never stale, optional, and invisible in the results."""

from __future__ import annotations

import copy
import marshal
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
from conftest import AS_OF, FIXTURES, copy_fixture, edit
from test_schemas import FIELDS, ODD_VALUES

from generator.check import compiled as compiled_module
from generator.check import schemas
from generator.check.compiled import CACHE_ENV, FORMATS, MAGIC, _read, cache_dir, cache_key, compiled, generate
from generator.check.load import load_all
from generator.check.problems import as_text
from generator.check.schemas import KINDS, Validators, fast_definition
from generator.model.checked import check_catalog

LISTING = "employers/acme/welding-intern.yml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def _vocabularies(root: Path = FIXTURES / "minimal") -> dict[str, list[dict[str, Any]]]:
    return {r.id: r.data["items"] for r in load_all(root).records if r.kind == "vocabulary"}


def _definition(kind: str, vocabularies: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    return fast_definition(Validators(vocabularies).bundles[kind])


def _rejects(validate: Any, data: Any) -> bool:
    try:
        validate(data)
    except fastjsonschema.JsonSchemaException:
        return True
    return False


def test_key_depends_on_content_only() -> None:
    first, second = _definition("opportunity", _vocabularies()), _definition("opportunity", _vocabularies())
    assert cache_key(first) == cache_key(second)
    reordered = dict(reversed(list(first.items())))
    assert cache_key(reordered) == cache_key(first)


def test_key_changes_when_a_schema_changes() -> None:
    definition = _definition("opportunity", _vocabularies())
    changed = copy.deepcopy(definition)
    changed["$defs"]["line"]["maxLength"] -= 1
    assert cache_key(changed) != cache_key(definition)


def test_key_changes_when_a_vocabulary_changes() -> None:
    vocabularies = _vocabularies()
    more = copy.deepcopy(vocabularies)
    more["sectors"].append({**more["sectors"][0], "name": "Energy, Environment, and Utilities"})
    assert cache_key(_definition("opportunity", more)) != cache_key(_definition("opportunity", vocabularies))
    # Rubrics use no vocabulary, so their validator is shared.
    assert cache_key(_definition("rubric", more)) == cache_key(_definition("rubric", vocabularies))


def test_key_changes_with_fastjsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    definition = _definition("retired")
    before = cache_key(definition)
    monkeypatch.setattr(fastjsonschema, "VERSION", "0.0.0")
    assert cache_key(definition) != before


def test_entry_is_written_and_reused(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    definition = _definition("retired")
    compiled(definition)
    entry = cache / f"v{cache_key(definition)}.bin"
    assert entry.is_file()
    monkeypatch.setattr(compiled_module, "generate", lambda _: pytest.fail("the cached entry was not used"))
    assert not _rejects(compiled(definition), {"retired": []})


def test_default_cache_is_outside_the_working_tree(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "wbl-catalog" / "validators"
    monkeypatch.delenv("XDG_CACHE_HOME")
    project = Path(compiled_module.__file__).resolve().parent.parent
    assert project not in cache_dir().resolve().parents


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-10],  # cut short
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped
        lambda data: b"",
        lambda data: MAGIC + b"\0" * 32 + marshal.dumps(compile("raise SystemExit(3)", "x", "exec")),
        lambda data: data[: len(MAGIC) + 32] + b"not marshal",
    ],
)
def test_damaged_or_foreign_entry_is_never_run(cache: Path, damage) -> None:
    definition = _definition("retired")
    compiled(definition)
    entry = cache / f"v{cache_key(definition)}.bin"
    entry.write_bytes(damage(entry.read_bytes()))
    validate = compiled(definition)
    assert not _rejects(validate, {"retired": []})
    assert _rejects(validate, {"retired": "nothing"})
    assert _read(entry) is not None  # replaced by a good entry


def test_a_changed_schema_never_uses_the_old_module(cache: Path) -> None:
    definition = _definition("vocabulary")
    item = {"id": "x", "name": "X", "name_es": "X"}
    data = {"items": [item]}
    assert not _rejects(compiled(definition), data)
    stricter = copy.deepcopy(definition)
    stricter["properties"]["items"]["minItems"] = 2
    assert _rejects(compiled(stricter), data)
    assert len(list(cache.glob("v*.bin"))) == 2


def test_unwritable_cache_folder_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "validators"))
    definition = _definition("opportunity", _vocabularies())
    validate = compiled(definition)
    listing = next(r.data for r in load_all(FIXTURES / "minimal").records if r.kind == "opportunity")
    assert not _rejects(validate, listing)
    assert _rejects(validate, {**listing, "title": "two\nlines"})
    assert blocker.read_text() == "not a folder\n"


def test_trimming_removes_what_only_messages_need() -> None:
    for kind in KINDS:
        code = generate(_definition(kind, _vocabularies()))
        lines = code.splitlines()
        assert not [line for line in lines if "name_prefix or" in line and "raise " not in line], kind
        assert all(line.strip() == 'raise JsonSchemaValueException("invalid")' for line in lines if "raise " in line), kind


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: ".".join(map(str, f)))
def test_trimmed_validator_decides_like_the_untrimmed_one(cache: Path, field: tuple[str | int, ...]) -> None:
    definition = _definition("opportunity", _vocabularies())
    trimmed = compiled(definition)
    untrimmed = fastjsonschema.compile(definition, formats=FORMATS)
    listing = next(r.data for r in load_all(FIXTURES / "minimal").records if r.kind == "opportunity")
    for value in ODD_VALUES:
        data = copy.deepcopy(listing)
        node = data
        for part in field[:-1]:
            node = node[part]
        node[field[-1]] = value
        assert _rejects(trimmed, data) is _rejects(untrimmed, data), value


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    """A catalog whose listing fails its schema in several places."""
    root = copy_fixture("minimal", tmp_path)
    listing = root / LISTING
    edit(listing, "title:", "titel:")
    edit(listing, "  unit: hour", "  unit: fortnight")
    edit(listing, "status: open", "status: open\ncolour: red")
    return root


@pytest.mark.parametrize("catalog", ["flawed", "broken_files", "broken_ref", "minimal"])
def test_results_identical_with_and_without_cache(
    catalog: str, flawed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = flawed if catalog == "flawed" else FIXTURES / catalog

    def lines() -> list[str]:
        return as_text(check_catalog(root, as_of=AS_OF).problems)

    with monkeypatch.context() as plain:
        plain.setattr(schemas, "compiled", lambda definition: fastjsonschema.compile(definition, formats=FORMATS))
        expected = lines()
    assert expected if catalog != "minimal" else expected == []
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "fresh"))
    assert lines() == expected  # cold: the cache is filled
    assert lines() == expected  # warm: read from it
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "a-file" / "validators"))
    assert lines() == expected  # no cache at all
