import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  allBits, ascending, contains, intersect, ordinals, popcount, unionInto, wordCount,
} from "../../site_overrides/assets/browse/bits.js";

const set = (n, list) => {
  const bits = new Uint32Array(wordCount(n));
  for (const i of list) bits[i >>> 5] |= 1 << (i & 31);
  return bits;
};

describe("wordCount and allBits", () => {
  test("32 listings a word", () => {
    assert.deepEqual([0, 1, 31, 32, 33, 64, 65, 1000].map(wordCount), [0, 1, 1, 1, 2, 2, 3, 32]);
  });

  test("every listing, and nothing past the last", () => {
    for (const n of [0, 1, 31, 32, 33, 64, 70, 1000]) {
      const all = allBits(n);
      assert.equal(all.length, wordCount(n));
      assert.deepEqual(ordinals(all), [...Array(n).keys()], String(n));
    }
    assert.equal(allBits(32)[0], 0xffffffff);
    assert.deepEqual([...allBits(33)], [0xffffffff, 1]);
  });
});

describe("popcount", () => {
  test("counts the bits of a 32-bit word", () => {
    assert.equal(popcount(0), 0);
    assert.equal(popcount(1), 1);
    assert.equal(popcount(0xffffffff), 32);
    assert.equal(popcount(0x80000000), 1);
    assert.equal(popcount(1 << 31), 1); // the same bit as a negative int
    assert.equal(popcount(0x55555555), 16);
    assert.equal(popcount(0xf0f0f0f0), 16);
  });

  test("agrees with the ordinals of random words", () => {
    let seed = 12345;
    for (let t = 0; t < 200; t++) {
      seed = Math.imul(seed, 1103515245) + 12345 >>> 0;
      const word = new Uint32Array([seed]);
      assert.equal(popcount(word[0]), ordinals(word).length);
    }
  });
});

describe("contains", () => {
  test("reads one bit", () => {
    const bits = set(70, [0, 31, 32, 69]);
    for (let i = 0; i < 70; i++) assert.equal(contains(bits, i), [0, 31, 32, 69].includes(i) ? 1 : 0, String(i));
  });
});

describe("ascending and ordinals", () => {
  test("lowest first, across words and bit 31", () => {
    const list = [0, 5, 31, 32, 63, 64, 69];
    assert.deepEqual(ordinals(set(70, list)), list);
    assert.deepEqual([...ascending(set(70, list))], list);
  });

  test("an empty set", () => {
    assert.deepEqual(ordinals(new Uint32Array(0)), []);
    assert.deepEqual(ordinals(new Uint32Array(3)), []);
    assert.deepEqual([...ascending(new Uint32Array(3))], []);
  });

  test("ascending is lazy", () => {
    const it = ascending(allBits(1_000_000));
    assert.equal(it.next().value, 0);
    assert.equal(it.next().value, 1);
  });
});

describe("intersect and unionInto", () => {
  const all = allBits(70);

  test("no parts: a copy of all", () => {
    const out = intersect(all, []);
    assert.deepEqual(out, all);
    assert.notEqual(out, all);
  });

  test("the listings in every part", () => {
    const out = intersect(all, [set(70, [1, 2, 33, 65]), set(70, [2, 33, 40, 65]), set(70, [0, 2, 33, 65, 69])]);
    assert.deepEqual(ordinals(out), [2, 33, 65]);
  });

  test("parts leave `all` as it is", () => {
    intersect(all, [set(70, [1])]);
    assert.deepEqual(ordinals(all).length, 70);
  });

  test("unionInto adds in place and returns its first argument", () => {
    const bits = set(70, [1, 40]);
    const out = unionInto(bits, set(70, [2, 40, 69]));
    assert.equal(out, bits);
    assert.deepEqual(ordinals(bits), [1, 2, 40, 69]);
  });
});
