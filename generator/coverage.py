"""Coverage and quality figures for the regional report.

`compute(catalog)` is one pure function: it turns the catalog, as of
`catalog.today`, into a frozen `Coverage` record. The /coverage/ page
(`page_context`) and `python -m generator report` both print that one
record, so the page and the report always agree.

How the figures are counted (the page repeats this under "How these
figures are counted", in both languages; keep the two in step):

- **Population.** Every figure counts *open* listings: computed status
  "open" on the build date. That includes listings whose applications open
  later ("opens soon") and leaves out closed listings (also those whose
  deadline has passed) and archived ones.
- **Sectors.** A listing with several sectors counts once in each of its
  sectors, so sector rows add up to more than the total. Stage totals and
  the grand total count each listing once.
- **Seats.** The listing's `seats`. A listing that does not state seats is
  counted as a listing with 0 seats, and counted in `seats_unknown`.
- **Paid share.** Paid plus stipend listings over all open listings of the
  sector. The hourly range runs from the lowest `amount` to the highest
  `amount_max` (or `amount`) of paid listings with `unit: hour` and a
  published amount. Paid listings that do not publish the amount are
  counted, never given a wage.
- **Grade bands** (from vocabularies/grade-bands.yml). A listing counts,
  with all its seats, in every band its grade range overlaps: grades 8-10
  count in middle school and in high school. Band rows can add up to more
  than the total.
- **Areas.** A listing counts, with all its seats, once in every area where
  it has at least one site: 300 seats at sites in five areas count 300 in
  each. Seats are not split, because a listing does not say how its seats
  are shared among sites and a split would invent data. Sites with no known
  area count under "area not known".
- **Rubric levels.** For each rubric and criterion: open listings that rate
  the criterion at each level (levels in rank order, any number of them),
  and "not assessed", the other open listings (no rating for that
  criterion, another rubric, or no self-assessment). Each row adds up to
  the open listings.
- **Freshness.** Days from `last_reviewed` to the build date: up to 90,
  91-180, 181-365, more than 365. A date in the future counts as up to 90.
- **Deadlines.** Open listings whose deadline is from the build date to 30
  days later, both included.
- **Biggest gaps.** One per dimension, so that the three name what, when
  and where:
  1. *Sector*: the sector with no open paid (or stipend) training
     opportunity whose students meet it most at earlier stages (the most
     open seats in awareness, exploration and preparation); ties go to
     catalog order. When every sector has paid training, the sector with
     the fewest seats in it.
  2. *Stage*: the continuum stage with the fewest open seats (then fewest
     listings, then continuum order).
  3. *Area*: the area with the fewest open seats (then fewest listings,
     then catalog order). Only areas that are places count: an area with
     neither cities nor ZIP codes, such as "online", is left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from .model import STAGES, Catalog, Opportunity

FRESHNESS = (("90", 0, 90), ("180", 91, 180), ("365", 181, 365), ("older", 366, None))
DEADLINE_DAYS = 30
UNKNOWN_AREA = ""


# -- the record ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Count:
    listings: int = 0
    seats: int = 0


@dataclass(frozen=True, slots=True)
class SectorRow:
    sector: str  # sector id
    cells: tuple[Count, ...]  # one per stage, in STAGES order
    total: Count  # each listing once


@dataclass(frozen=True, slots=True)
class Matrix:
    stages: tuple[str, ...]
    rows: tuple[SectorRow, ...]
    stage_totals: tuple[Count, ...]  # each listing once
    total: Count
    empty: tuple[tuple[str, str], ...]  # (sector, stage) cells with no open listing

    def empty_by_stage(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((stage, tuple(s for s, st in self.empty if st == stage)) for stage in self.stages)


def percent(part: int, whole: int) -> int | None:
    """part/whole as a whole percentage, rounded half up (67 for 2/3, 13 for 1/8); None for 0/0."""
    return None if whole == 0 else (200 * part + whole) // (2 * whole)


@dataclass(frozen=True, slots=True)
class PayRow:
    sector: str  # sector id; "" for all sectors together
    listings: int
    paid: int
    stipend: int
    hourly_listings: int  # paid per hour with a published amount
    hourly_min: float | None
    hourly_max: float | None
    not_published: int  # paid or stipend listings that do not publish the amount

    @property
    def paid_any(self) -> int:
        return self.paid + self.stipend

    @property
    def share(self) -> int | None:
        return percent(self.paid_any, self.listings)


@dataclass(frozen=True, slots=True)
class BandRow:
    band: str
    grade_min: int
    grade_max: int
    listings: int
    seats: int


@dataclass(frozen=True, slots=True)
class AreaRow:
    area: str  # area id; "" when a site's area is not known
    listings: int
    seats: int


@dataclass(frozen=True, slots=True)
class CriterionRow:
    criterion: str
    counts: tuple[int, ...]  # one per level, lowest rank first
    not_assessed: int


@dataclass(frozen=True, slots=True)
class RubricLevels:
    rubric: str
    levels: tuple[str, ...]  # level ids, lowest rank first
    rows: tuple[CriterionRow, ...]
    assessed: int  # open listings that rate at least one criterion of this rubric


@dataclass(frozen=True, slots=True)
class SignalRow:
    signal: str
    listings: int


@dataclass(frozen=True, slots=True)
class FreshnessRow:
    bucket: str  # "90", "180", "365", "older"
    min_days: int
    max_days: int | None
    listings: int


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    id: str
    deadline: dt.date
    days_left: int
    seats: int | None


@dataclass(frozen=True, slots=True)
class Gap:
    kind: str  # "sector", "stage" or "area"
    subject: str  # its id
    listings: int  # open listings in it
    seats: int  # open seats in it
    paid_training: int  # sector: open paid or stipend training listings
    paid_training_seats: int
    early_seats: int  # sector: open seats at awareness, exploration and preparation


@dataclass(frozen=True, slots=True)
class Coverage:
    as_of: dt.date
    listings: int  # every listing in the catalog
    open: int
    upcoming: int  # open, but applications open later
    closed: int
    archived: int
    seats: int  # open seats
    seats_unknown: int  # open listings that do not state seats
    matrix: Matrix
    pay: tuple[PayRow, ...]  # one per sector
    pay_total: PayRow
    bands: tuple[BandRow, ...]
    areas: tuple[AreaRow, ...]
    rubrics: tuple[RubricLevels, ...]
    signals: tuple[SignalRow, ...]
    freshness: tuple[FreshnessRow, ...]
    deadlines: tuple[DeadlineRow, ...]
    gaps: tuple[Gap, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: dates as YYYY-MM-DD, computed shares included."""
        data = _plain(dataclasses.asdict(self))
        for row, plain in zip((*self.pay, self.pay_total), (*data["pay"], data["pay_total"]), strict=True):
            plain["paid_any"] = row.paid_any
            plain["share_percent"] = row.share
        data["matrix"]["empty_by_stage"] = {stage: list(sectors) for stage, sectors in self.matrix.empty_by_stage()}
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# -- computing -------------------------------------------------------------


