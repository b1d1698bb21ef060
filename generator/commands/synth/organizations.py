"""The organizations of a synthetic catalog: who they are (drawn first, before any listing) and their profile files.

About one organization per ten listings, every kind once there are ten
organizations or more, and names (and short names) that do not repeat,
because an organization's id, its folder, is made from its name.
"""

from __future__ import annotations

from typing import Any

from generator.commands.synth.state import Synth
from generator.commands.synth.tables import T
from generator.commands.synth.words import slug

# The public record a verifier checks, by organization kind (contributing guide, "Verifying an organization"):
# the IRS Tax Exempt Organization Search for nonprofits, the California School Directory for schools and
# colleges, the Secretary of State's business search for the rest. Public agencies are not verified this way.
RECORDS = {
    "nonprofit": "https://apps.irs.gov/app/eos/",
    "school-district": "https://www.cde.ca.gov/schooldirectory/",
    "college": "https://www.cde.ca.gov/schooldirectory/",
}
BUSINESS_SEARCH = "https://bizfileonline.sos.ca.gov/search/business"


def organizations(syn: Synth) -> list[dict[str, Any]]:
    rng, count = syn.rng, max(1, round(syn.n / 10))
    kinds = list(T.kinds) if count >= 10 else []
    kinds += rng.choices(list(T.kinds), weights=list(T.kinds.values()), k=count - len(kinds))
    rng.shuffle(kinds)
    sector_ids, places = list(syn.sectors), T.places[:]
    rng.shuffle(sector_ids)
    rng.shuffle(places)
    orgs, names, shorts = [], set(), set()
    for i, kind in enumerate(kinds):
        sector = sector_ids[i % len(sector_ids)]
        if kind == "public-agency":
            noun, sector = rng.choice(T.agencies)
        elif kind == "nonprofit":
            noun, sector = rng.choice(T.nonprofits)
        else:
            noun = rng.choice(T.kind_nouns.get(kind) or syn.pool(sector)["nouns"])
        sector = sector if sector in syn.sectors else sector_ids[0]
        coined = kind in ("employer", "nonprofit", "staffing-agency", "intermediary") and rng.random() < 0.5
        for attempt in range(400):
            place = (
                places[(i + attempt * 7) % len(places)]
                if attempt < 40
                else rng.choice(places) + " " + rng.choice(places).split()[0]
            )
            place = syn.brand() if coined else place
            short = place if place not in shorts else f"{place} {noun.split()[0]}"
            if f"{place} {noun}" not in names and short not in shorts:
                break
        name = f"{place} {noun}"
        names.add(name)
        shorts.add(short)
        home = rng.choice(syn.places)
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
                "for_other": kind == "staffing-agency" or (kind in ("intermediary", "school-district") and rng.random() < 0.5),
            }
        )
    return orgs


def organization(syn: Synth, org: dict[str, Any]) -> dict[str, Any]:
    rng, p = syn.rng, syn.pool(org["sector"])
    city, zip_code = syn.place(org["home"])
    locations = [
        {
            "name": "Main office" if org["kind"] != "college" else "Main campus",
            "city": city,
            "zip": zip_code,
            "area": org["home"],
        }
    ]
    for area in rng.sample(syn.places, rng.choice([0, 0, 0, 1, 2])):
        if area != org["home"]:
            other_city, other_zip = syn.place(area)
            locations.append(
                {"name": f"{other_city} {rng.choice(p['places'])}", "city": other_city, "zip": other_zip, "area": area}
            )
    roles = rng.sample(p["roles"], 2)
    formats = sorted({syn.fmt_word(s["format"], plural=True) for s in org["listings"]})
    fmts = ", ".join(formats[:-1]) + (" and " if len(formats) > 1 else "") + formats[-1] if formats else "work-based learning"
    noun = org["name"].split(" ", len(org["short"].split()))[-1]
    v = {
        "name": org["name"],
        "city": city,
        "area": syn.areas[org["home"]]["name"],
        "area_es": syn.areas[org["home"]]["name_es"],
        "field": rng.choice(T.fields.get(org["sector"], ["Careers"])).lower(),
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
    summary, first, second = (t.format_map(v) for t in T.org_text[org["kind"]])
    code = T.area_codes.get(org["home"], "213")
    role = rng.randrange(len(T.contact_roles))
    own = any(s["eor"] == "self" for s in org["listings"]) or org["kind"] == "staffing-agency"
    data: dict[str, Any] = {
        "example": True,
        "name": org["name"],
        "kind": org["kind"],
        "sectors": [syn.sectors[x]["name"] for x in org["sectors"]],
        "summary": summary,
        "description": f"{first}\n\n{second}\n",
        "website": f"https://example.org/{org['id']}",
        "locations": locations,
        "contact": {
            "role": T.contact_roles[role],
            "email": f"{slug(org['short'], 24)}-{T.role_keys[role % len(T.role_keys)]}@example.org",
            "phone": f"+1-{code}-555-01{rng.randint(0, 99):02d}",
        },
        "employer_of_record": {
            "own_placements": own,
            "for_other_employers": org["for_other"],
            "note": T.eor_notes[org["kind"]],
        },
    }
    if rng.random() < 0.4:
        summary_es, first_es, second_es = (t.format_map(v) for t in T.org_es)
        data["translations"] = {"es": {"summary": summary_es, "description": f"{first_es}\n\n{second_es}\n"}}
    verifiers = [x["id"] for x in syn.vocab.get("verifiers", [])]
    if verifiers and org["kind"] != "public-agency" and rng.random() < 0.35:
        # Checked on a day that has come (a later day is refused), within the last year or so.
        data["verified"] = {
            "by": rng.choice(verifiers),
            "on": syn.review_date(5, 400),
            "record": RECORDS.get(org["kind"], BUSINESS_SEARCH),
        }
    data["last_reviewed"] = syn.review_date(0, 300)
    return data
