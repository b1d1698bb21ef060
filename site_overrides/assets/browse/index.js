// Decoding the browse indexes that the generator writes under browse-data/<lang>/ (browse_index.py and
// word_index.py): the facet index, the sort ranks, the result cards and the word index's shards.

import { allBits, ascending, contains, wordCount } from "./bits.js";
import { digitAt, unrice } from "./rice.js";
import { decodeWhen } from "./status.js";

// The formats this reader knows (browse_index.FORMAT, word_index.FORMAT): a file says which it is in.
export const INDEX_FORMAT = 2;
export const WORDS_FORMAT = 1;

// Per listing, a set of value indices: a table of the distinct sets (`sets`), and each listing's row
// as `width` base64url digits in `col`. Calls visit(ordinal, set) for ordinals 0 to n - 1.
export function eachRow(data, n, visit) {
  const width = data.width || 1;
  const sets = data.sets || [];
  const col = data.col || "";
  for (let i = 0; i < n; i++) {
    let code = 0;
    for (let j = 0; j < width; j++) code = code * 64 + digitAt(col, i * width + j);
    const row = sets[code];
    if (!row) throw new Error("facet index: bad column");
    visit(i, row);
  }
}

// Per value 0 to size - 1, a bitset of the listings that have it, from either encoding of browse_index.encode_rows:
// each value's posting list (`counts`, `post`), or each listing's set (`sets`, `col`).
export function valueBits(f, size, n, all) {
  if (f.post) return f.post.map((text, i) => unrice(text, f.counts[i], n, all));
  const bits = Array.from({ length: size }, () => new Uint32Array(all.length));
  eachRow(f, n, (i, row) => {
    for (const v of row) bits[v][i >>> 5] |= 1 << (i & 31);
  });
  return bits;
}

// Per listing 0 to n - 1, its set of values (ascending), from either encoding of browse_index.encode_rows.
export function rowSets(f, size, n) {
  const rows = Array.from({ length: n }, () => []);
  if (!f.post) {
    eachRow(f, n, (i, row) => { rows[i] = row; });
    return rows;
  }
  const all = allBits(n);
  valueBits(f, size, n, all).forEach((bits, v) => {
    for (const i of ascending(bits)) rows[i].push(v);
  });
  return rows;
}

// One facet's encoding (`post`, or `sets` and `col`) as {pos: value -> position, bits: per value a bitset of
// the listings that have it}.
export function decodeFacet(f, n, all) {
  const values = f.values || [];
  return { pos: new Map(values.map((v, i) => [v, i])), bits: valueBits(f, values.length, n, all) };
}

// facets.json, read from `url`: listings, facets (value -> position, and per value a bitset of the
// listings that have it), labels, card shards, the word index's description, and as they are the
// parameters (`params`, for url-state.js browseMeta) and the word limits (`limits`, for words.js).
// A facet that facets.json leaves to a file of its own (`file`) is in `lazy` until that file is added
// (addFacet): name -> {url, totals: {value: count} over every listing, or null when the file has them}.
// Throws on a format it does not know, or without a card shard size or word limits.
export function decodeIndex(data, url) {
  if (data.format !== INDEX_FORMAT) throw new Error("facet index: unknown format " + data.format);
  if (!(data.shard > 0)) throw new Error("facet index: no card shard size");
  const limits = data.limits;
  if (!limits || !(limits.word > 0) || !(limits.query_words > 0)) throw new Error("facet index: no word limits");
  const n = data.n | 0;
  const words = wordCount(n);
  const all = allBits(n);
  const decoded = new Map();
  const lazy = new Map();
  for (const [name, f] of Object.entries(data.facets || {})) {
    if (f.file) {
      const totals = Array.isArray(f.values) ? Object.fromEntries(f.values.map((v, i) => [v, f.counts[i] | 0])) : null;
      lazy.set(name, { url: new URL(f.file, url), totals });
    } else {
      decoded.set(name, decodeFacet(f, n, all));
    }
  }
  const w = data.words;
  const wordIndex = w && w.format === WORDS_FORMAT
    ? {
      path: new URL(w.path || "words/", url), keys: new Set(String(w.shards || "").split(" ")),
      split: new Set(String(w.split || "").split(" ").filter(Boolean)), endings: new Set(w.endings || []), stem: w.stem | 0,
    }
    : null;
  const labels = data.labels && typeof data.labels === "object" ? data.labels : {};
  return {
    n, words, all, facets: decoded, lazy, labels, shard: data.shard, base: new URL(data.base || "", url), wordIndex,
    params: data.params || null, limits: { word: limits.word, query_words: limits.query_words },
    // The dates that can change a row's status after the build (status.js).
    when: decodeWhen(data.when),
  };
}

