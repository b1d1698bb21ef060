"""The strict YAML loader: every YAML hazard is a located error or stays text."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from conftest import check_lines

from generator.check import yamlload
from generator.check.problems import as_text
from generator.check.yamlload import MAX_BYTES, decode, load


def parse(source: str | bytes) -> tuple[Any, list[str]]:
    """Load one file's bytes the way the checker does: (data or None, text problems)."""
    raw = source.encode("utf-8") if isinstance(source, str) else source
    text, problems = decode("x.yml", raw)
    loaded = None
    if text is not None:
        loaded, problems = load("x.yml", text)
    return (loaded.data if loaded else None), as_text(problems)


ALIAS = (
    "x.yml:{}: error: An alias (`*name`) repeats another part of the file. "
    "Write the value out in full (anchors and aliases are not allowed); if the text starts with `*`, put it in double quotes."
)
TAG = "x.yml:1:4: error: The explicit tag `{}` is not allowed. Remove the tag that starts with `!`."
NOT_A_WORD = "x.yml:1:1: error: The key `{}` is not a word. Keys are names such as `title`; put this one in quotes or rename it."
TOO_LARGE = "x.yml:1:4: error: This number is too large. Use a smaller number, or put it in quotes if it is text."
DEEP = (
    "x.yml:{}: error: Values are nested more than 32 levels deep. Flatten the structure; see the template for the expected shape."
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "a: 1\nb: 2\na: 3\n",
            "x.yml:3:1: error: The key `a` appears twice in the same block (first on line 1). Keep one of them and delete the other.",
            id="duplicate-top-level",
        ),
        pytest.param(
            "pay:\n  type: paid\n  unit: hour\n  type: unpaid\n",
            "x.yml:4:3: error: The key `type` appears twice in the same block (first on line 2). Keep one of them and delete the other.",
            id="duplicate-nested",
        ),
        pytest.param(
            "a: 1\n'a': 2\n",
            "x.yml:2:1: error: The key `a` appears twice in the same block (first on line 1). Keep one of them and delete the other.",
            id="duplicate-quoted",
        ),
        pytest.param("1: x\n", NOT_A_WORD.format("1"), id="integer-key"),
        pytest.param("true: x\n", NOT_A_WORD.format("true"), id="boolean-key"),
        pytest.param("~: x\n", NOT_A_WORD.format("~"), id="null-key"),
        pytest.param(
            "? [a, b]\n: c\n",
            "x.yml:1:3: error: A key is a list or mapping. Keys are names such as `title`; check the brackets on this line.",
            id="list-key",
        ),
        pytest.param("a: 12345678901234567890\n", TOO_LARGE, id="huge-integer"),
        pytest.param("a: -1234567890123456\n", TOO_LARGE, id="huge-negative-integer"),
        pytest.param("a: 1" + "0" * 400 + ".5\n", TOO_LARGE, id="huge-float"),
        pytest.param("a: &x 1\nb: *x\n", ALIAS.format("2:4"), id="alias"),
        pytest.param(
            "base: &b {x: 1}\nc:\n  <<: *b\n",
            "x.yml:3:3: error: A merge key (`<<`) copies another part of the file. Write the keys out in full; merge keys are not allowed.",
            id="merge-key",
        ),
        pytest.param(
            "a:\n\tb: 1\n",
            "x.yml:2:1: error: A tab is used for indentation. Indent with spaces instead of tabs.",
            id="tab-indentation",
        ),
        pytest.param(
            "a: x\tb\n",
            "x.yml:1:5: error: A tab character cannot be used here. Use spaces instead, or put the whole value in double quotes.",
            id="tab-in-plain-value",
        ),
        pytest.param(
            "a: 1\n---\nb: 2\n",
            "x.yml:2:1: error: The file holds more than one YAML document. "
            "Keep one document per file: remove the `---` line and split the rest into its own file.",
            id="two-documents",
        ),
        pytest.param("", "x.yml:1:1: error: The file is empty. Fill it in from the template, or delete it.", id="empty"),
        pytest.param(
            "# only a comment\n\n",
            "x.yml:1:1: error: The file is empty. Fill it in from the template, or delete it.",
            id="comment-only",
        ),
        pytest.param(
            "- a\n- b\n",
            "x.yml:1:1: error: The file holds a list, not a set of `key: value` lines. "
            "Start the file with keys such as `title:` at the left margin.",
            id="top-level-list",
        ),
        pytest.param(
            "just some text\n",
            "x.yml:1:1: error: The file holds a single value, not a set of `key: value` lines. "
            "Start the file with keys such as `title:` at the left margin.",
            id="top-level-scalar",
        ),
        pytest.param("a: !!binary aGVsbG8=\n", TAG.format("!!binary"), id="binary-tag"),
        pytest.param("a: !!set {x, y}\n", TAG.format("!!set"), id="set-tag"),
        pytest.param("a: !!python/object:os.system ls\n", TAG.format("!!python/object:os.system"), id="python-tag"),
        pytest.param(
            "a: !!python/object/apply:os.system [ls]\n", TAG.format("!!python/object/apply:os.system"), id="python-apply"
        ),
        pytest.param("a: !local text\n", TAG.format("!local"), id="local-tag"),
        pytest.param(
            "title: ok\nsummary: Note: paid\n",
            "x.yml:2:14: error: A `: ` inside this value makes it look like a new key. Put the whole value in double quotes.",
            id="colon-in-text",
        ),
        pytest.param(
            "title: [unclosed\nsummary: x\n",
            "x.yml:1:8: error: A list that starts with `[` here is not closed. "
            "Add the closing `]`, or put the whole value in double quotes if the `[` is part of the text.",
            id="unclosed-bracket",
        ),
        pytest.param(
            "title: {a: 1\nsummary: x\n",
            "x.yml:1:8: error: A set of keys that starts with `{` here is not closed. "
            "Add the closing `}`, or put the whole value in double quotes if the `{` is part of the text.",
            id="unclosed-brace",
        ),
        pytest.param(
            'title: "Welding\nsummary: x\n',
            "x.yml:1:8: error: A quoted value that starts here is not closed. Add the closing quote mark at the end of the value.",
            id="unclosed-quote",
        ),
        pytest.param(
            "title: x\nsummary\nstatus: open\n",
            "x.yml:2:1: error: This line has no `:` after its key. Write `key: value`, or indent the line if it continues the text above.",
            id="missing-colon",
        ),
        pytest.param(
            "pay:\n  type: paid\n unit: hour\n",
            "x.yml:3:2: error: This line is indented differently from the keys above it. "
            "Line up keys of the same block with the same number of spaces.",
            id="bad-indentation",
        ),
        pytest.param(
            'title: "Welding" internship\n',
            "x.yml:1:18: error: There is more text after a quoted value. Put the whole value inside the quotes.",
            id="text-after-quote",
        ),
        pytest.param(
            "contact: @acme\n",
            'x.yml:1:10: error: A value cannot start with "@". Put the whole value in double quotes.',
            id="at-sign",
        ),
        pytest.param("note: *Required\n", ALIAS.format("1:7"), id="text-starting-with-star"),
        pytest.param(
            "a: x\x07y\n",
            "x.yml:1:5: error: The file contains a hidden control character (U+0007). Delete it; if you pasted this text, type it again.",
            id="raw-control-character",
        ),
        pytest.param(
            "a: x\x00y\n",
            "x.yml:1:5: error: The file contains a hidden control character (U+0000). Delete it; if you pasted this text, type it again.",
            id="raw-nul",
        ),
        pytest.param(
            "a: x\u0085y\n",
            "x.yml:1:5: error: The file contains an invisible line break character (U+0085). "
            "Delete it; if you pasted this text, type it again.",
            id="raw-next-line",
        ),
        pytest.param(
            "evidence: ok\nb: x\u2028y\n",
            "x.yml:2:5: error: The file contains an invisible line break character (U+2028). "
            "Delete it; if you pasted this text, type it again.",
            id="raw-line-separator",
        ),
    ],
)
def test_hazard_is_one_located_error(source: str, expected: str) -> None:
    data, lines = parse(source)
    assert data is None
    assert lines == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "on",
        "NO",
        "Off",
        "yes",
        "Y",
        "010",
        "02134",
        "1:30",
        "1e3",
        "1_000",
        "2025-06-01",
        "0x1F",
        ".inf",
        "+5",
        "1.",
        "True",
        "NULL",
    ],
)
def test_yaml11_surprises_stay_text(text: str) -> None:
    assert parse(f"a: {text}\n") == ({"a": text}, [])


