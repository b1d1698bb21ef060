"""Interface text from gettext catalogs, and locale-aware formatting (Babel).

English is the source language. `locales/messages.pot` holds every message. Most are asked for by a key, their
context (msgctxt), and their msgid is the English text (`t`). The documentation of the open-data fields keeps
its English beside the fields it describes (exports/fields.py, exports/tabular.py) and is translated by that
English under a shared context (`translate`), the usual gettext way. Each other language is a catalog,
`locales/<code>/LC_MESSAGES/messages.po`, edited with any gettext tool; `<code>` is the language's path on the
site (`es` → /es/) and the header's `Language` is the locale that formats its dates and amounts (`es_US`).
Contributor text never goes here.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    format_time,
    get_datetime_format,
    get_day_names,
    get_time_format,
)
from babel.lists import format_list
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent

from generator import PACKAGE_DIR

LOCALE_DIR = PACKAGE_DIR / "locales"
TEMPLATE = LOCALE_DIR / "messages.pot"
SOURCE = "en"
SOURCE_LOCALE = "en_US"
# A private-use language that no visitor speaks: every message and every formatted value comes out marked, so
# a build in it shows at a glance (and to a test) any interface text that does not come from the catalogs.
PSEUDO = "qps"
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


@dataclass(frozen=True, slots=True)
class Messages:
    lang: str  # the language's code on the site
    locale: str  # the Babel locale that formats dates, numbers and money
    texts: Mapping[str, str]  # key → text
    phrases: Mapping[tuple[str, str], str]  # (context, English) → text
    # Messages whose words follow a count, the gettext way (msgid_plural, msgstr[0], msgstr[1], ...):
    # key → the language's forms, and the catalog's Plural-Forms rule that picks one for a count.
    plurals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    plural_rule: str = "(n != 1)"


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


@functools.cache  # the catalogs are part of the program: the checker asks once per translated record
def available() -> tuple[str, ...]:
    """The languages the interface can be built in: English, then every language with a catalog, by code."""
    return (SOURCE, *sorted(p.name for p in LOCALE_DIR.iterdir() if catalog_path(p.name).is_file()))


Read = tuple[str, dict[tuple[str, str], str]]
Plurals = tuple[str, dict[str, tuple[str, ...]]]


def _read(path: Path) -> Read:
    """A catalog's locale and its messages, (context, English) → text; English itself for the template."""
    with path.open("rb") as f:
        catalog = read_po(f)
    template = path.suffix == ".pot"
    found = {
        (str(m.context), str(m.id)): str(m.id) if template else str(m.string)
        for m in catalog
        if m.id and m.context and not m.pluralizable and (template or (m.string and not m.fuzzy))
    }
    return str(catalog.locale_identifier or ""), found


@functools.cache
def _read_plurals(path: Path) -> Plurals:
    """A catalog's plural rule and its plural messages, key → forms (the English forms for the template).

    The rule is the catalog's Plural-Forms header, which Babel reads (or takes from the locale's CLDR data when
    the header is missing); a translation with an empty form is left out, as an untranslated message is."""
    with path.open("rb") as f:
        catalog = read_po(f)
    template = path.suffix == ".pot"
    found: dict[str, tuple[str, ...]] = {}
    for m in catalog:
        if not (m.context and m.pluralizable):
            continue
        written = m.id if template else m.string
        forms = tuple(str(s) for s in written) if isinstance(written, (tuple, list)) else ()
        if template or (all(forms) and not m.fuzzy):
            found[str(m.context)] = forms
    return str(catalog.plural_expr), found


def _keyed(phrases: Mapping[tuple[str, str], str]) -> dict[str, str]:
    """The messages asked for by key: each context that names one message."""
    count: dict[str, int] = {}
    for context, _ in phrases:
        count[context] = count.get(context, 0) + 1
    return {context: text for (context, _), text in phrases.items() if count[context] == 1}


