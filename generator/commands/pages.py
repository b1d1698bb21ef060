"""`python -m generator pages`: write the rendered pages to a folder.

The pages are plain Markdown files with front matter, so the site is not
locked to MkDocs: another engine (or a plain `docs/` folder) can take them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.commands.outdir import mark, output_problem
from generator.exports.logos import write_logos
from generator.model.checked import check_catalog
from generator.render.site import render_site, write_pages


def cmd_pages(args: argparse.Namespace) -> int:
    problem = output_problem(Path(args.out), "pages", Path(args.catalog))
    if problem:
        print(f"pages: error: {problem}", file=sys.stderr)
        return 2
    checked = check_catalog(Path(args.catalog))
    if not checked.ok:
        print(checked.failure_report())
        return 1
    pages = render_site(checked.catalog, args.site_url, Path("site_overrides/templates"))
    write_pages(pages, Path(args.out))
    write_logos(checked.catalog.logos, Path(args.out))
    mark(Path(args.out), "pages")
    print(f"{len(pages)} pages written to {args.out}")
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "pages",
        help="write the rendered pages (Markdown with front matter) to a folder",
        description="Write every rendered page to a folder, for engines other than MkDocs.",
    )
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--catalog", default="catalog", help="catalog folder (default: ./catalog)")
    parser.add_argument("--site-url", default="", help="absolute base URL for permanent links")
    parser.set_defaults(func=cmd_pages)
