// The browse indexes over the network, each file fetched once: the facet index first, then only what
// the results on screen need (card shards, a sort's ranks, the word index's shards). A failed request
// is forgotten, so that the next use asks again.
//
// getJson(url) -> Promise of the parsed file is given (main.js fetches), so that the store runs anywhere.

import { cardGrades, cardRecord, decodeIndex, decodeWordShard, facetValues, sortOrder as decodeSortOrder } from "./index.js";
import { joinTerms, queryWords, searchShards, shardFile, shardKey } from "./words.js";

const WORD_SEARCHES = 20; // word searches kept

// A promise kept in a cache under a key until it fails.
function cached(cache, key, make) {
  if (!cache.has(key)) {
    const promise = make();
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return cache.get(key);
}

export function createStore(indexUrl, getJson) {
  let index = null;
  const shards = new Map(); // shard number -> Promise of its cards
  const sortOrders = new Map(); // sort name -> Promise of ordinals in that order
  const wordShards = new Map(); // shard key -> Promise of a decoded shard of the word index, or null
  const wordCache = new Map(); // search words -> Promise of {bits, order}

  // Fetches and decodes facets.json; the other methods need it.
  async function load() {
    index = decodeIndex(await getJson(indexUrl), indexUrl);
    return index;
  }

  // The cards of shard k.
  function shard(k) {
    return cached(shards, k, () => getJson(new URL("cards-" + k + ".json", indexUrl)));
  }

  // The shard that holds ordinal i's card.
  function shardOf(i) {
    return Math.floor(i / index.shard);
  }

  // Ordinal i's card record, with its format and grades from the facet index.
  async function card(i) {
    const record = cardRecord(await shard(shardOf(i)), i, index.shard, index.base);
    record.format = facetValues(index, "format", i)[0] || "";
    record.grades = cardGrades(index, record, i);
    return record;
  }

  // Listings in a sort's order: the ranks come in a small file, fetched the first time the sort is used.
  function sortOrder(name) {
    return cached(sortOrders, name, () => getJson(new URL("sort-" + name + ".json", indexUrl)).then((data) => decodeSortOrder(data, index.n)));
  }

  function wordShard(key) {
    return cached(wordShards, key, async () => {
      if (!index.wordIndex) throw new Error("word index: missing or of an unknown format");
      if (!index.wordIndex.keys.has(key)) return null; // no word starts so: nothing to fetch
      return decodeWordShard(await getJson(new URL(shardFile(key), index.wordIndex.path)));
    });
  }

  // Which listings have every word of a search, best first: {bits, order}, with the words looked up and their
  // shards ({terms, shards}, for suggestions when nothing matches). The last searches are kept.
  function wordSearch(text) {
    const hadIt = wordCache.has(text);
    const promise = cached(wordCache, text, async () => {
      const words = queryWords(text, index.limits);
      const { terms, shards: found } = joinTerms(words, await Promise.all(words.map((term) => wordShard(shardKey(term)))));
      return { ...searchShards(terms, found, index.wordIndex, index.n, index.all), terms, shards: found };
    });
    if (!hadIt && wordCache.size > WORD_SEARCHES) wordCache.delete(wordCache.keys().next().value);
    return promise;
  }

  // While typing: fetch the shards of the words so far (a failure shows when the search runs).
  function prefetchWords(text) {
    if (!index || !index.wordIndex) return;
    for (const term of queryWords(text, index.limits)) wordShard(shardKey(term)).catch(() => {});
  }

  return {
    load, shard, shardOf, card, sortOrder, wordShard, wordSearch, prefetchWords,
    get index() { return index; },
    hasShard: (k) => shards.has(k),
  };
}
