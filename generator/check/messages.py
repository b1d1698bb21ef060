"""Plain-language messages for schema failures.

The people who read these are employers editing YAML in a web browser.
Each message says what is wrong with which key, in words, and the hint
says what to type instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from generator.check import slips
from generator.check.problems import Problem
from generator.check.schemas import VOCAB_ENUMS
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
    # "9am", "9:00 AM" and "9:00" are the usual first drafts; two-digit 24-hour time leaves no doubt about 6:00.
    "time_of_day": ("is not a time written HH:MM", "Write 24-hour time such as 09:00 or 18:30"),
    "https_url": (
        "is not a web address that starts with https://",
        "Use a full https:// address such as https://example.org/apply (http, javascript and other kinds are not allowed)",
    ),
    "email": (
        "is not a valid email address",
        "Use a role address such as internships@example.org, with nothing else on the line",
    ),
    "phone": ("is not a phone number", "Write it like +1-310-555-0100"),
    "zip": ("is not a US ZIP code", 'Write five digits, or ZIP+4, in quotes, like "90802" or "90802-1234"'),
    "id": ("is not a valid id", "Use lowercase letters, digits and single hyphens, such as summer-internship"),
    "zip_range": (
        "is not a ZIP code or a range of ZIP codes",
        'Write five digits, or the first and last ZIP code joined by a hyphen, in quotes, like "92501-92599"',
    ),
    "catalog_id": ("is not a valid listing id", "Write it as organization-id/opportunity-id"),
}

# Free email providers, kept as data so a maintainer can add one without touching code.
FREE_MAIL = frozenset(
    line.strip().lower()
    for line in (Path(__file__).parent / "data" / "free-mail-domains.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def free_mail_text(field: str, domain: str) -> tuple[str, str]:
    """What is wrong with a contact address at a free provider, and what to use instead."""
    return (
        f"{field} is an address at {domain}, which is usually a person's own",
        "Use a role address on the organization's own domain, such as internships@your-org.org: "
        "a personal address puts that person's details on a public page and stops working when they leave",
    )


# The vocabulary file that holds the allowed values of each shared definition filled from one.
VOCABULARY_FILES = {name: vocab for name, (vocab, _) in VOCAB_ENUMS.items()}
# Lists whose new entries a region's maintainers add (with who awards it and a page that explains it), not the
# contributor of a listing: an unknown value says where the list is and whom to ask.
MAINTAINED_LISTS = frozenset({"endorsement"})

TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of `key: value` lines",
    "null": "empty",
}

# The messages of the commonest problems, as templates: the checker fills them in here, and the form that writes a
# new listing (/contribute/new/, site_overrides/assets/contribute/messages.js) receives them as JSON when the site
# is built, so the employer reads the same words while typing as the checker prints. Each is (what is wrong, how
# to fix it); `{field}` is the place in words (field_name), the other names are filled in as given.
TEMPLATES: dict[str, tuple[str, str]] = {
    "missing-key": ("The required key `{name}` is missing{where}", "Add `{name}:`{gloss}"),
    "empty-value": ("{field} is empty", "Fill in {words}"),
    "blank": ("{field} is blank", "Write some text"),
    "not-allowed": ("{field} has the value `{value}`, which is not allowed here", "Use one of: {allowed}"),
    "too-long": ("{field} is too long ({length} characters; the limit is {limit})", "Shorten it"),
    "too-small": ("{field} is {value}, but it must be {bound} {limit}", "Use a number {bound} {limit}"),
    "too-large": ("{field} is {value}, but it must be at most {limit}", "Use a number up to {limit}"),
    "too-few": ("{field} needs at least {limit} {items}", "Add the missing items"),
    "too-many": ("{field} has more than {limit} items", "Keep at most {limit}"),
    "duplicate-item": ("{field} lists the same value twice", "Remove the repeated item"),
    "wrong-type": ("{field} should be {words}, not {value}", "Write {words}"),
    "other": ("{field} is not in the expected form", "See the field reference for an example"),
    # Rules between fields (rules.py) that a first listing meets; the form checks them too (contribute/rules.js).
    "missing-employer-of-record": (
        "A listing with pay type `{type}` must say who the employer of record is",
        "Add `employer_of_record: self`, or the id of the organization that puts students on payroll",
    ),
    "missing-deadline": (
        "An open listing needs a deadline or `rolling: true`",
        "Add `deadline: YYYY-MM-DD`, `rolling: true` if applications are taken until seats fill, "
        "or `expected:` with when applications usually open if their dates are not announced yet",
    ),
    "deadline-and-rolling": (
        "The listing has both a deadline and `rolling: true`",
        "Keep the deadline, or remove it and keep `rolling: true`",
    ),
    "date-order": (
        "{field} ({value}) is before {earlier} ({earlier_value})",
        "Dates go in this order: opens, deadline, start, end",
    ),
    "grades-order": ("The lowest grade ({min}) is higher than the highest grade ({max})", "Swap `min` and `max`"),
    "age-order": ("The minimum age ({min}) is higher than the maximum age ({max})", "Swap `min` and `max`"),
    # A listing's folder that is no organization of the catalog; the form says it of an organization not in its list.
    "missing-organization": (
        "The folder catalog/employers/{org}/ has no organization.yml",
        "Add organization.yml describing the organization (see CONTRIBUTING.md)",
    ),
}
# Added to a fix when the field may be left out altogether.
OR_REMOVE = ", or remove the line"
# The words for "at least" and "more than" in too-small.
BOUNDS = {"minimum": "at least", "exclusiveMinimum": "more than"}


def template(code: str, part: int, **values: Any) -> str:
    """One of TEMPLATES filled in: part 0 is what is wrong, 1 the fix."""
    return TEMPLATES[code][part].format(**values)


def field_name(path: tuple[Any, ...]) -> str:
    """A place in a file in words: `sites`, item 2, `zip` (people who do not program do not read `sites[1]`)."""
    if not path:
        return "the file"
    parts: list[str] = []
    keys: list[str] = []
    for part in path:
        if isinstance(part, int):
            if keys:
                parts.append("`" + ".".join(keys) + "`")
            parts.append(f"item {part + 1}")
            keys = []
        else:
            keys.append(_short(str(part)))
    if keys:
        parts.append("`" + ".".join(keys) + "`")
    return ", ".join(parts)


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


# Lists of allowed values up to this long are shown in full; a longer one shows its nearest values first.
SHORT_LIST = 12
# With nothing close, a list up to this long is still worth reading in full (a region has about 15 sectors).
LONG_LIST = 24
# How alike (0 to 1) a typed value and an allowed one must be to be offered as "did you mean".
CLOSE = 0.75
# Alike enough that the one close value is surely meant, and listing the others would only be noise.
SURE = 0.85


def _fold(text: str) -> str:
    """Text compared the way a reader compares it: no case, accents, punctuation or extra spaces."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def _likeness(typed: str, text: str) -> float:
    """How alike two folded texts are: the whole, or the typed words against as many words of the other
    (a misspelt `Manufactoring` is close to `Manufacturing and Product Development`)."""
    if not typed or not text:
        return 0.0
    if typed == text:
        return 1.0
    best = difflib.SequenceMatcher(None, typed, text).ratio()
    if text.startswith(typed + " ") or typed.startswith(text + " "):
        best = max(best, 0.8)  # `acme-corp` for `acme`, `Manufacturing` for a longer name
    words, wanted = text.split(), len(typed.split())
    for size in {wanted, wanted + 1}:
        for start in range(max(len(words) - size + 1, 1)):
            window = " ".join(words[start : start + size])
            best = max(best, 0.95 * difflib.SequenceMatcher(None, typed, window).ratio())
    return best


