"""Plain-language messages for schema failures.

The people who read these are employers editing YAML in a web browser.
Each message says what is wrong with which key, in words, and the hint
says what to type instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema

from generator.check.problems import Problem
from generator.check.yamlload import YAML11_BOOLS, Loaded
from generator.sanitize import url_problem

# What a value of each shared definition must look like, and how to fix it.
PATTERN_TEXT = {
    "line": (
        "must be one line of text without hidden control characters",
        "Keep it on one line; if you pasted it, type it again to drop invisible characters",
    ),
    "markdown": ("is blank", "Write some text"),
    "date": ("is not a date written YYYY-MM-DD", "Write the date like 2027-03-15"),
    "https_url": (
        "is not a web address that starts with https://",
        "Use a full https:// address such as https://example.org/apply (http, javascript and other kinds are not allowed)",
    ),
    "email": (
        "is not a valid email address",
        "Use a role address such as internships@example.org, with nothing else on the line",
    ),
    "phone": ("is not a phone number", "Write it like +1-310-555-0100"),
    "zip": ("is not a five-digit California ZIP code", 'Write the ZIP code like "90802"'),
    "id": ("is not a valid id", "Use lowercase letters, digits and single hyphens, such as summer-internship"),
    "catalog_id": ("is not a valid listing id", "Write it as organization-id/opportunity-id"),
}

TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of `key: value` lines",
    "null": "empty",
}

TYPE_FIX = {
    "string": "Put the value in quotes",
    "integer": "Write a whole number without quotes, such as 30",
    "number": "Write a number without quotes or a $ sign, such as 18.5",
    "boolean": "Write true or false",
    "array": "Write each item on its own line, starting with `- `",
    "object": "Put the keys on the lines below, indented by two spaces",
}


def field_name(path: tuple[Any, ...]) -> str:
    if not path:
        return "the file"
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + _short(str(part))
    return f"`{text}`"


def _short(text: str, limit: int = 60) -> str:
    """A contributor's value as quoted in a message: a 200 KB value must not become a 200 KB line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text `{shown}`"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    return "a set of keys"


def suggest(value: str, allowed: list[str], limit: int = 8) -> str:
    allowed = list(dict.fromkeys(allowed))
    close = difflib.get_close_matches(value, allowed, n=3, cutoff=0.6)
    if not close:
        lowered = {a.lower(): a for a in allowed}
        close = [lowered[m] for m in difflib.get_close_matches(value.lower(), list(lowered), n=3, cutoff=0.6)]
    if not close and len(value) >= 4:
        close = [a for a in allowed if value.lower() in a.lower()][:3]
    if close:
        return "Did you mean " + " or ".join(f"`{c}`" for c in close) + "?"
    shown = ", ".join(f"`{a}`" for a in allowed[:limit])
    more = f" (and {len(allowed) - limit} more)" if len(allowed) > limit else ""
    return f"Use one of: {shown}{more}"


def _url_text(value: str) -> tuple[str, str]:
    """Say what is wrong with a web address in the terms the contributor sees."""
    lowered = value.strip().lower()
    if lowered.startswith("http://"):
        return (
            "starts with http://, which is not secure",
            "Use the page's https:// address instead (change http to https and check that the page opens)",
        )
    if lowered.startswith("https://") and not value.strip().startswith("https://"):
        return "starts with a capitalized `https://`", "Write `https://` in lowercase"
    if lowered.startswith("https://") and "@" in value.split("/")[2]:
        return (
            "has a user name or password in it (the part before `@`)",
            "Remove that part and link to a page anyone can open, such as https://example.org/apply",
        )
    problem = url_problem(value)
    if value.startswith("https://") and problem:
        return problem, "Open the page in a browser and copy the address from its address bar"
    if lowered.startswith("https://"):
        return ("is not a valid web address", "Remove spaces, quotes and angle brackets; write it like https://example.org/apply")
    return PATTERN_TEXT["https_url"]


def _def_name(error: jsonschema.ValidationError, names: dict[int, str]) -> str | None:
    return names.get(id(error.schema))


def _rank(error: jsonschema.ValidationError) -> int:
    order = ["additionalProperties", "required", "type", "enum", "pattern", "minLength", "format"]
    return order.index(error.validator) if error.validator in order else len(order)


