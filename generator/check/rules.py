"""Rules that look across files: references, ids, dates and sums.

Findings that depend only on today's date are warnings: a scheduled
rebuild must never fail because time passed.
"""

from __future__ import annotations

import datetime as dt
import re
import traceback
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from generator import i18n
from generator.characters import text_problem
from generator.check import places, review
from generator.check.load import Record
from generator.check.messages import FREE_MAIL, field_name, free_mail_text, suggest, template, unknown_organization_fix
from generator.check.problems import Problem, Severity
from generator.check.tracks import with_track
from generator.check.yamlload import Loaded
from generator.ids import ID, catalog_id_problem
from generator.sanitize import markdown_depth, url_problem


def language_name(code: str) -> str:
    """A language's name in English for the checker's messages (Spanish for es), or its code when Babel has none."""
    try:
        return str(Locale.parse(code).get_display_name("en")).split(" (")[0]
    except (ValueError, UnknownLocaleError):
        return code


# Years a catalog date can have. Outside them a date is a typo (2207 for 2027), and 9999-12-31 would
# overflow where a calendar event ends the day after.
YEARS = (1900, 2199)
# Control characters other than tab and line breaks. The YAML reader rejects them typed into the file,
# but a double-quoted escape ("\x07") gets through, and only one-line fields exclude them in the schema.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Lists and quotes inside each other: deeper than this, a phone shows a sliver of text, and the page grows
# with every level.
MAX_MARKDOWN_DEPTH = 4
# Amounts in US dollars that can be real, by unit. Outside them an amount is a typo or a test
# ($0.0000001 an hour shows as "$0.00"); the limits are far from any real youth wage or stipend.
MONEY = {"hour": (1, 500), "week": (10, 20_000), "month": (10, 50_000), "total": (10, 250_000), "year": (1_000, 2_000_000)}
DATE_FIELDS = (("application", "opens"), ("application", "deadline"), ("schedule", "start"), ("schedule", "end"))
# What the rules about when to apply read of `application` besides its dates, and what a track's rules read of
# the listing: on a listing that failed its schema, they run only when these passed.
SCHEDULE_READS = ("rolling", "windows", "expected", "mode")
TRACK_READS = [
    (key,)
    for key in ("tracks", "eligibility", "pay", "schedule", "employer_of_record", "translations", "summary", "format", "seats")
]


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


