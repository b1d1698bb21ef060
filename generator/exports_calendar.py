"""deadlines.ics and one calendar per sector: an all-day event per application deadline and per start date.

UIDs are stable (`deadline-<org-id>--<listing-id>@<host>`, `start-...`), so a
subscribed calendar updates its events instead of duplicating them. Ids are
lowercase words joined by single hyphens, so the double hyphen cannot be
ambiguous. DTSTAMP and LAST-MODIFIED are the listing's change date, never
the build time. Every listing with a dated deadline or start date is in
deadlines.ics, whatever its status (the status is in the description).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

import icalendar

from .exports_dates import ChangeDates
from .exports_records import absolute
from .model import Catalog, Opportunity
from .render.context import View

PRODID = "-//LA Work-Based Learning Catalog//Deadlines//EN"


@dataclass(frozen=True)
class Dated:
    kind: str  # deadline or start
    day: dt.date
    opp: Opportunity


def host_of(site_url: str) -> str:
    return urlsplit(site_url).hostname or "wbl-catalog.invalid"


def dated_events(catalog: Catalog) -> list[Dated]:
    """Every deadline and start date, by date then kind then listing id."""
    events = []
    for opp in catalog.opportunities.values():
        if opp.deadline:
            events.append(Dated("deadline", opp.deadline, opp))
        if opp.start:
            events.append(Dated("start", opp.start, opp))
    return sorted(events, key=lambda e: (e.day, e.kind, e.opp.id))


def uid(kind: str, opp: Opportunity, host: str) -> str:
    return f"{kind}-{opp.org_id}--{opp.slug}@{host}"


def _event(catalog: Catalog, item: Dated, site_url: str, host: str, dates: ChangeDates) -> icalendar.Event:
    opp = item.opp
    en = View(catalog, "en", opp.url, site_url)
    es = View(catalog, "es", opp.url, site_url)
    org = catalog.org_of(opp).name
    title = opp.title
    title_es = es.plain(opp.text("title", "es"))
    changed = dates.of(opp)
    event = icalendar.Event()
    event.add("uid", uid(item.kind, opp, host))
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("dtstart", item.day)
    event.add("dtend", item.day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    deadline = item.kind == "deadline"
    event.add("summary", f"{'Deadline' if deadline else 'Starts'}: {title} ({org})")
    lines = [
        "Last day to apply." if deadline else "First day.",
        str(opp.raw.get("summary", "")),
        f"{en.status(opp)} · {en.pay(opp)} · {en.grades(opp)}",
        absolute(site_url, opp.url),
        "",
        f"{'Último día para solicitar' if deadline else 'Primer día'}: {title_es}.",
        f"{es.status(opp)} · {es.pay(opp)} · {es.grades(opp)}",
        absolute(site_url, opp.url, "es"),
    ]
    if opp.example:
        lines.insert(0, "Example listing, not a real offer. / Anuncio de ejemplo, no es una oferta real.")
    event.add("description", "\n".join(lines))
    event.add("url", absolute(site_url, opp.url))
    event.add("location", en.where(opp))
    names = [en.sector_name(s) for s in opp.sectors]
    if names:
        event.add("categories", names)
    return event


END = b"END:VCALENDAR\r\n"
FOLD_AT = 74  # octets of content per physical line; with the leading space of a continuation, 75 (RFC 5545 3.1)


def fold(line: str) -> bytes:
    """One content line, folded as icalendar folds it, from its UTF-8 bytes at once.

    icalendar measures every character separately, which was most of the export's time at 10,000
    listings (Spanish text takes its per-character path). Same rules: cut before 75 octets, never
    inside a character, and never right after a backslash or caret, so an escape stays on one line.
    """
    data = line.encode("utf-8")
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


def serialize(component: icalendar.cal.Component) -> bytes:
    """component.to_ical(), with `fold` for the folding."""
    return b"".join(fold(line) + b"\r\n" for line in component.content_lines() if line)


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
    head = cal.to_ical()
    assert head.endswith(END)
    return head[: -len(END)] + b"".join(events) + END


def calendars(catalog: Catalog, site_url: str, dates: ChangeDates) -> dict[str, bytes]:
    """Path under the site -> calendar bytes: data/deadlines.ics and data/deadlines/<sector-id>.ics for every sector."""
    items = dated_events(catalog)
    host = host_of(site_url)
    written = [serialize(_event(catalog, item, site_url, host, dates)) for item in items]
    site = "LA Work-Based Learning Catalog"
    out = {"data/deadlines.ics": calendar(f"{site}: deadlines", "data/deadlines.ics", site_url, written)}
    for sector in catalog.vocabularies.items("sectors"):
        path = f"data/deadlines/{sector.id}.ics"
        mine = [event for item, event in zip(items, written, strict=True) if sector.id in item.opp.sectors]
        out[path] = calendar(f"{site}: {sector.name}", path, site_url, mine)
    return out
