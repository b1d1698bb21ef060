import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { ordinals } from "../../site_overrides/assets/browse/bits.js";
import { createStore } from "../../site_overrides/assets/browse/data.js";
import { countIn, countsOf, evaluate } from "../../site_overrides/assets/browse/filters.js";
import { lazyTotals } from "../../site_overrides/assets/browse/index.js";
import { golden, servedFiles, wholeIndex } from "./golden.mjs";

const browse = { en: golden("browse-en.json"), es: golden("browse-es.json") };

// A store over a golden site; `requested` lists the paths asked for, `fail` makes chosen paths fail.
function site(lang = "en") {
  const { url } = browse[lang];
  const files = servedFiles(browse[lang]);
  const requested = [];
  const fail = new Set();
  const root = new URL("../../", url).href;
  const getJson = async (address) => {
    const href = String(address);
    const path = href.slice(root.length);
    requested.push(path);
    if (fail.has(path) || !files.has(href)) throw new Error(href + ": HTTP 404");
    return structuredClone(files.get(href));
  };
  return { store: createStore(new URL(url), getJson), requested, fail, expected: browse[lang].expected, lang };
}

describe("createStore", () => {
  test("load: facets.json, once per call, decoded", async () => {
    const { store, requested, expected, lang } = site();
    assert.equal(store.index, null);
    const index = await store.load();
    assert.equal(store.index, index);
    assert.equal(index.n, expected.n);
    assert.deepEqual(requested, [`browse-data/${lang}/facets.json`]);
  });

  test("load fails with the request", async () => {
    const { store, fail } = site();
    fail.add("browse-data/en/facets.json");
    await assert.rejects(store.load(), /HTTP 404/);
  });

  test("cards: each shard fetched once, addresses under the site's path", async () => {
    for (const lang of ["en", "es"]) {
      const { store, requested, expected } = site(lang);
      await store.load();
      const size = store.index.shard;
      const last = expected.n - 1;
      const lastShard = Math.floor(last / size);
      assert.ok(lastShard > 2, "the catalog fills more than three card files");
      const wanted = [0, 1, last, size - 1, size];
      const cards = await Promise.all(wanted.map((i) => store.card(i)));
      assert.deepEqual(cards.map((c) => c.href), wanted.map((i) => expected.cards[i].href));
      assert.ok(cards[0].href.startsWith(lang === "es" ? "https://example.org/catalog/es/opportunities/" : "https://example.org/catalog/opportunities/"));
      assert.deepEqual(requested.slice(1), [0, lastShard, 1].map((k) => `browse-data/${lang}/cards-${k}.json`));
      assert.equal(store.shardOf(size - 1), 0);
      assert.equal(store.shardOf(size), 1);
      assert.ok(store.hasShard(1));
      assert.ok(!store.hasShard(2));
    }
  });

  test("a failed card shard is asked for again", async () => {
    const { store, requested, fail } = site();
    await store.load();
    fail.add("browse-data/en/cards-0.json");
    await assert.rejects(store.card(0), /HTTP 404/);
    assert.ok(!store.hasShard(0));
    fail.clear();
    assert.equal((await store.card(0)).title, site().expected.cards[0].title);
    assert.equal(requested.filter((p) => p.endsWith("cards-0.json")).length, 2);
  });

  test("a card past the last throws", async () => {
    const { store, expected } = site();
    await store.load();
    // The last file's slots after the last card: the catalog's size is not a multiple of the file size.
    const past = Math.ceil(expected.n / store.index.shard) * store.index.shard - 1;
    assert.ok(past >= expected.n);
    await assert.rejects(store.card(past), new RegExp("no card " + past));
  });

  test("sort orders: fetched once each", async () => {
    const { store, requested, expected } = site();
    await store.load();
    assert.deepEqual([...(await store.sortOrder("pay"))], expected.sorts.pay);
    assert.deepEqual([...(await store.sortOrder("pay"))], expected.sorts.pay);
    assert.deepEqual([...(await store.sortOrder("reviewed"))], expected.sorts.reviewed);
    assert.deepEqual(requested.slice(1), ["browse-data/en/sort-pay.json", "browse-data/en/sort-reviewed.json"]);
  });

  test("a sort with no file fails, and is asked for again", async () => {
    const { store, requested } = site();
    await store.load();
    await assert.rejects(store.sortOrder("nope"), /HTTP 404/);
    await assert.rejects(store.sortOrder("nope"), /HTTP 404/);
    assert.equal(requested.filter((p) => p.endsWith("sort-nope.json")).length, 2);
  });
});