@pytest.mark.parametrize(
    ("text", "value"),
    [("true", True), ("false", False), ("null", None), ("~", None), ("", None), ("42", 42), ("-3", -3), ("0", 0), ("18.5", 18.5)],
)
def test_unambiguous_scalars_are_typed(text: str, value: Any) -> None:
    data, lines = parse(f"a: {text}\n")
    assert lines == []
    assert data == {"a": value}
    assert type(data["a"]) is type(value)


def test_explicit_string_tag_is_harmless() -> None:
    assert parse("a: !!str 5\n") == ({"a": "5"}, [])


def test_anchor_without_alias_is_accepted() -> None:
    assert parse("a: &x 1\n") == ({"a": 1}, [])


def test_billion_laughs_is_rejected_quickly() -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    data, lines = parse("\n".join(rows) + "\n")
    assert time.perf_counter() - start < 1
    assert data is None
    assert lines == [ALIAS.format("2:8")]


def test_ten_thousand_nested_brackets_are_rejected_without_crashing() -> None:
    data, lines = parse("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert data is None
    assert lines == [
        "x.yml:1:1: error: The file nests brackets 10000 levels deep (the limit is 100). "
        "Write lists and mappings with indentation, a few levels deep."
    ]


def test_nesting_under_the_bracket_limit_is_located() -> None:
    data, lines = parse("a: " + "[" * 60 + "]" * 60 + "\n")
    assert (data, lines) == (None, [DEEP.format("1:36")])


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("- " * 120_000 + "x\n", id="dash-sequences"),
        pytest.param("? " * 100_000 + "x\n", id="complex-keys"),
        pytest.param("".join(" " * i + "k:\n" for i in range(700)) + " " * 700 + "v: 1\n", id="indentation"),
    ],
)
def test_deep_block_nesting_is_rejected_without_crashing(source: str) -> None:
    data, lines = parse(source)
    assert data is None
    assert lines == [DEEP.format("1:1")]


