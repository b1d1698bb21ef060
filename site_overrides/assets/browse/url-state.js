// The filter state and its address. The query parameters are stable (the counselor guide lists them);
// they come with the facet index (`params`, from the generator's facets.py), read by browseMeta. A
// repeated parameter means "any of these" within one filter; different filters all apply. No status
// parameter means the default status; the status "any" means every status. Defaults are left out of
// the address.
//
// A state is {q: the search text, sort: a sort name or "" for the default, f: facet name -> values}, and
// near me's `near` (a ZIP code) and `within` (miles) when they are given.
// `facets` are the page's filters: [{name, label, values: {value: label}}], values in their order.
// `meta` is browseMeta's: the parameters and what the state functions need to know of them.

import { searchTerm } from "./words.js";

// The facet index's `params` as {order: the parameters in the order of an address, q, sort, status:
// the parameters of the search words, the sort and the status, facets: the facet parameters in display
// order, single: Set of those that take one value at most (a threshold), open: Set of those whose
// list starts open, range: Set of those that also take a from-to pair ("9-10"), sorts: the sort names
// (the first is the default without words), defaultStatus, anyStatus}. Throws when the index has none.
export function browseMeta(params) {
  if (!params || !Array.isArray(params.order) || !Array.isArray(params.facets)) throw new Error("facet index: no parameters");
  return {
    order: params.order.slice(),
    q: params.q,
    sort: params.sort,
    status: params.status,
    facets: params.facets.map((f) => f.param),
    single: new Set(params.facets.filter((f) => f.single).map((f) => f.param)),
    open: new Set(params.facets.filter((f) => f.open).map((f) => f.param)),
    range: new Set(params.facets.filter((f) => f.range).map((f) => f.param)),
    sorts: (params.sorts || []).slice(),
    defaultStatus: (params.default_status || []).slice(),
    anyStatus: params.any_status,
    // Near me: {param, within, miles: the within values, sort: the distance sort's name}, or null.
    near: params.near || null,
  };
}

