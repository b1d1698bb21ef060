"""Process helpers (generator/processes.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from generator import processes


def test_a_run_ended_at_once_keeps_its_output_and_exit_code() -> None:
    code = (
        "import logging, sys\n"
        "from generator.processes import exit_at_once\n"
        "sys.stdout.write('x' * 100_000)\n"
        "logging.basicConfig(stream=sys.stderr)\n"
        "logging.getLogger('t').warning('last words')\n"
        "exit_at_once(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    assert done.stdout == "x" * 100_000 and "last words" in done.stderr


def test_side_by_side_works_out_the_second_in_another_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(processes, "can_fork", lambda: True)  # other tests may have left threads running
    here, there = processes.side_by_side(lambda: ("here", os.getpid()), lambda: ("there", os.getpid()))
    assert here == ("here", os.getpid())
    assert there[0] == "there" and there[1] != os.getpid()


def test_side_by_side_works_it_out_here_when_it_cannot_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(processes, "can_fork", lambda: False)
    assert processes.side_by_side(lambda: 1, os.getpid) == (1, os.getpid())


def test_an_error_in_the_other_process_is_raised_here(monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(processes, "can_fork", lambda: True)
    parent = os.getpid()
    ran_here: list[bool] = []

    def fails() -> int:
        ran_here.append(os.getpid() == parent)
        raise ValueError("the second")

    with pytest.raises(ValueError, match="the second"):
        processes.side_by_side(lambda: 1, fails)
    assert ran_here == [True]  # the child's attempt is not seen here; the second, here, raised
    assert "Traceback" not in capfd.readouterr().err  # the other process printed nothing


def test_an_error_here_stops_the_other_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(processes, "can_fork", lambda: True)

    def fails() -> int:
        raise KeyError("here")

    started = time.perf_counter()
    with pytest.raises(KeyError):
        processes.side_by_side(fails, lambda: time.sleep(60))
    assert time.perf_counter() - started < 30
