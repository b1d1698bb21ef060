"""Cross-file rules: references, pay, ranges, dates, rubrics, retired and former ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import AS_OF, FIXTURES, ROOT, check_lines, copy_fixture, edit

from generator.model.checked import check_catalog

LISTING = "employers/acme/welding-intern.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"
RUBRIC = "rubrics/key-distinguishers.yml"
DATE_ORDER = "Dates go in this order: opens, deadline, start, end."

# (file, old text, new text): edits applied to a copy of the minimal catalog.
Edit = tuple[str, str, str]


def listing(old: str, new: str) -> Edit:
    return (LISTING, old, new)


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        pytest.param(
            [listing("employer_of_record: self", "employer_of_record: acme-corp")],
            [
                f"{SHOWN}:6:21: error: `employer_of_record` names the organization `acme-corp`, which is not in the catalog. Did you mean `acme`?"
            ],
            id="unknown-employer-of-record",
        ),
        pytest.param(
            [listing("employer_of_record: self", "employer_of_record: self\nintermediary: acm")],
            [
                f"{SHOWN}:7:15: error: `intermediary` names the organization `acm`, which is not in the catalog. Did you mean `acme`?"
            ],
            id="unknown-intermediary",
        ),
        pytest.param(
            [listing("  unit: hour", "  unit: hour\n  paid_by: acmee")],
            [
                f"{SHOWN}:17:12: error: `pay.paid_by` names the organization `acmee`, which is not in the catalog. Did you mean `acme`?"
            ],
            id="unknown-paid-by",
        ),
        pytest.param(
            [listing("  - manufacturing", "  - manufacturin")],
            [
                f"{SHOWN}:12:5: error: `pathways`, item 1 names the pathway `manufacturin`, which is not in the catalog. Did you mean `manufacturing`?"
            ],
            id="unknown-pathway",
        ),
        pytest.param(
            [listing("rubric: key-distinguishers", "rubric: key-distinguisher")],
            [
                f"{SHOWN}:42:11: error: `quality.rubric` names the rubric `key-distinguisher`, which is not in the catalog. "
                "Did you mean `key-distinguishers`?"
            ],
            id="unknown-rubric",
        ),
        pytest.param(
            [listing("    partnerships:", "    partnership:")],
            [
                f"{SHOWN}:44:5: error: `partnership` is not a criterion of the rubric `key-distinguishers`. Did you mean `partnerships`?"
            ],
            id="unknown-criterion",
        ),
        pytest.param(
            [listing("level: developing", "level: develop")],
            [
                f"{SHOWN}:45:14: error: `develop` is not a level of the rubric `key-distinguishers`. "
                "Did you mean `developing`? Use one of: `developing`, `emerging`."
            ],
            id="unknown-level",
        ),
        pytest.param(
            [listing("  rubric: key-distinguishers\n", "")],
            [
                f"{SHOWN}:41:1: error: A self-assessment needs the rubric it uses. Add `rubric: key-distinguishers` under `quality`."
            ],
            id="assessment-without-rubric",
        ),
        pytest.param(
            [listing("employer_of_record: self\n", "")],
            [
                f"{SHOWN}:12:1: error: A listing with pay type `paid` must say who the employer of record is. "
                "Add `employer_of_record: self`, or the id of the organization that puts students on payroll."
            ],
            id="paid-without-employer-of-record",
        ),
        pytest.param(
            # A stipend, such as one a public program pays, puts nobody on payroll.
            [listing("employer_of_record: self\n", ""), listing("type: paid", "type: stipend")],
            [],
            id="stipend-without-employer-of-record",
        ),
        pytest.param(
            [listing("type: paid\n  amount: 18.5\n  unit: hour", "type: fee")],
            [
                f"{SHOWN}:13:1: error: The pay type is `fee` but no amount is given. "
                "Add `amount:` and `unit:`, or write `amount_published: false` if the amount is not published."
            ],
            id="fee-without-amount",
        ),
        pytest.param(
            [listing("  unit: hour\n", "  unit: hour\n  aid: true\n")],
            [
                f"{SHOWN}:17:3: error: `aid` is for pay of type fee, and this listing's type is `paid`. Remove `aid`, or change `type`."
            ],
            id="aid-without-fee",
        ),
        pytest.param(
            [listing("  grades:\n    min: 11\n    max: 12\n  age:\n    min: 16\n", "  status: [graduated]\n")],
            [
                f"{SHOWN}:17:1: error: `eligibility` gives neither grades nor ages. "
                "Add `grades:` (such as `{min: 9, max: 12}`), `age:` (such as `{min: 16, max: 24}`), or both."
            ],
            id="neither-grades-nor-ages",
        ),
        pytest.param(
            [listing("status: open\n", "status: open\ntranslations:\n  en:\n    title: Welding intern\n")],
            [
                f"{SHOWN}:51:3: error: `en` is not needed: the English text goes in the record's own fields. "
                "Move this text to those fields, and remove `en`."
            ],
            id="english-as-a-translation",
        ),
        pytest.param(
            [listing("  amount: 18.5\n", "")],
            [
                f"{SHOWN}:13:1: error: The pay type is `paid` but no amount is given. "
                "Add `amount:` and `unit:`, or write `amount_published: false` if the amount is not published."
            ],
            id="paid-without-amount",
        ),
        pytest.param(
            [listing("  amount: 18.5\n", "  amount: 18.5\n  amount_published: false\n")],
            [
                f"{SHOWN}:16:3: error: An amount is given but `amount_published` is false. Remove `amount_published: false`, or remove the amount."
            ],
            id="amount-published-false-with-amount",
        ),
        pytest.param(
            [listing("  unit: hour\n", "")],
            [f"{SHOWN}:15:3: error: The amount has no unit. Add `unit:` with hour, week, month or total."],
            id="amount-without-unit",
        ),
        pytest.param(
            [listing("type: paid", "type: unpaid")],
            [
                f"{SHOWN}:15:3: error: A listing of pay type `unpaid` has an amount. Remove the amount, or change `type` to paid, stipend or fee."
            ],
            id="unpaid-with-amount",
        ),
        pytest.param(
            [listing("type: paid\n  amount: 18.5\n  unit: hour", "type: unpaid\n  amount_max: 5")],
            [
                f"{SHOWN}:15:3: error: A listing of pay type `unpaid` has an amount. Remove the amount, or change `type` to paid, stipend or fee."
            ],
            id="unpaid-with-amount-max",
        ),
        pytest.param(
            [listing("  amount: 18.5\n", "  amount: 18.5\n  amount_max: 12\n")],
            [f"{SHOWN}:16:15: error: `amount_max` is lower than `amount`. Swap the two amounts."],
            id="amount-max-below-amount",
        ),
        pytest.param(
            [listing("    min: 11\n    max: 12", "    min: 12\n    max: 11")],
            [f"{SHOWN}:19:10: error: The lowest grade (12) is higher than the highest grade (11). Swap `min` and `max`."],
            id="grade-order",
        ),
        pytest.param(
            [listing("    min: 16", "    min: 19\n    max: 17")],
            [f"{SHOWN}:22:10: error: The minimum age (19) is higher than the maximum age (17). Swap `min` and `max`."],
            id="age-order",
        ),
        pytest.param(
            [listing('"2027-06-21"', '"2027-02-30"')],
            [
                f"{SHOWN}:26:10: error: `schedule.start` is `2027-02-30`, which is not a real date. "
                "Check the month and day, and write it like 2027-03-15."
            ],
            id="impossible-date",
        ),
        pytest.param(
            [listing('"2027-08-06"', '"2027-13-01"')],
            [
                f"{SHOWN}:27:8: error: `schedule.end` is `2027-13-01`, which is not a real date. "
                "Check the month and day, and write it like 2027-03-15."
            ],
            id="impossible-month",
        ),
        pytest.param(
            [listing('"2027-01-05"', '"2027-04-05"')],
            [
                f"{SHOWN}:32:13: error: `application.deadline` (2027-03-15) is before `application.opens` (2027-04-05). {DATE_ORDER}"
            ],
            id="opens-after-deadline",
        ),
        pytest.param(
            [listing('"2027-03-15"', '"2027-07-01"')],
            [f"{SHOWN}:26:10: error: `schedule.start` (2027-06-21) is before `application.deadline` (2027-07-01). {DATE_ORDER}"],
            id="deadline-after-start",
        ),
        pytest.param(
            [listing('"2027-08-06"', '"2027-06-01"')],
            [f"{SHOWN}:27:8: error: `schedule.end` (2027-06-01) is before `schedule.start` (2027-06-21). {DATE_ORDER}"],
            id="start-after-end",
        ),
        pytest.param(
            [listing('  deadline: "2027-03-15"', '  deadline: "2027-03-15"\n  rolling: true')],
            [
                f"{SHOWN}:33:3: error: The listing has both a deadline and `rolling: true`. Keep the deadline, or remove it and keep `rolling: true`."
            ],
            id="deadline-and-rolling",
        ),
        pytest.param(
            [listing('  deadline: "2027-03-15"\n', "")],
            [
                f"{SHOWN}:28:1: error: An open listing needs a deadline or `rolling: true`. "
                "Add `deadline: YYYY-MM-DD`, `rolling: true` if applications are taken until seats fill, "
                "or `expected:` with when applications usually open if their dates are not announced yet."
            ],
            id="open-without-deadline-or-rolling",
        ),
        pytest.param(
            [listing('  deadline: "2027-03-15"\n', "  mode: none\n")],
            [],
            id="nobody-applies-needs-no-deadline",
        ),
        pytest.param(
            [listing('  deadline: "2027-03-15"\n', "  mode: class-registration\n")],
            [
                f"{SHOWN}:28:1: error: An open listing needs a deadline or `rolling: true`. "
                "Add `deadline: YYYY-MM-DD`, `rolling: true` if applications are taken until seats fill, "
                "or `expected:` with when applications usually open if their dates are not announced yet."
            ],
            id="class-registration-still-needs-a-deadline",
        ),
        pytest.param(
            [(RUBRIC, "      developing: A written agreement.\n", "")],
            [
                "catalog/rubrics/key-distinguishers.yml:13:5: error: The criterion `partnerships` has no descriptor for the level `developing`. "
                "Add `developing:` with one sentence under `descriptors`."
            ],
            id="rubric-missing-descriptor",
        ),
        pytest.param(
            [
                (
                    RUBRIC,
                    "      developing: Students meet many adults.",
                    "      developing: Students meet many adults.\n      exemplary: All.",
                )
            ],
            [
                "catalog/rubrics/key-distinguishers.yml:21:7: error: `exemplary` is not one of this rubric's levels. "
                "Use one of: `emerging`, `developing`."
            ],
            id="rubric-descriptor-for-unknown-level",
        ),
        pytest.param(
            [(RUBRIC, "  - id: social-capital", "  - id: partnerships")],
            [
                "catalog/rubrics/key-distinguishers.yml:16:9: error: The criterion `partnerships` is listed twice. Give each criterion its own id."
            ],
            id="rubric-duplicate-criterion",
        ),
        pytest.param(
            [
                (RUBRIC, "  - id: developing\n    name: Developing", "  - id: emerging\n    name: Developing"),
                listing("level: developing", "level: emerging"),
            ],
            [
                "catalog/rubrics/key-distinguishers.yml:8:9: error: The level `emerging` is listed twice. Give each level its own id.",
                "catalog/rubrics/key-distinguishers.yml:15:7: error: `developing` is not one of this rubric's levels. Use one of: `emerging`.",
                "catalog/rubrics/key-distinguishers.yml:20:7: error: `developing` is not one of this rubric's levels. Use one of: `emerging`.",
            ],
            id="rubric-duplicate-level",
        ),
        pytest.param(
            [
                (
                    RUBRIC,
                    "criteria:",
                    "translations:\n  es:\n    levels:\n      emergin:\n        name: Inicial\n"
                    "    criteria:\n      partnership:\n        name: Alianzas\ncriteria:",
                )
            ],
            [
                "catalog/rubrics/key-distinguishers.yml:13:7: error: `emergin` is not one of this rubric's levels. Did you mean `emerging`?",
                "catalog/rubrics/key-distinguishers.yml:16:7: error: `partnership` is not one of this rubric's criteria. Did you mean `partnerships`?",
            ],
            id="rubric-translation-unknown-ids",
        ),
        pytest.param(
            [("vocabularies/seasons.yml", "  - id: school-year", "  - id: summer")],
            [
                "catalog/vocabularies/seasons.yml:5:9: error: The id `summer` is used twice (first in entry 1). Keep each one once."
            ],
            id="vocabulary-duplicate-id",
        ),
        pytest.param(
            [("vocabularies/grade-bands.yml", "    min: 6\n", "    min: 9\n")],
            ["catalog/vocabularies/grade-bands.yml:5:10: error: `min` (9) is larger than `max` (8). Swap the two numbers."],
            id="vocabulary-range-order",
        ),
        pytest.param(
            [("pathways/manufacturing.yml", "          min: 6\n          max: 8", "          min: 8\n          max: 6")],
            [
                "catalog/pathways/manufacturing.yml:15:16: error: The lowest grade (8) is higher than the highest grade (6). Swap `min` and `max`."
            ],
            id="pathway-grade-order",
        ),
        pytest.param(
            [
                ("employers/acme/organization.yml", 'last_reviewed: "2026-10-01"', 'last_reviewed: "2026-09-31"'),
                ("pathways/manufacturing.yml", 'last_reviewed: "2026-10-01"', 'last_reviewed: "2026-00-10"'),
            ],
            [
                "catalog/employers/acme/organization.yml:17:16: error: `last_reviewed` is `2026-09-31`, which is not a real date. "
                "Check the month and day, and write it like 2027-03-15.",
                "catalog/pathways/manufacturing.yml:37:16: error: `last_reviewed` is `2026-00-10`, which is not a real date. "
                "Check the month and day, and write it like 2027-03-15.",
            ],
            id="impossible-review-dates",
        ),
        pytest.param(
            [listing('last_reviewed: "2026-10-15"', 'last_reviewed: "2026-10-15"\nformer_ids:\n  - acme/welding-intern')],
            [
                f"{SHOWN}:52:5: error: The former id `acme/welding-intern` belongs to a listing that still exists. Remove it from `former_ids`."
            ],
            id="former-id-in-use",
        ),
    ],
)
def test_rule_message(minimal: Path, edits: list[Edit], expected: list[str]) -> None:
    for path, old, new in edits:
        edit(minimal / path, old, new)
    assert check_lines(minimal) == expected


# -- when applicants hear back, and an employer of record that varies -----------------------------

RESULTS_FIX = (
    "Write in `results_by` the date results are {word}, on or after {limit}, or correct the date applications open or close."
)


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        pytest.param(
            [listing('  deadline: "2027-03-15"', '  deadline: "2027-03-15"\n  results_by: "2027-03-01"')],
            [
                f"{SHOWN}:33:15: error: `application.results_by` (2027-03-01) is before the deadline (2027-03-15). "
                + RESULTS_FIX.format(word="sent", limit="2027-03-15")
            ],
            id="results-before-deadline",
        ),
        pytest.param(
            [
                listing('  deadline: "2027-03-15"\n', '  results_by: "2027-01-02"\n  mode: lottery\n'),
                listing("status: open", "status: closed"),
            ],
            [
                f"{SHOWN}:32:15: error: `application.results_by` (2027-01-02) is before the day applications open (2027-01-05). "
                + RESULTS_FIX.format(word="drawn", limit="2027-01-05")
            ],
            id="lottery-drawn-before-it-opens",
        ),
        pytest.param(
            [listing('  deadline: "2027-03-15"', '  deadline: "2027-03-15"\n  mode: none\n  waitlist: true')],
            [
                f"{SHOWN}:34:3: error: `waitlist` is for people who apply, but the listing says `mode: none` (no application). "
                "Remove `waitlist`, or set `mode:` to how people apply (such as `apply` or `lottery`)."
            ],
            id="waitlist-without-an-application",
        ),
        pytest.param(
            [listing("employer_of_record: self", "employer_of_record: [provider, acm]")],
            [
                f"{SHOWN}:6:32: error: `employer_of_record`, item 2 names the organization `acm`, which is not in the catalog. "
                "Did you mean `acme`?"
            ],
            id="employer-of-record-list-typo",
        ),
        pytest.param(
            [listing("employer_of_record: self", "employer_of_record: [provider, Acme Staffing]")],
            [
                f"{SHOWN}:6:32: error: `employer_of_record`, item 2 is not `self`, `provider` or an organization id. "
                "Write each organization's folder name on its own line, or `provider` for the provider that enrolls the student."
            ],
            id="employer-of-record-list-not-an-id",
        ),
        pytest.param(
            [
                listing("employer_of_record: self\n", "employer_of_record_note: Chosen by ZIP code.\n"),
                listing("type: paid\n  amount: 18.5\n  unit: hour", "type: unpaid"),
            ],
            [
                f"{SHOWN}:6:1: error: `employer_of_record_note` explains an employer of record that the listing does not name. "
                "Add `employer_of_record:` (`self`, an organization id, `provider`, or a list of them), or remove the note."
            ],
            id="employer-of-record-note-alone",
        ),
    ],
)
def test_results_and_employer_of_record_messages(minimal: Path, edits: list[Edit], expected: list[str]) -> None:
    for path, old, new in edits:
        edit(minimal / path, old, new)
    assert check_lines(minimal) == expected


@pytest.mark.parametrize(
    "edits",
    [
        pytest.param([listing("employer_of_record: self", "employer_of_record: provider")], id="provider"),
        pytest.param([listing("employer_of_record: self", "employer_of_record: [self, provider]")], id="self-or-provider"),
        pytest.param(
            [
                listing(
                    '  deadline: "2027-03-15"',
                    '  deadline: "2027-03-15"\n  mode: lottery\n  results_by: "2027-03-15"\n  waitlist: true',
                )
            ],
            id="lottery-drawn-on-the-deadline",
        ),
    ],
)
def test_results_and_employer_of_record_accepted(minimal: Path, edits: list[Edit]) -> None:
    for path, old, new in edits:
        edit(minimal / path, old, new)
    assert check_lines(minimal) == []


@pytest.mark.parametrize(
    "edits",
    [
        pytest.param([listing("  amount: 18.5\n", "  amount_published: false\n")], id="paid-amount-not-published"),
        pytest.param(
            [listing("employer_of_record: self\n", ""), listing("type: paid\n  amount: 18.5\n  unit: hour", "type: unpaid")],
            id="unpaid-without-employer-of-record",
        ),
        pytest.param(
            [listing('  deadline: "2027-03-15"\n', ""), listing("status: open", "status: closed")], id="closed-without-deadline"
        ),
        pytest.param([listing('  deadline: "2027-03-15"\n', "  rolling: true\n")], id="rolling"),
        pytest.param([listing("employer_of_record: self", "employer_of_record: acme")], id="employer-of-record-is-own-org"),
        pytest.param([listing('"2027-03-15"', '"2027-06-21"')], id="deadline-equals-start"),
        pytest.param([listing('last_reviewed: "2026-10-15"', 'last_reviewed: "2025-11-22"')], id="reviewed-exactly-a-year-ago"),
    ],
)
def test_rule_accepts(minimal: Path, edits: list[Edit]) -> None:
    for path, old, new in edits:
        edit(minimal / path, old, new)
    assert check_lines(minimal) == []


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        pytest.param(
            [listing('last_reviewed: "2026-10-15"', 'last_reviewed: "2025-11-01"')],
            f"{SHOWN}:50:16: warning: The listing was last reviewed on 2025-11-01, over a year ago. "
            "Check every detail, then set `last_reviewed` to today's date.",
            id="stale",
        ),
        pytest.param(
            [listing('"2027-03-15"', '"2026-11-01"'), listing('"2027-01-05"', '"2026-09-01"')],
            f"{SHOWN}:49:9: warning: The deadline (2026-11-01) has passed but the status is still `open`. "
            "Set `status: closed`, or move the deadline if applications are still taken (the site already shows it as closed).",
            id="deadline-passed-but-open",
        ),
        pytest.param(
            [listing('last_reviewed: "2026-10-15"', 'last_reviewed: "2026-12-15"')],
            f"{SHOWN}:50:16: warning: `last_reviewed` (2026-12-15) is in the future. Set it to the date you checked the listing.",
            id="reviewed-in-the-future",
        ),
    ],
)
def test_date_findings_are_warnings(minimal: Path, edits: list[Edit], expected: str) -> None:
    for path, old, new in edits:
        edit(minimal / path, old, new)
    checked = check_catalog(minimal, as_of=AS_OF)
    assert check_lines(minimal) == [expected]
    assert checked.ok


def test_time_passing_never_makes_an_error(minimal: Path) -> None:
    # Ten years on, the same catalog only has warnings.
    checked = check_catalog(minimal, as_of=dt.date(2036, 11, 22))
    assert checked.ok
    assert {p.code for p in checked.problems} == {"stale", "deadline-passed"}


def _retired(root: Path, body: str) -> None:
    (root / "retired.yml").write_text("retired:\n" + body, encoding="utf-8")


def test_retired_entry_whose_file_exists(minimal: Path) -> None:
    _retired(minimal, "  - id: acme/welding-intern\n    reason: The program ended.\n")
    assert check_lines(minimal) == [
        "catalog/retired.yml:2:9: error: `acme/welding-intern` is retired but its file still exists. "
        "Give the listing in catalog/employers/acme/welding-intern.yml a new file name (a retired id is never used "
        "again), delete the file, or remove this entry if the same listing is offered again."
    ]


def test_retired_entry_problems(minimal: Path) -> None:
    _retired(
        minimal,
        "  - id: acme/old\n    reason: Ended.\n"
        '  - id: acme/old\n    reason: Ended.\n    replaced_by: acme/welding-intrn\n    date: "2026-02-30"\n',
    )
    assert check_lines(minimal) == [
        "catalog/retired.yml:4:9: error: `acme/old` is retired twice. Keep one entry.",
        "catalog/retired.yml:6:18: error: `acme/welding-intrn` is not a listing in the catalog. Did you mean `acme/welding-intern`?",
        "catalog/retired.yml:7:11: error: `retired`, item 2, `date` is `2026-02-30`, which is not a real date. "
        "Check the month and day, and write it like 2027-03-15.",
    ]


def test_former_id_also_retired(minimal: Path) -> None:
    _retired(minimal, "  - id: acme/old\n    reason: Ended.\n")
    edit(minimal / LISTING, 'last_reviewed: "2026-10-15"', 'last_reviewed: "2026-10-15"\nformer_ids:\n  - acme/old')
    assert check_lines(minimal) == [
        f"{SHOWN}:52:5: error: The former id `acme/old` is also in retired.yml. "
        'Keep it in one place: `former_ids` redirects, retired.yml shows a "no longer offered" page.'
    ]


def test_former_id_claimed_twice(minimal: Path) -> None:
    text = (FIXTURES / "minimal" / LISTING).read_text(encoding="utf-8")
    (minimal / "employers/acme/shadow.yml").write_text(text + "former_ids:\n  - acme/old\n", encoding="utf-8")
    edit(minimal / LISTING, 'last_reviewed: "2026-10-15"', 'last_reviewed: "2026-10-15"\nformer_ids:\n  - acme/old')
    assert check_lines(minimal) == [
        f"{SHOWN}:52:5: error: The former id `acme/old` is also claimed by `acme/shadow`. Keep it in one listing only."
    ]


def test_reference_to_a_failing_file_is_not_reported_twice(minimal: Path) -> None:
    edit(minimal / "pathways/manufacturing.yml", "name: Manufacturing", "nmae: Manufacturing")
    assert check_lines(minimal) == ["catalog/pathways/manufacturing.yml:2:1: error: Unknown key `nmae`. Did you mean `name`?"]


def test_broken_references_are_all_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = copy_fixture("broken_ref", tmp_path)
    listing_path = "catalog/employers/harbor/dock-internship.yml"
    assert check_lines(root) == [
        f"{listing_path}:5:21: error: `employer_of_record` names the organization `harbour`, which is not in the catalog. Did you mean `harbor`?",
        f"{listing_path}:6:15: error: `intermediary` names the organization `eastside-hub`, which is not in the catalog. "
        'Add the organization\'s folder with its organization.yml first (CONTRIBUTING.md, "Add a new listing").',
        f"{listing_path}:11:5: error: `pathways`, item 1 names the pathway `logistic`, which is not in the catalog. Did you mean `logistics`?",
        f"{listing_path}:14:12: error: `pay.paid_by` names the organization `harbr`, which is not in the catalog. Did you mean `harbor`?",
        f"{listing_path}:31:11: error: `quality.rubric` names the rubric `key-distinguisher`, which is not in the catalog. "
        "Did you mean `key-distinguishers`?",
        "catalog/retired.yml:4:18: error: `harbor/dock-intern` is not a listing in the catalog. Did you mean `harbor/dock-internship`?",
    ]


# -- files that fail their schema still take part in the rules between files ----------


def _codes_at(root: Path) -> list[tuple[str, str]]:
    """(file:line, code) of every problem: the wording of each message is tested elsewhere."""
    return [(f"{p.path}:{p.line}", p.code) for p in check_catalog(root, as_of=AS_OF).problems]


def test_references_of_a_listing_that_fails_its_schema(minimal: Path) -> None:
    edit(minimal / LISTING, "title:", "titel:")
    edit(minimal / LISTING, "employer_of_record: self", "employer_of_record: acme-staffing\nintermediary: unite-la-example")
    edit(minimal / LISTING, "  - manufacturing\n", "  - manufacturin\n")
    edit(minimal / LISTING, "  rubric: key-distinguishers", "  rubric: key-distinguisher")
    assert _codes_at(minimal) == [
        (f"{SHOWN}:2", "unknown-key"),
        (f"{SHOWN}:6", "unknown-reference"),
        (f"{SHOWN}:7", "unknown-reference"),
        (f"{SHOWN}:13", "unknown-reference"),
        (f"{SHOWN}:43", "unknown-reference"),
    ]


def test_a_value_that_is_not_an_id_is_reported_once(minimal: Path) -> None:
    edit(minimal / LISTING, "employer_of_record: self", "employer_of_record: self\nintermediary: Unite LA")
    assert [code for _, code in _codes_at(minimal)] == ["bad-id"]


def test_retired_listing_whose_file_fails_its_schema(minimal: Path) -> None:
    edit(minimal / LISTING, "title:", "titel:")
    (minimal / "retired.yml").write_text(
        "retired:\n  - id: acme/welding-intern\n    reason: Ended.\n"
        "  - id: acme/old\n    reason: Ended.\n    replaced_by: acme/welding-intern\n",
        encoding="utf-8",
    )
    # The file exists, so it is retired wrongly; and it is a listing, so it can replace another.
    assert _codes_at(minimal) == [
        (f"{SHOWN}:2", "unknown-key"),
        ("catalog/retired.yml:2", "retired-exists"),
    ]


def test_retired_file_that_fails_its_schema(minimal: Path) -> None:
    (minimal / "retired.yml").write_text(
        "retired:\n  - id: acme/welding-intern\n  - id: acme/old\n    reason: Ended.\n    replaced_by: acme/welding-intrn\n  - 12\n",
        encoding="utf-8",
    )
    codes = _codes_at(minimal)
    assert ("catalog/retired.yml:2", "retired-exists") in codes
    assert ("catalog/retired.yml:5", "unknown-reference") in codes
    assert {code for _, code in codes} - {"retired-exists", "unknown-reference"}  # and its schema problems


def test_former_id_of_a_listing_that_fails_its_schema(minimal: Path) -> None:
    text = (FIXTURES / "minimal" / LISTING).read_text(encoding="utf-8")
    (minimal / "employers/acme/shadow.yml").write_text(
        text.replace("title:", "titel:") + "former_ids:\n  - acme/welding-intern\n", encoding="utf-8"
    )
    assert _codes_at(minimal) == [
        ("catalog/employers/acme/shadow.yml:2", "unknown-key"),
        ("catalog/employers/acme/shadow.yml:52", "former-id-in-use"),
    ]


# -- credit, endorsements and quality evidence ----------------------------------------------------

OUTCOMES = """outcomes:
  academic_credit: false
  credits:
    - {kind: colege, amount: 3}
    - {kind: college, amount: 0}
  endorsements: [work-readiness-certificate]