describe("word searches", () => {
  for (const lang of ["en", "es"]) {
    test(`${lang}: the listings found, best first`, async () => {
      const { store, expected } = site(lang);
      await store.load();
      for (const q of expected.queries) {
        const found = await store.wordSearch(q.q);
        assert.deepEqual(found.order, q.results, q.q);
        assert.deepEqual(ordinals(found.bits), [...q.results].sort((a, b) => a - b), q.q);
      }
    });
  }

  test("one word, one shard; a word no shard has, no request", async () => {
    const { store, requested } = site();
    await store.load();
    await store.wordSearch("welding");
    assert.deepEqual(requested.slice(1), ["browse-data/en/words/we.json"]);
    await store.wordSearch("zzzz");
    await store.wordSearch("WELDING");
    assert.deepEqual(requested.slice(1), ["browse-data/en/words/we.json"]);
  });

  test("a shard whose key is not a-z or 0-9", async () => {
    const { store, requested } = site();
    await store.load();
    assert.ok((await store.wordSearch("Ωmega")).order.length > 0);
    assert.deepEqual(requested.slice(1), ["browse-data/en/words/_3c9-6d.json"]);
  });

  test("the same search twice is one promise; the last 20 are kept", async () => {
    const { store } = site();
    await store.load();
    const first = store.wordSearch("welding");
    assert.equal(store.wordSearch("welding"), first);
    for (let i = 0; i < 20; i++) store.wordSearch("welding " + i);
    assert.notEqual(store.wordSearch("welding"), first);
  });

  test("a failed shard fails the search, and is asked for again", async () => {
    const { store, requested, fail } = site();
    await store.load();
    fail.add("browse-data/en/words/we.json");
    await assert.rejects(store.wordSearch("welding"), /HTTP 404/);
    fail.clear();
    assert.ok((await store.wordSearch("welding")).order.length > 0);
    assert.equal(requested.filter((p) => p.endsWith("words/we.json")).length, 2);
  });

  test("without a word index, a search fails", async () => {
    const { url, files } = browse.en;
    const getJson = async () => ({ ...files["facets.json"], words: undefined });
    const store = createStore(new URL(url), getJson);
    await store.load();
    await assert.rejects(store.wordSearch("welding"), /word index: missing/);
  });

  test("prefetchWords: the shards of the words so far, nothing before the index", async () => {
    const { store, requested } = site();
    store.prefetchWords("welding");
    assert.deepEqual(requested, []);
    await store.load();
    store.prefetchWords("weld nurs zzzz");
    await store.wordShard("we");
    await store.wordShard("nu");
    assert.deepEqual(requested.slice(1).sort(), ["browse-data/en/words/nu.json", "browse-data/en/words/we.json"]);
    assert.equal(await store.wordShard("zz"), null);
  });
});