def _count(opps: list[Opportunity]) -> Count:
    return Count(len(opps), sum(o.seats or 0 for o in opps))


def _pay_row(sector: str, opps: list[Opportunity]) -> PayRow:
    hourly = [o for o in opps if o.pay_type == "paid" and o.pay_unit == "hour" and o.pay_amount is not None]
    return PayRow(
        sector=sector,
        listings=len(opps),
        paid=sum(o.pay_type == "paid" for o in opps),
        stipend=sum(o.pay_type == "stipend" for o in opps),
        hourly_listings=len(hourly),
        hourly_min=min((o.pay_amount for o in hourly if o.pay_amount is not None), default=None),
        hourly_max=max((o.pay_amount_max or o.pay_amount or 0 for o in hourly), default=None),
        not_published=sum(o.is_paid and o.pay_amount is None for o in opps),
    )


def _freshness(opps: list[Opportunity], today: dt.date) -> tuple[FreshnessRow, ...]:
    ages = [max(0, (today - o.last_reviewed).days) for o in opps]
    return tuple(
        FreshnessRow(key, low, high, sum(low <= a and (high is None or a <= high) for a in ages)) for key, low, high in FRESHNESS
    )


def _is_place(item: Any) -> bool:
    return bool(item.extra.get("cities") or item.extra.get("zips"))


