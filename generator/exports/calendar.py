"""deadlines.ics and one calendar per sector: an all-day event per application deadline and per start date.

UIDs are stable (`deadline-<org-id>--<listing-id>@<host>`, `start-...`), so a
subscribed calendar updates its events instead of duplicating them. A listing with
several application windows has a deadline event per window, whose UID ends its
listing part with the window's deadline (`deadline-<org-id>--<listing-id>--2027-03-01@<host>`). Ids are
lowercase words joined by single hyphens, so the double hyphen cannot be
ambiguous. DTSTAMP and LAST-MODIFIED are the listing's change date, never
the build time. Every listing with a dated deadline or start date is in
deadlines.ics, whatever its status (the status is in the description).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import icalendar
from icalendar.prop import vCategory, vDDDTypes, vUri
from icalendar.timezone import tzp

from generator.exports.dates import ChangeDates
from generator.exports.records import absolute
from generator.i18n import t
from generator.model import Catalog, Opportunity
from generator.present.view import View

PRODID = "-//LA Work-Based Learning Catalog//Deadlines//EN"


@dataclass(frozen=True)
class Dated:
    kind: str  # deadline or start
    day: dt.date
    opp: Opportunity


def host_of(site_url: str) -> str:
    return urlsplit(site_url).hostname or "wbl-catalog.invalid"


def dated_events(catalog: Catalog) -> list[Dated]:
    """Every deadline (one per application window) and start date, by date then kind then listing id."""
    events: list[Dated] = []
    for opp in catalog.opportunities.values():
        if opp.windows:
            events.extend(Dated("deadline", window.deadline, opp) for window in opp.windows)
        elif opp.deadline:
            events.append(Dated("deadline", opp.deadline, opp))
        if opp.start:
            events.append(Dated("start", opp.start, opp))
    return sorted(events, key=lambda e: (e.day, e.kind, e.opp.id))


def uid(kind: str, opp: Opportunity, host: str, day: dt.date | None = None) -> str:
    """An event's UID; the deadlines of a listing with several windows are told apart by their day."""
    window = f"--{day.isoformat()}" if kind == "deadline" and opp.windows and day is not None else ""
    return f"{kind}-{opp.org_id}--{opp.slug}{window}@{host}"


CRLF = b"\r\n"
END = b"END:VCALENDAR\r\n"
FOLD_AT = 74  # octets of content per physical line; with the leading space of a continuation, 75 (RFC 5545 3.1)


def fold_bytes(data: bytes) -> bytes:
    """One UTF-8 content line, folded as icalendar folds it.

    icalendar measures every character separately, which was most of the export's time at 10,000
    listings (Spanish text takes its per-character path). Same rules: cut before 75 octets, never
    inside a character, and never right after a backslash or caret, so an escape stays on one line.
    """
    if len(data) <= FOLD_AT:
        return data
    parts = []
    start = 0
    while len(data) - start > FOLD_AT:
        cut = start + FOLD_AT
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        if data[cut - 1] in b"\\^" and cut - 1 > start:
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def _line(name: bytes, value: Any) -> bytes:
    """One folded property line ending in CRLF; value is an icalendar property value (vText, vDDDTypes...)."""
    return fold_bytes(name + value.to_ical()) + CRLF


def text_value(value: str) -> bytes:
    """TEXT escaped as RFC 5545 3.3.11 says: backslash, semicolon, comma and line breaks.

    This is vText(value).to_ical() except for one thing: icalendar first reads a literal `\\N` in the
    text as a line break, so a title typed with a backslash would gain one. Here every backslash is
    kept as written. Without building a vText, whose parameters object cost more than the escaping
    itself (some 56,000 texts at 10,000 listings). Tests compare the two on text without `\\N`.
    """
    return (
        value.replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
        .encode("utf-8")
    )


def _text_line(name: bytes, value: str) -> bytes:
    return fold_bytes(name + text_value(value)) + CRLF


@dataclass(frozen=True)
class _Shared:
    """What the deadline and the start event of one listing have in common, already encoded."""

    title_es: str
    summary_tail: bytes  # "<title> (<org>)", escaped
    text: str  # the listing's summary line
    facts_en: str  # status · pay · grades
    facts_es: str
    url_en: str
    url_es: str
    stamp: bytes  # the DTSTAMP line
    categories: bytes  # the CATEGORIES line, or nothing
    tail: bytes  # LAST-MODIFIED, LOCATION, TRANSP and URL lines


