"""Interface text in English and Spanish, and locale-aware formatting (Babel)."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALES = {"en": "en_US", "es": "es_US"}

# key: (English, Spanish). Contributor text never goes here.
STRINGS: dict[str, tuple[str, str]] = {
    "site_name": ("LA Work-Based Learning Catalog", "Catálogo de Aprendizaje Basado en el Trabajo de LA"),
    "site_short": ("WBL Catalog", "Catálogo ABT"),
    "site_description": (
        "Job shadows, internships and apprenticeships for students in the Los Angeles region.",
        "Observación laboral, pasantías y programas de aprendizaje para estudiantes de la región de Los Ángeles.",
    ),
    "skip_to_content": ("Skip to content", "Saltar al contenido"),
    "menu": ("Menu", "Menú"),
    "sections_nav": ("Sections", "Secciones"),
    "site_sections": ("Site sections", "Secciones del sitio"),
    "sample_note": (
        "Sample content: listings marked as examples are not real offers.",
        "Contenido de muestra: los anuncios marcados como ejemplo no son ofertas reales.",
    ),
    "feed_link": ("New and updated opportunities (Atom feed)", "Oportunidades nuevas y actualizadas (canal Atom, en inglés)"),
    "not_found": ("Page not found", "Página no encontrada"),
    "not_found_help": (
        "There is no page at this address. Find what you were looking for from here:",
        "No hay ninguna página en esta dirección. Encuentra lo que buscabas desde aquí:",
    ),
    "page_title": ("{title}, page {n}", "{title}, página {n}"),
    "page_description": ("{description} Page {n} of {total}.", "{description} Página {n} de {total}."),
    "browse_description": (
        "Search and filter job shadows, internships, apprenticeships and other work-based learning for students.",
        "Busca y filtra observaciones laborales, pasantías, programas de aprendizaje y otras oportunidades para estudiantes.",
    ),
    "employers_description": (
        "The employers, schools, colleges and other organizations that offer the opportunities in this catalog.",
        "Los empleadores, escuelas, colegios y otras organizaciones que ofrecen las oportunidades de este catálogo.",
    ),
    "home": ("Home", "Inicio"),
    "browse": ("Find opportunities", "Buscar oportunidades"),
    "employers": ("Organizations", "Organizaciones"),
    "pathways": ("Career pathways", "Trayectorias profesionales"),
    "sectors": ("Industry sectors", "Sectores industriales"),
    "quality": ("Quality", "Calidad"),
    "coverage": ("Coverage and quality", "Cobertura y calidad"),
    "contribute": ("For employers", "Para empleadores"),
    "counselors": ("For counselors", "Para consejeros"),
    "data": ("Open data", "Datos abiertos"),
    "language_switch": ("Español", "English"),
    "language_switch_label": ("Ver esta página en español", "View this page in English"),
    "example_banner": (
        "Example listing: sample content that shows how the catalog works, not a real offer.",
        "Anuncio de ejemplo: contenido de muestra del catálogo, no es una oferta real.",
    ),
    "english_only": ("In English", "En inglés"),
    "status_open": ("Accepting applications", "Aceptando solicitudes"),
    "status_upcoming": ("Opens soon", "Abre pronto"),
    "status_closed": ("Closed", "Cerrada"),
    "status_archived": ("Archived", "Archivada"),
    "status_retired": ("No longer offered", "Ya no se ofrece"),
    "paid": ("Paid", "Pagada"),
    "stipend": ("Stipend", "Estipendio"),
    "unpaid": ("Unpaid", "Sin pago"),
    "amount_not_published": ("amount not published", "monto no publicado"),
    "per_hour": ("per hour", "por hora"),
    "per_week": ("per week", "por semana"),
    "per_month": ("per month", "por mes"),
    "per_total": ("in total", "en total"),
    "grades": ("Grades", "Grados"),
    "grade": ("Grade", "Grado"),
    "ages": ("Ages", "Edades"),
    "age_min_only": ("{min} and older", "{min} años o más"),
    "age_max_only": ("up to {max}", "hasta {max} años"),
    "grade_range": ("Grades {min}–{max}", "Grados {min}–{max}"),
    "grade_one": ("Grade {min}", "Grado {min}"),
    "who_can_apply": ("Who can apply", "Quién puede solicitar"),
    "pay": ("Pay", "Pago"),
    "when": ("When", "Cuándo"),
    "deadline": ("Deadline", "Fecha límite"),
    "rolling": ("Rolling: apply any time until seats fill", "Continua: solicita hasta que se llenen los lugares"),
    "days_left": ("{n} days left", "quedan {n} días"),
    "day_left": ("1 day left", "queda 1 día"),
    "last_day": ("Last day to apply", "Último día para solicitar"),
    "deadline_passed": ("Deadline passed", "La fecha límite ya pasó"),
    "opens_on": ("Applications open {date}", "Las solicitudes abren el {date}"),
    "where": ("Where", "Dónde"),
    "how_to_apply": ("How to apply", "Cómo solicitar"),
    "apply_now": ("Apply", "Solicitar"),
    "email_to_apply": ("Email to apply", "Solicitar por correo"),
    "documents": ("Documents to prepare", "Documentos que necesitas"),
    "hours_week": ("{n} hours a week", "{n} horas por semana"),
    "weeks": ("{n} weeks", "{n} semanas"),
    "seats": ("Seats", "Lugares"),
    "seats_n": ("{n} seats", "{n} lugares"),
    "work_permit": (
        "A California work permit is needed for students under 18.",
        "Se necesita un permiso de trabajo de California para menores de 18 años.",
    ),
    "what_you_do": ("What you will do", "Qué harás"),
    "supports": ("Support", "Apoyo"),
    "mentor": ("A mentor or supervisor works with you", "Un mentor o supervisor trabaja contigo"),
    "training": ("Training", "Capacitación"),
    "transportation": ("Getting there", "Cómo llegar"),
    "accommodations": ("Accommodations", "Adaptaciones"),
    "languages_spoken": ("Languages spoken", "Idiomas que se hablan"),
    "outcomes": ("Credit and credentials", "Créditos y certificaciones"),
    "academic_credit": ("High-school credit", "Créditos de preparatoria"),
    "college_credit": ("College credit", "Créditos universitarios"),
    "credential": ("Industry credential", "Certificación de la industria"),
    "skills": ("Skills", "Habilidades"),
    "none_listed": ("None listed", "Ninguno indicado"),
    "quality_profile": ("Quality profile", "Perfil de calidad"),
    "no_assessment": (
        "This listing has no self-assessment against the quality rubric yet.",
        "Este anuncio todavía no tiene una autoevaluación con la rúbrica de calidad.",
    ),
    "signals": ("Quality signals", "Señales de calidad"),
    "pathways_of": ("Career pathways", "Trayectorias profesionales"),
    "organization": ("Organization", "Organización"),
    "intermediary": ("Run with", "En colaboración con"),
    "employer_of_record": ("Employer of record", "Empleador oficial"),
    "eor_explain": (
        "The employer of record puts students on payroll and carries the liability.",
        "El empleador oficial pone a los estudiantes en su nómina y asume la responsabilidad legal.",
    ),
    "last_reviewed": ("Last reviewed", "Última revisión"),
    "contact": ("Contact", "Contacto"),
    "map": ("Map", "Mapa"),
    "remote": ("Remote", "A distancia"),
    "hybrid": ("Hybrid", "Híbrido"),
    "in-person": ("In person", "En persona"),
    "similar_open": ("Similar open opportunities", "Oportunidades abiertas parecidas"),
    "closed_notice": ("This opportunity is not taking applications.", "Esta oportunidad no está recibiendo solicitudes."),
    "archived_notice": (
        "This opportunity is archived and kept for reference.",
        "Esta oportunidad está archivada y se guarda como referencia.",
    ),
    "permalink": ("Permanent link", "Enlace permanente"),
    "copy": ("Copy link", "Copiar enlace"),
    "copied": ("Link copied", "Enlace copiado"),
    "print": ("Print flyer", "Imprimir volante"),
    "scan_qr": ("Scan to see this listing and apply", "Escanea para ver este anuncio y solicitar"),
    "stage": ("Stage", "Etapa"),
    "format": ("Format", "Formato"),
    "sector": ("Sector", "Sector"),
    "area": ("Area", "Zona"),
    # The browse page's filters (generator/render/facets.py): labels, then their rows in the counselor guide.
    "facet_status": ("Status", "Estado"),
    "facet_pay": ("Pay", "Pago"),
    "facet_pay_any": ("Paid or stipend", "Pagada o con estipendio"),
    "facet_wage": ("Minimum hourly pay", "Pago mínimo por hora"),
    "facet_age": ("Age", "Edad"),
    "facet_mode": ("In person or remote", "Modalidad"),
    "facet_season": ("Season", "Temporada"),
    "facet_offers": ("Credit and credentials", "Créditos y certificaciones"),
    "facet_transport": ("Transportation help", "Ayuda con transporte"),
    "facet_yes": ("Yes", "Sí"),
    "facet_language": ("Language", "Idioma"),
    "facet_quality": ("Quality", "Calidad"),
    "facet_quality_value": ("At least {n} criteria at level {level} or above", "Al menos {n} criterios en nivel {level} o más"),
    "sort_deadline": ("Deadline soonest", "Fecha límite más próxima"),
    "sort_reviewed": ("Recently reviewed", "Revisadas recientemente"),
    "sort_pay": ("Highest hourly pay", "Mejor pago por hora"),
    "param_q": ("Words to search for", "Palabras a buscar"),
    "param_status": (
        "{default} (the default), {statuses}, or {any}",
        "{default} (predeterminado), {statuses} o {any}",
    ),
    "param_sector": ("CTE sector (id)", "Sector CTE (id)"),
    "param_format": ("Format (id)", "Formato (id)"),
    "param_stage": ("Stage: {stages}", "Etapa: {stages}"),
    "param_pay": (
        "paid-any (paid or stipend), paid, stipend, unpaid",
        "paid-any (pagada o con estipendio), paid, stipend, unpaid",
    ),
    "param_wage": ("Minimum hourly pay: {wages}", "Pago mínimo por hora: {wages}"),
    "param_grade": ("Student's grade ({grades})", "Grado del estudiante ({grades})"),
    "param_age": ("Student's age", "Edad del estudiante"),
    "param_area": ("Area of the region (id)", "Zona de la región (id)"),
    "param_mode": ("{modes}", "{modes}"),
    "param_season": ("Season (id)", "Temporada (id)"),
    "param_offers": ("{offers}", "{offers}"),
    "param_transport": ("yes: transportation help", "yes: ayuda con transporte"),
    "param_language": ("Language spoken at the site", "Idioma que se habla en el sitio"),
    "param_quality": ("At least N criteria at level {level} or above", "Al menos N criterios en nivel {level} o más"),
    "param_signal": ("Quality signal (id)", "Señal de calidad (id)"),
    "param_org": ("Organization (id)", "Organización (id)"),
    "param_pathway": ("Pathway (id)", "Trayectoria (id)"),
    "param_sort": ("{sorts}", "{sorts}"),
    "awareness": ("Career awareness", "Conocer carreras"),
    "exploration": ("Career exploration", "Explorar carreras"),
    "preparation": ("Career preparation", "Prepararse para el trabajo"),
    "awareness_short": ("Awareness", "Conocer"),
    "exploration_short": ("Exploration", "Explorar"),
    "preparation_short": ("Preparation", "Prepararse"),
    "training_short": ("Training", "Capacitarse"),
    "opportunities": ("Opportunities", "Oportunidades"),
    "open_opportunities": ("Open opportunities", "Oportunidades abiertas"),
    "no_opportunities": ("No opportunities listed yet.", "Todavía no hay oportunidades."),
    "see_all_in_browse": ("See all {n} in the search", "Ver las {n} en la búsqueda"),
    "website": ("Website", "Sitio web"),
    "locations": ("Locations", "Ubicaciones"),
    "kind_employer": ("Employer", "Empleador"),
    "kind_intermediary": ("Intermediary", "Intermediario"),
    "kind_school-district": ("School district", "Distrito escolar"),
    "kind_college": ("College", "Colegio comunitario o universidad"),
    "kind_public-agency": ("Public agency", "Agencia pública"),
    "kind_staffing-agency": ("Staffing agency", "Agencia de empleo"),
    "kind_nonprofit": ("Nonprofit", "Organización sin fines de lucro"),
    "eor_own": ("Puts its own student workers on payroll.", "Pone a sus propios estudiantes trabajadores en su nómina."),
    "eor_others": (
        "Acts as employer of record for students placed at other employers.",
        "Funciona como empleador oficial de estudiantes que trabajan con otros empleadores.",
    ),
    "occupations": ("Where it leads", "A dónde lleva"),
    "occupation": ("Occupation", "Ocupación"),
    "typical_wage": ("Typical wage", "Salario típico"),
    "per_year": ("per year", "al año"),
    "step_course": ("Course", "Curso"),
    "step_wbl": ("Work-based learning", "Aprendizaje en el trabajo"),
    "step_credential": ("Credential", "Certificación"),
    "step_program": ("Program", "Programa"),
    "step_occupation": ("Job", "Empleo"),
    "in_catalog": ("In this catalog", "En este catálogo"),
    "search": ("Search", "Buscar"),
    "search_label": ("Search opportunities", "Buscar oportunidades"),
    "search_placeholder": ("Try “nursing”, “coding” or “Long Beach”", "Prueba “enfermería”, “programación” o “Long Beach”"),
    "upcoming_deadlines": ("Upcoming deadlines", "Próximas fechas límite"),
    "paid_opportunities": ("Paid opportunities", "Oportunidades pagadas"),
    "by_grade": ("By grade", "Por grado"),
    "middle_school": ("Middle school (6–8)", "Secundaria (6–8)"),
    "high_school": ("High school (9–12)", "Preparatoria (9–12)"),
    "after_high_school": ("After high school", "Después de la preparatoria"),
    "page_n": ("Page {n} of {total}", "Página {n} de {total}"),
    "next_page": ("Next page", "Página siguiente"),
    "previous_page": ("Previous page", "Página anterior"),
    "all_opportunities": ("All opportunities", "Todas las oportunidades"),
    "view": ("View", "Ver"),
    "replaced_by": ("It was replaced by", "Fue reemplazada por"),
}


def t(key: str, lang: str, **values: object) -> str:
    pair = STRINGS.get(key)
    if pair is None:
        raise KeyError(f"missing interface text: {key}")
    text = pair[1] if lang == "es" else pair[0]
    return text.format(**values) if values else text


# Babel formats each call from CLDR patterns; a catalog repeats the same dates and amounts thousands of times.
@functools.lru_cache(maxsize=8192)
def money(amount: float, lang: str) -> str:
    whole = float(amount).is_integer() and amount >= 100
    return format_currency(amount, "USD", locale=LOCALES[lang], format="¤#,##0" if whole else None, currency_digits=not whole)


@functools.lru_cache(maxsize=8192)
def date(value: dt.date | None, lang: str, style: str = "long") -> str:
    return format_date(value, style, locale=LOCALES[lang]) if value else ""


@functools.lru_cache(maxsize=8192)
def number(value: float, lang: str) -> str:
    return format_decimal(value, locale=LOCALES[lang])
