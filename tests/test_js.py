"""The browse page's JavaScript: its unit tests (node --test tests/js/*.test.mjs) pass and ESLint finds nothing.

Both need Node.js; ESLint comes from npm (`npm ci`, which scripts/setup.sh runs). A missing tool
fails these tests with how to install it: they never skip.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
LINTED = ["site_overrides/assets", "tests/js", "eslint.config.js"]


def _node() -> str:
    node = shutil.which("node")
    if not node:
        pytest.fail("Node.js is not installed: the browse page's unit tests run with `node --test`.", pytrace=False)
    return node


def test_javascript_unit_tests_pass() -> None:
    # The files by name: Node 20 searches a folder given to --test, Node 22 and later take only files and globs.
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert files, "no tests/js/*.test.mjs"
    result = subprocess.run(
        [_node(), "--test", "--test-reporter=tap", *files], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    output = result.stdout + result.stderr
    passed = re.search(r"^# pass (\d+)$", output, re.M)
    failed = re.search(r"^# fail (\d+)$", output, re.M)
    assert result.returncode == 0 and failed and failed.group(1) == "0", (
        f"node --test tests/js/*.test.mjs failed:\n{output[-20000:]}"
    )
    assert passed and int(passed.group(1)) > 0, f"node --test tests/js/*.test.mjs ran no tests:\n{output[-5000:]}"


def test_eslint_finds_nothing() -> None:
    _node()
    if not ESLINT.is_file():
        pytest.fail("ESLint is not installed: run `npm ci` (scripts/setup.sh test does).", pytrace=False)
    result = subprocess.run([str(ESLINT), "--max-warnings", "0", *LINTED], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"eslint {' '.join(LINTED)}:\n{result.stdout}{result.stderr}"
