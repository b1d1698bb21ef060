"""Characters contributor text may not hold (generator/characters.py)."""

from __future__ import annotations

import random
import unicodedata

import pytest

from generator.characters import BLANK, MAX_MARKS, plain_text_problem, text_problem

# Characters of every kind the rule tells apart, with ordinary text around them.
POOL = [
    *"abcXYZ019 .,-!",
    *"áéíóúñÑüÜ¿¡çàèõ",  # precomposed accents: letters, as typed in Spanish
    "\u0301",
    "\u0308",
    "\u20dd",
    "\u0489",  # combining marks (Mn) and enclosing marks (Me)
    *BLANK,
    "\ufdd0",
    "\ufdef",
    "\ufffe",
    "\uffff",
    "\U0001fffe",
    "\U0010ffff",  # noncharacters
    "\ud800",
    "\udfff",  # lone surrogates
    "\u200b",
    "\u200d",
    "\u2060",
    "\u00a0",
    "\u3000",
    "\u2028",  # format characters and spaces: not visible
    "中",
    "日",
    "ㄱ",
    "ก",
    "\u0e31",
    "😀",
    "€",
    "—",
    "“",
]


def cases() -> list[str]:
    rng = random.Random(20261204)
    found = [
        "",
        "a",
        "é",
        "\u3000",
        "\u200b" * 3,
        "e" + "\u0301" * MAX_MARKS,
        "e" + "\u0301" * (MAX_MARKS + 1),
        "\u2800",
        "é\ufffe",
    ]
    for _ in range(4000):
        found.append("".join(rng.choice(POOL) for _ in range(rng.randint(1, 12))))
    return found


def test_the_quick_way_answers_as_the_plain_way_for_every_kind_of_character() -> None:
    different = [value for value in cases() if text_problem(value) != plain_text_problem(value)]
    assert not different, [ascii(v) for v in different[:5]]


def test_the_cases_reach_every_answer() -> None:
    answers = {(text_problem(v) or ("none",))[0] for v in cases()}
    assert answers == {"none", "hidden-character", "stacked-marks", "blank"}


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Prácticas pagadas en un hospital", None),
        ("日本語のテキスト", None),
        ("\u3164\u3164", "blank"),
        ("\u200b\u00a0", "blank"),
        ("Zalgo" + "\u0301\u0302\u0303\u0304\u0305", "stacked-marks"),
        ("Tiếng Việt", None),
        ("caf\ufffe", "hidden-character"),
    ],
)
def test_text_problem(value: str, code: str | None) -> None:
    found = text_problem(value)
    assert (found[0] if found else None) == code


def test_every_combining_mark_is_looked_at_closely() -> None:
    from generator.characters import _needs_close_look

    marks = [chr(c) for c in range(0x300, 0x370)] + [chr(c) for c in range(0x20D0, 0x20F1)]
    assert all(_needs_close_look("a" + m) for m in marks if unicodedata.category(m) in ("Mn", "Me"))
    assert not _needs_close_look("Prácticas pagadas ñ ü ¿¡")
