"""Every fact a listing or organization file can state reaches people, in the manner of Datasette's
documentation tests: for each property of schemas/opportunity.schema.json and organization.schema.json, the
fact is shown on the record's page in every language (SHOWN), published in catalog.json (EXPORTED), or named in
NOT_SHOWN with the reason. A property added to a schema fails here until someone decides which.

The pages are real: listings that set every property, built from the schemas' own examples with distinctive
values, are checked in a copy of the bundled catalog and rendered by SiteRenderer, and each fact's value (or its
label) must be in the page text.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import AS_OF, ROOT
from test_schemas import walk

from generator import i18n
from generator.check.schemas import SCHEMA_DIR
from generator.exports import records
from generator.exports.dates import ChangeDates
from generator.exports.fields import SPEC
from generator.exports.schema import F, parse
from generator.model import Opportunity, Organization
from generator.model.checked import Checked, check_catalog
from generator.present.view import View
from generator.render.site import SiteRenderer

KINDS = ("opportunity", "organization")
ORG = "harbor-logistics"  # the organization of the schema's examples (former_ids names it too)
SITE = "https://wbl.example.org/"


# -- the facts: one per property that holds a value ------------------------------------------------


def fact_name(where: str) -> str:
    """`opportunity/properties/sites/items/properties/zip` -> `sites[].zip`."""
    name = re.sub(r"^[a-z]+/", "", where)
    name = name.replace("/patternProperties/^[a-z]{2,3}$", ".<lang>").replace("/additionalProperties", ".<criterion>")
    return name.replace("/items", "[]").replace("/properties/", ".").removeprefix("properties/")


def is_container(node: dict[str, Any]) -> bool:
    """Objects and arrays hold facts; their own entries are the facts."""
    return any(isinstance(node.get(k), dict) for k in ("properties", "patternProperties", "additionalProperties")) or (
        node.get("type") == "array"
    )


def facts(kind: str) -> list[str]:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return [fact_name(where) for where, node in walk(schema, kind) if not is_container(node)]


# -- the records: every property set, from the schema's examples ----------------------------------


def from_examples(node: dict[str, Any]) -> Any:
    if "properties" in node:
        return {key: from_examples(child) for key, child in node["properties"].items()}
    return copy.deepcopy(node["examples"][0])


def schema_example(kind: str) -> dict[str, Any]:
    data: dict[str, Any] = from_examples(json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")))
    return data


def merged(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """base with changes applied section by section; None removes a key."""
    out = copy.deepcopy(base)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


# Values the examples leave ambiguous on a page (a number that is also a grade, a flag shown either way, the
# listing's own organization as payer) are made distinctive; everything else is the schema's example.
DISTINCT: dict[str, Any] = {
    "example": True,
    # A listing with tracks tells its grades, ages and pay by track: only the "tracks" variant has them.
    "tracks": None,
    "employer_of_record": "crossroads-youth-staffing",
    "pay": {
        "paid_by": "southbay-chamber-youth-network",
        "amount_published": None,
        "on_completion": None,
        "aid": None,
        "steps": None,
    },
    "eligibility": {"priority": ["low-income"], "min_gpa": 2.5},
    # Listed days and hours by part of the year replace the dates and the season: each has a listing of its own.
    "schedule": {"hours_per_week": 31, "season": "winter", "dates": None, "periods": None, "total_hours_at_least": None},
    "application": {"rolling": None, "windows": None, "expected": None},
    "sites": [
        {
            "name": "Main clinic",
            "address": "4321 Completeness Way",
            "city": "Downey",
            "zip": "90242",
            "area": "southeast-la",
            "lat": 33.9401,
            "lon": -118.1332,
            "mode": "hybrid",
            "transit": "Metro C Line to Lakewood station, then bus 266.",
        }
    ],
    "seats": 37,
    "outcomes": {
        "academic_credit": True,
        "endorsements": ["work-readiness-certification", {"id": "act-workkeys-ncrc", "tier": "silver"}],
    },
    "quality": {"assessment": {"partnerships": {"level": "developing", "evidence": "Two schools refer students."}}},
    "translations": {
        "es": {
            "title": "Pasantía de verano",
            "summary": "Una pasantía pagada de verano en un departamento de clínica.",
            "description": "Cada pasante trabaja en un departamento.\n\n- Sesiones semanales",
            "how": "Presenta tu solicitud en línea con tus tres intereses principales.",
            "who": "Estudiantes de preparatorias de Long Beach Unified.",
            "transit": "Línea C de Metro hasta la estación Lakewood, y luego el autobús 266.",
            "evaluation": {"criteria": ["Manejo del tiempo", "Asistencia"], "when": "Al principio y al final del verano"},
            "coordinator": "Un coordinador del sitio se reúne con cada pasante cada semana",
            "mentor_training": "Los supervisores toman un taller de mentoría de dos horas",
            "expected": None,
        }
    },
}

# Facts that cannot share one listing (a stipend's on_completion, a fee's aid, an amount not published, a season
# beside dates, a rolling deadline beside a date, an email beside an application page) get one listing each.
VARIANTS: dict[str, dict[str, Any]] = {
    "full": {},
    "tracks": {"tracks": schema_example("opportunity")["tracks"]},
    # A track with hours by part of the year, its note translated in the track's own translations.
    "track-periods": {
        "tracks": [
            {
                **schema_example("opportunity")["tracks"][0],
                "schedule": {
                    "periods": [
                        {"season": "school-year", "hours_per_week": 6},
                        {"season": "summer", "hours_per_week": 25, "note": "Mornings only."},
                    ]
                },
                "translations": {
                    "es": {
                        **schema_example("opportunity")["tracks"][0]["translations"]["es"],
                        "periods": {"summer": "Solo por las mañanas."},
                    }
                },
            },
            *schema_example("opportunity")["tracks"][1:],
        ]
    },
    "stipend": {"pay": {"type": "stipend", "amount": 640, "amount_max": None, "unit": "total", "on_completion": True}},
    "fee": {"pay": {"type": "fee", "amount": 275, "amount_max": None, "unit": "total", "aid": True, "funded_by": None}},
    "unpublished": {"pay": {"amount": None, "amount_max": None, "unit": None, "amount_published": False}},
    "season": {"schedule": {"start": None, "end": None}},
    # Listed days, without start and end (the first and last day are those).
    "dates": {"schedule": {"start": None, "end": None, "dates": ["2027-06-26", "2027-07-10", "2027-07-24"]}},
    "periods": {
        "schedule": {
            "periods": [
                {
                    "season": "school-year",
                    "hours_per_week": 8,
                    "hours_per_week_max": 10,
                    "days": ["tue", "thu"],
                    "from": "15:30",
                    "to": "18:00",
                },
                {"season": "summer", "hours_per_week": 30, "note": "Full days on weekdays in July."},
            ]
        },
        "translations": {"es": {"periods": {"summer": "Días completos entre semana en julio."}}},
    },
    # A minimum of hours in all has no top.
    "hours-at-least": {"schedule": {"total_hours_max": None, "total_hours_at_least": True}},
    "rolling": {"application": {"deadline": None, "rolling": True}},
    "email": {"application": {"url": None, "opens": None}},
    "paper": {"application": {"mode": "paper"}},
    # Dates not announced yet: when applications usually open, instead of any date.
    "expected": {
        "application": {"opens": None, "deadline": None, "expected": "Applications usually open in March."},
        "translations": {"es": {"expected": "Las solicitudes suelen abrir en marzo."}},
    },
    "outside": {
        "sites": [
            {
                "name": "Capitol office",
                "city": "Albany",
                "zip": "12224",
                "state": "NY",
                "outside_region": True,
                "mode": "in-person",
            }
        ]
    },
    # Worksites spread across areas, with no single address.
    "across": {"sites": [{"name": "Worksites across the county", "across": ["south-la", "east-la"], "mode": "in-person"}]},
    "steps": {"pay": {"amount": None, "amount_max": None, "steps": [{"year": 1, "amount": 18.25}, {"year": 2, "amount": 19.75}]}},
    # The employer of record is whichever enrolls the student: an organization of the catalog, or another provider.
    "eor-varies": {
        "employer_of_record": ["crossroads-youth-staffing", "provider"],
        "employer_of_record_note": "You are placed with the youth-services provider nearest your home.",
        "translations": {
            "es": {"employer_of_record_note": "Te asignan al proveedor de servicios juveniles más cercano a tu casa."}
        },
    },
    "windows": {
        "application": {
            "results_by": None,
            "opens": None,
            "deadline": None,
            "windows": [{"opens": "2027-01-11", "deadline": "2027-03-01"}, {"opens": "2027-06-01", "deadline": "2027-07-15"}],
        }
    },
    "roles": {
        "employer_roles": [
            {"way": "hire", "note": "Hire one or more interns onto your own payroll."},
            {"way": "host", "note": "The program pays the wage; you supervise the intern."},
            {"way": "sponsor", "amount": 4500, "note": "Funds one placement for the summer."},
            {"way": "mentor", "note": "One hour a week with a student."},
            {"way": "speak", "note": "A 30-minute talk at the summer workshop."},
        ],
        "translations": {
            "es": {
                "employer_roles": {
                    "hire": "Contrate a uno o más pasantes en su propia nómina.",
                    "host": "El programa paga el salario; usted supervisa al pasante.",
                    "sponsor": "Financia un puesto durante el verano.",
                    "mentor": "Una hora por semana con un estudiante.",
                    "speak": "Una charla de 30 minutos en el taller de verano.",
                }
            }
        },
    },
}

ORG_DISTINCT: dict[str, Any] = {
    "example": True,
    "employer_of_record": {"for_other_employers": True},
    "locations": [{"name": "Completeness yard", "city": "Long Beach", "zip": "90802", "area": "south-bay-harbor"}],
    "translations": {
        "es": {
            "name": "Cooperativa de Logística del Puerto",
            "summary": "Una cooperativa de logística.",
            "description": "Movemos mercancías por el puerto.",
        }
    },
}


def listing(variant: str) -> dict[str, Any]:
    # An earlier id belongs to one listing only.
    former = {"former_ids": [f"{ORG}/old-{variant}"]}
    return merged(merged(merged(schema_example("opportunity"), DISTINCT), VARIANTS[variant]), former)


# -- what a page says --------------------------------------------------------------------------


class _Text(HTMLParser):
    """A page's text, and the addresses it links or shows (href, src): where a URL fact appears."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.addresses.extend(value for name, value in attrs if name in ("href", "src") and value)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split()) + "\n" + "\n".join(parser.addresses)