export function has(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function sameList(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// The page's filters among those of the labels JSON: known facet parameters with values.
export function knownFacets(list, meta) {
  return (list || []).filter((f) => meta.facets.includes(f.name) && f.values && typeof f.values === "object");
}

// No filter but the default status, and no sort of its own.
export function emptyState(facets, q, meta) {
  const s = { q: q || "", sort: "", f: {} };
  for (const f of facets) s.f[f.name] = f.name === meta.status ? meta.defaultStatus.slice() : [];
  return s;
}

// The sort a visitor picks to rank by the words when a place would sort by distance ("sort=relevance").
export const RELEVANCE = "relevance";

// Distance with a place (`near`), words or not: a family that gives a ZIP code asks what is near, and the
// best match only breaks ties (main.js sorted). Else best match with search words, else the first sort
// (deadline). "" is the best match.
export function defaultSort(s, meta) {
  if (s.near && meta.near) return meta.near.sort;
  if (searchTerm(s.q)) return "";
  return meta.sorts[0] || "";
}

export function effectiveSort(s, meta) {
  return s.sort || defaultSort(s, meta);
}

// The state's sort as kept: "" for an unknown sort or the default one.
export function normalizedSort(s, meta) {
  // Best match by name only where it is not the default: words with a place.
  if (s.sort === RELEVANCE) return searchTerm(s.q) && defaultSort(s, meta) ? RELEVANCE : "";
  const placeless = !s.near && meta.near && s.sort === meta.near.sort; // distance from nowhere
  return s.sort && (!meta.sorts.includes(s.sort) || placeless || s.sort === defaultSort(s, meta)) ? "" : s.sort;
}

// A from-to pair of a facet's values ("9-10", or with an en dash "9–10", either way round) as every value
// between the two in the facet's order; anything else as itself.
export function rangeValues(facet, text) {
  const ends = text.split(/[-–]/).map((v) => v.trim());
  if (ends.length !== 2) return [text];
  const keys = Object.keys(facet.values);
  const [a, b] = ends.map((v) => (has(facet.values, v) ? keys.indexOf(v) : -1));
  if (a < 0 || b < 0) return [text];
  return keys.slice(Math.min(a, b), Math.max(a, b) + 1);
}

// A query string ("?a=b", or "a=b") as a state: unknown parameters and values are left out, values in
// the facet's order, a one-value filter keeps the first value given, a facet that takes ranges reads
// "9-10" as 9 and 10 (the address the page writes repeats the parameter instead).
export function parseQuery(search, facets, meta) {
  const params = new URLSearchParams(search);
  const s = emptyState(facets, params.get(meta.q) || "", meta);
  for (const f of facets) {
    if (!params.has(f.name)) continue;
    let raw = params.getAll(f.name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    if (meta.range.has(f.name)) raw = raw.flatMap((v) => rangeValues(f, v));
    if (f.name === meta.status && raw.includes(meta.anyStatus)) {
      s.f[f.name] = [];
      continue;
    }
    const known = raw.filter((v) => has(f.values, v));
    const values = meta.single.has(f.name) ? known.slice(0, 1) : Object.keys(f.values).filter((v) => known.includes(v));
    if (f.name === meta.status && !values.length) continue; // unknown status: keep the default
    s.f[f.name] = values;
  }
  // A place: `near`, a five-digit ZIP code, and `within`, one of the published distances, which needs a place.
  // A state without them has neither key.
  const near = meta.near && /^\d{5}$/.test((params.get(meta.near.param) || "").trim()) ? params.get(meta.near.param).trim() : "";
  if (near) {
    s.near = near;
    const within = Number(params.get(meta.near.within));
    if (meta.near.miles.includes(within)) s.within = within;
  }
  s.sort = params.get(meta.sort) || "";
  s.sort = normalizedSort(s, meta);
  return s;
}

// A state as a query string: "?" and the parameters in the order of meta.order, or "" when all are defaults.
export function toQuery(s, meta) {
  const p = new URLSearchParams();
  for (const name of meta.order) {
    if (name === meta.q) {
      const q = s.q.trim();
      if (q) p.set(name, q);
    } else if (name === meta.sort) {
      if (s.sort) p.set(name, s.sort);
    } else if (meta.near && name === meta.near.param) {
      if (s.near) p.set(name, s.near);
    } else if (meta.near && name === meta.near.within) {
      if (s.near && s.within) p.set(name, String(s.within));
    } else if (has(s.f, name)) {
      const values = s.f[name];
      if (name === meta.status) {
        if (!values.length) p.set(name, meta.anyStatus);
        else if (!sameList(values, meta.defaultStatus)) values.forEach((v) => p.append(name, v));
      } else {
        values.forEach((v) => p.append(name, v));
      }
    }
  }
  const text = p.toString();
  return text ? "?" + text : "";
}

// The state with one value of one facet ticked or unticked (the state itself is left as it is).
export function toggled(s, name, value) {
  const chosen = s.f[name];
  return { ...s, f: { ...s.f, [name]: chosen.includes(value) ? chosen.filter((x) => x !== value) : [...chosen, value] } };
}

// The state without one value of one facet, as its chip's removal leaves it: the status chip "any"
// brings the default status back. The state itself is left as it is.
export function withoutValue(s, name, value, meta) {
  const values = name === meta.status && value === meta.anyStatus ? meta.defaultStatus.slice() : s.f[name].filter((v) => v !== value);
  return { ...s, f: { ...s.f, [name]: values } };
}

// How many filters a state has beyond the default: each chosen value, and "any status".
export function activeCount(s, names, meta) {
  let active = 0;
  for (const name of names) {
    const values = s.f[name];
    const status = name === meta.status;
    if (!(status && sameList(values, meta.defaultStatus))) active += status && !values.length ? 1 : values.length;
  }
  return active;
}

// The chips of a state's filters, in the facets' order: [{name, value, text}], where text is
// "<facet label>: <value label>"; a status of every kind is the value "any" labelled anyStatus.
export function chipsOf(s, facets, anyStatus, meta) {
  const out = [];
  for (const f of facets) {
    const values = s.f[f.name];
    const pairs = f.name === meta.status && !values.length ? [[meta.anyStatus, anyStatus]] : values.map((v) => [v, f.values[v]]);
    for (const [value, valueLabel] of pairs) out.push({ name: f.name, value, text: f.label + ": " + valueLabel });
  }
  return out;
}
