"""Commands that write folders never empty one that holds something else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cases import MINIMAL

import generator
from generator.cli import main
from generator.outdir import MARKER

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
