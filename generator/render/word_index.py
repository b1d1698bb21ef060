"""The browse page's word index: which listings have the words a student types, best first.

The browse page already has the listings' cards and facets (browse_index.py); all a word search
must add is "which ordinals match these words". A general search engine answers far more than
that and costs a fixed download before the first result, so this is a small index of our own,
built from the catalog model (not from the pages' HTML) in the page's language.

Words are lowercased, accent-folded (NFD, marks dropped: "Enfermería" -> "enfermeria") and split
on anything that is not a letter or a digit; browse/words.js folds the query the same way. Per language,
under `browse-data/<lang>/words/`, one file per *shard*: the words whose first two characters are
that shard's key (a one-character word has a one-character key), so a one-word query fetches one
file. A two-character shard whose file would pass SPLIT_BYTES is *split*: its words go to shards keyed by
their first three characters (the two-character word itself keeps the two-character key), so that "coding"
does not download "community" and "computer"; a two-character query word that is a split key fetches every
shard that extends it (shard_key, query_keys). A file holds, for its words in sorted order:

- `w` the words; `s` each word's stem: the number of characters to drop from its end, or the
  stem itself when it is not a prefix of the word (Snowball's stem of the accented word, folded;
  the shortest when several spellings fold to one word). The stems are here so that the browser
  needs no stemmer.
- `c`, `p`: how many listings have the word and which, as encoding.rice() gaps over the
  listings' ordinals (the facet index's ordinals);
- `tc`, `tp`: the same for the listings that have it in their title or organization name.
- `oc`, `op` (only in a shard with a name of synonyms.yml that adds listings): the listings that have the
  word on their own, as itself anywhere or as a synonym in their title, organization or fields (sectors,
  format, stage and the other labels, skills); -1 and "" when those are all its listings. A listing
  that has it only through a synonym in its prose ranks after them.

facets.json's `words` entry lists the shard keys (so that no missing file is ever asked for), the split
keys, the path of the folder, and the endings that query words may add to a stem (see matches()).

A query word matches an index word when it is a prefix of it ("nurs" -> "nursing"), when both
have the same stem (a query word found in the shard: "nursing" -> "nurse"), or when it is the
index word's stem plus one of the language's endings ("enfermera" = "enferm" + "era" ->
"enfermería"), both words being their stem plus an ending: "programacion" ("program" + "acion") is a
derivation and matches neither "programa" nor the words "programas" matches; one-character query words match only themselves, since a prefix of one
character would need every shard that starts with it. A query word that is itself an index word
is finished: of the longer words it matches only its forms (stem plus an ending), not "hospitality"
for "hospital". Two query words that the index has as one word are that word ("sin pago" is the
pay type's name, indexed as "sinpago"). Every query word must match (AND).

The index also holds, per listing, the words of synonyms.yml's entries whose `finds` the listing
says, and joined and split forms of compounds ("health care", "healthcare"): see
_add_compounds and _add_synonyms.
Listings with more query words in their title or organization come first, then those with more words
of their own (`oc`), then by ordinal.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable, Collection
from itertools import filterfalse, repeat
from operator import itemgetter
from typing import Any

import snowballstemmer
from babel import Locale

from generator import i18n
from generator.model import Catalog, Opportunity, Text
from generator.present.view import View
from generator.render.encoding import compact_json, ordered, rice
from generator.render.facets import SCHOOL, pay_label

FORMAT = 1
FOLDER = "words"
MAX_WORD = 32  # longer "words" are codes or run-together text nobody types
MIN_STEM = 4  # a shorter stem plus an ending would match unrelated words ("car" + "e")
MAX_QUERY_WORDS = 8
# A two-character shard whose file is larger than this is split by the words' first three characters, so that
# a query word does not download every word of a common start ("co": community, computer, coding, ...).
SPLIT_BYTES = 6000
UNPAID = ("unpaid",)  # the pay types whose name is indexed as one word (see listing_texts)
SYNONYMS = "synonyms"  # catalog/vocabularies/synonyms.yml
MIN_PART = 3  # the shortest half of a compound word found in the catalog ("healthcare" = "health" + "care")
MAX_COMPOUND = 24
# Application modes by the name a search finds them under (catalog keys); "apply", the default, has none.
MODE_WORDS = {
    m: "browse_mode_" + m.replace("-", "_")
    for m in ("central", "lottery", "interest-form", "paper", "class-registration", "none")
}
# Endings a query word may add to an index word's stem, by language (ISO 639-1, the locale's language: a site
# language with no entry gets none, and Snowball's stemmer alone). Inflections mostly: derivational endings
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
# Each alternative with what a text must contain for it to match: scanning every position of a
# description for all four took longer than splitting it into words, and most have none.
_NOT_TEXT = (
    (("](",), r"\]\([^)]*\)"),
    (("<",), r"<[A-Za-z/!][^>]*>"),
    (("http", "mailto"), r"\b(?:https?|mailto):\S+"),
    (("@",), r"\S+@\S+"),
)
# ASCII text to its words with spaces between them (lowercased too, for _ASCII_WORDS): anything but
# a letter or a digit a space, so that split() finds what _WORD finds, faster.
_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
_ASCII_WORDS = str.maketrans({c: c.lower() if c.isalnum() else " " for c in map(chr, range(128))})


# Caches of what the catalog's texts hold (their characters, words and stems, and _memo below) grow with
# the catalog: clear_caches() empties them when a build ends (generator/render/caches.py). Those of a
# fixed set of keys (_stemmer, _not_text) are bounded and stay.


@functools.cache
def _is_mark(char: str) -> bool:
    """A combining mark (category M*): browse/words.js removes \\p{M} the same way."""
    return unicodedata.category(char)[0] == "M"


def fold(text: str) -> str:
    """Lowercase and drop accents: the same text browse/words.js gets with toLowerCase, NFD and no \\p{M}."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFD", lowered)
    # Removing each distinct mark is faster than looking up every character of a description.
    for char in set(decomposed):
        if not char.isascii() and _is_mark(char):
            decomposed = decomposed.replace(char, "")
    return decomposed


