"""catalog.json: every organization, listing, pathway and retired id, normalized (shape: exports_schema)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator import i18n
from generator.exports.dates import ChangeDates, iso
from generator.exports.schema import FORMAT_VERSION
from generator.model import STAGES, WEEKDAYS, Catalog, EmployerRole, Opportunity, Organization, Pathway, Period, regions, review
from generator.model import status as status_rules
from generator.present.view import lang_prefix

LICENSE = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


def absolute(site_url: str, path: str, lang: str = "en") -> str:
    """An absolute address on the site (root-relative when the site has no site_url)."""
    return (site_url or "/") + lang_prefix(lang) + path


def pick(raw: Any, *keys: str) -> dict[str, Any]:
    """The given keys of a mapping, None where missing (every key is always present in the export)."""
    raw = raw if isinstance(raw, Mapping) else {}
    return {k: raw.get(k) for k in keys}


def texts(raw: Any) -> list[str]:
    return [str(x) for x in raw] if isinstance(raw, (list, tuple)) else []


def optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


# Free-text facts whose translations came with format 1.1, in the order of the `es` block.
LATER_TEXTS = ("times", "funded_by", "note", "residency", "where")
# The quality evidence's free text, after those; a dotted key is nested in the translation (evaluation.when)
# and is published with an underscore (evaluation_when). The criteria are a list, published as one.
EVIDENCE_TEXTS = ("evaluation.criteria", "evaluation.when", "coordinator", "mentor_training")
# The free text of `supports`, after those.
SUPPORT_TEXTS = ("training", "transportation", "accommodations")
# When applications usually open (application.expected), after those.
EXPECTED_TEXTS = ("expected",)
# The note about an employer of record that varies (employer_of_record_note), after those.
EOR_TEXTS = ("employer_of_record_note",)


def extra_languages(catalog: Catalog) -> tuple[str, ...]:
    """The site's languages besides English and Spanish: the format has a field of Spanish text in every record
    (`es`), and a field like it for each of these, under the language's code."""
    return tuple(lang for lang in catalog.langs if lang not in (i18n.SOURCE, "es"))


def translated(catalog: Catalog, raw: Mapping[str, Any], *keys: str) -> dict[str, dict[str, Any]]:
    """A record's translations, {language: {key: text or None}}: Spanish always, then the site's other languages."""
    found = raw.get("translations")
    written: Mapping[str, Any] = found if isinstance(found, Mapping) else {}

    def value(lang: str, key: str) -> Any:
        text: Any = written.get(lang) or {}
        for part in key.split("."):
            text = text.get(part) if isinstance(text, Mapping) else None
        return (texts(text) or None) if isinstance(text, list) else optional_str(text)

    return {lang: {k.replace(".", "_"): value(lang, k) for k in keys} for lang in ("es", *extra_languages(catalog))}


def endorsement(catalog: Catalog, ident: str, tier: str | None = None) -> dict[str, Any]:
    item = catalog.vocabularies.get("endorsements", ident)
    extra = item.extra if item else {}
    level = next((t for t in extra.get("tiers") or () if isinstance(t, Mapping) and t.get("id") == tier), None)
    return {
        "id": ident,
        "name": item.name if item else ident,
        "name_es": item.name_es if item else ident,
        "awarded_by": optional_str(extra.get("awarded_by")),
        "awarded_by_es": optional_str(extra.get("awarded_by_es")),
        "url": optional_str(extra.get("url")),
        "tier": {**pick(level, "id", "name", "name_es", "description", "description_es")} if level else None,
    }


def evaluation(raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, Mapping):
        return None
    return {"criteria": texts(raw.get("criteria")), "when": optional_str(raw.get("when"))}


def role_note(opp: Opportunity, role: EmployerRole, lang: str) -> str | None:
    """An employer role's note as translated into a language; None where it was not."""
    note = opp.role_note(role, lang)
    return note.value if note is not None and note.lang == lang else None


def period_note(opp: Opportunity, period: Period, lang: str) -> str | None:
    """A schedule period's note as translated into a language; None where it was not."""
    note = opp.period_note(period, lang)
    return note.value if note is not None and note.lang == lang else None


