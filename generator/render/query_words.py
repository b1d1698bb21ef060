"""Words of a search that are questions for a filter: a place (an area of the region) or pay.

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
- `synonyms.yml`: the `words` of each entry that has `pay` (the pay filter's values).

One small file for every language, `browse-data/query-words.json`, fetched the first time a visitor searches
with words: `{"format": 1, "<facet parameter>": {"<phrase>": [value, ...]}}`, each phrase as its folded words
(word_index.words) joined by one space. Its size grows with the vocabularies, never with the catalog.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.model import Catalog, VocabItem
from generator.render.encoding import compact_json
from generator.render.facets import BY_NAME
from generator.render.word_index import words

FORMAT = 1
FILE = "query-words.json"
AREAS = "areas"
SYNONYMS = "synonyms"


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


def pay_phrases(catalog: Catalog) -> dict[str, list[str]]:
    """Phrase -> the pay filter's values it asks for, from synonyms.yml's entries with `pay`."""
    found: dict[str, list[str]] = {}
    for item in catalog.vocabularies.items(SYNONYMS):
        values = [str(v) for v in item.extra.get("pay") or ()]
        if not values:
            continue
        for text in item.extra.get("words") or ():
            if key := phrase(str(text)):
                found.setdefault(key, values)
    return dict(sorted(found.items()))


def table(catalog: Catalog) -> dict[str, object]:
    out: dict[str, object] = {"format": FORMAT}
    for facet, phrases in (("area", area_phrases(catalog)), ("pay", pay_phrases(catalog))):
        if phrases:
            out[BY_NAME[facet].param] = phrases
    return out


def query_words_json(catalog: Catalog) -> bytes:
    return compact_json(table(catalog))
