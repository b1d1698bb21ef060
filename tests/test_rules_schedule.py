"""The checker's messages for the time facts of a listing: times of day, ranges of weeks and hours, weekdays."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_lines, edit

LISTING = "employers/acme/welding-intern.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"
END = '  end: "2027-08-06"\n'  # the last line of the minimal listing's schedule (line 27)


def schedule(extra: str) -> tuple[str, str]:
    """Lines added to the schedule, starting on line 28."""
    return END, END + extra


TIME_FIX = "Write 24-hour time such as 09:00 or 18:30."


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        pytest.param(
            '  from: 9am\n  to: "17:00"\n',
            [
                f'{SHOWN}:28:9: error: `schedule.from` is not a time written HH:MM. Write `from: "09:00"` (24-hour time, in quotes).'
            ],
            id="am-pm-word",
        ),
        pytest.param(
            '  from: "09:00"\n  to: 5:00 PM\n',
            [f'{SHOWN}:29:7: error: `schedule.to` is not a time written HH:MM. Write `to: "17:00"` (24-hour time, in quotes).'],
            id="twelve-hour-clock",
        ),
        pytest.param(
            '  from: "9:00"\n  to: "17:00"\n',
            [
                f"{SHOWN}:28:9: error: `schedule.from` is not a time written HH:MM. "
                'Write `from: "09:00"` for the morning, or `from: "21:00"` for the afternoon or evening (24-hour time, in quotes).'
            ],
            id="one-digit-hour",
        ),
        pytest.param(
            '  from: "24:00"\n  to: "23:00"\n',
            [f"{SHOWN}:28:9: error: `schedule.from` is not a time written HH:MM. {TIME_FIX}"],
            id="no-hour-24",
        ),
        pytest.param(
            '  from: "18:00"\n  to: "08:00"\n',
            [
                f"{SHOWN}:29:7: error: `to` (08:00) is not later than `from` (18:00). "
                "Write the start time in `from` and the end time in `to`, in 24-hour time (2 p.m. is 14:00)."
            ],
            id="to-before-from",
        ),
        pytest.param(
            '  from: "10:00"\n  to: "10:00"\n',
            [
                f"{SHOWN}:29:7: error: `to` (10:00) is not later than `from` (10:00). "
                "Write the start time in `from` and the end time in `to`, in 24-hour time (2 p.m. is 14:00)."
            ],
            id="to-equals-from",
        ),
        pytest.param(
            '  from: "10:00"\n',
            [
                f"{SHOWN}:28:3: error: `schedule` has `from` without `to`. "
                "Add `to:` as a 24-hour time such as 17:30, so the page can say when it starts and ends."
            ],
            id="from-without-to",
        ),
        pytest.param(
            "  weeks: 8\n  weeks_max: 6\n",
            [
                f"{SHOWN}:29:14: error: `weeks_max` (6) is lower than `weeks` (8). "
                "Write the smallest number in `weeks` and the largest in `weeks_max`."
            ],
            id="weeks-max-below-weeks",
        ),
        pytest.param(
            "  hours_per_week: 20\n  hours_per_week_max: 15\n",
            [
                f"{SHOWN}:29:23: error: `hours_per_week_max` (15) is lower than `hours_per_week` (20). "
                "Write the smallest number in `hours_per_week` and the largest in `hours_per_week_max`."
            ],
            id="hours-max-below-hours",
        ),
        pytest.param(
            "  total_hours: 120\n  total_hours_max: 100\n",
            [
                f"{SHOWN}:29:20: error: `total_hours_max` (100) is lower than `total_hours` (120). "
                "Write the smallest number in `total_hours` and the largest in `total_hours_max`."
            ],
            id="total-max-below-total",
        ),
        pytest.param(
            "  weeks_max: 8\n",
            [
                f"{SHOWN}:28:3: error: `weeks_max` is the top of a range that has no bottom. "
                "Add `weeks:` with the smallest number (for a fixed number, write only `weeks:`)."
            ],
            id="weeks-max-alone",
        ),
        pytest.param(
            "  weeks_max: 300\n  weeks: 8\n",
            [f"{SHOWN}:28:14: error: `schedule.weeks_max` is 300, but it must be at most 260. Use a number up to 260."],
            id="weeks-max-over-five-years",
        ),
        pytest.param(
            "  total_hours: 6000\n",
            [f"{SHOWN}:28:16: error: `schedule.total_hours` is 6000, but it must be at most 5000. Use a number up to 5000."],
            id="total-hours-too-many",
        ),
        pytest.param(
            "  total_hours_at_least: true\n",
            [
                f"{SHOWN}:28:3: error: `total_hours_at_least` says the hours in all are a minimum, but there is no "
                "`total_hours`. Add `total_hours:` with the fewest hours a student must reach, such as `total_hours: 100`."
            ],
            id="at-least-without-hours",
        ),
        pytest.param(
            "  total_hours: 100\n  total_hours_max: 120\n  total_hours_at_least: true\n",
            [
                f"{SHOWN}:30:3: error: `total_hours_at_least` and `total_hours_max` both say how the hours in all vary. "
                "Keep `total_hours_at_least: true` for a minimum with no top, or `total_hours_max` for a range."
            ],
            id="at-least-and-a-range",
        ),
    ],
)
def test_a_time_mistake_gets_a_located_message(minimal: Path, added: str, expected: list[str]) -> None:
    edit(minimal / LISTING, *schedule(added))
    assert check_lines(minimal) == expected


@pytest.mark.parametrize(
    "added",
    [
        pytest.param('  from: "09:00"\n  to: "17:30"\n', id="a-day"),
        pytest.param('  from: "00:00"\n  to: "23:59"\n', id="the-whole-day"),
        pytest.param("  weeks: 6\n  weeks_max: 8\n  hours_per_week: 12\n  hours_per_week_max: 15\n", id="ranges"),
        pytest.param("  weeks: 8\n  weeks_max: 8\n", id="a-range-of-one"),
        pytest.param("  total_hours: 100\n  total_hours_max: 120\n", id="total-range"),
        pytest.param("  total_hours: 100\n  total_hours_at_least: true\n", id="at-least-100-hours"),
        pytest.param('  days: [sat]\n  sessions: 6\n  from: "08:00"\n  to: "12:00"\n  total_hours: 24\n', id="six-saturdays"),
        pytest.param("  days: [thu, tue]\n", id="days-in-any-order"),
    ],
)
def test_time_facts_that_check(minimal: Path, added: str) -> None:
    edit(minimal / LISTING, *schedule(added))
    assert check_lines(minimal) == []


def test_an_unknown_weekday_is_located_and_the_right_id_suggested(minimal: Path) -> None:
    edit(minimal / LISTING, *schedule("  days: [tues]\n"))
    [line] = check_lines(minimal)
    assert line.startswith(f"{SHOWN}:28:10: error: `schedule.days`"), line
    assert "`tues`, which is not allowed here. Did you mean `tue`?" in line
