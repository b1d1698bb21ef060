#!/usr/bin/env bash
# Install everything the tests need, lint, type-check (mypy, configured in pyproject.toml), then run the whole
# suite (browser tests included).
# WBL_ENGINE=properdocs builds the tests' sites with ProperDocs instead of MkDocs (see tests/sitebuild.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check generator tests benchmarks
.venv/bin/ruff format --check generator tests benchmarks
.venv/bin/mypy
# One test process per CPU (pytest-xdist); each test file stays in one process, so a file's site builds are shared.
.venv/bin/python -m pytest -n auto --dist loadfile "$@"
