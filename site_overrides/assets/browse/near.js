// Near me: straight-line distances from a place to each listing's nearest site, in miles, and what a card says
// of them. The places come from two files under browse-data/ (the generator's nearby.py), fetched only when a
// visitor uses "near me": zips.json (the region's ZIP codes and their centroids) and sites.json (each row's
// site points). A place is [latitude, longitude] in degrees. Nothing here asks another host.

import { rowSets } from "./index.js";

const SITES_FORMAT = 2; // nearby.SITES_FORMAT

const EARTH_MILES = 3958.8; // mean radius
const RADIANS = Math.PI / 180;

// The great-circle ("as the crow flies") distance between two places, in miles.
export function haversine(a, b) {
  const dLat = (b[0] - a[0]) * RADIANS;
  const dLon = (b[1] - a[1]) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * RADIANS) * Math.cos(b[0] * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

// A typed ZIP code as five digits (ZIP+4 and spaces allowed), or "".
export function zipOf(text) {
  const m = /^\s*(\d{5})(?:[-\s]?\d{4})?\s*$/.exec(String(text || ""));
  return m ? m[1] : "";
}

// sites.json as, per row, the list of its points.
export function decodeSites(data) {
  if (!data || data.format !== SITES_FORMAT || !Array.isArray(data.points)) throw new Error("sites: unknown format");
  return rowSets(data, data.points.length, data.n).map((set) => set.map((p) => data.points[p]));
}

// Per row, the distance from `origin` to its nearest site (Infinity for a row without a located site).
export function distances(origin, rows) {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let best = Infinity;
    for (const p of rows[i]) best = Math.min(best, haversine(origin, p));
    out[i] = best;
  }
  return out;
}

// The rows at most `miles` away, as a bitset of `words` 32-bit words.
export function withinBits(dist, miles, words) {
  const bits = new Uint32Array(words);
  for (let i = 0; i < dist.length; i++) if (dist[i] <= miles) bits[i >>> 5] |= 1 << (i & 31);
  return bits;
}

// Ordinals (any iterable) nearest first; rows at the same distance, and those without a site (last), keep
// their order.
export function byDistance(ordinals, dist) {
  return [...ordinals].map((i, k) => [dist[i], k, i]).sort((x, y) => x[0] - y[0] || x[1] - y[1]).map((x) => x[2]);
}

// The ZIP code of `zips` ({zip: [lat, lon]}) nearest to a place, or "" when there are none.
export function nearestZip(place, zips) {
  let best = "";
  let bestMiles = Infinity;
  for (const [zip, point] of Object.entries(zips)) {
    const miles = haversine(place, point);
    if (miles < bestMiles || (miles === bestMiles && zip < best)) [best, bestMiles] = [zip, miles];
  }
  return best;
}

// What a card says of a distance ("about 3 miles"), with the page's texts and number format; "" for none.
export function milesText(miles, ui, format) {
  if (!Number.isFinite(miles)) return "";
  if (miles < 1) return ui.near_under_one;
  const n = Math.round(miles);
  return n === 1 ? ui.near_one_mile : ui.near_miles.replace("{n}", format(n));
}

// sites.json's `across` (worksites spread across areas, with no single address) as {centers, zipAreas: Map of
// a ZIP code to the indices of the areas it is in, rows: per row the indices of its areas}; null without it.
export function decodeAcross(data) {
  const across = data && data.across;
  if (!across) return null;
  const zipAreas = new Map();
  across.zips.forEach((zips, area) => {
    for (const zip of zips) zipAreas.set(zip, [...(zipAreas.get(zip) || []), area]);
  });
  return { centers: across.centers, zipAreas, rows: rowSets(across, across.areas.length, data.n) };
}

// How near each row is to a visitor's ZIP code at `origin`, with the rows' site points (decodeSites) and their
// areas (decodeAcross, or null):
// - dist: miles to the nearest located site, and 0 for a row with worksites across the visitor's area;
// - inArea: 1 for such a row, whose card says "Sites in your area" rather than a distance;
// - key: the sort order's distance, which is dist, or when smaller the miles to the middle of the nearest area
//   the row's worksites cover. That middle is no worksite's place: it orders the rows, but no card says it and
//   the "within N miles" filter (withinBits on dist) does not count it.
export function nearness(zip, origin, rows, across) {
  const dist = distances(origin, rows);
  const key = Float64Array.from(dist);
  const inArea = new Uint8Array(rows.length);
  if (!across) return { dist, key, inArea };
  const mine = new Set(across.zipAreas.get(zip) || []);
  for (let i = 0; i < rows.length; i++) {
    const areas = across.rows[i] || [];
    if (areas.some((a) => mine.has(a))) {
      dist[i] = key[i] = 0;
      inArea[i] = 1;
      continue;
    }
    for (const a of areas) if (across.centers[a]) key[i] = Math.min(key[i], haversine(origin, across.centers[a]));
  }
  return { dist, key, inArea };
}
