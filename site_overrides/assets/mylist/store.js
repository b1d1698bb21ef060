// My list: the listings a visitor saves, kept on the device only.
//
// The list lives in localStorage under KEY as JSON {"v": 1, "ids": ["org/listing", ...]}, oldest first. Nothing
// is sent anywhere and no cookie is set. Where the browser keeps no data for the site (storage turned off, or
// blocked along with cookies), the list lasts as long as the page, and `persistent` says so.
//
// createStore(storage) takes the Storage object (window.localStorage, or a fake one in tests), or a function
// that returns it: reading localStorage itself can throw where it is blocked.

import { MAX_IDS, isListingId } from "./share.js";

export const KEY = "wbl-my-list";
export const VERSION = 1;

function open(storage) {
  try {
    const s = typeof storage === "function" ? storage() : storage;
    if (!s) return null;
    // Some browsers give a Storage object that throws on writing (private modes, a full quota).
    const probe = KEY + ":probe";
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

// The ids stored in `text` (the value under KEY), valid ones only, without repeats; [] for anything unreadable.
export function decode(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const ids = data && data.v === VERSION && Array.isArray(data.ids) ? data.ids : [];
  return [...new Set(ids.filter(isListingId))].slice(0, MAX_IDS);
}

export function encode(ids) {
  return JSON.stringify({ v: VERSION, ids });
}

export function createStore(storage) {
  const backing = open(storage);
  let memory = [];
  const listeners = new Set();

  function read() {
    if (!backing) return memory.slice();
    try {
      const text = backing.getItem(KEY);
      return text === null ? [] : decode(text);
    } catch {
      return memory.slice();
    }
  }

  function write(ids) {
    memory = ids.slice();
    if (backing) {
      try {
        if (ids.length) backing.setItem(KEY, encode(ids));
        else backing.removeItem(KEY);
      } catch {
        // A full quota: the page keeps the list in memory.
      }
    }
    for (const listener of listeners) listener(ids.slice());
  }

  const store = {
    get persistent() { return backing !== null; },
    ids: read,
    has: (id) => read().includes(id),
    // Adds ids not there yet, at the end; returns how many were added. A full list takes no more.
    add(...ids) {
      const current = read();
      let added = 0;
      for (const id of ids) {
        if (!isListingId(id) || current.includes(id) || current.length >= MAX_IDS) continue;
        current.push(id);
        added++;
      }
      if (added) write(current);
      return added;
    },
    remove(id) {
      const current = read();
      const next = current.filter((x) => x !== id);
      if (next.length !== current.length) write(next);
      return next.length !== current.length;
    },
    // Saves or removes `id`; returns whether it is saved now.
    toggle(id) {
      if (store.has(id)) {
        store.remove(id);
        return false;
      }
      return store.add(id) > 0;
    },
    clear: () => write([]),
    // listener(ids) after each change made here or, through the storage event (notify), in another tab.
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // For the window's "storage" event: another tab changed the list.
    notify(event) {
      if (event && event.key !== null && event.key !== KEY) return;
      const ids = read();
      for (const listener of listeners) listener(ids);
    },
  };
  return store;
}
