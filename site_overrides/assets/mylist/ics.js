// A calendar file (RFC 5545) of My list's deadlines, made in the browser: no request, no server.
//
// Each listing is one all-day VEVENT on its next deadline. Its UID is the one the site's own calendar
// (data/deadlines.ics, generator/exports/calendar.py) gives a listing's deadline, `deadline-<org>--<listing>@<host>`,
// so importing both, or this file twice, updates one event instead of adding another. Lines end in CRLF and are
// folded at 75 octets without splitting a UTF-8 character; text values are escaped (RFC 5545 3.3.11).

export const CRLF = "\r\n";
export const LINE_OCTETS = 75;

// The octets of one character (a code point) in UTF-8.
function utf8Length(char) {
  const code = char.codePointAt(0);
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

// A TEXT value: backslash, semicolon and comma escaped, line breaks as \n, other control characters dropped.
export function escapeText(value) {
  return String(value ?? "")
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

// One content line folded into lines of at most LINE_OCTETS octets (a continuation's leading space included),
// joined by CRLF, without the final CRLF.
export function foldLine(line) {
  const out = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > LINE_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

const pad = (n, width = 2) => String(n).padStart(width, "0");

// A date written YYYY-MM-DD as an iCalendar DATE (YYYYMMDD); throws on anything else.
export function dateValue(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!match) throw new Error("calendar: not a date: " + iso);
  return match[1] + match[2] + match[3];
}

// The day after a YYYY-MM-DD date, as a DATE: an all-day event's DTEND is exclusive.
export function nextDay(iso) {
  const [y, m, d] = String(iso).split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return pad(next.getUTCFullYear(), 4) + pad(next.getUTCMonth() + 1) + pad(next.getUTCDate());
}

// A moment as a UTC DATE-TIME (DTSTAMP).
export function stampValue(date) {
  return (
    pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + "T" +
    pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z"
  );
}

// The UID of a listing's deadline, as the site's calendar writes it.
export function deadlineUid(id, host) {
  const [org, listing] = String(id).split("/");
  return "deadline-" + org + "--" + listing + "@" + host;
}

// A URI value: written as given, without the characters a content line cannot hold.
function uriValue(value) {
  // eslint-disable-next-line no-control-regex
  return String(value ?? "").replace(/[\u0000-\u001f\u007f]/g, "");
}

// The calendar of `events` ({uid, date: "YYYY-MM-DD", summary, description?, url?}), stamped `now`; `name` names
// the calendar in apps that show one (X-WR-CALNAME). Returns the file's text, every line ending in CRLF.
export function buildCalendar(events, { now = new Date(), name = "", prodId = "-//WBL Catalog//My list//EN" } = {}) {
  const stamp = stampValue(now);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + escapeText(prodId), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (name) lines.push("X-WR-CALNAME:" + escapeText(name));
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      "UID:" + escapeText(event.uid),
      "DTSTAMP:" + stamp,
      "DTSTART;VALUE=DATE:" + dateValue(event.date),
      "DTEND;VALUE=DATE:" + nextDay(event.date),
      "SUMMARY:" + escapeText(event.summary),
    );
    if (event.description) lines.push("DESCRIPTION:" + escapeText(event.description));
    if (event.url) lines.push("URL:" + uriValue(event.url));
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
