import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  RELEVANCE, browseMeta, activeCount, chipsOf, defaultSort, effectiveSort, emptyState, has,
  knownFacets, normalizedSort, parseQuery, rangeValues, sameList, toQuery, toggled, withoutValue,
} from "../../site_overrides/assets/browse/url-state.js";
import { golden } from "./golden.mjs";

// The parameters as the facet index gives them (the generator's facets.py).
const PARAMS = golden("browse-en.json").files["facets.json"].params;
const META = browseMeta(PARAMS);

// Filters as the labels JSON gives them (values in their order).
const FACETS = [
  { name: "status", label: "Status", values: { open: "Open", upcoming: "Opens soon", closed: "Closed" } },
  { name: "sector", label: "Sector", values: { health: "Health", manufacturing: "Manufacturing", energy: "Energía" } },
  { name: "grade", label: "Grade", values: { 9: "9", 10: "10", 11: "11", 12: "12" } },
  { name: "org", label: "Organization", values: { acme: "Acme", "niño-health": "Niño Health" } },
];
const NAMES = FACETS.map((f) => f.name);

describe("browseMeta", () => {
  test("the stable parameters, in their order, from the facet index", () => {
    assert.deepEqual(META.order, ["q", "status", "sector", "format", "stage", "pay", "wage", "grade", "age", "area", "mode",
      "season", "offers", "transport", "language", "quality", "signal", "org", "pathway", "school", "verified", "region", "near", "within", "sort"]);
    assert.deepEqual([META.q, META.sort, META.status, META.anyStatus], ["q", "sort", "status", "any"]);
    assert.deepEqual([...META.single], ["wage", "age", "quality"]);
    assert.deepEqual([...META.range], ["grade"]);
    assert.deepEqual([...META.open], ["status", "pay"]);
    assert.deepEqual(META.sorts, ["deadline", "reviewed", "pay", "distance"]);
    assert.deepEqual(META.near, { param: "near", within: "within", miles: [5, 10, 25], sort: "distance" });
    assert.deepEqual(META.defaultStatus, ["open"]);
    assert.deepEqual(META.facets, META.order.filter((name) => !["q", "sort", "near", "within"].includes(name)).sort((a, b) =>
      PARAMS.facets.findIndex((f) => f.param === a) - PARAMS.facets.findIndex((f) => f.param === b)));
  });

  test("an index without parameters throws", () => {
    assert.throws(() => browseMeta(null), /no parameters/);
    assert.throws(() => browseMeta({ order: [] }), /no parameters/);
  });

  test("another registry, other parameters", () => {
    const meta = browseMeta({ order: ["s", "k", "o"], q: "s", sort: "o", status: "k", facets: [{ param: "k", single: true }],
      sorts: ["new"], default_status: ["live"], any_status: "all" });
    const facets = [{ name: "k", label: "K", values: { live: "Live", old: "Old" } }];
    assert.deepEqual(parseQuery("?s=x&k=all&o=new", facets, meta), { q: "x", sort: "new", f: { k: [] } });
    assert.deepEqual(parseQuery("?k=old&o=new&q=y", facets, meta), { q: "", sort: "", f: { k: ["old"] } });
    assert.equal(toQuery({ q: "x", sort: "old", f: { k: [] } }, meta), "?s=x&k=all&o=old");
    assert.equal(toQuery(emptyState(facets, "", meta), meta), "");
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
    assert.deepEqual(knownFacets(list, META).map((f) => f.name), NAMES);
    assert.deepEqual(knownFacets(undefined, META), []);
  });
});

describe("emptyState", () => {
  test("the default status and nothing else", () => {
    assert.deepEqual(emptyState(FACETS, "", META), { q: "", sort: "", f: { status: ["open"], sector: [], grade: [], org: [] } });
    assert.equal(emptyState(FACETS, "", META).q, "");
    assert.equal(emptyState(FACETS, "nurse", META).q, "nurse");
  });

  test("a copy of the default status", () => {
    const s = emptyState(FACETS, "", META);
    s.f.status.push("closed");
    assert.deepEqual(META.defaultStatus, ["open"]);
  });
});

