"""Benchmark: how the product behaves as the catalog grows.

    python benchmarks/run.py --sizes 100,1000,10000 [--seed 1] [--regions 5] [--out benchmarks/out/results.json]

For each size it writes a synthetic catalog (five regions unless --regions says), then measures check time against a bare PyYAML C-loader parse,
the full site build against a plain MkDocs + Material build of as many trivial pages, peak memory, listing
page sizes, bytes a browser transfers (compressed) for the browse page and a first search, the filter-to-
results time with the CPU throttled 4x, the preview build for one changed listing, and `mkdocs serve`'s rebuild
after a listing's title changed. It prints a table and
writes the figures as JSON. It is not part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3  # runs of the check and the parse, the best of which is reported
AS_OF = "2026-11-22"
ENV = {**os.environ, "CATALOG_TODAY": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM = os.environ.get("WBL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Runs a command in a child Python and reports its peak memory as the largest single process (ru_maxrss).
PEAK = """
import resource, runpy, sys
sys.argv = sys.argv[1:]
code = 0
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code or 0
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"PEAK_KB {max(own, kids)}", file=sys.stderr)
sys.exit(code)
"""


def tree(pid: int) -> list[int]:
    """A process and its descendants, from /proc."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    found += tree(int(child))
    except OSError:
        pass
    return found


def pss_kb(pid: int) -> int:
    """Proportional set size: memory a forked worker shares with its parent is counted once between them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed, result


def synth(n: int, seed: int, out: Path, regions: int = 5) -> None:
    command = [sys.executable, "-m", "generator", "synth", "--opportunities", str(n), "--out", str(out), "--seed", str(seed)]
    timed([*command, "--regions", str(regions)])


def check_vs_parse(catalog: Path, work: Path) -> dict[str, float]:
    """Check time against a bare parse, with the compiled validators' cache empty, then filled."""
    code = f"""
import time, yaml, os, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from typing import Any
files = sorted(p for p in Path({str(catalog)!r}).rglob("*.yml"))
start = time.perf_counter()
for p in files:
    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
parse = time.perf_counter() - start
from generator.model.checked import check_catalog
import datetime as dt
start = time.perf_counter()
checked = check_catalog(Path({str(catalog)!r}), as_of=dt.date.fromisoformat({AS_OF!r}))
check = time.perf_counter() - start
assert checked.ok, checked.errors[:5]
print(parse, check, len(files))
"""
    # Each figure is the best of ROUNDS runs in new processes: single sub-second timings on this machine
    # vary by half. A cold run has a cache folder of its own, still empty; the warm runs share a filled one.
    cold_runs, warm_runs = [], []
    for number in range(ROUNDS):
        _, cold = timed([sys.executable, "-c", code], {**ENV, "WBL_VALIDATOR_CACHE": str(work / f"validators-{number}")})
        cold_runs.append([float(x) for x in cold.stdout.split()])
    for _ in range(ROUNDS):
        _, warm = timed([sys.executable, "-c", code], {**ENV, "WBL_VALIDATOR_CACHE": str(work / "validators-0")})
        warm_runs.append([float(x) for x in warm.stdout.split()])
    parse, check = min(r[0] for r in warm_runs), min(r[1] for r in warm_runs)
    cold_parse, cold_check = min(r[0] for r in cold_runs), min(r[1] for r in cold_runs)
    return {
        "files": int(warm_runs[0][2]),
        "parse_s": parse,
        "check_s": check,
        "check_ratio": check / parse,
        "cold_parse_s": cold_parse,
        "cold_check_s": cold_check,
        "cold_check_ratio": cold_check / cold_parse,
    }


# How often the build's processes' memory is read. Reading a process's /proc/PID/smaps_rollup walks its memory
# map under the lock its own allocations take: read every 50 ms, processes of a gigabyte or more slowed the build
# they measured (at 50,000 listings, 347.8 s against 185.9 s for the same work in `mkdocs serve`'s first build).
SAMPLE_S = 0.5


