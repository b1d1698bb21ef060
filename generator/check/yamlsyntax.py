"""PyYAML's syntax errors, said in a contributor's terms and placed where the fix goes."""

from __future__ import annotations

import re

import yaml

from generator.check.problems import Problem

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


# `seats:300`: a key, a colon and no space, which YAML reads as one piece of text.
_NO_SPACE = re.compile(r"^(?P<indent>\s*(?:- )?)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/:][^#]*?)\s*$")


def _missing_space(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem | None:
    """The line between the construct's start and the error that lacks the space after its colon."""
    start, end = exc.context_mark or exc.problem_mark, exc.problem_mark or exc.context_mark
    if start is None or end is None:
        return None
    lines = text.splitlines()
    for number in range(start.line, min(end.line, len(lines) - 1) + 1):
        found = _NO_SPACE.match(lines[number])
        if found:
            written = f"{found['key']}:{found['value']}"
            return Problem(
                path,
                number + 1,
                len(found["indent"]) + len(found["key"]) + 1,
                "error",
                "yaml-syntax",
                f"`{written}` has no space after its `:`",
                f"Add a space after the colon: `{found['key']}: {found['value']}`",
            )
    return None


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError, text: str = "") -> Problem:
    """A parser error in the contributor's terms, at the place to fix."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    missing = _missing_space(path, exc, text) if "could not find expected ':'" in problem + context else None
    if missing:
        return missing
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
