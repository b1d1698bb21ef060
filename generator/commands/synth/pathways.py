"""The pathways of a synthetic catalog: a handful (5 to 20, growing with the catalog), in the sectors with the most listings."""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.commands.synth.documents import grade_range
from generator.commands.synth.state import Synth
from generator.commands.synth.tables import T
from generator.commands.synth.words import slug


def pathways(syn: Synth, slots: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    rng = syn.rng
    count = max(5, min(20, 5 + syn.n // 100))
    used = Counter(s["sector"] for s in slots)
    order = sorted(syn.sectors, key=lambda x: (-used[x], x))
    by_stage: dict[str, list[str]] = {}
    for fid, f in syn.formats.items():
        by_stage.setdefault(f.get("stage", "preparation"), []).append(fid)
    out: dict[str, dict[str, Any]] = {}
    for i in range(count):
        sector = order[i % len(order)]
        p = syn.pool(sector)
        name = p["paths"][(i // len(order)) % len(p["paths"])]
        field = T.fields.get(sector, ["careers"])[(i // len(order)) % 3].lower()
        occs = rng.sample([o.split(";") for o in p["occ"]], rng.randint(2, 4))
        wbl = {stage: rng.sample(ids, min(2, len(ids))) for stage, ids in by_stage.items()}
        steps: dict[str, list[dict[str, Any]]] = {stage: [] for stage in T.stage_text}
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
            step: dict[str, Any]
            if what == "wbl":
                ids = wbl.get(stage) or list(syn.formats)
                fid = ids[len(steps[stage]) % len(ids)]
                step = {"kind": "wbl", "name": f"{syn.formats[fid]['name']}: {field}", "format": fid}
            else:
                kind, _, label = what.partition(":")
                step = {"kind": kind, "name": label}
            if high:
                step["grades"] = grade_range(low, high)
            steps[stage].append(step)
        wbl = {stage: wbl.get(stage) or list(syn.formats) for stage in steps}
        v = {
            "field": field,
            "first": syn.fmt_word(wbl["awareness"][0], True),
            "last": syn.fmt_word(wbl["training"][0], True),
            "occs": " and ".join(o[0].lower() for o in occs[:2]),
        }
        summary, first, second = (t.format_map(v) for t in T.pathway_text)
        bullets = "\n".join(f"- **{st.title()}:** {T.stage_text[st].format_map(v)}" for st in steps)
        out[slug(name)] = {
            "example": True,
            "name": name,
            "sector": syn.sectors[sector]["name"],
            "summary": summary,
            "description": f"{first}\n\n{bullets}\n\n{second}\n",
            "stages": {st: {"summary": T.stage_text[st].format_map(v), "steps": found} for st, found in steps.items()},
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
            "translations": {"es": {"summary": f"Una trayectoria de ejemplo en el sector de {syn.sectors[sector]['name_es']}."}},
            "last_reviewed": syn.review_date(0, 200),
        }
        out[slug(name)]["_sector"] = sector
    return out
