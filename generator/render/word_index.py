"""The browse page's word index: which listings have the words a student types, best first.

The browse page already has the listings' cards and facets (browse_index.py); all a word search
must add is "which ordinals match these words". A general search engine answers far more than
that and costs a fixed download before the first result, so this is a small index of our own,
built from the catalog model (not from the pages' HTML) in the page's language.

Words are lowercased, accent-folded (NFD, marks dropped: "Enfermería" -> "enfermeria") and split
on anything that is not a letter or a digit; browse.js folds the query the same way. Per language,
under `browse-data/<lang>/words/`, one file per *shard*: the words whose first two characters are
that shard's key (a one-character word has a one-character key), so a one-word query fetches one
file. A file holds, for its words in sorted order:

- `w` the words; `s` each word's stem: the number of characters to drop from its end, or the
  stem itself when it is not a prefix of the word (Snowball's stem of the accented word, folded;
  the shortest when several spellings fold to one word). The stems are here so that the browser
  needs no stemmer.
- `c`, `p`: how many listings have the word and which, as browse_index.rice() gaps over the
  listings' ordinals (the facet index's ordinals);
- `tc`, `tp`: the same for the listings that have it in their title or organization name.

facets.json's `words` entry lists the shard keys (so that no missing file is ever asked for),
the path of the folder, and the endings that query words may add to a stem (see matches()).

A query word matches an index word when it is a prefix of it ("nurs" -> "nursing"), when both
have the same stem (a query word found in the shard: "nursing" -> "nurse"), or when it is the
index word's stem plus one of the language's endings ("enfermera" = "enferm" + "era" ->
"enfermería"); one-character query words match only themselves, since a prefix of one
character would need every shard that starts with it. Every query word must match (AND).
Listings with more query words in their title or organization come first, then by ordinal.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import snowballstemmer

from ..model import Catalog, Opportunity
from .browse_index import _json, ordered, rice, unrice
from .context import View

FORMAT = 1
FOLDER = "words"
MAX_WORD = 32  # longer "words" are codes or run-together text nobody types
MIN_STEM = 4  # a shorter stem plus an ending would match unrelated words ("car" + "e")
MAX_QUERY_WORDS = 8
STEMMERS = {"en": "english", "es": "spanish"}
# Endings a query word may add to an index word's stem. Inflections mostly: derivational endings
# such as "al" would make "internal" find "intern".
ENDINGS = {
    "en": ("", "s", "es", "e", "ed", "er", "ers", "ing", "ings", "ion", "ions", "ies", "ied", "y", "ly", "ment", "ments"),
    "es": (
        *("", "s", "a", "as", "o", "os", "e", "es", "era", "eras", "ero", "eros", "eria", "erias", "ia", "ias"),
        *("ion", "iones", "cion", "ciones", "ar", "er", "ir", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"),
        *("ando", "iendo", "ante", "antes", "ista", "istas", "mente"),
    ),
}
_WORD = re.compile(r"[^\W_]+")
# Markdown link targets, autolinks, bare URLs, e-mail addresses and tags: not words a student reads.
_NOT_TEXT = re.compile(r"\]\([^)]*\)|<[A-Za-z/!][^>]*>|\b(?:https?|mailto):\S+|\S+@\S+")


@functools.cache
def _marks() -> dict[int, None]:
    """Every combining mark (category M*), for str.translate; browse.js removes \\p{M} the same way."""
    return {cp: None for cp in range(0x110000) if unicodedata.category(chr(cp))[0] == "M"}


def fold(text: str) -> str:
    """Lowercase and drop accents: the same text browse.js gets with toLowerCase, NFD and no \\p{M}."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return unicodedata.normalize("NFD", lowered).translate(_marks())


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return [w for w in _WORD.findall(fold(text)) if len(w) <= MAX_WORD]


def shard_key(word: str) -> str:
    return word[:2]


