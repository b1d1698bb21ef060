"""`python -m generator synth`: write a realistic synthetic catalog for tests and benchmarks.

The output resembles the bundled catalog (contracts.md, "The synthetic catalog
is realistic, measurably"): about one organization per ten listings, every
vocabulary value used (from 100 listings on), titles and descriptions as long
as the bundled ones, at least 95% unique titles and no repeated descriptions.
Dates are placed around the "as of" date (CATALOG_TODAY), so the catalog
checks clean whenever it is generated. Everything else depends only on the
seed: one `random.Random(seed)`, and lists in a fixed order.

Word pools and templates live in generator/synth_text.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from . import synth_text as T

BUNDLED = Path(__file__).resolve().parent.parent / "catalog"
CATALOG_PARTS = ("employers", "pathways", "rubrics", "vocabularies", "retired.yml")
KINDS = {
    "employer": 58,
    "intermediary": 9,
    "nonprofit": 8,
    "school-district": 8,
    "college": 6,
    "public-agency": 7,
    "staffing-agency": 4,
}
FORMAT_WEIGHTS = {
    "internship": 22,
    "job-shadow": 10,
    "career-talk": 8,
    "workplace-tour": 7,
    "mentoring": 6,
    "project": 5,
    "summer-youth-employment": 7,
    "informational-interview": 4,
    "career-fair": 3,
    "service-learning": 4,
    "pre-apprenticeship": 4,
    "apprenticeship": 4,
    "cooperative-education": 3,
    "school-based-enterprise": 3,
    "simulated-workplace": 3,
}
KIND_BOOST = {
    "school-district": {"school-based-enterprise": 6, "simulated-workplace": 6, "career-fair": 2, "apprenticeship": 0.2},
    "college": {"cooperative-education": 4, "apprenticeship": 1.5, "school-based-enterprise": 1.5, "workplace-tour": 0.5},
    "intermediary": {
        "career-fair": 3,
        "mentoring": 2,
        "career-talk": 2,
        "summer-youth-employment": 2,
        "informational-interview": 2,
    },
    "staffing-agency": {
        "internship": 2,
        "summer-youth-employment": 3,
        "career-fair": 0.3,
        "workplace-tour": 0.2,
        "job-shadow": 0.3,
    },
    "public-agency": {"summer-youth-employment": 3, "service-learning": 3, "career-talk": 1.5},
    "nonprofit": {"mentoring": 3, "service-learning": 2, "project": 2},
}
# (probability paid, probability stipend) per format; the rest is unpaid.
PAY_ODDS = {
    "internship": (0.86, 0.07),
    "summer-youth-employment": (0.97, 0.03),
    "apprenticeship": (1, 0),
    "pre-apprenticeship": (0.6, 0.3),
    "cooperative-education": (0.85, 0.1),
    "school-based-enterprise": (0.4, 0.15),
    "simulated-workplace": (0.05, 0.15),
    "project": (0.05, 0.3),
    "mentoring": (0, 0.12),
    "service-learning": (0, 0.25),
    "job-shadow": (0, 0.03),
}
GRADES = {
    "awareness": [(6, 8)] * 5 + [(6, 9), (7, 10), (8, 12), (9, 12), (6, 12)],
    "exploration": [(6, 8), (7, 10), (8, 10), (9, 11)] + [(9, 12), (10, 12)] * 3,
    "preparation": [(9, 12), (10, 12)] * 3 + [(11, 12), (9, 14), (10, 14)],
    "training": [(11, 12)] * 3 + [(10, 12), (11, 13), (11, 13), (12, 14), (13, 14), (13, 14)],
    "summer-youth-employment": [(9, 12), (10, 12), (10, 13), (11, 14)],
    "apprenticeship": [(12, 14)] + [(13, 14)] * 3,
    "cooperative-education": [(13, 14), (13, 14), (12, 14), (11, 14)],
}
SEASONS = {
    "summer-youth-employment": "summer",
    "internship": "summer summer summer spring fall year-round",
    "awareness": "school-year school-year spring fall winter",
    "exploration": "spring spring fall school-year winter year-round",
    "preparation": "school-year school-year spring fall winter summer",
    "training": "school-year fall spring summer year-round",
}
# Start of each season: (month, day, jitter in days); year-round starts are spread over the year.
SEASON_START = {
    "summer": (6, 15, 20),
    "fall": (8, 20, 25),
    "spring": (1, 12, 40),
    "winter": (12, 1, 35),
    "school-year": (8, 15, 20),
    "year-round": (1, 1, 360),
}
ONE_DAY = {"career-fair", "workplace-tour"}
WINDOW = {"career-talk", "job-shadow", "informational-interview"}
REMOTE_OK = {"career-talk", "informational-interview", "mentoring", "project", "simulated-workplace"}
ROLE_KEYS = [
    "internships",
    "youth",
    "placements",
    "careers",
    "wbl",
    "outreach",
    "speakers",
    "apprenticeships",
    "partners",
    "earlycareers",
    "talent",
    "programs",
]
# How a format reads inside a sentence, singular and plural (default: its name in lowercase, plus "s").
FMT_WORDS = {
    "mentoring": ("mentoring program", "mentoring"),
    "service-learning": ("service-learning program", "service learning"),
    "cooperative-education": ("co-op program", "co-op programs"),
    "summer-youth-employment": ("summer job", "summer youth jobs"),
    "school-based-enterprise": ("student-run business", "student-run businesses"),
    "project": ("industry project", "industry projects"),
}
FULL_TIME = ["Weekdays, daytime", "Weekdays, 8 a.m. to 4:30 p.m.", "Monday to Thursday, 7 a.m. to 3:30 p.m."]
SEATS = {
    "career-fair": (120, 600),
    "career-talk": (30, 200),
    "workplace-tour": (15, 60),
    "job-shadow": (4, 30),
    "informational-interview": (10, 40),
    "summer-youth-employment": (20, 250),
    "apprenticeship": (4, 20),
}


def slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(out) > limit:
        out = out[:limit].rsplit("-", 1)[0]
    return out or "item"


def title_case(text: str) -> str:
    small = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with", "by", "from"}
    words = text.split(" ")
    return " ".join(w if (i and w in small) or not w else w[0].upper() + w[1:] for i, w in enumerate(words))


def lower_first(text: str) -> str:
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def articles(text: str) -> str:
    """`a apprentice` -> `an apprentice` after templates are filled in."""
    return re.sub(r"\b([Aa]) (?=[aeiouAEIOU])(?!one|[Uu]ni|[Uu]s|[Ee]u)", r"\1n ", text)


def pick(rng: random.Random, templates: list[str], conds: set[str]) -> list[str]:
    """Templates whose `cond>` prefix (if any) is among conds, without the prefix."""
    out = []
    for t in templates:
        cond, sep, body = t.partition(">")
        if not sep:
            out.append(t)
        elif cond in conds:
            out.append(body)
    return out


# -- YAML output -------------------------------------------------------------------------------


class Flow(list):
    """A short list or pair written on one line: `[en, es]` or `{min: 10, max: 12}`."""


def grade_range(low: int, high: int) -> Flow:
    return Flow([("min", low), ("max", high)])


_RESERVED = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"}


def scalar(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if (
        text[:1].isalpha()
        and text.isprintable()
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
        and text.lower() not in _RESERVED
    ):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def emit(data: dict[str, Any], indent: int = 0) -> list[str]:
    pad, lines = " " * indent, []
    for key, value in data.items():
        if isinstance(value, Flow):
            if value and isinstance(value[0], tuple):
                lines.append(f"{pad}{key}: {{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value) + "}")
            else:
                lines.append(f"{pad}{key}: [" + ", ".join(scalar(v) for v in value) + "]")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(emit(value, indent + 2))
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = emit(item)
                    lines.append(f"{pad}  - {sub[0]}")
                    lines.extend(f"{pad}    {s}" if s else "" for s in sub[1:])
                else:
                    lines.append(f"{pad}  - {scalar(item)}")
        elif isinstance(value, str) and "\n" in value:
            lines.append(f"{pad}{key}: |")
            lines.extend(f"{pad}  {ln}" if ln else "" for ln in value.rstrip("\n").split("\n"))
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def document(schema: str, data: dict[str, Any]) -> str:
    return f"# yaml-language-server: $schema={schema}\n" + "\n".join(emit(data)) + "\n"


# -- the generator -----------------------------------------------------------------------------


class Synth:
    def __init__(self, n: int, seed: int, as_of: dt.date, source: Path = BUNDLED) -> None:
        self.n, self.as_of, self.source = n, as_of, source
        self.rng = random.Random(seed)
        vocab = {
            p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["items"]
            for p in sorted((source / "vocabularies").glob("*.yml"))
        }
        self.vocab = vocab
        self.formats = {f["id"]: f for f in vocab["formats"]}
        self.sectors = {s["id"]: s for s in vocab["sectors"]}
        self.areas = {a["id"]: a for a in vocab["areas"]}
        self.places = [a for a in self.areas if self.areas[a]["zips"]]
        rubric_path = min(sorted((source / "rubrics").glob("*.yml")), key=lambda p: p.stem != "key-distinguishers")
        rubric = yaml.load(rubric_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        self.rubric_id = rubric_path.stem
        self.criteria = [c["id"] for c in rubric["criteria"]]
        self.levels = [lv["id"] for lv in rubric["levels"]]
        self.titles: set[str] = set()

    def pool(self, sector: str) -> dict[str, list[str]]:
        return T.SECTORS.get(sector, T.SECTORS[T.GENERIC_SECTOR])

    def brand(self) -> str:
        return self.rng.choice(T.BRAND_HEADS) + self.rng.choice(T.BRAND_TAILS)

    def place(self, area: str) -> tuple[str, str]:
        zip_code = self.rng.choice(self.areas[area]["zips"])
        cities = self.areas[area]["cities"]
        city = T.ZIP_CITY.get(zip_code, cities[0] if cities else "Los Angeles")
        return city, zip_code

    def review_date(self, low: int, high: int) -> str:
        return (self.as_of - dt.timedelta(days=low + int((high - low) * self.rng.random() ** 1.5))).isoformat()

    # -- organizations --

    def organizations(self) -> list[dict[str, Any]]:
        rng, count = self.rng, max(1, round(self.n / 10))
        kinds = list(KINDS) if count >= 10 else []
        kinds += rng.choices(list(KINDS), weights=list(KINDS.values()), k=count - len(kinds))
        rng.shuffle(kinds)
        sector_ids, places = list(self.sectors), T.PLACES[:]
        rng.shuffle(sector_ids)
        rng.shuffle(places)
        orgs, names, shorts = [], set(), set()
        for i, kind in enumerate(kinds):
            sector = sector_ids[i % len(sector_ids)]
            if kind == "public-agency":
                noun, sector = rng.choice(T.AGENCIES)
            elif kind == "nonprofit":
                noun, sector = rng.choice(T.NONPROFITS)
            else:
                noun = rng.choice(T.KIND_NOUNS.get(kind) or self.pool(sector)["nouns"])
            sector = sector if sector in self.sectors else sector_ids[0]
            coined = kind in ("employer", "nonprofit", "staffing-agency", "intermediary") and rng.random() < 0.5
            for attempt in range(400):
                place = (
                    places[(i + attempt * 7) % len(places)]
                    if attempt < 40
                    else rng.choice(places) + " " + rng.choice(places).split()[0]
                )
                place = self.brand() if coined else place
                short = place if place not in shorts else f"{place} {noun.split()[0]}"
                if f"{place} {noun}" not in names and short not in shorts:
                    break
            name = f"{place} {noun}"
            names.add(name)
            shorts.add(short)
            home = rng.choice(self.places)
            others = (
                rng.sample(sector_ids, rng.randint(2, 4))
                if kind in ("school-district", "college", "intermediary", "staffing-agency")
                else []
            )
            orgs.append(
                {
                    "id": slug(name),
                    "name": name,
                    "short": short,
                    "kind": kind,
                    "sector": sector,
                    "home": home,
                    "sectors": [sector] + [s for s in others if s != sector],
                    "listings": [],
                    "for_other": kind == "staffing-agency"
                    or (kind in ("intermediary", "school-district") and rng.random() < 0.5),
                }
            )
        return orgs

    # -- the plan: every listing's structured facts, before any text --

    def plan(self, orgs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rng = self.rng
        weights = [0.3 + 4 * rng.random() ** 2 for _ in orgs]
        counts = Counter(rng.choices(range(len(orgs)), weights=weights, k=self.n - len(orgs)))
        slots = [{"org": org} for i, org in enumerate(orgs) for _ in range(1 + counts[i])][: self.n]
        fids = list(self.formats)
        for s in slots:
            boost = KIND_BOOST.get(s["org"]["kind"], {})
            s["format"] = rng.choices(fids, weights=[FORMAT_WEIGHTS.get(f, 3) * boost.get(f, 1) for f in fids])[0]
        self.cover(slots, "format", fids)
        for s in slots:
            s["stage"] = self.formats[s["format"]].get("stage", "preparation")
            org = s["org"]
            s["sector"] = org["sector"] if rng.random() < 0.6 or len(org["sectors"]) == 1 else rng.choice(org["sectors"])
            if rng.random() < 0.04:
                s["sector"] = rng.choice(list(self.sectors))
        self.cover(slots, "sector", list(self.sectors))
        for s in slots:
            options = SEASONS.get(s["format"]) or SEASONS[s["stage"]]
            s["season"] = rng.choice(options.split())
        self.cover(
            slots, "season", [x["id"] for x in self.vocab["seasons"]], ok=lambda s, v: s["format"] != "summer-youth-employment"
        )
        for s in slots:
            self.facts(s)
        self.cover_rest(slots)
        for org in orgs:
            org["listings"] = [s for s in slots if s["org"] is org]
            extra = Counter(s["sector"] for s in org["listings"])
            org["sectors"] = list(dict.fromkeys([org["sector"], *sorted(extra, key=lambda k: (-extra[k], k)), *org["sectors"]]))[
                :5
            ]
        return slots

    def cover(self, slots: list[dict[str, Any]], key: str, values: list[str], ok=lambda s, v: True) -> None:
        """Reassign a few slots so that every value is used at least once (when there are enough slots)."""
        counts = Counter(s[key] for s in slots)
        order = list(range(len(slots)))
        self.rng.shuffle(order)
        for value in values:
            if counts[value]:
                continue
            for i in order:
                if counts[slots[i][key]] > 1 and ok(slots[i], value):
                    counts[slots[i][key]] -= 1
                    counts[value] += 1
                    slots[i][key] = value
                    break

    def facts(self, s: dict[str, Any]) -> None:
        rng, fmt, stage = self.rng, s["format"], s["stage"]
        paid, stipend = PAY_ODDS.get(fmt, (0, 0))
        roll = rng.random()
        s["pay"] = "paid" if roll < paid else "stipend" if roll < paid + stipend else "unpaid"
        self.set_grades(s, rng.choice(GRADES.get(fmt) or GRADES[stage]))
        if rng.random() < 0.12 and fmt in REMOTE_OK:
            s["sites"] = [("online", "Los Angeles", None, "remote")]
        else:
            n_sites = rng.choices([1, 2, 3, 4, 5], weights=[75, 13, 7, 3, 2])[0]
            areas = [s["org"]["home"] if rng.random() < 0.6 else rng.choice(self.places)] + rng.choices(
                self.places, k=n_sites - 1
            )
            mode = "hybrid" if stage in ("preparation", "training") and rng.random() < 0.06 else "in-person"
            s["sites"] = [(a, *self.place(a), mode) for a in areas]
        langs = ["en"] + (["es"] if rng.random() < 0.65 else [])
        if rng.random() < 0.18:
            langs.append(rng.choice(T.AREA_LANGS.get(s["sites"][0][0], "zh").split()))
        s["langs"] = langs
        s["mentor"] = rng.random() < {"preparation": 0.75, "training": 0.75, "exploration": 0.4}.get(stage, 0.1)
        s["academic"] = stage in ("preparation", "training") and rng.random() < 0.25
        s["college"] = fmt == "cooperative-education" and rng.random() < 0.7 or (s["grades"][1] >= 12 and rng.random() < 0.08)
        s["cred"] = (
            rng.choice(self.pool(s["sector"])["creds"])
            if rng.random() < {"training": 0.35, "preparation": 0.15}.get(stage, 0)
            else None
        )
        s["transport"] = rng.choice(T.TRANSPORT) if rng.random() < 0.25 else None
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

    def set_grades(self, s: dict[str, Any], grades: tuple[int, int]) -> None:
        low, high = grades
        s["grades"] = grades
        placement = s["pay"] == "paid" and s["stage"] == "training"
        age_min = 18 if low >= 13 else max(low + 5, 16 if placement else 0)
        s["age"] = (
            None
            if self.rng.random() < 0.35
            else (age_min, None if low >= 13 and self.rng.random() < 0.5 else max(age_min, high + 6))
        )
        s["permit"] = (low <= 12) if placement else None

    def cover_rest(self, slots: list[dict[str, Any]]) -> None:
        rng, order = self.rng, list(range(len(slots)))
        rng.shuffle(order)
        used = Counter(site[0] for s in slots for site in s["sites"])
        for area in self.areas:
            if used[area]:
                continue
            for i in order:
                s = slots[i]
                first = s["sites"][0]
                if area == "online" and s["format"] in REMOTE_OK and used[first[0]] > 1:
                    s["sites"] = [("online", "Los Angeles", None, "remote")]
                elif area != "online" and first[3] != "remote" and used[first[0]] > 1:
                    s["sites"][0] = (area, *self.place(area), first[3])
                else:
                    continue
                used[first[0]] -= 1
                used[area] += 1
                break
        langs = Counter(lang for s in slots for lang in s["langs"])
        for k, lang in enumerate(x["id"] for x in self.vocab["languages"]):
            if not langs[lang] and slots:
                slots[order[k % len(slots)]]["langs"].append(lang)
        signals = Counter(sig for s in slots for sig in s["signals"])
        features = {"academic-credit": "academic", "college-credit": "college", "trained-mentor": "mentor"}
        for sig in (x["id"] for x in self.vocab["signals"]):
            fits = [slots[i] for i in order if sig != "paid" or slots[i]["pay"] == "paid"]
            if signals[sig] or not fits:
                continue
            target = fits[0]
            target["signals"].add(sig)
            if sig in features:
                target[features[sig]] = True
            elif sig == "industry-credential":
                target["cred"] = self.pool(target["sector"])["creds"][0]
            elif sig == "transportation-support":
                target["transport"] = T.TRANSPORT[0]
        for band in self.vocab["grade-bands"]:
            low, high = band.get("min", 6), band.get("max", 14)
            if any(low <= s["grades"][0] and s["grades"][1] <= high for s in slots):
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
                self.set_grades(fits[0], (low, high))

    # -- dates, pay and the other details of one listing --

    def schedule(self, s: dict[str, Any]) -> dict[str, Any]:
        rng, fmt, season, as_of = self.rng, s["format"], s["season"], self.as_of
        long = season in ("school-year", "year-round")
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
        month, day, jitter = SEASON_START.get(season, (9, 1, 30))
        shift, lead = rng.randint(0, jitter), rng.randint(7, 30) if fmt in ONE_DAY else rng.randint(14, 75)
        rolling = s["status"] == "open" and rng.random() < (0.5 if fmt in WINDOW or fmt == "mentoring" else 0.12)
        starts = [dt.date(y, month, day) + dt.timedelta(days=shift) for y in range(as_of.year - 3, as_of.year + 3)]
        end_of = lambda d: d + dt.timedelta(days=span or 0)  # noqa: E731
        if s["status"] == "open":
            start = next(
                d for d in starts if (end_of(d) if rolling else d - dt.timedelta(days=lead)) >= as_of + dt.timedelta(days=3)
            )
        elif s["status"] == "closed":
            start = [d for d in starts if d - dt.timedelta(days=lead) < as_of][-1]
        else:
            start = [d for d in starts if end_of(d) < as_of - dt.timedelta(days=14) and d < as_of - dt.timedelta(days=120)][-1]
        deadline = start - dt.timedelta(days=lead)
        out = {"season": season, "start": start.isoformat(), "end": end_of(start).isoformat()}
        if hours:
            out |= {"hours_per_week": hours, "weeks": weeks}
        out["times"] = (
            rng.choice(["Saturday, 10 a.m. to 2 p.m.", "One school day, 9 a.m. to 1 p.m.", "Evening, 5 to 8 p.m."])
            if fmt in ONE_DAY
            else "During class time, about 45 minutes"
            if fmt == "career-talk"
            else rng.choice(FULL_TIME if hours and hours >= 20 else T.TIMES)
        )
        s["weeks"], s["hours"] = weeks, hours
        s["deadline"] = None if rolling else deadline.isoformat()
        s["opens"] = (deadline - dt.timedelta(days=rng.randint(21, 100))).isoformat()
        return out

    def pay(self, s: dict[str, Any], eor_orgs: list[dict[str, Any]]) -> dict[str, Any]:
        rng, org = self.rng, s["org"]
        if s["pay"] == "unpaid":
            s["eor"], s["amount"] = None, None
            return {"type": "unpaid"}
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
            if rng.random() < 0.15:
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
        out["paid_by"] = s["eor"] if s["eor"] != "self" and rng.random() < 0.1 else "self"
        if rng.random() < 0.2:
            out["note"] = rng.choice(
                ["Paid every two weeks.", "Paid by direct deposit or pay card.", "Paid after the final session."]
            )
        return out

    def text_vars(self, s: dict[str, Any]) -> dict[str, Any]:
        rng, org, p = self.rng, s["org"], self.pool(s["sector"])
        roles, tools = rng.sample(p["roles"], 2), rng.sample(p["tools"], 2)
        tasks = rng.sample(p["tasks"], 3) + [rng.choice(T.GENERIC_TASKS)]
        skills, places = rng.sample(p["skills"], 2), rng.sample(p["places"], 2)
        area, city = s["sites"][0][0], s["sites"][0][1]
        low, high = s["grades"]
        grades = (
            "community college" if low >= 13 else f"grades {low} to {high}" if high <= 12 else f"grades {low} to 12 and college"
        )
        season = {"school-year": "school year", "year-round": "year"}.get(s["season"], s["season"])
        return {
            "org": org["name"],
            "short": org["short"],
            "city": city,
            "area": self.areas[area]["name"] if area != "online" else "Los Angeles County",
            "area_es": self.areas[area]["name_es"] if area != "online" else "el condado de Los Ángeles",
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
            "day": rng.choice(T.DAYS),
            "season": season,
            "n": rng.randint(6, 40),
            "n2": rng.randint(3, 25),
            "years": rng.randint(2, 25),
            "grades": grades,
            "fmt": self.fmt_word(s["format"]),
            "cred": s["cred"],
            "credit": "college units" if s["college"] else "high school elective credit",
            "transport": (s["transport"] or "").rstrip("."),
            "amount": s["amount"],
            "field": rng.choice(T.FIELDS.get(s["sector"], ["Careers"])).lower(),
            "skills": skills,
            "pay": {"paid": "A paid", "stipend": "A stipend-supported"}.get(s["pay"], "An unpaid"),
            "school1": f"{rng.choice(T.SURNAMES)} {rng.choice(T.SCHOOL_KINDS)}",
            "school2": f"{rng.choice(T.PLACES)} {rng.choice(T.SCHOOL_KINDS)}",
            "partner": f"{self.brand()} {rng.choice(p['nouns'])}",
            "grades_es": "colegio comunitario" if low >= 13 else f"los grados {low} a {high}",
            "fmt_es": self.formats[s["format"]]["name_es"],
            "season_es": self.vocab_name("seasons", s["season"], "name_es").lower(),
        }

    def fmt_word(self, fmt: str, plural: bool = False) -> str:
        name = lower_first(self.formats[fmt]["name"])
        return FMT_WORDS.get(fmt, (name, name + "s"))[plural]

    def vocab_name(self, vocab: str, ident: str, field: str = "name") -> str:
        return next((x[field] for x in self.vocab[vocab] if x["id"] == ident), ident)

    def title(self, s: dict[str, Any], v: dict[str, Any]) -> str:
        rng, p = self.rng, self.pool(s["sector"])
        tv = {
            "City": v["city"],
            "Short": v["short"],
            "Area": v["area"],
            "Venture": title_case(v["venture"]),
            "Season": {"school-year": "School-Year", "year-round": "Year-Round"}.get(s["season"], s["season"].title()),
            "Fmt": self.formats[s["format"]]["name"],
        }
        templates = pick(rng, T.TITLES.get(s["format"], T.TITLE_FALLBACK), {s["pay"]})
        unique: list[str] = []
        for attempt in range(24):
            role = v["role"] if attempt < 3 else rng.choice(p["roles"])
            place = v["place"] if attempt < 3 else rng.choice(p["places"])
            tv |= {
                "Role": title_case(role),
                "Roles": title_case(role) + "s",
                "Place": title_case(place),
                "Field": rng.choice(T.FIELDS.get(s["sector"], ["Careers"])),
            }
            title = rng.choice(templates).format_map(tv)
            if title not in self.titles:
                unique.append(title)
                if 20 <= len(title) <= 66:
                    break
        else:  # keep it unique; length is the lesser evil
            title = min(unique, key=len) if unique else f"{title} ({v['city']}, {tv['Season']})"
        self.titles.add(title)
        return title

    def description(self, s: dict[str, Any], v: dict[str, Any], conds: set[str]) -> str:
        rng = self.rng
        intro = rng.choice(pick(rng, T.INTROS[s["stage"]], conds)).format_map(v)
        body = pick(rng, T.BODY, conds) + T.PARTNER_BODY + T.MORE_BODY
        rng.shuffle(body)
        bullets = pick(rng, T.BULLETS, conds) + T.PARTNER_BULLETS
        rng.shuffle(bullets)
        bullets = ["- " + b.format_map(v) for b in bullets[: rng.randint(2, 4)]]
        target, words = rng.randint(98, 145), len(intro.split()) + sum(len(b.split()) for b in bullets)
        first, second = [intro], []
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

    def spanish(self, s: dict[str, Any], v: dict[str, Any], conds: set[str]) -> dict[str, str]:
        rng = self.rng
        body = pick(rng, T.ES_BODY, conds)
        rng.shuffle(body)
        bullets = pick(rng, T.ES_BULLETS, conds)
        rng.shuffle(bullets)
        text = " ".join(x.format_map(v) for x in body[:3]) + "\n\n" + " ".join(x.format_map(v) for x in body[3:6])
        text += "\n\n" + "\n".join("- " + b.format_map(v) for b in bullets[:3]) + "\n"
        return {
            "title": rng.choice(T.ES_TITLES).format_map(v),
            "summary": rng.choice(T.ES_SUMMARIES).format_map(v),
            "description": text,
        }

    def listing(
        self, s: dict[str, Any], ident: str, eor_orgs: list[dict[str, Any]], inter: list[dict[str, Any]]
    ) -> dict[str, Any]:
        rng, org, fmt = self.rng, s["org"], s["format"]
        low_seats, high_seats = SEATS.get(fmt, (3, 40) if s["stage"] == "training" else (8, 45))
        s["seats"] = rng.randint(low_seats, high_seats) * (len(s["sites"]) if s["stage"] == "training" else 1)
        schedule, pay = self.schedule(s), self.pay(s, eor_orgs)
        v = self.text_vars(s)
        v["sector_es"] = self.sectors[s["sector"]]["name_es"]
        conds = (
            {s["pay"], s["stage"]}
            | ({"venture"} if fmt in ("school-based-enterprise", "simulated-workplace") else set())
            | {k for k in ("cred", "mentor", "transport") if s[k]}
        )
        conds |= {"es"} if "es" in s["langs"] else set()
        conds |= {"hours"} if s["hours"] else set()
        conds |= {"credit"} if s["academic"] or s["college"] else set()
        conds |= {"multi"} if len(s["sites"]) > 1 else set()
        title = self.title(s, v)
        summaries = [t.format_map(v) for t in pick(rng, T.SUMMARIES[s["stage"]], conds)]
        rng.shuffle(summaries)
        summary = next((x for x in summaries if 80 <= len(x) <= 155), min(summaries, key=len))
        summary = articles(summary[0].upper() + summary[1:])
        data: dict[str, Any] = {"example": True, "title": title, "summary": summary, "description": self.description(s, v, conds)}
        choices = [o["id"] for o in inter if o is not org]
        if choices and org["kind"] != "intermediary" and rng.random() < 0.12:
            data["intermediary"] = rng.choice(choices)
        if s["eor"]:
            data["employer_of_record"] = s["eor"]
        sectors = [s["sector"]] + ([rng.choice(org["sectors"])] if rng.random() < 0.2 else [])
        data |= {"format": fmt, "stage": s["stage"], "sectors": [self.sectors[x]["name"] for x in dict.fromkeys(sectors)]}
        if s.get("pathways"):
            data["pathways"] = s["pathways"]
        data["pay"] = pay
        eligibility: dict[str, Any] = {"grades": grade_range(*s["grades"])}
        if s["age"]:
            eligibility["age"] = Flow([("min", s["age"][0])] + ([("max", s["age"][1])] if s["age"][1] else []))
        who = [
            "Students in {grades} who live or go to school in {area}.",
            "Students in {grades} anywhere in Los Angeles County; no experience needed.",
            "Students in {grades}, especially those without family connections in {field}.",
        ]
        if s["stage"] == "awareness":
            who.append("Classes from public and charter schools in {area}, booked by a teacher.")
        eligibility["who"] = rng.choice(who).format_map(v)
        if s["permit"] is not None:
            eligibility["work_permit"] = s["permit"]
        adult = s["grades"][0] >= 13
        if rng.random() < 0.7:
            requirements = [r for r in T.REQUIREMENTS if not (adult and "guardian" in r)]
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
        application: dict[str, Any] = {
            "how": how.format_map(v),
            "url": f"https://example.org/{org['id']}/{ident}",
            "opens": s["opens"],
        }
        application |= {"deadline": s["deadline"]} if s["deadline"] else {"rolling": True}
        if s["stage"] != "awareness" and rng.random() < 0.6:
            documents = [d for d in T.DOCUMENTS if (s["permit"] or "permit" not in d) and not (adult and "guardian" in d)]
            application["documents"] = rng.sample(documents, rng.randint(1, 3))
        data["application"] = application
        sites = []
        for area, city, zip_code, mode in s["sites"]:
            if mode == "remote":
                sites.append(
                    {
                        "name": rng.choice(["Online video sessions", "Online team workspace", "Remote sessions over video"]),
                        "city": city,
                        "area": area,
                        "mode": mode,
                    }
                )
                continue
            site: dict[str, Any] = {
                "name": f"{org['short']} {title_case(v['place'])}" + (f", {city}" if len(s["sites"]) > 1 else "")
            }
            if rng.random() < 0.7:
                site["address"] = f"{rng.randint(100, 19999)} {rng.choice(T.STREETS)}"
            site |= {"city": city, "zip": zip_code, "area": area, "mode": mode}
            if area in T.TRANSIT and rng.random() < 0.8:
                site["transit"] = rng.choice(T.TRANSIT[area]).format(walk=rng.choice(T.WALKS), near=rng.choice(T.NEARS)) + "."
            sites.append(site)
        data |= {"sites": sites, "seats": s["seats"]}
        supports: dict[str, Any] = {"mentor": s["mentor"]}
        if rng.random() < 0.5 and s["stage"] in ("preparation", "training"):
            supports["training"] = rng.choice(T.TRAINING)
        if s["transport"]:
            supports["transportation"] = s["transport"]
        if rng.random() < 0.45:
            supports["accommodations"] = rng.choice(T.ACCOMMODATIONS)
        supports["languages"] = Flow(s["langs"])
        outcomes: dict[str, Any] = {"academic_credit": s["academic"], "college_credit": s["college"]}
        if s["cred"]:
            outcomes["credential"] = s["cred"]
        outcomes["skills"] = v["skills"] + rng.sample(self.pool(s["sector"])["skills"], rng.randint(0, 2))
        outcomes["skills"] = list(dict.fromkeys(outcomes["skills"]))
        data |= {"supports": supports, "outcomes": outcomes}
        if s["signals"] or rng.random() < 0.5:
            data["quality"] = self.quality(s, v)
        role = rng.randrange(len(T.CONTACT_ROLES))
        data["contact"] = {
            "role": T.CONTACT_ROLES[role],
            "email": f"{slug(org['short'], 24)}-{ROLE_KEYS[role % len(ROLE_KEYS)]}@example.org",
        }
        if s["es"]:
            data["translations"] = {"es": self.spanish(s, v, conds)}
        reviewed = {"open": (0, 200), "closed": (10, 300), "archived": (30, 340)}[s["status"]]
        data |= {"status": s["status"], "last_reviewed": self.review_date(*reviewed)}
        if s.get("former"):
            data["former_ids"] = [s["former"]]
        return data

    def quality(self, s: dict[str, Any], v: dict[str, Any]) -> dict[str, Any]:
        rng, out = self.rng, {"rubric": self.rubric_id}
        if rng.random() < 0.85 and self.criteria:
            k = min(len(self.criteria), rng.choices([1, 2, 3, 4, 5], weights=[15, 30, 30, 15, 10])[0])
            chosen = set(rng.sample(self.criteria, k))
            middle = (len(self.levels) - 1) / 2
            weights = [1 + len(self.levels) - 2 * abs(i - middle) for i in range(len(self.levels))]
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
                    "level": rng.choices(self.levels, weights=weights)[0],
                    "evidence": rng.choice(T.EVIDENCE.get(c, T.EVIDENCE_ANY)).format_map(values),
                }
                for c in self.criteria
                if c in chosen
            }
        if s["signals"]:
            out["signals"] = [x["id"] for x in self.vocab["signals"] if x["id"] in s["signals"]]
        return out

    # -- organizations and pathways as files --

    def organization(self, org: dict[str, Any]) -> dict[str, Any]:
        rng, p = self.rng, self.pool(org["sector"])
        city, zip_code = self.place(org["home"])
        locations = [
            {
                "name": "Main office" if org["kind"] != "college" else "Main campus",
                "city": city,
                "zip": zip_code,
                "area": org["home"],
            }
        ]
        for area in rng.sample(self.places, rng.choice([0, 0, 0, 1, 2])):
            if area != org["home"]:
                other_city, other_zip = self.place(area)
                locations.append(
                    {"name": f"{other_city} {rng.choice(p['places'])}", "city": other_city, "zip": other_zip, "area": area}
                )
        roles = rng.sample(p["roles"], 2)
        formats = sorted({self.fmt_word(s["format"], plural=True) for s in org["listings"]})
        fmts = ", ".join(formats[:-1]) + (" and " if len(formats) > 1 else "") + formats[-1] if formats else "work-based learning"
        noun = org["name"].split(" ", len(org["short"].split()))[-1]
        v = {
            "name": org["name"],
            "city": city,
            "area": self.areas[org["home"]]["name"],
            "area_es": self.areas[org["home"]]["name_es"],
            "field": rng.choice(T.FIELDS.get(org["sector"], ["Careers"])).lower(),
            "staff": rng.randint(3, 90) * 10,
            "roles": roles[0] + "s",
            "role2s": roles[1] + "s",
            "n_loc": len(locations) + rng.randint(1, 4),
            "years": rng.randint(3, 40),
            "fmts": fmts,
            "employers": rng.randint(20, 300),
            "schools": rng.randint(6, 60),
            "students": rng.randint(8, 90) * 1000,
            "noun": noun.lower(),
        }
        summary, first, second = (t.format_map(v) for t in T.ORG_TEXT[org["kind"]])
        code = T.AREA_CODES.get(org["home"], "213")
        role = rng.randrange(len(T.CONTACT_ROLES))
        own = any(s["eor"] == "self" for s in org["listings"]) or org["kind"] == "staffing-agency"
        data: dict[str, Any] = {
            "example": True,
            "name": org["name"],
            "kind": org["kind"],
            "sectors": [self.sectors[x]["name"] for x in org["sectors"]],
            "summary": summary,
            "description": f"{first}\n\n{second}\n",
            "website": f"https://example.org/{org['id']}",
            "locations": locations,
            "contact": {
                "role": T.CONTACT_ROLES[role],
                "email": f"{slug(org['short'], 24)}-{ROLE_KEYS[role % len(ROLE_KEYS)]}@example.org",
                "phone": f"+1-{code}-555-01{rng.randint(0, 99):02d}",
            },
            "employer_of_record": {
                "own_placements": own,
                "for_other_employers": org["for_other"],
                "note": T.EOR_NOTES[org["kind"]],
            },
        }
        if rng.random() < 0.4:
            summary_es, first_es, second_es = (t.format_map(v) for t in T.ORG_ES)
            data["translations"] = {"es": {"summary": summary_es, "description": f"{first_es}\n\n{second_es}\n"}}
        data["last_reviewed"] = self.review_date(0, 300)
        return data

    def pathways(self, slots: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        rng = self.rng
        count = max(5, min(20, 5 + self.n // 100))
        used = Counter(s["sector"] for s in slots)
        order = sorted(self.sectors, key=lambda x: (-used[x], x))
        by_stage: dict[str, list[str]] = {}
        for fid, f in self.formats.items():
            by_stage.setdefault(f.get("stage", "preparation"), []).append(fid)
        out: dict[str, dict[str, Any]] = {}
        for i in range(count):
            sector = order[i % len(order)]
            p = self.pool(sector)
            name = p["paths"][(i // len(order)) % len(p["paths"])]
            field = T.FIELDS.get(sector, ["careers"])[(i // len(order)) % 3].lower()
            occs = rng.sample([o.split(";") for o in p["occ"]], rng.randint(2, 4))
            wbl = {stage: rng.sample(ids, min(2, len(ids))) for stage, ids in by_stage.items()}
            steps: dict[str, list[dict[str, Any]]] = {stage: [] for stage in T.STAGE_TEXT}
            for stage, what, low, high in (
                ("awareness", "wbl", 6, 8),
                ("awareness", "wbl", 7, 9),
                ("exploration", f"course:Introduction to {field} (CTE course)", 9, 10),
                ("exploration", "wbl", 10, 11),
                ("preparation", "credential:" + p["creds"][0], 10, 12),
                ("preparation", "wbl", 11, 12),
                ("training", "wbl", 11, 12),
                ("training", f"program:Community college certificate or associate degree in {field}", 13, 14),
                ("training", "occupation:" + occs[0][0], 0, 0),
            ):
                if what == "wbl":
                    ids = wbl.get(stage) or list(self.formats)
                    fid = ids[len(steps[stage]) % len(ids)]
                    step = {"kind": "wbl", "name": f"{self.formats[fid]['name']}: {field}", "format": fid}
                else:
                    kind, _, label = what.partition(":")
                    step = {"kind": kind, "name": label}
                if high:
                    step["grades"] = grade_range(low, high)
                steps[stage].append(step)
            wbl = {stage: wbl.get(stage) or list(self.formats) for stage in steps}
            v = {
                "field": field,
                "first": self.fmt_word(wbl["awareness"][0], True),
                "last": self.fmt_word(wbl["training"][0], True),
                "occs": " and ".join(o[0].lower() for o in occs[:2]),
            }
            summary, first, second = (t.format_map(v) for t in T.PATHWAY_TEXT)
            bullets = "\n".join(f"- **{st.title()}:** {T.STAGE_TEXT[st].format_map(v)}" for st in steps)
            out[slug(name)] = {
                "example": True,
                "name": name,
                "sector": self.sectors[sector]["name"],
                "summary": summary,
                "description": f"{first}\n\n{bullets}\n\n{second}\n",
                "stages": {st: {"summary": T.STAGE_TEXT[st].format_map(v), "steps": found} for st, found in steps.items()},
                "occupations": [
                    {
                        "title": t,
                        "soc": soc,
                        "wage": {
                            "amount": float(a) if "." in a else int(a),
                            "unit": u,
                            "note": "Illustrative Los Angeles County median, rounded; check current labor market data.",
                        },
                    }
                    for t, soc, a, u in occs
                ],
                "translations": {
                    "es": {"summary": f"Una trayectoria de ejemplo en el sector de {self.sectors[sector]['name_es']}."}
                },
                "last_reviewed": self.review_date(0, 200),
            }
            out[slug(name)]["_sector"] = sector
        return out

    # -- everything --

    def write(self, out: Path) -> tuple[int, int, int, int]:
        rng = self.rng
        orgs = self.organizations()
        slots = self.plan(orgs)
        paths = self.pathways(slots)
        by_sector: dict[str, list[str]] = {}
        for pid, pathway in paths.items():
            by_sector.setdefault(pathway.pop("_sector"), []).append(pid)
        for s in slots:
            options = by_sector.get(s["sector"], [])
            if options and rng.random() < 0.6:
                s["pathways"] = sorted(rng.sample(options, 1 if len(options) == 1 or rng.random() < 0.85 else 2))
        eor_orgs = [o for o in orgs if o["for_other"]]
        inter = [o for o in orgs if o["kind"] == "intermediary"]
        files = 0
        for part in ("vocabularies", "rubrics"):
            (out / part).mkdir(parents=True, exist_ok=True)
            for src in sorted((self.source / part).glob("*.yml")):
                shutil.copyfile(src, out / part / src.name)
                files += 1
        (out / "pathways").mkdir(parents=True, exist_ok=True)
        for pid, pathway in paths.items():
            (out / "pathways" / f"{pid}.yml").write_text(document("../../schemas/pathway.schema.json", pathway), encoding="utf-8")
            files += 1
        ids: list[str] = []
        for org in orgs:
            folder = out / "employers" / org["id"]
            folder.mkdir(parents=True, exist_ok=True)
            taken: set[str] = set()
            for s in org["listings"]:
                data = self.listing(s, "pending", eor_orgs, inter)
                ident = base = slug(data["title"])
                k = 1
                while ident in taken:
                    k += 1
                    ident = f"{base}-{k}"
                taken.add(ident)
                data["application"]["url"] = f"https://example.org/{org['id']}/{ident}"
                if rng.random() < 0.01:
                    data["former_ids"] = [f"{org['id']}/{ident}-{self.as_of.year - 1}"]
                ids.append(f"{org['id']}/{ident}")
                (folder / f"{ident}.yml").write_text(document("../../../schemas/opportunity.schema.json", data), encoding="utf-8")
            (folder / "organization.yml").write_text(
                document("../../../schemas/organization.schema.json", self.organization(org)), encoding="utf-8"
            )
            files += 1 + len(org["listings"])
        retired = []
        for k in range(self.n // 250):
            org = orgs[rng.randrange(len(orgs))]
            entry = {
                "id": f"{org['id']}/{slug(rng.choice(T.FIELDS[org['sector']]))}-program-{self.as_of.year - 2}-{k + 1}",
                "reason": rng.choice(
                    ["The program ended.", "The employer no longer hosts students.", "Replaced by a new program."]
                ),
                "date": (self.as_of - dt.timedelta(days=rng.randint(30, 400))).isoformat(),
            }
            if rng.random() < 0.4:
                entry["replaced_by"] = rng.choice(ids)
            retired.append(entry)
        if retired:
            (out / "retired.yml").write_text(document("../schemas/retired.schema.json", {"retired": retired}), encoding="utf-8")
            files += 1
        return files, len(orgs), len(slots), len(paths)


# -- command line ------------------------------------------------------------------------------


def synthesize(out: Path, n: int, seed: int = 1, as_of: dt.date | None = None) -> tuple[int, int, int, int]:
    """Write a synthetic catalog into out. Returns (files, organizations, opportunities, pathways)."""
    from .assemble import today

    return Synth(n, seed, as_of or today()).write(out)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("give at least 1 opportunity")
    return value


def cmd_synth(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"synth: error: {out} is a file, not a folder", file=sys.stderr)
        return 1
    if out.is_dir() and any(out.iterdir()):
        if not args.force:
            print(
                f"synth: error: {out} is not empty; choose an empty or new folder, or add --force to replace its catalog",
                file=sys.stderr,
            )
            return 1
        for name in CATALOG_PARTS:
            target = out / name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.exists() or target.is_symlink():
                target.unlink()
    from .assemble import today

    as_of = today()
    files, orgs, opps, paths = synthesize(out, args.opportunities, args.seed, as_of)
    print(
        f"synth: wrote {files} files to {out}: {orgs} organizations, {opps} opportunities, {paths} pathways "
        f"(seed {args.seed}, as of {as_of})"
    )
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "synth",
        help="write a realistic synthetic catalog (for tests and benchmarks)",
        description="Write a synthetic catalog that passes `check`: about one organization per ten listings, every vocabulary "
        "value used, dates placed around the as-of date (CATALOG_TODAY). The same seed gives the same files.",
    )
    parser.add_argument("--opportunities", type=_count, required=True, metavar="N", help="number of listings to write")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write the catalog into (must be empty)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty DIR, replacing its employers/, pathways/, rubrics/, vocabularies/ and retired.yml",
    )
    parser.set_defaults(func=cmd_synth)
