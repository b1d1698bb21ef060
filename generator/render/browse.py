"""Browse and search: the facets each listing carries, and their labels.

The facets themselves are defined once, in facets.py. filters() gives each listing's facet values
from there: the browse page's facet index (browse_index.py) is built from it.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from typing import Any

from generator.i18n import t
from generator.model import Catalog, Opportunity, Rubric
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


# Facets whose values grow with the catalog: their labels travel in the facet index (browse_index.py),
# fetched once, instead of in each of the hundreds of browse pages.
INDEXED_LABELS = tuple(f.param for f in FACETS if f.indexed_labels)


def labels(catalog: Catalog, view: View, inline: bool = False) -> dict[str, Any]:
    """Everything the browse script shows, in the page's language; `inline` (for the page itself) leaves
    out the values of INDEXED_LABELS."""
    es = view.lang == "es"
    sort_options = [(name, view.t("sort_" + name)) for name in SORTS]
    if es:
        ui = {
            "sort": "Ordenar",
            "reset": "Quitar filtros",
            "more": "Mostrar más",
            "filters": "Filtros",
            "results": "{n} oportunidades",
            "result": "1 oportunidad",
            "none": "No hay oportunidades con estos filtros.",
            "loading": "Cargando…",
            "error": "La búsqueda no está disponible. Abajo está la lista completa.",
            "relevance": "Más relevantes",
            "all": "Todas",
            "any_status": "Cualquier estado",
            "active": "Filtros activos",
            "remove": "Quitar filtro: {label}",
            "deadline": view.t("deadline"),
        }
    else:
        ui = {
            "sort": "Sort by",
            "reset": "Clear filters",
            "more": "Show more",
            "filters": "Filters",
            "results": "{n} opportunities",
            "result": "1 opportunity",
            "none": "No opportunities match these filters.",
            "loading": "Loading…",
            "error": "Search is not available. The full list is below.",
            "relevance": "Best match",
            "all": "All",
            "any_status": "Any status",
            "active": "Active filters",
            "remove": "Remove filter: {label}",
            "deadline": view.t("deadline"),
        }
    return {
        "facets": [
            {"name": f.param, "label": view.t(f.label), "values": {} if inline and f.indexed_labels else f.options(catalog, view)}
            for f in FACETS
        ],
        "sorts": sort_options,
        "ui": ui,
        "lang": view.lang,
    }


def open_by_sector(catalog: Catalog) -> dict[str, list[Opportunity]]:
    """Open listings grouped by sector, built once per site so finding similar ones stays cheap at scale."""
    groups: dict[str, list[Opportunity]] = {}
    for opp in catalog.opportunities.values():
        if opp.status == "open":
            for sector in opp.sectors:
                groups.setdefault(sector, []).append(opp)
    return groups


def similar_open(opp: Opportunity, by_sector: dict[str, list[Opportunity]], limit: int = 3) -> list[Opportunity]:
    """Open listings that share a sector with opp, closest first (sectors, then stage and format)."""
    mine = set(opp.sectors)

    def score(other: Opportunity) -> tuple[int, str]:
        return (-(2 * len(mine & set(other.sectors)) + (other.stage == opp.stage) + (other.format == opp.format)), other.id)

    candidates = {o.id: o for sector in opp.sectors for o in by_sector.get(sector, ()) if o.id != opp.id}
    return heapq.nsmallest(limit, candidates.values(), key=score)


def _level_rows(rubric: Rubric, opps: list[Opportunity], view: View, not_assessed: bool) -> list[dict[str, Any]]:
    rows = []
    tally = Counter((a.criterion, a.level) for o in opps if o.rubric == rubric.id for a in o.assessment)
    for crit in rubric.criteria:
        counts = [tally[crit.id, lv.id] for lv in rubric.levels]
        if not_assessed:
            counts.append(len(opps) - sum(counts))
        name = crit.name_es if view.lang == "es" and crit.name_es else crit.name
        rows.append({"name": name, "counts": counts})
    return rows


def rubric_scores(catalog: Catalog, rubric: Rubric, view: View) -> dict[str, Any]:
    opps = list(catalog.opportunities.values())
    assessed = sum(1 for o in opps if o.rubric == rubric.id and o.assessment)
    if view.lang == "es":
        summary = (
            f"{assessed} de {len(opps)} anuncios tienen una autoevaluación con esta rúbrica. La tabla cuenta anuncios por nivel."
        )
    else:
        summary = f"{assessed} of {len(opps)} listings have a self-assessment against this rubric. The table counts listings at each level."
    return {"summary": summary, "rows": _level_rows(rubric, opps, view, True)}


def quality_summary(catalog: Catalog, opps: list[Opportunity], view: View) -> dict[str, Any] | None:
    used = {o.rubric for o in opps if o.rubric and o.assessment}
    if len(used) != 1:
        return None
    rubric = catalog.rubrics[used.pop()]
    levels = [lv.name_es if view.lang == "es" and lv.name_es else lv.name for lv in rubric.levels]
    note = (
        "Número de anuncios de esta organización en cada nivel, según su autoevaluación."
        if view.lang == "es"
        else "Number of this organization's listings at each level, from their self-assessments."
    )
    return {"levels": levels, "rows": _level_rows(rubric, opps, view, False), "note": note}


def parameter_docs(lang: str) -> list[tuple[str, str, str]]:
    """The counselor guide's table: (parameter, meaning, example query), in the order of an address."""
    docs = {f.param: (f.doc, f.example) for f in FACETS} | OTHER_DOCS
    values = doc_values()
    return [(name, t(docs[name][0], lang, **values), f"{name}={docs[name][1]}") for name in PARAMETERS]


def status_docs(lang: str) -> list[tuple[str, str]]:
    if lang == "es":
        return [
            ("open", "Recibe solicitudes ahora y la fecha límite no ha pasado."),
            ("upcoming", "Está abierta, pero las solicitudes empiezan más adelante."),
            (
                "closed",
                "No recibe solicitudes: la organización la cerró o la fecha límite ya pasó. El sitio lo calcula cada día.",
            ),
            ("archived", "Terminó y se guarda como referencia."),
            ("retired", "Ya no existe; la página queda para que los enlaces no se rompan."),
        ]
    return [
        ("open", "Taking applications now, and the deadline has not passed."),
        ("upcoming", "Open, but applications start later."),
        (
            "closed",
            "Not taking applications: the organization closed it or the deadline passed. The site works this out every day.",
        ),
        ("archived", "Finished and kept for reference."),
        ("retired", "No longer offered; the page stays so links do not break."),
    ]
