"""Change dates of catalog records, for the feed, the calendar and the sitemap.

The "updated" date is the file's last git commit date, or
`last_reviewed` when git is not there. Never the build time, so two builds
of the same commit give the same dates.

All dates come from ONE `git log --name-only` pass over the catalog folder
(newest commit first; the first time a path appears is its last change),
not one git call per file.
"""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Catalog, Opportunity, Organization, Pathway

UTC = dt.UTC
COMMIT_MARK = "\x00"


def git_dates(catalog_dir: Path) -> dict[str, dt.datetime]:
    """Last commit time of every committed file under catalog_dir, by path relative to it. {} without git."""
    cmd = ["git", "-c", "core.quotepath=off", "log", "--format=%x00%ct", "--name-only", "--relative", "--no-renames", "--", "."]
    try:
        out = subprocess.run(
            cmd, cwd=catalog_dir, capture_output=True, text=True, encoding="utf-8", timeout=300, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return {}
    dates: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in out.splitlines():
        if line.startswith(COMMIT_MARK):
            when = dt.datetime.fromtimestamp(int(line[1:]), UTC)
        elif line and when is not None:
            dates.setdefault(line, when)
    return dates


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=UTC)


def record_file(record: Opportunity | Organization | Pathway) -> str:
    """The record's file, relative to the catalog folder."""
    if isinstance(record, Opportunity):
        return f"employers/{record.org_id}/{record.slug}.yml"
    if isinstance(record, Organization):
        return f"employers/{record.id}/organization.yml"
    return f"pathways/{record.id}.yml"


@dataclass
class ChangeDates:
    """When each record last changed: its git commit date, else its last_reviewed date."""

    catalog: Catalog
    files: dict[str, dt.datetime] = field(default_factory=dict)
    _all: dt.datetime | None = None
    _groups: dict[str, dt.datetime] = field(default_factory=dict)
    _midnights: dict[dt.date, dt.datetime] = field(default_factory=dict)

    def of(self, record: Opportunity | Organization | Pathway) -> dt.datetime:
        committed = self.files.get(record_file(record))
        if committed is not None:
            return committed
        # Asked some 100,000 times a build at 10,000 listings; far fewer review dates than records.
        day = record.last_reviewed
        moment = self._midnights.get(day)
        if moment is None:
            moment = self._midnights[day] = midnight(day)
        return moment

    def retired(self, ident: str) -> dt.datetime:
        entry = self.catalog.retired[ident]
        if entry.date:
            return midnight(entry.date)
        return self.files.get("retired.yml") or self.newest()

    def newest_of_all(self, kind: str) -> dt.datetime:
        """The newest change among all records of a kind (the catalog's opportunities, organizations or
        pathways), worked out once: a hundred browse pages share it."""
        if kind not in self._groups:
            self._groups[kind] = self.newest(list(getattr(self.catalog, kind).values()))
        return self._groups[kind]

    def newest(self, records: Sequence[Opportunity | Organization | Pathway] | None = None) -> dt.datetime:
        """The newest change among records; without records, of the whole catalog (vocabularies and rubrics too)."""
        if records:
            return max(self.of(r) for r in records)
        if self._all is None:
            c = self.catalog
            everything: list[Opportunity | Organization | Pathway] = [
                *c.opportunities.values(),
                *c.organizations.values(),
                *c.pathways.values(),
            ]
            found = [self.of(r) for r in everything]
            found += self.files.values()
            self._all = max(found) if found else midnight(c.today)
        return self._all


# The build's change dates, which the exports and the sitemap share; emptied when the build ends
# (generator/render/caches.py), so that it does not keep the build's catalog alive.
_memo: list[tuple[Catalog, Path, ChangeDates]] = []


def change_dates(catalog: Catalog, catalog_dir: Path) -> ChangeDates:
    """Change dates for this catalog, computed once per build (exports and sitemap share them)."""
    resolved = Path(catalog_dir).resolve()
    for seen, where, dates in _memo:
        if seen is catalog and where == resolved:
            return dates
    dates = ChangeDates(catalog, git_dates(resolved))
    _memo[:] = [(catalog, resolved, dates)]  # holding the catalog keeps its identity unique while memoized
    return dates


@functools.lru_cache(maxsize=4096)
def iso(moment: dt.datetime) -> str:
    """RFC 3339 in UTC, to the second: 2026-10-15T00:00:00Z. Cached: records share change dates."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def clear_caches() -> None:
    """Lets go of the build's change dates, and with them its catalog, and of their texts."""
    _memo.clear()
    iso.cache_clear()


def cache_sizes() -> dict[str, int]:
    return {"exports.dates.change_dates": len(_memo), "exports.dates.iso": iso.cache_info().currsize}
