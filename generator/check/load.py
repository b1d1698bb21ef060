"""Read every catalog file and check it against its schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check.discover import Entry, discover, shown_path
from generator.check.logos import read_logo
from generator.check.messages import to_problems
from generator.check.parsecache import ParseCache, for_catalog
from generator.check.partial import blocked_paths, hides, readable
from generator.check.problems import Problem
from generator.check.schemas import Validators
from generator.check.yamlload import MAX_BYTES, Loaded, decode, load
from generator.processes import side_by_side

# From this many files on, a second process shares the parsing, and runs the rules while the model is built
# (generator/model/checked.py).
SHARE_FROM = 2000
# How deep each kind of file sits in the catalog, which the schemas folder is next to: the editor line
# `# yaml-language-server: $schema=...` of a file there must climb this many folders to reach schemas/.
DEPTH = {"retired": 1, "pathway": 2, "rubric": 2, "vocabulary": 2, "organization": 3, "opportunity": 3}
MODELINE = re.compile(r"^[ \t]*#[ \t]*yaml-language-server[ \t]*:[ \t]*\$schema=(\S*)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Record:
    """One file that parsed and passed its schema, or, with `blocked`, one that parsed and failed it."""

    kind: str
    id: str
    shown: str
    data: dict[str, Any]
    loaded: Loaded
    # The places its schema errors make unreadable (see partial.py); empty for a file that passed.
    blocked: tuple[tuple[Any, ...], ...] = ()
    # The same places as a set, so asking about one value costs its depth, not the number of places (a file with
    # 12,000 wrong list items would otherwise cost 12,000 squared comparisons).
    marks: frozenset[tuple[Any, ...]] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "marks", frozenset(self.blocked))

    def at(self, *path: Any, key: bool = False) -> tuple[int, int]:
        return self.loaded.where(tuple(path), key=key)

    def readable(self, *paths: tuple[Any, ...]) -> bool:
        """Whether the rules may read each of paths, with all it holds: always, once the file passed its schema."""
        return not self.blocked or readable(self.blocked, *paths)

    def hides(self, path: tuple[Any, ...]) -> bool:
        """Whether the value at path, or something that holds it, failed the schema."""
        return bool(self.marks) and hides(self.marks, path)


@dataclass(frozen=True, slots=True)
class Loading:
    records: list[Record]
    logos: list[Path]
    problems: list[Problem]
    files: int
    # (kind, id) of files that exist but failed to load or to pass their schema; their own
    # problems say why, so references to them are not reported a second time. Each maps to the
    # file's data when it parsed (None when it did not), so the rules between files still run on
    # it: one run reports a file's schema problems and its broken references together.
    failed: Mapping[tuple[str, str], Record | None] = field(default_factory=dict)
    # The parse cache, when the check uses one: saved once the rules have run, with what they found.
    cache: ParseCache | None = None


def read_raw(entry: Entry) -> bytes:
    """The file's bytes, at most one more than a file may have. Raises OSError."""
    with entry.path.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)


def read_entry(entry: Entry, raw: bytes | None = None) -> tuple[Loaded | None, list[Problem]]:
    """Bytes (read here unless given) to located data, or located problems. Never raises for bad input."""
    try:
        if raw is None:
            raw = read_raw(entry)
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
    loaded, found = load(entry.shown, text)
    return loaded, [*modeline_problems(entry, text), *found]


def modeline(kind: str) -> str:
    """The editor line's schema path for a file of kind, relative to where such files live in the catalog."""
    return "../" * DEPTH[kind] + f"schemas/{kind}.schema.json"


def modeline_problems(entry: Entry, text: str) -> list[Problem]:
    """A `$schema=` editor line that leads nowhere (often one copied from another folder) would give the
    contributor no help, or another kind's rules, while they type: say which line is right here."""
    problems: list[Problem] = []
    if "yaml-language-server" not in text:  # most files: a substring test is far quicker than the expression
        return problems
    right = modeline(entry.kind)
    if text.startswith(f"# yaml-language-server: $schema={right}\n") and text.count("yaml-language-server") == 1:
        return problems  # the line the starter templates and synth write, and no other
    for match in MODELINE.finditer(text):
        given = match.group(1)
        # The published schemas (/schemas/<kind>.schema.json on the site) serve editors as well.
        if given == right or (given.startswith("https://") and given.endswith(f"/schemas/{entry.kind}.schema.json")):
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start(1) - match.start() + 1
        problems.append(
            Problem(
                entry.shown,
                line,
                column,
                "error",
                "wrong-schema-line",
                f"`$schema={given}` does not lead to the {entry.kind} schema from this folder, so editors cannot help with this file",
                f"Change the line to `# yaml-language-server: $schema={right}`",
            )
        )
    return problems


# A file to read, with its bytes when they were read already.
Item = tuple[Entry, bytes | None]


def _read_safely(item: Item) -> tuple[Loaded | None, list[Problem]]:
    entry = item[0]
    try:
        return read_entry(*item)
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