def named(catalog: Catalog, kind: str, ident: str | None) -> dict[str, str] | None:
    if not ident:
        return None
    table = catalog.organizations if kind == "organization" else catalog.pathways
    record = table.get(ident)
    return {"id": ident, "name": record.name if record else ident}


def sector(catalog: Catalog, ident: str) -> dict[str, str]:
    item = catalog.vocabularies.get("sectors", ident)
    return {"id": ident, "name": item.name if item else ident, "name_es": item.name_es if item else ident}


def population(catalog: Catalog, ident: str) -> dict[str, str]:
    item = catalog.vocabularies.get("populations", ident)
    return {"id": ident, "name": item.name if item else ident, "name_es": item.name_es if item else ident}


def flag(section: Mapping[str, Any], key: str, applies: bool) -> bool | None:
    """A yes-or-no fact that only some pay types have: null where it does not apply, false where it was not written."""
    return section.get(key) is True if applies else None


def contact(raw: Any) -> dict[str, Any]:
    return pick(raw, "role", "email", "phone", "url")


def accepting(catalog: Catalog, opp: Opportunity) -> bool:
    """A family can take part on the catalog's date: the browse page's default filter, by the same definition."""
    return status_rules.accepting(opp, catalog.today)


def opportunity(catalog: Catalog, opp: Opportunity, site_url: str, dates: ChangeDates) -> dict[str, Any]:
    raw = opp.raw
    fmt = catalog.vocabularies.get("formats", opp.format)
    pay, elig, sched, app = opp.section("pay"), opp.section("eligibility"), opp.section("schedule"), opp.section("application")
    sup, out, quality = opp.section("supports"), opp.section("outcomes"), opp.section("quality")
    # Pay types that have an amount, published or not: a wage, a stipend, or the fee a family pays.
    priced = opp.pay_type in ("paid", "stipend", "fee")
    return {
        "catalog_id": opp.id,
        "organization_id": opp.org_id,
        "slug": opp.slug,
        "url": absolute(site_url, opp.url),
        "url_es": absolute(site_url, opp.url, "es"),
        "example": opp.example,
        "title": opp.title,
        "summary": str(raw.get("summary", "")),
        "description": str(raw.get("description", "")),
        **translated(
            catalog,
            raw,
            "title",
            "summary",
            "description",
            "how",
            "who",
            "transit",
            *LATER_TEXTS,
            *EVIDENCE_TEXTS,
            *SUPPORT_TEXTS,
            *EXPECTED_TEXTS,
            *EOR_TEXTS,
        ),
        "format": opp.format,
        "format_name": fmt.name if fmt else opp.format,
        "stage": opp.stage,
        "sectors": [sector(catalog, s) for s in opp.sectors],
        "pathways": [named(catalog, "pathway", p) for p in opp.pathways],
        "organization": named(catalog, "organization", opp.org_id),
        "employer_of_record": named(catalog, "organization", opp.employer_of_record),
        "employers_of_record": [named(catalog, "organization", o) for o in opp.employers_of_record],
        "employer_of_record_provider": opp.employer_of_record_provider,
        "employer_of_record_note": optional_str(raw.get("employer_of_record_note")),
        "intermediary": named(catalog, "organization", opp.intermediary),
        "status": opp.status,
        "declared_status": opp.declared_status,
        "accepting_applications": accepting(catalog, opp),
        "pay": {
            "type": opp.pay_type,
            "amount": opp.pay_amount,
            "amount_max": opp.pay_amount_max,
            "unit": opp.pay_unit,
            "amount_published": (opp.pay_amount is not None) if priced else None,
            "on_completion": flag(pay, "on_completion", opp.pay_type == "stipend"),
            "aid": flag(pay, "aid", opp.pay_type == "fee"),
            "paid_by": optional_str(pay.get("paid_by")),
            "funded_by": optional_str(pay.get("funded_by")),
            "note": optional_str(pay.get("note")),
            "steps": [{"year": step.year, "amount": step.amount} for step in opp.pay_steps],
        },
        "eligibility": {
            "grade_min": opp.grade_min,
            "grade_max": opp.grade_max,
            "age_min": opp.age_min,
            "age_max": opp.age_max,
            "status": texts(elig.get("status")),
            "schools": texts(elig.get("schools")),
            "residency": optional_str(elig.get("residency")),
            "populations": [population(catalog, p) for p in texts(elig.get("populations"))],
            "priority": [population(catalog, p) for p in texts(elig.get("priority"))],
            "min_gpa": elig.get("min_gpa"),
            "who": optional_str(elig.get("who")),
            "work_permit": elig.get("work_permit") is True,
            "needs": texts(elig.get("needs")),
            "requirements": texts(elig.get("requirements")),
        },
        "schedule": {
            "season": optional_str(sched.get("season")),
            "start": opp.start and opp.start.isoformat(),
            "end": opp.end and opp.end.isoformat(),
            "hours_per_week": sched.get("hours_per_week"),
            "weeks": sched.get("weeks"),
            "times": optional_str(sched.get("times")),
            "hours_per_week_max": sched.get("hours_per_week_max"),
            "weeks_max": sched.get("weeks_max"),
            "total_hours": sched.get("total_hours"),
            "total_hours_max": sched.get("total_hours_max"),
            "total_hours_at_least": sched.get("total_hours_at_least") is True,
            "days": [WEEKDAYS[d] for d in opp.schedule.days],
            "sessions": sched.get("sessions"),
            "from": optional_str(sched.get("from")),
            "to": optional_str(sched.get("to")),
            "dates": [day.isoformat() for day in opp.schedule.dates],
            "periods": [
                {
                    "season": period.season,
                    "hours_per_week": period.hours_per_week,
                    "hours_per_week_max": period.hours_per_week_max,
                    "days": [WEEKDAYS[d] for d in period.days],
                    "from": period.time_from and period.time_from.strftime("%H:%M"),
                    "to": period.time_to and period.time_to.strftime("%H:%M"),
                    "note": period.note or None,
                    **{lang: {"note": period_note(opp, period, lang)} for lang in ("es", *extra_languages(catalog))},
                }
                for period in opp.schedule.periods
            ],
        },
        "application": {
            "mode": opp.application_mode,
            "how": str(app.get("how", "")),
            "where": optional_str(app.get("where")),
            "url": optional_str(app.get("url")),
            "email": optional_str(app.get("email")),
            "opens": opp.opens and opp.opens.isoformat(),
            "deadline": opp.deadline and opp.deadline.isoformat(),
            "rolling": opp.rolling,
            "documents": texts(app.get("documents")),
            "windows": [{"opens": w.opens.isoformat(), "deadline": w.deadline.isoformat()} for w in opp.windows],
            "expected": optional_str(app.get("expected")),
            "results_by": opp.results_by and opp.results_by.isoformat(),
            "waitlist": opp.waitlist,
        },
        "sites": [
            {
                "name": s.name,
                "address": s.address or None,
                "city": s.city,
                "zip": s.zip or None,
                "area": s.area or None,
                "lat": s.lat,
                "lon": s.lon,
                "mode": s.mode,
                "transit": s.transit or None,
                "outside_region": s.outside_region,
                "state": s.state or None,
                "region": s.region or None,
                "across": list(s.across),
                "across_region": s.region_wide,
            }
            for s in opp.sites
        ],
        "regions": list(regions.listing_regions(catalog, opp)),
        "seats": opp.seats,
        "employer_roles": [
            {
                "way": role.way,
                "amount": role.amount,
                "note": role.note or None,
                **{lang: {"note": role_note(opp, role, lang)} for lang in ("es", *extra_languages(catalog))},
            }
            for role in opp.employer_roles
        ],
        "supports": {
            "mentor": sup.get("mentor") is True,
            "training": optional_str(sup.get("training")),
            "transportation": optional_str(sup.get("transportation")),
            "accommodations": optional_str(sup.get("accommodations")),
            "languages": texts(sup.get("languages")),
        },
        "outcomes": {
            "academic_credit": opp.offers_credit("academic_credit"),
            "college_credit": opp.offers_credit("college_credit"),
            "credential": optional_str(out.get("credential")),
            "skills": texts(out.get("skills")),
            "credits": [{"kind": c.kind, "amount": c.amount, "from": c.source or None} for c in opp.credits],
            "endorsements": [endorsement(catalog, e, opp.endorsement_tier(e)) for e in opp.endorsements],
        },
        "quality": {
            "rubric": opp.rubric,
            "signals": texts(quality.get("signals")),
            "assessment": [
                {"criterion": a.criterion, "level": a.level, "rank": a.rank, "evidence": a.evidence} for a in opp.assessment
            ],
            "evaluation": evaluation(quality.get("evaluation")),
            "coordinator": optional_str(quality.get("coordinator")),
            "handbook": optional_str(quality.get("handbook")),
            "mentor_training": optional_str(quality.get("mentor_training")),
        },
        "contact": contact(raw.get("contact")),
        "last_reviewed": opp.last_reviewed.isoformat(),
        "changed": iso(dates.of(opp)),
        "former_ids": list(opp.former_ids),
        "tracks": [track(catalog, row, site_url, dates) for row in opp.track_facts],
    }