def is_required(schema: dict[str, Any], path: tuple[Any, ...]) -> bool:
    """Whether the key at path is required by the (bundled) schema of its file."""
    defs = schema.get("$defs", {})

    def deref(node: Any) -> Any:
        while isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/$defs/"):
            node = {**defs[node["$ref"][len("#/$defs/") :]], **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    node: Any = schema
    for part in path[:-1]:
        node = deref(node)
        if not isinstance(node, dict):
            return False
        node = node.get("items") if isinstance(part, int) else _child(node, part)
    node = deref(node)
    return bool(path) and isinstance(node, dict) and path[-1] in node.get("required", ())


def to_problems(
    shown: str,
    loaded: Loaded,
    errors: list[jsonschema.ValidationError],
    names: dict[int, str],
    schema: dict[str, Any] | None = None,
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    flat: list[jsonschema.ValidationError] = []
    for error in errors:
        flat.extend(_leaves(error))
    renamed: set[tuple[Any, ...]] = set()
    for error in sorted(flat, key=_rank):
        path: tuple[Any, ...] = tuple(error.absolute_path)
        instance: Any = error.instance  # set on every error a validator reports, as is validator_value
        if _is_key_error(error):
            path = (*path, instance)  # a bad key: point at the key itself
        if error.validator not in ("additionalProperties", "required") and path in seen:
            continue
        seen.add(path)
        if error.validator == "additionalProperties":
            # `titel:` is a misspelt `title:`; say so once, not also "`title` is missing".
            renamed.update((*path, target) for extra in _extras(error) if (target := _closest(extra, _unused(error))))
        if error.validator == "required" and isinstance(instance, dict):
            required: Any = error.validator_value
            absent = [k for k in required if k not in instance and (*path, k) not in renamed]
            if not absent:
                continue
            error.validator_value = absent
        problems.extend(_one(shown, loaded, error, path, names, schema is not None and not is_required(schema, path)))
    return problems


def _is_key_error(error: jsonschema.ValidationError) -> bool:
    return "propertyNames" in error.absolute_schema_path and isinstance(error.instance, str)


def _properties(error: jsonschema.ValidationError) -> Mapping[str, Any]:
    """The `properties` of the schema that failed: the keys the mapping may have."""
    schema = error.schema
    properties: Mapping[str, Any] = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
    return properties


def _child(schema: Mapping[str, Any], key: str) -> Any:
    """The schema of one key of a mapping: its `properties` entry, the `patternProperties` it matches, or else
    `additionalProperties`."""
    if key in schema.get("properties", {}):
        return schema["properties"][key]
    for pattern, sub in schema.get("patternProperties", {}).items():
        if re.search(pattern, key):
            return sub
    return schema.get("additionalProperties")


def _extras(error: jsonschema.ValidationError) -> list[str]:
    known = _properties(error)
    patterns = error.schema.get("patternProperties", {}) if isinstance(error.schema, Mapping) else {}
    instance: Any = error.instance
    return [k for k in instance if k not in known and not any(re.search(p, k) for p in patterns)]


def _unused(error: jsonschema.ValidationError) -> list[str]:
    """Known keys that the mapping does not use yet: the only sensible corrections."""
    instance: Any = error.instance
    return sorted(k for k in _properties(error) if k not in instance)


def _closest(value: str, allowed: list[str]) -> str | None:
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    if error.context:
        best = jsonschema.exceptions.best_match(error.context)
        return [best] if best is not None else [error]
    return [error]


@dataclass(frozen=True)
class _Failure:
    """One schema error at one place, with what every message needs."""

    shown: str
    loaded: Loaded
    error: jsonschema.ValidationError
    path: tuple[Any, ...]
    names: dict[int, str]
    optional: bool

    @property
    def kind(self) -> str:
        return str(self.error.validator)

    @property
    def value(self) -> Any:
        """The value that failed."""
        return self.error.instance

    @property
    def expected(self) -> Any:
        """The keyword's value in the schema: required's keys, type's names, enum's values, a bound."""
        return self.error.validator_value

    @property
    def field(self) -> str:
        return field_name(self.path)

    def at(self, p: tuple[Any, ...], key: bool = False, what: str = "", fix: str = "", code: str = "") -> Problem:
        line, col = self.loaded.where(p, key=key)
        return Problem(self.shown, line, col, "error", code or f"schema-{self.kind}", what, fix)


def _additional_properties(f: _Failure) -> list[Problem]:
    allowed = _unused(f.error)
    out = []
    for extra in _extras(f.error):
        where = f" in {f.field}" if f.path else ""
        hint = suggest(extra, allowed) if allowed else "Remove it"
        if not _properties(f.error) and isinstance(f.error.schema, Mapping) and f.error.schema.get("patternProperties"):
            hint = "Write each language's code as its key: `es` for Spanish"  # translations, keyed by language
        elif " " in extra.strip():
            hint = "This looks like text that contains `: `; put the whole value in double quotes"
        elif not hint.startswith("Did you mean"):
            hint = f"Remove it, or rename it. {hint}"
        out.append(f.at((*f.path, extra), key=True, what=f"Unknown key `{_short(extra)}`{where}", fix=hint, code="unknown-key"))
    return out


def _required(f: _Failure) -> list[Problem]:
    absent = [k for k in f.expected if k not in f.value] if isinstance(f.value, dict) else f.expected
    out = []
    for name in absent:
        description = _properties(f.error).get(name, {}).get("description", "")
        where = f" in {f.field}" if f.path else ""
        first = description.split(". ")[0].rstrip(".")
        hint = f"Add `{name}:`" + (f" ({first})" if first else "")
        out.append(f.at(f.path, key=True, what=f"The required key `{name}` is missing{where}", fix=hint, code="missing-key"))
    return out


def _type(f: _Failure) -> list[Problem]:
    wanted = f.expected if isinstance(f.expected, str) else f.expected[0]
    words = TYPE_WORDS.get(wanted, wanted)
    hint = TYPE_FIX.get(wanted, "Check the template for the expected value")
    if wanted == "boolean" and isinstance(f.value, str) and f.value.lower() in YAML11_BOOLS:
        hint = "Write true or false in lowercase (yes, no, on and off are read as text here)"
    if f.value is None:
        fix = f"Fill in {words}" + (", or remove the line" if f.optional else "")
        return [f.at(f.path, what=f"{f.field} is empty", fix=fix, code="empty-value")]
    return [f.at(f.path, what=f"{f.field} should be {words}, not {_describe(f.value)}", fix=hint, code="wrong-type")]


def _enum(f: _Failure) -> list[Problem]:
    allowed = [str(a) for a in f.expected]
    what = f"{f.field} has the value `{_short(str(f.value))}`, which is not allowed here"
    return [f.at(f.path, what=what, fix=suggest(str(f.value), allowed), code="not-allowed")]


def _text_form(f: _Failure) -> list[Problem]:
    """pattern, format and minLength: the shared definitions (`line`, `https_url`, ...) say what the form is."""
    name = _def_name(f.error, f.names)
    path, field, value = f.path, f.field, f.value
    if isinstance(value, str) and not value.strip():
        fix = "Write some text" + (", or remove the line" if f.optional else "")
        return [f.at(path, what=f"{field} is blank", fix=fix, code="blank")]
    if name == "https_url" and isinstance(value, str):
        what, fix = _url_text(value)
        return [f.at(path, what=f"{field} {what}", fix=fix, code="bad-https-url")]
    if name in PATTERN_TEXT:
        what, fix = PATTERN_TEXT[name]
        return [f.at(path, what=f"{field} {what}", fix=fix, code=f"bad-{name.replace('_', '-')}")]
    if f.kind == "pattern" and path and path[-1] == "soc":
        return [f.at(path, what=f"{field} is not a SOC code", fix="Write it like 49-9041", code="bad-soc")]
    if f.kind == "pattern" and path and path[-1] in ("employer_of_record", "paid_by"):
        what = f"{field} is not `self` or an organization id"
        return [f.at(path, what=what, fix="Write `self` or the organization's folder name", code="bad-reference")]
    what = f"{field} is not in the expected form"
    return [f.at(path, what=what, fix="See the field reference for an example", code=f"schema-{f.kind}")]


def _max_length(f: _Failure) -> list[Problem]:
    what = f"{f.field} is too long ({len(f.value)} characters; the limit is {f.expected})"
    return [f.at(f.path, what=what, fix="Shorten it", code="too-long")]


def _minimum(f: _Failure) -> list[Problem]:
    bound = "at least" if f.kind == "minimum" else "more than"
    what = f"{f.field} is {f.value}, but it must be {bound} {f.expected}"
    return [f.at(f.path, what=what, fix=f"Use a number {bound} {f.expected}", code="too-small")]


def _maximum(f: _Failure) -> list[Problem]:
    what = f"{f.field} is {f.value}, but it must be at most {f.expected}"
    return [f.at(f.path, what=what, fix=f"Use a number up to {f.expected}", code="too-large")]


def _min_items(f: _Failure) -> list[Problem]:
    n = f.expected
    return [f.at(f.path, what=f"{f.field} needs at least {n} item{'s' * (n != 1)}", fix="Add the missing items", code="too-few")]


def _max_items(f: _Failure) -> list[Problem]:
    return [f.at(f.path, what=f"{f.field} has more than {f.expected} items", fix=f"Keep at most {f.expected}", code="too-many")]


def _unique_items(f: _Failure) -> list[Problem]:
    return [f.at(f.path, what=f"{f.field} lists the same value twice", fix="Remove the repeated item", code="duplicate-item")]


# The message for each JSON Schema keyword the catalog's schemas use.
KEYWORDS: dict[str, Callable[[_Failure], list[Problem]]] = {
    "additionalProperties": _additional_properties,
    "required": _required,
    "type": _type,
    "enum": _enum,
    "pattern": _text_form,
    "format": _text_form,
    "minLength": _text_form,
    "maxLength": _max_length,
    "minimum": _minimum,
    "exclusiveMinimum": _minimum,
    "maximum": _maximum,
    "exclusiveMaximum": _maximum,
    "minItems": _min_items,
    "maxItems": _max_items,
    "uniqueItems": _unique_items,
}


def _one(
    shown: str,
    loaded: Loaded,
    error: jsonschema.ValidationError,
    path: tuple[Any, ...],
    names: dict[int, str],
    optional: bool = False,
) -> list[Problem]:
    f = _Failure(shown, loaded, error, path, names, optional)
    if _is_key_error(error):
        what = f"The key `{_short(f.value)}` in {field_name(path[:-1])} is not a valid id"
        return [f.at(path, key=True, what=what, fix=PATTERN_TEXT["id"][1], code="bad-id")]
    message = KEYWORDS.get(f.kind)
    if message is not None:
        return message(f)
    what = f"{f.field}: {error.message}"
    return [f.at(path, what=what, fix="See the field reference for the expected value", code=f"schema-{f.kind}")]
