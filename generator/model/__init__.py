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

    def items(self, name: str) -> tuple[VocabItem, ...]:
        return self.lists.get(name, ())

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
    city: str
    mode: str
    address: str = ""
    zip: str = ""
    area: str = ""
    lat: float | None = None
    lon: float | None = None
    transit: str = ""


@dataclass(frozen=True, slots=True)
class Assessment:
    criterion: str
    level: str
    rank: int
    evidence: str


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

    def text(self, key: str, lang: str) -> Text | None:
        return _translated(self.raw, key, lang)


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
    employer_of_record: str  # an organization id
    intermediary: str | None
    rubric: str | None
    assessment: tuple[Assessment, ...]
    signals: tuple[str, ...]
    former_ids: tuple[str, ...]
    raw: Mapping[str, Any]

    def text(self, key: str, lang: str) -> Text | None:
        return _translated(self.raw, key, lang)

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
    def application_mode(self) -> str:
        """How people take part: apply (the default), central, lottery, interest-form, paper, class-registration, none."""
        return str(self.section("application").get("mode", "apply"))

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
