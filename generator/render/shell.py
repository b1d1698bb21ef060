"""Listing and organization pages written from a page shell, not one by one through the engine.

There are thousands of these pages and they differ only in their title, description, structured
data, address and body. So the engine (MkDocs + the theme) renders one shell page per kind,
language and variant, with markers where those go, and each record's page is the shell with its
own values put in. The result is the page the engine would have written, byte for byte (a test
builds a site both ways and compares every file), at a fraction of the time and memory: the engine
holds no record page, and the pages are rendered in worker processes and written as they go.

No MkDocs import here: mkdocs_plugin.py holds one `RecordStream` per build and calls it from its hooks:
`start` once the catalog is checked, `collect` for each page MkDocs writes, `release` and `finish`
after the build, `abort` when the build fails.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import pickle
import queue
import re
import shutil
import tempfile
import traceback
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from generator.ids import SHELL_PREFIX
from generator.present.view import Page, alternates, lang_prefix

if TYPE_CHECKING:
    from generator.render.site import SiteRenderer

# Where each kind of record page lives (Opportunity.url, and the organization pages in site.py).
FOLDERS = {"opportunity": "opportunities/", "organization": "employers/"}
KINDS = tuple(FOLDERS)
TITLE = "WBLSHELLTITLE"
TITLE_LANG = "WBLSHELLTITLELANG"
DESCRIPTION = "WBLSHELLDESCRIPTION"
DATA = "WBLSHELLDATA"
BODY = "WBLSHELLBODY"
# Shows the theme that the content has its own heading, then is taken out of the shell.
HEADED = "<!--<h1-->"
# Record pages below this many are rendered in the build's own process: a worker costs more than it saves.
PARALLEL_FROM = 400


@dataclass(frozen=True)
class Variant:
    """Which optional parts a page has: a description and JSON-LD in its head, and its own <h1>
    (without one, the theme adds the title as a heading)."""

    kind: str
    lang: str
    described: bool
    structured: bool
    headed: bool

    @property
    def path(self) -> str:
        # The same depth as the records' own addresses, so the shell's relative links are theirs.
        name = f"{SHELL_PREFIX}-{int(self.described)}{int(self.structured)}{int(self.headed)}"
        # Listing ids have two parts (organization/listing), so their shell does too.
        return FOLDERS[self.kind] + (SHELL_PREFIX + "/" if self.kind == "opportunity" else "") + name + "/"

    @property
    def src_uri(self) -> str:
        return lang_prefix(self.lang) + self.path + "index.md"


def variant_of(page: Page) -> Variant:
    meta = page.meta
    return Variant(page.kind, page.lang, bool(meta.get("description")), bool(meta.get("structured_data")), "<h1" in page.body)


def shell_pages(langs: tuple[str, ...]) -> list[Page]:
    """Every shell page, for the engine to render like any other page."""
    pages = []
    for lang in langs:
        for kind in KINDS:
            for described, structured, headed in itertools.product((False, True), repeat=3):
                v = Variant(kind, lang, described, structured, headed)
                meta = {
                    "title": TITLE,
                    "title_lang": TITLE_LANG,
                    "lang": lang,
                    "page_kind": kind,
                    "alternates": alternates(langs, lang, v.path),
                    "canonical_path": lang_prefix(lang) + v.path,
                    "hide": ["navigation", "toc"],
                }
                if described:
                    meta["description"] = DESCRIPTION
                if structured:
                    meta["structured_data"] = DATA
                body = BODY + HEADED if headed else BODY
                pages.append(Page(v.src_uri, lang_prefix(lang) + v.path, meta, body, lang, kind, "", v.path))
    return pages


class Shell:
    """A rendered shell page, split at its markers."""

    def __init__(self, variant: Variant, html: str) -> None:
        self.variant = variant
        markers = [TITLE_LANG, TITLE, BODY, variant.path]
        if variant.described:
            markers.append(DESCRIPTION)
        if variant.structured:
            markers.append(DATA)
        html = html.replace(BODY + HEADED, BODY) if variant.headed else html
        self.parts = re.split("(" + "|".join(re.escape(m) for m in markers) + ")", html)
        found = self.parts[1::2]
        if found.count(BODY) != 1 or TITLE not in found:
            raise ValueError(
                f"The page shell for {variant.kind} pages ({variant.lang}) lost its markers: a theme override"
                " must print the page's title and content once."
            )

    def fill(self, page: Page) -> str:
        values = {
            TITLE: page.meta["title"],
            TITLE_LANG: page.meta["title_lang"],
            DESCRIPTION: page.meta.get("description", ""),
            DATA: page.meta.get("structured_data", ""),
            BODY: page.body,
            self.variant.path: page.path,
        }
        parts = self.parts
        out = parts[:]
        for i in range(1, len(parts), 2):
            out[i] = values[parts[i]]
        return "".join(out)


Job = tuple[str, str, str]  # kind, record id, language
Render = Callable[[str, str, str], Page]
# Pages a worker renders before it looks for the shells again.
BATCH = 64


def write_pages(pages: Iterable[Page], shells: dict[Variant, Shell], site_dir: Path) -> int:
    made: set[Path] = set()
    count = 0
    for page in pages:
        target = site_dir / page.url / "index.html"
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_text(shells[variant_of(page)].fill(page), encoding="utf-8")
        count += 1
    return count


def _spool(spool: IO[bytes], pages: Iterable[Page]) -> int:
    """Appends the pages to the spool file, compressed; returns how many."""
    count = 0
    for page in pages:
        data = zlib.compress(pickle.dumps(page, pickle.HIGHEST_PROTOCOL), 1)
        spool.write(len(data).to_bytes(4, "little") + data)
        count += 1
    return count


def _unspooled(spool: IO[bytes], count: int) -> Iterator[Page]:
    """The `count` pages of the spool file, in order; the file is emptied once they are read."""
    spool.seek(0)
    for _ in range(count):
        size = int.from_bytes(spool.read(4), "little")
        yield pickle.loads(zlib.decompress(spool.read(size)))
    spool.seek(0)
    spool.truncate()


class Claims:
    """Who renders which jobs: workers take runs of BATCH jobs from the front of the list, the build's own process
    takes them from the back once its other work is done, until they meet. Each process renders runs of jobs
    next to each other, so of organizations next to each other (`by_organization`): a forked process copies a
    memory page of the catalog when it touches an object on it (CPython writes a count into every object it
    uses), and runs of neighbouring records touch as few pages as they can."""

    def __init__(self, count: int) -> None:
        # Shared with forked workers: [next job from the front, end of the jobs not yet taken from the back].
        self.bounds = multiprocessing.get_context("fork").Array("q", [0, count])

    def front(self) -> range:
        """The next run of jobs from the front; empty once none is left."""
        with self.bounds.get_lock():
            start, end = self.bounds[0], self.bounds[1]
            taken = min(start + BATCH, end)
            self.bounds[0] = taken
        return range(start, taken)

    def back(self) -> range:
        """The next run of jobs from the back; empty once none is left."""
        with self.bounds.get_lock():
            start, end = self.bounds[0], self.bounds[1]
            taken = max(end - BATCH, start)
            self.bounds[1] = taken
        return range(taken, end)


def by_organization(jobs: Iterable[Job]) -> list[Job]:
    """The jobs with each organization's pages together, in both languages, organizations in catalog order."""
    return sorted(jobs, key=lambda job: job[1].split("/", 1)[0])