// Adds a facet's own file (facet-<param>.json) to a decoded index: its posting lists, and its labels when
// they travel with it. Throws on a format it does not know.
export function addFacet(index, name, data) {
  if (data.format !== INDEX_FORMAT) throw new Error("facet index: unknown format " + data.format);
  index.facets.set(name, decodeFacet(data, index.n, index.all));
  if (data.labels && typeof data.labels === "object") index.labels[name] = data.labels;
  index.lazy.delete(name);
}

// Per value of a facet not added yet, how many listings have it: null when only its file says (its values grow
// with the catalog); {} for a facet that the index does not have at all.
export function lazyTotals(index, name) {
  const f = index.lazy.get(name);
  return f ? f.totals : {};
}

// sort-<name>.json: each listing's rank in that sort (0 first). The ordinals in that order, equal
// ranks in ordinal order: a counting sort, without comparing values.
export function sortOrder(data, n) {
  const ranks = new Int32Array(n);
  eachRow(data, n, (i, row) => { ranks[i] = row[0]; });
  let top = 0;
  for (const r of ranks) top = Math.max(top, r);
  const starts = new Int32Array(top + 2);
  for (const r of ranks) starts[r + 1]++;
  for (let r = 1; r < starts.length; r++) starts[r] += starts[r - 1];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[starts[ranks[i]]++] = i;
  return order;
}

// The card of ordinal i, from the cards of its shard (cards-<k>.json, k = floor(i / shard)), with the
// address of its page resolved against the index's base. A track of a listing (`k`) links to the track's
// section of the listing's page and names the track.
export function cardRecord(cards, i, shard, base) {
  const c = cards[i % shard];
  if (!c) throw new Error("facet index: no card " + i);
  const page = new URL(c.u + "/", base);
  if (c.k) page.hash = "track-" + c.k;
  return {
    href: page.href, title: c.t, titleLang: c.tl, org: c.o, orgLang: c.ol,
    pay: c.p, where: c.w, deadline: c.d, status: c.s, statusLabel: c.sl,
    // A deadline given as its date alone (status.js cardToday adds the days left); the words once open.
    ...(c.dn ? { deadlineCounted: true } : {}),
    ...(c.lo ? { openLabel: c.lo } : {}),
    // A status worded by the listing's file (when applications usually open) in another language.
    ...(c.sll ? { statusLang: c.sll } : {}),
    // A listing open to ages only: its grade values (implied by its ages) serve the filter, not the card.
    ...(c.ng ? { noGrades: true } : {}),
    // Its format and its lowest and highest grades, which the card shows.
    format: c.f || "",
    grades: c.g ? Array.from({ length: c.g[1] - c.g[0] + 1 }, (_, j) => String(c.g[0] + j)) : [],
    ...(c.k ? { track: c.kn, trackLang: c.kl } : {}),
  };
}

// The grades ordinal i's card shows: its values of the grade facet, unless its card record says it has none.
export function cardGrades(index, record, i) {
  return record.noGrades ? [] : facetValues(index, "grade", i);
}

// The values of facet `name` that ordinal i has, in the facet's order; none without that facet. A card
// shows some facets (format, grades) that the card files leave out, since the facet index has them.
export function facetValues(index, name, i) {
  const f = index.facets.get(name);
  if (!f) return [];
  const out = [];
  for (const [value, v] of f.pos) if (contains(f.bits[v], i)) out.push(value);
  return out;
}

// A shard of the word index: its words, their stems (each stored as a number of characters to drop
// from the word's end, or as the stem itself), and per word its posting lists (all listings, and
// those with the word in their title or organization).
export function decodeWordShard(data) {
  const stems = data.w.map((word, i) => {
    const code = data.s[i];
    return typeof code === "number" ? [...word].slice(0, [...word].length - code).join("") : String(code);
  });
  // oc/op (only in shards with synonyms' names): the listings that have the word on their own, -1 for all.
  return { w: data.w, stems, c: data.c, p: data.p, tc: data.tc, tp: data.tp, oc: data.oc || null, op: data.op || null };
}

// The decoded shards a query word looks in (words.js queryKeys) as one: their words one after the other. null
// when there are none.
export function mergeShards(shards) {
  const found = shards.filter(Boolean);
  if (found.length < 2) return found[0] || null;
  const own = found.some((s) => s.oc);
  const out = { w: [], stems: [], c: [], p: [], tc: [], tp: [], oc: own ? [] : null, op: own ? [] : null };
  for (const s of found) {
    for (const key of ["w", "stems", "c", "p", "tc", "tp"]) out[key].push(...s[key]);
    // A shard without synonyms' names: every listing of each word has it on its own (-1).
    if (own) {
      out.oc.push(...(s.oc || s.w.map(() => -1)));
      out.op.push(...(s.op || s.w.map(() => "")));
    }
  }
  return out;
}
