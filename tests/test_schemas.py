"""The JSON Schemas: valid, closed, documented, and the two validators agree."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import pytest
from conftest import FIXTURES, ROOT

from generator.check.load import load_all
from generator.check.schemas import KINDS, SCHEMA_DIR, Validators, bundle, read_schema

SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.schema.json"))


def walk(node: dict[str, Any], where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema that describes a value: properties, items, additionalProperties, $defs."""
    for group in ("properties", "patternProperties"):
        for name, child in node.get(group, {}).items():
            yield f"{where}/{group}/{name}", child
            yield from walk(child, f"{where}/{group}/{name}")
    for key in ("items", "additionalProperties"):
        child = node.get(key)
        if isinstance(child, dict):
            yield f"{where}/{key}", child
            yield from walk(child, f"{where}/{key}")
    for name, child in node.get("$defs", {}).items():
        yield f"{where}/$defs/{name}", child
        yield from walk(child, f"{where}/$defs/{name}")


def schema_files() -> list[tuple[str, dict[str, Any]]]:
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in SCHEMA_FILES]


def properties() -> list[tuple[str, dict[str, Any]]]:
    return [found for name, schema in schema_files() for found in walk(schema, name)]


def test_every_kind_has_a_schema_file() -> None:
    assert sorted(p.name for p in SCHEMA_FILES) == sorted(f"{k}.schema.json" for k in (*KINDS, "defs"))


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_walk_reaches_every_kind_of_nesting() -> None:
    found = [where for where, _ in properties()]
    assert "opportunity.schema.json/properties/pay/properties/amount" in found
    assert "opportunity.schema.json/properties/sites/items/properties/zip" in found
    assert "opportunity.schema.json/properties/quality/properties/assessment/additionalProperties/properties/level" in found
    assert "defs.schema.json/$defs/contact/properties/email" in found
    assert len(found) > 250


def test_every_property_is_documented_with_examples() -> None:
    undocumented = [
        where
        for where, node in properties()
        if not (isinstance(node.get("description"), str) and node["description"].strip())
        or not (isinstance(node.get("examples"), list) and node["examples"])
    ]
    assert undocumented == []


def test_every_object_with_properties_is_closed() -> None:
    nodes = [*schema_files(), *properties()]
    assert [where for where, node in nodes if "properties" in node and node.get("additionalProperties") is not False] == []


@pytest.mark.parametrize("kind", KINDS)
def test_examples_are_valid_values(kind: str) -> None:
    """Each property's examples pass that property's schema, with the bundled catalog's vocabularies."""
    loading = load_all(ROOT / "catalog")
    validators = Validators({r.id: r.data["items"] for r in loading.records if r.kind == "vocabulary"})
    schema = validators.bundles[kind]
    failures = []
    for where, node in walk(schema, kind):
        validator = validators.slow(kind).evolve(schema={**node, "$defs": schema["$defs"]})
        failures.extend((where, example) for example in node.get("examples", []) if list(validator.iter_errors(example)))
    assert failures == []


def _validators() -> Validators:
    loading = load_all(FIXTURES / "minimal")
    return Validators({r.id: r.data["items"] for r in loading.records if r.kind == "vocabulary"})


def test_vocabulary_values_become_enums() -> None:
    validators = _validators()
    defs = validators.bundles["opportunity"]["$defs"]
    assert defs["format"]["enum"] == ["workplace-tour", "job-shadow", "internship"]
    assert defs["sector"]["enum"] == ["Health Science and Medical Technology", "Manufacturing and Product Development"]
    assert defs["area"]["enum"] == ["south-bay-harbor", "online"]
    # The files on disk stay open, so editors accept any region's vocabulary.
    assert "enum" not in read_schema("defs")["$defs"]["format"]
    assert "enum" not in bundle("opportunity")["$defs"]["format"]


def _definition(name: str) -> dict[str, Any]:
    return {**read_schema("defs")["$defs"][name], "$schema": "https://json-schema.org/draft/2020-12/schema"}