def _split(folded: str) -> list[str]:
    """_WORD.findall(folded), by split() when the text is ASCII (most text, even Spanish once folded)."""
    return folded.translate(_SPACES).split() if folded.isascii() else _WORD.findall(folded)


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return [w for w in _split(fold(text)) if len(w) <= MAX_WORD]


def shard_key(word: str, split: Collection[str] = ()) -> str:
    """The key of the shard that holds a word: its first two characters, or its first three when the first two
    are a key that is split (`split`), the word itself when it is no longer than the key."""
    key = word[:2]
    while key in split and len(word) > len(key):
        key = word[: len(key) + 1]
    return key


def query_keys(term: str, split: Collection[str], keys: Collection[str]) -> list[str]:
    """The keys of the shards a query word looks in (those in `keys`): its own shard's, and when the word is
    itself a key that is split, every key that extends it, since the words it begins are there ("co" finds
    "coding" in "cod"). The words it matches by stem or ending start with its first three characters, so are
    in its own shard (MIN_STEM is longer than a key)."""
    own = shard_key(term, split)
    out = [own] if own in keys else []
    if own == term and term in split:
        out += sorted(k for k in keys if len(k) > len(term) and k.startswith(term))
    return out


def shard_file(key: str) -> str:
    """A shard's file name: the key itself when it is ASCII letters and digits, else its code points."""
    if re.fullmatch(r"[a-z0-9]{1,3}", key):
        return key + ".json"
    return "_" + "-".join(format(ord(c), "x") for c in key) + ".json"


def language_of(lang: str) -> str:
    """The language (ISO 639-1) of a site language: its catalog's locale says it (es_US → es)."""
    return Locale.parse(i18n.locale(lang)).language


@functools.lru_cache(maxsize=16)
def _stemmer(lang: str) -> Any:
    """Snowball's stemmer for the site language, by the language's English name (English's when Snowball has none)."""
    name = (Locale.parse(i18n.locale(lang)).get_language_name("en") or "").lower()
    return snowballstemmer.stemmer(name if name in snowballstemmer.algorithms() else "english")


@functools.cache
def stem(word: str, lang: str) -> str:
    """Snowball's stem of a lowercased word (accents kept: Spanish endings carry them), folded."""
    return fold(_stemmer(lang).stemWord(word))


