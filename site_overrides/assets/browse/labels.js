// The page's interface text: the labels JSON's `ui` entries, over English defaults.

export const UI_DEFAULTS = {
  results: "{n} opportunities", result: "1 opportunity", none: "No opportunities match these filters.",
  loading: "Loading…", error: "Search is not available. The full list is below.", relevance: "Best match",
  all: "All", any_status: "Any status", filters: "Filters", active: "Active filters",
  remove: "Remove filter: {label}", deadline: "Deadline",
};

export function uiText(labels) {
  return Object.assign({}, UI_DEFAULTS, (labels && labels.ui) || {});
}

// What the status line says for n results; format writes a number in the page's language.
export function resultsText(n, ui, format) {
  return n === 0 ? ui.none : n === 1 ? ui.result : ui.results.replace("{n}", format(n));
}

// A chip's accessible name: "Remove filter: <facet>: <value>".
export function removeText(ui, text) {
  return ui.remove.replace("{label}", text);
}

// The number of filters in use, as the filters' badge shows it ("" for none).
export function badgeText(n, format) {
  return n ? "(" + format(n) + ")" : "";
}
