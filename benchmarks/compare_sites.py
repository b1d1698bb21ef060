"""Compare two built sites file by file: the proof that a change to the code left the output as it was.

    python benchmarks/compare_sites.py BEFORE AFTER [--ignore GLOB ...]

Build both with the same CATALOG_TODAY (and CATALOG_DIR), for example from two worktrees:

    CATALOG_TODAY=2026-11-22 mkdocs build --strict -d /tmp/before     # in the old commit
    CATALOG_TODAY=2026-11-22 mkdocs build --strict -d /tmp/after      # in the new one

Prints the files only in one site and the files whose bytes differ, then a summary line; exits 1 when
anything differs outside the ignored paths (globs on the site-relative path, such as `assets/browse/*`).
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from pathlib import Path


def files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


def compare(before: Path, after: Path, ignore: list[str]) -> tuple[list[str], list[str], list[str], int]:
    """(only before, only after, changed, identical count), leaving out ignored paths."""
    old, new = files(before), files(after)

    def kept(path: str) -> bool:
        return not any(fnmatch.fnmatch(path, pattern) for pattern in ignore)

    only_old = sorted(p for p in old.keys() - new.keys() if kept(p))
    only_new = sorted(p for p in new.keys() - old.keys() if kept(p))
    both = sorted(p for p in old.keys() & new.keys() if kept(p))
    changed = [p for p in both if old[p].read_bytes() != new[p].read_bytes()]
    return only_old, only_new, changed, len(both) - len(changed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore", action="append", default=[], metavar="GLOB", help="site paths to leave out")
    args = parser.parse_args(argv)
    only_old, only_new, changed, same = compare(args.before, args.after, args.ignore)
    for label, paths in (("only in before", only_old), ("only in after", only_new), ("changed", changed)):
        for path in paths:
            print(f"{label}: {path}")
    print(f"{same} identical, {len(changed)} changed, {len(only_old)} only before, {len(only_new)} only after")
    return 1 if only_old or only_new or changed else 0


if __name__ == "__main__":
    sys.exit(main())