_fold_word = functools.cache(fold)  # for single words: accented words recur in thousands of texts


def words_and_spellings(text: str) -> tuple[list[str], dict[str, str]]:
    """The folded words of a text, and folded word -> the lowercased word as written, where they differ."""
    lowered = text.lower()
    if lowered.isascii():
        return words(text), {}
    # Words never span whitespace, so only the pieces between it that are not ASCII need _WORD.
    pieces = " ".join(filterfalse(str.isascii, unicodedata.normalize("NFC", lowered).split()))
    written: dict[str, str] = {}
    # Each distinct spelling once, the last in the text first: that one is kept for its folded word.
    for raw in dict.fromkeys(reversed(_WORD.findall(pieces))):
        if not raw.isascii():
            written.setdefault(_fold_word(raw), raw)
    return words(text), written


# ---------- what is indexed ----------


# A text with accents: its words that are stemmed as they are, and (word, accented spelling) pairs.
_Spelled = tuple[tuple[str, ...], tuple[tuple[str, str], ...]]


class _Memo(dict[str, tuple[str, ...]]):
    """Text -> its distinct words, and markdown -> its plain text, kept from one language's build to the next.

    Most texts are the same in both languages (untranslated descriptions, names, places), and
    labels recur in thousands of listings. Reuse is always right, since only the text decides
    the result; a build for another catalog starts afresh only to bound the memory, and a build's
    end empties it (clear_caches). ASCII texts keep words longer than MAX_WORD: build() drops
    them once, for less than checking every text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.owner = 0
        self.plain: dict[str, str] = {}
        self.spelled: dict[str, _Spelled] = {}  # only texts with accents: the rest are stemmed as they are
        # One object per distinct word, which the texts' tuples share: a copy per text would hold
        # a hundred megabytes at 10,000 listings.
        self.words: dict[str, str] = {}

    def start(self, catalog: Catalog) -> None:
        if self.owner != id(catalog):
            self.reset()
            self.owner = id(catalog)

    def reset(self) -> None:
        self.owner = 0
        self.clear()
        self.plain.clear()
        self.spelled.clear()
        self.words.clear()

    def size(self) -> int:
        return len(self) + len(self.plain) + len(self.spelled) + len(self.words)

    def __missing__(self, text: str) -> tuple[str, ...]:
        if text.isascii():  # most texts: no accented spellings, and a split faster than _WORD's
            found = set(text.translate(_ASCII_WORDS).split())
            distinct = tuple(map(self.words.setdefault, found, found))
        else:
            listed, written = words_and_spellings(text)
            found = set(listed)
            distinct = tuple(map(self.words.setdefault, found, found))
            self.spelled[text] = (tuple(filterfalse(written.__contains__, distinct)), tuple(written.items()))
        self[text] = distinct
        return distinct


_memo = _Memo()
_first = itemgetter(0)


@functools.lru_cache(maxsize=1 << len(_NOT_TEXT))  # one per subset of the alternatives, in their order
def _not_text(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(alternatives))


def _plain(markdown: str) -> str:
    plain = _memo.plain.get(markdown)
    if plain is None:
        # Alternatives that cannot match are left out: the others match where they did.
        possible = tuple(pattern for needs, pattern in _NOT_TEXT if any(n in markdown for n in needs))
        plain = _memo.plain[markdown] = _not_text(possible).sub(" ", markdown) if possible else markdown
    return plain


def clear_caches() -> None:
    _memo.reset()
    _is_mark.cache_clear()
    _fold_word.cache_clear()
    stem.cache_clear()


def cache_sizes() -> dict[str, int]:
    return {
        "render.word_index._memo": _memo.size(),
        "render.word_index._is_mark": _is_mark.cache_info().currsize,
        "render.word_index._fold_word": _fold_word.cache_info().currsize,
        "render.word_index.stem": stem.cache_info().currsize,
    }


def listing_texts(
    catalog: Catalog, opp: Opportunity, view: View, vocab: Callable[[str, str], str] | None = None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(text, its language) pairs: first the title and organization name, then everything else a student may search.

    vocab is view.vocab or a memo of it: vocabularies are looked up item by item.
    """
    strong, other, fields = _listing_texts(catalog, opp, view, vocab)
    return strong, other + fields


