import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { allBits, ordinals } from "../../site_overrides/assets/browse/bits.js";
import { decodeIndex, decodeWordShard, mergeShards } from "../../site_overrides/assets/browse/index.js";
import {
  editDistance, fold, joinTerms, matchWords, queryKeys, queryWords, searchShards, searchTerm, shardFile, shardKey, suggestion, words,
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

  test("split keys, as word_index.shard_key and query_keys with a split", () => {
    const { split, keys, cases } = text.split;
    const splitSet = new Set(split);
    const keySet = new Set(keys);
    for (const [word, key, file, looked] of cases) {
      assert.equal(shardKey(word, splitSet), key, word);
      assert.equal(shardFile(key), file, key);
      assert.deepEqual(queryKeys(word, splitSet, keySet), looked, word);
    }
    assert.ok(cases.some(([, , , looked]) => looked.length > 1), "a split key looks in the keys that extend it");
    assert.ok(cases.some(([, key]) => [...key].length === 3), "a word of a split key has a three-character key");
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

// The decoded shards of a query's words, each word's shards as one: null where the word index has none.
function shardsFor(lang, terms) {
  const { files } = browse[lang];
  const meta = files["facets.json"].words;
  const keys = new Set(meta.shards.split(" "));
  const split = new Set((meta.split || "").split(" ").filter(Boolean));
  return terms.map((term) => mergeShards(queryKeys(term, split, keys).map((key) => decodeWordShard(files["words/" + shardFile(key)]))));
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
  const endings = new Set(["", "s", "es", "e", "ed", "ing"]);

  test("a prefix", () => {
    assert.deepEqual(matchWords("nurser", shard, endings, 4), [1]);
    assert.deepEqual(matchWords("nu", shard, endings, 4), [0, 1, 2, 3, 4]);
  });

  test("the same stem as the query word's", () => {
    assert.deepEqual(matchWords("nursing", shard, endings, 4), [0, 2, 3]);
  });

  test("not the stem of a word derived from it", () => {
    // Spanish Snowball stems "programación" and "programa" alike; the query word adds "acion", not an ending.
    const es = decodeWordShard({ w: ["programa", "programacion", "programas"], s: [1, 5, 2], c: [], p: [], tc: [], tp: [] });
    const esEndings = new Set(["", "a", "as", "s", "ion"]);
    assert.deepEqual(matchWords("programacion", es, esEndings, 4), [1]);
    assert.deepEqual(matchWords("programas", es, esEndings, 4), [0, 2]);
  });

  test("a stem and an ending", () => {
    assert.deepEqual(matchWords("nursed", shard, endings, 4), [0, 2, 3]);
    assert.deepEqual(matchWords("nursed", shard, endings, 5), []); // "nurs" is too short a stem
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
        const joined = joinTerms(terms, shardsFor(lang, terms)); // as data.js wordSearch does
        const found = searchShards(joined.terms, joined.shards, index.wordIndex, index.n, index.all);
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

describe("finished words", () => {
  // hospital and hospitality share Snowball's stem; a Spanish stem can be a whole word ("hospitalidad" -> "hospital").
  const shard = decodeWordShard({
    w: ["hospital", "hospitalidad", "hospitality", "hospitals"],
    s: [2, 4, "hospit", 3],
    c: [], p: [], tc: [], tp: [],
  });
  const endings = new Set(["", "s", "es"]);

  test("a query word of the index finds its own forms only", () => {
    assert.deepEqual(matchWords("hospital", shard, endings, 4), [0, 3]);
  });

  test("a word still being typed finds every word it begins", () => {
    assert.deepEqual(matchWords("hospita", shard, endings, 4), [0, 1, 2, 3]);
  });

  test("a short stem finds no other word", () => {
    const sol = decodeWordShard({ w: ["sola", "solar", "solo"], s: [1, 2, 1], c: [], p: [], tc: [], tp: [] });
    assert.deepEqual(matchWords("solar", sol, new Set(["", "a", "o", "ar"]), 4), [1]);
  });
});

describe("joinTerms", () => {
  const si = decodeWordShard({ w: ["sin", "sinpago"], s: [0, 0], c: [1, 1], p: ["", ""], tc: [0, 0], tp: ["", ""] });
  const pa = decodeWordShard({ w: ["pago"], s: [0], c: [1], p: [""], tc: [0], tp: [""] });

  test("two words the index has as one are that word", () => {
    assert.deepEqual(joinTerms(["sin", "pago"], [si, pa]), { terms: ["sinpago"], shards: [si] });
    assert.deepEqual(joinTerms(["verano", "sin", "pago"], [null, si, pa]), { terms: ["verano", "sinpago"], shards: [null, si] });
  });

  test("other words stay apart", () => {
    assert.deepEqual(joinTerms(["pago", "sin"], [pa, si]), { terms: ["pago", "sin"], shards: [pa, si] });
    assert.deepEqual(joinTerms(["sin"], [si]), { terms: ["sin"], shards: [si] });
    assert.deepEqual(joinTerms(["sin", "pago"], [null, pa]), { terms: ["sin", "pago"], shards: [null, pa] });
  });
});

describe("editDistance and suggestion", () => {
  test("edits, and a cut-off beyond the most allowed", () => {
    assert.equal(editDistance("nurse", "nurse", 2), 0);
    assert.equal(editDistance("nrse", "nurse", 2), 1);
    assert.equal(editDistance("enfermria", "enfermeria", 2), 1);
    assert.equal(editDistance("kitten", "sitting", 3), 3);
    assert.equal(editDistance("kitten", "sitting", 1), 2);
    assert.equal(editDistance("a", "abcdef", 2), 3);
  });

  const en = decodeWordShard({ w: ["health", "healthcare", "heat"], s: [0, 0, 0], c: [5, 3, 1], p: [], tc: [], tp: [] });
  const index = { endings: new Set(["", "s"]), stem: 4 };

  test("a word that matches nothing becomes the closest word of its shard", () => {
    assert.equal(suggestion(["helthcare"], [en], index), "healthcare");
    assert.equal(suggestion(["summer", "heath"], [null, en], index), "summer health"); // health: more listings than heat
  });

  test("no suggestion for words that match, or for none close enough", () => {
    assert.equal(suggestion(["health"], [en], index), null);
    assert.equal(suggestion(["heavyweight"], [en], index), null);
    assert.equal(suggestion(["zz"], [null], index), null);
  });
});

describe("listings that have a word on their own", () => {
  // "healthcare" (a synonyms.yml name): listings 1, 2 and 3 have it, 3 in its title, 2 and 3 on their own
  // (1 only through a synonym its description says, as a plant tour says "hospital beds").
  const data = { w: ["healthcare"], s: [0], c: [3], p: ["ECAA"], tc: [1], tp: ["GBg"], oc: [2], op: ["FCA"] };
  const wordIndex = { endings: new Set([""]), stem: 4 };

  test("come before those that have it only through a synonym, after the title's", () => {
    const found = searchShards(["healthcare"], [decodeWordShard(data)], wordIndex, 70, allBits(70));
    assert.deepEqual(found.order, [3, 2, 1]);
    assert.deepEqual(ordinals(found.own), [2, 3]); // what a nearest-first sort puts first
  });

  test("-1: every listing of the word has it on its own; no oc: a shard written before, the same", () => {
    for (const shard of [{ ...data, oc: [-1], op: [""] }, { ...data, oc: undefined, op: undefined }]) {
      const found = searchShards(["healthcare"], [decodeWordShard(shard)], wordIndex, 70, allBits(70));
      assert.deepEqual(found.order, [3, 1, 2]);
    }
  });

  test("0: none has it on its own", () => {
    const found = searchShards(["healthcare"], [decodeWordShard({ ...data, tc: [0], tp: [""], oc: [0], op: [""] })], wordIndex, 70, allBits(70));
    assert.deepEqual(found.order, [1, 2, 3]);
  });
});
