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

from generator.check.places import is_place
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
    Field("Pay steps by year", "pay_steps", "textarea"),
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
    Field("Application windows", "application_windows", "textarea"),
    Field("Results date", "results_by", "input"),
    Field("Waitlist", "waitlist", "checkboxes"),
    Field("First day", "start_date", "input"),
    Field("Last day", "end_date", "input"),
    Field("Event dates", "dates", "textarea"),
    Field("Days it meets", "days", "checkboxes"),
    Field("Start time", "time_from", "input"),
    Field("End time", "time_to", "input"),
    Field("Total hours", "total_hours", "input"),
    Field("Site name", "site_name", "input"),
    Field("Worksites across areas", "across", "dropdown"),
    Field("Site city", "site_city", "input"),
    Field("Site ZIP code", "site_zip", "input"),
    Field("In person or remote", "site_mode", "dropdown"),
    Field("Getting there by public transit", "transit", "input"),
    Field("Number of seats", "seats", "input"),
    Field("Credits students earn", "credits", "textarea"),
    Field("Endorsements students can earn", "endorsements", "dropdown"),
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
# (or the ages instead), the site's city (unless the site is remote) and the deadline (unless application
# windows are given) are checked in parse().
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


# -- answers written a line at a time -------------------------------------------------------
# A non-programmer writes pay steps, application windows and credits as short lines; each line that cannot be
# read is named with an example of one that can, and nothing is written until the submitter corrects it.

CREDIT_KINDS = {
    "high school": "high-school",
    "high-school": "high-school",
    "college": "college",
    "apprenticeship hours": "apprenticeship-hours",
    "apprenticeship-hours": "apprenticeship-hours",
    "apprenticeship": "apprenticeship-hours",
}
STEP_EXAMPLE = "year 1: 18.50"
DATE_EXAMPLE = "2027-02-03"
WINDOW_EXAMPLE = "2027-01-11 – 2027-03-01"
CREDIT_EXAMPLE = "college: 3 units from Harborview Community College"
_AMOUNT = r"\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?)"
_STEP = re.compile(rf"year\s*([0-9]{{1,2}})\s*[:=]?\s*{_AMOUNT}(?:\s*(?:an?|per|/)\s*[a-z]+)?\s*\Z", re.IGNORECASE)
_DATE = r"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})"
_WINDOW = re.compile(rf"(?:opens\s+)?{_DATE}\s*(?:[-\u2010-\u2015]+|to|through|until|,?\s*closes)\s*{_DATE}\s*\Z", re.IGNORECASE)
_CREDIT = re.compile(
    r"([a-z -]+?)\s*:\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:credits?|units?|hours?)?\s*(?:,?\s*(?:from|granted by|by)\s+(.+))?\Z",
    re.IGNORECASE,
)


def _lines(value: str | None) -> list[str]:
    """The non-empty lines of an answer, without list markers (`- `, `* `, `1. `) people add out of habit."""
    return [re.sub(r"^\s*(?:[-*\u2022]|[0-9]+[.)])\s+", "", line).strip() for line in (value or "").split("\n") if line.strip()]


def _amount(text: str) -> int | float:
    number = float(text.replace(",", ""))
    return int(number) if number.is_integer() else number


def _iso(text: str) -> str:
    """2027-1-5 as 2027-01-05; the checker says whether the day exists."""
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _cannot_read(ident: str, n: int, line: str, example: str, why: str = "") -> str:
    return f"{LABELS[ident]}, line {n}: `{line}` cannot be read{why}. Write one a line, such as `{example}`."


def pay_steps(value: str | None) -> tuple[list[dict[str, Any]], list[str]]:
    """`year 1: 18.50` lines as wage steps, and a problem for each line that is not one."""
    steps, problems = [], []
    for n, line in enumerate(_lines(value), 1):
        match = _STEP.match(line)
        if match:
            steps.append({"year": int(match[1]), "amount": _amount(match[2])})
        else:
            problems.append(_cannot_read("pay_steps", n, line, STEP_EXAMPLE))
    return steps, problems


def windows(value: str | None) -> tuple[list[dict[str, str]], list[str]]:
    """`opens – closes` lines as application windows, and a problem for each line that is not one."""
    found, problems = [], []
    for n, line in enumerate(_lines(value), 1):
        match = _WINDOW.match(line)
        if match:
            found.append({"opens": _iso(match[1]), "deadline": _iso(match[2])})
        else:
            why = " (write the dates as year-month-day)" if not re.search(_DATE, line) else ""
            problems.append(_cannot_read("application_windows", n, line, WINDOW_EXAMPLE, why))
    return found, problems


def event_dates(value: str | None) -> tuple[list[str], list[str]]:
    """Listed event days, one `YYYY-MM-DD` a line, and a problem for each line that is not one date. Order, repeats
    and days that do not exist are left to the checker, which names the item."""
    found, problems = [], []
    for n, line in enumerate(_lines(value), 1):
        match = re.fullmatch(rf"{_DATE}\s*", line)
        if match:
            found.append(_iso(match[1]))
            continue
        written = re.findall(_DATE, line)
        why = (
            " (write the date as year-month-day)"
            if not written
            else " (one date a line)"
            if len(written) > 1
            else " (only the date: the time goes under Start time and End time)"
        )
        problems.append(_cannot_read("dates", n, line, DATE_EXAMPLE, why))
    return found, problems


