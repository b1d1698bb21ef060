"""One synthetic listing as a file: its dates, its pay, its details and its self-assessment.

Dates are placed around the as-of date (CATALOG_TODAY) by the listing's
status, so that the catalog checks clean whenever it is generated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.commands.synth.documents import Flow, grade_range
from generator.commands.synth.state import Synth
from generator.commands.synth.tables import T
from generator.commands.synth.text import description, pay_cond, spanish, text_vars, title_for
from generator.commands.synth.words import articles, pick, slug, title_case

# One-day formats end the day they start and have no weeks or hours; "window" formats (a talk, a shadow
# day) are booked on a day within a span of weeks, so they end later but have no weekly hours either.
ONE_DAY = {"career-fair", "workplace-tour"}
WINDOW = {"career-talk", "job-shadow", "informational-interview"}
ONE_DAY_TIMES = [
    ("Saturday, 10 a.m. to 2 p.m.", "10:00", "14:00"),
    ("One school day, 9 a.m. to 1 p.m.", "09:00", "13:00"),
    ("Evening, 5 to 8 p.m.", "17:00", "20:00"),
]
# Formats that meet once a week at a set time, and the times they meet.
SESSION_FORMATS = {"mentoring", "service-learning", "project", "pre-apprenticeship"}
SESSIONS = [("tue", "15:30", "17:00"), ("wed", "16:00", "18:00"), ("thu", "15:45", "17:15"), ("sat", "09:00", "12:00")]
# Sites outside the region that real programs name: a state capitol visit, a company's headquarters.
OUTSIDE = [
    ("State Capitol visit", "Sacramento", "95814", "CA"),
    ("Headquarters office", "Seattle", "98104", "WA"),
    ("Headquarters office", "New York", "10001", "NY"),
]
COLLEGES = ["Harborview Community College", "Eastside Community College", "Valley City College"]
# A talk series on listed days after school, as colleges and intermediaries run them: the time of day and the
# weeks between talks.
SERIES_TIMES = [("16:00", "17:00"), ("15:30", "16:30"), ("17:00", "18:00")]
SERIES_WEEKS = [2, 3, 4]
# Year-round programs with fewer hours in the school year than in summer: the school-year days and times, and a
# note on the summer period with its Spanish.
SCHOOL_YEAR_DAYS = [(["tue", "thu"], "15:30", "18:00"), (["mon", "wed"], "15:00", "18:00"), (["sat"], "09:00", "13:00")]
SUMMER_NOTES = [
    ("Full days on weekdays in July.", "Días completos entre semana en julio."),
    ("Weekday mornings, Monday to Thursday.", "Entre semana por la mañana, de lunes a jueves."),
]
# Worksites spread across areas, for city and county youth-employment programs that place young people at parks,
# libraries and nonprofits with no single address.
ACROSS_NAMES = [
    "City parks, libraries and partner nonprofits",
    "Host worksites across the county",
    "Public agency and nonprofit worksites near home",
]
# Why the employer of record of a program run through contracted providers varies, with its Spanish.
PROVIDER_NOTES = [
    (
        "Your provider is the one that serves your part of the county; it is named in your acceptance letter.",
        "Tu proveedor es el que atiende tu zona del condado; su nombre aparece en tu carta de aceptación.",
    ),
    (
        "You are placed with the youth-services provider nearest your home.",
        "Te asignan al proveedor de servicios juveniles más cercano a tu casa.",
    ),
]
# Ways an employer takes part in a program an intermediary or a public program runs, each with its note in English
# and Spanish: the roles that city youth-employment programs and industry intermediaries publish.
EMPLOYER_ROLES = {
    "host": (
        "The program pays the wage; you supervise one or two young people for the season.",
        "El programa paga el salario; usted supervisa a uno o dos jóvenes durante la temporada.",
    ),
    "hire": (
        "Hire a participant directly, on your own payroll, after a short interview.",
        "Contrate directamente a un participante, en su propia nómina, después de una entrevista breve.",
    ),
    "sponsor": (
        "Your gift pays the wage of one young person's placement.",
        "Su donación paga el salario de la práctica de un joven.",
    ),
    "mentor": (
        "Meet a participant for an hour every other week, in person or by video.",
        "Reúnase con un participante una hora cada dos semanas, en persona o por video.",
    ),
    "speak": (
        "Give a 45-minute talk or a tour of your workplace to a group of participants.",
        "Dé una charla de 45 minutos o un recorrido por su lugar de trabajo a un grupo de participantes.",
    ),
}
# Evidence of quality beyond the self-assessment, each with its Spanish: named evaluation criteria and when they
# are applied, the coordinator, mentor training, as real internship programs publish them.
EVALUATION_CRITERIA = [
    ("Time management", "Manejo del tiempo"),
    ("Attendance and punctuality", "Asistencia y puntualidad"),
    ("Communication", "Comunicación"),
    ("Teamwork", "Trabajo en equipo"),
    ("Problem solving", "Resolución de problemas"),
    ("Professionalism", "Profesionalismo"),
    ("Initiative", "Iniciativa"),
    ("Quality of work", "Calidad del trabajo"),
]
EVALUATION_WHEN = [
    ("At the start and at the end of the program", "Al principio y al final del programa"),
    ("At the midpoint and on the last day", "A mitad del programa y el último día"),
    ("Every four weeks, with the supervisor", "Cada cuatro semanas, con el supervisor"),
]
COORDINATORS = [
    (
        "A site coordinator checks in with each student every week.",
        "Un coordinador del sitio habla con cada estudiante cada semana.",
    ),
    (
        "A program coordinator visits each worksite twice a month.",
        "Un coordinador del programa visita cada lugar de trabajo dos veces al mes.",
    ),
    (
        "A work-based learning coordinator at the school meets students every other week.",
        "Un coordinador de aprendizaje en el trabajo de la escuela se reúne con los estudiantes cada dos semanas.",
    ),
]
MENTOR_TRAININGS = [
    (
        "Supervisors take a two-hour mentoring workshop before students start.",
        "Los supervisores toman un taller de mentoría de dos horas antes de que empiecen los estudiantes.",
    ),
    (
        "Mentors complete an online youth-safety course and a one-hour orientation.",
        "Los mentores completan un curso en línea de seguridad juvenil y una orientación de una hora.",
    ),
    (
        "Supervisors meet the coordinator for a training at the start of each cohort.",
        "Los supervisores reciben una capacitación con el coordinador al inicio de cada grupo.",
    ),
]


def schedule_for(syn: Synth, s: dict[str, Any]) -> dict[str, Any]:
    rng, fmt, season, as_of = syn.rng, s["format"], s["season"], syn.as_of
    long = season in ("school-year", "year-round")
    weeks: int | None
    hours: int | None
    span: int | None
    weeks, hours = {
        "internship": (rng.randint(6, 10), rng.randint(20, 32))
        if season == "summer"
        else (rng.randint(10, 24), rng.randint(8, 15)),
        "summer-youth-employment": (rng.randint(6, 8), rng.randint(20, 30)),
        "pre-apprenticeship": (rng.randint(10, 20), rng.randint(6, 12)),
        "apprenticeship": (rng.choice([52, 78, 104]), rng.randint(32, 40)),
        "cooperative-education": (rng.randint(15, 36), rng.randint(15, 25)),
        "mentoring": (rng.randint(8, 30), rng.randint(1, 3)),
    }.get(fmt, (rng.randint(34, 38) if long else rng.randint(4, 14), rng.randint(2, 6)))
    if fmt in ONE_DAY:
        weeks = hours = span = None
    elif fmt in WINDOW:
        span, weeks, hours = 7 * (rng.randint(30, 38) if long else rng.randint(4, 14)), None, None
    else:
        span = weeks * 7 - 3
    month, day, jitter = T.season_start.get(season, (9, 1, 30))
    shift, lead = rng.randint(0, jitter), rng.randint(7, 30) if fmt in ONE_DAY else rng.randint(14, 75)
    rolling = s["status"] == "open" and rng.random() < (0.5 if fmt in WINDOW or fmt == "mentoring" else 0.12)
    starts = [dt.date(y, month, day) + dt.timedelta(days=shift) for y in range(as_of.year - 3, as_of.year + 3)]

    def end_of(d: dt.date) -> dt.date:
        return d + dt.timedelta(days=span or 0)

    if s["status"] == "open":
        start = next(d for d in starts if (end_of(d) if rolling else d - dt.timedelta(days=lead)) >= as_of + dt.timedelta(days=3))
    elif s["status"] == "closed":
        start = [d for d in starts if d - dt.timedelta(days=lead) < as_of][-1]
    else:
        start = [d for d in starts if end_of(d) < as_of - dt.timedelta(days=14) and d < as_of - dt.timedelta(days=120)][-1]
    deadline = start - dt.timedelta(days=lead)
    out: dict[str, Any] = {"season": season, "start": start.isoformat(), "end": end_of(start).isoformat()}
    if hours:
        out |= {"hours_per_week": hours, "weeks": weeks}
    if fmt in ONE_DAY:
        # The time of day in words and as `from`/`to`, which the page and the calendar export show.
        words, start_at, end_at = rng.choice(ONE_DAY_TIMES)
        out |= {"from": start_at, "to": end_at, "times": words}
    else:
        out["times"] = (
            "During class time, about 45 minutes"
            if fmt == "career-talk"
            else rng.choice(T.full_time if hours and hours >= 20 else T.times)
        )
    if fmt == "career-talk" and rng.random() < 0.3:
        series_dates(syn, out, start, span or 0, rolling)
    if hours and weeks and season == "year-round" and fmt not in SESSION_FORMATS and rng.random() < 0.35:
        hours = year_round_periods(syn, s, out)
        out.pop("times", None)
    elif hours and weeks:
        extra = rng.random()
        if fmt in SESSION_FORMATS and extra < 0.4:
            # Sessions that repeat at a set time, such as every Tuesday afternoon.
            day, start_at, end_at = rng.choice(SESSIONS)
            out |= {"days": [day], "from": start_at, "to": end_at, "sessions": weeks}
        elif extra < 0.15:
            out["total_hours"] = hours * weeks
        elif extra < 0.22 and weeks < 260:
            # A length that varies (6 to 8 weeks); the dates are those of the shortest.
            out["weeks_max"] = min(260, weeks + rng.choice([1, 2, 4]))
    s["weeks"], s["hours"] = weeks, hours
    s["deadline"] = None if rolling else deadline.isoformat()
    s["opens"] = (deadline - dt.timedelta(days=rng.randint(21, 100))).isoformat()
    return out


def series_dates(syn: Synth, out: dict[str, Any], start: dt.date, span: int, rolling: bool) -> None:
    """A talk series on listed days (schedule.dates), every few weeks from the first day, at an after-school time.
    The dates take the place of start, end and the words about the time; an open listing that takes requests
    until it ends keeps a day still to come."""
    rng = syn.rng
    step = rng.choice(SERIES_WEEKS)
    count = min(8, span // (7 * step) + 1)
    days = [start + dt.timedelta(weeks=step * k) for k in range(count)]
    if count < 3 or (rolling and days[-1] < syn.as_of + dt.timedelta(days=3)):
        return
    start_at, end_at = rng.choice(SERIES_TIMES)
    for key in ("start", "end", "times"):
        out.pop(key, None)
    out |= {"dates": Flow(d.isoformat() for d in days), "from": start_at, "to": end_at}


def year_round_periods(syn: Synth, s: dict[str, Any], out: dict[str, Any]) -> int:
    """Hours by part of the year (schedule.periods) for a year-round program: a few afternoons a week in the
    school year, longer weeks in summer. They replace the single weekly hours; returns the summer's, which the
    description quotes. A note's Spanish waits in s["periods_es"] for the listing's translations."""
    rng = syn.rng
    days, start_at, end_at = rng.choice(SCHOOL_YEAR_DAYS)
    low = rng.randint(6, 10)
    school: dict[str, Any] = {"season": "school-year", "hours_per_week": low}
    if rng.random() < 0.5:
        school["hours_per_week_max"] = low + 2
    school |= {"days": Flow(days), "from": start_at, "to": end_at}
    summer: dict[str, Any] = {"season": "summer", "hours_per_week": rng.randint(20, 32)}
    if rng.random() < 0.4:
        note, note_es = rng.choice(SUMMER_NOTES)
        summer["note"], s["periods_es"] = note, {"periods": {"summer": note_es}}
    out.pop("hours_per_week", None)
    out["periods"] = [school, summer]
    hours: int = summer["hours_per_week"]
    return hours


def pay_for(syn: Synth, s: dict[str, Any], eor_orgs: list[dict[str, Any]]) -> dict[str, Any]:
    rng, org = syn.rng, s["org"]
    if s["pay"] in ("unpaid", "free"):
        s["eor"], s["amount"] = None, None
        return {"type": s["pay"]}
    if s["pay"] == "fee":
        # What the family pays for the whole program; most programs that charge offer aid.
        fee = rng.choice(T.fees)
        s["eor"], s["amount"] = None, str(fee)
        return {"type": "fee", "amount": fee, "unit": "total", "aid": rng.random() < 0.7}
    others = [o["id"] for o in eor_orgs if o is not org]
    s["eor"] = (
        rng.choice(others)
        if others and org["kind"] in ("employer", "nonprofit", "public-agency") and rng.random() < 0.2
        else "self"
    )
    out: dict[str, Any] = {"type": s["pay"]}
    if s["pay"] == "paid" and rng.random() < 0.1:
        out |= {"amount_published": False, "unit": "hour"}
        s["amount"] = None
    elif s["pay"] == "paid":
        top = 30 if s["format"] == "apprenticeship" else 24
        amount = 17.87 if rng.random() < 0.12 else round(rng.uniform(18, top) * 4) / 4
        out |= {"amount": int(amount) if amount == int(amount) else amount, "unit": "hour"}
        years = -(-(s.get("weeks") or 0) // 52)
        if s["format"] == "apprenticeship" and years >= 2 and rng.random() < 0.6:
            # A registered apprenticeship's wage rises with each year: steps instead of one amount.
            del out["amount"]
            steps, wage = [], amount
            for year in range(1, min(years, 5) + 1):
                steps.append({"year": year, "amount": int(wage) if wage == int(wage) else wage})
                wage = round((wage + rng.choice([1, 1.25, 1.5, 2, 2.5])) * 4) / 4
            out = {"type": "paid", "steps": steps, "unit": "hour"}
        elif rng.random() < 0.15:
            high = min(30.0, amount + rng.choice([1, 1.5, 2, 3]))
            out["amount_max"] = int(high) if high == int(high) else high
        s["amount"] = f"{amount:.2f}".removesuffix(".00")
    else:
        unit = rng.choices(["total", "week", "month"], weights=[60, 25, 15])[0]
        small = s["stage"] != "training"
        unit = "total" if small and rng.random() < 0.8 else unit
        amount = {
            "total": rng.randint(2, 12 if small else 50) * 50,
            "week": rng.randint(4, 8 if small else 16) * 25,
            "month": rng.randint(2 if small else 8, 8 if small else 24) * 50,
        }[unit]
        out |= {"amount": amount, "unit": unit}
        s["amount"] = str(amount)
    if s["pay"] == "stipend" and rng.random() < 0.25:
        out["on_completion"] = True
    out["paid_by"] = s["eor"] if s["eor"] != "self" and rng.random() < 0.1 else "self"
    # Public youth jobs and training are often paid by a city, county or state program.
    public = s["format"] in ("summer-youth-employment", "pre-apprenticeship") or org["kind"] == "public-agency"
    if public and rng.random() < 0.45:
        out["funded_by"], s["residency"] = rng.choice(T.funders)
        provider_employer(syn, s, out, eor_orgs)
    if rng.random() < 0.2:
        out["note"] = rng.choice(
            ["Paid every two weeks.", "Paid by direct deposit or pay card.", "Paid after the final session."]
        )
    return out


def provider_employer(syn: Synth, s: dict[str, Any], pay: dict[str, Any], eor_orgs: list[dict[str, Any]]) -> None:
    """A publicly funded youth job or training program is often run through contracted youth-services providers:
    the employer of record is whichever provider enrolls the young person (`provider`), sometimes with the
    providers of the catalog named first. The public program pays; the note's Spanish waits in s["eor_es"]."""
    rng = syn.rng
    if s["format"] not in ("summer-youth-employment", "pre-apprenticeship") or rng.random() >= 0.5:
        return
    named = sorted(o["id"] for o in eor_orgs if o is not s["org"] and o["kind"] in ("staffing-agency", "intermediary"))
    if named and rng.random() < 0.4:
        s["eor"] = Flow([*rng.sample(named, min(len(named), rng.randint(1, 2))), "provider"])
    else:
        s["eor"] = "provider"
    pay["paid_by"] = "self"
    if rng.random() < 0.6:
        s["eor_note"] = rng.choice(PROVIDER_NOTES)