@dataclass
class Ctx:
    """One rendered page and what a needle needs to name a value as that page would."""

    v: View
    data: dict[str, Any]
    record: Any
    text: str

    def own(self, key: str, section: str | None = None) -> str:
        """A text field in the page's language: its translation, else the English."""
        translated = self.data.get("translations", {}).get(self.v.lang, {}).get(key)
        if translated:
            return str(translated)
        return str((self.data[section] if section else self.data)[key])

    def label(self, key: str) -> str:
        """An interface message, or text no page contains while the catalogs do not have it yet."""
        return self.v.t(key) if key in i18n.messages(self.v.lang).texts else f"(no message {key})"

    def plain(self, html: str) -> str:
        return page_text(str(html)).split("\n")[0]


Needle = Callable[[Ctx], "str | list[str]"]


def evaluation(c: Ctx) -> dict[str, Any]:
    """quality.evaluation as the page's language writes it: its translation, else the English."""
    translated = c.data["translations"].get(c.v.lang, {}).get("evaluation")
    return dict(translated or c.data["quality"]["evaluation"])


def first_line(markdown: str) -> str:
    return markdown.split("\n")[0].lstrip("- ")


def pay_steps(c: Ctx) -> list[str]:
    """Each step after the first as the page says it (the first also names the unit)."""
    return [c.v.t("wage_steps_year", year=s["year"], amount=c.v.money(s["amount"])) for s in c.data["pay"]["steps"][1:]]


