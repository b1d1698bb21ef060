"""`python -m generator assemble`: one site from the parts of a build that ran side by side.

A statewide build can run as one `mkdocs build` per part (generator/render/parts.py): `shared` (every page but
the listing and organization pages the workers write) and one per region (those pages of the region's records).
The deploy workflow runs each part as a job of a matrix; this command puts their folders together:

    python -m generator assemble --out site --parts parts/shared parts/los-angeles parts/inland-empire

and, with no --parts, builds every part here first, one after the other, then assembles them:

    python -m generator assemble --out site

`--list-parts` prints the parts as a JSON list, for the workflow's matrix.

Each part's folder carries a manifest (PART_FILE) that says which part it is, which parts the build has and,
for a region, the pages it wrote. The assembly copies `shared`, adds each region's pages, and stops with a
sentence naming the folder when a part is missing or given twice, a page is written by two parts, or a page
the shared part expects did not come. The result is the site a whole build writes, file for file
(tests/test_assemble.py), plus the output folder's marker.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator.commands.engine import engine
from generator.commands.outdir import MARKER, mark, output_problem

PART_FILE = ".wbl-part.json"
FORMAT = 1
ENVIRONMENT = "CATALOG_PART"  # what the bundled mkdocs.yml reads into the plugin's `part`
PAGE = "index.html"


class AssemblyError(Exception):
    """A part that cannot be put together with the others, with what to do."""


def write_manifest(site_dir: Path, part: str, parts: list[str], pages: list[str]) -> None:
    """The manifest of a part's folder: the part, the build's parts, and the record pages it wrote (a region) or
    that the other parts write (shared)."""
    data = {"format": FORMAT, "part": part, "parts": parts, "pages": sorted(pages)}
    (site_dir / PART_FILE).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / PART_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise AssemblyError(
            f"`{folder}` has no readable {PART_FILE}, so it is not a part of a build in parts. Build each part with "
            f"{ENVIRONMENT}=<part> mkdocs build --site-dir <folder>, or run this command without --parts."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("part"), str):
        raise AssemblyError(f"`{path}` is not a manifest this version reads (format {FORMAT}). Build the part again.")
    return data


def assemble(folders: list[Path], out: Path) -> int:
    """Writes the site of the parts in `folders` into out (emptied first); returns the number of record pages the
    regions gave. Raises AssemblyError."""
    manifests: dict[str, tuple[Path, dict[str, Any]]] = {}
    for folder in folders:
        data = read_manifest(folder)
        if data["part"] in manifests:
            raise AssemblyError(
                f"`{folder}` and `{manifests[data['part']][0]}` are both the part `{data['part']}`. Give each part once."
            )
        manifests[data["part"]] = (folder, data)
    shared = manifests.get("shared")
    if shared is None:
        raise AssemblyError(
            "No folder is the part `shared`, which has every page but the listings' and organizations'. Give it too."
        )
    expected = [p for p in shared[1]["parts"] if p != "shared"]
    missing = [p for p in expected if p not in manifests]
    if missing:
        raise AssemblyError(
            "The parts "
            + ", ".join(f"`{p}`" for p in missing)
            + f" are missing: build each with {ENVIRONMENT}=<part> and give its folder."
        )
    unknown = [p for p in manifests if p != "shared" and p not in expected]
    if unknown:
        raise AssemblyError(
            "The parts "
            + ", ".join(f"`{p}`" for p in unknown)
            + " are not parts of the shared part's build, which has "
            + ", ".join(f"`{p}`" for p in expected)
            + ". Build every part from the same catalog."
        )
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(shared[0], out, ignore=shutil.ignore_patterns(PART_FILE, MARKER))
    waited = set(shared[1]["pages"])
    given: dict[str, str] = {}
    for part in expected:
        folder, data = manifests[part]
        for path in data["pages"]:
            if path not in waited:
                raise AssemblyError(
                    f"`{folder}` wrote `{path}`, a page the shared part does not list. Build every part from the same catalog."
                )
            if path in given:
                raise AssemblyError(
                    f"`{path}` was written by the parts `{given[path]}` and `{part}`. Build every part from the same catalog."
                )
            source, target = folder / path / PAGE, out / path / PAGE
            if not source.is_file():
                raise AssemblyError(f"`{folder}` lists `{path}` but has no `{path}{PAGE}`. Build the part `{part}` again.")
            if target.exists():
                raise AssemblyError(
                    f"`{path}{PAGE}` is in the shared part and in `{part}`. Build every part from the same catalog."
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            given[path] = part
    absent = sorted(waited - set(given))
    if absent:
        raise AssemblyError(f"No part wrote `{absent[0]}` ({len(absent)} pages in all). Build every part from the same catalog.")
    return len(given)


def build_parts(config: Path, catalog: Path, work: Path, strict: bool) -> list[Path]:
    """Builds every part of the catalog into folders under work, `shared` first (its manifest names the others),
    with the engine WBL_ENGINE names."""
    try:
        chosen = engine()
    except ValueError as exc:
        raise AssemblyError(str(exc)) from None

    def build(part: str) -> Path:
        folder = work / part
        command = [sys.executable, "-m", chosen, "build", "--quiet", "--config-file", str(config), "--site-dir", str(folder)]
        env = {**os.environ, ENVIRONMENT: part, "CATALOG_DIR": str(catalog.resolve())}
        done = subprocess.run([*command, *(["--strict"] if strict else [])], env=env, check=False)
        if done.returncode != 0:
            raise AssemblyError(f"The build of the part `{part}` failed (its messages are above).")
        return folder

    shared = build("shared")
    return [shared, *(build(part) for part in read_manifest(shared)["parts"] if part != "shared")]


def list_parts(catalog: Path) -> int:
    """Prints the parts of the catalog's build as a JSON list (the deploy workflow's matrix)."""
    from generator.model import regions
    from generator.model.checked import check_catalog
    from generator.render import parts

    checked = check_catalog(catalog)
    if not checked.ok:
        print(checked.failure_report(), file=sys.stderr)
        return 1
    wanted = regions.parse(os.environ.get(regions.ENVIRONMENT, ""))
    problem = regions.unknown_problem(checked.catalog.vocabularies, wanted)
    if problem:
        print(f"assemble: error: {problem}", file=sys.stderr)
        return 1
    print(json.dumps(list(parts.names(regions.select(checked.catalog, wanted)))))
    return 0


def cmd_assemble(args: argparse.Namespace) -> int:
    if args.list_parts:
        return list_parts(Path(args.catalog))
    if not args.out:
        print("assemble: error: give the output folder with --out (or --list-parts to list the parts).", file=sys.stderr)
        return 2
    out = Path(args.out)
    problem = output_problem(out, "assemble", Path(args.catalog))
    if not problem and args.work:
        problem = output_problem(Path(args.work), "assemble", Path(args.catalog))
    if problem:
        print(f"assemble: error: {problem}", file=sys.stderr)
        return 2
    try:
        if args.parts:
            pages = assemble([Path(p) for p in args.parts], out)
        elif args.work:
            mark(Path(args.work), "assemble")
            folders = build_parts(Path(args.config), Path(args.catalog), Path(args.work), args.strict)
            pages = assemble(folders, out)
        else:
            with tempfile.TemporaryDirectory(prefix="wbl-parts-") as work:
                folders = build_parts(Path(args.config), Path(args.catalog), Path(work), args.strict)
                pages = assemble(folders, out)
    except AssemblyError as exc:
        print(f"assemble: error: {exc}", file=sys.stderr)
        return 1
    mark(out, "assemble")
    print(f"Assembled {out}: the shared part and {pages} listing and organization pages from the regions' parts.")
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "assemble",
        help="put together the site from the parts of a build that ran side by side",
        description="Build the site in parts (shared, then one per region) and put them together, or put together parts built elsewhere.",
    )
    parser.add_argument("--out", help="output folder")
    parser.add_argument(
        "--list-parts", action="store_true", help="print the parts of the catalog's build as a JSON list, and build nothing"
    )
    parser.add_argument(
        "--parts", nargs="+", metavar="FOLDER", help="folders of parts built with CATALOG_PART (default: build them here)"
    )
    parser.add_argument(
        "--work", metavar="FOLDER", help="build the parts into this folder and keep them (default: a temporary folder)"
    )
    parser.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration for the builds (default: mkdocs.yml)")
    parser.add_argument(
        "--catalog",
        default=os.environ.get("CATALOG_DIR", "catalog"),
        help="catalog folder the parts are built from (default: $CATALOG_DIR, else ./catalog)",
    )
    parser.add_argument("--strict", action="store_true", help="build each part with --strict")
    parser.set_defaults(func=cmd_assemble)
