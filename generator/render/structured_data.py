"""schema.org structured data (JSON-LD) for listing and pathway pages.

JobPosting: only listings that are open and accepting
applications today (an open listing whose window has not started yet is
not), not examples, a real placement (internship, pre-apprenticeship,
apprenticeship, co-op, summer youth employment), and paid:

- pay type `paid` always counts (with no published amount the markup
  simply has no baseSalary: a wage is never invented);
- a `stipend` counts only when its amount is published, because an
  unknown stipend could be token money, not a job;
- `free` and `fee` (the family pays) never count: nobody is hired.

employmentType: INTERN for internships; otherwise FULL_TIME at 35 or more
hours a week, PART_TIME below; left out when hours are not given.
baseSalary only when the amount is published and is per hour, week or
month (a one-time total has no schema.org unit). hiringOrganization is the
organization that lists the placement, as shown at the top of the page, with
its own website as sameAs when it has one. identifier is the catalog id, the
listing's permanent address on the site.

description is plain text: the summary, then one line per paragraph or list
item of the description, the lines a contributor wrapped in the YAML file
joined. The JSON is written to go inside a <script> element: "<", ">", "&",
U+2028 and U+2029 are \\u escapes.

EducationalOccupationalProgram describes pathway pages that are not
examples (sample content must not look like a real program to search
engines), and the listings that run over weeks (the preparation and
training stages) that are open, not examples and not a JobPosting: free and
fee programs, unpaid internships, pre-apprenticeships. A listing program
says what the page says about who can apply (programPrerequisites, one line
each), its dates (applicationStartDate, applicationDeadline, startDate,
endDate), seats (maximumEnrollment), a set number of weeks (timeToComplete; a
range of weeks gives none), credential, and
the price: 0 when free, the fee when one is published (a fee per hour,
week or month is a UnitPriceSpecification with that unit). One-day events
(talks, tours, shadows) are not programs. A program that pays (a wage or a
stipend with a published amount that is not a JobPosting, such as a paid
internship whose applications open later) states it as trainingSalary: one
amount is a MonetaryAmountDistribution whose median is that amount, over
the duration it is paid for; a range is a MonetaryAmount with its bounds,
because its ends are not percentiles of anything. educationalProgramMode
comes from the sites' modes (onsite, online, blended: schema.org's own
example labels), and occupationalCategory names the listing's California
CTE industry sectors as CategoryCodes, linked to their sector pages.

Every value is text that the page shows; the only additions are facts of
the region itself: addressRegion CA and addressCountry US of sites, and
"California" as the applicant location of remote-only listings.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from generator import i18n
from generator.model import Catalog, Opportunity, Organization, Pathway
from generator.model import status as status_rules
from generator.present.view import View
from generator.sanitize import render_markdown, safe_url

# Stages whose formats run over weeks, so a listing of them is a program when it is not a job.
PROGRAM_STAGES = frozenset({"preparation", "training"})
PLACEMENTS = frozenset({"internship", "pre-apprenticeship", "apprenticeship", "cooperative-education", "summer-youth-employment"})
UNITS = {"hour": "HOUR", "week": "WEEK", "month": "MONTH"}
# The ISO 8601 duration an amount per unit is paid for (a total has none: it is paid once for the whole program).
DURATIONS = {"hour": "PT1H", "week": "P1W", "month": "P1M"}
# A site's mode as educationalProgramMode's example labels on schema.org say it.
PROGRAM_MODES = {"in-person": "onsite", "remote": "online", "hybrid": "blended"}
FULL_TIME_HOURS = 35


# Where a line ends in the plain text: the end of a block (paragraph, list item, heading, quote, code) and a
# hard line break. Every other line end in the rendered HTML is a wrapped line of the YAML file (a soft break).
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|td|th)>|<br\s*/?>")


def plain_text(markdown_text: str) -> str:
    """Contributor Markdown as plain text: one line per paragraph or list item, wrapped lines joined."""
    rendered = render_markdown(markdown_text)
    blocks = BLOCK_END.split(rendered)
    lines = (" ".join(html.unescape(re.sub(r"<[^>]+>", "", block)).split()) for block in blocks)
    return "\n".join(line for line in lines if line)


# Characters that must not appear as themselves in JSON inside an HTML <script> element: "<" could close it
# (`</script>`) or open a comment, ">" and "&" are escaped with it as usual, and U+2028 and U+2029 end a line in
# older JavaScript parsers. Each is written as its \u escape, which any JSON reader turns back into the character.
SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(text: str) -> str:
    """JSON text made safe to put inside a <script> element; the JSON it stands for is the same."""
    return text.translate(SCRIPT_UNSAFE)


def dumps(data: dict[str, Any]) -> str:
    return script_json(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def is_job_posting(catalog: Catalog, opp: Opportunity) -> bool:
    # Taking applications today, by the definition the pages and the default filter use.
    if opp.example or opp.format not in PLACEMENTS or not status_rules.accepting(opp, catalog.today):
        return False
    return opp.pay_type == "paid" or (opp.pay_type == "stipend" and opp.pay_amount is not None)


def employment_type(opp: Opportunity) -> str | None:
    if opp.format == "internship":
        return "INTERN"
    hours = opp.section("schedule").get("hours_per_week")
    if not isinstance(hours, (int, float)):
        # With hours by part of the year, full time only when even the fewest hours are.
        span = opp.schedule.weekly_hours
        if span is None:
            return None
        hours = span[0]
    return "FULL_TIME" if hours >= FULL_TIME_HOURS else "PART_TIME"


def base_salary(opp: Opportunity) -> dict[str, Any] | None:
    if opp.pay_amount is None or opp.pay_unit not in UNITS:
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": UNITS[opp.pay_unit]}
    if opp.pay_amount_max:
        value.update(minValue=opp.pay_amount, maxValue=opp.pay_amount_max)
    else:
        value["value"] = opp.pay_amount
    return {"@type": "MonetaryAmount", "currency": "USD", "value": value}


def _place(site: Any) -> dict[str, Any]:
    region = site.state or "CA"  # a site in the region is in California
    address = {"@type": "PostalAddress", "addressLocality": site.city, "addressRegion": region, "addressCountry": "US"}
    if site.address:
        address["streetAddress"] = site.address
    if site.zip:
        address["postalCode"] = site.zip
    return {"@type": "Place", "name": site.name, "address": address}


def _areas(site: Any, view: View) -> list[dict[str, Any]]:
    """Worksites spread across areas, which have no address: schema.org has no areaServed for a JobPosting, but
    its jobLocation takes any Place, so each covered area (or the whole region) is an AdministrativeArea, a
    kind of Place, in California; never an invented street or city."""
    region = view.catalog.vocabularies.region(site.region) if site.region_wide else None
    names = [region.label(view.lang)] if region is not None else [view.vocab("areas", a) for a in site.across]
    address = {"@type": "PostalAddress", "addressRegion": "CA", "addressCountry": "US"}
    return [{"@type": "AdministrativeArea", "name": name, "address": address} for name in names]


def hiring_organization(org: Organization, view: View) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Organization",
        "name": view.plain(org.text("name", view.lang)),
        "url": view.absolute(f"employers/{org.id}/"),
    }
    website = safe_url(org.raw.get("website"))
    if website:
        data["sameAs"] = website
    return data


def job_posting_data(catalog: Catalog, opp: Opportunity, view: View) -> dict[str, Any] | None:
    if not is_job_posting(catalog, opp):
        return None
    lang = view.lang
    org = catalog.org_of(opp)
    description = "\n".join(
        part for part in (view.plain(opp.text("summary", lang)), plain_text(view.plain(opp.text("description", lang)))) if part
    )
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": view.plain(opp.text("title", lang)),
        "description": description,
        "datePosted": opp.last_reviewed.isoformat(),
        "directApply": False,
        "url": view.absolute(opp.url),
        "hiringOrganization": hiring_organization(org, view),
        "identifier": {"@type": "PropertyValue", "name": i18n.t("site_name", lang), "value": opp.id},
    }
    if opp.deadline:
        data["validThrough"] = opp.deadline.isoformat()
    kind = employment_type(opp)
    if kind:
        data["employmentType"] = kind
    salary = base_salary(opp)
    if salary:
        data["baseSalary"] = salary
    places = [p for s in opp.sites if s.mode != "remote" for p in (_areas(s, view) if s.across else [_place(s)])]
    if places:
        data["jobLocation"] = places
    else:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "State", "name": "California"}
    if opp.seats:
        data["totalJobOpenings"] = opp.seats
    return data


def program_data(catalog: Catalog, pathway: Pathway, view: View) -> dict[str, Any] | None:
    if pathway.example:
        return None
    lang = view.lang
    steps = [step for _, (_, items) in sorted(pathway.stages.items()) for step in items]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalProgram",
        "name": view.plain(pathway.text("name", lang)),
        "url": view.absolute(f"pathways/{pathway.id}/"),
    }
    summary = view.plain(pathway.text("summary", lang))
    if summary:
        data["description"] = summary
    occupations = [
        {
            "@type": "CategoryCode",
            "codeValue": o["soc"],
            "name": o["title"],
            "inCodeSet": {"@type": "CategoryCodeSet", "name": "SOC"},
        }
        for o in pathway.occupations
        if o.get("soc")
    ]
    if occupations:
        data["occupationalCategory"] = occupations
    credentials = sorted({s.name for s in steps if s.kind == "credential"})
    if credentials:
        data["educationalCredentialAwarded"] = credentials
    courses = sorted({s.name for s in steps if s.kind == "course"})
    if courses:
        data["hasCourse"] = [{"@type": "Course", "name": name} for name in courses]
    return data


def is_listing_program(catalog: Catalog, opp: Opportunity) -> bool:
    if opp.example or opp.status != "open" or opp.stage not in PROGRAM_STAGES:
        return False
    return not is_job_posting(catalog, opp)


def price(opp: Opportunity) -> dict[str, Any] | None:
    """What the family pays: nothing for a free program, the published fee of a fee program."""
    if opp.pay_type == "free":
        return {"@type": "Offer", "price": 0, "priceCurrency": "USD"}
    if opp.pay_type != "fee" or opp.pay_amount is None:
        return None
    unit = UNITS.get(opp.pay_unit or "total")
    if opp.pay_amount_max or unit:
        # A range or a fee per hour, week or month: the bare price would read as the whole program's cost.
        spec: dict[str, Any] = {"@type": "UnitPriceSpecification" if unit else "PriceSpecification", "priceCurrency": "USD"}
        if opp.pay_amount_max:
            spec.update(minPrice=opp.pay_amount, maxPrice=opp.pay_amount_max)
        else:
            spec["price"] = opp.pay_amount
        if unit:
            spec["unitText"] = unit
        return {"@type": "Offer", "priceSpecification": spec, "priceCurrency": "USD"}
    return {"@type": "Offer", "price": opp.pay_amount, "priceCurrency": "USD"}


def training_salary(opp: Opportunity) -> dict[str, Any] | None:
    """What a program pays while in it, when it pays and the amount is published."""
    if not opp.is_paid or opp.pay_amount is None:
        return None
    if opp.pay_amount_max:
        value: dict[str, Any] = {"@type": "QuantitativeValue", "minValue": opp.pay_amount, "maxValue": opp.pay_amount_max}
        if opp.pay_unit in UNITS:
            value["unitText"] = UNITS[opp.pay_unit]
        return {"@type": "MonetaryAmount", "currency": "USD", "value": value}
    # Everyone in the program is paid the one amount, so it is the distribution's median.
    data: dict[str, Any] = {"@type": "MonetaryAmountDistribution", "currency": "USD", "median": opp.pay_amount}
    if opp.pay_unit in DURATIONS:
        data["duration"] = DURATIONS[opp.pay_unit]
    return data


def program_mode(opp: Opportunity) -> str | list[str] | None:
    """onsite, online or blended from the sites' modes; sites of different modes give each mode once."""
    modes = sorted({PROGRAM_MODES[s.mode] for s in opp.sites if s.mode in PROGRAM_MODES})
    if not modes:
        return None
    return modes[0] if len(modes) == 1 else modes


