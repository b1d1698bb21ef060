import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { allBits, ordinals } from "../../site_overrides/assets/browse/bits.js";
import { decodeIndex, decodeWordShard } from "../../site_overrides/assets/browse/index.js";
import {
  fold, matchWords, queryWords, searchShards, searchTerm, shardFile, shardKey, words,
} from "../../site_overrides/assets/browse/words.js";
import { golden } from "./golden.mjs";

const text = golden("text.json");
const LANGS = ["en", "es"];
const browse = Object.fromEntries(LANGS.map((lang) => [lang, golden(`browse-${lang}.json`)]));

// The limits as the facet index gives them (word_index.MAX_WORD and MAX_QUERY_WORDS).
const LIMITS = decodeIndex(browse.en.files["facets.json"], browse.en.url).limits;
const MAX_WORD = LIMITS.word;
const MAX_QUERY_WORDS = LIMITS.query_words;

describe("limits", () => {
  test("the facet index's, as the word index's", () => {
    assert.equal(MAX_WORD, text.max_word);
    assert.equal(MAX_QUERY_WORDS, text.max_query_words);
    assert.deepEqual(decodeIndex(browse.es.files["facets.json"], browse.es.url).limits, LIMITS);
  });

  test("other limits, other words", () => {
    assert.deepEqual(words("ab abc abcd", 3), ["ab", "abc"]);
    assert.deepEqual(queryWords("a b c", { word: 3, query_words: 2 }), ["a", "b"]);
  });
});

describe("fold, words and queryWords, as word_index.fold and words", () => {
  for (const c of text.cases) {
    test(JSON.stringify(c.text), () => {
      assert.equal(fold(c.text), c.fold);
      assert.deepEqual(words(c.text, MAX_WORD), c.words);
      assert.deepEqual(queryWords(c.text, LIMITS), c.query);
    });
  }

  test("the cases cover accents, ñ, case, punctuation, other scripts and the limits", () => {
    const all = text.cases.map((c) => c.text).join(" ");
    for (const needle of ["í", "ñ", "Ñ", "ÍA", "!?", "Ω", "日本", "\u0301", "🙂", "y".repeat(MAX_WORD + 1)]) {
      assert.ok(all.includes(needle), needle);
    }
    assert.ok(text.cases.some((c) => c.words.length > MAX_QUERY_WORDS));
    assert.ok(text.cases.some((c) => new Set(c.words).size < c.words.length));
  });

  test("fold keeps letters that have no accent to drop", () => {
    assert.equal(fold("Straße ŒUVRE Ø"), "straße œuvre ø");
    assert.equal(fold(""), "");
  });

  test("a word of exactly MAX_WORD characters stays, one more is left out", () => {
    assert.deepEqual(words("é".repeat(MAX_WORD), MAX_WORD), ["e".repeat(MAX_WORD)]);
    assert.deepEqual(words("𝒜".repeat(MAX_WORD), MAX_WORD), ["𝒜".repeat(MAX_WORD)]); // code points, not UTF-16 units
    assert.deepEqual(words("a".repeat(MAX_WORD + 1), MAX_WORD), []);
  });

  test("queryWords: distinct, in order, at most MAX_QUERY_WORDS", () => {
    assert.deepEqual(queryWords("b a b A á", LIMITS), ["b", "a"]);
    assert.deepEqual(queryWords("1 2 3 4 5 6 7 8 9 1", LIMITS), ["1", "2", "3", "4", "5", "6", "7", "8"]);
    assert.deepEqual(queryWords("", LIMITS), []);
  });
});

describe("searchTerm", () => {
  test("a query with a letter or a digit, trimmed", () => {
    assert.equal(searchTerm("  nurse "), "nurse");
    assert.equal(searchTerm("ñ"), "ñ");
    assert.equal(searchTerm("日本"), "日本");
    assert.equal(searchTerm("7"), "7");
    assert.equal(searchTerm(" -- a -- "), "-- a --");
  });

  test("no search without one", () => {
    for (const q of ["", "   ", "!?", "--", "\u0301", "🙂", null, undefined]) assert.equal(searchTerm(q), null, String(q));
  });
});

