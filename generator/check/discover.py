"""Find the catalog's files and say what each one is.

Every entry under the catalog folder is either classified as a record,
accepted as an asset (an organization's logo), or reported as a located
problem. Nothing is skipped in silence.
"""

from __future__ import annotations

import difflib
import os
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.check.messages import template
from generator.check.problems import Problem
from generator.ids import ID, MAX_ID, reserved_problem, suggest_id

VOCABULARIES = (
    "formats",
    "sectors",
    "areas",
    "grade-bands",
    "signals",
    "languages",
    "seasons",
    "populations",
    "regions",
    "endorsements",
    "synonyms",
    "verifiers",
)
# Catalogs written before regions existed keep checking: without regions.yml the areas are the one region.
# A region that awards no endorsements needs no endorsements.yml, and search works without synonyms.yml.
# Without verifiers.yml no organization can say `verified:`, and every page says "Not yet verified".
OPTIONAL_VOCABULARIES = ("regions", "endorsements", "synonyms", "verifiers")
LOGOS = ("logo.svg", "logo.png")


@dataclass(frozen=True, slots=True)
class Entry:
    """A catalog file that should hold one record."""

    kind: str  # organization, opportunity, pathway, rubric, vocabulary, retired
    id: str
    path: Path  # on disk
    shown: str  # as printed in problems


def shown_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()


def shown_under(root: Path) -> Callable[[Path], str]:
    """shown_path for paths under root, worked out from root's: a large catalog has 50,000 files, and
    os.path.relpath asks for the working folder for each. From a folder inside root (`check` run in
    catalog/employers/), a file's shown path is not root's followed by the rest, so each is worked out."""
    try:
        inside = not os.path.relpath(os.getcwd(), os.path.abspath(root)).startswith("..")
    except ValueError:  # another drive on Windows
        inside = False
    base = shown_path(root)
    if inside and base != ".":
        return shown_path
    prefix = "" if base == "." else base + "/"
    start = len(root.parts)
    return lambda path: prefix + "/".join(path.parts[start:])


def _problem(path: Path, code: str, what: str, fix: str) -> Problem:
    return Problem(shown_path(path), 1, 1, "error", code, what, fix)


_suggested_id = suggest_id


def _valid(name: str) -> bool:
    return len(name) <= MAX_ID and ID.match(name) is not None


def _id_problem(path: Path, name: str, what: str, siblings: Iterable[str] = ()) -> Problem:
    """A bad file or folder name; siblings are the other names (without .yml) in the same folder."""
    suggestion = _suggested_id(name)
    others = [s for s in siblings if s != name]
    if ID.match(name):  # only too long
        shorter = f", such as `{suggestion}`" if suggestion not in others else ""
        text = f"The {what} `{name[:MAX_ID]}...` is {len(name)} characters long; ids are at most {MAX_ID}"
        return _problem(path, "bad-id", text, f"Rename it to a shorter id{shorter}")
    if suggestion and suggestion in others:
        # `Acme/` next to `acme/`: renaming would collide (and cannot even be checked out on macOS or Windows).
        fix = f"`{suggestion}` already exists next to it: move anything still needed into `{suggestion}`, then delete this one"
    elif suggestion and any(_suggested_id(s) == suggestion for s in others):
        # `café` typed twice, once with a separate accent mark: both look the same and become one id.
        fix = f"Another name next to it also becomes `{suggestion}`: keep one of them, rename it to `{suggestion}`, delete the other"
    elif suggestion:
        fix = f"Rename it to `{suggestion}`"
    else:
        fix = "Rename it with lowercase letters, digits and hyphens"
    text = f"The {what} `{name}` is not a valid id: use lowercase letters, digits and single hyphens"
    if unicodedata.normalize("NFC", name) != name:
        text += " (its accents are typed as separate marks)"
    return _problem(path, "bad-id", text, fix)


