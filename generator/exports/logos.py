"""Organizations' logos, published beside their English pages as the check read them."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.check.logos import read_logo
from generator.present.view import published_path


def write_logos(logos: Mapping[str, str], site_dir: Path) -> None:
    """Publish each checked logo as read_logo gives it (an SVG re-written from its parsed elements)."""
    for org_id, disk_path in logos.items():
        problem, data = read_logo(Path(disk_path))
        if problem is None:
            target = site_dir / published_path(org_id, disk_path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
