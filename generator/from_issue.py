"""`python -m generator from-issue`: turn an "Add an opportunity" issue into a listing file.

    python -m generator from-issue issue-123.md [--catalog DIR] [--dry-run] [--force]

GitHub writes each answer of an issue form as `### <label>`, a blank line
and the answer (`_No response_` when it was left empty); checkboxes as one
`- [X] option` or `- [ ] option` line each. The labels below must match
.github/ISSUE_TEMPLATE/add-opportunity.yml exactly (tests/test_from_issue.py
compares them), and the table "Issue form fields" in CONTRIBUTING.md.

Everything in an issue is untrusted text. Answers are only ever data: they
are cleaned of hidden characters, written with PyYAML's safe dumper (so no
answer can become YAML syntax, a tag or a second key), and never evaluated.
The two ids must be valid ids before they become a path, so `../x` or `/x`
cannot leave the catalog. The new file is then checked like any other, and
the checker's located messages are printed.

Exit status: 0 when the new file checks clean (warnings allowed); 1 when it
has problems (it is still written, for a maintainer to fix), when required
answers are missing or an id is invalid (nothing is written), or when the
organization is not in the catalog; 2 when the issue file cannot be read.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .discover import shown_path
from .problems import Problem, as_text, summary
from .starter import (
    RESERVED_OPPORTUNITY_IDS,
    catalog_problem,
    check_command,
    error,
    id_problem,
    organization_problem,
    printable,
    schema_modeline,
    write_new,
)

COMMAND = "from-issue"
MAX_BYTES = 1024 * 1024
NO_RESPONSE = "_No response_"
NOT_PUBLISHED = "not published"


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
    Field("How to apply", "how_to_apply", "input"),
    Field("Application link", "application_url", "input"),
    Field("Application deadline", "deadline", "input"),
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

# Answers a listing cannot do without: the form's required fields, plus the sectors (the
# schema needs one or more) and the privacy box (the submitter must tick it).
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
    "grade_min",
    "grade_max",
    "how_to_apply",
    "deadline",
    "site_name",
    "site_city",
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
_WHOLE = re.compile(r"[0-9]{1,9}\Z")
_DECIMAL = re.compile(r"[0-9]{1,9}\.[0-9]{1,4}\Z")


# -- reading the issue --------------------------------------------------------------


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


def _number(value: str) -> int | float | str:
    """18, 18.50, $18.50 and 1,200 become numbers; anything else stays text for the checker to report."""
    text = value.strip().removeprefix("$").strip().replace(",", "")
    if _WHOLE.match(text):
        return int(text)
    if _DECIMAL.match(text):
        number = float(text)
        return int(number) if number.is_integer() else number
    return value


def _whole(value: str) -> int | str:
    text = value.strip().replace(",", "")
    return int(text) if _WHOLE.match(text) else value


# -- building the listing -----------------------------------------------------------


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
    for ident, noun in (("org_id", "organization id"), ("opportunity_id", "opportunity id")):
        value = answers[ident]
        if value:
            problem = id_problem(value, noun)
            if problem is None and ident == "opportunity_id" and value in RESERVED_OPPORTUNITY_IDS:
                problem = f"`{value}` is reserved for the organization's profile. Choose another opportunity id."
            if problem:
                problems.append(f"{LABELS[ident]}: {problem}")
    labels = set(LABELS.values())
    headings = sum(1 for line in text.split("\n") if line.startswith("### ") and line[4:].strip() in labels)
    return Parsed(answers, problems, removed, headings)


def listing(answers: dict[str, Any], today: str) -> dict[str, Any]:
    """The opportunity, keys in the order of docs/reference-opportunity.yml."""
    a = answers
    data: dict[str, Any] = {"example": False, "title": a["title"], "summary": a["summary"], "description": a["description"]}
    eor = a["employer_of_record"]
    if eor:
        data["employer_of_record"] = "self" if eor.lower() == "self" else eor
    data["format"] = a["format"]
    data["stage"] = a["stage"]
    data["sectors"] = list(a["sectors"])

    pay: dict[str, Any] = {"type": a["pay_type"]}
    unit = a["pay_unit"]
    if a["pay_amount"]:
        pay["amount"] = _number(a["pay_amount"])
        if unit and unit != NOT_PUBLISHED:
            pay["unit"] = unit
    if unit == NOT_PUBLISHED and a["pay_type"] != "unpaid":
        pay["amount_published"] = False
    data["pay"] = pay

    eligibility: dict[str, Any] = {"grades": {"min": _whole(a["grade_min"]), "max": _whole(a["grade_max"])}}
    age = {key: _whole(a[f"age_{key}"]) for key in ("min", "max") if a[f"age_{key}"]}
    if age:
        eligibility["age"] = age
    data["eligibility"] = eligibility

    application: dict[str, Any] = {"how": a["how_to_apply"]}
    if a["application_url"]:
        application["url"] = a["application_url"]
    if a["deadline"].strip().rstrip(".").lower() == "rolling":
        application["rolling"] = True
    else:
        application["deadline"] = a["deadline"]
    data["application"] = application

    site: dict[str, Any] = {"name": a["site_name"], "city": a["site_city"]}
    if a["site_zip"]:
        site["zip"] = a["site_zip"]
    site["mode"] = a["site_mode"]
    if a["transit"]:
        site["transit"] = a["transit"]
    data["sites"] = [site]
    if a["seats"]:
        data["seats"] = _whole(a["seats"])
    data["contact"] = {"role": a["contact_role"], "email": a["contact_email"]}
    data["status"] = "open"
    data["last_reviewed"] = today
    return data


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with list items indented like the rest of the catalog."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Several lines read best as a `|` block; the emitter falls back to quotes when a block cannot hold the text.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


def to_yaml(data: dict[str, Any], target: Path, root: Path) -> str:
    header = (
        f"{schema_modeline('opportunity', target, root)}\n"
        "#\n"
        '# Made from an "Add an opportunity" issue by `python -m generator from-issue`.\n'
        "# Read every value before opening the pull request.\n"
    )
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096, default_flow_style=False)
    return header + body


# -- checking -----------------------------------------------------------------------


def _same_file(problem: Problem, target: Path) -> bool:
    try:
        return Path(problem.path).resolve() == target.resolve()
    except (OSError, ValueError):
        return False


def check_in_place(root: Path, target: Path) -> list[Problem]:
    from .assemble import today
    from .catalog import check_catalog

    return [p for p in check_catalog(root, as_of=today()).problems if _same_file(p, target)]


def check_in_sandbox(root: Path, org_id: str, opportunity_id: str, text: str, shown: str) -> list[Problem]:
    """Check the listing in a temporary copy of what it refers to, without touching the catalog."""
    from .assemble import today
    from .catalog import check_catalog

    with tempfile.TemporaryDirectory(prefix="from-issue-") as tmp:
        sandbox = Path(tmp) / "catalog"
        sandbox.mkdir()
        # What a new listing can refer to. A part that cannot be copied shows up only as problems
        # in other files, which are not reported here.
        for name in ("vocabularies", "rubrics", "pathways"):
            with contextlib.suppress(OSError):
                shutil.copytree(root / name, sandbox / name, symlinks=True)
        with contextlib.suppress(OSError):
            shutil.copy(root / "retired.yml", sandbox / "retired.yml")
        for profile in sorted((root / "employers").glob("*/organization.yml")):
            with contextlib.suppress(OSError):
                (sandbox / "employers" / profile.parent.name).mkdir(parents=True)
                shutil.copy(profile, sandbox / "employers" / profile.parent.name / "organization.yml")
        target = sandbox / "employers" / org_id / f"{opportunity_id}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        found = [p for p in check_catalog(sandbox, as_of=today()).problems if _same_file(p, target)]
    return [dataclasses.replace(p, path=shown) for p in found]


# -- command ------------------------------------------------------------------------


def read_issue(name: str) -> tuple[str | None, str]:
    """The issue's text, or None and why it cannot be read."""
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, f"cannot read {printable(name)}: {exc.strerror or exc}"
    if len(raw) > MAX_BYTES:
        return None, f"{printable(name)} is larger than {MAX_BYTES // 1024} KB; an issue body is much smaller"
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # PowerShell's `>` saves UTF-16
            return raw.decode("utf-16"), ""
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return None, f"{printable(name)} is not UTF-8 text. Save the issue text again as UTF-8"


