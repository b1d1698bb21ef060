// Search words: what the page does to a query, as the generator's word_index does to the catalog's text
// (fold, words, shard_key, query_keys, shard_file, matches, search). The limits are word_index's, given in the facet
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

// The key of the shard that holds a word: its first two characters (code points, as in Python), or its first
// three when the first two are a split key (`split`, a Set), the word itself when it is no longer than the key.
export function shardKey(word, split = new Set()) {
  const chars = [...word];
  let size = Math.min(2, chars.length);
  while (split.has(chars.slice(0, size).join("")) && chars.length > size) size++;
  return chars.slice(0, size).join("");
}

// The keys of the shards a query word looks in, of those in `keys` (a Set): its own shard's, and when the word is
// itself a split key, every key that extends it, where the words it begins are ("co" finds "coding" in "cod").
export function queryKeys(term, split, keys) {
  const own = shardKey(term, split);
  const out = keys.has(own) ? [own] : [];
  if (own === term && split.has(term)) {
    const size = [...term].length;
    out.push(...[...keys].filter((k) => [...k].length > size && k.startsWith(term)).sort());
  }
  return out;
}

// A shard's file name: the key itself when it is a-z and 0-9, else its characters' code points.
export function shardFile(key) {
  if (/^[a-z0-9]{1,3}$/.test(key)) return key + ".json";
  return "_" + [...key].map((c) => c.codePointAt(0).toString(16)).join("-") + ".json";
}

// Positions of the words of a decoded shard that a query word matches: those it begins (a prefix),
// those with its stem, and those whose stem it extends by one of the language's endings (a Set), when
// that stem has at least minStem characters. A query word that is itself a word of the index is a
// finished word: it matches the longer words that add one of the endings to it or to its stem
// ("nurse" -> "nurses", "nursing"), not any word it begins or any with its stem ("hospital" and
// "hospitality" have one stem; Spanish "hospitalidad" has "hospital" for stem), and the words with its stem only
// when it is an inflection of that stem ("nursing", not "programacion"); stems shorter than
// minStem match nothing else ("solar" and "solo" share "sol"). A one-character query word matches only itself.
export function matchWords(term, shard, endings, minStem) {
  const out = [];
  if ([...term].length === 1) {
    shard.w.forEach((w, i) => { if (w === term) out.push(i); });
    return out;
  }
  // The query word's stem, when the word is that stem plus one of the endings: "programacion" is "program" plus
  // "acion", a derivation, so it does not match every word of "program" ("programa"); "nursing" is "nurs" + "ing".
  const own = new Set();
  let finished = false;
  shard.w.forEach((w, i) => {
    if (w !== term) return;
    finished = true;
    const stem = shard.stems[i];
    if (term.startsWith(stem) && endings.has(term.slice(stem.length))) own.add(stem);
  });
  shard.w.forEach((w, i) => {
    const stem = shard.stems[i];
    const long = [...stem].length >= minStem;
    // Both inflections of one stem: "programas" does not match "programacion" (stem "program" + "acion").
    const inflected = w.startsWith(stem) && endings.has(w.slice(stem.length));
    const extends_ = long && inflected && term.startsWith(stem) && endings.has(term.slice(stem.length)) && !(finished && term === stem);
    const begins = w.startsWith(term) && (!finished || endings.has(w.slice(term.length)));
    const sameStem = own.has(stem) && long && w.startsWith(stem) && endings.has(w.slice(stem.length));
    if (begins || sameStem || extends_) out.push(i);
  });
  return out;
}

// Two query words in a row that the index has as one word are looked up as that word: "sin pago" is
// the name of a pay type, indexed as "sinpago" so that its words do not find paid listings, and "health
// care" is "healthcare". The joined word is in the first word's shard, already fetched. shards[t] is
// the decoded shard of terms[t]; returns {terms, shards} with the pairs joined.
export function joinTerms(terms, shards) {
  const out = { terms: [], shards: [] };
  for (let t = 0; t < terms.length; t++) {
    const joined = t + 1 < terms.length ? terms[t] + terms[t + 1] : "";
    const s = shards[t];
    const one = joined && s && [...terms[t]].length >= 2 && s.w.includes(joined);
    out.terms.push(one ? joined : terms[t]);
    out.shards.push(s);
    if (one) t++;
  }
  return out;
}

// The listings that have every query word, best first: more words in the title or organization
// first; then more words the listing has on its own (itself, or a synonym in its title, sectors, format or
// skills) rather than only by a synonym its description mentions; then by ordinal. shards[t] is the
// decoded shard of terms[t] (null: no word starts so); wordIndex gives the endings and the shortest stem;
// all is the bitset of every listing, n its size.
// Returns {bits, order, own}: the matching listings as a bitset, their ordinals in order, and as a bitset those
// that have every word on their own (a nearest-first sort puts them first: main.js sorted).
export function searchShards(terms, shards, wordIndex, n, all) {
  let bits = null;
  const score = new Uint8Array(n); // title words
  const own = new Uint8Array(n); // words of its own
  for (let t = 0; t < terms.length; t++) {
    const hits = new Uint32Array(all.length);
    const strong = new Uint32Array(all.length);
    const mine = new Uint32Array(all.length);
    const s = shards[t];
    for (const i of s ? matchWords(terms[t], s, wordIndex.endings, wordIndex.stem) : []) {
      const every = unrice(s.p[i], s.c[i], n, all);
      unionInto(hits, every);
      if (s.tc[i]) unionInto(strong, unrice(s.tp[i], s.tc[i], n, all));
      const oc = s.oc ? s.oc[i] : -1;
      if (oc < 0) unionInto(mine, every);
      else if (oc) unionInto(mine, unrice(s.op[i], oc, n, all));
    }
    for (const ordinal of ascending(strong)) score[ordinal]++;
    for (const ordinal of ascending(mine)) own[ordinal]++;
    if (bits) for (let w = 0; w < bits.length; w++) bits[w] &= hits[w];
    else bits = hits;
  }
  bits = bits || new Uint32Array(all.length);
  const buckets = [];
  const span = terms.length + 1;
  const mine = new Uint32Array(all.length);
  for (const i of ascending(bits)) {
    const b = (terms.length - score[i]) * span + (terms.length - Math.max(own[i], score[i]));
    (buckets[b] = buckets[b] || []).push(i);
    if (Math.max(own[i], score[i]) === terms.length) mine[i >>> 5] |= 1 << (i & 31);
  }
  return { bits, order: buckets.flat(), own: mine };
}

// The Levenshtein distance between two words (code points), or max + 1 once it is sure to exceed max.
export function editDistance(a, b, max) {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[y.length];
}

// "Did you mean": the query with each word that matches nothing replaced by the closest word of its own
// shard (already fetched: nothing more is downloaded), at most one edit away for words of up to five
// characters and two for longer ones, the word more listings have first on a tie. terms and shards as
// searchShards takes them; null when no word could be replaced.
export function suggestion(terms, shards, wordIndex) {
  let changed = false;
  const out = terms.map((term, t) => {
    const s = shards[t];
    if (!s || matchWords(term, s, wordIndex.endings, wordIndex.stem).length) return term;
    const max = [...term].length <= 5 ? 1 : 2;
    let best = null;
    s.w.forEach((w, i) => {
      const d = editDistance(term, w, max);
      if (d <= max && (!best || d < best.d || (d === best.d && s.c[i] > best.c))) best = { w, d, c: s.c[i] };
    });
    if (!best) return term;
    changed = true;
    return best.w;
  });
  return changed ? out.join(" ") : null;
}