def _listing_texts(
    catalog: Catalog, opp: Opportunity, view: View, vocab: Callable[[str, str], str] | None = None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """listing_texts' texts, with the names that say what the listing is (sectors, format, stage and the other
    labels, skills) apart from the prose: a synonym found there ranks a listing like its own word (see build)."""
    lang = view.lang
    vocab = vocab or view.vocab
    org = catalog.organizations.get(opp.org_id)
    title = opp.text("title", lang)
    name = org.text("name", lang) if org else Text(opp.org_id, "en") if opp.org_id else None
    strong = [(t.value, t.lang) for t in (title, name) if t]
    # Contributor text (in the page's language or the one it falls back to), contributor text
    # that is only ever English, and labels in the page's language.
    texts = [opp.text("summary", lang), opp.text_in("eligibility", "who", lang), opp.text_in("application", "how", lang)]
    if opp.track is not None:
        texts.append(opp.track.text("name", lang))  # a track's row is found by the track's own name too
    description = opp.text("description", lang)
    if description:
        texts.append(Text(_plain(description.value), description.lang))
    for pid in opp.pathways:
        pathway = catalog.pathways.get(pid)
        texts.append(pathway.text("name", lang) if pathway else None)
    if opp.intermediary and opp.intermediary in catalog.organizations:
        texts.append(catalog.organizations[opp.intermediary].text("name", lang))
    eligibility, schedule = opp.section("eligibility"), opp.section("schedule")
    supports, outcomes = opp.section("supports"), opp.section("outcomes")
    english = [*(eligibility.get("requirements") or ()), outcomes.get("credential")]
    english += [supports.get("training"), opp.section("pay").get("funded_by"), eligibility.get("residency")]
    english += eligibility.get("schools") or ()
    labels = [vocab("formats", opp.format), view.stage_name(opp.stage)]
    # The name of "unpaid" negates pay ("Sin pago"): its words alone would find paid listings ("pago" is
    # "pagado"), so it is one word ("sinpago"), which browse/words.js finds when the query writes the name.
    paid = pay_label(opp.pay_type, view)
    labels.append("".join(words(paid)) if opp.pay_type in UNPAID else paid)
    # Who may apply and how: labels the listing's page shows, each a few words from a fixed list.
    labels += [
        vocab("populations", p) for p in dict.fromkeys([*eligibility.get("populations", ()), *eligibility.get("priority", ())])
    ]
    labels += [view.t("browse_school_" + s.replace("-", "_")) for s in SCHOOL if s in (eligibility.get("status") or ())]
    labels += view.needs(opp)
    if opp.application_mode in MODE_WORDS:
        labels.append(view.t(MODE_WORDS[opp.application_mode]))
    labels += [vocab("sectors", s) for s in opp.sectors]
    labels += [vocab("endorsements", e) for e in opp.endorsements]
    labels += [vocab("languages", code) for code in supports.get("languages") or ()]
    if schedule.get("season"):
        labels.append(vocab("seasons", schedule["season"]))
    transit = opp.text_in("sites", "transit", lang) if lang != i18n.SOURCE else None
    for site in opp.sites:
        english += (site.name, site.city, site.zip)
        labels.append(view.t(site.mode))
        # Worksites across the whole region are found by the area filter under every area; their words name
        # the region (the page's "Sites across the ... region") rather than every area.
        if site.region_wide:
            labels.append(view.across(site))
        else:
            labels += [vocab("areas", a) for a in site.areas]
        if transit is not None and transit.lang == lang and site.transit:
            labels.append(transit.value)
        else:
            english.append(site.transit)
    other = [(t.value, t.lang) for t in texts if t]
    other += [(str(v), "en") for v in english if v]
    fields = [(v, lang) for v in labels if v]
    fields += [(str(v), "en") for v in outcomes.get("skills") or () if v]
    return strong, other, fields


# ---------- building ----------


def build(catalog: Catalog, lang: str) -> tuple[dict[str, tuple[list[int], list[int], list[int] | None]], dict[str, str]]:
    """Word -> (ordinals that have it, ordinals that have it in title or organization, ordinals that have it
    other than by a synonym in their prose, or None when those are all that have it); word -> stem.

    The third list ranks: a listing that says the word itself, or a synonym of it in its title, sectors,
    format or skills, comes before one whose description only mentions a synonym ("hospital beds" in a plant
    tour is under "health care", after the health listings)."""
    view = View(catalog, lang, "opportunities/")
    vocab = functools.cache(view.vocab)
    _memo.start(catalog)
    analysed = _memo.__getitem__
    every: dict[str, list[int]] = defaultdict(list)
    titles: dict[str, list[int]] = defaultdict(list)
    named: dict[str, list[int]] = defaultdict(list)  # in the title, organization or fields (sectors, format, ...)
    seen: set[tuple[str, str]] = set()  # (text, its language): each distinct text is stemmed once
    texts: list[tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]] = []
    for ordinal, opp in enumerate(ordered(catalog)):
        strong, other, fields = _listing_texts(catalog, opp, view, vocab)
        texts.append((strong, other, fields))
        seen.update(strong, other, fields)
        # map() runs the loops in C: a listing has a hundred words or more, in some thirty texts.
        found = set().union(*map(analysed, map(_first, strong)))
        deque(map(list.append, map(titles.__getitem__, found), repeat(ordinal)), 0)
        found.update(*map(analysed, map(_first, fields)))
        deque(map(list.append, map(named.__getitem__, found), repeat(ordinal)), 0)
        found.update(*map(analysed, map(_first, other)))
        deque(map(list.append, map(every.__getitem__, found), repeat(ordinal)), 0)
    stems: dict[str, str] = {}
    for word, candidate in _stem_candidates(seen):
        known = stems.get(word)
        if known is None or (len(candidate), candidate) < (len(known), known):
            stems[word] = candidate  # the shortest: the most words of one family share it
    groups = _synonym_groups(catalog)
    _add_compounds(every, titles, named, texts, groups)
    own = _add_synonyms(every, titles, named, stems, groups)
    postings = {
        word: (ordinals, titles.get(word, []), own.get(word)) for word, ordinals in every.items() if len(word) <= MAX_WORD
    }
    for word in postings:
        stems.setdefault(word, stem(word, lang))
    return postings, stems


