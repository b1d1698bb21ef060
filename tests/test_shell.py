"""Listing and organization pages written from page shells are the pages MkDocs would have written."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
import zxingcpp
from sitebuild import ROOT, engine_command

from generator.model import LANGS
from generator.model.checked import check_catalog
from generator.present import qr
from generator.present.view import Page
from generator.render import shell
from generator.render.shell import BODY, DATA, DESCRIPTION, TITLE, TITLE_LANG, Shell, Variant, shell_pages, variant_of
from generator.render.site import SiteRenderer

AS_OF = dt.date(2026, 11, 22)


def _config_without_streaming(tmp_path: Path) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - wbl-catalog:\n" in text
    text = text.replace("\n  - wbl-catalog:\n", "\n  - wbl-catalog:\n      stream_records: false\n", 1)
    config = ROOT / f".test-mkdocs-{tmp_path.name}.yml"  # beside mkdocs.yml: docs_dir and overrides are relative
    config.write_text(text, encoding="utf-8")
    return config


def _files(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


def test_streamed_site_is_byte_identical_to_a_site_built_page_by_page(tmp_path: Path, bundled_site: Path) -> None:
    streamed = bundled_site
    config = _config_without_streaming(tmp_path)
    try:
        env = {**os.environ, "CATALOG_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"}
        cmd = engine_command("build", "--strict", "-f", str(config), "-d", str(tmp_path / "paged"))
        result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stderr
    finally:
        config.unlink()
    paged = tmp_path / "paged"
    files = _files(paged)
    assert files == _files(streamed)
    listings = [f for f in files if re.fullmatch(r"(es/)?opportunities/[^/]+/[^/]+/index\.html", f) and "/page/" not in f]
    employers = [f for f in files if re.fullmatch(r"(es/)?employers/[^/]+/index\.html", f)]
    assert len(listings) >= 60 and len(employers) >= 20
    different = [f for f in sorted(files) if not filecmp.cmp(paged / f, streamed / f, shallow=False)]
    assert different == []
    assert not any("wbl-shell" in f for f in files)


@pytest.fixture(scope="module")
def renderer() -> SiteRenderer:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok
    return SiteRenderer(checked.catalog, "https://wbl.example.org/")


def _shell_html(variant: Variant) -> str:
    # What a theme makes of a shell page: the markers somewhere in a document, the address in links.
    head = f"<title>{TITLE} - Site</title>"
    if variant.described:
        head += f'<meta name="description" content="{DESCRIPTION}">'
    if variant.structured:
        head += f'<script type="application/ld+json">{DATA}</script>'
    head += f'<link rel="canonical" href="https://wbl.example.org/{variant.path}">'
    header = f'<span lang="{TITLE_LANG}">{TITLE}</span>'
    return f'<html><head>{head}</head><body>{header}<a href="../../../es/{variant.path}">es</a><article>{BODY}</article></body></html>'


def test_fill_puts_each_value_in_once_and_never_rescans_them() -> None:
    variant = Variant("opportunity", "en", True, True, True)
    page = Page(
        "opportunities/acme/x/index.md",
        "opportunities/acme/x/",
        {"title": f"{BODY} &amp; {TITLE}", "title_lang": "es", "description": variant.path, "structured_data": '{"a": 1}'},
        f"<h1>{DESCRIPTION}</h1>",
        "en",
        "opportunity",
        "acme/x",
        "opportunities/acme/x/",
    )
    out = Shell(variant, _shell_html(variant)).fill(page)
    assert out == (
        f"<html><head><title>{BODY} &amp; {TITLE} - Site</title>"
        f'<meta name="description" content="{variant.path}">'
        '<script type="application/ld+json">{"a": 1}</script>'
        '<link rel="canonical" href="https://wbl.example.org/opportunities/acme/x/"></head>'
        f'<body><span lang="es">{BODY} &amp; {TITLE}</span>'
        f'<a href="../../../es/opportunities/acme/x/">es</a><article><h1>{DESCRIPTION}</h1></article></body></html>'
    )


def test_a_shell_without_its_markers_is_refused() -> None:
    variant = Variant("organization", "es", True, False, True)
    with pytest.raises(ValueError, match="lost its markers"):
        Shell(variant, "<html><title>x</title><article>nothing</article></html>")
    with pytest.raises(ValueError, match="lost its markers"):
        Shell(variant, f"<title>{TITLE}</title>{BODY}{BODY}")


def test_every_variant_has_its_own_shell_page_at_the_records_depth() -> None:
    pages = shell_pages(LANGS)
    variants = [variant_of(p) for p in pages]
    assert len(set(variants)) == len(pages) == 2 * 2 * 8
    for page, variant in zip(pages, variants, strict=True):
        assert page.src_uri == variant.src_uri and page.path == variant.path
        depth = 3 if variant.kind == "opportunity" else 2
        assert variant.path.count("/") == depth


@pytest.mark.parametrize("processes", [0, 1, 2])
def test_write_records_writes_every_record_page_in_both_languages(
    renderer: SiteRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processes: int
) -> None:
    monkeypatch.setattr(shell, "PARALLEL_FROM", 0)
    shells = _shells()
    jobs = renderer.record_jobs()
    catalog = renderer.catalog
    assert len(jobs) == 2 * (len(catalog.opportunities) + len(catalog.organizations))
    writer = shell.RecordWriter(renderer.record_page, jobs, tmp_path, processes)
    writer.start()
    writer.send(shells)
    written = writer.finish()
    assert written == len(jobs)
    for kind, ident, lang in jobs:
        prefix = "es/" if lang == "es" else ""
        folder = "opportunities" if kind == "opportunity" else "employers"
        html = (tmp_path / prefix / folder / ident / "index.html").read_text(encoding="utf-8")
        assert f'href="https://wbl.example.org/{folder}/{ident}/"' in html
        assert "WBLSHELL" not in html and "wbl-shell" not in html


def test_record_jobs_honour_only_and_skip(renderer: SiteRenderer) -> None:
    ident = sorted(renderer.catalog.opportunities)[0]
    jobs = renderer.record_jobs(only={f"opportunity:{ident}"})
    assert jobs == [("opportunity", ident, "en"), ("opportunity", ident, "es")]
    assert renderer.record_jobs(only={f"opportunity:{ident}"}, skip={f"opportunity:{ident}"}) == []


def _decode(svg: str) -> str:
    """Redraw the SVG path's runs as pixels and read them with zxing."""
    size = int(re.search(r'width="(\d+)"', svg).group(1)) // 3
    scale = 4
    pixels = bytearray(b"\xff" * (size * scale) ** 2)
    x = y = 0.0
    for op, a, b, h in re.findall(r"([Mm])(-?[\d.]+) (-?[\d.]+)h(\d+)", svg):
        x, y = (float(a), float(b)) if op == "M" else (x + float(a), y + float(b))
        row = int(y)
        for column in range(int(x), int(x) + int(h)):
            for dy in range(scale):
                start = ((row * scale + dy) * size + column) * scale
                pixels[start : start + scale] = b"\x00" * scale
        x += int(h)
    image = memoryview(bytes(pixels)).cast("B", (size * scale, size * scale))
    result = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert result is not None, "the QR code does not scan"
    return result.text


