"""Browse and search: the facets each listing carries, and their labels.

The facets themselves are defined once, in facets.py. filters() gives each listing's facet values
from there: the browse page's facet index (browse_index.py) is built from it.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import Counter
from typing import Any

from generator.i18n import t
from generator.model import Catalog, Opportunity, Rubric
from generator.model import status as status_rules
from generator.present.view import View
from generator.render.facets import FACETS, OTHER_DOCS, PARAMETERS, SORTS, doc_values, hourly_top


def static_order(catalog: Catalog) -> list[Opportunity]:
    order = {"open": 0, "closed": 1, "archived": 2}
    return sorted(catalog.opportunities.values(), key=lambda o: (order[o.status], o.deadline or dt.date.max, o.id))


def filters(catalog: Catalog, opp: Opportunity, view: View) -> list[tuple[str, list[str]]]:
    """The listing's values of each facet that it has values of, in the order of FACETS."""
    return [(f.param, values) for f in FACETS if (values := f.values(opp, view))]


def sorts(opp: Opportunity) -> list[tuple[str, str]]:
    deadline = opp.deadline.isoformat() if opp.deadline else "9999-12-31"
    return [("deadline", deadline), ("reviewed", opp.last_reviewed.isoformat()), ("pay", f"{hourly_top(opp):.2f}")]


# The browse script's own interface text, each the catalog key `ui_<name>`; site_overrides/assets/browse
# reads them from the labels JSON by these names.
UI_TEXT = (
    "sort", "reset", "more", "filters", "results", "result", "none", "loading", "error", "relevance", "all", "any_status",
    "active", "remove",
    "sheet_show", "sheet_show_one", "sheet_close",  # the filter sheet of a small screen (controls.js)
    "search_did_you_mean", "search_relax_one", "search_relax_many",  # when nothing matches (main.js showHelp)
)  # fmt: skip


# What "near me" says in the browse script, under the catalog keys themselves: a result's distance, and what
# the ZIP code and location controls say back.
NEAR_TEXT = (
    "near_miles", "near_one_mile", "near_under_one", "near_unknown_zip", "near_locating", "near_no_location", "near_located",
    "find_near_chip",  # the chip of the place, typed in the search box or the ZIP code field
    "place_across_in_area",  # worksites across the visitor's area: no distance to claim (near.js nearness)
)  # fmt: skip


# What the browse script says of a status it re-evaluates against today (status.js), under the catalog keys
# themselves: the statuses, "Opens {date}", and the deadline notes of View.deadline_note.
STATUS_TEXT = (
    *(f"status_{s}" for s in status_rules.STATUSES), "status_card_opens", "days_left", "day_left", "last_day", "deadline_passed",
)  # fmt: skip


# Facets whose values grow with the catalog: their labels travel in the facet index (browse_index.py),
# fetched once, instead of in each of the hundreds of browse pages.
INDEXED_LABELS = tuple(f.param for f in FACETS if f.indexed_labels)


def labels(catalog: Catalog, view: View, inline: bool = False) -> dict[str, Any]:
    """Everything the browse script shows, in the page's language; `inline` (for the page itself) leaves
    out the values of INDEXED_LABELS."""
    sort_options = [(name, view.t("sort_" + name)) for name in SORTS]
    # The grades of a result card: the browse script writes them from the listing's grade facet.
    grades = {name: view.t(name) for name in ("grade_one", "grade_range")}
    ui = {name: view.t("ui_" + name) for name in UI_TEXT} | grades | {name: view.t(name) for name in NEAR_TEXT}
    ui |= {name: view.t(name) for name in STATUS_TEXT}
    return {
        "facets": [
            {"name": f.param, "label": view.t(f.label), "values": {} if inline and f.indexed_labels else f.options(catalog, view)}
            for f in FACETS
        ],
        "sorts": sort_options,
        "ui": ui,
        "lang": view.lang,
    }


# Open listings that every listing scores alike, as similar_open scores them: the same sectors, stage and format.
Group = tuple[frozenset[str], str, str]
# Under each sector, the groups of open listings with that sector, each group in id order.
OpenGroups = dict[str, list[tuple[Group, list[Opportunity]]]]


