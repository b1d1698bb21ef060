"""Typed, immutable records of the catalog, with relations resolved both ways."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

STAGES = ("awareness", "exploration", "preparation", "training")
LANGS = ("en", "es")


@dataclass(frozen=True, slots=True)
class Text:
    """Contributor text in one language, and the language it is really in."""

    value: str
    lang: str


def _translated(raw: Mapping[str, Any], key: str, lang: str) -> Text | None:
    if lang != "en":
        other = raw.get("translations", {}).get(lang, {}).get(key)
        if other:
            return Text(other, lang)
    value = raw.get(key)
    return Text(value, "en") if value else None


@dataclass(frozen=True, slots=True)
class VocabItem:
    id: str
    name: str
    name_es: str
    description: str = ""
    description_es: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        return self.name_es if lang == "es" else self.name

    def explain(self, lang: str) -> str:
        return (self.description_es or self.description) if lang == "es" else self.description


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
    name_es: str
    description: str
    description_es: str


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    name: str
    name_es: str
    description: str
    description_es: str
    descriptors: Mapping[str, str]
    descriptors_es: Mapping[str, str]


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
    grade_min: int
    grade_max: int
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
        if lang != "en":
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

    def org_of(self, opp: Opportunity) -> Organization:
        return self.organizations[opp.org_id]

    def opportunities_of(self, org_id: str) -> list[Opportunity]:
        return [self.opportunities[i] for i in self.organizations[org_id].opportunity_ids]
