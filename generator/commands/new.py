"""`python -m generator new`: start a catalog file from a commented template.

    python -m generator new opportunity --org <org-id> <opportunity-id>
    python -m generator new organization <org-id>
    python -m generator new pathway <pathway-id>

Each starter begins with the yaml-language-server modeline, holds every
required key, and explains each field in a comment. The values a person
must supply are placeholders the checker rejects (`TODO`, `YYYY-MM-DD`,
or an empty value marked `# TODO`), so an unfinished file never passes
the check, and each placeholder left is reported on its own line.

The helpers for ids and organization folders are shared with
`from_issue.py`.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import Any

import jinja2

from generator import PACKAGE_DIR
from generator.check.discover import shown_path
from generator.check.schemas import read_schema
from generator.ids import ID, MAX_ID, reserved_problem, suggest_id

TEMPLATES = PACKAGE_DIR / "templates" / "starters"
DEFAULT_CATALOG = "catalog"
# The generator's command as a person types it after the README's setup (scripts/setup.sh makes .venv/): the
# project's own Python, which has the generator's packages, whatever `python` is on their PATH. Every command
# the generator prints for someone to run (here, in from-issue and in check) starts with it.
RUN = ".venv/bin/python -m generator"

STAGE_HINTS = {
    "awareness": "Awareness: learning about work, such as career talks and workplace tours.",
    "exploration": "Exploration: seeing work up close, such as job shadows and mentoring.",
    "preparation": "Preparation: practicing for work, such as projects and pre-apprenticeships.",
    "training": "Training: learning through real work, such as internships and apprenticeships.",
}


# -- helpers shared with from_issue ------------------------------------------------


def printable(text: str, limit: int = 80) -> str:
    """Text safe to print on one line: hidden characters shown as escapes, long text cut."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def id_problem(value: str, noun: str) -> str | None:
    """Why value is not a usable id (a sentence with a fix), or None when it is fine."""
    if not value:
        return f"The {noun} is empty. Use lowercase letters, digits and single hyphens, such as summer-internship."
    if len(value) > MAX_ID:
        return f"The {noun} is longer than {MAX_ID} characters. Choose a shorter one."
    if ID.match(value):
        return None
    suggestion = suggest_id(value)
    hint = f" Did you mean `{suggestion}`?" if suggestion else " For example: summer-internship."
    return f"`{printable(value)}` is not a valid {noun}. Use lowercase letters, digits and single hyphens.{hint}"


def catalog_option(root: Path) -> str:
    """` --catalog DIR` when root is not the default ./catalog, for commands we print."""
    if root.resolve() == Path(DEFAULT_CATALOG).resolve():
        return ""
    return f" --catalog {shlex.quote(shown_path(root))}"


def check_command(target: Path, root: Path) -> str:
    """The command that checks target. `check` finds a folder named catalog by itself."""
    extra = "" if root.name == "catalog" else f" --catalog {shlex.quote(shown_path(root))}"
    return f"{RUN} check {shlex.quote(shown_path(target))}{extra}"


def catalog_problem(root: Path) -> str | None:
    if root.is_dir():
        return None
    return (
        f"the catalog folder `{printable(shown_path(root))}` does not exist. "
        "Run the command from the project's root folder, or pass --catalog DIR"
    )


def organization_problem(root: Path, org_id: str) -> str | None:
    """Why listings cannot be added to org_id yet, or None when its folder and profile exist."""
    folder = root / "employers" / org_id
    profile = folder / "organization.yml"
    if any(p.is_symlink() for p in (root / "employers", folder, profile)):
        return f"catalog/employers/{org_id} is a symbolic link; the catalog only accepts real folders and files"
    if profile.is_file():
        return None
    return (
        f"the organization `{org_id}` is not in the catalog yet ({printable(shown_path(profile))} does not exist). "
        f"Create it first with: {RUN} new organization {org_id}{catalog_option(root)}"
    )