def listing(
    syn: Synth, s: dict[str, Any], ident: str, eor_orgs: list[dict[str, Any]], inter: list[dict[str, Any]]
) -> dict[str, Any]:
    rng, org, fmt = syn.rng, s["org"], s["format"]
    low_seats, high_seats = T.seats.get(fmt, (3, 40) if s["stage"] == "training" else (8, 45))
    s["seats"] = rng.randint(low_seats, high_seats) * (len(s["sites"]) if s["stage"] == "training" else 1)
    schedule, pay = schedule_for(syn, s), pay_for(syn, s, eor_orgs)
    v = text_vars(syn, s)
    v["sector_es"] = syn.sectors[s["sector"]]["name_es"]
    conds = (
        {pay_cond(s["pay"]), s["stage"]}
        | ({"venture"} if fmt in ("school-based-enterprise", "simulated-workplace") else set())
        | {k for k in ("cred", "mentor", "transport") if s[k]}
    )
    conds |= {"es"} if "es" in s["langs"] else set()
    conds |= {"hours"} if s["hours"] else set()
    conds |= {"credit"} if s["academic"] or s["college"] else set()
    conds |= {"multi"} if len(s["sites"]) > 1 else set()
    title = title_for(syn, s, v)
    summaries = [t.format_map(v) for t in pick(rng, T.summaries[s["stage"]], conds)]
    rng.shuffle(summaries)
    summary = next((x for x in summaries if 80 <= len(x) <= 155), min(summaries, key=len))
    summary = articles(summary[0].upper() + summary[1:])
    data: dict[str, Any] = {"example": True, "title": title, "summary": summary, "description": description(syn, s, v, conds)}
    choices = [o["id"] for o in inter if o is not org]
    if choices and org["kind"] != "intermediary" and rng.random() < 0.12:
        data["intermediary"] = rng.choice(choices)
    if s["eor"]:
        data["employer_of_record"] = s["eor"]
    if s.get("eor_note"):
        data["employer_of_record_note"] = s["eor_note"][0]
    sectors = [s["sector"]] + ([rng.choice(org["sectors"])] if rng.random() < 0.2 else [])
    data |= {"format": fmt, "stage": s["stage"], "sectors": [syn.sectors[x]["name"] for x in dict.fromkeys(sectors)]}
    if s.get("pathways"):
        data["pathways"] = s["pathways"]
    data["pay"] = pay
    eligibility: dict[str, Any] = {} if s["ages_only"] else {"grades": grade_range(*s["grades"])}
    if s["age"]:
        eligibility["age"] = Flow([("min", s["age"][0])] + ([("max", s["age"][1])] if s["age"][1] else []))
    elig = s["elig"]
    for key in ("status", "schools"):
        if key in elig:
            eligibility[key] = Flow(elig[key]) if key == "status" else elig[key]
    if s.get("residency"):
        eligibility["residency"] = s["residency"]
    for key in ("populations", "priority"):
        if key in elig:
            eligibility[key] = Flow(elig[key])
    if "min_gpa" in elig:
        eligibility["min_gpa"] = elig["min_gpa"]
    who = [
        "Students in {grades} who live or go to school in {area}.",
        "Students in {grades} anywhere in Los Angeles County; no experience needed.",
        "Students in {grades}, especially those without family connections in {field}.",
    ]
    if s["ages_only"]:
        ages = f"ages {s['age'][0]} to {s['age'][1]}" if s["age"][1] else f"{s['age'][0]} and older"
        who = [
            f"Young people {ages} who live or go to school in {{area}}.",
            f"Young people {ages}, in school or not; no experience needed.",
        ]
    if s["stage"] == "awareness":
        who.append("Classes from public and charter schools in {area}, booked by a teacher.")
    eligibility["who"] = rng.choice(who).format_map(v)
    if s["permit"] is not None:
        eligibility["work_permit"] = s["permit"]
    if "needs" in elig:
        eligibility["needs"] = Flow(elig["needs"])
    adult = s["age"][0] >= 18 if s["ages_only"] else s["grades"][0] >= 13
    if rng.random() < 0.7:
        no_guardian = adult or "parent-permission" in elig.get("needs", ())
        requirements = [r for r in T.requirements if not (no_guardian and "guardian" in r)]
        eligibility["requirements"] = rng.sample(requirements, rng.randint(1, 3))
    data |= {"eligibility": eligibility, "schedule": schedule}
    how = rng.choice(
        [
            "Apply online; staff from {short} contact you within two weeks.",
            "Apply online and come to a short interview.",
            "Fill out the short online form and pick your preferred date.",
            "Apply online with a short interest statement.",
        ]
    )
    if s["stage"] == "awareness":
        how = "A teacher or counselor fills out the booking form at least three weeks ahead."
    mode = application_mode(syn, s, pay)
    application: dict[str, Any] = {"mode": mode} if mode != "apply" else {}
    application["how"] = T.how_by_mode[mode] if mode != "apply" else how.format_map(v)
    if mode == "paper":
        application["where"] = rng.choice(T.paper_where)
    application["url"] = f"https://example.org/{org['id']}/{ident}"
    if mode != "none":
        application["opens"] = s["opens"]
    application |= {"deadline": s["deadline"]} if s["deadline"] else {"rolling": True}
    if s["stage"] != "awareness" and rng.random() < 0.6:
        documents = [d for d in T.documents if (s["permit"] or "permit" not in d) and not (adult and "guardian" in d)]
        application["documents"] = rng.sample(documents, rng.randint(1, 3))
    long = s["season"] in ("school-year", "year-round")
    if long and "opens" in application and "deadline" in application and rng.random() < 0.12:
        # A program that takes a new cohort twice a year: its second window opens after the first closes.
        first = dt.date.fromisoformat(application["deadline"])
        later = first + dt.timedelta(days=rng.randint(45, 90))
        application["windows"] = [
            {"opens": application.pop("opens"), "deadline": application.pop("deadline")},
            {"opens": later.isoformat(), "deadline": (later + dt.timedelta(days=rng.randint(30, 60))).isoformat()},
        ]
    results_and_waitlist(syn, mode, application)
    data["application"] = application
    sites = []
    for area, city, zip_code, mode in s["sites"]:
        if mode == "remote":
            online: dict[str, Any] = {
                "name": rng.choice(["Online video sessions", "Online team workspace", "Remote sessions over video"])
            }
            # An online-only site needs no city; about half name the city the program is run from.
            online |= {"city": city} if rng.random() < 0.5 else {}
            sites.append(online | {"area": area, "mode": mode})
            continue
        site: dict[str, Any] = {"name": f"{org['short']} {title_case(v['place'])}" + (f", {city}" if len(s["sites"]) > 1 else "")}
        if rng.random() < 0.7:
            site["address"] = f"{rng.randint(100, 19999)} {rng.choice(T.streets)}"
        site |= {"city": city, "zip": zip_code, "area": area, "mode": mode}
        if area in T.transit and rng.random() < 0.8:
            site["transit"] = rng.choice(T.transit[area]).format(walk=rng.choice(T.walks), near=rng.choice(T.nears)) + "."
        sites.append(site)
    if s["stage"] in ("preparation", "training") and sites[0]["mode"] != "remote" and rng.random() < 0.015:
        name, city, zip_code, state = rng.choice(OUTSIDE)
        if syn.in_added_region(zip_code):  # a place one of the further regions covers is not outside the regions
            name, city, zip_code, state = next(o for o in OUTSIDE if not syn.in_added_region(o[2]))
        outside: dict[str, Any] = {"name": f"{org['short']} {name}", "city": city, "zip": zip_code, "mode": "in-person"}
        sites.append(outside | {"outside_region": True} | ({"state": state} if state != "CA" else {}))
    spread_across(syn, s, pay, sites)
    data["sites"] = sites
    roles = employer_roles(syn, s, pay)
    if roles:
        data["employer_roles"] = roles
    data["seats"] = s["seats"]
    tracks = tracks_for(syn, s, pay)
    if tracks:
        data["tracks"] = tracks
    supports: dict[str, Any] = {"mentor": s["mentor"]}
    if rng.random() < 0.5 and s["stage"] in ("preparation", "training"):
        supports["training"] = rng.choice(T.training)
    if s["transport"]:
        supports["transportation"] = s["transport"]
    if rng.random() < 0.45:
        supports["accommodations"] = rng.choice(T.accommodations)
    supports["languages"] = Flow(s["langs"])
    outcomes: dict[str, Any] = {"academic_credit": s["academic"], "college_credit": s["college"]}
    if s["cred"]:
        outcomes["credential"] = s["cred"]
    outcomes["skills"] = v["skills"] + rng.sample(syn.pool(s["sector"])["skills"], rng.randint(0, 2))
    outcomes["skills"] = list(dict.fromkeys(outcomes["skills"]))
    credits = []
    if s["academic"] and rng.random() < 0.5:
        credits.append({"kind": "high-school", "amount": rng.choice([2.5, 5, 10])})
    if s["college"] and rng.random() < 0.6:
        credits.append({"kind": "college", "amount": rng.randint(1, 4), "from": rng.choice(COLLEGES)})
    if fmt in ("apprenticeship", "pre-apprenticeship") and s["hours"] and s["weeks"] and rng.random() < 0.4:
        credits.append({"kind": "apprenticeship-hours", "amount": s["hours"] * s["weeks"]})
    if credits:
        outcomes["credits"] = credits
    endorsements = syn.vocab.get("endorsements", [])
    if endorsements and s["stage"] in ("preparation", "training") and rng.random() < 0.05:
        chosen = rng.choice(endorsements)
        tiers = [t["id"] for t in chosen.get("tiers", [])]
        # An endorsement with levels is usually listed with the level the program prepares for.
        outcomes["endorsements"] = [
            {"id": chosen["id"], "tier": rng.choice(tiers)} if tiers and rng.random() < 0.7 else chosen["id"]
        ]
    data |= {"supports": supports, "outcomes": outcomes}
    if s["signals"] or rng.random() < 0.5:
        data["quality"] = quality(syn, s, v)
    role = rng.randrange(len(T.contact_roles))
    data["contact"] = {
        "role": T.contact_roles[role],
        "email": f"{slug(org['short'], 24)}-{T.role_keys[role % len(T.role_keys)]}@example.org",
    }
    if s["es"]:
        extra = {"employer_of_record_note": s["eor_note"][1]} if s.get("eor_note") else {}
        extra |= s.pop("periods_es", {}) | s.pop("quality_es", {}) | s.pop("roles_es", {})
        data["translations"] = {"es": spanish(syn, s, v, conds) | extra}
    # Within the bundled region's review limit (review_within_days: 180), so synthetic listings check without warnings.
    reviewed = {"open": (0, 150), "closed": (10, 170), "archived": (30, 175)}[s["status"]]
    data |= {"status": s["status"], "last_reviewed": syn.review_date(*reviewed)}
    if s.get("former"):
        data["former_ids"] = [s["former"]]
    return data


