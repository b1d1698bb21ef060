"""The W3C Nu HTML checker and axe-core over one page of each type, in English and in Spanish.

    python benchmarks/validate.py [--site DIR] [--paged-site DIR] [--no-nu] [--no-axe] [--all-nu]

Builds the bundled catalog (as of 2026-11-22) and a synthetic catalog of 1,100 listings, whose browse and
organization indexes have a second page, into temporary folders, unless built sites are given. Then:

- Nu (node_modules/vnu-jar, run with Java) checks those pages and the site's own style sheets, and prints
  every error and warning; --all-nu checks every page of the bundled site instead of one per type.
- axe-core (node_modules/axe-core) runs in Debian's Chromium on each page at 360 x 640, with the rules
  tagged WCAG 2.0, 2.1 and 2.2 A and AA and the best-practice rules, and prints every violation.

Exits 1 when either finds something of the site's own, 0 when they find nothing. Material's own invalid
autocomplete="off" on its checkboxes, in a part of the theme no override reaches, is listed but not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
AS_OF = "2026-11-22"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("WBL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
STYLESHEETS = sorted((ROOT / "site_overrides" / "assets").glob("*.css"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
THEME_MESSAGE = "Attribute “autocomplete” is only allowed when the input type is"
from sitebuild import serve  # noqa: E402 - the tests' helper, found through the path above

BROWSE_READY = """() => { const root = document.getElementById("wbl-browse");
  return !root || root.dataset.state === "ready"; }"""


def build(out: Path, catalog: Path | None = None) -> None:
    env = {**os.environ, "CATALOG_TODAY": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    env.pop("CATALOG_DIR", None)
    if catalog is not None:
        env["CATALOG_DIR"] = str(catalog)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def page_types() -> dict[str, str]:
    """Page type -> language-neutral path in the bundled site, picked from the catalog model."""
    import datetime as dt

    from generator.model.checked import check_catalog

    checked = check_catalog(ROOT / "catalog", as_of=dt.date.fromisoformat(AS_OF))
    if not checked.ok:
        raise SystemExit("The bundled catalog has errors: run `python -m generator check`.")
    cat = checked.catalog
    opps = sorted(cat.opportunities.values(), key=lambda o: o.id)
    listing = max((o for o in opps if o.status == "open"), key=lambda o: (len(o.sites), o.id))
    closed = next(o for o in opps if o.status == "closed")
    sector = sorted(cat.vocabularies.items("sectors"), key=lambda s: (-sum(s.id in o.sectors for o in opps), s.id))[0]
    types = {
        "home": "",
        "browse": "opportunities/",
        "listing": listing.url,
        "listing-closed": closed.url,
        "organization": f"employers/{listing.org_id}/",
        "employers": "employers/",
        "pathways": "pathways/",
        "pathway": f"pathways/{sorted(cat.pathways)[0]}/",
        "sectors": "sectors/",
        "sector": f"sectors/{sector.id}/",
        "quality": "quality/",
        "coverage": "coverage/",
        "contribute": "contribute/",
        "counselors": "counselors/",
        "data": "data/",
    }
    if cat.retired:
        types["retired"] = f"opportunities/{sorted(cat.retired)[0]}/"
    return types


PAGED_TYPES = {"browse-page-2": "opportunities/page/2/", "employers-page-2": "employers/page/2/"}


def pages(site: Path, paged: Path | None) -> list[tuple[str, Path, str]]:
    """(name, site folder, path from the site's root) of each page to check."""
    found = []
    for lang in ("en", "es"):
        prefix = "es/" if lang == "es" else ""
        found += [(f"{lang}-{name}", site, f"{prefix}{path}index.html") for name, path in page_types().items()]
        if paged is not None:
            found += [(f"{lang}-{name}", paged, f"{prefix}{path}index.html") for name, path in PAGED_TYPES.items()]
    found.append(("404", site, "404.html"))
    return found


def run_nu(files: list[Path]) -> list[dict[str, Any]]:
    """Nu's messages (errors and warnings) for the files, each with the file's path."""
    if not VNU.is_file():
        raise SystemExit(f"{VNU} is missing: run `npm ci` (the vnu-jar package) and install Java 11 or later.")
    java = shutil.which("java")
    if java is None:
        raise SystemExit("Java is not installed: `apt-get install -y default-jre-headless`.")
    cmd = [java, "-jar", str(VNU), "--format", "json", "--also-check-css", *map(str, files)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    for message in messages:
        message["file"] = message.get("url", "").removeprefix("file:")
    return messages


def local_only(base: str) -> Any:
    """A route handler that lets requests reach the local server only."""

    def route(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            route.abort()

    return route


def run_axe(targets: list[tuple[str, Path, str]]) -> dict[str, list[dict[str, Any]]]:
    """axe's violations on each page (name -> violations)."""
    from playwright.sync_api import sync_playwright

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    found: dict[str, list[dict[str, Any]]] = {}
    folders = sorted({folder for _, folder, _ in targets})
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for folder in folders:
                with serve(folder) as base:
                    context = browser.new_context(viewport={"width": 360, "height": 640})
                    context.route("**/*", local_only(base))
                    page = context.new_page()
                    for name, where, path in targets:
                        if where != folder:
                            continue
                        page.goto(base + path.removesuffix("index.html"))
                        page.wait_for_function(BROWSE_READY)
                        page.add_script_tag(path=str(AXE))
                        found[name] = page.evaluate("o => axe.run(document, o).then(r => r.violations)", options)
                    context.close()
        finally:
            browser.close()
    return found


def is_theme_message(message: dict[str, Any]) -> bool:
    """Material's base.html puts autocomplete="off" on its drawer and search checkboxes, outside any block a theme
    can override (so that Firefox does not restore them checked); Nu allows the attribute on text inputs only."""
    return message.get("message", "").startswith(THEME_MESSAGE) and 'class="md-toggle"' in message.get("extract", "")


def report_nu(targets: list[tuple[str, Path, str]], site: Path, every_page: bool) -> int:
    """Prints Nu's messages, alike ones together; returns how many errors and warnings are the site's own."""
    names = {(folder / path).resolve().as_posix(): name for name, folder, path in targets}
    files = [folder / path for _, folder, path in targets]
    if every_page:
        files = sorted(site.rglob("*.html")) + [folder / path for _, folder, path in targets if folder != site]
    messages = run_nu(files + STYLESHEETS)
    own = [m for m in messages if not is_theme_message(m)]
    errors = sum(m.get("type") == "error" for m in own)
    print(
        f"Nu: {len(files)} pages and {len(STYLESHEETS)} style sheets: {errors} errors, {len(own) - errors} warnings,"
        f" and {len(messages) - len(own)} errors in Material's base.html that no override reaches"
    )
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in messages:
        kind = "theme" if is_theme_message(m) else m.get("subType") or m.get("type", "")
        grouped.setdefault((kind, m.get("message", "")), []).append(m)
    for (kind, message), found in grouped.items():
        where = [f"{names.get(Path(m['file']).resolve().as_posix(), m['file'])}:{m.get('lastLine', '?')}" for m in found]
        print(f"  [{kind}] {message}")
        print(f"      {len(found)}x: {', '.join(where[:6])}{' ...' if len(where) > 6 else ''}")
        print(f"      {' '.join(str(found[0].get('extract', '')).split())[:160]}")
    return len(own)


def report_axe(targets: list[tuple[str, Path, str]]) -> int:
    """Prints axe's violations, each rule once with the pages it failed on; returns how many there are."""
    results = run_axe(targets)
    count = sum(len(v) for v in results.values())
    print(f"axe ({', '.join(AXE_TAGS)}): {len(results)} pages, {count} violations")
    rules: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name, violations in results.items():
        for v in violations:
            rules.setdefault(v["id"], []).append((name, v))
    for rule, found in rules.items():
        first = found[0][1]
        print(f"  {rule} ({first['impact']}): {first['help']}")
        print(f"      {len(found)} pages: {', '.join(name for name, _ in found)}")
        for node in first["nodes"][:4]:
            print(f"      {json.dumps(node['target'])} {' '.join((node.get('failureSummary') or '').split())[:200]}")
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site of the bundled catalog")
    parser.add_argument("--paged-site", type=Path, help="an already built site whose indexes have a second page")
    parser.add_argument("--no-nu", action="store_true", help="leave out the Nu HTML checker")
    parser.add_argument("--no-axe", action="store_true", help="leave out axe-core")
    parser.add_argument("--all-nu", action="store_true", help="Nu on every page of the bundled site")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="wbl-validate-") as tmp:
        site, paged = args.site, args.paged_site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        if paged is None:
            catalog = Path(tmp) / "synth"
            cmd = [sys.executable, "-m", "generator", "synth", "--opportunities", "1100", "--out", str(catalog)]
            subprocess.run(cmd, cwd=ROOT, env={**os.environ, "CATALOG_TODAY": AS_OF}, check=True, capture_output=True)
            paged = Path(tmp) / "paged"
            build(paged, catalog)
        targets = pages(site, paged)
        problems = 0 if args.no_nu else report_nu(targets, site, args.all_nu)
        problems += 0 if args.no_axe else report_axe(targets)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
