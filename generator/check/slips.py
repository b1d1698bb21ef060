"""Keys and values people type from habit on a first draft, and where each fact goes in this catalog.

Writers bring words from job boards and application forms (`wage`, `min_age`, `location`, `6:30 PM`, `GED`).
A close spelling finds none of the keys these mean, so each habit is named here with the field that holds the
fact, and the fix is written with the writer's own value whenever it can be read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

# A time of day as people write it: 6:30 PM, 9am, 7:00, 18:30, noon.
_CLOCK = re.compile(r"^\s*(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*(?P<half>[ap])?\.?\s*(?:m\.?)?\s*$", re.IGNORECASE)
_CLOCK_RANGE = re.compile(
    r"^\s*(?P<a>[^-\u2013\u2014]+?)\s*(?:-|\u2013|\u2014|to)\s*(?P<b>[^-\u2013\u2014]+?)\s*$", re.IGNORECASE
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WEEKDAYS = {
    "mon": ("monday", "mo", "mon"),
    "tue": ("tuesday", "tu", "tues", "tue"),
    "wed": ("wednesday", "we", "wed"),
    "thu": ("thursday", "th", "thur", "thurs", "thu"),
    "fri": ("friday", "fr", "fri"),
    "sat": ("saturday", "sa", "sat"),
    "sun": ("sunday", "su", "sun"),
}


def plain_words(text: str) -> str:
    """A key or value as a reader compares it: no case, accents or punctuation (`Min-Age` is `min age`)."""
    plain = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def clock(text: str) -> tuple[str, bool] | None:
    """`6:30 PM` as ("18:30", True); `7:00` as ("07:00", False): the second part says whether morning or
    evening was written, since an hour below 12 without it could be either."""
    found = _CLOCK.match(str(text))
    if found is None:
        return None
    hour, minute, half = int(found["h"]), int(found["m"] or 0), (found["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23:
        return None
    return f"{hour:02d}:{minute:02d}", bool(half) or hour == 0 or hour >= 12


def clock_fix(text: str, key: str = "") -> str:
    """The fix for a time of day that is not 24-hour HH:MM, with the writer's time rewritten after its `key`."""
    read = clock(text)
    if read is None:
        return ""
    written, sure = read
    lead = f"{key}: " if key else ""
    if sure:
        return f'Write `{lead}"{written}"` (24-hour time, in quotes)'
    later = f"{int(written[:2]) + 12:02d}:{written[3:]}"
    return (
        f'Write `{lead}"{written}"` for the morning, or `{lead}"{later}"` for the afternoon or evening (24-hour time, in quotes)'
    )


def clock_range(text: Any) -> tuple[str, str] | None:
    """`10:00-11:00` or `4 - 5:30 pm` as ("10:00", "11:00"); an am/pm written once covers both ends."""
    found = _CLOCK_RANGE.match(str(text))
    if found is None:
        return None
    a, b = found["a"], found["b"]
    tail = re.search(r"[ap]\.?\s*m\.?\s*$", b, re.IGNORECASE)
    if tail and not re.search(r"[ap]\.?\s*m\.?\s*$", a, re.IGNORECASE):
        a += " " + tail.group(0)
    first, second = clock(a), clock(b)
    if first is None or second is None or first[0] >= second[0]:
        return None
    return first[0], second[0]


def weekday(text: Any) -> str | None:
    """`Tuesday` or `Tues.` as `tue`."""
    typed = plain_words(str(text))
    return next((day for day, names in _WEEKDAYS.items() if typed in names), None)


