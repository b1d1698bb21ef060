import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { ordinals, wordCount } from "../../site_overrides/assets/browse/bits.js";
import {
  INDEX_FORMAT, WORDS_FORMAT, cardGrades, cardRecord, decodeIndex, decodeWordShard, eachRow, facetValues, sortOrder,
} from "../../site_overrides/assets/browse/index.js";
import { golden, wholeIndex } from "./golden.mjs";

// What every facet index has: the card shard size and the word limits.
const REQUIRED = { shard: 40, limits: { word: 32, query_words: 8 } };

const LANGS = ["en", "es"];
const browse = Object.fromEntries(LANGS.map((lang) => [lang, golden(`browse-${lang}.json`)]));
const encodings = golden("encodings.json");

// Facet name -> value -> ordinals, from a decoded index.
function facetOrdinals(index) {
  const out = {};
  for (const [name, f] of index.facets) {
    out[name] = {};
    for (const [value, i] of f.pos) out[name][value] = ordinals(f.bits[i]);
  }
  return out;
}

describe("decodeIndex", () => {
  for (const lang of LANGS) {
    const { url, files, expected } = browse[lang];
    const data = files["facets.json"];

    test(`${lang}: listings, facets and labels`, () => {
      const index = wholeIndex(browse[lang]);
      assert.equal(index.n, expected.n);
      assert.equal(index.words, wordCount(expected.n));
      assert.deepEqual(ordinals(index.all), [...Array(expected.n).keys()]);
      assert.deepEqual(facetOrdinals(index), expected.facets);
      assert.equal(index.lazy.size, 0);
      // The labels of facets.json, and those that came with a facet's own file.
      const own = Object.entries(data.facets).filter(([, f]) => f.file && files[f.file].labels);
      assert.ok(own.length > 0);
      assert.deepEqual(index.labels, { ...data.labels, ...Object.fromEntries(own.map(([name, f]) => [name, files[f.file].labels])) });
      assert.equal(index.shard, data.shard);
      assert.deepEqual(index.params, data.params);
      assert.deepEqual(index.limits, data.limits);
    });

    test(`${lang}: the formats this reader knows are the generator's`, () => {
      assert.equal(data.format, INDEX_FORMAT);
      assert.equal(data.words.format, WORDS_FORMAT);
    });

    test(`${lang}: addresses are relative to the index (under a subpath)`, () => {
      const index = decodeIndex(data, new URL(url));
      assert.equal(index.base.href, new URL(data.base, url).href);
      assert.ok(index.base.href.startsWith("https://example.org/catalog/"), index.base.href);
      assert.equal(index.wordIndex.path.href, new URL("words/", url).href);
      assert.equal(decodeIndex(data, url).base.href, index.base.href); // a text or a URL
    });

    test(`${lang}: the word index's description`, () => {
      const { wordIndex } = decodeIndex(data, url);
      assert.deepEqual([...wordIndex.keys], data.words.shards.split(" "));
      assert.deepEqual([...wordIndex.endings], data.words.endings);
      assert.equal(wordIndex.stem, data.words.stem);
    });
  }

  test("both encodings of a facet: sets and col, and Rice-coded postings", () => {
    const { n, facets } = encodings;
    assert.ok(facets.dense.facet.sets && facets.sparse.facet.post);
    const data = { format: INDEX_FORMAT, ...REQUIRED, n, facets: { dense: facets.dense.facet, sparse: facets.sparse.facet } };
    const decoded = facetOrdinals(decodeIndex(data, "https://example.org/"));
    assert.deepEqual(decoded.dense, facets.dense.ordinals);
    assert.deepEqual(decoded.sparse, facets.sparse.ordinals);
  });

  test("an unknown format throws", () => {
    assert.throws(() => decodeIndex({ format: 99, n: 0 }, "https://example.org/"), /unknown format 99/);
    assert.throws(() => decodeIndex({}, "https://example.org/"), /unknown format/);
  });

  test("what may be left out: facets, labels, parameters, base, word index", () => {
    const index = decodeIndex({ format: INDEX_FORMAT, ...REQUIRED, n: 3 }, "https://example.org/a/browse-data/en/facets.json");
    assert.equal(index.facets.size, 0);
    assert.deepEqual(index.labels, {});
    assert.equal(index.params, null);
    assert.equal(index.shard, REQUIRED.shard);
    assert.deepEqual(index.limits, REQUIRED.limits);
    assert.equal(index.base.href, "https://example.org/a/browse-data/en/facets.json");
    assert.equal(index.wordIndex, null);
  });

  test("the card shard size and the word limits may not be left out", () => {
    const url = "https://example.org/";
    assert.throws(() => decodeIndex({ format: INDEX_FORMAT, n: 1, limits: REQUIRED.limits }, url), /no card shard size/);
    assert.throws(() => decodeIndex({ format: INDEX_FORMAT, n: 1, shard: 40 }, url), /no word limits/);
    assert.throws(() => decodeIndex({ format: INDEX_FORMAT, n: 1, shard: 40, limits: { word: 32 } }, url), /no word limits/);
  });

  test("no listings", () => {
    const index = decodeIndex({ format: INDEX_FORMAT, ...REQUIRED, n: 0, facets: { a: { values: ["x"], sets: [[0]], col: "" } } }, "https://example.org/");
    assert.equal(index.all.length, 0);
    assert.deepEqual(ordinals(index.facets.get("a").bits[0]), []);
  });

  test("a word index of another format is ignored", () => {
    const data = { format: INDEX_FORMAT, ...REQUIRED, n: 1, words: { format: WORDS_FORMAT + 1, shards: "ab" } };
    assert.equal(decodeIndex(data, "https://example.org/").wordIndex, null);
    const path = decodeIndex({ ...data, words: { format: WORDS_FORMAT } }, "https://example.org/x/").wordIndex.path;
    assert.equal(path.href, "https://example.org/x/words/");
  });
});

