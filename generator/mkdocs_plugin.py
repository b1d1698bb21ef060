"""Thin MkDocs glue: check the catalog, hand the rendered pages to MkDocs.

Pages are given to MkDocs in memory (File.generated), so nothing generated
is committed. A catalog with errors stops the build with the checker's
messages. Date-only findings are logged at info level, because MkDocs
counts warnings against `--strict` and time passing must not fail a build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import i18n
from generator.check.load import SHARE_FROM
from generator.check.problems import as_text
from generator.commands.assemble import write_manifest
from generator.exports.logos import write_logos
from generator.model import LANGS, Catalog, regions
from generator.model.changes import changed_records
from generator.model.checked import Checked, check_catalog
from generator.present.repository import Repository
from generator.present.view import lang_prefix
from generator.processes import PausedCollector, can_fork
from generator.render import caches, parts
from generator.render.contribute_form import write_form_files
from generator.render.shell import RecordStream, engine_pages, streamed_paths, workers
from generator.render.site import SiteRenderer

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.wbl-catalog")

# What a generated page's Markdown holds until on_page_content puts the rendered HTML in its place.
BODY_MARK = "WBL-GENERATED-PAGE-BODY"

# Material's search plugin, under either of its names: without it, its index, lunr and the search worker go unused.
SEARCH_PLUGINS = frozenset({"search", "material/search"})

# The theme's error page; MkDocs renders it at the root only.
NOT_FOUND = "404.html"


def theme_text(key: str, lang: str | None, **values: object) -> Markup:
    """Interface text for the theme's templates (`wbl_t`), escaped: the theme's Jinja does not escape."""
    return escape(i18n.t(key, lang or i18n.SOURCE, **values))


def site_languages(chosen: list[str]) -> tuple[str, ...]:
    """The `languages` option as the site's languages, English first; raises ValueError for one it cannot build."""
    known = (*i18n.available(), i18n.PSEUDO)
    langs = tuple(dict.fromkeys([i18n.SOURCE, *[code.strip() for code in chosen]]))
    unknown = [code for code in langs if code not in known]
    if unknown:
        raise ValueError(
            f"The site cannot be built in {', '.join(unknown)}: the interface has no catalog for it. Choose among "
            f"{', '.join(i18n.available())}, or add generator/locales/<code>/LC_MESSAGES/messages.po (CONTRIBUTING, Languages)."
        )
    return langs


def merge_site(fresh: Path, served: Path) -> int:
    """Moves every file of `fresh` into `served`, over the file of the same path; returns how many."""
    moved = 0
    for folder, _, names in os.walk(fresh):
        target = served / Path(folder).relative_to(fresh)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(folder) / name, target / name)
            moved += 1
    return moved


def replace_site(fresh: Path, served: Path) -> None:
    """Puts the folder `fresh` in the place of `served`: between two renames, not while a build writes."""
    old = served.with_name(served.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if served.exists():
        served.rename(old)
    fresh.rename(served)
    shutil.rmtree(old, ignore_errors=True)


def newest_change(paths: list[Path]) -> float:
    """The latest modification time of these files and folders and of everything under the folders (0 for none):
    a folder's time changes when a file is added to it or removed."""
    newest = 0.0
    for path in paths:
        with contextlib.suppress(OSError):
            newest = max(newest, path.stat().st_mtime)
        for folder, dirs, names in os.walk(path):
            for name in (*dirs, *names):
                with contextlib.suppress(OSError):
                    newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime)
    return newest


