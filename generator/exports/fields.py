"""The fields of catalog.json, one a line (parsed by exports_schema into the JSON Schema and the Data page).

SPEC, one field a line: `name  type  meaning`, the meaning in English (its translations are in the
catalogs, under the context `data-field`), two spaces of indentation per level. Types: string, integer, number, boolean, date,
datetime, uri, object, or `string(a,b)` for a fixed list; `?` allows null,
`[]` makes a list; `@block` reuses a block defined at the top with `@block`; `^field` is the record's own top-level `field`.
Raise FORMAT_VERSION when the meaning of a field changes or fields are added, and say on the Data page what the
version added (the messages data_format_*).
"""

FORMAT_VERSION = "1.3"

SPEC = """
@ref  object  A record of the catalog.
  id  string  Its id.
  name  string  Its name (English).
@sector  object  A CTE industry sector.
  id  string  Sector id.
  name  string  Name in English.
  name_es  string  Name in Spanish.
@endorsement  object  An endorsement, seal or badge that a region or the state awards (vocabularies/endorsements.yml).
  id  string  Endorsement id.
  name  string  Name in English.
  name_es  string  Name in Spanish.
  awarded_by  string?  Who awards it, in English.
  awarded_by_es  string?  Who awards it, in Spanish.
  url  uri?  The page that explains it.
  tier  object?  The level earned here, for an endorsement that has levels; null when the listing names none.
    id  string  Tier id.
    name  string  Tier name in English.
    name_es  string  Tier name in Spanish.
    description  string?  What the tier stands for, in English.
    description_es  string?  What the tier stands for, in Spanish.
@population  object  A group of young people (vocabularies/populations.yml).
  id  string  Group id.
  name  string  Name in English.
  name_es  string  Name in Spanish.
@region  object  A region the catalog serves (`vocabularies/regions.yml`).
  id  string  Region id.
  name  string  Name in English.
  name_es  string  Name in Spanish.
  counties  string[]  The counties it covers.
  hub  string?  Organization id of the region's hub, which coordinates work-based learning there.
  hub_name  string?  The hub's name, when it is not an organization of the catalog (then hub is null).
  hub_url  string?  The page of the hub that hub_name names.
  zip_ranges  string[]  The region's ZIP codes, as codes or first-last ranges; empty when not given.
@contact  object  A role-based contact.
  role  string?  Office or role.
  email  string?  Email address.
  phone  string?  Phone number.
  url  uri?  Contact page.
@url  uri  Permanent address of its page in English.
@url_es  uri  Permanent address of its page in Spanish.
@example  boolean  true for sample content that is not a real offer.
@summary  string  One-sentence summary.
@description  string  Description, in Markdown.
@reviewed  date  When someone last checked the record.
@changed  datetime  When the record's file last changed (its last git commit, or last_reviewed without git).
@status  string(open,closed,archived)  Status.
@texts  string[]  A list of texts.

opportunity  object  One listing.
  catalog_id  string  Permanent id: organization id, slash, listing id.
  organization_id  string  Id of the organization that lists it.
  slug  string  The listing's own id within its organization.
  url  @url
  url_es  @url_es
  example  @example
  title  string  Title.
  summary  @summary
  description  @description
  es  object  Spanish text; null where none was written (the English is shown instead).
    title  string?  Spanish title.
    summary  string?  Spanish summary.
    description  string?  Spanish description.
    how  string?  Spanish "how to apply".
    who  string?  Spanish "who may apply".
    transit  string?  Spanish transit note.
    times  string?  Spanish days and times.
    funded_by  string?  Spanish name of who funds the pay.
    note  string?  Spanish note about pay.
    residency  string?  Spanish "where applicants must live".
    where  string?  Spanish "where to get a paper application".
    evaluation_criteria  string[]?  Spanish evaluation criteria, in the order of quality.evaluation.criteria.
    evaluation_when  string?  Spanish "when students are evaluated".
    coordinator  string?  Spanish "who coordinates the program".
    mentor_training  string?  Spanish "how mentors are trained".
    training  string?  Spanish "training or learning sessions".
    transportation  string?  Spanish "help getting there".
    accommodations  string?  Spanish "accommodations for disabilities".
    expected  string?  Spanish "when applications usually open".
    employer_of_record_note  string?  Spanish note about the employer of record.
  format  string  Format id (vocabularies/formats.yml).
  format_name  string  Format name in English.
  stage  string(awareness,exploration,preparation,training)  Stage on the work-based learning continuum.
  sectors  @sector[]  Its CTE industry sectors.
  pathways  @ref[]  Career pathways it belongs to.
  organization  @ref  The organization that lists it.
  employer_of_record  @ref?  Who puts students on payroll and carries the liability.
  employers_of_record  @ref[]  Every organization named as employer of record: the one in `employer_of_record`, or, when `employer_of_record` is null, those that may be, whichever enrolls the student.
  employer_of_record_provider  boolean  true when the employer of record is the youth-services provider that enrolls the student.
  employer_of_record_note  string?  A note about the employer of record, such as how the provider is chosen.
  intermediary  @ref?  An intermediary that runs or recruits for it.
  status  @status  Computed status on the as_of date: a passed deadline makes an open listing closed.
  declared_status  @status  Status written in the listing file.
  accepting_applications  boolean  true when open and the application window has started.
  pay  object  Whether and how students are paid, or what the family pays.
    type  string(paid,stipend,unpaid,free,fee)  `paid` (a wage), `stipend` (a fixed amount), `unpaid` (work without pay), `free` (costs nothing and pays nothing) or `fee` (the family pays).
    amount  number?  Amount in US dollars per unit: the wage or stipend, or the fee when type is fee; null when not published.
    amount_max  number?  Top of a pay range.
    unit  string(hour,week,month,total)?  What the amount is for.
    amount_published  boolean?  false when paid, stipend or fee but the amount is not published; null when unpaid or free.
    on_completion  boolean?  Stipends: true when the stipend is paid once the student completes the program; null for other pay types.
    aid  boolean?  Fees: true when financial aid or scholarships can cover the fee; null for other pay types.
    paid_by  string?  Who pays: an organization id, or self.
    funded_by  string?  The public program or funder that pays the wage or stipend, when it is not the employer.
    note  string?  Anything else about pay.
    steps  object[]  Pay by year of a multi-year program, in year order; empty when pay does not rise by year. With steps, amount and amount_max are the lowest and highest step.
      year  integer  Year of the program, 1 to 5.
      amount  number  Pay in that year, in US dollars per unit.
  eligibility  object  Who can apply.
    grade_min  integer?  Lowest grade (6 to 14); null when only ages are given.
    grade_max  integer?  Highest grade (6 to 14); null when only ages are given.
    age_min  integer?  Minimum age.
    age_max  integer?  Maximum age.
    status  string(in-school,out-of-school,graduated)[]  Whether applicants must be in school, out of school, or graduated (diploma or GED); empty when all may apply.
    schools  @texts  Only students enrolled at these schools, colleges or districts may apply; empty when not limited.
    residency  string?  Where applicants must live.
    populations  @population[]  Only young people of these groups may apply; empty when the listing is not limited to groups.
    priority  @population[]  Groups that get priority, while others may apply too.
    min_gpa  number?  Lowest grade point average accepted, on a 4-point scale.
    who  string?  Who may apply, in plain words.
    work_permit  boolean  true when minors need a California work permit.
    needs  string(parent-permission,immunizations,tb-test,physical,background-check,drug-test,aptitude-test,interview,drivers-license)[]  What applicants must have or do before they start, besides a work permit.
    requirements  @texts  Other requirements.
  schedule  object  When it happens.
    season  string?  Season id.
    start  date?  First day.
    end  date?  Last day.
    hours_per_week  number?  Hours per week.
    weeks  integer?  Number of weeks.
    times  string?  Days and times.
    hours_per_week_max  number?  Top of a range of hours per week (`hours_per_week` is the bottom); null when the hours do not vary.
    weeks_max  integer?  Top of a range of weeks (`weeks` is the bottom); null when the length does not vary.
    total_hours  number?  Hours in all, from the first day to the last (the bottom of a range when total_hours_max is given).
    total_hours_max  number?  Top of a range of hours in all.
    total_hours_at_least  boolean  true when `total_hours` is a minimum the student must reach (at least that many hours).
    days  string(mon,tue,wed,thu,fri,sat,sun)[]  Days of the week it meets, Monday first; empty when not given.
    sessions  integer?  How many times it meets in all.
    from  string?  Time it starts each day it meets, 24-hour HH:MM, Los Angeles time.
    to  string?  Time it ends each day it meets, 24-hour HH:MM, Los Angeles time.
    dates  date[]  The days it happens when they are listed one by one (a talk series, six Saturdays), in order; empty otherwise. Then start and end are the first and last date unless written.
    periods  object[]  Hours by part of the year (8–10 hours a week in the school year, 30 in summer), one per season; empty when the hours do not change over the year.
      season  string  Season id.
      hours_per_week  number  Hours per week in this part of the year.
      hours_per_week_max  number?  Top of a range of hours per week; null when the hours do not vary.
      days  string(mon,tue,wed,thu,fri,sat,sun)[]  Days of the week it meets in this part of the year, Monday first.
      from  string?  Time it starts each day it meets, 24-hour HH:MM, Los Angeles time.
      to  string?  Time it ends each day it meets, 24-hour HH:MM, Los Angeles time.
      note  string?  One line more about this part of the year.
      es  object  Spanish text; null where none was written.
        note  string?  Spanish note.
  application  object  How to apply.
    mode  string(apply,central,lottery,interest-form,paper,class-registration,none)  How people take part: apply (to the organization), central (one application for many worksites), lottery (applicants are drawn), interest-form (a form, then the program gets in touch), paper (a paper application), class-registration (a teacher registers a class) or none (no application: just come).
    how  string  How to apply.
    where  string?  Where to get a paper application.
    url  uri?  Application page.
    email  string?  Address that takes applications.
    opens  date?  Date applications open.
    deadline  date?  Last day to apply.
    rolling  boolean  true when applications are taken until seats fill.
    documents  @texts  Documents to prepare.
    windows  object[]  Application windows of a listing that takes applications more than once, in date order; empty otherwise. Then opens and deadline are those of the current window, else the next, else the last.
      opens  date  Date applications open in this window.
      deadline  date  Last day to apply in this window.
    expected  string?  When applications usually open, for an open listing whose dates are not announced yet: opens and deadline are null and accepting_applications is false.
    results_by  date?  Date by which applicants hear back: the lottery is drawn (mode lottery), otherwise decisions are sent.
    waitlist  boolean  true when applicants who do not get a seat can join a waitlist.
  sites  object[]  Where it happens (one or more sites).
    name  string  Site name.
    address  string?  Street address.
    city  string  City.
    zip  string?  ZIP code.
    area  string?  Area of the region (vocabularies/areas.yml).
    lat  number?  Latitude.
    lon  number?  Longitude.
    mode  string(in-person,hybrid,remote)  In person, hybrid or remote.
    transit  string?  How to get there by public transit.
    outside_region  boolean  true for a site outside the region, which is in no area; its city may be empty only for a remote site.
    state  string?  Two-letter US state code: written, or CA for a site outside the region that gives none.
    region  string?  Region id of the site's area (`vocabularies/regions.yml`); null for a site in no area.
    across  string[]  For worksites spread across areas with no single address: the area ids they cover (every area of the region when across_region is true); such a site has an empty city and null address, ZIP code, area and coordinates. Empty for a site at one place.
    across_region  boolean  true when the worksites are spread across the whole region (`across: region`).
  regions  string[]  Region ids the listing is found under: its sites' regions, else (online only or outside every region) those of its organization's other listings; empty when it serves every region.
  seats  integer?  How many students can take part.
  employer_roles  object[]  For a program an intermediary runs: the ways an employer can take part; empty otherwise.
    way  string(hire,host,sponsor,mentor,speak)  hire (students on the employer's payroll), host (a placement the program pays for), sponsor (funds placements), mentor or speak (a talk or a tour).
    amount  number?  A sponsor's suggested amount in US dollars.
    note  string?  What this way of taking part asks of the employer.
    es  object  Spanish text; null where none was written.
      note  string?  Spanish note.
  supports  object  Support for students.
    mentor  boolean  true when each student has a mentor or supervisor.
    training  string?  Training or learning sessions.
    transportation  string?  Help getting there.
    accommodations  string?  Accommodations for disabilities.
    languages  @texts  Language ids spoken at the site.
  outcomes  object  What students leave with.
    academic_credit  boolean  High-school credit.
    college_credit  boolean  College credit.
    credential  string?  An industry credential.
    skills  @texts  Skills students build.
    credits  object[]  Credit students earn, by kind; academic_credit and college_credit are true when a credit of kind high-school or college is here.
      kind  string(high-school,college,apprenticeship-hours)  High-school credits, college units, or hours toward a registered apprenticeship.
      amount  number  How many credits, units or hours.
      from  string?  The school, college or program that grants it.
    endorsements  @endorsement[]  Endorsements, seals or badges students can earn.
  quality  object  Self-assessment against a rubric, and quality signals.
    rubric  string?  Rubric id.
    assessment  object[]  One level per rubric criterion.
      criterion  string  Criterion id.
      level  string  Level id.
      rank  integer  Level rank, 1 = lowest.
      evidence  string  One line of evidence.
    signals  @texts  Quality signal ids (vocabularies/signals.yml).
    evaluation  object?  How students are evaluated; null when not said.
      criteria  @texts  The named criteria.
      when  string?  When the evaluation happens.
    coordinator  string?  Who coordinates the program for students.
    handbook  uri?  The program handbook.
    mentor_training  string?  How mentors are trained.
  contact  @contact
  last_reviewed  @reviewed
  changed  @changed
  former_ids  @texts  Earlier catalog ids; their addresses redirect here.
  tracks  object[]  The tracks of a program that has several, each with its own facts: the listing's, with those the track gives in their place, so that a track is read like a listing. Empty for a listing without tracks.
    id  string  Track id, unique within the listing.
    name  string  Track name.
    url  uri  Permanent address of the track's section of the listing's page in English.
    url_es  uri  Permanent address of the track's section of the listing's page in Spanish.
    summary  string  One-sentence summary of the track.
    format  string  Format id of the track.
    format_name  string  Format name of the track in English.
    pay  ^pay  The track's pay, with the fields of the listing's `pay`.
    eligibility  ^eligibility  Who can apply to the track, with the fields of the listing's `eligibility`.
    schedule  ^schedule  When the track meets, with the fields of the listing's `schedule`.
    seats  integer?  How many students the track takes.
    es  object  Spanish text; null where none was written.
      name  string?  Spanish track name.
      summary  string?  Spanish track summary.

organization  object  One organization.
  id  string  Organization id.
  url  @url
  url_es  @url_es
  example  @example
  name  string  Name.
  kind  string  What kind of organization it is.
  sectors  @sector[]  Its CTE industry sectors.
  summary  @summary
  description  @description
  es  object  Spanish text; null where none was written.
    name  string?  Spanish name.
    summary  string?  Spanish summary.
    description  string?  Spanish description.
  website  uri?  Website.
  locations  object[]  Where it works.
    name  string  Place name.
    address  string?  Street address.
    city  string  City.
    zip  string?  ZIP code.
    area  string?  Area of the region.
  contact  @contact
  employer_of_record  object  How it acts as employer of record.
    own_placements  boolean?  Puts its own student workers on payroll.
    for_other_employers  boolean?  Payrolls students placed at other employers.
    note  string?  How it handles payroll and liability.
  opportunity_ids  @texts  Catalog ids of its listings.
  last_reviewed  @reviewed
  changed  @changed
  verified  object?  Who checked that the organization is real, against a public record; null when not verified (pages say "Not yet verified").
    by  string  Verifier id (vocabularies/verifiers.yml).
    by_name  string  Verifier name in English.
    by_name_es  string  Verifier name in Spanish.
    on  date  When the verifier checked the record.
    record  uri  The public record checked, such as a state business search entry.

pathway  object  One pathway.
  id  string  Pathway id.
  url  @url
  url_es  @url_es
  example  @example
  name  string  Name.
  sector  @sector  Its CTE sector.
  summary  @summary
  description  @description
  es  object  Spanish text; null where none was written.
    name  string?  Spanish name.
    summary  string?  Spanish summary.
    description  string?  Spanish description.
  stages  object[]  The four continuum stages, in order.
    stage  string  Stage id.
    summary  string  What happens at this stage.
    steps  object[]  Its steps.
      kind  string  course, wbl, credential, program or occupation.
      name  string  Step name.
      format  string?  Format id of a wbl step.
      grade_min  integer?  Usual lowest grade.
      grade_max  integer?  Usual highest grade.
      note  string?  Note.
    opportunity_ids  @texts  Catalog listings at this stage.
  occupations  object[]  Occupations it leads to.
    title  string  Occupation title.
    soc  string?  SOC code.
    wage_amount  number?  Typical wage in US dollars.
    wage_unit  string?  hour or year.
    wage_note  string?  Source or caveat.
  last_reviewed  @reviewed
  changed  @changed

retired  object  A listing no longer offered; its page stays.
  id  string  The retired catalog id.
  url  @url
  url_es  @url_es
  title  string?  Its last title.
  reason  string  Why it is no longer offered.
  date  date?  When it was retired.
  replaced_by  string?  Catalog id of the listing that replaces it.

catalog  object  The whole catalog.
  $schema  uri  Address of this file's JSON Schema.
  format_version  string(1.3)  Version of this file's format.
  as_of  date  The date statuses were computed for.
  site_url  uri  The site's base address.
  license  string  License of the data (SPDX id).
  license_url  uri  The license text.
  counts  object  How many records of each kind.
    organizations  integer  Number of organizations.
    opportunities  integer  Number of listings.
    pathways  integer  Number of pathways.
    retired  integer  Number of retired listings.
  organizations  @organization[]  Every organization, by id.
  opportunities  @opportunity[]  Every listing, by catalog id.
  pathways  @pathway[]  Every pathway, by id.
  retired  @retired[]  Listings no longer offered, by id.
  regions  @region[]  The regions the catalog serves; empty for a catalog without `vocabularies/regions.yml`.
"""
