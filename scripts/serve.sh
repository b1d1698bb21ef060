#!/usr/bin/env bash
# Install, check the bundled catalog, then build and serve the site at http://127.0.0.1:8000/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m generator check
exec .venv/bin/mkdocs serve --dev-addr "${DEV_ADDR:-127.0.0.1:8000}"