describe("sorts", () => {
  test("best match with words, else deadline", () => {
    assert.equal(defaultSort({ q: "" }, META), "deadline");
    assert.equal(defaultSort({ q: " ?! " }, META), "deadline");
    assert.equal(defaultSort({ q: "nurse" }, META), "");
    assert.equal(effectiveSort({ q: "", sort: "" }, META), "deadline");
    assert.equal(effectiveSort({ q: "nurse", sort: "" }, META), "");
    assert.equal(effectiveSort({ q: "nurse", sort: "pay" }, META), "pay");
  });

  test("the default and unknown sorts are kept as none", () => {
    assert.equal(normalizedSort({ q: "", sort: "deadline" }, META), "");
    assert.equal(normalizedSort({ q: "nurse", sort: "deadline" }, META), "deadline");
    assert.equal(normalizedSort({ q: "", sort: "pay" }, META), "pay");
    assert.equal(normalizedSort({ q: "", sort: "relevance" }, META), "");
    assert.equal(normalizedSort({ q: "", sort: "" }, META), "");
  });
});

describe("parseQuery", () => {
  test("no parameters: the empty state", () => {
    assert.deepEqual(parseQuery("", FACETS, META), emptyState(FACETS, "", META));
    assert.deepEqual(parseQuery("?", FACETS, META), emptyState(FACETS, "", META));
  });

  test("values in the facet's order, repeated or separated by commas, unknown ones left out", () => {
    const s = parseQuery("?sector=energy&sector=health,%20nope&sector=&org=ni%C3%B1o-health", FACETS, META);
    assert.deepEqual(s.f.sector, ["health", "energy"]);
    assert.deepEqual(s.f.org, ["niño-health"]);
  });

  test("a one-value filter keeps the first known value given", () => {
    const facets = [...FACETS, { name: "age", label: "Age", values: { 15: "15", 16: "16", 17: "17" } }];
    assert.deepEqual(parseQuery("?age=30&age=17&age=15", facets, META).f.age, ["17"]);
    assert.deepEqual(parseQuery("?age=30", facets, META).f.age, []);
  });

  test("status: any, unknown, several", () => {
    assert.deepEqual(parseQuery("?status=any", FACETS, META).f.status, []);
    assert.deepEqual(parseQuery("?status=open&status=any", FACETS, META).f.status, []);
    assert.deepEqual(parseQuery("?status=nope", FACETS, META).f.status, ["open"]);
    assert.deepEqual(parseQuery("?status=", FACETS, META).f.status, ["open"]);
    assert.deepEqual(parseQuery("?status=closed,open", FACETS, META).f.status, ["open", "closed"]);
  });

  test("the search text as given, with spaces and accents", () => {
    assert.equal(parseQuery("?q=+enfermer%C3%ADa++x", FACETS, META).q, " enfermería  x");
    assert.equal(parseQuery("?q=a%26b%3Dc", FACETS, META).q, "a&b=c");
  });

  test("sort: kept when known and not the default", () => {
    assert.equal(parseQuery("?sort=pay", FACETS, META).sort, "pay");
    assert.equal(parseQuery("?sort=deadline", FACETS, META).sort, "");
    assert.equal(parseQuery("?q=nurse&sort=deadline", FACETS, META).sort, "deadline");
    assert.equal(parseQuery("?sort=relevance", FACETS, META).sort, "");
    assert.equal(parseQuery("?sort=bogus", FACETS, META).sort, "");
  });

  test("parameters of other filters and unknown ones are left out", () => {
    assert.deepEqual(parseQuery("?format=internship&utm_source=x&__proto__=1", FACETS, META), emptyState(FACETS, "", META));
  });

  test("values that are names of Object's properties are not values", () => {
    assert.deepEqual(parseQuery("?sector=toString&sector=constructor", FACETS, META).f.sector, []);
  });
});