def results_and_waitlist(syn: Synth, mode: str, application: dict[str, Any]) -> None:
    """When a lottery is drawn (or a central application decided), some weeks after applying closes, and whether
    those without a seat can join a waitlist, as city summer-jobs lotteries publish them."""
    rng = syn.rng
    if mode not in ("lottery", "central"):
        return
    lottery = mode == "lottery"
    windows = application.get("windows")
    last = windows[-1]["deadline"] if windows else application.get("deadline")
    if last and rng.random() < (0.85 if lottery else 0.3):
        drawn = dt.date.fromisoformat(last) + dt.timedelta(days=rng.randint(10, 35))
        application["results_by"] = drawn.isoformat()
    if rng.random() < (0.6 if lottery else 0.25):
        application["waitlist"] = True


def spread_across(syn: Synth, s: dict[str, Any], pay: dict[str, Any], sites: list[dict[str, Any]]) -> None:
    """A city or county youth-employment program places young people at parks, libraries and nonprofits all over:
    its first site has no address but the areas it covers (`across`), the areas its sites were drawn in and a
    few more, or `region` for every area."""
    rng = syn.rng
    public = s["org"]["kind"] == "public-agency" or "funded_by" in pay
    if s["format"] != "summer-youth-employment" or not public or sites[0]["mode"] == "remote" or rng.random() >= 0.5:
        return
    if rng.random() < 0.3:
        across: str | Flow = "region"
    else:
        drawn = {area for area, *_ in s["sites"]} | set(rng.sample(syn.places, rng.randint(0, 2)))
        across = Flow(a for a in syn.places if a in drawn)
    sites[0] = {"name": rng.choice(ACROSS_NAMES), "across": across, "mode": sites[0]["mode"]}