def _work(render: Render, jobs: list[Job], claims: Claims, site_dir: Path, inbox: Any, outbox: Any, parent: int) -> None:
    """A worker: render pages from the start of the build, write them once the shells arrive."""
    try:
        shells: dict[Variant, Shell] | None = None
        # Pages rendered before the shells arrive wait in a temporary file: at 50,000 listings a worker renders
        # most of its pages before the engine has rendered the shells, over a gigabyte of HTML, a quarter of
        # that compressed, that would otherwise be held in memory.
        with tempfile.TemporaryFile() as spool:
            pending = 0
            written = 0
            while run := claims.front():
                batch = [render(*jobs[i]) for i in run]
                if shells is None and not inbox.empty():
                    shells = inbox.get()
                if shells is None:
                    pending += _spool(spool, batch)
                else:
                    written += write_pages(itertools.chain(_unspooled(spool, pending), batch), shells, site_dir)
                    pending = 0
            while shells is None:
                try:
                    shells = inbox.get(timeout=1)
                except queue.Empty:
                    if os.getppid() != parent:  # the build is gone: nobody will send the shells
                        return
            written += write_pages(_unspooled(spool, pending), shells, site_dir)
        outbox.put(("ok", written))
    except BaseException:  # reported by the build, which stops with it
        outbox.put(("error", traceback.format_exc()))


