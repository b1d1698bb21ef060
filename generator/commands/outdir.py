"""Output folders for `preview` and `pages`: never one that holds something else.

A build empties its output folder first, so `--out catalog` would delete the catalog. A command
writes only into a folder that is new, empty, or marked as its own output by an earlier run, and
never into a folder that holds (or is inside) the catalog, the configuration or the code.
"""

from __future__ import annotations

from pathlib import Path

from generator import PACKAGE_DIR

PACKAGE = PACKAGE_DIR
MARKER = ".wbl-output"
MARKER_TEXT = "Made by `python -m generator {}`; the next run replaces this folder's contents.\n"


def output_problem(out: Path, command: str, catalog: Path) -> str | None:
    """Why out cannot be the command's output folder (a sentence with a fix), or None."""
    target = out.resolve()
    # Folders that must survive, and which hold nothing but their own files (the current folder holds outputs).
    keep = {"the current folder": (Path.cwd().resolve(), False), "the catalog": (catalog.resolve(), True)}
    keep["the generator's code"] = (PACKAGE, True)
    empties = f"the {command} command replaces what its output folder holds. Choose a new folder, such as `{command}`"
    for label, (folder, closed) in keep.items():
        if target == folder:
            return f"`{out}` is {label}, and {empties}."
        if target in folder.parents:
            return f"`{out}` holds {label}, and {empties}."
        if closed and folder in target.parents:
            return f"`{out}` is inside {label}, which must hold only its own files. Choose a folder outside it."
    if target.exists() and not target.is_dir():
        return f"`{out}` is a file. Choose a folder name."
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        return (
            f"`{out}` is not empty and was not made by the {command} command, so it is left alone. "
            "Choose a new folder, or empty this one yourself."
        )
    return None


def mark(out: Path, command: str) -> None:
    """Mark out as the command's own output, so the next run may replace it."""
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(MARKER_TEXT.format(command), encoding="utf-8")
