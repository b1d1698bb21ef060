"""Process helpers (generator/processes.py)."""

from __future__ import annotations

import subprocess
import sys


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