def build_site(catalog: Path, out: Path) -> dict[str, float]:
    """The full build, its peak memory as the largest process, and as the largest sum over the build and its
    workers (sampled every SAMPLE_S from this process, so the build itself runs no extra thread)."""
    env = {**ENV, "CATALOG_DIR": str(catalog)}
    cmd = [sys.executable, "-c", PEAK, "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    with tempfile.TemporaryFile("w+") as out_log, tempfile.TemporaryFile("w+") as err_log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out_log, stderr=err_log, text=True)
        total_kb = 0
        while proc.poll() is None:
            total_kb = max(total_kb, sum(pss_kb(p) for p in tree(proc.pid)))
            time.sleep(SAMPLE_S)
        elapsed = time.perf_counter() - start
        out_log.seek(0)
        err_log.seek(0)
        stdout, stderr = out_log.read(), err_log.read()
    if proc.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{stdout[-3000:]}\n{stderr[-3000:]}")
    peak_kb = int(stderr.rsplit("PEAK_KB ", 1)[1].split()[0])
    return {"build_s": elapsed, "peak_mb": peak_kb / 1024, "peak_total_mb": max(peak_kb, total_kb) / 1024}


def plain_build(n: int, work: Path) -> float:
    """MkDocs + Material over n trivial pages kept out of the navigation."""
    docs = work / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    for i in range(n):
        (docs / "p" / f"page-{i}.md").write_text(f"# Page {i}\n\nA trivial page number {i}.\n")
    (work / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\nnav:\n  - index.md\nnot_in_nav: |\n  /p/\nplugins: []\n"
    )
    elapsed, _ = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "site")], cwd=work)
    return elapsed


def site_pages(site: Path) -> int:
    """HTML pages in a built site, redirect pages left out."""
    return sum(1 for p in site.rglob("index.html") if b'http-equiv="refresh"' not in p.read_bytes()[:2000])


def page_sizes(site: Path) -> dict[str, Any]:
    sizes = [p.stat().st_size for p in (site / "opportunities").glob("*/*/index.html") if p.parts[-3] != "page"]
    # Every page of the site, indexes included: none may grow with the catalog.
    largest = max(site.rglob("index.html"), key=lambda p: p.stat().st_size)
    return {
        "page_median_bytes": statistics.median(sizes),
        "page_max_bytes": max(sizes),
        "largest_page_bytes": largest.stat().st_size,
        "largest_page": largest.parent.relative_to(site).as_posix() + "/",
    }


def index_bytes(site: Path, listings: int) -> float:
    """The English word index (browse-data/en/words/), bytes per listing as written (before gzip)."""
    total = sum(p.stat().st_size for p in (site / "browse-data" / "en" / "words").glob("*.json"))
    return total / listings


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files as a static host would: text compressed with gzip. Bytes are counted here, at the server."""

    sent = 0

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in (
            ".html",
            ".js",
            ".css",
            ".json",
            ".xml",
            ".svg",
        )
        if compress:
            body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        GzipHandler.sent += len(body)
        from io import BytesIO

        return BytesIO(body)


def browser_figures(site: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            context = browser.new_context(viewport={"width": 360, "height": 640})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            received = {"bytes": 0}
            cdp.on("Network.loadingFinished", lambda e: received.__setitem__("bytes", received["bytes"] + e["encodedDataLength"]))
            GzipHandler.sent = 0
            page.goto(base + "opportunities/", wait_until="networkidle")
            page.wait_for_selector("#wbl-results li", timeout=30_000)
            first_load = max(received["bytes"], GzipHandler.sent)
            received["bytes"] = 0
            GzipHandler.sent = 0
            status = page.locator("#wbl-status")
            before = status.text_content()
            page.fill("#wbl-q", "internship")
            page.wait_for_function("b => document.querySelector('#wbl-status').textContent !== b", arg=before, timeout=30_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            search_bytes = max(received["bytes"], GzipHandler.sent)
            # A word people use for a field (found through the synonyms) and a ZIP code typed in the search box
            # (a place query: the near-me files), each on a freshly loaded page: bytes beyond the first load.
            typed = {}
            for name, words in (("synonym_query_kb", "coding"), ("zip_query_kb", "90044")):
                page.goto(base + "opportunities/", wait_until="networkidle")
                page.wait_for_selector("#wbl-results li", timeout=30_000)
                received["bytes"] = 0
                GzipHandler.sent = 0
                before = page.url
                page.fill("#wbl-q", words)
                page.press("#wbl-q", "Enter")
                page.wait_for_function("u => location.href !== u", arg=before, timeout=30_000)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
                typed[name] = max(received["bytes"], GzipHandler.sent) / 1000
            page.goto(base + "opportunities/", wait_until="networkidle")
            page.wait_for_selector("#wbl-results li", timeout=30_000)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            timings = []
            for selector in ["#wbl-facets input[type=checkbox] >> nth=1", "#wbl-facets input[type=checkbox] >> nth=1"]:
                elapsed = page.evaluate(
                    """async (sel) => {
                        const status = document.querySelector('#wbl-status');
                        const before = status.textContent;
                        const box = document.querySelector('#wbl-facets input[type=checkbox]:not(:checked)') ||
                                    document.querySelector('#wbl-facets input[type=checkbox]');
                        const done = new Promise(resolve => new MutationObserver((m, o) => { o.disconnect(); resolve(); })
                            .observe(document.querySelector('#wbl-results'), {childList: true, subtree: true, characterData: true}));
                        const start = performance.now();
                        box.click();
                        await done;
                        return performance.now() - start;
                    }""",
                    selector,
                )
                timings.append(elapsed)
            browser.close()
    finally:
        server.shutdown()
    return {
        "browse_first_load_kb": first_load / 1000,
        "first_search_kb": search_bytes / 1000,
        **typed,
        "filter_ms_4x": max(timings),
    }


def browse_data_sizes(site: Path) -> dict[str, float]:
    """The English browse files, kB after gzip as the benchmark's server sends them: facets.json, the facets' own
    files (facet-*.json) together and the largest of them, one card shard."""
    folder = site / "browse-data" / "en"

    def kb(path: Path) -> float:
        return len(gzip.compress(path.read_bytes(), 6)) / 1000

    own = [kb(p) for p in folder.glob("facet-*.json")]
    return {
        "facets_json_kb": kb(folder / "facets.json"),
        "facet_files_kb": sum(own),
        "largest_facet_file_kb": max(own, default=0),
        "card_shard_kb": kb(folder / "cards-0.json"),
    }


def site_figures(site: Path, browser: bool = True) -> dict[str, Any]:
    """The figures that need only a built site (`--site`): page sizes, browse-data sizes, and the browser's."""
    n = json.loads((site / "browse-data" / "en" / "facets.json").read_bytes())["n"]
    row: dict[str, Any] = {"rows": n, **page_sizes(site), **browse_data_sizes(site)}
    if browser:
        row.update(browser_figures(site))
    return row


