import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { allBits, ordinals } from "../../site_overrides/assets/browse/bits.js";
import { DIGITS, digitAt, unrice } from "../../site_overrides/assets/browse/rice.js";
import { golden } from "./golden.mjs";

const rice = golden("rice.json");

const decode = (text, count, n) => ordinals(unrice(text, count, n, allBits(n)));

describe("DIGITS and digitAt", () => {
  test("the alphabet is the generator's", () => {
    assert.equal(DIGITS, rice.digits);
    assert.equal(DIGITS.length, 64);
  });

  test("each digit's value is its position", () => {
    for (let i = 0; i < 64; i++) assert.equal(digitAt(DIGITS, i), i);
  });

  test("anything else is -1", () => {
    for (const text of ["!", "=", "+", "/", " ", "é", "😀", "\u0000"]) assert.equal(digitAt(text, 0), -1, text);
  });

  test("past the end is -1", () => {
    assert.equal(digitAt("", 0), -1);
    assert.equal(digitAt("AB", 2), -1);
  });
});

describe("unrice", () => {
  for (const v of rice.vectors) {
    test(`${v.name}: ${v.count} of ${v.n}`, () => {
      assert.deepEqual(decode(v.text, v.count, v.n), v.ordinals);
    });
  }

  test("the vectors cover complements, k = 0, large k and large gaps", () => {
    assert.ok(rice.vectors.some((v) => v.text.startsWith("!")));
    assert.ok(rice.vectors.some((v) => v.count && digitAt(v.text, 0) === 0));
    assert.ok(rice.vectors.some((v) => !v.text.startsWith("!") && digitAt(v.text, 0) >= 20));
    assert.ok(rice.vectors.some((v) => v.ordinals.some((o, i) => i && o - v.ordinals[i - 1] > 1_000_000)));
  });

  test("returns a bitset as long as `all`", () => {
    const all = allBits(70);
    const bits = unrice("A", 0, 70, all);
    assert.ok(bits instanceof Uint32Array);
    assert.equal(bits.length, all.length);
    assert.deepEqual([...bits], [0, 0, 0]);
  });

  test("an empty list, and the complement of an empty list", () => {
    assert.deepEqual(decode("A", 0, 10), []);
    assert.deepEqual(decode("!A", 10, 10), [...Array(10).keys()]);
    assert.deepEqual(decode("A", 0, 0), []);
  });

  test("a complement keeps to the listings there are", () => {
    // Ordinal 31 missing from 40: the complement must not set bits 40 to 63.
    const bits = unrice("!Ff", 39, 40, allBits(40));
    assert.deepEqual(ordinals(bits), [...Array(40).keys()].filter((i) => i !== 31));
    assert.equal(bits[1], 0xff);
  });

  test("bit 31 of a word is an ordinary ordinal", () => {
    const n = 64;
    const text = rice.vectors.find((v) => v.name === "word boundaries").text;
    assert.deepEqual(decode(text, 5, 96), [31, 32, 63, 64, 95]);
    assert.deepEqual(decode("!A", n, n), [...Array(n).keys()]);
  });

  test("a list that ends too soon throws", () => {
    assert.throws(() => decode("B", 1, 10), /bad posting list/);
    const v = rice.vectors.find((x) => x.name === "random 20 of 40");
    assert.throws(() => decode(v.text.slice(0, 3), v.count, v.n), /bad posting list/);
  });

  test("a character that is not a digit throws", () => {
    assert.throws(() => decode("A*", 1, 10), /bad posting list/);
    assert.throws(() => decode("Añ", 1, 10), /bad posting list/);
  });
});
