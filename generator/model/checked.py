"""The public entry point: check a catalog folder and build its model."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.check import load
from generator.check.discover import shown_path
from generator.check.load import load_all
from generator.check.problems import Problem, as_text, ordered, summary
from generator.check.rules import Rules
from generator.model import Catalog
from generator.model.assemble import assemble, today
from generator.processes import freeze_survivors, no_cycle_collection, side_by_side


@dataclass(frozen=True, slots=True)
class Checked:
    catalog: Catalog
    problems: list[Problem]
    files: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def failure_report(self) -> str:
        """Every error, one per line, then the summary: what a command prints when it cannot go on."""
        return "\n".join([*as_text(self.errors), summary(self.files, self.problems)])


def check_catalog(root: Path, as_of: dt.date | None = None, against: str | None = None, cache: bool = False) -> Checked:
    """Load, check and model the catalog at root. Never raises for bad catalog content.

    `cache` keeps parsed files in the user's cache folder for the next check of a large catalog (the check
    command, preview and `mkdocs serve`, which check the same catalog again and again)."""
    as_of = as_of or today()
    with no_cycle_collection():
        loading = load_all(root, cache)
        problems = list(loading.problems)
        kept = loading.cache
        clean = frozenset(r.shown for r in loading.records if kept.text_clean(r.shown)) if kept else frozenset()
        rules = Rules(loading.records, as_of, loading.failed, loading.logos, clean)

        def run_rules() -> tuple[list[Problem], set[str]]:
            found = rules.run()
            return found, rules.text_clean if kept else set()

        def model() -> Catalog:
            return assemble(loading.records, loading.logos, as_of)

        large = loading.files >= load.SHARE_FROM
        if large:
            # Neither reads what the other makes: in a large catalog a forked process runs the rules meanwhile.
            catalog, (found, text_clean) = side_by_side(model, run_rules)
        else:
            found, text_clean = run_rules()
            catalog = model()
        problems.extend(found)
        if kept:
            for shown in text_clean:
                kept.mark_text_clean(shown)
            kept.save()
        if large:
            freeze_survivors()
    if against:
        problems.extend(deleted_listings(root, against, catalog))
    return Checked(catalog, ordered(problems), loading.files)


def deleted_listings(root: Path, rev: str, catalog: Catalog) -> list[Problem]:
    """Listing files removed since rev that are neither retired nor renamed."""
    if rev.startswith("-"):  # would be read as an option of git
        return [
            Problem(
                shown_path(root),
                1,
                1,
                "error",
                "git",
                f"`{rev}` is not a git revision",
                "Give a commit, branch or tag, such as origin/main",
            )
        ]
    try:
        out = subprocess.run(
            ["git", "diff", "--name-only", "--no-renames", "--diff-filter=D", rev, "--", "."],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], cwd=root, capture_output=True, text=True, timeout=60, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        return [
            Problem(
                shown_path(root),
                1,
                1,
                "error",
                "git",
                f"Cannot compare with `{rev}`: {detail.strip()[:200]}",
                "Check that the revision exists (fetch it first in a shallow clone)",
            )
        ]
    known = set(catalog.retired) | {old for o in catalog.opportunities.values() for old in o.former_ids}
    problems = []
    for line in out.splitlines():
        rel = line[len(prefix) :] if line.startswith(prefix) else line
        parts = rel.split("/")
        if len(parts) != 3 or parts[0] != "employers" or not parts[2].endswith(".yml") or parts[2] == "organization.yml":
            continue
        ident = f"{parts[1]}/{parts[2][:-4]}"
        if ident in catalog.opportunities or ident in known:
            continue
        problems.append(
            Problem(
                shown_path(root / "retired.yml"),
                1,
                1,
                "error",
                "deleted-listing",
                f"The listing `{ident}` was deleted, so links to it would break",
                f"Add it to catalog/retired.yml with a reason (`- id: {ident}` and `reason: ...`), "
                "or add it to `former_ids` of the listing that replaces it",
            )
        )
    return problems