def shard_file(key: str) -> str:
    """A shard's file name: the key itself when it is ASCII letters and digits, else its code points."""
    if re.fullmatch(r"[a-z0-9]{1,2}", key):
        return key + ".json"
    return "_" + "-".join(format(ord(c), "x") for c in key) + ".json"


@functools.cache
def _stemmer(lang: str) -> Any:
    return snowballstemmer.stemmer(STEMMERS.get(lang, "english"))


@functools.cache
def stem(word: str, lang: str) -> str:
    """Snowball's stem of a lowercased word (accents kept: Spanish endings carry them), folded."""
    return fold(_stemmer(lang).stemWord(word))


def words_and_spellings(text: str) -> tuple[list[str], dict[str, str]]:
    """The folded words of a text, and folded word -> the lowercased word as written, where they differ."""
    lowered = text.lower()
    if lowered.isascii():
        return [w for w in _WORD.findall(lowered) if len(w) <= MAX_WORD], {}
    written = {}
    for raw in _WORD.findall(unicodedata.normalize("NFC", lowered)):
        if not raw.isascii():
            written[fold(raw)] = raw
    return words(text), written


# ---------- what is indexed ----------


def _plain(markdown: str) -> str:
    return _NOT_TEXT.sub(" ", markdown)


def listing_texts(catalog: Catalog, opp: Opportunity, view: View) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(text, its language) pairs: first the title and organization name, then everything else a student may search."""
    lang = view.lang

    def text(value: Any) -> list[tuple[str, str]]:
        return [(value.value, value.lang)] if value else []

    def en(*values: Any) -> list[tuple[str, str]]:
        return [(str(v), "en") for v in values if v]

    def here(*values: str) -> list[tuple[str, str]]:
        return [(v, lang) for v in values if v]

    org = catalog.organizations.get(opp.org_id)
    strong = text(opp.text("title", lang)) + (text(org.text("name", lang)) if org else en(opp.org_id))
    other = text(opp.text("summary", lang))
    description = opp.text("description", lang)
    if description:
        other.append((_plain(description.value), description.lang))
    other += here(view.vocab("formats", opp.format), view.stage_name(opp.stage), view.t(opp.pay_type))
    other += here(*(view.sector_name(s) for s in opp.sectors))
    for pid in opp.pathways:
        pathway = catalog.pathways.get(pid)
        other += text(pathway.text("name", lang)) if pathway else []
    if opp.intermediary and opp.intermediary in catalog.organizations:
        other += text(catalog.organizations[opp.intermediary].text("name", lang))
    eligibility, schedule = opp.section("eligibility"), opp.section("schedule")
    supports, outcomes = opp.section("supports"), opp.section("outcomes")
    other += text(opp.text_in("eligibility", "who", lang)) + text(opp.text_in("application", "how", lang))
    other += en(*(eligibility.get("requirements") or ()), *(outcomes.get("skills") or ()), outcomes.get("credential"))
    other += en(supports.get("training"))
    other += here(*(view.vocab("languages", code) for code in supports.get("languages") or ()))
    if schedule.get("season"):
        other += here(view.vocab("seasons", schedule["season"]))
    transit = opp.text_in("sites", "transit", lang) if lang != "en" else None
    for site in opp.sites:
        other += en(site.name, site.city, site.zip) + here(view.t(site.mode))
        if site.area:
            other += here(view.vocab("areas", site.area))
        if transit is not None and transit.lang == lang and site.transit:
            other.append((transit.value, lang))
        else:
            other += en(site.transit)
    return strong, other


# ---------- building ----------


def build(catalog: Catalog, lang: str) -> tuple[dict[str, tuple[list[int], list[int]]], dict[str, str]]:
    """Word -> (ordinals that have it, ordinals that have it in title or organization); word -> stem."""
    view = View(catalog, lang, "opportunities/")
    postings: dict[str, tuple[list[int], list[int]]] = {}
    # Per language of the text: words as written (stemmed as they are) and accented spellings.
    plain: dict[str, set[str]] = {}
    accented: dict[str, set[tuple[str, str]]] = {}
    for ordinal, opp in enumerate(ordered(catalog)):
        strong, other = listing_texts(catalog, opp, view)
        found: list[set[str]] = [set(), set()]
        for group, texts in ((0, strong), (1, other)):
            for value, text_lang in texts:
                found_words, written = words_and_spellings(value)
                found[group].update(found_words)
                plain.setdefault(text_lang, set()).update(w for w in found_words if w not in written)
                accented.setdefault(text_lang, set()).update(written.items())
        for word in found[0] | found[1]:
            entry = postings.get(word)
            if entry is None:
                entry = postings[word] = ([], [])
            entry[0].append(ordinal)
            if word in found[0]:
                entry[1].append(ordinal)
    candidates = [(w, stem(w, text_lang)) for text_lang, ws in plain.items() for w in ws]
    candidates += [(w, stem(raw, text_lang)) for text_lang, pairs in accented.items() for w, raw in pairs]
    stems: dict[str, str] = {}
    for word, candidate in candidates:
        known = stems.get(word)
        if known is None or (len(candidate), candidate) < (len(known), known):
            stems[word] = candidate  # the shortest: the most words of one family share it
    for word in postings:
        stems.setdefault(word, word)
    return postings, stems


def _stem_code(word: str, word_stem: str) -> int | str:
    return len(word) - len(word_stem) if word.startswith(word_stem) else word_stem


def word_files(catalog: Catalog, lang: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """(facets.json's `words` entry, file name under words/ -> bytes) for one language."""
    n = len(catalog.opportunities)
    postings, stems = build(catalog, lang)
    shards: dict[str, list[str]] = {}
    for word in sorted(postings):
        shards.setdefault(shard_key(word), []).append(word)
    files = {}
    for key, members in shards.items():
        every = [postings[w][0] for w in members]
        strong = [postings[w][1] for w in members]
        files[shard_file(key)] = _json(
            {
                "w": members,
                "s": [_stem_code(w, stems[w]) for w in members],
                "c": [len(p) for p in every],
                "p": [rice(p, n) for p in every],
                "tc": [len(p) for p in strong],
                "tp": [rice(p, n) if p else "" for p in strong],
            }
        )
    meta = {
        "format": FORMAT,
        "path": FOLDER + "/",
        "shards": " ".join(sorted(shards)),
        "endings": list(ENDINGS[lang]),
        "stem": MIN_STEM,
    }
    return meta, files


# ---------- reading and searching (for tests; browse.js does the same) ----------


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
    own = {entry[1] for entry in entries if entry[0] == query_word}
    out = []
    for i, (word, word_stem, _, _) in enumerate(entries):
        extends = len(word_stem) >= min_stem and query_word.startswith(word_stem) and query_word[len(word_stem) :] in endings
        if word.startswith(query_word) or word_stem in own or extends:
            out.append(i)
    return out


def search(query: str, meta: dict[str, Any], load: Callable[[str], dict[str, Any]], n: int) -> list[int]:
    """Ordinals that match every word of a query, best first (see the module's docstring)."""
    terms = list(dict.fromkeys(words(query)))[:MAX_QUERY_WORDS]
    if not terms:
        return []
    keys = set(meta["shards"].split())
    found: set[int] | None = None
    score: dict[int, int] = {}
    for term in terms:
        key = shard_key(term)
        entries = read_shard(load(shard_file(key)), n) if key in keys else []
        hits: set[int] = set()
        strong: set[int] = set()
        for i in matches(term, entries, meta["endings"], meta["stem"]):
            hits.update(entries[i][2])
            strong.update(entries[i][3])
        found = hits if found is None else found & hits
        for ordinal in strong:
            score[ordinal] = score.get(ordinal, 0) + 1
    return sorted(found or (), key=lambda i: (-score.get(i, 0), i))
