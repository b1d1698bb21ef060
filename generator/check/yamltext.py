"""Checks on a catalog file's text before it is parsed: encoding, tabs, hidden line breaks, runaway nesting."""

from __future__ import annotations

import re

from generator.check.problems import Problem

MAX_BYTES = 256 * 1024
# Brackets are counted before parsing, even inside text, so this limit is generous: it only keeps
# the parser from recursing thousands of levels deep.
MAX_BRACKETS = 100


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
    for number, text_line in enumerate(text.splitlines() if "\t" in text else (), start=1):
        stripped = text_line.lstrip(" ")
        if stripped.startswith("\t"):
            problems.append(
                Problem(
                    path,
                    number,
                    len(text_line) - len(stripped) + 1,
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


def _line_col(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1
