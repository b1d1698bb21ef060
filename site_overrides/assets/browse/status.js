// Statuses as of the visitor's today. The pages are built on one date; a listing must not stay under
// "Accepting applications" after its deadline, nor under "Opens soon" once its applications have opened.
// The rules are the generator's (generator/model/status.py): in the window the row is in (the first whose
// deadline has not passed, else the last), a passed deadline means closed, an opening date still ahead
// means upcoming, otherwise open. Only rows open or upcoming on the build's date carry dates (facets.json
// `when`, browse_index.py when()); closed and archived rows stay as built.

const DAY = 86400000;

// A date written YYYY-MM-DD as a day number (days since 1970-01-01).
export function dayNumber(iso) {
  const [y, m, d] = String(iso).split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}

// The local calendar day of a Date, as a day number: "today" where the visitor is.
export function localDay(date) {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY;
}

// facets.json's `when`: {on: the build's day number, rows: Map ordinal -> [[opens, deadline], ...]} in day
// numbers, null for none (an opening already past on the build's date is none).
export function decodeWhen(when) {
  const rows = new Map();
  if (!when || !when.on || !Array.isArray(when.rows)) return { on: null, rows };
  const on = dayNumber(when.on);
  let ordinal = -1;
  let previous = 0; // the first deadline is written as the difference from the previous row's
  for (const row of when.rows) {
    ordinal += row[0];
    const pairs = [];
    for (let i = 1; i + 1 < row.length; i += 2) {
      let days = row[i + 1];
      if (i === 1 && days >= 0) {
        days += previous;
        previous = days;
      }
      pairs.push([row[i] > 0 ? on + row[i] : null, days >= 0 ? on + days : null]);
    }
    if (pairs.length) rows.set(ordinal, pairs);
  }
  return { on, rows };
}

// Which of a row's windows applies on `today`: the first not over yet, else the last.
export function windowOn(pairs, today) {
  for (let i = 0; i < pairs.length; i++) {
    const deadline = pairs[i][1];
    if (deadline === null || today <= deadline) return i;
  }
  return pairs.length - 1;
}

// open, upcoming or closed on `today`.
export function statusOn(pairs, today) {
  const [opens, deadline] = pairs[windowOn(pairs, today)];
  if (deadline !== null && deadline < today) return "closed";
  if (opens !== null && opens > today) return "upcoming";
  return "open";
}

// The day the browser counts from: the visitor's today, never before the build's date (a device whose
// clock is behind keeps the statuses as built).
export function effectiveDay(when, today) {
  return when.on === null ? today : Math.max(today, when.on);
}

// Moves each dated row of the index's status facet (`name`) to its status on `today`. Returns how many moved.
export function restatus(index, name, today) {
  const when = index.when;
  const f = index.facets.get(name);
  if (!f || !when || !when.rows.size) return 0;
  const day = effectiveDay(when, today);
  let moved = 0;
  for (const [i, pairs] of when.rows) {
    const status = statusOn(pairs, day);
    if (!f.pos.has(status)) {
      f.pos.set(status, f.bits.length);
      f.bits.push(new Uint32Array(index.words));
    }
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    const target = f.pos.get(status);
    if (f.bits[target][word] & bit) continue;
    for (const bits of f.bits) bits[word] &= ~bit;
    f.bits[target][word] |= bit;
    moved++;
  }
  return moved;
}

// How a deadline stands on `today`, in the page's words (ui): as the generator's View.deadline_note.
export function deadlineNote(status, deadline, today, ui) {
  if (deadline === null) return "";
  if (deadline < today) return ui.deadline_passed;
  if (status !== "open") return "";
  const left = deadline - today;
  return left === 0 ? ui.last_day : left === 1 ? ui.day_left : ui.days_left.replace("{n}", String(left));
}

// A card record (index.js cardRecord) as of `today`, given the row's windows (null: not dated, kept as
// built). dateText(day number) writes a date in the page's language, for a window after the build's.
export function cardToday(record, pairs, today, ui, dateText) {
  if (!pairs) return record;
  const i = windowOn(pairs, today);
  const [opens, deadline] = pairs[i];
  const status = statusOn(pairs, today);
  const out = { ...record, status };
  if (status !== record.status || i > 0) {
    if (status === "open") out.statusLabel = record.status === "open" ? record.statusLabel : record.openLabel || ui.status_open;
    else if (status === "upcoming" && opens !== null) out.statusLabel = ui.status_card_opens.replace("{date}", dateText(opens));
    else out.statusLabel = ui["status_" + status];
  }
  if (record.deadlineCounted) {
    if (i > 0 && deadline !== null) out.deadline = dateText(deadline);
    const note = deadlineNote(status, deadline, today, ui);
    if (note) {
      out.deadlineNote = note;
      out.deadlineCounts = deadline >= today;
    }
  }
  return out;
}

// dateText for cardToday: a day number as the site writes a long date ("January 11, 2027").
export function dateWriter(lang) {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
  return (day) => format.format(new Date(day * DAY));
}