def nearest(value: str, allowed: list[str], aliases: Mapping[str, str] | None = None) -> list[tuple[str, float]]:
    """Every allowed value with how close `value` is to it (or to one of its other names, such as its
    Spanish label or its id), closest first; ties keep the list's own order."""
    typed = _fold(value)
    scores = {a: _likeness(typed, _fold(a)) for a in allowed}
    for alias, target in (aliases or {}).items():
        if target in scores:
            scores[target] = max(scores[target], _likeness(typed, _fold(alias)))
    return sorted(scores.items(), key=lambda item: -item[1])


def suggest(value: str, allowed: list[str], aliases: Mapping[str, str] | None = None, where: str = "") -> str:
    """How to fix a value that is not one of `allowed`: the one it surely means, or the nearest ones
    first, and the whole list when it is short. `where` names the file that holds a long list."""
    allowed = list(dict.fromkeys(allowed))
    ranked = nearest(value, allowed, aliases)
    if not ranked:
        return "Remove it"
    best, score = ranked[0]
    if score == 1.0 and (len(ranked) == 1 or ranked[1][1] < 1.0):
        if _fold(best) == _fold(value):
            return f"Write it exactly as `{best}`"
        return f"Write `{best}`, the name this list uses for it"
    close = [a for a, s in ranked if s >= CLOSE][:3]
    # The close values first; the others keep the list's own order (often a meaningful one), as likeness
    # between unrelated words means nothing to a reader.
    names = [f"`{a}`" for a in close + [a for a in allowed if a not in close]]
    if (len(close) == 1 and score >= SURE) or (close and len(close) == len(allowed)):
        return "Did you mean " + " or ".join(f"`{c}`" for c in close) + "?"
    if len(allowed) <= SHORT_LIST:
        listed = "Use one of: " + ", ".join(names)
        if close:
            return "Did you mean " + " or ".join(f"`{c}`" for c in close) + "? " + listed
        return listed
    if close:
        return "Did you mean " + " or ".join(f"`{c}`" for c in close) + "?" + (f" The full list is in {where}" if where else "")
    if len(allowed) <= LONG_LIST:
        return "Use one of: " + ", ".join(names)
    full = f"; the full list is in {where}" if where else f" ({len(allowed)} values in all)"
    return "The nearest are: " + ", ".join(f"`{a}`" for a, _ in ranked[:SHORT_LIST]) + full


# What `self` means in the fields that take it, for the fix of an unknown organization id.
SELF_MEANS = {"employer_of_record": "if your organization runs payroll", "paid_by": "if your organization pays the students"}