def open_by_sector(catalog: Catalog) -> OpenGroups:
    """Open listings grouped for similar_open, built once per site so finding similar ones stays cheap at scale."""
    groups: dict[Group, list[Opportunity]] = {}
    for opp in catalog.opportunities.values():
        if opp.status == "open":
            groups.setdefault((frozenset(opp.sectors), opp.stage, opp.format), []).append(opp)
    by_sector: OpenGroups = {}
    for key, members in groups.items():
        members.sort(key=lambda o: o.id)
        for sector in sorted(key[0]):
            by_sector.setdefault(sector, []).append((key, members))
    return by_sector


def similar_open(opp: Opportunity, by_sector: OpenGroups, limit: int = 3) -> list[Opportunity]:
    """Open listings that share a sector with opp, closest first (sectors, then stage and format), then by id.

    Every listing of a group scores the same, so only the first `limit` of each (by id, opp left out) can be among
    the closest: the work per listing depends on how many groups there are, which the vocabularies bound, not on
    how many open listings share its sectors (scoring all of them took 22 s at 50,000 listings, 1 s at 10,000).
    """
    mine = set(opp.sectors)

    def score(other: Opportunity) -> tuple[int, str]:
        return (-(2 * len(mine & set(other.sectors)) + (other.stage == opp.stage) + (other.format == opp.format)), other.id)

    seen: set[Group] = set()
    candidates: list[Opportunity] = []
    for sector in opp.sectors:
        for key, members in by_sector.get(sector, ()):
            if key in seen:
                continue
            seen.add(key)
            candidates += itertools.islice((o for o in members if o.id != opp.id), limit)
    return heapq.nsmallest(limit, candidates, key=score)


def _level_rows(rubric: Rubric, opps: list[Opportunity], view: View, not_assessed: bool) -> list[dict[str, Any]]:
    rows = []
    tally = Counter((a.criterion, a.level) for o in opps if o.rubric == rubric.id for a in o.assessment)
    for crit in rubric.criteria:
        counts = [tally[crit.id, lv.id] for lv in rubric.levels]
        if not_assessed:
            counts.append(len(opps) - sum(counts))
        name = crit.label(view.lang)
        rows.append({"name": name, "counts": counts})
    return rows


def rubric_scores(catalog: Catalog, rubric: Rubric, view: View) -> dict[str, Any]:
    opps = list(catalog.opportunities.values())
    assessed = sum(1 for o in opps if o.rubric == rubric.id and o.assessment)
    summary = view.t("rubric_scores_summary", assessed=view.number(assessed), total=view.number(len(opps)))
    return {"summary": summary, "rows": _level_rows(rubric, opps, view, True)}


def quality_summary(catalog: Catalog, opps: list[Opportunity], view: View) -> dict[str, Any] | None:
    used = {o.rubric for o in opps if o.rubric and o.assessment}
    if len(used) != 1:
        return None
    rubric = catalog.rubrics[used.pop()]
    levels = [lv.label(view.lang) for lv in rubric.levels]
    note = view.t("quality_summary_note")
    return {"levels": levels, "rows": _level_rows(rubric, opps, view, False), "note": note}


def parameter_docs(lang: str) -> list[tuple[str, str, str]]:
    """The counselor guide's table: (parameter, meaning, example query), in the order of an address."""
    docs = {f.param: (f.doc, f.example) for f in FACETS} | OTHER_DOCS
    values = doc_values()
    return [(name, t(docs[name][0], lang, **values), f"{name}={docs[name][1]}") for name in PARAMETERS]


STATUSES = (*status_rules.STATUSES, "retired")


def status_docs(lang: str) -> list[tuple[str, str]]:
    """The counselor guide's statuses: (the words cards and filters show, what they mean), from the definitions
    in generator.model.status; the words an open listing shows where nobody applies come right after "open"."""
    opened = t("status_open", lang)
    rows = [
        (t("status_" + s, lang), t("status_def_" + s if s != "retired" else "status_doc_retired", lang, open=opened))
        for s in STATUSES
    ]
    by_mode = [
        (t(key, lang), t("status_def_mode_" + mode.replace("-", "_"), lang, open=opened))
        for mode, key in status_rules.LABEL_BY_MODE.items()
    ]
    return rows[:1] + by_mode + rows[1:]