def preview_time(catalog: Path, work: Path) -> dict[str, float]:
    """A preview of one changed listing: the first (its check parses every file) and one after another listing
    changed (the check reuses the files it parsed before: generator/check/parsecache.py)."""
    listings = sorted(p for p in (catalog / "employers").glob("*/*.yml") if p.name != "organization.yml")
    times = []
    for listing in (listings[len(listings) // 2], listings[len(listings) // 3]):
        with listing.open("a", encoding="utf-8") as handle:
            handle.write("\n# changed\n")
        out = work / f"preview-{len(times)}"
        elapsed, _ = timed(
            [sys.executable, "-m", "generator", "preview", str(listing), "--catalog", str(catalog), "--out", str(out)]
        )
        times.append(elapsed)
    return {"preview_first_s": times[0], "preview_s": times[1]}


def serve_rebuild(catalog: Path) -> dict[str, float]:
    """`mkdocs serve` on the catalog: its first build, then, twice, the time from saving a listing with a new title
    to the server telling browsers to reload (the slower of the two), with the served page checked for the title."""
    import queue
    import re
    import signal
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**ENV, "CATALOG_DIR": str(catalog)}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    started = time.perf_counter()
    # Ctrl-C stops the server cleanly, even when this benchmark runs in the background, where SIGINT is ignored.
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 - no threads are started before it
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout or ()], daemon=True).start()

    def until(text: str) -> float:
        while True:
            line = lines.get(timeout=3600)
            if text in line:
                return time.perf_counter()
            if "ERROR" in line or "Aborted" in line:
                raise RuntimeError(f"mkdocs serve failed: {line}")

    listings = sorted(p for p in (catalog / "employers").glob("*/*.yml") if p.name != "organization.yml")
    listing = listings[len(listings) // 3]
    address = f"http://127.0.0.1:{port}/opportunities/{listing.parent.name}/{listing.stem}/"
    try:
        first = until("Serving on") - started
        rebuilds = []
        for n in range(2):
            time.sleep(2)
            text = listing.read_text(encoding="utf-8")
            # Inside the quotes of a quoted title: a title with ": " in it is quoted.
            listing.write_text(re.sub(r"(?m)^title: ([\"']?)", rf"title: \g<1>Edited{n} ", text, count=1), encoding="utf-8")
            saved = time.perf_counter()
            rebuilds.append(until("Reloading browsers") - saved)
            with urllib.request.urlopen(address) as response:  # noqa: S310 - the local server started above
                if f"Edited{n} " not in response.read().decode("utf-8"):
                    raise RuntimeError(f"mkdocs serve did not show the changed title at {address}")
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: the server cleans up its folders
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    return {"serve_first_s": first, "serve_rebuild_s": max(rebuilds)}


def run(sizes: list[int], seed: int, keep: Path | None, browser: bool = True, regions: int = 5) -> list[dict[str, float]]:
    rows = []
    for n in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"wbl-bench-{n}-", dir=keep))
        catalog = work / "catalog"
        print(f"[{n}] synth", file=sys.stderr, flush=True)
        synth(n, seed, catalog, regions)
        row: dict[str, Any] = {"listings": n}
        print(f"[{n}] check", file=sys.stderr, flush=True)
        row.update(check_vs_parse(catalog, work))
        print(f"[{n}] build", file=sys.stderr, flush=True)
        row.update(build_site(catalog, work / "site"))
        print(f"[{n}] plain build", file=sys.stderr, flush=True)
        row["plain_build_s"] = plain_build(n, work / "plain")
        row["build_ratio"] = row["build_s"] / row["plain_build_s"]
        # The site has a page per listing per language, plus organizations and indexes: the plain build of
        # as many pages compares the work per page.
        row["site_pages"] = site_pages(work / "site")
        print(f"[{n}] plain build of {row['site_pages']:.0f} pages", file=sys.stderr, flush=True)
        row["plain_same_pages_s"] = plain_build(int(row["site_pages"]), work / "plain-same")
        row["build_ratio_same_pages"] = row["build_s"] / row["plain_same_pages_s"]
        if rows and rows[-1]["listings"]:
            row["build_growth"] = row["build_s"] / rows[-1]["build_s"]
            row["size_growth"] = n / rows[-1]["listings"]
        row.update(page_sizes(work / "site"))
        row["index_bytes_per_listing"] = index_bytes(work / "site", n)
        if browser:
            print(f"[{n}] browser", file=sys.stderr, flush=True)
            row.update(browser_figures(work / "site"))
        print(f"[{n}] preview", file=sys.stderr, flush=True)
        row.update(preview_time(catalog, work))
        print(f"[{n}] mkdocs serve", file=sys.stderr, flush=True)
        row.update(serve_rebuild(catalog))
        rows.append(row)
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return rows


