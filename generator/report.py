"""`python -m generator report`: the coverage and quality figures, for pasting into a funder report.

    python -m generator report [--format text|markdown|json|csv] [--catalog DIR] [--lang en|es]

The figures are the ones on the /coverage/ page: both come from
`coverage.compute`, as of the one build date (CATALOG_TODAY, or today).
The output is stable: the same catalog and date give the same bytes, in a
fixed order, with no timestamps.

- text: headed, aligned tables for an e-mail or a document.
- markdown: the same tables as Markdown pipe tables.
- json: the full `Coverage` record, plus names and the gap sentences.
- csv: one "long" table, one line per figure: table, row_id, row,
  column_id, column, value. Ids are stable across languages; numbers are
  plain (no thousands separators), empty means "none" or "not published".

Exit status: 0 with the report; 1 when the catalog has errors (the
checker's messages go to stderr and nothing to stdout); 2 for a usage
mistake, such as a catalog folder that does not exist.

On a large catalog (more than 2,000 files) a progress line is shown on
stderr while the catalog is checked, when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from . import coverage as cov_mod
from .coverage import Coverage, label
from .model import STAGES, Catalog
from .render.context import View

PROGRESS_THRESHOLD = 2000
FORMATS = ("text", "markdown", "json", "csv")


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
    for row in (*cov.pay, cov.pay_total):
        name = view.sector_name(row.sector) if row.sector else L("total_once")
        pay.rows.append(
            Row(
                row.sector or "all",
                name,
                [
                    row.listings,
                    row.paid,
                    row.stipend,
                    None if row.share is None else Pct(row.share),
                    None if row.hourly_min is None else Money(row.hourly_min),
                    None if row.hourly_max is None else Money(row.hourly_max),
                    row.not_published,
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


# -- formats -----------------------------------------------------------------


def _cell_text(value: Any, view: View) -> str:
    if value is None:
        return "—"
    if isinstance(value, Pair):
        if value.listings == 0:
            return label("none", view.lang)
        return f"{view.number(value.listings)} ({view.number(value.seats)})"
    if isinstance(value, Pct):
        return f"{int(value)}\u00a0%" if view.lang == "es" else f"{int(value)}%"
    if isinstance(value, Money):
        return view.money(float(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return view.number(value)
    return str(value)


def _raw(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return f"{float(value):.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(int(value)) if isinstance(value, int) else str(value)


def _pair_note(view: View) -> str:
    return "Cada celda: anuncios (lugares)." if view.lang == "es" else "Each cell: listings (seats)."


def _how(view: View) -> list[str]:
    return label("how_items", view.lang).replace("`", "").split("\n")


def _header(cov: Coverage, view: View) -> list[str]:
    lede = label(
        "lede",
        view.lang,
        date=cov.as_of.isoformat(),
        open=view.number(cov.open),
        listings=view.number(cov.listings),
        seats=view.number(cov.seats),
    )
    return [label("title", view.lang), lede]


def as_text(cov: Coverage, catalog: Catalog, view: View) -> str:
    title, lede = _header(cov, view)
    lines = [title.upper(), "=" * len(title), lede, ""]
    for table in tables(cov, catalog, view):
        lines += [table.title, "-" * len(table.title)]
        lines += table.notes
        if table.key == "matrix":
            lines.append(_pair_note(view))
        if table.notes or table.key == "matrix":
            lines.append("")
        if table.as_list:
            lines += [_line(table, r, view) for r in table.rows if r.cells[-1]]
        elif table.rows:
            header = [table.row_header, *(c.header for c in table.columns)]
            body = [[r.label, *(_cell_text(v, view) for v in r.cells)] for r in table.rows]
            numeric = [False, *(c.numeric for c in table.columns)]
            widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]

            def fmt(row: list[str], numeric: list[bool] = numeric, widths: list[int] = widths) -> str:
                cells = [c.rjust(w) if n else c.ljust(w) for c, n, w in zip(row, numeric, widths, strict=True)]
                return "  ".join(cells).rstrip()

            lines.append(fmt(header))
            lines.append("  ".join("-" * w for w in widths))
            lines += [fmt(row) for row in body]
        lines.append("")
    how = label("how", view.lang)
    lines += [how, "-" * len(how), *(f"- {item}" for item in _how(view))]
    return "\n".join(lines) + "\n"


def _line(table: Table, row: Row, view: View) -> str:
    return table.as_list.format(label=row.label, first=_cell_text(row.cells[0], view), last=row.cells[-1])


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def as_markdown(cov: Coverage, catalog: Catalog, view: View) -> str:
    title, lede = _header(cov, view)
    lines = [f"# {title}", "", lede, ""]
    for table in tables(cov, catalog, view):
        lines += [f"## {table.title}", ""]
        for note in table.notes:
            lines += [_md(note), ""]
        if table.key == "matrix":
            lines += [_pair_note(view), ""]
        if table.as_list:
            lines += [("" if table.key == "gaps" else "- ") + _md(_line(table, r, view)) for r in table.rows if r.cells[-1]]
            lines.append("")
        elif table.rows:
            lines.append("| " + " | ".join(_md(h) for h in [table.row_header, *(c.header for c in table.columns)]) + " |")
            lines.append("|" + "|".join(["---", *("---:" if c.numeric else "---" for c in table.columns)]) + "|")
            for r in table.rows:
                lines.append("| " + " | ".join(_md(x) for x in [r.label, *(_cell_text(v, view) for v in r.cells)]) + " |")
            lines.append("")
    lines += [f"## {label('how', view.lang)}", "", *(f"- {_md(item)}" for item in _how(view))]
    return "\n".join(lines) + "\n"


def as_csv(cov: Coverage, catalog: Catalog, view: View) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "row_id", "row", "column_id", "column", "value"])
    for table in tables(cov, catalog, view):
        for r in table.rows:
            for column, value in zip(table.columns, r.cells, strict=True):
                if isinstance(value, Pair):
                    writer.writerow(
                        [
                            table.key,
                            r.id,
                            r.label,
                            f"{column.id}.listings",
                            f"{column.header}: {label('listings', view.lang)}",
                            value.listings,
                        ]
                    )
                    writer.writerow(
                        [
                            table.key,
                            r.id,
                            r.label,
                            f"{column.id}.seats",
                            f"{column.header}: {label('seats', view.lang)}",
                            value.seats,
                        ]
                    )
                else:
                    writer.writerow([table.key, r.id, r.label, column.id, column.header, _raw(value)])
    return buffer.getvalue()


def as_json(cov: Coverage, catalog: Catalog, view: View) -> str:
    lang = view.lang
    data = cov.to_dict()
    data["gap_sentences"] = [cov_mod.gap_sentence(g, view) for g in cov.gaps]
    data["names"] = {
        "sectors": {s.id: s.label(lang) for s in catalog.vocabularies.items("sectors")},
        "stages": {s: view.stage_name(s) for s in STAGES},
        "grade_bands": {b.id: b.label(lang) for b in catalog.vocabularies.items("grade-bands")},
        "areas": {a.id: a.label(lang) for a in catalog.vocabularies.items("areas")},
        "signals": {s.id: s.label(lang) for s in catalog.vocabularies.items("signals")},
        "rubrics": {
            r: {
                "name": cov_mod.rubric_name(catalog, r, lang),
                "levels": dict(
                    zip((lv.id for lv in catalog.rubrics[r].levels), cov_mod.level_names(catalog, r, lang), strict=True)
                ),
                "criteria": {c.id: cov_mod.criterion_name(catalog, r, c.id, lang) for c in catalog.rubrics[r].criteria},
            }
            for r in catalog.rubrics
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Coverage, Catalog, View], str]] = {
    "text": as_text,
    "markdown": as_markdown,
    "json": as_json,
    "csv": as_csv,
}


def render(catalog: Catalog, fmt: str = "text", lang: str = "en") -> str:
    """The report for a checked catalog, in one format."""
    view = View(catalog, lang, "coverage/")
    return RENDERERS[fmt](cov_mod.compute(catalog), catalog, view)


# -- progress ----------------------------------------------------------------


def count_files(root: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(root))


class Progress:
    """A one-line "Checking N files… 3 s" on stderr, for large catalogs on a terminal only."""

    def __init__(self, root: Path, stream: TextIO | None = None, threshold: int | None = None, interval: float = 0.25):
        self.stream = stream or sys.stderr
        threshold = PROGRESS_THRESHOLD if threshold is None else threshold
        self.interval = interval
        self.files = 0
        isatty = getattr(self.stream, "isatty", None)
        if callable(isatty) and isatty():
            self.files = count_files(root)
        self.active = self.files > threshold
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.phase = "Checking"

    def _line(self, elapsed: float) -> str:
        return f"\r{self.phase} {self.files:,} catalog files… {int(elapsed)} s"

    def _run(self) -> None:
        start = time.monotonic()
        while not self._stop.is_set():
            self.stream.write(self._line(time.monotonic() - start))
            self.stream.flush()
            self._stop.wait(self.interval)

    def __enter__(self) -> Progress:
        if self.active:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread:
            self._stop.set()
            self._thread.join()
            self.stream.write("\r\x1b[K")
            self.stream.flush()


# -- command -----------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from .assemble import today
    from .catalog import check_catalog
    from .problems import as_text as problem_lines
    from .problems import summary

    root = Path(args.catalog) if args.catalog else Path("catalog")
    if not root.is_dir():
        print(f"report: error: the catalog folder {root} does not exist", file=sys.stderr)
        return 2
    as_of = today()
    with Progress(root):
        checked = check_catalog(root, as_of=as_of)
    if not checked.ok:
        print("report: the catalog has problems to fix before a report can be made:", file=sys.stderr)
        for line in problem_lines(checked.errors):
            print(line, file=sys.stderr)
        print(summary(checked.files, checked.problems), file=sys.stderr)
        return 1
    sys.stdout.write(render(checked.catalog, args.format, args.lang))
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="print the coverage and quality figures (the /coverage/ page) for a funder report",
        description="Print the coverage and quality figures of the catalog as of CATALOG_TODAY (or today): "
        "the three biggest gaps, open opportunities by sector and stage, paid share and wages, seats by grade band "
        "and area, self-assessment levels, freshness and deadlines in the next 30 days.",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--catalog", metavar="DIR", help="catalog folder (default: ./catalog)")
    parser.add_argument("--lang", choices=["en", "es"], default="en", help="language of names and headings (default: en)")
    parser.set_defaults(func=cmd_report)
