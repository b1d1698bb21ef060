"""A whole synthetic catalog, written to a folder: organizations, plan, pathways, then one file each.

The bundled vocabularies and rubric are copied as they are, so that a
synthetic catalog checks against the same values as the real one.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from generator.commands.synth.documents import document
from generator.commands.synth.opportunities import listing
from generator.commands.synth.organizations import organization, organizations
from generator.commands.synth.pathways import pathways
from generator.commands.synth.plan import plan
from generator.commands.synth.state import Synth
from generator.commands.synth.tables import T
from generator.commands.synth.words import slug

# What `write` puts in a catalog folder; `synth --force` replaces exactly these.
CATALOG_PARTS = ("employers", "pathways", "rubrics", "vocabularies", "retired.yml")


def write(syn: Synth, out: Path) -> tuple[int, int, int, int]:
    rng = syn.rng
    orgs = organizations(syn)
    slots = plan(syn, orgs)
    paths = pathways(syn, slots)
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
        for src in sorted((syn.source / part).glob("*.yml")):
            shutil.copyfile(src, out / part / src.name)
            files += 1
    for name, items in syn.added.items():
        if items:  # further regions and their areas, after the source's items (its comments kept)
            target = out / "vocabularies" / f"{name}.yml"
            text = target.read_text(encoding="utf-8").rstrip("\n") + "\n" if target.exists() else "items:\n"
            listed = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000)
            target.write_text(text + "".join("  " + line + "\n" for line in listed.splitlines()), encoding="utf-8")
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
            data = listing(syn, s, "pending", eor_orgs, inter)
            ident = base = slug(data["title"])
            k = 1
            while ident in taken:
                k += 1
                ident = f"{base}-{k}"
            taken.add(ident)
            data["application"]["url"] = f"https://example.org/{org['id']}/{ident}"
            if rng.random() < 0.01:
                data["former_ids"] = [f"{org['id']}/{ident}-{syn.as_of.year - 1}"]
            ids.append(f"{org['id']}/{ident}")
            (folder / f"{ident}.yml").write_text(document("../../../schemas/opportunity.schema.json", data), encoding="utf-8")
        (folder / "organization.yml").write_text(
            document("../../../schemas/organization.schema.json", organization(syn, org)), encoding="utf-8"
        )
        files += 1 + len(org["listings"])
    retired = []
    for k in range(syn.n // 250):
        org = orgs[rng.randrange(len(orgs))]
        entry = {
            "id": f"{org['id']}/{slug(rng.choice(T.fields[org['sector']]))}-program-{syn.as_of.year - 2}-{k + 1}",
            "reason": rng.choice(["The program ended.", "The employer no longer hosts students.", "Replaced by a new program."]),
            "date": (syn.as_of - dt.timedelta(days=rng.randint(30, 400))).isoformat(),
        }
        if rng.random() < 0.4:
            entry["replaced_by"] = rng.choice(ids)
        retired.append(entry)
    if retired:
        (out / "retired.yml").write_text(document("../schemas/retired.schema.json", {"retired": retired}), encoding="utf-8")
        files += 1
    return files, len(orgs), len(slots), len(paths)


def synthesize(out: Path, n: int, seed: int = 1, as_of: dt.date | None = None, regions: int = 0) -> tuple[int, int, int, int]:
    """Write a synthetic catalog into out, with at least `regions` regions (the source's, then data/regions.yml's).
    Returns (files, organizations, opportunities, pathways)."""
    from generator.model.assemble import today

    return write(Synth(n, seed, as_of or today(), regions=regions), out)
