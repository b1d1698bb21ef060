"""`from-issue`: the answers a non-programmer writes a line at a time (pay steps, application windows, credits)
and the endorsements chosen from the region's list, each into its structured field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, check_lines
from test_from_issue import FORM, answer, fixture_text, form_fields, write_issue, written
from test_starter import make_small_catalog

from generator.commands import issue_form
from generator.commands.cli import main


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog_today: Any) -> Path:
    monkeypatch.chdir(tmp_path)
    root = make_small_catalog(tmp_path)
    (root / "vocabularies" / "endorsements.yml").write_text(
        (ROOT / "catalog" / "vocabularies" / "endorsements.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert check_lines(root) == []
    return root


def errors_in(lines: list[str]) -> list[str]:
    return [line for line in lines if ": error: " in line]


def apprenticeship() -> str:
    """A three-year apprenticeship with wage steps, two application windows, credits and an endorsement."""
    text = fixture_text("complete.md")
    for label, value in {
        "Pay": "paid",
        "Pay amount in dollars": "_No response_",
        "Pay is per": "hour",
        "Pay steps by year": "year 1: 18.50\nyear 2: $20\n- Year 3: 22.25 an hour",
        "Application deadline": "_No response_",
        "Application windows": "2027-01-11 – 2027-03-01\n2027-6-1 to 2027-07-15",
        "Credits students earn": "college: 3 units from Harborview Community College\napprenticeship hours: 160",
        "Endorsements students can earn": "State Seal of Biliteracy, ACT WorkKeys National Career Readiness Certificate – Silver",
    }.items():
        text = answer(text, label, value)
    return text


def test_steps_windows_credits_and_endorsements_are_written_and_check_clean(small: Path, tmp_path: Path, capsys: Any) -> None:
    assert main(["from-issue", write_issue(tmp_path, apprenticeship())]) == 0
    assert errors_in(capsys.readouterr().out.splitlines()) == []
    data = written(small)
    assert data["pay"] == {
        "type": "paid",
        "steps": [{"year": 1, "amount": 18.5}, {"year": 2, "amount": 20}, {"year": 3, "amount": 22.25}],
        "unit": "hour",
    }
    assert data["application"]["windows"] == [
        {"opens": "2027-01-11", "deadline": "2027-03-01"},
        {"opens": "2027-06-01", "deadline": "2027-07-15"},
    ]
    assert "deadline" not in data["application"] and "rolling" not in data["application"]
    assert data["outcomes"] == {
        "credits": [
            {"kind": "college", "amount": 3, "from": "Harborview Community College"},
            {"kind": "apprenticeship-hours", "amount": 160},
        ],
        "endorsements": ["state-seal-of-biliteracy", {"id": "act-workkeys-ncrc", "tier": "silver"}],
    }
    assert list(data).index("seats") < list(data).index("outcomes") < list(data).index("contact")
    assert errors_in(check_lines(small)) == []


@pytest.mark.parametrize(
    ("label", "value", "problem"),
    [
        (
            "Pay steps by year",
            "year 1: 18.50\nsecond year 20",
            "Pay steps by year, line 2: `second year 20` cannot be read. Write one a line, such as `year 1: 18.50`.",
        ),
        (
            "Application windows",
            "January 11 to March 1",
            "Application windows, line 1: `January 11 to March 1` cannot be read (write the dates as year-month-day). "
            "Write one a line, such as `2027-01-11 – 2027-03-01`.",
        ),
        (
            "Application windows",
            "2027-01-11 and then 2027-03-01",
            "Application windows, line 1: `2027-01-11 and then 2027-03-01` cannot be read. "
            "Write one a line, such as `2027-01-11 – 2027-03-01`.",
        ),
        (
            "Credits students earn",
            "units: 3",
            "Credits students earn, line 1: `units: 3` cannot be read (it starts with one of: apprenticeship, "
            "apprenticeship hours, college, high school). Write one a line, such as "
            "`college: 3 units from Harborview Community College`.",
        ),
        (
            "Credits students earn",
            "three college units",
            "Credits students earn, line 1: `three college units` cannot be read. Write one a line, such as "
            "`college: 3 units from Harborview Community College`.",
        ),
    ],
)
def test_a_line_that_cannot_be_read_is_named_and_nothing_is_written(
    small: Path, tmp_path: Path, capsys: Any, label: str, value: str, problem: str
) -> None:
    text = answer(answer(fixture_text("complete.md"), label, value), "Application deadline", "_No response_")
    if label != "Application windows":
        text = answer(text, "Application windows", "2027-01-11 – 2027-03-01")
    if label == "Pay steps by year":
        text = answer(text, "Pay amount in dollars", "_No response_")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    assert capsys.readouterr().err.splitlines()[1:-1] == [f"  - {problem}"]
    assert not (small / "employers" / "kaiser-permanente-socal" / "radiology-summer-shadow.yml").exists()


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"Application deadline": "_No response_"},
            "Application deadline: no answer. Give the last day to apply, `rolling`, or the dates under Application windows.",
        ),
        (
            {"Application windows": "2027-01-11 – 2027-03-01"},
            "Application deadline: leave it empty when Application windows are given; each window has its own last day.",
        ),
        (
            {"Pay steps by year": "year 1: 18\nyear 2: 19"},
            "Pay amount in dollars: leave it empty when Pay steps by year are given; the page shows the range of the steps.",
        ),
    ],
)
def test_answers_that_say_the_same_thing_twice_or_not_at_all(
    small: Path, tmp_path: Path, capsys: Any, changes: dict[str, str], problem: str
) -> None:
    text = fixture_text("complete.md")
    for label, value in changes.items():
        text = answer(text, label, value)
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    assert capsys.readouterr().err.splitlines()[1:-1] == [f"  - {problem}"]


def test_an_endorsement_the_list_no_longer_has_is_written_for_the_checker_to_report(
    small: Path, tmp_path: Path, capsys: Any
) -> None:
    text = answer(fixture_text("complete.md"), "Endorsements students can earn", "State Seal of Biliteracy, Retired Badge")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    assert written(small)["outcomes"] == {"endorsements": ["state-seal-of-biliteracy", "Retired Badge"]}
    assert any("`Retired Badge`" in line for line in errors_in(capsys.readouterr().out.splitlines()))


def test_the_form_offers_every_endorsement_of_the_list_and_its_levels() -> None:
    items = yaml.safe_load((ROOT / "catalog" / "vocabularies" / "endorsements.yml").read_text(encoding="utf-8"))["items"]
    field = next(f for f in form_fields() if f["id"] == "endorsements")
    assert field["type"] == "dropdown" and field["attributes"]["multiple"] is True
    assert field["attributes"]["options"] == list(issue_form.endorsement_options(items))
    # GitHub joins the choices of a dropdown with ", ", so a choice must not hold one.
    assert not any(", " in option for option in field["attributes"]["options"])


def test_the_form_says_a_program_with_tracks_is_written_as_yaml() -> None:
    text = FORM.read_text(encoding="utf-8")
    assert "several tracks" in text and "CONTRIBUTING.md#several-tracks" in text
    assert "\n#### Several tracks\n" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2027-01-11 – 2027-03-01", {"opens": "2027-01-11", "deadline": "2027-03-01"}),
        ("2027-01-11 - 2027-03-01", {"opens": "2027-01-11", "deadline": "2027-03-01"}),
        ("2027-01-11—2027-03-01", {"opens": "2027-01-11", "deadline": "2027-03-01"}),
        ("opens 2027-1-11, closes 2027-3-1", {"opens": "2027-01-11", "deadline": "2027-03-01"}),
        ("* 2027-01-11 through 2027-03-01", {"opens": "2027-01-11", "deadline": "2027-03-01"}),
    ],
)
def test_windows_as_people_type_them(typed: str, expected: dict[str, str]) -> None:
    assert issue_form.windows(typed) == ([expected], [])


def test_credits_as_people_type_them() -> None:
    found, problems = issue_form.credits(
        "High School: 5 credits, from Long Beach Unified.\n1. college: 1.5 units\nApprenticeship hours: 1,200 hours granted by IBEW Local 11"
    )
    assert problems == []
    assert found == [
        {"kind": "high-school", "amount": 5, "from": "Long Beach Unified"},
        {"kind": "college", "amount": 1.5},
        {"kind": "apprenticeship-hours", "amount": 1200, "from": "IBEW Local 11"},
    ]


# -- worksites across areas and listed event dates -------------------------------------------


def spread_out_series() -> str:
    """A program with worksites in two areas, meeting on three listed days after school."""
    text = fixture_text("complete.md")
    for label, value in {
        "Event dates": "2027-05-05\n- 2027-5-19\n2027-06-02",
        "Start time": "4 pm",
        "End time": "5:30 p.m.",
        "Worksites across areas": "East Los Angeles, San Gabriel Valley",
        "Site city": "_No response_",
        "Site ZIP code": "_No response_",
    }.items():
        text = answer(text, label, value)
    return text


def test_worksites_across_areas_and_event_dates_are_written_and_check_clean(small: Path, tmp_path: Path, capsys: Any) -> None:
    assert main(["from-issue", write_issue(tmp_path, spread_out_series())]) == 0
    assert errors_in(capsys.readouterr().out.splitlines()) == []
    data = written(small)
    assert data["schedule"] == {"dates": ["2027-05-05", "2027-05-19", "2027-06-02"], "from": "16:00", "to": "17:30"}
    assert data["sites"] == [
        {
            "name": "Los Angeles Medical Center",
            "across": ["east-la", "san-gabriel-valley"],
            "mode": "in-person",
            "transit": "Metro B Line to Vermont/Sunset, then a short walk.",
        }
    ]
    assert errors_in(check_lines(small)) == []


def test_the_whole_region_is_written_as_region(small: Path, tmp_path: Path, capsys: Any) -> None:
    text = answer(spread_out_series(), "Worksites across areas", "The whole Los Angeles region, Westside")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    assert written(small)["sites"][0]["across"] == "region"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"Event dates": "2027-05-05\nMay 19\n2027-06-02"},
            "Event dates, line 2: `May 19` cannot be read (write the date as year-month-day). "
            "Write one a line, such as `2027-02-03`.",
        ),
        (
            {"Event dates": "2027-05-05, 2027-05-19"},
            "Event dates, line 1: `2027-05-05, 2027-05-19` cannot be read (one date a line). "
            "Write one a line, such as `2027-02-03`.",
        ),
        (
            {"Event dates": "2027-05-05\n2027-05-19 at 4 pm"},
            "Event dates, line 2: `2027-05-19 at 4 pm` cannot be read (only the date: the time goes under Start time "
            "and End time). Write one a line, such as `2027-02-03`.",
        ),
        (
            {"Event dates": "2027-05-05"},
            "Event dates: give two or more dates, one a line; for a one-day event, give the day under First day and "
            "Last day instead.",
        ),
        (
            {"Site city": "Los Angeles"},
            "Site city: leave it empty when Worksites across areas are chosen; worksites spread across areas have no "
            "single address. For one site at one address, leave the areas empty instead.",
        ),
        (
            {"In person or remote": "remote"},
            "Worksites across areas: leave it empty for an online-only (remote) site, which is in no area; "
            "or choose in-person or hybrid under In person or remote.",
        ),
    ],
)
def test_dates_and_areas_that_cannot_be_written_are_named_and_nothing_is_written(
    small: Path, tmp_path: Path, capsys: Any, changes: dict[str, str], problem: str
) -> None:
    text = spread_out_series()
    for label, value in changes.items():
        text = answer(text, label, value)
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    assert capsys.readouterr().err.splitlines()[1:-1] == [f"  - {problem}"]
    assert not (small / "employers" / "kaiser-permanente-socal" / "radiology-summer-shadow.yml").exists()


def test_an_area_the_list_no_longer_has_is_written_for_the_checker_to_report(small: Path, tmp_path: Path, capsys: Any) -> None:
    text = answer(spread_out_series(), "Worksites across areas", "East Los Angeles, Old Town")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    assert written(small)["sites"][0]["across"] == ["east-la", "Old Town"]
    assert any("Old Town" in line for line in errors_in(capsys.readouterr().out.splitlines()))


def test_the_form_offers_the_region_and_every_area_that_is_a_place() -> None:
    def items(name: str) -> list[dict]:
        return yaml.safe_load((ROOT / "catalog" / "vocabularies" / f"{name}.yml").read_text(encoding="utf-8"))["items"]

    field = next(f for f in form_fields() if f["id"] == "across")
    assert field["type"] == "dropdown" and field["attributes"]["multiple"] is True
    options = issue_form.area_options(items("areas"), items("regions"))
    assert field["attributes"]["options"] == list(options)
    assert options["The whole Los Angeles region"] == "region" and "online" not in options.values()
    # GitHub joins the choices of a dropdown with ", ", so a choice must not hold one.
    assert not any(", " in option for option in options)