def _regular_yaml(path: Path, problems: list[Problem]) -> bool:
    """True when path is a regular .yml file; otherwise records why not."""
    name = path.name
    try:
        info = path.lstat()
    except OSError as exc:
        problems.append(_problem(path, "unreadable", f"The file cannot be read ({exc.strerror})", "Check the file's permissions"))
        return False
    if stat.S_ISLNK(info.st_mode):
        problems.append(
            _problem(
                path, "symlink", "This is a symbolic link, not a file or folder", "Replace the link with the real file or folder"
            )
        )
        return False
    if stat.S_ISDIR(info.st_mode):
        problems.append(
            _problem(
                path,
                "unexpected-folder",
                f"The folder `{name}` is not expected here",
                "Move its files to the right place (see CONTRIBUTING.md) and remove the folder",
            )
        )
        return False
    if not stat.S_ISREG(info.st_mode):
        problems.append(_problem(path, "not-a-file", "This is not a regular file", "Replace it with a plain .yml file"))
        return False
    if name.startswith("."):
        problems.append(
            _problem(
                path,
                "hidden-file",
                f"The hidden file `{name}` is not expected in the catalog",
                "Delete it, or rename it without the leading dot",
            )
        )
        return False
    if name.endswith((".yaml", ".YML", ".YAML", ".Yml")):
        stem = name.rsplit(".", 1)[0]
        # The suggested name must itself pass: `Summer Clinic Aide.yaml` becomes `summer-clinic-aide.yml`.
        fixed = stem if _valid(stem) or stem in VOCABULARIES else _suggested_id(stem)
        what = f"The file `{name}` has the wrong extension" + ("" if fixed == stem else " and a name that is not a valid id")
        fix = f"Rename it to `{fixed}.yml`" if fixed else "Rename it with lowercase letters, digits and hyphens, ending in .yml"
        problems.append(_problem(path, "extension", what, fix))
        return False
    if not name.endswith(".yml"):
        problems.append(
            _problem(
                path,
                "unexpected-file",
                f"The file `{name}` is not expected here",
                "Catalog files end in .yml; remove this file or move it out of catalog/",
            )
        )
        return False
    return True


def _children(folder: Path, problems: list[Problem]) -> list[Path]:
    try:
        return [folder / name for name in sorted(os.listdir(folder))]  # by name, as sorting the paths would
    except OSError as exc:
        problems.append(_problem(folder, "unreadable", f"The folder cannot be read ({exc.strerror})", "Check its permissions"))
        return []


def discover(root: Path) -> tuple[list[Entry], list[Path], list[Problem]]:
    """Classify everything under root. Returns (records, logo files, problems)."""
    entries: list[Entry] = []
    logos: list[Path] = []
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(
            _problem(root, "no-catalog", "The catalog folder does not exist", "Run the command from the project's root folder")
        )
        return entries, logos, problems

    shown = shown_under(root)

    def add(kind: str, ident: str, path: Path) -> None:
        entries.append(Entry(kind, ident, path, shown(path)))

    for child in _children(root, problems):
        name = child.name
        if name == "retired.yml" and _regular_yaml(child, problems):
            add("retired", "retired", child)
        elif name in ("employers", "pathways", "rubrics", "vocabularies") and child.is_dir() and not child.is_symlink():
            if name == "employers":
                _employers(child, add, logos, problems)
            else:
                _flat(child, name, add, problems)
        elif _regular_yaml(child, problems):
            problems.append(
                _problem(
                    child,
                    "unexpected-file",
                    f"The file `{name}` is not expected at the top of the catalog",
                    "Opportunities go in catalog/employers/<org-id>/, pathways in catalog/pathways/",
                )
            )
    # Without a vocabulary file its field would accept any value, so a missing one is an error.
    found = {e.id for e in entries if e.kind == "vocabulary"}
    vocab_dir = root / "vocabularies"
    for name in VOCABULARIES:
        if (
            name not in found
            and name not in OPTIONAL_VOCABULARIES
            and not any(p.path == shown_path(vocab_dir / f"{name}.yml") for p in problems)
        ):
            problems.append(
                _problem(
                    vocab_dir / f"{name}.yml",
                    "missing-vocabulary",
                    f"The vocabulary file `{name}.yml` is missing",
                    f"Add catalog/vocabularies/{name}.yml; the allowed values of the catalog come from it",
                )
            )
    return entries, logos, problems