def unknown_organization_fix(value: str, known: list[str], path: tuple[Any, ...]) -> str:
    """How to fix a reference to an organization that has no folder: the ids it may misspell, never the whole
    list (the organization meant is usually not in the catalog yet), else how to add it."""
    close = [ident for ident, score in nearest(value, known) if score >= CLOSE][:3]
    if close:
        return "Did you mean " + " or ".join(f"`{c}`" for c in close) + "?"
    fix = 'Add the organization\'s folder with its organization.yml first (CONTRIBUTING.md, "Add a new listing")'
    field = str(path[-1]) if path else ""
    return fix + (f", or write `self` {SELF_MEANS[field]}" if field in SELF_MEANS else "")


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
    bare = value.strip()
    if re.fullmatch(r"(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?", bare, re.IGNORECASE) and not url_problem("https://" + bare):
        return "does not start with https://", f"Write the full address, starting with https://, as https://{bare}"
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
    aliases: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Problem]:
    """Plain-language problems for a file's schema errors. `aliases` gives, for each shared definition
    filled from a vocabulary, the other names of its values (ids, Spanish labels), so a value typed in
    Spanish finds its English name."""
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
        optional = schema is not None and not is_required(schema, path)
        problems.extend(_one(shown, loaded, error, path, names, optional, schema or {}, aliases or {}))
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
    ranked = nearest(value, allowed)
    return ranked[0][0] if ranked and ranked[0][1] >= CLOSE else None


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    if error.context:
        context = list(error.context)
        if error.validator in ("anyOf", "oneOf"):
            # A value that may be written two ways (an id, or a mapping with the id and more): the way that fits
            # the value's kind says what is wrong with it; "should be a mapping" would mislead a misspelt id.
            wrong_kind = {e.schema_path[0] for e in context if e.validator == "type" and not e.relative_path}
            context = [e for e in context if e.schema_path[0] not in wrong_kind] or context
        best = jsonschema.exceptions.best_match(context)
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
    root: Mapping[str, Any]  # the whole (bundled) schema of the file's kind
    aliases: Mapping[str, Mapping[str, str]]

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
    keys = list(_properties(f.error))
    unused = _unused(f.error)
    used = [k for k in keys if k not in unused]
    out = []
    for extra in _extras(f.error):
        where = f" in {f.field}" if f.path else ""
        if not keys and isinstance(f.error.schema, Mapping) and f.error.schema.get("patternProperties"):
            hint = "Write each language's code as its key: `es` for Spanish"  # translations, keyed by language
        elif slip := _slip(f, extra, keys):
            hint = slip
        elif one := _one_of_a_range(f, extra, keys, used):
            hint = one
        elif close := _misspelling(extra, unused):
            hint = f"Did you mean `{close}`?"
        elif length := _length_in_weeks(f, extra, keys):
            hint = length
        elif sharing := _sharing_a_word(f, extra, keys):
            hint = sharing
        elif close := _closest(extra, unused):
            hint = f"Did you mean `{close}`?"
        elif value_of := _value_of(f, extra):
            hint = value_of
        elif close := _misspelling(extra, used):
            # Only a misspelt key is "already given": `ammount` beside `amount`, not `amount_max`.
            hint = f"`{close}` is already given{where}: keep one `{close}:` and delete the other"
        elif " " in extra.strip():
            hint = "This looks like text that contains `: `; put the whole value in double quotes"
        elif 0 < len(keys) <= SHORT_LIST:
            hint = "Delete this line, or use one of the keys that belong here: " + ", ".join(f"`{k}`" for k in keys)
        else:
            hint = "Delete this line; the field reference on the Contribute page (/contribute/) lists the keys that belong here"
        out.append(f.at((*f.path, extra), key=True, what=f"Unknown key `{_short(extra)}`{where}", fix=hint, code="unknown-key"))
    return out


# The blocks of a listing whose keys are also typed at its top level (`deadline:` beside `title:`).
_BLOCKS = ("pay", "eligibility", "schedule", "application", "outcomes")


def _slip(f: _Failure, extra: str, keys: list[str]) -> str:
    """A habit from job boards and forms (`wage`, `min_age`, `location`): the field that holds the fact."""
    block = next((str(p) for p in reversed(f.path) if isinstance(p, str)), "")
    given = f.value if isinstance(f.value, Mapping) else {}
    hint = slips.key_hint(block, keys, extra, given)
    if hint or f.path or "sites" not in keys or _misspelling(extra, keys) or _closest(extra, keys) or _value_of(f, extra):
        return hint  # a misspelt top-level key (`Status`, `titel`) is that key, not one of a block
    inner = {b: list(schema_at(f.root, (b,)).get("properties", {})) for b in _BLOCKS if b in keys}
    written = {b: v for b, v in given.items() if b in inner and isinstance(v, Mapping)}
    return slips.moved_hint(inner, extra, written, given.get(extra))


# Words that say nothing about which key is meant.
_FILLER = frozenset({"a", "an", "and", "of", "per", "the"})
# A length written in a unit the schedule does not take, and how many weeks one of it is.
_WEEKS_IN = {"year": 52, "month": 52 / 12, "duration": 0, "length": 0}