# ---------- compounds and synonyms ----------
#
# Both are applied here, to the postings, so that the browser downloads nothing more: a listing that
# says "health care" is also under "healthcare", one that says "software" also under "coding". A
# query-side alternative (splitting "healthcare" in the browser) would fetch a shard for every
# place the word could be split.


# (the names a search types, each as its words; the words or phrases it also finds, with their languages)
_Group = tuple[tuple[tuple[str, ...], ...], tuple[tuple[tuple[str, ...], str], ...]]


def _synonym_groups(catalog: Catalog) -> list[_Group]:
    """synonyms.yml's entries: a search for any name of an entry also finds what its names and `finds` say."""
    groups = []
    for item in catalog.vocabularies.items(SYNONYMS):
        if not any(key == "finds" or key.startswith("finds_") for key in item.extra):
            continue  # only a pay question (query_words.py): its names must not find listings that say them
        written = [(item.name, i18n.SOURCE), *((name, name_lang) for name_lang, name in item.names.items())]
        for key, value in item.extra.items():
            field, _, text_lang = key.partition("_")
            if field == "finds" and isinstance(value, (list, tuple)):
                written += [(str(v), text_lang or i18n.SOURCE) for v in value]
        names = tuple(dict.fromkeys(tuple(words(name)) for name, _ in written[: 1 + len(item.names)]))
        finds = tuple(dict.fromkeys((tuple(words(text)), text_lang) for text, text_lang in written))
        groups.append((tuple(n for n in names if n), tuple(f for f in finds if f[0])))
    return groups


