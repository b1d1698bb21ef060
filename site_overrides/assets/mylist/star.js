// The star on listing cards and listing pages: saves the listing to My list, on this device only (store.js).
//
// The server writes each star hidden (without a script it could do nothing) with the listing's id in data-id;
// the browse page's cards, copies of a template, get theirs from the card's link. Each star is a toggle button
// (aria-pressed) whose accessible name holds the listing's title.

import { isListingId } from "./share.js";
import { createStore } from "./store.js";

const STAR = "button.wbl-star";
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

function setUp(button) {
  let id = button.dataset.id || "";
  const card = button.closest(".wbl-card");
  const link = card ? card.querySelector(".wbl-card__title a") : null;
  if (!id && link) {
    id = idFromHref(link.getAttribute("href") || "", document.baseURI);
    if (id) button.dataset.id = id;
  }
  if (!id) return;
  // A card built in the browser names its listing in the star from its title.
  const title = button.querySelector("[data-star-title]");
  if (title && !title.textContent.trim() && link) {
    title.textContent = link.textContent;
    if (link.lang) title.lang = link.lang;
  }
  button.setAttribute("aria-pressed", store.has(id) ? "true" : "false");
  button.hidden = false;
}

function setUpAll(root) {
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