def _words(key: str) -> list[str]:
    """A key's words, singular: `hours_per_week` is hour, per, week."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _fold(key).split()]


def _misspelling(extra: str, keys: list[str]) -> str | None:
    """The key that `extra` misspells: as many words, and alike as a whole (`titel`, `ammount`, `Status`),
    not a key with a word more or less (`amount_max` is another field, not a misspelt `amount`)."""
    typed = _fold(extra)
    scored = [(difflib.SequenceMatcher(None, typed, _fold(k)).ratio(), k) for k in keys if len(_words(k)) == len(_words(extra))]
    best = max(scored, default=(0.0, ""), key=lambda pair: pair[0])
    return best[1] if best[0] >= CLOSE else None


def _gloss(f: _Failure, key: str) -> str:
    """A few words on what a key holds, from the first phrase of its description in the schema."""
    text = str(_deref(f.root, _properties(f.error).get(key, {})).get("description", ""))
    phrase = re.split(r"[.,:;(]", text, maxsplit=1)[0].strip()
    return f" ({phrase[:1].lower()}{phrase[1:]})" if phrase and len(phrase.split()) <= 6 else ""


def _companions(keys: list[str]) -> set[str]:
    """`hours_per_week_max`, `total_hours_at_least` and the like: they go with their own key, the one to offer."""
    return {k for k in keys for suffix in ("_max", "_at_least") if k.endswith(suffix) and k[: -len(suffix)] in keys}


def _sharing_a_word(f: _Failure, extra: str, keys: list[str]) -> str:
    """`hours:` could mean `hours_per_week` or `total_hours`: offer each key that shares a word, with what it holds."""
    typed = set(_words(extra)) - _FILLER
    if len(typed) >= 3:
        return ""  # a sentence read as a key ("Note that pay ..."), not a key written in words
    companions = _companions(keys)
    sharing = [k for k in keys if k not in companions and typed & set(_words(k))]
    if len(sharing) < 2:
        return ""
    return "Did you mean " + " or ".join(f"`{k}`{_gloss(f, k)}" for k in sharing) + "?"


def _length_in_weeks(f: _Failure, extra: str, keys: list[str]) -> str:
    """`years: 3` in a schedule: the length goes in `weeks`, and the keys of a short block are listed in full."""
    words = _words(extra)
    if len(words) != 1 or words[0] not in _WEEKS_IN or "weeks" not in keys:
        return ""
    weeks_path = (*f.path, "weeks")
    most = schema_at(f.root, weeks_path).get("maximum")
    bound = f", up to {most}" if most else ""
    lead = "A program that runs for years gives its length" if words[0] == "year" else "The length goes"
    hint = f"{lead} in `weeks` (52 a year{bound})"
    value: Any = f.value.get(extra) if isinstance(f.value, Mapping) else None
    per = _WEEKS_IN[words[0]]
    if per and isinstance(value, (int, float)) and not isinstance(value, bool):
        weeks = round(value * per)
        if _passes_at(f, weeks_path, weeks):
            hint += f": write `weeks: {weeks}` instead"
    if len(keys) <= LONG_LIST:
        hint += ". The keys that belong here: " + ", ".join(f"`{k}`" for k in keys)
    return hint


def _one_of_a_range(f: _Failure, extra: str, keys: list[str], used: list[str]) -> str:
    """`amount_max` or `amount_min` where the block has `amount`: the field takes one number, or, where it has a
    `_max` companion, is itself the smallest. Not "did you mean `amount_max`" for `amount_min`."""
    for suffix in ("_max", "_min"):
        base = extra[: -len(suffix)] if extra.endswith(suffix) else ""
        if base not in keys:
            continue
        if base not in used:
            what = "The smallest" if suffix == "_min" or f"{base}_max" in keys else "The number"
            return f"{what} goes in `{base}`: write `{base}:` instead of `{extra}:`"
        if f"{base}_max" in keys:
            return f"`{base}` is the smallest already: write the largest in `{base}_max` and delete `{extra}`"
        owner = f"Each item of {field_name(f.path[:-1])}" if f.path and isinstance(f.path[-1], int) else f.field
        rest = " and explain the rest in `description`" if "description" in f.root.get("properties", {}) else ""
        return f"{owner} takes one `{base}`, not a range: keep the smallest in `{base}`, delete `{extra}`{rest}"
    return ""


def _value_of(f: _Failure, extra: str) -> str:
    """`paid:` written as a key is a value of `pay.type`: say where the word goes."""
    for key, sub in _properties(f.error).items():
        node = _deref(f.root, sub)
        if _is_value(node, extra):
            return f"`{extra}` is a value, not a key: write `{key}: {extra}`"
        for inner, inner_sub in (node.get("properties", {}) if isinstance(node, Mapping) else {}).items():
            if _is_value(_deref(f.root, inner_sub), extra):
                return f"`{extra}` is a value, not a key: write `{inner}: {extra}` under `{key}:`"
    return ""


def _is_value(node: Any, word: str) -> bool:
    return isinstance(node, Mapping) and any(str(v) == word for v in node.get("enum", ()))


def _deref(root: Mapping[str, Any], node: Any) -> Any:
    """A subschema with its `$ref` to a shared definition filled in; its own keys (an `examples`) win."""
    defs = root.get("$defs", {})
    while isinstance(node, Mapping) and str(node.get("$ref", "")).startswith("#/$defs/"):
        node = {**defs.get(node["$ref"][len("#/$defs/") :], {}), **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def schema_at(root: Mapping[str, Any], path: tuple[Any, ...]) -> Mapping[str, Any]:
    """The schema of the value at path ({} when the path leaves the schema)."""
    node: Any = root
    for part in path:
        node = _deref(root, node)
        if not isinstance(node, Mapping):
            return {}
        node = node.get("items") if isinstance(part, int) else _child(node, str(part))
    node = _deref(root, node)
    return node if isinstance(node, Mapping) else {}


def example(f: _Failure, default: Any) -> Any:
    """The field's own example from the schema, so a hint never offers 30 for a grade."""
    found = schema_at(f.root, f.path).get("examples") or [default]
    first = found[0]
    return first if isinstance(first, (str, int, float)) and not isinstance(first, bool) else default


def _required(f: _Failure) -> list[Problem]:
    absent = [k for k in f.expected if k not in f.value] if isinstance(f.value, dict) else f.expected
    out = []
    for name in absent:
        if name == "city" and slips.means_remote(f.value):
            continue  # `mode: online`: the message on `mode` fixes both
        description = _properties(f.error).get(name, {}).get("description", "")
        where = f" in {f.field}" if f.path else ""
        first = description.split(". ")[0].rstrip(".")
        hint = template("missing-key", 1, name=name, gloss=f" ({first})" if first else "")
        out.append(f.at(f.path, key=True, what=template("missing-key", 0, name=name, where=where), fix=hint, code="missing-key"))
    return out


def _type(f: _Failure) -> list[Problem]:
    wanted = f.expected if isinstance(f.expected, str) else f.expected[0]
    words = TYPE_WORDS.get(wanted, wanted)
    if f.value is None:
        fix = template("empty-value", 1, words=words) + (OR_REMOVE if f.optional else "")
        return [f.at(f.path, what=template("empty-value", 0, field=f.field), fix=fix, code="empty-value")]
    what = template("wrong-type", 0, field=f.field, words=words, value=_describe(f.value))
    return [f.at(f.path, what=what, fix=_type_fix(f, wanted), code="wrong-type")]


# A number as people type it: "$18.50/hr", "300+", "1,200", "16 or older", "9th".
_NUMBER_TEXT = re.compile(r"^\s*(?P<dollar>\$?)\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<rest>.*?)\s*$")
_AT_LEAST = re.compile(r"^(\+|or more|or older|and up|and older|plus)", re.IGNORECASE)
_ORDINAL = re.compile(r"^(st|nd|rd|th)\b", re.IGNORECASE)
_UNITS = {"hr": "hour", "hour": "hour", "h": "hour", "wk": "week", "week": "week", "mo": "month", "month": "month"}
_PER_UNIT = re.compile(r"^(?:/|per\s+|an?\s+)\s*(?P<unit>[a-z]+)", re.IGNORECASE)


