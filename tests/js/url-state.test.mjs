import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  DEFAULT_STATUS, PARAMS, SINGLE, SORTS, activeCount, chipsOf, defaultSort, effectiveSort, emptyState, has,
  knownFacets, normalizedSort, parseQuery, sameList, toQuery, toggled, withoutValue,
} from "../../site_overrides/assets/browse/url-state.js";

// Filters as the labels JSON gives them (values in their order).
const FACETS = [
  { name: "status", label: "Status", values: { open: "Open", upcoming: "Opens soon", closed: "Closed" } },
  { name: "sector", label: "Sector", values: { health: "Health", manufacturing: "Manufacturing", energy: "Energía" } },
  { name: "grade", label: "Grade", values: { 9: "9", 10: "10", 11: "11", 12: "12" } },
  { name: "org", label: "Organization", values: { acme: "Acme", "niño-health": "Niño Health" } },
];
const NAMES = FACETS.map((f) => f.name);

describe("constants", () => {
  test("the stable parameters, in their order", () => {
    assert.deepEqual(PARAMS, ["q", "status", "sector", "format", "stage", "pay", "wage", "grade", "age", "area", "mode",
      "season", "offers", "transport", "language", "quality", "signal", "org", "pathway", "sort"]);
    assert.deepEqual([...SINGLE], ["wage", "grade", "age", "quality"]);
    assert.deepEqual(SORTS, ["deadline", "reviewed", "pay"]);
    assert.deepEqual(DEFAULT_STATUS, ["open"]);
  });
});

describe("has and sameList", () => {
  test("own keys only", () => {
    assert.equal(has({ a: 1 }, "a"), true);
    assert.equal(has({ a: 1 }, "toString"), false);
    assert.equal(has(Object.create(null), "a"), false);
  });

  test("same values in the same order", () => {
    assert.equal(sameList([], []), true);
    assert.equal(sameList(["a", "b"], ["a", "b"]), true);
    assert.equal(sameList(["a", "b"], ["b", "a"]), false);
    assert.equal(sameList(["a"], ["a", "b"]), false);
  });
});

describe("knownFacets", () => {
  test("known parameters with values", () => {
    const list = [...FACETS, { name: "unknown", values: { a: "A" } }, { name: "pay" }, { name: "mode", values: "x" }, { name: "q", values: {} }];
    assert.deepEqual(knownFacets(list).map((f) => f.name), [...NAMES, "q"]);
    assert.deepEqual(knownFacets(undefined), []);
  });
});

describe("emptyState", () => {
  test("the default status and nothing else", () => {
    assert.deepEqual(emptyState(FACETS, ""), { q: "", sort: "", f: { status: ["open"], sector: [], grade: [], org: [] } });
    assert.equal(emptyState(FACETS).q, "");
    assert.equal(emptyState(FACETS, "nurse").q, "nurse");
  });

  test("a copy of the default status", () => {
    const s = emptyState(FACETS, "");
    s.f.status.push("closed");
    assert.deepEqual(DEFAULT_STATUS, ["open"]);
  });
});

describe("sorts", () => {
  test("best match with words, else deadline", () => {
    assert.equal(defaultSort({ q: "" }), "deadline");
    assert.equal(defaultSort({ q: " ?! " }), "deadline");
    assert.equal(defaultSort({ q: "nurse" }), "");
    assert.equal(effectiveSort({ q: "", sort: "" }), "deadline");
    assert.equal(effectiveSort({ q: "nurse", sort: "" }), "");
    assert.equal(effectiveSort({ q: "nurse", sort: "pay" }), "pay");
  });

  test("the default and unknown sorts are kept as none", () => {
    assert.equal(normalizedSort({ q: "", sort: "deadline" }), "");
    assert.equal(normalizedSort({ q: "nurse", sort: "deadline" }), "deadline");
    assert.equal(normalizedSort({ q: "", sort: "pay" }), "pay");
    assert.equal(normalizedSort({ q: "", sort: "relevance" }), "");
    assert.equal(normalizedSort({ q: "", sort: "" }), "");
  });
});

describe("parseQuery", () => {
  test("no parameters: the empty state", () => {
    assert.deepEqual(parseQuery("", FACETS), emptyState(FACETS, ""));
    assert.deepEqual(parseQuery("?", FACETS), emptyState(FACETS, ""));
  });

  test("values in the facet's order, repeated or separated by commas, unknown ones left out", () => {
    const s = parseQuery("?sector=energy&sector=health,%20nope&sector=&org=ni%C3%B1o-health", FACETS);
    assert.deepEqual(s.f.sector, ["health", "energy"]);
    assert.deepEqual(s.f.org, ["niño-health"]);
  });

  test("a one-value filter keeps the first known value given", () => {
    assert.deepEqual(parseQuery("?grade=13&grade=11&grade=9", FACETS).f.grade, ["11"]);
    assert.deepEqual(parseQuery("?grade=13", FACETS).f.grade, []);
  });

  test("status: any, unknown, several", () => {
    assert.deepEqual(parseQuery("?status=any", FACETS).f.status, []);
    assert.deepEqual(parseQuery("?status=open&status=any", FACETS).f.status, []);
    assert.deepEqual(parseQuery("?status=nope", FACETS).f.status, ["open"]);
    assert.deepEqual(parseQuery("?status=", FACETS).f.status, ["open"]);
    assert.deepEqual(parseQuery("?status=closed,open", FACETS).f.status, ["open", "closed"]);
  });

  test("the search text as given, with spaces and accents", () => {
    assert.equal(parseQuery("?q=+enfermer%C3%ADa++x", FACETS).q, " enfermería  x");
    assert.equal(parseQuery("?q=a%26b%3Dc", FACETS).q, "a&b=c");
  });

  test("sort: kept when known and not the default", () => {
    assert.equal(parseQuery("?sort=pay", FACETS).sort, "pay");
    assert.equal(parseQuery("?sort=deadline", FACETS).sort, "");
    assert.equal(parseQuery("?q=nurse&sort=deadline", FACETS).sort, "deadline");
    assert.equal(parseQuery("?sort=relevance", FACETS).sort, "");
    assert.equal(parseQuery("?sort=bogus", FACETS).sort, "");
  });

  test("parameters of other filters and unknown ones are left out", () => {
    assert.deepEqual(parseQuery("?format=internship&utm_source=x&__proto__=1", FACETS), emptyState(FACETS, ""));
  });

  test("values that are names of Object's properties are not values", () => {
    assert.deepEqual(parseQuery("?sector=toString&sector=constructor", FACETS).f.sector, []);
  });
});

