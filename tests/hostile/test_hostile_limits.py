"""Bounded work, no input without a located outcome, and random inputs that never crash the checker or the build."""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from cases import BASE, CASES, LISTING, MINIMAL, TESTS, by_name
from hostile_support import AS_OF, case_catalog, expected_lines, minimal_here, run_cli, use_cached_validators
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.check.load import load_all
from generator.check.problems import as_github, as_text
from generator.exports import export_files
from generator.model.checked import check_catalog
from generator.render.site import render_site

# -- bounded work ------------------------------------------------------------------

QUADRATIC = BASE.replace("pathways:\n  - manufacturing", "pathways: [" + ", ".join(f"{{a: {i}}}" for i in range(12_000)) + "]")
MANY_VALUES = BASE + "notes: [" + ", ".join(["1"] * 60_000) + "]\n"


@pytest.mark.parametrize(
    ("name", "content", "first_line", "count"),
    [
        ("oversized-file", None, None, 1),
        ("sparse-4-gb-file", None, None, 1),
        ("billion-laughs", None, None, 1),
        ("brackets-10000-deep", None, None, 1),
        ("dashes-10000-deep", None, None, 1),
        (
            # jsonschema's uniqueItems compared these 12,000 mappings pair by pair: minutes of CPU for 120 KB.
            "mappings-in-a-unique-list",
            QUADRATIC,
            f"catalog/{LISTING}:11:12: error: `pathways`, item 1 should be text, not a set of keys. "
            "Write the text on the same line, after `- `; if the text itself contains `: `, put it all in double quotes.",
            12_000,
        ),
        (
            "more-values-than-the-limit",
            MANY_VALUES,
            f"catalog/{LISTING}:51:149853: error: The file has more than 50000 values. Split it up: one opportunity per file.",
            1,
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 and " " not in value else "",
)
def test_hostile_sizes_are_rejected_quickly_within_limits(
    tmp_path: Path, name: str, content: str | None, first_line: str | None, count: int
) -> None:
    """A real CLI process with 1 GB of address space and 20 s of CPU: exit 1 with the message, not a kill."""
    if content is None:
        case = by_name(name)
        case_catalog(case, tmp_path)
        first_line = expected_lines(case)[0]
    else:
        shutil.copytree(MINIMAL, tmp_path / "catalog")
        (tmp_path / "catalog" / LISTING).write_text(content, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run_cli(tmp_path, limits=True, timeout=60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    output = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
    assert result.returncode == 1, (result.returncode, output[-2000:])
    assert "Traceback" not in output and "MemoryError" not in output
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0] == first_line
    assert len(lines) == count + 1
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert cpu < 10, f"{cpu:.1f} s of CPU"


# -- every file ends as a record or a located problem ---------------------------


@pytest.fixture
def broken_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The broken_files fixture plus every hostile case at once, each listing under its own name."""
    use_cached_validators(monkeypatch)
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "catalog"
    shutil.copytree(TESTS / "fixtures" / "broken_files", root, symlinks=True)
    for case in CASES:
        if case.path == LISTING:
            (root / "employers" / "acme" / f"{case.name}.yml").write_bytes(case.content or b"")
        else:
            case.place(root)
    return Path("catalog")


def _entries(root: Path) -> Iterator[Path]:
    """Every file, link and special file under root, without following links."""
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            if path.is_symlink() or not path.is_dir():
                yield path


def test_every_file_is_a_record_or_has_a_located_problem(broken_catalog: Path) -> None:
    loading = load_all(broken_catalog)
    checked = check_catalog(broken_catalog, as_of=AS_OF)
    # A logo that passes its check is published, so it counts as shown.
    records = {record.shown for record in loading.records} | {Path(p).as_posix() for p in checked.catalog.logos.values()}
    located = {p.path for p in checked.problems}
    entries = list(_entries(broken_catalog))
    assert len(entries) > len(CASES)
    missing = []
    for path in entries:
        shown = path.as_posix()
        covered = shown in records or any(shown == where or shown.startswith(where.rstrip("/") + "/") for where in located)
        if not covered:
            missing.append(shown)
    assert not missing, missing
    assert all(p.line >= 1 and p.column >= 1 for p in checked.problems)
    # Listings that loaded are in the model, unless their organization is missing, which is an error of its own.
    loaded_listings = {r.id for r in loading.records if r.kind == "opportunity"}
    assert set(checked.catalog.opportunities) <= loaded_listings
    for ident in loaded_listings - set(checked.catalog.opportunities):
        org = ident.split("/")[0]
        assert any(
            p.code == "missing-organization" and p.path == f"catalog/employers/{org}/organization.yml" for p in checked.errors
        ), ident
    assert len(as_text(checked.problems)) == len(checked.problems)


# -- random mutations ----------------------------------------------------------

LINES = BASE.splitlines(keepends=True)
ODD_VALUES = [
    "no",
    "NO",
    "on",
    "yes",
    "010",
    "02134",
    "1_000",
    "1:30",
    "1e3",
    "0x1F",
    ".inf",
    "-.nan",
    "2027-02-30",
    "~",
    "''",
    '""',
    "[]",
    "{}",
    "[a, b",
    "{a: 1",
    "&a x",
    "*a",
    "!!binary aGk=",
    "!!python/object:os.system x",
    "|",
    ">-",
    "- x",
    '"\\ud800"',
    '"\\x07"',
    '"\\0"',
    "@x",
    "`x`",
    "%x",
    "? x",
    ": x",
    "#",
    "'",
    '"',
    "\\",
    "12345678901234567890",
]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
mutation = st.one_of(
    st.tuples(st.just("delete-line"), st.integers(0, len(LINES) - 1)),
    st.tuples(st.just("duplicate-line"), st.integers(0, len(LINES) - 1)),
    st.tuples(st.just("rename-key"), st.integers(0, len(LINES) - 1), TEXT),
    st.tuples(st.just("swap-value"), st.integers(0, len(LINES) - 1), st.sampled_from(ODD_VALUES)),
    st.tuples(st.just("insert-text"), st.integers(0, len(BASE)), TEXT),
    st.tuples(st.just("indent"), st.integers(0, len(LINES) - 1), st.sampled_from([" ", "  ", "\t", "- "])),
    st.tuples(st.just("truncate"), st.integers(0, len(BASE.encode()))),
    st.tuples(st.just("insert-bytes"), st.integers(0, len(BASE.encode())), st.binary(min_size=1, max_size=6)),
)


def mutate(steps: list[tuple]) -> bytes:
    lines = list(LINES)
    raw: bytes | None = None
    for step in steps:
        kind, where = step[0], step[1]
        if raw is not None or kind in ("truncate", "insert-bytes", "insert-text"):
            raw = raw if raw is not None else "".join(lines).encode("utf-8")
            where = min(where, len(raw))
            if kind == "truncate":
                raw = raw[:where]
            elif kind == "insert-bytes":
                raw = raw[:where] + step[2] + raw[where:]
            elif kind == "insert-text":
                raw = raw[:where] + step[2].encode("utf-8") + raw[where:]
            continue
        if not lines:
            continue
        where %= len(lines)
        line = lines[where]
        key, sep, value = line.partition(":")
        if kind == "delete-line":
            del lines[where]
        elif kind == "duplicate-line":
            lines.insert(where, line)
        elif kind == "rename-key" and sep:
            lines[where] = key[: len(key) - len(key.lstrip())] + step[2] + sep + value
        elif kind == "swap-value" and sep:
            lines[where] = f"{key}: {step[2]}\n"
        elif kind == "indent":
            lines[where] = step[2] + line
    return raw if raw is not None else "".join(lines).encode("utf-8")


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang("the checker took more than 20 s on one file")


@pytest.fixture
def mutation_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return minimal_here(tmp_path, monkeypatch)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(mutation, min_size=1, max_size=3))
def test_random_mutations_check_clean_or_give_located_errors(mutation_catalog: Path, steps: list[tuple]) -> None:
    raw = mutate(steps)
    (mutation_catalog / LISTING).write_bytes(raw)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)
    try:
        checked = check_catalog(mutation_catalog, as_of=AS_OF)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    shown = f"catalog/{LISTING}"
    text = raw.decode("utf-8", "replace")
    last_line = text.count("\n") + text.count("\r") + 2
    for problem in checked.problems:
        assert problem.path == shown, problem
        assert 1 <= problem.line <= last_line, problem
        assert problem.column >= 1, problem
        assert problem.message and problem.hint, problem
    if not checked.problems:
        assert "acme/welding-intern" in checked.catalog.opportunities
    assert len(as_text(checked.problems)) == len(checked.problems)
    assert all("\n" not in line and "\r" not in line for line in as_github(checked.problems))


# -- whatever the checker accepts renders ---------------------------------------------

LINE = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Cf", "Zl", "Zp"]), min_size=1, max_size=40).filter(
    str.strip
)
MARKDOWN = st.text(
    st.one_of(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), st.sampled_from(list("<>&[]()*_`#!{}|:\n\t\"'"))),
    min_size=1,
    max_size=80,
).filter(str.strip)
DATES = st.lists(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)), min_size=5, max_size=5).map(sorted)
# Now and then the extremes the checker must turn away: 9999-12-31 once overflowed the calendar export.
EXTREME_DATES = st.sampled_from([dt.date.min, dt.date(1899, 12, 31), dt.date(2200, 1, 1), dt.date.max])
SOMETIMES = st.integers(0, 9).map(lambda n: n == 0)
AMOUNT = st.integers(1, 100_000_000).map(lambda cents: cents / 100)


@st.composite
def accepted_listing(draw: st.DrawFn) -> dict:
    opens, deadline, start, end, reviewed = draw(DATES)
    if draw(st.integers(0, 3)) == 0:
        extreme = draw(EXTREME_DATES)
        if extreme.year > 2000:
            deadline = start = end = extreme
        else:
            opens = reviewed = extreme
    low, high = sorted(draw(st.lists(st.integers(6, 14), min_size=2, max_size=2)))
    amount = draw(AMOUNT)
    seats = draw(st.integers(1, 100_000))
    data = yaml.safe_load(BASE)
    data.update(
        # Now and then with half a surrogate pair, which YAML writes as an escape such as "\ud800".
        title=draw(LINE) + ("\ud800" if draw(SOMETIMES) else ""),
        summary=draw(LINE),
        description=draw(MARKDOWN),
        status=draw(st.sampled_from(["open", "closed", "archived"])),
        last_reviewed=reviewed.isoformat(),
        # Whole numbers are sometimes written as 4.0, which once reached range() as a float.
        seats=draw(st.sampled_from([seats, float(seats)])),
    )
    data["pay"] = {
        "type": "paid",
        "amount": amount,
        "amount_max": amount + draw(st.integers(0, 99_999)) / 100,
        "unit": "hour",
    }
    data["eligibility"]["grades"] = {"min": draw(st.sampled_from([low, float(low)])), "max": high}
    data["application"].update(opens=opens.isoformat(), deadline=deadline.isoformat(), how=draw(LINE))
    data["schedule"].update(start=start.isoformat(), end=end.isoformat(), times=draw(LINE))
    data["sites"][0].update(name=draw(LINE), transit=draw(LINE))
    data["contact"]["role"] = draw(LINE)
    return data


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=accepted_listing())
def test_whatever_the_checker_accepts_renders_and_exports(mutation_catalog: Path, data: dict) -> None:
    """A value that checks clean never breaks the build later (a lone surrogate, a year 9999 and `11.0` once did)."""
    (mutation_catalog / LISTING).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    checked = check_catalog(mutation_catalog, as_of=AS_OF)
    assume(checked.ok)
    pages = render_site(checked.catalog, "https://wbl-catalog.example.org/", None, {"opportunity:acme/welding-intern"})
    assert any(page.url == "opportunities/acme/welding-intern/" for page in pages)
    for page in pages:
        page.content.encode("utf-8")
    for payload in export_files(checked.catalog, "https://wbl-catalog.example.org/", mutation_catalog).values():
        assert isinstance(payload, bytes)
