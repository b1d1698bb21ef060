import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { UI_DEFAULTS, badgeText, removeText, resultsText, uiText } from "../../site_overrides/assets/browse/labels.js";

const spanish = new Intl.NumberFormat("es");
const format = (n) => spanish.format(n);

describe("uiText", () => {
  test("the labels JSON's text over the English defaults", () => {
    const ui = uiText({ ui: { results: "{n} oportunidades", none: "Ninguna." } });
    assert.equal(ui.results, "{n} oportunidades");
    assert.equal(ui.none, "Ninguna.");
    assert.equal(ui.loading, UI_DEFAULTS.loading);
  });

  test("no labels: the defaults, as a copy", () => {
    for (const labels of [{}, null, undefined, { ui: null }]) assert.deepEqual(uiText(labels), UI_DEFAULTS);
    const ui = uiText({});
    ui.none = "changed";
    assert.notEqual(UI_DEFAULTS.none, "changed");
  });

  test("every default has a place holder where the text needs one", () => {
    assert.ok(UI_DEFAULTS.results.includes("{n}"));
    assert.ok(UI_DEFAULTS.remove.includes("{label}"));
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
    assert.equal(resultsText(12345, UI_DEFAULTS, (n) => new Intl.NumberFormat("en").format(n)), "12,345 opportunities");
  });
});

describe("removeText and badgeText", () => {
  test("a chip's name", () => {
    assert.equal(removeText(UI_DEFAULTS, "Sector: Health"), "Remove filter: Sector: Health");
    assert.equal(removeText({ remove: "Quitar filtro: {label}" }, "Año: 2027"), "Quitar filtro: Año: 2027");
  });

  test("a count in brackets, nothing for none", () => {
    assert.equal(badgeText(0, format), "");
    assert.equal(badgeText(3, format), "(3)");
    assert.equal(badgeText(1000, (n) => new Intl.NumberFormat("en").format(n)), "(1,000)");
  });
});
