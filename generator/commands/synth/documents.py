"""YAML output of the synthetic catalog, written by hand rather than by a dumper.

The files should look like the ones people write (short lists on one line,
descriptions as `|` blocks, no quotes unless needed), and the same data must
always give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any


class Flow(list[Any]):
    """A short list or pair written on one line: `[en, es]` or `{min: 10, max: 12}`."""


def grade_range(low: int, high: int) -> Flow:
    return Flow([("min", low), ("max", high)])


_RESERVED = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"}


def scalar(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if (
        text[:1].isalpha()
        and text.isprintable()
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
        and text.lower() not in _RESERVED
    ):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def emit(data: dict[str, Any], indent: int = 0) -> list[str]:
    pad, lines = " " * indent, []
    for key, value in data.items():
        if isinstance(value, Flow):
            if value and isinstance(value[0], tuple):
                lines.append(f"{pad}{key}: {{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value) + "}")
            else:
                lines.append(f"{pad}{key}: [" + ", ".join(scalar(v) for v in value) + "]")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(emit(value, indent + 2))
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = emit(item)
                    lines.append(f"{pad}  - {sub[0]}")
                    lines.extend(f"{pad}    {s}" if s else "" for s in sub[1:])
                else:
                    lines.append(f"{pad}  - {scalar(item)}")
        elif isinstance(value, str) and "\n" in value:
            lines.append(f"{pad}{key}: |")
            lines.extend(f"{pad}  {ln}" if ln else "" for ln in value.rstrip("\n").split("\n"))
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def document(schema: str, data: dict[str, Any]) -> str:
    return f"# yaml-language-server: $schema={schema}\n" + "\n".join(emit(data)) + "\n"
