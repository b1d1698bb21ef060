"""Schema failures in plain language, each on the line the contributor must change."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_lines, edit

from generator.check.messages import field_name, is_required, suggest
from generator.check.schemas import bundle

LISTING = "employers/acme/welding-intern.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"

URL_HINT = "Use a full https:// address such as https://example.org/apply (http, javascript and other kinds are not allowed)."
EMAIL = "`contact.email` is not a valid email address. Use a role address such as internships@example.org, with nothing else on the line."
ONE_LINE = (
    "`title` must be one line of text without hidden control characters. "
    "Keep it on one line; if you pasted it, type it again to drop invisible characters."
)
ZIP = '`sites`, item 1, `zip` is not a US ZIP code. Write five digits, or ZIP+4, in quotes, like "90802" or "90802-1234".'
DATE = "is not a date written YYYY-MM-DD. Write the date like 2027-03-15."


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("title:", "titel:", ["2:1: error: Unknown key `titel`. Did you mean `title`?"], id="typo-top-level"),
        pytest.param(
            "  unit: hour", "  unti: hour", ["16:3: error: Unknown key `unti` in `pay`. Did you mean `unit`?"], id="typo-nested"
        ),
        pytest.param(
            "status: open",
            "status: open\ncolour: red",
            [
                "50:1: error: Unknown key `colour`. Delete this line; the field reference on the Contribute page "
                "(/contribute/) lists the keys that belong here."
            ],
            id="unknown-key-lists-unused-keys",
        ),
        pytest.param(
            "status: open",
            "status: open\nNote that pay: starts at $18",
            [
                "50:1: error: Unknown key `Note that pay`. This looks like text that contains `: `; put the whole value in double quotes."
            ],
            id="text-read-as-key",
        ),
        pytest.param(
            "format: internship",
            "format: internshp",
            ["7:9: error: `format` has the value `internshp`, which is not allowed here. Did you mean `internship`?"],
            id="enum-vocabulary",
        ),
        pytest.param(
            "status: open",
            "status: Open",
            ["49:9: error: `status` has the value `Open`, which is not allowed here. Write it exactly as `open`."],
            id="enum-case",
        ),
        pytest.param(
            "  - Manufacturing and Product Development",
            "  - Manufacturing",
            [
                "10:5: error: `sectors`, item 1 has the value `Manufacturing`, which is not allowed here. "
                "Did you mean `Manufacturing and Product Development`?"
            ],
            id="enum-sector-substring",
        ),
        pytest.param(
            "    mode: in-person",
            "    mode: onsite",
            [
                "37:11: error: `sites`, item 1, `mode` has the value `onsite`, which is not allowed here. "
                "Use one of: `in-person`, `hybrid`, `remote`."
            ],
            id="enum-no-close-match",
        ),
        pytest.param(
            "title: Welding Internship\n",
            "",
            ["1:1: error: The required key `title` is missing. Add `title:` (Short, specific title a student would understand)."],
            id="required-top-level",
        ),
        pytest.param(
            "  how: Apply online.\n",
            "",
            [
                "28:1: error: The required key `how` is missing in `application`. "
                "Add `how:` (How to apply, in one or two plain sentences)."
            ],
            id="required-nested",
        ),
        pytest.param(
            "status: open\n",
            "",
            ["1:1: error: The required key `status` is missing. Add `status:` (open, closed or archived)."],
            id="required-hint-first-sentence",
        ),
        pytest.param(
            "work_permit: true",
            "work_permit: no",
            [
                "23:16: error: `eligibility.work_permit` should be true or false, not the text `no`. "
                "Write true or false in lowercase (yes, no, on and off are read as text here)."
            ],
            id="boolean-no",
        ),
        pytest.param(
            "work_permit: true",
            "work_permit: Yes",
            [
                "23:16: error: `eligibility.work_permit` should be true or false, not the text `Yes`. "
                "Write true or false in lowercase (yes, no, on and off are read as text here)."
            ],
            id="boolean-Yes",
        ),
        pytest.param(
            "work_permit: true",
            "work_permit: 1",
            ["23:16: error: `eligibility.work_permit` should be true or false, not the number 1. Write true or false."],
            id="boolean-number",
        ),
        pytest.param(
            "amount: 18.5",
            "amount: $18.50",
            [
                "15:11: error: `pay.amount` should be a number, not the text `$18.50`. Write the number only, without the $ sign, such as 18.5."
            ],
            id="number-with-dollar",
        ),
        pytest.param(
            "status: open",
            'status: open\nseats: "30"',
            ["50:8: error: `seats` should be a whole number, not the text `30`. Remove the quotes: write `seats: 30`."],
            id="integer-quoted",
        ),
        pytest.param(
            "  - manufacturing",
            "  manufacturing: yes",
            ["12:3: error: `pathways` should be a list, not a set of keys. Write each item on its own line, starting with `- `."],
            id="list-expected",
        ),
        pytest.param(
            "title: Welding Internship",
            "title:",
            ["2:7: error: `title` is empty. Fill in text."],
            id="empty-required",
        ),
        pytest.param(
            "employer_of_record: self",
            "employer_of_record: self\nintermediary:",
            ["7:14: error: `intermediary` is empty. Fill in text, or remove the line."],
            id="empty-optional",
        ),
        pytest.param(
            "title: Welding Internship", 'title: "   "', ["2:8: error: `title` is blank. Write some text."], id="blank-required"
        ),
        pytest.param(
            "title: Welding Internship", 'title: ""', ["2:8: error: `title` is blank. Write some text."], id="empty-string"
        ),
        pytest.param(
            "description: |\n  Interns learn to weld.",
            'description: "\\t \\n"',
            ["4:14: error: `description` is blank. Write some text."],
            id="blank-markdown",
        ),
        pytest.param(
            "    mode: in-person",
            '    mode: in-person\n    transit: " "',
            ["38:14: error: `sites`, item 1, `transit` is blank. Write some text, or remove the line."],
            id="blank-optional",
        ),
        pytest.param("title: Welding Internship", 'title: "Weld\\0ing"', [f"2:8: error: {ONE_LINE}"], id="nul"),
        pytest.param("title: Welding Internship", 'title: "Weld\\u0085ing"', [f"2:8: error: {ONE_LINE}"], id="next-line"),
        pytest.param("title: Welding Internship", 'title: "Weld\\u202eing"', [f"2:8: error: {ONE_LINE}"], id="bidi-override"),
        pytest.param("title: Welding Internship", 'title: "Weld\\u200bing"', [f"2:8: error: {ONE_LINE}"], id="zero-width-space"),
        pytest.param("title: Welding Internship", 'title: "Welding\\nInternship"', [f"2:8: error: {ONE_LINE}"], id="newline"),
        pytest.param(
            "title: Welding Internship", "title: |\n  Welding Internship", [f"2:8: error: {ONE_LINE}"], id="trailing-newline"
        ),
        pytest.param(
            "url: https://example.org/apply",
            "url: http://example.org/apply",
            [
                "30:8: error: `application.url` starts with http://, which is not secure. "
                "Use the page's https:// address instead (change http to https and check that the page opens)."
            ],
            id="http",
        ),
        pytest.param(
            "url: https://example.org/apply",
            'url: "javascript:alert(1)"',
            [f"30:8: error: `application.url` is not a web address that starts with https://. {URL_HINT}"],
            id="javascript",
        ),
        pytest.param(
            "url: https://example.org/apply",
            'url: "JAVASCRIPT:alert(1)"',
            [f"30:8: error: `application.url` is not a web address that starts with https://. {URL_HINT}"],
            id="javascript-upper",
        ),
        pytest.param(
            "url: https://example.org/apply",
            "url: https://user:pass@host/",
            [
                "30:8: error: `application.url` has a user name or password in it (the part before `@`). "
                "Remove that part and link to a page anyone can open, such as https://example.org/apply."
            ],
            id="userinfo",
        ),
        pytest.param(
            "url: https://example.org/apply",
            "url: HTTPS://example.org/apply",
            ["30:8: error: `application.url` starts with a capitalized `https://`. Write `https://` in lowercase."],
            id="https-upper",
        ),
        pytest.param(
            "url: https://example.org/apply",
            "url: https://example.org/apply now",
            [
                "30:8: error: `application.url` contains a space. "
                "Open the page in a browser and copy the address from its address bar."
            ],
            id="url-with-space",
        ),
        pytest.param(
            "  email: interns@example.org", "  email: interns at example.org", [f"40:10: error: {EMAIL}"], id="email-malformed"
        ),
        pytest.param(
            "  email: interns@example.org",
            '  email: "a@b.org\\nBcc: x@y.org"',
            [f"40:10: error: {EMAIL}"],
            id="email-header-injection",
        ),
        pytest.param(
            "  email: interns@example.org",
            "  email: mailto:a@b.org",
            ["40:10: error: `contact.email` starts with `mailto:`. Write the address only: a@b.org."],
            id="email-mailto",
        ),
        pytest.param(
            'last_reviewed: "2026-10-15"',
            'last_reviewed: "10/15/2026"',
            ["50:16: error: `last_reviewed` is not a date written YYYY-MM-DD. Write it year first, as 2026-10-15."],
            id="date-us",
        ),
        pytest.param(
            'last_reviewed: "2026-10-15"',
            'last_reviewed: "2026-10-15T09:00"',
            [f"50:16: error: `last_reviewed` {DATE}"],
            id="date-time",
        ),
        pytest.param('    zip: "90802"', '    zip: "9080"', [f"36:10: error: {ZIP}"], id="zip-short"),
        pytest.param('    zip: "90802"', '    zip: "90802-12"', [f"36:10: error: {ZIP}"], id="zip-plus-two"),
        pytest.param(
            "    max: 12",
            "    max: 15",
            ["20:10: error: `eligibility.grades.max` is 15, but it must be at most 14. Use a number up to 14."],
            id="maximum",
        ),
        pytest.param(
            "amount: 18.5",
            "amount: 0",
            ["15:11: error: `pay.amount` is 0, but it must be more than 0. Use a number more than 0."],
            id="exclusive-minimum",
        ),
        pytest.param(
            "  - trained-mentor",
            "  - trained-mentor\n    - trained-mentor",
            ["48:5: error: `quality.signals` lists the same value twice. Remove the repeated item."],
            id="unique-items",
        ),
    ],
)
def test_schema_message(minimal: Path, old: str, new: str, expected: list[str]) -> None:
    edit(minimal / LISTING, old, new)
    assert check_lines(minimal) == [f"{SHOWN}:{line}" for line in expected]


@pytest.mark.parametrize("value", ["2026-10-15", "2026-02-28"])
def test_unquoted_date_stays_text_and_passes(minimal: Path, value: str) -> None:
    edit(minimal / LISTING, 'last_reviewed: "2026-10-15"', f"last_reviewed: {value}")
    assert check_lines(minimal) == []


def test_zip_as_number_passes(minimal: Path) -> None:
    edit(minimal / LISTING, '    zip: "90802"', "    zip: 90802")
    assert check_lines(minimal) == []


def test_zip_plus_four_passes(minimal: Path) -> None:
    edit(minimal / LISTING, '    zip: "90802"', '    zip: "90802-1234"')
    assert check_lines(minimal) == []


def test_a_zip_code_of_another_state_is_outside_the_region_whatever_the_city(minimal: Path) -> None:
    # Unquoted, 02134 stays text (YAML 1.1 would read an octal number); the form is right, the place is not.
    edit(minimal / LISTING, '    zip: "90802"', "    zip: 02134")
    assert check_lines(minimal) == [
        f"{SHOWN}:36:10: error: `sites`, item 1, `zip` is `02134`, which is not in the region "
        "(catalog/vocabularies/areas.yml). If the site really is outside the region, add `outside_region: true` to "
        "this site; if the ZIP code is wrong, correct it."
    ]


def test_every_problem_in_a_file_is_reported(minimal: Path) -> None:
    edit(minimal / LISTING, "title:", "titel:")
    edit(minimal / LISTING, "format: internship", "format: internshp")
    edit(minimal / LISTING, "work_permit: true", "work_permit: no")
    assert [line.split(": error: ")[0] for line in check_lines(minimal)] == [f"{SHOWN}:2:1", f"{SHOWN}:7:9", f"{SHOWN}:23:16"]


def test_organization_schema_message(minimal: Path) -> None:
    edit(minimal / "employers/acme/organization.yml", "kind: employer", "kind: employers")
    assert check_lines(minimal) == [
        "catalog/employers/acme/organization.yml:3:7: error: `kind` has the value `employers`, which is not allowed here. "
        "Did you mean `employer`?"
    ]


def test_rubric_descriptor_key_must_be_an_id(minimal: Path) -> None:
    edit(minimal / "rubrics/key-distinguishers.yml", "      emerging: One partner.", "      Emerging Level: One partner.")
    assert check_lines(minimal) == [
        "catalog/rubrics/key-distinguishers.yml:14:7: error: The key `Emerging Level` in `criteria`, item 1, `descriptors` is not a valid id. "
        "Use lowercase letters, digits and single hyphens, such as summer-internship."
    ]


@pytest.mark.parametrize(
    ("value", "allowed", "expected"),
    [
        ("titel", ["title", "summary"], "Did you mean `title`? Use one of: `title`, `summary`"),
        ("OPEN", ["open", "closed"], "Write it exactly as `open`"),
        (
            "Health",
            ["Health Science and Medical Technology", "Transportation"],
            "Did you mean `Health Science and Medical Technology`?",
        ),
        ("a", ["pay", "sites"], "Use one of: `pay`, `sites`"),
        ("zzz", [f"v{i}" for i in range(10)], "Use one of: " + ", ".join(f"`v{i}`" for i in range(10))),
    ],
)
def test_suggest(value: str, allowed: list[str], expected: str) -> None:
    assert suggest(value, allowed) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ((), "the file"),
        (("title",), "`title`"),
        (("sites", 0, "zip"), "`sites`, item 1, `zip`"),
        (("quality", "assessment", "x"), "`quality.assessment.x`"),
    ],
)
def test_field_name(path: tuple[object, ...], expected: str) -> None:
    assert field_name(path) == expected


@pytest.mark.parametrize(
    ("path", "required"),
    [
        (("title",), True),
        (("seats",), False),
        (("application", "how"), True),
        (("application", "url"), False),
        (("sites", 0, "mode"), True),
        (("sites", 0, "transit"), False),
        (("contact", "role"), True),
        (("eligibility", "grades", "min"), True),
        (("quality", "assessment", "partnerships", "evidence"), True),
        (("nonsense", "deeper"), False),
    ],
)
def test_is_required(path: tuple[object, ...], required: bool) -> None:
    assert is_required(bundle("opportunity"), path) is required
