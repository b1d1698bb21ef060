"""Characters that text from a contributor may not hold, and text that only looks like text.

The checker uses `text_problem` on every string of every record; the XML writers use
`xml_safe` as a last guard, so a feed or sitemap stays well-formed whatever reaches it.
"""

from __future__ import annotations

import re
import unicodedata

# At most this many combining marks on one letter. Languages stack two or three (Vietnamese: ệ);
# hundreds make "Zalgo" text that spills over the lines above and below it.
MAX_MARKS = 4
# Letters and symbols that draw nothing: Hangul fillers, the blank Braille pattern, Khmer inherent vowels,
# the combining grapheme joiner.
BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u034f")
# XML 1.0 allows tab, line feed, carriage return and these ranges; everything else breaks the document.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def is_noncharacter(char: str) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...)."""
    point = ord(char)
    return 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE


# Characters met so far that need no close look (see _needs_close_look); a catalog uses a few hundred.
_PLAIN: set[str] = set()


def _needs_close_look(value: str) -> bool:
    """Whether value holds a character `plain_text_problem` must look at closely: a noncharacter, a surrogate,
    a combining mark or a letter that draws nothing. Each distinct character is classified once per process."""
    for char in set(value) - _PLAIN:
        if is_noncharacter(char) or 0xD800 <= ord(char) <= 0xDFFF or char in BLANK or unicodedata.category(char) in ("Mn", "Me"):
            return True
        _PLAIN.add(char)
    return False


# A printable ASCII character is a visible letter, digit or sign.
_ASCII_VISIBLE = re.compile("[!-~]")


def text_problem(value: str) -> tuple[str, str, str] | None:
    """(code, what, fix) when value holds a character no page or export can carry, or only looks like text.

    Every string of every record passes here. Most are ASCII, or letters with precomposed accents next to ASCII
    letters: a regular expression and the characters already known settle those. Only the rest take the
    character-by-character way, which gives the same answer for all (tests/test_characters.py)."""
    if value.isascii():  # the schema already refuses ASCII control characters and blank text
        return None
    if _ASCII_VISIBLE.search(value) and not _needs_close_look(value):
        return None
    return plain_text_problem(value)


def plain_text_problem(value: str) -> tuple[str, str, str] | None:
    """(code, what, fix) as text_problem gives them, worked out one character at a time."""
    if value.isascii():
        return None
    visible = False
    marks = 0
    for char in value:
        if is_noncharacter(char) or 0xD800 <= ord(char) <= 0xDFFF:
            return (
                "hidden-character",
                f"holds the code point U+{ord(char):04X}, which is not a character",
                "Delete it; if you pasted this text, type it again",
            )
        category = unicodedata.category(char)
        if category in ("Mn", "Me"):
            marks += 1
            if marks > MAX_MARKS:
                return (
                    "stacked-marks",
                    f"stacks more than {MAX_MARKS} accent marks on one letter",
                    "Type the text again with its ordinary accents",
                )
            continue
        marks = 0
        if not visible and category[0] in "LNPS" and char not in BLANK:
            visible = True
    if not visible:
        return (
            "blank",
            "looks blank: it has no visible letter, digit or sign",
            "Type the text with ordinary letters; if you pasted it, type it again",
        )
    return None


def xml_safe(text: str) -> str:
    """text without the characters XML 1.0 cannot hold."""
    return XML_INVALID.sub("", text)
