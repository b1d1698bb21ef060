"""opportunities.csv and its data dictionary, from one list of columns (COLUMNS).

The CSV writer, the dictionary file and the Data page all read COLUMNS, so
the documentation cannot drift from the file. UTF-8 with a byte-order mark,
so Excel opens accented Spanish text correctly. Lists are joined with "; ".
Text that a spreadsheet would run as a formula (starting with = + - @) gets
a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .exports_dates import ChangeDates, iso
from .exports_records import absolute, accepting
from .model import Catalog, Opportunity

JOIN = "; "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    catalog: Catalog
    opp: Opportunity
    site_url: str
    dates: ChangeDates


@dataclass(frozen=True)
class Column:
    name: str
    en: str
    es: str
    example: str
    value: Callable[[Row], Any]
    text: bool = False  # contributor text: guarded against spreadsheet formulas


def _num(value: Any) -> str:
    if value is None:
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def _day(value: Any) -> str:
    return value.isoformat() if value else ""


def _yes(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _vocab(r: Row, name: str, ident: str) -> str:
    item = r.catalog.vocabularies.get(name, ident)
    return item.name if item else ident


def _org(r: Row, ident: str | None) -> str:
    org = r.catalog.organizations.get(ident or "")
    return org.name if org else (ident or "")


def _unique(values: list[str]) -> str:
    return JOIN.join(dict.fromkeys(v for v in values if v))


def _get(r: Row, section: str, key: str) -> Any:
    return r.opp.section(section).get(key)


COLUMNS: tuple[Column, ...] = (
    Column("catalog_id", "Permanent id: organization id/listing id.", "Id permanente: id de la organización/id del anuncio.",
           "harborview-community-college/it-help-desk-internship", lambda r: r.opp.id),
    Column("title", "Title.", "Título.", "IT Help Desk Internship", lambda r: r.opp.title, True),
    Column("title_es", "Spanish title (empty when not translated).", "Título en español (vacío si no se tradujo).",
           "Pasantía de soporte técnico", lambda r: r.opp.raw.get("translations", {}).get("es", {}).get("title", ""), True),
    Column("organization", "Organization that lists it.", "Organización que lo publica.", "Harborview Community College",
           lambda r: _org(r, r.opp.org_id), True),
    Column("organization_id", "Organization id.", "Id de la organización.", "harborview-community-college", lambda r: r.opp.org_id),
    Column("status", "Computed status on the build date: open, closed or archived (a passed deadline means closed).",
           "Estado calculado en la fecha de publicación: open, closed o archived (si la fecha límite pasó, closed).", "open",
           lambda r: r.opp.status),
    Column("accepting_applications", "yes when open and applications have opened.", "yes si está abierto y ya abrieron las solicitudes.",
           "yes", lambda r: _yes(accepting(r.catalog, r.opp))),
    Column("format", "Format.", "Formato.", "Internship", lambda r: _vocab(r, "formats", r.opp.format)),
    Column("stage", "Continuum stage: awareness, exploration, preparation or training.",
           "Etapa: awareness, exploration, preparation o training.", "training", lambda r: r.opp.stage),
    Column("sectors", "CTE industry sectors.", "Sectores industriales de CTE.", "Information and Communication Technologies",
           lambda r: JOIN.join(_vocab(r, "sectors", s) for s in r.opp.sectors)),
    Column("pathways", "Career pathway ids.", "Ids de trayectorias profesionales.", "information-technology",
           lambda r: JOIN.join(r.opp.pathways)),
    Column("pay_type", "paid, stipend or unpaid.", "paid (sueldo), stipend (estipendio) o unpaid (sin pago).", "paid",
           lambda r: r.opp.pay_type),
    Column("pay_amount", "Amount in US dollars per pay_unit; empty when not published.",
           "Monto en dólares por pay_unit; vacío si no se publica.", "18.5", lambda r: _num(r.opp.pay_amount)),
    Column("pay_amount_max", "Top of a pay range.", "Máximo de un rango de pago.", "22", lambda r: _num(r.opp.pay_amount_max)),
    Column("pay_unit", "hour, week, month or total.", "hour (hora), week (semana), month (mes) o total.", "hour",
           lambda r: r.opp.pay_unit or ""),
    Column("pay_published", "no when paid but the amount is not published.", "no si es pagado pero el monto no se publica.", "yes",
           lambda r: "" if r.opp.pay_type == "unpaid" else _yes(r.opp.pay_amount is not None)),
    Column("grade_min", "Lowest grade that may apply (6 to 14).", "Grado mínimo (6 a 14).", "11", lambda r: r.opp.grade_min),
    Column("grade_max", "Highest grade that may apply (6 to 14).", "Grado máximo (6 a 14).", "14", lambda r: r.opp.grade_max),
    Column("age_min", "Minimum age.", "Edad mínima.", "16", lambda r: _num(r.opp.age_min)),
    Column("age_max", "Maximum age.", "Edad máxima.", "24", lambda r: _num(r.opp.age_max)),
    Column("work_permit", "yes when minors need a California work permit.", "yes si los menores necesitan permiso de trabajo.", "yes",
           lambda r: _yes(_get(r, "eligibility", "work_permit") is True)),
    Column("opens", "Date applications open (YYYY-MM-DD).", "Fecha en que abren las solicitudes (AAAA-MM-DD).", "2027-01-11",
           lambda r: _day(r.opp.opens)),
    Column("deadline", "Last day to apply (YYYY-MM-DD).", "Último día para solicitar (AAAA-MM-DD).", "2027-03-12",
           lambda r: _day(r.opp.deadline)),
    Column("rolling", "yes when applications are taken until seats fill.", "yes si se reciben solicitudes hasta llenar los lugares.",
           "no", lambda r: _yes(r.opp.rolling)),
    Column("start", "First day (YYYY-MM-DD).", "Primer día (AAAA-MM-DD).", "2027-06-21", lambda r: _day(r.opp.start)),
    Column("end", "Last day (YYYY-MM-DD).", "Último día (AAAA-MM-DD).", "2027-08-13", lambda r: _day(r.opp.end)),
    Column("season", "Season id.", "Id de la temporada.", "summer", lambda r: _get(r, "schedule", "season") or ""),
    Column("hours_per_week", "Hours per week.", "Horas por semana.", "20", lambda r: _num(_get(r, "schedule", "hours_per_week"))),
    Column("weeks", "Number of weeks.", "Número de semanas.", "8", lambda r: _num(_get(r, "schedule", "weeks"))),
    Column("seats", "How many students can take part.", "Cuántos estudiantes pueden participar.", "12", lambda r: _num(r.opp.seats)),
    Column("sites_count", "Number of sites.", "Número de lugares.", "2", lambda r: len(r.opp.sites)),
    Column("cities", "Cities of the sites.", "Ciudades de los lugares.", "Long Beach; Carson",
           lambda r: _unique([s.city for s in r.opp.sites]), True),
    Column("areas", "Area ids of the sites.", "Ids de las zonas de los lugares.", "south-bay-harbor",
           lambda r: _unique([s.area for s in r.opp.sites])),
    Column("modes", "in-person, hybrid or remote, per site.", "in-person, hybrid o remote, por lugar.", "in-person; remote",
           lambda r: _unique([s.mode for s in r.opp.sites])),
    Column("employer_of_record", "Who puts students on payroll.", "Quién pone a los estudiantes en su nómina.",
           "Harborview Community College", lambda r: _org(r, r.opp.employer_of_record), True),
    Column("intermediary", "Intermediary that runs or recruits for it.", "Intermediario que lo organiza o recluta.",
           "Southbay Chamber Youth Network", lambda r: _org(r, r.opp.intermediary) if r.opp.intermediary else "", True),
    Column("mentor", "yes when each student has a mentor or supervisor.", "yes si cada estudiante tiene mentor o supervisor.", "yes",
           lambda r: _yes(_get(r, "supports", "mentor") is True)),
    Column("academic_credit", "yes when high-school credit is offered.", "yes si se ofrecen créditos de preparatoria.", "no",
           lambda r: _yes(_get(r, "outcomes", "academic_credit") is True)),
    Column("college_credit", "yes when college credit is offered.", "yes si se ofrecen créditos universitarios.", "yes",
           lambda r: _yes(_get(r, "outcomes", "college_credit") is True)),
    Column("credential", "Industry credential students can earn.", "Certificación de la industria.", "CompTIA A+ (practice exam)",
           lambda r: _get(r, "outcomes", "credential") or "", True),
    Column("signals", "Quality signal ids.", "Ids de señales de calidad.", "paid; trained-mentor",
           lambda r: JOIN.join(r.opp.signals)),
    Column("example", "yes for sample content that is not a real offer.", "yes si es contenido de muestra, no una oferta real.", "no",
           lambda r: _yes(r.opp.example)),
    Column("last_reviewed", "When someone last checked the listing.", "Cuándo se revisó el anuncio por última vez.", "2026-10-15",
           lambda r: _day(r.opp.last_reviewed)),
    Column("changed", "When the listing file last changed (UTC).", "Cuándo cambió el archivo del anuncio (UTC).",
           "2026-10-15T00:00:00Z", lambda r: iso(r.dates.of(r.opp))),
    Column("summary", "One-sentence summary.", "Resumen en una oración.", "Keep a campus help desk running.",
           lambda r: str(r.opp.raw.get("summary", "")), True),
    Column("apply_url", "Application page.", "Página de solicitud.", "https://example.org/apply",
           lambda r: _get(r, "application", "url") or ""),
    Column("url", "The listing's page in English.", "La página del anuncio en inglés.",
           "https://wbl-catalog.example.org/opportunities/harborview-community-college/it-help-desk-internship/",
           lambda r: absolute(r.site_url, r.opp.url)),
    Column("url_es", "The listing's page in Spanish.", "La página del anuncio en español.",
           "https://wbl-catalog.example.org/es/opportunities/harborview-community-college/it-help-desk-internship/",
           lambda r: absolute(r.site_url, r.opp.url, "es")),
)


def cell(column: Column, row: Row) -> str:
    value = column.value(row)
    text = "" if value is None else str(value)
    if column.text and text.startswith(FORMULA_START):
        text = "'" + text
    return text


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def opportunities_csv(catalog: Catalog, site_url: str, dates: ChangeDates) -> bytes:
    rows = [[c.name for c in COLUMNS]]
    for _, opp in sorted(catalog.opportunities.items()):
        row = Row(catalog, opp, site_url, dates)
        rows.append([cell(c, row) for c in COLUMNS])
    return _csv(rows)


def dictionary_csv() -> bytes:
    return _csv([["column", "meaning", "example", "meaning_es"]] + [[c.name, c.en, c.example, c.es] for c in COLUMNS])
