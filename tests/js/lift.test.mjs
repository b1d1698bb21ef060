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

// With the cues and the other filters' words, as query_words.py writes them from synonyms.yml and areas.yml.
const CUED = decodeQueryWords({
  format: 1,
  area: { compton: ["south-la"], commerce: ["southeast-la"], bell: ["southeast-la"] },
  pay: { paid: ["paid-any"], pagada: ["paid-any"] },
  mode: { online: ["remote"], "en linea": ["remote"], "in person": ["in-person"] },
  offers: { "college credit": ["college-credit"] },
  grade: { "11th grade": ["11"], "grado 11": ["11"], juniors: ["11"] },
  age: { "15 year olds": ["15"], "16 year old": ["16"], "de 16 anos": ["16"] },
  cues: {
    before: { near: ["area", "near"], in: ["area", "near"], en: ["area", "near"], "cerca de": ["area", "near"], for: ["age", "grade"], para: ["age", "grade"] },
    ordinary: { commerce: ["area"], bell: ["area"] },
  },
});

describe("liftWords with cues", () => {
  test("the cues are decoded apart from the filters", () => {
    assert.deepEqual([...CUED.facets.keys()], ["area", "pay", "mode", "offers", "grade", "age"]);
    assert.equal(CUED.beforeLongest, 2);
    assert.deepEqual(CUED.before.get("cerca de"), ["area", "near"]);
    assert.ok(CUED.ordinary.has("commerce"));
  });

  test("a place word goes with the place it comes before, and is kept otherwise", () => {
    const out = liftWords("paid internship near compton", CUED, ZIPS);
    assert.deepEqual([out.q, out.f], ["internship", { pay: ["paid-any"], area: ["south-la"] }]);
    assert.deepEqual(out.taken.map((t) => t.text), ["paid", "compton"]);
    assert.equal(liftWords("trabajo en Compton", CUED, ZIPS).q, "trabajo");
    assert.equal(liftWords("jobs near 90044", CUED, ZIPS).q, "jobs");
    assert.equal(liftWords("jobs near 90044", CUED, ZIPS).near, "90044");
    assert.equal(liftWords("near", CUED, ZIPS).q, "near");
    assert.equal(liftWords("for teachers", CUED, ZIPS).q, "for teachers"); // a cue before nothing stays
  });

  test("a cue goes only with the kind of filter it comes before", () => {
    const out = liftWords("jobs for 15 year olds", CUED, ZIPS);
    assert.deepEqual([out.q, out.f], ["jobs", { age: ["15"] }]);
    assert.deepEqual(liftWords("internship for juniors", CUED, ZIPS).f, { grade: ["11"] });
    assert.equal(liftWords("internship for juniors", CUED, ZIPS).q, "internship");
    // "for" is not a place cue: "for Compton" keeps it, Compton still being the place.
    assert.equal(liftWords("for compton", CUED, ZIPS).q, "for");
    assert.deepEqual(liftWords("trabajos para jovenes de 16 años", CUED, ZIPS).f, { age: ["16"] });
  });

  test("a place name that is an ordinary word is a place only after a cue or alone", () => {
    assert.deepEqual(liftWords("commerce internship", CUED, ZIPS), { q: "commerce internship", near: "", f: {}, taken: [] });
    assert.deepEqual(liftWords("jobs in Commerce", CUED, ZIPS).f, { area: ["southeast-la"] });
    assert.equal(liftWords("jobs in Commerce", CUED, ZIPS).q, "jobs");
    assert.deepEqual(liftWords("cerca de Bell", CUED, ZIPS).f, { area: ["southeast-la"] });
    assert.deepEqual(liftWords("Commerce", CUED, ZIPS).f, { area: ["southeast-la"] });
    assert.deepEqual(liftWords("bell schedule", CUED, ZIPS).f, {});
    // A name that is not ordinary needs no cue.
    assert.deepEqual(liftWords("nursing compton", CUED, ZIPS).f, { area: ["south-la"] });
  });

  test("mode, credit and grade words, in either language", () => {
    assert.deepEqual(liftWords("online", CUED, ZIPS).f, { mode: ["remote"] });
    assert.deepEqual(liftWords("pasantía en línea", CUED, ZIPS).f, { mode: ["remote"] });
    assert.equal(liftWords("pasantía en línea", CUED, ZIPS).q, "pasantía");
    assert.deepEqual(liftWords("in person", CUED, ZIPS).f, { mode: ["in-person"] });
    assert.deepEqual(liftWords("college credit", CUED, ZIPS).f, { offers: ["college-credit"] });
    assert.deepEqual(liftWords("engineering 11th grade", CUED, ZIPS).f, { grade: ["11"] });
    assert.deepEqual(liftWords("grado 11", CUED, ZIPS).f, { grade: ["11"] });
  });
});