def tracks_for(syn: Synth, s: dict[str, Any], pay: dict[str, Any]) -> list[dict[str, Any]]:
    """Two tracks by age for some programs open by age, as city youth programs run them: the younger
    track does a project for a stipend, the older one the listing's own work and pay."""
    low, high = s["age"] if s["ages_only"] and s["age"] else (0, 0)
    if not high or high - low < 3 or syn.rng.random() >= 0.5:
        return []
    middle = low + 1 if high - low < 5 else low + 2
    tracks: list[dict[str, Any]] = []
    for first, last in ((low, middle), (middle + 1, high)):
        track: dict[str, Any] = {"id": f"ages-{first}-{last}", "name": f"Ages {first}\u2013{last}"}
        track["eligibility"] = {"age": Flow([("min", first), ("max", last)])}
        if s["es"]:
            track["translations"] = {"es": {"name": f"De {first} a {last} a\u00f1os"}}
        tracks.append(track)
    if pay["type"] == "paid":
        younger = tracks[0]
        younger["format"] = "project"
        younger["pay"] = {"type": "stipend", "amount": syn.rng.choice([300, 500, 750]), "unit": "total"}
        translations = younger.pop("translations", None)
        if translations:
            younger["translations"] = translations
    return tracks


def application_mode(syn: Synth, s: dict[str, Any], pay: dict[str, Any]) -> str:
    """How people take part; most listings take applications directly (`apply`, left unwritten)."""
    rng, fmt, stage = syn.rng, s["format"], s["stage"]
    roll = rng.random()
    if "funded_by" in pay and fmt == "summer-youth-employment":
        return "central" if roll < 0.6 else "lottery" if roll < 0.7 else "apply"
    if fmt == "career-fair" and roll < 0.5:
        # Students simply come to a fair: it takes no applications, so it has no deadline.
        if s["status"] == "open":
            s["deadline"] = None
        return "none"
    if stage == "awareness":
        return "class-registration" if roll > 0.65 else "apply"
    if fmt in ("mentoring", "project", "service-learning") and roll < 0.15:
        return "interest-form"
    if stage in ("exploration", "preparation") and roll > 0.97:
        return "paper"
    if fmt in ("internship", "pre-apprenticeship") and roll > 0.97:
        return "lottery"
    return "apply"


