import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  CRLF, LINE_OCTETS, buildCalendar, dateValue, deadlineUid, escapeText, foldLine, nextDay, stampValue,
} from "../../site_overrides/assets/mylist/ics.js";

const octets = (text) => new TextEncoder().encode(text).length;
// Unfolds a calendar's text (RFC 5545 3.1): a CRLF followed by one space joins two lines.
const unfold = (text) => text.replace(/\r\n /g, "");

describe("My list calendar", () => {
  test("escapes text values", () => {
    assert.equal(escapeText("Pay; lunch, bus pass\\card"), "Pay\\; lunch\\, bus pass\\\\card");
    assert.equal(escapeText("line one\r\nline two\nthree\rfour"), "line one\\nline two\\nthree\\nfour");
    assert.equal(escapeText("tab\there\u0000\u0007"), "tab\there", "a tab may stay (WSP); other controls go");
    assert.equal(escapeText(undefined), "");
  });

  test("folds at 75 octets without splitting a character", () => {
    assert.equal(foldLine("SUMMARY:short"), "SUMMARY:short");
    const long = "DESCRIPTION:" + "a".repeat(200);
    const folded = foldLine(long);
    for (const line of folded.split(CRLF)) assert.ok(octets(line) <= LINE_OCTETS, line);
    assert.equal(folded.split(CRLF)[0].length, 75);
    assert.ok(folded.split(CRLF).slice(1).every((line) => line.startsWith(" ")));
    assert.equal(unfold(folded), long);
    // Two-, three- and four-octet characters stay whole.
    const wide = "SUMMARY:" + "Fecha límite: Enfermería ✓ 🎓 ".repeat(8);
    const lines = foldLine(wide).split(CRLF);
    for (const line of lines) {
      assert.ok(octets(line) <= LINE_OCTETS);
      assert.ok(!line.includes("\uFFFD"));
    }
    assert.equal(unfold(lines.join(CRLF)), wide);
    assert.ok(lines.length > 3);
  });

  test("dates, stamps and UIDs", () => {
    assert.equal(dateValue("2027-01-11"), "20270111");
    assert.throws(() => dateValue("January 11"));
    assert.equal(nextDay("2027-02-28"), "20270301");
    assert.equal(nextDay("2026-12-31"), "20270101");
    assert.equal(stampValue(new Date(Date.UTC(2026, 10, 22, 9, 5, 3))), "20261122T090503Z");
    assert.equal(deadlineUid("acme/summer-internship", "wbl-catalog.example.org"), "deadline-acme--summer-internship@wbl-catalog.example.org");
  });

  test("a calendar of two deadlines: CRLF everywhere, one VEVENT each with UID and DTSTAMP", () => {
    const now = new Date(Date.UTC(2026, 10, 22, 12));
    const text = buildCalendar(
      [
        { uid: "deadline-acme--tour@example.org", date: "2026-12-11", summary: "Deadline: Tour, plant; floor", description: "Acme\nhttps://example.org/opportunities/acme/tour/", url: "https://example.org/opportunities/acme/tour/" },
        { uid: "deadline-beta--lab@example.org", date: "2027-01-05", summary: "Fecha límite: Laboratorio de calidad del agua, pasantía de verano para estudiantes" },
      ],
      { now, name: "My list" },
    );
    assert.ok(text.endsWith(CRLF));
    assert.equal(text.replace(/\r\n/g, "").includes("\n"), false, "no bare LF");
    assert.equal(text.replace(/\r\n/g, "").includes("\r"), false, "no bare CR");
    for (const line of text.split(CRLF)) assert.ok(octets(line) <= LINE_OCTETS, line);
    const lines = unfold(text).split(CRLF);
    assert.equal(lines[0], "BEGIN:VCALENDAR");
    assert.ok(lines.includes("VERSION:2.0"));
    assert.ok(lines.some((l) => l.startsWith("PRODID:")));
    assert.equal(lines.at(-2), "END:VCALENDAR");
    assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2);
    assert.equal(lines.filter((l) => l === "END:VEVENT").length, 2);
    assert.deepEqual(lines.filter((l) => l.startsWith("UID:")), ["UID:deadline-acme--tour@example.org", "UID:deadline-beta--lab@example.org"]);
    assert.equal(lines.filter((l) => l === "DTSTAMP:20261122T120000Z").length, 2);
    assert.ok(lines.includes("DTSTART;VALUE=DATE:20261211"));
    assert.ok(lines.includes("DTEND;VALUE=DATE:20261212"));
    assert.ok(lines.includes("SUMMARY:Deadline: Tour\\, plant\\; floor"));
    assert.ok(lines.includes("DESCRIPTION:Acme\\nhttps://example.org/opportunities/acme/tour/"));
    assert.ok(lines.includes("SUMMARY:Fecha límite: Laboratorio de calidad del agua\\, pasantía de verano para estudiantes"));
  });

  test("an empty list is still a valid calendar", () => {
    const text = buildCalendar([], { now: new Date(0) });
    assert.deepEqual(text.split(CRLF).slice(0, 2), ["BEGIN:VCALENDAR", "VERSION:2.0"]);
    assert.ok(!text.includes("VEVENT"));
  });
});
