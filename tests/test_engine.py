"""The site engine the commands build with (generator/commands/engine.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sitebuild import ROOT

from generator.commands.engine import ENGINES, ENVIRONMENT, engine


@pytest.mark.parametrize(
    ("given", "expected"), [("", "mkdocs"), ("  ", "mkdocs"), ("mkdocs", "mkdocs"), ("properdocs", "properdocs")]
)
def test_the_engine_is_the_one_named_or_mkdocs(monkeypatch: pytest.MonkeyPatch, given: str, expected: str) -> None:
    monkeypatch.setenv(ENVIRONMENT, given)
    assert engine() == expected


def test_an_unset_engine_is_mkdocs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    assert engine() == ENGINES[0] == "mkdocs"


def test_an_unknown_engine_is_refused_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENVIRONMENT, "hugo")
    with pytest.raises(ValueError, match="WBL_ENGINE='hugo' is not a site engine. Set it to mkdocs or properdocs"):
        engine()


@pytest.mark.parametrize("command", [["assemble", "--out", "{tmp}/site"], ["preview", "--out", "{tmp}/site"]])
def test_the_commands_that_build_refuse_an_unknown_engine(tmp_path, command: list[str]) -> None:
    env = {**os.environ, ENVIRONMENT: "hugo"}
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    done = subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode in (1, 2), done.stdout + done.stderr
    assert "is not a site engine" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()
