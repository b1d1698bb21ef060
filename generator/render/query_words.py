"""Words of a search that are questions for a filter: a place (an area of the region), pay, mode, credit, grade or age.

A family types "paid health care Watts" and means the pay filter, the South LA area and the words "health
care". Matching "Watts" or "paid" as text would find the listings that happen to write them ("sin pago" has
"pago" in it), so the browse script (assets/browse/lift.js) takes these words out of the search, ticks the
filter they ask for instead, and shows it as a chip that can be removed. A ZIP code of the region is taken out
the same way and becomes "near" (assets/browse/near.js), from zips.json.

The words come from two region-editable vocabularies, in every language at once (a Spanish-speaking parent
may use the English page):

- `areas.yml`: each area's names, its `cities` and its `aliases` (neighborhoods, short names such as
  "South LA"). A name that two areas share ("Los Angeles") is left to the text search. Areas without ZIP
  codes or cities (online) are not places.
- `synonyms.yml`: the `words` of each entry that has `pay`, `mode`, `offers` or `grade` (those filters' values);
  with `number: age` (or `grade`), its words hold `{n}` and are written out for every age (grade) the filter
  offers ("{n} year old" -> "15 year old": age 15); with `before`, its words ("near", "in", "for", "cerca de")
  are taken out with the filter words of those kinds that follow them, so "paid internship near Compton" leaves
  "internship", not "internship near".

A place name that is also an ordinary word ("Commerce", "Bell") must not turn a search for the word into a place:
such a name filters by its area only after a `before` word of areas ("in Commerce") or as the whole search. The
names so treated are an area's `ordinary` names, and the one-word names that are words of the other
vocabularies or of synonyms.yml (the names of sectors, formats, skills people search for: "Commerce" is in the
sectors' "e-commerce").

One small file for every language, `browse-data/query-words.json`, fetched the first time a visitor searches
with words: `{"format": 1, "<facet parameter>": {"<phrase>": [value, ...]}, "cues": {"before": {"<phrase>":
[parameter, ...]}, "ordinary": {"<phrase>": [parameter]}}}`, each phrase as its folded words (word_index.words)
joined by one space ("near" is the ZIP code's parameter). Its size grows with the vocabularies, never with the
catalog.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.model import Catalog, VocabItem
from generator.render.encoding import compact_json
from generator.render.facets import AGES, BY_NAME, GRADES, NEAR_PARAMETER
from generator.render.word_index import words

FORMAT = 1
FILE = "query-words.json"
AREAS = "areas"
SYNONYMS = "synonyms"
# The filters a synonyms.yml entry may set with its `words`, in the order a phrase's first entry wins.
LIFTED = ("pay", "mode", "offers", "grade", "age")
NUMBERS = {"age": AGES, "grade": GRADES}  # `number: <facet>`: the values "{n}" is written out for
NUMBER = "{n}"
CUES = "cues"
# Vocabularies whose words are not ordinary words: the places themselves.
PLACES = ("areas", "regions")


def phrase(text: str) -> str:
    """A name as the browse script compares it: its folded words, one space between them."""
    return " ".join(words(text))


def _names(item: VocabItem) -> Iterable[str]:
    yield item.name
    yield from item.names.values()


def area_phrases(catalog: Catalog) -> dict[str, list[str]]:
    """Phrase -> [area id], for the phrases that name one area only."""
    found: dict[str, set[str]] = defaultdict(set)
    for area in catalog.vocabularies.items(AREAS):
        cities = [str(c) for c in area.extra.get("cities") or ()]
        if not cities and not area.extra.get("zips"):
            continue  # not a place (online)
        for text in (*_names(area), *cities, *(str(a) for a in area.extra.get("aliases") or ())):
            if key := phrase(text):
                found[key].add(area.id)
    return {key: sorted(ids) for key, ids in sorted(found.items()) if len(ids) == 1}


def filter_phrases(catalog: Catalog, facet: str) -> dict[str, list[str]]:
    """Phrase -> the facet's values it asks for, from synonyms.yml's entries with that facet (or `number: facet`)."""
    found: dict[str, list[str]] = {}
    for item in catalog.vocabularies.items(SYNONYMS):
        said = item.extra.get("words") or ()
        if item.extra.get("number") == facet:
            for n in NUMBERS[facet]:
                for text in said:
                    if NUMBER in str(text) and (key := phrase(str(text).replace(NUMBER, str(n)))):
                        found.setdefault(key, [str(n)])
            continue
        values = [str(v) for v in item.extra.get(facet) or ()]
        if values:
            for text in said:
                if key := phrase(str(text)):
                    found.setdefault(key, values)
    return dict(sorted(found.items()))


def pay_phrases(catalog: Catalog) -> dict[str, list[str]]:
    """Phrase -> the pay filter's values it asks for, from synonyms.yml's entries with `pay`."""
    return filter_phrases(catalog, "pay")


def _param(kind: str) -> str:
    return NEAR_PARAMETER if kind == NEAR_PARAMETER else BY_NAME[kind].param


def before_phrases(catalog: Catalog) -> dict[str, list[str]]:
    """Phrase -> the parameters of the filter words it may come before ("near" -> area, near), from `before`."""
    found: dict[str, list[str]] = {}
    for item in catalog.vocabularies.items(SYNONYMS):
        params = [_param(str(k)) for k in item.extra.get("before") or ()]
        for text in item.extra.get("words") or () if params else ():
            if key := phrase(str(text)):
                found.setdefault(key, params)
    return dict(sorted(found.items()))


def ordinary_words(catalog: Catalog) -> set[str]:
    """The words of every vocabulary but the places (names and descriptions, every language) and of synonyms.yml."""
    found: set[str] = set()
    for name, items in catalog.vocabularies.lists.items():
        if name in PLACES:
            continue
        for item in items:
            texts = [*_names(item), item.description, *item.descriptions.values()]
            for key, value in item.extra.items():
                if (key in ("finds", "words") or key.startswith("finds_")) and isinstance(value, (list, tuple)):
                    texts += [str(v) for v in value if NUMBER not in str(v)]
            for text in texts:
                found.update(words(text))
    return found


def ordinary_places(catalog: Catalog, areas: dict[str, list[str]]) -> list[str]:
    """The area phrases (of area_phrases) that are also ordinary words: areas.yml's `ordinary`, and those whose
    every word is a word of another vocabulary."""
    common = ordinary_words(catalog)
    listed = {phrase(str(n)) for a in catalog.vocabularies.items(AREAS) for n in a.extra.get("ordinary") or ()}
    # One word only: the words of "South LA" or "Long Beach" are each ordinary, the name together is not.
    return sorted(key for key in areas if key in listed or (" " not in key and key in common))


def table(catalog: Catalog) -> dict[str, object]:
    out: dict[str, object] = {"format": FORMAT}
    areas = area_phrases(catalog)
    if areas:
        out[BY_NAME["area"].param] = areas
    for facet in LIFTED:
        if phrases := filter_phrases(catalog, facet):
            out[BY_NAME[facet].param] = phrases
    cues: dict[str, object] = {}
    if before := before_phrases(catalog):
        cues["before"] = before
    if ordinary := ordinary_places(catalog, areas):
        cues["ordinary"] = {key: [BY_NAME["area"].param] for key in ordinary}
    if cues:
        out[CUES] = cues
    return out


def query_words_json(catalog: Catalog) -> bytes:
    return compact_json(table(catalog))