describe("toQuery", () => {
  test("defaults are left out", () => {
    assert.equal(toQuery(emptyState(FACETS, "")), "");
    assert.equal(toQuery(emptyState(FACETS, "   ")), "");
  });

  test("parameters in PARAMS order, values in the state's order", () => {
    const s = { q: " nurse ", sort: "pay", f: { org: ["acme"], grade: ["11"], sector: ["energy", "health"], status: ["open"] } };
    assert.equal(toQuery(s), "?q=nurse&sector=energy&sector=health&grade=11&org=acme&sort=pay");
  });

  test("status: any, other than the default", () => {
    assert.equal(toQuery({ q: "", sort: "", f: { status: [] } }), "?status=any");
    assert.equal(toQuery({ q: "", sort: "", f: { status: ["open", "closed"] } }), "?status=open&status=closed");
    assert.equal(toQuery({ q: "", sort: "", f: { status: ["closed"] } }), "?status=closed");
  });

  test("text is encoded as a form would", () => {
    assert.equal(toQuery({ q: "enfermería & co", sort: "", f: {} }), "?q=enfermer%C3%ADa+%26+co");
    assert.equal(toQuery({ q: "", sort: "", f: { org: ["niño-health"] } }), "?org=ni%C3%B1o-health");
  });

  test("round trips", () => {
    const states = [
      emptyState(FACETS, ""),
      { q: "nurse", sort: "", f: { status: [], sector: ["health", "energy"], grade: ["9"], org: [] } },
      { q: "año", sort: "reviewed", f: { status: ["upcoming", "closed"], sector: [], grade: [], org: ["niño-health", "acme"].sort() } },
    ];
    for (const s of states) {
      const back = parseQuery(toQuery(s), FACETS);
      assert.equal(toQuery(back), toQuery(s));
    }
    const canonical = "?q=a+b&status=any&sector=health&sector=energy&grade=12&org=acme&sort=reviewed";
    assert.equal(toQuery(parseQuery(canonical, FACETS)), canonical);
  });
});

describe("toggled and withoutValue", () => {
  test("ticking and unticking one value, leaving the state as it is", () => {
    const s = parseQuery("?sector=health", FACETS);
    const copy = structuredClone(s);
    assert.deepEqual(toggled(s, "sector", "energy").f.sector, ["health", "energy"]);
    assert.deepEqual(toggled(s, "sector", "health").f.sector, []);
    assert.deepEqual(toggled(s, "sector", "health").f.status, ["open"]);
    assert.deepEqual(s, copy);
  });

  test("removing a chip's value; the status chip 'any' brings the default back", () => {
    const s = parseQuery("?status=any&sector=health&sector=energy", FACETS);
    const copy = structuredClone(s);
    assert.deepEqual(withoutValue(s, "sector", "health").f.sector, ["energy"]);
    assert.deepEqual(withoutValue(s, "status", "any").f.status, ["open"]);
    assert.deepEqual(withoutValue(parseQuery("?status=closed", FACETS), "status", "closed").f.status, []);
    assert.deepEqual(s, copy);
  });
});

describe("activeCount and chipsOf", () => {
  test("the default status is not a filter; any status is one", () => {
    assert.equal(activeCount(emptyState(FACETS, "x"), NAMES), 0);
    assert.equal(activeCount(parseQuery("?status=any", FACETS), NAMES), 1);
    assert.equal(activeCount(parseQuery("?status=open&status=closed&sector=health&sector=energy&grade=9", FACETS), NAMES), 5);
    assert.equal(activeCount(parseQuery("?sector=health&grade=9", FACETS), ["sector"]), 1);
  });

  test("a chip per value, in the facets' order", () => {
    const s = parseQuery("?org=niño-health&status=any&sector=energy&sector=health", FACETS);
    assert.deepEqual(chipsOf(s, FACETS, "Any status"), [
      { name: "status", value: "any", text: "Status: Any status" },
      { name: "sector", value: "health", text: "Sector: Health" },
      { name: "sector", value: "energy", text: "Sector: Energía" },
      { name: "org", value: "niño-health", text: "Organization: Niño Health" },
    ]);
  });

  test("the default status has a chip too; only the facets given count", () => {
    assert.deepEqual(chipsOf(emptyState(FACETS, ""), FACETS, "Any"), [{ name: "status", value: "open", text: "Status: Open" }]);
    assert.deepEqual(chipsOf(emptyState(FACETS, ""), FACETS.slice(1), "Any"), []);
    assert.deepEqual(chipsOf(parseQuery("?sector=health&grade=9", FACETS), FACETS.slice(2), "Any"), [{ name: "grade", value: "9", text: "Grade: 9" }]);
  });
});