class RecordWriter:
    """Renders and writes record pages.

    With processes ≥ 1, that many forked workers start rendering as soon as the catalog is checked (`start`),
    while MkDocs builds the other pages and the shells; they write their pages once they have the shells
    (`send`), while this process writes the exports and the indexes. Then this process renders pages too, until
    none is left (`finish`, `Claims`). The workers inherit the checked catalog and the compiled templates
    instead of receiving them pickled.
    """

    def __init__(self, render: Render, jobs: list[Job], site_dir: Path, processes: int = 0) -> None:
        self.render = render
        self.jobs = by_organization(jobs)
        self.claims: Claims | None = None
        self.site_dir = site_dir
        self.processes = processes
        self.parallel = processes >= 1 and len(jobs) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods()
        self.workers: list[Any] = []
        self.inboxes: list[Any] = []
        self.outbox: Any = None
        self.shells: dict[Variant, Shell] = {}

    def paths(self) -> list[str]:
        """The site path of every page this writer writes."""
        return job_paths(self.jobs)

    def start(self) -> None:
        if not self.parallel or self.workers:
            return
        # One page of each kind and language first: the workers then inherit compiled templates instead of
        # each compiling its own.
        firsts = {(kind, lang): (kind, ident, lang) for kind, ident, lang in reversed(self.jobs)}
        for job in firsts.values():
            with contextlib.suppress(Exception):  # the worker that renders the page reports it, with its traceback
                self.render(*job)
        ctx = multiprocessing.get_context("fork")
        self.outbox = ctx.Queue()
        self.claims = Claims(len(self.jobs))
        for _ in range(self.processes):
            inbox = ctx.Queue()
            args = (self.render, self.jobs, self.claims, self.site_dir, inbox, self.outbox, os.getpid())
            worker = ctx.Process(target=_work, args=args, daemon=True)
            worker.start()
            self.workers.append(worker)
            self.inboxes.append(inbox)

    def send(self, shells: dict[Variant, Shell]) -> None:
        """Hands the workers the shells, so they write while this process goes on."""
        self.shells = shells
        for inbox in self.inboxes:
            inbox.put(shells)

    def finish(self) -> int:
        """Renders and writes the pages no worker has taken, waits for the workers' pages; returns how many were
        written."""
        render, jobs = self.render, self.jobs
        if not self.workers or self.claims is None:
            return write_pages((render(*job) for job in jobs), self.shells, self.site_dir)
        written = 0
        errors = []
        try:
            try:
                while run := self.claims.back():
                    written += write_pages((render(*jobs[i]) for i in run), self.shells, self.site_dir)
            except Exception:  # noqa: BLE001 - reported as a worker's failure is, once the workers are done
                errors.append(traceback.format_exc())
            for _ in self.workers:
                status, value = self.outbox.get()
                if status == "ok":
                    written += value
                else:
                    errors.append(value)
        finally:
            self.stop()
        if errors:
            raise RuntimeError("Writing listing and organization pages failed:\n" + errors[0])
        return written

    def stop(self) -> None:
        for worker in self.workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        self.workers = []


def workers(setting: int = 0) -> int:
    """Worker processes for record pages: the setting when it is positive, else one per CPU beside the first, at
    most 4. The build's own process takes the first CPU: it writes the exports and indexes while the workers
    render, then renders pages too (`Claims`). On a single CPU it writes them all itself."""
    if setting > 0:
        return setting
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(0, min(4, cpus - 1))


def job_paths(jobs: Sequence[tuple[str, str, str]]) -> list[str]:
    """The site path of each record page job (kind, id, language)."""
    return [f"{lang_prefix(lang)}{FOLDERS[kind]}{ident}/" for kind, ident, lang in jobs]