def _type_fix(f: _Failure, wanted: str) -> str:
    """How to write the value the field expects, in terms of what was typed."""
    value, key = f.value, f.path[-1] if f.path and isinstance(f.path[-1], str) else ""
    lead = f"{key}: " if key else "- "  # how the line starts: a key, or a list item's dash
    if wanted in ("integer", "number") and isinstance(value, str):
        return _number_fix(f, wanted, value)
    if wanted in ("integer", "number"):
        return f"Write {TYPE_WORDS[wanted]} only, such as {example(f, 30 if wanted == 'integer' else 18.5)}"
    if wanted == "boolean":
        if isinstance(value, str) and value.strip().lower() in YAML11_BOOLS:
            return "Write true or false in lowercase (yes, no, on and off are read as text here)"
        if key in _CREDIT_FLAGS and (amount := re.search(r"\d+(?:\.\d+)?", str(value))):
            item = slips.credit_item(_CREDIT_FLAGS[key], amount.group(0))
            return f"Write `{key}: true`, and the amount under `credits:` in `outcomes`, as {item}"
        return "Write true or false"
    if wanted == "string":
        if isinstance(value, list):
            if len(value) == 1 and isinstance(value[0], (str, int, float)):
                return f"It takes one value: write `{lead}{value[0]}` on one line, without `[ ]`"
            return f"It takes one value: keep one and write it on the same line, as `{lead}{example(f, '...')}`"
        if isinstance(value, dict):
            return (
                f"Write the text on the same line, after `{lead}`; if the text itself contains `: `, put it all in double quotes"
            )
        shown = "true" if value is True else "false" if value is False else str(value)
        return f'Put it in double quotes, as `{lead}"{shown}"`'
    if wanted == "array":
        if isinstance(value, str) and "," in value:
            # A name such as `Hospitality, Tourism, and Recreation` is one item, commas and all.
            pieces, allowed = [part.strip() for part in value.split(",")], [str(a) for a in _item_enum(f)]
            names = _names_in(pieces, allowed)
            if len(names) == 1:
                return f"Put it on its own line under `{key}:`, starting with `- `, as `- {names[0]}`"
            if len(names) < len(pieces):
                return f"Write each item on its own line under `{key}:`, starting with `- `: {_item_lines(pieces, allowed)}"
            first = names[0]
            return f"Write each item on its own line under `{key}:`, starting with `- ` (such as `- {first}`), not separated by commas"
        if isinstance(value, str) and value.startswith("-"):
            return f"Add a space after the dash: `- {value[1:].strip()}`"
        if shaped := _item_shape(f, (*f.path, 0), value):
            return f"Write each item on its own line under `{key}:`, as {shaped}"
        if isinstance(value, (str, int, float)):
            return f"Put it on its own line under `{key}:`, starting with `- `, as `- {value}`"
        return "Write each item on its own line, starting with `- `"
    if wanted == "object":
        return _object_fix(f, key)
    return "See the field reference on the Contribute page for the expected value"


def _item_enum(f: _Failure) -> list[Any]:
    """The values an item of the list at the failure's path may take (none for a list of free values)."""
    items = schema_at(f.root, (*f.path, 0))
    return list(items.get("enum", ()))


def _number_fix(f: _Failure, wanted: str, text: str) -> str:
    words = TYPE_WORDS[wanted]
    fallback = example(f, 30 if wanted == "integer" else 18.5)
    ranged = _range_fix(f, wanted, text)
    if ranged:
        return ranged
    found = _NUMBER_TEXT.match(text)
    if found is None:  # "thirty", "TBD", "varies"
        return f"Write {words} only, in digits, such as {fallback}" + (", or remove the line" if f.optional else "")
    digits = found["num"].replace(",", "")
    number: int | float = float(digits) if "." in digits else int(digits)
    if wanted == "integer" and isinstance(number, float) and number.is_integer():
        number = int(number)
    rest = found["rest"]
    written = f"`{f.path[-1]}: {number}`" if f.path else str(number)
    if not rest and not found["dollar"] and digits == found["num"]:
        if re.fullmatch(r"0|[1-9]\d*(\.\d+)?", digits):
            return f"Remove the quotes: write {written}"  # only quotes keep such digits text in YAML
        if _passes(f, number):
            return f"Write it without the leading zero: {written}"  # 010 stays text: it could be read as octal
    known = not rest or _AT_LEAST.match(rest) or _ORDINAL.match(rest) or _PER_UNIT.match(rest)
    if not known:  # "1:30", "1e3", "1_000": no one number can be read out of it
        return f"Write {words} only, in digits, such as {fallback}"
    shown = number if _passes(f, number) else fallback
    hint = "Write the number only" + (", without the $ sign" if found["dollar"] else "") + f", such as {shown}"
    if "," in found["num"]:
        hint += " (no commas)"
    per = _PER_UNIT.match(rest)
    if _AT_LEAST.match(rest):
        if f.path and f.path[-1] == "min":
            hint += "; `min` already means 'at least'"
        else:
            hint += "; to say 'at least' or 'about', say so in `description`"
    elif _ORDINAL.match(rest):
        node = schema_at(f.root, f.path)
        bounds = f" from {node['minimum']} to {node['maximum']}" if "minimum" in node and "maximum" in node else ""
        hint = f"Write the grade as a number{bounds} only, such as {shown}"
    elif per and "unit" in _siblings(f):
        unit = _UNITS.get(per["unit"].lower().rstrip("s"), "")
        hint += f"; the unit goes on its own line, `unit: {unit}`" if unit else "; the unit goes in `unit:`"
    return hint


# A range as people type it: "20-25", "20–25", "$18 - $20/hr", "100 to 120 hours".
_RANGE_TEXT = re.compile(
    r"^\s*\$?\s*(?P<low>\d[\d,]*(?:\.\d+)?)\s*(?:-|\u2013|\u2014|to)\s*\$?\s*(?P<high>\d[\d,]*(?:\.\d+)?)\s*(?P<rest>[^\d]*)$",
    re.IGNORECASE,
)