# A track is published with its facts (the listing's, with the track's in their place), in the shapes of the
# listing's own fields: a reader filters tracks as it filters listings, without knowing which facts a track
# takes from its listing and which it replaces whole.
TRACK_FACTS = ("summary", "format", "format_name", "pay", "eligibility", "schedule", "seats")


def track(catalog: Catalog, row: Opportunity, site_url: str, dates: ChangeDates) -> dict[str, Any]:
    """One track of a listing, from its facts (Opportunity.track_facts)."""
    assert row.track is not None
    facts = opportunity(catalog, row, site_url, dates)
    names, summaries = translated(catalog, row.track.raw, "name"), translated(catalog, row.raw, "summary")
    anchor = "#" + row.track.anchor
    return {
        "id": row.track.id,
        "name": row.track.name,
        "url": facts["url"] + anchor,
        "url_es": facts["url_es"] + anchor,
        **{key: facts[key] for key in TRACK_FACTS},
        **{lang: names[lang] | summaries[lang] for lang in names},
    }


def organization(catalog: Catalog, org: Organization, site_url: str, dates: ChangeDates) -> dict[str, Any]:
    raw = org.raw
    return {
        "id": org.id,
        "url": absolute(site_url, f"employers/{org.id}/"),
        "url_es": absolute(site_url, f"employers/{org.id}/", "es"),
        "example": org.example,
        "name": org.name,
        "kind": org.kind,
        "sectors": [sector(catalog, s) for s in org.sectors],
        "summary": str(raw.get("summary", "")),
        "description": str(raw.get("description", "")),
        **translated(catalog, raw, "name", "summary", "description"),
        "website": optional_str(raw.get("website")),
        "locations": [
            {
                **pick(loc, "address", "zip", "area"),
                "name": str(loc.get("name", "")),
                "city": str(loc.get("city", "")),
                "zip": optional_str(loc.get("zip")),
            }
            for loc in raw.get("locations", [])
            if isinstance(loc, Mapping)
        ],
        "contact": contact(raw.get("contact")),
        "employer_of_record": pick(raw.get("employer_of_record"), "own_placements", "for_other_employers", "note"),
        "opportunity_ids": list(org.opportunity_ids),
        "last_reviewed": org.last_reviewed.isoformat(),
        "changed": iso(dates.of(org)),
        "verified": verified(catalog, org),
    }


