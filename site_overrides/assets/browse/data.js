// The browse indexes over the network, each file fetched once: the facet index first, then only what
// the results on screen need (card shards, a sort's ranks, the files of the facets in use, the word index's
// shards). A failed request
// is forgotten, so that the next use asks again.
//
// getJson(url) -> Promise of the parsed file is given (main.js fetches), so that the store runs anywhere.

import { addFacet, cardRecord, decodeIndex, decodeWordShard, mergeShards, sortOrder as decodeSortOrder } from "./index.js";
import { joinTerms, queryKeys, queryWords, searchShards, shardFile } from "./words.js";

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
  const facetFiles = new Map(); // facet name -> Promise of its file, added to the index

  // Fetches and decodes facets.json; the other methods need it.
  async function load() {
    index = decodeIndex(await getJson(indexUrl), indexUrl);
    facetFiles.clear(); // a new index has none of the facets' files yet
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

  // Ordinal i's card record.
  async function card(i) {
    return cardRecord(await shard(shardOf(i)), i, index.shard, index.base);
  }

  // The facets `names` in the index: those that facets.json leaves to files of their own are fetched the first
  // time (index.js addFacet). Resolves to the index once all of them are there.
  async function facets(names) {
    const wanted = [...new Set(names)].filter((name) => index.lazy.has(name));
    await Promise.all(wanted.map((name) => cached(facetFiles, name, async () => {
      const entry = index.lazy.get(name);
      if (entry) addFacet(index, name, await getJson(entry.url));
    })));
    return index;
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

  // The shards a query word looks in (words.js queryKeys), fetched, as one decoded shard (null: none).
  function termKeys(term) {
    if (!index.wordIndex) throw new Error("word index: missing or of an unknown format");
    return queryKeys(term, index.wordIndex.split, index.wordIndex.keys);
  }
  async function termShard(term) {
    return mergeShards(await Promise.all(termKeys(term).map(wordShard)));
  }

  // Which listings have every word of a search, best first: {bits, order}, with the words looked up and their
  // shards ({terms, shards}, for suggestions when nothing matches). The last searches are kept.
  function wordSearch(text) {
    const hadIt = wordCache.has(text);
    const promise = cached(wordCache, text, async () => {
      const words = queryWords(text, index.limits);
      const { terms, shards: found } = joinTerms(words, await Promise.all(words.map(termShard)));
      return { ...searchShards(terms, found, index.wordIndex, index.n, index.all), terms, shards: found };
    });
    if (!hadIt && wordCache.size > WORD_SEARCHES) wordCache.delete(wordCache.keys().next().value);
    return promise;
  }

  // While typing: fetch the shards of the words so far (a failure shows when the search runs). Not those of a
  // ZIP code, which the search usually takes as a place (main.js liftQuery) rather than words.
  function prefetchWords(text) {
    if (!index || !index.wordIndex) return;
    for (const term of queryWords(text, index.limits)) {
      if (/^\d{5}$/.test(term)) continue;
      for (const key of termKeys(term)) wordShard(key).catch(() => {});
    }
  }

  return {
    load, shard, shardOf, card, facets, sortOrder, wordShard, wordSearch, prefetchWords,
    get index() { return index; },
    hasShard: (k) => shards.has(k),
  };
}