def _number(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    found = _NUMBER.search(str(value)) if isinstance(value, str) else None
    return found.group(0) if found else ""


def _keys(keys: list[str]) -> str:
    return " and ".join(f"`{k}`" for k in keys)


# --- Keys ----------------------------------------------------------------------------------------------------

_UNIT_WORDS = {"hourly": "hour", "per hour": "hour", "weekly": "week", "per week": "week", "monthly": "month"}
_WAGE_WORDS = frozenset(
    {
        "wage",
        "wages",
        "rate",
        "pay rate",
        "hourly rate",
        "hourly wage",
        "salary",
        "pay amount",
        "wage amount",
        "stipend amount",
        "fee amount",
        "cost",
        "price",
    }
)
_AGE_WORDS = {
    "min age": "min",
    "minimum age": "min",
    "age min": "min",
    "age minimum": "min",
    "max age": "max",
    "maximum age": "max",
    "age max": "max",
    "age maximum": "max",
    "ages": "",
    "age range": "",
}
_GRADE_WORDS = {
    "min grade": "min",
    "minimum grade": "min",
    "grade min": "min",
    "lowest grade": "min",
    "max grade": "max",
    "maximum grade": "max",
    "grade max": "max",
    "highest grade": "max",
    "grade": "",
    "grade level": "",
    "grade levels": "",
}
_PLACE_WORDS = frozenset(
    {"location", "locations", "address", "site", "place", "worksite", "worksites", "city", "zip", "zipcode", "zip code"}
)
_DEADLINE_WORDS = frozenset(
    {"due date", "apply by", "closes", "close date", "closing date", "application deadline", "deadline date"}
)
_URL_WORDS = frozenset(
    {"link", "apply link", "apply url", "application url", "application link", "website", "web", "apply online"}
)
_CREDIT_WORDS = {
    "units": "college",
    "unit": "college",
    "college units": "college",
    "college credits": "college",
    "credit": "",
    "credit hours": "college",
    "high school credits": "high-school",
    "apprenticeship hours": "apprenticeship-hours",
}
_TIME_WORDS = {"time": "", "time of day": "", "hours of day": "", "meeting time": "", "start time": "from", "end time": "to"}
_DAY_WORDS = frozenset({"day", "days of week", "day of week", "weekdays", "meeting days"})


def _pay(typed: str, value: Any, given: Mapping[str, Any]) -> str:
    unit = _UNIT_WORDS.get(typed, "")
    if not unit and typed not in _WAGE_WORDS:
        if typed in ("fee", "stipend") and _number(value):
            kind = f"`type: {typed}`" + (
                f" (in place of `type: {given['type']}`)" if given.get("type") not in (None, typed) else ""
            )
            return f"A {typed} is written {kind}, with the amount in `amount: {_number(value)}` and `unit: total`"
        return ""
    amount = _number(value)
    written = f"`amount: {amount}`" if amount else "`amount:`, a number"
    if unit:
        return f"The pay goes in `amount` and its unit in `unit`: write {written} and `unit: {unit}`"
    per = "" if "unit" in given else " with `unit:` hour, week, month or total"
    return f"The pay goes in `amount`: write {written}{per}"


def _range_of(words: Mapping[str, str], key: str, given: Mapping[str, Any]) -> tuple[list[str], str]:
    """The typed keys of one range (`min_age` and `max_age`), and the range written as the catalog writes it."""
    typed = [k for k in given if plain_words(k) in words]
    ends: dict[str, str] = {}
    for k in typed:
        end, value = words[plain_words(k)], given[k]
        numbers = _NUMBER.findall(str(value)) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else []
        if end and numbers:
            ends[end] = numbers[0]
        elif not end and len(numbers) == 2:
            ends = {"min": numbers[0], "max": numbers[1]}
        elif not end and len(numbers) == 1:
            ends.setdefault("min", numbers[0])
    shown = ", ".join(f"{end}: {ends[end]}" for end in ("min", "max") if end in ends) or "min: ..., max: ..."
    return typed, f"`{key}: {{{shown}}}`"


def _eligibility(typed: str, value: Any, given: Mapping[str, Any]) -> str:
    for words, key, noun in ((_AGE_WORDS, "age", "Ages"), (_GRADE_WORDS, "grades", "Grades")):
        if typed in words:
            keys, written = _range_of(words, key, given)
            return f"{noun} go in `{key}`: write {written} in place of {_keys(keys)}"
    return ""


def _schedule(typed: str, value: Any, given: Mapping[str, Any]) -> str:
    if typed in _TIME_WORDS:
        end = _TIME_WORDS[typed]
        if end:
            read = clock(str(value))
            shown = f'"{read[0]}"' if read and read[1] else '"HH:MM"'
            return f"The time of day goes in `{end}`, in 24-hour time: write `{end}: {shown}`"
        ends = clock_range(value)
        pair = f'`from: "{ends[0]}"` and `to: "{ends[1]}"`' if ends else '`from: "HH:MM"` and `to: "HH:MM"`'
        return f"The time of day goes in `from` and `to`, in 24-hour time: write {pair}; `times` is for words such as `Weekday afternoons`"
    if typed in _DAY_WORDS:
        items = value if isinstance(value, list) else re.split(r"[,/&]|\band\b", str(value))
        days = [weekday(item) for item in items]
        shown = ", ".join(d for d in days if d) if days and all(days) else "tue, thu"
        return f"The days go in `days`, written mon to sun: `days: [{shown}]`"
    return ""


def _application(typed: str, value: Any, given: Mapping[str, Any]) -> str:
    if typed in _DEADLINE_WORDS:
        day = str(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)) else "2027-03-15"
        return f'The last day to apply goes in `deadline`, written YYYY-MM-DD: `deadline: "{day}"`'
    if typed in _URL_WORDS:
        shown = value if isinstance(value, str) and value.startswith("https://") else "https://..."
        return f"The application's web address goes in `url`: `url: {shown}`"
    return ""


def credit_item(kind: str, amount: Any) -> str:
    """One item of `outcomes.credits` as a writer types it."""
    return f"`- {{kind: {kind or 'college'}, amount: {amount or 3}}}`"


CREDIT_KINDS = "`kind` is `high-school` for credits, `college` for units or `apprenticeship-hours`; `from:` names who grants it"


def _outcomes(typed: str, value: Any, given: Mapping[str, Any]) -> str:
    if typed not in _CREDIT_WORDS:
        return ""
    return (
        f"Credit goes in `credits`, one item each, such as {credit_item(_CREDIT_WORDS[typed], _number(value))} ({CREDIT_KINDS})"
    )


