"""Strict YAML loading that keeps every value's position.

Catalog files are written by people who are not programmers, often in a
web editor. YAML 1.1 quietly turns `no` into false, `2025-06-01` into a
date and `010` into 8, accepts duplicate keys, and lets aliases expand
into gigabytes. This loader parses with libyaml (fast) but builds the
values itself, so each of those hazards becomes a located problem and
plain scalars stay strings unless they are unambiguous numbers,
`true`/`false` or `null`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from .problems import Problem

try:  # libyaml parses valid files fast; any file it rejects is parsed again in Python for exact messages.
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _CParser = None


class _Parser(Reader, Scanner, Parser, Composer):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)


MAX_BYTES = 256 * 1024
MAX_DEPTH = 32
# Brackets are counted before parsing, even inside text, so this limit is generous: it only keeps
# the parser from recursing thousands of levels deep.
MAX_BRACKETS = 100
MAX_NODES = 50_000

ALIAS_TEXT = "An alias (`*name`) repeats another part of the file"
ALIAS_FIX = (
    "Write the value out in full (anchors and aliases are not allowed); if the text starts with `*`, put it in double quotes"
)
MERGE_TEXT = "A merge key (`<<`) copies another part of the file"
MERGE_FIX = "Write the keys out in full; merge keys are not allowed"

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
# Half of a UTF-16 pair, from an escape such as "\ud800": Python keeps it, but it cannot be written as
# UTF-8, so a page or export holding it would fail to save. (libyaml rejects these escapes itself.)
_SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_FIX = "Type the character itself instead of the escape, or use a full escape such as `\\U0001F600`"
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
_BOOLS = {"true": True, "false": False}
# Only plain scalars starting with one of these can be anything but text.
_TYPED_START = frozenset("-0123456789tfn~")
_NULLS = {"null", "~", ""}
# Values YAML 1.1 tools read as booleans; kept as text here, but worth a hint.
# Compare in lowercase: `No`, `NO` and `True` are just as common.
YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


class _Resolver:
    """Decides the tag of plain scalars: only unambiguous forms are typed."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if not implicit[0] or (value and value[0] not in _TYPED_START):
                return STR
            if value in _BOOLS:
                return BOOL
            if value in _NULLS:
                return NULL
            if _INT.match(value):
                return INT
            if _FLOAT.match(value):
                return FLOAT
            return STR
        if kind is SequenceNode:
            return SEQ
        return MAP

    # libyaml's parser calls these when it sees a document start.
    def descend_resolver(self, *args: Any) -> None:
        return None

    def ascend_resolver(self, *args: Any) -> None:
        return None


class _AliasFound(Exception):
    def __init__(self, mark: Any, merge: bool = False) -> None:
        self.mark = mark
        self.merge = merge


class _Loader(_Parser, _Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)

    def compose_node(self, parent: Any, index: Any) -> Any:
        # The pure-Python composer calls this; stop at the first alias, where it is written.
        # (libyaml composes in C; the builder then catches the shared node instead.)
        if self.check_event(AliasEvent):
            if isinstance(index, ScalarNode) and index.value == "<<" and index.style is None:
                raise _AliasFound(index.start_mark, merge=True)
            raise _AliasFound(self.peek_event().start_mark)
        return super().compose_node(parent, index)  # type: ignore[misc]


class Loaded:
    """A parsed file: its data and where each value came from.

    Positions are worked out only when a problem needs one (most files have none), by parsing the
    text again: keeping every parsed node alive instead would cost far more memory in a large catalog.
    """

    __slots__ = ("data", "_text", "_positions", "_key_positions")

    def __init__(
        self, data: Any, positions: dict | None = None, key_positions: dict | None = None, text: str | None = None
    ) -> None:
        self.data = data
        self._text = text
        self._positions = positions
        self._key_positions = key_positions

    @property
    def positions(self) -> dict[tuple[Any, ...], tuple[int, int]]:
        """JSON path (tuple of keys and indexes) -> (line, column), 1-based."""
        if self._positions is None:
            self._index()
        return self._positions  # type: ignore[return-value]

    @property
    def key_positions(self) -> dict[tuple[Any, ...], tuple[int, int]]:
        """JSON path -> position of the key itself, for mapping entries."""
        if self._key_positions is None:
            self._index()
        return self._key_positions  # type: ignore[return-value]

    def _index(self) -> None:
        positions: dict[tuple[Any, ...], tuple[int, int]] = {}
        keys: dict[tuple[Any, ...], tuple[int, int]] = {}
        root = _parse_nodes(self._text) if self._text is not None else None
        stack: list[tuple[Node, tuple[Any, ...]]] = [(root, ())] if root is not None else []
        while stack:
            node, at = stack.pop()
            positions.setdefault(at, _mark(node))
            if isinstance(node, SequenceNode):
                stack.extend((item, (*at, i)) for i, item in enumerate(node.value))
            elif isinstance(node, MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, ScalarNode):
                        keys.setdefault((*at, key_node.value), _mark(key_node))
                        stack.append((value_node, (*at, key_node.value)))
        self._positions, self._key_positions = positions, keys

    def where(self, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        table = self.key_positions if key else self.positions
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text, or a located problem saying how to re-save the file."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        wide = "UTF-32" if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "UTF-16"
        return None, [
            Problem(
                path,
                1,
                1,
                "error",
                "encoding",
                f"The file is saved as {wide}, not UTF-8",
                "Save it again with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)",
            )
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                path,
                line,
                col,
                "error",
                "encoding",
                f"The file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} here)",
                "Save it again with the UTF-8 encoding; letters such as ñ and é are then kept correctly",
            )
        ]
    return text, []


