// The golden files that tests/js/make_golden.py writes from the generator's encoders.
import { readFileSync } from "node:fs";

export function golden(name) {
  return JSON.parse(readFileSync(new URL("golden/" + name, import.meta.url), "utf8"));
}

// The site of a browse-<lang>.json: URL -> the data of the file served there.
export function servedFiles(browse) {
  const files = new Map();
  for (const [name, data] of Object.entries(browse.files)) files.set(new URL(name, browse.url).href, data);
  return files;
}
