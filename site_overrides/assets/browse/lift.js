// Words of a search that ask for a filter, taken out of the text search: a ZIP code of the region becomes the
// place (`near`), an area's name ("Watts", "South LA", "Compton") the area filter, and a pay word ("paid",
// "con pago", "sin pago") the pay filter, and the words of the other filters synonyms.yml names ("online", "college
// credit", "11th grade", "16 años"). The phrases come from browse-data/query-words.json (the generator's
// query_words.py): {format: 1, <facet parameter>: {<folded phrase>: [values]}, cues: {before: {<phrase>: [params]},
// ordinary: {<phrase>: [params]}}}. A `before` phrase ("near", "cerca de", "for") is taken out with the filter words
// it comes before; an `ordinary` place name ("commerce") sets its filter only after one of them or as the whole
// text, and is otherwise left to the text search. Pure: main.js applies the result.

import { fold } from "./words.js";

const ZIP = /^\d{5}$/;

// The words of a text with where each starts and ends in it, and each folded (words.js fold).
function tokens(text) {
  const out = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const folded = fold(m[0]);
    if (folded) out.push({ start: m.index, end: m.index + m[0].length, word: folded });
  }
  return out;
}

// A {phrase: [values]} object as a Map, with the most words a phrase has.
function phraseMap(phrases) {
  const map = new Map();
  let longest = 1;
  for (const [phrase, values] of Object.entries(phrases || {})) {
    if (!Array.isArray(values) || !values.length) continue;
    map.set(phrase, values.map(String));
    longest = Math.max(longest, phrase.split(" ").length);
  }
  return { map, longest };
}

// The phrases of a query-words table by facet parameter, as Maps, the most words a phrase has, and the cues:
// `before` (phrase -> the parameters whose words it may come before) and `ordinary` (phrase -> parameters it
// sets only after a cue or alone), with the most words a `before` phrase has.
export function decodeQueryWords(data) {
  if (!data || data.format !== 1) throw new Error("query words: unknown format");
  const facets = new Map();
  let longest = 1;
  const cues = data.cues && typeof data.cues === "object" ? data.cues : {};
  const before = phraseMap(cues.before);
  const ordinary = phraseMap(cues.ordinary).map;
  for (const [param, phrases] of Object.entries(data)) {
    if (param === "format" || param === "cues" || !phrases || typeof phrases !== "object") continue;
    const map = new Map();
    for (const [phrase, values] of Object.entries(phrases)) {
      if (!Array.isArray(values) || !values.length) continue;
      map.set(phrase, values.map(String));
      longest = Math.max(longest, phrase.split(" ").length);
    }
    facets.set(param, map);
  }
  return { facets, longest, before: before.map, beforeLongest: before.longest, ordinary };
}

// What a search text asks for: {q: the text without the words taken out (the rest as typed, spaces tidied),
// near: a ZIP code or "", f: {param: [values]}, taken: [{param, value, text}]} (param "near" for a ZIP code).
// `words` is decodeQueryWords'; `zips` the region's ZIP codes (an object or Set; null: ZIP codes are left as
// words); `accepts(param, value)` says which values the page's filters know. Longer phrases first, so "sin
// pago" is unpaid before "pago" is anything. Unless `final`, a word that ends the text is left alone: the
// visitor may still be typing it ("pa" on the way to "paid", "9004" to "90044").
export function liftWords(text, words, zips, { final = true, accepts = () => true } = {}) {
  const all = tokens(text);
  const out = { q: text, near: "", f: {}, taken: [] };
  const hasZip = (z) => zips && (zips instanceof Set ? zips.has(z) : Object.hasOwn(zips, z));
  const cut = []; // [start, end] of what is taken
  const trailing = !final && !/[^\p{L}\p{N}\p{M}]$/u.test(text);
  const before = words.before || new Map();
  const ordinary = words.ordinary || new Map();
  const phraseOf = (from, to) => all.slice(from, to).map((t) => t.word).join(" ");
  // How many words before position i, none of them taken already (from `floor` on), are a cue for param: the
  // longest such cue, or 0.
  const cueBefore = (i, floor, param) => {
    for (let m = Math.min(words.beforeLongest || 1, i - floor); m >= 1; m--) {
      if ((before.get(phraseOf(i - m, i)) || []).includes(param)) return m;
    }
    return 0;
  };
  let floor = 0; // the first word not taken
  let i = 0;
  while (i < all.length) {
    let hit = null;
    for (let n = Math.min(words.longest, all.length - i); n >= 1 && !hit; n--) {
      if (trailing && i + n === all.length) continue;
      const phrase = phraseOf(i, i + n);
      if (n === 1 && ZIP.test(phrase) && hasZip(phrase)) {
        if (!out.near) hit = { n, param: "near", values: [phrase] };
        continue;
      }
      for (const [param, map] of words.facets) {
        const values = (map.get(phrase) || []).filter((v) => accepts(param, v));
        const whole = i === 0 && n === all.length;
        if ((ordinary.get(phrase) || []).includes(param) && !whole && !cueBefore(i, floor, param)) continue;
        if (values.length) {
          hit = { n, param, values };
          break;
        }
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    const start = all[i].start;
    const end = all[i + hit.n - 1].end;
    cut.push([all[i - cueBefore(i, floor, hit.param)].start, end]); // with the cue ("near"), which says nothing alone
    const said = text.slice(start, end);
    if (hit.param === "near") out.near = hit.values[0];
    else {
      const chosen = (out.f[hit.param] = out.f[hit.param] || []);
      for (const v of hit.values) if (!chosen.includes(v)) chosen.push(v);
    }
    for (const value of hit.values) out.taken.push({ param: hit.param, value, text: said });
    i += hit.n;
    floor = i;
  }
  if (cut.length) {
    let rest = "";
    let from = 0;
    for (const [start, end] of cut) {
      rest += text.slice(from, start) + " ";
      from = end;
    }
    out.q = (rest + text.slice(from)).replace(/\s+/g, " ").trim();
  }
  return out;
}

// Whether a text has anything liftWords could take: a word at all (the table is fetched only then).
export function mayLift(text) {
  return /[\p{L}\p{N}]/u.test(text || "");
}
