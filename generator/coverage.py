"""Coverage and quality figures for the regional report."""

from __future__ import annotations

from typing import Any

from .model import Catalog


def page_context(catalog: Catalog, view: Any) -> dict[str, Any]:
    return {}
