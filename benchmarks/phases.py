"""Where a full build's time goes, phase by phase.

    CATALOG_DIR=DIR python benchmarks/phases.py [--out SITE]

The site goes to a new temporary folder, removed afterwards, unless --out is given. On this machine's disk,
writing thousands of files where a site was just deleted costs several times the system time of writing
them into a new folder, so a fixed, emptied folder would time the disk rather than the build.

Builds the site in this process, as `mkdocs build` does, and prints each phase's CPU and wall time
(the check, the pages MkDocs renders, the exports, the browse indexes, the sitemap, the wait for the
record-page workers) and the CPU time of the workers. Wall times overlap: the workers run during the
later phases.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CATALOG_TODAY", "2026-11-22")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

cpu: dict[str, float] = defaultdict(float)
wall: dict[str, float] = defaultdict(float)


def measure(owner: Any, name: str, label: str) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        c, w = time.process_time(), time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            cpu[label] += time.process_time() - c
            wall[label] += time.perf_counter() - w

    setattr(owner, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", help="build here instead of in a new temporary folder")
    args = parser.parse_args()
    from mkdocs.commands import build
    from mkdocs.config import load_config

    from generator import exports, mkdocs_plugin
    from generator.exports import sitemap as exports_sitemap
    from generator.render import browse_index, shell, site

    measure(mkdocs_plugin, "check_catalog", "check")
    measure(site.SiteRenderer, "render", "render the other pages")
    measure(build, "_build_page", "MkDocs pages and shells")
    measure(exports, "write_exports", "exports")
    measure(browse_index, "write_browse_index", "browse and word indexes")
    measure(shell.RecordWriter, "finish", "wait for the record-page workers")
    measure(exports_sitemap, "write_sitemap", "sitemap")
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="wbl-phases-")) / "site"
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(out))
    c, w = time.process_time(), time.perf_counter()
    build.build(config)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"build: {time.perf_counter() - w:.1f} s wall; CPU {time.process_time() - c:.1f} s here, "
        f"{children.ru_utime + children.ru_stime:.1f} s in workers ({children.ru_stime:.1f} s of it in the system)"
    )
    for label in cpu:
        print(f"  {label}: {cpu[label]:.1f} s CPU, {wall[label]:.1f} s wall")
    if not args.out:
        shutil.rmtree(out.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
