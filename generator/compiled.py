"""Compiled validators (fastjsonschema), kept between runs in a cache folder.

Generating and compiling a validator's code takes longer than checking a
catalog of a hundred listings, so the generated code is kept as a module,
named by a hash of everything that shapes it: the bundled schema (vocabulary
enums included), fastjsonschema's version and options, and the trimming
below. A changed schema or vocabulary gets a new name, so a stale module is
never used. Its bytecode is written next to it explicitly, because
PYTHONDONTWRITEBYTECODE would stop the import from writing it; loading a
validator is then a file read.

Only pass or fail is used from these validators (jsonschema explains the
files that fail), so anything that only builds a message is left out.

The folder is `.cache/validators` at the top of the project, or the one named
by WBL_VALIDATOR_CACHE. When it cannot be written, validators are compiled in
memory as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import py_compile
import re
import tempfile
from pathlib import Path
from typing import Any

import fastjsonschema

CACHE_ENV = "WBL_VALIDATOR_CACHE"
DEFAULT_CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "validators"
FORMATS = {"date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
# Detailed exceptions make the code five times the size, and generating and compiling it then costs more
# than checking a small catalog.
OPTIONS: dict[str, Any] = {"formats": FORMATS, "detailed_exceptions": False}

# A call to a shared definition's validator still builds the value's path for a message, with
# `"...[{i}]".format(**locals())` inside lists: a tenth of the time spent checking a listing. The
# argument is dropped (it defaults to None, as for the top-level call).
_PATH_ARGUMENT = re.compile(
    r'^(\s*validate_\w+\(\w+, custom_formats), \(name_prefix or "data"\) \+ "(?:[^"\\]|\\.)*"(?:\.format\(\*\*locals\(\)\))?\)$',
    re.MULTILINE,
)
# The message of a failure is never read either; leaving it out makes the code a fifth smaller to compile.
_RAISE = re.compile(r'^(\s*raise JsonSchemaValueException\()".*\)$', re.MULTILINE)
# Part of the cache key: a change to the trimming must not reuse modules trimmed the old way.
_TRIM_VERSION = 1


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE_DIR)


def cache_key(definition: dict[str, Any]) -> str:
    shaping = [fastjsonschema.VERSION, OPTIONS, _TRIM_VERSION, definition]
    text = json.dumps(shaping, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


def generate(definition: dict[str, Any]) -> str:
    """The validator's module source, without the parts that only serve messages."""
    code = fastjsonschema.compile_to_code(definition, **OPTIONS)
    return _RAISE.sub(r'\1"invalid")', _PATH_ARGUMENT.sub(r"\1)", code))


def compiled(definition: dict[str, Any]) -> Any:
    """A function that raises fastjsonschema.JsonSchemaException for data the definition rejects."""
    path = cache_dir() / f"v{cache_key(definition)}.py"
    if not path.is_file():
        code = generate(definition)
        if not _store(path, code):
            return _in_memory(code, definition)
    if not os.path.isfile(importlib.util.cache_from_source(str(path))):
        # When the bytecode cannot be written, the import compiles the module in memory instead.
        with contextlib.suppress(OSError, py_compile.PyCompileError):
            py_compile.compile(str(path), doraise=True)
    try:
        spec = importlib.util.spec_from_file_location(f"_wbl_validator_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return module.validate
    except Exception:  # noqa: BLE001 - a damaged cache entry must not stop the check
        return fastjsonschema.compile(definition, **OPTIONS)


def _store(path: Path, code: str) -> bool:
    """Write the module whole or not at all: a check running at the same time must never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".py")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(code)
            os.chmod(temp, 0o644)  # mkstemp's 0600 would hide the cache from other users of a shared checkout
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return False
    return True


def _in_memory(code: str, definition: dict[str, Any]) -> Any:
    namespace: dict[str, Any] = {}
    try:
        exec(compile(code, "<validator>", "exec"), namespace)  # noqa: S102 - generated from the project's own schemas
    except SyntaxError:  # the trimming met code it does not know; the untrimmed validator decides the same
        return fastjsonschema.compile(definition, **OPTIONS)
    return namespace["validate"]