describe("eachRow", () => {
  test("one digit a row", () => {
    const rows = [];
    eachRow({ sets: [[0], [1, 2], []], col: "ABCA" }, 4, (i, row) => rows.push([i, row]));
    assert.deepEqual(rows, [[0, [0]], [1, [1, 2]], [2, []], [3, [0]]]);
  });

  test("two digits a row", () => {
    const sets = Array.from({ length: 70 }, (_, i) => [i]);
    const rows = [];
    eachRow({ sets, width: 2, col: "AAABBF" }, 3, (i, row) => rows.push(row[0]));
    assert.deepEqual(rows, [0, 1, 69]);
  });

  test("a row past the table, or a column too short, throws", () => {
    assert.throws(() => eachRow({ sets: [[0]], col: "B" }, 1, () => {}), /bad column/);
    assert.throws(() => eachRow({ sets: [[0]], col: "A" }, 2, () => {}), /bad column/);
    assert.throws(() => eachRow({ col: "A" }, 1, () => {}), /bad column/);
  });

  test("no listings: no visits", () => {
    eachRow({}, 0, () => assert.fail("visited"));
  });
});

describe("sortOrder", () => {
  for (const lang of LANGS) {
    const { files, expected } = browse[lang];
    for (const name of Object.keys(expected.sorts)) {
      test(`${lang}: ${name}`, () => {
        const order = sortOrder(files[`sort-${name}.json`], expected.n);
        assert.ok(order instanceof Int32Array);
        assert.deepEqual([...order], expected.sorts[name]);
      });
    }
  }

  test("equal ranks keep the ordinal order", () => {
    const data = { sets: [[2], [0], [1]], col: "ABCABA" };
    assert.deepEqual([...sortOrder(data, 6)], [1, 4, 2, 0, 3, 5]); // ranks 2 0 1 2 0 2
  });

  test("no listings", () => {
    assert.deepEqual([...sortOrder({}, 0)], []);
  });
});

