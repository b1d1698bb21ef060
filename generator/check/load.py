"""Read every catalog file and check it against its schema."""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.check.discover import Entry, discover, shown_path
from generator.check.logos import read_logo
from generator.check.messages import to_problems
from generator.check.problems import Problem
from generator.check.schemas import Validators
from generator.check.yamlload import MAX_BYTES, Loaded, decode, load
from generator.processes import can_fork

# From this many files on, a second process shares the parsing.
SHARE_FROM = 2000


@dataclass(frozen=True, slots=True)
class Record:
    """One file that parsed and passed its schema."""

    kind: str
    id: str
    shown: str
    data: dict[str, Any]
    loaded: Loaded

    def at(self, *path: Any, key: bool = False) -> tuple[int, int]:
        return self.loaded.where(tuple(path), key=key)


@dataclass(frozen=True, slots=True)
class Loading:
    records: list[Record]
    logos: list[Path]
    problems: list[Problem]
    files: int
    # (kind, id) of files that exist but failed to load or to pass their schema; their own
    # problems say why, so references to them are not reported a second time.
    failed: frozenset[tuple[str, str]] = frozenset()


def read_entry(entry: Entry) -> tuple[Loaded | None, list[Problem]]:
    """Bytes to located data, or located problems. Never raises for bad input."""
    try:
        with entry.path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [
            Problem(
                entry.shown,
                1,
                1,
                "error",
                "unreadable",
                f"The file cannot be read ({exc.strerror})",
                "Check the file's permissions",
            )
        ]
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                entry.shown,
                1,
                1,
                "error",
                "file-too-large",
                f"The file is larger than {MAX_BYTES // 1024} KB",
                "Shorten the description, or split the content into several listings",
            )
        ]
    text, problems = decode(entry.shown, raw)
    if text is None:
        return None, problems
    return load(entry.shown, text)


def _read_safely(entry: Entry) -> tuple[Loaded | None, list[Problem]]:
    try:
        return read_entry(entry)
    except Exception as exc:  # noqa: BLE001 - any surprise is a located problem, never a traceback
        return None, [
            Problem(
                entry.shown,
                1,
                1,
                "error",
                "unreadable",
                f"The file could not be read ({type(exc).__name__})",
                "Check that it is a plain UTF-8 YAML file",
            )
        ]


def _read_share(entries: list[Entry], conn: Any) -> None:
    try:
        conn.send([_read_safely(entry) for entry in entries])
    finally:
        conn.close()


def read_all(entries: list[Entry]) -> list[tuple[Loaded | None, list[Problem]]]:
    """Every entry read and parsed, in order. In a large catalog a forked process parses the second half
    while this one parses the first: parsing is most of a check."""
    if len(entries) < SHARE_FROM or not can_fork():
        return [_read_safely(entry) for entry in entries]
    half = len(entries) // 2
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_read_share, args=(entries[half:], sender), daemon=True)
    child.start()
    sender.close()
    mine = [_read_safely(entry) for entry in entries[:half]]
    try:
        theirs: list[tuple[Loaded | None, list[Problem]]] = receiver.recv()
    except (EOFError, OSError):  # the process died; read its half here instead
        theirs = [_read_safely(entry) for entry in entries[half:]]
    finally:
        receiver.close()
        child.join()
    return mine + theirs


def checked_logos(found: list[Path], problems: list[Problem]) -> list[Path]:
    """The logos that can be published; each of the others is a located problem."""
    kept: dict[Path, Path] = {}
    for path in sorted(found):
        problem, _ = read_logo(path)
        if problem:
            problems.append(Problem(shown_path(path), 1, 1, "error", "bad-logo", *problem))
        elif path.parent in kept:
            what = "The organization has both logo.png and logo.svg"
            problems.append(Problem(shown_path(path), 1, 1, "error", "two-logos", what, "Keep one of them and delete the other"))
        else:
            kept[path.parent] = path
    return list(kept.values())


def load_all(root: Path) -> Loading:
    entries, found_logos, problems = discover(root)
    logos = checked_logos(found_logos, problems)
    parsed: list[tuple[Entry, Loaded]] = []
    for entry, (loaded, found) in zip(entries, read_all(entries), strict=True):
        problems.extend(found)
        if loaded is not None:
            parsed.append((entry, loaded))

    # Vocabularies decide the allowed values of other files, so they go first.
    validators = Validators()
    vocabularies: dict[str, list[dict[str, Any]]] = {}
    records: list[Record] = []
    for entry, loaded in parsed:
        if entry.kind == "vocabulary":
            record = _validated(entry, loaded, validators, problems)
            if record:
                records.append(record)
                vocabularies[entry.id] = record.data["items"]
    validators = Validators(vocabularies)
    for entry, loaded in parsed:
        if entry.kind != "vocabulary":
            record = _validated(entry, loaded, validators, problems)
            if record:
                records.append(record)
    passed = {(r.kind, r.id) for r in records}
    failed = frozenset((e.kind, e.id) for e in entries if (e.kind, e.id) not in passed)
    return Loading(records, logos, problems, len(entries), failed)


def _validated(entry: Entry, loaded: Loaded, validators: Validators, problems: list[Problem]) -> Record | None:
    data = loaded.data
    if validators.is_valid(entry.kind, data):
        return Record(entry.kind, entry.id, entry.shown, data, loaded)
    errors = validators.errors(entry.kind, data)
    if not errors:  # the two validators disagree; trust the detailed one
        return Record(entry.kind, entry.id, entry.shown, data, loaded)
    problems.extend(
        to_problems(entry.shown, loaded, errors, validators.def_names[entry.kind], validators.slow_schema(entry.kind))
    )
    return None
