"""opportunities.csv and its data dictionary, from one list of columns (COLUMNS).

The CSV writer, the dictionary file and the Data page all read COLUMNS,
made from DOCS (order and meaning) and VALUES (how each cell is computed),
which must agree, so the documentation cannot drift from the file. UTF-8 with a byte-order mark,
so Excel opens accented Spanish text correctly. Lists are joined with "; ".
Any cell that a spreadsheet would run as a formula (starting with = + - @,
a tab or a carriage return) gets a leading apostrophe, whatever its column:
vocabulary labels and organization names come from contributors too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.exports.dates import ChangeDates, iso
from generator.exports.records import absolute, accepting, verified
from generator.i18n import translate
from generator.model import WEEKDAYS, Catalog, Opportunity

JOIN = "; "
# The catalogs' context for the meaning of each column.
CONTEXT = "data-column"
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
    en: str  # its meaning, translated by the catalogs under CONTEXT
    example: str
    value: Callable[[Row], Any]
    text: bool = False  # free text written by a contributor (marked * in DOCS)


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


def _list(r: Row, key: str) -> str:
    """A list of the eligibility section, joined."""
    values = _get(r, "eligibility", key)
    return JOIN.join(str(v) for v in values) if isinstance(values, (list, tuple)) else ""


# The columns in order: `name | meaning | example`; the meaning's translations are in the catalogs. A `*` after the name marks contributor text.
DOCS = """
catalog_id | Permanent id: organization id/listing id. | harborview-community-college/it-help-desk-internship
title* | Title. | IT Help Desk Internship
title_es* | Spanish title (empty when not translated). | Pasantía de soporte técnico
organization* | Organization that lists it. | Harborview Community College
organization_id | Organization id. | harborview-community-college
status | Computed status on the build date: open, closed or archived (a passed deadline means closed). | open
accepting_applications | yes when open and applications have opened. | yes
format | Format. | Internship
stage | Continuum stage: awareness, exploration, preparation or training. | training
sectors | CTE industry sectors. | Information and Communication Technologies
pathways | Career pathway ids. | information-technology
pay_type | `paid`, `stipend`, `unpaid`, `free` or `fee` (the family pays). | paid
pay_amount | Amount in US dollars per pay_unit (the fee when pay_type is `fee`); empty when not published. | 18.5
pay_amount_max | Top of a pay range. | 22
pay_unit | hour, week, month or total. | hour
pay_published | `no` when `paid`, `stipend` or `fee` but the amount is not published; empty when `unpaid` or `free`. | yes
grade_min | Lowest grade that may apply (6 to 14); empty when only ages are given. | 11
grade_max | Highest grade that may apply (6 to 14); empty when only ages are given. | 14
age_min | Minimum age. | 16
age_max | Maximum age. | 24
work_permit | yes when minors need a California work permit. | yes
opens | Date applications open (YYYY-MM-DD). | 2027-01-11
deadline | Last day to apply (YYYY-MM-DD). | 2027-03-12
rolling | yes when applications are taken until seats fill. | no
start | First day (YYYY-MM-DD). | 2027-06-21
end | Last day (YYYY-MM-DD). | 2027-08-13
season | Season id. | summer
hours_per_week | Hours per week. | 20
weeks | Number of weeks. | 8
seats | How many students can take part. | 12
sites_count | Number of sites. | 2
cities* | Cities of the sites. | Long Beach; Carson
areas | Area ids of the sites. | south-bay-harbor
modes | in-person, hybrid or remote, per site. | in-person; remote
employer_of_record* | Who puts students on payroll. | Harborview Community College
intermediary* | Intermediary that runs or recruits for it. | Southbay Chamber Youth Network
mentor | yes when each student has a mentor or supervisor. | yes
academic_credit | yes when high-school credit is offered. | no
college_credit | yes when college credit is offered. | yes
credential* | Industry credential students can earn. | CompTIA A+ (practice exam)
signals | Quality signal ids. | paid; trained-mentor
example | yes for sample content that is not a real offer. | no
last_reviewed | When someone last checked the listing. | 2026-10-15
changed | When the listing file last changed (UTC). | 2026-10-15T00:00:00Z
summary* | One-sentence summary. | Keep a campus help desk running.
apply_url | Application page. | https://example.org/apply
url | The listing's page in English. | https://wbl-catalog.example.org/opportunities/harborview-community-college/it-help-desk-internship/
url_es | The listing's page in Spanish. | https://wbl-catalog.example.org/es/opportunities/harborview-community-college/it-help-desk-internship/
application_mode | How people take part: `apply`, `central`, `lottery`, `interest-form`, `paper`, `class-registration` or `none`. | apply
application_where* | Where to get a paper application. | The career center at each LAUSD high school
funded_by* | Public program or funder that pays the wage or stipend, when it is not the employer. | City of Los Angeles Hire LA's Youth
on_completion | yes when a stipend is paid once the student completes the program; empty for other pay types. | no
fee_aid | yes when financial aid or scholarships can cover the fee; empty for other pay types. | yes
pay_note* | Anything else about pay. | Paid every two weeks.
school_status | Who may apply by school status: in-school, out-of-school or graduated; empty when all may apply. | out-of-school; graduated
schools* | Schools, colleges or districts whose students may apply; empty when not limited. | Los Angeles Unified School District
residency* | Where applicants must live. | City of Los Angeles residents
populations | Ids of the groups the listing is only for (vocabularies/populations.yml); empty when not limited to groups. | foster-youth
priority | Ids of the groups that get priority, while others may apply too. | foster-youth; low-income
min_gpa | Lowest grade point average accepted, on a 4-point scale. | 2.5
needs | What applicants must have or do before they start: parent-permission, immunizations, tb-test, physical, background-check, drug-test, aptitude-test, interview or drivers-license. | parent-permission; tb-test
hours_per_week_max | Top of a range of hours per week (`hours_per_week` is the bottom); empty when the hours do not vary. | 25
weeks_max | Top of a range of weeks (`weeks` is the bottom); empty when the length does not vary. | 8
total_hours | Hours in all, from the first day to the last (the bottom of a range when total_hours_max is given). | 100
total_hours_max | Top of a range of hours in all. | 120
days | Days of the week it meets: mon, tue, wed, thu, fri, sat or sun. | sat
sessions | How many times it meets in all. | 6
time_from | Time it starts each day it meets, 24-hour HH:MM, Los Angeles time. | 09:00
time_to | Time it ends each day it meets, 24-hour HH:MM, Los Angeles time. | 13:00
pay_steps | Pay by year of a multi-year program, each as year:amount in US dollars per pay_unit; empty when pay does not rise by year. | 1:21; 2:22.5; 3:24
application_windows | Application windows of a listing that takes applications more than once, each as opens/deadline (YYYY-MM-DD); empty otherwise. | 2026-10-05/2026-12-11; 2027-02-01/2027-04-02
employer_roles | Ways an employer can take part in the program: hire, host, sponsor, mentor or speak. | hire; host; sponsor
sponsor_amount | A sponsor's suggested amount in US dollars. | 3000
outside_region | yes when a site is outside the region (in no area), else no. | no
states | Two-letter state codes of the sites outside the region (CA unless written). | CA; NY
regions | Region ids of the sites' areas (`vocabularies/regions.yml`). | los-angeles
credits | Credit students earn, each as kind:amount; kinds: high-school (credits), college (units), apprenticeship-hours (hours toward a registered apprenticeship). | college:3
credits_from* | Schools, colleges or programs that grant the credits. | Harborview Community College
endorsements | Ids of the endorsements, seals or badges students can earn (vocabularies/endorsements.yml). | work-readiness-certification
evaluation_criteria* | What students are evaluated on, as the program names each criterion. | Time management; Attendance
evaluation_when* | When students are evaluated. | At the start and at the end of the summer
coordinator* | Who coordinates the program for students. | A site coordinator checks in every week
handbook | The program handbook. | https://example.org/intern-handbook
mentor_training* | How mentors are trained. | Supervisors take a mentoring workshop
tracks* | Names of the tracks of a program that has several; each track's own facts are in catalog.json (`tracks`). | Ages 14–15; Ages 16–24
application_expected* | When applications usually open, for a listing whose dates are not announced yet. | Applications usually open in March.
results_by | Date by which applicants hear back (YYYY-MM-DD): the lottery is drawn, or decisions are sent. | 2027-03-15
waitlist | yes when applicants who do not get a seat can join a waitlist. | no
employers_of_record* | Organizations that may be the employer of record, whichever enrolls the student, and `provider` when it is the youth-services provider that enrolls the student; `employer_of_record` is empty then. | Crossroads Youth Staffing; provider
endorsement_tiers | The level earned of each endorsement that has levels, as id:tier. | act-workkeys-ncrc:silver
event_dates | The days it happens when they are listed one by one (YYYY-MM-DD), in order; empty otherwise. | 2027-02-06; 2027-02-13
hours_by_season | Hours a week by part of the year, each as season:hours (a range as low-high); empty when the hours do not change over the year. | school-year:8-10; summer:30
sites_across | For worksites spread across areas with no single address: `region` (the whole region) or the area ids they cover; empty for sites at one place. | south-la; east-la
organization_verified_by* | Who verified the organization against a public record (vocabularies/verifiers.yml); empty when not verified. | Eastside Career Hub
organization_verified_on | When the organization was verified (YYYY-MM-DD). | 2026-09-15
organization_verified_record | The public record the verifier checked. | https://bizfileonline.sos.ca.gov/search/business
total_hours_at_least | `yes` when `total_hours` is a minimum the student must reach (at least that many hours). | yes
"""

VALUES: dict[str, Callable[[Row], Any]] = {
    "catalog_id": lambda r: r.opp.id,
    "title": lambda r: r.opp.title,
    "title_es": lambda r: r.opp.raw.get("translations", {}).get("es", {}).get("title", ""),
    "organization": lambda r: _org(r, r.opp.org_id),
    "organization_id": lambda r: r.opp.org_id,
    "status": lambda r: r.opp.status,
    "accepting_applications": lambda r: _yes(accepting(r.catalog, r.opp)),
    "format": lambda r: _vocab(r, "formats", r.opp.format),
    "stage": lambda r: r.opp.stage,
    "sectors": lambda r: JOIN.join(_vocab(r, "sectors", s) for s in r.opp.sectors),
    "pathways": lambda r: JOIN.join(r.opp.pathways),
    "pay_type": lambda r: r.opp.pay_type,
    "pay_amount": lambda r: _num(r.opp.pay_amount),
    "pay_amount_max": lambda r: _num(r.opp.pay_amount_max),
    "pay_unit": lambda r: r.opp.pay_unit or "",
    "pay_published": lambda r: "" if r.opp.pay_type in ("unpaid", "free") else _yes(r.opp.pay_amount is not None),
    "grade_min": lambda r: r.opp.grade_min,
    "grade_max": lambda r: r.opp.grade_max,
    "age_min": lambda r: _num(r.opp.age_min),
    "age_max": lambda r: _num(r.opp.age_max),
    "work_permit": lambda r: _yes(_get(r, "eligibility", "work_permit") is True),
    "opens": lambda r: _day(r.opp.opens),
    "deadline": lambda r: _day(r.opp.deadline),
    "rolling": lambda r: _yes(r.opp.rolling),
    "start": lambda r: _day(r.opp.start),
    "end": lambda r: _day(r.opp.end),
    "season": lambda r: _get(r, "schedule", "season") or "",
    "hours_per_week": lambda r: _num(_get(r, "schedule", "hours_per_week")),
    "weeks": lambda r: _num(_get(r, "schedule", "weeks")),
    "seats": lambda r: _num(r.opp.seats),
    "sites_count": lambda r: len(r.opp.sites),
    "cities": lambda r: _unique([s.city for s in r.opp.sites]),
    "areas": lambda r: _unique([a for s in r.opp.sites for a in s.areas]),
    "modes": lambda r: _unique([s.mode for s in r.opp.sites]),
    "employer_of_record": lambda r: _org(r, r.opp.employer_of_record),
    "intermediary": lambda r: _org(r, r.opp.intermediary) if r.opp.intermediary else "",
    "mentor": lambda r: _yes(_get(r, "supports", "mentor") is True),
    "academic_credit": lambda r: _yes(r.opp.offers_credit("academic_credit")),
    "college_credit": lambda r: _yes(r.opp.offers_credit("college_credit")),
    "credential": lambda r: _get(r, "outcomes", "credential") or "",
    "signals": lambda r: JOIN.join(r.opp.signals),
    "example": lambda r: _yes(r.opp.example),
    "last_reviewed": lambda r: _day(r.opp.last_reviewed),
    "changed": lambda r: iso(r.dates.of(r.opp)),
    "summary": lambda r: str(r.opp.raw.get("summary", "")),
    "apply_url": lambda r: _get(r, "application", "url") or "",
    "url": lambda r: absolute(r.site_url, r.opp.url),
    "url_es": lambda r: absolute(r.site_url, r.opp.url, "es"),
    # Columns added in format 1.1, at the end so that the earlier ones keep their positions.
    "application_mode": lambda r: r.opp.application_mode,
    "application_where": lambda r: _get(r, "application", "where") or "",
    "funded_by": lambda r: _get(r, "pay", "funded_by") or "",
    "on_completion": lambda r: _yes(_get(r, "pay", "on_completion") is True) if r.opp.pay_type == "stipend" else "",
    "fee_aid": lambda r: _yes(_get(r, "pay", "aid") is True) if r.opp.pay_type == "fee" else "",
    "pay_note": lambda r: _get(r, "pay", "note") or "",
    "school_status": lambda r: _list(r, "status"),
    "schools": lambda r: _list(r, "schools"),
    "residency": lambda r: _get(r, "eligibility", "residency") or "",
    "populations": lambda r: _list(r, "populations"),
    "priority": lambda r: _list(r, "priority"),
    "min_gpa": lambda r: _num(_get(r, "eligibility", "min_gpa")),
    "needs": lambda r: _list(r, "needs"),
    # Columns added in format 1.2.
    "hours_per_week_max": lambda r: _num(r.opp.schedule.hours_per_week_max),
    "weeks_max": lambda r: _num(r.opp.schedule.weeks_max),
    "total_hours": lambda r: _num(r.opp.schedule.total_hours),
    "total_hours_max": lambda r: _num(r.opp.schedule.total_hours_max),
    "days": lambda r: JOIN.join(WEEKDAYS[d] for d in r.opp.schedule.days),
    "sessions": lambda r: _num(r.opp.schedule.sessions),
    "time_from": lambda r: _get(r, "schedule", "from") or "",
    "time_to": lambda r: _get(r, "schedule", "to") or "",
    "pay_steps": lambda r: JOIN.join(f"{step.year}:{_num(step.amount)}" for step in r.opp.pay_steps),
    "application_windows": lambda r: JOIN.join(f"{w.opens.isoformat()}/{w.deadline.isoformat()}" for w in r.opp.windows),
    "employer_roles": lambda r: JOIN.join(role.way for role in r.opp.employer_roles),
    "sponsor_amount": lambda r: _num(next((role.amount for role in r.opp.employer_roles if role.way == "sponsor"), None)),
    "outside_region": lambda r: _yes(any(s.outside_region for s in r.opp.sites)),
    "states": lambda r: _unique([s.state for s in r.opp.sites if s.outside_region]),
    "regions": lambda r: _unique([s.region for s in r.opp.sites]),
    "credits": lambda r: JOIN.join(f"{c.kind}:{_num(c.amount)}" for c in r.opp.credits),
    "credits_from": lambda r: _unique([c.source for c in r.opp.credits]),
    "endorsements": lambda r: JOIN.join(r.opp.endorsements),
    "evaluation_criteria": lambda r: JOIN.join(str(c) for c in (_get(r, "quality", "evaluation") or {}).get("criteria", ())),
    "evaluation_when": lambda r: (_get(r, "quality", "evaluation") or {}).get("when", ""),
    "coordinator": lambda r: _get(r, "quality", "coordinator") or "",
    "handbook": lambda r: _get(r, "quality", "handbook") or "",
    "mentor_training": lambda r: _get(r, "quality", "mentor_training") or "",
    "tracks": lambda r: JOIN.join(track.name for track in r.opp.tracks),
    "application_expected": lambda r: _get(r, "application", "expected") or "",
    # Columns added in format 1.3.
    "results_by": lambda r: _day(r.opp.results_by),
    "waitlist": lambda r: _yes(r.opp.waitlist),
    "employers_of_record": lambda r: (
        JOIN.join(
            [*(_org(r, o) for o in r.opp.employers_of_record), *(["provider"] if r.opp.employer_of_record_provider else [])]
        )
        if not r.opp.employer_of_record
        else ""
    ),
    "endorsement_tiers": lambda r: JOIN.join(f"{e}:{tier}" for e, tier in r.opp.endorsement_tiers),
    "event_dates": lambda r: JOIN.join(day.isoformat() for day in r.opp.schedule.dates),
    "hours_by_season": lambda r: JOIN.join(
        f"{p.season}:{_num(p.hours_per_week)}"
        + (f"-{_num(p.hours_per_week_max)}" if (p.hours_per_week_max or 0) > p.hours_per_week else "")
        for p in r.opp.schedule.periods
    ),
    "sites_across": lambda r: _unique([a for s in r.opp.sites for a in (("region",) if s.region_wide else s.across)]),
    "organization_verified_by": lambda r: (_verified(r) or {}).get("by_name", ""),
    "organization_verified_on": lambda r: (_verified(r) or {}).get("on", ""),
    "organization_verified_record": lambda r: (_verified(r) or {}).get("record", ""),
    "total_hours_at_least": lambda r: _yes(r.opp.schedule.total_hours_at_least),
}


def _verified(r: Row) -> dict[str, Any] | None:
    org = r.catalog.organizations.get(r.opp.org_id)
    return verified(r.catalog, org) if org else None


def _columns() -> tuple[Column, ...]:
    columns = []
    for line in DOCS.strip().splitlines():
        name, en, example = (part.strip() for part in line.split(" | "))
        columns.append(Column(name.rstrip("*"), en, example, VALUES[name.rstrip("*")], text=name.endswith("*")))
    assert [c.name for c in columns] == list(VALUES), "DOCS and VALUES must name the same columns in the same order"
    return tuple(columns)


COLUMNS = _columns()


def guarded(value: Any) -> str:
    """A cell's text, with a leading apostrophe when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(column: Column, row: Row) -> str:
    return guarded(column.value(row))


def _csv(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def opportunities_csv(catalog: Catalog, site_url: str, dates: ChangeDates) -> bytes:
    getters = [c.value for c in COLUMNS]
    rows: list[list[Any]] = [[c.name for c in COLUMNS]]
    for _, opp in sorted(catalog.opportunities.items()):
        row = Row(catalog, opp, site_url, dates)
        rows.append([guarded(get(row)) for get in getters])
    return _csv(rows)


def dictionary_csv() -> bytes:
    # The dictionary's format has an English and a Spanish meaning column.
    rows = [[c.name, c.en, c.example, meaning(c, "es")] for c in COLUMNS]
    return _csv([["column", "meaning", "example", "meaning_es"], *rows])


def meaning(column: Column, lang: str) -> str:
    return translate(CONTEXT, column.en, lang)
