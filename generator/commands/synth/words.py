"""Small text helpers of the synthetic catalog: ids, capitals, articles and conditional templates."""

from __future__ import annotations

import random
import re
import unicodedata

from generator.ids import MAX_ID

# Ids get suffixes such as "-2" and "-2025" (a former id) and must stay within the id rule's limit.
SLUG_LIMIT = MAX_ID - 12


def slug(text: str, limit: int = SLUG_LIMIT) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(out) > limit:
        out = out[:limit].rsplit("-", 1)[0]
    return out or "item"


def title_case(text: str) -> str:
    small = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with", "by", "from"}
    words = text.split(" ")
    return " ".join(w if (i and w in small) or not w else w[0].upper() + w[1:] for i, w in enumerate(words))


def lower_first(text: str) -> str:
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def articles(text: str) -> str:
    """`a apprentice` -> `an apprentice` after templates are filled in."""
    return re.sub(r"\b([Aa]) (?=[aeiouAEIOU])(?!one|[Uu]ni|[Uu]s|[Ee]u)", r"\1n ", text)


def pick(rng: random.Random, templates: list[str], conds: set[str]) -> list[str]:
    """Templates whose `cond>` prefix (if any) is among conds, without the prefix."""
    out = []
    for t in templates:
        cond, sep, body = t.partition(">")
        if not sep:
            out.append(t)
        elif cond in conds:
            out.append(body)
    return out
