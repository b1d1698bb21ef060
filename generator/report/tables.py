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


def _summary(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    es = view.lang == "es"
    out: list[Table] = []

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
    return out


def _gaps(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang, es = view.lang, view.lang == "es"
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    gaps = Table(
        "gaps",
        t("gaps"),
        "#",
        [
            Column("kind", "Tipo" if es else "Kind", False),
            Column("subject", "Id", False),
            Column("gap", "Brecha" if es else "Gap", False),
        ],
        as_list="{label}. {last}",
    )
    kinds = {"sector": t("sector"), "stage": t("stage"), "area": t("area")}
    for rank, gap in enumerate(cov.gaps, start=1):
        gaps.rows.append(Row(str(rank), str(rank), [kinds[gap.kind], gap.subject, cov_mod.gap_sentence(gap, view)]))
    out.append(gaps)
    return out


def _matrix(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    stage_names = [view.stage_name(s) for s in STAGES]
    matrix = Table(
        "matrix",
        t("matrix"),
        t("sector"),
        [*(Column(s, n) for s, n in zip(STAGES, stage_names, strict=True)), Column("all", t("all_stages"))],
        notes=[t("matrix_intro")],
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
            t("total_once"),
            [
                *(Pair(c.listings, c.seats) for c in cov.matrix.stage_totals),
                Pair(cov.matrix.total.listings, cov.matrix.total.seats),
            ],
        )
    )
    out.append(matrix)
    return out


def _empty(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang, es = view.lang, view.lang == "es"
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    empty = Table(
        "empty",
        t("empty_cells"),
        t("stage"),
        [Column("count", "Celdas" if es else "Cells"), Column("sectors", "Sectores" if es else "Sectors", False)],
        as_list="{label} ({first}): {last}",
    )
    for stage, sectors in cov.matrix.empty_by_stage():
        empty.rows.append(Row(stage, view.stage_name(stage), [len(sectors), "; ".join(view.sector_name(s) for s in sectors)]))
    out.append(empty)
    return out


def _pay(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang, es = view.lang, view.lang == "es"
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    pay = Table(
        "pay",
        t("pay"),
        t("sector"),
        [
            Column("listings", t("listings")),
            Column("paid", t("paid")),
            Column("stipend", t("stipend")),
            Column("paid_share", t("paid_share") + " (%)"),
            Column("hourly_min", "Salario por hora más bajo" if es else "Lowest hourly wage"),
            Column("hourly_max", "Salario por hora más alto" if es else "Highest hourly wage"),
            Column("not_published", t("not_published")),
        ],
        notes=[t("pay_intro")],
    )
    for pay_row in (*cov.pay, cov.pay_total):
        name = view.sector_name(pay_row.sector) if pay_row.sector else t("total_once")
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

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    bands = Table(
        "bands",
        t("bands"),
        t("band"),
        [Column("grades", t("grades"), False), Column("listings", t("listings")), Column("seats", t("seats"))],
        notes=[t("bands_intro")],
    )
    names = {b.id: b.label(lang) for b in catalog.vocabularies.items("grade-bands")}
    for b in cov.bands:
        bands.rows.append(Row(b.band, names[b.band], [f"{b.grade_min}–{b.grade_max}", b.listings, b.seats]))
    out.append(bands)
    return out


def _areas(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    areas = Table(
        "areas", t("areas"), t("area"), [Column("listings", t("listings")), Column("seats", t("seats"))], notes=[t("areas_intro")]
    )
    for a in cov.areas:
        areas.rows.append(Row(a.area or "unknown", cov_mod.subject_name("area", a.area, view), [a.listings, a.seats]))
    out.append(areas)
    return out


def _levels(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    for r in cov.rubrics:
        level_names = cov_mod.level_names(catalog, r.rubric, lang)
        table = Table(
            f"levels:{r.rubric}",
            f"{t('levels')}: {cov_mod.rubric_name(catalog, r.rubric, lang)}",
            t("criterion"),
            [
                *(Column(lv, f"{i}. {name}") for i, (lv, name) in enumerate(zip(r.levels, level_names, strict=True), 1)),
                Column("not-assessed", t("not_assessed")),
            ],
            notes=[t("levels_assessed", n=view.number(r.assessed), open=view.number(cov.open))],
        )
        for c in r.rows:
            table.rows.append(
                Row(c.criterion, cov_mod.criterion_name(catalog, r.rubric, c.criterion, lang), [*c.counts, c.not_assessed])
            )
        out.append(table)

    return out


def _signals(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    signals = Table("signals", t("signals"), t("signal"), [Column("listings", t("listings"))])
    signals.rows = [Row(s.signal, view.vocab("signals", s.signal), [s.listings]) for s in cov.signals]
    out.append(signals)
    return out


def _fresh(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    fresh = Table("freshness", t("freshness"), t("reviewed"), [Column("listings", t("listings"))], notes=[t("freshness_intro")])
    fresh.rows = [Row(f.bucket, t("fresh_" + f.bucket), [f.listings]) for f in cov.freshness]
    out.append(fresh)
    return out


def _deadlines(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    lang = view.lang
    out: list[Table] = []

    def t(key: str, **values: Any) -> str:
        return label(key, lang, **values)

    deadlines = Table(
        "deadlines",
        t("deadlines"),
        t("opportunity"),
        [
            Column("organization", t("organization"), False),
            Column("deadline", t("deadline"), False),
            Column("days_left", t("days_left")),
            Column("seats", t("seats")),
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
        deadlines.notes.append(t("deadlines_none"))
    out.append(deadlines)
    return out


# One builder per table, in the order the report shows them.
BUILDERS = (_summary, _gaps, _matrix, _empty, _pay, _bands, _areas, _levels, _signals, _fresh, _deadlines)


def tables(cov: Coverage, catalog: Catalog, view: View) -> list[Table]:
    return [table for build in BUILDERS for table in build(cov, catalog, view)]
