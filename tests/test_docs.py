"""Documentation that cannot drift: every command and option, plugin option and environment variable the code
has is in the README."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

from generator.commands.cli import build_parser
from generator.mkdocs_plugin import CatalogConfig

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
GENERATOR = ROOT / "generator"


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


COMMANDS = _subcommands()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_its_options_are_in_the_readme(name: str) -> None:
    commands = _section("Commands")
    assert f"python -m generator {name}" in commands, f"`python -m generator {name}` is not in the README's Commands"
    for action in COMMANDS[name]._actions:
        for option in action.option_strings:
            if option in ("-h", "--help"):
                continue
            assert option in commands, f"`{name} {option}` is not in the README's Commands"


def test_the_plugin_options_are_the_ones_listed() -> None:
    listed = set(re.findall(r"^\| `([a-z_]+)` \| (?:true|false|`[^`]*`) \|", _section("Commands"), re.M))
    declared = {name for name, _ in CatalogConfig._schema}
    assert listed == declared


def _environment_variables() -> set[str]:
    found = set()
    for path in GENERATOR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # A name the module gives a string at its top level stands for that string.
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and ast.unparse(node.func.value) == "os.environ"
                and node.args
            ):
                given = node.args[0]
                if isinstance(given, ast.Constant):
                    found.add(given.value)
                elif isinstance(given, ast.Name) and given.id in constants:
                    found.add(constants[given.id])
                else:
                    found.add(ast.unparse(given))
    return found


def _mkdocs_variables() -> set[str]:
    """Variables mkdocs.yml reads with MkDocs' `!ENV` tag."""
    return set(re.findall(r"!ENV \[([A-Z_]+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))


def test_mkdocs_yml_reads_the_documented_overrides() -> None:
    assert _mkdocs_variables() == {"SITE_URL", "CATALOG_DIR", "CATALOG_REGIONS", "CATALOG_PART", "WBL_BUILD_WORKERS"}


@pytest.mark.parametrize("variable", sorted(_environment_variables() | _mkdocs_variables()))
def test_every_environment_variable_the_code_reads_is_documented(variable: str) -> None:
    name = {"CACHE_ENV": "WBL_VALIDATOR_CACHE", "regions.ENVIRONMENT": "CATALOG_REGIONS"}.get(variable, variable)
    assert f"`{name}" in _section("Commands"), f"{name} is not in the README's environment table"


def test_the_version_lives_in_one_place() -> None:
    import importlib.metadata

    import generator

    assert importlib.metadata.version("wbl-catalog") == generator.__version__
    assert "version = " not in (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[project]")[1].split("\n[")[0]
