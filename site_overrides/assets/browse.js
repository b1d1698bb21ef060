// Browse and search the catalog with Pagefind, with the filter state in the URL.
//
// Progressive enhancement: the page is a server-rendered list of listings with
// pager links. This script swaps it for live filters and search once Pagefind
// has loaded; if Pagefind cannot load, the static list stays and a message says so.
//
// URL contract (stable, listed in the counselor guide): q, status, sector, format,
// stage, pay, wage, grade, age, area, mode, season, offers, transport, language,
// quality, signal, org, pathway, sort. A repeated parameter means "any of these"
// within one filter; different filters all apply. No `status` means `open`;
// `status=any` means every status. Defaults are left out of the URL.
//
// Everything shown comes from the page's labels JSON or from Pagefind's records,
// and is written with textContent, never as HTML.
(function () {
  "use strict";

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
  if (!form || !qInput || !sortSelect || !facetsBox || !statusLine || !list || !moreButton) return;

  let labels;
  try {
    labels = JSON.parse(byId("wbl-browse-labels").textContent);
  } catch (err) {
    console.warn("wbl browse: unreadable labels", err);
    return;
  }

  const UI_DEFAULTS = {
    results: "{n} opportunities", result: "1 opportunity", none: "No opportunities match these filters.",
    loading: "Loading…", error: "Search is not available. The full list is below.", relevance: "Best match",
    all: "All", any_status: "Any status", filters: "Filters", active: "Active filters",
    remove: "Remove filter: {label}", deadline: "Deadline",
  };
  const ui = Object.assign({}, UI_DEFAULTS, labels.ui || {});
  const lang = labels.lang || root.dataset.lang || document.documentElement.lang || "en";
  const pageSize = Math.max(1, parseInt(root.dataset.pageSize, 10) || 20);
  const numberFormat = new Intl.NumberFormat(lang);

  const PARAMS = ["q", "status", "sector", "format", "stage", "pay", "wage", "grade", "age", "area", "mode",
    "season", "offers", "transport", "language", "quality", "signal", "org", "pathway", "sort"];
  const SINGLE = new Set(["wage", "grade", "age", "quality"]);
  const SORTS = { deadline: { deadline: "asc" }, reviewed: { reviewed: "desc" }, pay: { pay: "desc" } };
  const DEFAULT_STATUS = ["open"];
  const ALWAYS_OPEN = new Set(["status", "pay"]);
  const WIDE = "(min-width: 60em)";
  const TYPING_DELAY = 250;

  const facets = (labels.facets || []).filter((f) => PARAMS.includes(f.name) && f.values && typeof f.values === "object");
  const facetByName = new Map(facets.map((f) => [f.name, f]));
  const has = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  let pagefind = null;
  let state = emptyState("");
  let results = [];
  let shown = 0;
  let runSeq = 0;
  let typingTimer = 0;
  let loadingMore = false;
  let term = null;
  let totals = {};
  const countCache = new Map();
  const controls = new Map(); // facet name -> {facet, details, badge, items: Map(value -> {input|option, count})}
  let filtersPanel = null;
  let filtersBadge = null;
  let chips = null;
  let relevanceOption = null;

  // ---------- state <-> URL ----------

  function emptyState(q) {
    const s = { q: q || "", sort: "", f: {} };
    for (const f of facets) s.f[f.name] = f.name === "status" ? DEFAULT_STATUS.slice() : [];
    return s;
  }

  function inOrder(name, values) {
    const order = Object.keys(facetByName.get(name).values);
    return order.filter((v) => values.includes(v));
  }

  function defaultSort(s) {
    return searchTerm(s.q) ? "" : "deadline";
  }

  function normalizeSort(s) {
    if (s.sort && (!has(SORTS, s.sort) || s.sort === defaultSort(s))) s.sort = "";
  }

  function parseQuery(search) {
    const params = new URLSearchParams(search);
    const s = emptyState(params.get("q") || "");
    for (const f of facets) {
      if (!params.has(f.name)) continue;
      const raw = params.getAll(f.name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
      if (f.name === "status" && raw.includes("any")) {
        s.f.status = [];
        continue;
      }
      let values = inOrder(f.name, raw.filter((v) => has(f.values, v)));
      if (SINGLE.has(f.name)) values = raw.filter((v) => has(f.values, v)).slice(0, 1);
      if (f.name === "status" && !values.length) continue; // unknown status: keep the default
      s.f[f.name] = values;
    }
    s.sort = params.get("sort") || "";
    normalizeSort(s);
    return s;
  }

  function sameList(a, b) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }

  function toQuery(s) {
    const p = new URLSearchParams();
    for (const name of PARAMS) {
      if (name === "q") {
        const q = s.q.trim();
        if (q) p.set("q", q);
      } else if (name === "sort") {
        if (s.sort) p.set("sort", s.sort);
      } else if (has(s.f, name)) {
        const values = s.f[name];
        if (name === "status") {
          if (!values.length) p.set("status", "any");
          else if (!sameList(values, DEFAULT_STATUS)) values.forEach((v) => p.append(name, v));
        } else {
          values.forEach((v) => p.append(name, v));
        }
      }
    }
    const text = p.toString();
    return text ? "?" + text : "";
  }

  function writeUrl(mode) {
    const url = location.pathname + toQuery(state) + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (mode === "push") history.pushState({ wblBrowse: true }, "", url);
    else history.replaceState({ wblBrowse: true }, "", url);
  }

  // ---------- Pagefind queries ----------

  function searchTerm(q) {
    const text = (q || "").trim();
    return /[\p{L}\p{N}]/u.test(text) ? text : null;
  }

  function pagefindFilters(s, without) {
    const out = {};
    for (const f of facets) {
      if (f.name === without) continue;
      const values = s.f[f.name];
      if (!values || !values.length) continue;
      out[f.name] = values.length === 1 ? values[0] : { any: values.slice() };
    }
    return out;
  }

  function effectiveSort(s) {
    return s.sort || defaultSort(s);
  }

  // ---------- building the controls (once) ----------

  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (key === "text") node.textContent = value;
        else if (key === "class") node.className = value;
        else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "for") node.setAttribute(key, value);
        else node[key] = value;
      }
    }
    if (children) node.append(...children);
    return node;
  }

  function visibleValues(f, totals) {
    const counts = totals[f.name] || {};
    return Object.keys(f.values).filter((v) => (counts[v] || 0) > 0 || state.f[f.name].includes(v));
  }

  function buildFacets(totals) {
    const quick = el("div", { class: "wbl-facets__quick" });
    const grid = el("div", { class: "wbl-facets__grid" });
    for (const f of facets) {
      const values = visibleValues(f, totals);
      if (!values.length) continue;
      const items = new Map();
      if (SINGLE.has(f.name)) {
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
        for (const v of values) {
          const input = el("input", { type: "checkbox", name: f.name, value: v });
          const count = el("span", { class: "wbl-facet__count" });
          const row = el("li", { class: "wbl-facet__option" }, [
            el("label", null, [input, el("span", { class: "wbl-facet__label", text: f.values[v] }), count]),
          ]);
          items.set(v, { input, count, row });
          options.append(row);
        }
        const badge = el("span", { class: "wbl-facet__badge" });
        const fieldset = el("fieldset", { class: "wbl-facet__fieldset" }, [el("legend", { class: "wbl-sr-only", text: f.label }), options]);
        const details = el("details", { class: "wbl-facet", "data-facet": f.name }, [
          el("summary", { class: "wbl-facet__summary" }, [el("span", { text: f.label }), badge]),
          fieldset,
        ]);
        if (ALWAYS_OPEN.has(f.name)) details.open = true;
        grid.append(details);
        controls.set(f.name, { facet: f, details, badge, items });
      }
    }
    filtersBadge = el("span", { class: "wbl-filters__badge" });
    filtersPanel = el("details", { class: "wbl-filters", id: "wbl-filters" }, [
      el("summary", { class: "wbl-filters__summary" }, [el("span", { text: ui.filters }), filtersBadge]),
      el("div", { class: "wbl-filters__body" }, [quick, grid]),
    ]);
    filtersPanel.open = window.matchMedia ? window.matchMedia(WIDE).matches : true;
    chips = el("ul", { class: "wbl-chips", "aria-label": ui.active });
    facetsBox.replaceChildren(filtersPanel, chips);

    relevanceOption = el("option", { value: "relevance", text: ui.relevance });
    sortSelect.prepend(relevanceOption);
  }

  // ---------- state -> form ----------

  function syncForm() {
    if (qInput.value.trim() !== state.q.trim()) qInput.value = state.q;
    const q = searchTerm(state.q);
    relevanceOption.hidden = !q;
    relevanceOption.disabled = !q;
    sortSelect.value = effectiveSort(state) || "relevance";
    let active = 0;
    for (const [name, c] of controls) {
      const values = state.f[name];
      if (c.select) {
        c.select.value = values[0] || "";
      } else {
        for (const [v, item] of c.items) item.input.checked = values.includes(v);
        c.badge.textContent = values.length ? "(" + numberFormat.format(values.length) + ")" : "";
        if (values.length) c.details.open = true;
      }
      if (!(name === "status" && sameList(values, DEFAULT_STATUS))) active += name === "status" && !values.length ? 1 : values.length;
    }
    filtersBadge.textContent = active ? "(" + numberFormat.format(active) + ")" : "";
    renderChips();
  }

  function renderChips() {
    const nodes = [];
    for (const [name, c] of controls) {
      const values = state.f[name];
      const f = c.facet;
      const pairs = name === "status" && !values.length ? [["any", ui.any_status]] : values.map((v) => [v, f.values[v]]);
      for (const [value, valueLabel] of pairs) {
        const text = f.label + ": " + valueLabel;
        const button = el("button", {
          type: "button", class: "wbl-chip", "data-facet": name, "data-value": value,
          "aria-label": ui.remove.replace("{label}", text),
        }, [el("span", { text }), el("span", { class: "wbl-chip__x", "aria-hidden": "true", text: "×" })]);
        nodes.push(el("li", null, [button]));
      }
    }
    chips.replaceChildren(...nodes);
    chips.hidden = !nodes.length;
  }

  // ---------- form -> state ----------

  function readFacet(name) {
    const c = controls.get(name);
    if (!c) return;
    if (c.select) {
      state.f[name] = c.select.value ? [c.select.value] : [];
    } else {
      state.f[name] = [...c.items].filter(([, item]) => item.input.checked).map(([v]) => v);
    }
  }

  // ---------- running a search ----------

  function setLoading() {
    root.dataset.state = "loading";
    list.setAttribute("aria-busy", "true");
  }

  function announce(n) {
    const text = n === 0 ? ui.none : n === 1 ? ui.result : ui.results.replace("{n}", numberFormat.format(n));
    if (statusLine.textContent !== text) statusLine.textContent = text;
  }

  // Results first: one search for the listings, then the counts of the filters in use.
  async function run() {
    const seq = ++runSeq;
    setLoading();
    term = searchTerm(state.q);
    const options = { filters: pagefindFilters(state) };
    const sort = effectiveSort(state);
    if (sort) options.sort = SORTS[sort];
    let main;
    try {
      main = await pagefind.search(term, options);
      if (seq !== runSeq) return;
      results = main.results;
      shown = 0;
      if (!(await showMore(seq, true))) return;
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
    const current = main.filters || {};
    for (const name of controls.keys()) {
      if (!state.f[name].length) updateCounts(name, current[name]);
    }
    if (!(await ownCounts(seq))) return;
    root.dataset.query = toQuery(state);
    root.dataset.state = "ready";
  }

  // A filter in use counts its values without itself, so each value shows what choosing it would give.
  // Those counts need a search each: they run one at a time after the results are shown, are cached,
  // and stop as soon as the user changes something.
  async function ownCounts(seq) {
    for (const name of controls.keys()) {
      if (!state.f[name].length) continue;
      const filters = pagefindFilters(state, name);
      const key = JSON.stringify([term, filters, name]);
      let counts = countCache.get(key);
      if (!counts) {
        if (!term && !Object.keys(filters).length) {
          counts = totals[name] || {};
        } else {
          try {
            const search = await pagefind.search(term, { filters });
            counts = (search.filters || {})[name] || {};
          } catch (err) {
            if (seq === runSeq) fail(err);
            return false;
          }
          if (seq !== runSeq) return false;
        }
        countCache.set(key, counts);
        if (countCache.size > 200) countCache.delete(countCache.keys().next().value);
      }
      updateCounts(name, counts);
    }
    return seq === runSeq;
  }

  function updateCounts(name, counts) {
    const c = controls.get(name);
    counts = counts || {};
    for (const [v, item] of c.items) {
      const n = counts[v] || 0;
      if (c.select) {
        const text = item.label + " (" + numberFormat.format(n) + ")";
        if (item.option.textContent !== text) item.option.textContent = text;
      } else {
        const text = numberFormat.format(n);
        if (item.count.textContent !== text) item.count.textContent = text;
        item.row.classList.toggle("wbl-facet__option--zero", n === 0);
      }
    }
  }

  // Loads the next slice of results (only those are fetched), and shows them.
  async function showMore(seq, replace) {
    const slice = results.slice(shown, shown + pageSize);
    const data = await Promise.all(slice.map((r) => r.data()));
    if (seq !== runSeq) return false;
    const cards = data.map(card);
    if (replace) list.replaceChildren(...cards);
    else list.append(...cards);
    shown += slice.length;
    moreButton.hidden = shown >= results.length;
    return cards;
  }

  function safeHref(raw) {
    try {
      const url = new URL(raw, location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : "";
    } catch (err) {
      return "";
    }
  }

  function statusKey(data) {
    const values = (data.filters && data.filters.status) || [];
    if (values.includes("upcoming")) return "upcoming";
    return ["open", "closed", "archived"].find((v) => values.includes(v)) || "";
  }

  function excerpt(html) {
    // Pagefind's excerpt is text with <mark> around matches. Parse it inertly and copy only text and marks.
    const doc = new DOMParser().parseFromString(html, "text/html");
    const p = el("p", { class: "wbl-card__excerpt" });
    for (const node of doc.body.childNodes) {
      if (node.nodeName === "MARK") p.append(el("mark", { text: node.textContent }));
      else p.append(document.createTextNode(node.textContent));
    }
    return p;
  }

  function card(data) {
    const meta = data.meta || {};
    const link = el("a", { text: meta.title || data.url });
    const href = safeHref(data.url);
    if (href) link.href = href;
    const li = el("li", { class: "wbl-card" }, [el("h2", { class: "wbl-card__title" }, [link])]);
    if (meta.org) li.append(el("p", { class: "wbl-card__org", text: meta.org }));
    const facts = el("p", { class: "wbl-card__facts" });
    const key = statusKey(data);
    if (meta.status) facts.append(el("span", { class: "wbl-status" + (key ? " wbl-status--" + key : ""), text: meta.status }), " ");
    const parts = [];
    if (meta.pay) parts.push(el("span", { class: "wbl-card__pay", text: meta.pay }));
    if (meta.where) parts.push(el("span", { class: "wbl-card__where", text: meta.where }));
    let deadline = (meta.deadline || "").trim();
    if (meta.status && deadline.startsWith(meta.status)) deadline = deadline.slice(meta.status.length).trim();
    if (deadline) parts.push(el("span", { class: "wbl-card__deadline", text: ui.deadline + ": " + deadline }));
    parts.forEach((part, i) => facts.append(...(i ? [" · ", part] : [part])));
    li.append(facts);
    if (term && data.excerpt) li.append(excerpt(data.excerpt));
    return li;
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

  function commit(mode) {
    clearTimeout(typingTimer);
    typingTimer = 0;
    normalizeSort(state);
    syncForm();
    writeUrl(mode);
    run();
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
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => commit("replace"), TYPING_DELAY);
    });
    facetsBox.addEventListener("change", (event) => {
      const target = event.target;
      if (!target || !target.name || !controls.has(target.name)) return;
      state.q = qInput.value;
      readFacet(target.name);
      commit("push");
    });
    facetsBox.addEventListener("click", (event) => {
      const chip = event.target.closest ? event.target.closest("button.wbl-chip") : null;
      if (!chip) return;
      const name = chip.getAttribute("data-facet");
      const value = chip.getAttribute("data-value");
      if (!has(state.f, name)) return;
      state.q = qInput.value;
      state.f[name] = name === "status" && value === "any" ? DEFAULT_STATUS.slice() : state.f[name].filter((v) => v !== value);
      const next = chips.querySelectorAll("button.wbl-chip");
      const index = [...next].indexOf(chip);
      commit("push");
      // The chip is gone: keep keyboard focus in the chip list, or on the search box when it is empty.
      const remaining = chips.querySelectorAll("button.wbl-chip");
      (remaining[Math.min(index, remaining.length - 1)] || qInput).focus();
    });
    sortSelect.addEventListener("change", () => {
      state.q = qInput.value;
      state.sort = sortSelect.value === "relevance" ? "" : sortSelect.value;
      commit("push");
    });
    if (resetButton) {
      resetButton.addEventListener("click", () => {
        state = emptyState(qInput.value);
        commit("push");
      });
    }
    moreButton.addEventListener("click", async () => {
      if (loadingMore) return;
      loadingMore = true;
      const hadFocus = document.activeElement === moreButton;
      const seq = runSeq;
      try {
        const cards = await showMore(seq, false);
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
      state = parseQuery(location.search);
      writeUrl("replace");
      clearTimeout(typingTimer);
      syncForm();
      run();
    });
  }

  // ---------- start ----------

  async function start() {
    root.dataset.state = "loading";
    statusLine.textContent = ui.loading;
    try {
      const url = new URL(root.dataset.pagefindPath || "/pagefind/pagefind.js", document.baseURI).href;
      pagefind = await import(url);
      await pagefind.options({ excerptLength: 20 });
      await pagefind.init();
      totals = (await pagefind.filters()) || {};
    } catch (err) {
      fail(err);
      return;
    }
    state = parseQuery(location.search);
    writeUrl("replace"); // the canonical form of the address: known parameters, in order, defaults left out
    buildFacets(totals);
    syncForm();
    listen();
    await run();
  }

  start();
})();
