// The result list: cards shown a page at a time, each card fetched only when it is shown.
//
// Each card is a copy of the page's card template (browse.html: the server's card, with its slots empty),
// so that the cards built here show what the list without JavaScript shows. Slots get text only
// (textContent), and the link only the address that the index gives.

import { cardTexts } from "./labels.js";

// Fills a copy of the card template with a listing's texts (labels.js cardTexts). Returns the card.
export function fillCard(card, texts) {
  const slot = (name) => card.querySelector('[data-slot="' + name + '"]');
  const put = (name, text, lang) => {
    const node = slot(name);
    if (!node) return null;
    node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  };
  const link = put("title", texts.title, texts.titleLang);
  if (link && texts.href) link.href = texts.href;
  put("org", texts.org, texts.orgLang);
  put("format", texts.format);
  const status = put("status", texts.statusLabel, texts.statusLang);
  if (status && texts.status) status.classList.add("wbl-status--" + texts.status);
  // A part the server leaves out (grades of a listing open to ages only, a deadline) goes with the separator
  // written before it.
  const drop = (node) => {
    if (!node) return;
    const separator = node.previousSibling;
    if (separator && separator.nodeType === Node.TEXT_NODE) separator.remove();
    node.remove();
  };
  if (texts.track) put("track", texts.track, texts.trackLang);
  else drop(slot("track"));
  put("pay", texts.pay);
  if (texts.grades) put("grades", texts.grades);
  else drop(slot("grades"));
  const where = put("where", "");
  // Places' names are marked as names no translation may change, as on the server's cards.
  (texts.whereParts || [texts.where]).forEach((part, i) => {
    if (!where || !part) return;
    if (i % 2) {
      const name = where.ownerDocument.createElement("span");
      name.translate = false;
      name.textContent = part;
      where.append(name);
    } else where.append(part);
  });
  // Only the script knows a distance (near me): without one, the slot goes with its separator.
  if (texts.distance) put("distance", texts.distance);
  else drop(slot("distance"));
  // The server writes the deadline, its label and the separator before them only for a listing that has one.
  const deadline = texts.deadline ? put("deadline", texts.deadline) : null;
  if (!deadline) drop(slot("deadline-part"));
  else if (texts.deadlineNote) {
    // As the server's View.deadline_html: a note that counts days is marked, so print shows the date alone.
    const note = deadline.ownerDocument.createElement("span");
    note.className = texts.deadlineCounts ? "wbl-days-left" : "wbl-deadline-note";
    note.textContent = "(" + texts.deadlineNote + ")";
    deadline.append(" ", note);
  }
  return card;
}

// The results of the last search in `list`, pageSize cards at a time; `more` is the button that shows
// the next ones, hidden once all are shown. loadCard(ordinal) -> Promise of its card record; `template`
// is the page's card template, `ui` its labels and `formats` the format facet's labels.
export function createResults({ list, more, pageSize, loadCard, template, ui, formats }) {
  let ordinals = []; // in the order shown
  let shown = 0;
  const blank = template.content.querySelector(".wbl-card");
  const card = (r) => fillCard(blank.cloneNode(true), cardTexts(r, ui, formats));
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
      const cards = records.map(card);
      if (replace) list.replaceChildren(...cards);
      else list.append(...cards);
      shown += slice.length;
      more.hidden = shown >= ordinals.length;
      return cards;
    },
  };
}