def _gaps(catalog: Catalog, open_: list[Opportunity], matrix: Matrix, areas: tuple[AreaRow, ...]) -> tuple[Gap, ...]:
    gaps: list[Gap] = []
    training = STAGES.index("training")
    candidates = []
    for index, row in enumerate(matrix.rows):
        paid = [o for o in open_ if row.sector in o.sectors and o.stage == "training" and o.is_paid]
        early = sum(c.seats for i, c in enumerate(row.cells) if i != training)
        paid_seats = sum(o.seats or 0 for o in paid)
        gap = Gap("sector", row.sector, row.total.listings, row.total.seats, len(paid), paid_seats, early)
        candidates.append(((len(paid) > 0, paid_seats, -early, index), gap))
    if candidates:
        gaps.append(min(candidates, key=lambda c: c[0])[1])
    stages = sorted(range(len(STAGES)), key=lambda i: (matrix.stage_totals[i].seats, matrix.stage_totals[i].listings, i))
    if stages:
        total = matrix.stage_totals[stages[0]]
        gaps.append(Gap("stage", STAGES[stages[0]], total.listings, total.seats, 0, 0, 0))
    order = {item.id: i for i, item in enumerate(catalog.vocabularies.items("areas"))}
    places = {item.id for item in catalog.vocabularies.items("areas") if _is_place(item)}
    physical = [a for a in areas if a.area in places]
    if physical:
        area = min(physical, key=lambda a: (a.seats, a.listings, order[a.area]))
        gaps.append(Gap("area", area.area, area.listings, area.seats, 0, 0, 0))
    return tuple(gaps)


def compute(catalog: Catalog) -> Coverage:
    """Every figure of the report, as of catalog.today. Pure: same catalog, same record."""
    today = catalog.today
    everything = list(catalog.opportunities.values())
    open_ = [o for o in everything if o.status == "open"]
    vocab = catalog.vocabularies

    rows, empty = [], []
    for sector in vocab.items("sectors"):
        mine = [o for o in open_ if sector.id in o.sectors]
        cells = tuple(_count([o for o in mine if o.stage == stage]) for stage in STAGES)
        rows.append(SectorRow(sector.id, cells, _count(mine)))
        empty.extend((sector.id, stage) for stage, cell in zip(STAGES, cells, strict=True) if cell.listings == 0)
    matrix = Matrix(
        stages=STAGES,
        rows=tuple(rows),
        stage_totals=tuple(_count([o for o in open_ if o.stage == stage]) for stage in STAGES),
        total=_count(open_),
        empty=tuple(empty),
    )

    pay = tuple(_pay_row(s.id, [o for o in open_ if s.id in o.sectors]) for s in vocab.items("sectors"))

    bands = []
    for band in vocab.items("grade-bands"):
        low, high = band.extra.get("min"), band.extra.get("max")
        if not isinstance(low, int) or not isinstance(high, int):
            continue
        mine = [o for o in open_ if o.grade_min <= high and o.grade_max >= low]
        count = _count(mine)
        bands.append(BandRow(band.id, low, high, count.listings, count.seats))

    area_ids = [a.id for a in vocab.items("areas")]
    by_area: dict[str, list[Opportunity]] = {a: [] for a in area_ids}
    for opp in open_:
        for area in dict.fromkeys(s.area or UNKNOWN_AREA for s in opp.sites):
            by_area.setdefault(area, []).append(opp)
    if not by_area.get(UNKNOWN_AREA):
        by_area.pop(UNKNOWN_AREA, None)
    areas = tuple(AreaRow(a, *dataclasses.astuple(_count(opps))) for a, opps in by_area.items())

    rubrics = []
    for rubric in catalog.rubrics.values():
        mine = [o for o in open_ if o.rubric == rubric.id]
        criteria = []
        for crit in rubric.criteria:
            levels = [a.level for o in mine for a in o.assessment if a.criterion == crit.id]
            counts = tuple(levels.count(lv.id) for lv in rubric.levels)
            criteria.append(CriterionRow(crit.id, counts, len(open_) - sum(counts)))
        rubrics.append(
            RubricLevels(rubric.id, tuple(lv.id for lv in rubric.levels), tuple(criteria), sum(bool(o.assessment) for o in mine))
        )

    signals = tuple(SignalRow(s.id, sum(s.id in o.signals for o in open_)) for s in vocab.items("signals"))

    soon = []
    for opp in open_:
        if opp.deadline is not None and 0 <= (opp.deadline - today).days <= DEADLINE_DAYS:
            soon.append(DeadlineRow(opp.id, opp.deadline, (opp.deadline - today).days, opp.seats))
    soon.sort(key=lambda d: (d.deadline, d.id))

    return Coverage(
        as_of=today,
        listings=len(everything),
        open=len(open_),
        upcoming=sum(o.opens is not None and o.opens > today for o in open_),
        closed=sum(o.status == "closed" for o in everything),
        archived=sum(o.status == "archived" for o in everything),
        seats=matrix.total.seats,
        seats_unknown=sum(o.seats is None for o in open_),
        matrix=matrix,
        pay=pay,
        pay_total=_pay_row("", open_),
        bands=tuple(bands),
        areas=areas,
        rubrics=tuple(rubrics),
        signals=signals,
        freshness=_freshness(open_, today),
        deadlines=tuple(soon),
        gaps=_gaps(catalog, open_, matrix, areas),
    )