# One entry per language, read once per process: the catalogs are part of the program, not of the catalog data.
@functools.cache
def messages(lang: str) -> Messages:
    _, english = _read(TEMPLATE)
    english_rule, english_plurals = _read_plurals(TEMPLATE)
    if lang == SOURCE:
        return Messages(SOURCE, SOURCE_LOCALE, _keyed(english), english, english_plurals, english_rule)
    if lang == PSEUDO:
        marked = {k: pseudo(v) for k, v in english.items()}
        marked_plurals = {k: tuple(pseudo(f) for f in forms) for k, forms in english_plurals.items()}
        return Messages(PSEUDO, SOURCE_LOCALE, _keyed(marked), marked, marked_plurals, english_rule)
    path = catalog_path(lang)
    if not path.is_file():
        raise KeyError(f"no interface catalog for the language {lang!r}: add {path.relative_to(PACKAGE_DIR.parent)}")
    locale, translated = _read(path)
    # A message not translated yet shows in English rather than not at all; the tests require shipped catalogs
    # to be complete. Messages no longer in the template are left out.
    phrases = {k: translated.get(k, v) for k, v in english.items()}
    rule, plurals = _read_plurals(path)
    # A plural message not translated yet shows in English, with the English rule.
    if all(k in plurals for k in english_plurals):
        chosen = {k: plurals[k] for k in english_plurals}
    else:
        chosen, rule = english_plurals, english_rule
    return Messages(lang, locale or lang, _keyed(phrases), phrases, chosen, rule)


def t(key: str, lang: str, **values: object) -> str:
    text = messages(lang).texts.get(key)
    if text is None:
        raise KeyError(f"missing interface text: {key} (add it to {TEMPLATE.name} and each catalog)")
    return text.format(**values) if values else text


@functools.cache
def _plural_index(rule: str) -> Callable[[int], int]:
    # gettext's own reader of a C plural expression, as GNUTranslations uses for a compiled catalog.
    return gettext.c2py(rule)


def tn(key: str, count: float, lang: str, **values: object) -> str:
    """A message whose words follow a count (ngettext): "1 college unit", "3 college units". The count is
    formatted for the language as `{n}`. The language's plural rule decides for whole counts; a fractional
    count (1.5 units) takes the last form, the "other" form of English and Spanish."""
    found = messages(lang)
    forms = found.plurals.get(key)
    if forms is None:
        raise KeyError(f"missing plural interface text: {key} (add it to {TEMPLATE.name} and each catalog)")
    whole = float(count).is_integer()
    index = _plural_index(found.plural_rule)(int(count)) if whole else len(forms) - 1
    return forms[min(index, len(forms) - 1)].format(n=number(count, lang), **values)


def translate(context: str, english: str, lang: str) -> str:
    """English text written beside what it describes, in another language: its translation under `context`."""
    text = messages(lang).phrases.get((context, english))
    if text is None:
        raise KeyError(f"text not in {TEMPLATE.name} under {context!r}: {english!r}")
    return text


def locale(lang: str) -> str:
    return messages(lang).locale


# Babel formats each call from CLDR patterns; a catalog repeats the same dates and amounts thousands of times.
@functools.lru_cache(maxsize=8192)
def money(amount: float, lang: str) -> str:
    whole = float(amount).is_integer() and amount >= 100
    text = format_currency(amount, "USD", locale=locale(lang), format="¤#,##0" if whole else None, currency_digits=not whole)
    return _marked(text, lang)


@functools.lru_cache(maxsize=8192)
def date(value: dt.date | None, lang: str, style: str = "long") -> str:
    return _marked(format_date(value, style, locale=locale(lang)), lang) if value else ""


@functools.lru_cache(maxsize=1024)
def time_of_day(value: dt.time, lang: str) -> str:
    """A time as the language writes it: 6:30 PM in English (en_US)."""
    return _marked(format_time(value, "short", locale=locale(lang)), lang)


def _clock(lang: str) -> str:
    """The interval skeleton of hours and minutes on the language's own clock (12- or 24-hour)."""
    return "hm" if "h" in get_time_format("short", locale=locale(lang)).pattern else "Hm"


@functools.lru_cache(maxsize=1024)
def time_range(start: dt.time, end: dt.time, lang: str) -> str:
    """From one time to another on one day, sharing what they share: 10:00 – 11:00 AM in English."""
    return _marked(format_interval(start, end, _clock(lang), locale=locale(lang)), lang)


