"""Which parts of a file that failed its schema the file's own rules may still read.

A contributor should see every problem of a file in one run: the schema's and the rules' (dates in order,
a deadline, pay that adds up). The rules assume the shapes the schema promises, so on a file that failed it
each rule runs only when none of the places it reads failed: a rule that reads `pay` is skipped when `pay`,
anything inside it or the file as a whole is wrong, and runs when only `seats` is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import jsonschema

from generator.check.messages import CLOSE, nearest

Path = tuple[Any, ...]


def _extras(error: jsonschema.ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = schema.get("properties", {})
    instance: Any = error.instance
    if not isinstance(instance, dict):
        return []
    patterns = schema.get("patternProperties", {})
    return [k for k in instance if k not in known and not any(re.search(p, str(k)) for p in patterns)]


def blocked_paths(errors: Iterable[jsonschema.ValidationError]) -> tuple[Path, ...]:
    """The places a file's schema errors make unreadable for the rules.

    An unknown key blocks nothing, since no rule reads it, unless it is a misspelling of a key the mapping
    lacks (`deadlin:`): then the key it stands for is blocked, so no rule says that key is missing. A missing
    required key blocks that key. Any other error blocks the value it is about, with everything inside it.
    """
    found: set[Path] = set()
    for error in errors:
        path: Path = tuple(error.absolute_path)
        instance: Any = error.instance
        if error.validator == "additionalProperties" and isinstance(instance, dict):
            schema = error.schema if isinstance(error.schema, dict) else {}
            unused = sorted(k for k in schema.get("properties", {}) if k not in instance)
            for extra in _extras(error):
                ranked = nearest(str(extra), unused)
                if ranked and ranked[0][1] >= CLOSE:
                    found.add((*path, ranked[0][0]))
        elif error.validator == "required" and isinstance(instance, dict) and isinstance(error.validator_value, list):
            found.update((*path, key) for key in error.validator_value if key not in instance)
        elif "propertyNames" in error.absolute_schema_path and isinstance(instance, str):
            found.add((*path, instance))
        else:
            found.add(path)
    return tuple(sorted(found, key=lambda p: tuple(map(str, p))))


def hides(blocked: Iterable[Path], path: Path) -> bool:
    """Whether the value at path, or a mapping or list that holds it, failed the schema."""
    marks = blocked if isinstance(blocked, (set, frozenset)) else frozenset(blocked)
    return any(path[:n] in marks for n in range(len(path) + 1))


def readable(blocked: Iterable[Path], *paths: Path) -> bool:
    """Whether every value at paths, with all it holds, passed the schema."""
    return not any(p[: len(b)] == b or b[: len(p)] == p for b in blocked for p in paths)
