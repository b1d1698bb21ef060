"""`python -m generator from-issue`: an "Add an opportunity" issue becomes a checked listing file.

Issue text is untrusted. Whatever it holds, the command writes a valid file
or reports a clear, located problem, and never a traceback.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, check_lines
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_starter import ORG, make_small_catalog

from generator.check.yamlload import load
from generator.commands import from_issue
from generator.commands.cli import main

ISSUES = Path(__file__).resolve().parent / "fixtures" / "issues"
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "add-opportunity.yml"
SHOWN = f"catalog/employers/{ORG}/radiology-summer-shadow.yml"
MODELINE = "# yaml-language-server: $schema=../../../schemas/opportunity.schema.json"
NEXT = (
    "Next: read the file, add what the form could not say (more sites, tracks, Spanish text, pathways), "
    f"then run: .venv/bin/python -m generator check {SHOWN}"
)

COMPLETE = {
    "example": False,
    "title": "Radiology Department Summer Job Shadow",
    "summary": "A paid two-week summer placement shadowing imaging technologists in a hospital radiology department.",
    "description": (
        "Students spend two weeks next to the imaging team.\n\n"
        "- See how X-ray, CT and MRI scans are done\n"
        "- Meet technologists and ask about their training"
    ),
    "employer_of_record": "self",
    "format": "job-shadow",
    "stage": "exploration",
    "sectors": ["Health Science and Medical Technology"],
    "pay": {"type": "stipend", "amount": 500, "unit": "total"},
    "eligibility": {"grades": {"min": 11, "max": 12}, "age": {"min": 16}},
    "application": {
        "how": "Apply online and name the hospital closest to your school.",
        "url": "https://example.org/kp-radiology-shadow",
        "deadline": "2027-04-01",
    },
    "sites": [
        {
            "name": "Los Angeles Medical Center",
            "city": "Los Angeles",
            "zip": "90027",
            "mode": "in-person",
            "transit": "Metro B Line to Vermont/Sunset, then a short walk.",
        }
    ],
    "seats": 12,
    "contact": {"role": "Summer internship program office", "email": "kp-summer-internship@example.org"},
    "status": "open",
    "last_reviewed": "2026-11-22",
}


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog_today) -> Path:
    monkeypatch.chdir(tmp_path)
    root = make_small_catalog(tmp_path)
    assert check_lines(root) == []
    return root


def fixture_text(name: str) -> str:
    return (ISSUES / name).read_bytes().decode("utf-8").replace("\r\n", "\n")


def answer(text: str, label: str, value: str) -> str:
    """The issue text with the answer under `### label` replaced."""
    pattern = re.compile(rf"(^### {re.escape(label)}\n\n).*?(?=\n\n### |\Z)", re.DOTALL | re.MULTILINE)
    new, count = pattern.subn(lambda m: m.group(1) + value, text)
    assert count == 1, label
    return new


def write_issue(tmp_path: Path, text: str, name: str = "issue.md", newline: str = "\n") -> str:
    (tmp_path / name).write_bytes(text.replace("\n", newline).encode("utf-8"))
    return name


def written(root: Path) -> dict:
    path = root / "employers" / ORG / "radiology-summer-shadow.yml"
    loaded, problems = load(SHOWN, path.read_text(encoding="utf-8"))
    assert problems == [] and loaded is not None
    return loaded.data


def tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


# -- the mapping ------------------------------------------------------------------


def form_fields() -> list[dict]:
    return [item for item in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"] if item["type"] != "markdown"]


def test_mapping_matches_the_issue_form() -> None:
    fields = form_fields()
    assert [(f.label, f.id, f.kind) for f in from_issue.FIELDS] == [
        (field["attributes"]["label"], field["id"], field["type"]) for field in fields
    ]
    form_required = {
        field["id"]
        for field in fields
        if field.get("validations", {}).get("required")
        or any(isinstance(o, dict) and o.get("required") for o in field["attributes"].get("options", []))
    }
    assert form_required <= set(from_issue.REQUIRED)
    assert set(from_issue.REQUIRED) - form_required == {"sectors"}


def test_mapping_matches_the_contributing_table() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\|\s*([^|`]+?)\s*\|\s*`([a-z_]+)`\s*\|", text, re.MULTILINE))
    for field in from_issue.FIELDS:
        assert rows.get(field.label) == field.id


def test_complete_fixture_answers_every_form_field() -> None:
    headings = [line[4:] for line in fixture_text("complete.md").splitlines() if line.startswith("### ")]
    assert headings == [f.label for f in from_issue.FIELDS]


# -- complete and missing answers -------------------------------------------------------


def test_complete_issue_becomes_a_clean_listing(small: Path, tmp_path: Path, capsys) -> None:
    name = write_issue(tmp_path, fixture_text("complete.md"))
    assert main(["from-issue", name]) == 0
    assert capsys.readouterr().out.splitlines() == [f"Wrote {SHOWN}", "1 file checked, 0 errors, 0 warnings", NEXT]
    text = (tmp_path / SHOWN).read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    data = written(small)
    assert data == COMPLETE
    assert list(data) == list(COMPLETE)
    assert check_lines(small) == []


def test_missing_required_answers_are_listed_and_nothing_is_written(small: Path, tmp_path: Path, capsys) -> None:
    before = tree(small)
    name = write_issue(tmp_path, fixture_text("missing-required.md"))
    assert main(["from-issue", name]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.splitlines() == [
        "from-issue: error: no listing was written, because some answers in issue.md need attention:",
        "  - Organization id: no answer. It is required.",
        "  - Title: no answer. It is required.",
        "  - Kind of opportunity: no answer. It is required.",
        "  - Industry sectors: no sector is ticked. Tick one to four.",
        "  - Privacy: the box is not ticked. The submitter must confirm that the issue holds no student "
        "information and no personal contact details.",
        "Ask the submitter to edit the issue, or correct the answers in the file, then run the command again.",
    ]
    assert tree(small) == before


def test_answers_missing_from_an_edited_issue(small: Path, tmp_path: Path, capsys) -> None:
    text = fixture_text("complete.md").replace("### Stage\n\nexploration\n\n", "")
    name = write_issue(tmp_path, text)
    assert main(["from-issue", name]) == 1
    assert "  - Stage: no answer. It is required." in capsys.readouterr().err.splitlines()


def test_text_that_is_not_an_issue_form(small: Path, tmp_path: Path, capsys) -> None:
    name = write_issue(tmp_path, "Hi, please add our internship!\n\n## Title\n\nSummer job\n")
    assert main(["from-issue", name]) == 1
    assert capsys.readouterr().err == (
        'from-issue: error: issue.md holds no answers of the "Add an opportunity" form (no `### <label>` headings). '
        "Save the issue's body, for example: gh issue view 123 --json body --jq .body > issue-123.md\n"
    )


# -- hostile text ------------------------------------------------------------------


def test_path_traversal_in_ids_is_refused(small: Path, tmp_path: Path, capsys) -> None:
    before = tree(tmp_path)
    name = write_issue(tmp_path, fixture_text("path-traversal.md"), name="traversal.md")
    before.append("traversal.md")
    assert main(["from-issue", name]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "from-issue: error: no listing was written, because some answers in traversal.md need attention:",
        "  - Organization id: `../../etc` is not a valid organization id. Use lowercase letters, digits and single "
        "hyphens. Did you mean `etc`?",
        "  - Opportunity id: `/abs/passwd` is not a valid opportunity id. Use lowercase letters, digits and single "
        "hyphens. Did you mean `abs-passwd`?",
        "Ask the submitter to edit the issue, or correct the answers in the file, then run the command again.",
    ]
    assert tree(tmp_path) == sorted(before)


@pytest.mark.parametrize(
    ("org_id", "opportunity_id", "message"),
    [
        (
            ORG,
            "organization",
            "  - Opportunity id: `organization` is reserved for the organization's profile. Choose another opportunity id.",
        ),
        (
            "page",
            "y",
            "  - Organization id: `page` is taken by the site's own addresses (such as /employers/page/2/)."
            " Choose another organization id.",
        ),
        (
            f"{ORG}/x",
            "y",
            f"  - Organization id: `{ORG}/x` is not a valid organization id. Use lowercase letters, "
            f"digits and single hyphens. Did you mean `{ORG}-x`?",
        ),
        (
            ORG,
            "..",
            "  - Opportunity id: `..` is not a valid opportunity id. Use lowercase letters, digits and single "
            "hyphens. For example: summer-internship.",
        ),
        (
            ORG,
            "Summer Shadow\u202e",
            "  - Opportunity id: `Summer Shadow` is not a valid opportunity id. Use lowercase "
            "letters, digits and single hyphens. Did you mean `summer-shadow`?",
        ),
    ],
)
def test_invalid_ids_are_refused(small: Path, tmp_path: Path, capsys, org_id: str, opportunity_id: str, message: str) -> None:
    before = tree(small)
    text = answer(answer(fixture_text("complete.md"), "Organization id", org_id), "Opportunity id", opportunity_id)
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    assert message in capsys.readouterr().err.splitlines()
    assert tree(small) == before


def test_hostile_text_with_crlf_stays_data(small: Path, tmp_path: Path, capsys) -> None:
    hostile = fixture_text("hostile.md")
    name = write_issue(tmp_path, hostile, newline="\r\n")
    assert b"\r\n" in (tmp_path / name).read_bytes()
    assert main(["from-issue", name]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Note: removed 4 hidden characters (control, zero-width or text-direction characters) from the answers.",
        f"Wrote {SHOWN}",
        "1 file checked, 0 errors, 0 warnings",
        NEXT,
    ]
    raw = (tmp_path / SHOWN).read_bytes()
    assert b"\r" not in raw
    data = written(small)
    assert set(data) == set(COMPLETE)  # nothing injected a key
    assert data["title"] == "<script>alert('x')</script> Job Shadow: [bar # not a comment"
    assert data["summary"] == "foo: [bar, {baz: !!python/object/apply:os.system ['echo pwned']} &anchor *alias --- ..."
    assert data["description"].startswith(
        "Students spend two weeks next to the imaging team. # not a comment\n"
        "title: Injected title\n"
        '!!python/object/apply:os.system ["rm -rf /"]\n'
        "<img src=x onerror=alert(1)> [link](javascript:alert(1))\n"
        "---\n"
        "### Organization id\n"
    )
    # A heading typed into the description does not replace the real answers below it.
    assert data["format"] == "job-shadow"
    assert data["contact"]["role"] == "Program office: \"quoted\" 'single' `tick` |pipe >fold %percent @at"
    assert data["sites"][0]["transit"] == "Bus evil line 2 & more"
    # PyYAML's own loader reads the same values: the text never became a tag, anchor or key.
    assert yaml.safe_load(raw.decode("utf-8")) == data
    assert check_lines(small) == []


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        ("April 1st, 2027", "`application.deadline` is not a date written YYYY-MM-DD. Write it year first, as 2027-04-01."),
        (
            "2027-02-30",
            "`application.deadline` is `2027-02-30`, which is not a real date. "
            "Check the month and day, and write it like 2027-03-15.",
        ),
        ("2027-04-01: [x] # soon", "`application.deadline` is not a date written YYYY-MM-DD. Write the date like 2027-03-15."),
    ],
)
def test_deadline_that_is_not_a_date_is_a_located_error(small: Path, tmp_path: Path, capsys, deadline: str, message: str) -> None:
    text = answer(fixture_text("complete.md"), "Application deadline", deadline)
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    lines = (small / "employers" / ORG / "radiology-summer-shadow.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("  deadline: "))
    assert capsys.readouterr().out.splitlines() == [
        f"Wrote {SHOWN}",
        f"{SHOWN}:{line}:13: error: {message}",
        "1 file checked, 1 error, 0 warnings",
        f"The file has problems: fix them, then run: .venv/bin/python -m generator check {SHOWN}",
    ]
    assert written(small)["application"]["deadline"] == deadline
    assert check_lines(small) == [f"{SHOWN}:{line}:13: error: {message}"]


def test_values_that_do_not_fit_are_written_and_located(small: Path, tmp_path: Path, capsys) -> None:
    name = write_issue(tmp_path, fixture_text("bad-values.md"))
    assert main(["from-issue", name]) == 1
    lines = (small / "employers" / ORG / "radiology-summer-shadow.yml").read_text(encoding="utf-8").splitlines()
    amount = lines.index("  amount: five hundred") + 1
    deadline = lines.index("  deadline: April 1st, 2027") + 1
    assert capsys.readouterr().out.splitlines()[1:3] == [
        f"{SHOWN}:{amount}:11: error: `pay.amount` should be a number, not the text `five hundred`. "
        "Write a number only, in digits, such as 18.5, or remove the line.",
        f"{SHOWN}:{deadline}:13: error: `application.deadline` is not a date written YYYY-MM-DD. Write it year first, as 2027-04-01.",
    ]


# -- pay, rolling and other answers -------------------------------------------------


def test_rolling_and_unpaid(small: Path, tmp_path: Path) -> None:
    assert main(["from-issue", write_issue(tmp_path, fixture_text("rolling-unpaid.md"))]) == 0
    data = written(small)
    assert data["pay"] == {"type": "unpaid"}
    assert data["application"] == {"how": COMPLETE["application"]["how"], "url": COMPLETE["application"]["url"], "rolling": True}
    assert "employer_of_record" not in data
    assert check_lines(small) == []


def test_paid_amount_not_published(small: Path, tmp_path: Path) -> None:
    text = fixture_text("complete.md")
    text = answer(answer(answer(text, "Pay", "paid"), "Pay amount in dollars", "_No response_"), "Pay is per", "not published")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    assert written(small)["pay"] == {"type": "paid", "amount_published": False}
    assert check_lines(small) == []


@pytest.mark.parametrize(("given_amount", "expected"), [("18.50", 18.5), ("$18.50", 18.5), ("20", 20), ("1,200.00", 1200)])
def test_pay_amounts(small: Path, tmp_path: Path, given_amount: str, expected: float) -> None:
    unit = "total" if expected > 500 else "hour"  # more than $500 an hour is refused as implausible
    text = answer(answer(fixture_text("complete.md"), "Pay amount in dollars", given_amount), "Pay is per", unit)
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    assert written(small)["pay"] == {"type": "stipend", "amount": expected, "unit": unit}


def test_paid_without_employer_of_record_is_located(small: Path, tmp_path: Path, capsys) -> None:
    # Wages need an employer of record (a stipend does not).
    text = answer(answer(fixture_text("complete.md"), "Employer of record", "_No response_"), "Pay is per", "hour")
    text = answer(answer(text, "Pay", "paid"), "Pay amount in dollars", "$18.50")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    lines = (small / "employers" / ORG / "radiology-summer-shadow.yml").read_text(encoding="utf-8").splitlines()
    pay = lines.index("pay:") + 1
    located = capsys.readouterr().out.splitlines()[1]
    assert located.startswith(f"{SHOWN}:{pay}:1: error: ")
    assert "must say who the employer of record is" in located


def test_employer_of_record_self_in_capitals(small: Path, tmp_path: Path) -> None:
    text = answer(fixture_text("complete.md"), "Employer of record", "Self")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    assert written(small)["employer_of_record"] == "self"


def test_employer_of_record_that_varies_by_provider_becomes_a_list(small: Path, tmp_path: Path) -> None:
    text = answer(fixture_text("complete.md"), "Employer of record", "Self, Provider")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    assert written(small)["employer_of_record"] == ["self", "provider"]


def test_misspelt_provider_in_the_list_is_located_with_did_you_mean(small: Path, tmp_path: Path, capsys) -> None:
    text = answer(fixture_text("complete.md"), "Employer of record", "provider, kaiser-permanente-socl")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    located = capsys.readouterr().out.splitlines()[1]
    assert located.startswith(f"{SHOWN}:") and "`employer_of_record`, item 2 names the organization" in located
    assert "Did you mean `kaiser-permanente-socal`?" in located


def test_results_date_and_waitlist_reach_the_application(small: Path, tmp_path: Path) -> None:
    text = answer(fixture_text("complete.md"), "Results date", "2027-04-20")
    text = answer(text, "Waitlist", "- [X] Applicants who do not get a seat can join a waitlist")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    application = written(small)["application"]
    assert application["results_by"] == "2027-04-20" and application["waitlist"] is True


def test_results_date_before_the_deadline_is_located(small: Path, tmp_path: Path, capsys) -> None:
    text = answer(fixture_text("complete.md"), "Results date", "2027-03-01")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    located = capsys.readouterr().out.splitlines()[1]
    assert "`application.results_by` (2027-03-01) is before the deadline (2027-04-01)" in located
    assert "on or after 2027-04-01" in located


# -- files, folders and options -------------------------------------------------------


def test_organization_must_exist(small: Path, tmp_path: Path, capsys) -> None:
    text = answer(fixture_text("complete.md"), "Organization id", "harbor-logistics")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    assert capsys.readouterr().err == (
        "from-issue: error: no listing was written: the organization `harbor-logistics` is not in the catalog yet "
        "(catalog/employers/harbor-logistics/organization.yml does not exist). "
        "Create it first with: .venv/bin/python -m generator new organization harbor-logistics\n"
    )
    assert not (small / "employers" / "harbor-logistics").exists()


def test_existing_listing_is_refused_unless_forced(small: Path, tmp_path: Path, capsys) -> None:
    name = write_issue(tmp_path, fixture_text("complete.md"))
    assert main(["from-issue", name]) == 0
    target = small / "employers" / ORG / "radiology-summer-shadow.yml"
    target.write_text("kept: true\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["from-issue", name]) == 1
    assert capsys.readouterr().err == (
        f"from-issue: error: {SHOWN} already exists, so nothing was written. Choose another opportunity id, "
        "or run the command again with --force to replace the file\n"
    )
    assert target.read_text(encoding="utf-8") == "kept: true\n"
    assert main(["from-issue", name, "--force"]) == 0
    assert written(small) == COMPLETE


def test_dry_run_writes_nothing(small: Path, tmp_path: Path, capsys) -> None:
    before = tree(small)
    assert main(["from-issue", write_issue(tmp_path, fixture_text("complete.md")), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert tree(small) == before
    assert out.startswith(MODELINE + "\n")
    assert out.endswith(f"Dry run: nothing was written to {SHOWN}.\n1 file checked, 0 errors, 0 warnings\n")
    loaded, problems = load("dry-run", out.split("Dry run:")[0])
    assert problems == [] and loaded.data == COMPLETE


def test_dry_run_reports_problems_at_the_future_path(small: Path, tmp_path: Path, capsys) -> None:
    before = tree(small)
    assert main(["from-issue", write_issue(tmp_path, fixture_text("bad-values.md")), "--dry-run"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert tree(small) == before
    errors = [line for line in out if ": error: " in line]
    assert len(errors) == 2 and all(line.startswith(f"{SHOWN}:") for line in errors)
    assert out[-1] == "1 file checked, 2 errors, 0 warnings"


def test_catalog_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, catalog_today) -> None:
    monkeypatch.chdir(tmp_path)
    make_small_catalog(tmp_path / "elsewhere")
    name = write_issue(tmp_path, fixture_text("complete.md"))
    assert main(["from-issue", name, "--catalog", "elsewhere/catalog"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"Wrote elsewhere/{SHOWN}"
    assert (tmp_path / "elsewhere" / SHOWN).is_file()


def test_utf16_issue_file(small: Path, tmp_path: Path) -> None:
    (tmp_path / "issue.md").write_bytes(fixture_text("complete.md").encode("utf-16"))
    assert main(["from-issue", "issue.md"]) == 0
    assert written(small) == COMPLETE


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "from-issue: error: cannot read issue.md: No such file or directory\n"),
        ("folder", "from-issue: error: cannot read issue.md: Is a directory\n"),
        ("latin-1", "from-issue: error: issue.md is not UTF-8 text. Save the issue text again as UTF-8\n"),
        ("huge", "from-issue: error: issue.md is larger than 1024 KB; an issue body is much smaller\n"),
    ],
)
def test_unreadable_issue_file_exits_2(small: Path, tmp_path: Path, capsys, setup: str, message: str) -> None:
    issue = tmp_path / "issue.md"
    if setup == "folder":
        issue.mkdir()
    elif setup == "latin-1":
        issue.write_bytes("### Title\n\nCaf\u00e9\n".encode("latin-1"))
    elif setup == "huge":
        issue.write_bytes(b"x" * (1024 * 1024 + 1))
    before = tree(small)
    assert main(["from-issue", "issue.md"]) == 2
    assert capsys.readouterr().err == message
    assert tree(small) == before


def test_missing_catalog_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    name = write_issue(tmp_path, fixture_text("complete.md"))
    assert main(["from-issue", name]) == 2
    assert "the catalog folder `catalog` does not exist" in capsys.readouterr().err


# -- parsing, unit by unit ------------------------------------------------------------


def test_sections_keep_a_heading_typed_into_the_description() -> None:
    answers = from_issue.sections(fixture_text("hostile.md"))
    assert answers["org_id"] == ORG
    assert answers["format"] == "job-shadow"
    assert "### Kind of opportunity\n\napprenticeship" in answers["description"]


def test_checkboxes() -> None:
    assert from_issue.ticked("- [X] A\n- [ ] B\n- [x] C\n* [X] D\n- [X] A\n-[X] E\n") == ["A", "C", "D"]


def test_clean_removes_hidden_characters_and_unifies_line_breaks() -> None:
    assert from_issue.clean("a\r\nb\rc\u2028d\x00e\u200bf\u202eg\ufeff") == ("a\nb\nc\ndefg", 4)


_COMPLETE_ANSWERS = from_issue.parse(fixture_text("complete.md")).answers


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=120), description=st.text(max_size=300), role=st.text(max_size=60))
def test_any_text_is_written_as_the_same_data(title: str, description: str, role: str) -> None:
    title_value = from_issue._line(from_issue.clean(title)[0])
    description_value = from_issue._text(from_issue.clean(description)[0])
    role_value = from_issue._line(from_issue.clean(role)[0])
    assume(title_value and description_value and role_value)
    answers = {**_COMPLETE_ANSWERS, "title": title_value, "description": description_value, "contact_role": role_value}
    data = from_issue.listing(answers, "2026-11-22")
    text = from_issue.to_yaml(data, Path("catalog/employers/x/y.yml"), Path("catalog"))
    loaded, problems = load("y.yml", text)
    assert problems == []
    assert loaded is not None and loaded.data == data


def test_issue_from_standard_input(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(fixture_text("complete.md").encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["from-issue", "-"]) == 0
    assert written(small) == COMPLETE


# -- problems the new listing causes in other files ----------------------------------

RETIRED_HERE = (
    f"catalog/retired.yml:2:9: error: `{ORG}/radiology-summer-shadow` is retired but its file still exists. "
    f"Give the listing in {SHOWN} a new file name (a retired id is never used again), delete the file, "
    "or remove this entry if the same listing is offered again."
)


@pytest.mark.parametrize("dry_run", [False, True], ids=["written", "dry-run"])
def test_retired_id_is_reported(small: Path, tmp_path: Path, capsys, dry_run: bool) -> None:
    (small / "retired.yml").write_text(
        f"retired:\n  - id: {ORG}/radiology-summer-shadow\n    reason: The shadow ended in 2025.\n", encoding="utf-8"
    )
    name = write_issue(tmp_path, fixture_text("complete.md"))
    assert main(["from-issue", name, *(["--dry-run"] if dry_run else [])]) == 1
    out = capsys.readouterr().out.splitlines()
    errors = [line for line in out if ": error: " in line]
    assert errors == [RETIRED_HERE]
    assert "1 file checked, 1 error, 0 warnings" in out
    assert (tmp_path / SHOWN).exists() is not dry_run


def test_a_listing_claiming_the_new_id_is_reported(small: Path, tmp_path: Path, capsys) -> None:
    assert main(["from-issue", write_issue(tmp_path, fixture_text("complete.md"))]) == 0
    other = small / "employers" / ORG / "radiology-shadow.yml"
    other.write_text(
        (tmp_path / SHOWN).read_text(encoding="utf-8") + f"former_ids:\n  - {ORG}/radiology-summer-shadow\n", encoding="utf-8"
    )
    (tmp_path / SHOWN).unlink()
    capsys.readouterr()
    assert main(["from-issue", write_issue(tmp_path, fixture_text("complete.md")), "--dry-run"]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert errors[0].startswith(f"catalog/employers/{ORG}/radiology-shadow.yml:")
    assert f"The former id `{ORG}/radiology-summer-shadow` belongs to a listing that still exists" in errors[0]


# -- programs of other shapes: by age, free or for a fee, ways of taking part, times, online sites --------


def ticks(options: list[str], chosen: list[str]) -> str:
    """A checkboxes answer as GitHub writes it."""
    return "\n".join(f"- [{'X' if option in chosen else ' '}] {option}" for option in options)


def errors_in(lines: list[str]) -> list[str]:
    return [line for line in lines if ": error: " in line]


def answers(text: str, **by_label: str) -> str:
    for label, value in by_label.items():
        text = answer(text, label.replace("_", " "), value)
    return text


def free_class_talk() -> str:
    """A free one-hour online talk that a teacher registers a class for, open to ages 11 to 14."""
    text = fixture_text("complete.md")
    text = answer(text, "Title", "Nursing Careers Virtual Classroom Talk")
    text = answer(text, "One-sentence summary", "A one-hour online talk with a hospital nurse about nursing careers.")
    text = answer(text, "Kind of opportunity", "career-talk")
    text = answer(text, "Stage", "awareness")
    text = answer(text, "Who can apply by school status", ticks(list(from_issue.STATUSES), ["In school"]))
    text = answer(text, "How people take part", "class-registration")
    text = answer(text, "How to apply", "A teacher registers the class online; students join from the classroom.")
    text = answer(text, "Days it meets", ticks(list(from_issue.DAYS), []))
    for label, value in {
        "Pay": "free",
        "Pay amount in dollars": "_No response_",
        "Pay is per": "_No response_",
        "Employer of record": "_No response_",
        "Lowest grade": "_No response_",
        "Highest grade": "_No response_",
        "Minimum age": "11",
        "Maximum age": "14",
        "Application deadline": "2027-02-01",
        "First day": "2027-02-10",
        "Last day": "2027-02-10",
        "Start time": "9:00",
        "End time": "10 a.m.",
        "Total hours": "1",
        "Site name": "Online",
        "Site city": "_No response_",
        "Site ZIP code": "_No response_",
        "In person or remote": "remote",
        "Getting there by public transit": "_No response_",
        "Number of seats": "_No response_",
    }.items():
        text = answer(text, label, value)
    return text


def test_form_choices_follow_the_schema() -> None:
    from generator.check.schemas import read_schema

    opportunity = read_schema("opportunity")["properties"]
    choices = {
        f["id"]: [o["label"] if isinstance(o, dict) else o for o in f["attributes"].get("options", [])] for f in form_fields()
    }
    assert choices["application_mode"] == opportunity["application"]["properties"]["mode"]["enum"]
    pay_types = [from_issue.PAY_TYPES.get(option, option) for option in choices["pay_type"]]
    assert pay_types == opportunity["pay"]["properties"]["type"]["enum"]
    assert choices["status"] == list(from_issue.STATUSES)
    assert list(from_issue.STATUSES.values()) == opportunity["eligibility"]["properties"]["status"]["items"]["enum"]
    assert choices["days"] == list(from_issue.DAYS)
    assert list(from_issue.DAYS.values()) == read_schema("defs")["$defs"]["weekday"]["enum"]


def test_free_class_registration_talk_by_age_online(small: Path, tmp_path: Path, capsys) -> None:
    assert main(["from-issue", write_issue(tmp_path, free_class_talk())]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Wrote {SHOWN}" and errors_in(out) == []
    data = written(small)
    assert data["pay"] == {"type": "free"}
    assert "employer_of_record" not in data and "seats" not in data
    assert data["eligibility"] == {"age": {"min": 11, "max": 14}, "status": ["in-school"]}
    assert data["schedule"] == {"start": "2027-02-10", "end": "2027-02-10", "total_hours": 1, "from": "09:00", "to": "10:00"}
    assert data["application"] == {
        "mode": "class-registration",
        "how": "A teacher registers the class online; students join from the classroom.",
        "url": COMPLETE["application"]["url"],
        "deadline": "2027-02-01",
    }
    assert data["sites"] == [{"name": "Online", "mode": "remote"}]
    # In the order of docs/reference-opportunity.yml: who, then when, then how to take part.
    assert list(data).index("eligibility") < list(data).index("schedule") < list(data).index("application")
    assert errors_in(check_lines(small)) == []


def test_paid_internship_with_days_times_and_hours(small: Path, tmp_path: Path, capsys) -> None:
    text = fixture_text("complete.md")
    text = answer(text, "Pay", "paid")
    text = answer(text, "Pay amount in dollars", "18.50")
    text = answer(text, "Pay is per", "hour")
    text = answer(text, "How people take part", "apply")
    text = answer(text, "Days it meets", ticks(list(from_issue.DAYS), ["Monday", "Tuesday", "Wednesday", "Thursday"]))
    text = answer(text, "First day", "2027-06-21")
    text = answer(text, "Last day", "2027-07-30")
    text = answer(text, "Start time", "13:00")
    text = answer(text, "End time", "5:00 pm")
    text = answer(text, "Total hours", "96")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    assert errors_in(capsys.readouterr().out.splitlines()) == []
    data = written(small)
    assert data["pay"] == {"type": "paid", "amount": 18.5, "unit": "hour"}
    assert data["eligibility"] == COMPLETE["eligibility"]
    assert data["application"] == {"mode": "apply", **COMPLETE["application"]}
    assert data["schedule"] == {
        "start": "2027-06-21",
        "end": "2027-07-30",
        "total_hours": 96,
        "days": ["mon", "tue", "wed", "thu"],
        "from": "13:00",
        "to": "17:00",
    }
    assert data["sites"] == COMPLETE["sites"]
    assert errors_in(check_lines(small)) == []


def test_a_fee_with_its_amount(small: Path, tmp_path: Path) -> None:
    text = answer(answer(fixture_text("complete.md"), "Pay", "costs a fee"), "Employer of record", "_No response_")
    text = answer(text, "Pay amount in dollars", "$150")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    data = written(small)
    assert data["pay"] == {"type": "fee", "amount": 150, "unit": "total"}
    assert errors_in(check_lines(small)) == []


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"Lowest grade": "_No response_", "Highest grade": "_No response_", "Minimum age": "_No response_"},
            "  - Lowest grade: no answer. Give the lowest and highest grade, or the ages instead "
            "(such as 16 to 24 for young people out of school).",
        ),
        (
            {"Highest grade": "_No response_"},
            "  - Highest grade: no answer. Give both grades, or leave both empty and give the ages of a program open by age.",
        ),
        (
            {"Site city": "_No response_"},
            "  - Site city: no answer. It is required unless the site is online only (remote) "
            "or spread across areas (Worksites across areas).",
        ),
    ],
)
def test_answers_needed_only_in_some_cases(small: Path, tmp_path: Path, capsys, changes: dict, problem: str) -> None:
    before = tree(small)
    text = fixture_text("complete.md")
    for label, value in changes.items():
        text = answer(text, label, value)
    assert main(["from-issue", write_issue(tmp_path, text)]) == 1
    assert capsys.readouterr().err.splitlines()[1:-1] == [problem]
    assert tree(small) == before


def test_ages_alone_are_enough(small: Path, tmp_path: Path) -> None:
    text = answer(answer(fixture_text("complete.md"), "Lowest grade", "_No response_"), "Highest grade", "_No response_")
    assert main(["from-issue", write_issue(tmp_path, text)]) == 0
    assert written(small)["eligibility"] == {"age": {"min": 16}}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9:00", "09:00"),
        ("09:00", "09:00"),
        ("15:30", "15:30"),
        ("9 am", "09:00"),
        ("3:30 p.m.", "15:30"),
        ("12 pm", "12:00"),
        ("12:15 AM", "00:15"),
        ("noon", "noon"),
        ("9", "9"),
        ("25:00", "25:00"),
        ("13 pm", "13 pm"),
    ],
)
def test_times_as_people_type_them(typed: str, expected: str) -> None:
    assert from_issue._clock(typed) == expected
