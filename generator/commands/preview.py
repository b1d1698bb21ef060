"""`python -m generator preview`: a small site with just the changed records.

A reviewer or employer sees their listing rendered in seconds, even in a
large catalog: the whole catalog is still checked (references need it),
but only the changed records, their organizations and pathways, and the
index pages are rendered and built.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from generator.commands.engine import engine
from generator.commands.outdir import mark, output_problem
from generator.model.checked import Checked, check_catalog


def record_keys(paths: list[Path], root: Path, checked: Checked) -> tuple[set[str], list[str]]:
    """Record keys for changed files, and the files that are not records."""
    keys: set[str] = set()
    unknown: list[str] = []
    catalog = checked.catalog
    root = root.resolve()
    for path in paths:
        try:
            parts = path.resolve().relative_to(root).parts
        except ValueError:
            unknown.append(str(path))
            continue
        if len(parts) == 3 and parts[0] == "employers" and parts[2].endswith(".yml"):
            org, name = parts[1], parts[2][:-4]
            if name == "organization":
                keys.add(f"organization:{org}")
            else:
                keys.add(f"opportunity:{org}/{name}")
                keys.add(f"organization:{org}")
                opp = catalog.opportunities.get(f"{org}/{name}")
                if opp:
                    keys.update(f"pathway:{p}" for p in opp.pathways)
        elif len(parts) == 2 and parts[0] == "pathways" and parts[1].endswith(".yml"):
            keys.add(f"pathway:{parts[1][:-4]}")
        else:
            unknown.append(str(path))
    return keys, unknown


@runtime_checkable
class PreviewTarget(Protocol):
    """What preview hands the catalog plugin (generator.mkdocs_plugin.CatalogPlugin, a later stage): an already
    checked catalog and the keys of the records to render."""

    preview: tuple[Checked, set[str]] | None


def cmd_preview(args: argparse.Namespace) -> int:
    try:
        chosen = engine()
    except ValueError as exc:
        print(f"preview: error: {exc}", file=sys.stderr)
        return 2
    if chosen == "properdocs":
        import properdocs.replacement  # noqa: F401 - routes the mkdocs imports below to ProperDocs
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    started = time.perf_counter()
    root = Path(args.catalog)
    problem = output_problem(Path(args.out), "preview", root)
    if problem:
        print(f"preview: error: {problem}", file=sys.stderr)
        return 2
    checked = check_catalog(root, cache=True)
    if not checked.ok:
        print(checked.failure_report())
        return 1
    keys, unknown = record_keys([Path(p) for p in args.paths], root, checked)
    for name in unknown:
        print(f"preview: {name} is not an opportunity, organization or pathway file; showing the indexes only", file=sys.stderr)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=args.config, site_dir=str(Path(args.out).resolve()))
    plugin = config.plugins["wbl-catalog"]
    if not isinstance(plugin, PreviewTarget):
        print(f"preview: error: {args.config} loads a `wbl-catalog` plugin that cannot build a preview", file=sys.stderr)
        return 2
    plugin.preview = (checked, keys)
    plugin.config.search = args.search
    build(config)
    mark(Path(args.out), "preview")
    pages = sorted(k.split(":", 1)[1] for k in keys if k.startswith("opportunity:"))
    print(f"Preview built in {time.perf_counter() - started:.1f} s: {args.out}")
    for ident in pages:
        print(f"  {Path(args.out) / 'opportunities' / ident / 'index.html'}")
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "preview",
        help="build a small site with just the changed records, in seconds",
        description="Build a small site with the changed records plus the index pages.",
    )
    parser.add_argument("paths", nargs="*", metavar="FILE", help="changed catalog files")
    parser.add_argument("--out", default="preview", help="output folder (default: preview)")
    parser.add_argument("--catalog", default="catalog", help="catalog folder (default: ./catalog)")
    parser.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument(
        "--search",
        action="store_true",
        help="also build the search and browse indexes (slower; the preview lists listings without them)",
    )
    parser.set_defaults(func=cmd_preview)