def _scan(path: str, text: str) -> list[Problem]:
    """Cheap checks before parsing: tabs in indentation, runaway nesting."""
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines() if "\t" in text else (), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            problems.append(
                Problem(
                    path,
                    number,
                    len(line) - len(stripped) + 1,
                    "error",
                    "yaml-tab",
                    "A tab is used for indentation",
                    "Indent with spaces instead of tabs",
                )
            )
            break
    # YAML 1.1 reads these as line breaks, so line numbers would no longer match the editor's.
    breaks = re.search("[\u0085\u2028\u2029]", text)
    if breaks:
        line, col = _line_col(text, breaks.start())
        problems.append(
            Problem(
                path,
                line,
                col,
                "error",
                "control-character",
                f"The file contains an invisible line break character (U+{ord(breaks.group()):04X})",
                "Delete it; if you pasted this text, type it again",
            )
        )
    depth = deepest = 0
    # Only a file with more opening brackets than the limit can nest deeper than it.
    for char in text if text.count("[") + text.count("{") > MAX_BRACKETS else ():
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif char in "]}":
            depth -= 1
    if deepest > MAX_BRACKETS:
        problems.append(
            Problem(
                path,
                1,
                1,
                "error",
                "yaml-depth",
                f"The file nests brackets {deepest} levels deep (the limit is {MAX_BRACKETS})",
                "Write lists and mappings with indentation, a few levels deep",
            )
        )
    return problems


def load(path: str, text: str) -> tuple[Loaded | None, list[Problem]]:
    """Parse one document. Returns (None, problems) when it cannot be used."""
    problems = _scan(path, text)
    if problems:
        return None, problems
    fast = _load_fast(path, text)
    if fast is not None:
        return fast
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
    except _AliasFound as exc:
        line, col = exc.mark.line + 1, exc.mark.column + 1
        if exc.merge:
            return None, [Problem(path, line, col, "error", "yaml-merge", MERGE_TEXT, MERGE_FIX)]
        return None, [Problem(path, line, col, "error", "yaml-alias", ALIAS_TEXT, ALIAS_FIX)]
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        return None, [
            Problem(
                path,
                line,
                col,
                "error",
                "control-character",
                f"The file contains a hidden control character (U+{exc.character:04X})",
                "Delete it; if you pasted this text, type it again",
            )
        ]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(path, exc)]
    except RecursionError:
        return None, [
            Problem(
                path,
                1,
                1,
                "error",
                "yaml-depth",
                f"Values are nested more than {MAX_DEPTH} levels deep",
                "Flatten the structure; see the template for the expected shape",
            )
        ]
    except (yaml.YAMLError, ValueError) as exc:
        return None, [
            Problem(
                path, 1, 1, "error", "yaml-syntax", f"The YAML cannot be read: {exc}", "Check the file's indentation and quotes"
            )
        ]
    finally:
        if loader is not None:
            loader.dispose()
    if node is None or (isinstance(node, ScalarNode) and node.tag == NULL and node.value == "" and node.style is None):
        # A file with only `---` (or comments) holds an empty document: nothing was filled in.
        return None, [
            Problem(path, 1, 1, "error", "empty-file", "The file is empty", "Fill it in from the template, or delete it")
        ]
    builder = _Builder(path)
    try:
        data = builder.build(node, (), 0)
    except _Stop as stop:
        return None, [stop.problem]
    if not isinstance(data, dict):
        line, col = _mark(node)
        return None, [
            Problem(
                path,
                line,
                col,
                "error",
                "top-level",
                f"The file holds {_kind_name(node)}, not a set of `key: value` lines",
                "Start the file with keys such as `title:` at the left margin",
            )
        ]
    return Loaded(data, builder.positions, builder.key_positions), builder.problems


if _CParser is not None:

    class _FastLoader(_CParser, _Resolver):  # type: ignore[misc, valid-type]
        pass


