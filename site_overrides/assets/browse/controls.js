// The filter controls, built once the facet index has loaded: a select for each one-value filter, a
// list of checkboxes for each other filter, the chips of the filters in use, and the sort's "Best match"
// option; and keeping them in step with the state.
//
// Where the filters are depends on the screen, so that results come first on every screen: on a wide
// screen they are a column beside the results (the page's CSS lays it out); on a smaller one a
// "Filters" button opens them as a sheet, a modal <dialog> whose footer, outside the part that scrolls
// (so nothing it covers can take focus unseen), says how many results the filters give and closes the
// sheet onto them. The same panel moves between the two, so its state and listeners stay.

import { el } from "./dom.js";
import { badgeText, removeText, resultsText } from "./labels.js";
import { visibleValues } from "./filters.js";
import { activeCount, chipsOf, effectiveSort } from "./url-state.js";
import { searchTerm } from "./words.js";

const SIDE = "(min-width: 60em)"; // wide enough for a column of filters beside the results

// getState() -> the current state; countsFor(name) -> {value: count} for the results on screen, or
// null before there are any; format(n) writes a number in the page's language; meta is url-state.js
// browseMeta's (which facets take one value, which start open); clear() takes every filter off. A facet whose
// posting lists are in a file of their own (main.js loadFacets) has its list built once isLoaded(name) is true:
// load(name) fetches it and gives its totals ({value: count} over every listing).
export function createControls({
  facets, meta, facetsBox, sortSelect, qInput, ui, format, getState, countsFor, clear, isLoaded = () => true, load = null,
}) {
  const controls = new Map(); // facet name -> {facet, details, badge, items: Map(value -> {input|option, count})}
  let filtersBadge = null;
  let chips = null;
  let relevanceOption = null;

  // A facet's options are built the first time it opens: a catalog with a thousand organizations
  // would otherwise put thousands of elements on the page, and every change would touch them.
  function buildOptions(c) {
    if (c.built || c.loading) return;
    if (load && !isLoaded(c.facet.name)) {
      // Its options and counts once its file has come; a failure leaves the list empty, to try on the next opening.
      c.loading = load(c.facet.name).then((totals) => {
        c.loading = null;
        if (!c.values) c.values = visibleValues(c.facet, totals, getState().f[c.facet.name]);
        buildOptions(c);
      }, (err) => {
        c.loading = null;
        console.warn("wbl browse: a filter is not available", err);
      });
      return;
    }
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

  // totals: facet name -> {value: count} over every listing; values no listing has are left out. null: not
  // known before the facet's file has come (its values grow with the catalog), the list is then made on opening.
  function build(totals) {
    const state = getState();
    const quick = el("div", { class: "wbl-facets__quick" });
    const grid = el("div", { class: "wbl-facets__grid" });
    for (const f of facets) {
      const later = totals[f.name] === null && load !== null && !meta.single.has(f.name);
      const values = later ? null : visibleValues(f, totals[f.name], state.f[f.name]);
      if (values && !values.length) continue;
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
    chips = el("ul", { class: "wbl-chips", "aria-label": ui.active });
    buildPlaces(el("div", { class: "wbl-filters__body" }, [quick, grid]));
    facetsBox.replaceChildren(sheet.opener, chips, sheet.side, sheet.dialog);
    const query = window.matchMedia ? window.matchMedia(SIDE) : null;
    place(!query || query.matches);
    if (query) query.addEventListener("change", (event) => place(event.matches));

    relevanceOption = el("option", { value: "relevance", text: ui.relevance });
    sortSelect.prepend(relevanceOption);
  }

  // ---------- the column and the sheet ----------

  let sheet = null; // {dialog, opener, side, panel, scroller, show, live}
  let shownCount = null;

  // The opener, the column and the sheet; the panel goes in the one that fits the screen (place).
  function buildPlaces(panel) {
    const opener = el("button", {
      type: "button", class: "md-button wbl-filters__open", id: "wbl-filters-open",
      "aria-haspopup": "dialog", "aria-controls": "wbl-sheet",
    }, [el("span", { text: ui.filters }), filtersBadge]);
    const side = el("div", { class: "wbl-filters", id: "wbl-filters" }, [
      el("h2", { class: "wbl-filters__title", text: ui.filters }),
    ]);
    const scroller = el("div", { class: "wbl-sheet__body" });
    const show = el("button", { type: "button", class: "md-button md-button--primary wbl-sheet__show", id: "wbl-sheet-show" });
    const clearButton = el("button", { type: "button", class: "md-button wbl-sheet__clear", id: "wbl-sheet-clear", text: ui.reset });
    const live = el("p", { class: "wbl-sr-only", role: "status" });
    const close = el("button", {
      type: "button", class: "wbl-sheet__close", id: "wbl-sheet-close", "aria-label": ui.sheet_close,
    }, [el("span", { "aria-hidden": "true", text: "×" })]);
    const dialog = el("dialog", { class: "wbl-sheet", id: "wbl-sheet", "aria-labelledby": "wbl-sheet-title" }, [
      el("div", { class: "wbl-sheet__head" }, [el("h2", { class: "wbl-sheet__title", id: "wbl-sheet-title", text: ui.filters }), close]),
      scroller,
      el("div", { class: "wbl-sheet__foot" }, [show, clearButton, live]),
    ]);
    sheet = { dialog, opener, side, panel, scroller, show, live };

    opener.addEventListener("click", () => {
      dialog.showModal();
      opener.setAttribute("aria-expanded", "true");
    });
    close.addEventListener("click", () => dialog.close());
    show.addEventListener("click", () => dialog.close());
    clearButton.addEventListener("click", () => { if (clear) clear(); });
    dialog.addEventListener("close", () => {
      opener.setAttribute("aria-expanded", "false");
      if (opener.hidden) return; // closed because the screen grew: the column shows the filters
      // Back to the opener, with the results right under it at the top of the screen.
      opener.focus({ preventScroll: true });
      opener.scrollIntoView({ block: "start" });
    });
    // A tap on the backdrop, outside the sheet's box, closes it as Escape does.
    dialog.addEventListener("click", (event) => {
      if (event.target !== dialog) return;
      const r = dialog.getBoundingClientRect();
      if (event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom) dialog.close();
    });
    opener.setAttribute("aria-expanded", "false");
  }

  function place(wide) {
    const { dialog, opener, side, panel, scroller } = sheet;
    opener.hidden = wide;
    side.hidden = !wide;
    const root = facetsBox.closest(".wbl-browse");
    if (root) root.classList.toggle("wbl-browse--side", wide);
    if (wide) {
      if (dialog.open) dialog.close();
      side.append(panel);
    } else {
      scroller.append(panel);
    }
  }

  // The number of results the filters give, on the sheet's button and, for screen readers, said in the
  // sheet (the page's own status line is outside the modal sheet, where nothing is announced).
  function showCount(n) {
    if (!sheet || n === shownCount) return;
    shownCount = n;
    sheet.show.textContent = n === 1 ? ui.sheet_show_one : ui.sheet_show.replace("{n}", format(n));
    sheet.live.textContent = resultsText(n, ui, format);
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
    // The place first ("Near 90044"): typed in the search box or the ZIP code field, it is removed here too.
    const place = state.near && meta.near ? [{ name: meta.near.param, value: state.near, text: ui.find_near_chip.replace("{zip}", state.near) }] : [];
    const nodes = [...place, ...chipsOf(state, facetsShown, ui.any_status, meta)].map(({ name, value, text }) => {
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
    build, sync, read, updateAll, builtOptions, showCount,
    has: (name) => controls.has(name),
    chipButtons: () => chips.querySelectorAll("button.wbl-chip"),
  };
}
