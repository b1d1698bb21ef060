"""A file that fails its schema still gets its own rules, on the parts that passed: every problem in one run."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, CACHE, check_lines, copy_fixture, edit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.load import Record, load_all
from generator.check.messages import to_problems
from generator.check.partial import blocked_paths, hides, readable
from generator.check.rules import Rules
from generator.check.yamlload import Loaded
from generator.commands.cli import main

LISTING = "employers/acme/welding-intern.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"


def _three_problems(root: Path) -> None:
    """One schema problem (`seats: 300+`) and two rule problems (grades the wrong way round; opens after the deadline)."""
    edit(root / LISTING, "sites:\n", "seats: 300+\nsites:\n")
    edit(root / LISTING, "    min: 11\n    max: 12", "    min: 12\n    max: 11")
    edit(root / LISTING, 'opens: "2027-01-05"', 'opens: "2027-04-05"')


THREE = [
    f"{SHOWN}:19:10: error: The lowest grade (12) is higher than the highest grade (11). Swap `min` and `max`.",
    f"{SHOWN}:32:13: error: `application.deadline` (2027-03-15) is before `application.opens` (2027-04-05). "
    "Dates go in this order: opens, deadline, start, end.",
    f"{SHOWN}:33:8: error: `seats` should be a whole number, not the text `300+`.",
]


@pytest.mark.parametrize("argv", [[], [SHOWN]], ids=["check", "check FILE"])
def test_a_schema_problem_and_two_rule_problems_come_in_one_run(
    minimal: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _three_problems(minimal)
    code = main(["check", *argv])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert len(lines) == 4, lines
    # In line order, each `path:line:col: severity: what is wrong. how to fix it.`
    for line, expected in zip(lines, THREE, strict=False):
        assert line.startswith(expected), (line, expected)
    assert lines[2].endswith("say so in `description`.")
    assert lines[3] == "12 files checked, 3 errors, 0 warnings"


def test_the_order_is_by_line_and_stable(minimal: Path) -> None:
    root = minimal
    _three_problems(root)
    first = check_lines(root)
    assert first == check_lines(root)
    assert [int(line.split(":")[1]) for line in first] == [19, 32, 33]


def test_a_rule_whose_input_failed_is_skipped_and_the_others_run(minimal: Path) -> None:
    root = minimal
    edit(root / LISTING, "amount: 18.5", 'amount: "18.50/hr"')
    edit(root / LISTING, 'opens: "2027-01-05"', 'opens: "2027-04-05"')
    lines = check_lines(root)
    assert [line.split(": error: ")[0] for line in lines] == [f"{SHOWN}:15:11", f"{SHOWN}:32:13"]
    assert "amount" in lines[0] and "date" not in lines[0]
    assert "is before `application.opens`" in lines[1]


def test_a_misspelt_key_is_not_also_reported_missing_by_a_rule(minimal: Path) -> None:
    root = minimal
    edit(root / LISTING, "deadline:", "deadlin:")
    edit(root / LISTING, "    min: 11\n    max: 12", "    min: 12\n    max: 11")
    lines = check_lines(root)
    assert len(lines) == 2, lines
    assert "The lowest grade (12) is higher" in lines[0]
    assert "Unknown key `deadlin`" in lines[1] and "`deadline`" in lines[1]
    assert not any("needs a deadline" in line for line in lines)


def test_a_listing_that_is_not_a_mapping_gets_only_its_schema_problem(minimal: Path) -> None:
    root = minimal
    (root / LISTING).write_text("- just\n- a list\n", encoding="utf-8")
    lines = check_lines(root)
    assert len(lines) == 1 and lines[0].startswith(f"{SHOWN}:1:1: error: ")


def test_blocked_paths_name_the_values_that_failed() -> None:
    validators = CACHE()
    data = {"pay": {"type": "paid", "amount": "x", "unit": "hour"}, "seats": "300+", "titel": "T", "zzz": 1}
    blocked = blocked_paths(validators.errors("opportunity", data))
    assert ("pay", "amount") in blocked and ("seats",) in blocked
    assert ("title",) in blocked  # `titel` stands for it
    assert ("zzz",) not in blocked and ("pay",) not in blocked
    assert ("sites",) in blocked  # required, and missing
    assert hides(blocked, ("pay", "amount")) and not hides(blocked, ("pay", "unit"))
    assert not readable(blocked, ("pay",)) and readable(blocked, ("schedule",), ("pay", "unit"))
    assert readable((), ("pay",)) and not readable(((),), ("anything",))


# -- no traceback on any shape: a listing with wrong values in random places --------------------------------------

_WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=6),
    st.sampled_from(["2027-02-30", "2027-01-01", "paid", "self", "acme", "open", "summer", "https://example.org"]),
    st.lists(st.one_of(st.integers(0, 3), st.text(max_size=3), st.dictionaries(st.text(max_size=3), st.integers())), max_size=3),
    st.dictionaries(
        st.sampled_from(["min", "max", "type", "amount", "id", "year", "kind", "opens", "deadline"]),
        st.integers(-2, 30),
        max_size=3,
    ),
)


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at] if at else []
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*at, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(_paths(item, (*at, i)))
    return found


def _put(data: dict[str, Any], path: tuple[Any, ...], value: Any, remove: bool) -> None:
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    if remove and isinstance(parent, dict):
        parent.pop(path[-1], None)
    else:
        parent[path[-1]] = value


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("partial"))
    # Give the listing the parts that rules read and the fixture lacks, so the fuzzing reaches them.
    edit(
        root / LISTING,
        "  work_permit: true\n",
        "  work_permit: true\ntracks:\n  - id: younger\n    name: Ages 14 to 15\n    eligibility: {age: {min: 14, max: 15}}\n"
        "    pay: {type: stipend, amount: 500, unit: total}\n  - id: older\n    name: Ages 16 to 24\n",
    )
    edit(root / LISTING, "  amount: 18.5\n", "  steps: [{year: 1, amount: 18.5}, {year: 2, amount: 19}]\n")
    edit(
        root / LISTING,
        '  deadline: "2027-03-15"\n',
        '  deadline: "2027-03-15"\n  mode: apply\n'
        "outcomes:\n  credits: [{kind: college, amount: 3}]\nemployer_roles: [{way: sponsor, amount: 500}]\n",
    )
    loading = load_all(root)
    assert not loading.problems and not loading.failed, loading.problems
    vocabularies = {r.id: r.data["items"] for r in loading.records if r.kind == "vocabulary"}
    return loading, CACHE(vocabularies)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_rules_never_raise_on_a_listing_of_the_wrong_shape(catalog: Any, data: st.DataObject) -> None:
    loading, validators = catalog
    listing = next(r for r in loading.records if r.kind == "opportunity")
    others = [r for r in loading.records if r is not listing]
    mutated = copy.deepcopy(listing.data)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(mutated)
        if not paths:
            break
        _put(mutated, data.draw(st.sampled_from(paths)), data.draw(_WRONG), data.draw(st.booleans()))
    loaded = Loaded(mutated)
    errors = validators.errors("opportunity", mutated)
    to_problems(listing.shown, loaded, errors, validators.def_names["opportunity"], validators.slow_schema("opportunity"))
    key = ("opportunity", listing.id)
    if errors:
        record = Record("opportunity", listing.id, listing.shown, mutated, loaded, blocked_paths(errors))
        rules = Rules(others, AS_OF, {key: record}, loading.logos)
    else:
        rules = Rules([*others, Record("opportunity", listing.id, listing.shown, mutated, loaded)], AS_OF, (), loading.logos)
    rules.run()
    assert rules.skipped == []


def test_a_rule_that_raises_on_a_failed_file_is_skipped_not_a_traceback(catalog: Any) -> None:
    loading, _ = catalog
    listing = next(r for r in loading.records if r.kind == "opportunity")
    others = [r for r in loading.records if r is not listing]
    broken = {**listing.data, "pay": {"type": "paid"}}  # a shape no schema error announced, as a new rule might meet
    record = Record("opportunity", listing.id, listing.shown, broken, Loaded(broken), (("seats",),))
    rules = Rules(others, dt.date(2026, 11, 22), {("opportunity", listing.id): record}, loading.logos)
    rules.run()
    assert rules.skipped == []
    del broken["pay"]["type"]
    rules = Rules(others, AS_OF, {("opportunity", listing.id): record}, loading.logos)
    rules.run()
    assert [(kind, ident) for kind, ident, _ in rules.skipped] == [("opportunity", listing.id)]
