"""What a change causes elsewhere: the problems in other files that a few files bring about.

`check FILE`, `from-issue` and the pre-commit hook report on the files they are given, but a file can break
another one: a new listing whose id retired.yml lists, or whose id another listing claims as a former id, is
reported in retired.yml or in that listing. A problem outside the given files is caused by them when the
rules between files find it with them and not without them. A vocabulary decides what every other file may
say, so a change to one can cause any problem anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from generator.check.discover import shown_path
from generator.check.load import Record, load_all
from generator.check.problems import Problem
from generator.check.rules import Rules


def caused_elsewhere(root: Path, given: Callable[[str], bool], today: dt.date) -> set[Problem] | None:
    """The problems outside the given files (`given` says whether a shown path is one of them) that the given
    files cause. None when they include a vocabulary, which can cause any problem in any file."""
    loading = load_all(root)
    unchecked = [r for r in loading.failed.values() if r is not None]
    if any(r.kind == "vocabulary" and given(r.shown) for r in [*loading.records, *unchecked]):
        return None
    vocabularies = shown_path(root / "vocabularies") + "/"
    if any(p.path.startswith(vocabularies) and given(p.path) for p in loading.problems):
        return None  # a vocabulary that does not even load
    present = Rules(loading.records, today, loading.failed, loading.logos).run()
    kept: list[Record] = [r for r in loading.records if not given(r.shown)]
    failed = {key: r for key, r in loading.failed.items() if r is None or not given(r.shown)}
    absent = set(Rules(kept, today, failed, loading.logos).run())
    return {p for p in present if not given(p.path) and p not in absent}
