#!/usr/bin/env bash
# Create the virtual environment and install the project.
#   scripts/setup.sh        runtime only (build and serve the site)
#   scripts/setup.sh test   also the test tools: Debian's Chromium, Java for the Nu HTML Checker, and axe-core,
#                           vnu-jar and ESLint from npm
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Every package comes from a lock file in requirements/ (scripts/lock.sh writes them), pinned to a version
# and checked against its hashes, setuptools that builds the project included; the project itself is
# installed after, without resolving anything more. pip stays the one the venv was created with: an
# upgrade would download it without a hash check.
LOCK=requirements/site.txt
if [ "${1:-}" = "test" ]; then
  LOCK=requirements/test.txt
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$LOCK"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
  --check-build-dependencies -e .
if [ "${1:-}" = "test" ]; then
  if [ -n "${WBL_CHROMIUM:-}" ] && [ -x "${WBL_CHROMIUM}" ]; then
    : # a Chromium-family browser given by the environment (for example Chrome on GitHub's runners)
  elif ! command -v chromium >/dev/null 2>&1; then
    # Debian's own Chromium: browser tests never download a browser of their own.
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
  if ! command -v java >/dev/null 2>&1; then
    # The W3C Nu HTML Checker (vnu.jar, from npm) runs on Java.
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
  fi
  if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] \
    || [ ! -x node_modules/.bin/eslint ]; then
    npm ci --no-audit --no-fund --silent
  fi
fi