def windows(c: Ctx) -> list[str]:
    """Each window as the page's text has it (its spaces, thin ones included, collapsed)."""
    return [
        " ".join(i18n.date_range(dt.date.fromisoformat(w["opens"]), dt.date.fromisoformat(w["deadline"]), c.v.lang).split())
        for w in c.data["application"]["windows"]
    ]


def role_notes(c: Ctx) -> list[str]:
    """Each employer role's note in the page's language, else in English."""
    translated = c.data.get("translations", {}).get(c.v.lang, {}).get("employer_roles", {})
    return [translated.get(r["way"], r["note"]) for r in c.data["employer_roles"]]


def endorsement_tier(c: Ctx) -> str:
    """The tiered endorsement's badge, "Name — Tier", in the page's language."""
    item = c.v.catalog.vocabularies.get("endorsements", "act-workkeys-ncrc")
    assert item is not None
    tier = next(t for t in item.extra["tiers"] if t["id"] == "silver")
    return c.v.t("outcomes_endorsement_tier", name=item.label(c.v.lang), tier=tier.get(f"name_{c.v.lang}") or tier["name"])


def level_name(c: Ctx) -> str:
    level = c.v.catalog.rubrics[c.data["quality"]["rubric"]].level(c.record.assessment[0].level)
    return str(c.v.pick(level.name, level.names))


def hours_a_week(c: Ctx) -> str:
    return c.v.t("hours_week", n=c.v.span(c.record.schedule.hours_per_week, c.record.schedule.hours_per_week_max))


def hours_in_all(c: Ctx) -> str:
    return c.v.t("listing_time_total_hours", n=c.v.span(c.record.schedule.total_hours, c.record.schedule.total_hours_max))


def period_facts(c: Ctx) -> list[str]:
    """Each schedule period's line as the page says it, up to its note (Babel's spaces as plain ones)."""
    return [" ".join(str(c.plain(line)).split(" · ")[0].split()) for line in c.v.period_lines(c.record)]


def period_notes(c: Ctx) -> list[str]:
    """Each period's note in the page's language, else in English."""
    translated = c.data.get("translations", {}).get(c.v.lang, {}).get("periods", {})
    return [translated.get(p["season"], p["note"]) for p in c.data["schedule"]["periods"] if p.get("note")]


def times_of_day(c: Ctx) -> str:
    """From and to as one range, as the page says it (Babel's spaces as the page text's plain ones)."""
    return " ".join(i18n.time_range(c.record.schedule.time_from, c.record.schedule.time_to, c.v.lang).split())


MODE_LABEL = {"lottery": "listing_lottery_note", "central": "listing_central_note", "class-registration": "listing_class_note"}

