import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { ordinals } from "../../site_overrides/assets/browse/bits.js";
import {
  cardToday, dateWriter, dayNumber, deadlineNote, decodeWhen, effectiveDay, localDay, restatus, statusOn, windowOn,
} from "../../site_overrides/assets/browse/status.js";

// facets.json's `when` as browse_index.py writes it for a build on 2026-12-01 (rows in deadline order): row 0 open
// until 2026-12-11; row 2 has two windows (2027-01-11 to 03-01, 06-01 to 07-15); row 3 opens 2027-01-05 and closes
// 2027-03-15; row 5 opens 2027-02-01 with no deadline. The first deadline of each row is the difference from the
// previous row's.
const BUILT = "2026-12-01";
const WHEN = { on: BUILT, rows: [[1, 0, 10], [2, 41, 80, 182, 226], [1, 35, 14], [2, 62, -1]] };
const day = (iso) => dayNumber(iso);

const UI = {
  status_open: "Accepting applications", status_upcoming: "Opens soon", status_closed: "Closed",
  status_archived: "Archived", status_card_opens: "Opens {date}", days_left: "{n} days left", day_left: "1 day left",
  last_day: "Last day to apply", deadline_passed: "Deadline passed",
};

describe("decodeWhen", () => {
  test("gives each dated row its windows as day numbers", () => {
    const { on, rows } = decodeWhen(WHEN);
    assert.equal(on, day(BUILT));
    assert.deepEqual([...rows.keys()], [0, 2, 3, 5]);
    assert.deepEqual(rows.get(0), [[null, day("2026-12-11")]]);
    assert.deepEqual(rows.get(2), [[day("2027-01-11"), day("2027-03-01")], [day("2027-06-01"), day("2027-07-15")]]);
    assert.deepEqual(rows.get(3), [[day("2027-01-05"), day("2027-03-15")]]);
    assert.deepEqual(rows.get(5), [[day("2027-02-01"), null]]);
  });

  test("an index without dates re-evaluates nothing", () => {
    assert.equal(decodeWhen(undefined).rows.size, 0);
    assert.equal(decodeWhen({ on: BUILT }).rows.size, 0);
  });
});

describe("statusOn", () => {
  const { rows } = decodeWhen(WHEN);
  const cases = [
    [0, "2026-12-11", "open"], [0, "2026-12-12", "closed"],
    [3, "2027-01-04", "upcoming"], [3, "2027-01-05", "open"], [3, "2027-03-15", "open"], [3, "2027-03-16", "closed"],
    [2, "2026-12-20", "upcoming"], [2, "2027-02-01", "open"], [2, "2027-04-01", "upcoming"], [2, "2027-06-10", "open"],
    [2, "2027-08-01", "closed"],
    [5, "2027-01-31", "upcoming"], [5, "2030-01-01", "open"],
  ];
  for (const [ordinal, iso, expected] of cases) {
    test(`row ${ordinal} on ${iso}: ${expected}`, () => assert.equal(statusOn(rows.get(ordinal), day(iso)), expected));
  }

  test("the window of a day: the first not over, else the last", () => {
    const pairs = rows.get(2);
    assert.equal(windowOn(pairs, day("2027-03-01")), 0);
    assert.equal(windowOn(pairs, day("2027-03-02")), 1);
    assert.equal(windowOn(pairs, day("2028-01-01")), 1);
  });
});

// A facet index with six rows and a status facet as built: rows 0, 1 open; 2, 3, 5 upcoming; 4 archived.
function indexOf(when) {
  const bits = (list) => Uint32Array.of(list.reduce((w, i) => w | (1 << i), 0));
  const facet = { pos: new Map([["open", 0], ["upcoming", 1], ["archived", 2]]), bits: [bits([0, 1]), bits([2, 3, 5]), bits([4])] };
  return { n: 6, words: 1, facets: new Map([["status", facet]]), when: decodeWhen(when) };
}
const members = (index) => Object.fromEntries([...index.facets.get("status").pos].map(([v, i]) => [v, ordinals(index.facets.get("status").bits[i])]));

