"""Lighthouse's mobile accessibility audit of the bundled site, in Debian's Chromium.

    python benchmarks/lighthouse.py [--site SITE] [--categories accessibility,best-practices]

Builds the bundled catalog (or takes a built SITE), serves it on 127.0.0.1 and runs Lighthouse (pinned in
benchmarks/lighthouse/package-lock.json, installed there with `npm ci` on first use) on the home page, the browse
page and a listing page in English and Spanish, with Lighthouse's mobile settings. Prints one score per page and
category and each failing audit. Lighthouse drives the Chromium named by WBL_CHROMIUM (default /usr/bin/chromium)
and downloads no browser. It is a benchmark, not part of the test suite: the suite checks every page type with
axe-core directly (tests/browser/test_accessibility.py), which is the engine of Lighthouse's accessibility audits.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitebuild import build_site, serve  # noqa: E402 - the tests' helpers, found through the path above

TOOL = Path(__file__).resolve().parent / "lighthouse"
CHROMIUM = os.environ.get("WBL_CHROMIUM", "/usr/bin/chromium")
PAGES = ("", "opportunities/", "opportunities/kaiser-permanente-socal/summer-high-school-internship/")


def install() -> Path:
    """Lighthouse from its lock file, installed beside this script the first time."""
    cli = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=TOOL, check=True)
    return cli


def audit(cli: Path, url: str, categories: list[str], work: Path) -> dict:
    report = work / "report.json"
    cmd = [
        "node",
        str(cli),
        url,
        f"--only-categories={','.join(categories)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
    ]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    return json.loads(report.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the bundled catalog)")
    parser.add_argument("--categories", default="accessibility", help="Lighthouse categories, comma-separated")
    args = parser.parse_args()
    categories = args.categories.split(",")
    cli = install()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = args.site
        if site is None:
            site = work / "site"
            build_site(site)
        worst = 1.0
        with serve(site) as base:
            for lang in ("", "es/"):
                for page in PAGES:
                    result = audit(cli, f"{base}{lang}{page}", categories, work)
                    for name in categories:
                        category = result["categories"][name]
                        score = category["score"]
                        worst = min(worst, score)
                        print(f"{name:15} {round(score * 100):3d}  /{lang}{page}")
                        for ref in category["auditRefs"]:
                            found = result["audits"][ref["id"]]
                            if ref["weight"] and found["score"] is not None and found["score"] < 1:
                                print(f"{'':19}failed: {ref['id']}: {found['title']}")
    print(f"lowest score: {round(worst * 100)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