@pytest.mark.parametrize(
    "url",
    [
        "https://wbl.example.org/opportunities/acme/x/",
        "https://wbl.example.org/es/opportunities/a-long-organization-name/a-long-listing-name-2027/",
    ],
)
def test_qr_code_scans_back_to_the_address(url: str) -> None:
    svg = qr.svg(url)
    assert svg.startswith('<svg width="') and 'role="img"' in svg
    assert _decode(svg) == url


def test_listing_page_qr_code_is_the_pages_address(renderer: SiteRenderer) -> None:
    ident = sorted(renderer.catalog.opportunities)[0]
    page = renderer.record_page("opportunity", ident, "es")
    svg = re.search(r"<svg[^>]*aria-label=\"QR\".*?</svg>", page.body, re.S).group(0)
    assert _decode(svg) == f"https://wbl.example.org/es/opportunities/{ident}/"


def _shells() -> dict[Variant, Shell]:
    """A shell for every kind, language and variant, as the engine would render them."""
    return {variant_of(p): Shell(variant_of(p), _shell_html(variant_of(p))) for p in shell_pages(LANGS)}


def _broken_render(kind: str, ident: str, lang: str) -> Page:
    raise KeyError(f"no such {kind}: {ident}")


def test_a_failing_worker_stops_the_writer_with_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shell, "PARALLEL_FROM", 0)
    jobs = [("opportunity", f"acme-{i}/x", "en") for i in range(10)]
    writer = shell.RecordWriter(_broken_render, jobs, tmp_path, processes=2)
    writer.start()
    assert len(writer.workers) == 2
    writer.send({})
    with pytest.raises(
        RuntimeError, match=r"(?s)Writing listing and organization pages failed.*KeyError: 'no such opportunity: acme-\d/x"
    ):
        writer.finish()
    assert writer.workers == []


