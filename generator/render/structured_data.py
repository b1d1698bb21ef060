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
endDate), seats (maximumEnrollment), weeks (timeToComplete), credential, and
the price: 0 when free, the fee when one is published. One-day events
(talks, tours, shadows) are not programs.

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
from generator.present.view import View
from generator.sanitize import render_markdown, safe_url

# Stages whose formats run over weeks, so a listing of them is a program when it is not a job.
PROGRAM_STAGES = frozenset({"preparation", "training"})
PLACEMENTS = frozenset({"internship", "pre-apprenticeship", "apprenticeship", "cooperative-education", "summer-youth-employment"})
UNITS = {"hour": "HOUR", "week": "WEEK", "month": "MONTH"}
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
    if opp.example or opp.format not in PLACEMENTS or opp.status != "open":
        return False
    if opp.opens and opp.opens > catalog.today:
        return False
    return opp.pay_type == "paid" or (opp.pay_type == "stipend" and opp.pay_amount is not None)


def employment_type(opp: Opportunity) -> str | None:
    if opp.format == "internship":
        return "INTERN"
    hours = opp.section("schedule").get("hours_per_week")
    if not isinstance(hours, (int, float)):
        return None
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
    address = {"@type": "PostalAddress", "addressLocality": site.city, "addressRegion": "CA", "addressCountry": "US"}
    if site.address:
        address["streetAddress"] = site.address
    if site.zip:
        address["postalCode"] = site.zip
    return {"@type": "Place", "name": site.name, "address": address}


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
    places = [_place(s) for s in opp.sites if s.mode != "remote"]
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
    if opp.pay_amount_max:
        spec = {"@type": "PriceSpecification", "minPrice": opp.pay_amount, "maxPrice": opp.pay_amount_max, "priceCurrency": "USD"}
        return {"@type": "Offer", "priceSpecification": spec, "priceCurrency": "USD"}
    return {"@type": "Offer", "price": opp.pay_amount, "priceCurrency": "USD"}


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
    weeks = opp.section("schedule").get("weeks")
    if isinstance(weeks, int) and weeks > 0:
        data["timeToComplete"] = f"P{weeks}W"
    credential = opp.section("outcomes").get("credential")
    if credential:
        data["educationalCredentialAwarded"] = str(credential)
    offer = price(opp)
    if offer:
        data["offers"] = offer
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
