"""Reading a catalog and running its rules in two processes gives what one process gives; a file's editor line leads to its schema."""

from __future__ import annotations

import datetime as dt
import gc
import os
from pathlib import Path

import pytest
from conftest import ROOT, check_lines, copy_fixture
from sitebuild import copy_catalog

from generator import processes
from generator.check import load
from generator.check.problems import as_text
from generator.model.checked import check_catalog

AS_OF = dt.date(2026, 11, 22)


def _broken_catalog(tmp_path: Path) -> Path:
    root = copy_catalog(tmp_path / "catalog")
    org = root / "employers" / "eastside-career-hub"
    (org / "bad-syntax.yml").write_text("title: [unclosed\n", encoding="utf-8")
    (org / "bad-schema.yml").write_text("example: true\ntitle: 12\n", encoding="utf-8")
    (org / "not-utf8.yml").write_bytes(b"title: caf\xe9\n")
    return root


def test_two_processes_read_exactly_what_one_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _broken_catalog(tmp_path)
    monkeypatch.setattr(load, "SHARE_FROM", 10**9)
    gc.unfreeze()
    alone = check_catalog(root, as_of=AS_OF)
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(load, "SHARE_FROM", 0)
    monkeypatch.setattr(processes, "can_fork", lambda: True)  # other tests may have left threads running
    gc.unfreeze()
    shared = check_catalog(root, as_of=AS_OF)
    # What a large check leaves alive is moved out of the collector's sight; a small one leaves it be.
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    assert as_text(shared.problems) == as_text(alone.problems)
    assert len(alone.problems) >= 3
    assert shared.catalog == alone.catalog


def test_entries_come_back_in_order_with_their_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.check.discover import discover

    entries, _, _ = discover(_broken_catalog(tmp_path))
    monkeypatch.setattr(load, "SHARE_FROM", 0)
    monkeypatch.setattr(processes, "can_fork", lambda: True)
    shared = load.read_all(entries)
    assert [loaded.data if loaded else problems for loaded, problems in shared] == [
        loaded.data if loaded else problems for loaded, problems in (load.read_entry(e) for e in entries)
    ]


def test_the_second_half_is_read_by_another_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.check.discover import discover

    entries, _, _ = discover(_broken_catalog(tmp_path))
    monkeypatch.setattr(load, "SHARE_FROM", 0)
    monkeypatch.setattr(processes, "can_fork", lambda: True)
    monkeypatch.setattr(load, "_read_safely", lambda item: (None, [(os.getpid(), item[0].shown)]))
    results = load.read_all(entries)
    readers = [problems[0][0] for _, problems in results]
    assert [problems[0][1] for _, problems in results] == [e.shown for e in entries]
    half = len(entries) // 2
    assert set(readers[:half]) == {os.getpid()}
    assert len(set(readers[half:])) == 1 and readers[-1] != os.getpid()


# -- the editor line (`# yaml-language-server: $schema=...`) ---------------------------------


@pytest.mark.parametrize(
    ("relative", "line", "right"),
    [
        (
            "employers/acme/welding-intern.yml",
            "# yaml-language-server: $schema=../schemas/opportunity.schema.json",
            "../../../schemas/opportunity.schema.json",
        ),
        (
            "employers/acme/organization.yml",
            "# yaml-language-server: $schema=../../../schemas/opportunity.schema.json",
            "../../../schemas/organization.schema.json",
        ),
        ("pathways/manufacturing.yml", "#yaml-language-server:$schema=", "../../schemas/pathway.schema.json"),
        (
            "vocabularies/seasons.yml",
            "# yaml-language-server: $schema=https://example.org/schemas/pathway.schema.json",
            "../../schemas/vocabulary.schema.json",
        ),
    ],
)
def test_wrong_editor_line_is_located_with_the_right_one(minimal: Path, relative: str, line: str, right: str) -> None:
    path = minimal / relative
    path.write_text(f"{line}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    given = line.split("$schema=", 1)[1]
    column = len(line) - len(given) + 1
    kind = right.rsplit("/", 1)[1].split(".")[0]
    assert check_lines(minimal) == [
        f"catalog/{relative}:1:{column}: error: `$schema={given}` does not lead to the {kind} schema from this folder, "
        f"so editors cannot help with this file. Change the line to `# yaml-language-server: $schema={right}`."
    ]


@pytest.mark.parametrize(
    "line",
    [
        "# yaml-language-server: $schema=../../../schemas/opportunity.schema.json",
        "# yaml-language-server: $schema=https://wbl-catalog.example.org/schemas/opportunity.schema.json",
        "# A listing without an editor line: .vscode/settings.json maps the folder to its schema.",
    ],
)
def test_right_or_no_editor_line_passes(minimal: Path, line: str) -> None:
    path = minimal / "employers/acme/welding-intern.yml"
    path.write_text(f"{line}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert check_lines(minimal) == []


def test_editor_line_below_the_top_is_checked_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = copy_fixture("minimal", tmp_path)
    path = root / "retired.yml"
    path.write_text(
        "# Retired listings.\n#  yaml-language-server : $schema=../../schemas/retired.schema.json\nretired: []\n",
        encoding="utf-8",
    )
    assert [line.split(": error: ")[0] for line in check_lines(root)] == ["catalog/retired.yml:2:35"]


def test_editor_lines_of_the_bundled_catalog_are_right() -> None:
    problems = [p for p in check_catalog(ROOT / "catalog", as_of=AS_OF).problems if p.code == "wrong-schema-line"]
    assert problems == []
    assert load.modeline("opportunity") == "../../../schemas/opportunity.schema.json"
    assert (ROOT / "catalog" / "employers" / "x").joinpath(load.modeline("opportunity")).resolve().is_file()
