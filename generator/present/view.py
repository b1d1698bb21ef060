"""What templates see: links, labels and formatted facts, per language."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import yaml
from markupsafe import Markup, escape

from generator import i18n
from generator.model import Catalog, Opportunity, Text
from generator.present import qr
from generator.sanitize import render_markdown, safe_url

PAGE_SIZE = 100


def lang_prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def _relative(full: str, here_parts: list[str]) -> str:
    """posixpath.relpath("/" + full, "/" + here), without its normalizing: a page prints hundreds of links."""
    parts = [part for part in full.split("/") if part]
    if "." in parts or ".." in parts:
        return posixpath.relpath("/" + "/".join(parts), "/" + "/".join(here_parts))
    common = 0
    for mine, theirs in zip(here_parts, parts, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(here_parts) - common) + parts[common:]) or "."


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes and what it holds."""

    src_uri: str  # e.g. es/opportunities/acme/x/index.md
    url: str  # e.g. es/opportunities/acme/x/
    meta: dict[str, Any]  # front matter: title, description, lang, alternate, ...
    body: str  # one block of HTML
    lang: str
    kind: str
    record_id: str = ""
    path: str = ""  # language-neutral, e.g. opportunities/acme/x/

    @property
    def front(self) -> str:
        """The front matter as YAML, without the --- lines."""
        return yaml.safe_dump(self.meta, allow_unicode=True, sort_keys=True)

    @property
    def content(self) -> str:
        """The page as a Markdown file with front matter, for any static-site engine."""
        return f"---\n{self.front}---\n\n{self.body}\n"


def published_path(org_id: str, disk_path: str) -> str:
    """Where an organization's logo is served: beside its English page, one file for both languages."""
    return f"employers/{org_id}/{Path(disk_path).name}"


