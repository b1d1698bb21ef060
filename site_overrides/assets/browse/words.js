// Search words: what the page does to a query, as the generator's word_index does to the catalog's text
// (fold, words, shard_key, shard_file, matches, search). The limits are word_index's, given in the facet
// index (`limits`): `word`, the longest word (longer query words are left out, as the index leaves them
// out), and `query_words`, the most words of a query looked up.

import { ascending, unionInto } from "./bits.js";
import { unrice } from "./rice.js";

// The query when it has a letter or a digit (trimmed), else null: no word search.
export function searchTerm(q) {
  const text = (q || "").trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : null;
}

// Lowercase, accents dropped (NFD, no combining marks): word_index.fold.
export function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "");
}

// The folded words of a text, in order: split on anything that is not a letter or a digit, none
// longer than maxWord characters (word_index.words).
export function words(text, maxWord) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w && [...w].length <= maxWord);
}

// The distinct words of a query, in order, at most limits.query_words, none longer than limits.word.
export function queryWords(text, limits) {
  return [...new Set(words(text, limits.word))].slice(0, limits.query_words);
}

// A word's shard: its first two characters (code points, as in Python).
export function shardKey(word) {
  return [...word].slice(0, 2).join("");
}

// A shard's file name: the key itself when it is a-z and 0-9, else its characters' code points.
export function shardFile(key) {
  if (/^[a-z0-9]{1,2}$/.test(key)) return key + ".json";
  return "_" + [...key].map((c) => c.codePointAt(0).toString(16)).join("-") + ".json";
}

// Positions of the words of a decoded shard that a query word matches: those it begins (a prefix),
// those with its stem, and those whose stem it extends by one of the language's endings (a Set), when
// that stem has at least minStem characters. A one-character query word matches only itself.
export function matchWords(term, shard, endings, minStem) {
  const out = [];
  if ([...term].length === 1) {
    shard.w.forEach((w, i) => { if (w === term) out.push(i); });
    return out;
  }
  const own = new Set();
  shard.w.forEach((w, i) => { if (w === term) own.add(shard.stems[i]); });
  shard.w.forEach((w, i) => {
    const stem = shard.stems[i];
    const extends_ = [...stem].length >= minStem && term.startsWith(stem) && endings.has(term.slice(stem.length));
    if (w.startsWith(term) || own.has(stem) || extends_) out.push(i);
  });
  return out;
}

// The listings that have every query word, best first: more words in the title or organization
// first, then by ordinal. shards[t] is the decoded shard of terms[t] (null: no word starts so);
// wordIndex gives the endings and the shortest stem; all is the bitset of every listing, n its size.
// Returns {bits, order}: the matching listings as a bitset, and their ordinals in order.
export function searchShards(terms, shards, wordIndex, n, all) {
  let bits = null;
  const score = new Uint8Array(n);
  for (let t = 0; t < terms.length; t++) {
    const hits = new Uint32Array(all.length);
    const strong = new Uint32Array(all.length);
    const s = shards[t];
    for (const i of s ? matchWords(terms[t], s, wordIndex.endings, wordIndex.stem) : []) {
      unionInto(hits, unrice(s.p[i], s.c[i], n, all));
      if (s.tc[i]) unionInto(strong, unrice(s.tp[i], s.tc[i], n, all));
    }
    for (const ordinal of ascending(strong)) score[ordinal]++;
    if (bits) for (let w = 0; w < bits.length; w++) bits[w] &= hits[w];
    else bits = hits;
  }
  bits = bits || new Uint32Array(all.length);
  const buckets = [];
  for (const i of ascending(bits)) (buckets[terms.length - score[i]] = buckets[terms.length - score[i]] || []).push(i);
  return { bits, order: buckets.flat() };
}
