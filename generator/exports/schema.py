"""The shape of catalog.json, written once: it gives the JSON Schema and the Data page's field tables.

Both come from the same field tree (SPEC, in exports_fields), so the published schema,
the documentation and the export cannot drift apart: the tests validate
catalog.json against the schema, and every object is closed
(`additionalProperties: false`) with every key required (null when not given).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup, escape

from generator.exports.fields import FORMAT_VERSION, SPEC
from generator.i18n import t, translate

__all__ = ["FORMAT_VERSION", "catalog_schema", "documentation", "field_rows", "parse"]


@dataclass(frozen=True)
class F:
    """One field: name, type, meaning in English (translated by the catalogs), and its fields or item."""

    name: str
    type: str  # string, integer, number, boolean, date, datetime, uri, object, array
    en: str
    null: bool = False
    fields: tuple[F, ...] = ()
    items: F | None = None
    enum: tuple[str, ...] = ()


LINE = re.compile(r"^(?P<indent> *)(?P<name>\S+)  (?P<type>\S+)(?:  (?P<en>.+))?$")
TYPE = re.compile(r"^(?P<base>[@^]?[a-z_]+)(?:\((?P<enum>[^)]*)\))?(?P<list>\[\])?(?P<null>\?)?$")


def parse(spec: str) -> dict[str, F]:
    """Named blocks and records of SPEC (blocks and records are both reusable as `@name`)."""
    named: dict[str, F] = {}
    lines = [line for line in spec.splitlines() if line.strip()]

    def build(start: int, depth: int) -> tuple[F, int]:
        m = LINE.match(lines[start])
        t = TYPE.match(m["type"]) if m and len(m["indent"]) == 2 * depth else None
        if m is None or t is None:
            raise ValueError(f"bad SPEC line: {lines[start]!r}")
        children, i = [], start + 1
        while i < len(lines) and len(lines[i]) - len(lines[i].lstrip()) > 2 * depth:
            child, i = build(i, depth + 1)
            children.append(child)
        base = t["base"]
        if base.startswith("@"):
            field = replace(named[base[1:]], name=m["name"].lstrip("@"))
        else:
            field = F(
                m["name"].lstrip("@"),
                base,
                "",
                fields=tuple(children),
                enum=tuple(t["enum"].split(",")) if t["enum"] else (),
            )
        if m["en"]:
            field = replace(field, en=m["en"])
        if t["list"]:
            field = F(field.name, "array", field.en, items=replace(field, name=""))
        return replace(field, null=bool(t["null"])), i

    def same(field: F, record: F) -> F:
        """`^name`: the record's own top-level field `name` (a track's pay is the shape of its listing's)."""
        if field.type.startswith("^"):
            found = next(c for c in record.fields if c.name == field.type[1:])
            return replace(found, name=field.name, en=field.en or found.en, null=field.null)
        items = same(field.items, record) if field.items is not None else None
        return replace(field, fields=tuple(same(c, record) for c in field.fields), items=items)

    i = 0
    while i < len(lines):
        field, i = build(i, 0)
        named[field.name] = same(field, field)
    return named


FIELDS = parse(SPEC)
CATALOG, OPPORTUNITY, ORGANIZATION, PATHWAY, RETIRED = (
    FIELDS[k] for k in ("catalog", "opportunity", "organization", "pathway", "retired")
)

_SCALARS: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    "datetime": {"type": "string", "format": "date-time"},
    "uri": {"type": "string", "format": "uri"},
}


def schema_of(field: F) -> dict[str, Any]:
    if field.type == "object":
        out: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "required": [c.name for c in field.fields],
            "properties": {c.name: schema_of(c) for c in field.fields},
        }
    elif field.type == "array":
        assert field.items is not None
        out = {"type": "array", "items": schema_of(field.items)}
    else:
        out = dict(_SCALARS[field.type])
    if field.enum:
        out["enum"] = list(field.enum) + ([None] if field.null else [])
    if field.null:
        out["type"] = [out["type"], "null"]
    if field.en:
        out["description"] = field.en
    return out


# What a further language's field holds, beside the Spanish field (`es`) that every record has.
OTHER_LANGUAGE = (
    "Text in the language whose code is this field's name; null where none was written (the English is shown instead)."
)


def with_languages(field: F, langs: tuple[str, ...]) -> F:
    """The format with a field like `es` beside each `es`, for each further language of the site."""
    if field.type == "array" and field.items is not None:
        return replace(field, items=with_languages(field.items, langs))
    children: list[F] = []
    for child in field.fields:
        children.append(with_languages(child, langs))
        if child.name == "es" and child.type == "object":
            children += [replace(child, name=lang, en=OTHER_LANGUAGE) for lang in langs]
    return replace(field, fields=tuple(children))


def catalog_schema(site_url: str, langs: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON Schema of catalog.json; `langs`, the site's languages besides English and Spanish."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url + "data/catalog.schema.json",
        "title": "Work-based learning catalog export",
        **schema_of(with_languages(CATALOG, langs)),
    }


# The catalogs' context for the meaning of each field (exports/fields.py).
CONTEXT = "data-field"


def field_rows(field: F, lang: str, prefix: str = "", deep: bool = True) -> list[tuple[str, Markup, str]]:
    """(path, type, meaning) for every field under an object, depth first, as the Data page shows them."""
    rows = []
    for child in field.fields:
        path = prefix + child.name
        item = child.items if child.type == "array" and child.items else None
        kind = escape(t("type_" + child.type, lang))
        if item and item.type != "object":
            kind += " (" + t("type_" + item.type, lang) + ")"
        # Values are written as they appear in the file; a list of fixed values shows the values of its items.
        enum = child.enum or (item.enum if item else ())
        if enum:
            kind += Markup(": ") + Markup(", ").join(Markup("<code>{}</code>").format(value) for value in enum)
        if child.null:
            kind += Markup(" | <code>null</code>")
        rows.append((path, kind, translate(CONTEXT, child.en, lang)))
        if child.type == "object":
            rows.extend(field_rows(child, lang, path + ".", deep))
        elif deep and item and item.type == "object":
            rows.extend(field_rows(item, lang, path + "[].", deep))
    return rows


def documentation(lang: str, langs: tuple[str, ...] = ()) -> list[tuple[str, list[tuple[str, Markup, str]]]]:
    """Field tables of catalog.json: its top level, then each kind of record; `langs` as for catalog_schema."""
    kinds = (("opportunities", OPPORTUNITY), ("organizations", ORGANIZATION), ("pathways", PATHWAY), ("retired", RETIRED))
    top = [("catalog", field_rows(CATALOG, lang, deep=False))]
    return top + [(name, field_rows(with_languages(f, langs), lang)) for name, f in kinds]