@functools.lru_cache(maxsize=1024)
def day_and_times(day: dt.date, start: dt.time, end: dt.time, lang: str) -> str:
    """One day with its times, joined by the locale's own date-and-time pattern (as Babel's format_datetime
    joins them): Wednesday, February 10, 2027, 10:00 – 11:00 AM in English."""
    date_text = format_date(day, "full", locale=locale(lang))
    times = format_interval(start, end, _clock(lang), locale=locale(lang))
    pattern = str(get_datetime_format("full", locale=locale(lang))).replace("'", "")
    return _marked(pattern.replace("{0}", times).replace("{1}", date_text), lang)


@functools.lru_cache(maxsize=256)
def weekdays(days: tuple[int, ...], lang: str, width: Literal["wide", "abbreviated"] = "wide") -> str:
    """Weekday names (Monday is 0) as a list in the language: Tuesday and Thursday; martes y jueves
    (width "abbreviated": Tue and Thu; mar y jue)."""
    names = get_day_names(width, context="format", locale=locale(lang))
    return _marked(format_list([names[d] for d in days], locale=locale(lang)), lang)


def and_list(items: Sequence[str], lang: str) -> str:
    """Names as one list in the language: South LA, East LA and Westside; South LA, East LA y Westside."""
    return _marked(format_list(list(items), locale=locale(lang)), lang) if items else ""


@functools.lru_cache(maxsize=1024)
def day_list(days: tuple[dt.date, ...], lang: str) -> str:
    """Several days, each with its weekday, the year said after the last day of each year:
    Sat, Feb 6; Sat, Feb 13, 2027 in English; sáb, 6 de feb; sáb, 13 de feb de 2027 in Spanish. Semicolons
    join them because a day's own text may hold a comma."""
    texts = [
        format_skeleton("yMMMEd" if i == len(days) - 1 or days[i + 1].year != day.year else "MMMEd", day, locale=locale(lang))
        for i, day in enumerate(days)
    ]
    return _marked("; ".join(texts), lang)


@functools.lru_cache(maxsize=8192)
def number(value: float, lang: str) -> str:
    return _marked(format_decimal(value, locale=locale(lang)), lang)


def percent(value: float, lang: str) -> str:
    """A whole percentage (value 0–100) as the language writes it: 40% in English, 40 % in Spanish."""
    return _marked(format_percent(value / 100, locale=locale(lang)), lang)


@functools.lru_cache(maxsize=1024)
def date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """Two days as one span, sharing what they share: Jan 11 – Mar 1, 2027; 11 de ene – 1 de mar 2027."""
    return _marked(format_interval(start, end, "yMMMd", locale=locale(lang)), lang)


def _marked(text: str, lang: str) -> str:
    return f"{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}" if lang == PSEUDO else text


# Placeholders, tags, entities and `code` stay as they are, so pseudo-text formats and renders like the real thing.
_KEEP = re.compile(r"\{[^{}]*\}|<[^<>]*>|&[#\w]+;|`[^`]*`")
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "àƀçđéƒĝĥíĵķĺɱñóƥʠŕšţúʋŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŢÚṼŴẊÝŽ"
)


def pseudo(text: str) -> str:
    """English text with its letters accented and each run of text between tags marked ⟦…⟧."""
    out: list[str] = []
    last = 0
    for m in _KEEP.finditer(text):
        out.append(text[last : m.start()].translate(_ACCENTED))
        out.append(m.group())
        last = m.end()
    out.append(text[last:].translate(_ACCENTED))
    joined = "".join(out)
    # Mark the text between tags, `code` and line breaks, so every text node of the page (and every line of a
    # message that is split into items) carries its own marks.
    parts = re.split(r"(<[^<>]*>|`[^`]*`|\n)", joined)
    return "".join(p if p[:1] in ("<", "`") or not p.strip() else f"{PSEUDO_OPEN}{p}{PSEUDO_CLOSE}" for p in parts)


@functools.lru_cache(maxsize=1024)
def file_size(size: int, lang: str) -> str:
    """A file's size in decimal units as the language writes them: 377 kB, 241.5 MB (the same in US Spanish)."""
    from babel.units import format_unit

    if size < 1_000_000:
        kilobytes = max(1, round(size / 1000))
        return _marked(format_unit(kilobytes, "digital-kilobyte", length="short", locale=locale(lang), format="#,##0"), lang)
    return _marked(format_unit(size / 1_000_000, "digital-megabyte", length="short", locale=locale(lang), format="#,##0.#"), lang)
