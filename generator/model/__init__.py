"""Typed, immutable records of the catalog, with relations resolved both ways."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator import i18n

STAGES = ("awareness", "exploration", "preparation", "training")
# The languages a site is built in unless its configuration chooses: every language the interface has.
LANGS = i18n.available()


@dataclass(frozen=True, slots=True)
class Text:
    """Contributor text in one language, and the language it is really in."""

    value: str
    lang: str


def _translated(raw: Mapping[str, Any], key: str, lang: str) -> Text | None:
    if lang != i18n.SOURCE:
        other = raw.get("translations", {}).get(lang, {}).get(key)
        if other:
            return Text(other, lang)
    value = raw.get(key)
    return Text(value, "en") if value else None


def in_language(lang: str, english: str, names: Mapping[str, str]) -> str:
    """A catalog value (a vocabulary name, a rubric level) in a language, English when not translated.

    The pseudo-locale translates it like interface text, so a build in it tells what stayed untranslatable.
    """
    return names.get(lang) or (i18n.pseudo(english) if lang == i18n.PSEUDO and english else english)


@dataclass(frozen=True, slots=True)
class VocabItem:
    id: str
    name: str
    description: str = ""
    names: Mapping[str, str] = field(default_factory=dict)  # language → name, for the languages besides English
    descriptions: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name_es(self) -> str:
        """The Spanish name, which the open-data exports publish as a field of its own."""
        return self.names.get("es", "")

    def label(self, lang: str) -> str:
        return in_language(lang, self.name, self.names)

    def explain(self, lang: str) -> str:
        return in_language(lang, self.description, self.descriptions)


@dataclass(frozen=True, slots=True)
class Vocabularies:
    lists: Mapping[str, tuple[VocabItem, ...]]
    # Each list's items as their file writes them, made once per list: the rules on places (check/places.py)
    # read them in that form for every site of every listing.
    _written: dict[str, tuple[Mapping[str, Any], ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def items(self, name: str) -> tuple[VocabItem, ...]:
        return self.lists.get(name, ())

    def written(self, name: str) -> tuple[Mapping[str, Any], ...]:
        """The list's items as mappings of their fields, `id` included, as the vocabulary file has them."""
        found = self._written.get(name)
        if found is None:
            found = self._written[name] = tuple({"id": item.id, **item.extra} for item in self.items(name))
        return found

    def get(self, name: str, ident: str) -> VocabItem | None:
        for item in self.lists.get(name, ()):
            if item.id == ident:
                return item
        return None

    def sector_by_name(self, name: str) -> VocabItem | None:
        for item in self.lists.get("sectors", ()):
            if item.name == name:
                return item
        return None

    def region(self, ident: str = "") -> VocabItem | None:
        """A region of regions.yml by id; without an id, the catalog's first (today its only) region."""
        regions = self.lists.get("regions", ())
        return self.get("regions", ident) if ident else (regions[0] if regions else None)


@dataclass(frozen=True, slots=True)
class Level:
    id: str
    rank: int  # 1 = lowest
    name: str
    description: str
    names: Mapping[str, str]  # language → name, from the rubric's translations
    descriptions: Mapping[str, str]

    def label(self, lang: str) -> str:
        return in_language(lang, self.name, self.names)


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    name: str
    description: str
    descriptors: Mapping[str, str]  # level id → what the criterion looks like at that level
    names: Mapping[str, str]  # language → name, from the rubric's translations
    descriptions: Mapping[str, str]
    descriptors_in: Mapping[str, Mapping[str, str]]  # language → level id → descriptor

    def label(self, lang: str) -> str:
        return in_language(lang, self.name, self.names)

    def descriptor_translations(self, level: str) -> dict[str, str]:
        """The descriptor of one level in each language it was translated into."""
        return {lang: found[level] for lang, found in self.descriptors_in.items() if level in found}


@dataclass(frozen=True, slots=True)
class Rubric:
    id: str
    path: str
    levels: tuple[Level, ...]
    criteria: tuple[Criterion, ...]
    raw: Mapping[str, Any]

    def level(self, ident: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == ident), None)

    def criterion(self, ident: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == ident), None)

    def text(self, key: str, lang: str) -> Text | None:
        return _translated(self.raw, key, lang)


@dataclass(frozen=True, slots=True)
class Site:
    name: str
    city: str  # "" for a remote site that gives none
    mode: str
    address: str = ""
    zip: str = ""
    area: str = ""  # "" for a site outside the region: it is in no local area
    lat: float | None = None
    lon: float | None = None
    transit: str = ""
    outside_region: bool = False
    state: str = ""  # two-letter code; written, or CA for a site outside the region that gives none
    region: str = ""  # the region of the site's area (regions.yml), "" when it is in none
    # Worksites spread across areas with no single address (`across`): the areas covered, in the vocabulary's
    # order, every area of the region when `region_wide`. Such a site has no city, ZIP code or `area`.
    across: tuple[str, ...] = ()
    region_wide: bool = False

    @property
    def areas(self) -> tuple[str, ...]:
        """Every area the site is in: the ones it is spread across, else its one area, else none."""
        return self.across or ((self.area,) if self.area else ())


