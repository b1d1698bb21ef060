// Browse and search the catalog, with the filter state in the address.
//
// Progressive enhancement: the page is a server-rendered list of listings with pager links. This
// module swaps it for live filters and search once the facet index has loaded; if it cannot load, the
// static list stays and a message says so.
//
// Two sources, one set of rules:
// - The facet index (browse-data/<lang>/, written by the generator's browse_index.py): per facet value,
//   the listings that have it. Filters, counts and the three sorts are worked out here from bitsets;
//   only the card shards of the results on screen are fetched.
// - The word index (browse-data/<lang>/words/, written by word_index.py), fetched only when there are
//   search words: one small file per word, keyed by its first two letters, answering which listings
//   have the words, best first. Its postings are the facet index's listings, so counts, filters and
//   cards mean the same with and without words.
//
// The query parameters come with the facet index (url-state.js browseMeta). Everything shown comes from the page (its labels
// JSON and its card template) or the facet index and its cards, and is written with textContent, never as HTML.
// The word index's text is only compared, never shown.

import { createControls } from "./controls.js";
import { createStore } from "./data.js";
import { countIn, countsOf, evaluate, ordered } from "./filters.js";
import { resultsText, uiText } from "./labels.js";
import { createResults } from "./results.js";
import { ascending, contains } from "./bits.js";
import {
  browseMeta, emptyState, effectiveSort, has, knownFacets, normalizedSort, parseQuery, toQuery, toggled, withoutValue,
} from "./url-state.js";
import { searchTerm } from "./words.js";

const TYPING_DELAY = 250;
const PREFETCH_DELAY = 150;
const PREFETCH_OPTIONS = 40; // options looked at
const PREFETCH_SHARDS = 6; // card files fetched, at most, after each change

async function fetchJson(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(url + ": HTTP " + response.status);
  return response.json();
}