# fact -> (listing variant, what its page must contain in every language)
SHOWN: dict[str, tuple[str, Needle]] = {
    "example": ("full", lambda c: c.v.t("example_banner")),
    "title": ("full", lambda c: c.own("title")),
    "summary": ("full", lambda c: c.own("summary")),
    "description": ("full", lambda c: first_line(c.own("description"))),
    "intermediary": ("full", lambda c: c.plain(c.v.org_name(c.data["intermediary"]))),
    "employer_of_record": ("full", lambda c: c.plain(c.v.org_name(c.data["employer_of_record"]))),
    "employer_of_record[]": ("eor-varies", lambda c: [c.plain(line) for line in c.v.employer_of_record(c.record)]),
    "employer_of_record_note": ("eor-varies", lambda c: c.own("employer_of_record_note")),
    "translations.<lang>.employer_of_record_note": ("eor-varies", lambda c: c.own("employer_of_record_note")),
    "application.results_by": ("full", lambda c: c.v.t("listing_results_lottery", date=c.v.date(c.record.results_by))),
    "application.waitlist": ("full", lambda c: c.label("listing_waitlist")),
    "format": ("full", lambda c: c.v.vocab("formats", c.data["format"])),
    "stage": ("full", lambda c: c.v.stage_name(c.data["stage"])),
    "pathways[]": ("full", lambda c: [c.v.plain(c.v.catalog.pathways[p].text("name", c.v.lang)) for p in c.data["pathways"]]),
    "sectors[]": ("full", lambda c: [c.v.sector_name(s) for s in c.record.sectors]),
    "pay.type": ("full", lambda c: c.v.t(c.data["pay"]["type"])),
    "pay.amount": ("full", lambda c: c.v.money(c.data["pay"]["amount"])),
    "pay.amount_max": ("full", lambda c: c.v.money(c.data["pay"]["amount_max"])),
    "pay.unit": ("full", lambda c: c.v.t("per_" + c.data["pay"]["unit"])),
    "pay.amount_published": ("unpublished", lambda c: c.v.t("amount_not_published")),
    "pay.on_completion": ("stipend", lambda c: c.label("listing_pay_on_completion")),
    "pay.paid_by": ("full", lambda c: c.plain(c.v.org_name(c.data["pay"]["paid_by"]))),
    "pay.funded_by": ("full", lambda c: c.own("funded_by", "pay")),
    "pay.note": ("full", lambda c: c.own("note", "pay")),
    "pay.aid": ("fee", lambda c: c.label("listing_pay_aid")),
    "pay.steps[].year": ("steps", pay_steps),
    "pay.steps[].amount": ("steps", pay_steps),
    "application.windows[].opens": ("windows", windows),
    "application.windows[].deadline": ("windows", windows),
    "employer_roles[].way": ("roles", lambda c: [c.label("employer_roles_way_" + r["way"]) for r in c.data["employer_roles"]]),
    "employer_roles[].amount": ("roles", lambda c: c.v.t("employer_roles_amount", amount=c.v.money(4500))),
    "employer_roles[].note": ("roles", role_notes),
    "eligibility.grades": ("full", lambda c: c.v.grades(c.record)),
    "eligibility.age.min": ("full", lambda c: c.v.ages(c.record)),
    "eligibility.age.max": ("full", lambda c: c.v.ages(c.record)),
    "eligibility.status[]": (
        "full",
        lambda c: [c.label("listing_school_" + s.replace("-", "_")) for s in c.data["eligibility"]["status"]],
    ),
    "eligibility.schools[]": ("full", lambda c: c.data["eligibility"]["schools"]),
    "eligibility.residency": ("full", lambda c: c.own("residency", "eligibility")),
    "eligibility.populations[]": ("full", lambda c: [c.v.vocab("populations", p) for p in c.data["eligibility"]["populations"]]),
    "eligibility.priority[]": ("full", lambda c: [c.v.vocab("populations", p) for p in c.data["eligibility"]["priority"]]),
    "eligibility.min_gpa": ("full", lambda c: c.v.number(c.data["eligibility"]["min_gpa"])),
    "eligibility.who": ("full", lambda c: c.own("who", "eligibility")),
    "eligibility.work_permit": ("full", lambda c: c.v.t("work_permit")),
    "eligibility.needs[]": (
        "full",
        lambda c: [c.label("listing_need_" + n.replace("-", "_")) for n in c.data["eligibility"]["needs"]],
    ),
    "eligibility.requirements[]": ("full", lambda c: c.data["eligibility"]["requirements"]),
    "schedule.season": ("season", lambda c: c.v.vocab("seasons", c.data["schedule"]["season"])),
    "schedule.start": ("full", lambda c: c.v.date(c.record.start, "medium")),
    "schedule.end": ("full", lambda c: c.v.date(c.record.end, "medium")),
    "schedule.hours_per_week": ("full", lambda c: hours_a_week(c)),
    "schedule.hours_per_week_max": ("full", lambda c: hours_a_week(c)),
    "schedule.weeks": ("full", lambda c: c.v.t("weeks", n=c.v.span(c.record.schedule.weeks, c.record.schedule.weeks_max))),
    "schedule.weeks_max": ("full", lambda c: c.v.t("weeks", n=c.v.span(c.record.schedule.weeks, c.record.schedule.weeks_max))),
    "schedule.total_hours": ("full", lambda c: hours_in_all(c)),
    "schedule.total_hours_max": ("full", lambda c: hours_in_all(c)),
    "schedule.total_hours_at_least": (
        "hours-at-least",
        lambda c: c.v.t("listing_time_total_hours_at_least", n=c.v.span(c.record.schedule.total_hours, None)),
    ),
    "schedule.days[]": ("full", lambda c: c.v.t("listing_time_every", days=i18n.weekdays(c.record.schedule.days, c.v.lang))),
    "schedule.sessions": ("full", lambda c: c.v.t("listing_time_sessions", n=c.v.number(c.data["schedule"]["sessions"]))),
    "schedule.from": ("full", lambda c: times_of_day(c)),
    "schedule.to": ("full", lambda c: times_of_day(c)),
    "schedule.times": ("full", lambda c: c.own("times", "schedule")),
    "schedule.dates[]": ("dates", lambda c: " ".join(i18n.day_list(c.record.schedule.dates, c.v.lang).split())),
    "schedule.periods[].season": ("periods", lambda c: [c.v.vocab("seasons", p.season) for p in c.record.schedule.periods]),
    "schedule.periods[].hours_per_week": ("periods", period_facts),
    "schedule.periods[].hours_per_week_max": ("periods", lambda c: c.v.t("hours_week", n="8–10")),
    "schedule.periods[].days[]": ("periods", lambda c: i18n.weekdays((1, 3), c.v.lang, "abbreviated")),
    "schedule.periods[].from": ("periods", lambda c: " ".join(i18n.time_range(dt.time(15, 30), dt.time(18), c.v.lang).split())),
    "schedule.periods[].to": ("periods", lambda c: " ".join(i18n.time_range(dt.time(15, 30), dt.time(18), c.v.lang).split())),
    "schedule.periods[].note": ("periods", period_notes),
    "translations.<lang>.periods.<criterion>": ("periods", period_notes),
    "application.mode": ("full", lambda c: c.label(MODE_LABEL[c.data["application"]["mode"]])),
    "application.how": ("full", lambda c: c.own("how", "application")),
    "application.url": ("full", lambda c: c.data["application"]["url"]),
    "application.email": ("email", lambda c: c.data["application"]["email"]),
    "application.where": ("paper", lambda c: c.own("where", "application")),
    "application.expected": ("expected", lambda c: c.own("expected", "application")),
    "application.opens": ("full", lambda c: c.v.date(c.record.opens)),
    "application.deadline": ("full", lambda c: c.v.date(c.record.deadline)),
    "application.rolling": ("rolling", lambda c: c.v.t("rolling")),
    "application.documents[]": ("full", lambda c: c.data["application"]["documents"]),
    "sites[].name": ("full", lambda c: c.data["sites"][0]["name"]),
    "sites[].address": ("full", lambda c: c.data["sites"][0]["address"]),
    "sites[].city": ("full", lambda c: c.data["sites"][0]["city"]),
    "sites[].zip": ("full", lambda c: c.data["sites"][0]["zip"]),
    "sites[].lat": ("full", lambda c: f"mlat={c.data['sites'][0]['lat']}"),
    "sites[].lon": ("full", lambda c: f"mlon={c.data['sites'][0]['lon']}"),
    "sites[].mode": ("full", lambda c: c.v.t(c.data["sites"][0]["mode"])),
    "sites[].outside_region": ("outside", lambda c: c.v.outside_region()),
    "sites[].state": ("outside", lambda c: f"{c.data['sites'][0]['city']}, {c.data['sites'][0]['state']}"),
    "sites[].across": ("across", lambda c: c.v.across(c.record.sites[0])),
    "sites[].across[]": ("across", lambda c: c.v.across(c.record.sites[0])),
    "sites[].transit": (
        "full",
        lambda c: c.own("transit") if "transit" in c.data["translations"].get(c.v.lang, {}) else c.data["sites"][0]["transit"],
    ),
    "seats": ("full", lambda c: f"{c.v.t('seats')}: {c.v.number(c.data['seats'])}"),
    "supports.mentor": ("full", lambda c: c.v.t("mentor")),
    "supports.training": ("full", lambda c: c.data["supports"]["training"]),
    "supports.transportation": ("full", lambda c: c.data["supports"]["transportation"]),
    "supports.accommodations": ("full", lambda c: c.data["supports"]["accommodations"]),
    "supports.languages[]": ("full", lambda c: [c.v.vocab("languages", lang) for lang in c.data["supports"]["languages"]]),
    "outcomes.academic_credit": ("full", lambda c: f"{c.v.t('academic_credit')}: ✓"),
    "outcomes.college_credit": ("full", lambda c: f"{c.v.t('college_credit')}: ✓"),
    "outcomes.credential": ("full", lambda c: c.data["outcomes"]["credential"]),
    "outcomes.skills[]": ("full", lambda c: c.data["outcomes"]["skills"]),
    "quality.rubric": ("full", lambda c: c.v.plain(c.v.catalog.rubrics[c.data["quality"]["rubric"]].text("name", c.v.lang))),
    "quality.assessment.<criterion>.level": ("full", lambda c: c.plain(level_name(c))),
    "quality.assessment.<criterion>.evidence": ("full", lambda c: c.record.assessment[0].evidence),
    "quality.signals[]": ("full", lambda c: [c.v.vocab("signals", s) for s in c.data["quality"]["signals"]]),
    "outcomes.credits[].kind": ("full", lambda c: [c.plain(line) for line in c.v.credits(c.record)]),
    "outcomes.credits[].amount": ("full", lambda c: c.v.number(c.data["outcomes"]["credits"][0]["amount"])),
    "outcomes.credits[].from": ("full", lambda c: c.data["outcomes"]["credits"][0]["from"]),
    "outcomes.endorsements[]": (
        "full",
        lambda c: [c.plain(line).split(" — ")[0] for line in c.v.endorsements(c.record)] + [endorsement_tier(c)],
    ),
    "quality.evaluation.criteria[]": ("full", lambda c: [x.value for x in c.record.evaluation_criteria(c.v.lang)]),
    "quality.evaluation.when": ("full", lambda c: c.plain(c.v.text(c.record.evidence_text("when", c.v.lang)))),
    "quality.coordinator": ("full", lambda c: c.plain(c.v.text(c.record.evidence_text("coordinator", c.v.lang)))),
    "quality.handbook": ("full", lambda c: c.data["quality"]["handbook"]),
    "quality.mentor_training": ("full", lambda c: c.plain(c.v.text(c.record.evidence_text("mentor_training", c.v.lang)))),
    "translations.<lang>.evaluation.criteria[]": ("full", lambda c: evaluation(c)["criteria"]),
    "translations.<lang>.evaluation.when": ("full", lambda c: evaluation(c)["when"]),
    "translations.<lang>.coordinator": ("full", lambda c: c.own("coordinator", "quality")),
    "translations.<lang>.mentor_training": ("full", lambda c: c.own("mentor_training", "quality")),
    "contact": ("full", lambda c: [c.data["contact"]["role"], c.data["contact"]["email"]]),
    "translations.<lang>.title": ("full", lambda c: c.own("title")),
    "translations.<lang>.summary": ("full", lambda c: c.own("summary")),
    "translations.<lang>.description": ("full", lambda c: first_line(c.own("description"))),
    "translations.<lang>.how": ("full", lambda c: c.own("how", "application")),
    "translations.<lang>.who": ("full", lambda c: c.own("who", "eligibility")),
    "translations.<lang>.times": ("full", lambda c: c.own("times", "schedule")),
    "translations.<lang>.funded_by": ("full", lambda c: c.own("funded_by", "pay")),
    "translations.<lang>.note": ("full", lambda c: c.own("note", "pay")),
    "translations.<lang>.residency": ("full", lambda c: c.own("residency", "eligibility")),
    "translations.<lang>.where": ("paper", lambda c: c.own("where", "application")),
    "translations.<lang>.expected": ("expected", lambda c: c.own("expected", "application")),
    "translations.<lang>.training": ("full", lambda c: c.own("training", "supports")),
    "translations.<lang>.transportation": ("full", lambda c: c.own("transportation", "supports")),
    "translations.<lang>.accommodations": ("full", lambda c: c.own("accommodations", "supports")),
    **{
        f"translations.<lang>.employer_roles.{way}": ("roles", role_notes)
        for way in ("hire", "host", "sponsor", "mentor", "speak")
    },
    "translations.<lang>.transit": (
        "full",
        lambda c: c.own("transit") if c.v.lang != i18n.SOURCE else c.data["sites"][0]["transit"],
    ),
    "status": ("full", lambda c: c.v.status(c.record)),
    "last_reviewed": ("full", lambda c: c.v.date(c.record.last_reviewed)),
    # Each track's section shows its own facts, worded as the listing's are (View helpers on its facts).
    "tracks[].id": ("tracks", lambda c: [f"#track-{t.id}" for t in c.record.tracks]),
    "tracks[].name": ("tracks", lambda c: [c.v.plain(t.text("name", c.v.lang)) for t in c.record.tracks]),
    "tracks[].summary": ("tracks", lambda c: c.v.plain(c.record.track_facts[0].text("summary", c.v.lang))),
    "tracks[].format": ("tracks", lambda c: [c.v.vocab("formats", row.format) for row in c.record.track_facts]),
    "tracks[].eligibility": ("tracks", lambda c: [c.v.ages(row) for row in c.record.track_facts]),
    "tracks[].pay": ("tracks", lambda c: [c.v.pay(row) for row in c.record.track_facts]),
    "tracks[].schedule": (
        "tracks",
        lambda c: [c.plain(line) for row in c.record.track_facts for line in c.v.when_lines(row)],
    ),
    "tracks[].seats": ("tracks", lambda c: c.v.number(c.record.track_facts[0].seats)),
    "tracks[].translations.<lang>.name": ("tracks", lambda c: [c.v.plain(t.text("name", c.v.lang)) for t in c.record.tracks]),
    "tracks[].translations.<lang>.summary": ("tracks", lambda c: c.v.plain(c.record.track_facts[0].text("summary", c.v.lang))),
    "tracks[].translations.<lang>.who": (
        "tracks",
        lambda c: c.v.plain(c.record.track_facts[0].text_in("eligibility", "who", c.v.lang)),
    ),
    "tracks[].translations.<lang>.residency": (
        "tracks",
        lambda c: c.v.plain(c.record.track_facts[0].text_in("eligibility", "residency", c.v.lang)),
    ),
    "tracks[].translations.<lang>.times": (
        "tracks",
        lambda c: c.v.plain(c.record.track_facts[0].text_in("schedule", "times", c.v.lang)),
    ),
    "tracks[].translations.<lang>.periods.<criterion>": (
        "track-periods",
        lambda c: [
            c.v.plain(row.period_note(p, c.v.lang)) for row in c.record.track_facts[:1] for p in row.schedule.periods if p.note
        ],
    ),
    "tracks[].translations.<lang>.funded_by": (
        "tracks",
        lambda c: c.v.plain(c.record.track_facts[0].text_in("pay", "funded_by", c.v.lang)),
    ),
    "tracks[].translations.<lang>.note": (
        "tracks",
        lambda c: c.v.plain(c.record.track_facts[0].text_in("pay", "note", c.v.lang)),
    ),
}

