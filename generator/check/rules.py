"""Rules that look across files: references, ids, dates and sums.

Findings that depend only on today's date are warnings: a scheduled
rebuild must never fail because time passed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator import i18n
from generator.characters import text_problem
from generator.check.load import Record
from generator.check.messages import field_name, suggest
from generator.check.problems import Problem, Severity
from generator.ids import catalog_id_problem
from generator.sanitize import markdown_depth, url_problem

STALE_DAYS = 365
# Years a catalog date can have. Outside them a date is a typo (2207 for 2027), and 9999-12-31 would
# overflow where a calendar event ends the day after.
YEARS = (1900, 2199)
# Control characters other than tab and line breaks. The YAML reader rejects them typed into the file,
# but a double-quoted escape ("\x07") gets through, and only one-line fields exclude them in the schema.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Lists and quotes inside each other: deeper than this, a phone shows a sliver of text, and the page grows
# with every level.
MAX_MARKDOWN_DEPTH = 4
# Amounts in US dollars that can be real, by unit. Outside them an amount is a typo or a test
# ($0.0000001 an hour shows as "$0.00"); the limits are far from any real youth wage or stipend.
MONEY = {"hour": (1, 500), "week": (10, 20_000), "month": (10, 50_000), "total": (10, 250_000), "year": (1_000, 2_000_000)}
DATE_FIELDS = (("application", "opens"), ("application", "deadline"), ("schedule", "start"), ("schedule", "end"))


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


class Rules:
    def __init__(
        self, records: list[Record], today: dt.date, failed: Iterable[tuple[str, str]] = (), logos: Iterable[Path] = ()
    ) -> None:
        self.logos = {(p.parent.name, p.name) for p in logos}
        self.today = today
        self.failed = set(failed)
        self.problems: list[Problem] = []
        self.by_kind: dict[str, dict[str, Record]] = {}
        for record in records:
            self.by_kind.setdefault(record.kind, {})[record.id] = record

    def kind(self, name: str) -> dict[str, Record]:
        return self.by_kind.get(name, {})

    def add(
        self,
        record: Record,
        path: Iterable[Any],
        code: str,
        what: str,
        fix: str,
        severity: Severity = "error",
        key: bool = False,
    ) -> None:
        line, col = record.at(*path, key=key)
        self.problems.append(Problem(record.shown, line, col, severity, code, what, fix))

    def run(self) -> list[Problem]:
        for records in self.by_kind.values():
            for record in records.values():
                self.strings(record, record.data, ())
        for kind in ("organization", "opportunity", "pathway", "rubric"):
            for record in self.kind(kind).values():
                self.descriptions(record)
                self.languages(record, record.data.get("translations", {}), ("translations",))
        for record in self.kind("vocabulary").values():
            self.vocabulary(record)
        for record in self.kind("rubric").values():
            self.rubric(record)
        for record in self.kind("organization").values():
            self.dates(record, [("last_reviewed",)])
            self.logo(record)
        for record in self.kind("pathway").values():
            self.dates(record, [("last_reviewed",)])
            self.pathway(record)
        for record in self.kind("opportunity").values():
            self.opportunity(record)
        for record in self.kind("retired").values():
            self.retired(record)
        self.former_ids()
        return self.problems

    # -- helpers -------------------------------------------------------

    def dates(self, record: Record, paths: list[tuple[str | int, ...]]) -> dict[tuple[str | int, ...], dt.date]:
        found = {}
        for path in paths:
            value: Any = record.data
            for part in path:
                if isinstance(value, dict):
                    value = value.get(part)
                elif isinstance(value, list) and isinstance(part, int) and part < len(value):
                    value = value[part]
                else:
                    value = None
            if value is None:
                continue
            date = parse_date(value)
            if date is None:
                self.add(
                    record,
                    path,
                    "bad-date",
                    f"{field_name(path)} is `{value}`, which is not a real date",
                    "Check the month and day, and write it like 2027-03-15",
                )
            elif not YEARS[0] <= date.year <= YEARS[1]:
                self.add(
                    record,
                    path,
                    "bad-date",
                    f"{field_name(path)} is `{value}`, which is not a plausible date",
                    f"Check the year, and write a date between {YEARS[0]} and {YEARS[1]} like 2027-03-15",
                )
            else:
                found[path] = date
        return found

    def strings(self, record: Record, value: Any, path: tuple[Any, ...]) -> None:
        """Every text: no hidden code points, no text that only looks like text, links a page can show."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.strings(record, item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self.strings(record, item, (*path, i))
        elif isinstance(value, str):
            problem = text_problem(value)
            if problem:
                code, what, fix = problem
                self.add(record, path, code, f"{field_name(path)} {what}", fix)
            elif value.startswith("https://") and "description" not in path:
                url_what = url_problem(value)
                if url_what:
                    self.add(
                        record,
                        path,
                        "bad-https-url",
                        f"{field_name(path)} {url_what}",
                        "Open the page in a browser and copy the address from its address bar",
                    )

    def money(self, record: Record, path: tuple[Any, ...], amount: float, unit: str) -> None:
        low, high = MONEY[unit]
        if not low <= amount <= high or round(amount, 2) != amount:
            self.add(
                record,
                path,
                "implausible-amount",
                f"{field_name(path)} is ${Decimal(str(amount)):f} per {unit}, which cannot be a real amount",
                f"Write the amount in dollars with at most two decimals, from {low:,} to {high:,} per {unit}",
            )

    def descriptions(self, record: Record) -> None:
        """Markdown fields (the only multi-line text) must not hide control characters."""
        data = record.data
        found: list[tuple[tuple[str, ...], Any]] = [(("description",), data.get("description"))]
        translations = data.get("translations")
        if isinstance(translations, dict):
            for lang, body in translations.items():
                if isinstance(body, dict):
                    found.append((("translations", lang, "description"), body.get("description")))
        for path, text in found:
            if isinstance(text, str) and markdown_depth(text) > MAX_MARKDOWN_DEPTH:
                self.add(
                    record,
                    path,
                    "deep-nesting",
                    f"{field_name(path)} puts lists or quotes more than {MAX_MARKDOWN_DEPTH} levels inside each other",
                    "Use at most two levels of lists, and start lines with `>` only for a quotation",
                )
            hit = CONTROL.search(text) if isinstance(text, str) else None
            if hit:
                self.add(
                    record,
                    path,
                    "control-character",
                    f"{field_name(path)} contains a hidden control character (U+{ord(hit.group()):04X})",
                    "Delete it; if you pasted this text, type it again",
                )

    def languages(self, record: Record, written: Any, path: tuple[Any, ...], prefix: str = "") -> None:
        """Text in a language the site's interface has no catalog for would reach no page: refuse it."""
        known = i18n.available()[1:]
        for key in written if isinstance(written, dict) else ():
            lang = key.removeprefix(prefix)
            if not (key.startswith(prefix) and re.fullmatch("[a-z]{2,3}", lang) and lang not in known):
                continue
            if lang == i18n.SOURCE:
                what = f"`{key}` is not needed: the English text goes in the record's own fields"
                fix = f"Move this text to those fields, and remove `{key}`"
            else:
                what = f"`{lang}` is not a language of this site: its pages are in English and " + ", ".join(
                    f"`{code}`" for code in known
                )
                choices = ", ".join(f"`{prefix}{code}`" for code in known)
                fix = (
                    f"Use one of: {choices}. A new language needs the site's own words translated first (CONTRIBUTING, Languages)"
                )
            self.add(record, (*path, key), "unknown-language", what, fix, key=True)

    def reference(self, record: Record, path: tuple[Any, ...], value: str, kind: str, noun: str) -> bool:
        known = self.kind(kind)
        if value in known:
            return True
        if (kind, value) in self.failed:  # the file exists; its own problems are reported
            return False
        self.add(
            record,
            path,
            "unknown-reference",
            f"{field_name(path)} names the {noun} `{value}`, which is not in the catalog",
            suggest(value, sorted(known)) if known else f"Add the {noun} first",
        )
        return False

    # -- kinds ---------------------------------------------------------

    def vocabulary(self, record: Record) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(record.data["items"]):
            for prefix in ("name_", "description_"):
                self.languages(record, item, ("items", i), prefix)
            for key in ("id", "name"):
                marker = f"{key}:{item[key]}"
                if marker in seen:
                    self.add(
                        record,
                        ("items", i, key),
                        "duplicate-id",
                        f"The {key} `{item[key]}` is used twice (first in entry {seen[marker] + 1})",
                        "Keep each one once",
                    )
                seen.setdefault(marker, i)
            if "min" in item and "max" in item and item["min"] > item["max"]:
                self.add(
                    record,
                    ("items", i, "min"),
                    "range-order",
                    f"`min` ({item['min']}) is larger than `max` ({item['max']})",
                    "Swap the two numbers",
                )

    def rubric(self, record: Record) -> None:
        data = record.data
        levels = [lv["id"] for lv in data["levels"]]
        for i, ident in enumerate(levels):
            if ident in levels[:i]:
                self.add(
                    record,
                    ("levels", i, "id"),
                    "duplicate-id",
                    f"The level `{ident}` is listed twice",
                    "Give each level its own id",
                )
        criteria: list[str] = []
        for i, criterion in enumerate(data["criteria"]):
            if criterion["id"] in criteria:
                self.add(
                    record,
                    ("criteria", i, "id"),
                    "duplicate-id",
                    f"The criterion `{criterion['id']}` is listed twice",
                    "Give each criterion its own id",
                )
            criteria.append(criterion["id"])
            descriptors = criterion["descriptors"]
            for level in levels:
                if level not in descriptors:
                    self.add(
                        record,
                        ("criteria", i, "descriptors"),
                        "missing-descriptor",
                        f"The criterion `{criterion['id']}` has no descriptor for the level `{level}`",
                        f"Add `{level}:` with one sentence under `descriptors`",
                        key=True,
                    )
            for level in descriptors:
                if level not in levels:
                    self.add(
                        record,
                        ("criteria", i, "descriptors", level),
                        "unknown-reference",
                        f"`{level}` is not one of this rubric's levels",
                        suggest(level, levels),
                        key=True,
                    )
        for lang, parts in data.get("translations", {}).items():
            for section, known, noun in (("levels", levels, "levels"), ("criteria", criteria, "criteria")):
                for ident in parts.get(section, {}):
                    if ident not in known:
                        self.add(
                            record,
                            ("translations", lang, section, ident),
                            "unknown-reference",
                            f"`{ident}` is not one of this rubric's {noun}",
                            suggest(ident, known),
                            key=True,
                        )

    def logo(self, record: Record) -> None:
        name = record.data.get("logo")
        if name and (record.id, name) not in self.logos:
            self.add(
                record,
                ("logo",),
                "missing-logo",
                f"`logo` names {name}, but catalog/employers/{record.id}/ has no usable {name}",
                f"Add {name} next to organization.yml (see the problem reported for it, if any), or remove the line",
            )

    def pathway(self, record: Record) -> None:
        for i, occupation in enumerate(record.data.get("occupations", [])):
            wage = occupation.get("wage")
            if wage:
                self.money(record, ("occupations", i, "wage", "amount"), wage["amount"], wage["unit"])
        for stage, body in record.data["stages"].items():
            for i, step in enumerate(body["steps"]):
                grades = step.get("grades")
                if grades and grades["min"] > grades["max"]:
                    self.add(
                        record,
                        ("stages", stage, "steps", i, "grades", "min"),
                        "range-order",
                        f"The lowest grade ({grades['min']}) is higher than the highest grade ({grades['max']})",
                        "Swap `min` and `max`",
                    )

    def opportunity(self, record: Record) -> None:
        data = record.data
        org_id = record.id.split("/")[0]
        if "intermediary" in data:
            self.reference(record, ("intermediary",), data["intermediary"], "organization", "organization")
        pay = data["pay"]
        eor = data.get("employer_of_record")
        # Wages need someone who puts the student on payroll; a stipend or a fee does not.
        if eor is None and pay["type"] == "paid":
            self.add(
                record,
                ("pay",),
                "missing-employer-of-record",
                f"A listing with pay type `{pay['type']}` must say who the employer of record is",
                "Add `employer_of_record: self`, or the id of the organization that puts students on payroll",
                key=True,
            )
        elif eor not in (None, "self", org_id):
            self.reference(record, ("employer_of_record",), eor, "organization", "organization")
        if pay.get("paid_by") not in (None, "self", org_id):
            self.reference(record, ("pay", "paid_by"), pay["paid_by"], "organization", "organization")
        self.pay(record, pay)
        for i, pathway in enumerate(data.get("pathways", [])):
            self.reference(record, ("pathways", i), pathway, "pathway", "pathway")
        self.quality(record, data.get("quality", {}))
        self.eligibility(record, data["eligibility"])
        self.application(record, data["application"])
        self.schedule(record)

    def pay(self, record: Record, pay: dict[str, Any]) -> None:
        # A fee has an amount as wages and stipends do: what the family pays.
        paid = pay["type"] in ("paid", "stipend", "fee")
        for key, kinds in (("on_completion", ("stipend",)), ("aid", ("fee",)), ("funded_by", ("paid", "stipend"))):
            if key in pay and pay["type"] not in kinds:
                self.add(
                    record,
                    ("pay", key),
                    "conflict",
                    f"`{key}` is for pay of type {' or '.join(kinds)}, and this listing's type is `{pay['type']}`",
                    f"Remove `{key}`, or change `type`",
                    key=True,
                )
        has_amount = "amount" in pay
        if paid and not has_amount and pay.get("amount_published") is not False:
            self.add(
                record,
                ("pay",),
                "missing-amount",
                f"The pay type is `{pay['type']}` but no amount is given",
                "Add `amount:` and `unit:`, or write `amount_published: false` if the amount is not published",
                key=True,
            )
        if paid and has_amount and "unit" not in pay:
            self.add(
                record,
                ("pay", "amount"),
                "missing-unit",
                "The amount has no unit",
                "Add `unit:` with hour, week, month or total",
                key=True,
            )
        if paid and has_amount and pay.get("amount_published") is False:
            self.add(
                record,
                ("pay", "amount_published"),
                "conflict",
                "An amount is given but `amount_published` is false",
                "Remove `amount_published: false`, or remove the amount",
                key=True,
            )
        if not paid and (has_amount or "amount_max" in pay):
            self.add(
                record,
                ("pay", "amount" if has_amount else "amount_max"),
                "conflict",
                f"A listing of pay type `{pay['type']}` has an amount",
                "Remove the amount, or change `type` to paid, stipend or fee",
                key=True,
            )
        if has_amount and "unit" in pay:
            for key in ("amount", "amount_max"):
                if key in pay:
                    self.money(record, ("pay", key), pay[key], pay["unit"])
        if has_amount and pay.get("amount_max", pay["amount"]) < pay["amount"]:
            self.add(record, ("pay", "amount_max"), "range-order", "`amount_max` is lower than `amount`", "Swap the two amounts")

    def quality(self, record: Record, quality: dict[str, Any]) -> None:
        assessment = quality.get("assessment", {})
        rubric_id = quality.get("rubric")
        if assessment and rubric_id is None:
            self.add(
                record,
                ("quality",),
                "missing-key",
                "A self-assessment needs the rubric it uses",
                "Add `rubric: key-distinguishers` under `quality`",
                key=True,
            )
            return
        if rubric_id is None or not self.reference(record, ("quality", "rubric"), rubric_id, "rubric", "rubric"):
            return
        rubric = self.kind("rubric")[rubric_id].data
        criteria = [c["id"] for c in rubric["criteria"]]
        levels = [lv["id"] for lv in rubric["levels"]]
        for crit, entry in assessment.items():
            if crit not in criteria:
                self.add(
                    record,
                    ("quality", "assessment", crit),
                    "unknown-reference",
                    f"`{crit}` is not a criterion of the rubric `{rubric_id}`",
                    suggest(crit, criteria),
                    key=True,
                )
            elif entry["level"] not in levels:
                self.add(
                    record,
                    ("quality", "assessment", crit, "level"),
                    "unknown-reference",
                    f"`{entry['level']}` is not a level of the rubric `{rubric_id}`",
                    suggest(entry["level"], levels),
                )

    def eligibility(self, record: Record, eligibility: dict[str, Any]) -> None:
        if "grades" not in eligibility and not eligibility.get("age"):
            self.add(
                record,
                ("eligibility",),
                "missing-key",
                "`eligibility` gives neither grades nor ages",
                "Add `grades:` (such as `{min: 9, max: 12}`), `age:` (such as `{min: 16, max: 24}`), or both",
                key=True,
            )
        grades = eligibility.get("grades") or {"min": 0, "max": 0}
        if grades["min"] > grades["max"]:
            self.add(
                record,
                ("eligibility", "grades", "min"),
                "range-order",
                f"The lowest grade ({grades['min']}) is higher than the highest grade ({grades['max']})",
                "Swap `min` and `max`",
            )
        age = eligibility.get("age", {})
        if "min" in age and "max" in age and age["min"] > age["max"]:
            self.add(
                record,
                ("eligibility", "age", "min"),
                "range-order",
                f"The minimum age ({age['min']}) is higher than the maximum age ({age['max']})",
                "Swap `min` and `max`",
            )

    def application(self, record: Record, application: dict[str, Any]) -> None:
        if application.get("mode") == "paper" and not (application.get("where") or application.get("url")):
            self.add(
                record,
                ("application", "mode"),
                "missing-key",
                "A paper application needs a place to get it",
                "Add `where:` (such as the school's career center), or `url:` with a printable form",
            )

    def schedule(self, record: Record) -> None:
        data = record.data
        found = self.dates(record, [*DATE_FIELDS, ("last_reviewed",)])
        application = data["application"]
        if "deadline" in application and application.get("rolling") is True:
            self.add(
                record,
                ("application", "rolling"),
                "conflict",
                "The listing has both a deadline and `rolling: true`",
                "Keep the deadline, or remove it and keep `rolling: true`",
                key=True,
            )
        elif "deadline" not in application and application.get("rolling") is not True and data["status"] == "open":
            self.add(
                record,
                ("application",),
                "missing-deadline",
                "An open listing needs a deadline or `rolling: true`",
                "Add `deadline: YYYY-MM-DD`, or `rolling: true` if applications are taken until seats fill",
                key=True,
            )
        ordered = [(p, found[p]) for p in DATE_FIELDS if p in found]
        for (first, a), (second, b) in zip(ordered, ordered[1:], strict=False):
            if a > b:
                self.add(
                    record,
                    second,
                    "date-order",
                    f"{field_name(second)} ({b}) is before {field_name(first)} ({a})",
                    "Dates go in this order: opens, deadline, start, end",
                )
        reviewed = found.get(("last_reviewed",))
        if reviewed and (self.today - reviewed).days > STALE_DAYS:
            self.add(
                record,
                ("last_reviewed",),
                "stale",
                f"The listing was last reviewed on {reviewed}, over a year ago",
                "Check every detail, then set `last_reviewed` to today's date",
                severity="warning",
            )
        if reviewed and reviewed > self.today:
            self.add(
                record,
                ("last_reviewed",),
                "future-date",
                f"`last_reviewed` ({reviewed}) is in the future",
                "Set it to the date you checked the listing",
                severity="warning",
            )
        deadline = found.get(("application", "deadline"))
        if deadline and deadline < self.today and data["status"] == "open":
            self.add(
                record,
                ("status",),
                "deadline-passed",
                f"The deadline ({deadline}) has passed but the status is still `open`",
                "Set `status: closed`, or move the deadline if applications are still taken (the site already shows it as closed)",
                severity="warning",
            )

    def retired(self, record: Record) -> None:
        seen: set[str] = set()
        opportunities = self.kind("opportunity")
        for i, entry in enumerate(record.data["retired"]):
            ident = entry["id"]
            problem = catalog_id_problem(ident)
            if problem:
                self.add(record, ("retired", i, "id"), *problem)
            if ident in seen:
                self.add(record, ("retired", i, "id"), "duplicate-id", f"`{ident}` is retired twice", "Keep one entry")
            seen.add(ident)
            if ident in opportunities:
                self.add(
                    record,
                    ("retired", i, "id"),
                    "retired-exists",
                    f"`{ident}` is retired but its file still exists",
                    f"Delete {opportunities[ident].shown}, or remove this entry",
                )
            target = entry.get("replaced_by")
            if target and target not in opportunities:
                self.add(
                    record,
                    ("retired", i, "replaced_by"),
                    "unknown-reference",
                    f"`{target}` is not a listing in the catalog",
                    suggest(target, sorted(opportunities)),
                )
            if "date" in entry:
                self.dates(record, [("retired", i, "date")])

    def former_ids(self) -> None:
        owners: dict[str, str] = {}
        opportunities = self.kind("opportunity")
        retired = {e["id"] for r in self.kind("retired").values() for e in r.data["retired"]}
        for ident, record in opportunities.items():
            for i, old in enumerate(record.data.get("former_ids", [])):
                problem = catalog_id_problem(old, owner=ident.partition("/")[0])
                if problem:
                    self.add(record, ("former_ids", i), *problem)
                elif old in opportunities:
                    self.add(
                        record,
                        ("former_ids", i),
                        "former-id-in-use",
                        f"The former id `{old}` belongs to a listing that still exists",
                        "Remove it from `former_ids`",
                    )
                elif old in retired:
                    self.add(
                        record,
                        ("former_ids", i),
                        "former-id-retired",
                        f"The former id `{old}` is also in retired.yml",
                        'Keep it in one place: `former_ids` redirects, retired.yml shows a "no longer offered" page',
                    )
                elif old in owners:
                    self.add(
                        record,
                        ("former_ids", i),
                        "former-id-twice",
                        f"The former id `{old}` is also claimed by `{owners[old]}`",
                        "Keep it in one listing only",
                    )
                owners.setdefault(old, ident)