def engine_records(renderer: SiteRenderer) -> set[str]:
    """The records whose pages stay with the engine: listings with former addresses, since the redirects plugin
    only points at pages it was given."""
    return {f"opportunity:{o.id}" for o in renderer.catalog.opportunities.values() if o.former_ids}


def engine_pages(renderer: SiteRenderer, only: set[str] | None = None) -> list[Page]:
    """The pages of engine_records (of `only`'s, when given), for the engine to render."""
    return [
        renderer.record_page("opportunity", key.split(":", 1)[1], lang)
        for key in sorted(engine_records(renderer))
        for lang in renderer.catalog.langs
        if only is None or key in only
    ]


def streamed_paths(renderer: SiteRenderer) -> list[str]:
    """The site path of every page the workers write in a whole build."""
    return job_paths(renderer.record_jobs(None, skip=engine_records(renderer)))


class RecordStream:
    """One build's listing and organization pages, from the moment the catalog is checked to the last page.

    `start` sets the workers rendering and returns the pages the engine must render itself; `collect`
    keeps the engine's rendering of each shell, and hands the workers the shells once it has them all;
    `release` makes sure they have them and returns the addresses of the pages they write, for the sitemap;
    `finish` waits for the pages; `abort` stops the workers of a build that failed. A stream that was not
    started writes nothing.
    """

    def __init__(self) -> None:
        self.writer: RecordWriter | None = None
        self.site_dir = Path()
        self.variants: dict[str, Variant] = {}  # shell page's src_uri -> its variant
        self.shells: dict[Variant, Shell] = {}

    def start(
        self, renderer: SiteRenderer, site_dir: Path, processes: int = 0, only: set[str] | None = None, engine: bool = True
    ) -> list[Page]:
        """Starts writing the record pages (of `only`'s records, when given) into site_dir; returns the pages the
        engine must render: the records that stay with it (unless engine is False: another part of the build
        writes them, generator/render/parts.py), then the shells."""
        self.abort()
        self.site_dir = site_dir
        self.writer = RecordWriter(
            renderer.record_page, renderer.record_jobs(only, skip=engine_records(renderer)), site_dir, processes
        )
        self.writer.start()  # the workers render while the engine builds the other pages
        pages = engine_pages(renderer, only) if engine else []
        shells = shell_pages(renderer.catalog.langs)
        self.variants = {p.src_uri: variant_of(p) for p in shells}
        return pages + shells

    def collect(self, src_uri: str, html: str) -> None:
        """Keeps the page the engine wrote when it is a shell, and hands the workers the shells as soon as it
        has them all, so that they write while the engine goes on. Raises ValueError when the shell lost its
        markers."""
        variant = self.variants.get(src_uri)
        if variant is None:
            return
        self.shells[variant] = Shell(variant, html)
        if self.writer is not None and not self.writer.shells and len(self.shells) == len(self.variants):
            self.writer.send(self.shells)

    def release(self) -> list[str]:
        """Takes the engine's files of the shells out of the site and hands the shells to the workers, which write
        from now on; returns the site path of every page the stream writes, so the sitemap need not wait for them.

        Raises RuntimeError when the engine did not render every shell.
        """
        writer = self.writer
        if writer is None:
            return []
        for variant in self.variants.values():
            shutil.rmtree(self.site_dir / (lang_prefix(variant.lang) + variant.path), ignore_errors=True)
        for lang in {v.lang for v in self.variants.values()}:
            with contextlib.suppress(OSError):  # the folder that held the listing shells, once empty
                (self.site_dir / lang_prefix(lang) / FOLDERS["opportunity"] / SHELL_PREFIX).rmdir()
        missing = set(self.variants.values()) - set(self.shells)
        if missing:
            raise RuntimeError(f"MkDocs did not render the page shells {sorted(v.src_uri for v in missing)}.")
        if not writer.shells:
            writer.send(self.shells)
        return writer.paths()

    def finish(self) -> int:
        """Waits until every record page is written; returns how many were. Raises RuntimeError when a worker failed."""
        writer = self.writer
        if writer is None:
            return 0
        try:
            return writer.finish()
        finally:
            self.abort()

    def abort(self) -> None:
        """Stops the workers, if any are left, and lets go of the build's shells."""
        writer, self.writer = self.writer, None
        if writer is not None:
            writer.stop()
        self.variants, self.shells = {}, {}
