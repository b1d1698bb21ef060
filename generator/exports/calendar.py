"""deadlines.ics and one calendar per sector: an all-day event per application deadline and per start date.

UIDs are stable (`deadline-<org-id>--<listing-id>@<host>`, `start-...`), so a
subscribed calendar updates its events instead of duplicating them. A listing with
several application windows has a deadline event per window, whose UID ends its
listing part with the window's deadline (`deadline-<org-id>--<listing-id>--2027-03-01@<host>`). Ids are
lowercase words joined by single hyphens, so the double hyphen cannot be
ambiguous. A listing with listed days (`schedule.dates`) has its start event on
the first and a `date-<org-id>--<listing-id>--<YYYY-MM-DD>@<host>` event on each
other day. A one-day event, and each listed day, with times of day (`from`, `to`)
is a timed event in Los Angeles time (TZID with the calendar's VTIMEZONE);
otherwise events are all-day. DTSTAMP and LAST-MODIFIED are the listing's change date, never
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


# Listings' times of day are Los Angeles time; one VTIMEZONE, with the US rules in force since 2007, names it.
TZID = "America/Los_Angeles"


@dataclass(frozen=True)
class Dated:
    kind: str  # deadline, start, or date (each listed day after the first)
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
        # The first listed day is the start (start defaults to it); each later one is an event of its own.
        events.extend(Dated("date", day, opp) for day in opp.schedule.dates if day != opp.start)
    return sorted(events, key=lambda e: (e.day, e.kind, e.opp.id))


def times_of(item: Dated) -> tuple[dt.datetime, dt.datetime] | None:
    """When a start or listed day is a timed event, its start and end in Los Angeles time (naive): a one-day
    event, or a listed day, whose listing gives `from` and `to`. The first day of a longer run may not be a
    day it meets, so that stays all-day."""
    s = item.opp.schedule
    if item.kind == "deadline" or s.time_from is None or s.time_to is None:
        return None
    if item.opp.one_day or item.day in s.dates:
        return dt.datetime.combine(item.day, s.time_from), dt.datetime.combine(item.day, s.time_to)
    return None


def uid(kind: str, opp: Opportunity, host: str, day: dt.date | None = None) -> str:
    """An event's UID; the deadlines of a listing with several windows, and its listed days, are told apart by
    their day."""
    dated = kind == "date" or (kind == "deadline" and opp.windows)
    window = f"--{day.isoformat()}" if dated and day is not None else ""
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
            "date": (t("time_calendar_date", "en") + ": ").encode(),
        }
        self.date_words = (t("time_calendar_date_n", "en"), t("time_calendar_date_n_of", "es"))

    def event(self, item: Dated) -> bytes:
        opp = item.opp
        shared = self._shared.get(opp.id) or self._share(opp)
        deadline = item.kind == "deadline"
        words = self.words
        first_en = words["calendar_last_day" if deadline else "calendar_first_day"][0]
        first_es = words["calendar_last_day_of" if deadline else "calendar_first_day_of"][1].format(title=shared.title_es)
        if item.kind == "date":
            # Which of the listed days this is: Date 3 of 6.
            n, total = str(opp.schedule.dates.index(item.day) + 1), str(len(opp.schedule.dates))
            first_en = self.date_words[0].format(n=n, total=total)
            first_es = self.date_words[1].format(n=n, total=total, title=shared.title_es)
        lines = [first_en, shared.text, shared.facts_en, shared.url_en, "", first_es, shared.facts_es, shared.url_es]
        if opp.example:
            lines.insert(0, " / ".join(words["calendar_example"]))
        return b"".join(
            (
                b"BEGIN:VEVENT\r\n",
                fold_bytes(b"SUMMARY:" + self.summaries[item.kind] + shared.summary_tail) + CRLF,
                self._timed(times) if (times := times_of(item)) else self._days.get(item.day) or self._day(item.day),
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

    def _timed(self, times: tuple[dt.datetime, dt.datetime]) -> bytes:
        # Event.add gives a datetime in a zoneinfo zone the TZID parameter and writes its local time.
        start, end = times
        tzid = b"TZID=" + TZID.encode() + b":"
        return _line(b"DTSTART;" + tzid, vDDDTypes(start)) + _line(b"DTEND;" + tzid, vDDDTypes(end))

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


def timezone() -> icalendar.Timezone:
    """Los Angeles time as a VTIMEZONE, by the US rules in force since 2007 (a rule, not a list of transitions,
    so the file does not change with the tz database's version)."""
    zone = icalendar.Timezone()
    zone.add("tzid", TZID)
    for kind, first, month, day, name, before, after in (
        (icalendar.TimezoneDaylight, dt.datetime(2007, 3, 11, 2), 3, "2SU", "PDT", -8, -7),
        (icalendar.TimezoneStandard, dt.datetime(2007, 11, 4, 2), 11, "1SU", "PST", -7, -8),
    ):
        part = kind()
        part.add("dtstart", first)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": day})
        part.add("tzname", name)
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        zone.add_component(part)
    return zone


# Only a timed event names the zone: in a DTSTART or DTEND parameter, where no TEXT value (whose `;` is escaped) can write it.
_TIMED = b";TZID=" + TZID.encode() + b":"


def calendar(name: str, path: str, site_url: str, events: list[bytes]) -> bytes:
    """A calendar around events already serialized: each event is written once, however many calendars hold it.
    It has the VTIMEZONE its timed events name, when it has any."""
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
    if any(_TIMED in event for event in events):
        cal.add_component(timezone())
    head: bytes = cal.to_ical()
    assert head.endswith(END)
    return head[: -len(END)] + b"".join(events) + END


def calendars(catalog: Catalog, site_url: str, dates: ChangeDates, folder: str = "data/", scope: str = "") -> dict[str, bytes]:
    """Path under the site -> calendar bytes: <folder>deadlines.ics and <folder>deadlines/<sector-id>.ics for every
    sector. `scope` names what the calendars cover when it is not the whole catalog (a region), after the site's name."""
    items = dated_events(catalog)
    writer = EventWriter(catalog, site_url, dates)
    written = [writer.event(item) for item in items]
    site = "LA Work-Based Learning Catalog" + (f": {scope}" if scope else "")
    out = {f"{folder}deadlines.ics": calendar(f"{site}: deadlines", f"{folder}deadlines.ics", site_url, written)}
    sectors = catalog.vocabularies.items("sectors")
    # One pass over the events rather than one per sector; a sector named twice by a listing holds its events once.
    mine: dict[str, list[bytes]] = {sector.id: [] for sector in sectors}
    for item, event in zip(items, written, strict=True):
        for ident in set(item.opp.sectors):
            if ident in mine:
                mine[ident].append(event)
    for sector in sectors:
        path = f"{folder}deadlines/{sector.id}.ics"
        out[path] = calendar(f"{site}: {sector.name}", path, site_url, mine[sector.id])
    return out
