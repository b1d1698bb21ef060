"""Reading a catalog in two processes gives what reading it in one gives."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sitebuild import copy_catalog

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
    alone = check_catalog(root, as_of=AS_OF)
    monkeypatch.setattr(load, "SHARE_FROM", 0)
    monkeypatch.setattr(load, "can_fork", lambda: True)  # other tests may have left threads running
    shared = check_catalog(root, as_of=AS_OF)
    assert as_text(shared.problems) == as_text(alone.problems)
    assert len(alone.problems) >= 3
    assert shared.catalog == alone.catalog


def test_entries_come_back_in_order_with_their_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.check.discover import discover

    entries, _, _ = discover(_broken_catalog(tmp_path))
    monkeypatch.setattr(load, "SHARE_FROM", 0)
    monkeypatch.setattr(load, "can_fork", lambda: True)
    shared = load.read_all(entries)
    assert [loaded.data if loaded else problems for loaded, problems in shared] == [
        loaded.data if loaded else problems for loaded, problems in (load.read_entry(e) for e in entries)
    ]


def test_the_second_half_is_read_by_another_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.check.discover import discover

    entries, _, _ = discover(_broken_catalog(tmp_path))
    monkeypatch.setattr(load, "SHARE_FROM", 0)
    monkeypatch.setattr(load, "can_fork", lambda: True)
    monkeypatch.setattr(load, "_read_safely", lambda entry: (None, [(os.getpid(), entry.shown)]))
    results = load.read_all(entries)
    readers = [problems[0][0] for _, problems in results]
    assert [problems[0][1] for _, problems in results] == [e.shown for e in entries]
    half = len(entries) // 2
    assert set(readers[:half]) == {os.getpid()}
    assert len(set(readers[half:])) == 1 and readers[-1] != os.getpid()
