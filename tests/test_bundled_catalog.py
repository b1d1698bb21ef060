"""The bundled catalog passes, and no catalog file is ever skipped in silence."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, CATALOG_TODAY, ROOT, copy_fixture

from generator.check.discover import shown_path
from generator.check.load import load_all
from generator.model.checked import check_catalog

SUMMARY = re.compile(r"^(\d+) files checked, 0 errors, (\d+) warnings?$")


def test_bundled_catalog_passes_the_check() -> None:
    env = {**os.environ, "CATALOG_TODAY": CATALOG_TODAY, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    lines = result.stdout.splitlines()
    assert [line for line in lines if ": error: " in line] == []
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines and SUMMARY.match(lines[-1]), lines[-1:]
    assert int(SUMMARY.match(lines[-1]).group(1)) == sum(1 for _ in (ROOT / "catalog").rglob("*.yml"))  # type: ignore[union-attr]


def uncovered(root: Path) -> set[str]:
    """.yml files under root that are neither a loaded record nor named by an error.

    An error on a folder covers the files inside it (an unexpected folder, an
    organization folder with a bad name, a symbolic link to a folder).
    """
    records = {r.shown for r in load_all(root).records}
    errors = {p.path for p in check_catalog(root, as_of=AS_OF).problems if p.severity == "error"}
    files = {shown_path(p) for p in root.rglob("*.yml")}
    return {f for f in files if f not in records and not any(f == e or f.startswith(e + "/") for e in errors)}


def test_every_bundled_file_is_a_record_or_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert uncovered(ROOT / "catalog") == set()


def test_every_broken_file_is_a_record_or_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = copy_fixture("broken_files", tmp_path)
    (root / "employers/acme/huge.yml").write_text("title: " + "x" * 300_000 + "\n", encoding="utf-8")
    assert uncovered(root) == set()
    records = {r.shown for r in load_all(root).records}
    # Files that load may still carry errors: a broken reference, text cut at a comma.
    assert {r for r in records if "/employers/" in r} == {
        "catalog/employers/acme/bad-reference.yml",
        "catalog/employers/acme/flow-comma.yml",
        "catalog/employers/acme/organization.yml",
        "catalog/employers/acme/welding-intern.yml",
        "catalog/employers/no-profile/listing.yml",
    }


def test_broken_files_are_each_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = copy_fixture("broken_files", tmp_path)
    checked = check_catalog(root, as_of=AS_OF)
    assert not checked.ok
    assert sorted({(p.path, p.code) for p in checked.errors}) == [
        ("catalog/drafts", "unexpected-folder"),
        ("catalog/employers/Acme-Corp", "bad-id"),
        ("catalog/employers/acme/.DS_Store", "hidden-file"),
        ("catalog/employers/acme/Bad_Name.yml", "bad-id"),
        ("catalog/employers/acme/bad-reference.yml", "unknown-reference"),
        ("catalog/employers/acme/comment-only.yml", "empty-file"),
        ("catalog/employers/acme/control.yml", "control-character"),
        ("catalog/employers/acme/deep.yml", "yaml-depth"),
        ("catalog/employers/acme/duplicate-keys.yml", "yaml-duplicate-key"),
        ("catalog/employers/acme/empty.yml", "empty-file"),
        ("catalog/employers/acme/flow-comma.yml", "yaml-flow-comma"),
        ("catalog/employers/acme/latin1.yml", "encoding"),
        ("catalog/employers/acme/laughs.yml", "yaml-alias"),
        ("catalog/employers/acme/link.yml", "symlink"),
        ("catalog/employers/acme/notes.yaml", "extension"),
        ("catalog/employers/acme/tabs.yml", "yaml-tab"),
        ("catalog/employers/acme/tagged.yml", "yaml-tag"),
        ("catalog/employers/acme/top-list.yml", "top-level"),
        ("catalog/employers/acme/two-docs.yml", "yaml-documents"),
        ("catalog/employers/acme/unknown-key.yml", "unknown-key"),
        ("catalog/employers/acme/utf16.yml", "encoding"),
        ("catalog/employers/no-profile/organization.yml", "missing-organization"),
        ("catalog/notes.yml", "unexpected-file"),
        ("catalog/pathways/broken-syntax.yml", "yaml-syntax"),
        ("catalog/retired.yml", "wrong-type"),
        ("catalog/vocabularies/colors.yml", "unexpected-file"),
    ]
    # The model is still built from what did load, so a preview can show it.
    assert set(checked.catalog.opportunities) == {"acme/bad-reference", "acme/flow-comma", "acme/welding-intern"}