class CatalogWatch:
    """Watches a large catalog with the system's file events, and tells `mkdocs serve` through a file of its own.

    `mkdocs serve` polls what it watches: it lists and reads the times of every file twice a second. In a catalog
    of 50,000 listings that keeps a core busy, and, as it shares the interpreter with the build, it makes a
    rebuild's check half again as long. The system's events (inotify on Linux, FSEvents on macOS) cost nothing
    while nothing changes; each one rewrites a file in a folder of its own, the folder `mkdocs serve` polls.
    """

    def __init__(self, folder: Path, observer: Any) -> None:
        self.folder = folder
        self.signal = folder / "catalog-changed"
        self.observer = observer
        self.changes = 0

    @classmethod
    def start(cls, catalog: Path) -> CatalogWatch | None:
        """A running watch of the catalog; None where the system cannot watch it (too many folders for its limit,
        say): `mkdocs serve` then polls the catalog itself."""
        from watchdog import events
        from watchdog.observers import Observer

        watch = cls(Path(tempfile.mkdtemp(prefix="wbl-catalog-watch-")), Observer())

        class Handler(events.FileSystemEventHandler):
            def on_any_event(self, event: events.FileSystemEvent) -> None:
                watch.changed()

        # Writes only: a check opens every folder and file, and reads must neither rebuild the site nor flood
        # the system's queue of events (past 16,384, it loses them and the watch walks the catalog again).
        writes: list[type[events.FileSystemEvent]] = [
            events.FileCreatedEvent,
            events.FileModifiedEvent,
            events.FileDeletedEvent,
            events.FileMovedEvent,
            events.DirCreatedEvent,
            events.DirDeletedEvent,
            events.DirMovedEvent,
        ]
        try:
            watch.signal.write_text("0", encoding="utf-8")
            watch.observer.schedule(Handler(), str(catalog), recursive=True, event_filter=writes)
            watch.observer.start()
        except OSError as exc:
            log.info(f"Polling {catalog} for changes: the system's file events cannot watch it ({exc}).")
            watch.stop()
            return None
        return watch

    def changed(self) -> None:
        self.changes += 1
        self.signal.write_text(str(self.changes), encoding="utf-8")

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):  # never started
            self.observer.stop()
            self.observer.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def prune_theme_assets(site_dir: Path, plugins: set[str]) -> list[str]:
    """Removes the theme's files that no page uses; returns their paths in the site.

    Without Material's search plugin, the theme still copies lunr and its search worker (about a megabyte),
    which only the search box would load. Source maps are for the theme's own developers; the comment that
    names a map at the end of a minified file goes with it, so nothing in the site points at a missing file.
    """
    assets = site_dir / "assets"
    removed: list[Path] = []
    if not plugins & SEARCH_PLUGINS:
        scripts = assets / "javascripts"
        removed += sorted(p for p in (scripts / "lunr").rglob("*") if p.is_file())
        shutil.rmtree(scripts / "lunr", ignore_errors=True)
        for worker in sorted((scripts / "workers").glob("search.*")):
            worker.unlink()
            removed.append(worker)
        with contextlib.suppress(OSError):  # the workers folder, once empty
            (scripts / "workers").rmdir()
    for source_map in sorted(assets.rglob("*.map")):
        source_map.unlink()
        removed.append(source_map)
        minified = source_map.with_suffix("")
        if minified.is_file():
            text = minified.read_text(encoding="utf-8")
            comment = re.compile(
                r"\n?(?://[#@] sourceMappingURL=|/\*[#@] sourceMappingURL=)" + re.escape(source_map.name) + r"[^\n]*\s*\Z"
            )
            cut = comment.sub("\n", text)
            if cut != text:
                minified.write_text(cut, encoding="utf-8")
    return [p.relative_to(site_dir).as_posix() for p in removed]


class LanguageConfig:
    """The site's configuration as a further language's 404 page reads it: the theme puts `site_description` in
    the page's <meta name="description">, which that page has in its own language."""

    def __init__(self, config: MkDocsConfig, lang: str) -> None:
        self._config = config
        self.site_description = theme_text("site_description", lang)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._config, name)


