import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { ordinals } from "../../site_overrides/assets/browse/bits.js";
import {
  countIn, countsOf, evaluate, facetMask, ordered, relaxations, valueBits, visibleValues,
} from "../../site_overrides/assets/browse/filters.js";
import { sortOrder } from "../../site_overrides/assets/browse/index.js";
import { golden, wholeIndex } from "./golden.mjs";

const browse = golden("browse-en.json");
const { files, expected } = browse;
const index = wholeIndex(browse);
const names = Object.keys(expected.facets);
const every = [...Array(expected.n).keys()];

// The answers worked out with plain sets from the generator's facet rows.
const having = (name, values) => new Set(values.flatMap((v) => expected.facets[name][v] || []));
const matching = (chosen, among = every) =>
  among.filter((i) => Object.entries(chosen).every(([name, values]) => !values.length || having(name, values).has(i)));
const state = (chosen) => ({ q: "", sort: "", f: Object.fromEntries(names.map((name) => [name, chosen[name] || []])) });

// Two values of the biggest facet that some listings have and others do not.
const [SECTOR_A, SECTOR_B] = Object.keys(expected.facets.sector);
const SOME_STATUS = Object.keys(expected.facets.status).find((v) => expected.facets.status[v].length < expected.n);

describe("valueBits", () => {
  test("the listings of a value", () => {
    for (const name of names) {
      for (const [value, list] of Object.entries(expected.facets[name])) assert.deepEqual(ordinals(valueBits(index, name, value)), list);
    }
  });

  test("null for an unknown value or facet", () => {
    assert.equal(valueBits(index, "sector", "no-such-sector"), null);
    assert.equal(valueBits(index, "no-such-facet", "x"), null);
  });
});

describe("facetMask", () => {
  test("any of the chosen values", () => {
    assert.deepEqual(ordinals(facetMask(index, "sector", [SECTOR_A, SECTOR_B])), [...having("sector", [SECTOR_A, SECTOR_B])].sort((a, b) => a - b));
  });

  test("unknown values add nothing; no values, no listings", () => {
    assert.deepEqual(ordinals(facetMask(index, "sector", [SECTOR_A, "nope"])), expected.facets.sector[SECTOR_A]);
    assert.deepEqual(ordinals(facetMask(index, "sector", [])), []);
    assert.equal(facetMask(index, "sector", []).length, index.words);
  });
});

describe("countIn", () => {
  test("over every listing: each value's listings", () => {
    for (const name of names) {
      const counts = countIn(index, index.all, name);
      assert.deepEqual(counts, Object.fromEntries(Object.entries(expected.facets[name]).map(([v, list]) => [v, list.length])));
    }
  });

  test("over some listings", () => {
    const base = facetMask(index, "status", [SOME_STATUS]);
    const among = new Set(expected.facets.status[SOME_STATUS]);
    const counts = countIn(index, base, "sector");
    for (const [v, list] of Object.entries(expected.facets.sector)) assert.equal(counts[v], list.filter((i) => among.has(i)).length, v);
  });

  test("an unknown facet has no counts", () => {
    assert.deepEqual(countIn(index, index.all, "no-such-facet"), {});
  });
});

