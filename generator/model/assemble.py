"""Turn checked records into the typed catalog, with relations both ways."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.check import places
from generator.check.load import Record
from generator.check.rules import parse_date
from generator.check.tracks import with_track
from generator.model import (
    STAGES,
    WEEKDAYS,
    Assessment,
    Catalog,
    Credit,
    Criterion,
    EmployerRole,
    Level,
    Opportunity,
    Organization,
    Pathway,
    PayStep,
    Period,
    Retired,
    Rubric,
    Schedule,
    Site,
    Step,
    Track,
    Verification,
    VocabItem,
    Vocabularies,
    Window,
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


def current_window(windows: tuple[Window, ...], as_of: dt.date) -> Window | None:
    """The window a listing is in on as_of: the one open that day, else the next to open, else the last.

    The listing's opens and deadline are this window's, so the status, the badge, days left and the next
    step read one pair of dates whether a listing has one window or several.
    """
    for window in windows:  # in date order and apart (the rules check it)
        if as_of <= window.deadline:
            return window
    return windows[-1] if windows else None


def computed_status(declared: str, deadline: dt.date | None, as_of: dt.date, windows: tuple[Window, ...] = ()) -> str:
    """open, closed or archived as of a date; with windows, a listing is open until its last window closes."""
    window = current_window(windows, as_of)
    if window is not None:
        deadline = window.deadline
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


_zip = places.zip_text


def _area_for(site: dict[str, Any], vocab: Vocabularies) -> str:
    """The written area, else the one its ZIP code or city puts it in (check/places.py). A remote site joins
    the "online" area when the catalog has one, whatever city it names, and a site outside the region none."""
    written: str | None = site.get("area")
    if written:
        return written
    if site.get("outside_region") is True:
        return ""
    if site["mode"] == "remote":
        return "online" if vocab.get("areas", "online") else ""
    return places.local_area(site, vocab.written("areas"))


def _across_for(site: dict[str, Any], vocab: Vocabularies) -> tuple[str, ...]:
    """The areas a site spread across areas covers (check/places.py), () for a site at one place."""
    home = places.home_region(vocab.written("regions"))
    return tuple(places.across_areas(site, vocab.written("areas"), home))


def _region_for(area_id: str, vocab: Vocabularies) -> str:
    area = vocab.get("areas", area_id) if area_id else None
    regions = vocab.written("regions")
    if area is None:
        return ""
    # "Online" is no place: in a catalog of several regions a remote site is in none of them (the listing's
    # region comes from its other sites or its organization, generator/model/regions.py).
    if len(regions) > 1 and not places.is_place({"id": area.id, **area.extra}):
        return ""
    return places.region_of({"id": area.id, **area.extra}, regions)


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _schedule(sched: Mapping[str, Any]) -> Schedule:
    return Schedule(
        weeks=sched.get("weeks"),
        weeks_max=sched.get("weeks_max"),
        hours_per_week=sched.get("hours_per_week"),
        hours_per_week_max=sched.get("hours_per_week_max"),
        total_hours=sched.get("total_hours"),
        total_hours_max=sched.get("total_hours_max"),
        total_hours_at_least=sched.get("total_hours_at_least") is True,
        days=_weekdays(sched.get("days", ())),
        sessions=sched.get("sessions"),
        time_from=_time(sched.get("from")),
        time_to=_time(sched.get("to")),
        dates=tuple(day for text in sched.get("dates", ()) if (day := parse_date(text))),
        periods=tuple(
            Period(
                season=p["season"],
                hours_per_week=p["hours_per_week"],
                hours_per_week_max=p.get("hours_per_week_max"),
                days=_weekdays(p.get("days", ())),
                time_from=_time(p.get("from")),
                time_to=_time(p.get("to")),
                note=p.get("note", ""),
            )
            for p in sched.get("periods", ())
        ),
    )


def _weekdays(days: Any) -> tuple[int, ...]:
    return tuple(sorted(WEEKDAYS.index(d) for d in days))


def _opportunity(record: Record, vocab: Vocabularies, rubrics: dict[str, Rubric], as_of: dt.date) -> Opportunity:
    d = record.data
    org_id, slug = record.id.split("/")
    pay, elig, app, sched = d["pay"], d["eligibility"], d["application"], d.get("schedule", {})
    windows = tuple(
        Window(first, last)
        for w in app.get("windows", ())
        if (first := parse_date(w["opens"])) and (last := parse_date(w["deadline"]))
    )
    window = current_window(windows, as_of)
    opens = window.opens if window else parse_date(app.get("opens", ""))
    deadline = window.deadline if window else parse_date(app.get("deadline", ""))
    steps = tuple(PayStep(s["year"], s["amount"]) for s in pay.get("steps", ()))
    low = min((s.amount for s in steps), default=None)
    high = max((s.amount for s in steps), default=None)
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
            city=s.get("city", ""),
            mode=s["mode"],
            address=s.get("address", ""),
            zip=_zip(s.get("zip")),
            area=(area := _area_for(s, vocab)),
            lat=s.get("lat"),
            lon=s.get("lon"),
            transit=s.get("transit", ""),
            outside_region=s.get("outside_region") is True,
            state=s.get("state") or (places.HOME_STATE if s.get("outside_region") is True else ""),
            across=(across := _across_for(s, vocab)),
            region_wide=s.get("across") == places.REGION_WIDE,
            region=_region_for(area or next(iter(across), ""), vocab),
        )
        for s in d["sites"]
    )
    eor = d.get("employer_of_record") or "self"
    # A list (or `provider`) names who may be the employer of record: whoever enrolls the student.
    eors = tuple(dict.fromkeys(org_id if e == "self" else e for e in (eor if isinstance(eor, list) else [eor])))
    eor_orgs = tuple(e for e in eors if e != "provider")
    schedule = _schedule(sched)
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
        pay_amount=pay.get("amount", low),
        pay_amount_max=pay.get("amount_max", high if high != low else None),
        pay_unit=pay.get("unit"),
        grade_min=elig["grades"]["min"] if "grades" in elig else None,
        grade_max=elig["grades"]["max"] if "grades" in elig else None,
        age_min=elig.get("age", {}).get("min"),
        age_max=elig.get("age", {}).get("max"),
        opens=opens,
        deadline=deadline,
        rolling=app.get("rolling") is True,
        start=parse_date(sched.get("start", "")) or (schedule.dates[0] if schedule.dates else None),
        end=parse_date(sched.get("end", "")) or (schedule.dates[-1] if schedule.dates else None),
        sites=sites,
        seats=d.get("seats"),
        declared_status=d["status"],
        status=computed_status(d["status"], deadline, as_of, windows),
        last_reviewed=parse_date(d["last_reviewed"]) or as_of,
        example=d["example"],
        employer_of_record=eor_orgs[0] if eors == eor_orgs and len(eor_orgs) == 1 else "",
        employers_of_record=eor_orgs,
        employer_of_record_provider="provider" in eors,
        intermediary=d.get("intermediary"),
        rubric=rubric.id if rubric else None,
        assessment=assessment,
        signals=tuple(quality.get("signals", ())),
        former_ids=tuple(d.get("former_ids", ())),
        raw=d,
        pay_steps=steps,
        windows=windows,
        employer_roles=tuple(EmployerRole(r["way"], r.get("amount"), r.get("note", "")) for r in d.get("employer_roles", ())),
        schedule=schedule,
        credits=tuple(Credit(c["kind"], c["amount"], c.get("from", "")) for c in d.get("outcomes", {}).get("credits", ())),
        endorsements=tuple(e["id"] if isinstance(e, Mapping) else e for e in d.get("outcomes", {}).get("endorsements", ())),
        endorsement_tiers=tuple(
            (e["id"], e["tier"]) for e in d.get("outcomes", {}).get("endorsements", ()) if isinstance(e, Mapping)
        ),
    )


def track_facts(record: Record, track: Track, vocab: Vocabularies, rubrics: dict[str, Rubric], as_of: dt.date) -> Opportunity:
    """One track's facts as an Opportunity: the listing read again with the track's facts in place of its own
    (with_track), so that every fact derived from them (ages implied by grades, pay ranges, hours) is derived
    the one way, and every helper of a listing works on a track unchanged."""
    merged = dataclasses.replace(record, data=with_track(record.data, track.raw))
    return dataclasses.replace(_opportunity(merged, vocab, rubrics, as_of), track=track)


def _listing(record: Record, vocab: Vocabularies, rubrics: dict[str, Rubric], as_of: dt.date) -> Opportunity:
    opp = _opportunity(record, vocab, rubrics, as_of)
    tracks = tuple(Track(t["id"], t["name"], t) for t in record.data.get("tracks", ()))
    if not tracks:
        return opp
    facts = tuple(track_facts(record, t, vocab, rubrics, as_of) for t in tracks)
    return dataclasses.replace(opp, tracks=tracks, track_facts=facts)


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


def _verification(verified: Mapping[str, Any] | None) -> Verification | None:
    on = parse_date(str(verified.get("on", ""))) if verified else None
    if not verified or on is None:
        return None
    return Verification(verified["by"], on, verified["record"])


def assemble(records: list[Record], logos: list[Path], as_of: dt.date) -> Catalog:
    by_kind: dict[str, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record.kind, []).append(record)
    vocab = _vocabularies(by_kind.get("vocabulary", []))
    rubrics = {r.id: _rubric(r) for r in by_kind.get("rubric", [])}
    opportunities = {
        o.id: o for o in sorted((_listing(r, vocab, rubrics, as_of) for r in by_kind.get("opportunity", [])), key=lambda o: o.id)
    }
    pathways = {p.id: p for p in sorted((_pathway(r, vocab) for r in by_kind.get("pathway", [])), key=lambda p: p.id)}
    by_org: dict[str, list[str]] = {}
    payroll: dict[str, list[str]] = {}
    among: dict[str, list[str]] = {}
    for opp in opportunities.values():
        by_org.setdefault(opp.org_id, []).append(opp.id)
        for eor in opp.employers_of_record:
            if eor != opp.org_id:
                (payroll if opp.employer_of_record == eor else among).setdefault(eor, []).append(opp.id)
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
            _verification(d.get("verified")),
            employer_of_record_for=tuple(payroll.get(record.id, ())),
            employer_of_record_among=tuple(among.get(record.id, ())),
        )
    # Opportunities whose organization failed its check are left out of the model; the check has failed anyway.
    opportunities = {k: o for k, o in opportunities.items() if o.org_id in organizations}
    on_pathway: dict[tuple[str, str], list[str]] = {}
    for opp in opportunities.values():
        for pid in dict.fromkeys(opp.pathways):
            on_pathway.setdefault((pid, opp.stage), []).append(opp.id)
    for pid, pathway in pathways.items():
        by_stage = {stage: tuple(on_pathway.get((pid, stage), ())) for stage in STAGES}
        pathways[pid] = dataclasses.replace(pathway, opportunity_ids=by_stage)
    retired = {}
    for record in by_kind.get("retired", []):
        for entry in record.data["retired"]:
            retired[entry["id"]] = Retired(
                entry["id"], entry["reason"], entry.get("title", ""), parse_date(entry.get("date", "")), entry.get("replaced_by")
            )
    logo_map = {p.parent.name: str(p) for p in logos}
    return Catalog(as_of, organizations, opportunities, pathways, rubrics, vocab, retired, logo_map)
