"""The catalog's JSON Schemas, bundled and bound to the region's vocabularies.

The schema files under `schemas/` are what editors and the contributor
reference read. At check time each kind's schema is bundled with the
shared definitions, and the enums that come from the region's editable
vocabularies (sectors, formats, areas, ...) are filled in, so a wrong
value gets "did you mean ...?" from the allowed list.

A compiled validator (fastjsonschema, cached between runs: see compiled.py)
decides pass or fail; only the files that fail go through jsonschema, whose
errors carry the detail the plain-language messages need.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any

import fastjsonschema
import jsonschema

from generator import PROJECT_DIR
from generator.check.compiled import cache_key, compiled

SCHEMA_DIR = PROJECT_DIR / "schemas"
KINDS = ("organization", "opportunity", "pathway", "rubric", "vocabulary", "retired")
DEFS_REF = "defs.schema.json#/$defs/"

# Which vocabulary fills which shared definition, and with what field.
VOCAB_ENUMS = {
    "sector": ("sectors", "name"),
    "format": ("formats", "id"),
    "area": ("areas", "id"),
    "season": ("seasons", "id"),
    "language": ("languages", "id"),
    "signal": ("signals", "id"),
    "population": ("populations", "id"),
    "endorsement": ("endorsements", "id"),
}


# JSON Schema patterns follow ECMA-262, where `$` is the very end of the text. Python's `$` also
# matches before a final newline, so a title written as a `|` block would slip through. fastjsonschema
# already swaps `$` for `\Z`; the detailed validator does the same, so the two always agree.
_DOLLAR = re.compile(r"(?<!\\)\$")


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Any:
    if validator.is_type(instance, "string") and not re.search(_DOLLAR.sub(r"\\Z", pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def _canonical(value: Any) -> Any:
    """A hashable stand-in for a JSON value; equal JSON values (1 and 1.0, key order) give equal results."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", value)
    if isinstance(value, dict):
        return ("object", frozenset((k, _canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("array", tuple(_canonical(v) for v in value))
    return (type(value).__name__, value)


def _unique_items(validator: Any, unique: bool, instance: Any, schema: dict[str, Any]) -> Any:
    # jsonschema compares unhashable items pair by pair: a 120 KB file listing 12,000 mappings took
    # minutes. Hashing a canonical form keeps the check linear.
    if unique and validator.is_type(instance, "array"):
        seen: set[Any] = set()
        for item in instance:
            key = _canonical(item)
            if key in seen:
                yield jsonschema.ValidationError(f"{instance!r} has non-unique elements")
                return
            seen.add(key)


_Detailed = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern, "uniqueItems": _unique_items})


def read_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return schema


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(DEFS_REF):
                out[key] = "#/$defs/" + value[len(DEFS_REF) :]
            else:
                out[key] = _rewrite_refs(value)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def bundle(kind: str, vocabularies: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """One self-contained schema for a kind, with vocabulary enums filled in."""
    defs = _rewrite_refs(read_schema("defs"))["$defs"]
    for def_name, (vocab, field) in VOCAB_ENUMS.items():
        items = (vocabularies or {}).get(vocab)
        if items:
            defs[def_name] = {**defs[def_name], "enum": [item[field] for item in items]}
    schema: dict[str, Any] = _rewrite_refs(read_schema(kind))
    schema["$defs"] = {**defs, **schema.get("$defs", {})}
    return schema


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            yield ref[len("#/$defs/") :].split("/", 1)[0]
        for key, value in node.items():
            if key != "$defs":
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def fast_definition(schema: dict[str, Any]) -> dict[str, Any]:
    """A bundled schema as fastjsonschema reads it (draft-07 covers what these schemas use), with only the
    definitions it uses: the compiled validator's cache key then changes only with what shapes it."""
    defs = schema.get("$defs", {})
    used: set[str] = set()
    pending = list(_refs(schema))
    while pending:
        name = pending.pop()
        if name not in used and name in defs:
            used.add(name)
            pending.extend(_refs(defs[name]))
    draft7 = {key: value for key, value in schema.items() if key not in ("$id", "$defs")}
    draft7["$defs"] = {name: value for name, value in defs.items() if name in used}
    draft7["$schema"] = "http://json-schema.org/draft-07/schema#"
    return draft7


class Validators:
    """Compiled and detailed validators for every kind."""

    def __init__(self, vocabularies: dict[str, list[dict[str, Any]]] | None = None) -> None:
        self.vocabularies = vocabularies or {}
        self.bundles = {kind: bundle(kind, self.vocabularies) for kind in KINDS}
        self._fast: dict[str, Callable[[Any], Any]] = {}
        self._slow: dict[str, jsonschema.protocols.Validator] = {}
        self._slow_schemas: dict[str, dict[str, Any]] = {}
        self._fingerprints: dict[str, str] = {}

    def fast(self, kind: str) -> Callable[[Any], Any]:
        if kind not in self._fast:
            self._fast[kind] = compiled(fast_definition(self.bundles[kind]))
        return self._fast[kind]

    def slow(self, kind: str) -> jsonschema.protocols.Validator:
        if kind not in self._slow:
            schema = copy.deepcopy(self.bundles[kind])
            schema.pop("$id", None)
            self._slow_schemas[kind] = schema
            self._slow[kind] = _Detailed(schema)
        return self._slow[kind]

    def slow_schema(self, kind: str) -> dict[str, Any]:
        """The schema the detailed validator checks against: its errors point into these very objects."""
        self.slow(kind)
        return self._slow_schemas[kind]

    @cached_property
    def def_names(self) -> dict[str, dict[int, str]]:
        """For each kind, id(subschema) -> shared definition name."""
        out = {}
        for kind in KINDS:
            schema = self.slow_schema(kind)
            out[kind] = {id(value): name for name, value in schema["$defs"].items()}
        return out

    @cached_property
    def aliases(self) -> dict[str, dict[str, str]]:
        """For each shared definition filled from a vocabulary: every other name of a value (its id, its
        `name_es` and other labels) -> the value the files must use, so a sector typed in Spanish is found."""
        out: dict[str, dict[str, str]] = {}
        for def_name, (vocab, field) in VOCAB_ENUMS.items():
            names: dict[str, str] = {}
            for item in self.vocabularies.get(vocab, []):
                for key, label in item.items():
                    named = key in ("id", "name") or key.startswith("name_")
                    if named and isinstance(label, str) and label != item.get(field):
                        names[label] = str(item.get(field))
            out[def_name] = names
        return out

    def fingerprint(self, kind: str) -> str:
        """Names what the fast validator of kind accepts: equal fingerprints accept the same files."""
        if kind not in self._fingerprints:
            self._fingerprints[kind] = cache_key(fast_definition(self.bundles[kind]))
        return self._fingerprints[kind]

    def is_valid(self, kind: str, data: Any) -> bool:
        try:
            self.fast(kind)(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    def errors(self, kind: str, data: Any) -> list[jsonschema.ValidationError]:
        return list(self.slow(kind).iter_errors(data))