describe("evaluate and countsOf", () => {
  test("no filters: every listing", () => {
    const ev = evaluate(index, names, state({}), null);
    assert.deepEqual(ordinals(ev.base), every);
    assert.equal(ev.masks.size, 0);
  });

  test("values of one facet: any; of different facets: all", () => {
    const chosen = { status: [SOME_STATUS], sector: [SECTOR_A, SECTOR_B], grade: ["11"] };
    const ev = evaluate(index, names, state(chosen), null);
    assert.deepEqual(ordinals(ev.base), matching(chosen));
    assert.deepEqual(new Set(ev.masks.keys()), new Set(["status", "sector", "grade"]));
    assert.ok(matching(chosen).length > 0 && matching(chosen).length < expected.n);
  });

  test("with words: only the listings found", () => {
    const words = { bits: facetMask(index, "sector", [SECTOR_B]) };
    const chosen = { grade: ["10"] };
    const ev = evaluate(index, names, state(chosen), words);
    assert.deepEqual(ordinals(ev.base), matching({ ...chosen, sector: [SECTOR_B] }));
  });

  test("a facet in use is counted without its own choice; the others with every filter", () => {
    const chosen = { status: [SOME_STATUS], sector: [SECTOR_A] };
    const ev = evaluate(index, names, state(chosen), null);
    const sectorCounts = countsOf(index, ev, "sector");
    const withoutSector = matching({ status: chosen.status });
    for (const [v, list] of Object.entries(expected.facets.sector)) {
      assert.equal(sectorCounts[v], list.filter((i) => withoutSector.includes(i)).length, v);
    }
    const gradeCounts = countsOf(index, ev, "grade");
    const both = matching(chosen);
    for (const [v, list] of Object.entries(expected.facets.grade)) assert.equal(gradeCounts[v], list.filter((i) => both.includes(i)).length, v);
  });

  test("each facet is counted once per evaluation", () => {
    const ev = evaluate(index, names, state({ sector: [SECTOR_A] }), null);
    const first = countsOf(index, ev, "sector");
    assert.equal(countsOf(index, ev, "sector"), first);
    assert.deepEqual([...ev.counts.keys()], ["sector"]);
  });

  test("the state is left as it is", () => {
    const s = state({ sector: [SECTOR_A] });
    const copy = structuredClone(s);
    evaluate(index, names, s, null);
    assert.deepEqual(s, copy);
  });
});

describe("ordered", () => {
  const base = facetMask(index, "sector", [SECTOR_A]);

  test("without an order: lowest ordinal first (the deadline sort)", () => {
    assert.deepEqual(ordered(base, null), expected.facets.sector[SECTOR_A]);
  });

  test("in a sort's order", () => {
    const order = sortOrder(files["sort-pay.json"], expected.n);
    const want = expected.sorts.pay.filter((i) => expected.facets.sector[SECTOR_A].includes(i));
    assert.deepEqual(ordered(base, order), want);
  });

  test("in a word search's order", () => {
    assert.deepEqual(ordered(base, [69, 3, 0, 2, 1].filter((i) => i < expected.n)), [69, 3, 0, 2, 1].filter((i) => expected.facets.sector[SECTOR_A].includes(i)));
  });

  test("nothing in, nothing out", () => {
    assert.deepEqual(ordered(new Uint32Array(index.words), null), []);
    assert.deepEqual(ordered(base, []), []);
  });
});

describe("visibleValues", () => {
  const facet = { name: "sector", values: { a: "A", b: "B", c: "C", d: "D" } };

  test("values some listing has, and values chosen, in the facet's order", () => {
    assert.deepEqual(visibleValues(facet, { a: 2, b: 0, d: 1 }, []), ["a", "d"]);
    assert.deepEqual(visibleValues(facet, { a: 2, b: 0, d: 1 }, ["c", "b"]), ["a", "b", "c", "d"]);
  });

  test("no counts at all", () => {
    assert.deepEqual(visibleValues(facet, undefined, []), []);
    assert.deepEqual(visibleValues(facet, {}, ["b"]), ["b"]);
    assert.deepEqual(visibleValues({ name: "x", values: {} }, {}, []), []);
  });
});

describe("relaxations", () => {
  test("what dropping each filter in use would find, most first, none that finds nothing", () => {
    const nobody = Object.keys(expected.facets.sector).find((v) => !matching({ sector: [v], status: [SOME_STATUS] }).length
      && matching({ sector: [v] }).length);
    const chosen = nobody ? { sector: [nobody], status: [SOME_STATUS] } : { sector: [SECTOR_A], status: [SOME_STATUS] };
    const got = relaxations(index, names, state(chosen), null);
    const want = Object.keys(chosen)
      .map((name) => ({ name, count: matching({ ...chosen, [name]: [] }).length }))
      .filter((r) => r.count)
      .sort((a, b) => b.count - a.count);
    assert.deepEqual(got, want);
    assert.ok(got.length);
  });

  test("nothing to drop without filters", () => {
    assert.deepEqual(relaxations(index, names, state({}), null), []);
  });
});