def _add_compounds(
    every: dict[str, list[int]], titles: dict[str, list[int]], named: dict[str, list[int]], texts: list[Any], groups: list[_Group]
) -> None:
    """Joined and split forms: "health care" is also "healthcare", and "healthcare" "health" and "care".

    A pair of words is joined when the joined word is a word of the catalog or a phrase of synonyms.yml;
    a catalog word is split in two when its halves are written apart somewhere, or in synonyms.yml.
    """
    phrases: dict[tuple[str, ...], str] = {}
    for names, finds in groups:
        for phrase in (*names, *(f for f, _ in finds)):
            if len(phrase) > 1 and len("".join(phrase)) <= MAX_WORD:
                phrases[phrase] = "".join(phrase)
    known = set(every)
    for word in known:
        if 2 * MIN_PART <= len(word) <= MAX_COMPOUND:
            for cut in range(MIN_PART, len(word) - MIN_PART + 1):
                if word[:cut] in known and word[cut:] in known:
                    phrases.setdefault((word[:cut], word[cut:]), word)
    if not phrases:
        return
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for phrase, joined in phrases.items():
        by_first[phrase[0]].append((phrase, joined))
    found: dict[str, tuple[str, ...]] = {}  # text -> the joined words of the phrases it writes
    for strong, other, fields in texts:
        for text, _ in (*strong, *other, *fields):
            if text not in found:
                found[text] = _phrases_in(text, by_first) if by_first.keys() & _memo[text] else ()
    written = {word for joined_words in found.values() for word in joined_words}  # phrases the catalog writes apart
    written.update("".join(phrase) for names, finds in groups for phrase in (*names, *(f for f, _ in finds)))
    touched: set[str] = set()
    for ordinal, (strong, other, fields) in enumerate(texts):
        title = {j for text, _ in strong for j in found[text]}
        field = title | {j for text, _ in fields for j in found[text]}
        in_text = field | {j for text, _ in other for j in found[text]}
        for j in in_text:
            every[j].append(ordinal)
        for j in field:
            named[j].append(ordinal)
        for j in title:
            titles[j].append(ordinal)
        touched |= in_text
    for word in touched:  # a joined word the catalog also writes as one has its ordinals twice, out of order
        every[word] = sorted(set(every[word]))
        titles[word] = sorted(set(titles[word]))
        named[word] = sorted(set(named[word]))
    splits = {one: phrase for phrase, one in phrases.items() if one in written and one in known}
    for one, phrase in splits.items():
        for part in phrase:
            _merge(every, part, every[one])
            _merge(titles, part, titles.get(one, []))
            _merge(named, part, named.get(one, []))


def _phrases_in(text: str, by_first: dict[str, list[tuple[tuple[str, ...], str]]]) -> tuple[str, ...]:
    """The joined words of the phrases a text writes (by_first: a phrase's first word -> (phrase, joined word))."""
    sequence = words(text)
    out = []
    for i, word in enumerate(sequence):
        for phrase, joined in by_first.get(word, ()):
            if tuple(sequence[i : i + len(phrase)]) == phrase:
                out.append(joined)
    return tuple(dict.fromkeys(out))


def _merge(table: dict[str, list[int]], word: str, ordinals: list[int]) -> None:
    if ordinals:
        table[word] = sorted(set(table.get(word, ())).union(ordinals))


def _add_synonyms(
    every: dict[str, list[int]],
    titles: dict[str, list[int]],
    named: dict[str, list[int]],
    stems: dict[str, str],
    groups: list[_Group],
) -> dict[str, list[int]]:
    """Each listing that says one of an entry's `finds` (or another form of it) is also under the entry's names.

    Returns, for each name word this adds listings to, the listings that have it on their own: those that said it
    before, and those that say a `finds` in their title, organization or fields (named)."""
    ordered_words = sorted(every)
    known = set(ordered_words)
    own: dict[str, list[int]] = {}
    for names, finds in groups:
        hits: set[int] = set()
        strong: set[int] = set()
        fields: set[int] = set()
        for phrase, text_lang in finds:
            for word in _forms("".join(phrase), text_lang, ordered_words, known):
                hits.update(every[word])
                strong.update(titles.get(word, ()))
                fields.update(named.get(word, ()))
        if not hits:
            continue
        for name in names:
            for word in {"".join(name), *name}:
                own.setdefault(word, list(every.get(word, ())))
                _merge(every, word, sorted(hits))
                _merge(titles, word, sorted(strong))
                _merge(own, word, sorted(fields))
    # A name whose every listing has it on its own needs no list of its own.
    return {word: ordinals for word, ordinals in own.items() if len(ordinals) < len(every[word])}