CASES = {
    "https_url": (
        [
            "https://example.org",
            "https://example.org/apply?x=1&y=2#top",
            "https://sub.example.org:8443/a/b",
            "https://example.org/%7Euser",
        ],
        [
            "http://example.org",
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "https://user:pass@host/",
            "HTTPS://example.org",
            "https://example.org/a b",
            "https://example.org/\n",
            "https://",
            "//example.org",
            "data:text/html,x",
            "mailto:a@b.org",
            'https://example.org/"onmouseover="x',
            "https://example.org/<script>",
            "https://exa mple.org",
        ],
    ),
    "email": (
        ["internships@example.org", "a.b+tag@sub.example.org", "o'brien@example.org"],
        [
            "interns at example.org",
            "a@b.org\nBcc: x@y.org",
            "a@b.org\n",
            "mailto:a@b.org",
            "a@b",
            "@example.org",
            "a@example..org",
            "a b@example.org",
            "<a@b.org>",
            "a@b.org, c@d.org",
        ],
    ),
    "date": (["2027-03-15", "2027-02-30"], ["2027-3-15", "03/15/2027", "2027-03-15T09:00", "2027-03-15\n", "20270315"]),
    "time_of_day": (["09:00", "00:00", "18:30", "23:59"], ["9:00", "9am", "9:00 AM", "24:00", "12:60", "0900", "09:00\n", 540]),
    "zip": (["90802", 90802, "96161", "02134", "10001-2345", 12345], ["9080", "90802-12", "0213", 2134, "90802\n", " 90802"]),
    "line": (
        ["Welding internship", "Pasantía de verano", " leading space", "a"],
        [
            "",
            "   ",
            "two\nlines",
            "trailing newline\n",
            "nul\x00",
            "bell\x07",
            "nel\x85",
            "bidi\u202e",
            "zero\u200bwidth",
            "bom\ufeff",
            "line\u2028sep",
            "soft\u00adhyphen",
            "tab\tin",
        ],
    ),
    "id": (
        ["summer-internship", "a1", "x"],
        ["Summer", "summer--internship", "-summer", "summer-", "summer_internship", "sümmer", "a\n"],
    ),
    "phone": (["+1-310-555-0100", "(310) 555-0100"], ["call us", "555", "+1-310-555-0100\n"]),
}


@pytest.mark.parametrize(
    ("name", "value", "valid"),
    [(name, v, True) for name, (good, _) in CASES.items() for v in good]
    + [(name, v, False) for name, (_, bad) in CASES.items() for v in bad],
    ids=lambda v: repr(v)[:40] if not isinstance(v, bool) else ("ok" if v else "rejected"),
)
def test_definition_accepts_and_rejects(name: str, value: Any, valid: bool) -> None:
    schema = read_schema("defs")["$defs"][name]
    detailed = Validators().slow("rubric").evolve(schema=schema)
    assert (not list(detailed.iter_errors(value))) is valid
    # The compiled validator decides pass or fail first; it must agree with the detailed one.
    compiled = fastjsonschema.compile(
        {**schema, "$schema": "http://json-schema.org/draft-07/schema#"}, formats={"date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    )
    try:
        compiled(value)
    except fastjsonschema.JsonSchemaException:
        assert not valid
    else:
        assert valid


def test_patterns_avoid_catastrophic_backtracking() -> None:
    import time

    defs = read_schema("defs")["$defs"]
    for name in ("line", "https_url", "email", "markdown", "phone"):
        pattern = re.compile(defs[name]["pattern"].replace("$", r"\Z") if name != "email" else defs[name]["pattern"])
        for text in ("a" * 100_000 + "\x00", " " * 100_000 + "\x00", "https://" + "a" * 100_000 + " ", "a" * 100_000 + "@"):
            start = time.perf_counter()
            pattern.search(text)
            assert time.perf_counter() - start < 0.5, name


ODD_VALUES = [
    True,
    False,
    None,
    0,
    1,
    -1,
    30.0,
    18.5,
    10**20,
    "",
    " ",
    "x",
    "30",
    "\n",
    "a\n",
    "2027-02-30",
    "self",
    [],
    [1],
    {},
    {"a": 1},
]
FIELDS = [
    ("seats",),
    ("title",),
    ("example",),
    ("pay", "amount"),
    ("pay", "type"),
    ("eligibility", "grades", "min"),
    ("sites", 0, "zip"),
    ("sites", 0, "lat"),
    ("application", "deadline"),
    ("application", "url"),
    ("employer_of_record",),
    ("sectors",),
    ("pathways", 0),
    ("quality", "assessment", "partnerships", "level"),
    ("contact",),
    ("former_ids",),
]


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: ".".join(map(str, f)))
def test_compiled_and_detailed_validators_agree(field: tuple[str | int, ...]) -> None:
    validators = _validators()
    listing = next(r.data for r in load_all(FIXTURES / "minimal").records if r.kind == "opportunity")
    for value in ODD_VALUES:
        data = copy.deepcopy(listing)
        node = data
        for part in field[:-1]:
            node = node[part]
        node[field[-1]] = value
        assert validators.is_valid("opportunity", data) is (not validators.errors("opportunity", data)), value
