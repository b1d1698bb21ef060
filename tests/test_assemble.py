"""A build in parts, side by side (generator/render/parts.py), put together by `python -m generator assemble`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import AS_OF, ROOT

from generator.commands.assemble import PART_FILE, AssemblyError, assemble
from generator.commands.outdir import MARKER

REGIONS = ("los-angeles", "inland-empire")


def run_assemble(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "CATALOG_DIR", "CATALOG_PART")}
    env.update(CATALOG_TODAY=AS_OF, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "generator", "assemble", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """The bundled catalog built in parts and assembled with the one command, keeping the parts."""
    base = tmp_path_factory.mktemp("parts")
    done = run_assemble("--out", str(base / "site"), "--work", str(base / "parts"), "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    return base / "site", base / "parts", done


def test_the_assembled_site_is_the_whole_build_file_for_file(built: tuple, bundled_site: Path) -> None:
    site, _, done = built
    assembled, whole = tree(site), tree(bundled_site)
    assert assembled.pop(MARKER)  # the output folder's own marker, as `preview` and `pages` leave
    assert sorted(assembled) == sorted(whole)
    different = [name for name in whole if assembled[name] != whole[name]]
    assert not different, different[:10]
    assert "Assembled" in done.stdout


def test_each_region_writes_its_own_records_and_every_record_is_written_once(built: tuple) -> None:
    _, parts, _ = built
    manifests = {p.name: json.loads((p / PART_FILE).read_text(encoding="utf-8")) for p in parts.iterdir() if p.is_dir()}
    assert set(manifests) == {"shared", *REGIONS}
    assert manifests["shared"]["parts"] == ["shared", *REGIONS]
    given = [page for region in REGIONS for page in manifests[region]["pages"]]
    assert sorted(given) == sorted(manifests["shared"]["pages"]) and len(set(given)) == len(given)
    # The Inland Empire's listings and organization in its part, in both languages; not in the other.
    inland = manifests["inland-empire"]["pages"]
    assert "employers/arroyo-inland-health/" in inland and "es/employers/arroyo-inland-health/" in inland
    assert any(p.startswith("opportunities/arroyo-inland-health/") for p in inland)
    assert not any("arroyo-inland-health" in p for p in manifests["los-angeles"]["pages"])
    # A region's part writes no shared page: no browse index, no exports, no home page of its own.
    for region in REGIONS:
        assert not (parts / region / "browse-data").exists() and not (parts / region / "data").exists()
    assert not (parts / "shared" / "employers" / "arroyo-inland-health" / "index.html").exists()


def test_parts_built_elsewhere_assemble_with_parts(built: tuple, bundled_site: Path, tmp_path: Path) -> None:
    _, parts, _ = built
    done = run_assemble(
        "--out", str(tmp_path / "site"), "--parts", *(str(parts / p) for p in ("inland-empire", "shared", "los-angeles"))
    )
    assert done.returncode == 0, done.stderr
    assembled = tree(tmp_path / "site")
    assembled.pop(MARKER)
    assert assembled == tree(bundled_site)


def copy_parts(parts: Path, dest: Path) -> dict[str, Path]:
    out = {}
    for name in ("shared", *REGIONS):
        out[name] = dest / name
        shutil.copytree(parts / name, out[name])
    return out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("missing", "The parts `inland-empire` are missing"),
        ("twice", "are both the part `los-angeles`"),
        ("no shared", "No folder is the part `shared`"),
        ("not a part", "has no readable .wbl-part.json"),
        ("page lost", "has no `"),
        ("page twice", "was written by the parts"),
        ("page not expected", "a page the shared part does not list"),
        ("page missing", "No part wrote"),
    ],
)
def test_a_part_that_does_not_fit_is_refused_with_the_fix(built: tuple, tmp_path: Path, change: str, message: str) -> None:
    _, parts, _ = built
    folders = copy_parts(parts, tmp_path / "parts")
    given = [folders["shared"], folders["los-angeles"], folders["inland-empire"]]
    la_manifest = folders["los-angeles"] / PART_FILE
    la = json.loads(la_manifest.read_text(encoding="utf-8"))
    if change == "missing":
        given.pop()
    elif change == "twice":
        given.append(folders["los-angeles"])
    elif change == "no shared":
        given.pop(0)
    elif change == "not a part":
        la_manifest.unlink()
    elif change == "page lost":
        (folders["los-angeles"] / la["pages"][0] / "index.html").unlink()
    elif change == "page twice":
        inland = json.loads((folders["inland-empire"] / PART_FILE).read_text(encoding="utf-8"))
        inland["pages"].append(la["pages"][0])
        (folders["inland-empire"] / PART_FILE).write_text(json.dumps(inland), encoding="utf-8")
        shutil.copytree(folders["los-angeles"] / la["pages"][0], folders["inland-empire"] / la["pages"][0], dirs_exist_ok=True)
    elif change == "page not expected":
        la["pages"].append("opportunities/nobody/nothing/")
        la_manifest.write_text(json.dumps(la), encoding="utf-8")
    elif change == "page missing":
        la["pages"].pop()
        la_manifest.write_text(json.dumps(la), encoding="utf-8")
    with pytest.raises(AssemblyError, match=message.replace("`", ".").replace("(", r"\(")):
        assemble(given, tmp_path / "site")
    done = run_assemble("--out", str(tmp_path / "cli"), "--parts", *map(str, given))
    assert done.returncode == 1 and done.stderr.startswith("assemble: error: ") and "Traceback" not in done.stderr


def test_a_part_the_catalog_does_not_have_fails_the_build_with_the_fix(tmp_path: Path) -> None:
    from sitebuild import build_site

    done = build_site(tmp_path / "site", extra_env={"CATALOG_PART": "mars"}, check=False)
    assert done.returncode != 0
    assert "The build is the part `mars`" in done.stdout + done.stderr and "`inland-empire`" in done.stdout + done.stderr
