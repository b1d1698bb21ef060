"""A small catalog whose paged indexes have a second page: more organizations and listings than fit on one page."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import minimal_catalog

from generator.present.view import PAGE_SIZE


def paged_catalog(dest: Path) -> Path:
    """The minimal catalog with PAGE_SIZE more organizations, each with one listing: the browse and
    organization indexes then have two pages."""
    catalog = minimal_catalog(dest)
    source = catalog / "employers" / "acme-health"
    for number in range(2, PAGE_SIZE + 2):
        org = catalog / "employers" / f"acme-health-{number}"
        shutil.copytree(source, org)
        text = (org / "organization.yml").read_text(encoding="utf-8")
        (org / "organization.yml").write_text(text.replace("name: Acme Health", f"name: Acme Health {number}"), encoding="utf-8")
    return catalog
