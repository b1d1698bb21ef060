"""Every hostile case gets its exact located outcome, in process and from the CLI.

- in process: `check_catalog` returns exactly the expected problems;
- the CLI (`main` for every case, and a real `python -m generator check`
  process for a few, in all three formats) prints exactly those lines,
  exits 0 or 1, never prints a traceback, and never prints what a symlink
  points at;
- GitHub annotations stay one inert command per problem.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cases import CASES, LISTING, Case, by_name
from hostile_support import AS_OF, as_row, case_catalog, expected_lines, expected_rows, run_cli, use_cached_validators

from generator.check.problems import as_github, as_text
from generator.commands.cli import main
from generator.model.checked import check_catalog

IDS = [case.name for case in CASES]
CLEAN = "12 files checked, 0 errors, 0 warnings"


def test_there_are_at_least_40_distinct_cases() -> None:
    assert len(CASES) >= 40
    assert len(set(IDS)) == len(IDS)
    assert {case.group for case in CASES} == {"yaml", "schema", "files"}


# -- in process ----------------------------------------------------------------


@pytest.fixture
def checked_case(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    case: Case = request.param
    use_cached_validators(monkeypatch)
    monkeypatch.chdir(tmp_path)
    case_catalog(case, tmp_path)
    return case, check_catalog(Path("catalog"), as_of=AS_OF)


@pytest.mark.parametrize("checked_case", CASES, ids=IDS, indirect=True)
def test_checker_reports_exactly_the_expected_problems(checked_case) -> None:
    case, checked = checked_case
    assert [as_row(p) for p in checked.problems] == expected_rows(case)
    assert checked.ok == (not case.expect)
    if case.path == LISTING:
        assert ("acme/welding-intern" in checked.catalog.opportunities) == (not case.expect or case.loads)
    if case.secret:
        assert case.secret not in repr(checked.problems)


@pytest.mark.parametrize("checked_case", CASES, ids=IDS, indirect=True)
def test_github_annotations_are_one_inert_command_per_problem(checked_case) -> None:
    _case, checked = checked_case
    lines = as_github(checked.problems)
    assert len(lines) == len(checked.problems)
    for line in lines:
        assert re.fullmatch(r"::(error|warning) file=[^,\r\n]*,line=\d+,col=\d+,title=[a-z0-9-]+::[^\r\n]*", line), line
        properties, _, message = line[2:].partition("::")
        # A value can add neither a line (a new command) nor a property, and `::` inside the message is text.
        assert ":" not in properties.split("file=", 1)[1].split(",line=")[0]
        assert "\n" not in message and "\r" not in message
        # `@name` would notify a GitHub user or team from the annotation; a zero-width space keeps it plain text.
        assert not re.search(r"@\w", message), message


def test_annotations_escape_what_a_contributor_controls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_cached_validators(monkeypatch)
    monkeypatch.chdir(tmp_path)
    names = ("mention-and-command-in-key", "key-with-crlf", "workflow-command-in-file-name")
    for name in names:
        (tmp_path / name).mkdir()
        case_catalog(by_name(name), tmp_path / name)
    lines = {name: as_github(check_catalog(Path(name) / "catalog", as_of=AS_OF).problems) for name in names}
    assert lines["mention-and-command-in-key"] == [
        "::error file=mention-and-command-in-key/catalog/employers/acme/welding-intern.yml,line=51,col=1,title=unknown-key::"
        "Unknown key `@\u200boctocat ::error::pwned %250A`. "
        "This looks like text that contains `: `; put the whole value in double quotes."
    ]
    assert lines["key-with-crlf"][0].startswith(
        "::error file=key-with-crlf/catalog/employers/acme/welding-intern.yml,line=51,col=1,title=unknown-key::"
        "Unknown key `bad%0D%0Akey`."
    )
    assert lines["workflow-command-in-file-name"] == [
        "::error file=workflow-command-in-file-name/catalog/employers/acme/evil%0A%3A%3Aerror%3A%3Apwned.yml,"
        "line=1,col=1,title=bad-id::The file name `evil%0A::error::pwned` is not a valid id: "
        "use lowercase letters, digits and single hyphens. Rename it to `evil-error-pwned`."
    ]


def test_text_output_keeps_one_problem_per_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_cached_validators(monkeypatch)
    monkeypatch.chdir(tmp_path)
    case_catalog(by_name("key-with-crlf"), tmp_path)
    (line,) = as_text(check_catalog(Path("catalog"), as_of=AS_OF).problems)
    assert line == (
        "catalog/employers/acme/welding-intern.yml:51:1: error: Unknown key `bad\\x0d\\x0akey`. "
        "Delete this line; the field reference on the Contribute page (/contribute/) lists the keys that belong here."
    )


# -- the CLI: every case through `main`, and a few through a real process ---------------

# These cases also go through the other two formats, and all three formats run as real processes, where the
# output is encoded for a terminal or a pipe: a hidden character in a file name, CR/LF in a key, a symlink.
OTHER_FORMATS = ("key-with-crlf", "mention-and-command-in-key", "workflow-command-in-file-name", "symlink-to-etc-passwd")


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: bytes
    stderr: bytes


def _in_process(folder: Path, fmt: str) -> Ran:
    """`python -m generator check` as the CLI's own `main`: the same code path, without starting Python."""
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--format", fmt])
    finally:
        os.chdir(here)
    return Ran(code, out.getvalue().encode("utf-8", "backslashreplace"), err.getvalue().encode("utf-8", "backslashreplace"))


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    runs: dict[tuple[str, str], Any] = {}
    real: list[tuple[str, str, Path]] = []
    with pytest.MonkeyPatch.context() as patch:
        use_cached_validators(patch)
        patch.setenv("CATALOG_TODAY", AS_OF.isoformat())
        for case in CASES:
            folder = tmp_path_factory.mktemp(case.name[:40])
            case_catalog(case, folder)
            if case.name in OTHER_FORMATS:
                real += [(case.name, fmt, folder) for fmt in ("text", "github", "json")]
            else:
                runs[(case.name, "text")] = _in_process(folder, "text")

    def run(job: tuple[str, str, Path]):
        name, fmt, folder = job
        return (name, fmt), run_cli(folder, "--format", fmt)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        runs.update(pool.map(run, real))
    return runs


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_cli_prints_exactly_the_expected_lines_and_no_traceback(cli_runs, case: Case) -> None:
    result = cli_runs[(case.name, "text")]
    stdout, stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert "Traceback" not in stdout + stderr
    assert result.returncode == (1 if case.expect else 0), stdout + stderr
    assert stderr == ""
    lines = stdout.splitlines()
    assert lines[:-1] == expected_lines(case)
    assert re.fullmatch(r"\d+ files? checked, \d+ errors?, 0 warnings", lines[-1])
    if case.secret:
        assert case.secret not in stdout