class CatalogConfig(Config):
    catalog_dir = c.Type(str, default="catalog")
    """Folder of the catalog, relative to mkdocs.yml. The bundled mkdocs.yml reads CATALOG_DIR (`!ENV`), so
    tests, benchmarks and forks build another catalog with the same site configuration."""

    workers = c.Type(int, default=0)
    """Worker processes that write listing and organization pages, beside the build's own process, which writes
    them too once its other work is done; 0 means one per CPU beside the first, at most 4 (none on a single CPU).
    A rebuild of `mkdocs serve` uses none: the server's threads make forking unsafe. The bundled mkdocs.yml reads
    WBL_BUILD_WORKERS."""

    search = c.Type(bool, default=True)
    """Build the browse page's facet and word indexes after the site is written; without them the browse page
    shows its static lists."""

    exports = c.Type(bool, default=True)
    """Write the open-data exports (JSON, CSV, calendar, feed)."""

    languages = c.ListOfItems(c.Type(str), default=[])
    """The site's languages: English, at the root, and each one listed here under /<code>/ (`es` → /es/). Each needs
    an interface catalog, generator/locales/<code>/LC_MESSAGES/messages.po. Empty (the default) means every
    language that has one."""

    regions = c.Type((list, str), default=[])
    """The regions the site serves (ids of catalog/vocabularies/regions.yml), as a list or as text separated by
    commas: only listings in those regions, and their organizations, are published (generator/model/regions.py).
    Empty (the default) means every region. The bundled mkdocs.yml reads CATALOG_REGIONS."""

    part = c.Type(str, default="")
    """One part of a build that runs side by side (generator/render/parts.py, `python -m generator assemble`):
    `shared`, every page but the listing and organization pages the workers write, or a region id, only the pages
    of that region's records. Empty (the default) builds the whole site. The bundled mkdocs.yml reads
    CATALOG_PART."""

    serve_updates_from = c.Type(int, default=2000)
    """In `mkdocs serve`, from this many listings, a change to listings, organizations or pathways rebuilds
    only their pages and the first and listing index pages that show them, into the site being served (the
    exports, the browse page's indexes and the other pages stay those of the last full build). 0: every change
    rebuilds the whole site."""

    stream_records = c.Type(bool, default=True)
    """Write listing and organization pages from a page shell that MkDocs renders once per kind and
    language, in worker processes, instead of handing MkDocs thousands of pages. The pages are the
    same, byte for byte; the build takes a fraction of the time and memory."""


@functools.cache
def quiet_properdocs_notice() -> None:
    """Marks ProperDocs' one-time "MkDocs 2" notice as shown, without printing it.

    mkdocs-redirects, loaded after this plugin, asks ProperDocs to print that notice on stderr when the command
    is `mkdocs`: a banner that starts with WARNING although nothing is wrong, like the theme's own notice, which
    the scripts and tests turn off (NO_MKDOCS_2_WARNING). It is printed, not logged, and as the redirects plugin
    is imported, before any plugin event, so no logging or warnings filter in a hook can reach it. ProperDocs
    prints the notice once per process: asked for here first, with the output discarded, it is not printed
    again. Setting DISABLE_MKDOCS_2_WARNING would silence it too, but the environment belongs to the user.
    """
    try:
        from properdocs import replacement_warning
    except ImportError:
        return
    with contextlib.redirect_stderr(io.StringIO()):
        replacement_warning.setup()  # type: ignore[no-untyped-call]


