"""Regional catalogs combined into one statewide catalog never define the same organization.

A listing's id is `<org-id>/<file>` and an organization is a folder, so inside one catalog two ids cannot collide.
A statewide catalog is one catalog folder that holds every region's vocabularies (regions.yml lists each region,
areas.yml each region's areas) and takes the regional repositories' organization folders into its `employers/`
(copied, or each mounted as a git submodule at `employers/<org-id>/`). Two regional catalogs that both have
`employers/<org-id>/` would then claim the same listing addresses: `python -m generator check --with DIR`
reports each such folder before they are combined, located at the second catalog's organization.yml.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.check.discover import shown_path
from generator.check.problems import Problem


def organization_folders(root: Path) -> list[str]:
    """The organization folders of a catalog (those under employers/ that hold an organization.yml), sorted."""
    employers = root / "employers"
    if not employers.is_dir():
        return []
    return sorted(p.name for p in employers.iterdir() if p.is_dir() and (p / "organization.yml").is_file())


def shared_organizations(roots: Sequence[Path]) -> list[Problem]:
    """One error per organization folder that a later catalog defines again, in the order of `roots`."""
    first: dict[str, Path] = {}
    problems = []
    for root in roots:
        for org in organization_folders(root):
            if org not in first:
                first[org] = root
                continue
            earlier = shown_path(first[org] / "employers" / org / "organization.yml")
            problems.append(
                Problem(
                    shown_path(root / "employers" / org / "organization.yml"),
                    1,
                    1,
                    "error",
                    "duplicate-organization",
                    f"The organization folder `{org}` is also in another catalog combined with this one ({earlier}), "
                    "so both would publish listings under /opportunities/" + org + "/",
                    "Keep the organization in one catalog (move its listings there), or rename this folder to an id of "
                    "its own (listing addresses change: add the old ids to `former_ids`)",
                )
            )
    return problems