def _range_fix(f: _Failure, wanted: str, text: str) -> str:
    """A range typed into a field of one number: its two ends go in the field and in its `_max` companion
    (`hours_per_week` and `hours_per_week_max`, `min` and `max`), or, without one, the field takes one number."""
    found = _RANGE_TEXT.match(text)
    key = f.path[-1] if f.path and isinstance(f.path[-1], str) else ""
    if found is None or not key:
        return ""

    def number(digits: str) -> int | float:
        value = float(digits.replace(",", ""))
        return int(value) if value.is_integer() else value

    low, high = number(found["low"]), number(found["high"])
    if low >= high:  # "2027-03" or "5-1" is no range a reader meant
        return ""
    siblings = _siblings(f)
    companion = next((k for k in (f"{key}_max", "max" if key == "min" else "") if k and k in siblings), "")
    unit = ""
    per = _PER_UNIT.match(found["rest"])
    if per and "unit" in siblings and (word := _UNITS.get(per["unit"].lower().rstrip("s"), "")):
        unit = f"; the unit goes on its own line, `unit: {word}`"
    if companion and _passes(f, low) and _passes_at(f, (*f.path[:-1], companion), high):
        return f"It is a range: write `{key}: {low}` and `{companion}: {high}`, each on its own line" + unit
    shown = low if _passes(f, low) else example(f, 30 if wanted == "integer" else 18.5)
    where = "; to explain a range, say so in `description`" if "description" in f.root.get("properties", {}) else ""
    return f"`{key}` takes one number, not a range: write one, such as `{key}: {shown}`" + where + unit


def _object_fix(f: _Failure, key: str) -> str:
    value = f.value
    inner = schema_at(f.root, f.path).get("properties", {})
    if isinstance(value, (str, int, float)) and "min" in inner:
        numbers = re.findall(r"\d+", str(value))
        at_least = isinstance(value, str) and bool(re.search(r"\+|or more|or older|and up", value))
        if len(numbers) == 2 and "max" in inner:
            shaped = f"{{min: {numbers[0]}, max: {numbers[1]}}}"
        elif len(numbers) == 1 and at_least:
            shaped = f"{{min: {numbers[0]}}}"
        elif len(numbers) == 1 and "max" in inner:
            shaped = f"{{min: {numbers[0]}, max: {numbers[0]}}}"
        else:
            shaped = ""
        if shaped and _passes(f, _flow(shaped)):
            return f"Write it as `{key}: {shaped}`"
    if isinstance(value, str) and re.match(r"^[\w-]+:\S", value):
        name, _, rest = value.partition(":")
        return f"Add a space after the colon: `{name}: {rest}`"
    if not key and (shaped := _item_shape(f, f.path, value)):
        owner = f.path[-2] if len(f.path) >= 2 and isinstance(f.path[-2], str) else ""
        return f"Write each item on its own line under `{owner}:`, as {shaped}" if owner else f"Write the item as {shaped}"
    if not key:
        return "Write the item as `key: value` lines: the first right after the `- `, the others below it, lined up"
    return f"Put the keys on the lines below `{key}:`, indented by two spaces"


# The yes-or-no credit fields, and the kind of `outcomes.credits` that says how much.
_CREDIT_FLAGS = {"college_credit": "college", "academic_credit": "high-school"}


def _item_shape(f: _Failure, item_path: tuple[Any, ...], value: Any) -> str:
    """A number typed where a list item has keys (`credits: 3`, `steps: [17.5, 18.5]`): the item with that number
    as its `amount` and the schema's examples for its other required keys, a year step numbered by its place."""
    node = schema_at(f.root, item_path)
    properties, required = node.get("properties", {}), node.get("required", [])
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if number is None or "amount" not in properties:
        return ""
    index = item_path[-1] if isinstance(item_path[-1], int) else 0
    shown = []
    for name in required or ["amount"]:
        if name == "amount":
            shown.append(f"amount: {number}")
        elif name == "year":
            shown.append(f"year: {index + 1}")
        else:
            shown.append(f"{name}: {example(replace(f, path=(*item_path, name)), '...')}")
    item = "`- {" + ", ".join(shown) + "}`"
    return item + (f" ({slips.CREDIT_KINDS})" if "credits" in item_path else "")


def _flow(text: str) -> Any:
    """`{min: 9, max: 12}` as data, to test a suggestion before making it."""
    return {k.strip(): int(v) for k, v in (part.split(":") for part in text.strip("{}").split(","))}


def _siblings(f: _Failure) -> Mapping[str, Any]:
    properties: Mapping[str, Any] = schema_at(f.root, f.path[:-1]).get("properties", {}) if f.path else {}
    return properties


def _passes(f: _Failure, value: Any) -> bool:
    """Whether a value we are about to suggest would itself pass the field's schema."""
    return _passes_at(f, f.path, value)


def _passes_at(f: _Failure, path: tuple[Any, ...], value: Any) -> bool:
    """Whether a value would pass the schema of the field at `path` in the same file (a companion field)."""
    node = schema_at(f.root, path)
    if not node:
        return False
    schema = {**node, "$defs": f.root.get("$defs", {})}
    return bool(jsonschema.Draft202012Validator(schema).is_valid(value))


