"""`compute(catalog)`: every coverage figure, as of `catalog.today`, in one pure function.

How each figure is counted is written in the package's docstring
(generator/coverage/__init__.py), and the page repeats it in both languages
(labels.py, "how_items"): keep the three in step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator import i18n
from generator.model import STAGES, Catalog, Opportunity
from generator.report.coverage.gaps import biggest_gaps
from generator.report.coverage.grades import listing_grades
from generator.report.coverage.record import (
    AreaRow,
    BandRow,
    Count,
    Coverage,
    CriterionRow,
    DeadlineRow,
    FreshnessRow,
    LanguageRow,
    Matrix,
    PayRow,
    RubricLevels,
    SectorRow,
    SignalRow,
)

FRESHNESS = (("90", 0, 90), ("180", 91, 180), ("365", 181, 365), ("older", 366, None))
DEADLINE_DAYS = 30
UNKNOWN_AREA = ""


def _count(opps: list[Opportunity]) -> Count:
    return Count(len(opps), sum(o.seats or 0 for o in opps))


def _pay_row(sector: str, opps: list[Opportunity]) -> PayRow:
    hourly = [o for o in opps if o.pay_type == "paid" and o.pay_unit == "hour" and o.pay_amount is not None]
    return PayRow(
        sector=sector,
        listings=len(opps),
        paid=sum(o.pay_type == "paid" for o in opps),
        stipend=sum(o.pay_type == "stipend" for o in opps),
        hourly_listings=len(hourly),
        hourly_min=min((o.pay_amount for o in hourly if o.pay_amount is not None), default=None),
        hourly_max=max((o.pay_amount_max or o.pay_amount or 0 for o in hourly), default=None),
        not_published=sum(o.is_paid and o.pay_amount is None for o in opps),
    )


def _freshness(opps: list[Opportunity], today: dt.date) -> tuple[FreshnessRow, ...]:
    ages = [max(0, (today - o.last_reviewed).days) for o in opps]
    return tuple(
        FreshnessRow(key, low, high, sum(low <= a and (high is None or a <= high) for a in ages)) for key, low, high in FRESHNESS
    )


def translated(opp: Opportunity, lang: str) -> bool:
    """Whether a listing gives its title, and its summary when it has one, in a language: what a family reading
    that language sees first, on its card and at the top of its page."""
    return all(text is None or text.lang == lang for text in (opp.text("title", lang), opp.text("summary", lang)))


def _languages(catalog: Catalog, open_: list[Opportunity]) -> tuple[LanguageRow, ...]:
    others = [lang for lang in catalog.langs if lang != i18n.SOURCE]
    return tuple(LanguageRow(lang, sum(translated(o, lang) for o in open_), len(open_)) for lang in others)


def compute(catalog: Catalog) -> Coverage:
    """Every figure of the report, as of catalog.today. Pure: same catalog, same record."""
    today = catalog.today
    everything = list(catalog.opportunities.values())
    open_ = [o for o in everything if o.status == "open"]
    vocab = catalog.vocabularies

    rows: list[SectorRow] = []
    empty: list[tuple[str, str]] = []
    for sector in vocab.items("sectors"):
        mine = [o for o in open_ if sector.id in o.sectors]
        cells = tuple(_count([o for o in mine if o.stage == stage]) for stage in STAGES)
        rows.append(SectorRow(sector.id, cells, _count(mine)))
        empty.extend((sector.id, stage) for stage, cell in zip(STAGES, cells, strict=True) if cell.listings == 0)
    matrix = Matrix(
        stages=STAGES,
        rows=tuple(rows),
        stage_totals=tuple(_count([o for o in open_ if o.stage == stage]) for stage in STAGES),
        total=_count(open_),
        empty=tuple(empty),
    )

    pay = tuple(_pay_row(s.id, [o for o in open_ if s.id in o.sectors]) for s in vocab.items("sectors"))

    bands = []
    for band in vocab.items("grade-bands"):
        low, high = band.extra.get("min"), band.extra.get("max")
        if not isinstance(low, int) or not isinstance(high, int):
            continue
        # A listing that gives only ages counts by the grades they imply (grades.py).
        mine = [o for o in open_ if (grades := listing_grades(o)) and grades.start <= high and grades.stop - 1 >= low]
        count = _count(mine)
        bands.append(BandRow(band.id, low, high, count.listings, count.seats))

    area_ids = [a.id for a in vocab.items("areas")]
    by_area: dict[str, list[Opportunity]] = {a: [] for a in area_ids}
    for opp in open_:
        # A site outside the region is in no area: counting it as "unknown" would blur the region's own gaps.
        # Worksites spread across areas serve each area they cover, as sites in several areas do.
        for area in dict.fromkeys(a for s in opp.sites if not s.outside_region for a in (s.areas or (UNKNOWN_AREA,))):
            by_area.setdefault(area, []).append(opp)
    if not by_area.get(UNKNOWN_AREA):
        by_area.pop(UNKNOWN_AREA, None)
    areas = tuple(AreaRow(a, *dataclasses.astuple(_count(opps))) for a, opps in by_area.items())

    rubrics = []
    for rubric in catalog.rubrics.values():
        mine = [o for o in open_ if o.rubric == rubric.id]
        criteria = []
        for crit in rubric.criteria:
            levels = [a.level for o in mine for a in o.assessment if a.criterion == crit.id]
            counts = tuple(levels.count(lv.id) for lv in rubric.levels)
            criteria.append(CriterionRow(crit.id, counts, len(open_) - sum(counts)))
        rubrics.append(
            RubricLevels(rubric.id, tuple(lv.id for lv in rubric.levels), tuple(criteria), sum(bool(o.assessment) for o in mine))
        )

    signals = tuple(SignalRow(s.id, sum(s.id in o.signals for o in open_)) for s in vocab.items("signals"))

    soon = []
    for opp in open_:
        if opp.deadline is not None and 0 <= (opp.deadline - today).days <= DEADLINE_DAYS:
            soon.append(DeadlineRow(opp.id, opp.deadline, (opp.deadline - today).days, opp.seats))
    soon.sort(key=lambda d: (d.deadline, d.id))

    return Coverage(
        as_of=today,
        listings=len(everything),
        open=len(open_),
        upcoming=sum(o.opens is not None and o.opens > today for o in open_),
        closed=sum(o.status == "closed" for o in everything),
        archived=sum(o.status == "archived" for o in everything),
        seats=matrix.total.seats,
        seats_unknown=sum(o.seats is None for o in open_),
        matrix=matrix,
        pay=pay,
        pay_total=_pay_row("", open_),
        bands=tuple(bands),
        areas=areas,
        rubrics=tuple(rubrics),
        signals=signals,
        freshness=_freshness(open_, today),
        deadlines=tuple(soon),
        gaps=biggest_gaps(catalog, open_, matrix, areas),
        languages=_languages(catalog, open_),
    )
