// The My list page (/my-list/): the saved listings with their status today, removing them, one link that shares
// them, one printed handout and one calendar file of their deadlines.
//
// Opened with ?ids=org/listing,... (share.js) it shows those listings instead, as a shared list, and offers to
// save them. What each listing shows comes from the browse page's published files: the facet index
// (facets.json), then only the card shards that hold the listings' organizations' rows. Nothing else is
// requested, and nothing about the list leaves the device.

import { ordinals } from "../browse/bits.js";
import { createStore as createData } from "../browse/data.js";
import { gradesText } from "../browse/labels.js";
import { cardToday, dateWriter, effectiveDay, localDay, windowOn } from "../browse/status.js";
import { buildCalendar, deadlineUid } from "./ics.js";
import { formatShareUrl, parseIds } from "./share.js";
import { KEY, createStore } from "./store.js";

const DAY = 86400000;
const CALENDAR_FILE = "my-list-deadlines.ics";
// Of a listing's rows (its tracks), the one whose status the list shows: a family can apply to any open one.
const STATUS_RANK = { open: 0, upcoming: 1, closed: 2, archived: 3 };

const isoDay = (day) => new Date(day * DAY).toISOString().slice(0, 10);

// Listing id -> its rows in the index, in ordinal order: [{ordinal, record}], fetching only the card shards
// that hold the rows of the listings' organizations.
export async function findListings(data, ids) {
  if (!data.index) await data.load();
  const index = await data.facets(["org"]); // the organizations' facet is in a file of its own
  const orgs = index.facets.get("org");
  const wanted = new Set(ids);
  const candidates = new Set();
  for (const id of ids) {
    const position = orgs ? orgs.pos.get(id.split("/")[0]) : undefined;
    if (position !== undefined) for (const i of ordinals(orgs.bits[position])) candidates.add(i);
  }
  const shards = new Map();
  for (const i of candidates) {
    const k = data.shardOf(i);
    if (!shards.has(k)) shards.set(k, data.shard(k));
  }
  const found = new Map();
  for (const [k, promise] of shards) {
    const cards = await promise;
    cards.forEach((c, j) => {
      const i = k * index.shard + j;
      if (wanted.has(c.u) && candidates.has(i)) {
        if (!found.has(c.u)) found.set(c.u, []);
        found.get(c.u).push(i);
      }
    });
  }
  const out = new Map();
  for (const [id, rows] of found) {
    rows.sort((a, b) => a - b);
    out.set(id, await Promise.all(rows.map(async (ordinal) => ({ ordinal, record: await data.card(ordinal) }))));
  }
  return out;
}

// One listing as My list shows it, from its rows as of `day`: its title and organization, the status of its most
// open row, the pay of each row, and the next deadline ahead (as a day number, for the calendar).
export function summarize(id, rows, when, day, ui, dateText) {
  const today = rows.map(({ ordinal, record }) => {
    const pairs = when.rows.get(ordinal) || null;
    return { pairs, card: cardToday(record, pairs, day, ui, dateText) };
  });
  const best = today.reduce((a, b) => ((STATUS_RANK[b.card.status] ?? 9) < (STATUS_RANK[a.card.status] ?? 9) ? b : a));
  let next = null;
  for (const { pairs } of today) {
    if (!pairs) continue;
    const deadline = pairs[windowOn(pairs, day)][1];
    if (deadline !== null && deadline >= day && (next === null || deadline < next)) next = deadline;
  }
  const first = rows[0].record;
  return {
    id,
    href: first.href.split("#")[0],
    title: first.title,
    titleLang: first.titleLang || "",
    org: first.org,
    orgLang: first.orgLang || "",
    format: first.format || "",
    grades: gradesText(first.grades, ui),
    status: best.card.status,
    statusLabel: best.card.statusLabel,
    pay: [...new Set(today.map(({ card }) => card.pay).filter(Boolean))].join(" · "),
    deadline: best.card.deadline || "",
    deadlineNote: best.card.deadlineNote || "",
    deadlineCounts: Boolean(best.card.deadlineCounts),
    nextDeadline: next === null ? "" : isoDay(next),
  };
}

// The calendar events of summarized listings: those with a deadline ahead.
export function calendarEvents(items, { host, permanent, ui }) {
  return items
    .filter((item) => item.nextDeadline)
    .map((item) => ({
      uid: deadlineUid(item.id, host),
      date: item.nextDeadline,
      summary: ui.mylist_calendar_summary.replace("{title}", item.title),
      description: item.org + "\n" + permanent(item.id),
      url: permanent(item.id),
    }));
}

