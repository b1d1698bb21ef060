"""Turn checked records into the typed catalog, with relations both ways."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.check.load import Record
from generator.check.rules import parse_date
from generator.model import (
    STAGES,
    Assessment,
    Catalog,
    Criterion,
    Level,
    Opportunity,
    Organization,
    Pathway,
    Retired,
    Rubric,
    Site,
    Step,
    VocabItem,
    Vocabularies,
)

# A vocabulary item's name or description in another language: name_es, description_es, ...
TRANSLATED_KEY = re.compile(r"(?:name|description)_[a-z]{2,3}")


def today() -> dt.date:
    """The one "as of" date: CATALOG_TODAY when set, otherwise the real date."""
    value = os.environ.get("CATALOG_TODAY", "").strip()
    if value:
        parsed = parse_date(value)
        if parsed is None:
            raise ValueError(f"CATALOG_TODAY must be a date written YYYY-MM-DD, not {value!r}")
        return parsed
    return dt.date.today()


def computed_status(declared: str, deadline: dt.date | None, as_of: dt.date) -> str:
    if declared == "open" and deadline is not None and deadline < as_of:
        return "closed"
    return declared


def _vocab_item(item: Mapping[str, Any]) -> VocabItem:
    names: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for key, value in item.items():
        field, _, lang = key.partition("_")
        if key in ("id", "name", "description"):
            continue
        if field in ("name", "description") and TRANSLATED_KEY.fullmatch(key):
            (names if field == "name" else descriptions)[lang] = value
        else:
            extra[key] = value
    return VocabItem(item["id"], item["name"], item.get("description", ""), names, descriptions, extra)


def _vocabularies(records: list[Record]) -> Vocabularies:
    return Vocabularies({record.id: tuple(map(_vocab_item, record.data["items"])) for record in records})


def _rubric(record: Record) -> Rubric:
    data = record.data
    translations: Mapping[str, Any] = data.get("translations", {})

    def each(section: str, ident: str, key: str) -> dict[str, Any]:
        return {lang: value for lang, parts in translations.items() if (value := parts.get(section, {}).get(ident, {}).get(key))}

    levels = tuple(
        Level(
            lv["id"],
            rank,
            lv["name"],
            lv.get("description", ""),
            each("levels", lv["id"], "name"),
            each("levels", lv["id"], "description"),
        )
        for rank, lv in enumerate(data["levels"], start=1)
    )
    criteria = tuple(
        Criterion(
            c["id"],
            c["name"],
            c.get("description", ""),
            dict(c["descriptors"]),
            each("criteria", c["id"], "name"),
            each("criteria", c["id"], "description"),
            {lang: dict(d) for lang, d in each("criteria", c["id"], "descriptors").items()},
        )
        for c in data["criteria"]
    )
    return Rubric(record.id, record.shown, levels, criteria, data)


def _zip(value: Any) -> str:
    return "" if value is None else str(value)


def _area_for(site: dict[str, Any], vocab: Vocabularies) -> str:
    written: str | None = site.get("area")
    if written:
        return written
    zip_code = _zip(site.get("zip"))
    for area in vocab.items("areas"):
        if zip_code and zip_code in (str(z) for z in area.extra.get("zips", ())):
            return area.id
        if site["city"] in area.extra.get("cities", ()):
            return area.id
    return "online" if site["mode"] == "remote" and vocab.get("areas", "online") else ""


def _opportunity(record: Record, vocab: Vocabularies, rubrics: dict[str, Rubric], as_of: dt.date) -> Opportunity:
    d = record.data
    org_id, slug = record.id.split("/")
    pay, elig, app, sched = d["pay"], d["eligibility"], d["application"], d.get("schedule", {})
    deadline = parse_date(app.get("deadline", ""))
    quality = d.get("quality", {})
    rubric = rubrics.get(quality.get("rubric", ""))
    assessment: tuple[Assessment, ...] = ()
    if rubric:
        # Unknown criteria or levels are reported by the rules; the model keeps only what resolves.
        order = [c.id for c in rubric.criteria]
        assessment = tuple(
            sorted(
                (
                    Assessment(crit, entry["level"], level.rank, entry["evidence"])
                    for crit, entry in quality.get("assessment", {}).items()
                    if crit in order and (level := rubric.level(entry["level"])) is not None
                ),
                key=lambda a: order.index(a.criterion),
            )
        )
    sector_ids = tuple(s.id for name in d["sectors"] if (s := vocab.sector_by_name(name)))
    sites = tuple(
        Site(
            name=s["name"],
            city=s["city"],
            mode=s["mode"],
            address=s.get("address", ""),
            zip=_zip(s.get("zip")),
            area=_area_for(s, vocab),
            lat=s.get("lat"),
            lon=s.get("lon"),
            transit=s.get("transit", ""),
        )
        for s in d["sites"]
    )
    eor = d.get("employer_of_record", "self")
    return Opportunity(
        id=record.id,
        org_id=org_id,
        slug=slug,
        path=record.shown,
        title=d["title"],
        format=d["format"],
        stage=d["stage"],
        sectors=sector_ids,
        pathways=tuple(d.get("pathways", ())),
        pay_type=pay["type"],
        pay_amount=pay.get("amount"),
        pay_amount_max=pay.get("amount_max"),
        pay_unit=pay.get("unit"),
        grade_min=elig["grades"]["min"] if "grades" in elig else None,
        grade_max=elig["grades"]["max"] if "grades" in elig else None,
        age_min=elig.get("age", {}).get("min"),
        age_max=elig.get("age", {}).get("max"),
        opens=parse_date(app.get("opens", "")),
        deadline=deadline,
        rolling=app.get("rolling") is True,
        start=parse_date(sched.get("start", "")),
        end=parse_date(sched.get("end", "")),
        sites=sites,
        seats=d.get("seats"),
        declared_status=d["status"],
        status=computed_status(d["status"], deadline, as_of),
        last_reviewed=parse_date(d["last_reviewed"]) or as_of,
        example=d["example"],
        employer_of_record=org_id if eor == "self" else eor,
        intermediary=d.get("intermediary"),
        rubric=rubric.id if rubric else None,
        assessment=assessment,
        signals=tuple(quality.get("signals", ())),
        former_ids=tuple(d.get("former_ids", ())),
        raw=d,
    )


def _pathway(record: Record, vocab: Vocabularies) -> Pathway:
    d = record.data
    sector = vocab.sector_by_name(d["sector"])
    stages = {
        stage: (
            d["stages"][stage]["summary"],
            tuple(
                Step(
                    s["kind"],
                    s["name"],
                    s.get("format"),
                    s.get("grades", {}).get("min"),
                    s.get("grades", {}).get("max"),
                    s.get("note", ""),
                )
                for s in d["stages"][stage]["steps"]
            ),
        )
        for stage in STAGES
    }
    return Pathway(
        record.id,
        record.shown,
        d["name"],
        sector.id if sector else "",
        d["example"],
        stages,
        tuple(d["occupations"]),
        parse_date(d["last_reviewed"]) or dt.date.min,
        d,
    )


def assemble(records: list[Record], logos: list[Path], as_of: dt.date) -> Catalog:
    by_kind: dict[str, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record.kind, []).append(record)
    vocab = _vocabularies(by_kind.get("vocabulary", []))
    rubrics = {r.id: _rubric(r) for r in by_kind.get("rubric", [])}
    opportunities = {
        o.id: o
        for o in sorted((_opportunity(r, vocab, rubrics, as_of) for r in by_kind.get("opportunity", [])), key=lambda o: o.id)
    }
    pathways = {p.id: p for p in sorted((_pathway(r, vocab) for r in by_kind.get("pathway", [])), key=lambda p: p.id)}
    by_org: dict[str, list[str]] = {}
    for opp in opportunities.values():
        by_org.setdefault(opp.org_id, []).append(opp.id)
    organizations = {}
    for record in sorted(by_kind.get("organization", []), key=lambda r: r.id):
        d = record.data
        mine = tuple(by_org.get(record.id, ()))
        sectors = tuple(s.id for name in d["sectors"] if (s := vocab.sector_by_name(name)))
        organizations[record.id] = Organization(
            record.id,
            record.shown,
            d["name"],
            d["kind"],
            sectors,
            d["example"],
            parse_date(d["last_reviewed"]) or dt.date.min,
            d,
            mine,
        )
    # Opportunities whose organization failed its check are left out of the model; the check has failed anyway.
    opportunities = {k: o for k, o in opportunities.items() if o.org_id in organizations}
    for pid, pathway in pathways.items():
        by_stage = {
            stage: tuple(o.id for o in opportunities.values() if pid in o.pathways and o.stage == stage) for stage in STAGES
        }
        pathways[pid] = dataclasses.replace(pathway, opportunity_ids=by_stage)
    retired = {}
    for record in by_kind.get("retired", []):
        for entry in record.data["retired"]:
            retired[entry["id"]] = Retired(
                entry["id"], entry["reason"], entry.get("title", ""), parse_date(entry.get("date", "")), entry.get("replaced_by")
            )
    logo_map = {p.parent.name: str(p) for p in logos}
    return Catalog(as_of, organizations, opportunities, pathways, rubrics, vocab, retired, logo_map)