class EventWriter:
    """Serialized VEVENTs, byte for byte what icalendar's to_ical gives for the Event that `Event.add` builds.

    Building an icalendar.Event and serializing it made every property an object with its own
    parameters, which was most of the export's time at 10,000 listings. Each line is written here
    with icalendar's own value encoders instead (text_value for TEXT), in icalendar's property order
    for a VEVENT: SUMMARY, DTSTART, DTEND, DTSTAMP, UID (its canonical order), then the others
    alphabetically.
    """

    def __init__(self, catalog: Catalog, site_url: str, dates: ChangeDates) -> None:
        self.catalog = catalog
        self.site_url = site_url
        self.host = host_of(site_url)
        self.dates = dates
        # The texts used here do not depend on the page a View is bound to, so one per language does.
        self.en = View(catalog, "en", "", site_url)
        self.es = View(catalog, "es", "", site_url)
        self._shared: dict[str, _Shared] = {}
        self._days: dict[dt.date, bytes] = {}
        self._stamps: dict[dt.datetime, tuple[bytes, bytes]] = {}
        self._categories: dict[tuple[str, ...], bytes] = {}
        # An event's description is in English, then Spanish: the calendar is one file for everyone.
        self.words = {
            key: (t(key, "en"), t(key, "es"))
            for key in (
                "calendar_last_day",
                "calendar_first_day",
                "calendar_last_day_of",
                "calendar_first_day_of",
                "calendar_example",
            )
        }
        self.summaries = {
            "deadline": (t("calendar_deadline", "en") + ": ").encode(),
            "start": (t("calendar_starts", "en") + ": ").encode(),
        }

    def event(self, item: Dated) -> bytes:
        opp = item.opp
        shared = self._shared.get(opp.id) or self._share(opp)
        deadline = item.kind == "deadline"
        words = self.words
        lines = [
            words["calendar_last_day" if deadline else "calendar_first_day"][0],
            shared.text,
            shared.facts_en,
            shared.url_en,
            "",
            words["calendar_last_day_of" if deadline else "calendar_first_day_of"][1].format(title=shared.title_es),
            shared.facts_es,
            shared.url_es,
        ]
        if opp.example:
            lines.insert(0, " / ".join(words["calendar_example"]))
        return b"".join(
            (
                b"BEGIN:VEVENT\r\n",
                fold_bytes(b"SUMMARY:" + self.summaries[item.kind] + shared.summary_tail) + CRLF,
                self._days.get(item.day) or self._day(item.day),
                shared.stamp,
                _text_line(b"UID:", uid(item.kind, opp, self.host, item.day)),
                shared.categories,
                _text_line(b"DESCRIPTION:", "\n".join(lines)),
                shared.tail,
                b"END:VEVENT\r\n",
            )
        )

    def _day(self, day: dt.date) -> bytes:
        # Event.add gives a date the VALUE=DATE parameter.
        end = day + dt.timedelta(days=1)
        lines = _line(b"DTSTART;VALUE=DATE:", vDDDTypes(day)) + _line(b"DTEND;VALUE=DATE:", vDDDTypes(end))
        self._days[day] = lines
        return lines

    def _share(self, opp: Opportunity) -> _Shared:
        en, es = self.en, self.es
        stamp, modified = self._stamp(self.dates.of(opp))
        shared = _Shared(
            title_es=es.plain(opp.text("title", "es")),
            # Both fixed prefixes end in a space, so no two-character escape (\N, CRLF) spans the join.
            summary_tail=text_value(f"{opp.title} ({self.catalog.org_of(opp).name})"),
            text=str(opp.raw.get("summary", "")),
            facts_en=f"{en.status(opp)} · {en.pay(opp)} · {en.grades(opp)}",
            facts_es=f"{es.status(opp)} · {es.pay(opp)} · {es.grades(opp)}",
            url_en=absolute(self.site_url, opp.url),
            url_es=absolute(self.site_url, opp.url, "es"),
            stamp=stamp,
            categories=self._category_line(opp.sectors),
            tail=b"".join(
                (
                    modified,
                    _text_line(b"LOCATION:", en.where(opp)),
                    b"TRANSP:TRANSPARENT\r\n",
                    _line(b"URL:", vUri(absolute(self.site_url, opp.url))),
                )
            ),
        )
        self._shared[opp.id] = shared
        return shared

    def _stamp(self, changed: dt.datetime) -> tuple[bytes, bytes]:
        """The DTSTAMP and LAST-MODIFIED lines; listings share change dates, so each is encoded once."""
        lines = self._stamps.get(changed)
        if lines is None:
            # Event.add turns these two into UTC, taking a naive time as UTC.
            value = vDDDTypes(tzp.localize_utc(changed))
            lines = self._stamps[changed] = (_line(b"DTSTAMP:", value), _line(b"LAST-MODIFIED:", value))
        return lines

    def _category_line(self, sectors: tuple[str, ...]) -> bytes:
        line = self._categories.get(sectors)
        if line is None:
            names = [self.en.sector_name(s) for s in sectors]
            line = self._categories[sectors] = _line(b"CATEGORIES:", vCategory(names)) if names else b""
        return line


def calendar(name: str, path: str, site_url: str, events: list[bytes]) -> bytes:
    """A calendar around events already serialized: each event is written once, however many calendars hold it."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add(
        "description",
        "Application deadlines and start dates of work-based learning opportunities. "
        "Fechas límite y de inicio de oportunidades de aprendizaje basado en el trabajo.",
    )
    cal.add("source", absolute(site_url, path), parameters={"VALUE": "URI"})
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    head: bytes = cal.to_ical()
    assert head.endswith(END)
    return head[: -len(END)] + b"".join(events) + END


def calendars(catalog: Catalog, site_url: str, dates: ChangeDates) -> dict[str, bytes]:
    """Path under the site -> calendar bytes: data/deadlines.ics and data/deadlines/<sector-id>.ics for every sector."""
    items = dated_events(catalog)
    writer = EventWriter(catalog, site_url, dates)
    written = [writer.event(item) for item in items]
    site = "LA Work-Based Learning Catalog"
    out = {"data/deadlines.ics": calendar(f"{site}: deadlines", "data/deadlines.ics", site_url, written)}
    sectors = catalog.vocabularies.items("sectors")
    # One pass over the events rather than one per sector; a sector named twice by a listing holds its events once.
    mine: dict[str, list[bytes]] = {sector.id: [] for sector in sectors}
    for item, event in zip(items, written, strict=True):
        for ident in set(item.opp.sectors):
            if ident in mine:
                mine[ident].append(event)
    for sector in sectors:
        path = f"data/deadlines/{sector.id}.ics"
        out[path] = calendar(f"{site}: {sector.name}", path, site_url, mine[sector.id])
    return out