def verified(catalog: Catalog, org: Organization) -> dict[str, Any] | None:
    """Who verified the organization, when and against which record; null when the pages say "Not yet verified"."""
    verifiers = (item.id for item in catalog.vocabularies.items("verifiers"))
    found = review.standing(org.verification, catalog.today, verifiers)
    if found is None:
        return None
    verifier = catalog.vocabularies.get("verifiers", found.by)
    return {
        "by": found.by,
        "by_name": verifier.name if verifier else found.by,
        "by_name_es": (verifier.name_es or verifier.name) if verifier else found.by,
        "on": found.on.isoformat(),
        "record": found.record,
    }


def pathway(catalog: Catalog, p: Pathway, site_url: str, dates: ChangeDates) -> dict[str, Any]:
    raw = p.raw
    stages = []
    for stage in STAGES:
        summary, steps = p.stages.get(stage, ("", ()))
        stages.append(
            {
                "stage": stage,
                "summary": summary,
                "opportunity_ids": list(p.opportunity_ids.get(stage, ())),
                "steps": [
                    {
                        "kind": s.kind,
                        "name": s.name,
                        "format": s.format,
                        "grade_min": s.grade_min,
                        "grade_max": s.grade_max,
                        "note": s.note or None,
                    }
                    for s in steps
                ],
            }
        )
    occupations = []
    for occ in p.occupations:
        wage = occ.get("wage")
        if not isinstance(wage, Mapping):
            wage = {}
        occupations.append(
            {
                "title": str(occ.get("title", "")),
                "soc": optional_str(occ.get("soc")),
                "wage_amount": wage.get("amount"),
                "wage_unit": optional_str(wage.get("unit")),
                "wage_note": optional_str(wage.get("note")),
            }
        )
    return {
        "id": p.id,
        "url": absolute(site_url, f"pathways/{p.id}/"),
        "url_es": absolute(site_url, f"pathways/{p.id}/", "es"),
        "example": p.example,
        "name": p.name,
        "sector": sector(catalog, p.sector),
        "summary": str(raw.get("summary", "")),
        "description": str(raw.get("description", "")),
        **translated(catalog, raw, "name", "summary", "description"),
        "stages": stages,
        "occupations": occupations,
        "last_reviewed": p.last_reviewed.isoformat(),
        "changed": iso(dates.of(p)),
    }