def sector_categories(opp: Opportunity, view: View) -> list[dict[str, Any]]:
    """The listing's CTE industry sectors as codes of the site's own list of sectors, each linked to its page."""
    code_set = {"@type": "CategoryCodeSet", "name": view.t("sectors"), "url": view.absolute("sectors/")}
    return [
        {
            "@type": "CategoryCode",
            "codeValue": sector,
            "name": view.sector_name(sector),
            "url": view.absolute(f"sectors/{sector}/"),
            "inCodeSet": code_set,
        }
        for sector in opp.sectors
        if view.catalog.vocabularies.get("sectors", sector)
    ]


def prerequisites(opp: Opportunity, view: View) -> list[str]:
    """Who can apply and what they need, as the page says it: one plain line each."""
    lines = [line.striptags() for line in view.who_lines(opp)]
    lines += view.needs(opp)
    lines += [str(r) for r in opp.section("eligibility").get("requirements", ()) if r]
    return [line for line in dict.fromkeys(" ".join(line.split()) for line in lines) if line]


def listing_program_data(catalog: Catalog, opp: Opportunity, view: View) -> dict[str, Any] | None:
    if not is_listing_program(catalog, opp):
        return None
    lang = view.lang
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalProgram",
        "name": view.plain(opp.text("title", lang)),
        "url": view.absolute(opp.url),
        "provider": hiring_organization(catalog.org_of(opp), view),
        "identifier": {"@type": "PropertyValue", "name": i18n.t("site_name", lang), "value": opp.id},
    }
    summary = view.plain(opp.text("summary", lang))
    if summary:
        data["description"] = summary
    requirements = prerequisites(opp, view)
    if requirements:
        data["programPrerequisites"] = requirements
    for key, day in (
        ("applicationStartDate", opp.opens),
        ("applicationDeadline", opp.deadline),
        ("startDate", opp.start),
        ("endDate", opp.end),
    ):
        if day:
            data[key] = day.isoformat()
    if opp.seats:
        data["maximumEnrollment"] = opp.seats
    # A Duration is one length: a range of weeks (6–8) publishes none rather than state the shortest as the
    # length; catalog.json gives both ends.
    weeks, weeks_max = opp.schedule.weeks, opp.schedule.weeks_max
    if weeks and (weeks_max is None or weeks_max == weeks):
        data["timeToComplete"] = f"P{weeks}W"
    credential = opp.section("outcomes").get("credential")
    if credential:
        data["educationalCredentialAwarded"] = str(credential)
    offer = price(opp)
    if offer:
        data["offers"] = offer
    salary = training_salary(opp)
    if salary:
        data["trainingSalary"] = salary
    mode = program_mode(opp)
    if mode:
        data["educationalProgramMode"] = mode
    categories = sector_categories(opp, view)
    if categories:
        data["occupationalCategory"] = categories
    return data


def job_posting(catalog: Catalog, opp: Opportunity, view: View) -> str | None:
    data = job_posting_data(catalog, opp, view)
    return dumps(data) if data else None


def educational_program(catalog: Catalog, pathway: Pathway, view: View) -> str | None:
    data = program_data(catalog, pathway, view)
    return dumps(data) if data else None


def listing_structured_data(catalog: Catalog, opp: Opportunity, view: View) -> str | None:
    """A listing page's JSON-LD: its JobPosting, else its EducationalOccupationalProgram, else none."""
    data = job_posting_data(catalog, opp, view) or listing_program_data(catalog, opp, view)
    return dumps(data) if data else None
