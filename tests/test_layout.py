"""The folders show the pipeline: each stage imports only from itself and the stages before it, and no module
imports itself back through others (imports inside functions count too)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# In pipeline order. The foundation is the package's own top-level modules: interface text, the id rule,
# characters and links, process helpers; shared by every stage, they import no stage.
STAGES = ["foundation", "check", "model", "present", "report", "exports", "render", "commands", "glue"]
FOUNDATION = {"generator", "generator.i18n", "generator.ids", "generator.characters", "generator.sanitize", "generator.processes"}
GLUE = {"generator.mkdocs_plugin"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage_of(module: str) -> str:
    if module in FOUNDATION:
        return "foundation"
    if module in GLUE:
        return "glue"
    if module == "generator.__main__":
        return "commands"
    return module.split(".")[1]


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    """(line, generator module) for every import in the file, in functions too."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import; write generator.<stage>.<module>"
            base = node.module or ""
            # `from generator.render import browse` imports the module generator.render.browse.
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for name in names:
            if name == "generator" or name.startswith("generator."):
                while name not in MODULES:
                    name = name.rpartition(".")[0]
                yield node.lineno, name


def test_every_module_belongs_to_a_stage() -> None:
    for module in MODULES:
        assert stage_of(module) in STAGES, f"{module} is in no stage folder: move it into one of {STAGES[1:-1]}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_from_its_stage_and_earlier_ones(module: str) -> None:
    rank = STAGES.index(stage_of(module))
    for line, imported in imports_of(MODULES[module]):
        there = stage_of(imported)
        assert STAGES.index(there) <= rank, (
            f"{MODULES[module]}:{line}: the {stage_of(module)} stage imports {imported} from the later {there} stage"
        )


def test_no_module_imports_itself_back() -> None:
    graph = {module: {name for _, name in imports_of(path) if name != module} for module, path in MODULES.items()}
    # Package __init__ files are imported with their modules; only module-to-module edges make a cycle.
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for other in sorted(graph[module]):
            if MODULES[other].name == "__init__.py" and module.startswith(other + "."):
                continue
            if state.get(other) == 1:
                cycle = stack[stack.index(other) :] + [other]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if other not in state:
                visit(other)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_importing_the_package_and_creating_the_plugin_write_nothing_to_the_environment() -> None:
    import os
    import subprocess
    import sys

    code = (
        "import importlib, os, sys; before = dict(os.environ); "
        f"[importlib.import_module(m) for m in {sorted(m for m in MODULES if m != 'generator.__main__')!r}]; "
        "from generator.mkdocs_plugin import CatalogPlugin; CatalogPlugin().load_config({}); "
        "sys.exit(0 if dict(os.environ) == before else 1)"
    )
    # A bare environment: this test process has imported the package already, so anything an import sets with
    # setdefault would already be in its own environment.
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    assert subprocess.run([sys.executable, "-c", code], env=env, timeout=120).returncode == 0
