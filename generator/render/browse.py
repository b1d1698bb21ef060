"""Browse and search: the facets each listing carries, and their labels.

filters() is the one source of each listing's facet values: the browse
page's facet index (browse_index.py) is built from it. Range
questions ("pays at least $20 an hour", "I am 16", "meets 3 criteria at
level 3 or above") become sets of values, so that a single filter value
answers them.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from typing import Any

from generator.model import STAGES, Catalog, Opportunity, Rubric
from generator.present.view import View

WAGE_STEPS = (16, 18, 20, 25)
AGES = range(11, 26)
STRONG_RANK = 3  # "at least the third level", by rank, whatever the number of levels

# Query parameter -> facet. Stable once published: the counselor guide lists them.
PARAMETERS = (
    "q",
    "status",
    "sector",
    "format",
    "stage",
    "pay",
    "wage",
    "grade",
    "age",
    "area",
    "mode",
    "season",
    "offers",
    "transport",
    "language",
    "quality",
    "signal",
    "org",
    "pathway",
    "sort",
)


def static_order(catalog: Catalog) -> list[Opportunity]:
    order = {"open": 0, "closed": 1, "archived": 2}
    return sorted(catalog.opportunities.values(), key=lambda o: (order[o.status], o.deadline or dt.date.max, o.id))


def strong_count(opp: Opportunity) -> int:
    return sum(a.rank >= STRONG_RANK for a in opp.assessment)


def filters(catalog: Catalog, opp: Opportunity, view: View) -> list[tuple[str, list[str]]]:
    status = view.status_key(opp)
    out: list[tuple[str, list[str]]] = [
        ("status", [status] + (["open"] if status == "upcoming" else [])),
        ("sector", list(opp.sectors)),
        ("format", [opp.format]),
        ("stage", [opp.stage]),
        ("pay", [opp.pay_type] + (["paid-any"] if opp.is_paid else [])),
    ]
    top = opp.pay_amount_max or opp.pay_amount
    if opp.pay_type == "paid" and opp.pay_unit == "hour" and top:
        out.append(("wage", [str(step) for step in WAGE_STEPS if top >= step]))
    out.append(("grade", [str(g) for g in range(opp.grade_min, opp.grade_max + 1)]))
    low, high = opp.age_min or AGES.start, opp.age_max or AGES.stop - 1
    out.append(("age", [str(a) for a in AGES if low <= a <= high]))
    out.append(("area", sorted({s.area for s in opp.sites if s.area})))
    out.append(("mode", sorted({s.mode for s in opp.sites})))
    season = opp.section("schedule").get("season")
    if season:
        out.append(("season", [season]))
    outcomes = opp.section("outcomes")
    offers = [k for k in ("academic_credit", "college_credit") if outcomes.get(k)] + (
        ["credential"] if outcomes.get("credential") else []
    )
    if offers:
        out.append(("offers", [o.replace("_", "-") for o in offers]))
    if opp.section("supports").get("transportation") or "transportation-support" in opp.signals:
        out.append(("transport", ["yes"]))
    languages = opp.section("supports").get("languages")
    if languages:
        out.append(("language", list(languages)))
    strong = strong_count(opp)
    if strong:
        out.append(("quality", [str(n) for n in range(1, strong + 1)]))
    if opp.signals:
        out.append(("signal", list(opp.signals)))
    out.append(("org", [opp.org_id]))
    if opp.pathways:
        out.append(("pathway", list(opp.pathways)))
    return out


def sorts(opp: Opportunity) -> list[tuple[str, str]]:
    deadline = opp.deadline.isoformat() if opp.deadline else "9999-12-31"
    wage = opp.pay_amount_max or opp.pay_amount or 0
    hourly = wage if opp.pay_type == "paid" and opp.pay_unit == "hour" else 0
    return [("deadline", deadline), ("reviewed", opp.last_reviewed.isoformat()), ("pay", f"{hourly:.2f}")]


# Facets whose values grow with the catalog: their labels travel in the facet index (browse_index.py),
# fetched once, instead of in each of the hundreds of browse pages.
INDEXED_LABELS = ("org", "pathway")


def labels(catalog: Catalog, view: View, inline: bool = False) -> dict[str, Any]:
    """Everything the browse script shows, in the page's language; `inline` (for the page itself) leaves
    out the values of INDEXED_LABELS."""
    es = view.lang == "es"
    vocab = catalog.vocabularies

    def items(name: str) -> dict[str, str]:
        return {item.id: item.label(view.lang) for item in vocab.items(name)}

    facets = [
        ("status", "Estado" if es else "Status", {k: view.t("status_" + k) for k in ("open", "upcoming", "closed", "archived")}),
        (
            "pay",
            "Pago" if es else "Pay",
            {
                "paid-any": "Pagada o con estipendio" if es else "Paid or stipend",
                "paid": view.t("paid"),
                "stipend": view.t("stipend"),
                "unpaid": view.t("unpaid"),
            },
        ),
        ("wage", "Pago mínimo por hora" if es else "Minimum hourly pay", {str(s): f"{view.money(s)}+" for s in WAGE_STEPS}),
        ("grade", view.t("grade"), {str(g): str(g) for g in range(6, 15)}),
        ("age", "Edad" if es else "Age", {str(a): str(a) for a in AGES}),
        ("sector", view.t("sector"), {item.id: item.label(view.lang) for item in vocab.items("sectors")}),
        ("format", view.t("format"), items("formats")),
        ("stage", view.t("stage"), {s: view.stage_name(s) for s in STAGES}),
        ("area", view.t("area"), items("areas")),
        ("mode", "Modalidad" if es else "In person or remote", {m: view.t(m) for m in ("in-person", "hybrid", "remote")}),
        ("season", "Temporada" if es else "Season", items("seasons")),
        (
            "offers",
            "Créditos y certificaciones" if es else "Credit and credentials",
            {
                "academic-credit": view.t("academic_credit"),
                "college-credit": view.t("college_credit"),
                "credential": view.t("credential"),
            },
        ),
        ("transport", "Ayuda con transporte" if es else "Transportation help", {"yes": "Sí" if es else "Yes"}),
        ("language", "Idioma" if es else "Language", items("languages")),
        (
            "quality",
            "Calidad" if es else "Quality",
            {
                str(n): (
                    f"Al menos {n} criterios en nivel {STRONG_RANK} o más"
                    if es
                    else f"At least {n} criteria at level {STRONG_RANK} or above"
                )
                for n in range(1, 1 + max((len(r.criteria) for r in catalog.rubrics.values()), default=0))
            },
        ),
        ("signal", view.t("signals"), items("signals")),
        ("org", view.t("organization"), {o.id: view.plain(o.text("name", view.lang)) for o in catalog.organizations.values()}),
        ("pathway", view.t("pathways"), {p.id: view.plain(p.text("name", view.lang)) for p in catalog.pathways.values()}),
    ]
    sort_options = [
        ("deadline", "Fecha límite más próxima" if es else "Deadline soonest"),
        ("reviewed", "Revisadas recientemente" if es else "Recently reviewed"),
        ("pay", "Mejor pago por hora" if es else "Highest hourly pay"),
    ]
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
            {"name": n, "label": lbl, "values": {} if inline and n in INDEXED_LABELS else vals} for n, lbl, vals in facets
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
    es = lang == "es"
    rows = [
        ("q", "Palabras a buscar" if es else "Words to search for", "q=nursing"),
        (
            "status",
            "open (predeterminado), upcoming, closed, archived o any"
            if es
            else "open (the default), upcoming, closed, archived, or any",
            "status=any",
        ),
        ("sector", "Sector CTE (id)" if es else "CTE sector (id)", "sector=health-science-and-medical-technology"),
        ("format", "Formato (id)" if es else "Format (id)", "format=internship"),
        (
            "stage",
            "Etapa: awareness, exploration, preparation, training"
            if es
            else "Stage: awareness, exploration, preparation, training",
            "stage=training",
        ),
        (
            "pay",
            "paid-any (pagada o con estipendio), paid, stipend, unpaid"
            if es
            else "paid-any (paid or stipend), paid, stipend, unpaid",
            "pay=paid-any",
        ),
        ("wage", "Pago mínimo por hora: 16, 18, 20, 25" if es else "Minimum hourly pay: 16, 18, 20, 25", "wage=20"),
        ("grade", "Grado del estudiante (6–14)" if es else "Student's grade (6–14)", "grade=11"),
        ("age", "Edad del estudiante" if es else "Student's age", "age=16"),
        ("area", "Zona de la región (id)" if es else "Area of the region (id)", "area=south-bay-harbor"),
        ("mode", "in-person, hybrid, remote", "mode=remote"),
        ("season", "Temporada (id)" if es else "Season (id)", "season=summer"),
        ("offers", "academic-credit, college-credit, credential", "offers=college-credit"),
        ("transport", "yes: ayuda con transporte" if es else "yes: transportation help", "transport=yes"),
        ("language", "Idioma que se habla en el sitio" if es else "Language spoken at the site", "language=es"),
        ("quality", "Al menos N criterios en nivel 3 o más" if es else "At least N criteria at level 3 or above", "quality=3"),
        ("signal", "Señal de calidad (id)" if es else "Quality signal (id)", "signal=trained-mentor"),
        ("org", "Organización (id)" if es else "Organization (id)", "org=eastside-career-hub"),
        ("pathway", "Trayectoria (id)" if es else "Pathway (id)", "pathway=health-careers"),
        ("sort", "deadline, reviewed, pay", "sort=pay"),
    ]
    return rows


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
