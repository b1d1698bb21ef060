"""`python -m generator stale`: the organizations whose listings are not reviewed recently, or soon will not be.

    python -m generator stale [--catalog DIR] [--within DAYS] [--codeowners FILE] [--format text|json]

A listing is stale once its `last_reviewed` is older than the region's limit (`review_within_days` in
catalog/vocabularies/regions.yml, generator.model.review), as of the build date (CATALOG_TODAY, or today). This
lists, per organization, the listings that are stale or become stale within DAYS (default 30), with the code
owners of the organization's folder (.github/CODEOWNERS), whom a reminder is addressed to.

`--format json` is what the weekly workflow (.github/workflows/stale.yml) reads: one object per organization with
the reminder's title and body already written, so the workflow passes them to GitHub as files and never puts
catalog text in a shell command. Archived and closed listings are left out: nobody can act on them.

Exit status: 0 (with or without organizations to remind); 1 when the catalog has errors; 2 for a usage mistake.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model import Catalog, review
from generator.model import status as status_rules

TITLE = "Review reminder: {org}"  # the workflow finds an open reminder by this exact title (no duplicates)
LABEL = "review reminder"
DEFAULT_OWNERS = ("@wbl-catalog/catalog-reviewers",)


@dataclass(frozen=True)
class Due:
    id: str
    title: str
    last_reviewed: dt.date
    stale_from: dt.date


@dataclass(frozen=True)
class Reminder:
    org: str
    name: str
    owners: tuple[str, ...]
    listings: tuple[Due, ...]

    @property
    def title(self) -> str:
        return TITLE.format(org=self.org)

    def body(self, today: dt.date, limit: int) -> str:
        lines = [
            " ".join(self.owners),
            "",
            f"Listings of **{_plain(self.name)}** (`catalog/employers/{self.org}/`) need a review. The region asks for one "
            f'at least every {limit} days: after that, a listing says "Not reviewed since" its date and leaves the '
            "browse page's default results.",
            "",
            "| listing | last reviewed | not reviewed recently from |",
            "|---|---|---|",
        ]
        for due in self.listings:
            when = "now" if due.stale_from <= today else due.stale_from.isoformat()
            lines.append(f"| `{due.id}` | {due.last_reviewed.isoformat()} | {when} |")
        lines += [
            "",
            "Check every detail of each listing with the program, then set `last_reviewed` to the day you checked, "
            "or set `status: closed` or `archived` if it is no longer offered. This issue is closed when that is merged.",
        ]
        return "\n".join(lines) + "\n"


def _plain(text: str) -> str:
    """An organization's name in Markdown: no character that could start a link, a mention or markup."""
    return "".join(ch if ch.isalnum() or ch in " .,'&()-" else " " for ch in text).strip()


def owners_of(codeowners: str, path: str) -> tuple[str, ...]:
    """The owners of a repository path by CODEOWNERS: the last rule that matches it. Rules are `*`, or paths
    anchored at the root (`/catalog/`), a trailing slash meaning a folder and everything in it."""
    found: tuple[str, ...] = ()
    target = "/" + path.lstrip("/")
    for line in codeowners.splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 2:
            continue
        pattern, owners = parts[0], tuple(parts[1:])
        if pattern == "*":
            found = owners
            continue
        anchored = pattern if pattern.startswith("/") else "/" + pattern
        if (anchored.endswith("/") and target.startswith(anchored)) or target == anchored:
            found = owners
    return found


def reminders(catalog: Catalog, codeowners: str, within: int) -> list[Reminder]:
    today = catalog.today
    limit = status_rules.review_limit(catalog)
    horizon = today + dt.timedelta(days=within)
    out = []
    for org in catalog.organizations.values():
        due = []
        for opp_id in org.opportunity_ids:
            opp = catalog.opportunities[opp_id]
            if status_rules.status_on(opp, today) in ("closed", "archived"):
                continue
            starts = review.stale_from(opp.last_reviewed, limit)
            if starts <= horizon:
                due.append(Due(opp.id, opp.title, opp.last_reviewed, starts))
        if due:
            owners = owners_of(codeowners, f"catalog/employers/{org.id}/organization.yml") or DEFAULT_OWNERS
            out.append(Reminder(org.id, org.name, owners, tuple(sorted(due, key=lambda d: (d.stale_from, d.id)))))
    return out


def cmd_stale(args: argparse.Namespace) -> int:
    from generator.model.checked import check_catalog

    root = Path(args.catalog)
    if not root.is_dir():
        print(f"stale: error: {root} is not a folder", file=sys.stderr)
        return 2
    if args.within < 0:
        print("stale: error: --within must be 0 or more days", file=sys.stderr)
        return 2
    checked = check_catalog(root)
    if not checked.ok:
        print(checked.failure_report(), file=sys.stderr)
        return 1
    codeowners_path = Path(args.codeowners)
    codeowners = codeowners_path.read_text(encoding="utf-8") if codeowners_path.is_file() else ""
    catalog = checked.catalog
    limit = status_rules.review_limit(catalog)
    found = reminders(catalog, codeowners, args.within)
    if args.format == "json":
        data: list[dict[str, Any]] = [
            {
                "organization": r.org,
                "owners": list(r.owners),
                "title": r.title,
                "label": LABEL,
                "body": r.body(catalog.today, limit),
                "listings": [
                    {"id": d.id, "last_reviewed": d.last_reviewed.isoformat(), "stale_from": d.stale_from.isoformat()}
                    for d in r.listings
                ],
            }
            for r in found
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for r in found:
        print(f"{r.org} ({' '.join(r.owners)})")
        for d in r.listings:
            when = "stale since" if d.stale_from <= catalog.today else "stale from"
            print(f"  {d.id}: last reviewed {d.last_reviewed.isoformat()}, {when} {d.stale_from.isoformat()}")
    print(
        f"{len(found)} organization{'' if len(found) == 1 else 's'} to remind "
        f"(review within {limit} days; as of {catalog.today.isoformat()}, looking {args.within} days ahead)"
    )
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "stale",
        help="list organizations whose listings are not reviewed recently, or soon will not be",
        description="List, per organization, the listings whose last review is older than the region's limit "
        "or will be within DAYS, with the organization's code owners.",
    )
    parser.add_argument("--catalog", default="catalog", help="catalog folder (default: ./catalog)")
    parser.add_argument(
        "--within",
        type=int,
        default=review.SOON_DAYS,
        metavar="DAYS",
        help=f"look this many days ahead (default: {review.SOON_DAYS})",
    )
    parser.add_argument("--codeowners", default=".github/CODEOWNERS", help="CODEOWNERS file (default: .github/CODEOWNERS)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.set_defaults(func=cmd_stale)
