// The filter controls, built once the facet index has loaded: a select for each one-value filter, a
// list of checkboxes for each other filter, the chips of the filters in use, and the sort's "Best match"
// option; and keeping them in step with the state.

import { el } from "./dom.js";
import { badgeText, removeText } from "./labels.js";
import { visibleValues } from "./filters.js";
import { activeCount, chipsOf, effectiveSort } from "./url-state.js";
import { searchTerm } from "./words.js";

const WIDE = "(min-width: 60em)"; // the filters start open on a wide screen

// getState() -> the current state; countsFor(name) -> {value: count} for the results on screen, or
// null before there are any; format(n) writes a number in the page's language; meta is url-state.js
// browseMeta's (which facets take one value, which start open).
export function createControls({ facets, meta, facetsBox, sortSelect, qInput, ui, format, getState, countsFor }) {
  const controls = new Map(); // facet name -> {facet, details, badge, items: Map(value -> {input|option, count})}
  let filtersBadge = null;
  let chips = null;
  let relevanceOption = null;

  // A facet's options are built the first time it opens: a catalog with a thousand organizations
  // would otherwise put thousands of elements on the page, and every change would touch them.
  function buildOptions(c) {
    if (c.built) return;
    c.built = true;
    const values = getState().f[c.facet.name];
    for (const v of c.values) {
      const input = el("input", { type: "checkbox", name: c.facet.name, value: v });
      input.checked = values.includes(v);
      const count = el("span", { class: "wbl-facet__count" });
      const row = el("li", { class: "wbl-facet__option" }, [
        el("label", null, [input, el("span", { class: "wbl-facet__label", text: c.facet.values[v] }), count]),
      ]);
      c.items.set(v, { input, count, row });
    }
    c.options.append(...[...c.items.values()].map((item) => item.row));
    updateCounts(c.facet.name);
  }

  // totals: facet name -> {value: count} over every listing; values no listing has are left out.
  function build(totals) {
    const state = getState();
    const quick = el("div", { class: "wbl-facets__quick" });
    const grid = el("div", { class: "wbl-facets__grid" });
    for (const f of facets) {
      const values = visibleValues(f, totals[f.name], state.f[f.name]);
      if (!values.length) continue;
      const items = new Map();
      if (meta.single.has(f.name)) {
        const id = "wbl-f-" + f.name;
        const select = el("select", { id, name: f.name, class: "wbl-facet__select", "data-facet": f.name });
        select.append(el("option", { value: "", text: ui.all }));
        for (const v of values) {
          const option = el("option", { value: v, text: f.values[v] });
          items.set(v, { option, label: f.values[v] });
          select.append(option);
        }
        const box = el("div", { class: "wbl-facet wbl-facet--select" }, [el("label", { for: id, text: f.label }), select]);
        quick.append(box);
        controls.set(f.name, { facet: f, select, items });
      } else {
        const options = el("ul", { class: "wbl-facet__options" });
        const badge = el("span", { class: "wbl-facet__badge" });
        const fieldset = el("fieldset", { class: "wbl-facet__fieldset" }, [el("legend", { class: "wbl-sr-only", text: f.label }), options]);
        const details = el("details", { class: "wbl-facet", "data-facet": f.name }, [
          el("summary", { class: "wbl-facet__summary" }, [el("span", { text: f.label }), badge]),
          fieldset,
        ]);
        const c = { facet: f, details, badge, options, values, items };
        details.addEventListener("toggle", () => { if (details.open) buildOptions(c); });
        grid.append(details);
        controls.set(f.name, c);
        if (meta.open.has(f.name)) {
          details.open = true;
          buildOptions(c);
        }
      }
    }
    filtersBadge = el("span", { class: "wbl-filters__badge" });
    const filtersPanel = el("details", { class: "wbl-filters", id: "wbl-filters" }, [
      el("summary", { class: "wbl-filters__summary" }, [el("span", { text: ui.filters }), filtersBadge]),
      el("div", { class: "wbl-filters__body" }, [quick, grid]),
    ]);
    filtersPanel.open = window.matchMedia ? window.matchMedia(WIDE).matches : true;
    chips = el("ul", { class: "wbl-chips", "aria-label": ui.active });
    facetsBox.replaceChildren(filtersPanel, chips);

    relevanceOption = el("option", { value: "relevance", text: ui.relevance });
    sortSelect.prepend(relevanceOption);
  }

  // state -> form
  function sync() {
    const state = getState();
    if (qInput.value.trim() !== state.q.trim()) qInput.value = state.q;
    const q = searchTerm(state.q);
    relevanceOption.hidden = !q;
    relevanceOption.disabled = !q;
    sortSelect.value = effectiveSort(state, meta) || "relevance";
    for (const [name, c] of controls) {
      const values = state.f[name];
      if (c.select) {
        c.select.value = values[0] || "";
      } else {
        for (const [v, item] of c.items) item.input.checked = values.includes(v);
        c.badge.textContent = badgeText(values.length, format);
        if (values.length && !c.details.open) {
          c.details.open = true;
          buildOptions(c);
        }
      }
    }
    filtersBadge.textContent = badgeText(activeCount(state, [...controls.keys()], meta), format);
    renderChips(state);
  }

  function renderChips(state) {
    const facetsShown = [...controls.values()].map((c) => c.facet);
    const nodes = chipsOf(state, facetsShown, ui.any_status, meta).map(({ name, value, text }) => {
      const button = el("button", {
        type: "button", class: "wbl-chip", "data-facet": name, "data-value": value,
        "aria-label": removeText(ui, text),
      }, [el("span", { text }), el("span", { class: "wbl-chip__x", "aria-hidden": "true", text: "×" })]);
      return el("li", null, [button]);
    });
    chips.replaceChildren(...nodes);
    chips.hidden = !nodes.length;
  }

  // form -> the values chosen in one facet's control
  function read(name) {
    const c = controls.get(name);
    if (c.select) return c.select.value ? [c.select.value] : [];
    return [...c.items].filter(([, item]) => item.input.checked).map(([v]) => v);
  }

  function updateCounts(name) {
    const c = controls.get(name);
    const counts = countsFor(name);
    if (!counts) return;
    for (const [v, item] of c.items) {
      const n = counts[v] || 0;
      if (c.select) {
        const text = item.label + " (" + format(n) + ")";
        if (item.option.textContent !== text) item.option.textContent = text;
      } else {
        const text = format(n);
        if (item.count.textContent !== text) item.count.textContent = text;
        item.row.classList.toggle("wbl-facet__option--zero", n === 0);
      }
    }
  }

  // The counts of every control on the page (the options of a closed facet are counted when it opens).
  function updateAll() {
    for (const [name, c] of controls) if (c.select || c.built) updateCounts(name);
  }

  // [facet name, its values] of the checkbox lists on the page, in order.
  function builtOptions() {
    const out = [];
    for (const [name, c] of controls) if (!c.select && c.built) out.push([name, [...c.items.keys()]]);
    return out;
  }

  return {
    build, sync, read, updateAll, builtOptions,
    has: (name) => controls.has(name),
    chipButtons: () => chips.querySelectorAll("button.wbl-chip"),
  };
}
