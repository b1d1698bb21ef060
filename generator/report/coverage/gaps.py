"""The three biggest gaps: one sector, one stage and one area, so that together they name what, when and where.

The ranking rules are in the package's docstring ("Biggest gaps"), and the
page explains them in both languages (labels.py, "how_items").
"""

from __future__ import annotations

from typing import Any

from generator.model import STAGES, Catalog, Opportunity
from generator.report.coverage.record import AreaRow, Gap, Matrix


def _is_place(item: Any) -> bool:
    return bool(item.extra.get("cities") or item.extra.get("zips"))


def biggest_gaps(catalog: Catalog, open_: list[Opportunity], matrix: Matrix, areas: tuple[AreaRow, ...]) -> tuple[Gap, ...]:
    gaps: list[Gap] = []
    training = STAGES.index("training")
    candidates = []
    for index, row in enumerate(matrix.rows):
        paid = [o for o in open_ if row.sector in o.sectors and o.stage == "training" and o.is_paid]
        early = sum(c.seats for i, c in enumerate(row.cells) if i != training)
        paid_seats = sum(o.seats or 0 for o in paid)
        gap = Gap("sector", row.sector, row.total.listings, row.total.seats, len(paid), paid_seats, early)
        candidates.append(((len(paid) > 0, paid_seats, -early, index), gap))
    if candidates:
        gaps.append(min(candidates, key=lambda c: c[0])[1])
    stages = sorted(range(len(STAGES)), key=lambda i: (matrix.stage_totals[i].seats, matrix.stage_totals[i].listings, i))
    if stages:
        total = matrix.stage_totals[stages[0]]
        gaps.append(Gap("stage", STAGES[stages[0]], total.listings, total.seats, 0, 0, 0))
    order = {item.id: i for i, item in enumerate(catalog.vocabularies.items("areas"))}
    places = {item.id for item in catalog.vocabularies.items("areas") if _is_place(item)}
    physical = [a for a in areas if a.area in places]
    if physical:
        area = min(physical, key=lambda a: (a.seats, a.listings, order[a.area]))
        gaps.append(Gap("area", area.area, area.listings, area.seats, 0, 0, 0))
    return tuple(gaps)
