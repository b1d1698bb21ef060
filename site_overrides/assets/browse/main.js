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
import { lazyTotals } from "./index.js";
import { el } from "./dom.js";
import { countIn, countsOf, evaluate, ordered, relaxations } from "./filters.js";
import { relaxText, resultsText, suggestionParts, uiText } from "./labels.js";
import { createResults } from "./results.js";
import { ascending, contains } from "./bits.js";
import {
  RELEVANCE, browseMeta, emptyState, effectiveSort, has, knownFacets, normalizedSort, parseQuery, toQuery, toggled, withoutValue,
} from "./url-state.js";
import { searchTerm, suggestion } from "./words.js";
import { decodeQueryWords, liftWords } from "./lift.js";
import { cardToday, dateWriter, effectiveDay, localDay, restatus } from "./status.js";
import { byDistance, decodeAcross, decodeSites, milesText, nearestZip, nearness, withinBits, zipOf } from "./near.js";

const TYPING_DELAY = 250;
const PREFETCH_DELAY = 150;
const PREFETCH_OPTIONS = 40; // options looked at
const PREFETCH_SHARDS = 12; // card files fetched, at most, after each change

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

  // Near me: the ZIP code centroids and each row's site points (browse-data/zips.json, sites.json), fetched the
  // first time a visitor gives a place; `near` is {zip, dist: per row its miles, key: its sort distance, inArea:
  // 1 for worksites across the visitor's area} (near.js nearness) for the results on screen.
  const nearZip = byId("wbl-near-zip");
  const withinSelect = byId("wbl-within");
  const locateButton = byId("wbl-near-locate");
  const nearMessage = byId("wbl-near-message");
  let places = null;
  let near = null;
  const placeData = () => {
    if (!places) {
      const folder = new URL("../", indexUrl);
      places = Promise.all([fetchJson(new URL("zips.json", folder)), fetchJson(new URL("sites.json", folder))])
        .then(([zips, sites]) => ({ zips: zips.zips || {}, rows: decodeSites(sites), across: decodeAcross(sites) }));
      places.catch(() => { places = null; });
    }
    return places;
  };
  // {zip, dist}, dist null for a ZIP code not on the region's list; null without a place, or when the files
  // cannot load (the results then keep their other order, rather than failing).
  async function placeOf(zip) {
    if (!zip) return null;
    try {
      const { zips, rows, across } = await placeData();
      return Object.hasOwn(zips, zip) ? { zip, ...nearness(zip, zips[zip], rows, across) } : { zip, dist: null };
    } catch (err) {
      console.warn("wbl browse: near me is not available", err);
      return null;
    }
  }

  // Words that ask for a filter (lift.js): browse-data/query-words.json, fetched the first time there are words.
  let queryWords = null;
  const queryWordsData = () => {
    if (!queryWords) {
      queryWords = fetchJson(new URL("../query-words.json", indexUrl)).then(decodeQueryWords);
      queryWords.catch(() => { queryWords = null; });
    }
    return queryWords;
  };
  // Takes a ZIP code, an area's name and pay words out of the search text into `near` and the filters, which
  // the chips then show (each can be removed), and puts the rest back in the search box. `final` is false
  // while the visitor types: a word that ends the text may not be finished. When the files cannot load, the
  // words stay a text search.
  async function liftQuery(final, isCurrent) {
    let words;
    let zips = null;
    try {
      words = await queryWordsData();
      if (meta.near && /\d{5}/.test(state.q)) zips = (await placeData()).zips;
    } catch (err) {
      console.warn("wbl browse: search words stay words", err);
      return;
    }
    if (!isCurrent()) return; // a later run looks at the words as they are then
    const text = state.q;
    const facetOf = (param) => facets.find((f) => f.name === param);
    const accepts = (param, value) => Boolean(facetOf(param) && has(facetOf(param).values, value));
    const out = liftWords(text, words, zips, { final, accepts });
    if (!out.taken.length) return;
    state.q = out.q;
    if (out.near) state.near = out.near;
    for (const [param, values] of Object.entries(out.f)) {
      state.f[param] = meta.single.has(param) ? values.slice(0, 1) : Object.keys(facetOf(param).values).filter((v) => values.includes(v));
    }
    if (qInput.value === text) qInput.value = out.q;
    state.sort = normalizedSort(state, meta);
    controls.sync();
    pendingUrl = { mode: pendingUrl ? pendingUrl.mode : "replace", query: toQuery(state, meta) };
  }
  let typed = false; // the run comes from the typing timer, not from Enter or another control

  const formats = ((labels.facets || []).find((f) => f.name === "format") || {}).values || {};
  // Statuses, and the days left on cards, as of the visitor's today rather than the build's (status.js).
  const today = localDay(new Date());
  const dateText = dateWriter(lang);
  const loadCard = async (i) => {
    const record = cardToday(await store.card(i), index.when.rows.get(i), effectiveDay(index.when, today), ui, dateText);
    if (near && near.dist) record.distance = near.inArea[i] ? ui.place_across_in_area : milesText(near.dist[i], ui, format);
    return record;
  };
  const results = createResults({ list, more: moreButton, pageSize, loadCard, template: cardTemplate, ui, formats });

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
    controls.showCount(n);
  }

  // When nothing matches: the query with its unmatched words corrected from the word index's own words, and
  // what dropping one of the filters in use would find, each a button that does it. Only what is already
  // loaded is used: the shards of the query's words and the facet index.
  let help = null;
  function showHelp(ev) {
    if (!help) {
      help = el("div", { class: "wbl-browse__help", id: "wbl-help" });
      statusLine.after(help);
    }
    const nodes = [];
    const button = (text, action) => {
      const b = el("button", { type: "button", class: "wbl-browse__help-action", text });
      b.addEventListener("click", action);
      return b;
    };
    if (ev) {
      const q = found && found.terms ? suggestion(found.terms, found.shards, index.wordIndex) : null;
      if (q) {
        const { before, after } = suggestionParts(ui);
        nodes.push(el("p", null, [before, button(q, () => { state.q = qInput.value = q; commit("push"); }), after]));
      }
      for (const { name, count } of relaxations(index, names, state, null, ev.extra).slice(0, 3)) {
        const f = facets.find((x) => x.name === name);
        const label = state.f[name].map((v) => (f && f.values && f.values[v]) || v).join(", ");
        nodes.push(el("p", null, [button(relaxText(count, label, ui, format), () => {
          state.q = qInput.value;
          state.f[name] = [];
          commit("push");
        })]));
      }
    }
    help.replaceChildren(...nodes);
    help.hidden = !nodes.length;
  }

  async function sorted(base, sort, words) {
    if (meta.near && sort === meta.near.sort) {
      if (!(near && near.dist)) return ordered(base, null);
      const nearest = byDistance(ordered(base, words && words.order), near.key);
      // With words: the listings that have them on their own nearest first, then those found only through a
      // synonym their description mentions ("clinic" for "health care"), so a near mention does not come
      // before the health listings.
      if (!words || !words.own) return nearest;
      return [...nearest.filter((i) => contains(words.own, i)), ...nearest.filter((i) => !contains(words.own, i))];
    }
    if ((!sort || sort === RELEVANCE) && words) return ordered(base, words.order);
    if (sort && sort !== meta.sorts[0]) return ordered(base, await store.sortOrder(sort));
    return ordered(base, null);
  }

  async function run() {
    const seq = ++runSeq;
    const isCurrent = () => seq === runSeq;
    setLoading();
    const final = !typed;
    typed = false;
    if (searchTerm(state.q)) {
      await liftQuery(final, isCurrent);
      if (seq !== runSeq) return;
    }
    const term = searchTerm(state.q);
    let ev;
    try {
      // The facets in use whose files have not come yet (a list opened, a word that asks for a filter).
      const [words, place] = await Promise.all([
        term ? store.wordSearch(term) : null, placeOf(state.near), loadFacets(names.filter((name) => state.f[name].length)),
      ]);
      if (seq !== runSeq) return;
      near = place;
      const limits = near && near.dist && state.within ? [withinBits(near.dist, state.within, index.words)] : [];
      ev = evaluate(index, names, state, words, limits);
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
    showHelp(results.length ? null : ev);
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
    if (!found && !near) prefetchTimer = setTimeout(() => prefetch(seq).catch(() => {}), PREFETCH_DELAY);
    syncNear();
  }

  // The place controls from the state; the message says when a ZIP code is not one of the region's.
  function syncNear() {
    if (!nearZip || !withinSelect || !meta.near) return;
    if (document.activeElement !== nearZip && zipOf(nearZip.value) !== (state.near || "")) nearZip.value = state.near || "";
    withinSelect.value = state.near && state.within ? String(state.within) : "";
    withinSelect.disabled = !state.near;
    const distanceOption = sortSelect.querySelector('option[value="' + meta.near.sort + '"]');
    if (distanceOption) distanceOption.hidden = distanceOption.disabled = !(near && near.dist);
    const unknown = near && !near.dist ? ui.near_unknown_zip.replace("{zip}", near.zip) : "";
    if (nearMessage && (unknown || nearMessage.dataset.kind === "zip")) {
      nearMessage.textContent = unknown;
      nearMessage.dataset.kind = unknown ? "zip" : "";
    }
  }

  function setNear(zip) {
    state.q = qInput.value;
    if (zip) state.near = zip;
    else {
      delete state.near;
      delete state.within;
    }
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
    // Enter in the search box runs the search now, with every word finished. The form has two text fields (the
    // search words and the ZIP code) and no submit button, so the browser does not submit it on Enter.
    qInput.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.isComposing) return;
      event.preventDefault();
      state.q = qInput.value;
      commit("replace");
    });
    qInput.addEventListener("input", () => {
      state.q = qInput.value;
      setLoading();
      store.prefetchWords(state.q); // start now; a failure shows when the search runs
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => {
        typed = true;
        commit("replace");
      }, TYPING_DELAY);
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
      const isNear = meta.near && name === meta.near.param;
      if (!isNear && !has(state.f, name)) return;
      if (isNear) setNear("");
      else {
        state.q = qInput.value;
        state = withoutValue(state, name, value, meta);
      }
      const position = [...controls.chipButtons()].indexOf(chip);
      commit("push");
      // The chip is gone: keep keyboard focus in the chip list, or on the search box when it is empty.
      const remaining = controls.chipButtons();
      (remaining[Math.min(position, remaining.length - 1)] || qInput).focus();
    });
    sortSelect.addEventListener("change", () => {
      state.q = qInput.value;
      state.sort = sortSelect.value;
      commit("push");
    });
    if (resetButton) {
      resetButton.addEventListener("click", () => {
        const place = state.near;
        state = emptyState(facets, qInput.value, meta);
        if (place) state.near = place; // like the search words, the place stays; its distance filter goes
        commit("push");
      });
    }
    if (nearZip && withinSelect && meta.near) {
      // A ZIP code counts once it has five digits; clearing the box clears the place.
      nearZip.addEventListener("input", () => {
        const zip = zipOf(nearZip.value);
        if ((zip || !nearZip.value.trim()) && zip !== (state.near || "")) {
          setNear(zip);
          commit("replace");
        }
      });
      withinSelect.addEventListener("change", () => {
        state.q = qInput.value;
        if (withinSelect.value && state.near) state.within = Number(withinSelect.value);
        else delete state.within;
        commit("push");
      });
    }
    // The device's location is asked for only on this click, turned into the nearest ZIP code of the region
    // here, and never leaves the page: the address and a shared link carry only that ZIP code.
    if (locateButton && meta.near && navigator.geolocation) {
      locateButton.hidden = false;
      const note = byId("wbl-near-note");
      if (note) note.hidden = false;
      locateButton.addEventListener("click", () => {
        const say = (text) => { if (nearMessage) { nearMessage.textContent = text; nearMessage.dataset.kind = "locate"; } };
        say(ui.near_locating);
        navigator.geolocation.getCurrentPosition(async (position) => {
          try {
            const { zips } = await placeData();
            const zip = nearestZip([position.coords.latitude, position.coords.longitude], zips);
            if (!zip) throw new Error("no ZIP codes");
            say(ui.near_located.replace("{zip}", zip));
            nearZip.value = zip;
            setNear(zip);
            commit("push");
          } catch {
            say(ui.near_no_location);
          }
        }, () => say(ui.near_no_location), { maximumAge: 600000, timeout: 15000 });
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
    window.addEventListener("popstate", async () => {
      pendingUrl = null;
      const seq = runSeq;
      try {
        await loadFacets(addressFacets());
      } catch (err) {
        fail(err);
        return;
      }
      if (seq !== runSeq) return; // another change came first
      state = parseQuery(location.search, facets, meta);
      writeUrl("replace", toQuery(state, meta));
      clearTimeout(typingTimer);
      controls.sync();
      run();
    });
  }

  // ---------- facets in files of their own ----------

  // The facet index leaves most facets to files of their own (browse_index.py), fetched the first time a visitor
  // opens their list or uses them: the first view needs only the status and the counts it shows.
  let facetByName = new Map();

  // The labels that came with the index or with a facet's file, into the page's filters.
  function takeLabels() {
    for (const [name, values] of Object.entries(index.labels)) {
      const f = facetByName.get(name);
      if (f && values && typeof values === "object") f.values = values;
    }
  }

  async function loadFacets(wanted) {
    if (!wanted.some((name) => index.lazy.has(name))) return;
    await store.facets(wanted);
    takeLabels();
  }

  // The facets that the address names.
  function addressFacets() {
    const params = new URLSearchParams(location.search);
    return names.filter((name) => params.has(name));
  }

  // ---------- start ----------

  async function start() {
    root.dataset.state = "loading";
    statusLine.textContent = ui.loading;
    try {
      index = await store.load();
      meta = browseMeta(index.params);
      restatus(index, meta.status, today);
    } catch (err) {
      fail(err);
      return;
    }
    facets = knownFacets(labels.facets, meta);
    names = facets.map((f) => f.name);
    // Organization and pathway names come with the index: they grow with the catalog, so the page leaves them out.
    facetByName = new Map(facets.map((f) => [f.name, f]));
    takeLabels();
    controls = createControls({
      facets, meta, facetsBox, sortSelect, qInput, ui, format,
      getState: () => state,
      countsFor: (name) => (current && index.facets.has(name) ? countsOf(index, current, name) : null),
      // A facet in a file of its own: its list is built once the file has come, with its counts.
      isLoaded: (name) => index.facets.has(name),
      load: (name) => loadFacets([name]).then(() => countIn(index, index.all, name)),
      clear: () => {
        state = emptyState(facets, qInput.value, meta);
        commit("push");
      },
    });
    try {
      await loadFacets(addressFacets()); // an address's organization, for one, is known only from its facet's file
    } catch (err) {
      fail(err);
      return;
    }
    state = parseQuery(location.search, facets, meta);
    writeUrl("replace", toQuery(state, meta)); // the canonical form of the address: known parameters, in order, defaults left out
    const totals = {};
    for (const f of facets) totals[f.name] = index.facets.has(f.name) ? countIn(index, index.all, f.name) : lazyTotals(index, f.name);
    controls.build(totals);
    controls.sync();
    listen();
    await run();
  }

  start();
}

init();
