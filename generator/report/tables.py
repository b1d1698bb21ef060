"""The tables of `python -m generator report`: the coverage record as titled rows of typed cells.

Every format (report/formats.py) prints these same tables, so a figure has
one label and one row id in text, Markdown and CSV. Cells keep their type
(a percentage, dollars, listings with seats) until a format decides how to
write it: "1,200" in text, "1200" in CSV.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.model import STAGES, Catalog
from generator.present.view import View
from generator.report import coverage as cov_mod
from generator.report.coverage import Coverage
from generator.report.coverage.labels import labels_in
from generator.report.coverage.words import language_name

# -- typed cells -------------------------------------------------------------


class Pct(int):
    """A whole percentage."""


class Money(float):
    """US dollars."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Listings and seats in one cell."""

    listings: int
    seats: int


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    header: str
    numeric: bool = True


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    label: str
    cells: list[Any]


@dataclass
class Table:
    key: str
    title: str
    row_header: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    as_list: str = ""  # in text and Markdown, print each row as this line instead of a table (long sentences)


# -- the tables --------------------------------------------------------------


def _summary(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    out: list[Table] = []

    summary = Table("summary", view.t("report_summary"), view.t("report_measure"), [Column("value", view.t("report_value"))])
    summary.rows = [
        Row("as_of", view.t("report_figures_as_of"), [cov.as_of]),
        Row("listings", view.t("report_listings_in_the_catalog"), [cov.listings]),
        Row("open", view.t("report_open_listings"), [cov.open]),
        Row(
            "upcoming",
            view.t("report_open_taking_applications_later"),
            [cov.upcoming],
        ),
        Row("closed", view.t("report_closed"), [cov.closed]),
        Row("archived", view.t("report_archived"), [cov.archived]),
        Row("seats", view.t("report_open_seats"), [cov.seats]),
        Row(
            "seats_unknown",
            view.t("report_open_listings_that_do"),
            [cov.seats_unknown],
        ),
    ]
    L = labels_in(view.lang)
    for row in cov.languages:
        language = language_name(row.lang, view)
        summary.rows.append(Row(f"translated_{row.lang}", L("translated_row", language=language), [row.listings]))
        summary.rows.append(Row(f"translated_{row.lang}_share", L("translated_share", language=language), [Pct(row.share or 0)]))
    out.append(summary)
    return out


def _gaps(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    out: list[Table] = []
    L = labels_in(view.lang)

    gaps = Table(
        "gaps",
        L("gaps"),
        "#",
        [
            Column("kind", view.t("report_kind"), False),
            Column("subject", "Id", False),
            Column("gap", view.t("report_gap"), False),
        ],
        as_list="{label}. {last}",
    )
    kinds = {"sector": L("sector"), "stage": L("stage"), "area": L("area")}
    for rank, gap in enumerate(cov.gaps, start=1):
        gaps.rows.append(Row(str(rank), str(rank), [kinds[gap.kind], gap.subject, cov_mod.gap_sentence(gap, view)]))
    out.append(gaps)
    return out


def _matrix(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    out: list[Table] = []
    L = labels_in(view.lang)

    stage_names = [view.stage_name(s) for s in STAGES]
    matrix = Table(
        "matrix",
        L("matrix"),
        L("sector"),
        [*(Column(s, n) for s, n in zip(STAGES, stage_names, strict=True)), Column("all", L("all_stages"))],
        notes=[L("matrix_intro")],
    )
    for row in cov.matrix.rows:
        matrix.rows.append(
            Row(
                row.sector,
                view.sector_name(row.sector),
                [*(Pair(c.listings, c.seats) for c in row.cells), Pair(row.total.listings, row.total.seats)],
            )
        )
    matrix.rows.append(
        Row(
            "all",
            L("total_once"),
            [
                *(Pair(c.listings, c.seats) for c in cov.matrix.stage_totals),
                Pair(cov.matrix.total.listings, cov.matrix.total.seats),
            ],
        )
    )
    out.append(matrix)
    return out


def _empty(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    out: list[Table] = []
    L = labels_in(view.lang)

    empty = Table(
        "empty",
        L("empty_cells"),
        L("stage"),
        [Column("count", view.t("report_cells")), Column("sectors", view.t("report_sectors"), False)],
        as_list="{label} ({first}): {last}",
    )
    for stage, sectors in cov.matrix.empty_by_stage():
        empty.rows.append(Row(stage, view.stage_name(stage), [len(sectors), "; ".join(view.sector_name(s) for s in sectors)]))
    out.append(empty)
    return out


def _pay(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    out: list[Table] = []
    L = labels_in(view.lang)

    pay = Table(
        "pay",
        L("pay"),
        L("sector"),
        [
            Column("listings", L("listings")),
            Column("paid", L("paid")),
            Column("stipend", L("stipend")),
            Column("paid_share", L("paid_share") + " (%)"),
            Column("hourly_min", view.t("report_lowest_hourly_wage")),
            Column("hourly_max", view.t("report_highest_hourly_wage")),
            Column("not_published", L("not_published")),
        ],
        notes=[L("pay_intro")],
    )
    for pay_row in (*cov.pay, cov.pay_total):
        name = view.sector_name(pay_row.sector) if pay_row.sector else L("total_once")
        pay.rows.append(
            Row(
                pay_row.sector or "all",
                name,
                [
                    pay_row.listings,
                    pay_row.paid,
                    pay_row.stipend,
                    None if pay_row.share is None else Pct(pay_row.share),
                    None if pay_row.hourly_min is None else Money(pay_row.hourly_min),
                    None if pay_row.hourly_max is None else Money(pay_row.hourly_max),
                    pay_row.not_published,
                ],
            )
        )
    out.append(pay)
    return out


def _bands(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []
    L = labels_in(lang)

    bands = Table(
        "bands",
        L("bands"),
        L("band"),
        [Column("grades", L("grades"), False), Column("listings", L("listings")), Column("seats", L("seats"))],
        notes=[L("bands_intro")],
    )
    names = {b.id: b.label(lang) for b in catalog.vocabularies.items("grade-bands")}
    for b in cov.bands:
        bands.rows.append(Row(b.band, names[b.band], [f"{b.grade_min}–{b.grade_max}", b.listings, b.seats]))
    out.append(bands)
    return out


def _areas(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    out: list[Table] = []
    L = labels_in(view.lang)

    areas = Table(
        "areas", L("areas"), L("area"), [Column("listings", L("listings")), Column("seats", L("seats"))], notes=[L("areas_intro")]
    )
    for a in cov.areas:
        areas.rows.append(Row(a.area or "unknown", cov_mod.subject_name("area", a.area, view), [a.listings, a.seats]))
    out.append(areas)
    return out


def _levels(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []
    L = labels_in(lang)

    for r in cov.rubrics:
        level_names = cov_mod.level_names(catalog, r.rubric, lang)
        table = Table(
            f"levels:{r.rubric}",
            f"{L('levels')}: {cov_mod.rubric_name(catalog, r.rubric, lang)}",
            L("criterion"),
            [
                *(Column(lv, f"{i}. {name}") for i, (lv, name) in enumerate(zip(r.levels, level_names, strict=True), 1)),
                Column("not-assessed", L("not_assessed")),
            ],
            notes=[L("levels_assessed", n=view.number(r.assessed), open=view.number(cov.open))],
        )
        for c in r.rows:
            table.rows.append(
                Row(c.criterion, cov_mod.criterion_name(catalog, r.rubric, c.criterion, lang), [*c.counts, c.not_assessed])
            )
        out.append(table)

    return out


def _signals(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    out: list[Table] = []
    L = labels_in(view.lang)

    signals = Table("signals", L("signals"), L("signal"), [Column("listings", L("listings"))])
    signals.rows = [Row(s.signal, view.vocab("signals", s.signal), [s.listings]) for s in cov.signals]
    out.append(signals)
    return out


def _fresh(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    out: list[Table] = []
    L = labels_in(view.lang)

    fresh = Table("freshness", L("freshness"), L("reviewed"), [Column("listings", L("listings"))], notes=[L("freshness_intro")])
    fresh.rows = [Row(f.bucket, L("fresh_" + f.bucket), [f.listings]) for f in cov.freshness]
    out.append(fresh)
    return out


def _deadlines(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []
    L = labels_in(lang)

    deadlines = Table(
        "deadlines",
        L("deadlines"),
        L("opportunity"),
        [
            Column("organization", L("organization"), False),
            Column("deadline", L("deadline"), False),
            Column("days_left", L("days_left")),
            Column("seats", L("seats")),
        ],
    )
    for d in cov.deadlines:
        opp = catalog.opportunities[d.id]
        deadlines.rows.append(
            Row(
                d.id,
                view.plain(opp.text("title", lang)),
                [view.plain(catalog.org_of(opp).text("name", lang)), d.deadline, d.days_left, d.seats],
            )
        )
    if not deadlines.rows:
        deadlines.notes.append(L("deadlines_none"))
    out.append(deadlines)
    return out


# One builder per table, in the order the report shows them.
BUILDERS = (_summary, _gaps, _matrix, _empty, _pay, _bands, _areas, _levels, _signals, _fresh, _deadlines)


def tables(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    return [table for build in BUILDERS for table in build(cov, catalog, view)]
