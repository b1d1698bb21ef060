"""A calendar reminder for the day a listing's applications open, as a `data:` address the page carries.

A listing page whose applications open later offers this instead of an Apply button. The calendar file is
written into the link itself (`data:text/calendar`), not as a file beside the page: the link works with no
request at all (also from a saved or offline page), nothing is asked of another host, the site gains no file
per listing, and only the pages of listings that open later carry it (under a kilobyte). The event is the
opening day, all day, with an alarm at 9 in the morning of that day (VALARM triggered 9 hours after the
day's start, in the calendar's own time zone); its UID is stable, so adding it twice updates one event.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlsplit

import icalendar

PRODID = "-//LA Work-Based Learning Catalog//Reminder//EN"
MORNING = dt.timedelta(hours=9)


def opening_ics(*, ident: str, opens: dt.date, summary: str, description: str, url: str, stamp: dt.date) -> bytes:
    """The calendar file: one all-day event on `opens` with a morning alarm. `stamp` is a date of the listing
    itself (never the build time), so two builds write the same page."""
    host = urlsplit(url).hostname or "wbl-catalog.invalid"
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    event = icalendar.Event()
    org, _, slug = ident.partition("/")
    event.add("uid", f"opens-{org}--{slug}--{opens.isoformat()}@{host}")
    event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.UTC))
    event.add("dtstart", opens)
    event.add("dtend", opens + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    if url.startswith("https://"):
        event.add("url", url)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", MORNING, parameters={"RELATED": "START"})
    event.add_component(alarm)
    cal.add_component(event)
    return bytes(cal.to_ical())


def data_url(ics: bytes) -> str:
    """The calendar file as a `data:` address (percent-encoded UTF-8)."""
    return "data:text/calendar;charset=utf-8," + quote(ics, safe="")
