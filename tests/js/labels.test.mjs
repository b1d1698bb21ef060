import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { cardGrades, cardRecord, facetValues } from "../../site_overrides/assets/browse/index.js";
import { badgeText, cardTexts, gradesText, relaxText, removeText, resultsText, suggestionParts, uiText } from "../../site_overrides/assets/browse/labels.js";
import { cardToday, dateWriter } from "../../site_overrides/assets/browse/status.js";
import { golden, wholeIndex } from "./golden.mjs";

const spanish = new Intl.NumberFormat("es");
const format = (n) => spanish.format(n);

describe("uiText", () => {
  const english = golden("browse-en.json").labels;

  test("the labels JSON's text, as a copy", () => {
    const ui = uiText(english);
    assert.equal(ui.none, english.ui.none);
    ui.none = "changed";
    assert.notEqual(english.ui.none, "changed");
  });

  test("the build writes every entry the script uses, with its place holders", () => {
    for (const lang of ["en", "es"]) {
      const { ui } = golden(`browse-${lang}.json`).labels;
      for (const name of ["results", "result", "none", "loading", "error", "relevance", "all", "any_status", "filters", "active", "remove"]) {
        assert.ok(ui[name], `${lang}: ${name}`);
      }
      assert.ok(ui.results.includes("{n}") && ui.remove.includes("{label}"));
    }
  });

  test("no labels: each entry shows its own name rather than text in another language", () => {
    for (const labels of [{}, null, undefined, { ui: null }]) assert.equal(uiText(labels).loading, "loading");
  });
});

describe("resultsText", () => {
  const ui = uiText({ ui: { results: "{n} oportunidades", result: "1 oportunidad", none: "Ninguna." } });

  test("none, one, many", () => {
    assert.equal(resultsText(0, ui, format), "Ninguna.");
    assert.equal(resultsText(1, ui, format), "1 oportunidad");
    assert.equal(resultsText(2, ui, format), "2 oportunidades");
  });

  test("numbers in the page's language", () => {
    assert.equal(resultsText(12345, ui, format), "12.345 oportunidades");
    const english = uiText(golden("browse-en.json").labels);
    assert.equal(resultsText(12345, english, (n) => new Intl.NumberFormat("en").format(n)), "12,345 opportunities");
  });
});

describe("removeText and badgeText", () => {
  test("a chip's name", () => {
    assert.equal(removeText(uiText(golden("browse-en.json").labels), "Sector: Health"), "Remove filter: Sector: Health");
    assert.equal(removeText({ remove: "Quitar filtro: {label}" }, "Año: 2027"), "Quitar filtro: Año: 2027");
  });

  test("a count in brackets, nothing for none", () => {
    assert.equal(badgeText(0, format), "");
    assert.equal(badgeText(3, format), "(3)");
    assert.equal(badgeText(1000, (n) => new Intl.NumberFormat("en").format(n)), "(1,000)");
  });
});

describe("gradesText", () => {
  const ui = { grade_one: "Grado {min}", grade_range: "Grados {min}–{max}" };

  test("a range, from the grade facet's values in any order", () => {
    assert.equal(gradesText(["9", "10", "11", "12"], ui), "Grados 9–12");
    assert.equal(gradesText(["12", "10", "11"], ui), "Grados 10–12");
  });

  test("one grade", () => {
    assert.equal(gradesText(["7"], ui), "Grado 7");
  });

  test("nothing without grades or without the page's text", () => {
    assert.equal(gradesText([], ui), "");
    assert.equal(gradesText(undefined, ui), "");
    assert.equal(gradesText(["9", "12"], {}), "");
  });
});

describe("cardTexts", () => {
  // What the browse script's cards show is what the server's cards show: the card records and facet
  // values that the generator writes, with the page's labels, against what its card macro writes.
  for (const lang of ["en", "es"]) {
    test(`${lang}: every listing's card says what the server's says`, () => {
      const browse = golden(`browse-${lang}.json`);
      const { files, labels, expected } = browse;
      const index = wholeIndex(browse);
      const ui = uiText(labels);
      const formats = labels.facets.find((f) => f.name === "format").values;
      for (let i = 0; i < expected.n; i++) {
        // As the browse script shows it on the build's day: the days left counted by status.js.
        const built = cardRecord(files[`cards-${Math.floor(i / index.shard)}.json`], i, index.shard, index.base);
        const record = cardToday(built, index.when.rows.get(i), index.when.on, ui, dateWriter(lang));
        // The card's own format and grades are the ones its facets give.
        assert.equal(record.format, facetValues(index, "format", i)[0], String(i));
        assert.deepEqual(record.grades, cardGrades(index, record, i), String(i));
        assert.deepEqual(cardTexts(record, ui, formats), expected.shown[i], String(i));
      }
    });
  }

  const ui = { grade_one: "Grade {min}", grade_range: "Grades {min}–{max}" };

  test("a listing without a deadline, in the page's language", () => {
    const texts = cardTexts(
      { href: "https://example.org/opportunities/a/b/", title: "T", org: "O", format: "internship", grades: ["8"], pay: "Unpaid", where: "Remote", status: "open", statusLabel: "Open" },
      ui,
      { internship: "Internship" },
    );
    assert.deepEqual(texts, {
      href: "https://example.org/opportunities/a/b/", title: "T", titleLang: "", org: "O", orgLang: "",
      format: "Internship", status: "open", statusLabel: "Open", pay: "Unpaid", grades: "Grade 8", where: "Remote",
      whereParts: ["Remote"], deadline: "",
    });
  });

  test("a track's card names the track, in the language it is written in", () => {
    const texts = cardTexts({ title: "Summer jobs", track: "Ages 16–24", trackLang: "en", where: "Pomona" }, ui, {});
    assert.equal(texts.track, "Ages 16–24");
    assert.equal(texts.trackLang, "en");
    assert.ok(!("track" in cardTexts({ title: "Summer jobs", where: "Pomona" }, ui, {})));
  });

  test("places take turns with text, text first", () => {
    const texts = cardTexts({ where: ["", "Carson", ", Remote"] }, ui, {});
    assert.equal(texts.where, "Carson, Remote");
    assert.deepEqual(texts.whereParts, ["", "Carson", ", Remote"]);
  });

  test("a format without a label shows its value, as the server does", () => {
    assert.equal(cardTexts({ format: "residency" }, ui, { internship: "Internship" }).format, "residency");
    assert.equal(cardTexts({ format: "constructor" }, ui, {}).format, "constructor");
    assert.equal(cardTexts({}, ui, {}).format, "");
  });

  test("a card without a title shows its address", () => {
    assert.equal(cardTexts({ href: "https://example.org/x/" }, ui, {}).title, "https://example.org/x/");
  });
});

describe("relaxText and suggestionParts", () => {
  const ui = {
    search_relax_one: "1 result without “{label}”",
    search_relax_many: "{n} results without “{label}”",
    search_did_you_mean: "¿Quiso decir {query}?",
  };
  const format = (n) => new Intl.NumberFormat("en").format(n);

  test("one and many", () => {
    assert.equal(relaxText(1, "Paid", ui, format), "1 result without “Paid”");
    assert.equal(relaxText(1200, "Paid", ui, format), "1,200 results without “Paid”");
  });

  test("the text around the suggested query", () => {
    assert.deepEqual(suggestionParts(ui), { before: "¿Quiso decir ", after: "?" });
    assert.deepEqual(suggestionParts({ search_did_you_mean: "Did you mean" }), { before: "Did you mean", after: "" });
  });
});
