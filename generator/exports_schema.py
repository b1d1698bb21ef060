"""The shape of catalog.json, written once: it gives the JSON Schema and the Data page's field tables.

Both come from the same tree of fields (FIELDS), so the published schema,
the documentation and the export cannot drift apart: the tests validate
catalog.json against the schema, and every object is closed
(`additionalProperties: false`) with every key required.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FORMAT_VERSION = "1.0"
STATUSES = ("open", "closed", "archived")


@dataclass(frozen=True)
class F:
    """One field of the export: name, type, meaning in English and Spanish."""

    name: str
    type: str  # string, integer, number, boolean, date, datetime, uri, object, array
    en: str
    es: str
    null: bool = False
    fields: tuple[F, ...] = ()  # for objects
    items: F | None = None  # for arrays
    enum: tuple[str, ...] = ()


def s(name: str, en: str, es: str, null: bool = False, type: str = "string", enum: tuple[str, ...] = ()) -> F:
    return F(name, type, en, es, null, enum=enum)


def obj(name: str, en: str, es: str, *fields: F, null: bool = False) -> F:
    return F(name, "object", en, es, null, fields=fields)


def arr(name: str, en: str, es: str, items: F) -> F:
    return F(name, "array", en, es, items=items)


def texts(name: str, en: str, es: str) -> F:
    return arr(name, en, es, s("", "One entry.", "Un elemento."))


def ref(name: str, en: str, es: str, null: bool = False) -> F:
    return obj(name, en, es, s("id", "Its id in the catalog.", "Su id en el catálogo."),
               s("name", "Its name (English).", "Su nombre (inglés)."), null=null)


URL = s("url", "Permanent address of its page in English.", "Dirección permanente de su página en inglés.", type="uri")
URL_ES = s("url_es", "Permanent address of its page in Spanish.", "Dirección permanente de su página en español.", type="uri")
EXAMPLE = s("example", "true for sample content that is not a real offer.", "true si es contenido de muestra, no una oferta real.",
            type="boolean")
REVIEWED = s("last_reviewed", "When someone last checked the record.", "Cuándo alguien revisó el registro por última vez.",
             type="date")
CHANGED = s("changed", "When the record's file last changed (its last git commit, or last_reviewed without git).",
            "Cuándo cambió el archivo del registro (su último commit de git, o last_reviewed sin git).", type="datetime")
SECTOR = obj("", "A CTE industry sector.", "Un sector industrial de CTE.",
             s("id", "Sector id.", "Id del sector."), s("name", "Name in English.", "Nombre en inglés."),
             s("name_es", "Name in Spanish.", "Nombre en español."))
SECTORS = arr("sectors", "Its CTE industry sectors.", "Sus sectores industriales de CTE.", SECTOR)
CONTACT = obj("contact", "A role-based contact.", "Un contacto por función.",
              s("role", "Office or role.", "Oficina o función.", True), s("email", "Email address.", "Correo electrónico.", True),
              s("phone", "Phone number.", "Teléfono.", True), s("url", "Contact page.", "Página de contacto.", True, "uri"))


def spanish(*keys: str) -> F:
    return obj("es", "Spanish text, null where none was written (the English is shown instead).",
               "Texto en español; null si no se escribió (se muestra el inglés).",
               *(s(k, f"Spanish {k}.", f"{k} en español.", True) for k in keys))


OPPORTUNITY = obj(
    "", "One listing.", "Un anuncio.",
    s("catalog_id", "Permanent id: organization id, slash, listing id.", "Id permanente: id de la organización, barra, id del anuncio."),
    s("organization_id", "Id of the organization that lists it.", "Id de la organización que lo publica."),
    s("slug", "The listing's own id within its organization.", "Id del anuncio dentro de su organización."),
    URL, URL_ES, EXAMPLE,
    s("title", "Title.", "Título."), s("summary", "One-sentence summary.", "Resumen en una oración."),
    s("description", "Description, in Markdown.", "Descripción, en Markdown."),
    spanish("title", "summary", "description", "how", "who", "transit"),
    s("format", "Format id (vocabularies/formats.yml).", "Id del formato (vocabularies/formats.yml)."),
    s("format_name", "Format name in English.", "Nombre del formato en inglés."),
    s("stage", "Stage on the work-based learning continuum.", "Etapa en el continuo de aprendizaje basado en el trabajo.",
      enum=("awareness", "exploration", "preparation", "training")),
    SECTORS,
    arr("pathways", "Career pathways it belongs to.", "Trayectorias profesionales a las que pertenece.",
        ref("", "A pathway.", "Una trayectoria.")),
    ref("organization", "The organization that lists it.", "La organización que lo publica."),
    ref("employer_of_record", "Who puts students on payroll and carries the liability.",
        "Quién pone a los estudiantes en su nómina y asume la responsabilidad."),
    ref("intermediary", "An intermediary that runs or recruits for it, or null.",
        "Un intermediario que lo organiza o recluta, o null.", null=True),
    s("status", "Computed status on the as_of date: a passed deadline makes an open listing closed.",
      "Estado calculado en la fecha as_of: si la fecha límite pasó, un anuncio abierto queda cerrado.", enum=STATUSES),
    s("declared_status", "Status written in the listing file.", "Estado escrito en el archivo del anuncio.", enum=STATUSES),
    s("accepting_applications", "true when open and the application window has started.",
      "true si está abierto y ya empezó el periodo de solicitudes.", type="boolean"),
    obj("pay", "Whether and how students are paid.", "Si se paga a los estudiantes y cómo.",
        s("type", "paid, stipend or unpaid.", "paid (sueldo), stipend (estipendio) o unpaid (sin pago).",
          enum=("paid", "stipend", "unpaid")),
        s("amount", "Amount in US dollars per unit; null when not published.", "Monto en dólares por unidad; null si no se publica.",
          True, "number"),
        s("amount_max", "Top of a pay range.", "Máximo de un rango de pago.", True, "number"),
        s("unit", "What the amount is for.", "Por qué periodo es el monto.", True, enum=("hour", "week", "month", "total")),
        s("amount_published", "false when paid but the amount is not published; null when unpaid.",
          "false si es pagado pero no se publica el monto; null si no se paga.", True, "boolean"),
        s("paid_by", "Who pays: an organization id, or self.", "Quién paga: id de una organización, o self.", True),
        s("note", "Anything else about pay.", "Otros datos sobre el pago.", True)),
    obj("eligibility", "Who can apply.", "Quién puede solicitar.",
        s("grade_min", "Lowest grade (6 to 14).", "Grado mínimo (6 a 14).", type="integer"),
        s("grade_max", "Highest grade (6 to 14).", "Grado máximo (6 a 14).", type="integer"),
        s("age_min", "Minimum age.", "Edad mínima.", True, "integer"), s("age_max", "Maximum age.", "Edad máxima.", True, "integer"),
        s("who", "Who may apply, in plain words.", "Quién puede solicitar, en palabras sencillas.", True),
        s("work_permit", "true when minors need a California work permit.",
          "true si los menores necesitan permiso de trabajo de California.", type="boolean"),
        texts("requirements", "Other requirements.", "Otros requisitos.")),
    obj("schedule", "When it happens.", "Cuándo ocurre.",
        s("season", "Season id.", "Id de la temporada.", True), s("start", "First day.", "Primer día.", True, "date"),
        s("end", "Last day.", "Último día.", True, "date"),
        s("hours_per_week", "Hours per week.", "Horas por semana.", True, "number"),
        s("weeks", "Number of weeks.", "Número de semanas.", True, "integer"), s("times", "Days and times.", "Días y horas.", True)),
    obj("application", "How to apply.", "Cómo solicitar.",
        s("how", "How to apply.", "Cómo solicitar."), s("url", "Application page.", "Página de solicitud.", True, "uri"),
        s("email", "Address that takes applications.", "Correo que recibe solicitudes.", True),
        s("opens", "Date applications open.", "Fecha en que abren las solicitudes.", True, "date"),
        s("deadline", "Last day to apply.", "Último día para solicitar.", True, "date"),
        s("rolling", "true when applications are taken until seats fill.", "true si se reciben solicitudes hasta llenar los lugares.",
          type="boolean"),
        texts("documents", "Documents to prepare.", "Documentos que preparar.")),
    arr("sites", "Where it happens (one or more sites).", "Dónde ocurre (uno o más lugares).", obj(
        "", "One site.", "Un lugar.", s("name", "Site name.", "Nombre del lugar."),
        s("address", "Street address.", "Dirección.", True), s("city", "City.", "Ciudad."),
        s("zip", "ZIP code.", "Código postal.", True), s("area", "Area of the region (vocabularies/areas.yml).",
                                                         "Zona de la región (vocabularies/areas.yml).", True),
        s("lat", "Latitude.", "Latitud.", True, "number"), s("lon", "Longitude.", "Longitud.", True, "number"),
        s("mode", "in-person, hybrid or remote.", "in-person (en persona), hybrid (híbrido) o remote (a distancia).",
          enum=("in-person", "hybrid", "remote")),
        s("transit", "How to get there by public transit.", "Cómo llegar en transporte público.", True))),
    s("seats", "How many students can take part.", "Cuántos estudiantes pueden participar.", True, "integer"),
    obj("supports", "Support for students.", "Apoyo para los estudiantes.",
        s("mentor", "true when each student has a mentor or supervisor.", "true si cada estudiante tiene mentor o supervisor.",
          type="boolean"),
        s("training", "Training or learning sessions.", "Capacitación o sesiones de aprendizaje.", True),
        s("transportation", "Help getting there.", "Ayuda para llegar.", True),
        s("accommodations", "Accommodations for disabilities.", "Adaptaciones para discapacidades.", True),
        texts("languages", "Language ids spoken at the site.", "Ids de los idiomas que se hablan.")),
    obj("outcomes", "What students leave with.", "Con qué se quedan los estudiantes.",
        s("academic_credit", "High-school credit.", "Créditos de preparatoria.", type="boolean"),
        s("college_credit", "College credit.", "Créditos universitarios.", type="boolean"),
        s("credential", "An industry credential.", "Una certificación de la industria.", True),
        texts("skills", "Skills students build.", "Habilidades que se desarrollan.")),
    obj("quality", "Self-assessment against a rubric, and quality signals.",
        "Autoevaluación con una rúbrica y señales de calidad.",
        s("rubric", "Rubric id.", "Id de la rúbrica.", True),
        arr("assessment", "One level per rubric criterion.", "Un nivel por criterio de la rúbrica.", obj(
            "", "One criterion.", "Un criterio.", s("criterion", "Criterion id.", "Id del criterio."),
            s("level", "Level id.", "Id del nivel."), s("rank", "Level rank, 1 = lowest.", "Rango del nivel, 1 = el más bajo.",
                                                        type="integer"),
            s("evidence", "One line of evidence.", "Una línea de evidencia."))),
        texts("signals", "Quality signal ids (vocabularies/signals.yml).", "Ids de señales de calidad (vocabularies/signals.yml).")),
    CONTACT, REVIEWED, CHANGED,
    texts("former_ids", "Earlier catalog ids; their addresses redirect here.", "Ids anteriores; sus direcciones redirigen aquí."),
)

ORGANIZATION = obj(
    "", "One organization.", "Una organización.",
    s("id", "Organization id.", "Id de la organización."), URL, URL_ES, EXAMPLE, s("name", "Name.", "Nombre."),
    s("kind", "What kind of organization it is.", "Qué tipo de organización es."), SECTORS,
    s("summary", "One-sentence summary.", "Resumen en una oración."), s("description", "Description, in Markdown.",
                                                                         "Descripción, en Markdown."),
    spanish("name", "summary", "description"), s("website", "Website.", "Sitio web.", True, "uri"),
    arr("locations", "Where it works.", "Dónde trabaja.", obj(
        "", "One place.", "Un lugar.", s("name", "Place name.", "Nombre del lugar."), s("address", "Street address.", "Dirección.", True),
        s("city", "City.", "Ciudad."), s("zip", "ZIP code.", "Código postal.", True), s("area", "Area of the region.", "Zona.", True))),
    CONTACT,
    obj("employer_of_record", "How it acts as employer of record.", "Cómo funciona como empleador oficial.",
        s("own_placements", "Puts its own student workers on payroll.", "Pone a sus estudiantes trabajadores en su nómina.", True,
          "boolean"),
        s("for_other_employers", "Payrolls students placed at other employers.", "Contrata estudiantes ubicados con otros empleadores.",
          True, "boolean"),
        s("note", "How it handles payroll and liability.", "Cómo maneja la nómina y la responsabilidad.", True)),
    texts("opportunity_ids", "Catalog ids of its listings.", "Ids de sus anuncios."), REVIEWED, CHANGED,
)

STEP = obj("", "One step.", "Un paso.", s("kind", "course, wbl, credential, program or occupation.",
                                         "course (curso), wbl, credential (certificación), program u occupation (empleo)."),
           s("name", "Step name.", "Nombre del paso."), s("format", "Format id of a wbl step.", "Id del formato.", True),
           s("grade_min", "Usual lowest grade.", "Grado mínimo habitual.", True, "integer"),
           s("grade_max", "Usual highest grade.", "Grado máximo habitual.", True, "integer"), s("note", "Note.", "Nota.", True))

PATHWAY = obj(
    "", "One pathway.", "Una trayectoria.",
    s("id", "Pathway id.", "Id de la trayectoria."), URL, URL_ES, EXAMPLE, s("name", "Name.", "Nombre."),
    obj("sector", "Its CTE sector.", "Su sector de CTE.", *SECTOR.fields),
    s("summary", "One-sentence summary.", "Resumen en una oración."), s("description", "Description, in Markdown.",
                                                                         "Descripción, en Markdown."),
    spanish("name", "summary", "description"),
    arr("stages", "The four continuum stages, in order.", "Las cuatro etapas del continuo, en orden.", obj(
        "", "One stage.", "Una etapa.", s("stage", "Stage id.", "Id de la etapa."), s("summary", "What happens.", "Qué pasa."),
        arr("steps", "Its steps.", "Sus pasos.", STEP),
        texts("opportunity_ids", "Catalog listings at this stage.", "Anuncios del catálogo en esta etapa."))),
    arr("occupations", "Occupations it leads to.", "Ocupaciones a las que lleva.", obj(
        "", "One occupation.", "Una ocupación.", s("title", "Occupation title.", "Nombre de la ocupación."),
        s("soc", "SOC code.", "Código SOC.", True), s("wage_amount", "Typical wage in US dollars.", "Salario típico en dólares.", True,
                                                     "number"),
        s("wage_unit", "hour or year.", "hour (hora) o year (año).", True), s("wage_note", "Source or caveat.", "Fuente o aclaración.", True))),
    REVIEWED, CHANGED,
)

RETIRED = obj(
    "", "One listing that is no longer offered; its page stays.", "Un anuncio que ya no se ofrece; su página se mantiene.",
    s("id", "The retired catalog id.", "El id retirado."), URL, URL_ES, s("title", "Its last title.", "Su último título.", True),
    s("reason", "Why it is no longer offered.", "Por qué ya no se ofrece."), s("date", "When it was retired.", "Cuándo se retiró.", True, "date"),
    s("replaced_by", "Catalog id of the listing that replaces it.", "Id del anuncio que lo reemplaza.", True),
)

CATALOG = obj(
    "", "The whole catalog.", "Todo el catálogo.",
    s("$schema", "Address of this file's JSON Schema.", "Dirección del esquema JSON de este archivo.", type="uri"),
    s("format_version", "Version of this file's format.", "Versión del formato de este archivo.", enum=(FORMAT_VERSION,)),
    s("as_of", "The date statuses were computed for.", "Fecha para la que se calcularon los estados.", type="date"),
    s("site_url", "The site's base address.", "Dirección base del sitio.", type="uri"),
    s("license", "License of the data (SPDX id).", "Licencia de los datos (id SPDX)."),
    s("license_url", "The license text.", "El texto de la licencia.", type="uri"),
    obj("counts", "How many records of each kind.", "Cuántos registros hay de cada tipo.",
        *(s(k, f"Number of {k}.", f"Número de {k}.", type="integer") for k in ("organizations", "opportunities", "pathways", "retired"))),
    arr("organizations", "Every organization, by id.", "Todas las organizaciones, por id.", ORGANIZATION),
    arr("opportunities", "Every listing, by catalog id.", "Todos los anuncios, por id.", OPPORTUNITY),
    arr("pathways", "Every pathway, by id.", "Todas las trayectorias, por id.", PATHWAY),
    arr("retired", "Listings no longer offered.", "Anuncios que ya no se ofrecen.", RETIRED),
)

_SCALARS: dict[str, dict[str, Any]] = {
    "string": {"type": "string"}, "integer": {"type": "integer"}, "number": {"type": "number"}, "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    "datetime": {"type": "string", "format": "date-time"}, "uri": {"type": "string", "format": "uri"},
}


def schema_of(field: F) -> dict[str, Any]:
    if field.type == "object":
        out: dict[str, Any] = {"type": "object", "additionalProperties": False,
                               "required": [c.name for c in field.fields], "properties": {c.name: schema_of(c) for c in field.fields}}
    elif field.type == "array":
        assert field.items is not None
        out = {"type": "array", "items": schema_of(field.items)}
    else:
        out = dict(_SCALARS[field.type])
    if field.enum:
        out["enum"] = list(field.enum) + ([None] if field.null else [])
    if field.null:
        out["type"] = [out["type"], "null"]
    out["description"] = field.en
    return out


def catalog_schema(site_url: str) -> dict[str, Any]:
    schema = schema_of(CATALOG)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": site_url + "data/catalog.schema.json",
            "title": "Work-based learning catalog export", **schema}


TYPE_NAMES = {
    "string": ("text", "texto"), "integer": ("integer", "entero"), "number": ("number", "número"),
    "boolean": ("true/false", "verdadero/falso"), "date": ("date YYYY-MM-DD", "fecha AAAA-MM-DD"),
    "datetime": ("date and time (UTC)", "fecha y hora (UTC)"), "uri": ("URL", "URL"), "object": ("object", "objeto"),
    "array": ("list", "lista"),
}


def field_rows(field: F, lang: str, prefix: str = "") -> list[tuple[str, str, str]]:
    """(path, type, meaning) for every field under an object, depth first, as the Data page shows them."""
    rows = []
    for child in field.fields:
        path = prefix + child.name
        kind = TYPE_NAMES[child.type][lang == "es"]
        if child.enum:
            kind += ": " + ", ".join(child.enum)
        if child.null:
            kind += " | null"
        rows.append((path, kind, child.es if lang == "es" else child.en))
        if child.type == "object":
            rows.extend(field_rows(child, lang, path + "."))
        elif child.type == "array" and child.items is not None and child.items.type == "object":
            rows.extend(field_rows(child.items, lang, path + "[]."))
    return rows


DOCUMENTED = (("catalog", CATALOG), ("opportunities", OPPORTUNITY), ("organizations", ORGANIZATION), ("pathways", PATHWAY),
              ("retired", RETIRED))


def documentation(lang: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Field tables of catalog.json: the top level (without descending into record lists), then each record kind."""
    top = [(path, kind, text) for path, kind, text in field_rows(CATALOG, lang) if "[]" not in path]
    return [("catalog", top)] + [(name, field_rows(f, lang)) for name, f in DOCUMENTED[1:]]
