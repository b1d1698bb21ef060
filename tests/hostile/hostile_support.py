"""Helpers shared by the hostile-input tests: catalogs, the real CLI, output checks."""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from cases import MINIMAL, Case
from conftest import use_cached_validators

from generator.check.problems import Problem

ROOT = Path(__file__).resolve().parent.parent.parent
AS_OF = dt.date(2026, 11, 22)
ENV = {**os.environ, "CATALOG_TODAY": AS_OF.isoformat(), "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


def case_catalog(case: Case, folder: Path) -> Path:
    """folder/catalog: the minimal fixture catalog with the case in it."""
    root = folder / "catalog"
    shutil.copytree(MINIMAL, root, symlinks=True)
    case.place(root)
    return root


def as_row(p: Problem) -> tuple[str, int, int, str, str, str]:
    return (p.path, p.line, p.column, p.severity, p.code, p.sentence)


def expected_rows(case: Case) -> list[tuple[str, int, int, str, str, str]]:
    rows = [(f"catalog/{e.path or case.path}", e.line, e.col, e.severity, e.code, e.text) for e in case.expect]
    return sorted(rows, key=lambda r: (r[0], r[1], r[2], r[4], r[5]))


def printed(path: str) -> str:
    """A path as the text output prints it: hidden characters shown as escapes, one problem per line."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in path)


def expected_lines(case: Case) -> list[str]:
    """The exact `path:line:col: severity: sentences` lines of the text output."""
    return [f"{printed(p)}:{line}:{col}: {sev}: {printed(text)}" for p, line, col, sev, _code, text in expected_rows(case)]


def run_cli(cwd: Path, *args: str, limits: bool = False, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """`python -m generator check ...` in a real process; with limits, 1 GB of memory and 20 s of CPU."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        timeout=timeout,
        preexec_fn=_limit if limits else None,  # in the child only, before it starts Python
    )


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    resource.setrlimit(resource.RLIMIT_CPU, (20, 20))


def minimal_here(tmp_path: Path, monkeypatch: Any) -> Path:
    """A copy of the minimal catalog as ./catalog in tmp_path (the current folder), checked with cached validators."""
    use_cached_validators(monkeypatch)
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MINIMAL, tmp_path / "catalog")
    return Path("catalog")
