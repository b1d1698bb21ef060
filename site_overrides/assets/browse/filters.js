// Filters and counts over a decoded facet index (index.js): which listings match a filter state, how
// many each facet value would give, and the results in a sort's order.

import { contains, intersect, ordinals, popcount, unionInto } from "./bits.js";

// The listings that have one facet value, or null when the index does not know it.
export function valueBits(index, name, value) {
  const f = index.facets.get(name);
  const i = f ? f.pos.get(value) : undefined;
  return i === undefined ? null : f.bits[i];
}

// Listings that have any of the chosen values of one facet.
export function facetMask(index, name, values) {
  const mask = new Uint32Array(index.words);
  for (const v of values) {
    const bits = valueBits(index, name, v);
    if (bits) unionInto(mask, bits);
  }
  return mask;
}

// Per value of a facet, how many listings of `base` have it: {value: count}.
export function countIn(index, base, name) {
  const counts = {};
  const f = index.facets.get(name);
  if (!f) return counts;
  const words = [];
  for (let w = 0; w < base.length; w++) if (base[w]) words.push(w);
  for (const [value, i] of f.pos) {
    const bits = f.bits[i];
    let n = 0;
    for (const w of words) n += popcount(base[w] & bits[w]);
    counts[value] = n;
  }
  return counts;
}

// The listings that match a state ({f: facet name -> chosen values}) among those of a word search
// ({bits}, or null without words), for the facets `names`, and within the bitsets `limits` (near me's
// distance): `base`. `masks` (per facet in use) and `extra` are kept to count facets later (countsOf), and
// `counts` keeps those counts.
export function evaluate(index, names, s, words, limits = []) {
  const masks = new Map();
  for (const name of names) if (s.f[name].length) masks.set(name, facetMask(index, name, s.f[name]));
  const extra = [...(words ? [words.bits] : []), ...limits];
  return { base: intersect(index.all, [...extra, ...masks.values()]), masks, extra, counts: new Map() };
}

// A facet's counts in an evaluation. A facet in use counts its values without its own choice, so each
// value shows what choosing it would give. Each facet is counted once per evaluation.
export function countsOf(index, ev, name) {
  if (!ev.counts.has(name)) {
    let base = ev.base;
    if (ev.masks.has(name)) base = intersect(index.all, [...ev.extra, ...[...ev.masks].filter(([other]) => other !== name).map(([, m]) => m)]);
    ev.counts.set(name, countIn(index, base, name));
  }
  return ev.counts.get(name);
}

// The ordinals of `base` in a given order (any iterable of ordinals), or lowest first without one.
export function ordered(base, order) {
  if (!order) return ordinals(base);
  const out = [];
  for (const i of order) if (contains(base, i)) out.push(i);
  return out;
}

// The values of a facet that its filter offers: those some listing has (totals: value -> count), and
// those chosen.
export function visibleValues(facet, totals, chosen) {
  const counts = totals || {};
  return Object.keys(facet.values).filter((v) => (counts[v] || 0) > 0 || chosen.includes(v));
}

// When a state finds nothing: for each facet in use, how many listings the state would find without
// it, most first, leaving out those that would find none either: [{name, count}]. `words` and `limits`
// as evaluate takes them.
export function relaxations(index, names, s, words, limits = []) {
  const out = [];
  for (const name of names) {
    if (!s.f[name].length) continue;
    const count = popcountAll(evaluate(index, names, { ...s, f: { ...s.f, [name]: [] } }, words, limits).base);
    if (count) out.push({ name, count });
  }
  return out.sort((a, b) => b.count - a.count);
}

function popcountAll(bits) {
  let n = 0;
  for (const w of bits) n += popcount(w);
  return n;
}
