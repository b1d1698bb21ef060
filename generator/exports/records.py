"""catalog.json: every organization, listing, pathway and retired id, normalized (shape: exports_schema)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator import i18n
from generator.exports.dates import ChangeDates, iso
from generator.exports.schema import FORMAT_VERSION
from generator.model import STAGES, Catalog, Opportunity, Organization, Pathway
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


def extra_languages(catalog: Catalog) -> tuple[str, ...]:
    """The site's languages besides English and Spanish: the format has a field of Spanish text in every record
    (`es`), and a field like it for each of these, under the language's code."""
    return tuple(lang for lang in catalog.langs if lang not in (i18n.SOURCE, "es"))


def translated(catalog: Catalog, raw: Mapping[str, Any], *keys: str) -> dict[str, dict[str, Any]]:
    """A record's translations, {language: {key: text or None}}: Spanish always, then the site's other languages."""
    found = raw.get("translations")
    written: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    return {lang: {k: optional_str((written.get(lang) or {}).get(k)) for k in keys} for lang in ("es", *extra_languages(catalog))}


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
    return opp.status == "open" and not (opp.opens and opp.opens > catalog.today)


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
        **translated(catalog, raw, "title", "summary", "description", "how", "who", "transit", *LATER_TEXTS),
        "format": opp.format,
        "format_name": fmt.name if fmt else opp.format,
        "stage": opp.stage,
        "sectors": [sector(catalog, s) for s in opp.sectors],
        "pathways": [named(catalog, "pathway", p) for p in opp.pathways],
        "organization": named(catalog, "organization", opp.org_id),
        "employer_of_record": named(catalog, "organization", opp.employer_of_record),
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
            }
            for s in opp.sites
        ],
        "seats": opp.seats,
        "supports": {
            "mentor": sup.get("mentor") is True,
            "training": optional_str(sup.get("training")),
            "transportation": optional_str(sup.get("transportation")),
            "accommodations": optional_str(sup.get("accommodations")),
            "languages": texts(sup.get("languages")),
        },
        "outcomes": {
            "academic_credit": out.get("academic_credit") is True,
            "college_credit": out.get("college_credit") is True,
            "credential": optional_str(out.get("credential")),
            "skills": texts(out.get("skills")),
        },
        "quality": {
            "rubric": opp.rubric,
            "signals": texts(quality.get("signals")),
            "assessment": [
                {"criterion": a.criterion, "level": a.level, "rank": a.rank, "evidence": a.evidence} for a in opp.assessment
            ],
        },
        "contact": contact(raw.get("contact")),
        "last_reviewed": opp.last_reviewed.isoformat(),
        "changed": iso(dates.of(opp)),
        "former_ids": list(opp.former_ids),
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
        "organizations": [organization(catalog, o, site_url, dates) for _, o in sorted(catalog.organizations.items())],
        "opportunities": [opportunity(catalog, o, site_url, dates) for _, o in sorted(catalog.opportunities.items())],
        "pathways": [pathway(catalog, p, site_url, dates) for _, p in sorted(catalog.pathways.items())],
        "retired": retired,
    }
