import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { KEY, createStore, decode, encode } from "../../site_overrides/assets/mylist/store.js";

// A Storage as the browser gives it: strings under keys; `broken` throws on writing, as a blocked or full one does.
function fakeStorage(initial = {}, { broken = false } = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => (data.has(key) ? data.get(key) : null),
    setItem: (key, value) => {
      if (broken) throw new Error("QuotaExceededError");
      data.set(key, String(value));
    },
    removeItem: (key) => data.delete(key),
  };
}

describe("My list store", () => {
  test("saves, reads back and removes under the documented key", () => {
    const storage = fakeStorage();
    const store = createStore(storage);
    assert.equal(store.persistent, true);
    assert.equal(store.add("acme/summer-internship", "acme/job-shadow"), 2);
    assert.deepEqual(JSON.parse(storage.data.get(KEY)), { v: 1, ids: ["acme/summer-internship", "acme/job-shadow"] });
    assert.equal(KEY, "wbl-my-list");
    // A second store on the same storage (another page) sees the list.
    assert.deepEqual(createStore(storage).ids(), ["acme/summer-internship", "acme/job-shadow"]);
    assert.equal(store.remove("acme/summer-internship"), true);
    assert.equal(store.remove("acme/summer-internship"), false);
    assert.deepEqual(store.ids(), ["acme/job-shadow"]);
    store.remove("acme/job-shadow");
    assert.equal(storage.data.has(KEY), false, "an empty list leaves nothing behind");
  });

  test("toggle says whether the listing is saved now", () => {
    const store = createStore(fakeStorage());
    assert.equal(store.toggle("acme/tour"), true);
    assert.equal(store.has("acme/tour"), true);
    assert.equal(store.toggle("acme/tour"), false);
    assert.equal(store.has("acme/tour"), false);
  });

  test("refuses what is not a listing id, and repeats", () => {
    const store = createStore(fakeStorage());
    assert.equal(store.add("Acme/Tour", "acme", "acme/tour/x", "../etc", "acme/tour", "acme/tour"), 1);
    assert.deepEqual(store.ids(), ["acme/tour"]);
  });

  test("reads unreadable or foreign values as an empty list, and drops bad entries", () => {
    assert.deepEqual(decode("not json"), []);
    assert.deepEqual(decode(JSON.stringify({ v: 2, ids: ["a/b"] })), []);
    assert.deepEqual(decode(JSON.stringify(["a/b"])), []);
    assert.deepEqual(decode(JSON.stringify({ v: 1, ids: ["a/b", "<script>/x", 7, "a/b", "c/d"] })), ["a/b", "c/d"]);
    assert.deepEqual(createStore(fakeStorage({ [KEY]: "{" })).ids(), []);
    assert.equal(encode(["a/b"]), '{"v":1,"ids":["a/b"]}');
  });

  test("without usable storage the list lives in memory and says so", () => {
    for (const storage of [fakeStorage({}, { broken: true }), null, () => { throw new Error("SecurityError"); }]) {
      const store = createStore(storage);
      assert.equal(store.persistent, false);
      store.add("acme/tour");
      assert.deepEqual(store.ids(), ["acme/tour"]);
      store.remove("acme/tour");
      assert.deepEqual(store.ids(), []);
    }
  });

  test("tells listeners of its own changes and of another tab's", () => {
    const storage = fakeStorage();
    const store = createStore(storage);
    const seen = [];
    store.subscribe((ids) => seen.push(ids));
    store.add("acme/tour");
    createStore(storage).add("acme/shadow"); // another tab
    store.notify({ key: "something-else" });
    store.notify({ key: KEY });
    assert.deepEqual(seen, [["acme/tour"], ["acme/tour", "acme/shadow"]]);
  });
});
