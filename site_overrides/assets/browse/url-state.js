// The filter state and its address. The query parameters are stable (listed in the counselor guide):
// q, status, sector, format, stage, pay, wage, grade, age, area, mode, season, offers, transport,
// language, quality, signal, org, pathway, sort. A repeated parameter means "any of these" within one
// filter; different filters all apply. No `status` means `open`; `status=any` means every status.
// Defaults are left out of the address.
//
// A state is {q: the search text, sort: a sort name or "" for the default, f: facet name -> values}.
// `facets` are the page's filters: [{name, label, values: {value: label}}], values in their order.

import { searchTerm } from "./words.js";

export const PARAMS = ["q", "status", "sector", "format", "stage", "pay", "wage", "grade", "age", "area", "mode",
  "season", "offers", "transport", "language", "quality", "signal", "org", "pathway", "sort"];
export const SINGLE = new Set(["wage", "grade", "age", "quality"]); // one value at most: a threshold
export const SORTS = ["deadline", "reviewed", "pay"];
export const DEFAULT_STATUS = ["open"];

export function has(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function sameList(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// The page's filters among those of the labels JSON: known parameters with values.
export function knownFacets(list) {
  return (list || []).filter((f) => PARAMS.includes(f.name) && f.values && typeof f.values === "object");
}

// No filter but the default status, and no sort of its own.
export function emptyState(facets, q) {
  const s = { q: q || "", sort: "", f: {} };
  for (const f of facets) s.f[f.name] = f.name === "status" ? DEFAULT_STATUS.slice() : [];
  return s;
}

// Best match with search words, else deadline.
export function defaultSort(s) {
  return searchTerm(s.q) ? "" : "deadline";
}

export function effectiveSort(s) {
  return s.sort || defaultSort(s);
}

// The state's sort as kept: "" for an unknown sort or the default one.
export function normalizedSort(s) {
  return s.sort && (!SORTS.includes(s.sort) || s.sort === defaultSort(s)) ? "" : s.sort;
}

// A query string ("?a=b", or "a=b") as a state: unknown parameters and values are left out, values in
// the facet's order, a one-value filter keeps the first value given.
export function parseQuery(search, facets) {
  const params = new URLSearchParams(search);
  const s = emptyState(facets, params.get("q") || "");
  for (const f of facets) {
    if (!params.has(f.name)) continue;
    const raw = params.getAll(f.name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    if (f.name === "status" && raw.includes("any")) {
      s.f.status = [];
      continue;
    }
    const known = raw.filter((v) => has(f.values, v));
    const values = SINGLE.has(f.name) ? known.slice(0, 1) : Object.keys(f.values).filter((v) => known.includes(v));
    if (f.name === "status" && !values.length) continue; // unknown status: keep the default
    s.f[f.name] = values;
  }
  s.sort = params.get("sort") || "";
  s.sort = normalizedSort(s);
  return s;
}

// A state as a query string: "?" and the parameters in PARAMS order, or "" when all are defaults.
export function toQuery(s) {
  const p = new URLSearchParams();
  for (const name of PARAMS) {
    if (name === "q") {
      const q = s.q.trim();
      if (q) p.set("q", q);
    } else if (name === "sort") {
      if (s.sort) p.set("sort", s.sort);
    } else if (has(s.f, name)) {
      const values = s.f[name];
      if (name === "status") {
        if (!values.length) p.set("status", "any");
        else if (!sameList(values, DEFAULT_STATUS)) values.forEach((v) => p.append(name, v));
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
export function withoutValue(s, name, value) {
  const values = name === "status" && value === "any" ? DEFAULT_STATUS.slice() : s.f[name].filter((v) => v !== value);
  return { ...s, f: { ...s.f, [name]: values } };
}

// How many filters a state has beyond the default: each chosen value, and "any status".
export function activeCount(s, names) {
  let active = 0;
  for (const name of names) {
    const values = s.f[name];
    if (!(name === "status" && sameList(values, DEFAULT_STATUS))) active += name === "status" && !values.length ? 1 : values.length;
  }
  return active;
}

// The chips of a state's filters, in the facets' order: [{name, value, text}], where text is
// "<facet label>: <value label>"; a status of every kind is the value "any" labelled anyStatus.
export function chipsOf(s, facets, anyStatus) {
  const out = [];
  for (const f of facets) {
    const values = s.f[f.name];
    const pairs = f.name === "status" && !values.length ? [["any", anyStatus]] : values.map((v) => [v, f.values[v]]);
    for (const [value, valueLabel] of pairs) out.push({ name: f.name, value, text: f.label + ": " + valueLabel });
  }
  return out;
}
