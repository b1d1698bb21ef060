"""The words of the /coverage/ page and of `python -m generator report`, in English and Spanish.

Only these two outputs use them, so they are kept here, with the figures,
rather than in the site's translation files.
"""

from __future__ import annotations

from typing import Any

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
    "deadlines_more": ("Showing the {shown} soonest of {total}.", "Se muestran las {shown} más próximas de {total}."),
    "deadlines_browse": ("See all open listings by deadline", "Ver todos los anuncios abiertos por fecha límite"),
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