# -- words, for the page and the report --------------------------------------

# key: (English, Spanish). Only this page and the report use them.
LABELS: dict[str, tuple[str, str]] = {
    "title": ("Coverage and quality", "Cobertura y calidad"),
    "lede": (
        "Figures as of {date}. Open listings: {open} of {listings} in the catalog. Open seats: {seats}.",
        "Cifras al {date}. Anuncios abiertos: {open} de {listings} en el catálogo. Lugares abiertos: {seats}.",
    ),
    "seats_unknown": (
        "{n} open listings do not state how many seats they have.",
        "{n} anuncios abiertos no indican cuántos lugares tienen.",
    ),
    "seats_unknown_one": (
        "1 open listing does not state how many seats it has.",
        "1 anuncio abierto no indica cuántos lugares tiene.",
    ),
    "status_counts": (
        "Open: {open}, of which {upcoming} take applications later. Closed: {closed}. Archived: {archived}.",
        "Abiertos: {open}; de ellos, {upcoming} reciben solicitudes más adelante. Cerrados: {closed}. Archivados: {archived}.",
    ),
    "gaps": ("The three biggest gaps", "Las tres brechas más grandes"),
    "gaps_intro": (
        "One gap for each question: which sector, which stage of the continuum and which area need opportunities most.",
        "Una brecha por pregunta: qué sector, qué etapa del proceso y qué zona necesitan más oportunidades.",
    ),
    "gap_none": ("No gaps could be computed: the catalog has no sectors, stages or areas.", "No se pudieron calcular brechas."),
    "gap_sector_nothing": ("{name}: no open opportunities at all.", "{name}: no hay ninguna oportunidad abierta."),
    "gap_sector_early": (
        "{name}: no open paid training opportunity, although the sector offers {seats} at earlier stages.",
        "{name}: no hay ninguna capacitación pagada abierta, aunque el sector ofrece {seats} en etapas anteriores.",
    ),
    "gap_sector_no_paid": (
        "{name}: no open paid training opportunity.",
        "{name}: no hay ninguna capacitación pagada abierta.",
    ),
    "gap_sector_fewest": (
        "{name}: the fewest seats in open paid training of any sector ({seats}).",
        "{name}: el sector con menos lugares en capacitación pagada abierta ({seats}).",
    ),
    "gap_stage_nothing": (
        "{name}: no open opportunities in any sector.",
        "{name}: no hay oportunidades abiertas en ningún sector.",
    ),
    "gap_stage": (
        "{name}: the fewest open seats of the four stages ({seats}, {listings}).",
        "{name}: la etapa con menos lugares abiertos de las cuatro ({seats}, {listings}).",
    ),
    "gap_area_nothing": (
        "{name}: no open opportunity has a site in this area.",
        "{name}: ninguna oportunidad abierta tiene un lugar en esta zona.",
    ),
    "gap_area": (
        "{name}: the fewest open seats of any area ({seats}, {listings}).",
        "{name}: la zona con menos lugares abiertos ({seats}, {listings}).",
    ),
    "matrix": ("Open opportunities by sector and stage", "Oportunidades abiertas por sector y etapa"),
    "matrix_intro": (
        "Each cell counts open listings and their seats. A listing with several sectors counts in each of them. Cells marked “none” are gaps.",
        "Cada celda cuenta los anuncios abiertos y sus lugares. Un anuncio con varios sectores cuenta en cada uno. Las celdas marcadas “ninguna” son brechas.",
    ),
    "matrix_desc": (
        "Heat map of {rows} sectors by {cols} stages. {empty} of {cells} cells have no open opportunity. Darker cells have more listings. The table next to it has every value.",
        "Mapa de calor de {rows} sectores por {cols} etapas. {empty} de {cells} celdas no tienen oportunidades abiertas. Las celdas más oscuras tienen más anuncios. La tabla de al lado tiene todos los valores.",
    ),
    "empty_cells": ("Gaps: sector and stage with no open opportunity", "Brechas: sector y etapa sin oportunidades abiertas"),
    "empty_stage": (
        "No open {stage} opportunities in: {sectors}.",
        "Sin oportunidades abiertas en la etapa «{stage}»: {sectors}.",
    ),
    "empty_none": (
        "Every sector has open opportunities at every stage.",
        "Todos los sectores tienen oportunidades abiertas en todas las etapas.",
    ),
    "none": ("none", "ninguna"),
    "gap_mark": ("gap", "brecha"),
    "listings": ("Listings", "Anuncios"),
    "listings_n": ("{n} listings", "{n} anuncios"),
    "listing_one": ("1 listing", "1 anuncio"),
    "seats": ("Seats", "Lugares"),
    "seats_n": ("{n} seats", "{n} lugares"),
    "seat_one": ("1 seat", "1 lugar"),
    "sector": ("Sector", "Sector"),
    "stage": ("Stage", "Etapa"),
    "all_stages": ("All stages", "Todas las etapas"),
    "all_sectors": ("All sectors", "Todos los sectores"),
    "total_once": ("All listings (each once)", "Todos los anuncios (cada uno una vez)"),
    "pay": ("Paid opportunities and hourly wages by sector", "Oportunidades pagadas y salario por hora por sector"),
    "pay_intro": (
        "Share of open listings that pay a wage or a stipend, and the range of published hourly wages.",
        "Porcentaje de anuncios abiertos con sueldo o estipendio, y el rango de los salarios por hora publicados.",
    ),
    "pay_desc": (
        "Bar chart of the share of open listings that are paid or give a stipend, by sector. {total}",
        "Gráfica de barras del porcentaje de anuncios abiertos pagados o con estipendio, por sector. {total}",
    ),
    "paid": ("Paid", "Pagados"),
    "stipend": ("Stipend", "Estipendio"),
    "paid_share": ("Paid or stipend", "Pagados o con estipendio"),
    "hourly_range": ("Hourly wage range", "Rango de salario por hora"),
    "not_published": ("Amount not published", "Monto no publicado"),
    "share_of": ("{pct} ({n} of {total})", "{pct} ({n} de {total})"),
    "no_listings": ("no open listings", "sin anuncios abiertos"),
    "bands": ("Seats by grade band", "Lugares por nivel escolar"),
    "bands_intro": (
        "A listing counts, with all its seats, in every grade band its grades overlap, so the rows can add up to more than the total.",
        "Un anuncio cuenta, con todos sus lugares, en cada nivel escolar que abarcan sus grados, así que las filas pueden sumar más que el total.",
    ),
    "bands_desc": (
        "Bar chart of open seats by grade band: {values}.",
        "Gráfica de barras de lugares abiertos por nivel escolar: {values}.",
    ),
    "band": ("Grade band", "Nivel escolar"),
    "grades": ("Grades", "Grados"),
    "areas": ("Seats by area", "Lugares por zona"),
    "areas_intro": (
        "A listing counts, with all its seats, once in every area where it has a site. Seats are not split among sites, because listings do not say how they are shared.",
        "Un anuncio cuenta, con todos sus lugares, una vez en cada zona donde tiene un lugar de trabajo. Los lugares no se reparten entre sitios, porque los anuncios no dicen cómo se dividen.",
    ),
    "areas_desc": ("Bar chart of open seats by area: {values}.", "Gráfica de barras de lugares abiertos por zona: {values}."),
    "area": ("Area", "Zona"),
    "area_unknown": ("Area not known", "Zona desconocida"),
    "levels": ("Quality self-assessments", "Autoevaluaciones de calidad"),
    "levels_intro": (
        "For each rubric and criterion, how many open listings rate themselves at each level. “Not assessed” is every other open listing, so each row adds up to {open}.",
        "Para cada rúbrica y criterio, cuántos anuncios abiertos se califican en cada nivel. “Sin evaluar” son los demás anuncios abiertos, así que cada fila suma {open}.",
    ),
    "levels_assessed": (
        "{n} of {open} open listings have a self-assessment against this rubric.",
        "{n} de {open} anuncios abiertos tienen una autoevaluación con esta rúbrica.",
    ),
    "levels_desc": (
        "Heat map of {rows} criteria by {cols} levels, lowest level first, plus “not assessed”. Darker cells have more listings. The table next to it has every value.",
        "Mapa de calor de {rows} criterios por {cols} niveles, del más bajo al más alto, más “sin evaluar”. Las celdas más oscuras tienen más anuncios. La tabla de al lado tiene todos los valores.",
    ),
    "criterion": ("Criterion", "Criterio"),
    "not_assessed": ("Not assessed", "Sin evaluar"),
    "signals": ("Quality signals on open listings", "Señales de calidad en anuncios abiertos"),
    "signal": ("Signal", "Señal"),
    "freshness": ("Freshness", "Actualización"),
    "freshness_intro": (
        "Days since each open listing was last reviewed by its organization.",
        "Días desde que cada organización revisó por última vez su anuncio abierto.",
    ),
    "freshness_desc": (
        "Bar chart of open listings by days since their last review: {values}.",
        "Gráfica de barras de anuncios abiertos por días desde su última revisión: {values}.",
    ),
    "reviewed": ("Last reviewed", "Última revisión"),
    "fresh_90": ("Within 90 days", "En los últimos 90 días"),
    "fresh_180": ("91 to 180 days ago", "Hace 91 a 180 días"),
    "fresh_365": ("181 to 365 days ago", "Hace 181 a 365 días"),
    "fresh_older": ("More than a year ago", "Hace más de un año"),
    "deadlines": ("Deadlines in the next 30 days", "Fechas límite en los próximos 30 días"),
    "deadlines_none": (
        "No open listing has a deadline in the next 30 days.",
        "Ningún anuncio abierto cierra en los próximos 30 días.",
    ),
    "opportunity": ("Opportunity", "Oportunidad"),
    "organization": ("Organization", "Organización"),
    "deadline": ("Deadline", "Fecha límite"),
    "days_left": ("Days left", "Días restantes"),
    "how": ("How these figures are counted", "Cómo se cuentan estas cifras"),
    "how_items": (
        "Every figure counts open listings on the date above, including those that open for applications later. Closed and archived listings are left out.\n"
        "A listing that does not state seats counts as a listing with no seats.\n"
        "Paid share: listings with a wage or a stipend. The hourly range uses only listings paid by the hour that publish the amount.\n"
        "Biggest gaps, one per question. Sector: the sector with no open paid training opportunity that has the most open seats at earlier stages (ties in catalog order); when every sector has one, the sector with the fewest seats in open paid training. Stage: the stage with the fewest open seats. Area: the area with the fewest open seats (ties in catalog order; online does not count as an area).\n"
        "The same figures come from the command `python -m generator report`, as text, Markdown, JSON or CSV.",
        "Todas las cifras cuentan los anuncios abiertos en la fecha de arriba, incluidos los que reciben solicitudes más adelante. No se cuentan los anuncios cerrados ni archivados.\n"
        "Un anuncio que no indica sus lugares cuenta como un anuncio sin lugares.\n"
        "Porcentaje pagado: anuncios con sueldo o estipendio. El rango por hora usa solo anuncios pagados por hora que publican el monto.\n"
        "Brechas más grandes, una por pregunta. Sector: el sector sin capacitación pagada abierta con más lugares abiertos en etapas anteriores (los empates, en el orden del catálogo); si todos la tienen, el sector con menos lugares en capacitación pagada abierta. Etapa: la etapa con menos lugares abiertos. Zona: la zona con menos lugares abiertos (los empates, en el orden del catálogo; en línea no cuenta como zona).\n"
        "Las mismas cifras salen del comando `python -m generator report`, como texto, Markdown, JSON o CSV.",
    ),
    "table": ("Table: {name}", "Tabla: {name}"),
    "chart": ("Chart: {name}", "Gráfica: {name}"),
}