def _cached(entry: Entry, cache: ParseCache) -> tuple[Loaded, list[Problem]] | bytes | None:
    """The file as an earlier check parsed it, when its bytes have not changed since; else its bytes to parse
    (None when it cannot be read: parsing says why)."""
    try:
        raw = read_raw(entry)
    except OSError:
        return None
    if len(raw) > MAX_BYTES:
        return raw
    data = cache.hit(entry, raw)
    if data is None:
        return raw
    text, problems = decode(entry.shown, raw)
    if text is None or problems:
        return raw
    return Loaded(data, text=text), modeline_problems(entry, text)


def read_all(entries: list[Entry], cache: ParseCache | None = None) -> list[tuple[Loaded | None, list[Problem]]]:
    """Every entry read and parsed, in order; with a cache, only the entries it does not know are parsed."""
    if cache is None:
        return _parse_all([(entry, None) for entry in entries])
    results: list[tuple[Loaded | None, list[Problem]] | None] = []
    items: list[Item] = []  # the files to parse, with the bytes already read
    for entry in entries:
        found = _cached(entry, cache)
        if isinstance(found, tuple):
            results.append(found)
        else:
            results.append(None)
            items.append((entry, found))
    missed = [i for i, result in enumerate(results) if result is None]
    for i, result in zip(missed, _parse_all(items), strict=True):
        results[i] = result
        loaded, problems = result
        if loaded is not None and not problems:
            cache.keep(entries[i], loaded.data)
    return [result for result in results if result is not None]


def _parse_all(items: list[Item]) -> list[tuple[Loaded | None, list[Problem]]]:
    """Every entry read and parsed, in order. In a large catalog a forked process parses the second half
    while this one parses the first: parsing is most of a check."""
    if len(items) < SHARE_FROM:
        return [_read_safely(item) for item in items]
    half = len(items) // 2
    mine, theirs = side_by_side(
        lambda: [_read_safely(item) for item in items[:half]], lambda: [_read_safely(item) for item in items[half:]]
    )
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


def load_all(root: Path, cache: bool = False) -> Loading:
    """Every file of the catalog parsed and checked against its schema; `cache` keeps parsed files from one
    check to the next (parsecache.py), in a catalog large enough for it to pay."""
    entries, found_logos, problems = discover(root)
    logos = checked_logos(found_logos, problems)
    parsed: list[tuple[Entry, Loaded]] = []
    kept = for_catalog(root, entries, cache)
    for entry, (loaded, found) in zip(entries, read_all(entries, kept), strict=True):
        problems.extend(found)
        if loaded is not None:
            parsed.append((entry, loaded))

    # Vocabularies decide the allowed values of other files, so they go first.
    validators = Validators()
    vocabularies: dict[str, list[dict[str, Any]]] = {}
    records: list[Record] = []
    blocked: dict[tuple[str, str], tuple[tuple[Any, ...], ...]] = {}
    for entry, loaded in parsed:
        if entry.kind == "vocabulary":
            record = _validated(entry, loaded, validators, problems, blocked, kept)
            if record:
                records.append(record)
                vocabularies[entry.id] = record.data["items"]
    validators = Validators(vocabularies)
    for entry, loaded in parsed:
        if entry.kind != "vocabulary":
            record = _validated(entry, loaded, validators, problems, blocked, kept)
            if record:
                records.append(record)
    passed = {(r.kind, r.id) for r in records}
    failed: dict[tuple[str, str], Record | None] = {(e.kind, e.id): None for e in entries if (e.kind, e.id) not in passed}
    for entry, loaded in parsed:
        if (entry.kind, entry.id) in failed and isinstance(loaded.data, dict):
            # A file whose errors are not known (it never reached the detailed validator) blocks everything.
            where = blocked.get((entry.kind, entry.id), ((),))
            failed[entry.kind, entry.id] = Record(entry.kind, entry.id, entry.shown, loaded.data, loaded, where)
    return Loading(records, logos, problems, len(entries), failed, kept)


def _validated(
    entry: Entry,
    loaded: Loaded,
    validators: Validators,
    problems: list[Problem],
    blocked: dict[tuple[str, str], tuple[tuple[Any, ...], ...]],
    cache: ParseCache | None = None,
) -> Record | None:
    data = loaded.data
    if cache and cache.passed(entry.shown, validators.fingerprint(entry.kind)):
        return Record(entry.kind, entry.id, entry.shown, data, loaded)
    if validators.is_valid(entry.kind, data):
        if cache:
            cache.mark_passed(entry.shown, validators.fingerprint(entry.kind))
        return Record(entry.kind, entry.id, entry.shown, data, loaded)
    errors = validators.errors(entry.kind, data)
    if not errors:  # the two validators disagree; trust the detailed one
        return Record(entry.kind, entry.id, entry.shown, data, loaded)
    blocked[entry.kind, entry.id] = blocked_paths(errors)
    problems.extend(
        to_problems(
            entry.shown,
            loaded,
            errors,
            validators.def_names[entry.kind],
            validators.slow_schema(entry.kind),
            validators.aliases,
        )
    )
    return None
