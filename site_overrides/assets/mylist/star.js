// The star on listing cards and listing pages: saves the listing to My list, on this device only (store.js).
//
// A listing page's star is written by the server, hidden (without a script it could do nothing), with the listing's
// id in data-id. Cards have none: each card of a list that names the star (data-star, the button's words) gets one
// here, with its id and title from the card's link, as the browse page adds cards too. Each star is a toggle button
// (aria-pressed) whose accessible name holds the listing's title.

import { isListingId } from "./share.js";
import { createStore } from "./store.js";

const STAR = "button.wbl-star";
const CARD = "[data-star] > li.wbl-card";
// Drawn here rather than in each card: a page of a hundred cards would carry it a hundred times.
const ICON =
  '<svg class="wbl-star__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
  '<path d="M12 2.8l2.8 5.7 6.3.9-4.6 4.4 1.1 6.2L12 17.1 6.4 20l1.1-6.2L2.9 9.4l6.3-.9z"/></svg>';
const LISTING_PATH = /\/opportunities\/([a-z0-9-]+\/[a-z0-9-]+)\/$/;

// The listing id in a listing page's address ("" for another page).
export function idFromHref(href, base) {
  try {
    const match = LISTING_PATH.exec(new URL(href, base).pathname);
    return match && isListingId(match[1]) ? match[1] : "";
  } catch {
    return "";
  }
}

const store = createStore(() => window.localStorage);

// The star of a card: its words from the list, its id and title from the card's link; none for a card that does
// not link to a listing (a preview).
function addStar(card) {
  if (card.querySelector(STAR)) return;
  const link = card.querySelector(".wbl-card__title a");
  const id = link ? idFromHref(link.getAttribute("href") || "", document.baseURI) : "";
  if (!id) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "wbl-star";
  button.dataset.id = id;
  button.hidden = true;
  const name = document.createElement("span");
  name.className = "wbl-visually-hidden";
  const title = document.createElement("span");
  title.dataset.starTitle = "";
  title.textContent = link.textContent;
  if (link.lang) title.lang = link.lang;
  else if (link.firstElementChild && link.firstElementChild.lang) title.lang = link.firstElementChild.lang;
  name.append(`${card.parentElement.dataset.star}: `, title);
  button.append(name);
  card.prepend(button);
}

function setUp(button) {
  const id = button.dataset.id || "";
  if (!id) return;
  if (!button.querySelector(".wbl-star__icon")) button.insertAdjacentHTML("afterbegin", ICON);
  button.setAttribute("aria-pressed", store.has(id) ? "true" : "false");
  button.hidden = false;
}

function setUpAll(root) {
  if (root.matches && root.matches(CARD)) addStar(root);
  if (root.querySelectorAll) root.querySelectorAll(CARD).forEach(addStar);
  if (root.matches && root.matches(STAR)) setUp(root);
  if (root.querySelectorAll) root.querySelectorAll(STAR).forEach(setUp);
}

function refresh(ids) {
  const saved = new Set(ids);
  document.querySelectorAll(STAR).forEach((button) => {
    if (button.dataset.id) button.setAttribute("aria-pressed", saved.has(button.dataset.id) ? "true" : "false");
  });
}

document.addEventListener("click", (event) => {
  const button = event.target.closest ? event.target.closest(STAR) : null;
  if (!button || !button.dataset.id) return;
  store.toggle(button.dataset.id);
});
store.subscribe(refresh);
window.addEventListener("storage", (event) => store.notify(event));
setUpAll(document);
// The browse page adds cards as the visitor searches.
new MutationObserver((records) => {
  for (const record of records) record.addedNodes.forEach((node) => node.nodeType === 1 && setUpAll(node));
}).observe(document.body, { childList: true, subtree: true });
