"""Commands never empty a folder that holds something else, and never run code a contribution put in place."""

from __future__ import annotations

import hashlib
import marshal
import shutil
from pathlib import Path

import pytest
from cases import MINIMAL
from hostile_support import AS_OF

import generator
from generator.check import compiled
from generator.check.schemas import KINDS, Validators, fast_definition
from generator.commands.cli import main
from generator.commands.outdir import MARKER
from generator.model.checked import check_catalog

PACKAGE = Path(generator.__file__).resolve().parent
REPLACES = "command replaces what its output folder holds. Choose a new folder, such as `{0}`."


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "catalog")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "a-file").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", ["preview", "pages"])
@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("catalog", "`catalog` is the catalog, and the {0} " + REPLACES),
        (".", "`.` is the current folder, and the {0} " + REPLACES),
        ("..", "`..` holds the current folder, and the {0} " + REPLACES),
        (
            "catalog/employers",
            "`catalog/employers` is inside the catalog, which must hold only its own files. Choose a folder outside it.",
        ),
        (
            "notes",
            "`notes` is not empty and was not made by the {0} command, so it is left alone. "
            "Choose a new folder, or empty this one yourself.",
        ),
        ("a-file", "`a-file` is a file. Choose a folder name."),
    ],
)
def test_output_folder_that_holds_other_things_is_refused(project: Path, capsys, command: str, out: str, message: str) -> None:
    before = _files(project)
    assert main([command, "--out", out]) == 2
    assert capsys.readouterr().err == f"{command}: error: {message.format(command)}\n"
    assert _files(project) == before


@pytest.mark.parametrize("command", ["preview", "pages"])
def test_the_package_folder_is_refused(project: Path, capsys, command: str) -> None:
    before = _files(PACKAGE)
    assert main([command, "--out", str(PACKAGE)]) == 2
    assert "is the generator's code" in capsys.readouterr().err
    assert _files(PACKAGE) == before


def test_pages_may_write_its_own_folder_again(project: Path) -> None:
    assert main(["pages", "--out", "out", "--catalog", "catalog"]) == 0
    assert (project / "out" / MARKER).is_file()
    assert (project / "out" / "index.md").is_file()
    assert main(["pages", "--out", "out", "--catalog", "catalog"]) == 0


def test_a_validator_cache_committed_to_the_repository_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files a pull request adds under .cache/ (ignored by git, but addable with -f) must not run during a check."""
    monkeypatch.delenv(compiled.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    marker = tmp_path / "ran"
    payload = f"open({str(marker)!r}, 'w').close()\ndef validate(data, custom_formats={{}}, name_prefix=None):\n    return data\n"
    code = marshal.dumps(compile(payload, "x", "exec"))
    planted = PACKAGE.parent / ".cache" / "validators"
    existed = planted.exists()
    planted.mkdir(parents=True, exist_ok=True)
    names: list[Path] = []
    try:
        for kind in KINDS:
            key = compiled.cache_key(fast_definition(Validators().bundles[kind]))
            for name, data in (
                (f"v{key}.py", payload.encode()),
                (f"v{key}.bin", compiled.MAGIC + hashlib.sha256(code).digest() + code),
            ):
                (planted / name).write_bytes(data)
                names.append(planted / name)
        checked = check_catalog(MINIMAL, as_of=AS_OF)
        assert checked.ok
    finally:
        for name in names:
            name.unlink(missing_ok=True)
        if not existed:
            shutil.rmtree(planted.parent, ignore_errors=True)
    assert not marker.exists()
    assert compiled.cache_dir() == tmp_path / "user-cache" / "wbl-catalog" / "validators"