def _flat(folder: Path, name: str, add: Callable[[str, str, Path], None], problems: list[Problem]) -> None:
    kind = {"pathways": "pathway", "rubrics": "rubric", "vocabularies": "vocabulary"}[name]
    children = _children(folder, problems)
    stems = [c.name[:-4] for c in children if c.name.endswith(".yml")]
    for child in children:
        if not _regular_yaml(child, problems):
            continue
        ident = child.name[:-4]
        if kind == "vocabulary" and ident not in VOCABULARIES:
            problems.append(
                _problem(
                    child,
                    "unexpected-file",
                    f"`{child.name}` is not one of the catalog's vocabularies",
                    suggest_name(child.name, [v + ".yml" for v in VOCABULARIES]),
                )
            )
        elif not _valid(ident):
            problems.append(_id_problem(child, ident, "file name", stems))
        else:
            add(kind, ident, child)


def suggest_name(name: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.8)
    if close:
        return f"Did you mean `{close[0]}`?"
    return "Use one of: " + ", ".join(f"`{a}`" for a in allowed)


def _employers(folder: Path, add: Callable[[str, str, Path], None], logos: list[Path], problems: list[Problem]) -> None:
    org_dirs = _children(folder, problems)
    folder_names = [d.name for d in org_dirs if d.is_dir() and not d.is_symlink()]
    for org_dir in org_dirs:
        if org_dir.is_symlink() or not org_dir.is_dir():
            if _regular_yaml(org_dir, problems):
                problems.append(
                    _problem(
                        org_dir,
                        "unexpected-file",
                        "Files in catalog/employers/ belong in an organization's folder",
                        f"Move it to catalog/employers/<org-id>/{org_dir.name}",
                    )
                )
            continue
        org = org_dir.name
        if not _valid(org):
            problems.append(_id_problem(org_dir, org, "folder name", folder_names))
            continue
        reserved = reserved_problem(org, "organization")
        if reserved:
            what = f"The folder name `{org}` {reserved}"
            fix = "Rename the folder to another id, such as the organization's name in lowercase with hyphens"
            problems.append(_problem(org_dir, "reserved-id", what, fix))
            continue
        has_profile = False
        children = _children(org_dir, problems)
        stems = [c.name[:-4] for c in children if c.name.endswith(".yml")]
        for child in children:
            if child.name in LOGOS and child.is_file() and not child.is_symlink():
                logos.append(child)
                continue
            if not _regular_yaml(child, problems):
                continue
            ident = child.name[:-4]
            if ident == "organization":
                has_profile = True
                add("organization", org, child)
            elif not _valid(ident):
                problems.append(_id_problem(child, ident, "file name", stems))
            else:
                add("opportunity", f"{org}/{ident}", child)
        if not has_profile:
            # A misspelt folder (`harbor-logisitcs/` next to `harbor-logistics/`) is far likelier than a new organization.
            profiled = [d.name for d in org_dirs if d.name != org and (d / "organization.yml").is_file()]
            close = difflib.get_close_matches(org, profiled, n=1, cutoff=0.75)
            if close:
                fix = (
                    f"Did you mean the folder `{close[0]}`? Move the files there and delete this folder; "
                    "for a new organization, add organization.yml here instead (see CONTRIBUTING.md)"
                )
            else:
                fix = template("missing-organization", 1)
            problems.append(
                _problem(
                    org_dir / "organization.yml",
                    "missing-organization",
                    template("missing-organization", 0, org=org),
                    fix,
                )
            )
