"""The contributor field reference, generated from the JSON Schemas."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.check.schemas import read_schema

KINDS = ("opportunity", "organization", "pathway", "rubric", "vocabulary", "retired")


@dataclass(frozen=True)
class Row:
    path: str
    required: bool
    description: str
    example: str
    allowed: str


# How the reference names the keys a pattern allows.
PATTERN_NAMES = {
    "^[a-z]{2,3}$": "<lang>",
    "^(name|description|awarded_by)_[a-z]{2,3}$": "name_<lang>",
    "^finds_[a-z]{2,3}$": "finds_<lang>",
}


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if "#/$defs/" in ref:
        target = defs[ref.split("#/$defs/")[1]]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _walk(node: dict[str, Any], defs: dict[str, Any], path: str, required: bool, rows: list[Row]) -> None:
    node = _resolve(node, defs)
    if path:
        example = node.get("examples", [""])[0]
        shown = example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)
        allowed = ", ".join(str(v) for v in node.get("enum", []))
        rows.append(Row(path, required, node.get("description", ""), shown, allowed))
    if node.get("type") == "object" or "properties" in node:
        needed = set(node.get("required", []))
        for key, child in node.get("properties", {}).items():
            _walk(child, defs, f"{path}.{key}" if path else key, key in needed, rows)
        for pattern, child in node.get("patternProperties", {}).items():
            _walk(child, defs, f"{path}.{PATTERN_NAMES[pattern]}" if path else PATTERN_NAMES[pattern], False, rows)
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and path:
            _walk(extra, defs, f"{path}.<id>", False, rows)
    items = node.get("items")
    if isinstance(items, dict):
        item = _resolve(items, defs)
        if "properties" in item:
            for key, child in item["properties"].items():
                _walk(child, defs, f"{path}[].{key}", key in set(item.get("required", [])), rows)
            for pattern, child in item.get("patternProperties", {}).items():
                _walk(child, defs, f"{path}[].{PATTERN_NAMES[pattern]}", False, rows)


@cache
def field_reference() -> list[tuple[str, list[Row]]]:
    defs = read_schema("defs")["$defs"]
    out = []
    for kind in KINDS:
        rows: list[Row] = []
        _walk(read_schema(kind), defs, "", False, rows)
        out.append((kind, rows))
    return out
