"""The text of a synthetic listing: the words it is written with, its title, its description and its Spanish translation.

Templates come from data/listings.yml and data/spanish.yml; `text_vars`
fills in their `{names}` from the listing's facts and its sector's pools.
Titles are kept unique, as the bundled catalog's are.
"""

from __future__ import annotations

from typing import Any

from generator.commands.synth.state import Synth
from generator.commands.synth.tables import T
from generator.commands.synth.words import articles, lower_first, pick, title_case


def text_vars(syn: Synth, s: dict[str, Any]) -> dict[str, Any]:
    rng, org, p = syn.rng, s["org"], syn.pool(s["sector"])
    roles, tools = rng.sample(p["roles"], 2), rng.sample(p["tools"], 2)
    tasks = rng.sample(p["tasks"], 3) + [rng.choice(T.generic_tasks)]
    skills, places = rng.sample(p["skills"], 2), rng.sample(p["places"], 2)
    area, city = s["sites"][0][0], s["sites"][0][1]
    low, high = s["grades"]
    grades = "community college" if low >= 13 else f"grades {low} to {high}" if high <= 12 else f"grades {low} to 12 and college"
    grades_es = "colegio comunitario" if low >= 13 else f"los grados {low} a {high}"
    if s.get("ages_only"):
        # Listings that give only ages are open to young people in and out of school.
        grades, grades_es = "high school or out of school", "preparatoria o fuera de la escuela"
    season = {"school-year": "school year", "year-round": "year"}.get(s["season"], s["season"])
    return {
        "org": org["name"],
        "short": org["short"],
        "city": city,
        "area": syn.areas[area]["name"] if area != "online" else "Los Angeles County",
        "area_es": syn.areas[area]["name_es"] if area != "online" else "el condado de Los Ángeles",
        "role": roles[0],
        "role2": roles[1],
        "roles": roles[0] + "s",
        "role2s": roles[1] + "s",
        "task1": tasks[0],
        "task2": tasks[1],
        "task3": tasks[2],
        "task4": tasks[3],
        "tool1": tools[0],
        "tool2": tools[1],
        "skill1": lower_first(skills[0]),
        "skill2": lower_first(skills[1]),
        "place": places[0],
        "place2": places[1],
        "topic": rng.choice(p["topics"]),
        "venture": rng.choice(p["ventures"]),
        "project": rng.choice(p["projects"]),
        "weeks": s["weeks"] or 1,
        "hours": s["hours"] or 2,
        "seats": s["seats"],
        "group": rng.randint(3, 6),
        "day": rng.choice(T.days),
        "season": season,
        "n": rng.randint(6, 40),
        "n2": rng.randint(3, 25),
        "years": rng.randint(2, 25),
        "grades": grades,
        "fmt": syn.fmt_word(s["format"]),
        "cred": s["cred"],
        "credit": "college units" if s["college"] else "high school elective credit",
        "transport": (s["transport"] or "").rstrip("."),
        "amount": s["amount"],
        "field": rng.choice(T.fields.get(s["sector"], ["Careers"])).lower(),
        "skills": skills,
        "pay": {"paid": "A paid", "stipend": "A stipend-supported", "free": "A free", "fee": "A low-cost"}.get(
            s["pay"], "An unpaid"
        ),
        "school1": f"{rng.choice(T.surnames)} {rng.choice(T.school_kinds)}",
        "school2": f"{rng.choice(T.places)} {rng.choice(T.school_kinds)}",
        "partner": f"{syn.brand()} {rng.choice(p['nouns'])}",
        "grades_es": grades_es,
        "fmt_es": syn.formats[s["format"]]["name_es"],
        "season_es": syn.vocab_name("seasons", s["season"], "name_es").lower(),
    }


def pay_cond(pay: str) -> str:
    """The templates' condition for a pay type: a free listing reads like an unpaid one ("Free to take part")."""
    return "unpaid" if pay == "free" else pay


def title_for(syn: Synth, s: dict[str, Any], v: dict[str, Any]) -> str:
    rng, p = syn.rng, syn.pool(s["sector"])
    tv = {
        "City": v["city"],
        "Short": v["short"],
        "Area": v["area"],
        "Venture": title_case(v["venture"]),
        "Season": {"school-year": "School-Year", "year-round": "Year-Round"}.get(s["season"], s["season"].title()),
        "Fmt": syn.formats[s["format"]]["name"],
    }
    templates = pick(rng, T.titles.get(s["format"], T.title_fallback), {pay_cond(s["pay"])})
    unique: list[str] = []
    for attempt in range(24):
        role = v["role"] if attempt < 3 else rng.choice(p["roles"])
        place = v["place"] if attempt < 3 else rng.choice(p["places"])
        tv |= {
            "Role": title_case(role),
            "Roles": title_case(role) + "s",
            "Place": title_case(place),
            "Field": rng.choice(T.fields.get(s["sector"], ["Careers"])),
        }
        title = rng.choice(templates).format_map(tv)
        if title not in syn.titles:
            unique.append(title)
            if 20 <= len(title) <= 66:
                break
    else:  # keep it unique; length is the lesser evil
        title = min(unique, key=len) if unique else f"{title} ({v['city']}, {tv['Season']})"
    syn.titles.add(title)
    return title


def description(syn: Synth, s: dict[str, Any], v: dict[str, Any], conds: set[str]) -> str:
    rng = syn.rng
    intro = rng.choice(pick(rng, T.intros[s["stage"]], conds)).format_map(v)
    body = pick(rng, T.body, conds) + T.partner_body + T.more_body
    rng.shuffle(body)
    bullets = pick(rng, T.bullets, conds) + T.partner_bullets
    rng.shuffle(bullets)
    bullets = ["- " + b.format_map(v) for b in bullets[: rng.randint(2, 4)]]
    target, words = rng.randint(98, 145), len(intro.split()) + sum(len(b.split()) for b in bullets)
    first: list[str] = [intro]
    second: list[str] = []
    for sentence in body:
        sentence = sentence.format_map(v)
        size = len(sentence.split())
        if words + size > target + 8:
            continue
        (first if len(first) < 3 else second).append(sentence[0].upper() + sentence[1:])
        words += size
        if words >= target:
            break
    paragraphs = [articles(" ".join(first))] + ([articles(" ".join(second))] if second else []) + ["\n".join(bullets)]
    return "\n\n".join(paragraphs) + "\n"


def spanish(syn: Synth, s: dict[str, Any], v: dict[str, Any], conds: set[str]) -> dict[str, str]:
    rng = syn.rng
    body = pick(rng, T.es_body, conds)
    rng.shuffle(body)
    bullets = pick(rng, T.es_bullets, conds)
    rng.shuffle(bullets)
    text = " ".join(x.format_map(v) for x in body[:3]) + "\n\n" + " ".join(x.format_map(v) for x in body[3:6])
    text += "\n\n" + "\n".join("- " + b.format_map(v) for b in bullets[:3]) + "\n"
    return {
        "title": rng.choice(T.es_titles).format_map(v),
        "summary": rng.choice(T.es_summaries).format_map(v),
        "description": text,
    }
