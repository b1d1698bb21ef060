"""RecordStream: a build's listing and organization pages behind start, collect, release, finish and abort."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from sitebuild import ROOT

from generator.model.checked import check_catalog
from generator.present.view import Page
from generator.render import shell
from generator.render.shell import BODY, TITLE, RecordStream, variant_of
from generator.render.site import SiteRenderer


@pytest.fixture(scope="module")
def renderer() -> SiteRenderer:
    checked = check_catalog(ROOT / "catalog", as_of=dt.date(2026, 11, 22))
    assert checked.ok
    return SiteRenderer(checked.catalog, "https://wbl.example.org/")


def _render_shells(stream: RecordStream, pages: list[Page], site_dir: Path) -> int:
    """What the engine does with the shell pages: writes each one and hands its HTML to the stream."""
    shells = 0
    for page in pages:
        if page.src_uri not in stream.variants:
            stream.collect(page.src_uri, "<p>not a shell</p>")
            continue
        variant = variant_of(page)
        html = f'<title>{TITLE}</title><link href="/{variant.path}"><article>{BODY}</article>'
        target = site_dir / page.url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        stream.collect(page.src_uri, html)
        shells += 1
    return shells


@pytest.mark.parametrize("processes", [0, 1, 2])
def test_a_stream_writes_every_record_page_and_lists_them_for_the_sitemap(
    renderer: SiteRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processes: int
) -> None:
    monkeypatch.setattr(shell, "PARALLEL_FROM", 0)
    stream = RecordStream()
    pages = stream.start(renderer, tmp_path, processes)
    kept = [o for o in renderer.catalog.opportunities.values() if o.former_ids]
    assert kept, "the bundled catalog has a renamed listing, whose page stays with the engine"
    assert _render_shells(stream, pages, tmp_path) == len(pages) - 2 * len(kept) == len(stream.variants)
    coming = stream.release()
    assert not any("wbl-shell" in str(p) for p in tmp_path.rglob("*")), "the shells' own files are taken out"
    written = stream.finish()
    assert written == len(coming) == 2 * (len(renderer.catalog.opportunities) - len(kept) + len(renderer.catalog.organizations))
    assert sorted(str(p.parent.relative_to(tmp_path)) + "/" for p in tmp_path.rglob("index.html")) == sorted(coming)
    html = (tmp_path / coming[0] / "index.html").read_text(encoding="utf-8")
    assert f'href="/{coming[0]}"' in html and TITLE not in html
    assert stream.writer is None and stream.shells == {}, "a finished stream lets go of its build"


def test_a_stream_that_was_not_started_writes_nothing(tmp_path: Path) -> None:
    stream = RecordStream()
    stream.collect("index.md", "<p>home</p>")
    assert stream.release() == []
    assert stream.finish() == 0
    stream.abort()
    assert not any(tmp_path.iterdir())


def test_a_shell_the_engine_did_not_render_stops_the_stream(
    renderer: SiteRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shell, "PARALLEL_FROM", 0)
    stream = RecordStream()
    stream.start(renderer, tmp_path, processes=2)
    assert stream.writer is not None and len(stream.writer.workers) == 2
    workers = list(stream.writer.workers)
    with pytest.raises(RuntimeError, match="did not render the page shells"):
        stream.release()
    stream.abort()
    assert stream.writer is None
    assert not any(w.is_alive() for w in workers)


def test_a_shell_without_its_markers_is_refused(renderer: SiteRenderer, tmp_path: Path) -> None:
    stream = RecordStream()
    pages = stream.start(renderer, tmp_path)
    shell_page = next(p for p in pages if p.src_uri in stream.variants)
    with pytest.raises(ValueError, match="lost its markers"):
        stream.collect(shell_page.src_uri, "<title>no markers</title>")
    stream.abort()


def test_record_pages_are_rendered_an_organization_at_a_time(renderer: SiteRenderer) -> None:
    jobs = renderer.record_jobs()
    ordered = shell.by_organization(jobs)
    assert sorted(ordered) == sorted(jobs)  # every page once
    orgs = [ident.split("/", 1)[0] for _, ident, _ in ordered]
    runs = [org for i, org in enumerate(orgs) if i == 0 or orgs[i - 1] != org]
    assert len(runs) == len(set(runs)) == len(renderer.catalog.organizations)  # each organization's pages together


@pytest.mark.parametrize(("count", "batch"), [(0, 4), (1, 4), (10, 4), (64, 8), (65, 8)])
def test_claims_from_both_ends_take_every_job_once(monkeypatch: pytest.MonkeyPatch, count: int, batch: int) -> None:
    monkeypatch.setattr(shell, "BATCH", batch)
    claims = shell.Claims(count)
    taken: list[int] = []
    for turn in itertools.count():
        run = claims.front() if turn % 3 else claims.back()
        if not run and not (run := claims.front()):
            break
        assert len(run) <= batch
        taken += run
    assert sorted(taken) == list(range(count))
    assert not claims.front() and not claims.back()