def _enum(f: _Failure) -> list[Problem]:
    allowed = [str(a) for a in f.expected]
    what = template("not-allowed", 0, field=f.field, value=_short(str(f.value)))
    name = _def_name(f.error, f.names) or ""
    where = f"catalog/vocabularies/{VOCABULARY_FILES[name]}.yml" if name in VOCABULARY_FILES else ""
    pieces = _split_name(f, allowed, name)
    if pieces is not None:
        return pieces
    typed = f" {_fold(str(f.value))} "
    named = [str(p) for p in f.path if isinstance(p, str)][-2:]
    other_words = slips.value_hint(".".join(named), f.value, allowed)
    several = sorted((a for a in allowed if f" {_fold(a)} " in typed), key=lambda a: typed.index(f" {_fold(a)} "))
    if len(several) > 1 and f.path and isinstance(f.path[-1], int):
        # "Manufacturing and Product Development, Health Science and Medical Technology": two items on one line.
        lines = " and ".join(f"`- {a}`" for a in several)
        fix = f"It names {len(several)} values: put each on its own line, starting with `- `: {lines}"
    elif other_words:
        fix = other_words
    elif f.path and f.path[-1] == "across" and isinstance(f.value, str):
        # `across` takes one word (`region`) or a list of areas: a lone area id is a list of one.
        fix = f"Write the areas as a list, `across: [{_short(f.value)}]`, or `across: region` for the whole region"
    elif name in MAINTAINED_LISTS:
        fix = suggest(str(f.value), allowed, f.aliases.get(name))
        if not fix.startswith("Write"):  # the entry meant is in the list under its id: nothing to ask for
            fix = fix.rstrip(".") + ("" if fix.endswith("?") else ".")
            fix += (
                f" The list lives in {where}, which the region's maintainers edit: to add a new one, ask them in the pull request"
            )
    else:
        fix = suggest(str(f.value), allowed, f.aliases.get(name), where)
    return [f.at(f.path, what=what, fix=fix, code="not-allowed")]


def _runs(items: list[Any], allowed: list[str]) -> list[tuple[int, int, str]]:
    """Where a list holds the pieces of an allowed name that has commas, split at them (`[Hospitality, Tourism,
    and Recreation]` is three items in YAML): (first item, item after the last, the name)."""
    found = []
    folded = [_fold(str(item)) for item in items]
    for name in allowed:
        parts = [_fold(part) for part in name.split(",")]
        if len(parts) < 2:
            continue
        for start in range(len(folded) - len(parts) + 1):
            if folded[start : start + len(parts)] == parts:
                found.append((start, start + len(parts), name))
    return sorted(found)


def _and(parts: list[str]) -> str:
    """`a`, `b` and `c`."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _item_lines(items: list[Any], allowed: list[str]) -> str:
    """The list written one item a line, names with commas whole: `- Public Services` and `- Hospitality, ...`."""
    return _and([f"`- {n}`" for n in _names_in(items, allowed)])


def _names_in(items: list[Any], allowed: list[str]) -> list[str]:
    """The list's items with the pieces of each name that has commas joined again."""
    joined, runs, i = [], _runs(items, allowed), 0
    while i < len(items):
        run = next((r for r in runs if r[0] == i), None)
        joined.append(run[2] if run else str(items[i]))
        i = run[1] if run else i + 1
    return joined


def _split_name(f: _Failure, allowed: list[str], noun: str) -> list[Problem] | None:
    """One problem for a name with commas split into several items, at its first piece (none at the others),
    with the list written the two ways that keep it whole; None when the item is no such piece."""
    if not (len(f.path) >= 2 and isinstance(f.path[-1], int) and isinstance(f.path[-2], str)):
        return None
    items: Any = f.loaded.data
    for part in f.path[:-1]:
        items = items[part] if isinstance(items, (dict, list)) else None
    if not isinstance(items, list):
        return None
    index, key = f.path[-1], f.path[-2]
    runs = _runs(items, allowed)
    if not any(start <= index < end for start, end, _ in runs):
        return None
    if index != runs[0][0]:
        return []  # one message for the whole list, at its first split name
    split = _and([f"`{name}`" for _, _, name in runs])
    quoted = ", ".join(f'"{n}"' if "," in n else n for n in _names_in(items, allowed))
    what = f"{field_name(f.path[:-1])} has {split} split at {'its' if len(runs) == 1 else 'their'} commas into separate items"
    fix = (
        f"Write each {noun or 'item'} on its own line under `{key}:`, starting with `- `: {_item_lines(items, allowed)}; "
        f"or put {'the name' if len(runs) == 1 else 'each such name'} in double quotes inside `[ ]`: `{key}: [{quoted}]`"
    )
    return [f.at(f.path, what=what, fix=fix, code="not-allowed")]


def _text_form(f: _Failure) -> list[Problem]:
    """pattern, format and minLength: the shared definitions (`line`, `https_url`, ...) say what the form is."""
    name = _def_name(f.error, f.names)
    path, field, value = f.path, f.field, f.value
    if isinstance(value, str) and not value.strip():
        fix = template("blank", 1) + (OR_REMOVE if f.optional else "")
        return [f.at(path, what=template("blank", 0, field=field), fix=fix, code="blank")]
    if name == "https_url" and isinstance(value, str):
        what, fix = _url_text(value)
        return [f.at(path, what=f"{field} {what}", fix=fix, code="bad-https-url")]
    if name in PATTERN_TEXT:
        what, fix = PATTERN_TEXT[name]
        what, fix = _form_fix(f, name, value) or (what, fix)
        return [f.at(path, what=f"{field} {what}", fix=fix, code=f"bad-{name.replace('_', '-')}")]
    if f.kind == "pattern" and path and path[-1] == "soc":
        return [f.at(path, what=f"{field} is not a SOC code", fix="Write it like 49-9041", code="bad-soc")]
    if f.kind == "pattern" and path and path[-1] in ("employer_of_record", "paid_by"):
        what = f"{field} is not `self` or an organization id"
        return [f.at(path, what=what, fix="Write `self` or the organization's folder name", code="bad-reference")]
    if f.kind == "pattern" and len(path) == 2 and path[0] == "employer_of_record":
        what = f"{field} is not `self`, `provider` or an organization id"
        fix = "Write each organization's folder name on its own line, or `provider` for the provider that enrolls the student"
        return [f.at(path, what=what, fix=fix, code="bad-reference")]
    what = f"{field} is not in the expected form"
    return [f.at(path, what=what, fix="See the field reference for an example", code=f"schema-{f.kind}")]


