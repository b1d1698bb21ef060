"""The coverage record: frozen dataclasses, one per table of the page and the report.

`compute` (figures.py) fills them in; the page, the report and its JSON
output only read them, so all three show the same figures.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Count:
    listings: int = 0
    seats: int = 0


@dataclass(frozen=True, slots=True)
class SectorRow:
    sector: str  # sector id
    cells: tuple[Count, ...]  # one per stage, in STAGES order
    total: Count  # each listing once


@dataclass(frozen=True, slots=True)
class Matrix:
    stages: tuple[str, ...]
    rows: tuple[SectorRow, ...]
    stage_totals: tuple[Count, ...]  # each listing once
    total: Count
    empty: tuple[tuple[str, str], ...]  # (sector, stage) cells with no open listing

    def empty_by_stage(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((stage, tuple(s for s, st in self.empty if st == stage)) for stage in self.stages)


def percent(part: int, whole: int) -> int | None:
    """part/whole as a whole percentage, rounded half up (67 for 2/3, 13 for 1/8); None for 0/0."""
    return None if whole == 0 else (200 * part + whole) // (2 * whole)


@dataclass(frozen=True, slots=True)
class PayRow:
    sector: str  # sector id; "" for all sectors together
    listings: int
    paid: int
    stipend: int
    hourly_listings: int  # paid per hour with a published amount
    hourly_min: float | None
    hourly_max: float | None
    not_published: int  # paid or stipend listings that do not publish the amount

    @property
    def paid_any(self) -> int:
        return self.paid + self.stipend

    @property
    def share(self) -> int | None:
        return percent(self.paid_any, self.listings)


@dataclass(frozen=True, slots=True)
class BandRow:
    band: str
    grade_min: int
    grade_max: int
    listings: int
    seats: int


@dataclass(frozen=True, slots=True)
class AreaRow:
    area: str  # area id; "" when a site's area is not known
    listings: int
    seats: int


@dataclass(frozen=True, slots=True)
class CriterionRow:
    criterion: str
    counts: tuple[int, ...]  # one per level, lowest rank first
    not_assessed: int


@dataclass(frozen=True, slots=True)
class RubricLevels:
    rubric: str
    levels: tuple[str, ...]  # level ids, lowest rank first
    rows: tuple[CriterionRow, ...]
    assessed: int  # open listings that rate at least one criterion of this rubric


@dataclass(frozen=True, slots=True)
class SignalRow:
    signal: str
    listings: int


@dataclass(frozen=True, slots=True)
class FreshnessRow:
    bucket: str  # "90", "180", "365", "older"
    min_days: int
    max_days: int | None
    listings: int


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    id: str
    deadline: dt.date
    days_left: int
    seats: int | None


@dataclass(frozen=True, slots=True)
class Gap:
    kind: str  # "sector", "stage" or "area"
    subject: str  # its id
    listings: int  # open listings in it
    seats: int  # open seats in it
    paid_training: int  # sector: open paid or stipend training listings
    paid_training_seats: int
    early_seats: int  # sector: open seats at awareness, exploration and preparation


@dataclass(frozen=True, slots=True)
class LanguageRow:
    """Open listings whose title and summary are given in one of the site's other languages."""

    lang: str  # a language code, such as es
    listings: int
    open: int  # all open listings, the share's whole

    @property
    def share(self) -> int | None:
        return percent(self.listings, self.open)


@dataclass(frozen=True, slots=True)
class Coverage:
    as_of: dt.date
    listings: int  # every listing in the catalog
    open: int
    upcoming: int  # open, but applications open later
    closed: int
    archived: int
    seats: int  # open seats
    seats_unknown: int  # open listings that do not state seats
    matrix: Matrix
    pay: tuple[PayRow, ...]  # one per sector
    pay_total: PayRow
    bands: tuple[BandRow, ...]
    areas: tuple[AreaRow, ...]
    rubrics: tuple[RubricLevels, ...]
    signals: tuple[SignalRow, ...]
    freshness: tuple[FreshnessRow, ...]
    deadlines: tuple[DeadlineRow, ...]
    gaps: tuple[Gap, ...]
    languages: tuple[LanguageRow, ...] = ()  # one per language of the site besides English

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: dates as YYYY-MM-DD, computed shares included."""
        data: dict[str, Any] = _plain(dataclasses.asdict(self))
        for row, plain in zip((*self.pay, self.pay_total), (*data["pay"], data["pay_total"]), strict=True):
            plain["paid_any"] = row.paid_any
            plain["share_percent"] = row.share
        for language, plain in zip(self.languages, data["languages"], strict=True):
            plain["share_percent"] = language.share
        data["matrix"]["empty_by_stage"] = {stage: list(sectors) for stage, sectors in self.matrix.empty_by_stage()}
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
