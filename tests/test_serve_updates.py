"""`mkdocs serve` in a large catalog: a change to listings builds only their pages, into the site being served.

The bundled catalog is small, so the configuration here lowers `serve_updates_from` to 1. The builds run as
`mkdocs serve` runs them: one process and one plugin, a new configuration for each build, into the same folder.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from sitebuild import AS_OF, ENGINE, ROOT, build_site, copy_catalog

from generator.mkdocs_plugin import CatalogWatch, merge_site, newest_change, replace_site

# Builds once, then once after each step's edits, each time into the same folder, and copies the site after
# each build (with its files' times) to <site>.<n>. A step's edits: a path and (old, new) text, None to remove
# the file, or "touch".
SERVE_BUILDS = """
import json, logging, os, shutil, sys
from pathlib import Path

logging.basicConfig(level=logging.INFO, format="%(message)s")

if sys.argv[1] == "properdocs":
    import properdocs.replacement  # every mkdocs.* import is ProperDocs', as in its own command
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, site, steps = sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
plugins = None
for n, edits in enumerate([{}, *steps]):
    for path, change in edits.items():
        if change is None:
            Path(path).unlink()
        elif change == "touch":
            os.utime(path)
        else:
            Path(path).write_text(Path(path).read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    config = load_config(config_file=config_file, site_dir=site)
    if plugins is None:
        plugins = config.plugins
        plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    shutil.copytree(site, f"{site}.{n}")
plugins.on_shutdown()
"""

HUB = Path("employers") / "eastside-career-hub"
EDITED = "opportunities/eastside-career-hub/career-mentoring-circles/index.html"
UNTOUCHED = "opportunities/foothill-electrical-contractors/solar-jobsite-job-shadow/index.html"
REMOVED = "opportunities/eastside-career-hub/middle-school-career-talks/index.html"


def _files(site: Path) -> dict[str, int]:
    """Each file of a site and its modification time."""
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(the served folder, the same catalog as the last step left it built by `mkdocs build`, the builds' log)."""
    tmp = tmp_path_factory.mktemp("serve")
    catalog = copy_catalog(tmp / "catalog")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - wbl-catalog:\n" in text
    text = text.replace("\n  - wbl-catalog:\n", "\n  - wbl-catalog:\n      serve_updates_from: 1\n", 1)
    config = ROOT / f".test-mkdocs-{tmp.name}.yml"  # beside mkdocs.yml: docs_dir and overrides are relative
    config.write_text(text, encoding="utf-8")
    circles = str(catalog / HUB / "career-mentoring-circles.yml")
    title = "title: Career Mentoring Circles for High Schoolers"
    steps = [
        # 1. A listing's title: its pages and the pages that list it.
        {circles: [title, "title: Zymurgy Mentoring Circles for High Schoolers"]},
        # 2. The configuration changed too: the whole site.
        {circles: ["title: Zymurgy Mentoring", "title: Quixotic Mentoring"], str(config): "touch"},
        # 3. A listing removed: the whole site, without its pages.
        {str(catalog / HUB / "middle-school-career-talks.yml"): None},
    ]
    env = {k: v for k, v in os.environ.items() if k != "DISABLE_MKDOCS_2_WARNING"}
    env.update({"CATALOG_TODAY": AS_OF, "NO_MKDOCS_2_WARNING": "1", "CATALOG_DIR": str(catalog)})
    try:
        result = subprocess.run(
            [sys.executable, "-c", SERVE_BUILDS, ENGINE, str(config), str(tmp / "site"), json.dumps(steps)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert result.returncode == 0, result.stderr[-5000:]
        build_site(tmp / "fresh", catalog, config=config, unset=("DISABLE_MKDOCS_2_WARNING",))
    finally:
        config.unlink()
    return tmp / "site", tmp / "fresh", result.stderr


def test_a_changed_listing_is_rebuilt_into_the_served_site_and_the_rest_kept(served) -> None:
    site, _, log = served
    before, after = _files(Path(f"{site}.0")), _files(Path(f"{site}.1"))
    assert set(after) == set(before)  # nothing lost, nothing left over
    page = (Path(f"{site}.1") / EDITED).read_text(encoding="utf-8")
    assert "Zymurgy Mentoring Circles" in page
    assert after[EDITED] != before[EDITED]
    # Pages and indexes of other records are those of the first build, not written again.
    assert after[UNTOUCHED] == before[UNTOUCHED]
    kept = [f for f in before if f.startswith(("browse-data/", "data/"))]
    assert kept and all(after[f] == before[f] for f in kept)
    # The organization's page lists the listing under its new title.
    org = (Path(f"{site}.1") / "employers" / "eastside-career-hub" / "index.html").read_text(encoding="utf-8")
    assert "Zymurgy Mentoring Circles" in org
    assert log.count("Rebuilt the pages of") == 1 and "(those changed and those that list them)" in log, log[-3000:]


def test_a_change_beyond_the_catalog_rebuilds_the_whole_site(served) -> None:
    site, _, _ = served
    before, after = _files(Path(f"{site}.1")), _files(Path(f"{site}.2"))
    assert set(after) == set(before)
    assert after[UNTOUCHED] != before[UNTOUCHED]
    assert "Quixotic Mentoring" in (Path(f"{site}.2") / EDITED).read_text(encoding="utf-8")


def test_after_a_listing_is_removed_the_served_site_is_what_a_build_gives(served) -> None:
    site, fresh, _ = served
    last = Path(f"{site}.3")
    files = set(_files(fresh))
    assert REMOVED not in files and REMOVED in _files(Path(f"{site}.2"))
    assert set(_files(last)) == files
    assert [f for f in sorted(files) if not filecmp.cmp(last / f, fresh / f, shallow=False)] == []
    # The last state is the served folder itself, and the build's own folders are gone.
    assert set(_files(site)) == files
    assert not Path(f"{site}.next").exists() and not Path(f"{site}.old").exists()


def test_merge_site_moves_every_file_over_the_served_ones(tmp_path: Path) -> None:
    fresh, served = tmp_path / "fresh", tmp_path / "served"
    (fresh / "a" / "b").mkdir(parents=True)
    (fresh / "a" / "b" / "new.html").write_text("new", encoding="utf-8")
    (fresh / "index.html").write_text("home 2", encoding="utf-8")
    (served / "a").mkdir(parents=True)
    (served / "index.html").write_text("home 1", encoding="utf-8")
    (served / "a" / "kept.html").write_text("kept", encoding="utf-8")
    assert merge_site(fresh, served) == 2
    assert {p.relative_to(served).as_posix(): p.read_text() for p in served.rglob("*") if p.is_file()} == {
        "index.html": "home 2",
        "a/kept.html": "kept",
        "a/b/new.html": "new",
    }
    assert not [p for p in fresh.rglob("*") if p.is_file()]


def test_replace_site_puts_the_new_folder_in_place(tmp_path: Path) -> None:
    fresh, served = tmp_path / "fresh", tmp_path / "served"
    fresh.mkdir()
    (fresh / "index.html").write_text("new", encoding="utf-8")
    served.mkdir()
    (served / "gone.html").write_text("old", encoding="utf-8")
    replace_site(fresh, served)
    assert [p.name for p in served.iterdir()] == ["index.html"]
    assert not fresh.exists() and not (tmp_path / "served.old").exists()
    shutil.rmtree(served)
    (tmp_path / "again").mkdir()
    replace_site(tmp_path / "again", served)  # no served folder yet
    assert served.is_dir()


def test_newest_change_sees_files_and_folders_at_any_depth(tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "deep"
    folder.mkdir(parents=True)
    page, config = folder / "a.md", tmp_path / "mkdocs.yml"
    page.write_text("a", encoding="utf-8")
    config.write_text("b", encoding="utf-8")
    past = dt.datetime(2026, 1, 1).timestamp()
    for n, path in enumerate((page, folder, folder.parent, config)):
        os.utime(path, (past + n, past + n))
    assert newest_change([tmp_path / "docs"]) == pytest.approx(past + 2)
    assert newest_change([tmp_path / "docs", config]) == pytest.approx(past + 3)
    os.utime(page, (past + 20, past + 20))
    assert newest_change([tmp_path / "docs", config]) == pytest.approx(past + 20)
    (folder / "b.md").write_text("new page", encoding="utf-8")
    assert newest_change([tmp_path / "docs"]) > past + 20
    assert newest_change([tmp_path / "missing"]) == 0.0


def _waits_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_the_catalog_watch_tells_of_writes_through_its_own_file(tmp_path: Path) -> None:
    folder = tmp_path / "catalog" / "employers" / "acme"
    folder.mkdir(parents=True)
    listing = folder / "a.yml"
    listing.write_text("title: A\n", encoding="utf-8")
    watch = CatalogWatch.start(tmp_path / "catalog")
    assert watch is not None
    try:
        first = watch.signal.read_text(encoding="utf-8")
        # The check lists every folder and reads files: that is no change.
        for _ in range(3):
            for folder_, _, names in os.walk(tmp_path / "catalog"):
                for name in names:
                    (Path(folder_) / name).read_text(encoding="utf-8")
        time.sleep(0.5)
        assert watch.signal.read_text(encoding="utf-8") == first
        listing.write_text("title: B\n", encoding="utf-8")
        assert _waits_for(lambda: watch.signal.read_text(encoding="utf-8") != first)
        # A file in a folder made after the watch began.
        seen = watch.signal.read_text(encoding="utf-8")
        (tmp_path / "catalog" / "employers" / "new").mkdir()
        time.sleep(0.2)
        (tmp_path / "catalog" / "employers" / "new" / "organization.yml").write_text("name: N\n", encoding="utf-8")
        assert _waits_for(lambda: watch.signal.read_text(encoding="utf-8") != seen)
    finally:
        watch.stop()
    assert not watch.folder.exists()


def test_the_catalog_watch_gives_way_to_polling_where_it_cannot_watch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    assert CatalogWatch.start(tmp_path / "missing") is None
    assert list((tmp_path / "temp").iterdir()) == []  # its own folder removed