def label(key: str, lang: str, **values: Any) -> str:
    en, es = LABELS[key]
    text = es if lang == "es" else en
    return text.format(**values) if values else text


def listings_text(n: int, view: Any) -> str:
    return label("listing_one", view.lang) if n == 1 else label("listings_n", view.lang, n=view.number(n))


def seats_text(n: int, view: Any) -> str:
    return label("seat_one", view.lang) if n == 1 else label("seats_n", view.lang, n=view.number(n))


def subject_name(kind: str, ident: str, view: Any) -> str:
    if kind == "sector":
        return view.sector_name(ident)
    if kind == "stage":
        return view.stage_name(ident)
    if kind == "area":
        return view.vocab("areas", ident) if ident else label("area_unknown", view.lang)
    return ident


def gap_sentence(gap: Gap, view: Any) -> str:
    lang, name = view.lang, subject_name(gap.kind, gap.subject, view)
    if gap.kind == "sector":
        if gap.listings == 0:
            return label("gap_sector_nothing", lang, name=name)
        if gap.paid_training == 0:
            if gap.early_seats:
                return label("gap_sector_early", lang, name=name, seats=seats_text(gap.early_seats, view))
            return label("gap_sector_no_paid", lang, name=name)
        return label("gap_sector_fewest", lang, name=name, seats=view.number(gap.paid_training_seats))
    if gap.kind == "stage":
        if gap.listings == 0:
            return label("gap_stage_nothing", lang, name=name)
        return label("gap_stage", lang, name=name, seats=seats_text(gap.seats, view), listings=listings_text(gap.listings, view))
    if gap.listings == 0:
        return label("gap_area_nothing", lang, name=name)
    return label("gap_area", lang, name=name, seats=seats_text(gap.seats, view), listings=listings_text(gap.listings, view))