def _forms(word: str, lang: str, ordered_words: list[str], known: set[str]) -> list[str]:
    """The index words that are a form of a (folded) word: itself, or its Snowball stem plus one of the language's
    endings when the word is that stem plus one too. Not every word with its stem: "hospitality" has the stem of
    "hospital", and a synonym of "hospital" must not find hotels."""
    word_stem = stem(word, lang)
    endings = set(ENDINGS.get(language_of(lang), ("",)))
    if len(word_stem) < MIN_STEM or not word.startswith(word_stem) or word[len(word_stem) :] not in endings:
        return [word] if word in known else []
    out = []
    for other in ordered_words[bisect.bisect_left(ordered_words, word_stem) :]:
        if not other.startswith(word_stem):
            break
        if other[len(word_stem) :] in endings:
            out.append(other)
    return out


def _stem_candidates(seen: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """(word, a stem of it): the words of each language's texts stemmed in it, as the texts write them."""
    candidates: set[tuple[str, str]] = set()
    for text_lang in {text_lang for _, text_lang in seen}:
        texts = [text for text, other_lang in seen if other_lang == text_lang]
        spelled = [_memo.spelled[text] for text in filterfalse(str.isascii, texts)]
        plain = set().union(*map(_memo.__getitem__, filter(str.isascii, texts)), *map(_first, spelled))
        candidates.update((word, stem(word, text_lang)) for word in plain if len(word) <= MAX_WORD)
        accented = set().union(*(pairs for _, pairs in spelled))
        candidates.update((word, stem(spelling, text_lang)) for word, spelling in accented if len(word) <= MAX_WORD)
    return candidates


def _stem_code(word: str, word_stem: str) -> int | str:
    return len(word) - len(word_stem) if word.startswith(word_stem) else word_stem


def word_files(catalog: Catalog, lang: str, split_bytes: int = SPLIT_BYTES) -> tuple[dict[str, Any], dict[str, bytes]]:
    """(facets.json's `words` entry, file name under words/ -> bytes) for one language."""
    n = sum(len(opp.rows) for opp in catalog.opportunities.values())  # the ordinals of ordered(): one per row
    postings, stems = build(catalog, lang)
    shards: dict[str, list[str]] = {}
    for word in sorted(postings):
        shards.setdefault(shard_key(word), []).append(word)
    encoded: dict[str, bytes] = {}
    split: list[str] = []
    for key, members in shards.items():
        data = _shard_json(members, postings, stems, n)
        if len(data) <= split_bytes or len(key) < 2 or all(len(w) <= len(key) for w in members):
            encoded[key] = data
            continue
        split.append(key)
        parts: dict[str, list[str]] = {}
        for word in members:
            parts.setdefault(shard_key(word, (key,)), []).append(word)
        encoded.update((part, _shard_json(words_of, postings, stems, n)) for part, words_of in parts.items())
    meta = {
        "format": FORMAT,
        "path": FOLDER + "/",
        "shards": " ".join(sorted(encoded)),
        "split": " ".join(sorted(split)),
        "endings": list(ENDINGS.get(language_of(lang), ("",))),
        "stem": MIN_STEM,
    }
    return meta, {shard_file(key): data for key, data in encoded.items()}


def _shard_json(
    members: list[str], postings: dict[str, tuple[list[int], list[int], list[int] | None]], stems: dict[str, str], n: int
) -> bytes:
    """One shard's file: its words (sorted) with their stems and posting lists."""
    every = [postings[w][0] for w in members]
    strong = [postings[w][1] for w in members]
    own = [postings[w][2] for w in members]
    shard: dict[str, Any] = {
        "w": members,
        "s": [_stem_code(w, stems[w]) for w in members],
        "c": [len(p) for p in every],
        "p": [rice(p, n) for p in every],
        "tc": [len(p) for p in strong],
        "tp": [rice(p, n) if p else "" for p in strong],
    }
    if any(p is not None for p in own):
        # Only synonyms' names have them: -1 and "" for a word whose listings all have it on their own.
        shard["oc"] = [-1 if p is None else len(p) for p in own]
        shard["op"] = [rice(p, n) if p else "" for p in own]
    return compact_json(shard)
