import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { decodeQueryWords, liftWords } from "../../site_overrides/assets/browse/lift.js";

// As the generator's query_words.py writes it for a small region.
const WORDS = decodeQueryWords({
  format: 1,
  area: { "south la": ["south-la"], watts: ["south-la"], compton: ["south-la"], "sur de los angeles": ["south-la"], "long beach": ["harbor"] },
  pay: {
    paid: ["paid-any"], pagado: ["paid-any"], "con pago": ["paid-any"], unpaid: ["unpaid"],
    "sin pago": ["unpaid"], "no pagado": ["unpaid"], stipend: ["stipend"],
  },
});
const ZIPS = { 90044: [33.95, -118.29], 90802: [33.77, -118.2] };

describe("decodeQueryWords", () => {
  test("phrases by parameter, and the longest phrase's words", () => {
    assert.equal(WORDS.longest, 4);
    assert.deepEqual([...WORDS.facets.keys()], ["area", "pay"]);
    assert.deepEqual(WORDS.facets.get("area").get("watts"), ["south-la"]);
  });

  test("an unknown format is refused", () => {
    assert.throws(() => decodeQueryWords({ format: 2 }));
    assert.throws(() => decodeQueryWords(null));
  });
});

describe("liftWords", () => {
  test("the South LA student's query: a ZIP code, pay and the words that are left", () => {
    const out = liftWords("paid health care summer 90044", WORDS, ZIPS);
    assert.equal(out.q, "health care summer");
    assert.equal(out.near, "90044");
    assert.deepEqual(out.f, { pay: ["paid-any"] });
    assert.deepEqual(out.taken.map((t) => [t.param, t.value, t.text]), [["pay", "paid-any", "paid"], ["near", "90044", "90044"]]);
  });

  test("place names, accents and capitals as typed, in any language", () => {
    assert.deepEqual(liftWords("Nursing in Watts", WORDS, ZIPS).f, { area: ["south-la"] });
    assert.equal(liftWords("Nursing in Watts", WORDS, ZIPS).q, "Nursing in");
    const es = liftWords("enfermería Sur de Los Ángeles", WORDS, ZIPS);
    assert.deepEqual([es.q, es.f], ["enfermería", { area: ["south-la"] }]);
    assert.deepEqual(liftWords("SOUTH LA, Long Beach", WORDS, ZIPS).f, { area: ["south-la", "harbor"] });
  });

  test("a negation is never its opposite: the longest phrase wins", () => {
    assert.deepEqual(liftWords("sin pago", WORDS, ZIPS).f, { pay: ["unpaid"] });
    assert.deepEqual(liftWords("trabajo no pagado", WORDS, ZIPS).f, { pay: ["unpaid"] });
    assert.deepEqual(liftWords("unpaid", WORDS, ZIPS).f, { pay: ["unpaid"] });
    assert.deepEqual(liftWords("con pago verano", WORDS, ZIPS), {
      q: "verano", near: "", f: { pay: ["paid-any"] }, taken: [{ param: "pay", value: "paid-any", text: "con pago" }],
    });
  });

  test("a ZIP code outside the region, or without the region's list, stays a word", () => {
    assert.equal(liftWords("nurse 10001", WORDS, ZIPS).near, "");
    assert.equal(liftWords("nurse 10001", WORDS, ZIPS).q, "nurse 10001");
    assert.equal(liftWords("nurse 90044", WORDS, null).q, "nurse 90044");
    assert.equal(liftWords("900441", WORDS, ZIPS).near, "");
    assert.equal(liftWords("90044 90802", WORDS, ZIPS).near, "90044"); // one place: the first
  });

  test("while typing, the word that ends the text is left alone", () => {
    const typing = liftWords("paid nurse 90044", WORDS, ZIPS, { final: false });
    assert.deepEqual([typing.q, typing.near, typing.f], ["nurse 90044", "", { pay: ["paid-any"] }]);
    assert.equal(liftWords("sin pago", WORDS, ZIPS, { final: false }).q, "sin pago");
    assert.equal(liftWords("90044 ", WORDS, ZIPS, { final: false }).near, "90044");
  });

  test("values the page's filters do not know are not taken", () => {
    const out = liftWords("stipend Watts", WORDS, ZIPS, { accepts: (param) => param === "area" });
    assert.deepEqual([out.q, out.f], ["stipend", { area: ["south-la"] }]);
  });

  test("nothing to take: the text as it is", () => {
    assert.deepEqual(liftWords("part-time coding", WORDS, ZIPS), { q: "part-time coding", near: "", f: {}, taken: [] });
    assert.equal(liftWords("pagadores", WORDS, ZIPS).q, "pagadores"); // whole words only
  });
});
