"""Reference decoders of the browse page's indexes, in Python, for the tests.

They read what generator/render/encoding.py and word_index.py write, the way the browse page's modules
(site_overrides/assets/browse/rice.js, index.js, words.js) do, so tests can search a built index without a
browser and tests/js/make_golden.py can write the answers the JavaScript tests expect.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from generator.render.encoding import DIGITS
from generator.render.word_index import MAX_QUERY_WORDS, query_keys, shard_file, words


def unrice(text: str, count: int, n: int) -> list[int]:
    """The inverse of rice(), given how many ordinals it holds (for tests; browse/rice.js does the same)."""
    if text.startswith("!"):
        missing = set(unrice(text[1:], n - count, n))
        return [i for i in range(n) if i not in missing]
    k = DIGITS.index(text[0])
    bits = [(DIGITS.index(c) >> shift) & 1 for c in text[1:] for shift in range(5, -1, -1)]
    out, position, previous = [], 0, -1
    for _ in range(count):
        quotient = 0
        while bits[position]:
            quotient += 1
            position += 1
        position += 1
        remainder = 0
        for _ in range(k):
            remainder = remainder << 1 | bits[position]
            position += 1
        previous += (quotient << k | remainder) + 1
        out.append(previous)
    return out


def row_sets(data: dict[str, Any], size: int | None, n: int) -> list[list[int]]:
    """Per ordinal its set of values (below size, when given), from either encoding of browse_index.encode_rows
    (browse/index.js rowSets)."""
    if "post" in data:
        rows: list[list[int]] = [[] for _ in range(n)]
        for value, (text, count) in enumerate(zip(data["post"], data["counts"], strict=True)):
            for ordinal in unrice(text, count, n):
                rows[ordinal].append(value)
        return rows
    width, col = data["width"], data["col"]
    assert len(col) == n * width
    out = []
    for i in range(n):
        code = 0
        for c in col[i * width : (i + 1) * width]:
            code = code * 64 + DIGITS.index(c)
        out.append(list(data["sets"][code]))
    assert size is None or all(v < size for row in out for v in row)
    return out


def read_shard(data: dict[str, Any], n: int) -> list[tuple[str, str, list[int], list[int]]]:
    """A shard decoded: (word, stem, ordinals, title-or-organization ordinals) per word."""
    out = []
    for i, word in enumerate(data["w"]):
        code = data["s"][i]
        word_stem = word[: len(word) - code] if isinstance(code, int) else code
        strong = unrice(data["tp"][i], data["tc"][i], n) if data["tc"][i] else []
        out.append((word, word_stem, unrice(data["p"][i], data["c"][i], n), strong))
    return out


def matches(query_word: str, entries: Sequence[tuple[str, str, Any, Any]], endings: Iterable[str], min_stem: int) -> list[int]:
    """Positions in a shard's entries of the index words that a (folded) query word matches."""
    if len(query_word) == 1:
        return [i for i, entry in enumerate(entries) if entry[0] == query_word]
    endings = set(endings)
    finished = any(entry[0] == query_word for entry in entries)
    # Its stem only when it is that stem plus an ending: "programacion" ("program" + "acion") is a derivation.
    own = {e[1] for e in entries if e[0] == query_word and query_word.startswith(e[1]) and query_word[len(e[1]) :] in endings}
    out = []
    for i, (word, word_stem, _, _) in enumerate(entries):
        long = len(word_stem) >= min_stem
        inflected = word.startswith(word_stem) and word[len(word_stem) :] in endings  # not a derivation of its stem
        extends = long and inflected and query_word.startswith(word_stem) and query_word[len(word_stem) :] in endings
        extends = extends and not (finished and query_word == word_stem)
        begins = word.startswith(query_word) and (not finished or word[len(query_word) :] in endings)  # finished: endings only
        same_stem = word_stem in own and long and word.startswith(word_stem) and word[len(word_stem) :] in endings
        if begins or same_stem or extends:
            out.append(i)
    return out


def join_terms(terms: list[str], shards: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    """Two query words in a row that the shard of the first has as one word, as that word (browse/words.js joinTerms)."""
    out_terms: list[str] = []
    out_shards: list[list[Any]] = []
    t = 0
    while t < len(terms):
        joined = terms[t] + terms[t + 1] if t + 1 < len(terms) else ""
        one = bool(joined) and len(terms[t]) >= 2 and any(entry[0] == joined for entry in shards[t])
        out_terms.append(joined if one else terms[t])
        out_shards.append(shards[t])
        t += 2 if one else 1
    return out_terms, out_shards


def term_files(term: str, meta: dict[str, Any]) -> list[str]:
    """The files of the shards a (folded) query word looks in (word_index.query_keys)."""
    return [shard_file(k) for k in query_keys(term, set(meta.get("split", "").split()), set(meta["shards"].split()))]


def term_entries(term: str, meta: dict[str, Any], load: Callable[[str], dict[str, Any]], n: int) -> list[Any]:
    """The entries of the shards a query word looks in, one after the other (browse/index.js mergeShards)."""
    return [entry for name in term_files(term, meta) for entry in read_shard(load(name), n)]


def search(query: str, meta: dict[str, Any], load: Callable[[str], dict[str, Any]], n: int) -> list[int]:
    """Ordinals that match every word of a query, best first (see the module's docstring)."""
    terms = list(dict.fromkeys(words(query)))[:MAX_QUERY_WORDS]
    if not terms:
        return []
    shards = [term_entries(t, meta, load, n) for t in terms]
    terms, shards = join_terms(terms, shards)
    found: set[int] | None = None
    score: dict[int, int] = {}
    for term, entries in zip(terms, shards, strict=True):
        hits: set[int] = set()
        strong: set[int] = set()
        for i in matches(term, entries, meta["endings"], meta["stem"]):
            hits.update(entries[i][2])
            strong.update(entries[i][3])
        found = hits if found is None else found & hits
        for ordinal in strong:
            score[ordinal] = score.get(ordinal, 0) + 1
    return sorted(found or (), key=lambda i: (-score.get(i, 0), i))


def whole_facets(index: dict[str, Any], load: Callable[[str], dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """facets.json's facets with those it leaves to files of their own put back (browse_index.split_facets), as the
    browse page has them once every file has come: `load(file name)` gives a file of the same folder, parsed."""
    out = {}
    for name, facet in index["facets"].items():
        if "file" in facet:
            own = load(facet["file"])
            # The file's `counts` are part of a Rice-coded encoding; beside `sets` they are only the totals.
            extra = ("format", "labels") if "post" in own else ("format", "labels", "counts")
            facet = {key: value for key, value in own.items() if key not in extra}
        out[name] = facet
    return out