def credits(value: str | None) -> tuple[list[dict[str, Any]], list[str]]:
    """`kind: amount [from who]` lines as credits, and a problem for each line that is not one."""
    found, problems = [], []
    kinds = ", ".join(sorted({k for k in CREDIT_KINDS if "-" not in k}))
    for n, line in enumerate(_lines(value), 1):
        match = _CREDIT.match(line)
        kind = CREDIT_KINDS.get(" ".join(match[1].lower().split())) if match else None
        if match and kind:
            credit: dict[str, Any] = {"kind": kind, "amount": _amount(match[2])}
            if match[3] and match[3].strip(" ."):
                credit["from"] = match[3].strip(" .")
            found.append(credit)
        else:
            why = f" (it starts with one of: {kinds})" if match else ""
            problems.append(_cannot_read("credits", n, line, CREDIT_EXAMPLE, why))
    return found, problems


def endorsement_options(items: list[dict[str, Any]]) -> dict[str, Any]:
    """The form's endorsement choices, from catalog/vocabularies/endorsements.yml: each one's English name, and
    for one with levels also each `name – level`, mapped to what the listing writes."""
    options: dict[str, Any] = {}
    for item in items:
        name, ident = str(item.get("name") or item["id"]), str(item["id"])
        options[name] = ident
        for tier in item.get("tiers", []):
            options[f"{name} – {tier.get('name') or tier['id']}"] = {"id": ident, "tier": str(tier["id"])}
    return options


def area_options(areas: list[dict[str, Any]], regions: list[dict[str, Any]]) -> dict[str, str]:
    """The form's choices for worksites spread across areas, from catalog/vocabularies/areas.yml: the whole region
    (`across: region`), then each area that is a place (not the online one) by its English name, mapped to its id."""
    region = next((str(r.get("name") or r["id"]) for r in regions if "id" in r), "")
    options = {f"The whole {region} region" if region else "The whole region": "region"}
    for item in areas:
        if is_place(item):
            options[str(item.get("name") or item["id"])] = str(item["id"])
    return options


def chosen(value: str | None) -> list[str]:
    """The options of a dropdown that allows several, which GitHub writes joined by `, `."""
    return [part.strip() for part in (value or "").split(", ") if part.strip()]


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
    across = answers["across"]
    if across and answers["site_mode"] == REMOTE:
        problems.append(
            f"{LABELS['across']}: leave it empty for an online-only (remote) site, which is in no area; "
            "or choose in-person or hybrid under In person or remote."
        )
    elif across:
        for ident in ("site_city", "site_zip"):
            if answers[ident]:
                problems.append(
                    f"{LABELS[ident]}: leave it empty when {LABELS['across']} are chosen; worksites spread across "
                    "areas have no single address. For one site at one address, leave the areas empty instead."
                )
    elif not answers["site_city"] and answers["site_mode"] != REMOTE:
        problems.append(
            f"{LABELS['site_city']}: no answer. It is required unless the site is online only (remote) "
            f"or spread across areas ({LABELS['across']})."
        )
    return problems


def _once(answers: dict[str, Any], written: set[str]) -> list[str]:
    """When to apply and how much is paid, said once: a deadline or windows, an amount or steps. `written` holds
    the line-at-a-time answers that were given, read or not (an unreadable line has its own problem)."""
    problems = []
    if not answers["deadline"] and "application_windows" not in written:
        problems.append(
            f"{LABELS['deadline']}: no answer. Give the last day to apply, `rolling`, or the dates under "
            f"{LABELS['application_windows']}."
        )
    elif answers["deadline"] and "application_windows" in written:
        problems.append(
            f"{LABELS['deadline']}: leave it empty when {LABELS['application_windows']} are given; each window has its own "
            "last day."
        )
    if answers["pay_amount"] and "pay_steps" in written:
        problems.append(
            f"{LABELS['pay_amount']}: leave it empty when {LABELS['pay_steps']} are given; the page shows the range of the steps."
        )
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
    answers["across"] = chosen(answers["across"])
    problems.extend(_who_and_where(answers))
    written = {ident for ident in ("pay_steps", "application_windows", "credits", "dates") if answers[ident]}
    problems.extend(_once(answers, written))
    read_lines = (("pay_steps", pay_steps), ("application_windows", windows), ("credits", credits), ("dates", event_dates))
    for ident, read in read_lines:
        answers[ident], found = read(answers[ident])
        problems.extend(found)
    if "dates" in written and len(answers["dates"]) == 1 and len(_lines(raw["dates"])) == 1:
        problems.append(
            f"{LABELS['dates']}: give two or more dates, one a line; for a one-day event, give the day under "
            f"{LABELS['start_date']} and {LABELS['end_date']} instead."
        )
    answers["endorsements"] = chosen(answers["endorsements"])
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
