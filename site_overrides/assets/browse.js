// Browse and search the catalog, with the filter state in the URL.
//
// Progressive enhancement: the page is a server-rendered list of listings with
// pager links. This script swaps it for live filters and search once the facet
// index has loaded; if it cannot load, the static list stays and a message says so.
//
// Two sources, one set of rules:
// - The facet index (browse-data/<lang>/, written by generator/render/browse_index.py):
//   per facet value, the listings that have it. Filters, counts and the three sorts are
//   worked out here from bitsets; only the card shards of the results on screen are fetched.
// - The word index (browse-data/<lang>/words/, written by generator/render/word_index.py),
//   fetched only when there are search words: one small file per word, keyed by its first two
//   letters, answering which listings have the words, best first. Its postings are the facet
//   index's listings, so counts, filters and cards mean the same with and without words.
//
// URL contract (stable, listed in the counselor guide): q, status, sector, format,
// stage, pay, wage, grade, age, area, mode, season, offers, transport, language,
// quality, signal, org, pathway, sort. A repeated parameter means "any of these"
// within one filter; different filters all apply. No `status` means `open`;
// `status=any` means every status. Defaults are left out of the URL.
//
// Everything shown comes from the page's labels JSON or the index's cards, and is written with
// textContent, never as HTML. The word index's text is only compared, never shown.
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
  const SORTS = ["deadline", "reviewed", "pay"];
  const DEFAULT_STATUS = ["open"];
  const ALWAYS_OPEN = new Set(["status", "pay"]);
  const WIDE = "(min-width: 60em)";
  const TYPING_DELAY = 250;
  const PREFETCH_DELAY = 150;
  const PREFETCH_OPTIONS = 40; // options looked at
  const PREFETCH_SHARDS = 6; // card files fetched, at most, after each change
  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const DIGIT = new Int8Array(128).fill(-1); // char code -> base64url digit
  for (let i = 0; i < 64; i++) DIGIT[DIGITS.charCodeAt(i)] = i;
  const INDEX_FORMAT = 1;
  const WORDS_FORMAT = 1;
  const MAX_WORD = 32; // as word_index.MAX_WORD: longer query words are left out, as the index leaves them out
  const MAX_QUERY_WORDS = 8;

  const facets = (labels.facets || []).filter((f) => PARAMS.includes(f.name) && f.values && typeof f.values === "object");
  const facetByName = new Map(facets.map((f) => [f.name, f]));
  const has = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
  const indexUrl = new URL(root.dataset.indexPath || "/browse-data/" + lang + "/facets.json", document.baseURI);

  let index = null; // {n, words, all, base, shard, facets: Map(name -> {pos: Map(value -> i), bits: [Uint32Array]}), wordIndex}
  let state = emptyState("");
  let results = []; // ordinals, in the order shown
  let found = null; // the word search behind `results`, or null
  let shown = 0;
  let runSeq = 0;
  let typingTimer = 0;
  let loadingMore = false;
  let totals = {};
  let current = null; // the evaluation behind the results on screen, for counting facets as they open
  let prefetchTimer = 0;
  let pendingUrl = null; // {mode, query}: the address to write once the results are shown
  const shards = new Map(); // shard number -> Promise of its cards
  const sortOrders = new Map(); // sort name -> Promise of ordinals in that order
  const wordCache = new Map(); // search words -> Promise of {bits, order}
  const wordShards = new Map(); // shard key -> Promise of a decoded shard of the word index
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
    if (s.sort && (!SORTS.includes(s.sort) || s.sort === defaultSort(s))) s.sort = "";
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

  function searchTerm(q) {
    const text = (q || "").trim();
    return /[\p{L}\p{N}]/u.test(text) ? text : null;
  }

  function effectiveSort(s) {
    return s.sort || defaultSort(s);
  }

  // ---------- the facet index ----------

  async function fetchJson(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return response.json();
  }

  function popcount(x) {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }

  // Per listing, a set of value indices: a table of the distinct sets, and each listing's row as base64url digits.
  function eachRow(data, n, visit) {
    const width = data.width || 1;
    const sets = data.sets || [];
    const col = data.col || "";
    for (let i = 0; i < n; i++) {
      let code = 0;
      for (let j = 0; j < width; j++) code = code * 64 + DIGIT[col.charCodeAt(i * width + j) & 127];
      const row = sets[code];
      if (!row) throw new Error("facet index: bad column");
      visit(i, row);
    }
  }

  // Rice-coded gaps between ordinals (see browse_index.rice); "!" means the ordinals that are not there.
  function unrice(text, count, n, bits) {
    const complement = text.charAt(0) === "!";
    if (complement) {
      text = text.slice(1);
      count = n - count;
    }
    const k = DIGIT[text.charCodeAt(0) & 127];
    let position = 6; // bit position in the text, after the first digit
    const bit = () => {
      const digit = DIGIT[text.charCodeAt(position / 6 | 0) & 127];
      if (!(digit >= 0)) throw new Error("facet index: bad posting list");
      const value = (digit >> (5 - (position % 6))) & 1;
      position++;
      return value;
    };
    const out = new Uint32Array(bits.length);
    let previous = -1;
    for (let c = 0; c < count; c++) {
      let quotient = 0;
      while (bit()) quotient++;
      let remainder = 0;
      for (let j = 0; j < k; j++) remainder = remainder * 2 + bit();
      previous += quotient * 2 ** k + remainder + 1;
      out[previous >>> 5] |= 1 << (previous & 31);
    }
    if (complement) for (let w = 0; w < bits.length; w++) out[w] = ~out[w] & bits[w];
    return out;
  }

  function decodeIndex(data, url) {
    if (data.format !== INDEX_FORMAT) throw new Error("facet index: unknown format " + data.format);
    const n = data.n | 0;
    const words = (n + 31) >>> 5;
    const all = new Uint32Array(words);
    for (let i = 0; i < n; i++) all[i >>> 5] |= 1 << (i & 31);
    const decoded = new Map();
    for (const [name, f] of Object.entries(data.facets || {})) {
      const values = f.values || [];
      let bits;
      if (f.post) {
        bits = f.post.map((text, i) => unrice(text, f.counts[i], n, all));
      } else {
        bits = values.map(() => new Uint32Array(words));
        eachRow(f, n, (i, row) => {
          for (const v of row) bits[v][i >>> 5] |= 1 << (i & 31);
        });
      }
      decoded.set(name, { pos: new Map(values.map((v, i) => [v, i])), bits });
    }
    const w = data.words;
    const wordIndex = w && w.format === WORDS_FORMAT
      ? { path: new URL(w.path || "words/", url), keys: new Set(String(w.shards || "").split(" ")), endings: new Set(w.endings || []), stem: w.stem | 0 }
      : null;
    const labels = data.labels && typeof data.labels === "object" ? data.labels : {};
    return { n, words, all, facets: decoded, labels, shard: data.shard || 40, base: new URL(data.base || "", url), wordIndex };
  }

  function valueBits(name, value) {
    const f = index.facets.get(name);
    const i = f ? f.pos.get(value) : undefined;
    return i === undefined ? null : f.bits[i];
  }

  // Listings that have any of the chosen values of one facet.
  function facetMask(name, values) {
    const mask = new Uint32Array(index.words);
    for (const v of values) {
      const bits = valueBits(name, v);
      if (bits) for (let w = 0; w < mask.length; w++) mask[w] |= bits[w];
    }
    return mask;
  }

  function intersect(parts) {
    const out = index.all.slice();
    for (const part of parts) for (let w = 0; w < out.length; w++) out[w] &= part[w];
    return out;
  }

  function countIn(base, name) {
    const counts = {};
    const f = index.facets.get(name);
    if (!f) return counts;
    const words = [];
    for (let w = 0; w < base.length; w++) if (base[w]) words.push(w);
    for (const [value, i] of f.pos) {
      const bits = f.bits[i];
      let n = 0;
      for (const w of words) n += popcount(base[w] & bits[w]);
      counts[value] = n;
    }
    return counts;
  }

  // The listings that match a state: `base`; `masks` and `extra` are kept to count facets later.
  function evaluate(s, words) {
    const masks = new Map();
    for (const f of facets) if (s.f[f.name].length) masks.set(f.name, facetMask(f.name, s.f[f.name]));
    const extra = words ? [words.bits] : [];
    return { base: intersect([...extra, ...masks.values()]), masks, extra, counts: new Map() };
  }

  // A facet's counts. A facet in use counts its values without its own choice, so each value shows
  // what choosing it would give.
  function countsOf(ev, name) {
    if (!ev.counts.has(name)) {
      let base = ev.base;
      if (ev.masks.has(name)) base = intersect([...ev.extra, ...[...ev.masks].filter(([other]) => other !== name).map(([, m]) => m)]);
      ev.counts.set(name, countIn(base, name));
    }
    return ev.counts.get(name);
  }

  function contains(bits, i) {
    return (bits[i >>> 5] >>> (i & 31)) & 1;
  }

  // Listings in a sort's order: the ranks come in a small file, fetched the first time the sort is used.
  function sortOrder(name) {
    if (!sortOrders.has(name)) {
      const promise = fetchJson(new URL("sort-" + name + ".json", indexUrl)).then((data) => {
        const ranks = new Int32Array(index.n);
        eachRow(data, index.n, (i, row) => { ranks[i] = row[0]; });
        let top = 0;
        for (const r of ranks) top = Math.max(top, r);
        const starts = new Int32Array(top + 2);
        for (const r of ranks) starts[r + 1]++;
        for (let r = 1; r < starts.length; r++) starts[r] += starts[r - 1];
        const order = new Int32Array(index.n);
        for (let i = 0; i < index.n; i++) order[starts[ranks[i]]++] = i;
        return order;
      });
      promise.catch(() => sortOrders.delete(name));
      sortOrders.set(name, promise);
    }
    return sortOrders.get(name);
  }

  async function ordered(base, sort, words) {
    const out = [];
    if (!sort && words) {
      for (const i of words.order) if (contains(base, i)) out.push(i);
    } else if (sort && sort !== "deadline") {
      for (const i of await sortOrder(sort)) if (contains(base, i)) out.push(i);
    } else {
      for (let w = 0; w < base.length; w++) {
        let word = base[w];
        while (word) {
          const low = word & -word;
          out.push(w * 32 + 31 - Math.clz32(low));
          word ^= low;
        }
      }
    }
    return out;
  }

  function* ascending(bits) {
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w];
      while (word) {
        const low = word & -word;
        yield w * 32 + 31 - Math.clz32(low);
        word ^= low;
      }
    }
  }

  function shard(k) {
    if (!shards.has(k)) {
      const promise = fetchJson(new URL("cards-" + k + ".json", indexUrl));
      promise.catch(() => shards.delete(k));
      shards.set(k, promise);
    }
    return shards.get(k);
  }

  async function indexCard(i) {
    const cards = await shard(Math.floor(i / index.shard));
    const c = cards[i % index.shard];
    if (!c) throw new Error("facet index: no card " + i);
    return {
      href: new URL(c.u + "/", index.base).href, title: c.t, titleLang: c.tl, org: c.o, orgLang: c.ol,
      pay: c.p, where: c.w, deadline: c.d, status: c.s, statusLabel: c.sl,
    };
  }

  // ---------- the word index, for search words ----------

  // Lowercase, accents dropped, split on anything that is not a letter or digit: word_index.fold and words.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "");
  }

  function queryWords(text) {
    const out = [];
    for (const w of fold(text).split(/[^\p{L}\p{N}]+/u)) {
      if (w && [...w].length <= MAX_WORD && !out.includes(w)) out.push(w);
    }
    return out.slice(0, MAX_QUERY_WORDS);
  }

  // A word's shard: its first two characters (code points, as in Python); the file name spells other
  // characters than a-z and 0-9 as their code points.
  function shardKey(word) {
    return [...word].slice(0, 2).join("");
  }

  function shardFile(key) {
    if (/^[a-z0-9]{1,2}$/.test(key)) return key + ".json";
    return "_" + [...key].map((c) => c.codePointAt(0).toString(16)).join("-") + ".json";
  }

  function wordShard(key) {
    if (!wordShards.has(key)) {
      const promise = (async () => {
        if (!index.wordIndex) throw new Error("word index: missing or of an unknown format");
        if (!index.wordIndex.keys.has(key)) return null; // no word starts so: nothing to fetch
        const data = await fetchJson(new URL(shardFile(key), index.wordIndex.path));
        // Stems: a number of characters to drop from the word's end, or the stem itself.
        const stems = data.w.map((word, i) => {
          const code = data.s[i];
          return typeof code === "number" ? [...word].slice(0, [...word].length - code).join("") : String(code);
        });
        return { w: data.w, stems, c: data.c, p: data.p, tc: data.tc, tp: data.tp };
      })();
      promise.catch(() => wordShards.delete(key));
      wordShards.set(key, promise);
    }
    return wordShards.get(key);
  }

  // The shard's words that a query word matches: those it begins (a prefix), those with its stem, and
  // those whose stem it extends by one of the language's endings. See word_index.matches.
  function matchWords(term, s) {
    const out = [];
    if ([...term].length === 1) {
      s.w.forEach((w, i) => { if (w === term) out.push(i); });
      return out;
    }
    const { endings, stem: minStem } = index.wordIndex;
    const own = new Set();
    s.w.forEach((w, i) => { if (w === term) own.add(s.stems[i]); });
    s.w.forEach((w, i) => {
      const stem = s.stems[i];
      const extends_ = [...stem].length >= minStem && term.startsWith(stem) && endings.has(term.slice(stem.length));
      if (w.startsWith(term) || own.has(stem) || extends_) out.push(i);
    });
    return out;
  }

  // Which listings have every word, best first: more words in the title or organization first, then in
  // the facet index's order.
  function wordSearch(text) {
    if (!wordCache.has(text)) {
      const promise = (async () => {
        const terms = queryWords(text);
        const found = await Promise.all(terms.map((term) => wordShard(shardKey(term))));
        let bits = null;
        const score = new Uint8Array(index.n);
        for (let t = 0; t < terms.length; t++) {
          const hits = new Uint32Array(index.words);
          const strong = new Uint32Array(index.words);
          const s = found[t];
          for (const i of s ? matchWords(terms[t], s) : []) {
            const have = unrice(s.p[i], s.c[i], index.n, index.all);
            for (let w = 0; w < hits.length; w++) hits[w] |= have[w];
            if (s.tc[i]) {
              const inTitle = unrice(s.tp[i], s.tc[i], index.n, index.all);
              for (let w = 0; w < strong.length; w++) strong[w] |= inTitle[w];
            }
          }
          for (const ordinal of ascending(strong)) score[ordinal]++;
          if (bits) for (let w = 0; w < bits.length; w++) bits[w] &= hits[w];
          else bits = hits;
        }
        bits = bits || new Uint32Array(index.words);
        const buckets = [];
        for (const i of ascending(bits)) (buckets[terms.length - score[i]] = buckets[terms.length - score[i]] || []).push(i);
        return { bits, order: buckets.flat() };
      })();
      promise.catch(() => wordCache.delete(text));
      wordCache.set(text, promise);
      if (wordCache.size > 20) wordCache.delete(wordCache.keys().next().value);
    }
    return wordCache.get(text);
  }

  // Typing: fetch the shards of the words so far while the typing delay runs.
  function prefetchWords(text) {
    if (!index || !index.wordIndex) return;
    for (const term of queryWords(text)) wordShard(shardKey(term)).catch(() => {});
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

  function buildOptions(c) {
    if (c.built) return;
    c.built = true;
    const values = state.f[c.facet.name];
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
    if (current) updateCounts(c.facet.name);
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
        // A facet's options are built the first time it opens: a catalog with a thousand organizations
        // would otherwise put thousands of elements on the page, and every change would touch them.
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
        if (ALWAYS_OPEN.has(f.name)) {
          details.open = true;
          buildOptions(c);
        }
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
        if (values.length && !c.details.open) {
          c.details.open = true;
          buildOptions(c);
        }
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

  // ---------- running a query ----------

  function setLoading() {
    root.dataset.state = "loading";
    list.setAttribute("aria-busy", "true");
  }

  function announce(n) {
    const text = n === 0 ? ui.none : n === 1 ? ui.result : ui.results.replace("{n}", numberFormat.format(n));
    if (statusLine.textContent !== text) statusLine.textContent = text;
  }

  async function run() {
    const seq = ++runSeq;
    setLoading();
    const term = searchTerm(state.q);
    let ev;
    try {
      const words = term ? await wordSearch(term) : null;
      if (seq !== runSeq) return;
      ev = evaluate(state, words);
      const next = await ordered(ev.base, effectiveSort(state), words);
      if (seq !== runSeq) return;
      results = next;
      found = words;
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
    flushUrl();
    current = ev;
    for (const [name, c] of controls) if (c.select || c.built) updateCounts(name);
    root.dataset.query = toQuery(state);
    root.dataset.state = "ready";
    clearTimeout(prefetchTimer);
    if (!found) prefetchTimer = setTimeout(() => prefetch(seq).catch(() => {}), PREFETCH_DELAY);
  }

  // While the visitor reads, fetch the cards that ticking one of the options on screen would show
  // first, so that the click does not wait for the network. A few small files at most.
  async function prefetch(seq) {
    if (seq !== runSeq || found || searchTerm(state.q)) return; // words: the next click's results depend on them too
    const sort = effectiveSort(state);
    const order = sort === "deadline" ? null : await sortOrder(sort);
    if (seq !== runSeq) return;
    const wanted = new Set();
    let tried = 0;
    for (const [name, c] of controls) {
      if (c.select || !c.built) continue;
      for (const v of c.items.keys()) {
        if (++tried > PREFETCH_OPTIONS) break;
        const chosen = state.f[name];
        const next = { ...state, f: { ...state.f, [name]: chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v] } };
        const base = evaluate(next, null).base;
        let taken = 0;
        for (const i of order || ascending(base)) {
          if (!contains(base, i)) continue;
          wanted.add(Math.floor(i / index.shard));
          if (++taken >= pageSize) break;
        }
      }
    }
    let fetched = 0;
    for (const k of wanted) {
      if (shards.has(k)) continue;
      if (++fetched > PREFETCH_SHARDS) break;
      shard(k).catch(() => {});
    }
  }

  function updateCounts(name) {
    const c = controls.get(name);
    const counts = countsOf(current, name);
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

  // Shows the next slice of results: only their cards are fetched.
  async function showMore(seq, replace) {
    const slice = results.slice(shown, shown + pageSize);
    const records = await Promise.all(slice.map(indexCard));
    if (seq !== runSeq) return false;
    const cards = records.map(card);
    if (replace) list.replaceChildren(...cards);
    else list.append(...cards);
    shown += slice.length;
    moreButton.hidden = shown >= results.length;
    return cards;
  }

  function card(r) {
    const link = el("a", { text: r.title || r.href });
    if (r.href) link.href = r.href;
    if (r.titleLang) link.lang = r.titleLang;
    const li = el("li", { class: "wbl-card" }, [el("h2", { class: "wbl-card__title" }, [link])]);
    if (r.org) {
      const org = el("p", { class: "wbl-card__org", text: r.org });
      if (r.orgLang) org.lang = r.orgLang;
      li.append(org);
    }
    const facts = el("p", { class: "wbl-card__facts" });
    if (r.statusLabel) facts.append(el("span", { class: "wbl-status" + (r.status ? " wbl-status--" + r.status : ""), text: r.statusLabel }), " ");
    const parts = [];
    if (r.pay) parts.push(el("span", { class: "wbl-card__pay", text: r.pay }));
    if (r.where) parts.push(el("span", { class: "wbl-card__where", text: r.where }));
    if (r.deadline) parts.push(el("span", { class: "wbl-card__deadline", text: ui.deadline + ": " + r.deadline }));
    parts.forEach((part, i) => facts.append(...(i ? [" · ", part] : [part])));
    li.append(facts);
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

  // The address changes once the results are on screen (changing it is slow on a large page, and the
  // results come first); a change made before that still gets its own history entry.
  function commit(mode) {
    clearTimeout(typingTimer);
    typingTimer = 0;
    normalizeSort(state);
    syncForm();
    if (pendingUrl && (pendingUrl.mode === "push" || mode === "push")) flushUrl();
    pendingUrl = { mode, query: toQuery(state) };
    run();
  }

  function flushUrl() {
    if (!pendingUrl) return;
    const { mode, query } = pendingUrl;
    pendingUrl = null;
    const url = location.pathname + query + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (mode === "push") history.pushState({ wblBrowse: true }, "", url);
    else history.replaceState({ wblBrowse: true }, "", url);
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
      prefetchWords(state.q); // start now; a failure shows when the search runs
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
      const position = [...next].indexOf(chip);
      commit("push");
      // The chip is gone: keep keyboard focus in the chip list, or on the search box when it is empty.
      const remaining = chips.querySelectorAll("button.wbl-chip");
      (remaining[Math.min(position, remaining.length - 1)] || qInput).focus();
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
      pendingUrl = null;
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
      index = decodeIndex(await fetchJson(indexUrl), indexUrl);
    } catch (err) {
      fail(err);
      return;
    }
    // Organization and pathway names come with the index: they grow with the catalog, so the page leaves them out.
    for (const [name, values] of Object.entries(index.labels)) {
      const f = facetByName.get(name);
      if (f && values && typeof values === "object") f.values = values;
    }
    state = parseQuery(location.search);
    writeUrl("replace"); // the canonical form of the address: known parameters, in order, defaults left out
    totals = {};
    for (const f of facets) totals[f.name] = countIn(index.all, f.name);
    buildFacets(totals);
    syncForm();
    listen();
    await run();
  }

  start();
})();
