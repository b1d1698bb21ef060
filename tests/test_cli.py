"""`python -m generator check`: exit codes, the three output formats and `--against`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CATALOG_TODAY, FIXTURES, ROOT, copy_fixture, edit

from generator.commands.cli import main

LISTING = "employers/acme/welding-intern.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"
CLEAN = "12 files checked, 0 errors, 0 warnings"
TYPO = f"{SHOWN}:2:1: error: Unknown key `titel`. Did you mean `title`?"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_clean_catalog_exits_0(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == (0, [CLEAN], "")


def test_errors_exit_1(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / LISTING, "title:", "titel:")
    assert run(capsys) == (1, [TYPO, "12 files checked, 1 error, 0 warnings"], "")


def test_warnings_alone_exit_0(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / LISTING, 'last_reviewed: "2026-10-15"', 'last_reviewed: "2025-01-02"')
    code, lines, _ = run(capsys)
    assert code == 0
    assert lines == [
        f"{SHOWN}:50:16: warning: The listing was last reviewed on 2025-01-02, over a year ago. "
        "Check every detail, then set `last_reviewed` to today's date.",
        "12 files checked, 0 errors, 1 warning",
    ]


def test_missing_path_exits_2(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "catalog/employers/nope.yml") == (2, [], "check: error: catalog/employers/nope.yml does not exist\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bogus"], "python -m generator: error: unrecognized arguments: --bogus"),
        (
            ["--format", "xml"],
            "python -m generator check: error: argument --format: invalid choice: 'xml' (choose from 'text', 'github', 'json')",
        ),
    ],
)
def test_bad_option_exits_2(minimal: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", *argv])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == message


def test_bad_catalog_today_exits_2(minimal: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOG_TODAY", "22/11/2026")
    assert run(capsys) == (2, [], "error: CATALOG_TODAY must be a date written YYYY-MM-DD, not '22/11/2026'\n")


def test_exit_codes_in_a_real_process(minimal: Path) -> None:
    # In a real process every rule runs: with Spanish, the fixture listing is clean of warnings too.
    spanish = "translations: {es: {title: Pasantía de soldadura, summary: Una pasantía pagada de verano.}}\nstatus: open"
    edit(minimal / LISTING, "status: open", spanish)
    env = {**os.environ, "CATALOG_TODAY": CATALOG_TODAY, "PYTHONPATH": str(ROOT)}
    ok = subprocess.run([sys.executable, "-m", "generator", "check"], env=env, capture_output=True, text=True, timeout=120)
    assert (ok.returncode, ok.stdout) == (0, CLEAN + "\n")
    bad = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--nope"], env=env, capture_output=True, text=True, timeout=120
    )
    assert bad.returncode == 2
    missing = subprocess.run(
        [sys.executable, "-m", "generator", "check", "gone"], env=env, capture_output=True, text=True, timeout=120
    )
    assert (missing.returncode, missing.stderr) == (2, "check: error: gone does not exist\n")


def test_json_format(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / "pathways/manufacturing.yml", "name: Manufacturing", "nmae: Manufacturing")
    edit(minimal / LISTING, 'last_reviewed: "2026-10-15"', 'last_reviewed: "2025-01-02"')
    code = main(["check", "--format", "json"])
    problems = json.loads(capsys.readouterr().out)
    assert code == 1
    assert problems == [
        {
            "path": SHOWN,
            "line": 50,
            "column": 16,
            "severity": "warning",
            "code": "stale",
            "message": "The listing was last reviewed on 2025-01-02, over a year ago",
            "hint": "Check every detail, then set `last_reviewed` to today's date",
        },
        {
            "path": "catalog/pathways/manufacturing.yml",
            "line": 2,
            "column": 1,
            "severity": "error",
            "code": "unknown-key",
            "message": "Unknown key `nmae`",
            "hint": "Did you mean `name`?",
        },
    ]
    assert all(list(p) == ["path", "line", "column", "severity", "code", "message", "hint"] for p in problems)


def test_json_format_when_clean(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_format(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / LISTING, "title:", "titel:")
    assert run(capsys, "--format", "github") == (
        1,
        [
            f"::error file={SHOWN},line=2,col=1,title=unknown-key::Unknown key `titel`. Did you mean `title`?",
            "12 files checked, 1 error, 0 warnings",
        ],
        "",
    )


def test_github_format_escapes_hostile_keys_values_and_file_names(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / "employers/acme/organization.yml", "kind: employer", "kind: employer\na%0A::error::pwned: x")
    edit(minimal / LISTING, "status: open", 'status: "open\\r\\n::error::pwned 100%"')
    (minimal / "employers/acme/a,b:c.yml").write_text("title: x\n", encoding="utf-8")
    code, lines, _ = run(capsys, "--format", "github")
    assert code == 1
    assert lines == [
        "::error file=catalog/employers/acme/a%2Cb%3Ac.yml,line=1,col=1,title=bad-id::The file name `a,b:c` is not a valid id: "
        "use lowercase letters, digits and single hyphens. Rename it to `a-b-c`.",
        "::error file=catalog/employers/acme/organization.yml,line=4,col=1,title=unknown-key::Unknown key `a%250A::error::pwned`. "
        "Delete this line; the field reference on the Contribute page (/contribute/) lists the keys that belong here.",
        f"::error file={SHOWN},line=49,col=9,title=not-allowed::`status` has the value `open%0D%0A::error::pwned 100%25`, "
        "which is not allowed here. Did you mean `open`? Use one of: `open`, `closed`, `archived`.",
        "12 files checked, 3 errors, 0 warnings",
    ]
    # Every workflow command is one line that starts with `::`; nothing a contributor wrote starts a new one.
    assert sum(line.startswith("::") for line in lines) == 3


def test_text_format_keeps_one_problem_per_line(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / LISTING, "status: open", 'status: "open\\n::error::pwned"')
    code, lines, _ = run(capsys)
    assert code == 1
    assert lines == [
        f"{SHOWN}:49:9: error: `status` has the value `open\\x0a::error::pwned`, which is not allowed here. "
        "Did you mean `open`? Use one of: `open`, `closed`, `archived`.",
        "12 files checked, 1 error, 0 warnings",
    ]


def test_output_is_sorted_by_file_then_line(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / LISTING, "status: open", "status: opne")
    edit(minimal / LISTING, "title:", "titel:")
    edit(minimal / "pathways/manufacturing.yml", "occupations:", "ocupations:")
    edit(minimal / "employers/acme/organization.yml", "kind: employer", "kind: employr")
    code, lines, _ = run(capsys)
    located = [tuple(line.split(": ")[0].split(":")) for line in lines[:-1]]
    assert code == 1
    assert located == [
        ("catalog/employers/acme/organization.yml", "3", "7"),
        (SHOWN, "2", "1"),
        (SHOWN, "49", "9"),
        ("catalog/pathways/manufacturing.yml", "34", "1"),
    ]
    assert lines[-1] == "12 files checked, 4 errors, 0 warnings"


def test_paths_limit_what_is_reported(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / LISTING, "title:", "titel:")
    edit(minimal / "pathways/manufacturing.yml", "occupations:", "ocupations:")
    assert run(capsys, "catalog/employers/acme") == (1, [TYPO, "12 files checked, 1 error, 0 warnings"], "")
    assert run(capsys, "catalog/employers/acme/organization.yml") == (0, [CLEAN], "")


def test_catalog_found_from_a_subfolder(
    minimal: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(minimal / LISTING, "title:", "titel:")
    monkeypatch.chdir(minimal / "employers")
    code, lines, _ = run(capsys, "acme")
    assert code == 1
    assert lines == [
        "acme/welding-intern.yml:2:1: error: Unknown key `titel`. Did you mean `title`?",
        "12 files checked, 1 error, 0 warnings",
    ]


# --against REV -----------------------------------------------------------

GIT = shutil.which("git")
REPO_CLEAN = "13 files checked, 0 errors, 0 warnings"
DELETED = (
    "catalog/retired.yml:1:1: error: The listing `acme/welding-intern` was deleted, so links to it would break. "
    "Add it to catalog/retired.yml with a reason (`- id: acme/welding-intern` and `reason: ...`), "
    "or add it to `former_ids` of the listing that replaces it."
)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the minimal catalog and a second listing, both committed."""
    assert GIT, "git is needed for --against"
    monkeypatch.setenv("CATALOG_TODAY", CATALOG_TODAY)
    monkeypatch.chdir(tmp_path)
    root = copy_fixture("minimal", tmp_path)
    (root / "employers/acme/job-shadow.yml").write_text(
        (FIXTURES / "minimal" / LISTING).read_text(encoding="utf-8"), encoding="utf-8"
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Catalog")
    return root


def test_against_reports_a_deleted_listing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo.parent, "rm", "-q", f"catalog/{LISTING}")
    git(repo.parent, "commit", "-qm", "Remove a listing")
    assert run(capsys, "--against", "HEAD~1") == (1, [DELETED, "12 files checked, 1 error, 0 warnings"], "")


