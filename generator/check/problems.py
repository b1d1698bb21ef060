"""Problems found in the catalog, and the three ways of printing them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One located finding: what is wrong and how to fix it."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str

    @property
    def sentence(self) -> str:
        """The message and the hint as two sentences."""
        return f"{_end(self.message)} {_end(self.hint)}"


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.code, p.message))


def summary(files: int, problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    return (
        f"{files} file{'s' * (files != 1)} checked, {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}"
    )


def as_text(problems: list[Problem]) -> list[str]:
    return [f"{_clean(p.path)}:{p.line}:{p.column}: {p.severity}: {_clean(p.sentence)}" for p in problems]


def _clean(text: str) -> str:
    # One problem per line, always: a value quoted in a message cannot add lines.
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: list[Problem]) -> list[str]:
    """GitHub Actions workflow commands, escaped so values cannot inject commands."""
    lines = []
    for p in problems:
        props = f"file={_clean(_escape_property(p.path))},line={p.line},col={p.column},title={_clean(_escape_property(p.code))}"
        # Escape first so CR and LF become %0D and %0A; then show any other hidden character as \xNN.
        lines.append(f"::{p.severity} {props}::{_neutralize(_clean(_escape_data(p.sentence)))}")
    return lines


def _neutralize(text: str) -> str:
    # A contributor's value could hold "::" sequences or @mentions; keep them inert.
    return text.replace("@", "@\u200b")


def as_json(problems: list[Problem]) -> str:
    return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False)
