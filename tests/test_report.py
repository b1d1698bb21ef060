"""`python -m generator report`: the coverage figures as text, Markdown, JSON and CSV.

Figures are those of tests/fixtures/coverage; test_coverage.py shows how each
one is worked out by hand (6 open listings of 8, 140 seats, ...).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, CATALOG_TODAY, FIXTURES, ROOT, copy_fixture, edit

from generator.commands import report
from generator.model.checked import check_catalog

COVERAGE = FIXTURES / "coverage"


def run_report(*args: str) -> int:
    """The report command in-process, through its own register(), as cli.main dispatches it."""
    parser = argparse.ArgumentParser(prog="python -m generator")
    report.register(parser.add_subparsers(dest="command"))
    namespace = parser.parse_args(["report", *args])
    return namespace.func(namespace)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run_report(*args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _today(catalog_today) -> None:
    """Every test here runs as of 2026-11-22, through CATALOG_TODAY as the command sees it."""


def test_json(capsys) -> None:
    code, out, err = run(capsys, "--catalog", str(COVERAGE), "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["as_of"] == "2026-11-22"
    assert (data["listings"], data["open"], data["seats"], data["seats_unknown"]) == (8, 6, 140, 1)
    assert [(g["kind"], g["subject"]) for g in data["gaps"]] == [
        ("sector", "transportation"),
        ("stage", "preparation"),
        ("area", "central-la"),
    ]
    assert data["gap_sentences"][1] == "Career preparation: no open opportunities in any sector."
    assert data["pay_total"]["share_percent"] == 67  # 4 paid or stipend of 6
    assert data["matrix"]["empty_by_stage"]["preparation"][0] == "agriculture-and-natural-resources"
    assert [f["listings"] for f in data["freshness"]] == [2, 2, 1, 1]
    assert data["names"]["rubrics"]["key-distinguishers"]["levels"]["exemplary"] == "Exemplary"


def test_csv_reads_back(capsys) -> None:
    code, out, _ = run(capsys, "--catalog", str(COVERAGE), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["table", "row_id", "row", "column_id", "column", "value"]
    value = {(r["table"], r["row_id"], r["column_id"]): r["value"] for r in rows}
    assert value[("summary", "seats", "value")] == "140"
    # Transportation, awareness: O2, 100 seats.
    assert value[("matrix", "transportation", "awareness.listings")] == "1"
    assert value[("matrix", "transportation", "awareness.seats")] == "100"
    assert value[("matrix", "all", "training.seats")] == "20"
    assert value[("pay", "manufacturing-and-product-development", "hourly_min")] == "18.50"
    assert value[("pay", "manufacturing-and-product-development", "hourly_max")] == "24.00"
    assert value[("pay", "agriculture-and-natural-resources", "paid_share")] == ""  # no listings: no share
    assert value[("bands", "high", "seats")] == "140"
    assert value[("areas", "southeast-la", "seats")] == "104"
    assert value[("levels:key-distinguishers", "partnerships", "not-assessed")] == "2"
    assert value[("freshness", "older", "listings")] == "1"
    assert value[("deadlines", "valley-hub/clinic-internship", "days_left")] == "30"
    assert value[("gaps", "1", "subject")] == "transportation"


def test_markdown_has_the_tables(capsys) -> None:
    code, out, _ = run(capsys, "--catalog", str(COVERAGE), "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Coverage and quality"
    assert (
        "1. Transportation: no open paid training opportunity, although the sector offers 100 seats at earlier stages." in lines
    )
    assert "| Sector | Career awareness | Career exploration | Career preparation | Career training | All stages |" in lines
    assert "|---|---:|---:|---:|---:|---:|" in lines
    assert "| Transportation | 1 (100) | none | none | none | 1 (100) |" in lines
    assert "| Manufacturing and Product Development | 3 | 2 | 0 | 67% | $18.50 | $24.00 | 0 |" in lines
    assert "| Partnerships | 1 | 1 | 1 | 1 | 2 |" in lines
    assert "| Within 90 days | 2 |" in lines
    for heading in ("## Seats by grade band", "## Seats by area", "## Freshness", "## Deadlines in the next 30 days"):
        assert heading in lines
    tables = [line for line in lines if line.startswith("|---")]
    assert len(tables) == 9  # summary, matrix, pay, bands, areas, levels, signals, freshness, deadlines
    widths = {line.count("|") for line in lines if line.startswith("| Sector | Listings")}
    assert widths == {9}


def test_text_and_spanish(capsys) -> None:
    code, out, _ = run(capsys, "--catalog", str(COVERAGE))
    assert code == 0
    assert out.startswith("COVERAGE AND QUALITY\n")
    assert "2. Career preparation: no open opportunities in any sector." in out
    code, out, _ = run(capsys, "--catalog", str(COVERAGE), "--lang", "es")
    assert code == 0
    assert "Las tres brechas más grandes" in out and "1. Transporte:" in out and "Within 90 days" not in out


@pytest.mark.parametrize("fmt", report.FORMATS)
def test_output_is_stable(capsys, fmt: str) -> None:
    first = run(capsys, "--catalog", str(COVERAGE), "--format", fmt)
    second = run(capsys, "--catalog", str(COVERAGE), "--format", fmt)
    assert first == second


def test_broken_catalog_exits_1_with_the_checkers_messages(capsys, tmp_path: Path) -> None:
    root = copy_fixture("coverage", tmp_path)
    edit(root / "employers" / "harbor-works" / "port-tour.yml", "stage: awareness", "stage: awarenes")
    code, out, err = run(capsys, "--catalog", str(root), "--format", "json")
    assert code == 1
    assert out == ""
    assert "port-tour.yml:" in err and ": error: " in err
    assert "1 error" in err.splitlines()[-1]


def test_broken_catalog_exit_status_from_the_shell(tmp_path: Path) -> None:
    root = copy_fixture("coverage", tmp_path)
    (root / "employers" / "valley-hub" / "lab-internship.yml").write_text("title: [unclosed\n", encoding="utf-8")
    env = {"CATALOG_TODAY": CATALOG_TODAY, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "report", "--catalog", str(root)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "lab-internship.yml:1:" in result.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "generator", "report", "--catalog", str(COVERAGE), "--format", "csv"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0 and ok.stdout.startswith("table,row_id,row,column_id,column,value\n")


def test_missing_catalog_is_a_usage_error(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "--catalog", str(tmp_path / "nowhere"))
    assert code == 2 and out == "" and "does not exist" in err


def test_date_warnings_do_not_fail_the_report(capsys) -> None:
    # The fixture has a stale listing and a passed deadline: warnings only.
    assert {p.severity for p in check_catalog(COVERAGE, as_of=AS_OF).problems} == {"warning"}
    code, _, err = run(capsys, "--catalog", str(COVERAGE))
    assert code == 0 and err == ""


def test_second_rubric_flows_into_the_report(capsys) -> None:
    code, out, _ = run(capsys, "--catalog", str(FIXTURES / "two_rubrics"), "--format", "json")
    assert code == 0
    rubrics = {r["rubric"]: r for r in json.loads(out)["rubrics"]}
    assert set(rubrics) == {"key-distinguishers", "career-readiness"}
    second = rubrics["career-readiness"]
    assert second["levels"] == ["starting", "growing", "strong"]
    rows = {r["criterion"]: (r["counts"], r["not_assessed"]) for r in second["rows"]}
    # O4: strong on all three; O5: growing on workplace skills, strong on reflection. 6 open listings.
    assert rows == {"workplace-skills": ([0, 1, 1], 4), "reflection": ([0, 0, 2], 4), "employer-feedback": ([0, 0, 1], 5)}
    assert second["assessed"] == 2
    # O5 left key-distinguishers: partnerships is now O2 emerging, O1 established, O3 exemplary.
    first = {r["criterion"]: (r["counts"], r["not_assessed"]) for r in rubrics["key-distinguishers"]["rows"]}
    assert first["partnerships"] == ([1, 0, 1, 1], 3)
    code, out, _ = run(capsys, "--catalog", str(FIXTURES / "two_rubrics"), "--format", "markdown")
    assert "## Quality self-assessments: Career readiness" in out.splitlines()
    assert "| Criterion | 1. Starting | 2. Growing | 3. Strong | Not assessed |" in out.splitlines()
    assert "| Workplace skills | 0 | 1 | 1 | 4 |" in out.splitlines()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_for_large_catalogs(capsys, monkeypatch) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(report, "PROGRESS_THRESHOLD", 5)  # the fixture has 19 files
    code = run_report("--catalog", str(COVERAGE), "--format", "json")
    assert code == 0
    shown = terminal.getvalue()
    assert "Checking 20 catalog files…" in shown
    assert shown.endswith("\r\x1b[K")  # the line is cleared before the report is printed
    json.loads(capsys.readouterr().out)


def test_no_progress_when_small_or_not_a_terminal(monkeypatch) -> None:
    terminal = FakeTerminal()
    with report.Progress(COVERAGE, stream=terminal):  # 19 files, under the threshold
        pass
    assert terminal.getvalue() == ""
    pipe = io.StringIO()
    with report.Progress(COVERAGE, stream=pipe, threshold=0):  # large enough, but not a terminal
        pass
    assert pipe.getvalue() == ""


def test_help_lists_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "report", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    for option in ("--format", "--catalog", "--lang", "text,markdown,json,csv"):
        assert option in result.stdout