describe("restatus", () => {
  test("the day of the build changes nothing", () => {
    const index = indexOf(WHEN);
    assert.equal(restatus(index, "status", day(BUILT)), 0);
    assert.deepEqual(members(index), { open: [0, 1], upcoming: [2, 3, 5], archived: [4] });
  });

  test("after a deadline a row leaves \"Accepting applications\"; after an opening it joins it", () => {
    const index = indexOf(WHEN);
    assert.equal(restatus(index, "status", day("2027-02-05")), 4);
    // Row 1 has no dates: open as built. A "closed" value is made when the build had none.
    assert.deepEqual(members(index), { open: [1, 2, 3, 5], upcoming: [], archived: [4], closed: [0] });
  });

  test("a device clock behind the build keeps the statuses as built", () => {
    const index = indexOf(WHEN);
    assert.equal(restatus(index, "status", day("2026-01-01")), 0);
    assert.equal(effectiveDay(index.when, day("2026-01-01")), day(BUILT));
  });
});

describe("cards as of today", () => {
  const { rows } = decodeWhen(WHEN);
  const dateText = dateWriter("en");
  const record = { status: "open", statusLabel: "Accepting applications", deadline: "December 11, 2026", deadlineCounted: true };

  test("days left count from today, and are marked as counting", () => {
    const card = cardToday(record, rows.get(0), day("2026-12-09"), UI, dateText);
    assert.deepEqual([card.status, card.statusLabel, card.deadline, card.deadlineNote, card.deadlineCounts],
      ["open", "Accepting applications", "December 11, 2026", "2 days left", true]);
    assert.equal(cardToday(record, rows.get(0), day("2026-12-10"), UI, dateText).deadlineNote, "1 day left");
    assert.equal(cardToday(record, rows.get(0), day("2026-12-11"), UI, dateText).deadlineNote, "Last day to apply");
  });

  test("after the deadline: closed, deadline passed", () => {
    const card = cardToday(record, rows.get(0), day("2026-12-12"), UI, dateText);
    assert.deepEqual([card.status, card.statusLabel, card.deadlineNote, card.deadlineCounts], ["closed", "Closed", "Deadline passed", false]);
  });

  test("an upcoming listing takes the words of its mode once open, and counts no days before", () => {
    const upcoming = { status: "upcoming", statusLabel: "Opens January 5, 2027", deadline: "March 15, 2027", deadlineCounted: true, openLabel: "No application needed" };
    const before = cardToday(upcoming, rows.get(3), day("2026-12-20"), UI, dateText);
    assert.equal(before.statusLabel, "Opens January 5, 2027");
    assert.equal(before.deadlineNote, undefined);
    const after = cardToday(upcoming, rows.get(3), day("2027-03-10"), UI, dateText);
    assert.deepEqual([after.status, after.statusLabel, after.deadlineNote], ["open", "No application needed", "5 days left"]);
  });

  test("between two windows: opens on the next one's date, with its deadline", () => {
    const card = cardToday({ status: "upcoming", statusLabel: "Opens January 11, 2027", deadline: "March 1, 2027", deadlineCounted: true },
      rows.get(2), day("2027-04-01"), UI, dateText);
    assert.deepEqual([card.status, card.statusLabel, card.deadline], ["upcoming", "Opens June 1, 2027", "July 15, 2027"]);
  });

  test("a row without dates is kept as built", () => {
    const card = { status: "archived", statusLabel: "Archived", deadline: "May 1, 2026 (Deadline passed)" };
    assert.equal(cardToday(card, undefined, day("2030-01-01"), UI, dateText), card);
  });

  test("deadline notes follow the generator's View.deadline_note", () => {
    assert.equal(deadlineNote("upcoming", day("2027-03-15"), day("2027-01-01"), UI), "");
    assert.equal(deadlineNote("open", null, day("2027-01-01"), UI), "");
    assert.equal(deadlineNote("open", day("2027-01-31"), day("2027-01-01"), UI), "30 days left");
  });

  test("dates are written as the pages write them", () => {
    assert.equal(dateWriter("en")(day("2027-01-11")), "January 11, 2027");
    assert.equal(dateWriter("es")(day("2027-01-11")), "11 de enero de 2027");
    assert.equal(localDay(new Date(2027, 0, 11, 23, 30)), day("2027-01-11"));
  });
});