# The weekday ids of schedule.days, in the order of Python's date.weekday() (Monday is 0), which is also how
# Babel numbers the weekday names of a locale.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Schedule:
    """How long a listing runs and when it meets, beside its dates (Opportunity.start and end).

    Each `_max` is the top of a range whose bottom is the field without it (weeks 6, weeks_max 8: 6–8 weeks);
    without a range it is None. `days` are weekday numbers, Monday 0, in week order.
    """

    weeks: int | None = None
    weeks_max: int | None = None
    hours_per_week: float | None = None
    hours_per_week_max: float | None = None
    total_hours: float | None = None
    total_hours_max: float | None = None
    total_hours_at_least: bool = False  # total_hours is a minimum to reach ("at least 100 hours")
    days: tuple[int, ...] = ()
    sessions: int | None = None
    time_from: dt.time | None = None
    time_to: dt.time | None = None
    # schedule.dates: the days it happens when they are not every week, in order. The listing's start and end
    # default to the first and last of them, so status, sorting and the season read one pair of dates.
    dates: tuple[dt.date, ...] = ()
    periods: tuple[Period, ...] = ()

    @property
    def has_times(self) -> bool:
        return self.time_from is not None and self.time_to is not None

    @property
    def weekly_hours(self) -> tuple[float, float] | None:
        """The fewest and most hours in a week, over the periods when there are any: what the hours filter and
        the card read, so a year-round internship of 8–10 hours, 30 in summer, spans 8–30."""
        lows = [p.hours_per_week for p in self.periods] or ([self.hours_per_week] if self.hours_per_week else [])
        highs = [p.hours_per_week_max or p.hours_per_week for p in self.periods] or (
            [self.hours_per_week_max or self.hours_per_week] if self.hours_per_week else []
        )
        return (min(lows), max(highs)) if lows else None


@dataclass(frozen=True, slots=True)
class Period:
    """One part of the year with its own hours (schedule.periods): its season id, hours a week and when it meets."""

    season: str
    hours_per_week: float
    hours_per_week_max: float | None = None
    days: tuple[int, ...] = ()  # weekday numbers, Monday 0, in week order
    time_from: dt.time | None = None
    time_to: dt.time | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Assessment:
    criterion: str
    level: str
    rank: int
    evidence: str


@dataclass(frozen=True, slots=True)
class Track:
    """One track of a program that has several: its id, name and the facts it gives in place of the listing's."""

    id: str
    name: str
    raw: Mapping[str, Any]  # the track's own entry under `tracks`

    def text(self, key: str, lang: str) -> Text | None:
        return _translated(self.raw, key, lang)

    @property
    def anchor(self) -> str:
        """The id of the track's section on the listing's page."""
        return f"track-{self.id}"


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    path: str
    name: str
    kind: str
    sectors: tuple[str, ...]
    example: bool
    last_reviewed: dt.date
    raw: Mapping[str, Any]
    opportunity_ids: tuple[str, ...] = ()
    verification: Verification | None = None  # organization.yml `verified`
    # Other organizations' listings that name this one as employer of record: alone, or among several
    # (`employer_of_record: [this-org, provider]`), whichever enrolls the student.
    employer_of_record_for: tuple[str, ...] = ()
    employer_of_record_among: tuple[str, ...] = ()

    def text(self, key: str, lang: str) -> Text | None:
        return _translated(self.raw, key, lang)


@dataclass(frozen=True, slots=True)
class Verification:
    """Someone the region trusts (vocabularies/verifiers.yml) checked the organization against a public record."""

    by: str  # a verifier's id
    on: dt.date
    record: str  # https address of the public record checked, such as a state business search entry


@dataclass(frozen=True, slots=True)
class PayStep:
    """The pay of one year of a multi-year program, in the listing's pay unit."""

    year: int
    amount: float


@dataclass(frozen=True, slots=True)
class Window:
    """One application window: applications open on `opens` and close after `deadline`."""

    opens: dt.date
    deadline: dt.date


@dataclass(frozen=True, slots=True)
class EmployerRole:
    """One way an employer can take part in a program an intermediary runs."""

    way: str  # hire, host, sponsor, mentor or speak
    amount: float | None  # a sponsor's suggested amount, in dollars
    note: str