COLUMNS = [
    ("listings", "listings", "{:.0f}"),
    ("files", "files", "{:.0f}"),
    ("parse_s", "parse s", "{:.2f}"),
    ("check_s", "check s", "{:.2f}"),
    ("check_ratio", "check/parse", "{:.2f}"),
    ("cold_check_ratio", "check/parse, empty cache", "{:.2f}"),
    ("build_s", "build s", "{:.1f}"),
    ("plain_build_s", "plain s", "{:.1f}"),
    ("build_ratio", "build/plain", "{:.2f}"),
    ("site_pages", "site pages", "{:.0f}"),
    ("plain_same_pages_s", "plain same pages s", "{:.1f}"),
    ("build_ratio_same_pages", "build/plain same pages", "{:.2f}"),
    ("build_growth", "build growth", "{:.1f}"),
    ("peak_mb", "peak MB", "{:.0f}"),
    ("peak_total_mb", "peak MB, all processes", "{:.0f}"),
    ("page_median_bytes", "page med B", "{:.0f}"),
    ("page_max_bytes", "page max B", "{:.0f}"),
    ("largest_page_bytes", "largest page B", "{:.0f}"),
    ("index_bytes_per_listing", "index B/listing", "{:.0f}"),
    ("browse_first_load_kb", "browse kB", "{:.0f}"),
    ("first_search_kb", "search kB", "{:.0f}"),
    ("synonym_query_kb", "synonym query kB", "{:.0f}"),
    ("zip_query_kb", "ZIP query kB", "{:.0f}"),
    ("filter_ms_4x", "filter ms 4x", "{:.0f}"),
    ("preview_first_s", "first preview s", "{:.1f}"),
    ("preview_s", "preview s", "{:.1f}"),
    ("serve_first_s", "serve first build s", "{:.1f}"),
    ("serve_rebuild_s", "serve rebuild s", "{:.1f}"),
]


def table(rows: list[dict[str, float]]) -> str:
    head = "| " + " | ".join(label for _, label, _ in COLUMNS) + " |"
    sep = "|" + "|".join("---:" for _ in COLUMNS) + "|"
    body = ["| " + " | ".join(fmt.format(row.get(key, float("nan"))) for key, _, fmt in COLUMNS) + " |" for row in rows]
    return "\n".join([head, sep, *body])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--regions", type=int, default=5, help="regions of the synthetic catalogs (synth --regions; default 5)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "results.json"))
    parser.add_argument("--keep", help="keep the generated catalogs and sites under this folder")
    parser.add_argument("--no-browser", action="store_true", help="skip the measurements made in Chromium")
    parser.add_argument(
        "--site", help="measure a site already built in this folder instead (page sizes, browse-data sizes, browser figures)"
    )
    args = parser.parse_args()
    if args.site:
        print(json.dumps(site_figures(Path(args.site), browser=not args.no_browser), indent=2))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    keep = Path(args.keep) if args.keep else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    rows = run(sizes, args.seed, keep, browser=not args.no_browser, regions=args.regions)
    print(table(rows))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "as_of": AS_OF,
                "measured": dt.datetime.now().isoformat(timespec="seconds"),
                "seed": args.seed,
                "regions": args.regions,
                "machine": {"cpus": os.cpu_count()},
                "rows": rows,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"figures written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
