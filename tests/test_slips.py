"""The habits of first drafts: times, weekdays and values written in other words."""

from __future__ import annotations

import pytest

from generator.check.slips import clock, clock_fix, clock_range, key_hint, value_hint, weekday


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("6:30 PM", ("18:30", True)),
        ("9am", ("09:00", True)),
        ("12 p.m.", ("12:00", True)),
        ("12:15 AM", ("00:15", True)),
        ("7:00", ("07:00", False)),
        ("18:30", ("18:30", True)),
        ("25:00", None),
        ("13 pm", None),
        ("noon", None),
    ],
)
def test_clock_reads_the_usual_ways_of_writing_a_time(typed: str, read: tuple[str, bool] | None) -> None:
    assert clock(typed) == read


def test_an_hour_without_morning_or_evening_offers_both() -> None:
    assert (
        clock_fix("3:30", "to")
        == 'Write `to: "03:30"` for the morning, or `to: "15:30"` for the afternoon or evening (24-hour time, in quotes)'
    )
    assert clock_fix("later") == ""


@pytest.mark.parametrize(
    ("typed", "ends"),
    [
        ("10:00-11:00", ("10:00", "11:00")),
        ("4 - 5:30 pm", ("16:00", "17:30")),
        ("3:30 PM to 6 PM", ("15:30", "18:00")),
        ("5-4", None),
    ],
)
def test_clock_range_carries_one_am_or_pm_to_both_ends(typed: str, ends: tuple[str, str] | None) -> None:
    assert clock_range(typed) == ends


def test_weekday_names() -> None:
    assert [weekday(d) for d in ("Tuesday", "Thurs.", "SAT", "someday")] == ["tue", "thu", "sat", None]


def test_value_in_other_words_is_offered_only_when_the_list_has_it() -> None:
    assert value_hint("eligibility.status", "GED", ["in-school", "graduated"]).startswith("Write `graduated`")
    assert value_hint("eligibility.status", "GED", ["in-school"]) == ""
    assert value_hint("schedule.days", "Friday", ["mon", "fri"]) == "Write `fri`, the word this list uses"


def test_a_key_hint_needs_the_field_it_points_to() -> None:
    # An organization file has no `sites`: `location` there is no habit of a listing.
    assert key_hint("", ["name", "locations"], "location", {"location": "Downtown"}) == ""
    assert (
        key_hint("pay", ["type", "amount", "unit"], "Hourly-Rate", {"Hourly-Rate": "$18.50/hr"})
        == "The pay goes in `amount`: write `amount: 18.50` with `unit:` hour, week, month or total"
    )