def _top(typed: str, value: Any, given: Mapping[str, Any]) -> str:
    if typed not in _PLACE_WORDS:
        return ""
    own = {"address": "address", "city": "city", "zip": "zip", "zipcode": "zip", "zip code": "zip"}.get(typed)
    shown = f"{own}: {value}" if own and isinstance(value, (str, int)) and not isinstance(value, bool) else "city: Long Beach"
    return (
        f"Places go under `sites:`, one item each with `name`, `address`, `city`, `zip` and `mode`, such as "
        f"`- {{name: Main office, {shown}, mode: in-person}}`; worksites all over write `across:` with the areas instead of an address"
    )


# Each block's habits: (the block's key, the key it needs to hold for the hint to apply, the hint).
_BLOCKS: dict[str, tuple[str, Callable[[str, Any, Mapping[str, Any]], str]]] = {
    "pay": ("amount", _pay),
    "eligibility": ("age", _eligibility),
    "schedule": ("from", _schedule),
    "application": ("deadline", _application),
    "outcomes": ("credits", _outcomes),
    "": ("sites", _top),
}


def key_hint(block: str, keys: list[str], extra: str, given: Mapping[str, Any]) -> str:
    """How to write an unknown key `extra` of `block` (its last key name, "" at the top of a file) whose allowed
    keys are `keys`; "" when it is no known habit. `given` is the whole block as written."""
    entry = _BLOCKS.get(block)
    if entry is None or entry[0] not in keys:
        return ""
    return entry[1](plain_words(extra), given.get(extra), given)


def moved_hint(blocks: Mapping[str, list[str]], extra: str, written: Mapping[str, Mapping[str, Any]], value: Any) -> str:
    """A key typed at the top of a listing that belongs inside a block (`deadline`, `wage`, `min_age`, `hours`):
    which block, with the block's own hint. `blocks` maps each block to its keys, `written` to what the file
    already has in it."""
    for block, keys in blocks.items():
        if extra in keys:
            shape = (
                f", each credit an item such as {credit_item('', _number(value))} ({CREDIT_KINDS})"
                if extra == "credits" and _number(value)
                else ""
            )
            return f"`{extra}` goes under `{block}:`: move it there, indented by two spaces{shape}"
    for block, keys in blocks.items():
        hint = key_hint(block, keys, extra, {**written.get(block, {}), extra: value})
        if hint:
            return f"It goes under `{block}:`. {hint}"
    typed = set(_words(extra)) - {"per", "of", "the", "a"}
    for block, keys in blocks.items():
        sharing = [k for k in keys if not k.endswith(("_max", "_at_least")) and typed & set(_words(k))]
        if sharing and len(typed) == 1:
            return f"It goes under `{block}:`, as " + " or ".join(f"`{k}`" for k in sharing)
    return ""


def _words(key: str) -> list[str]:
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in plain_words(key).split()]


# --- Values --------------------------------------------------------------------------------------------------

# Values of a closed list written in other words, by the field (its last two key names).
VALUE_WORDS: dict[str, dict[str, str]] = {
    "sites.mode": {"online": "remote", "virtual": "remote", "zoom": "remote", "video": "remote"},
    "eligibility.status": {
        "ged": "graduated",
        "diploma": "graduated",
        "high school diploma": "graduated",
        "graduate": "graduated",
        "graduates": "graduated",
        "hiset": "graduated",
        "enrolled": "in-school",
        "student": "in-school",
        "students": "in-school",
        "not in school": "out-of-school",
        "dropout": "out-of-school",
        "opportunity youth": "out-of-school",
    },
    "application.mode": {
        "teacher registration": "class-registration",
        "teacher": "class-registration",
        "class": "class-registration",
        "school registration": "class-registration",
        "drop in": "none",
        "walk in": "none",
        "no application": "none",
        "just come": "none",
        "drawing": "lottery",
        "random drawing": "lottery",
        "online": "apply",
        "application": "apply",
        "interest": "interest-form",
        "paper application": "paper",
    },
}
# Why the value has another name here, where it is not plain.
_VALUE_WHY = {
    "graduated": "(a diploma or a GED or equivalent)",
    "remote": "(online only)",
    "class-registration": "(a teacher registers a class)",
    "none": "(no application: people just come)",
}


def value_hint(field: str, value: Any, allowed: list[str]) -> str:
    """The allowed value that a value of `field` written in other words means, as a fix; "" when none."""
    meant = VALUE_WORDS.get(field, {}).get(plain_words(str(value)))
    if field.endswith(".days") and len(plain_words(str(value))) > 5:
        meant = weekday(value)  # a whole name (`Tuesday`); a short one (`tues`) is close enough to be suggested already
    if meant is None or meant not in allowed:
        return ""
    why = _VALUE_WHY.get(meant, "")
    return f"Write `{meant}`" + (f" {why}" if why else "") + ", the word this list uses"


def means_remote(site: Any) -> bool:
    """Whether a site's `mode` is another word for `remote` (`online`), so its missing city is no problem of its own."""
    mode = site.get("mode") if isinstance(site, Mapping) else None
    return isinstance(mode, str) and VALUE_WORDS["sites.mode"].get(plain_words(mode)) == "remote"
