#!/usr/bin/env bash
# Regenerate the hash-pinned lock files in requirements/ from pyproject.toml.
#   requirements/site.txt   the runtime dependencies, plus the build requirement (setuptools)
#   requirements/test.txt   the same and the `test` extra
# scripts/setup.sh installs them with `pip install --require-hashes`. Run this after changing the
# dependencies in pyproject.toml, or with `--upgrade` to move every pin to its newest release.
# uv comes from PATH, or is installed into .cache/lock-tools/ on first use (it is not a dependency).
set -euo pipefail
cd "$(dirname "$0")/.."

UV="${UV:-}"
if [ -z "$UV" ]; then
  if command -v uv >/dev/null 2>&1; then
    UV=uv
  else
    if [ ! -x .cache/lock-tools/bin/uv ]; then
      "${PYTHON:-python3}" -m venv .cache/lock-tools
      .cache/lock-tools/bin/python -m pip install --quiet --disable-pip-version-check uv
    fi
    UV=.cache/lock-tools/bin/uv
  fi
fi

# The build requirement comes from [build-system] in pyproject.toml, so that `pip install --no-build-isolation`
# builds the project with a hash-checked setuptools too.
build_requires=$("${PYTHON:-python3}" -c '
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["build-system"]["requires"]))
')

compile() {
  local out=$1
  shift
  printf '%s\n' "$build_requires" | "$UV" pip compile --quiet pyproject.toml - "$@" \
    --universal --python-version 3.11 --generate-hashes \
    --custom-compile-command "bash scripts/lock.sh" --output-file "$out"
}

# The runtime lock first; the test lock keeps its versions, so the tests run what the site is built with.
compile requirements/site.txt "$@"
compile requirements/test.txt --extra test --constraint requirements/site.txt "$@"