describe("toQuery", () => {
  test("defaults are left out", () => {
    assert.equal(toQuery(emptyState(FACETS, "", META), META), "");
    assert.equal(toQuery(emptyState(FACETS, "   ", META), META), "");
  });

  test("parameters in the order of the address, values in the state's order", () => {
    const s = { q: " nurse ", sort: "pay", f: { org: ["acme"], grade: ["11"], sector: ["energy", "health"], status: ["open"] } };
    assert.equal(toQuery(s, META), "?q=nurse&sector=energy&sector=health&grade=11&org=acme&sort=pay");
  });

  test("status: any, other than the default", () => {
    assert.equal(toQuery({ q: "", sort: "", f: { status: [] } }, META), "?status=any");
    assert.equal(toQuery({ q: "", sort: "", f: { status: ["open", "closed"] } }, META), "?status=open&status=closed");
    assert.equal(toQuery({ q: "", sort: "", f: { status: ["closed"] } }, META), "?status=closed");
  });

  test("text is encoded as a form would", () => {
    assert.equal(toQuery({ q: "enfermería & co", sort: "", f: {} }, META), "?q=enfermer%C3%ADa+%26+co");
    assert.equal(toQuery({ q: "", sort: "", f: { org: ["niño-health"] } }, META), "?org=ni%C3%B1o-health");
  });

  test("round trips", () => {
    const states = [
      emptyState(FACETS, "", META),
      { q: "nurse", sort: "", f: { status: [], sector: ["health", "energy"], grade: ["9"], org: [] } },
      { q: "año", sort: "reviewed", f: { status: ["upcoming", "closed"], sector: [], grade: [], org: ["niño-health", "acme"].sort() } },
    ];
    for (const s of states) {
      const back = parseQuery(toQuery(s, META), FACETS, META);
      assert.equal(toQuery(back, META), toQuery(s, META));
    }
    const canonical = "?q=a+b&status=any&sector=health&sector=energy&grade=12&org=acme&sort=reviewed";
    assert.equal(toQuery(parseQuery(canonical, FACETS, META), META), canonical);
  });
});

describe("toggled and withoutValue", () => {
  test("ticking and unticking one value, leaving the state as it is", () => {
    const s = parseQuery("?sector=health", FACETS, META);
    const copy = structuredClone(s);
    assert.deepEqual(toggled(s, "sector", "energy").f.sector, ["health", "energy"]);
    assert.deepEqual(toggled(s, "sector", "health").f.sector, []);
    assert.deepEqual(toggled(s, "sector", "health").f.status, ["open"]);
    assert.deepEqual(s, copy);
  });

  test("removing a chip's value; the status chip 'any' brings the default back", () => {
    const s = parseQuery("?status=any&sector=health&sector=energy", FACETS, META);
    const copy = structuredClone(s);
    assert.deepEqual(withoutValue(s, "sector", "health", META).f.sector, ["energy"]);
    assert.deepEqual(withoutValue(s, "status", "any", META).f.status, ["open"]);
    assert.deepEqual(withoutValue(parseQuery("?status=closed", FACETS, META), "status", "closed", META).f.status, []);
    assert.deepEqual(s, copy);
  });
});

describe("activeCount and chipsOf", () => {
  test("the default status is not a filter; any status is one", () => {
    assert.equal(activeCount(emptyState(FACETS, "x", META), NAMES, META), 0);
    assert.equal(activeCount(parseQuery("?status=any", FACETS, META), NAMES, META), 1);
    assert.equal(activeCount(parseQuery("?status=open&status=closed&sector=health&sector=energy&grade=9", FACETS, META), NAMES, META), 5);
    assert.equal(activeCount(parseQuery("?sector=health&grade=9", FACETS, META), ["sector"], META), 1);
  });

  test("a chip per value, in the facets' order", () => {
    const s = parseQuery("?org=niño-health&status=any&sector=energy&sector=health", FACETS, META);
    assert.deepEqual(chipsOf(s, FACETS, "Any status", META), [
      { name: "status", value: "any", text: "Status: Any status" },
      { name: "sector", value: "health", text: "Sector: Health" },
      { name: "sector", value: "energy", text: "Sector: Energía" },
      { name: "org", value: "niño-health", text: "Organization: Niño Health" },
    ]);
  });

  test("the default status has a chip too; only the facets given count", () => {
    assert.deepEqual(chipsOf(emptyState(FACETS, "", META), FACETS, "Any", META), [{ name: "status", value: "open", text: "Status: Open" }]);
    assert.deepEqual(chipsOf(emptyState(FACETS, "", META), FACETS.slice(1), "Any", META), []);
    assert.deepEqual(chipsOf(parseQuery("?sector=health&grade=9", FACETS, META), FACETS.slice(2), "Any", META), [{ name: "grade", value: "9", text: "Grade: 9" }]);
  });
});

