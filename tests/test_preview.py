"""`python -m generator preview` builds just the changed records and the indexes."""

from __future__ import annotations

import os
import subprocess
import sys

from sitebuild import ROOT, minimal_catalog

ENV = {**os.environ, "CATALOG_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "preview", *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600
    )


def test_preview_renders_the_changed_listing_and_the_indexes(tmp_path):
    listing = ROOT / "catalog/employers/kaiser-permanente-socal/summer-high-school-internship.yml"
    out = tmp_path / "preview"
    result = run(str(listing), "--out", str(out))
    assert result.returncode == 0, result.stderr
    opp = out / "opportunities/kaiser-permanente-socal/summer-high-school-internship/index.html"
    assert opp.is_file() and (out / "es" / opp.relative_to(out)).is_file()
    assert (out / "employers/kaiser-permanente-socal/index.html").is_file()
    for index in ("index.html", "opportunities/index.html", "employers/index.html", "pathways/index.html"):
        assert (out / index).is_file(), index
    listings = [p for p in (out / "opportunities").glob("*/*/index.html") if p.parts[-3] != "page"]
    assert len(listings) == 1
    assert str(opp.relative_to(ROOT) if opp.is_relative_to(ROOT) else opp) in result.stdout


def test_preview_of_a_broken_catalog_prints_the_problems(tmp_path):
    catalog = minimal_catalog(tmp_path / "catalog")
    listing = catalog / "employers/acme-health/lab-internship.yml"
    listing.write_text(listing.read_text().replace("format: internship", "format: internshp"))
    result = run(str(listing), "--catalog", str(catalog), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "`format` has the value `internshp`, which is not allowed here. Did you mean `internship`?" in result.stdout


def test_pages_command_writes_every_page_as_markdown(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "generator", "pages", "--out", str(tmp_path / "pages")],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "pages" / "index.md").read_text(encoding="utf-8")
    assert home.startswith("---\n") and "lang: en" in home
    assert (
        tmp_path / "pages" / "es" / "opportunities" / "kaiser-permanente-socal" / "summer-high-school-internship" / "index.md"
    ).is_file()