@dataclass(frozen=True, slots=True)
class Credit:
    """Credit a listing earns (outcomes.credits): high-school credits, college units or apprenticeship hours."""

    kind: str  # high-school, college, apprenticeship-hours
    amount: float
    source: str = ""  # `from`: the school, college or program that grants it, a name shown as written


# The older yes-or-no outcome flag that each kind of credit also answers, for filters and exports.
CREDIT_FLAGS = {"high-school": "academic_credit", "college": "college_credit"}


@dataclass(frozen=True, slots=True)
class Opportunity:
    id: str  # org-id/opportunity-id
    org_id: str
    slug: str
    path: str
    title: str
    format: str
    stage: str
    sectors: tuple[str, ...]  # sector ids (slugs)
    pathways: tuple[str, ...]
    pay_type: str
    pay_amount: float | None
    pay_amount_max: float | None
    pay_unit: str | None
    grade_min: int | None  # None when only ages are given
    grade_max: int | None
    age_min: int | None
    age_max: int | None
    opens: dt.date | None
    deadline: dt.date | None
    rolling: bool
    start: dt.date | None
    end: dt.date | None
    sites: tuple[Site, ...]
    seats: int | None
    declared_status: str
    status: str  # computed: open, closed, archived
    last_reviewed: dt.date
    example: bool
    # The one organization that puts students on payroll; "" when it depends on who enrolls the student (then
    # employers_of_record and employer_of_record_provider say who may).
    employer_of_record: str
    intermediary: str | None
    rubric: str | None
    assessment: tuple[Assessment, ...]
    signals: tuple[str, ...]
    former_ids: tuple[str, ...]
    raw: Mapping[str, Any]
    schedule: Schedule = Schedule()
    # With steps, pay_amount and pay_amount_max are the lowest and highest step, so every reader of a range
    # (cards, the wage filter, the pay sort, exports) uses the steps without knowing about them.
    pay_steps: tuple[PayStep, ...] = ()
    # With windows, opens and deadline are those of the current window, else the next, else the last.
    windows: tuple[Window, ...] = ()
    employer_roles: tuple[EmployerRole, ...] = ()
    tracks: tuple[Track, ...] = ()
    # Each track's facts (with_track), in the order of `tracks`; on each of them, `track` names its track.
    track_facts: tuple[Opportunity, ...] = ()
    track: Track | None = None
    credits: tuple[Credit, ...] = ()
    endorsements: tuple[str, ...] = ()  # ids from vocabularies/endorsements.yml
    endorsement_tiers: tuple[tuple[str, str], ...] = ()  # (endorsement id, tier id), for those written with a tier
    # Every organization named as employer of record, and whether the youth-services provider that enrolls the
    # student is (employer_of_record: provider).
    employers_of_record: tuple[str, ...] = ()
    employer_of_record_provider: bool = False

    @property
    def rows(self) -> tuple[Opportunity, ...]:
        """What filters find: each track's facts, or the listing itself when it has no tracks."""
        return self.track_facts or (self,)

    @property
    def regions(self) -> tuple[str, ...]:
        """The regions of the listing's sites (each through its area), in the order of its sites; () when every
        site is remote or outside the regions (generator/model/regions.py then asks its organization)."""
        return tuple(dict.fromkeys(s.region for s in self.sites if s.region))

    def text(self, key: str, lang: str) -> Text | None:
        return _translated(self.raw, key, lang)

    def role_note(self, role: EmployerRole, lang: str) -> Text | None:
        """An employer role's note in a language, English when it has no translation there."""
        if lang != i18n.SOURCE:
            other = self.raw.get("translations", {}).get(lang, {}).get("employer_roles", {}).get(role.way)
            if other:
                return Text(other, lang)
        return Text(role.note, "en") if role.note else None

    def period_note(self, period: Period, lang: str) -> Text | None:
        """A schedule period's note in a language (translations.<lang>.periods.<season>), English when untranslated."""
        if lang != i18n.SOURCE:
            other = (self.raw.get("translations", {}).get(lang, {}).get("periods") or {}).get(period.season)
            if other:
                return Text(other, lang)
        return Text(period.note, "en") if period.note else None

    def offers_credit(self, flag: str) -> bool:
        """Whether the listing offers academic_credit or college_credit, said with the flag or with a credit of
        the matching kind, so that listings written either way filter alike."""
        return self.section("outcomes").get(flag) is True or any(CREDIT_FLAGS.get(c.kind) == flag for c in self.credits)

    def evaluation_criteria(self, lang: str) -> tuple[Text, ...]:
        """quality.evaluation.criteria in a language: the translated list when it pairs with the English."""
        english = (self.section("quality").get("evaluation") or {}).get("criteria") or ()
        if lang != i18n.SOURCE:
            other = (self.raw.get("translations", {}).get(lang, {}).get("evaluation") or {}).get("criteria") or ()
            if len(other) == len(english):
                return tuple(Text(str(o), lang) if o else Text(str(e), "en") for o, e in zip(other, english, strict=True))
        return tuple(Text(str(e), "en") for e in english)

    def evidence_text(self, key: str, lang: str) -> Text | None:
        """A line of quality evidence with its translation: `coordinator`, `mentor_training`, or `when` (of
        quality.evaluation, translated under translations.<lang>.evaluation)."""
        quality = self.section("quality")
        nested = key == "when"
        source = (quality.get("evaluation") or {}) if nested else quality
        if lang != i18n.SOURCE:
            texts = self.raw.get("translations", {}).get(lang, {})
            other = ((texts.get("evaluation") or {}) if nested else texts).get(key)
            if other:
                return Text(str(other), lang)
        value = source.get(key)
        return Text(str(value), "en") if value else None

    def text_in(self, section: str, key: str, lang: str) -> Text | None:
        """A nested field (such as application.how) with its translation."""
        if lang != i18n.SOURCE:
            other = self.raw.get("translations", {}).get(lang, {}).get(key)
            if other:
                return Text(other, lang)
        value = self.section(section).get(key)
        return Text(value, "en") if value else None

    @property
    def url(self) -> str:
        return f"opportunities/{self.id}/"

    @property
    def is_paid(self) -> bool:
        return self.pay_type in ("paid", "stipend")

    @property
    def one_day(self) -> bool:
        """An event on one day (a talk, a shadow day): its page and calendar show the day once."""
        return self.start is not None and self.end == self.start

    @property
    def application_mode(self) -> str:
        """How people take part: apply (the default), central, lottery, interest-form, paper, class-registration, none."""
        return str(self.section("application").get("mode", "apply"))

    def endorsement_tier(self, ident: str) -> str | None:
        """The tier of an endorsement the listing names with one (outcomes.endorsements: {id, tier})."""
        return next((tier for e, tier in self.endorsement_tiers if e == ident), None)

    @property
    def employer_of_record_varies(self) -> bool:
        """The employer of record is whichever of several organizations, or the provider, enrolls the student."""
        return not self.employer_of_record and bool(self.employers_of_record or self.employer_of_record_provider)

    @property
    def results_by(self) -> dt.date | None:
        """The date applicants hear back: the lottery is drawn, or decisions are sent (application.results_by)."""
        value = self.section("application").get("results_by")
        try:
            return dt.date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    @property
    def waitlist(self) -> bool:
        return self.section("application").get("waitlist") is True

    @property
    def dates_expected(self) -> bool:
        """Applications open later, on dates not announced yet: application.expected says when they usually open."""
        return bool(self.section("application").get("expected"))

    @property
    def hourly(self) -> float | None:
        """Hourly wage when stated per hour, for the minimum-wage filter and sorting."""
        return self.pay_amount if self.pay_type == "paid" and self.pay_unit == "hour" else None

    def days_left(self, today: dt.date) -> int | None:
        return (self.deadline - today).days if self.deadline and self.deadline >= today else None

    def section(self, key: str) -> Mapping[str, Any]:
        value = self.raw.get(key)
        return value if isinstance(value, Mapping) else {}