describe("shardKey and shardFile, as word_index.shard_key and shard_file", () => {
  test("the golden cases", () => {
    let checked = 0;
    for (const c of text.cases) {
      for (const [word, key, file] of c.shards) {
        assert.equal(shardKey(word), key, word);
        assert.equal(shardFile(key), file, key);
        checked++;
      }
    }
    assert.ok(checked > 50);
  });

  test("keys are code points", () => {
    assert.equal(shardKey("a"), "a");
    assert.equal(shardKey("𝒜𝒜𝒜"), "𝒜𝒜");
    assert.equal(shardFile("𝒜𝒜"), "_1d49c-1d49c.json");
    assert.equal(shardFile("a"), "a.json");
    assert.equal(shardFile("9z"), "9z.json");
    assert.equal(shardFile("ß"), "_df.json");
    assert.equal(shardFile("a_"), "_61-5f.json");
  });
});

// The decoded shards of a query's words: null where the word index has no such shard.
function shardsFor(lang, terms) {
  const { files } = browse[lang];
  const keys = new Set(files["facets.json"].words.shards.split(" "));
  return terms.map((term) => {
    const key = shardKey(term);
    return keys.has(key) ? decodeWordShard(files["words/" + shardFile(key)]) : null;
  });
}

describe("matchWords, as word_index.matches", () => {
  for (const lang of LANGS) {
    const { endings, stem } = browse[lang].files["facets.json"].words;
    for (const q of browse[lang].expected.queries) {
      test(`${lang}: ${JSON.stringify(q.q)}`, () => {
        const shards = shardsFor(lang, q.terms);
        q.terms.forEach((term, t) => {
          const want = q.matches[term];
          if (want === null) return assert.equal(shards[t], null);
          const got = matchWords(term, shards[t], new Set(endings), stem).map((i) => shards[t].w[i]);
          assert.deepEqual(got, want, term);
        });
      });
    }
  }

  const shard = decodeWordShard({
    w: ["nurse", "nursery", "nurses", "nursing", "nut"],
    s: [1, 0, 2, 3, 0], // stems: nurs, nursery, nurs, nurs, nut
    c: [], p: [], tc: [], tp: [],
  });
  const endings = new Set(["", "s", "ing", "e"]);

  test("a prefix", () => {
    assert.deepEqual(matchWords("nurser", shard, endings, 4), [1]);
    assert.deepEqual(matchWords("nu", shard, endings, 4), [0, 1, 2, 3, 4]);
  });

  test("the same stem as the query word's", () => {
    assert.deepEqual(matchWords("nurses", shard, endings, 4), [0, 2, 3]);
  });

  test("a stem and an ending", () => {
    assert.deepEqual(matchWords("nursed", shard, new Set(["ed"]), 4), [0, 2, 3]);
    assert.deepEqual(matchWords("nursed", shard, new Set(["ed"]), 5), []); // "nurs" is too short a stem
  });

  test("one character matches itself only", () => {
    const one = decodeWordShard({ w: ["a", "ab"], s: [0, 0], c: [], p: [], tc: [], tp: [] });
    assert.deepEqual(matchWords("a", one, endings, 4), [0]);
    assert.deepEqual(matchWords("b", one, endings, 4), []);
  });

  test("nothing in an empty shard", () => {
    const empty = decodeWordShard({ w: [], s: [], c: [], p: [], tc: [], tp: [] });
    assert.deepEqual(matchWords("nurse", empty, endings, 4), []);
  });
});

describe("searchShards, as word_index.search", () => {
  for (const lang of LANGS) {
    const { url, files, expected } = browse[lang];
    const index = decodeIndex(files["facets.json"], url);
    for (const q of expected.queries) {
      test(`${lang}: ${JSON.stringify(q.q)}`, () => {
        const terms = queryWords(q.q, index.limits);
        assert.deepEqual(terms, q.terms);
        const found = searchShards(terms, shardsFor(lang, terms), index.wordIndex, index.n, index.all);
        assert.deepEqual(found.order, q.results);
        assert.deepEqual(ordinals(found.bits), [...q.results].sort((a, b) => a - b));
      });
    }
  }

  test("the queries cover title matches first, no match, and an empty query", () => {
    const queries = [...browse.en.expected.queries, ...browse.es.expected.queries];
    assert.ok(queries.some((q) => q.results.some((r, i) => i && r < q.results[i - 1])));
    assert.ok(queries.some((q) => q.terms.length && !q.results.length));
    assert.ok(queries.some((q) => !q.terms.length));
    assert.ok(queries.some((q) => q.terms.length > 1 && q.results.length));
  });

  test("no words: no listings", () => {
    const found = searchShards([], [], { endings: new Set(), stem: 4 }, 70, allBits(70));
    assert.deepEqual(found.order, []);
    assert.equal(found.bits.length, 3);
  });
});
