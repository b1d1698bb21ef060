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

The tables are built in report/tables.py and written out in
report/formats.py; this module is the command.

Exit status: 0 with the report; 1 when the catalog has errors (the
checker's messages go to stderr and nothing to stdout); 2 for a usage
mistake, such as a catalog folder that does not exist.

On a large catalog (more than 2,000 files) a progress line is shown on
stderr while the catalog is checked, when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from generator.model import Catalog
from generator.present.view import View
from generator.report import coverage as cov_mod
from generator.report.formats import FORMATS, RENDERERS, as_csv, as_json, as_markdown, as_text
from generator.report.tables import Table, tables

__all__ = [
    "FORMATS",
    "PROGRESS_THRESHOLD",
    "RENDERERS",
    "Progress",
    "Table",
    "as_csv",
    "as_json",
    "as_markdown",
    "as_text",
    "cmd_report",
    "count_files",
    "register",
    "render",
    "tables",
]

PROGRESS_THRESHOLD = 2000


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
    from generator.check.problems import as_text as problem_lines
    from generator.check.problems import summary
    from generator.model.assemble import today
    from generator.model.checked import check_catalog

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
    from generator.model import regions

    wanted = regions.parse(args.regions or os.environ.get(regions.ENVIRONMENT, ""))
    problem = regions.unknown_problem(checked.catalog.vocabularies, wanted)
    if problem:
        print(f"report: error: {problem}", file=sys.stderr)
        return 2
    sys.stdout.write(render(regions.select(checked.catalog, wanted), args.format, args.lang))
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
    parser.add_argument(
        "--regions",
        metavar="IDS",
        help="only these regions of vocabularies/regions.yml, separated by commas, as a regional build counts them "
        "(default: CATALOG_REGIONS, else every region)",
    )
    parser.set_defaults(func=cmd_report)