def test_brackets_inside_text_do_not_count_as_nesting() -> None:
    text = "[" * 40
    assert parse(f'a: "{text}"\n') == ({"a": text}, [])


def test_utf8_bom_is_accepted() -> None:
    assert parse(b"\xef\xbb\xbftitle: Se\xc3\xb1or\n") == ({"title": "Señor"}, [])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_rejected(encoding: str) -> None:
    assert parse("title: x\n".encode(encoding)) == (
        None,
        [
            "x.yml:1:1: error: The file is saved as UTF-16, not UTF-8. "
            "Save it again with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)."
        ],
    )


def test_latin1_byte_is_located() -> None:
    assert parse("title: x\nwho: Se\xf1ores\n".encode("latin-1")) == (
        None,
        [
            "x.yml:2:8: error: The file is not valid UTF-8 (byte 0xf1 here). "
            "Save it again with the UTF-8 encoding; letters such as ñ and é are then kept correctly."
        ],
    )


def test_crlf_line_endings_keep_positions() -> None:
    text = "a: 1\r\nb:\r\n  c: x\r\n"
    loaded, problems = load("x.yml", text)
    assert problems == []
    assert loaded is not None
    assert loaded.data == {"a": 1, "b": {"c": "x"}}
    assert loaded.where(("b", "c")) == (3, 6)
    assert loaded.where(("b", "c"), key=True) == (3, 3)


def test_document_markers_are_accepted() -> None:
    assert parse("%YAML 1.1\n---\na: 1\n...\n") == ({"a": 1}, [])


def test_positions_point_at_values_and_keys() -> None:
    loaded, _ = load("x.yml", "pay:\n  type: paid\nsites:\n  - name: Shop\n    city: Downey\n")
    assert loaded is not None
    assert loaded.where(("pay", "type")) == (2, 9)
    assert loaded.where(("pay", "type"), key=True) == (2, 3)
    assert loaded.where(("sites", 0, "city")) == (5, 11)
    # A path that does not exist falls back to its closest existing parent.
    assert loaded.where(("sites", 0, "zip")) == (4, 5)
    assert loaded.where(("missing",)) == (1, 1)


def test_comma_in_flow_mapping_is_explained() -> None:
    data, lines = parse("a: {level: x, evidence: Payroll, permits and site visits.}\n")
    assert data == {"a": {"level": "x", "evidence": "Payroll"}}
    assert lines == [
        "x.yml:1:34: error: A comma inside `{ }` cut the value of `evidence` short, so `permits and site visits.` was read as a new key. "
        'Put the whole value in double quotes: `evidence: "Payroll, permits and site visits."`.'
    ]


def test_file_over_256_kb_is_rejected(minimal: Path) -> None:
    listing = minimal / "employers/acme/welding-intern.yml"
    listing.write_text("title: " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    assert check_lines(minimal) == [
        "catalog/employers/acme/welding-intern.yml:1:1: error: The file is larger than 256 KB. "
        "Shorten the description, or split the content into several listings."
    ]


def test_utf16_listing_is_reported_in_the_catalog(minimal: Path) -> None:
    listing = minimal / "employers/acme/welding-intern.yml"
    listing.write_bytes(listing.read_text(encoding="utf-8").encode("utf-16"))
    assert check_lines(minimal) == [
        "catalog/employers/acme/welding-intern.yml:1:1: error: The file is saved as UTF-16, not UTF-8. "
        "Save it again with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)."
    ]


def test_crlf_listing_passes(minimal: Path) -> None:
    listing = minimal / "employers/acme/welding-intern.yml"
    listing.write_bytes(listing.read_bytes().replace(b"\n", b"\r\n"))
    assert check_lines(minimal) == []


@pytest.mark.parametrize("careful", [False, True])
def test_keys_and_short_values_are_kept_once_across_files(careful: bool) -> None:
    # Tabs inside a value send a file down the careful path; both paths share what repeats.
    extra = 'note: "a\tb"\n' if careful else ""
    long = "x" * (yamlload.SHARED_UP_TO + 1)
    first, _ = yamlload.load("a.yml", f"format: internship\npay: {{type: hourly}}\nsummary: {long}\n{extra}")
    second, _ = yamlload.load("b.yml", f"format: internship\npay: {{type: hourly}}\nsummary: {long}\n{extra}")
    assert first is not None and second is not None
    assert first.data == second.data
    one, two = list(first.data), list(second.data)
    assert all(a is b for a, b in zip(one, two, strict=True))
    assert first.data["format"] is second.data["format"] and first.data["pay"]["type"] is second.data["pay"]["type"]
    assert first.data["summary"] is not second.data["summary"]  # long text is each file's own