def schema_modeline(kind: str, target: Path, root: Path) -> str:
    """The modeline naming kind's schema, relative to target, for a catalog next to schemas/."""
    schema = root.resolve().parent / "schemas" / f"{kind}.schema.json"
    relative = Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def write_new(target: Path, text: str, force: bool) -> None:
    """Write text to target; refuses to replace a file unless force. Raises FileExistsError."""
    if target.is_symlink():
        raise FileExistsError(target)
    with target.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def error(command: str, message: str) -> None:
    print(f"{command}: error: {message}", file=sys.stderr)


# -- starters ----------------------------------------------------------------------


def _choices(values: list[Any]) -> str:
    words = [str(v) for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _vocabulary(root: Path, name: str) -> list[dict[str, str]]:
    """Ids and names from a vocabulary file, for comments; empty when it cannot be read."""
    from generator.check.yamlload import load

    try:
        loaded, _ = load(name, (root / "vocabularies" / f"{name}.yml").read_text(encoding="utf-8"))
        items = loaded.data["items"] if loaded else []
        return [
            {"id": printable(str(item.get("id", ""))), "name": printable(str(item.get("name", "")), limit=120)}
            for item in items
            if isinstance(item, dict) and item.get("id")
        ]
    except Exception:  # noqa: BLE001 - comments are a convenience; the checker reports broken vocabularies
        return []


def _place_areas(root: Path) -> list[str]:
    """The ids of the areas a site can be in (not the online one), for the comment on `across`."""
    from generator.check.places import is_place
    from generator.check.yamlload import load

    try:
        loaded, _ = load("areas", (root / "vocabularies" / "areas.yml").read_text(encoding="utf-8"))
        items = loaded.data["items"] if loaded else []
        return [printable(str(item["id"])) for item in items if isinstance(item, dict) and item.get("id") and is_place(item)]
    except Exception:  # noqa: BLE001 - comments are a convenience; the checker reports broken vocabularies
        return []


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,  # YAML, not HTML; every value put in is an id or a sanitized vocabulary name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def starter_text(kind: str, target: Path, root: Path, **ids: str) -> str:
    """The commented starter for kind ("opportunity", "organization" or "pathway") at target."""
    opportunity = read_schema("opportunity")["properties"]
    context: dict[str, Any] = {
        **ids,
        "schema": schema_modeline(kind, target, root).split("=", 1)[1],
        "check_command": printable(check_command(target, root), limit=1000),
        "run": RUN,
        "formats": _vocabulary(root, "formats"),
        "sectors": _vocabulary(root, "sectors"),
        "areas": _place_areas(root),
        "stages": _choices(read_schema("defs")["$defs"]["stage"]["enum"]),
        "pay_types": _choices(opportunity["pay"]["properties"]["type"]["enum"]),
        "pay_units": _choices(opportunity["pay"]["properties"]["unit"]["enum"]),
        "application_modes": _choices(opportunity["application"]["properties"]["mode"]["enum"]),
        "site_modes": _choices(opportunity["sites"]["items"]["properties"]["mode"]["enum"]),
        "statuses": _choices(opportunity["status"]["enum"]),
        "kinds": _choices(read_schema("organization")["properties"]["kind"]["enum"]),
    }
    if kind == "pathway":
        pathway = read_schema("pathway")["properties"]["stages"]
        context["stages"] = [{"id": s, "hint": STAGE_HINTS.get(s, s)} for s in pathway["required"]]
        step = pathway["properties"]["awareness"]["properties"]["steps"]["items"]
        context["step_kinds"] = _choices(step["properties"]["kind"]["enum"])
    return _environment().get_template(f"{kind}.yml.j2").render(context)


def cmd_new(args: argparse.Namespace) -> int:
    root = Path(args.catalog)
    kind = args.kind
    checks = [(args.ident, {"opportunity": "opportunity id", "organization": "organization id", "pathway": "pathway id"}[kind])]
    if kind == "opportunity":
        checks.insert(0, (args.org, "organization id"))
    for value, noun in checks:
        problem = id_problem(value, noun)
        if problem:
            error("new", problem)
            return 2
    reserved = reserved_problem(args.ident, "opportunity") if kind == "opportunity" else None
    if reserved:
        error("new", f"`{args.ident}` {reserved}. Choose another opportunity id.")
        return 2
    org = args.org if kind == "opportunity" else args.ident if kind == "organization" else None
    reserved = reserved_problem(org, "organization") if org else None
    if reserved:
        error("new", f"`{org}` {reserved}. Choose another organization id.")
        return 2
    problem = catalog_problem(root)
    if problem:
        error("new", problem)
        return 2

    if kind == "opportunity":
        problem = organization_problem(root, args.org)
        if problem:
            error("new", problem)
            return 1
        target = root / "employers" / args.org / f"{args.ident}.yml"
        ids = {"org_id": args.org, "opportunity_id": args.ident}
    elif kind == "organization":
        target = root / "employers" / args.ident / "organization.yml"
        ids = {"org_id": args.ident}
    else:
        target = root / "pathways" / f"{args.ident}.yml"
        ids = {"pathway_id": args.ident}

    shown = printable(shown_path(target), limit=1000)
    exists = f"{shown} already exists. Edit it, or run the command again with --force to replace it with a new starter file."
    # The checker refuses symbolic links inside the catalog; writing through one could leave it.
    folders = [target.parent] if kind == "pathway" else [target.parent, target.parent.parent]
    if target.is_symlink() or any(p.is_symlink() for p in folders):
        error("new", f"{shown} is or is inside a symbolic link; the catalog only accepts real folders and files")
        return 1
    if target.exists() and not args.force:
        error("new", exists)
        return 1
    text = starter_text(kind, target, root, **ids)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new(target, text, args.force)
    except FileExistsError:
        error("new", exists)
        return 1
    except OSError as exc:
        error("new", f"cannot write {shown}: {exc.strerror or exc}")
        return 1
    print(f"Wrote {shown}")
    print(f"Fill in every TODO, then run: {printable(check_command(target, root), limit=1000)}")
    return 0


def register(subparsers: Any) -> None:
    new = subparsers.add_parser(
        "new",
        help="start a new opportunity, organization or pathway file from a commented template",
        description="Write a commented starter file with every required key. Replace each TODO, then run the check.",
    )
    kinds = new.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    opportunity = kinds.add_parser(
        "opportunity",
        help="catalog/employers/<org-id>/<opportunity-id>.yml",
        description="Write catalog/employers/<org-id>/<opportunity-id>.yml. The organization must exist already.",
    )
    opportunity.add_argument("--org", required=True, metavar="ORG_ID", help="the organization's id (its folder name)")
    opportunity.add_argument("ident", metavar="OPPORTUNITY_ID", help="the new listing's id, such as summer-internship")
    organization = kinds.add_parser(
        "organization",
        help="catalog/employers/<org-id>/organization.yml",
        description="Write catalog/employers/<org-id>/organization.yml, creating the folder.",
    )
    organization.add_argument("ident", metavar="ORG_ID", help="the organization's id, such as harbor-logistics")
    pathway = kinds.add_parser(
        "pathway", help="catalog/pathways/<pathway-id>.yml", description="Write catalog/pathways/<pathway-id>.yml."
    )
    pathway.add_argument("ident", metavar="PATHWAY_ID", help="the pathway's id, such as health-careers")
    for parser in (opportunity, organization, pathway):
        parser.add_argument("--catalog", metavar="DIR", default=DEFAULT_CATALOG, help="catalog folder (default: ./catalog)")
        parser.add_argument("--force", action="store_true", help="replace the file if it exists")
        parser.set_defaults(func=cmd_new)