describe("cardRecord", () => {
  for (const lang of LANGS) {
    const { url, files, expected } = browse[lang];
    test(`${lang}: every card, from its shard`, () => {
      const index = decodeIndex(files["facets.json"], url); // the cards need none of the facets' own files
      for (let i = 0; i < expected.n; i++) {
        const cards = files[`cards-${Math.floor(i / index.shard)}.json`];
        const record = cardRecord(cards, i, index.shard, index.base);
        const want = Object.fromEntries(Object.entries(expected.cards[i]).map(([k, v]) => [k, v === null ? undefined : v]));
        assert.deepEqual(record, want, String(i));
      }
    });
  }

  test("the titles in another language say so", () => {
    assert.ok(browse.es.expected.cards.some((c) => c.titleLang === "en"));
  });

  test("a card that is not there throws", () => {
    assert.throws(() => cardRecord([{ u: "a/b" }], 1, 40, "https://example.org/"), /no card 1/);
    assert.throws(() => cardRecord([], 40, 40, "https://example.org/"), /no card 40/);
  });

  test("a track of a listing links to its section and names the track", () => {
    const cards = [{ u: "o/summer", t: "Summer jobs", k: "ages-14-15", kn: "Ages 14–15", kl: "en" }, { u: "o/summer", t: "Summer jobs" }];
    const track = cardRecord(cards, 0, 40, new URL("https://example.org/s/opportunities/"));
    assert.equal(track.href, "https://example.org/s/opportunities/o/summer/#track-ages-14-15");
    assert.equal(track.track, "Ages 14–15");
    assert.equal(track.trackLang, "en");
    const listing = cardRecord(cards, 1, 40, new URL("https://example.org/s/opportunities/"));
    assert.equal(listing.href, "https://example.org/s/opportunities/o/summer/");
    assert.ok(!("track" in listing));
  });

  test("an id with characters to escape", () => {
    const record = cardRecord([{ u: "o/x y", t: "T" }], 0, 40, new URL("https://example.org/s/opportunities/"));
    assert.equal(record.href, "https://example.org/s/opportunities/o/x%20y/");
    assert.equal(record.title, "T");
    assert.equal(record.titleLang, undefined);
  });
});

describe("facetValues", () => {
  for (const lang of LANGS) {
    const { expected } = browse[lang];
    test(`${lang}: each listing's values of each facet, in the facet's order`, () => {
      const index = wholeIndex(browse[lang]);
      for (const [name, values] of Object.entries(expected.facets)) {
        for (let i = 0; i < expected.n; i++) {
          const want = Object.keys(values).filter((v) => values[v].includes(i));
          assert.deepEqual(facetValues(index, name, i), want, `${name} ${i}`);
        }
      }
    });
  }

  test("a facet that the index does not have: no values", () => {
    const index = decodeIndex(browse.en.files["facets.json"], browse.en.url);
    assert.deepEqual(facetValues(index, "no-such-facet", 0), []);
  });
});

describe("cardGrades", () => {
  test("a card shows its listing's grade values", () => {
    const { files } = browse.en;
    const index = wholeIndex(browse.en);
    const record = cardRecord(files["cards-0.json"], 0, index.shard, index.base);
    assert.equal(record.noGrades, undefined);
    assert.deepEqual(cardGrades(index, record, 0), facetValues(index, "grade", 0));
    assert.ok(cardGrades(index, record, 0).length > 0);
  });

  test("a listing open to ages only (`ng`): its grade values are for the filter, its card shows none", () => {
    const { files } = browse.en;
    const index = wholeIndex(browse.en);
    const cards = [{ ...files["cards-0.json"][0], ng: 1 }];
    const record = cardRecord(cards, 0, index.shard, index.base);
    assert.equal(record.noGrades, true);
    assert.ok(facetValues(index, "grade", 0).length > 0);
    assert.deepEqual(cardGrades(index, record, 0), []);
  });
});

describe("decodeWordShard", () => {
  for (const lang of LANGS) {
    const { files, expected } = browse[lang];
    for (const [name, entries] of Object.entries(expected.shards)) {
      test(`${lang}: ${name}`, () => {
        const data = files["words/" + name];
        const shard = decodeWordShard(data);
        assert.deepEqual(shard.w, entries.map((e) => e.word));
        assert.deepEqual(shard.stems, entries.map((e) => e.stem));
        assert.deepEqual([shard.c, shard.p, shard.tc, shard.tp], [data.c, data.p, data.tc, data.tp]);
      });
    }
  }

  test("stems as lengths to drop (in code points) and as words", () => {
    const shard = decodeWordShard({ w: ["nursing", "añós", "ωmegas", "run"], s: [3, 1, 1, "ran"], c: [], p: [], tc: [], tp: [] });
    assert.deepEqual(shard.stems, ["nurs", "añó", "ωmega", "ran"]);
  });

  test("a stem of a word outside the Basic Multilingual Plane", () => {
    const shard = decodeWordShard({ w: ["𝒜bc"], s: [1], c: [1], p: ["A"], tc: [0], tp: [""] });
    assert.deepEqual(shard.stems, ["𝒜b"]);
  });

  test("an empty shard", () => {
    assert.deepEqual(decodeWordShard({ w: [], s: [], c: [], p: [], tc: [], tp: [] }).stems, []);
  });
});
