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
import sys
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from generator.check.problems import Problem
from generator.check.yamlsyntax import _syntax_problem
from generator.check.yamltext import MAX_BYTES as MAX_BYTES  # re-exported: callers read a file with it before loading
from generator.check.yamltext import _line_col, _scan
from generator.check.yamltext import decode as decode  # re-exported, as MAX_BYTES

try:  # libyaml parses valid files fast; any file it rejects is parsed again in Python for exact messages.
    from yaml._yaml import CParser as _CParser

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    LIBYAML = False


class _Parser(Reader, Scanner, Parser, Composer):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)


MAX_DEPTH = 32
MAX_NODES = 50_000
# Keys, and text values up to this long, are interned (sys.intern): a catalog repeats the same keys and the same
# short values (formats, pay types, cities) in every file: one copy of each took a checked catalog of 50,000
# listings from 1,108 to 741 MB, in the build and in each worker process that copies it.
SHARED_UP_TO = 40

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


# JSON path (tuple of keys and indexes) -> (line, column), 1-based.
Positions = dict[tuple[Any, ...], tuple[int, int]]


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
            # Called through Parser, which mypy's untyped_calls_exclude recognises (its stub has no annotations).
            raise _AliasFound(Parser.peek_event(self).start_mark)
        return super().compose_node(parent, index)


class Loaded:
    """A parsed file: its data and where each value came from.

    Positions are worked out only when a problem needs one (most files have none), by parsing the
    text again: keeping every parsed node alive instead would cost far more memory in a large catalog.
    """

    __slots__ = ("data", "_text", "_positions", "_key_positions")

    def __init__(
        self, data: Any, positions: Positions | None = None, key_positions: Positions | None = None, text: str | None = None
    ) -> None:
        self.data = data
        self._text = text
        self._positions = positions
        self._key_positions = key_positions

    @property
    def positions(self) -> Positions:
        """JSON path (tuple of keys and indexes) -> (line, column), 1-based."""
        if self._positions is None:
            self._positions, self._key_positions = self._index()
        return self._positions

    @property
    def key_positions(self) -> Positions:
        """JSON path -> position of the key itself, for mapping entries."""
        if self._key_positions is None:
            self._positions, self._key_positions = self._index()
        return self._key_positions

    def _index(self) -> tuple[Positions, Positions]:
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
        return positions, keys

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
        return None, [_syntax_problem(path, exc, text)]
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


if LIBYAML:

    class _FastLoader(_CParser, _Resolver):
        pass


# libyaml and PyYAML differ on tabs and control characters; such files take the careful path.
_UNUSUAL = re.compile("[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


def _deep_indentation(text: str, limit: int = 160) -> bool:
    """True when some line is indented far enough to nest deeper than libyaml's C stack should go."""
    return any(len(line) - len(line.lstrip(" -?:")) > limit for line in text.splitlines())


def _parse_nodes(text: str) -> Node | None:
    loader: _FastLoader | _Loader = _FastLoader(text) if LIBYAML else _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _load_fast(path: str, text: str) -> tuple[Loaded, list[Problem]] | None:
    """libyaml's result for a clean file; None when anything is off, so the careful path reports it."""
    if not LIBYAML or _UNUSUAL.search(text) or _deep_indentation(text):
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
        assert isinstance(node, MappingNode)  # a composed node is a scalar, a sequence or a mapping
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
        key: str = sys.intern(node.value)
        return key

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
            return sys.intern(value) if len(value) <= SHARED_UP_TO else value
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
