"""`python -m generator synth`: the command line of the synthetic catalog."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from generator.commands.synth.catalog import CATALOG_PARTS, synthesize


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("give at least 1 opportunity")
    return value


def cmd_synth(args: argparse.Namespace) -> int:
    from generator.commands.synth.state import most_regions

    out = Path(args.out)
    if args.regions > most_regions():
        print(
            f"synth: error: --regions {args.regions}: synth knows {most_regions()} regions; ask for at most that", file=sys.stderr
        )
        return 2
    if out.exists() and not out.is_dir():
        print(f"synth: error: {out} is a file, not a folder", file=sys.stderr)
        return 1
    if out.is_dir() and any(out.iterdir()):
        if not args.force:
            print(
                f"synth: error: {out} is not empty; choose an empty or new folder, or add --force to replace its catalog",
                file=sys.stderr,
            )
            return 1
        for name in CATALOG_PARTS:
            target = out / name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.exists() or target.is_symlink():
                target.unlink()
    from generator.model.assemble import today

    as_of = today()
    files, orgs, opps, paths = synthesize(out, args.opportunities, args.seed, as_of, args.regions)
    print(
        f"synth: wrote {files} files to {out}: {orgs} organizations, {opps} opportunities, {paths} pathways "
        f"(seed {args.seed}, as of {as_of})"
    )
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "synth",
        help="write a realistic synthetic catalog (for tests and benchmarks)",
        description="Write a synthetic catalog that passes `check`: about one organization per ten listings, every vocabulary "
        "value used, dates placed around the as-of date (CATALOG_TODAY). The same seed gives the same files.",
    )
    parser.add_argument("--opportunities", type=_count, required=True, metavar="N", help="number of listings to write")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write the catalog into (must be empty)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument(
        "--regions",
        type=int,
        default=0,
        metavar="N",
        help="at least N regions: the bundled catalog's, then further California regions (default: the bundled catalog's)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty DIR, replacing its employers/, pathways/, rubrics/, vocabularies/ and retired.yml",
    )
    parser.set_defaults(func=cmd_synth)