describe("near and within", () => {
  // A registry with near me, as facets.py browse_metadata writes it.
  const meta = browseMeta({
    order: ["q", "status", "near", "within", "sort"], q: "q", sort: "sort", status: "status",
    facets: [{ param: "status" }], sorts: ["deadline", "pay", "distance"], default_status: ["open"], any_status: "any",
    near: { param: "near", within: "within", miles: [5, 10, 25], sort: "distance" },
  });
  const facets = [{ name: "status", label: "Status", values: { open: "Open", closed: "Closed" } }];

  test("a ZIP code and a distance restore from the address, and are written back in their place", () => {
    const s = parseQuery("?within=5&near=90044", facets, meta);
    assert.deepEqual(s, { q: "", sort: "", f: { status: ["open"] }, near: "90044", within: 5 });
    assert.equal(toQuery(s, meta), "?near=90044&within=5");
    assert.equal(toQuery({ ...s, f: { status: [] }, sort: "pay" }, meta), "?status=any&near=90044&within=5&sort=pay");
  });

  test("with a place, distance is the default sort, with search words or without", () => {
    const s = parseQuery("?near=90044", facets, meta);
    assert.equal(defaultSort(s, meta), "distance");
    assert.equal(effectiveSort(s, meta), "distance");
    assert.equal(parseQuery("?near=90044&sort=distance", facets, meta).sort, "");
    assert.equal(parseQuery("?near=90044&sort=deadline", facets, meta).sort, "deadline");
    assert.equal(toQuery(parseQuery("?near=90044&sort=deadline", facets, meta), meta), "?near=90044&sort=deadline");
    const words = parseQuery("?q=nurse&near=90044&sort=distance", facets, meta);
    assert.equal(words.sort, "");
    assert.equal(effectiveSort(words, meta), "distance");
    assert.equal(toQuery(words, meta), "?q=nurse&near=90044");
  });

  test("best match is a sort of its own only where distance would be the default", () => {
    const words = parseQuery("?q=nurse&near=90044&sort=relevance", facets, meta);
    assert.equal(words.sort, RELEVANCE);
    assert.equal(effectiveSort(words, meta), "relevance");
    assert.equal(toQuery(words, meta), "?q=nurse&near=90044&sort=relevance");
    assert.equal(parseQuery("?q=nurse&sort=relevance", facets, meta).sort, "");
    assert.equal(parseQuery("?near=90044&sort=relevance", facets, meta).sort, "");
    assert.equal(effectiveSort(parseQuery("?q=nurse", facets, meta), meta), "");
  });

  test("no place: no distance, and no distance sort", () => {
    for (const query of ["?within=5", "?near=9004", "?near=Watts&within=5", "?sort=distance"]) {
      const s = parseQuery(query, facets, meta);
      assert.deepEqual(s, { q: "", sort: "", f: { status: ["open"] } }, query);
      assert.equal(toQuery(s, meta), "", query);
    }
    assert.equal(defaultSort({ q: "", sort: "", f: {} }, meta), "deadline");
  });

  test("an unpublished distance is left out", () => {
    const s = parseQuery("?near=90044&within=7", facets, meta);
    assert.ok(!("within" in s));
    assert.equal(toQuery(s, meta), "?near=90044");
  });

  test("a registry without near me reads neither", () => {
    const old = browseMeta({ order: ["q", "status", "sort"], q: "q", sort: "sort", status: "status", facets: [{ param: "status" }],
      sorts: ["deadline"], default_status: ["open"], any_status: "any" });
    assert.equal(old.near, null);
    assert.deepEqual(parseQuery("?near=90044&within=5", facets, old), { q: "", sort: "", f: { status: ["open"] } });
  });
});