def test_against_sees_uncommitted_deletions(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / LISTING).unlink()
    assert run(capsys, "--against", "HEAD") == (1, [DELETED, "12 files checked, 1 error, 0 warnings"], "")


def test_against_accepts_a_retired_listing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo.parent, "rm", "-q", f"catalog/{LISTING}")
    (repo / "retired.yml").write_text("retired:\n  - id: acme/welding-intern\n    reason: The program ended.\n", encoding="utf-8")
    git(repo.parent, "add", "-A")
    git(repo.parent, "commit", "-qm", "Retire a listing")
    assert run(capsys, "--against", "HEAD~1") == (0, [REPO_CLEAN], "")


def test_against_accepts_a_renamed_listing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / LISTING).rename(repo / "employers/acme/welding-internship.yml")
    edit(
        repo / "employers/acme/welding-internship.yml",
        'last_reviewed: "2026-10-15"',
        'last_reviewed: "2026-10-15"\nformer_ids:\n  - acme/welding-intern',
    )
    assert run(capsys, "--against", "HEAD") == (0, [REPO_CLEAN], "")


def test_against_ignores_other_deletions(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "employers/acme/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    git(repo.parent, "add", "-A")
    git(repo.parent, "commit", "-qm", "Logo")
    (repo / "employers/acme/logo.svg").unlink()
    assert run(capsys, "--against", "HEAD") == (0, [REPO_CLEAN], "")


@pytest.mark.parametrize(
    ("rev", "message"),
    [
        (
            "no-such-rev",
            "catalog:1:1: error: Cannot compare with `no-such-rev`: fatal: bad revision 'no-such-rev'. "
            "Check that the revision exists (fetch it first in a shallow clone).",
        ),
        (
            "--output=x",
            "catalog:1:1: error: `--output=x` is not a git revision. Give a commit, branch or tag, such as origin/main.",
        ),
    ],
)
def test_against_a_bad_revision(repo: Path, capsys: pytest.CaptureFixture[str], rev: str, message: str) -> None:
    assert run(capsys, f"--against={rev}") == (1, [message, "13 files checked, 1 error, 0 warnings"], "")
    assert not (repo / "x").exists()


# PATH: every problem the given files cause, and only catalog paths ------------------

BASE = (FIXTURES / "minimal" / LISTING).read_text(encoding="utf-8")
SHADOW = "catalog/employers/acme/welding-shadow.yml"
RETIRED_SHADOW = (
    "catalog/retired.yml:2:9: error: `acme/welding-shadow` is retired but its file still exists. "
    f"Give the listing in {SHADOW} a new file name (a retired id is never used again), delete the file, "
    "or remove this entry if the same listing is offered again."
)


def test_check_file_reports_the_retired_id_it_reuses(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (minimal / "retired.yml").write_text(
        "retired:\n  - id: acme/welding-shadow\n    reason: The program ended.\n", encoding="utf-8"
    )
    (minimal / "employers/acme/welding-shadow.yml").write_text(BASE, encoding="utf-8")
    assert run(capsys, SHADOW) == (1, [RETIRED_SHADOW, "14 files checked, 1 error, 0 warnings"], "")
    # The folder of the new file, and retired.yml itself, report it too.
    assert run(capsys, "catalog/employers/acme")[1] == [RETIRED_SHADOW, "14 files checked, 1 error, 0 warnings"]
    assert run(capsys, "catalog/retired.yml")[1] == [RETIRED_SHADOW, "14 files checked, 1 error, 0 warnings"]


def test_check_file_reports_a_listing_that_claims_its_id(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / LISTING, 'last_reviewed: "2026-10-15"', 'last_reviewed: "2026-10-15"\nformer_ids:\n  - acme/welding-shadow')
    (minimal / "employers/acme/welding-shadow.yml").write_text(BASE, encoding="utf-8")
    code, lines, _ = run(capsys, SHADOW)
    assert code == 1
    assert lines == [
        f"{SHOWN}:52:5: error: The former id `acme/welding-shadow` belongs to a listing that still exists. "
        "Remove it from `former_ids`.",
        "13 files checked, 1 error, 0 warnings",
    ]


def test_check_file_leaves_out_problems_it_does_not_cause(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A broken reference and a retired id that were there before the new file are not the new file's.
    edit(minimal / LISTING, "  - manufacturing\n", "  - manufacturin\n")
    (minimal / "retired.yml").write_text("retired:\n  - id: acme/welding-intern\n    reason: Ended.\n", encoding="utf-8")
    (minimal / "employers/acme/welding-shadow.yml").write_text(BASE, encoding="utf-8")
    assert run(capsys, SHADOW) == (0, ["14 files checked, 0 errors, 0 warnings"], "")
    assert run(capsys)[0] == 1


def test_check_vocabulary_reports_every_file_it_breaks(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / "vocabularies/sectors.yml", "name: Manufacturing and Product Development", "name: Manufacturing")
    code, lines, _ = run(capsys, "catalog/vocabularies/sectors.yml")
    assert code == 1
    assert any(line.startswith(f"{SHOWN}:10:5: error: ") for line in lines), lines


def test_schema_error_and_reference_error_in_one_run(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with a schema problem still has its references checked: both come in one run, not one per run."""
    edit(minimal / LISTING, "title:", "titel:")
    edit(minimal / LISTING, "employer_of_record: self", "employer_of_record: self\nintermediary: unite-la-example")
    for argv in ([], [SHOWN]):
        code, lines, _ = run(capsys, *argv)
        assert code == 1
        assert lines[0] == TYPO
        assert lines[1].startswith(
            f"{SHOWN}:7:15: error: `intermediary` names the organization `unite-la-example`, which is not in the catalog."
        )
        assert lines[2:] == ["12 files checked, 2 errors, 0 warnings"]


def test_schema_error_in_one_file_and_cross_file_error_in_another(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # retired.yml breaks its schema (an entry without a reason) and retires a listing whose file exists.
    (minimal / "retired.yml").write_text(
        "retired:\n  - id: acme/welding-intern\n    reason: The program ended.\n  - id: acme/old\n", encoding="utf-8"
    )
    edit(minimal / "pathways/manufacturing.yml", "name: Manufacturing", "nmae: Manufacturing")
    code, lines, _ = run(capsys)
    assert code == 1
    assert [line.split(": error: ")[0] for line in lines[:-1]] == [
        "catalog/pathways/manufacturing.yml:2:1",
        "catalog/retired.yml:2:9",
        "catalog/retired.yml:4:5",
    ]
    assert "`acme/welding-intern` is retired but its file still exists" in lines[1]
    assert lines[-1] == "13 files checked, 3 errors, 0 warnings"


def test_path_outside_the_catalog(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal / LISTING, "title:", "titel:")
    (minimal.parent / "README.md").write_text("# Read me\n", encoding="utf-8")
    message = (
        "check: error: README.md is not in catalog/: check only checks catalog files. "
        "Run .venv/bin/python -m generator check to check the whole catalog.\n"
    )
    assert run(capsys, "README.md") == (2, [], message)
    assert run(capsys, SHOWN, "README.md") == (2, [], message)
    # A folder that holds the catalog means the whole catalog.
    assert run(capsys, ".") == (1, [TYPO, "12 files checked, 1 error, 0 warnings"], "")


def test_path_outside_another_catalog_folder(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    minimal.rename(minimal.parent / "listings")
    (minimal.parent / "notes.yml").write_text("x: 1\n", encoding="utf-8")
    assert run(capsys, "notes.yml", "--catalog", "listings") == (
        2,
        [],
        "check: error: notes.yml is not in listings/: check only checks catalog files. "
        "Run .venv/bin/python -m generator check --catalog listings to check the whole catalog.\n",
    )


def test_pre_commit_hook_reports_what_the_commit_causes(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The hook passes the staged catalog files to its entry; a new listing that reuses a retired id fails it."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = next(h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "catalog-check")
    program, flag, module, *argv = hook["entry"].split()
    assert (program, flag, module) == ("python", "-m", "generator") and hook["pass_filenames"] is True
    (minimal / "retired.yml").write_text("retired:\n  - id: acme/welding-shadow\n    reason: Ended.\n", encoding="utf-8")
    (minimal / "employers/acme/welding-shadow.yml").write_text(BASE, encoding="utf-8")
    assert main([*argv, SHADOW]) == 1
    assert "catalog/retired.yml:2:9: error: `acme/welding-shadow` is retired" in capsys.readouterr().out