def catalog_document(catalog: Catalog, site_url: str, dates: ChangeDates) -> dict[str, Any]:
    """catalog.json as one object: catalog_sections with its record lists read."""
    sections = catalog_sections(catalog, site_url, dates)
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in sections.items()}


def catalog_sections(catalog: Catalog, site_url: str, dates: ChangeDates) -> dict[str, Any]:
    """catalog.json's top level, its organizations, opportunities and pathways as iterators that make each record
    when it is read, so that exports/bulk.py writes them one at a time instead of holding the catalog twice."""
    retired = [
        {
            "id": r.id,
            "url": absolute(site_url, f"opportunities/{r.id}/"),
            "url_es": absolute(site_url, f"opportunities/{r.id}/", "es"),
            "title": r.title or None,
            "reason": r.reason,
            "date": r.date and r.date.isoformat(),
            "replaced_by": r.replaced_by,
        }
        for r in sorted(catalog.retired.values(), key=lambda r: r.id)
    ]
    return {
        "$schema": (site_url or "/") + "data/catalog.schema.json",
        "format_version": FORMAT_VERSION,
        "as_of": catalog.today.isoformat(),
        "site_url": site_url or "/",
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "counts": {
            "organizations": len(catalog.organizations),
            "opportunities": len(catalog.opportunities),
            "pathways": len(catalog.pathways),
            "retired": len(retired),
        },
        "organizations": (organization(catalog, o, site_url, dates) for _, o in sorted(catalog.organizations.items())),
        "opportunities": (opportunity(catalog, o, site_url, dates) for _, o in sorted(catalog.opportunities.items())),
        "pathways": (pathway(catalog, p, site_url, dates) for _, p in sorted(catalog.pathways.items())),
        "retired": retired,
        "regions": [
            {
                "id": r.id,
                "name": r.name,
                "name_es": r.name_es,
                "counties": [str(c) for c in r.extra.get("counties", ())],
                "hub": r.extra.get("hub"),
                "hub_name": r.extra.get("hub_name"),
                "hub_url": r.extra.get("hub_url"),
                "zip_ranges": [str(z) for z in r.extra.get("zip_ranges", ())],
            }
            for r in catalog.vocabularies.items("regions")
        ],
    }