function start() {
  const root = document.getElementById("wbl-mylist");
  if (!root) return;
  const labels = JSON.parse(document.getElementById("wbl-mylist-labels").textContent);
  const ui = labels.ui;
  const formats = labels.formats || {};
  const lang = root.dataset.lang;
  const numberText = new Intl.NumberFormat(lang).format;
  const dateText = dateWriter(lang);
  const store = createStore(() => window.localStorage);
  const data = createData(new URL(root.dataset.indexPath, document.baseURI), (url) =>
    fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(url + ": " + r.status)))),
  );
  const el = (name) => document.getElementById("wbl-mylist-" + name);
  const list = el("items");
  const status = el("status");
  const shared = parseIds(location.search);
  const isShared = new URLSearchParams(location.search).has("ids");
  const pageUrl = new URL(root.dataset.pageUrl, document.baseURI).href;
  const permanent = (id) => root.dataset.listingBase + id + "/";
  let items = []; // summarized listings, in the list's order
  let generation = 0;

  el("app").hidden = false;
  el("no-storage").hidden = store.persistent;
  el("shared").hidden = !isShared;
  if (isShared && shared.rejected) {
    el("rejected").textContent = ui.mylist_shared_rejected.replace("{n}", numberText(shared.rejected));
    el("rejected").hidden = false;
  }
  const say = (text) => {
    status.textContent = text;
  };

  function countText(n) {
    return n === 0 ? ui.mylist_empty : n === 1 ? ui.mylist_count_one : ui.mylist_count_many.replace("{n}", numberText(n));
  }

  function text(tag, value, className, valueLang) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value;
    if (valueLang) node.lang = valueLang;
    return node;
  }

  function itemNode(id, item) {
    const li = document.createElement("li");
    li.className = "wbl-card wbl-mylist__item";
    li.dataset.id = id;
    const heading = document.createElement("h2");
    heading.className = "wbl-card__title";
    const link = text("a", item ? item.title : id, "", item ? item.titleLang : "");
    link.href = item ? item.href : new URL(root.dataset.localBase + id + "/", document.baseURI).href;
    if (!item) link.translate = false;
    heading.append(link);
    li.append(heading);
    if (item) {
      const org = document.createElement("p");
      org.className = "wbl-card__org";
      org.append(text("span", item.org, "", item.orgLang));
      const format = formats[item.format] || item.format;
      if (format) org.append(" · " + format);
      if (item.grades) org.append(" · " + item.grades);
      li.append(org);
      const facts = document.createElement("p");
      facts.className = "wbl-card__facts";
      facts.append(text("span", item.statusLabel, "wbl-status wbl-status--" + item.status));
      if (item.pay) facts.append(" ", text("span", item.pay, "wbl-mylist__pay"));
      if (item.deadline) {
        const deadline = text("span", ui.deadline + ": " + item.deadline, "wbl-mylist__deadline");
        if (item.deadlineNote) {
          // As on the cards: a note that counts days is not printed (wbl.css), paper keeps the date.
          deadline.append(" ", text("span", "(" + item.deadlineNote + ")", item.deadlineCounts ? "wbl-days-left" : "wbl-deadline-note"));
        }
        facts.append(" · ", deadline);
      }
      li.append(facts);
    } else {
      li.append(text("p", ui.mylist_missing, "wbl-mylist__missing"));
    }
    const address = document.createElement("p");
    address.className = "wbl-mylist__address";
    address.append(text("span", ui.permalink + ": "), text("span", permanent(id), "wbl-mylist__url"));
    address.lastChild.translate = false;
    li.append(address);
    if (!isShared) {
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "md-button wbl-mylist__remove";
      remove.dataset.id = id;
      remove.append(ui.mylist_remove, text("span", " " + (item ? item.title : id), "wbl-visually-hidden", item ? item.titleLang : ""));
      li.append(remove);
    }
    return li;
  }

  function updateActions(ids) {
    const any = ids.length > 0;
    el("actions").hidden = !any;
    el("share-url").value = formatShareUrl(pageUrl, ids);
    el("empty").hidden = any;
    el("count").textContent = any ? countText(ids.length) : "";
  }

  async function show() {
    const mine = ++generation;
    const ids = isShared ? shared.ids : store.ids();
    updateActions(ids);
    if (!ids.length) {
      list.replaceChildren();
      items = [];
      return;
    }
    say(ui.mylist_loading);
    let found;
    try {
      found = await findListings(data, ids);
    } catch {
      if (mine === generation) say(ui.mylist_error);
      return;
    }
    if (mine !== generation) return;
    const when = data.index.when;
    const day = effectiveDay(when, localDay(new Date()));
    const byId = new Map();
    for (const id of ids) {
      const rows = found.get(id);
      if (rows && rows.length) byId.set(id, summarize(id, rows, when, day, ui, dateText));
    }
    items = ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
    list.replaceChildren(...ids.map((id) => itemNode(id, byId.get(id))));
    list.hidden = false;
    say("");
  }

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button.wbl-mylist__remove");
    if (!button) return;
    const li = button.closest("li");
    const next = li.nextElementSibling || li.previousElementSibling;
    const title = li.querySelector(".wbl-card__title").textContent;
    store.remove(button.dataset.id);
    li.remove();
    items = items.filter((item) => item.id !== button.dataset.id);
    updateActions(store.ids());
    say(ui.mylist_removed.replace("{title}", title));
    const focus = next ? next.querySelector("button.wbl-mylist__remove") : null;
    (focus || el("heading")).focus();
  });

  el("save-shared").addEventListener("click", () => {
    store.add(...shared.ids);
    say(store.persistent ? ui.mylist_shared_saved : ui.mylist_no_storage);
  });

  el("copy").addEventListener("click", () => {
    const input = el("share-url");
    const done = () => say(ui.mylist_copied);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(input.value).then(done, () => input.select());
    } else input.select();
  });

  el("print").addEventListener("click", () => window.print());

  el("calendar").addEventListener("click", () => {
    const host = new URL(root.dataset.listingBase).host;
    const events = calendarEvents(items, { host, permanent, ui });
    if (!events.length) {
      say(ui.mylist_calendar_none);
      return;
    }
    const file = buildCalendar(events, { now: new Date(), name: ui.mylist_title });
    const url = URL.createObjectURL(new Blob([file], { type: "text/calendar;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = CALENDAR_FILE;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(events.length === 1 ? ui.mylist_calendar_one : ui.mylist_calendar_many.replace("{n}", numberText(events.length)));
  });

  // Another tab saved or removed a listing.
  if (!isShared) window.addEventListener("storage", (event) => (event.key === null || event.key === KEY) && show());
  show();
}

if (typeof document !== "undefined") start();