class _InTrack(Loaded):
    """Where a track's facts were written: a rule written for a listing that reports at `pay.amount` points
    at `tracks[i].pay.amount`, or at the track itself for a fact the track takes from the listing."""

    __slots__ = ("_file", "_track")

    def __init__(self, file: Loaded, track: int) -> None:
        super().__init__(file.data)
        self._file = file
        self._track = track

    def where(self, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        return self._file.where(("tracks", self._track, *path), key=key)


def _may_matter(value: Any) -> bool:
    """Whether `Rules.strings` must look at a value: a mapping or list, or text that is not ASCII or is a link."""
    if isinstance(value, str):
        return not value.isascii() or value.startswith("https://")
    return isinstance(value, (dict, list))


class Rules:
    def __init__(
        self,
        records: list[Record],
        today: dt.date,
        failed: Iterable[tuple[str, str]] | Mapping[tuple[str, str], Record | None] = (),
        logos: Iterable[Path] = (),
        text_clean: frozenset[str] = frozenset(),
    ) -> None:
        # Files (shown paths) the text rules found nothing in at an earlier check, unchanged since (parsecache.py):
        # those rules read nothing but the file's own text, so they are not run on them again.
        self.known_clean = text_clean
        self.text_found: set[str] = set()  # files the text rules found a problem in
        self.logos = {(p.parent.name, p.name) for p in logos}
        self.today = today
        self.failed = set(failed)
        # Files that parsed but failed their schema (a mapping `failed` gives their data). Their schema problems
        # are reported elsewhere; the rules between files still run on the parts that have the right shape, so
        # one run reports a broken reference together with the schema's problems, not one run later.
        self.unchecked: dict[str, dict[str, Record]] = {}
        if isinstance(failed, Mapping):
            for found in failed.values():
                if found is not None:
                    self.unchecked.setdefault(found.kind, {})[found.id] = found
        self.problems: list[Problem] = []
        # The rules that raised on a file that failed its schema (kind, id, rule): each is skipped, as the schema's
        # problems already say what is wrong there. Tests hold this empty.
        self.skipped: list[tuple[str, str, str]] = []
        self.by_kind: dict[str, dict[str, Record]] = {}
        for record in records:
            self.by_kind.setdefault(record.kind, {})[record.id] = record

    def kind(self, name: str) -> dict[str, Record]:
        return self.by_kind.get(name, {})

    def add(
        self,
        record: Record,
        path: Iterable[Any],
        code: str,
        what: str,
        fix: str,
        severity: Severity = "error",
        key: bool = False,
    ) -> None:
        line, col = record.at(*path, key=key)
        self.problems.append(Problem(record.shown, line, col, severity, code, what, fix))

    def run(self) -> list[Problem]:
        for records in self.by_kind.values():
            for record in records.values():
                if record.shown not in self.known_clean:
                    self.text_rule(record, self.all_strings)
        for kind in ("organization", "opportunity", "pathway", "rubric"):
            for record in self.kind(kind).values():
                if record.shown not in self.known_clean:
                    self.text_rule(record, self.descriptions)
                self.free_mail(record)
                self.languages(record, record.data.get("translations", {}), ("translations",))
        for record in self.kind("vocabulary").values():
            self.vocabulary(record)
        self.regions()
        for record in self.kind("rubric").values():
            self.rubric(record)
        for record in self.kind("organization").values():
            self.dates(record, [("last_reviewed",)])
            self.logo(record)
            self.verified(record)
        for record in self.kind("pathway").values():
            self.dates(record, [("last_reviewed",)])
            self.pathway(record)
        for record in self.kind("opportunity").values():
            self.opportunity(record)
            self.untranslated(record)
        for record in self.kind("retired").values():
            self.retired(record)
        for record in self.unchecked.get("opportunity", {}).values():
            self.unchecked_references(record)
        for record in self.unchecked.get("retired", {}).values():
            self.retired(record, whole=False)
        for records in self.unchecked.values():
            for record in records.values():
                self.unchecked_own(record)
        self.former_ids()
        # A rule that runs on a file that failed its schema may find what unchecked_references found already.
        return list(dict.fromkeys(self.problems))

    # -- helpers -------------------------------------------------------

    def text_rule(self, record: Record, rule: Callable[[Record], None]) -> None:
        """Run a rule that reads nothing but the record's own text, noting whether it found a problem."""
        before = len(self.problems)
        rule(record)
        if len(self.problems) != before:
            self.text_found.add(record.shown)

    @property
    def text_clean(self) -> set[str]:
        """The files that passed their schema and in whose text the text rules found nothing, after `run`."""
        return {record.shown for records in self.by_kind.values() for record in records.values()} - self.text_found

    def own(self, record: Record, reads: Iterable[tuple[Any, ...]], rule: Callable[[], object]) -> None:
        """Run one of a file's own rules when the parts it reads passed the schema: always, for a file that
        passed it. On a file that failed it, a rule that raises all the same is skipped, never a traceback."""
        if not record.readable(*reads):
            return
        if (record.kind, record.id) not in self.failed:
            rule()
            return
        try:
            rule()
        except (KeyError, TypeError, AttributeError, IndexError, ValueError) as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            self.skipped.append((record.kind, record.id, f"{type(exc).__name__} in {frame.name}, line {frame.lineno}: {exc}"))

    def unchecked_own(self, record: Record) -> None:
        """A file's own rules on the parts of it that passed its schema, when the file as a whole did not."""
        own, data = self.own, record.data
        own(record, [], lambda: self.strings(record, data, ()))
        if record.kind in ("organization", "opportunity", "pathway", "rubric"):
            own(record, [], lambda: self.descriptions(record))
            own(record, [], lambda: self.free_mail(record))
            own(record, [], lambda: self.languages(record, data.get("translations", {}), ("translations",)))
        if record.kind in ("organization", "pathway"):
            own(record, [], lambda: self.dates(record, [("last_reviewed",)]))
        if record.kind == "organization":
            own(record, [("logo",)], lambda: self.logo(record))
        elif record.kind == "pathway":
            own(record, [("occupations",), ("stages",)], lambda: self.pathway(record))
        elif record.kind == "rubric":
            own(record, [("levels",), ("criteria",), ("translations",)], lambda: self.rubric(record))
        elif record.kind == "vocabulary":
            own(record, [("items",)], lambda: self.vocabulary(record))
        elif record.kind == "opportunity":
            self.opportunity(record)
            own(record, [], lambda: self.untranslated(record))

    def free_mail(self, record: Record) -> None:
        """A contact address at a free provider is a warning, not an error: a small program may have no other."""
        for path in (("contact", "email"), ("application", "email")):
            section = record.data.get(path[0])
            address = section.get(path[1]) if isinstance(section, dict) else None
            domain = address.rpartition("@")[2].lower() if isinstance(address, str) else ""
            if domain in FREE_MAIL and not record.hides(path):
                what, fix = free_mail_text(field_name(path), domain)
                self.add(record, path, "personal-email", what, fix, severity="warning")

    def untranslated(self, record: Record) -> None:
        """A listing without a title or summary in one of the site's other languages is a warning, not an error:
        its pages in that language still work, showing the English marked as such, with a note that says so.
        Sample listings (`example: true`) are left out: they are the project's own, and a test holds the bundled
        ones to having every language."""
        if record.data.get("example") is True:
            return
        translations = record.data.get("translations")
        for lang in i18n.available():
            if lang == i18n.SOURCE:
                continue
            if record.hides(("translations", lang)):
                continue
            given = translations.get(lang) if isinstance(translations, dict) else None
            given = given if isinstance(given, dict) else {}
            missing = [key for key in ("title", "summary") if record.data.get(key) and not given.get(key)]
            if not missing:
                continue
            name = language_name(lang)
            fields = " and ".join(f"`{key}`" for key in missing)
            where = ("translations", lang) if given else ("title",)
            self.add(
                record,
                where,
                "missing-translation",
                f"The listing has no {name} {fields.replace('`', '')}, so its {name} page shows the English",
                f"Add `translations:` with `{lang}:` and the {name} {fields} under it, for example "
                f"`translations: {{{lang}: {{title: ..., summary: ...}}}}`; `description`, `how` and `who` "
                "can be translated there too",
                severity="warning",
                key=True,
            )

    def dates(self, record: Record, paths: list[tuple[str | int, ...]]) -> dict[tuple[str | int, ...], dt.date]:
        found = {}
        for path in paths:
            if record.hides(path):  # its schema problem is reported
                continue
            value: Any = record.data
            for part in path:
                if isinstance(value, dict):
                    value = value.get(part)
                elif isinstance(value, list) and isinstance(part, int) and part < len(value):
                    value = value[part]
                else:
                    value = None
            if value is None:
                continue
            date = parse_date(value)
            if date is None:
                self.add(
                    record,
                    path,
                    "bad-date",
                    f"{field_name(path)} is `{value}`, which is not a real date",
                    "Check the month and day, and write it like 2027-03-15",
                )
            elif not YEARS[0] <= date.year <= YEARS[1]:
                self.add(
                    record,
                    path,
                    "bad-date",
                    f"{field_name(path)} is `{value}`, which is not a plausible date",
                    f"Check the year, and write a date between {YEARS[0]} and {YEARS[1]} like 2027-03-15",
                )
            else:
                found[path] = date
        return found

    def all_strings(self, record: Record) -> None:
        self.strings(record, record.data, ())

    def strings(self, record: Record, value: Any, path: tuple[Any, ...]) -> None:
        """Every text: no hidden code points, no text that only looks like text, links a page can show.

        A walk with a stack, in the order of the file, that never visits what cannot have a problem (numbers,
        and ASCII text that is not a link): a file holds hundreds of values and every file is walked."""
        stack: list[tuple[Any, tuple[Any, ...]]] = [(value, path)]
        while stack:
            value, path = stack.pop()
            if record.hides(path):  # its schema problem is reported
                continue
            if isinstance(value, dict):
                stack.extend((item, (*path, key)) for key, item in reversed(value.items()) if _may_matter(item))
            elif isinstance(value, list):
                stack.extend((value[i], (*path, i)) for i in range(len(value) - 1, -1, -1) if _may_matter(value[i]))
            elif isinstance(value, str):
                self.string(record, value, path)

    def string(self, record: Record, value: str, path: tuple[Any, ...]) -> None:
        problem = text_problem(value)
        if problem:
            code, what, fix = problem
            self.add(record, path, code, f"{field_name(path)} {what}", fix)
        elif value.startswith("https://") and "description" not in path:
            url_what = url_problem(value)
            if url_what:
                self.add(
                    record,
                    path,
                    "bad-https-url",
                    f"{field_name(path)} {url_what}",
                    "Open the page in a browser and copy the address from its address bar",
                )

    def money(self, record: Record, path: tuple[Any, ...], amount: float, unit: str) -> None:
        low, high = MONEY[unit]
        if not low <= amount <= high or round(amount, 2) != amount:
            self.add(
                record,
                path,
                "implausible-amount",
                f"{field_name(path)} is ${Decimal(str(amount)):f} per {unit}, which cannot be a real amount",
                f"Write the amount in dollars with at most two decimals, from {low:,} to {high:,} per {unit}",
            )

    def descriptions(self, record: Record) -> None:
        """Markdown fields (the only multi-line text) must not hide control characters."""
        data = record.data
        found: list[tuple[tuple[str, ...], Any]] = [(("description",), data.get("description"))]
        translations = data.get("translations")
        if isinstance(translations, dict):
            for lang, body in translations.items():
                if isinstance(body, dict):
                    found.append((("translations", lang, "description"), body.get("description")))
        for path, text in found:
            if record.hides(path):
                continue
            if isinstance(text, str) and markdown_depth(text) > MAX_MARKDOWN_DEPTH:
                self.add(
                    record,
                    path,
                    "deep-nesting",
                    f"{field_name(path)} puts lists or quotes more than {MAX_MARKDOWN_DEPTH} levels inside each other",
                    "Use at most two levels of lists, and start lines with `>` only for a quotation",
                )
            hit = CONTROL.search(text) if isinstance(text, str) else None
            if hit:
                self.add(
                    record,
                    path,
                    "control-character",
                    f"{field_name(path)} contains a hidden control character (U+{ord(hit.group()):04X})",
                    "Delete it; if you pasted this text, type it again",
                )

    def languages(self, record: Record, written: Any, path: tuple[Any, ...], prefix: str = "") -> None:
        """Text in a language the site's interface has no catalog for would reach no page: refuse it."""
        known = i18n.available()[1:]
        for key in written if isinstance(written, dict) else ():
            if not isinstance(key, str) or record.hides((*path, key)):
                continue
            lang = key.removeprefix(prefix)
            if not (key.startswith(prefix) and re.fullmatch("[a-z]{2,3}", lang) and lang not in known):
                continue
            if lang == i18n.SOURCE:
                what = f"`{key}` is not needed: the English text goes in the record's own fields"
                fix = f"Move this text to those fields, and remove `{key}`"
            else:
                what = f"`{lang}` is not a language of this site: its pages are in English and " + ", ".join(
                    f"`{code}`" for code in known
                )
                choices = ", ".join(f"`{prefix}{code}`" for code in known)
                fix = (
                    f"Use one of: {choices}. A new language needs the site's own words translated first (CONTRIBUTING, Languages)"
                )
            self.add(record, (*path, key), "unknown-language", what, fix, key=True)

    def reference(self, record: Record, path: tuple[Any, ...], value: str, kind: str, noun: str) -> bool:
        known = self.kind(kind)
        if value in known:
            return True
        if (kind, value) in self.failed:  # the file exists; its own problems are reported
            return False
        self.add(
            record,
            path,
            "unknown-reference",
            f"{field_name(path)} names the {noun} `{value}`, which is not in the catalog",
            unknown_organization_fix(value, sorted(known), path)
            if kind == "organization"
            else suggest(value, sorted(known))
            if known
            else f"Add the {noun} first",
        )
        return False

    # -- kinds ---------------------------------------------------------

    def vocabulary(self, record: Record) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(record.data["items"]):
            for prefix in ("name_", "description_", "awarded_by_", "finds_"):
                self.languages(record, item, ("items", i), prefix)
            for key in ("id", "name"):
                marker = f"{key}:{item[key]}"
                if marker in seen:
                    self.add(
                        record,
                        ("items", i, key),
                        "duplicate-id",
                        f"The {key} `{item[key]}` is used twice (first in entry {seen[marker] + 1})",
                        "Keep each one once",
                    )
                seen.setdefault(marker, i)
            tier_ids = [str(t["id"]) for t in item.get("tiers", [])]
            for j, tier in enumerate(tier_ids):
                if tier in tier_ids[:j]:
                    self.add(
                        record,
                        ("items", i, "tiers", j, "id"),
                        "duplicate-id",
                        f"The tier `{tier}` is used twice in `{item['id']}`",
                        "Give each tier its own id",
                    )
            if "min" in item and "max" in item and item["min"] > item["max"]:
                self.add(
                    record,
                    ("items", i, "min"),
                    "range-order",
                    f"`min` ({item['min']}) is larger than `max` ({item['max']})",
                    "Swap the two numbers",
                )

    def vocabulary_items(self, name: str) -> list[dict[str, Any]]:
        record = self.kind("vocabulary").get(name)
        items: list[dict[str, Any]] = record.data["items"] if record else []
        return items

    def region_name(self) -> str:
        """The region in words for a message: "the Los Angeles region", or "the region" without regions.yml."""
        names = [str(r["name"]) for r in self.vocabulary_items("regions")]
        return f"the {' or '.join(names)} region" if names else "the region"

    def regions(self) -> None:
        """Each area names a region of regions.yml, and a region's hub is an organization of the catalog."""
        regions = self.vocabulary_items("regions")
        known = [str(r["id"]) for r in regions]
        areas = self.kind("vocabulary").get("areas")
        if areas and ("vocabulary", "regions") not in self.failed:
            for i, area in enumerate(areas.data["items"]):
                written = area.get("region")
                if written is None and len(regions) > 1:
                    self.add(
                        areas,
                        ("items", i),
                        "missing-region",
                        f"The area `{area['id']}` names no region, and regions.yml has {len(regions)}",
                        "Add `region:` with one of: " + ", ".join(f"`{r}`" for r in known),
                        key=True,
                    )
                elif written is not None and written not in known:
                    self.add(
                        areas,
                        ("items", i, "region"),
                        "unknown-reference",
                        f"{field_name(('items', i, 'region'))} names the region `{written}`, which is not in "
                        "catalog/vocabularies/regions.yml",
                        suggest(written, known) if known else "Add catalog/vocabularies/regions.yml with the region first",
                    )
        record = self.kind("vocabulary").get("regions")
        for i, region in enumerate(regions):
            if record and "hub" in region:
                self.reference(record, ("items", i, "hub"), region["hub"], "organization", "organization")
            if record:
                self.region_hub(record, i, region)
        if areas and record and ("vocabulary", "regions") not in self.failed:
            self.region_zips(record, areas, regions)

    def region_hub(self, record: Record, i: int, region: dict[str, Any]) -> None:
        """A region's hub is an organization of the catalog (`hub`) or a name with its page (`hub_name`, `hub_url`)."""
        if "hub" in region and ("hub_name" in region or "hub_url" in region):
            extra = "hub_name" if "hub_name" in region else "hub_url"
            self.add(
                record,
                ("items", i, extra),
                "hub-twice",
                f"The region `{region['id']}` names its hub twice: `hub` (an organization of the catalog) and `{extra}`",
                "Keep `hub` when the hub has an organization folder in the catalog; otherwise remove it and keep "
                "`hub_name` with `hub_url`",
            )
        for have, need in (("hub_name", "hub_url"), ("hub_url", "hub_name")):
            if have in region and need not in region and "hub" not in region:
                self.add(
                    record,
                    ("items", i, have),
                    "hub-incomplete",
                    f"The region `{region['id']}` gives `{have}` but not `{need}`",
                    f"Add `{need}`: families see the hub's name linked to its page",
                )

    def region_zips(self, record: Record, areas: Record, regions: list[dict[str, Any]]) -> None:
        """A region's `zip_ranges` hold every ZIP code of its areas, and each range runs from low to high."""
        ranges: dict[str, list[str]] = {}
        for i, region in enumerate(regions):
            for j, text in enumerate(region.get("zip_ranges", ())):
                first, last = places.zip_range(text)
                if first > last:
                    self.add(
                        record,
                        ("items", i, "zip_ranges", j),
                        "range-order",
                        f"The ZIP range `{text}` of the region `{region['id']}` starts after it ends",
                        f"Write the lower ZIP code first: `{last:05d}-{first:05d}`",
                    )
            if region.get("zip_ranges"):
                ranges[str(region["id"])] = list(region["zip_ranges"])
        for i, area in enumerate(areas.data["items"]):
            region_id = places.region_of(area, regions)
            within = ranges.get(region_id)
            if within is None:
                continue
            for j, zip_code in enumerate(area.get("zips", ())):
                if not places.in_zip_ranges(places.zip_text(zip_code), within):
                    self.add(
                        areas,
                        ("items", i, "zips", j),
                        "zip-outside-region",
                        f"The ZIP code {zip_code} of the area `{area['id']}` is outside the region `{region_id}` "
                        f"(its `zip_ranges` in catalog/vocabularies/regions.yml: {', '.join(within)})",
                        "Correct the ZIP code, move it to an area of the region it is in, or widen the region's `zip_ranges`",
                    )

    def verified(self, record: Record) -> None:
        """`verified:` names a verifier of verifiers.yml, on a day that has come."""
        verified = record.data.get("verified")
        if not isinstance(verified, dict):
            return
        by = verified.get("by")
        known = [str(item["id"]) for item in self.vocabulary_items("verifiers")]
        if isinstance(by, str) and by not in known and ("vocabulary", "verifiers") not in self.failed:
            self.add(
                record,
                ("verified", "by"),
                "unknown-reference",
                f"{field_name(('verified', 'by'))} names the verifier `{by}`, which is not in catalog/vocabularies/verifiers.yml",
                suggest(by, known, where="catalog/vocabularies/verifiers.yml")
                if known
                else "Only a verifier the region lists may verify an organization: add it to "
                "catalog/vocabularies/verifiers.yml first, or remove `verified:`",
            )
        on = self.dates(record, [("verified", "on")]).get(("verified", "on"))
        if on and on > self.today:
            self.add(
                record,
                ("verified", "on"),
                "future-date",
                f"{field_name(('verified', 'on'))} ({on}) is in the future",
                'Write the day the record was checked; until that day comes the pages say "Not yet verified"',
                severity="warning",
            )

    def sites(self, record: Record, sites: list[dict[str, Any]]) -> None:
        """A site in no area of the region says so with `outside_region: true`; one in it does not."""
        if ("vocabulary", "areas") in self.failed:  # its own problems are reported; a guess here would mislead
            return
        areas = self.vocabulary_items("areas")
        region = self.region_name()
        for i, site in enumerate(sites):
            if "across" in site:
                self.site_across(record, i, site, areas)
                continue
            outside = site.get("outside_region") is True
            if outside:
                local = site.get("area") or places.claims_local(site, areas)
                if local and local != "online":
                    where = "ZIP code" if site.get("zip") is not None and not site.get("area") else "site"
                    self.add(
                        record,
                        ("sites", i, "outside_region"),
                        "outside-region",
                        f"{field_name(('sites', i))} says `outside_region: true`, but its {where} is in {region} "
                        f"(the area `{local}` of catalog/vocabularies/areas.yml)",
                        "Remove `outside_region: true` (and `state:`) from this site; if the ZIP code or city is wrong, "
                        "correct it",
                    )
                continue
            if site["mode"] == "remote" or site.get("area") or places.local_area(site, areas):
                continue
            field = "zip" if site.get("zip") is not None else "city"
            path = ("sites", i, field)
            noun = "ZIP code" if field == "zip" else "city"
            state = site.get("state", places.HOME_STATE)
            in_state = f" in {state}" if state != places.HOME_STATE else ""
            self.add(
                record,
                path,
                "outside-region",
                f"{field_name(path)} is `{site[field]}`{in_state}, which is not in {region} (catalog/vocabularies/areas.yml)",
                "If the site really is outside the region, add `outside_region: true` to this site; "
                f"if the {noun} is wrong, correct it",
            )

    # What says one place; a site spread across areas has none of it.
    ONE_PLACE = ("address", "city", "zip", "area", "lat", "lon", "outside_region", "state")

    def site_across(self, record: Record, i: int, site: dict[str, Any], areas: list[dict[str, Any]]) -> None:
        """A site spread across areas (`across`) is in person somewhere in the region: no single address, not
        online, and only areas that are places (not "online"). Unknown area ids are the schema's to report."""
        for key in self.ONE_PLACE:
            if key in site:
                self.add(
                    record,
                    ("sites", i, key),
                    "across-with-address",
                    f"{field_name(('sites', i))} lists the areas it is spread across (`across`), so it has no single "
                    f"place, but it also gives `{key}`",
                    f"Remove `{key}`; or, for one site at one address, remove `across` and keep the address",
                )
        if site.get("mode") == "remote":
            self.add(
                record,
                ("sites", i, "across"),
                "across-remote",
                f"{field_name(('sites', i))} is remote (`mode: remote`), so it is in no area, but it gives `across`",
                "Remove `across`; if only people who live in some areas may take part, say so in `eligibility.residency`",
            )
        across = site.get("across")
        if not isinstance(across, list):
            return
        kinds = {str(a.get("id")): places.is_place(a) for a in areas}
        for k, area in enumerate(across):
            if kinds.get(str(area)) is False:
                self.add(
                    record,
                    ("sites", i, "across", k),
                    "across-not-a-place",
                    f"{field_name(('sites', i, 'across', k))} is `{area}`, which is not a place in the region: "
                    "no site can be in it",
                    "Remove it; an online part of the program is a site of its own with `mode: remote`",
                )

    def rubric(self, record: Record) -> None:
        data = record.data
        levels = [lv["id"] for lv in data["levels"]]
        for i, ident in enumerate(levels):
            if ident in levels[:i]:
                self.add(
                    record,
                    ("levels", i, "id"),
                    "duplicate-id",
                    f"The level `{ident}` is listed twice",
                    "Give each level its own id",
                )
        criteria: list[str] = []
        for i, criterion in enumerate(data["criteria"]):
            if criterion["id"] in criteria:
                self.add(
                    record,
                    ("criteria", i, "id"),
                    "duplicate-id",
                    f"The criterion `{criterion['id']}` is listed twice",
                    "Give each criterion its own id",
                )
            criteria.append(criterion["id"])
            descriptors = criterion["descriptors"]
            for level in levels:
                if level not in descriptors:
                    self.add(
                        record,
                        ("criteria", i, "descriptors"),
                        "missing-descriptor",
                        f"The criterion `{criterion['id']}` has no descriptor for the level `{level}`",
                        f"Add `{level}:` with one sentence under `descriptors`",
                        key=True,
                    )
            for level in descriptors:
                if level not in levels:
                    self.add(
                        record,
                        ("criteria", i, "descriptors", level),
                        "unknown-reference",
                        f"`{level}` is not one of this rubric's levels",
                        suggest(level, levels),
                        key=True,
                    )
        for lang, parts in data.get("translations", {}).items():
            for section, known, noun in (("levels", levels, "levels"), ("criteria", criteria, "criteria")):
                for ident in parts.get(section, {}):
                    if ident not in known:
                        self.add(
                            record,
                            ("translations", lang, section, ident),
                            "unknown-reference",
                            f"`{ident}` is not one of this rubric's {noun}",
                            suggest(ident, known),
                            key=True,
                        )

    def logo(self, record: Record) -> None:
        name = record.data.get("logo")
        if name and (record.id, name) not in self.logos:
            self.add(
                record,
                ("logo",),
                "missing-logo",
                f"`logo` names {name}, but catalog/employers/{record.id}/ has no usable {name}",
                f"Add {name} next to organization.yml (see the problem reported for it, if any), or remove the line",
            )

    def pathway(self, record: Record) -> None:
        for i, occupation in enumerate(record.data.get("occupations", [])):
            wage = occupation.get("wage")
            if wage:
                self.money(record, ("occupations", i, "wage", "amount"), wage["amount"], wage["unit"])
        for stage, body in record.data["stages"].items():
            for i, step in enumerate(body["steps"]):
                grades = step.get("grades")
                if grades and grades["min"] > grades["max"]:
                    self.add(
                        record,
                        ("stages", stage, "steps", i, "grades", "min"),
                        "range-order",
                        f"The lowest grade ({grades['min']}) is higher than the highest grade ({grades['max']})",
                        "Swap `min` and `max`",
                    )

    def opportunity(self, record: Record) -> None:
        """A listing's own rules. On a listing that failed its schema each runs only when every part it reads
        passed (see partial.py), so one run reports the rules' problems beside the schema's."""
        data = record.data
        own = self.own
        if "intermediary" in data and record.readable(("intermediary",)):
            self.reference(record, ("intermediary",), data["intermediary"], "organization", "organization")
        own(record, [("pay",), ("employer_of_record",), ("employer_of_record_note",)], lambda: self.payer(record))
        own(record, [("employer_roles",), ("translations",)], lambda: self.employer_roles(record, data))
        if record.readable(("pathways",)):
            for i, pathway in enumerate(data.get("pathways", [])):
                self.reference(record, ("pathways", i), pathway, "pathway", "pathway")
        own(record, [("quality",)], lambda: self.quality(record, data.get("quality", {})))
        own(record, [("outcomes",), ("quality",), ("translations",)], lambda: self.credit(record, data))
        own(record, [("eligibility",)], lambda: self.eligibility(record, data["eligibility"]))
        own(record, [("application",)], lambda: self.application(record, data["application"]))
        # The dates themselves are read one by one (`dates` passes over those that failed).
        if not record.hides(("application",)):
            own(record, [("status",), *(("application", key) for key in SCHEDULE_READS)], lambda: self.schedule(record))
        own(record, [("sites",)], lambda: self.sites(record, data["sites"]))
        own(record, [("schedule",), ("application", "deadline")], lambda: self.schedule_times(record, data.get("schedule", {})))
        own(record, TRACK_READS, lambda: self.tracks(record))

    def payer(self, record: Record) -> None:
        """Who pays and how much: the employer of record, who pays, and the pay's own rules."""
        data = record.data
        org_id = record.id.split("/")[0]
        pay = data["pay"]
        eor = data.get("employer_of_record")
        # Wages need someone who puts the student on payroll; a stipend or a fee does not.
        if eor is None and pay["type"] == "paid":
            self.add(
                record,
                ("pay",),
                "missing-employer-of-record",
                template("missing-employer-of-record", 0, type=pay["type"]),
                template("missing-employer-of-record", 1),
                key=True,
            )
        else:
            self.employer_of_record(record, data)
        if pay.get("paid_by") not in (None, "self", org_id):
            self.reference(record, ("pay", "paid_by"), pay["paid_by"], "organization", "organization")
        self.pay(record, pay)

    def employer_of_record(self, record: Record, data: dict[str, Any]) -> None:
        """Each organization named as employer of record is in the catalog (`self`, the listing's own
        organization and `provider`, the youth-services provider that enrolls the student, need no file), and a
        note about the employer of record has one to be about."""
        org_id = record.id.split("/")[0]
        eor = data.get("employer_of_record")
        named = (
            [(("employer_of_record", i), v) for i, v in enumerate(eor)]
            if isinstance(eor, list)
            else [(("employer_of_record",), eor)]
        )
        for path, value in named:
            if value not in (None, "self", "provider", org_id):
                self.reference(record, path, value, "organization", "organization")
        if "employer_of_record_note" in data and eor is None:
            self.add(
                record,
                ("employer_of_record_note",),
                "missing-key",
                "`employer_of_record_note` explains an employer of record that the listing does not name",
                "Add `employer_of_record:` (`self`, an organization id, `provider`, or a list of them), or remove the note",
                key=True,
            )

    def pay(self, record: Record, pay: dict[str, Any]) -> None:
        # A fee has an amount as wages and stipends do: what the family pays.
        paid = pay["type"] in ("paid", "stipend", "fee")
        for key, kinds in (("on_completion", ("stipend",)), ("aid", ("fee",)), ("funded_by", ("paid", "stipend"))):
            if key in pay and pay["type"] not in kinds:
                self.add(
                    record,
                    ("pay", key),
                    "conflict",
                    f"`{key}` is for pay of type {' or '.join(kinds)}, and this listing's type is `{pay['type']}`",
                    f"Remove `{key}`, or change `type`",
                    key=True,
                )
        # Wage steps give the amounts of a wage or stipend: the rules about an amount read them as one.
        has_amount = "amount" in pay or ("steps" in pay and pay["type"] in ("paid", "stipend"))
        if "steps" in pay:
            self.pay_steps(record, pay)
        if paid and not has_amount and pay.get("amount_published") is not False:
            self.add(
                record,
                ("pay",),
                "missing-amount",
                f"The pay type is `{pay['type']}` but no amount is given",
                "Add `amount:` and `unit:`, or write `amount_published: false` if the amount is not published",
                key=True,
            )
        if paid and has_amount and "unit" not in pay:
            self.add(
                record,
                ("pay", "amount" if "amount" in pay else "steps"),
                "missing-unit",
                "The amount has no unit",
                "Add `unit:` with hour, week, month or total",
                key=True,
            )
        if paid and has_amount and pay.get("amount_published") is False:
            self.add(
                record,
                ("pay", "amount_published"),
                "conflict",
                "An amount is given but `amount_published` is false",
                "Remove `amount_published: false`, or remove the amount",
                key=True,
            )
        if not paid and ("amount" in pay or "amount_max" in pay):
            self.add(
                record,
                ("pay", "amount" if "amount" in pay else "amount_max"),
                "conflict",
                f"A listing of pay type `{pay['type']}` has an amount",
                "Remove the amount, or change `type` to paid, stipend or fee",
                key=True,
            )
        if has_amount and "unit" in pay:
            for key in ("amount", "amount_max"):
                if key in pay:
                    self.money(record, ("pay", key), pay[key], pay["unit"])
        if "amount" in pay and pay.get("amount_max", pay["amount"]) < pay["amount"]:
            self.add(record, ("pay", "amount_max"), "range-order", "`amount_max` is lower than `amount`", "Swap the two amounts")

    def pay_steps(self, record: Record, pay: dict[str, Any]) -> None:
        """Wage steps by year: only for wages and stipends, instead of one amount, with years in order."""
        steps = pay["steps"]
        if pay["type"] not in ("paid", "stipend"):
            self.add(
                record,
                ("pay", "steps"),
                "conflict",
                f"`steps` are for pay of type paid or stipend, and this listing's type is `{pay['type']}`",
                "Remove `steps`, or change `type`",
                key=True,
            )
            return
        for key in ("amount", "amount_max"):
            if key in pay:
                self.add(
                    record,
                    ("pay", key),
                    "conflict",
                    f"`pay` has both `steps` and `{key}`, which give the pay twice",
                    f"Keep `steps` and remove `{key}` (the page shows the range of the steps), or keep `{key}` and remove `steps`",
                    key=True,
                )
        for i, step in enumerate(steps):
            if "unit" in pay:
                self.money(record, ("pay", "steps", i, "amount"), step["amount"], pay["unit"])
            if i and step["year"] <= steps[i - 1]["year"]:
                self.add(
                    record,
                    ("pay", "steps", i, "year"),
                    "range-order",
                    f"Step {i + 1} is for year {step['year']}, which does not come after year {steps[i - 1]['year']}",
                    "List the steps in year order, each year once, starting with year 1",
                )

    def employer_roles(self, record: Record, data: dict[str, Any]) -> None:
        """Each way of taking part once; an amount only for sponsors; translated notes only for ways listed."""
        roles = data.get("employer_roles", [])
        seen: set[str] = set()
        for i, role in enumerate(roles):
            way = role["way"]
            if way in seen:
                self.add(
                    record,
                    ("employer_roles", i, "way"),
                    "conflict",
                    f"The way `{way}` is listed twice in `employer_roles`",
                    "Keep one entry per way, and say everything about it in that entry's `note`",
                )
            seen.add(way)
            if "amount" in role and way != "sponsor":
                self.add(
                    record,
                    ("employer_roles", i, "amount"),
                    "conflict",
                    f"An amount is for the way `sponsor`, and this entry's way is `{way}`",
                    "Remove `amount`, or say the cost in the `note`",
                    key=True,
                )
            elif "amount" in role:
                self.money(record, ("employer_roles", i, "amount"), role["amount"], "total")
        ways = [role["way"] for role in roles]
        for lang, parts in data.get("translations", {}).items():
            for way in parts.get("employer_roles", {}) if isinstance(parts, dict) else ():
                if way not in seen:
                    fix = suggest(way, ways) if ways else "Add the way to `employer_roles`, or remove this translation"
                    self.add(
                        record,
                        ("translations", lang, "employer_roles", way),
                        "unknown-reference",
                        f"The translation is for the way `{way}`, which `employer_roles` does not list",
                        fix,
                        key=True,
                    )

    def endorsement_tiers(self, record: Record, endorsements: list[Any]) -> None:
        """A tier written with an endorsement is one of that endorsement's tiers (endorsements.yml)."""
        listed = {str(item["id"]): item for item in self.vocabulary_items("endorsements")}
        for i, entry in enumerate(endorsements):
            if not isinstance(entry, dict) or entry.get("id") not in listed:
                continue  # an id the list lacks is reported by the schema
            ident, tier = str(entry["id"]), str(entry["tier"])
            tiers = [str(t["id"]) for t in listed[ident].get("tiers", [])]
            if not tiers:
                self.add(
                    record,
                    ("outcomes", "endorsements", i, "tier"),
                    "unknown-reference",
                    f"The endorsement `{ident}` has no tiers in catalog/vocabularies/endorsements.yml",
                    f"Write the endorsement as its id alone: `- {ident}`",
                )
            elif tier not in tiers:
                self.add(
                    record,
                    ("outcomes", "endorsements", i, "tier"),
                    "unknown-reference",
                    f"The endorsement `{ident}` has no tier `{tier}`",
                    suggest(tier, tiers),
                )

    def credit(self, record: Record, data: dict[str, Any]) -> None:
        """Credits that contradict the older yes-or-no flags, endorsements without their list, and translated
        evaluation criteria that do not pair with the criteria."""
        outcomes = data.get("outcomes", {})
        for i, credit in enumerate(outcomes.get("credits", [])):
            flag = {"high-school": "academic_credit", "college": "college_credit"}.get(credit["kind"])
            if flag and outcomes.get(flag) is False:
                self.add(
                    record,
                    ("outcomes", "credits", i, "kind"),
                    "conflict",
                    f"This credit is of kind `{credit['kind']}`, but `{flag}` says `false`",
                    f"Remove `{flag}: false` (the credit already says it), or remove this credit",
                )
        if outcomes.get("endorsements") and "endorsements" not in self.kind("vocabulary"):
            self.add(
                record,
                ("outcomes", "endorsements"),
                "unknown-reference",
                "The catalog has no list of endorsements, so these ids name nothing",
                "Add catalog/vocabularies/endorsements.yml with each endorsement, or remove `endorsements`",
                key=True,
            )
        else:
            self.endorsement_tiers(record, outcomes.get("endorsements", []))
        criteria = data.get("quality", {}).get("evaluation", {}).get("criteria", [])
        for lang, texts in data.get("translations", {}).items():
            translated = (texts.get("evaluation") or {}).get("criteria")
            if translated is not None and len(translated) != len(criteria):
                self.add(
                    record,
                    ("translations", lang, "evaluation", "criteria"),
                    "conflict",
                    f"{len(translated)} translated criteria for the {len(criteria)} of `quality.evaluation.criteria`",
                    "Translate each criterion once, in the same order",
                    key=True,
                )

    def quality(self, record: Record, quality: dict[str, Any]) -> None:
        assessment = quality.get("assessment", {})
        rubric_id = quality.get("rubric")
        if assessment and rubric_id is None:
            self.add(
                record,
                ("quality",),
                "missing-key",
                "A self-assessment needs the rubric it uses",
                "Add `rubric: key-distinguishers` under `quality`",
                key=True,
            )
            return
        if rubric_id is None or not self.reference(record, ("quality", "rubric"), rubric_id, "rubric", "rubric"):
            return
        rubric = self.kind("rubric")[rubric_id].data
        criteria = [c["id"] for c in rubric["criteria"]]
        levels = [lv["id"] for lv in rubric["levels"]]
        for crit, entry in assessment.items():
            if crit not in criteria:
                self.add(
                    record,
                    ("quality", "assessment", crit),
                    "unknown-reference",
                    f"`{crit}` is not a criterion of the rubric `{rubric_id}`",
                    suggest(crit, criteria),
                    key=True,
                )
            elif entry["level"] not in levels:
                self.add(
                    record,
                    ("quality", "assessment", crit, "level"),
                    "unknown-reference",
                    f"`{entry['level']}` is not a level of the rubric `{rubric_id}`",
                    suggest(entry["level"], levels),
                )

    def eligibility(self, record: Record, eligibility: dict[str, Any]) -> None:
        # A listing with tracks may leave grades and ages to its tracks: tracks() checks each track's.
        if "grades" not in eligibility and not eligibility.get("age") and not record.data.get("tracks"):
            self.add(
                record,
                ("eligibility",),
                "missing-key",
                "`eligibility` gives neither grades nor ages",
                "Add `grades:` (such as `{min: 9, max: 12}`), `age:` (such as `{min: 16, max: 24}`), or both",
                key=True,
            )
        grades = eligibility.get("grades") or {"min": 0, "max": 0}
        if grades["min"] > grades["max"]:
            self.add(
                record,
                ("eligibility", "grades", "min"),
                "range-order",
                template("grades-order", 0, min=grades["min"], max=grades["max"]),
                template("grades-order", 1),
            )
        age = eligibility.get("age", {})
        if "min" in age and "max" in age and age["min"] > age["max"]:
            self.add(
                record,
                ("eligibility", "age", "min"),
                "range-order",
                template("age-order", 0, min=age["min"], max=age["max"]),
                template("age-order", 1),
            )

    def tracks(self, record: Record) -> None:
        """Each track's facts (the listing's, with the track's in their place) pass the listing's own rules,
        reported at the track's lines; track ids are unique within the listing."""
        data = record.data
        first: dict[str, int] = {}
        for i, track in enumerate(data.get("tracks", [])):
            at = ("tracks", i)
            self.languages(record, track.get("translations", {}), (*at, "translations"))
            if track["id"] in first:
                self.add(
                    record,
                    (*at, "id"),
                    "duplicate-id",
                    f"Tracks {first[track['id']] + 1} and {i + 1} both have the id `{track['id']}`",
                    "Give each track its own id: it is the address of the track's section of the page (`#track-<id>`)",
                )
            first.setdefault(track["id"], i)
            facts = Record(record.kind, record.id, record.shown, with_track(data, track), _InTrack(record.loaded, i))
            elig = facts.data["eligibility"]
            if "grades" not in elig and not elig.get("age"):
                self.add(
                    record,
                    (*at, "eligibility") if "eligibility" in track else at,
                    "missing-key",
                    f"Track `{track['id']}` gives neither grades nor ages, and neither does the listing",
                    "Add `grades:` or `age:` under the track's `eligibility` (such as `age: {min: 14, max: 15}`), "
                    "or under the listing's `eligibility` for every track",
                    key="eligibility" in track,
                )
            elif "eligibility" in track:
                self.eligibility(facts, elig)
            if "pay" in track:
                pay = track["pay"]
                org_id = record.id.split("/")[0]
                if data.get("employer_of_record") is None and pay["type"] == "paid":
                    self.add(
                        record,
                        (*at, "pay"),
                        "missing-employer-of-record",
                        f"Track `{track['id']}` pays a wage, so the listing must say who the employer of record is",
                        "Add `employer_of_record: self` to the listing, or the id of the organization that puts students on payroll",
                        key=True,
                    )
                if pay.get("paid_by") not in (None, "self", org_id):
                    self.reference(facts, ("pay", "paid_by"), pay["paid_by"], "organization", "organization")
                self.pay(facts, pay)
            if "schedule" in track:
                self.dates(facts, [("schedule", "start"), ("schedule", "end")])
                self.schedule_times(facts, facts.data["schedule"])

    def application(self, record: Record, application: dict[str, Any]) -> None:
        if application.get("mode") == "paper" and not (application.get("where") or application.get("url")):
            self.add(
                record,
                ("application", "mode"),
                "missing-key",
                "A paper application needs a place to get it",
                "Add `where:` (such as the school's career center), or `url:` with a printable form",
            )
        self.results(record, application)

    def results(self, record: Record, application: dict[str, Any]) -> None:
        """When applicants hear back (results_by) comes after applying closes, and a listing nobody applies to
        has neither results nor a waitlist."""
        if application.get("mode") == "none":
            for key in ("results_by", "waitlist"):
                if key in application:
                    self.add(
                        record,
                        ("application", key),
                        "conflict",
                        f"`{key}` is for people who apply, but the listing says `mode: none` (no application)",
                        f"Remove `{key}`, or set `mode:` to how people apply (such as `apply` or `lottery`)",
                        key=True,
                    )
            return
        # Only results_by is read here: the other dates' own problems are reported where they are checked.
        results = self.dates(record, [("application", "results_by")]).get(("application", "results_by"))
        if results is None:
            return
        windows = [w for w in application.get("windows", []) if isinstance(w, dict)]
        last = parse_date(str(windows[-1].get("deadline", ""))) if windows else None
        deadline, opens = parse_date(str(application.get("deadline", ""))), parse_date(str(application.get("opens", "")))
        word = "drawn" if application.get("mode") == "lottery" else "sent"
        for limit, name in (
            (last, f"the deadline of the last window ({last})"),
            (deadline, f"the deadline ({deadline})"),
            (opens, f"the day applications open ({opens})"),
        ):
            if limit is not None and results < limit:
                self.add(
                    record,
                    ("application", "results_by"),
                    "date-order",
                    f"`application.results_by` ({results}) is before {name}",
                    f"Write in `results_by` the date results are {word}, on or after {limit}, "
                    "or correct the date applications open or close",
                )
                return

    def schedule_times(self, record: Record, schedule: dict[str, Any]) -> None:
        """Ranges read low to high, each maximum beside its minimum, and a time of day ends after it starts."""
        for low, high in (("weeks", "weeks_max"), ("hours_per_week", "hours_per_week_max"), ("total_hours", "total_hours_max")):
            if high not in schedule:
                continue
            if low not in schedule:
                self.add(
                    record,
                    ("schedule", high),
                    "missing-key",
                    f"`{high}` is the top of a range that has no bottom",
                    f"Add `{low}:` with the smallest number (for a fixed number, write only `{low}:`)",
                    key=True,
                )
            elif schedule[high] < schedule[low]:
                self.add(
                    record,
                    ("schedule", high),
                    "range-order",
                    f"`{high}` ({schedule[high]}) is lower than `{low}` ({schedule[low]})",
                    f"Write the smallest number in `{low}` and the largest in `{high}`",
                )
        if schedule.get("total_hours_at_least") is True:
            if "total_hours" not in schedule:
                self.add(
                    record,
                    ("schedule", "total_hours_at_least"),
                    "missing-key",
                    "`total_hours_at_least` says the hours in all are a minimum, but there is no `total_hours`",
                    "Add `total_hours:` with the fewest hours a student must reach, such as `total_hours: 100`",
                    key=True,
                )
            elif "total_hours_max" in schedule:
                self.add(
                    record,
                    ("schedule", "total_hours_at_least"),
                    "conflict",
                    "`total_hours_at_least` and `total_hours_max` both say how the hours in all vary",
                    "Keep `total_hours_at_least: true` for a minimum with no top, or `total_hours_max` for a range",
                    key=True,
                )
        start, end = schedule.get("from"), schedule.get("to")
        if (start is None) != (end is None):
            given, missing = ("from", "to") if end is None else ("to", "from")
            self.add(
                record,
                ("schedule", given),
                "missing-key",
                f"`schedule` has `{given}` without `{missing}`",
                f"Add `{missing}:` as a 24-hour time such as 17:30, so the page can say when it starts and ends",
                key=True,
            )
        # Both are HH:MM with two-digit hours (the schema's pattern), so text order is time order.
        elif start is not None and end is not None and end <= start:
            self.add(
                record,
                ("schedule", "to"),
                "range-order",
                f"`to` ({end}) is not later than `from` ({start})",
                "Write the start time in `from` and the end time in `to`, in 24-hour time (2 p.m. is 14:00)",
            )
        self.schedule_dates(record, schedule)
        self.schedule_periods(record, schedule)

    def schedule_dates(self, record: Record, schedule: dict[str, Any]) -> None:
        """schedule.dates are real days, in order, each once, between `start` and `end` when those are given."""
        written = schedule.get("dates") or []
        found = self.dates(record, [("schedule", "dates", i) for i in range(len(written))])
        days = [(i, found[("schedule", "dates", i)]) for i in range(len(written)) if ("schedule", "dates", i) in found]
        seen: dict[dt.date, int] = {}
        for (_, before), (i, day) in zip([(-1, None), *days], days, strict=False):
            if day in seen:
                self.add(
                    record,
                    ("schedule", "dates", i),
                    "duplicate-item",
                    f"`schedule.dates` lists {day} twice (items {seen[day] + 1} and {i + 1})",
                    "Write each date once",
                )
            elif before is not None and day < before:
                self.add(
                    record,
                    ("schedule", "dates", i),
                    "date-order",
                    f"`schedule.dates` item {i + 1} ({day}) comes after a later date ({before})",
                    "List the dates from the earliest to the latest",
                )
            seen.setdefault(day, i)
        bounds = {key: parse_date(str(schedule.get(key) or "")) for key in ("start", "end")}
        for i, day in days:
            start, end = bounds["start"], bounds["end"]
            if (start and day < start) or (end and day > end):
                self.add(
                    record,
                    ("schedule", "dates", i),
                    "date-order",
                    f"`schedule.dates` item {i + 1} ({day}) is outside `start` and `end` ({start or '…'} to {end or '…'})",
                    "Fix the date, or remove `start` and `end`: without them the first and last date are the start and end",
                )
        deadline = parse_date(str(record.data.get("application", {}).get("deadline") or ""))
        if days and deadline and not bounds["start"] and days[0][1] < deadline:
            self.add(
                record,
                ("schedule", "dates", days[0][0]),
                "date-order",
                f"The first of `schedule.dates` ({days[0][1]}) is before the application deadline ({deadline})",
                "Dates go in this order: opens, deadline, then the days it happens",
            )

    def schedule_periods(self, record: Record, schedule: dict[str, Any]) -> None:
        """Each of schedule.periods: its season once, its range low to high and its times in order; a translated
        note belongs to a period that has a note."""
        periods = schedule.get("periods") or []
        seen: dict[str, int] = {}
        for i, period in enumerate(periods):
            at = ("schedule", "periods", i)
            season = period.get("season")
            if season in seen:
                self.add(
                    record,
                    (*at, "season"),
                    "duplicate-item",
                    f"`schedule.periods` names the season `{season}` twice (items {seen[season] + 1} and {i + 1})",
                    "Give each part of the year one item, or use another season id from seasons.yml",
                )
            seen.setdefault(season, i)
            low, high = period.get("hours_per_week"), period.get("hours_per_week_max")
            if low is not None and high is not None and high < low:
                self.add(
                    record,
                    (*at, "hours_per_week_max"),
                    "range-order",
                    f"`hours_per_week_max` ({high}) is lower than `hours_per_week` ({low})",
                    "Write the smallest number in `hours_per_week` and the largest in `hours_per_week_max`",
                )
            start, end = period.get("from"), period.get("to")
            if (start is None) != (end is None):
                given, missing = ("from", "to") if end is None else ("to", "from")
                self.add(
                    record,
                    (*at, given),
                    "missing-key",
                    f"Item {i + 1} of `schedule.periods` has `{given}` without `{missing}`",
                    f"Add `{missing}:` as a 24-hour time such as 18:00, so the page can say when it starts and ends",
                    key=True,
                )
            elif start is not None and end is not None and end <= start:
                self.add(
                    record,
                    (*at, "to"),
                    "range-order",
                    f"`to` ({end}) is not later than `from` ({start})",
                    "Write the start time in `from` and the end time in `to`, in 24-hour time (6 p.m. is 18:00)",
                )
        noted = {p.get("season") for p in periods if p.get("note")}
        for lang, texts in (record.data.get("translations") or {}).items():
            for season in (texts or {}).get("periods") or {}:
                if season not in noted:
                    self.add(
                        record,
                        ("translations", lang, "periods", season),
                        "unknown-reference",
                        f"`translations.{lang}.periods` translates a note of `{season}`, but no item of `schedule.periods` for that season has a `note`",
                        "Add the English `note:` to that period, or remove the translation",
                        key=True,
                    )

    def schedule(self, record: Record) -> None:
        data = record.data
        found = self.dates(record, [*DATE_FIELDS, ("last_reviewed",)])
        application = data["application"]
        # `expected` stands for dates not announced yet: beside a date, or `rolling`, the file would say both.
        dated = [key for key in ("opens", "deadline", "rolling", "windows") if key in application]
        if "expected" in application and dated:
            written = " and ".join(f"`{key}`" for key in dated)
            self.add(
                record,
                ("application", "expected"),
                "conflict",
                f"`application` has both `expected` and {written}",
                f"`expected` is for dates not announced yet: keep {written} and remove `expected`, "
                "or keep `expected` and remove the rest until the dates are announced (then write `opens` and `deadline`)",
                key=True,
            )
        if "deadline" in application and application.get("rolling") is True:
            self.add(
                record,
                ("application", "rolling"),
                "conflict",
                template("deadline-and-rolling", 0),
                template("deadline-and-rolling", 1),
                key=True,
            )
        elif (
            "deadline" not in application
            and "windows" not in application
            and application.get("rolling") is not True
            and "expected" not in application  # the dates are not announced yet: it opens later
            and application.get("mode") != "none"  # nobody applies, so there is no last day to apply
            and data["status"] == "open"
            and not record.hides(("application", "deadline"))  # a misspelt `deadline:` is the schema's to report
        ):
            self.add(
                record,
                ("application",),
                "missing-deadline",
                template("missing-deadline", 0),
                template("missing-deadline", 1),
                key=True,
            )
        ordered = [(p, found[p]) for p in DATE_FIELDS if p in found]
        for (first, a), (second, b) in zip(ordered, ordered[1:], strict=False):
            if a > b:
                self.add(
                    record,
                    second,
                    "date-order",
                    template("date-order", 0, field=field_name(second), value=b, earlier=field_name(first), earlier_value=a),
                    template("date-order", 1),
                )
        reviewed = found.get(("last_reviewed",))
        limit = review.limit_days(self.vocabulary_items("regions"))
        if reviewed and review.is_stale(reviewed, self.today, limit):
            # The site shows "Not reviewed since" the date and leaves the listing out of the default results.
            ago = "over a year ago" if limit == review.DEFAULT_DAYS else f"more than {limit} days ago (the region's limit)"
            self.add(
                record,
                ("last_reviewed",),
                "stale",
                f"The listing was last reviewed on {reviewed}, {ago}",
                "Check every detail, then set `last_reviewed` to today's date",
                severity="warning",
            )
        if reviewed and reviewed > self.today:
            self.add(
                record,
                ("last_reviewed",),
                "future-date",
                f"`last_reviewed` ({reviewed}) is in the future",
                "Set it to the date you checked the listing",
                severity="warning",
            )
        deadline = found.get(("application", "deadline"))
        windows = self.windows(record, application)
        if windows:
            deadline = windows[-1][1]
        if deadline and deadline < self.today and data["status"] == "open":
            self.add(
                record,
                ("status",),
                "deadline-passed",
                f"The deadline ({deadline}) has passed but the status is still `open`",
                "Set `status: closed`, or move the deadline if applications are still taken (the site already shows it as closed)",
                severity="warning",
            )

    def windows(self, record: Record, application: dict[str, Any]) -> list[tuple[dt.date, dt.date]]:
        """Repeating application windows: instead of one opens and deadline, each closing after it opens, in
        order and apart. The windows whose dates are real, for the rules that follow."""
        windows = application.get("windows", [])
        if not windows:
            return []
        single = [key for key in ("opens", "deadline", "rolling") if key in application]
        if single:
            written = " and ".join(f"`{key}`" for key in single)
            self.add(
                record,
                ("application", single[0]),
                "conflict",
                f"`application` has both `windows` and {written}, which say when to apply twice",
                f"Keep `windows` and remove {written}, or keep {written} and remove `windows`",
                key=True,
            )
        found: list[tuple[dt.date, dt.date]] = []
        for i in range(len(windows)):
            dates = self.dates(record, [("application", "windows", i, "opens"), ("application", "windows", i, "deadline")])
            if len(dates) < 2:
                continue
            opens, deadline = dates.values()
            if deadline < opens:
                self.add(
                    record,
                    ("application", "windows", i, "deadline"),
                    "date-order",
                    f"The deadline of window {i + 1} ({deadline}) is before it opens ({opens})",
                    "Swap the two dates, or correct the one that is wrong",
                )
            elif found and opens <= found[-1][1]:
                self.add(
                    record,
                    ("application", "windows", i, "opens"),
                    "date-order",
                    f"Window {i + 1} opens on {opens}, before window {i} closes ({found[-1][1]})",
                    "List the windows in date order, each opening after the one before closes",
                )
            else:
                found.append((opens, deadline))
        return found

    # -- rules between files, on files that failed their schema too ----------

    def unchecked_references(self, record: Record) -> None:
        """The references of a listing that failed its schema, each one that is written as an id."""
        data = record.data
        org_id = record.id.split("/")[0]
        pay, quality = data.get("pay"), data.get("quality")
        eor = data.get("employer_of_record")
        eors = eor if isinstance(eor, list) else []  # an employer of record that varies by who enrolls
        # (where, value, kind of file it names, whether `self` and the listing's own organization need no file)
        found: list[tuple[tuple[Any, ...], Any, str, bool]] = [
            (("intermediary",), data.get("intermediary"), "organization", False),
            *((("employer_of_record", i), value, "organization", True) for i, value in enumerate(eors)),
            (("employer_of_record",), None if isinstance(eor, list) else eor, "organization", True),
            (("pay", "paid_by"), pay.get("paid_by") if isinstance(pay, dict) else None, "organization", True),
            (("quality", "rubric"), quality.get("rubric") if isinstance(quality, dict) else None, "rubric", False),
        ]
        pathways = data.get("pathways")
        if isinstance(pathways, list):
            found.extend((("pathways", i), value, "pathway", False) for i, value in enumerate(pathways))
        for path, value, kind, own in found:
            # A value that is not an id breaks the schema, and that problem is reported already.
            if isinstance(value, str) and ID.match(value) and not (own and value in ("self", "provider", org_id)):
                self.reference(record, path, value, kind, kind)

    def listings(self) -> dict[str, Record]:
        """Every listing file that parsed, whether or not it passed its schema."""
        return {**self.kind("opportunity"), **self.unchecked.get("opportunity", {})}

    def retired(self, record: Record, whole: bool = True) -> None:
        """The entries of retired.yml. `whole` is False for a retired.yml that failed its schema: then only the
        rules between files run, on the entries that have an id."""
        seen: set[str] = set()
        opportunities = self.listings()
        exists = set(opportunities) | {ident for kind, ident in self.failed if kind == "opportunity"}
        for i, entry in retired_entries(record):
            ident = entry["id"]
            problem = catalog_id_problem(ident)
            if problem and whole:
                self.add(record, ("retired", i, "id"), *problem)
            if ident in seen and whole:
                self.add(record, ("retired", i, "id"), "duplicate-id", f"`{ident}` is retired twice", "Keep one entry")
            seen.add(ident)
            if ident in opportunities:
                self.add(
                    record,
                    ("retired", i, "id"),
                    "retired-exists",
                    f"`{ident}` is retired but its file still exists",
                    f"Give the listing in {opportunities[ident].shown} a new file name (a retired id is never used "
                    "again), delete the file, or remove this entry if the same listing is offered again",
                )
            target = entry.get("replaced_by")
            if isinstance(target, str) and target not in exists and (whole or catalog_id_problem(target) is None):
                self.add(
                    record,
                    ("retired", i, "replaced_by"),
                    "unknown-reference",
                    f"`{target}` is not a listing in the catalog",
                    suggest(target, sorted(opportunities)),
                )
            if "date" in entry and whole:
                self.dates(record, [("retired", i, "date")])

    def former_ids(self) -> None:
        owners: dict[str, str] = {}
        opportunities = self.listings()
        exists = set(opportunities) | {ident for kind, ident in self.failed if kind == "opportunity"}
        retired = {
            entry["id"]
            for record in [*self.kind("retired").values(), *self.unchecked.get("retired", {}).values()]
            for _, entry in retired_entries(record)
        }
        for ident, record in opportunities.items():
            checked = ident in self.kind("opportunity")
            olds = record.data.get("former_ids", [])
            for i, old in enumerate(olds if isinstance(olds, list) else []):
                if not isinstance(old, str) or not (checked or catalog_id_problem(old) is None):
                    continue  # a malformed id in a file that failed its schema is among its schema problems
                problem = catalog_id_problem(old, owner=ident.partition("/")[0])
                if problem:
                    self.add(record, ("former_ids", i), *problem)
                elif old in exists:
                    self.add(
                        record,
                        ("former_ids", i),
                        "former-id-in-use",
                        f"The former id `{old}` belongs to a listing that still exists",
                        "Remove it from `former_ids`",
                    )
                elif old in retired:
                    self.add(
                        record,
                        ("former_ids", i),
                        "former-id-retired",
                        f"The former id `{old}` is also in retired.yml",
                        'Keep it in one place: `former_ids` redirects, retired.yml shows a "no longer offered" page',
                    )
                elif old in owners:
                    self.add(
                        record,
                        ("former_ids", i),
                        "former-id-twice",
                        f"The former id `{old}` is also claimed by `{owners[old]}`",
                        "Keep it in one listing only",
                    )
                owners.setdefault(old, ident)


def retired_entries(record: Record) -> list[tuple[int, dict[str, Any]]]:
    """The entries of retired.yml that have an id, with their places (every entry, once the schema passed)."""
    entries = record.data.get("retired")
    if not isinstance(entries, list):
        return []
    return [(i, entry) for i, entry in enumerate(entries) if isinstance(entry, dict) and isinstance(entry.get("id"), str)]
