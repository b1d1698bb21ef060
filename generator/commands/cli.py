"""Command line: `python -m generator <command>`."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from generator.check.problems import Problem, as_github, as_json, as_text, summary

if TYPE_CHECKING:
    from generator.model.checked import Checked

DEFAULT_CATALOG = Path("catalog")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # exit 2 with a one-line reason, as documented
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _catalog_root(paths: list[Path]) -> Path:
    """The catalog folder that holds the given paths (default: ./catalog)."""
    for path in paths:
        for parent in [path, *path.resolve().parents]:
            if parent.name == "catalog" and parent.is_dir():
                return parent
            if (parent / "catalog").is_dir() and parent == path:
                return parent / "catalog"
    return DEFAULT_CATALOG


def _inside(shown: str, selected: list[Path]) -> bool:
    target = Path(shown).resolve()
    for path in selected:
        resolved = path.resolve()
        if target == resolved or resolved in target.parents:
            return True
    return False


def outside_problem(path: Path, root: Path) -> str | None:
    """Why check cannot report on path (a file or folder outside the catalog), or None."""
    # As written and as resolved: a symbolic link in the catalog is the catalog's (its own problem says why
    # it is refused), and so is a path through a catalog folder that is itself a link.
    for target in (Path(os.path.abspath(path)), path.resolve()):
        for catalog in (Path(os.path.abspath(root)), root.resolve()):
            if target == catalog or catalog in target.parents or target in catalog.parents:
                return None
    from generator.check.discover import shown_path
    from generator.commands.new import RUN, catalog_option, printable

    return (
        f"{printable(str(path), limit=1000)} is not in {printable(shown_path(root), limit=1000)}/: check only checks "
        f"catalog files. Run {RUN} check{catalog_option(root)} to check the whole catalog."
    )


def reported(checked: Checked, root: Path, selected: list[Path], as_of: dt.date) -> list[Problem]:
    """The problems of the selected files and folders, and every problem they cause in other files."""
    from generator.check.scope import caused_elsewhere

    if not selected:
        return checked.problems
    caused = caused_elsewhere(root, lambda shown: _inside(shown, selected), as_of)
    return [p for p in checked.problems if caused is None or p in caused or _inside(p.path, selected)]


def cmd_check(args: argparse.Namespace) -> int:
    from generator.model.assemble import today
    from generator.model.checked import check_catalog

    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists() and not path.is_symlink():
            print(f"check: error: {path} does not exist", file=sys.stderr)
            return 2
    root = Path(args.catalog) if args.catalog else _catalog_root(paths)
    for path in paths:
        problem = outside_problem(path, root)
        if problem:
            print(f"check: error: {problem}", file=sys.stderr)
            return 2
    as_of = today()
    checked = check_catalog(root, as_of=as_of, against=args.against, cache=True)
    # A folder that holds the catalog (`check .` at the project's root) means the whole catalog.
    selected = [p for p in paths if not (p.resolve() == root.resolve() or p.resolve() in root.resolve().parents)]
    problems = reported(checked, root, selected, as_of)
    if args.combined:
        from generator.check.combine import shared_organizations

        problems += shared_organizations([root, *(Path(p) for p in args.combined)])
    if args.format == "json":
        print(as_json(problems))
    elif args.format == "github":
        for line in as_github(problems):
            print(line)
        print(summary(checked.files, problems))
    else:
        for line in as_text(problems):
            print(line)
        print(summary(checked.files, problems))
    return 1 if any(p.severity == "error" for p in problems) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m generator", description="Check and publish the work-based learning catalog.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser(
        "check",
        help="check catalog files and report every problem with its line",
        description="Check the catalog. Prints `path:line:col: error|warning: what. fix.` lines.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to report on (default: the whole catalog)")
    check.add_argument("--format", choices=["text", "github", "json"], default="text", help="output format (default: text)")
    check.add_argument("--against", metavar="REV", help="also report listing files deleted since this git revision")
    check.add_argument("--catalog", metavar="DIR", help="catalog folder (default: ./catalog)")
    check.add_argument(
        "--with",
        dest="combined",
        action="append",
        default=[],
        metavar="DIR",
        help="another regional catalog to combine with this one: report organization folders both define (repeatable)",
    )
    check.set_defaults(func=cmd_check)

    for _name, module in _EXTRA_COMMANDS:
        importlib.import_module(f"generator.commands.{module}").register(sub)
    return parser


# Commands that live in their own modules; each module has register(subparsers).
_EXTRA_COMMANDS = [
    ("report", "report"),
    ("synth", "synth"),
    ("new", "new"),
    ("from-issue", "from_issue"),
    ("preview", "preview"),
    ("pages", "pages"),
    ("assemble", "assemble"),
    ("stale", "stale"),
]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except ValueError as exc:  # configuration mistakes such as a bad CATALOG_TODAY
        print(f"error: {exc}", file=sys.stderr)
        return 2