describe("several grades", () => {
  // The counselor's filters: grades as the registry lists them (6-14), a format and a pay type.
  const grades = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 6), String(i + 6)]));
  const facets = [
    { name: "status", label: "Status", values: { open: "Open", upcoming: "Opens soon", closed: "Closed" } },
    { name: "format", label: "Format", values: { "job-shadow": "Job shadow", internship: "Internship" } },
    { name: "pay", label: "Pay", values: { "paid-any": "Paid or stipend", unpaid: "Unpaid" } },
    { name: "grade", label: "Grade", values: grades },
  ];
  const grade = facets[3];
  const COUNSELOR = "?format=job-shadow&pay=unpaid&grade=9&grade=10";

  test("the grade filter takes several grades and ranges; the other one-value filters do not", () => {
    assert.equal(META.single.has("grade"), false);
    assert.equal(META.range.has("grade"), true);
    assert.equal(META.single.has("age"), true);
  });

  test("the counselor's link: every grade given, in the filter's order, and the same address back", () => {
    const s = parseQuery("?grade=10&grade=9&format=job-shadow&pay=unpaid", facets, META);
    assert.deepEqual(s.f, { status: ["open"], format: ["job-shadow"], pay: ["unpaid"], grade: ["9", "10"] });
    assert.equal(toQuery(s, META), COUNSELOR);
    assert.deepEqual(parseQuery(toQuery(s, META), facets, META), s);
    assert.deepEqual(parseQuery("?grade=9,10", facets, META).f.grade, ["9", "10"]);
  });

  test("an old link with one grade means what it meant", () => {
    const s = parseQuery("?grade=11", facets, META);
    assert.deepEqual(s.f.grade, ["11"]);
    assert.equal(toQuery(s, META), "?grade=11");
  });

  test("a from-to pair is every grade between, written back as repeated grades", () => {
    assert.deepEqual(parseQuery("?grade=9-10", facets, META).f.grade, ["9", "10"]);
    assert.deepEqual(parseQuery("?grade=12-9", facets, META).f.grade, ["9", "10", "11", "12"]);
    assert.deepEqual(parseQuery("?grade=9%E2%80%9311", facets, META).f.grade, ["9", "10", "11"]); // an en dash
    assert.deepEqual(parseQuery("?grade=6-7&grade=13-14", facets, META).f.grade, ["6", "7", "13", "14"]);
    assert.deepEqual(parseQuery("?grade=9-10&grade=10", facets, META).f.grade, ["9", "10"]);
    assert.equal(toQuery(parseQuery("?grade=9-10&format=job-shadow&pay=unpaid", facets, META), META), COUNSELOR);
  });

  test("a pair with an unknown end, or of a facet without ranges, is an unknown value", () => {
    assert.deepEqual(parseQuery("?grade=9-20", facets, META).f.grade, []);
    assert.deepEqual(parseQuery("?grade=9-10-11", facets, META).f.grade, []);
    assert.deepEqual(parseQuery("?grade=-9", facets, META).f.grade, []);
    const formats = parseQuery("?format=job-shadow-internship", facets, META).f.format;
    assert.deepEqual(formats, []);
    assert.deepEqual(rangeValues(grade, "9-9"), ["9"]);
    assert.deepEqual(rangeValues(grade, "x-9"), ["x-9"]);
    assert.deepEqual(rangeValues(grade, "11"), ["11"]);
  });

  test("ticking a second grade adds it; each grade is a chip and a filter in use", () => {
    const s = toggled(parseQuery("?grade=9", facets, META), "grade", "10");
    assert.deepEqual(s.f.grade, ["9", "10"]);
    assert.equal(toQuery(s, META), "?grade=9&grade=10");
    assert.equal(activeCount(s, facets.map((f) => f.name), META), 2);
    assert.deepEqual(chipsOf(s, facets.slice(3), "Any", META), [
      { name: "grade", value: "9", text: "Grade: 9" },
      { name: "grade", value: "10", text: "Grade: 10" },
    ]);
    assert.deepEqual(withoutValue(s, "grade", "9", META).f.grade, ["10"]);
  });
});