quality:
"""
EVIDENCE = """    - trained-mentor
  evaluation:
    criteria: [Time management, Attendance]
    when: At the start and at the end
  handbook: http://example.org/handbook
"""


def _with_evidence(tmp_path: Path, outcomes: str = OUTCOMES, vocabulary: bool = True) -> Path:
    root = copy_fixture("minimal", tmp_path)
    if vocabulary:
        (root / "vocabularies" / "endorsements.yml").write_text(
            (ROOT / "catalog" / "vocabularies" / "endorsements.yml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    edit(root / LISTING, "quality:\n", outcomes)
    edit(root / LISTING, "    - trained-mentor\n", EVIDENCE)
    return root


def _line(lines: list[str], at: str) -> str:
    found = [line for line in lines if f"{SHOWN}:{at}: error: " in line]
    assert len(found) == 1, (at, lines)
    return found[0]


def test_credit_endorsement_and_evidence_mistakes_are_located_with_the_fix(tmp_path: Path) -> None:
    lines = check_lines(_with_evidence(tmp_path))
    assert "`colege`" in _line(lines, "44:14") and "Did you mean `college`?" in _line(lines, "44:14")
    assert "is 0, but it must be more than 0" in _line(lines, "45:31")
    endorsement = _line(lines, "46:18")
    # The closest first; the other readiness certificate of the list ("... Career Readiness Certificate") may follow.
    assert "`work-readiness-certificate`" in endorsement and "Did you mean `work-readiness-certification`" in endorsement
    handbook = _line(lines, "58:13")
    assert "http://" in handbook and "https://" in handbook
    assert len(lines) == 4


def test_credits_that_contradict_the_flags_and_unpaired_translations_are_conflicts(tmp_path: Path) -> None:
    outcomes = "outcomes:\n  academic_credit: false\n  credits:\n    - {kind: high-school, amount: 5}\nquality:\n"
    root = _with_evidence(tmp_path, outcomes)
    edit(root / LISTING, "handbook: http://", "handbook: https://")
    edit(root / LISTING, "status: open\n", "translations:\n  es:\n    evaluation: {criteria: [Asistencia]}\nstatus: open\n")
    lines = check_lines(root)
    conflict = _line(lines, "44:14")
    assert "`high-school`" in conflict and "`academic_credit` says `false`" in conflict
    assert "1 translated criteria for the 2" in _line(lines, "59:18")
    assert len(lines) == 2


def test_endorsements_without_their_vocabulary_are_an_error(tmp_path: Path) -> None:
    outcomes = "outcomes:\n  endorsements: [work-readiness-certification]\nquality:\n"
    root = _with_evidence(tmp_path, outcomes, vocabulary=False)
    edit(root / LISTING, "handbook: http://", "handbook: https://")
    line = _line(check_lines(root), "42:3")
    assert "no list of endorsements" in line and "catalog/vocabularies/endorsements.yml" in line


def test_an_endorsement_tier_is_one_of_its_tiers(tmp_path: Path) -> None:
    outcomes = (
        "outcomes:\n  endorsements:\n"
        "    - {id: act-workkeys-ncrc, tier: silvr}\n"
        "    - {id: state-seal-of-biliteracy, tier: gold}\n"
        "    - {id: act-workkeys-ncrc, tier: gold}\n"
        "quality:\n"
    )
    root = _with_evidence(tmp_path, outcomes)
    edit(root / LISTING, "handbook: http://", "handbook: https://")
    lines = check_lines(root)
    assert _line(lines, "43:37").endswith(
        "error: The endorsement `act-workkeys-ncrc` has no tier `silvr`. Did you mean `silver`?"
    )
    assert _line(lines, "44:44").endswith(
        "error: The endorsement `state-seal-of-biliteracy` has no tiers in catalog/vocabularies/endorsements.yml. "
        "Write the endorsement as its id alone: `- state-seal-of-biliteracy`."
    )
    assert len(lines) == 2  # a tier of the list, such as gold, is accepted


def test_an_old_listing_with_credit_flags_still_checks(tmp_path: Path) -> None:
    root = copy_fixture("minimal", tmp_path)
    edit(root / LISTING, "status: open\n", "outcomes: {academic_credit: true, college_credit: true}\nstatus: open\n")
    assert check_lines(root) == []
