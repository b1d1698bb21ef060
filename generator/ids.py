"""The one id rule: what a folder name, file name, former id or retired id may be.

Every id becomes part of a permanent address (`/opportunities/<org-id>/<opportunity-id>/`),
so one rule holds wherever an id is written: lowercase ASCII letters and digits joined by
single hyphens, at most MAX_ID characters, and none of the words the site's own addresses use.
A catalog id is two ids joined by a slash, and a file under `employers/<org-id>/` may only
claim addresses that start with `<org-id>/`.
"""

from __future__ import annotations

import re
import unicodedata

PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID = re.compile(PATTERN + r"\Z")
# Short enough for a path on every operating system (catalog/employers/<60>/<60>.yml is 143 characters)
# and for a link in a flyer; the longest bundled id is 45.
MAX_ID = 60
MAX_CATALOG_ID = 2 * MAX_ID + 1
# Segments the site's own addresses use under /opportunities/ and /employers/: opportunities/page/2/ and
# employers/page/2/ are index pages.
RESERVED_ORGANIZATION_IDS = ("page",)
RESERVED_ORGANIZATION_TEXT = "is taken by the site's own addresses (such as /employers/page/2/)"
# The build writes its page shells (render/shell.py) at /employers/wbl-shell-<n>/ and /opportunities/wbl-shell/...
# for a moment, then removes them: no organization may have an address there.
SHELL_PREFIX = "wbl-shell"
SHELL_TEXT = f"starts with `{SHELL_PREFIX}`, which the site's build uses for its own pages"
# organization.yml is the organization's profile, not a listing.
RESERVED_OPPORTUNITY_IDS = ("organization",)
RESERVED_OPPORTUNITY_TEXT = "is reserved for the organization's profile"


def suggest_id(value: str) -> str:
    """The closest valid id: lowercase ASCII letters and digits joined by single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:MAX_ID].strip("-")


def shape_problem(value: str) -> str | None:
    """Why value is not shaped like an id (length or characters), or None."""
    if not value:
        return "is empty"
    if len(value) > MAX_ID:
        return f"is {len(value)} characters long; the limit is {MAX_ID}"
    if not ID.match(value):
        return "is not a valid id: use lowercase letters, digits and single hyphens"
    return None


def reserved_problem(value: str, kind: str) -> str | None:
    """Why value cannot be an organization (kind `organization`) or listing (`opportunity`) id, or None."""
    if kind == "organization" and value in RESERVED_ORGANIZATION_IDS:
        return RESERVED_ORGANIZATION_TEXT
    if kind == "organization" and value.startswith(SHELL_PREFIX):
        return SHELL_TEXT
    if kind == "opportunity" and value in RESERVED_OPPORTUNITY_IDS:
        return RESERVED_OPPORTUNITY_TEXT
    return None


def catalog_id_problem(value: str, owner: str | None = None) -> tuple[str, str, str] | None:
    """(code, what, fix) when value cannot be a listing's catalog id, or None.

    owner is the organization whose file claims the id; None for a maintainer-owned file (retired.yml).
    """
    org, slash, ident = value.partition("/")
    if not slash:
        return "bad-id", f"`{value}` is not a catalog id", "Write it as <org-id>/<opportunity-id>, such as acme/summer-internship"
    for part, kind in ((org, "organization"), (ident, "opportunity")):
        problem = shape_problem(part)
        if problem:
            return (
                "bad-id",
                f"`{value}`: the part `{part}` {problem}",
                "Use the id exactly as it appears in the listing's address",
            )
        problem = reserved_problem(part, kind)
        if problem:
            return "reserved-id", f"`{value}`: `{part}` {problem}", "No listing can have this address; remove it"
    if owner is not None and org != owner:
        return (
            "foreign-id",
            f"`{value}` belongs to the organization `{org}`, and this file is in `{owner}`'s folder",
            f"List only ids that start with `{owner}/`. To move a listing between organizations, ask the maintainers "
            "to add the old id to catalog/retired.yml with `replaced_by`",
        )
    return None
