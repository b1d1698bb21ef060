"""The tables of `python -m generator report`: the coverage record as titled rows of typed cells.

Every format (report_formats.py) prints these same tables, so a figure has
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
from generator.report.coverage import Coverage, label

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


def tables(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang

    def L(key: str, **values: Any) -> str:  # noqa: N802
        return label(key, lang, **values)

    out: list[Table] = []
    es = lang == "es"
    summary = Table(
        "summary", "Resumen" if es else "Summary", "Medida" if es else "Measure", [Column("value", "Valor" if es else "Value")]
    )
    summary.rows = [
        Row("as_of", "Fecha de las cifras" if es else "Figures as of", [cov.as_of]),
        Row("listings", "Anuncios en el catálogo" if es else "Listings in the catalog", [cov.listings]),
        Row("open", "Anuncios abiertos" if es else "Open listings", [cov.open]),
        Row(
            "upcoming",
            "Abiertos que reciben solicitudes más adelante" if es else "Open, taking applications later",
            [cov.upcoming],
        ),
        Row("closed", "Cerrados" if es else "Closed", [cov.closed]),
        Row("archived", "Archivados" if es else "Archived", [cov.archived]),
        Row("seats", "Lugares abiertos" if es else "Open seats", [cov.seats]),
        Row(
            "seats_unknown",
            "Anuncios abiertos sin número de lugares" if es else "Open listings that do not state seats",
            [cov.seats_unknown],
        ),
    ]
    out.append(summary)

    gaps = Table(
        "gaps",
        L("gaps"),
        "#",
        [
            Column("kind", "Tipo" if es else "Kind", False),
            Column("subject", "Id", False),
            Column("gap", "Brecha" if es else "Gap", False),
        ],
        as_list="{label}. {last}",
    )
    kinds = {"sector": L("sector"), "stage": L("stage"), "area": L("area")}
    for rank, gap in enumerate(cov.gaps, start=1):
        gaps.rows.append(Row(str(rank), str(rank), [kinds[gap.kind], gap.subject, cov_mod.gap_sentence(gap, view)]))
    out.append(gaps)

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

    empty = Table(
        "empty",
        L("empty_cells"),
        L("stage"),
        [Column("count", "Celdas" if es else "Cells"), Column("sectors", "Sectores" if es else "Sectors", False)],
        as_list="{label} ({first}): {last}",
    )
    for stage, sectors in cov.matrix.empty_by_stage():
        empty.rows.append(Row(stage, view.stage_name(stage), [len(sectors), "; ".join(view.sector_name(s) for s in sectors)]))
    out.append(empty)

    pay = Table(
        "pay",
        L("pay"),
        L("sector"),
        [
            Column("listings", L("listings")),
            Column("paid", L("paid")),
            Column("stipend", L("stipend")),
            Column("paid_share", L("paid_share") + " (%)"),
            Column("hourly_min", "Salario por hora más bajo" if es else "Lowest hourly wage"),
            Column("hourly_max", "Salario por hora más alto" if es else "Highest hourly wage"),
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

    areas = Table(
        "areas", L("areas"), L("area"), [Column("listings", L("listings")), Column("seats", L("seats"))], notes=[L("areas_intro")]
    )
    for a in cov.areas:
        areas.rows.append(Row(a.area or "unknown", cov_mod.subject_name("area", a.area, view), [a.listings, a.seats]))
    out.append(areas)

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

    signals = Table("signals", L("signals"), L("signal"), [Column("listings", L("listings"))])
    signals.rows = [Row(s.signal, view.vocab("signals", s.signal), [s.listings]) for s in cov.signals]
    out.append(signals)

    fresh = Table("freshness", L("freshness"), L("reviewed"), [Column("listings", L("listings"))], notes=[L("freshness_intro")])
    fresh.rows = [Row(f.bucket, L("fresh_" + f.bucket), [f.listings]) for f in cov.freshness]
    out.append(fresh)

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
