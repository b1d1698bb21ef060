"""The formats of `python -m generator report`: text, Markdown, CSV and JSON.

The output is stable: the same catalog and date give the same bytes, in a
fixed order, with no timestamps (see report.py for what each format holds).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

from generator.model import STAGES, Catalog
from generator.present.view import View
from generator.report import coverage as cov_mod
from generator.report.coverage import Coverage, label
from generator.report.tables import Money, Pair, Pct, Row, Table, tables

FORMATS = ("text", "markdown", "json", "csv")


def _cell_text(value: Any, view: View) -> str:
    if value is None:
        return "—"
    if isinstance(value, Pair):
        if value.listings == 0:
            return label("none", view.lang)
        return f"{view.number(value.listings)} ({view.number(value.seats)})"
    if isinstance(value, Pct):
        return view.percent(int(value))
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
    return view.t("report_cell_pairs")


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