def cmd_from_issue(args: argparse.Namespace) -> int:
    from .assemble import today

    text, why = read_issue(args.issue)
    if text is None:
        error(COMMAND, why)
        return 2
    root = Path(args.catalog)
    problem = catalog_problem(root)
    if problem:
        error(COMMAND, problem)
        return 2
    as_of = today().isoformat()  # a bad CATALOG_TODAY stops here, before anything is written

    parsed = parse(text)
    name = printable(args.issue)
    if parsed.headings == 0:
        error(
            COMMAND,
            f'{name} holds no answers of the "Add an opportunity" form (no `### <label>` headings). '
            "Save the issue's body, for example: gh issue view 123 --json body --jq .body > issue-123.md",
        )
        return 1
    if parsed.problems:
        error(COMMAND, f"no listing was written, because some answers in {name} need attention:")
        for line in parsed.problems:
            print(f"  - {line}", file=sys.stderr)
        print(
            "Ask the submitter to edit the issue, or correct the answers in the file, then run the command again.",
            file=sys.stderr,
        )
        return 1

    org_id, opportunity_id = parsed.answers["org_id"], parsed.answers["opportunity_id"]
    problem = organization_problem(root, org_id)
    if problem:
        error(COMMAND, f"no listing was written: {problem}")
        return 1
    target = root / "employers" / org_id / f"{opportunity_id}.yml"
    shown = printable(shown_path(target), limit=1000)
    if (target.exists() or target.is_symlink()) and not args.force:
        error(
            COMMAND,
            f"{shown} already exists, so nothing was written. Choose another opportunity id, "
            "or run the command again with --force to replace the file",
        )
        return 1
    if parsed.removed:
        print(
            f"Note: removed {parsed.removed} hidden character{'s' * (parsed.removed != 1)} "
            "(control, zero-width or text-direction characters) from the answers."
        )

    yaml_text = to_yaml(listing(parsed.answers, as_of), target, root)
    if args.dry_run:
        print(yaml_text, end="")
        print(f"Dry run: nothing was written to {shown}.")
        problems = check_in_sandbox(root, org_id, opportunity_id, yaml_text, shown_path(target))
    else:
        try:
            write_new(target, yaml_text, args.force)
        except FileExistsError:
            error(COMMAND, f"{shown} already exists, so nothing was written")
            return 1
        except OSError as exc:
            error(COMMAND, f"cannot write {shown}: {exc.strerror or exc}")
            return 1
        print(f"Wrote {shown}")
        problems = check_in_place(root, target)
    for line in as_text(problems):
        print(line)
    print(summary(1, problems))
    if any(p.severity == "error" for p in problems):
        if not args.dry_run:
            print(f"The file has problems: fix them, then run: {printable(check_command(target, root), limit=1000)}")
        return 1
    if not args.dry_run:
        print(
            "Next: read the file, add what the form could not say (more sites, Spanish text, pathways), "
            f"then run: {printable(check_command(target, root), limit=1000)}"
        )
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "from-issue",
        help='turn an "Add an opportunity" issue into a listing file',
        description='Read the body of an "Add an opportunity" issue, write the listing to '
        "catalog/employers/<org-id>/<opportunity-id>.yml and check it.",
    )
    parser.add_argument("issue", metavar="ISSUE_FILE", help="the issue's body saved as a file (- reads standard input)")
    parser.add_argument("--catalog", metavar="DIR", default="catalog", help="catalog folder (default: ./catalog)")
    parser.add_argument("--dry-run", action="store_true", help="print the listing and its check without writing it")
    parser.add_argument("--force", action="store_true", help="replace the listing file if it exists")
    parser.set_defaults(func=cmd_from_issue)
