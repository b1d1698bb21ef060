"""Compiled validators (fastjsonschema), kept between runs in a cache folder.

Generating and compiling a validator's code takes longer than checking a
catalog of a hundred listings, so the compiled code is kept, named by a hash
of everything that shapes it: the bundled schema (vocabulary enums included),
fastjsonschema's version and options, the trimming below and Python's
version. A changed schema or vocabulary gets a new name, so a stale entry is
never used.

Only pass or fail is used from these validators (jsonschema explains the
files that fail), so anything that only builds a message is left out.

The cache holds code that runs, so it lives where a contribution cannot put a
file: the user's cache folder (`$XDG_CACHE_HOME/wbl-catalog/validators`, by
default `~/.cache/wbl-catalog/validators`), never the working tree; or the
folder named by WBL_VALIDATOR_CACHE. Each entry carries a SHA-256 of its
bytes, so a damaged entry is never run: it is compiled again and replaced.
When the folder cannot be written, validators are compiled in memory.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema

from generator.check.cachefile import read_checked, write_checked

CACHE_ENV = "WBL_VALIDATOR_CACHE"
MAGIC = b"WBLV1\n"
FORMATS = {"date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
# Detailed exceptions make the code five times the size, and generating and compiling it then costs more
# than checking a small catalog.
# use_default off: checking a file never changes its data, so a file known to pass can skip the check
# (parsecache.py).
OPTIONS: dict[str, Any] = {"formats": FORMATS, "detailed_exceptions": False, "use_default": False}

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


def cache_base() -> Path:
    """The project's folder in the user's cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wbl-catalog"


def cache_dir() -> Path:
    named = os.environ.get(CACHE_ENV)
    if named:
        return Path(named)
    return cache_base() / "validators"


def cache_key(definition: dict[str, Any]) -> str:
    # marshal's format belongs to one Python version.
    shaping = [fastjsonschema.VERSION, OPTIONS, _TRIM_VERSION, sys.implementation.cache_tag, definition]
    text = json.dumps(shaping, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


def generate(definition: dict[str, Any]) -> str:
    """The validator's module source, without the parts that only serve messages."""
    code = fastjsonschema.compile_to_code(definition, **OPTIONS)
    return _RAISE.sub(r'\1"invalid")', _PATH_ARGUMENT.sub(r"\1)", code))


def compiled(definition: dict[str, Any]) -> Callable[[Any], Any]:
    """A function that raises fastjsonschema.JsonSchemaException for data the definition rejects."""
    path = cache_dir() / f"v{cache_key(definition)}.bin"
    code = _read(path)
    if code is None:
        try:
            code = compile(generate(definition), "<validator>", "exec")
        except SyntaxError:  # the trimming met code it does not know; the untrimmed validator decides the same
            return fastjsonschema.compile(definition, **OPTIONS)
        _store(path, code)
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # noqa: S102 - compiled from the project's own schemas, or read back intact from the cache
    validate: Callable[[Any], Any] = namespace["validate"]
    return validate


def _read(path: Path) -> types.CodeType | None:
    """The cached code, or None when the entry is missing, damaged or not one of ours."""
    payload = read_checked(path, MAGIC)
    if payload is None:
        return None
    try:
        code = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def _store(path: Path, code: types.CodeType) -> None:
    """Write the entry whole or not at all: a check running at the same time must never read half a file."""
    write_checked(path, MAGIC, marshal.dumps(code))