function init() {
  const root = document.getElementById("wbl-browse");
  if (!root || root.dataset.state) return;

  const byId = (id) => document.getElementById(id);
  const form = byId("wbl-browse-form");
  const qInput = byId("wbl-q");
  const sortSelect = byId("wbl-sort");
  const resetButton = byId("wbl-reset");
  const facetsBox = byId("wbl-facets");
  const statusLine = byId("wbl-status");
  const list = byId("wbl-results");
  const moreButton = byId("wbl-more");
  const staticList = byId("wbl-static");
  const cardTemplate = byId("wbl-card-template");
  if (!form || !qInput || !sortSelect || !facetsBox || !statusLine || !list || !moreButton || !cardTemplate) return;

  let labels;
  try {
    labels = JSON.parse(byId("wbl-browse-labels").textContent);
  } catch (err) {
    console.warn("wbl browse: unreadable labels", err);
    return;
  }

  const ui = uiText(labels);
  const lang = labels.lang || root.dataset.lang || document.documentElement.lang || "en";
  const pageSize = Math.max(1, parseInt(root.dataset.pageSize, 10) || 20);
  const numberFormat = new Intl.NumberFormat(lang);
  const format = (n) => numberFormat.format(n);

  // Known once the facet index has loaded: its parameters, and the page's filters among them.
  let meta = null;
  let facets = [];
  let names = [];
  let controls = null;
  const indexUrl = new URL(root.dataset.indexPath || "/browse-data/" + lang + "/facets.json", document.baseURI);
  const store = createStore(indexUrl, fetchJson);

  let index = null; // the decoded facet index (index.js decodeIndex)
  let state = null;
  let found = null; // the word search behind the results, or null
  let runSeq = 0;
  let typingTimer = 0;
  let loadingMore = false;
  let current = null; // the evaluation behind the results on screen, for counting facets as they open
  let prefetchTimer = 0;
  let pendingUrl = null; // {mode, query}: the address to write once the results are shown

  const formats = ((labels.facets || []).find((f) => f.name === "format") || {}).values || {};
  const results = createResults({
    list, more: moreButton, pageSize, loadCard: (i) => store.card(i), template: cardTemplate, ui, formats,
  });

  function writeUrl(mode, query) {
    const url = location.pathname + query + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (mode === "push") history.pushState({ wblBrowse: true }, "", url);
    else history.replaceState({ wblBrowse: true }, "", url);
  }

  // ---------- running a query ----------

  function setLoading() {
    root.dataset.state = "loading";
    list.setAttribute("aria-busy", "true");
  }

  function announce(n) {
    const text = resultsText(n, ui, format);
    if (statusLine.textContent !== text) statusLine.textContent = text;
  }

  async function sorted(base, sort, words) {
    if (!sort && words) return ordered(base, words.order);
    if (sort && sort !== meta.sorts[0]) return ordered(base, await store.sortOrder(sort));
    return ordered(base, null);
  }

  async function run() {
    const seq = ++runSeq;
    const isCurrent = () => seq === runSeq;
    setLoading();
    const term = searchTerm(state.q);
    let ev;
    try {
      const words = term ? await store.wordSearch(term) : null;
      if (seq !== runSeq) return;
      ev = evaluate(index, names, state, words);
      const next = await sorted(ev.base, effectiveSort(state, meta), words);
      if (seq !== runSeq) return;
      results.reset(next);
      found = words;
      if (!(await results.showMore(isCurrent, true))) return;
    } catch (err) {
      if (seq === runSeq) fail(err);
      return;
    }
    announce(results.length);
    if (form.hidden) {
      form.hidden = false;
      list.hidden = false;
      if (staticList) staticList.hidden = true;
    }
    list.removeAttribute("aria-busy");
    flushUrl();
    current = ev;
    controls.updateAll();
    root.dataset.query = toQuery(state, meta);
    root.dataset.state = "ready";
    clearTimeout(prefetchTimer);
    if (!found) prefetchTimer = setTimeout(() => prefetch(seq).catch(() => {}), PREFETCH_DELAY);
  }

  // While the visitor reads, fetch the cards that ticking one of the options on screen would show
  // first, so that the click does not wait for the network. A few small files at most.
  async function prefetch(seq) {
    if (seq !== runSeq || found || searchTerm(state.q)) return; // words: the next click's results depend on them too
    const sort = effectiveSort(state, meta);
    const order = sort === meta.sorts[0] ? null : await store.sortOrder(sort);
    if (seq !== runSeq) return;
    const wanted = new Set();
    let tried = 0;
    for (const [name, values] of controls.builtOptions()) {
      for (const v of values) {
        if (++tried > PREFETCH_OPTIONS) break;
        const base = evaluate(index, names, toggled(state, name, v), null).base;
        let taken = 0;
        for (const i of order || ascending(base)) {
          if (!contains(base, i)) continue;
          wanted.add(store.shardOf(i));
          if (++taken >= pageSize) break;
        }
      }
    }
    let fetched = 0;
    for (const k of wanted) {
      if (store.hasShard(k)) continue;
      if (++fetched > PREFETCH_SHARDS) break;
      store.shard(k).catch(() => {});
    }
  }

  function fail(err) {
    console.warn("wbl browse: search is not available", err);
    runSeq++;
    clearTimeout(typingTimer);
    root.dataset.state = "error";
    statusLine.textContent = ui.error;
    form.hidden = true;
    list.hidden = true;
    list.removeAttribute("aria-busy");
    moreButton.hidden = true;
    if (staticList) staticList.hidden = false;
  }

  // ---------- events ----------

  // The address changes once the results are on screen (changing it is slow on a large page, and the
  // results come first); a change made before that still gets its own history entry.
  function commit(mode) {
    clearTimeout(typingTimer);
    typingTimer = 0;
    state.sort = normalizedSort(state, meta);
    controls.sync();
    if (pendingUrl && (pendingUrl.mode === "push" || mode === "push")) flushUrl();
    pendingUrl = { mode, query: toQuery(state, meta) };
    run();
  }

  function flushUrl() {
    if (!pendingUrl) return;
    const { mode, query } = pendingUrl;
    pendingUrl = null;
    writeUrl(mode, query);
  }

  function listen() {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      state.q = qInput.value;
      commit("replace");
    });
    qInput.addEventListener("input", () => {
      state.q = qInput.value;
      setLoading();
      store.prefetchWords(state.q); // start now; a failure shows when the search runs
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => commit("replace"), TYPING_DELAY);
    });
    facetsBox.addEventListener("change", (event) => {
      const target = event.target;
      if (!target || !target.name || !controls.has(target.name)) return;
      state.q = qInput.value;
      state.f[target.name] = controls.read(target.name);
      commit("push");
    });
    facetsBox.addEventListener("click", (event) => {
      const chip = event.target.closest ? event.target.closest("button.wbl-chip") : null;
      if (!chip) return;
      const name = chip.getAttribute("data-facet");
      const value = chip.getAttribute("data-value");
      if (!has(state.f, name)) return;
      state.q = qInput.value;
      state = withoutValue(state, name, value, meta);
      const position = [...controls.chipButtons()].indexOf(chip);
      commit("push");
      // The chip is gone: keep keyboard focus in the chip list, or on the search box when it is empty.
      const remaining = controls.chipButtons();
      (remaining[Math.min(position, remaining.length - 1)] || qInput).focus();
    });
    sortSelect.addEventListener("change", () => {
      state.q = qInput.value;
      state.sort = sortSelect.value === "relevance" ? "" : sortSelect.value;
      commit("push");
    });
    if (resetButton) {
      resetButton.addEventListener("click", () => {
        state = emptyState(facets, qInput.value, meta);
        commit("push");
      });
    }
    moreButton.addEventListener("click", async () => {
      if (loadingMore) return;
      loadingMore = true;
      const hadFocus = document.activeElement === moreButton;
      const seq = runSeq;
      try {
        const cards = await results.showMore(() => seq === runSeq, false);
        if (cards && cards.length && hadFocus && moreButton.hidden) {
          const link = cards[0].querySelector("a");
          if (link) link.focus();
        }
      } catch (err) {
        fail(err);
      } finally {
        loadingMore = false;
      }
    });
    window.addEventListener("popstate", () => {
      pendingUrl = null;
      state = parseQuery(location.search, facets, meta);
      writeUrl("replace", toQuery(state, meta));
      clearTimeout(typingTimer);
      controls.sync();
      run();
    });
  }

  // ---------- start ----------

  async function start() {
    root.dataset.state = "loading";
    statusLine.textContent = ui.loading;
    try {
      index = await store.load();
      meta = browseMeta(index.params);
    } catch (err) {
      fail(err);
      return;
    }
    facets = knownFacets(labels.facets, meta);
    names = facets.map((f) => f.name);
    // Organization and pathway names come with the index: they grow with the catalog, so the page leaves them out.
    const facetByName = new Map(facets.map((f) => [f.name, f]));
    for (const [name, values] of Object.entries(index.labels)) {
      const f = facetByName.get(name);
      if (f && values && typeof values === "object") f.values = values;
    }
    controls = createControls({
      facets, meta, facetsBox, sortSelect, qInput, ui, format,
      getState: () => state,
      countsFor: (name) => (current ? countsOf(index, current, name) : null),
    });
    state = parseQuery(location.search, facets, meta);
    writeUrl("replace", toQuery(state, meta)); // the canonical form of the address: known parameters, in order, defaults left out
    const totals = {};
    for (const f of facets) totals[f.name] = countIn(index, index.all, f.name);
    controls.build(totals);
    controls.sync();
    listen();
    await run();
  }

  start();
}

init();