def test_workers_render_before_the_shells_arrive_and_write_after(
    renderer: SiteRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shell, "PARALLEL_FROM", 0)
    monkeypatch.setattr(shell, "BATCH", 4)
    jobs = renderer.record_jobs()
    writer = shell.RecordWriter(renderer.record_page, jobs, tmp_path, processes=2)
    writer.start()
    try:
        assert not any(tmp_path.iterdir()), "nothing is written before the shells are sent"
        shells = _shells()
        writer.send(shells)
        assert writer.finish() == len(jobs)
    finally:
        writer.stop()
    assert len(list(tmp_path.rglob("index.html"))) == len(jobs)


def test_pages_kept_until_the_shells_arrive_are_written_as_rendered(
    renderer: SiteRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shell, "PARALLEL_FROM", 0)
    monkeypatch.setattr(shell, "BATCH", 4)
    jobs = renderer.record_jobs()
    shells = _shells()
    log = tmp_path / "rendered"

    def render(kind: str, ident: str, lang: str) -> Page:
        page = renderer.record_page(kind, ident, lang)
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{ident}\n")
        return page

    kept = tmp_path / "kept"
    writer = shell.RecordWriter(render, jobs, kept, processes=2)
    writer.start()
    try:
        deadline = time.monotonic() + 120
        # Every page rendered and kept; the first of each kind and language is rendered here too, before the fork.
        expected = len(jobs) + len({(kind, lang) for kind, _, lang in jobs})
        while (len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0) < expected:
            assert time.monotonic() < deadline, "the workers did not render their pages"
            time.sleep(0.05)
        writer.send(shells)
        assert writer.finish() == len(jobs)
    finally:
        writer.stop()
    plain = tmp_path / "plain"
    alone = shell.RecordWriter(renderer.record_page, jobs, plain, processes=0)
    alone.send(shells)
    assert alone.finish() == len(jobs)
    written = sorted(p.relative_to(kept) for p in kept.rglob("index.html"))
    assert written == sorted(p.relative_to(plain) for p in plain.rglob("index.html")) and len(written) == len(jobs)
    assert all((kept / p).read_bytes() == (plain / p).read_bytes() for p in written)


@pytest.mark.parametrize(
    ("cpus", "setting", "expected"), [(1, 0, 0), (2, 0, 1), (3, 0, 2), (8, 0, 4), (2, 1, 1), (2, 2, 2), (1, 3, 3)]
)
def test_workers_are_one_per_cpu_beside_the_builds_own_and_none_on_one_cpu(
    monkeypatch: pytest.MonkeyPatch, cpus: int, setting: int, expected: int
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cpus)), raising=False)
    assert shell.workers(setting) == expected


def test_one_worker_is_a_forked_process(renderer: SiteRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shell, "PARALLEL_FROM", 0)
    writer = shell.RecordWriter(renderer.record_page, renderer.record_jobs(), tmp_path, processes=1)
    writer.start()
    try:
        assert len(writer.workers) == 1 and writer.workers[0].pid != os.getpid()
    finally:
        writer.stop()


def test_the_build_process_renders_pages_too_once_its_other_work_is_done(
    renderer: SiteRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shell, "PARALLEL_FROM", 0)
    monkeypatch.setattr(shell, "BATCH", 2)
    parent = os.getpid()
    log = tmp_path / "rendered"
    counting = [False]  # this process's pages count from `finish`; the worker's all count

    def render(kind: str, ident: str, lang: str) -> Page:
        if os.getpid() != parent:
            time.sleep(0.02)  # a worker slower than this process
        if os.getpid() != parent or counting[0]:
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{os.getpid()} {kind} {ident} {lang}\n")
        return renderer.record_page(kind, ident, lang)

    jobs = renderer.record_jobs()
    shells = _shells()
    writer = shell.RecordWriter(render, jobs, tmp_path / "site", processes=1)
    writer.start()
    worker = writer.workers[0].pid
    counting[0] = True
    writer.send(shells)
    assert writer.finish() == len(jobs)
    lines = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(job for _, job in lines) == sorted(" ".join(job) for job in jobs)  # each page once
    assert {int(pid) for pid, _ in lines} == {parent, worker}
    plain = tmp_path / "plain"
    alone = shell.RecordWriter(renderer.record_page, jobs, plain, processes=0)
    alone.send(shells)
    alone.finish()
    written = sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("index.html"))
    assert len(written) == len(jobs)
    assert all((tmp_path / "site" / p).read_bytes() == (plain / p).read_bytes() for p in written)