class CatalogPlugin(BasePlugin[CatalogConfig]):
    def __init__(self) -> None:
        super().__init__()
        # When MkDocs creates this plugin, which is before it loads the next one, not on import.
        quiet_properdocs_notice()
        self.checked: Checked | None = None
        self.root = Path(".")
        # Set by `python -m generator preview`: an already checked catalog and the records to render.
        self.preview: tuple[Checked, set[str]] | None = None
        self.bodies: dict[str, str] = {}
        self.filled: set[str] = set()  # the generated pages whose body on_page_content put in
        self.command = "build"
        self.langs: tuple[str, ...] = LANGS
        self.stream = RecordStream()
        self.collector = PausedCollector()
        self.env: jinja2.Environment | None = None
        self.not_found_context: TemplateContext | None = None
        self.part = ""  # the part of a build in parts this build is (`part`), "" for the whole site
        self.streamed: list[str] = []  # in the shared part, the pages the regions' parts write
        # The records whose pages this build renders, with the index pages; None: every page (a full build).
        self.only: set[str] | None = None
        # `mkdocs serve`: what the served site was last built from, where it is, and when that build began.
        self.served: Catalog | None = None
        self.served_dir: Path | None = None
        self.served_at = 0.0
        self.started_at = 0.0
        # A rebuild in `mkdocs serve` writes into a folder of its own and then moves that into the served one,
        # so the site stays whole while it builds: the served folder, for such a build; None otherwise.
        self.target: Path | None = None
        self.update = False  # this build renders changed records into the served site, which keeps the rest
        self.watch: CatalogWatch | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.started_at = time.time()
        self.target = None
        if self.command == "serve" and not self.preview and self.served_dir == Path(config.site_dir):
            self.target = self.served_dir
            config.site_dir = str(self.target.with_name(self.target.name + ".next"))
        # The bundled mkdocs.yml reads SITE_URL (`!ENV`); links are built on a base that ends in a slash.
        if config.site_url:
            config.site_url = config.site_url.strip().rstrip("/") + "/"
        try:
            self.langs = site_languages(self.config.languages or list(i18n.available()))
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        return config

    def catalog_path(self) -> Path:
        return (self.root / self.config.catalog_dir.strip()).resolve()

    def on_pre_build(self, config: MkDocsConfig) -> None:
        caches.clear()  # a build starts from nothing that another left behind
        # Checked before MkDocs empties the output folder, so a catalog with errors leaves the last site intact.
        checked = self.preview[0] if self.preview else check_catalog(self.catalog_path(), cache=self.command == "serve")
        checked = dataclasses.replace(checked, catalog=dataclasses.replace(checked.catalog, langs=self.langs))
        self.collector.pause()
        for line in as_text([p for p in checked.problems if p.severity == "warning"]):
            log.info(line)
        if not checked.ok:
            self.checked = checked
            raise PluginError("The catalog has problems to fix before the site can be built:\n" + checked.failure_report())
        # The whole catalog is checked above; the site publishes the regions the configuration selects.
        wanted = regions.parse(self.config.regions)
        problem = regions.unknown_problem(checked.catalog.vocabularies, wanted)
        if problem:
            raise PluginError(problem)
        self.checked = dataclasses.replace(checked, catalog=regions.select(checked.catalog, wanted))
        self.part = "" if self.preview else self.config.part.strip()
        if self.part:
            problem = parts.unknown_problem(self.checked.catalog, self.part)
            if not problem and not self.config.stream_records:
                problem = "A build in parts needs `stream_records: true`: the parts are the pages the workers write."
            if problem:
                raise PluginError(problem)
        self.only = set(self.preview[1]) if self.preview else None
        changed = self.served_changes(config)
        self.update = changed is not None
        if changed is not None:
            self.only = set(changed)

    def served_changes(self, config: MkDocsConfig) -> frozenset[str] | None:
        """The records to render again into the served site, in a rebuild of `mkdocs serve` that can keep the
        rest of it (`serve_updates_from`); None when the whole site is to be built."""
        checked, served, least = self.checked, self.served, self.config.serve_updates_from
        if self.target is None or checked is None or served is None or self.part or not self.config.stream_records:
            return None
        if least <= 0 or len(checked.catalog.opportunities) < least:
            return None
        # The pages' sources besides the catalog: an edit there reaches every page.
        sources = [Path(config.docs_dir), *(Path(p) for p in config.watch)]
        if config.config_file_path:
            sources.append(Path(config.config_file_path))
        if config.theme.custom_dir:
            sources.append(Path(config.theme.custom_dir))
        if newest_change(sources) >= self.served_at:
            return None
        return changed_records(served, checked.catalog)

    # Before other plugins' on_files (priority 0): mkdocs-redirects reads the redirect_maps this fills from
    # `former_ids`, whatever the order of the plugins in mkdocs.yml.
    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        checked = self.checked
        assert checked is not None  # set by on_pre_build
        only = self.only
        overrides = self.root / "site_overrides" / "templates"
        repository = Repository.from_config(config.repo_url, config.edit_uri)
        renderer = SiteRenderer(checked.catalog, config.site_url or "", overrides, repository)
        stream = self.config.stream_records
        region_part = self.part not in ("", parts.SHARED)
        pages = []
        if stream and self.part != parts.SHARED:
            processes = workers(self.config.workers) if can_fork() else 0  # 0: this process
            if region_part:
                only = parts.records(checked.catalog, self.part)
            # A region's part writes its records' pages and nothing else: the shared part has the rest.
            pages += self.stream.start(renderer, Path(config.site_dir), processes, only, engine=not region_part)
        elif stream:
            pages += engine_pages(renderer)
        if self.config.exports and self.only is None and not region_part:
            # Written before the pages, while the workers render, so that the Data page gives each file's size.
            from generator.exports import write_exports

            site_dir = Path(config.site_dir)
            renderer.export_sizes = write_exports(checked.catalog, site_dir, config.site_url or "", self.catalog_path())
        if not region_part:
            pages += renderer.render(only, records=not stream)
        self.streamed = streamed_paths(renderer) if self.part == parts.SHARED else []
        taken = {f.src_uri for f in files}
        for page in pages:
            if page.src_uri in taken:
                raise PluginError(f"The generated page {page.src_uri} clashes with a file in docs_dir; remove that file.")
            inclusion = InclusionLevel.INCLUDED if page.src_uri == "index.md" else InclusionLevel.NOT_IN_NAV
            # MkDocs gets the front matter and a placeholder; the HTML goes in at on_page_content. The pages
            # are already HTML, so running them through Markdown only cost time (a quarter of a build).
            self.bodies[page.src_uri] = page.body
            content = f"---\n{page.front}---\n\n{BODY_MARK}\n"
            files.append(File.generated(config, page.src_uri, content=content, inclusion=inclusion))
        # Old addresses of renamed listings: mkdocs-redirects (after this plugin in mkdocs.yml) reads its map in its on_files.
        from generator.exports.permalinks import configure_redirects

        configure_redirects(config, checked.catalog, set() if only is not None or region_part else {f.src_uri for f in files})
        return files

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        try:
            self.stream.collect(page.file.src_uri, output)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        if page.file.src_uri in self.filled:
            # The engine keeps every page's HTML to the end of the build, though nothing reads a generated
            # page's again once it is written: at 50,000 listings, a quarter of a gigabyte.
            page.content = None
        return output

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.pop(page.file.src_uri, None)
        if body is None:
            return html
        if html.strip() != f"<p>{BODY_MARK}</p>":
            raise PluginError(f"The page {page.file.src_uri} was changed by another plugin before it was filled in.")
        self.filled.add(page.file.src_uri)
        return body

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # The theme's overrides print interface text from the same tables as the generated pages.
        env.globals["wbl_t"] = theme_text
        env.globals["wbl_langs"] = self.langs
        env.globals["wbl_prefix"] = lang_prefix
        # Set only when the 404 page is rendered again for a further language (on_post_template).
        env.globals["wbl_page_lang"] = None
        self.env = env
        shipped = {Path(name).stem for name in env.list_templates() if name.startswith("partials/languages/")}
        env.globals["wbl_theme_langs"] = [code for code in self.langs if code in shipped]
        # The Atom feed's address for the pages' <head>; None when this build writes no feed. Absolute on the
        # configured site (a subpath included); without a site URL the template links it relative to the page.
        feed = None
        if self.config.exports and not self.preview:
            feed = config.site_url.rstrip("/") + "/data/feed.xml" if config.site_url else ""
        env.globals["wbl_feed_url"] = feed
        return env

    def on_template_context(self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
        if template_name == NOT_FOUND:
            self.not_found_context = context
        return context

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        """Writes /<lang>/404.html for each further language, from the root 404's template and context.

        MkDocs renders a theme's error page once, at the root, with absolute links (it is served at any depth);
        the same context with the page's language gives each language its own page. A static host serves only
        the root one, which links each language's start (README, Deploy).
        """
        if template_name == NOT_FOUND and self.env is not None and self.not_found_context is not None:
            template = self.env.get_template(NOT_FOUND)
            for code in self.langs[1:]:
                described = LanguageConfig(config, code)
                page = template.render({**self.not_found_context, "config": described, "wbl_page_lang": code})
                target = Path(config.site_dir) / code / NOT_FOUND
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page, encoding="utf-8")
        return output_content

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        catalog = self.catalog_path()
        if self.watch is None and self.checked is not None and self.checked.files >= SHARE_FROM:
            self.watch = CatalogWatch.start(catalog)
        server.watch(str(self.watch.folder if self.watch else catalog))
        return server

    def _write_after_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        started = time.perf_counter()
        try:
            coming = self.stream.release()  # the workers write while this process goes on
            if self.part not in ("", parts.SHARED):
                # A region's part: its record pages, and the manifest that says which they are.
                names = list(parts.names(self.checked.catalog)) if self.checked else []
                self.stream.finish()
                write_manifest(site_dir, self.part, names, coming)
                return
            coming = coming or self.streamed  # the shared part lists the pages the regions' parts write
            if self.checked:
                write_logos(self.checked.catalog.logos, site_dir)
                # Read by the new-listing form of every language (contribute/new/), which does not carry them.
                write_form_files(self.checked.catalog, site_dir)
            prune_theme_assets(site_dir, set(config.plugins))
            schemas = site_dir / "schemas"
            schemas.mkdir(parents=True, exist_ok=True)
            for schema in sorted((self.root / "schemas").glob("*.schema.json")):
                shutil.copyfile(schema, schemas / schema.name)
            if self.checked and self.config.search and not self.update:
                # The browse page's facet and word indexes, built from the catalog model.
                from generator.render.browse_index import write_browse_index

                write_browse_index(self.checked.catalog, site_dir)
            if self.checked and self.only is None:
                # Replaces the theme's sitemap, whose dates are the build time; redirect pages are left out.
                # The pages the workers are still writing are listed from their jobs, so it need not wait.
                from generator.exports.permalinks import configured_redirect_pages
                from generator.exports.sitemap import write_sitemap

                redirects = configured_redirect_pages(config)
                write_sitemap(self.checked.catalog, site_dir, config.site_url or "", self.catalog_path(), redirects, coming)
            if self.part == parts.SHARED and self.checked:
                write_manifest(site_dir, parts.SHARED, list(parts.names(self.checked.catalog)), self.streamed)
            written = self.stream.finish()
        except RuntimeError as exc:
            raise PluginError(str(exc)) from None
        finally:
            self.end_build()
        seconds = time.perf_counter() - started
        if self.update:
            changed = len(self.only or ())
            what = f"the pages of {changed} records (those changed and those that list them)" if changed else "no record's pages"
            log.info(
                f"Rebuilt {what} and the first index pages in {seconds:.1f} s. The exports, the browse page's search, "
                "the sector pages and other listings' pages are those of the last full build: restart `mkdocs serve` "
                "to build them again."
            )
        elif written:
            log.info(f"Wrote {written} listing and organization pages, the exports and the indexes in {seconds:.1f} s.")

    @event_priority(-100)  # after every plugin has written its files (mkdocs-redirects writes its pages here)
    def _serve_after_build(self, config: MkDocsConfig) -> None:
        """In `mkdocs serve`, moves a rebuild's pages into the served site, and remembers what it was built from."""
        if self.command != "serve" or self.preview or self.part or self.checked is None:
            return
        site_dir = Path(config.site_dir)
        if self.target is not None:
            (merge_site if self.update else replace_site)(site_dir, self.target)
        self.served, self.served_dir, self.served_at = self.checked.catalog, self.target or site_dir, self.started_at

    on_post_build = CombinedEvent(_write_after_build, _serve_after_build)

    def on_shutdown(self) -> None:
        if self.watch is not None:
            self.watch.stop()
            self.watch = None
        if self.served_dir is not None:
            for leftover in (".next", ".old"):
                shutil.rmtree(self.served_dir.with_name(self.served_dir.name + leftover), ignore_errors=True)

    def on_build_error(self, error: Exception) -> None:
        self.end_build()

    def end_build(self) -> None:
        """Lets go of what a build held, whether it succeeded or not: `mkdocs serve` keeps this process."""
        self.stream.abort()
        self.bodies.clear()
        self.filled.clear()
        self.not_found_context = None
        caches.clear()
        self.collector.resume()
