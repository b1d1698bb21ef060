"""Encodings shared by the browse page's facet index and its word index.

Both index rows (listings, or the tracks of a listing that has them) by ordinal, in the order `ordered`
gives, and code sets of ordinals with `rice`; site_overrides/assets/browse/rice.js and index.js decode them.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import math
import operator
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from generator.model import Catalog, Opportunity

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def compact_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def ordered(catalog: Catalog) -> list[Opportunity]:
    """The rows of the browse page by ordinal: each listing, or each track of a listing that has tracks (its
    facts, Opportunity.rows), so that a filter finds a track by its own ages, pay and hours. Deadline soonest
    first, no deadline last, then by id, then in the listing's order of tracks."""
    listings = sorted(catalog.opportunities.values(), key=lambda o: (o.deadline or dt.date.max, o.id))
    return [row for opp in listings for row in opp.rows]


def digits(number: int, width: int) -> str:
    out = []
    for _ in range(width):
        out.append(DIGITS[number % 64])
        number //= 64
    return "".join(reversed(out))


@functools.lru_cache(maxsize=4)
def _all(n: int) -> frozenset[int]:
    """Every ordinal, for the complements of the word index's common words."""
    return frozenset(range(n))


# Per parameter k, gap plus one -> its code as 0s and 1s: lists share most of their gaps. Gaps go up to the
# number of listings, so this grows with the catalog: emptied when a build ends (generator/render/caches.py).
_CODES: defaultdict[int, dict[int, str]] = defaultdict(dict)


def clear_caches() -> None:
    _all.cache_clear()
    _CODES.clear()


def cache_sizes() -> dict[str, int]:
    return {"render.encoding._all": _all.cache_info().currsize, "render.encoding._CODES": len(_CODES)}


def rice(ordinals: Sequence[int], n: int) -> str:
    """Sorted ordinals as Rice-coded gaps; the complement when that is shorter."""
    if len(ordinals) > n // 2:
        return "!" + rice(sorted(_all(n).difference(ordinals)), n)
    count = len(ordinals)
    if not count:
        return DIGITS[0]
    mean = (n - count) / count
    k = max(0, min(30, round(math.log2(mean * math.log(2))))) if mean > 1 else 0
    # Bits as a text of 0s and 1s, then base64url (whose alphabet is DIGITS): the word index codes
    # thousands of lists, over a million ordinals, with far fewer distinct gaps, so each distinct
    # gap is coded once and the rest is done by C loops (map, join, int).
    steps = list(map(operator.sub, ordinals, [-1, *ordinals]))  # each gap plus one
    mask, short = (1 << k) - 1, f"0{k + 1}b"
    codes = _CODES[k]
    for step in set(steps).difference(codes):
        gap = step - 1
        # The quotient in unary (1s), a 0, the remainder in k bits: with a quotient, the binary of
        # one number; without, the remainder padded to k + 1 bits.
        codes[step] = format(((2 << (gap >> k)) - 2) << k | (gap & mask), "b") if gap >> k else format(gap, short)
    bits = "".join(map(codes.__getitem__, steps))
    padded = bits + "0" * (-len(bits) % 24)
    text = base64.urlsafe_b64encode(int(padded, 2).to_bytes(len(padded) // 8, "big")).decode("ascii")
    return DIGITS[k] + text[: -(-len(bits) // 6)]
