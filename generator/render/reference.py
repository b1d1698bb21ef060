"""The contributor field reference, generated from the JSON Schemas."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

import yaml

from generator.check.schemas import read_schema

KINDS = ("opportunity", "organization", "pathway", "rubric", "vocabulary", "retired")
# The files an employer writes: their fields are on the guide (/contribute/). The other kinds, which the region's hub
# and its partners keep, have a page of their own, so that neither page is heavy on a phone.
GUIDE_PATH = "contribute/"
REGION_PATH = "contribute/region/"
GUIDE_KINDS = ("opportunity", "organization")


def page_of(kind: str) -> str:
    """The page whose field reference lists `kind`."""
    return GUIDE_PATH if kind in GUIDE_KINDS else REGION_PATH


@dataclass(frozen=True)
class Row:
    path: str
    required: bool
    description: str
    example: str
    allowed: str


# How the reference names the keys a pattern allows.
PATTERN_NAMES = {
    "^[a-z]{2,3}$": "<lang>",
    "^(name|description|awarded_by)_[a-z]{2,3}$": "name_<lang>",
    "^finds_[a-z]{2,3}$": "finds_<lang>",
}


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if "#/$defs/" in ref:
        target = defs[ref.split("#/$defs/")[1]]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _walk(node: dict[str, Any], defs: dict[str, Any], path: str, required: bool, rows: list[Row]) -> None:
    node = _resolve(node, defs)
    if path:
        shown = as_yaml(node.get("examples", [""])[0])
        allowed = ", ".join(str(v) for v in node.get("enum", []))
        rows.append(Row(path, required, node.get("description", ""), shown, allowed))
    if node.get("type") == "object" or "properties" in node:
        needed = set(node.get("required", []))
        for key, child in node.get("properties", {}).items():
            _walk(child, defs, f"{path}.{key}" if path else key, key in needed, rows)
        for pattern, child in node.get("patternProperties", {}).items():
            _walk(child, defs, f"{path}.{PATTERN_NAMES[pattern]}" if path else PATTERN_NAMES[pattern], False, rows)
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and path:
            _walk(extra, defs, f"{path}.<id>", False, rows)
    items = node.get("items")
    if isinstance(items, dict):
        item = _resolve(items, defs)
        if "properties" in item:
            for key, child in item["properties"].items():
                _walk(child, defs, f"{path}[].{key}", key in set(item.get("required", [])), rows)
            for pattern, child in item.get("patternProperties", {}).items():
                _walk(child, defs, f"{path}[].{PATTERN_NAMES[pattern]}", False, rows)


@cache
def field_reference() -> list[tuple[str, list[Row]]]:
    defs = read_schema("defs")["$defs"]
    out = []
    for kind in KINDS:
        rows: list[Row] = []
        _walk(read_schema(kind), defs, "", False, rows)
        out.append((kind, rows))
    return out


def as_yaml(value: Any) -> str:
    """An example value as it is written in a catalog file (YAML, in its short one-line form): `{type: paid,
    amount: 18.5}`, never JSON. Text stays bare unless YAML would read it as something else ("90242" is quoted,
    as a ZIP code must be; a date is not, as the catalog's dates are written bare)."""
    if value == "":
        return ""
    if isinstance(value, str):
        read = yaml.safe_load(value) if "\n" not in value else value
        if read == value or isinstance(read, dt.date):
            return value
        return json.dumps(value, ensure_ascii=False)  # YAML's double-quoted text, as the catalog quotes it
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10_000)
    return dumped.strip().removesuffix("\n...").strip()


# The parts of the listing's reference, in the order an employer fills them in (the groups of the form), by the
# top-level key that each field is under; a key not named here is about the listing itself.
GROUPS = ("about", "who", "pay", "time", "applying", "place", "outcomes", "quality", "contact")
GROUP_OF = {
    "eligibility": "who",
    "seats": "who",
    "supports": "who",
    "pay": "pay",
    "employer_of_record": "pay",
    "employer_of_record_note": "pay",
    "schedule": "time",
    "application": "applying",
    "sites": "place",
    "outcomes": "outcomes",
    "quality": "quality",
    "employer_roles": "contact",
    "contact": "contact",
}


def grouped(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """A kind's rows in GROUPS, each in its schema order; empty groups left out."""
    out: dict[str, list[Row]] = {name: [] for name in GROUPS}
    for row in rows:
        top = row.path.split(".")[0].split("[")[0]
        out[GROUP_OF.get(top, "about")].append(row)
    return [(name, found) for name, found in out.items() if found]


# The examples the Contribute page shows, written as an employer writes them. The first is a whole listing that
# passes the check in the catalog it is added to; each of the others is a part of a listing, which replaces the
# same top-level keys of the first (tests/test_reference.py checks both). Values are the file's, in English.
WHOLE_EXAMPLE = """\
example: false
title: Summer Clinic Aide Internship
summary: A paid summer internship at the front desk and in the exam rooms of a community clinic.
description: |
  Interns greet patients, keep rooms ready and learn how a clinic runs.

  - A mentor checks in every week
format: internship
stage: training
sectors:
  - Health Science and Medical Technology
pay:
  type: paid
  amount: 18.5
  unit: hour
employer_of_record: self
eligibility:
  grades: {min: 11, max: 12}
schedule:
  start: 2027-06-21
  end: 2027-07-30
  hours_per_week: 20
application:
  mode: apply
  how: Apply online with a short form; we call you within a week.
  url: https://example.org/clinic-aide
  deadline: 2027-04-15
sites:
  - name: Community clinic
    city: Long Beach
    zip: "90802"
    mode: in-person
contact:
  role: Youth programs office
  email: internships@example.org
status: open
last_reviewed: 2026-11-01
translations:
  es:
    title: Pasantía de verano como asistente de clínica
    summary: Una pasantía pagada de verano en la recepción y las salas de una clínica comunitaria.
"""
PART_EXAMPLES = (
    (
        "contribute_example_unpaid_rolling",
        """\
pay:
  type: unpaid
application:
  mode: apply
  how: Email us a few lines about why you are interested.
  email: internships@example.org
  rolling: true
""",
    ),
    (
        "contribute_example_remote_or_across",
        """\
sites:
  - name: Online sessions
    mode: remote
  - name: Parks and libraries across the region
    across: region
    mode: in-person
""",
    ),
    (
        "contribute_example_stipend",
        """\
pay:
  type: stipend
  amount: 500
  unit: total
  note: Paid at the end of the program.
""",
    ),
)


def guide_links(repo_url: str, branch: str) -> dict[str, str]:
    """Where the guide's GitHub steps start: the folder of the organizations (GitHub offers "Add file" there, and
    makes the visitor's own copy when they cannot write to the repository), and the "Add an opportunity" issue
    form. Empty without a repository."""
    if not repo_url:
        return {}
    return {
        "folder": f"{repo_url}/tree/{quote(branch)}/catalog/employers",
        "issue": f"{repo_url}/issues/new?{urlencode({'template': 'add-opportunity.yml'})}",
    }
