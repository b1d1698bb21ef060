"""Open-data exports and structured data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Catalog, Opportunity


def job_posting(catalog: Catalog, opp: Opportunity, view: Any) -> str | None:
    """schema.org JobPosting JSON-LD for open, paid, real placements; None otherwise."""
    return None


def data_page_context(catalog: Catalog, view: Any) -> dict[str, Any]:
    return {}


def write_exports(catalog: Catalog, site_dir: Path, site_url: str, catalog_dir: Path) -> None:
    return None