_DATE_FORMS = ("%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d %B %Y")
_PHONE = re.compile(r"^[\d\s().+-]{7,}$")
# A deadline written as words for "no deadline": applications are taken until the seats are filled.
_NO_DEADLINE = re.compile(r"\b(rolling|ongoing|until|fill(ed)?|full|any ?time|year[ -]?round|continuous)\b", re.IGNORECASE)


def _form_fix(f: _Failure, name: str, value: Any) -> tuple[str, str] | None:
    """What is wrong and the fix for the usual first drafts of a date, an email or a web address,
    with the value rewritten when that rewrite passes; None keeps the general wording."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if name == "date" and f.path and f.path[-1] == "deadline" and "rolling" in _siblings(f) and _NO_DEADLINE.search(text):
        return (
            "is not a date written YYYY-MM-DD",
            "To take applications until seats fill, delete `deadline` and write `rolling: true`",
        )
    if name == "date":
        text = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text)  # April 1st, 2027
        for form in _DATE_FORMS:
            try:
                day = dt.datetime.strptime(text, form).date()
            except ValueError:
                continue
            if _passes(f, day.isoformat()):
                return "is not a date written YYYY-MM-DD", f"Write it year first, as {day.isoformat()}"
    if name == "time_of_day" and (clock := slips.clock_fix(text, str(f.path[-1]) if f.path else "")):
        return "is not a time written HH:MM", clock
    if name == "email" and _PHONE.match(text):
        where = "Put the phone number under `phone:`, and here" if "phone" in _siblings(f) else "Here,"
        return "is a phone number, not an email address", f"{where} write a role email address such as internships@example.org"
    if name == "email" and text.lower().startswith("mailto:") and _passes(f, text[7:]):
        return "starts with `mailto:`", f"Write the address only: {text[7:]}"
    return None


def _max_length(f: _Failure) -> list[Problem]:
    what = template("too-long", 0, field=f.field, length=len(f.value), limit=f.expected)
    return [f.at(f.path, what=what, fix=template("too-long", 1), code="too-long")]


def _zip_number(f: _Failure) -> list[Problem]:
    """A ZIP code typed without quotes is read as a number, so a digit too few or too many meets a bound
    ("at least 10000") that says nothing about ZIP codes."""
    what = f"{f.field} is {f.value}, which is not a ZIP code"
    return [f.at(f.path, what=what, fix='A ZIP code has 5 digits, such as "90802"; write it in quotes', code="bad-zip")]


def _minimum(f: _Failure) -> list[Problem]:
    if _def_name(f.error, f.names) == "zip":
        return _zip_number(f)
    values = {"field": f.field, "value": f.value, "bound": BOUNDS.get(f.kind, "more than"), "limit": f.expected}
    return [f.at(f.path, what=template("too-small", 0, **values), fix=template("too-small", 1, **values), code="too-small")]


def _maximum(f: _Failure) -> list[Problem]:
    if _def_name(f.error, f.names) == "zip":
        return _zip_number(f)
    values = {"field": f.field, "value": f.value, "limit": f.expected}
    return [f.at(f.path, what=template("too-large", 0, **values), fix=template("too-large", 1, **values), code="too-large")]


def _min_items(f: _Failure) -> list[Problem]:
    n = f.expected
    what = template("too-few", 0, field=f.field, limit=n, items="item" if n == 1 else "items")
    return [f.at(f.path, what=what, fix=template("too-few", 1), code="too-few")]


def _max_items(f: _Failure) -> list[Problem]:
    if isinstance(f.value, list) and len(_names_in(f.value, [str(a) for a in _item_enum(f)])) <= f.expected:
        return []  # names split at their commas, which their own message explains: whole, they are few enough
    values = {"field": f.field, "limit": f.expected}
    return [f.at(f.path, what=template("too-many", 0, **values), fix=template("too-many", 1, **values), code="too-many")]


def _unique_items(f: _Failure) -> list[Problem]:
    what, fix = template("duplicate-item", 0, field=f.field), template("duplicate-item", 1)
    return [f.at(f.path, what=what, fix=fix, code="duplicate-item")]


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
    root: Mapping[str, Any] | None = None,
    aliases: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Problem]:
    f = _Failure(shown, loaded, error, path, names, optional, root or {}, aliases or {})
    curly = _curly(f)
    if curly:
        return [curly]
    if _is_key_error(error):
        what = f"The key `{_short(f.value)}` in {field_name(path[:-1])} is not a valid id"
        return [f.at(path, key=True, what=what, fix=PATTERN_TEXT["id"][1], code="bad-id")]
    message = KEYWORDS.get(f.kind)
    if message is not None:
        return message(f)
    what = f"{f.field}: {error.message}"
    return [f.at(path, what=what, fix="See the field reference for the expected value", code=f"schema-{f.kind}")]


# Word processors and phones turn typed quotes into these; YAML reads them as part of the value.
CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def _curly(f: _Failure) -> Problem | None:
    value = f.value
    if not (isinstance(value, str) and len(value) >= 2 and value[0] in CURLY_QUOTES and value[-1] in CURLY_QUOTES):
        return None
    plain = value.strip(CURLY_QUOTES)
    typed = yaml.safe_load(plain) if re.fullmatch(r"[\w.+-]+", plain) else plain
    key = f.path[-1] if f.path and isinstance(f.path[-1], str) else ""
    for candidate in (plain, typed):
        if _passes(f, candidate):
            what = f"{f.field} is wrapped in curly quotes ({value[0]} {value[-1]}), which are read as part of the value"
            written = f"`{key}: {plain}`" if key else f"`{plain}`"
            return f.at(f.path, what=what, fix=f"Remove them: write {written}", code="curly-quotes")
    return None