// The facet index split into facets.json and a file per facet that the first view does not need
// (browse_index.py split_facets): the store gives the same listings, counts and labels as the whole index.
describe("facets in files of their own", () => {
  const facetOrdinals = (index, name) => {
    const f = index.facets.get(name);
    return Object.fromEntries([...f.pos].map(([value, i]) => [value, ordinals(f.bits[i])]));
  };

  test("the first load asks for facets.json alone, which has the status and leaves others to their files", async () => {
    const { store, requested } = site();
    const index = await store.load();
    assert.deepEqual(requested, ["browse-data/en/facets.json"]);
    assert.ok(index.facets.has("status"));
    assert.ok(index.lazy.has("sector") && index.lazy.has("org"));
    assert.ok(!index.facets.has("sector") && !index.facets.has("org"));
  });

  test("a facet's file is fetched once, the first time it is wanted, and gives the whole index's listings", async () => {
    for (const lang of ["en", "es"]) {
      const { store, requested, expected } = site(lang);
      const index = await store.load();
      const lazy = [...index.lazy.keys()];
      await Promise.all([store.facets(["sector", "status"]), store.facets(["sector"])]);
      assert.deepEqual(requested.slice(1), [`browse-data/${lang}/facet-sector.json`]);
      assert.deepEqual(facetOrdinals(index, "sector"), expected.facets.sector);
      await store.facets(lazy);
      assert.equal(index.lazy.size, 0);
      assert.equal(requested.length, 1 + lazy.length);
      for (const name of Object.keys(expected.facets)) assert.deepEqual(facetOrdinals(index, name), expected.facets[name], name);
    }
  });

  test("the totals facets.json gives are the counts of the facets' files", async () => {
    const { store, expected } = site();
    const index = await store.load();
    const given = Object.fromEntries([...index.lazy.keys()].map((name) => [name, lazyTotals(index, name)]));
    assert.equal(given.org, null); // values that grow with the catalog: known from the file alone
    assert.deepEqual(lazyTotals(index, "no-such-facet"), {});
    await store.facets(Object.keys(given));
    for (const [name, totals] of Object.entries(given)) {
      if (totals === null) continue;
      assert.deepEqual(totals, countIn(index, index.all, name), name);
      assert.deepEqual(totals, Object.fromEntries(Object.entries(expected.facets[name]).map(([v, list]) => [v, list.length])), name);
    }
  });

  test("labels that travel with a facet come with its file", async () => {
    const { store, lang } = site();
    const index = await store.load();
    assert.equal(index.labels.org, undefined);
    await store.facets(["org"]);
    const labels = browse[lang].files["facet-org.json"].labels;
    assert.ok(Object.keys(labels).length > 0);
    assert.deepEqual(index.labels.org, labels);
  });

  test("filters over the split index, once the facets in use have come, find what the whole index finds", async () => {
    const { store } = site();
    const index = await store.load();
    const whole = wholeIndex(browse.en);
    const names = [...whole.facets.keys()];
    const [sector] = whole.facets.get("sector").pos.keys();
    const [grade] = whole.facets.get("grade").pos.keys();
    const states = [{}, { sector: [sector] }, { sector: [sector], grade: [grade], status: ["open"] }, { pay: ["paid-any"] }];
    for (const chosen of states) {
      const s = { q: "", sort: "", f: Object.fromEntries(names.map((name) => [name, chosen[name] || []])) };
      await store.facets(Object.keys(chosen));
      const split = evaluate(index, names, s, null);
      const all = evaluate(whole, names, s, null);
      assert.deepEqual(ordinals(split.base), ordinals(all.base), JSON.stringify(chosen));
      for (const name of Object.keys(chosen)) assert.deepEqual(countsOf(index, split, name), countsOf(whole, all, name), name);
    }
  });

  test("a failed facet file is asked for again", async () => {
    const { store, requested, fail } = site();
    await store.load();
    fail.add("browse-data/en/facet-sector.json");
    await assert.rejects(store.facets(["sector"]), /HTTP 404/);
    assert.ok(store.index.lazy.has("sector"));
    fail.clear();
    await store.facets(["sector"]);
    assert.ok(store.index.facets.has("sector"));
    assert.equal(requested.filter((p) => p.endsWith("facet-sector.json")).length, 2);
  });

  test("a card has its format and grades without the format and grade facets", async () => {
    const { store, requested, expected } = site();
    await store.load();
    const card = await store.card(0);
    assert.equal(card.format, expected.cards[0].format);
    assert.deepEqual(card.grades, expected.cards[0].grades);
    assert.ok(card.format && card.grades.length);
    assert.ok(!requested.some((p) => p.includes("facet-")));
  });
});