def empty_sentences(cov: Coverage, view: Any) -> list[str]:
    out = []
    for stage, sectors in cov.matrix.empty_by_stage():
        if sectors:
            names = "; ".join(view.sector_name(s) for s in sectors)
            stage_name = view.stage_name(stage)
            out.append(
                label("empty_stage", view.lang, stage=stage_name.lower() if view.lang == "en" else stage_name, sectors=names)
            )
    return out


def hourly_text(row: PayRow, view: Any) -> str:
    if row.hourly_min is None or row.hourly_max is None:
        return "—"
    if row.hourly_min == row.hourly_max:
        return view.money(row.hourly_min)
    return f"{view.money(row.hourly_min)}–{view.money(row.hourly_max)}"


def share_text(row: PayRow, view: Any) -> str:
    if row.share is None:
        return label("no_listings", view.lang)
    return label(
        "share_of",
        view.lang,
        pct=f"{row.share}\u00a0%" if view.lang == "es" else f"{row.share}%",
        n=view.number(row.paid_any),
        total=view.number(row.listings),
    )


def rubric_name(catalog: Catalog, rubric_id: str, lang: str) -> str:
    rubric = catalog.rubrics[rubric_id]
    text = rubric.text("name", lang)
    return text.value if text else rubric_id


def level_names(catalog: Catalog, rubric_id: str, lang: str) -> list[str]:
    return [lv.name_es if lang == "es" and lv.name_es else lv.name for lv in catalog.rubrics[rubric_id].levels]