class View:
    """Helpers bound to one page's language and location."""

    def __init__(self, catalog: Catalog, lang: str, path: str, site_url: str = "") -> None:
        self.catalog = catalog
        self.lang = lang
        self.other = "es" if lang == "en" else "en"
        self.path = path  # language-neutral path of this page, e.g. opportunities/acme/x/
        self.here = lang_prefix(lang) + path
        self.here_parts = [part for part in self.here.split("/") if part]
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.today: dt.date = catalog.today

    # -- links ---------------------------------------------------------

    def link(self, target: str, lang: str | None = None, query: dict[str, Any] | None = None) -> str:
        """Relative link from this page to a language-neutral path."""
        full = lang_prefix(lang or self.lang) + target
        rel = _relative(full, self.here_parts)
        if full.endswith("/") or full == "":
            rel = rel.rstrip("/") + "/" if rel != "." else "./"
        if rel.startswith("./") and len(rel) > 2:
            rel = rel[2:]
        if query:
            rel += "?" + urlencode(query, doseq=True)
        return rel

    def asset(self, name: str) -> str:
        return self.link(name, lang="en")

    def logo(self, org_id: str) -> str | None:
        """Link to an organization's published logo (one file for both languages), or None."""
        path = self.catalog.logos.get(org_id)
        return self.asset(published_path(org_id, path)) if path else None

    def absolute(self, target: str, lang: str | None = None) -> str:
        return self.site_url + lang_prefix(lang or self.lang) + target

    # -- text ----------------------------------------------------------

    def t(self, key: str, **values: Any) -> str:
        return i18n.t(key, self.lang, **values)

    def text(self, value: Text | None) -> Markup:
        """Contributor text, marked as English when the Spanish is missing."""
        if value is None:
            return Markup("")
        if value.lang != self.lang:
            return Markup(f'<span lang="{escape(value.lang)}">{escape(value.value)}</span>')
        return escape(value.value)

    def en(self, value: Any) -> Markup:
        """Contributor text that has no translation field (always English): marked `lang="en"` on other pages."""
        if value is None or value == "":
            return Markup("")
        if self.lang == "en":
            return escape(value)
        return Markup(f'<span lang="en">{escape(value)}</span>')

    def pick(self, english: str, spanish: str | None) -> Markup:
        """A value with an optional Spanish twin (rubric names, descriptors): the English one is marked as such."""
        if self.lang == "es" and spanish:
            return escape(spanish)
        return self.en(english)

    def transit(self, opp: Opportunity, site: Any) -> Markup:
        """A site's transit note; on Spanish pages the listing's Spanish transit note when it has one."""
        if not site.transit:
            return Markup("")
        if self.lang != "en":
            other = opp.text_in("sites", "transit", self.lang)
            if other is not None and other.lang == self.lang:
                return escape(other.value)
        return self.en(site.transit)

    def markdown(self, value: Text | None) -> Markup:
        if value is None:
            return Markup("")
        html = render_markdown(value.value)
        if value.lang != self.lang:
            return Markup(f'<div lang="{value.lang}">{html}</div>')
        return Markup(html)

    def plain(self, value: Text | None) -> str:
        return value.value if value else ""

    def vocab(self, name: str, ident: str) -> str:
        item = self.catalog.vocabularies.get(name, ident)
        return item.label(self.lang) if item else ident

    def vocab_explain(self, name: str, ident: str) -> str:
        item = self.catalog.vocabularies.get(name, ident)
        return item.explain(self.lang) if item else ""

    def sector_name(self, ident: str) -> str:
        return self.vocab("sectors", ident)

    def stage_name(self, stage: str) -> str:
        return self.t(stage) if stage != "training" else ("Career training" if self.lang == "en" else "Capacitarse en el trabajo")

    def money(self, amount: float) -> str:
        return i18n.money(amount, self.lang)

    def date(self, value: dt.date | None, style: str = "long") -> str:
        return i18n.date(value, self.lang, style)

    def number(self, value: float) -> str:
        return i18n.number(value, self.lang)

    def safe_url(self, url: str | None) -> str | None:
        return safe_url(url)

    def qr_svg(self, target: str) -> Markup:
        """A QR code of the page's permanent address, as inline SVG (for printed flyers)."""
        return Markup(qr.svg(self.absolute(target)))

    def mailto(self, email: str | None) -> str | None:
        return "mailto:" + quote(email, safe="@.+-_") if email else None

    # -- opportunity facts --------------------------------------------

    def pay(self, opp: Opportunity) -> str:
        if opp.pay_type == "unpaid":
            return self.t("unpaid")
        label = self.t(opp.pay_type)
        if opp.pay_amount is None:
            return f"{label} ({self.t('amount_not_published')})"
        amount = self.money(opp.pay_amount)
        if opp.pay_amount_max:
            amount += "–" + self.money(opp.pay_amount_max)
        return f"{label}: {amount} {self.t('per_' + (opp.pay_unit or 'total'))}"

    def grades(self, opp: Opportunity) -> str:
        if opp.grade_min == opp.grade_max:
            return self.t("grade_one", min=opp.grade_min)
        return self.t("grade_range", min=opp.grade_min, max=opp.grade_max)

    def ages(self, opp: Opportunity) -> str:
        if opp.age_min is not None and opp.age_max is not None:
            return f"{self.t('ages')} {opp.age_min}–{opp.age_max}"
        if opp.age_min is not None:
            return self.t("age_min_only", min=opp.age_min)
        if opp.age_max is not None:
            return self.t("age_max_only", max=opp.age_max)
        return ""

    def status_key(self, opp: Opportunity) -> str:
        if opp.status == "open" and opp.opens and opp.opens > self.today:
            return "upcoming"
        return opp.status

    def status(self, opp: Opportunity) -> str:
        return self.t("status_" + self.status_key(opp))

    def deadline(self, opp: Opportunity) -> str:
        if opp.rolling:
            return self.t("rolling")
        if not opp.deadline:
            return ""
        text = self.date(opp.deadline)
        left = opp.days_left(self.today)
        if left is None:
            return f"{text} ({self.t('deadline_passed')})"
        if left == 0:
            return f"{text} ({self.t('last_day')})"
        if left == 1:
            return f"{text} ({self.t('day_left')})"
        return f"{text} ({self.t('days_left', n=left)})"

    def where(self, opp: Opportunity) -> str:
        cities = []
        for site in opp.sites:
            label = self.t("remote") if site.mode == "remote" else site.city
            if label not in cities:
                cities.append(label)
        return ", ".join(cities[:3]) + (f" +{len(cities) - 3}" if len(cities) > 3 else "")

    def map_link(self, site: Any) -> str:
        if site.lat is not None and site.lon is not None:
            return f"https://www.openstreetmap.org/?mlat={site.lat}&mlon={site.lon}#map=16/{site.lat}/{site.lon}"
        query = ", ".join(p for p in (site.address, site.city, site.zip, "CA") if p)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})

    def org_name(self, org_id: str) -> Markup:
        org = self.catalog.organizations.get(org_id)
        return self.text(org.text("name", self.lang)) if org else Markup(org_id)

    def card_opps(self, ids: list[str] | tuple[str, ...]) -> list[Opportunity]:
        """Opportunities for a list: open first, then by deadline and title."""
        opps = [self.catalog.opportunities[i] for i in ids if i in self.catalog.opportunities]
        order = {"open": 0, "closed": 1, "archived": 2}
        return sorted(opps, key=lambda o: (order[o.status], o.deadline or dt.date.max, o.title))