# libyaml and PyYAML differ on tabs and control characters; such files take the careful path.
_UNUSUAL = re.compile("[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


def _deep_indentation(text: str, limit: int = 160) -> bool:
    """True when some line is indented far enough to nest deeper than libyaml's C stack should go."""
    return any(len(line) - len(line.lstrip(" -?:")) > limit for line in text.splitlines())


def _parse_nodes(text: str) -> Node | None:
    loader = _FastLoader(text) if _CParser is not None else _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _load_fast(path: str, text: str) -> tuple[Loaded, list[Problem]] | None:
    """libyaml's result for a clean file; None when anything is off, so the careful path reports it."""
    if _CParser is None or _UNUSUAL.search(text) or _deep_indentation(text):
        return None
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
    except Exception:  # noqa: BLE001 - the pure-Python parser explains the problem precisely
        return None
    finally:
        loader.dispose()
    if node is None:
        return None
    builder = _Builder(path, record=False)
    try:
        data = builder.build(node, (), 0)
    except (_Stop, RecursionError):
        return None
    if not isinstance(data, dict) or builder.problems:
        return None
    return Loaded(data, text=text), []


# PyYAML's wording -> (use the mark where the construct started?, what is wrong, how to fix it).
_SYNTAX = (
    (
        "expected ',' or ']'",
        True,
        "A list that starts with `[` here is not closed",
        "Add the closing `]`, or put the whole value in double quotes if the `[` is part of the text",
    ),
    (
        "expected ',' or '}'",
        True,
        "A set of keys that starts with `{` here is not closed",
        "Add the closing `}`, or put the whole value in double quotes if the `{` is part of the text",
    ),
    (
        "while scanning a quoted scalar",
        True,
        "A quoted value that starts here is not closed",
        "Add the closing quote mark at the end of the value",
    ),
    (
        "could not find expected ':'",
        True,
        "This line has no `:` after its key",
        "Write `key: value`, or indent the line if it continues the text above",
    ),
    (
        "mapping values are not allowed here",
        False,
        "A `: ` inside this value makes it look like a new key",
        "Put the whole value in double quotes",
    ),
    (
        "expected '<document start>'",
        False,
        "The file goes on after its YAML document has ended",
        "Keep one document per file: remove the `...` line, and write the file as `key: value` lines at the left margin",
    ),
    ("that cannot start any token", False, 'A value cannot start with "{char}"', "Put the whole value in double quotes"),
    (
        "but found '<block mapping start>'",
        False,
        "This line is indented differently from the keys above it",
        "Line up keys of the same block with the same number of spaces",
    ),
    ("but found '<scalar>'", False, "There is more text after a quoted value", "Put the whole value inside the quotes"),
)


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A parser error in the contributor's terms, at the place to fix."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "'\\t'" in problem:
        return Problem(
            path,
            line,
            col,
            "error",
            "yaml-tab",
            "A tab character cannot be used here",
            "Use spaces instead, or put the whole value in double quotes",
        )
    if "expected a single document" in str(exc):
        return Problem(
            path,
            line,
            col,
            "error",
            "yaml-documents",
            "The file holds more than one YAML document",
            "Keep one document per file: remove the `---` line and split the rest into its own file",
        )
    for words, at_start, what, fix in _SYNTAX:
        if words in problem or words in context:
            start = exc.context_mark if at_start and exc.context_mark else mark
            where = (start.line + 1, start.column + 1) if start else (line, col)
            char = re.search(r"found character '(.+?)'", problem)
            return Problem(path, *where, "error", "yaml-syntax", what.replace("{char}", char.group(1) if char else "?"), fix)
    what = (problem or context or "invalid YAML").rstrip(".")
    return Problem(
        path,
        line,
        col,
        "error",
        "yaml-syntax",
        f"The YAML cannot be read: {what}",
        "Check the indentation and quotes on this line and the one above; put text containing `: ` or `#` in quotes",
    )


def _cut_at_comma(key: str, value: Node, before: Node) -> bool:
    """A key with spaces and no value, after a text value, in `{ }`: text split at a comma."""
    return (
        " " in key.strip()
        and isinstance(value, ScalarNode)
        and value.tag == NULL
        and value.value == ""
        and isinstance(before, ScalarNode)
        and before.tag == STR
    )


def _line_col(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _tag_name(tag: str) -> str:
    """The tag as it was written: `!!binary`, not `tag:yaml.org,2002:binary`."""
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _kind_name(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    return "a single value"


class _Builder:
    def __init__(self, path: str, record: bool = True) -> None:
        self.path = path
        self.record = record
        self.positions: dict[tuple[Any, ...], tuple[int, int]] = {}
        self.key_positions: dict[tuple[Any, ...], tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def stop(self, node: Node, code: str, what: str, fix: str) -> _Stop:
        line, col = _mark(node)
        return _Stop(Problem(self.path, line, col, "error", code, what, fix))

    def build(self, node: Node, at: tuple[Any, ...], depth: int) -> Any:
        if id(node) in self.seen:
            # libyaml shares one node for an anchor and each alias to it.
            raise self.stop(node, "yaml-alias", ALIAS_TEXT, ALIAS_FIX)
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise self.stop(
                node, "yaml-size", f"The file has more than {MAX_NODES} values", "Split it up: one opportunity per file"
            )
        if depth > MAX_DEPTH:
            raise self.stop(
                node,
                "yaml-depth",
                f"Values are nested more than {MAX_DEPTH} levels deep",
                "Flatten the structure; see the template for the expected shape",
            )
        if self.record:
            self.positions[at] = _mark(node)
        tag = node.tag
        if isinstance(node, ScalarNode):
            return self.scalar(node, tag)
        if tag not in (SEQ, MAP):
            raise self.stop(
                node, "yaml-tag", f"The explicit tag `{_tag_name(tag)}` is not allowed", "Remove the tag that starts with `!`"
            )
        if isinstance(node, SequenceNode):
            return [self.build(item, (*at, i), depth + 1) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        previous: tuple[str, Node] | None = None
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if node.flow_style and previous and _cut_at_comma(key, value_node, previous[1]):
                # `{evidence: payroll, permits and visits.}`: the comma ended the value early.
                line, col = _mark(key_node)
                whole = f"{previous[1].value}, {key}"
                self.problems.append(
                    Problem(
                        self.path,
                        line,
                        col,
                        "error",
                        "yaml-flow-comma",
                        f"A comma inside `{{ }}` cut the value of `{previous[0]}` short, so `{key}` was read as a new key",
                        f'Put the whole value in double quotes: `{previous[0]}: "{whole}"`',
                    )
                )
                continue
            previous = (key, value_node)
            if key in result:
                first = next(_mark(k) for k, _ in node.value if isinstance(k, ScalarNode) and k.value == key)
                raise self.stop(
                    key_node,
                    "yaml-duplicate-key",
                    f"The key `{key}` appears twice in the same block (first on line {first[0]})",
                    "Keep one of them and delete the other",
                )
            if self.record:
                self.key_positions[(*at, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*at, key), depth + 1)
        return result

    def key(self, node: Node) -> str:
        if not isinstance(node, ScalarNode):
            raise self.stop(
                node, "yaml-key", "A key is a list or mapping", "Keys are names such as `title`; check the brackets on this line"
            )
        if node.tag in (INT, FLOAT, BOOL, NULL):
            raise self.stop(
                node,
                "yaml-key",
                f"The key `{node.value}` is not a word",
                "Keys are names such as `title`; put this one in quotes or rename it",
            )
        if node.tag != STR:
            raise self.stop(
                node,
                "yaml-tag",
                f"The explicit tag `{_tag_name(node.tag)}` is not allowed",
                "Remove the tag that starts with `!`",
            )
        if node.value == "<<":
            raise self.stop(node, "yaml-merge", MERGE_TEXT, MERGE_FIX)
        if node.style == '"':
            self.whole_characters(node)
        return node.value

    def whole_characters(self, node: ScalarNode) -> None:
        found = _SURROGATE.search(node.value)
        if found:
            raise self.stop(
                node,
                "bad-escape",
                f"The escape `\\u{ord(found.group()):04x}` is only half of a character",
                SURROGATE_FIX,
            )

    def scalar(self, node: ScalarNode, tag: str) -> Any:
        value = node.value
        if tag == STR:
            if node.style == '"':  # only a double-quoted escape can make a lone surrogate
                self.whole_characters(node)
            return value
        if tag == BOOL and value in _BOOLS:
            return _BOOLS[value]
        if tag == NULL and value in _NULLS:
            return None
        if tag == INT and _INT.match(value):
            if len(value) > 15:
                raise self.stop(
                    node,
                    "number-too-large",
                    "This number is too large",
                    "Use a smaller number, or put it in quotes if it is text",
                )
            return int(value)
        if tag == FLOAT and _FLOAT.match(value):
            if len(value.split(".")[0]) > 15:
                raise self.stop(
                    node,
                    "number-too-large",
                    "This number is too large",
                    "Use a smaller number, or put it in quotes if it is text",
                )
            number = float(value)
            # `min: 11.0` is a whole number to JSON Schema as well, and code that counts with it needs an int.
            return int(number) if number.is_integer() else number
        raise self.stop(
            node, "yaml-tag", f"The explicit tag `{_tag_name(tag)}` is not allowed", "Remove the tag that starts with `!`"
        )
