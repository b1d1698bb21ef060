"""The "Add an opportunity" issue form: its fields, and how its body is read back into answers.

GitHub writes each answer of an issue form as `### <label>`, a blank line
and the answer (`_No response_` when it was left empty); checkboxes as one
`- [X] option` or `- [ ] option` line each. The labels below must match
.github/ISSUE_TEMPLATE/add-opportunity.yml exactly (tests/test_from_issue.py
compares them), and the table "Issue form fields" in CONTRIBUTING.md.

Everything in an issue is untrusted text: answers are cleaned of hidden
characters here and are only ever data. from_issue.py writes them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.commands.new import id_problem
from generator.ids import reserved_problem

NO_RESPONSE = "_No response_"


@dataclass(frozen=True, slots=True)
class Field:
    label: str  # the heading GitHub writes: `### <label>`
    id: str  # the form field's id
    kind: str  # input, textarea, dropdown or checkboxes, as in the form


# In the form's order. Keep in step with .github/ISSUE_TEMPLATE/add-opportunity.yml.
FIELDS = (
    Field("Organization id", "org_id", "input"),
    Field("Opportunity id", "opportunity_id", "input"),
    Field("Title", "title", "input"),
    Field("One-sentence summary", "summary", "input"),
    Field("Description", "description", "textarea"),
    Field("Kind of opportunity", "format", "dropdown"),
    Field("Stage", "stage", "dropdown"),
    Field("Industry sectors", "sectors", "checkboxes"),
    Field("Pay", "pay_type", "dropdown"),
    Field("Pay amount in dollars", "pay_amount", "input"),
    Field("Pay is per", "pay_unit", "dropdown"),
    Field("Employer of record", "employer_of_record", "input"),
    Field("Lowest grade", "grade_min", "dropdown"),
    Field("Highest grade", "grade_max", "dropdown"),
    Field("Minimum age", "age_min", "input"),
    Field("Maximum age", "age_max", "input"),
    Field("Who can apply by school status", "status", "checkboxes"),
    Field("How people take part", "application_mode", "dropdown"),
    Field("How to apply", "how_to_apply", "input"),
    Field("Application link", "application_url", "input"),
    Field("Application deadline", "deadline", "input"),
    Field("First day", "start_date", "input"),
    Field("Last day", "end_date", "input"),
    Field("Days it meets", "days", "checkboxes"),
    Field("Start time", "time_from", "input"),
    Field("End time", "time_to", "input"),
    Field("Total hours", "total_hours", "input"),
    Field("Site name", "site_name", "input"),
    Field("Site city", "site_city", "input"),
    Field("Site ZIP code", "site_zip", "input"),
    Field("In person or remote", "site_mode", "dropdown"),
    Field("Getting there by public transit", "transit", "input"),
    Field("Number of seats", "seats", "input"),
    Field("Contact office or role", "contact_role", "input"),
    Field("Contact email", "contact_email", "input"),
    Field("Privacy", "no_student_data", "checkboxes"),
)
LABELS = {f.id: f.label for f in FIELDS}

# The options of the form's checkboxes and dropdowns that are not written as the catalog writes them.
PAY_TYPES = {"costs a fee": "fee"}
STATUSES = {"In school": "in-school", "Out of school": "out-of-school", "Graduated (high school diploma or GED)": "graduated"}
DAYS = {
    "Monday": "mon",
    "Tuesday": "tue",
    "Wednesday": "wed",
    "Thursday": "thu",
    "Friday": "fri",
    "Saturday": "sat",
    "Sunday": "sun",
}
REMOTE = "remote"

# Answers a listing cannot do without: the form's required fields, plus the sectors (the
# schema needs one or more) and the privacy box (the submitter must tick it). The grades
# (or the ages instead) and the site's city (unless the site is remote) are checked in parse().
REQUIRED = (
    "org_id",
    "opportunity_id",
    "title",
    "summary",
    "description",
    "format",
    "stage",
    "sectors",
    "pay_type",
    "how_to_apply",
    "deadline",
    "site_name",
    "site_mode",
    "contact_role",
    "contact_email",
    "no_student_data",
)

# Line breaks of every kind become "\n"; hidden characters (the ones a one-line catalog value
# may not hold: controls, soft hyphens, zero-width and bidirectional marks, BOMs) are removed.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_HIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
_CHECKBOX = re.compile(r"\s*[-*]\s+\[([ xX])\]\s+(.*?)\s*\Z")


def clean(text: str) -> tuple[str, int]:
    """Text with one kind of line break and no hidden characters; also how many were removed."""
    text = _BREAKS.sub("\n", text)
    removed = len(_HIDDEN.findall(text))
    return _HIDDEN.sub("", text), removed


def sections(text: str) -> dict[str, str | None]:
    """The raw answer under each form heading, by field id; None when absent or `_No response_`.

    Only the description is free text over several lines, so only it can hold a line that looks
    like one of the form's headings. The heading that follows it is therefore its last
    occurrence; every other heading is the first occurrence after the one before it.
    """
    lines = text.split("\n")
    heads = [(i, line[4:].strip()) for i, line in enumerate(lines) if line.startswith("### ")]
    found: list[tuple[int, Field]] = []
    after = -1
    for field in FIELDS:
        places = [i for i, label in heads if label == field.label and i > after]
        if not places:
            continue
        after = places[-1] if found and found[-1][1].kind == "textarea" else places[0]
        found.append((after, field))
    answers: dict[str, str | None] = {f.id: None for f in FIELDS}
    for n, (start, field) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        body = [line.rstrip() for line in lines[start + 1 : end]]
        while body and not body[0].strip():
            body.pop(0)
        while body and not body[-1].strip():
            body.pop()
        value = "\n".join(body)
        answers[field.id] = None if not value.strip() or value.strip() == NO_RESPONSE else value
    return answers


def _line(value: str | None) -> str | None:
    """A one-line answer: lines joined by spaces, tabs as spaces, outer spaces removed."""
    if value is None:
        return None
    joined = " ".join(part.strip() for part in value.replace("\t", " ").split("\n") if part.strip())
    return joined or None


def _text(value: str | None) -> str | None:
    """A Markdown answer: kept over several lines, tabs as four spaces, no trailing spaces."""
    if value is None:
        return None
    text = "\n".join(line.replace("\t", "    ").rstrip() for line in value.split("\n")).strip("\n")
    return text if text.strip() else None


def ticked(value: str | None) -> list[str]:
    """The ticked options of a checkbox answer, in order, each once."""
    out: list[str] = []
    for line in (value or "").split("\n"):
        match = _CHECKBOX.match(line)
        if match and match.group(1) in "xX" and match.group(2) and match.group(2) not in out:
            out.append(match.group(2))
    return out


def _who_and_where(answers: dict[str, Any]) -> list[str]:
    """The answers needed only in some cases: both grades, or ages instead; a city unless the site is remote."""
    problems = []
    grades = [answers["grade_min"], answers["grade_max"]]
    if any(grades) and not all(grades):
        missing = "grade_min" if not grades[0] else "grade_max"
        problems.append(
            f"{LABELS[missing]}: no answer. Give both grades, or leave both empty and give the ages of a program open by age."
        )
    elif not any(grades) and not (answers["age_min"] or answers["age_max"]):
        problems.append(
            f"{LABELS['grade_min']}: no answer. Give the lowest and highest grade, or the ages instead "
            "(such as 16 to 24 for young people out of school)."
        )
    if not answers["site_city"] and answers["site_mode"] != REMOTE:
        problems.append(f"{LABELS['site_city']}: no answer. It is required unless the site is online only (remote).")
    return problems


@dataclass
class Parsed:
    answers: dict[str, Any]
    problems: list[str]  # answers that keep the listing from being written
    removed: int  # hidden characters removed
    headings: int  # form headings found


def parse(text: str) -> Parsed:
    text, removed = clean(text)
    raw = sections(text)
    answers: dict[str, Any] = {}
    for field in FIELDS:
        if field.kind == "checkboxes":
            answers[field.id] = ticked(raw[field.id])
        elif field.kind == "textarea":
            answers[field.id] = _text(raw[field.id])
        else:
            answers[field.id] = _line(raw[field.id])
    problems = []
    for ident in REQUIRED:
        if answers[ident]:
            continue
        label = LABELS[ident]
        if ident == "no_student_data":
            problems.append(
                f"{label}: the box is not ticked. The submitter must confirm that the issue holds "
                "no student information and no personal contact details."
            )
        elif ident == "sectors":
            problems.append(f"{label}: no sector is ticked. Tick one to four.")
        else:
            problems.append(f"{label}: no answer. It is required.")
    problems.extend(_who_and_where(answers))
    for ident, noun in (("org_id", "organization id"), ("opportunity_id", "opportunity id")):
        value = answers[ident]
        if value:
            problem = id_problem(value, noun)
            kind = {"org_id": "organization", "opportunity_id": "opportunity"}.get(ident)
            reserved = reserved_problem(value, kind) if kind else None
            if problem is None and reserved:
                problem = f"`{value}` {reserved}. Choose another {kind} id."
            if problem:
                problems.append(f"{LABELS[ident]}: {problem}")
    labels = set(LABELS.values())
    headings = sum(1 for line in text.split("\n") if line.startswith("### ") and line[4:].strip() in labels)
    return Parsed(answers, problems, removed, headings)
