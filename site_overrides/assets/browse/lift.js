// Words of a search that ask for a filter, taken out of the text search: a ZIP code of the region becomes the
// place (`near`), an area's name ("Watts", "South LA", "Compton") the area filter, and a pay word ("paid",
// "con pago", "sin pago") the pay filter. The phrases come from browse-data/query-words.json (the generator's
// query_words.py): {format: 1, <facet parameter>: {<folded phrase>: [values]}}. Pure: main.js applies the result.

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

// The phrases of a query-words table by facet parameter, as Maps, and the most words a phrase has.
export function decodeQueryWords(data) {
  if (!data || data.format !== 1) throw new Error("query words: unknown format");
  const facets = new Map();
  let longest = 1;
  for (const [param, phrases] of Object.entries(data)) {
    if (param === "format" || !phrases || typeof phrases !== "object") continue;
    const map = new Map();
    for (const [phrase, values] of Object.entries(phrases)) {
      if (!Array.isArray(values) || !values.length) continue;
      map.set(phrase, values.map(String));
      longest = Math.max(longest, phrase.split(" ").length);
    }
    facets.set(param, map);
  }
  return { facets, longest };
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
  let i = 0;
  while (i < all.length) {
    let hit = null;
    for (let n = Math.min(words.longest, all.length - i); n >= 1 && !hit; n--) {
      if (trailing && i + n === all.length) continue;
      const phrase = all.slice(i, i + n).map((t) => t.word).join(" ");
      if (n === 1 && ZIP.test(phrase) && hasZip(phrase)) {
        if (!out.near) hit = { n, param: "near", values: [phrase] };
        continue;
      }
      for (const [param, map] of words.facets) {
        const values = (map.get(phrase) || []).filter((v) => accepts(param, v));
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
    cut.push([start, end]);
    const said = text.slice(start, end);
    if (hit.param === "near") out.near = hit.values[0];
    else {
      const chosen = (out.f[hit.param] = out.f[hit.param] || []);
      for (const v of hit.values) if (!chosen.includes(v)) chosen.push(v);
    }
    for (const value of hit.values) out.taken.push({ param: hit.param, value, text: said });
    i += hit.n;
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
