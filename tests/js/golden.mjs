// The golden files that tests/js/make_golden.py writes from the generator's encoders.
import { readFileSync } from "node:fs";

import { addFacet, decodeIndex } from "../../site_overrides/assets/browse/index.js";

export function golden(name) {
  return JSON.parse(readFileSync(new URL("golden/" + name, import.meta.url), "utf8"));
}

// The site of a browse-<lang>.json: URL -> the data of the file served there.
export function servedFiles(browse) {
  const files = new Map();
  for (const [name, data] of Object.entries(browse.files)) files.set(new URL(name, browse.url).href, data);
  return files;
}

// The facet index of a browse-<lang>.json with every facet in it: facets.json, then each facet's own file
// (facet-<param>.json), as the page has it once all of them have come.
export function wholeIndex(browse) {
  const files = servedFiles(browse);
  const index = decodeIndex(browse.files["facets.json"], browse.url);
  for (const [name, { url }] of [...index.lazy]) addFacet(index, name, files.get(url.href));
  return index;
}
