// Listing ids in a My list link: /my-list/?ids=org/listing,org/listing.
//
// An id is the catalog's (generator/ids.py): an organization id and a listing id joined by "/", each of lowercase
// ASCII letters and digits joined by single hyphens, at most 60 characters. The link is read from an address
// anyone can write, so anything else is left out and counted, never shown.

export const PARAM = "ids";
export const MAX_ID = 60;
// A list longer than this is cut: a link of a few thousand characters still opens in every browser and mail app.
export const MAX_IDS = 100;
const PART = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Whether `value` is a catalog id, org/listing.
export function isListingId(value) {
  if (typeof value !== "string") return false;
  const parts = value.split("/");
  return parts.length === 2 && parts.every((part) => part.length <= MAX_ID && PART.test(part));
}

// The ids of a link's query string (location.search, with or without "?", or a URLSearchParams): {ids, rejected},
// ids in the link's order without repeats, rejected the number of entries left out (not ids, repeats excepted).
export function parseIds(search) {
  const params = search instanceof URLSearchParams ? search : new URLSearchParams(search || "");
  const ids = [];
  let rejected = 0;
  for (const value of params.getAll(PARAM)) {
    for (const raw of value.split(",")) {
      const id = raw.trim();
      if (!id) continue;
      if (!isListingId(id)) rejected++;
      else if (!ids.includes(id)) {
        if (ids.length < MAX_IDS) ids.push(id);
        else rejected++;
      }
    }
  }
  return { ids, rejected };
}

// The link that opens `ids` on the My list page at `pageUrl` (its own query and fragment are dropped). Ids are
// written as they are: their characters need no escaping, so the link stays readable when pasted in a message.
export function formatShareUrl(pageUrl, ids) {
  const url = new URL(pageUrl);
  url.search = "";
  url.hash = "";
  const valid = ids.filter(isListingId).slice(0, MAX_IDS);
  return valid.length ? url.href + "?" + PARAM + "=" + valid.join(",") : url.href;
}
