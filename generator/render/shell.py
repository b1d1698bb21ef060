"""Listing and organization pages written from a page shell, not one by one through the engine.

There are thousands of these pages and they differ only in their title, description, structured
data, address and body. So the engine (MkDocs + the theme) renders one shell page per kind,
language and variant, with markers where those go, and each record's page is the shell with its
own values put in. The result is the page the engine would have written, byte for byte (a test
builds a site both ways and compares every file), at a fraction of the time and memory: the engine
holds no record page, and the pages are rendered in worker processes and written as they go.

No MkDocs import here: mkdocs_plugin.py starts a `RecordWriter` once the catalog is checked and
hands it the shells MkDocs rendered.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import queue
import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model import LANGS
from generator.present.view import Page, lang_prefix

# Where each kind of record page lives (Opportunity.url, and the organization pages in site.py).
FOLDERS = {"opportunity": "opportunities/", "organization": "employers/"}
KINDS = tuple(FOLDERS)
TITLE = "WBLSHELLTITLE"
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
        name = f"wbl-shell-{int(self.described)}{int(self.structured)}{int(self.headed)}"
        # Listing ids have two parts (organization/listing), so their shell does too.
        return FOLDERS[self.kind] + ("wbl-shell/" if self.kind == "opportunity" else "") + name + "/"

    @property
    def src_uri(self) -> str:
        return lang_prefix(self.lang) + self.path + "index.md"


def variant_of(page: Page) -> Variant:
    meta = page.meta
    return Variant(page.kind, page.lang, bool(meta.get("description")), bool(meta.get("structured_data")), "<h1" in page.body)


def shell_pages() -> list[Page]:
    """Every shell page, for the engine to render like any other page."""
    pages = []
    for lang in LANGS:
        other = "es" if lang == "en" else "en"
        for kind in KINDS:
            for described, structured, headed in itertools.product((False, True), repeat=3):
                v = Variant(kind, lang, described, structured, headed)
                meta = {
                    "title": TITLE,
                    "lang": lang,
                    "page_kind": kind,
                    "alternate": lang_prefix(other) + v.path,
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
        markers = [TITLE, BODY, variant.path]
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


def _work(render: Render, jobs: list[Job], site_dir: Path, inbox: Any, outbox: Any, parent: int) -> None:
    """A worker: render pages from the start of the build, write them once the shells arrive."""
    try:
        shells: dict[Variant, Shell] | None = None
        pending: list[Page] = []
        written = 0
        for start in range(0, len(jobs), BATCH):
            batch = [render(*job) for job in jobs[start : start + BATCH]]
            if shells is None and not inbox.empty():
                shells = inbox.get()
            if shells is None:
                pending += batch
            else:
                written += write_pages(pending + batch, shells, site_dir)
                pending = []
        while shells is None:
            try:
                shells = inbox.get(timeout=1)
            except queue.Empty:
                if os.getppid() != parent:  # the build is gone: nobody will send the shells
                    return
        written += write_pages(pending, shells, site_dir)
        outbox.put(("ok", written))
    except BaseException:  # reported by the build, which stops with it
        outbox.put(("error", traceback.format_exc()))


class RecordWriter:
    """Renders and writes record pages.

    With processes > 1, forked workers start rendering as soon as the catalog is checked (`start`),
    while MkDocs builds the other pages and the shells; they write their pages once `finish` hands
    them the shells, while this process writes the exports. They inherit the checked catalog and the
    compiled templates instead of receiving them pickled.
    """

    def __init__(self, render: Render, jobs: list[Job], site_dir: Path, processes: int = 1) -> None:
        self.render = render
        self.jobs = jobs
        self.site_dir = site_dir
        self.processes = processes
        self.parallel = processes > 1 and len(jobs) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods()
        self.workers: list[Any] = []
        self.inboxes: list[Any] = []
        self.outbox: Any = None
        self.shells: dict[Variant, Shell] = {}

    def paths(self) -> list[str]:
        """The site path of every page this writer writes."""
        return [f"{lang_prefix(lang)}{FOLDERS[kind]}{ident}/" for kind, ident, lang in self.jobs]

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
        for share in range(self.processes):
            inbox = ctx.Queue()
            args = (self.render, self.jobs[share :: self.processes], self.site_dir, inbox, self.outbox, os.getpid())
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
        """Waits for the pages (or, without workers, renders and writes them); returns how many were written."""
        if not self.workers:
            render = self.render
            return write_pages((render(*job) for job in self.jobs), self.shells, self.site_dir)
        written = 0
        errors = []
        try:
            for _ in self.workers:
                status, value = self.outbox.get()
                if status == "ok":
                    written += value
                else:
                    errors.append(value)
        finally:
            self.stop()
        if errors:
            raise RuntimeError("A worker writing listing and organization pages failed:\n" + errors[0])
        return written

    def stop(self) -> None:
        for worker in self.workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        self.workers = []


def workers(setting: int = 0) -> int:
    """Worker processes for record pages: the setting when it is positive, else one per CPU (at most 4)."""
    if setting > 0:
        return setting
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))