@dataclass(frozen=True, slots=True)
class Step:
    kind: str
    name: str
    format: str | None
    grade_min: int | None
    grade_max: int | None
    note: str


@dataclass(frozen=True, slots=True)
class Pathway:
    id: str
    path: str
    name: str
    sector: str  # sector id
    example: bool
    stages: Mapping[str, tuple[str, tuple[Step, ...]]]  # stage -> (summary, steps)
    occupations: tuple[Mapping[str, Any], ...]
    last_reviewed: dt.date
    raw: Mapping[str, Any]
    opportunity_ids: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # by stage

    def text(self, key: str, lang: str) -> Text | None:
        return _translated(self.raw, key, lang)


@dataclass(frozen=True, slots=True)
class Retired:
    id: str
    reason: str
    title: str
    date: dt.date | None
    replaced_by: str | None


@dataclass(frozen=True, slots=True)
class Catalog:
    """The whole catalog, as of one date."""

    today: dt.date
    organizations: Mapping[str, Organization]
    opportunities: Mapping[str, Opportunity]
    pathways: Mapping[str, Pathway]
    rubrics: Mapping[str, Rubric]
    vocabularies: Vocabularies
    retired: Mapping[str, Retired]
    logos: Mapping[str, str]  # org id -> logo path on disk
    langs: tuple[str, ...] = LANGS  # the languages of the site, English (at the root) first

    def org_of(self, opp: Opportunity) -> Organization:
        return self.organizations[opp.org_id]

    def opportunities_of(self, org_id: str) -> list[Opportunity]:
        return [self.opportunities[i] for i in self.organizations[org_id].opportunity_ids]