ORG_SHOWN: dict[str, Needle] = {
    "example": lambda c: c.v.t("example_banner"),
    "name": lambda c: c.own("name"),
    "kind": lambda c: c.v.t("kind_" + c.data["kind"]),
    "sectors[]": lambda c: [c.v.sector_name(s) for s in c.record.sectors],
    "summary": lambda c: c.own("summary"),
    "description": lambda c: first_line(c.own("description")),
    "website": lambda c: c.data["website"],
    "logo": lambda c: c.v.logo(ORG) or "(no logo)",
    "locations[]": lambda c: [c.data["locations"][0]["name"], c.data["locations"][0]["city"]],
    "contact": lambda c: [c.data["contact"]["role"], c.data["contact"]["email"]],
    "employer_of_record.own_placements": lambda c: c.v.t("eor_own"),
    "employer_of_record.for_other_employers": lambda c: c.v.t("eor_others"),
    "employer_of_record.note": lambda c: c.data["employer_of_record"]["note"],
    "translations.<lang>.name": lambda c: c.own("name"),
    "translations.<lang>.summary": lambda c: c.own("summary"),
    "translations.<lang>.description": lambda c: first_line(c.own("description")),
    "last_reviewed": lambda c: c.v.date(c.record.last_reviewed),
    # "Verified by <verifier> on <date>", linked to the record (exported below).
    "verified.by": lambda c: c.v.vocab("verifiers", c.data["verified"]["by"]),
    "verified.on": lambda c: c.v.date(c.record.verification.on),
}

