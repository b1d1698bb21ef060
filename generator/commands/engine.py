"""The site engine the commands build with: MkDocs, or ProperDocs, its maintained fork (WBL_ENGINE)."""

from __future__ import annotations

import os

ENVIRONMENT = "WBL_ENGINE"
ENGINES = ("mkdocs", "properdocs")


def engine() -> str:
    """The engine WBL_ENGINE names, MkDocs when it names none; ValueError with the fix when it names another."""
    value = os.environ.get(ENVIRONMENT, "").strip() or ENGINES[0]
    if value not in ENGINES:
        raise ValueError(f"{ENVIRONMENT}={value!r} is not a site engine. Set it to {' or '.join(ENGINES)}, or unset it.")
    return value
