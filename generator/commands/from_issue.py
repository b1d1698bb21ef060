"""`python -m generator from-issue`: turn an "Add an opportunity" issue into a listing file.

    python -m generator from-issue issue-123.md [--catalog DIR] [--dry-run] [--force]

The issue's body is read by issue_form.py; this module writes the listing
and checks it.

Everything in an issue is untrusted text. Answers are only ever data: they
are cleaned of hidden characters, written with PyYAML's safe dumper (so no
answer can become YAML syntax, a tag or a second key), and never evaluated.
The two ids must be valid ids before they become a path, so `../x` or `/x`
cannot leave the catalog. The new file is then checked like any other, and
the checker's located messages are printed: its own problems and every
problem it causes in another file (an id that retired.yml lists, or that
another listing claims as a former id).

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
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.check.discover import shown_path
from generator.check.problems import Problem, as_text, summary
from generator.commands.issue_form import (
    DAYS,
    FIELDS,
    LABELS,
    NO_RESPONSE,
    PAY_TYPES,
    REQUIRED,
    STATUSES,
    Field,
    Parsed,
    area_options,
    clean,
    endorsement_options,
    parse,
    sections,
    ticked,
)
from generator.commands.issue_form import _line as _line
from generator.commands.issue_form import _text as _text
from generator.commands.new import (
    catalog_problem,
    check_command,
    error,
    organization_problem,
    printable,
    schema_modeline,
    write_new,
)

__all__ = [
    "DAYS",
    "FIELDS",
    "LABELS",
    "NO_RESPONSE",
    "PAY_TYPES",
    "REQUIRED",
    "STATUSES",
    "Field",
    "Parsed",
    "clean",
    "cmd_from_issue",
    "listing",
    "parse",
    "register",
    "sections",
    "ticked",
    "to_yaml",
]

COMMAND = "from-issue"
MAX_BYTES = 1024 * 1024
NOT_PUBLISHED = "not published"
# Numbers as people type them in a text answer (pay, grades, ages, seats), after `$` and commas are removed.
_WHOLE = re.compile(r"[0-9]{1,9}\Z")
_DECIMAL = re.compile(r"[0-9]{1,9}\.[0-9]{1,4}\Z")
# A time of day as people type it: 9:00, 09:00, 9 am, 3:30 p.m.
_CLOCK = re.compile(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*(?:([aApP])\.?\s*[mM]\.?)?\Z")


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


def _clock(value: str) -> str:
    """9:00, 9 am and 3:30 p.m. become 24-hour HH:MM; anything else stays as written for the checker to report."""
    match = _CLOCK.match(value.strip())
    if not match or (match[2] is None and match[3] is None):
        return value
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[3]:
        if not 1 <= hour <= 12:
            return value
        hour = hour % 12 + (12 if match[3] in "pP" else 0)
    if hour > 23 or minute > 59:
        return value
    return f"{hour:02d}:{minute:02d}"


def listing(
    answers: dict[str, Any],
    today: str,
    endorsements: Mapping[str, Any] | None = None,
    areas: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The opportunity, keys in the order of docs/reference-opportunity.yml. `endorsements` maps the form's
    endorsement choices to what the listing writes (see endorsement_options), `areas` the choices of worksites
    across areas to area ids (see area_options)."""
    endorsements, areas = endorsements or {}, areas or {}
    a = answers
    data: dict[str, Any] = {"example": False, "title": a["title"], "summary": a["summary"], "description": a["description"]}
    # One organization, `self`, or `provider` (whichever youth-services provider enrolls the student); several,
    # separated by commas, when it depends on who enrolls the student.
    eors = [p.strip() for p in re.split(r"[,;]", a["employer_of_record"] or "") if p.strip()]
    eors = [p.lower() if p.lower() in ("self", "provider") else p for p in eors]
    if eors:
        data["employer_of_record"] = eors[0] if len(eors) == 1 else eors
    data["format"] = a["format"]
    data["stage"] = a["stage"]
    data["sectors"] = list(a["sectors"])

    pay_type = PAY_TYPES.get(a["pay_type"].lower(), a["pay_type"])
    pay: dict[str, Any] = {"type": pay_type}
    unit = a["pay_unit"]
    if a["pay_amount"]:
        pay["amount"] = _number(a["pay_amount"])
        if unit and unit != NOT_PUBLISHED:
            pay["unit"] = unit
    if a["pay_steps"]:
        pay["steps"] = a["pay_steps"]
        if unit and unit != NOT_PUBLISHED:
            pay["unit"] = unit
    if unit == NOT_PUBLISHED and pay_type not in ("unpaid", "free"):
        pay["amount_published"] = False
    data["pay"] = pay

    # Grades may be left out when ages are given (parse() makes sure one or the other is).
    eligibility: dict[str, Any] = {}
    if a["grade_min"] or a["grade_max"]:
        eligibility["grades"] = {"min": _whole(a["grade_min"] or ""), "max": _whole(a["grade_max"] or "")}
    age = {key: _whole(a[f"age_{key}"]) for key in ("min", "max") if a[f"age_{key}"]}
    if age:
        eligibility["age"] = age
    if a["status"]:
        eligibility["status"] = [STATUSES.get(label, label) for label in a["status"]]
    data["eligibility"] = eligibility

    schedule: dict[str, Any] = {}
    for key, ident in (("start", "start_date"), ("end", "end_date")):
        if a[ident]:
            schedule[key] = a[ident]
    if a["dates"]:
        schedule["dates"] = a["dates"]
    if a["total_hours"]:
        schedule["total_hours"] = _number(a["total_hours"])
    if a["days"]:
        schedule["days"] = [DAYS.get(label, label) for label in a["days"]]
    for key, ident in (("from", "time_from"), ("to", "time_to")):
        if a[ident]:
            schedule[key] = _clock(a[ident])
    if schedule:
        data["schedule"] = schedule

    application: dict[str, Any] = {"mode": a["application_mode"]} if a["application_mode"] else {}
    application["how"] = a["how_to_apply"]
    if a["application_url"]:
        application["url"] = a["application_url"]
    if a["application_windows"]:
        application["windows"] = a["application_windows"]
    elif a["deadline"].strip().rstrip(".").lower() == "rolling":
        application["rolling"] = True
    else:
        application["deadline"] = a["deadline"]
    if a["results_by"]:
        application["results_by"] = a["results_by"]
    if a["waitlist"]:
        application["waitlist"] = True
    data["application"] = application

    # An online-only site needs no city, nor does one spread across areas (parse() asks for one otherwise).
    site: dict[str, Any] = {"name": a["site_name"]}
    if a["across"]:
        # The whole region covers every area; a choice the catalog's list no longer has is written as chosen, for
        # the checker to report.
        chosen_areas = [areas.get(label, label) for label in a["across"]]
        site["across"] = "region" if "region" in chosen_areas else chosen_areas
    if a["site_city"]:
        site["city"] = a["site_city"]
    if a["site_zip"]:
        site["zip"] = a["site_zip"]
    site["mode"] = a["site_mode"]
    if a["transit"]:
        site["transit"] = a["transit"]
    data["sites"] = [site]
    if a["seats"]:
        data["seats"] = _whole(a["seats"])
    outcomes: dict[str, Any] = {}
    if a["credits"]:
        outcomes["credits"] = a["credits"]
    if a["endorsements"]:
        # A choice the form offers but the catalog's list no longer has is written as chosen, for the checker to
        # report with the nearest endorsement.
        outcomes["endorsements"] = [endorsements.get(label, label) for label in a["endorsements"]]
    if outcomes:
        data["outcomes"] = outcomes
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