def criterion_name(catalog: Catalog, rubric_id: str, criterion: str, lang: str) -> str:
    crit = next(c for c in catalog.rubrics[rubric_id].criteria if c.id == criterion)
    return crit.name_es if lang == "es" and crit.name_es else crit.name


# -- the page ----------------------------------------------------------------


def page_context(catalog: Catalog, view: Any) -> dict[str, Any]:
    from . import charts

    cov = compute(catalog)
    lang = view.lang

    def L(key: str, **values: Any) -> str:  # noqa: N802 - short name for templates
        return label(key, lang, **values)

    stage_short = [view.t(stage + "_short") for stage in STAGES]
    matrix_svg = charts.heatmap(
        "chart-matrix",
        L("matrix"),
        L(
            "matrix_desc",
            rows=len(cov.matrix.rows),
            cols=len(STAGES),
            empty=len(cov.matrix.empty),
            cells=len(cov.matrix.rows) * len(STAGES),
        ),
        columns=stage_short,
        rows=[
            (
                view.sector_name(r.sector),
                [charts.Cell(c.listings, seats_text(c.seats, view) if c.listings else L("gap_mark")) for c in r.cells],
            )
            for r in cov.matrix.rows
        ],
        mark_empty=True,
        empty_text=L("gap_mark"),
    )
    pay_svg = charts.bar_chart(
        "chart-pay",
        L("pay"),
        L("pay_desc", total=f"{L('all_sectors')}: {share_text(cov.pay_total, view)}."),
        [charts.Bar(view.sector_name(r.sector), r.share or 0, share_text(r, view)) for r in cov.pay],
        maximum=100,
    )
    band_names = {b.id: b.label(lang) for b in catalog.vocabularies.items("grade-bands")}
    bands_bars = [charts.Bar(band_names[b.band], b.seats, seats_text(b.seats, view)) for b in cov.bands]
    area_bars = [charts.Bar(subject_name("area", a.area, view), a.seats, seats_text(a.seats, view)) for a in cov.areas]
    fresh_bars = [charts.Bar(L("fresh_" + f.bucket), f.listings, listings_text(f.listings, view)) for f in cov.freshness]

    def values(bars: list[charts.Bar]) -> str:
        return "; ".join(f"{b.label}: {b.text}" for b in bars)

    rubric_views = []
    for r in cov.rubrics:
        names = level_names(catalog, r.rubric, lang)
        rows = [(criterion_name(catalog, r.rubric, c.criterion, lang), c) for c in r.rows]
        svg = charts.heatmap(
            f"chart-levels-{r.rubric}",
            rubric_name(catalog, r.rubric, lang),
            L("levels_desc", rows=len(r.rows), cols=len(r.levels)),
            columns=[*names, L("not_assessed")],
            rows=[(name, [*(charts.Cell(n) for n in c.counts), charts.Cell(c.not_assessed, muted=True)]) for name, c in rows],
        )
        rubric_views.append(
            {
                "id": r.rubric,
                "name": rubric_name(catalog, r.rubric, lang),
                "levels": names,
                "rows": rows,
                "assessed": L("levels_assessed", n=view.number(r.assessed), open=view.number(cov.open)),
                "svg": svg,
            }
        )

    seats_note = ""
    if cov.seats_unknown:
        seats_note = L("seats_unknown_one") if cov.seats_unknown == 1 else L("seats_unknown", n=view.number(cov.seats_unknown))
    return {
        "cov": cov,
        "L": L,
        "lede": L(
            "lede",
            date=view.date(cov.as_of),
            open=view.number(cov.open),
            listings=view.number(cov.listings),
            seats=view.number(cov.seats),
        ),
        "status_counts": L(
            "status_counts",
            open=view.number(cov.open),
            upcoming=view.number(cov.upcoming),
            closed=view.number(cov.closed),
            archived=view.number(cov.archived),
        ),
        "seats_note": seats_note,
        "gaps": [{"gap": g, "text": gap_sentence(g, view), "href": _gap_link(g, view)} for g in cov.gaps],
        "stages": STAGES,
        "stage_names": [view.stage_name(s) for s in STAGES],
        "matrix_svg": matrix_svg,
        "empty_sentences": empty_sentences(cov, view),
        "pay_svg": pay_svg,
        "bands_svg": charts.bar_chart("chart-bands", L("bands"), L("bands_desc", values=values(bands_bars)), bands_bars),
        "band_names": band_names,
        "areas_svg": charts.bar_chart("chart-areas", L("areas"), L("areas_desc", values=values(area_bars)), area_bars),
        "fresh_svg": charts.bar_chart(
            "chart-freshness", L("freshness"), L("freshness_desc", values=values(fresh_bars)), fresh_bars
        ),
        "rubric_views": rubric_views,
        "deadline_rows": [(d, catalog.opportunities[d.id]) for d in cov.deadlines],
        "how_items": L("how_items").split("\n"),
        "share_text": lambda row: share_text(row, view),
        "hourly_text": lambda row: hourly_text(row, view),
        "area_name": lambda ident: subject_name("area", ident, view),
        "code": _code,
    }


def _code(text: str) -> Markup:
    """Plain text with `backticks` shown as code."""
    parts = str(escape(text)).split("`")
    return Markup("".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts)))


def _gap_link(gap: Gap, view: Any) -> str:
    if gap.kind == "sector":
        return view.link(f"sectors/{gap.subject}/")
    if gap.kind == "stage":
        return view.link("opportunities/", query={"stage": gap.subject})
    return view.link("opportunities/", query={"area": gap.subject})
