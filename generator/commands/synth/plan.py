"""The plan of a synthetic catalog: every listing's structured facts (format, sector, season, grades, sites, signals), before any text.

The facts are drawn with the proportions of data/mix.yml, then a few are
reassigned so that every vocabulary value is used at least once when there
are enough listings (from 100 listings on).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from generator.commands.synth.state import Synth
from generator.commands.synth.tables import T

# Formats that can run online (a few of them do).
REMOTE_OK = {"career-talk", "informational-interview", "mentoring", "project", "simulated-workplace"}


def plan(syn: Synth, orgs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rng = syn.rng
    weights = [0.3 + 4 * rng.random() ** 2 for _ in orgs]
    counts = Counter(rng.choices(range(len(orgs)), weights=weights, k=syn.n - len(orgs)))
    slots = [{"org": org} for i, org in enumerate(orgs) for _ in range(1 + counts[i])][: syn.n]
    fids = list(syn.formats)
    for s in slots:
        boost = T.kind_boost.get(s["org"]["kind"], {})
        s["format"] = rng.choices(fids, weights=[T.format_weights.get(f, 3) * boost.get(f, 1) for f in fids])[0]
    cover(syn, slots, "format", fids)
    for s in slots:
        s["stage"] = syn.formats[s["format"]].get("stage", "preparation")
        org = s["org"]
        s["sector"] = org["sector"] if rng.random() < 0.6 or len(org["sectors"]) == 1 else rng.choice(org["sectors"])
        if rng.random() < 0.04:
            s["sector"] = rng.choice(list(syn.sectors))
    cover(syn, slots, "sector", list(syn.sectors))
    for s in slots:
        options = T.seasons.get(s["format"]) or T.seasons[s["stage"]]
        s["season"] = rng.choice(options.split())
    cover(syn, slots, "season", [x["id"] for x in syn.vocab["seasons"]], ok=lambda s, v: s["format"] != "summer-youth-employment")
    for s in slots:
        facts(syn, s)
    cover_rest(syn, slots)
    for org in orgs:
        org["listings"] = [s for s in slots if s["org"] is org]
        extra = Counter(s["sector"] for s in org["listings"])
        org["sectors"] = list(dict.fromkeys([org["sector"], *sorted(extra, key=lambda k: (-extra[k], k)), *org["sectors"]]))[:5]
    return slots


def cover(
    syn: Synth,
    slots: list[dict[str, Any]],
    key: str,
    values: list[str],
    ok: Callable[[dict[str, Any], str], bool] = lambda s, v: True,
) -> None:
    """Reassign a few slots so that every value is used at least once (when there are enough slots)."""
    counts = Counter(s[key] for s in slots)
    order = list(range(len(slots)))
    syn.rng.shuffle(order)
    for value in values:
        if counts[value]:
            continue
        for i in order:
            if counts[slots[i][key]] > 1 and ok(slots[i], value):
                counts[slots[i][key]] -= 1
                counts[value] += 1
                slots[i][key] = value
                break


def facts(syn: Synth, s: dict[str, Any]) -> None:
    rng, fmt, stage = syn.rng, s["format"], s["stage"]
    paid, stipend = T.pay_odds.get(fmt, (0, 0))
    roll = rng.random()
    s["pay"] = "paid" if roll < paid else "stipend" if roll < paid + stipend else "unpaid"
    set_grades(syn, s, rng.choice(T.grades.get(fmt) or T.grades[stage]))
    if rng.random() < 0.12 and fmt in REMOTE_OK:
        s["sites"] = [("online", "Los Angeles", None, "remote")]
    else:
        n_sites = rng.choices([1, 2, 3, 4, 5], weights=[75, 13, 7, 3, 2])[0]
        areas = [s["org"]["home"] if rng.random() < 0.6 else rng.choice(syn.places)] + rng.choices(syn.places, k=n_sites - 1)
        mode = "hybrid" if stage in ("preparation", "training") and rng.random() < 0.06 else "in-person"
        s["sites"] = [(a, *syn.place(a), mode) for a in areas]
    langs = ["en"] + (["es"] if rng.random() < 0.65 else [])
    if rng.random() < 0.18:
        langs.append(rng.choice(T.area_langs.get(s["sites"][0][0], "zh").split()))
    s["langs"] = langs
    s["mentor"] = rng.random() < {"preparation": 0.75, "training": 0.75, "exploration": 0.4}.get(stage, 0.1)
    s["academic"] = stage in ("preparation", "training") and rng.random() < 0.25
    s["college"] = fmt == "cooperative-education" and rng.random() < 0.7 or (s["grades"][1] >= 12 and rng.random() < 0.08)
    s["cred"] = (
        rng.choice(syn.pool(s["sector"])["creds"])
        if rng.random() < {"training": 0.35, "preparation": 0.15}.get(stage, 0)
        else None
    )
    s["transport"] = rng.choice(T.transport) if rng.random() < 0.25 else None
    s["status"] = rng.choices(["open", "closed", "archived"], weights=[80, 14, 6])[0]
    s["es"] = rng.random() < 0.4
    signals = {
        "paid": s["pay"] == "paid" and rng.random() < 0.9,
        "academic-credit": s["academic"],
        "college-credit": s["college"],
        "industry-credential": bool(s["cred"]),
        "trained-mentor": s["mentor"] and rng.random() < 0.7,
        "transportation-support": bool(s["transport"]),
        "neighborhood-sites": len(s["sites"]) > 1 and rng.random() < 0.6,
        "evaluation-start-end": stage != "awareness" and rng.random() < 0.25,
        "career-advising": rng.random() < 0.3,
        "safety-evaluated-site": stage in ("exploration", "training") and rng.random() < 0.6,
        "qualified-supervision": stage in ("exploration", "training") and rng.random() < 0.6,
        "age-appropriate-sequence": stage in ("awareness", "exploration") and rng.random() < 0.5,
        "regular-feedback": stage in ("preparation", "training") and rng.random() < 0.4,
        "measurable-outcomes": rng.random() < 0.25,
    }
    s["signals"] = {k for k, v in signals.items() if v}
    access(syn, s)


def access(syn: Synth, s: dict[str, Any]) -> None:
    """Who may take part and what it costs, beyond grades and wages: most listings keep the plain defaults.

    Unpaid talks, tours and shadows are often simply free; a few preparation programs charge a fee; public youth
    jobs and training name an age range instead of grades; some programs are only for, or favor, certain groups.
    """
    rng, fmt, stage = syn.rng, s["format"], s["stage"]
    if s["pay"] == "unpaid" and stage in ("awareness", "exploration") and rng.random() < 0.3:
        s["pay"] = "free"
    elif s["pay"] == "unpaid" and stage == "preparation" and fmt != "service-learning" and rng.random() < 0.12:
        s["pay"] = "fee"
    s["ages_only"] = False
    if fmt in T.ages_only_formats and rng.random() < 0.35:
        low, high = rng.choice(T.ages_only_ranges[fmt])
        s["ages_only"], s["age"] = True, (low, high)
        if s["permit"] is not None:
            s["permit"] = low < 18
    elig: dict[str, Any] = {}
    if s["ages_only"] and rng.random() < 0.5:
        elig["status"] = ["in-school", "out-of-school"]
    elif not s["ages_only"] and s["grades"][0] >= 13 and rng.random() < 0.15:
        elig["status"] = ["graduated"]
    if s["org"]["kind"] in ("school-district", "college") and stage != "training" and rng.random() < 0.3:
        elig["schools"] = [s["org"]["name"]]
    groups = [x["id"] for x in syn.vocab.get("populations", [])]
    if groups and rng.random() < 0.04:
        elig["populations"] = sorted(rng.sample([g for g in T.only_for if g in groups], 1 + (rng.random() < 0.2)))
    elif groups and stage in ("preparation", "training") and rng.random() < 0.1:
        elig["priority"] = sorted(rng.sample([g for g in T.priority_for if g in groups], rng.randint(1, 2)))
    if stage in ("preparation", "training") and rng.random() < 0.07:
        elig["min_gpa"] = rng.choice(T.gpas)
    if rng.random() < {"training": 0.3, "preparation": 0.08}.get(stage, 0):
        pool = list(T.needs_any)
        pool += T.needs_health if s["sector"].startswith("health") else []
        pool += T.needs_trades if fmt in ("apprenticeship", "pre-apprenticeship") else []
        pool += T.needs_adult if s["age"] and s["age"][0] >= 18 else []
        needs = set(rng.sample(pool, min(len(pool), rng.randint(1, 2))))
        if not s["ages_only"] and s["grades"][0] >= 13:
            needs.discard("parent-permission")
        if needs:
            elig["needs"] = [n for n in NEEDS if n in needs]
    s["elig"] = elig


# The order of eligibility.needs in the schema, in which the files list them.
NEEDS = (
    "parent-permission",
    "immunizations",
    "tb-test",
    "physical",
    "background-check",
    "drug-test",
    "aptitude-test",
    "interview",
    "drivers-license",
)


def set_grades(syn: Synth, s: dict[str, Any], grades: tuple[int, int]) -> None:
    low, high = grades
    s["grades"] = grades
    s["ages_only"] = False
    placement = s["pay"] == "paid" and s["stage"] == "training"
    age_min = 18 if low >= 13 else max(low + 5, 16 if placement else 0)
    s["age"] = (
        None if syn.rng.random() < 0.35 else (age_min, None if low >= 13 and syn.rng.random() < 0.5 else max(age_min, high + 6))
    )
    s["permit"] = (low <= 12) if placement else None


def cover_rest(syn: Synth, slots: list[dict[str, Any]]) -> None:
    rng, order = syn.rng, list(range(len(slots)))
    rng.shuffle(order)
    used = Counter(site[0] for s in slots for site in s["sites"])
    for area in syn.areas:
        if used[area]:
            continue
        for i in order:
            s = slots[i]
            first = s["sites"][0]
            if area == "online" and s["format"] in REMOTE_OK and used[first[0]] > 1:
                s["sites"] = [("online", "Los Angeles", None, "remote")]
            elif area != "online" and first[3] != "remote" and used[first[0]] > 1:
                s["sites"][0] = (area, *syn.place(area), first[3])
            else:
                continue
            used[first[0]] -= 1
            used[area] += 1
            break
    langs = Counter(lang for s in slots for lang in s["langs"])
    for k, lang in enumerate(x["id"] for x in syn.vocab["languages"]):
        if not langs[lang] and slots:
            slots[order[k % len(slots)]]["langs"].append(lang)
    signals = Counter(sig for s in slots for sig in s["signals"])
    features = {"academic-credit": "academic", "college-credit": "college", "trained-mentor": "mentor"}
    for sig in (x["id"] for x in syn.vocab["signals"]):
        fits = [slots[i] for i in order if sig != "paid" or slots[i]["pay"] == "paid"]
        if signals[sig] or not fits:
            continue
        target = fits[0]
        target["signals"].add(sig)
        if sig in features:
            target[features[sig]] = True
        elif sig == "industry-credential":
            target["cred"] = syn.pool(target["sector"])["creds"][0]
        elif sig == "transportation-support":
            target["transport"] = T.transport[0]
    for band in syn.vocab["grade-bands"]:
        low, high = band.get("min", 6), band.get("max", 14)
        if any(low <= s["grades"][0] and s["grades"][1] <= high and not s["ages_only"] for s in slots):
            continue
        stages = (
            ("awareness", "exploration")
            if high <= 8
            else ("training",)
            if low >= 13
            else ("preparation", "training", "exploration")
        )
        fits = [slots[i] for i in order if slots[i]["stage"] in stages]
        if fits:
            set_grades(syn, fits[0], (low, high))