# Facts on pages are not on them yet: each is asserted to be missing, so that this set shrinks (and the
# test fails, asking for the entry to go) when a page starts to show it.
EXPECTED_MISSING: set[tuple[str, str]] = set()

# fact -> the catalog.json field that publishes it (a path in generator/exports/fields.py SPEC).
EXPORTED: dict[tuple[str, str], str] = {
    # The browse page filters by area and the exports carry it; a listing's page names the city instead.
    ("opportunity", "sites[].area"): "sites[].area",
    # Earlier ids are addresses that redirect to the page; a reader of the page has no use for them.
    ("opportunity", "former_ids[]"): "former_ids[]",
    # The page links "Verified by ..." to the record rather than printing its address.
    ("organization", "verified.record"): "verified.record",
}

# fact -> why it is neither on a page nor in catalog.json.
NOT_SHOWN: dict[tuple[str, str], str] = {}


# -- the catalog the pages are rendered from ----------------------------------------------------


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    root = tmp_path_factory.mktemp("completeness") / "catalog"
    shutil.copytree(ROOT / "catalog", root)
    folder = root / "employers" / ORG
    folder.mkdir()
    shutil.copy(ROOT / "catalog" / "employers" / "pinecrest-valley-water-agency" / "logo.svg", folder / "logo.svg")
    org = merged(schema_example("organization"), ORG_DISTINCT)
    (folder / "organization.yml").write_text(yaml.safe_dump(org, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for variant in VARIANTS:
        text = yaml.safe_dump(listing(variant), allow_unicode=True, sort_keys=False)
        (folder / f"every-fact-{variant}.yml").write_text(text, encoding="utf-8")
    result = check_catalog(root, as_of=AS_OF)
    errors = [p for p in result.problems if p.severity == "error" and ORG in p.path]
    assert errors == [] and result.ok, [f"{p.path}: {p.message}" for p in result.problems if p.severity == "error"]
    return result


@pytest.fixture(scope="module")
def pages(checked: Checked) -> dict[tuple[str, str, str], Ctx]:
    """(kind, variant or organization id, language) -> the rendered page."""
    catalog = checked.catalog
    renderer = SiteRenderer(catalog, SITE)
    out: dict[tuple[str, str, str], Ctx] = {}
    for lang in catalog.langs:
        for variant in VARIANTS:
            opp: Opportunity = catalog.opportunities[f"{ORG}/every-fact-{variant}"]
            page = renderer.opportunity(opp, lang)
            out["opportunity", variant, lang] = Ctx(
                View(catalog, lang, opp.url, SITE), listing(variant), opp, page_text(page.body)
            )
        org: Organization = catalog.organizations[ORG]
        page = renderer.organization(org, lang)
        data = merged(schema_example("organization"), ORG_DISTINCT)
        out["organization", ORG, lang] = Ctx(View(catalog, lang, f"employers/{ORG}/", SITE), data, org, page_text(page.body))
    return out


def all_facts() -> Iterator[tuple[str, str]]:
    for kind in KINDS:
        for fact in facts(kind):
            yield kind, fact


def shown(kind: str) -> dict[str, Any]:
    return SHOWN if kind == "opportunity" else ORG_SHOWN


def cases(pairs: Any) -> list[Any]:
    return [pytest.param(kind, fact, id=f"{kind}:{fact}") for kind, fact in sorted(pairs)]


def needles(ctx: Ctx, needle: Needle) -> list[str]:
    found = needle(ctx)
    return [str(n) for n in (found if isinstance(found, list) else [found])]


# -- the tests -------------------------------------------------------------------------------------


def test_the_walk_finds_the_new_facts() -> None:
    found = set(all_facts())
    assert ("opportunity", "pay.funded_by") in found
    assert ("opportunity", "eligibility.needs[]") in found
    assert ("opportunity", "sites[].zip") in found
    assert ("opportunity", "translations.<lang>.how") in found
    assert ("organization", "employer_of_record.note") in found


@pytest.mark.parametrize(("kind", "fact"), cases(all_facts()))
def test_every_fact_is_shown_exported_or_explained(kind: str, fact: str) -> None:
    places = [fact in shown(kind), (kind, fact) in EXPORTED, (kind, fact) in NOT_SHOWN]
    assert sum(places) == 1, f"{kind} `{fact}`: show it on the page (SHOWN), publish it (EXPORTED) or say why not (NOT_SHOWN)"


def test_no_entry_names_a_fact_the_schemas_lack() -> None:
    known = set(all_facts())
    listed = {(k, f) for k in KINDS for f in shown(k)} | set(EXPORTED) | set(NOT_SHOWN) | EXPECTED_MISSING
    assert listed - known == set()
    assert {fact for kind, fact in EXPECTED_MISSING if fact not in shown(kind)} == set()


@pytest.mark.parametrize(("kind", "fact"), cases((k, f) for k in KINDS for f in shown(k)))
def test_the_fact_is_on_the_page_in_every_language(kind: str, fact: str, pages: dict[tuple[str, str, str], Ctx]) -> None:
    variant, needle = SHOWN[fact] if kind == "opportunity" else (ORG, ORG_SHOWN[fact])
    absent = [
        (lang, text)
        for (k, name, lang), ctx in pages.items()
        if k == kind and name == variant
        for text in needles(ctx, needle)
        if not text or text not in ctx.text
    ]
    if (kind, fact) in EXPECTED_MISSING:
        assert absent, f"{kind} `{fact}` is now on its page in every language: remove it from EXPECTED_MISSING"
    else:
        assert absent == [], f"{kind} `{fact}` is not on its page: {absent}"


def _spec_paths(field: F, prefix: str = "") -> Iterator[str]:
    for child in field.fields:
        yield prefix + child.name
        yield from _spec_paths(child, prefix + child.name + ".")
    if field.items is not None:
        yield from _spec_paths(field.items, prefix.removesuffix(".") + "[].")


def _value(record: Any, path: str) -> Any:
    for part in path.split("."):
        if part.endswith("[]"):
            record = record[part[:-2]][0]
        else:
            record = record[part]
    return record


@pytest.mark.parametrize(("kind", "fact"), cases(EXPORTED))
def test_the_fact_is_published_in_catalog_json(kind: str, fact: str, checked: Checked) -> None:
    field = EXPORTED[kind, fact]
    spec = parse(SPEC)[kind]
    documented = {p.replace(".[]", "[]") for p in _spec_paths(spec)}
    assert field.removesuffix("[]") in {p.removesuffix("[]") for p in documented}, f"`{field}` is not in SPEC"
    catalog = checked.catalog
    dates = ChangeDates(catalog)
    if kind == "opportunity":
        exported = records.opportunity(catalog, catalog.opportunities[f"{ORG}/every-fact-full"], SITE, dates)
    else:
        exported = records.organization(catalog, catalog.organizations[ORG], SITE, dates)
    assert _value(exported, field) not in (None, "", [], {}), f"catalog.json has no value for `{field}`"


# -- the annotated example employers copy ---------------------------------------------------------

REFERENCE = ROOT / "docs" / "reference-opportunity.yml"


def test_the_reference_listing_names_every_property() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    # A placeholder such as <criterion> stands for keys the contributor chooses (a season id, a criterion id).
    keys = {
        key for fact in facts("opportunity") if not (key := fact.rstrip("]").split(".")[-1].removesuffix("[")).startswith("<")
    }
    missing = sorted(key for key in keys if not re.search(rf"(^|[\s{{,`]){re.escape(key)}:", text, re.M))
    assert missing == [], f"docs/reference-opportunity.yml does not show (even in a comment): {missing}"


def test_the_reference_listing_passes_the_check_once_copied(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", root)
    shutil.copy(REFERENCE, root / "employers" / "kaiser-permanente-socal" / "reference-listing.yml")
    result = check_catalog(root, as_of=AS_OF)
    assert [f"{p.path}:{p.line}: {p.message}" for p in result.problems if p.severity == "error"] == []
    assert "kaiser-permanente-socal/reference-listing" in result.catalog.opportunities