def quality(syn: Synth, s: dict[str, Any], v: dict[str, Any]) -> dict[str, Any]:
    rng = syn.rng
    out: dict[str, Any] = {"rubric": syn.rubric_id}
    if rng.random() < 0.85 and syn.criteria:
        k = min(len(syn.criteria), rng.choices([1, 2, 3, 4, 5], weights=[15, 30, 30, 15, 10])[0])
        chosen = set(rng.sample(syn.criteria, k))
        middle = (len(syn.levels) - 1) / 2
        weights = [1 + len(syn.levels) - 2 * abs(i - middle) for i in range(len(syn.levels))]
        values = {
            "n": rng.randint(2, 12),
            "n2": rng.randint(2, 9),
            "pct": rng.randint(62, 97),
            "season": v["season"],
            "area": v["area"],
            "field": v["field"],
        }
        out["assessment"] = {
            c: {
                "level": rng.choices(syn.levels, weights=weights)[0],
                "evidence": rng.choice(T.evidence.get(c, T.evidence_any)).format_map(values),
            }
            for c in syn.criteria
            if c in chosen
        }
    if s["signals"]:
        out["signals"] = [x["id"] for x in syn.vocab["signals"] if x["id"] in s["signals"]]
    # Evidence beyond the self-assessment, more often for placements than for a talk or a tour; its Spanish
    # waits in s["quality_es"] for the listing's translations.
    placement = s["stage"] in ("preparation", "training")
    spanish: dict[str, Any] = {}
    if rng.random() < (0.3 if placement else 0.08):
        picked = rng.sample(EVALUATION_CRITERIA, rng.randint(2, 5))
        when = rng.choice(EVALUATION_WHEN)
        out["evaluation"] = {"criteria": [en for en, _ in picked], "when": when[0]}
        spanish["evaluation"] = {"criteria": [es for _, es in picked], "when": when[1]}
    if rng.random() < (0.35 if placement else 0.1):
        out["coordinator"], spanish["coordinator"] = rng.choice(COORDINATORS)
    if rng.random() < (0.2 if placement else 0.05):
        out["handbook"] = f"https://example.org/{s['org']['id']}/handbook"
    if s["mentor"] and rng.random() < 0.3:
        out["mentor_training"], spanish["mentor_training"] = rng.choice(MENTOR_TRAININGS)
    s["quality_es"] = spanish
    return out


def employer_roles(syn: Synth, s: dict[str, Any], pay: dict[str, Any]) -> list[dict[str, Any]]:
    """The ways an employer can take part, for some programs an intermediary or a public program runs; their
    Spanish notes wait in s["roles_es"] for the listing's translations."""
    rng = syn.rng
    runs_placements = s["org"]["kind"] == "intermediary" or "funded_by" in pay
    if not runs_placements or s["stage"] == "awareness" or rng.random() >= 0.6:
        return []
    ways = ["host", "hire", "sponsor", "mentor", "speak"]
    picked = sorted(rng.sample(ways, rng.randint(1, 3)), key=ways.index)
    roles: list[dict[str, Any]] = []
    for way in picked:
        role: dict[str, Any] = {"way": way}
        if way == "sponsor":
            role["amount"] = rng.choice([1500, 2500, 3000, 4000, 5000])
        role["note"] = EMPLOYER_ROLES[way][0]
        roles.append(role)
    s["roles_es"] = {"employer_roles": {way: EMPLOYER_ROLES[way][1] for way in picked}}
    return roles
