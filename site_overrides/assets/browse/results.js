// The result list: cards shown a page at a time, each card fetched only when it is shown.

import { el } from "./dom.js";

// A result card from a card record (index.js cardRecord).
export function card(r, ui) {
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

// The results of the last search in `list`, pageSize cards at a time; `more` is the button that shows
// the next ones, hidden once all are shown. loadCard(ordinal) -> Promise of its card record.
export function createResults({ list, more, pageSize, loadCard, ui }) {
  let ordinals = []; // in the order shown
  let shown = 0;
  return {
    get length() { return ordinals.length; },
    reset(next) {
      ordinals = next;
      shown = 0;
    },
    // Shows the next slice (replace: instead of what is there); only their cards are fetched. Returns
    // the new cards, or false when isCurrent() says that another search took over meanwhile.
    async showMore(isCurrent, replace) {
      const slice = ordinals.slice(shown, shown + pageSize);
      const records = await Promise.all(slice.map(loadCard));
      if (!isCurrent()) return false;
      const cards = records.map((r) => card(r, ui));
      if (replace) list.replaceChildren(...cards);
      else list.append(...cards);
      shown += slice.length;
      more.hidden = shown >= ordinals.length;
      return cards;
    },
  };
}
