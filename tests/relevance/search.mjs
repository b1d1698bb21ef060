// Runs searches over a built browse index the way the browse page does (lift.js, data.js createStore, words.js),
// reading the files from disk. Usage: node search.mjs <folder of facets.json> [query-words.json] < queries.json
// (a JSON list of query strings); prints a JSON list: per query, the listings' ordinals, best first.
// With query-words.json, the words that ask for a filter ("paid", "near Compton", "11th grade") are taken out
// as the page takes them, and the results keep the listings with one of the filter's values (as the filters
// do: any value of a filter, every filter); without other words, every listing in the index's order.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createStore } from "../../site_overrides/assets/browse/data.js";
import { ordered } from "../../site_overrides/assets/browse/filters.js";
import { facetValues } from "../../site_overrides/assets/browse/index.js";
import { decodeQueryWords, liftWords } from "../../site_overrides/assets/browse/lift.js";
import { searchTerm } from "../../site_overrides/assets/browse/words.js";

const folder = process.argv[2];
const lift = process.argv[3] ? decodeQueryWords(JSON.parse(readFileSync(process.argv[3], "utf8"))) : null;
const queries = JSON.parse(readFileSync(0, "utf8"));
const store = createStore(pathToFileURL(folder + "/facets.json"), async (url) => JSON.parse(readFileSync(url, "utf8")));
const index = await store.load();
await store.facets([...index.lazy.keys()]); // every facet, those in files of their own too
const out = [];
for (const q of queries) {
  const asked = lift ? liftWords(q, lift, null, { accepts: (param) => index.facets.has(param) }) : { q, f: {} };
  let found;
  if (searchTerm(asked.q)) {
    const words = await store.wordSearch(asked.q);
    // The results of a search without filters and sort: main.js sorted(), with the word order.
    found = ordered(words.bits, words.order);
  } else found = Array.from({ length: index.n }, (_, i) => i);
  const filters = Object.entries(asked.f);
  out.push(found.filter((i) => filters.every(([param, values]) => facetValues(index, param, i).some((v) => values.includes(v)))));
}
process.stdout.write(JSON.stringify({ n: index.n, results: out }));
