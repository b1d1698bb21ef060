import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { MAX_IDS, formatShareUrl, isListingId, parseIds } from "../../site_overrides/assets/mylist/share.js";

describe("My list share links", () => {
  test("the id rule: lowercase letters, digits, single hyphens, org/listing", () => {
    for (const id of ["acme/tour", "kaiser-permanente-socal/summer-high-school-internship", "a1/b-2-c"]) assert.equal(isListingId(id), true, id);
    for (const id of [
      "acme", "acme/", "/tour", "acme/tour/x", "Acme/tour", "acme/tour-", "acme/-tour", "acme/to--ur", "acme/tó", "acme/to ur",
      "acme/to_ur", "../tour", "acme/%2e", "a".repeat(61) + "/x", "", null, 42,
    ]) {
      assert.equal(isListingId(id), false, String(id));
    }
    assert.equal(isListingId("a".repeat(60) + "/" + "b".repeat(60)), true);
  });

  test("formats ids as one readable link on the page's own address", () => {
    const url = formatShareUrl("https://example.org/es/my-list/?ids=x/y#top", ["acme/tour", "beta/shadow-day"]);
    assert.equal(url, "https://example.org/es/my-list/?ids=acme/tour,beta/shadow-day");
    assert.equal(formatShareUrl("https://example.org/my-list/", []), "https://example.org/my-list/");
    assert.equal(formatShareUrl("https://example.org/my-list/", ["bad id", "acme/tour"]), "https://example.org/my-list/?ids=acme/tour");
  });

  test("parses what it formats, and encoded or repeated parameters", () => {
    const ids = ["acme/tour", "beta/shadow-day"];
    assert.deepEqual(parseIds(new URL(formatShareUrl("https://example.org/my-list/", ids)).search), { ids, rejected: 0 });
    assert.deepEqual(parseIds("?ids=acme%2Ftour%2Cbeta%2Fshadow-day"), { ids, rejected: 0 });
    assert.deepEqual(parseIds("ids=acme/tour&ids=beta/shadow-day,acme/tour"), { ids, rejected: 0 });
    assert.deepEqual(parseIds(""), { ids: [], rejected: 0 });
    assert.deepEqual(parseIds("?ids=,,"), { ids: [], rejected: 0 });
  });

  test("rejects and counts what is not an id", () => {
    const { ids, rejected } = parseIds("?ids=acme/tour,<script>,ACME/TOUR,acme/../x,javascript:alert(1),acme/tour-");
    assert.deepEqual(ids, ["acme/tour"]);
    assert.equal(rejected, 5);
  });

  test("a link holds at most MAX_IDS listings", () => {
    const many = Array.from({ length: MAX_IDS + 5 }, (_, i) => "org/listing-" + i);
    const { ids, rejected } = parseIds("?ids=" + many.join(","));
    assert.equal(ids.length, MAX_IDS);
    assert.equal(rejected, 5);
  });
});