def _vocabulary_items(root: Path, name: str) -> list[dict[str, Any]]:
    """The items of a vocabulary of the catalog, or none when it cannot be read (the checker reports why)."""
    from generator.check.yamlload import load

    path = root / "vocabularies" / f"{name}.yml"
    try:
        loaded, _ = load(shown_path(path), path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return []
    data = loaded.data if loaded else None
    items = data.get("items") if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict) and "id" in item] if isinstance(items, list) else []


def area_choices(root: Path) -> dict[str, str]:
    """The form's choices of worksites across areas in this catalog."""
    return area_options(_vocabulary_items(root, "areas"), _vocabulary_items(root, "regions"))


def endorsement_choices(root: Path) -> dict[str, Any]:
    """The form's endorsement choices in this catalog (none when it has no readable list of endorsements)."""
    from generator.check.yamlload import load

    path = root / "vocabularies" / "endorsements.yml"
    try:
        loaded, _ = load(shown_path(path), path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}
    data = loaded.data if loaded else None
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return {}
    try:
        return endorsement_options([item for item in items if isinstance(item, dict) and "id" in item])
    except (KeyError, TypeError, AttributeError):  # a list the checker reports; the choices are then written as chosen
        return {}


# -- checking -----------------------------------------------------------------------


def check_in_place(root: Path, target: Path) -> list[Problem]:
    """The new file's problems, and every problem it causes in other files (such as an id in retired.yml)."""
    from generator.commands.cli import reported
    from generator.model.assemble import today
    from generator.model.checked import check_catalog

    as_of = today()
    return reported(check_catalog(root, as_of=as_of), root, [target], as_of)


def check_in_sandbox(root: Path, org_id: str, opportunity_id: str, text: str, shown: str) -> list[Problem]:
    """Check the listing in a temporary copy of the catalog, without touching the catalog. Problems are
    reported at the paths they would have in the catalog."""
    with tempfile.TemporaryDirectory(prefix="from-issue-") as tmp:
        sandbox = Path(tmp) / "catalog"
        # The whole catalog: the new listing can clash with any file (an id in retired.yml, another
        # listing's former id). A file that cannot be copied is missing with and without the listing, so
        # the problems that causes are not the listing's and are not reported.
        with contextlib.suppress(shutil.Error, OSError):
            shutil.copytree(root, sandbox, symlinks=True)
        target = sandbox / "employers" / org_id / f"{opportunity_id}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink():
            target.unlink()
        target.write_text(text, encoding="utf-8", newline="\n")
        found = check_in_place(sandbox, target)
        inside = sandbox.resolve()
        # Messages name files too ("Give the listing in <path> a new file name").
        names = [(shown_path(target), shown), (f"{shown_path(sandbox)}/", f"{shown_path(root)}/")]
        moved = []
        for problem in found:
            where = Path(problem.path).resolve()
            if where == target.resolve():
                path = shown
            elif where.is_relative_to(inside):
                path = shown_path(root / where.relative_to(inside))
            else:
                path = problem.path
            message, hint = problem.message, problem.hint
            for old, new in names:
                message, hint = message.replace(old, new), hint.replace(old, new)
            moved.append(dataclasses.replace(problem, path=path, message=message, hint=hint))
    return moved


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
    from generator.model.assemble import today

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

    yaml_text = to_yaml(listing(parsed.answers, as_of, endorsement_choices(root), area_choices(root)), target, root)
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
            "Next: read the file, add what the form could not say (more sites, tracks, Spanish text, pathways), "
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
