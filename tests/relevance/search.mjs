// Runs word searches over a built browse index the way the browse page does (data.js createStore, words.js),
// reading the files from disk. Usage: node search.mjs <folder of facets.json> < queries.json
// (a JSON list of query strings); prints a JSON list: per query, the listings' ordinals, best first.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createStore } from "../../site_overrides/assets/browse/data.js";
import { ordered } from "../../site_overrides/assets/browse/filters.js";

const folder = process.argv[2];
const queries = JSON.parse(readFileSync(0, "utf8"));
const store = createStore(pathToFileURL(folder + "/facets.json"), async (url) => JSON.parse(readFileSync(url, "utf8")));
const index = await store.load();
const out = [];
for (const q of queries) {
  const found = await store.wordSearch(q);
  // The results of a search without filters and sort: main.js sorted(), with the word order.
  out.push(ordered(found.bits, found.order));
}
process.stdout.write(JSON.stringify({ n: index.n, results: out }));
