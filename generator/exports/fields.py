"""The fields of catalog.json, one a line (parsed by exports_schema into the JSON Schema and the Data page).

SPEC, one field a line: `name  type  English | Spanish`, two spaces of
indentation per level. Types: string, integer, number, boolean, date,
datetime, uri, object, or `string(a,b)` for a fixed list; `?` allows null,
`[]` makes a list; `@block` reuses a block defined at the top with `@block`.
Raise FORMAT_VERSION when the meaning of a field changes.
"""

FORMAT_VERSION = "1.0"

SPEC = """
@ref  object  A record of the catalog. | Un registro del catálogo.
  id  string  Its id. | Su id.
  name  string  Its name (English). | Su nombre (inglés).
@sector  object  A CTE industry sector. | Un sector industrial de CTE.
  id  string  Sector id. | Id del sector.
  name  string  Name in English. | Nombre en inglés.
  name_es  string  Name in Spanish. | Nombre en español.
@contact  object  A role-based contact. | Un contacto por función.
  role  string?  Office or role. | Oficina o función.
  email  string?  Email address. | Correo electrónico.
  phone  string?  Phone number. | Teléfono.
  url  uri?  Contact page. | Página de contacto.
@url  uri  Permanent address of its page in English. | Dirección permanente de su página en inglés.
@url_es  uri  Permanent address of its page in Spanish. | Dirección permanente de su página en español.
@example  boolean  true for sample content that is not a real offer. | true si es contenido de muestra, no una oferta real.
@summary  string  One-sentence summary. | Resumen en una oración.
@description  string  Description, in Markdown. | Descripción, en Markdown.
@reviewed  date  When someone last checked the record. | Cuándo alguien revisó el registro por última vez.
@changed  datetime  When the record's file last changed (its last git commit, or last_reviewed without git). | Cuándo cambió el archivo del registro (su último commit de git, o last_reviewed sin git).
@status  string(open,closed,archived)  Status. | Estado.
@texts  string[]  A list of texts. | Una lista de textos.

opportunity  object  One listing. | Un anuncio.
  catalog_id  string  Permanent id: organization id, slash, listing id. | Id permanente: id de la organización, barra, id del anuncio.
  organization_id  string  Id of the organization that lists it. | Id de la organización que lo publica.
  slug  string  The listing's own id within its organization. | Id del anuncio dentro de su organización.
  url  @url
  url_es  @url_es
  example  @example
  title  string  Title. | Título.
  summary  @summary
  description  @description
  es  object  Spanish text; null where none was written (the English is shown instead). | Texto en español; null si no se escribió (se muestra el inglés).
    title  string?  Spanish title. | Título en español.
    summary  string?  Spanish summary. | Resumen en español.
    description  string?  Spanish description. | Descripción en español.
    how  string?  Spanish "how to apply". | "Cómo solicitar" en español.
    who  string?  Spanish "who may apply". | "Quién puede solicitar" en español.
    transit  string?  Spanish transit note. | Indicaciones de transporte en español.
  format  string  Format id (vocabularies/formats.yml). | Id del formato (vocabularies/formats.yml).
  format_name  string  Format name in English. | Nombre del formato en inglés.
  stage  string(awareness,exploration,preparation,training)  Stage on the work-based learning continuum. | Etapa en el continuo de aprendizaje basado en el trabajo.
  sectors  @sector[]  Its CTE industry sectors. | Sus sectores industriales de CTE.
  pathways  @ref[]  Career pathways it belongs to. | Trayectorias profesionales a las que pertenece.
  organization  @ref  The organization that lists it. | La organización que lo publica.
  employer_of_record  @ref  Who puts students on payroll and carries the liability. | Quién pone a los estudiantes en su nómina y asume la responsabilidad.
  intermediary  @ref?  An intermediary that runs or recruits for it. | Un intermediario que lo organiza o recluta.
  status  @status  Computed status on the as_of date: a passed deadline makes an open listing closed. | Estado calculado en la fecha as_of: si la fecha límite pasó, un anuncio abierto queda cerrado.
  declared_status  @status  Status written in the listing file. | Estado escrito en el archivo del anuncio.
  accepting_applications  boolean  true when open and the application window has started. | true si está abierto y ya empezó el periodo de solicitudes.
  pay  object  Whether and how students are paid. | Si se paga a los estudiantes y cómo.
    type  string(paid,stipend,unpaid)  paid, stipend or unpaid. | paid (sueldo), stipend (estipendio) o unpaid (sin pago).
    amount  number?  Amount in US dollars per unit; null when not published. | Monto en dólares por unidad; null si no se publica.
    amount_max  number?  Top of a pay range. | Máximo de un rango de pago.
    unit  string(hour,week,month,total)?  What the amount is for. | Por qué periodo es el monto.
    amount_published  boolean?  false when paid but the amount is not published; null when unpaid. | false si es pagado pero el monto no se publica; null si no se paga.
    paid_by  string?  Who pays: an organization id, or self. | Quién paga: id de una organización, o self.
    note  string?  Anything else about pay. | Otros datos sobre el pago.
  eligibility  object  Who can apply. | Quién puede solicitar.
    grade_min  integer  Lowest grade (6 to 14). | Grado mínimo (6 a 14).
    grade_max  integer  Highest grade (6 to 14). | Grado máximo (6 a 14).
    age_min  integer?  Minimum age. | Edad mínima.
    age_max  integer?  Maximum age. | Edad máxima.
    who  string?  Who may apply, in plain words. | Quién puede solicitar, en palabras sencillas.
    work_permit  boolean  true when minors need a California work permit. | true si los menores necesitan permiso de trabajo de California.
    requirements  @texts  Other requirements. | Otros requisitos.
  schedule  object  When it happens. | Cuándo ocurre.
    season  string?  Season id. | Id de la temporada.
    start  date?  First day. | Primer día.
    end  date?  Last day. | Último día.
    hours_per_week  number?  Hours per week. | Horas por semana.
    weeks  integer?  Number of weeks. | Número de semanas.
    times  string?  Days and times. | Días y horas.
  application  object  How to apply. | Cómo solicitar.
    how  string  How to apply. | Cómo solicitar.
    url  uri?  Application page. | Página de solicitud.
    email  string?  Address that takes applications. | Correo que recibe solicitudes.
    opens  date?  Date applications open. | Fecha en que abren las solicitudes.
    deadline  date?  Last day to apply. | Último día para solicitar.
    rolling  boolean  true when applications are taken until seats fill. | true si se reciben solicitudes hasta llenar los lugares.
    documents  @texts  Documents to prepare. | Documentos que preparar.
  sites  object[]  Where it happens (one or more sites). | Dónde ocurre (uno o más lugares).
    name  string  Site name. | Nombre del lugar.
    address  string?  Street address. | Dirección.
    city  string  City. | Ciudad.
    zip  string?  ZIP code. | Código postal.
    area  string?  Area of the region (vocabularies/areas.yml). | Zona de la región (vocabularies/areas.yml).
    lat  number?  Latitude. | Latitud.
    lon  number?  Longitude. | Longitud.
    mode  string(in-person,hybrid,remote)  In person, hybrid or remote. | En persona, híbrido o a distancia.
    transit  string?  How to get there by public transit. | Cómo llegar en transporte público.
  seats  integer?  How many students can take part. | Cuántos estudiantes pueden participar.
  supports  object  Support for students. | Apoyo para los estudiantes.
    mentor  boolean  true when each student has a mentor or supervisor. | true si cada estudiante tiene mentor o supervisor.
    training  string?  Training or learning sessions. | Capacitación o sesiones de aprendizaje.
    transportation  string?  Help getting there. | Ayuda para llegar.
    accommodations  string?  Accommodations for disabilities. | Adaptaciones para discapacidades.
    languages  @texts  Language ids spoken at the site. | Ids de los idiomas que se hablan.
  outcomes  object  What students leave with. | Con qué se quedan los estudiantes.
    academic_credit  boolean  High-school credit. | Créditos de preparatoria.
    college_credit  boolean  College credit. | Créditos universitarios.
    credential  string?  An industry credential. | Una certificación de la industria.
    skills  @texts  Skills students build. | Habilidades que se desarrollan.
  quality  object  Self-assessment against a rubric, and quality signals. | Autoevaluación con una rúbrica y señales de calidad.
    rubric  string?  Rubric id. | Id de la rúbrica.
    assessment  object[]  One level per rubric criterion. | Un nivel por criterio de la rúbrica.
      criterion  string  Criterion id. | Id del criterio.
      level  string  Level id. | Id del nivel.
      rank  integer  Level rank, 1 = lowest. | Rango del nivel, 1 = el más bajo.
      evidence  string  One line of evidence. | Una línea de evidencia.
    signals  @texts  Quality signal ids (vocabularies/signals.yml). | Ids de señales de calidad (vocabularies/signals.yml).
  contact  @contact
  last_reviewed  @reviewed
  changed  @changed
  former_ids  @texts  Earlier catalog ids; their addresses redirect here. | Ids anteriores; sus direcciones redirigen aquí.

organization  object  One organization. | Una organización.
  id  string  Organization id. | Id de la organización.
  url  @url
  url_es  @url_es
  example  @example
  name  string  Name. | Nombre.
  kind  string  What kind of organization it is. | Qué tipo de organización es.
  sectors  @sector[]  Its CTE industry sectors. | Sus sectores industriales de CTE.
  summary  @summary
  description  @description
  es  object  Spanish text; null where none was written. | Texto en español; null si no se escribió.
    name  string?  Spanish name. | Nombre en español.
    summary  string?  Spanish summary. | Resumen en español.
    description  string?  Spanish description. | Descripción en español.
  website  uri?  Website. | Sitio web.
  locations  object[]  Where it works. | Dónde trabaja.
    name  string  Place name. | Nombre del lugar.
    address  string?  Street address. | Dirección.
    city  string  City. | Ciudad.
    zip  string?  ZIP code. | Código postal.
    area  string?  Area of the region. | Zona de la región.
  contact  @contact
  employer_of_record  object  How it acts as employer of record. | Cómo funciona como empleador oficial.
    own_placements  boolean?  Puts its own student workers on payroll. | Pone a sus estudiantes trabajadores en su nómina.
    for_other_employers  boolean?  Payrolls students placed at other employers. | Contrata estudiantes ubicados con otros empleadores.
    note  string?  How it handles payroll and liability. | Cómo maneja la nómina y la responsabilidad.
  opportunity_ids  @texts  Catalog ids of its listings. | Ids de sus anuncios.
  last_reviewed  @reviewed
  changed  @changed

pathway  object  One pathway. | Una trayectoria.
  id  string  Pathway id. | Id de la trayectoria.
  url  @url
  url_es  @url_es
  example  @example
  name  string  Name. | Nombre.
  sector  @sector  Its CTE sector. | Su sector de CTE.
  summary  @summary
  description  @description
  es  object  Spanish text; null where none was written. | Texto en español; null si no se escribió.
    name  string?  Spanish name. | Nombre en español.
    summary  string?  Spanish summary. | Resumen en español.
    description  string?  Spanish description. | Descripción en español.
  stages  object[]  The four continuum stages, in order. | Las cuatro etapas del continuo, en orden.
    stage  string  Stage id. | Id de la etapa.
    summary  string  What happens at this stage. | Qué pasa en esta etapa.
    steps  object[]  Its steps. | Sus pasos.
      kind  string  course, wbl, credential, program or occupation. | course (curso), wbl, credential (certificación), program u occupation (empleo).
      name  string  Step name. | Nombre del paso.
      format  string?  Format id of a wbl step. | Id del formato de un paso wbl.
      grade_min  integer?  Usual lowest grade. | Grado mínimo habitual.
      grade_max  integer?  Usual highest grade. | Grado máximo habitual.
      note  string?  Note. | Nota.
    opportunity_ids  @texts  Catalog listings at this stage. | Anuncios del catálogo en esta etapa.
  occupations  object[]  Occupations it leads to. | Ocupaciones a las que lleva.
    title  string  Occupation title. | Nombre de la ocupación.
    soc  string?  SOC code. | Código SOC.
    wage_amount  number?  Typical wage in US dollars. | Salario típico en dólares.
    wage_unit  string?  hour or year. | hour (hora) o year (año).
    wage_note  string?  Source or caveat. | Fuente o aclaración.
  last_reviewed  @reviewed
  changed  @changed

retired  object  A listing no longer offered; its page stays. | Un anuncio que ya no se ofrece; su página se mantiene.
  id  string  The retired catalog id. | El id retirado.
  url  @url
  url_es  @url_es
  title  string?  Its last title. | Su último título.
  reason  string  Why it is no longer offered. | Por qué ya no se ofrece.
  date  date?  When it was retired. | Cuándo se retiró.
  replaced_by  string?  Catalog id of the listing that replaces it. | Id del anuncio que lo reemplaza.

catalog  object  The whole catalog. | Todo el catálogo.
  $schema  uri  Address of this file's JSON Schema. | Dirección del esquema JSON de este archivo.
  format_version  string(1.0)  Version of this file's format. | Versión del formato de este archivo.
  as_of  date  The date statuses were computed for. | Fecha para la que se calcularon los estados.
  site_url  uri  The site's base address. | Dirección base del sitio.
  license  string  License of the data (SPDX id). | Licencia de los datos (id SPDX).
  license_url  uri  The license text. | El texto de la licencia.
  counts  object  How many records of each kind. | Cuántos registros hay de cada tipo.
    organizations  integer  Number of organizations. | Número de organizaciones.
    opportunities  integer  Number of listings. | Número de anuncios.
    pathways  integer  Number of pathways. | Número de trayectorias.
    retired  integer  Number of retired listings. | Número de anuncios retirados.
  organizations  @organization[]  Every organization, by id. | Todas las organizaciones, por id.
  opportunities  @opportunity[]  Every listing, by catalog id. | Todos los anuncios, por catalog_id.
  pathways  @pathway[]  Every pathway, by id. | Todas las trayectorias, por id.
  retired  @retired[]  Listings no longer offered, by id. | Anuncios que ya no se ofrecen, por id.
"""
