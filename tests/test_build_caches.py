"""Caches belong to one build: a rebuild in the same process (`mkdocs serve`) gives what a new process gives, and a
finished build leaves no cache holding its catalog."""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import AS_OF, ENGINE, ROOT, copy_catalog, engine_command

from generator.exports import dates
from generator.exports.dates import change_dates, iso
from generator.model.checked import check_catalog
from generator.render import caches, encoding, word_index

# Two builds in one process, as `mkdocs serve` runs them: one plugin, a new configuration for each build, the
# catalog changed in between. Prints the caches' sizes after each build.
TWO_BUILDS = """
import json, sys
from pathlib import Path

if sys.argv[1] == "properdocs":
    import properdocs.replacement  # every mkdocs.* import is ProperDocs', as in its own command
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.render import caches

config_file, first, second, edits = sys.argv[2], sys.argv[3], sys.argv[4], json.loads(sys.argv[5])
sizes = []
for n, site in enumerate((first, second)):
    if n:
        for path, change in edits.items():
            if change is None:
                Path(path).unlink()
            else:
                Path(path).write_text(Path(path).read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    config = load_config(config_file=config_file, site_dir=site)
    if not n:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    sizes.append(caches.sizes())
print(json.dumps(sizes))
"""


def _files(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict[str, int]], str]:
    """(the second site of one process, the same catalog built by a new process, the caches' sizes after each build
    of the first process, the new process's stderr)."""
    tmp = tmp_path_factory.mktemp("rebuild")
    catalog = copy_catalog(tmp / "catalog")
    hub = catalog / "employers" / "eastside-career-hub"
    edits = {
        # New words for the word index, a new title for the pages and exports.
        str(hub / "career-mentoring-circles.yml"): [
            "title: Career Mentoring Circles for High Schoolers",
            "title: Zymurgy Mentoring Circles for High Schoolers",
        ],
        # One listing fewer: every later listing's ordinal in the browse and word indexes moves.
        str(hub / "middle-school-career-talks.yml"): None,
    }
    env = {k: v for k, v in os.environ.items() if k != "DISABLE_MKDOCS_2_WARNING"}
    env.update({"CATALOG_TODAY": AS_OF, "NO_MKDOCS_2_WARNING": "1", "CATALOG_DIR": str(catalog)})
    args = [str(ROOT / "mkdocs.yml"), str(tmp / "first"), str(tmp / "second"), json.dumps(edits)]
    result = subprocess.run(
        [sys.executable, "-c", TWO_BUILDS, ENGINE, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stderr[-5000:]
    sizes = json.loads(result.stdout.strip().splitlines()[-1])
    fresh = subprocess.run(
        engine_command("build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp / "fresh")),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert fresh.returncode == 0, fresh.stderr[-5000:]
    return tmp / "second", tmp / "fresh", sizes, fresh.stderr


def test_a_rebuild_after_the_catalog_changed_is_what_a_new_process_builds(rebuilt) -> None:
    second, fresh, _, _ = rebuilt
    files = _files(fresh)
    assert _files(second) == files
    assert "opportunities/eastside-career-hub/middle-school-career-talks/index.html" not in files
    page = (second / "opportunities" / "eastside-career-hub" / "career-mentoring-circles" / "index.html").read_text()
    assert "Zymurgy Mentoring Circles" in page
    assert [f for f in sorted(files) if not filecmp.cmp(second / f, fresh / f, shallow=False)] == []


def test_a_finished_build_leaves_its_caches_empty(rebuilt) -> None:
    _, _, sizes, _ = rebuilt
    assert len(sizes) == 2
    for after in sizes:
        assert after and set(after.values()) == {0}, after


def test_the_build_caches_fill_and_clear() -> None:
    # Not vacuous: what a build does fills every cache that clear() empties.
    checked = check_catalog(ROOT / "catalog", as_of=dt.date.fromisoformat(AS_OF))
    assert checked.ok
    catalog = checked.catalog
    caches.clear()
    iso(change_dates(catalog, ROOT / "catalog").newest())
    for lang in ("en", "es"):
        word_index.word_files(catalog, lang)
    encoding.rice(list(range(len(catalog.opportunities))), len(catalog.opportunities))
    filled = caches.sizes()
    assert all(filled.values()), filled
    caches.clear()
    assert set(caches.sizes().values()) == {0}


@pytest.mark.parametrize("module", [dates, encoding, word_index])
def test_every_unbounded_cache_is_cleared_with_the_build(module) -> None:
    # A cache without a bound must be one of those the build empties; a bounded one is for a fixed set of keys.
    assert module.__name__ in caches.MODULES
    names = {name.rsplit(".", 1)[1] for name in caches.sizes()}
    for name, value in vars(module).items():
        info = getattr(value, "cache_info", None)
        if callable(info) and info().maxsize is None:
            assert name in names, f"{module.__name__}.{name} is an unbounded cache that no build empties"


def test_the_build_prints_no_properdocs_notice_with_the_environment_untouched(rebuilt) -> None:
    *_, stderr = rebuilt
    assert "WARNING" not in stderr, stderr
    if ENGINE == "mkdocs":  # ProperDocs names itself in its own log; under `mkdocs` only its notice would
        assert "ProperDocs" not in stderr, stderr