@pytest.mark.parametrize("name", OTHER_FORMATS)
def test_cli_github_and_json_formats(cli_runs, name: str) -> None:
    case = by_name(name)
    github, as_json = cli_runs[(name, "github")], cli_runs[(name, "json")]
    for result in (github, as_json):
        output = (result.stdout + result.stderr).decode("utf-8")
        assert result.returncode == 1 and "Traceback" not in output
        if case.secret:
            assert case.secret not in output
    annotations = github.stdout.decode("utf-8").split("\n")
    assert annotations[-1] == ""  # every line, the last one too, ends with a line feed
    assert len(annotations[:-2]) == len(case.expect) and all(a.startswith("::error file=catalog/") for a in annotations[:-2])
    assert "\r" not in github.stdout.decode("utf-8")
    rows = [(item["path"], item["line"], item["column"], item["severity"], item["code"]) for item in json.loads(as_json.stdout)]
    assert rows == [row[:5] for row in expected_rows(case)]


def test_the_clean_minimal_catalog_is_the_baseline(tmp_path: Path) -> None:
    case_catalog(Case("clean", "yaml", LISTING), tmp_path)  # no content: the fixture as it is
    result = run_cli(tmp_path)
    assert (result.returncode, result.stdout.decode()) == (0, CLEAN + "\n")


@pytest.mark.parametrize(
    "name", ["symlink-to-etc-passwd", "symlink-to-outside-folder", "symlinked-pathways-folder", "fifo-is-never-opened"]
)
def test_links_and_special_files_are_never_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The checker reports a link or a pipe from its directory entry alone: it never opens what is behind it."""
    use_cached_validators(monkeypatch)
    monkeypatch.chdir(tmp_path)
    case = by_name(name)
    root = case_catalog(case, tmp_path)
    opened: list[Path] = []
    real_open = io.open

    def spy(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)):
            opened.append(Path(os.path.abspath(file)))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr("builtins.open", spy)
    checked = check_catalog(Path("catalog"), as_of=AS_OF)
    assert [as_row(p) for p in checked.problems] == expected_rows(case)
    assert opened, "the spy sees the files the checker reads"
    entry = (root / case.path).absolute()
    for path in opened:
        assert path != entry and entry not in path.parents, path
        assert not path.resolve().is_relative_to("/etc"), path
