"""What templates see: links, labels and formatted facts, per language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import yaml
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from generator import i18n
from generator.model import Catalog, Opportunity, Organization, Text, Verification, in_language, review
from generator.model import status as status_rules
from generator.present import qr, reminder, repository
from generator.present.repository import Repository
from generator.sanitize import render_markdown, safe_url

PAGE_SIZE = 100

# The status text of an open listing that takes no applications from students (status keys stay the same).
STATUS_BY_MODE = status_rules.LABEL_BY_MODE

# The words of `rolling: true` by application mode: a teacher registers a class rather than applying, and where
# nobody applies ("none") "apply any time" would send families looking for a form, so nothing is said.
ROLLING_BY_MODE = {"none": "", "class-registration": "rolling_register_class"}


def lang_prefix(lang: str) -> str:
    return "" if lang == i18n.SOURCE else f"{lang}/"


def alternates(langs: tuple[str, ...], lang: str, path: str) -> dict[str, str]:
    """The same page in each other language of the site: {language: path}."""
    return {other: lang_prefix(other) + path for other in langs if other != lang}


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

    def __init__(self, catalog: Catalog, lang: str, path: str, site_url: str = "", repository: Repository | None = None) -> None:
        self.catalog = catalog
        self.repository = repository  # mkdocs.yml's repo_url and edit_uri; None: no edit or report links
        self.lang = lang
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

    def edit_url(self, record: Opportunity | Organization) -> str | None:
        """GitHub's editor on the record's file, or None without a repository."""
        if self.repository is None:
            return None
        if isinstance(record, Opportunity):
            return self.repository.edit_url(repository.listing_file(record.org_id, record.slug))
        return self.repository.edit_url(repository.organization_file(record.id))

    def report_url(self, record: Opportunity | Organization) -> str | None:
        """The report form with the record's id (and its page's permanent address) filled in, or None."""
        if self.repository is None:
            return None
        return self.repository.report_url(record.id, self.absolute(self.path) if self.site_url else "")

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

    def html(self, key: str, **values: Any) -> Markup:
        """Interface text that holds markup (links, code): the catalog's text is trusted, the values are escaped."""
        return Markup(i18n.t(key, self.lang)).format(**values)

    def code(self, text: str) -> Markup:
        """Interface text with `backticks` around literal values (parameters, file values), shown as code."""
        parts = str(escape(text)).split("`")
        return Markup("".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts)))

    def text(self, value: Text | None) -> Markup:
        """Contributor text, marked as English when the Spanish is missing."""
        if value is None:
            return Markup("")
        if value.lang != self.lang:
            return Markup(f'<span lang="{escape(value.lang)}">{escape(value.value)}</span>')
        return escape(value.value)

    def untranslated_note(self, record: Any) -> str:
        """What a page in another language says above a listing or organization its contributor did not translate:
        that the page is in English, or that parts of it are; "" when everything it gives is in the page's
        language. Said in words because `lang="en"` alone tells a screen reader, not a reader, why."""
        if isinstance(record, Opportunity):
            texts = [record.text(k, self.lang) for k in ("title", "summary", "description")]
            texts += [record.text_in("application", "how", self.lang), record.text_in("eligibility", "who", self.lang)]
        else:
            texts = [record.text(k, self.lang) for k in ("summary", "description")]
        english = [t for t in texts if t is not None and t.lang != self.lang]
        if not english:
            return ""
        if len(english) < len([t for t in texts if t is not None]):
            return self.t("i18n_untranslated_part")
        if isinstance(record, Opportunity):
            return self.t("i18n_untranslated_listing")
        return self.t("i18n_untranslated_organization")

    def en(self, value: Any) -> Markup:
        """Contributor text that has no translation field (always English): marked `lang="en"` on other pages."""
        if value is None or value == "":
            return Markup("")
        if self.lang == i18n.SOURCE:
            return escape(value)
        return Markup(f'<span lang="en">{escape(value)}</span>')

    def pick(self, english: str, translations: Mapping[str, str] | None) -> Markup:
        """A value with optional translations by language (rubric names, descriptors): English is marked as such."""
        other = (translations or {}).get(self.lang)
        return escape(other) if other else self.en(english)

    def transit(self, opp: Opportunity, site: Any) -> Markup:
        """A site's transit note; on Spanish pages the listing's Spanish transit note when it has one."""
        if not site.transit:
            return Markup("")
        if self.lang != i18n.SOURCE:
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
        # "training" alone is already the key of a listing's training support.
        return self.t("career_training" if stage == "training" else stage)

    def money(self, amount: float) -> str:
        return i18n.money(amount, self.lang)

    def date(self, value: dt.date | None, style: str = "long") -> str:
        return i18n.date(value, self.lang, style)

    def number(self, value: float) -> str:
        return i18n.number(value, self.lang)

    def percent(self, value: float) -> str:
        return i18n.percent(value, self.lang)

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
        if opp.pay_type == "free":
            return self.t("listing_pay_free")
        if opp.pay_type == "fee":
            # The amount of a fee is what the family pays, so it reads as a cost, not as pay.
            if opp.pay_amount is None:
                return f"{self.t('listing_pay_fee')} ({self.t('amount_not_published')})"
            cost = self.money(opp.pay_amount)
            if opp.pay_amount_max:
                cost += "–" + self.money(opp.pay_amount_max)
            return self.t("listing_pay_costs", amount=cost, unit=self.t("per_" + (opp.pay_unit or "total")))
        label = self.t(opp.pay_type)
        if opp.pay_amount is None:
            return f"{label} ({self.t('amount_not_published')})"
        amount = self.money(opp.pay_amount)
        if opp.pay_amount_max:
            amount += "–" + self.money(opp.pay_amount_max)
        return f"{label}: {amount} {self.t('per_' + (opp.pay_unit or 'total'))}"

    def pay_notes(self, opp: Opportunity) -> list[Markup]:
        """What the pay fact says below the amount: when a stipend is paid, aid for a fee, who pays, the note."""
        pay = opp.section("pay")
        notes: list[Markup] = []
        if opp.pay_steps:
            notes.append(escape(self.pay_steps(opp)))
        if opp.pay_type == "stipend" and pay.get("on_completion"):
            notes.append(escape(self.t("listing_pay_on_completion")))
        if opp.pay_type == "fee" and pay.get("aid"):
            notes.append(escape(self.t("listing_pay_aid")))
        # The funder's and the payer's names sit inside the messages' own markup, so that each piece of the
        # sentence stays one text node of the page (the pseudo-locale test reads them so).
        if pay.get("funded_by"):
            notes.append(self.html("listing_pay_funded_through", funder=self.text(opp.text_in("pay", "funded_by", self.lang))))
        payer = pay.get("paid_by")
        org_id = opp.org_id if payer == "self" else payer
        # The listing's own organization is named and linked at the top of the page: only another payer is news.
        if org_id and org_id != opp.org_id and opp.is_paid and org_id in self.catalog.organizations:
            link = self.link(f"employers/{org_id}/")
            notes.append(self.html("listing_pay_paid_by_link", link=link, organization=self.org_name(org_id)))
        if pay.get("note"):
            # Anything else about pay: a detail, set smaller so that the facts before the apply button stay short.
            notes.append(Markup("<small>{}</small>").format(self.text(opp.text_in("pay", "note", self.lang))))
        return notes

    def pay_steps(self, opp: Opportunity) -> str:
        """Pay by year of a multi-year program: Year 1: $18.00 per hour · Year 2: $19.50 · Year 3: $21.00."""
        unit = self.t("per_" + (opp.pay_unit or "total"))
        return " · ".join(
            self.t("wage_steps_year", year=step.year, amount=self.money(step.amount) + (f" {unit}" if not i else ""))
            for i, step in enumerate(opp.pay_steps)
        )

    def windows(self, opp: Opportunity) -> str:
        """Every application window of a listing that has several: Jan 11 – Mar 1, 2027; Jun 1 – Jul 15, 2027."""
        return "; ".join(i18n.date_range(w.opens, w.deadline, self.lang) for w in opp.windows)

    def employer_roles(self, opp: Opportunity) -> list[Markup]:
        """The ways an employer can take part, one line each: the way, a sponsor's amount, the note."""
        lines = []
        for role in opp.employer_roles:
            line = Markup("<strong>{}</strong>").format(self.t("employer_roles_way_" + role.way))
            if role.amount is not None:
                line += Markup(" ({})").format(self.t("employer_roles_amount", amount=self.money(role.amount)))
            note = opp.role_note(role, self.lang)
            if note is not None:
                line += Markup(": {}").format(self.text(note))
            lines.append(line)
        return lines

    def who_lines(self, opp: Opportunity) -> list[Markup]:
        """Who can apply, one line each: grades and ages, school status, groups it is only for, then schools,
        residency, priority groups, GPA and the contributor's own words."""
        return self.who_summary(opp) + self.who_details(opp)

    def who_summary(self, opp: Opportunity) -> list[Markup]:
        """The lines that decide at a glance whether a young person can apply: shown with the page's first facts."""
        elig = opp.section("eligibility")
        lines: list[Markup] = []
        first = " · ".join(part for part in (self.grades(opp), self.ages(opp)) if part)
        if first:
            lines.append(escape(first))
        school = [escape(self.t("listing_school_" + s.replace("-", "_"))) for s in elig.get("status", ())]
        if school:
            lines.append(Markup("{}: {}").format(self.t("listing_school_status"), Markup(", ").join(school)))
        populations = [escape(self.vocab("populations", p)) for p in elig.get("populations", ())]
        if populations:
            lines.append(Markup("{}: {}").format(self.t("listing_populations"), Markup(", ").join(populations)))
        return lines

    def who_details(self, opp: Opportunity) -> list[Markup]:
        """The other conditions, shown with how to apply so that the first facts fit a phone's screen."""
        elig = opp.section("eligibility")
        lines: list[Markup] = []

        def labelled(key: str, values: list[Markup]) -> None:
            if values:
                lines.append(Markup("{}: {}").format(self.t(key), Markup(", ").join(values)))

        labelled("listing_schools", [self.en(s) for s in elig.get("schools", ())])
        if elig.get("residency"):
            labelled("listing_residency", [self.text(opp.text_in("eligibility", "residency", self.lang))])
        labelled("listing_priority", [escape(self.vocab("populations", p)) for p in elig.get("priority", ())])
        if elig.get("min_gpa") is not None:
            labelled("listing_min_gpa", [escape(self.gpa(elig["min_gpa"]))])
        if elig.get("who"):
            lines.append(self.text(opp.text_in("eligibility", "who", self.lang)))
        return lines

    def gpa(self, value: float) -> str:
        """A grade point average as schools write it, with at least one decimal (2.0, 2.75)."""
        return format_decimal(value, format="0.0#", locale=i18n.locale(self.lang))

    def tn(self, key: str, count: float, **values: Any) -> str:
        """Interface text whose words follow a count ("1 college unit", "3 college units")."""
        return i18n.tn(key, count, self.lang, **values)

    def credits(self, opp: Opportunity) -> list[Markup]:
        """Each credit a listing earns, with its amount in words that follow the count, and who grants it."""
        lines: list[Markup] = []
        for credit in opp.credits:
            amount = self.tn("outcomes_credits_" + credit.kind.replace("-", "_"), credit.amount)
            if credit.source:
                lines.append(self.html("outcomes_credit_from", credit=amount, source=self.en(credit.source)))
            else:
                lines.append(escape(amount))
        return lines

    def endorsements(self, opp: Opportunity) -> list[Markup]:
        """Each endorsement or badge a listing leads to: its name, linked to its page, and who awards it."""
        lines: list[Markup] = []
        for ident in opp.endorsements:
            item = self.catalog.vocabularies.get("endorsements", ident)
            if item is None:  # the check reports it; a page never names what it cannot explain
                continue
            name = escape(item.label(self.lang))
            tier = self.endorsement_tier(item.extra.get("tiers"), opp.endorsement_tier(ident))
            if tier:
                name = escape(self.t("outcomes_endorsement_tier", name=item.label(self.lang), tier=tier))
            url = safe_url(item.extra.get("url"))
            badge = Markup('<a href="{}" rel="noopener">{}</a>').format(url, name) if url else name
            line = Markup('<strong class="wbl-badge wbl-badge--endorsement">{}</strong>').format(badge)
            awarded = item.extra.get("awarded_by_" + self.lang) if self.lang != i18n.SOURCE else None
            by = escape(awarded) if awarded else self.en(item.extra.get("awarded_by"))
            if by:
                line += Markup(" — ") + self.html("outcomes_endorsement_awarded_by", awarded_by=by)
            lines.append(line)
        return lines

    def endorsement_tier(self, tiers: Any, ident: str | None) -> str:
        """A tier's name in the page's language (endorsements.yml `tiers`), "" when the listing names none."""
        for tier in tiers or ():
            if ident and tier.get("id") == ident:
                names = {key.removeprefix("name_"): str(v) for key, v in tier.items() if key.startswith("name_")}
                return in_language(self.lang, str(tier.get("name", ident)), names)
        return ""

    def employer_of_record(self, opp: Opportunity) -> list[Markup]:
        """Who puts the student on payroll: the organization, linked; or, when it is whoever enrolls the student,
        the organizations that may, the youth-services provider, and the listing's note."""

        def linked(org_id: str) -> Markup:
            return Markup('<a href="{}">{}</a>').format(self.link(f"employers/{org_id}/"), self.org_name(org_id))

        if opp.employer_of_record:
            return [linked(opp.employer_of_record)]
        orgs = Markup(", ").join(linked(o) for o in opp.employers_of_record)
        if orgs and opp.employer_of_record_provider:
            lines = [self.html("eor_one_of_or_provider", orgs=orgs)]
        elif orgs:
            lines = [self.html("eor_one_of", orgs=orgs)]
        else:
            lines = [escape(self.t("eor_provider"))]
        note = opp.text("employer_of_record_note", self.lang)
        if note:
            lines.append(self.text(note))
        return lines

    # The most programs an organization's page lists as employer of record, as pages list at most about 100.
    PAYROLL_LIMIT = 100

    def payroll(self, org: Organization) -> list[Markup]:
        """Other organizations' programs this organization is employer of record for, open first: each linked, with
        whose program it is and whether this organization is the employer of record alone or one of several
        (whichever enrolls the student)."""
        rows: list[Markup] = []
        for key, ids in (("org_payroll_alone", org.employer_of_record_for), ("org_payroll_among", org.employer_of_record_among)):
            for opp in self.card_opps(ids):
                program = Markup('<a href="{}">{}</a>').format(self.link(opp.url), self.text(opp.text("title", self.lang)))
                owner = Markup('<a href="{}">{}</a>').format(self.link(f"employers/{opp.org_id}/"), self.org_name(opp.org_id))
                rows.append(self.html(key, program=program, org=owner))
        return rows

    def results(self, opp: Opportunity) -> list[str]:
        """When applicants hear back (the lottery drawn, or decisions sent) and whether there is a waitlist."""
        lines = []
        if opp.results_by:
            key = "listing_results_lottery" if opp.application_mode == "lottery" else "listing_results_decisions"
            lines.append(self.t(key, date=self.date(opp.results_by)))
        if opp.waitlist:
            lines.append(self.t("listing_waitlist"))
        return lines

    def quality_evidence(self, opp: Opportunity) -> list[Markup]:
        """How a program checks its own quality (quality.evaluation, coordinator, handbook, mentor_training),
        one labelled line each, in the order a counselor asks."""
        quality = opp.section("quality")
        lines: list[Markup] = []
        criteria = [self.text(c) for c in opp.evaluation_criteria(self.lang)]
        if criteria:
            lines.append(Markup("{}: {}").format(self.t("quality_evaluation_criteria"), Markup(", ").join(criteria)))
        when = opp.evidence_text("when", self.lang)
        if when:
            lines.append(Markup("{}: {}").format(self.t("quality_evaluation_when"), self.text(when)))
        for key in ("coordinator", "mentor_training"):
            value = opp.evidence_text(key, self.lang)
            if value:
                lines.append(Markup("{}: {}").format(self.t("quality_" + key), self.text(value)))
        handbook = safe_url(quality.get("handbook"))
        if handbook:
            lines.append(Markup('<a href="{}" rel="nofollow noopener">{}</a>').format(handbook, self.t("quality_handbook")))
        return lines

    def needs(self, opp: Opportunity) -> list[str]:
        """What an applicant must have or do before starting (eligibility.needs), as labels."""
        return [self.t("listing_need_" + n.replace("-", "_")) for n in opp.section("eligibility").get("needs", ())]

    def grades(self, opp: Opportunity) -> str:
        if opp.grade_min is None:
            return ""
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

    def tracks_span(self, opp: Opportunity) -> Opportunity:
        """A listing with tracks as its first facts describe it: the grades and ages of all its tracks, from
        the lowest to the highest, so that grades() and ages() word the range as they word one listing's."""
        if not opp.track_facts:
            return opp

        def bound(values: list[int | None], pick: Any) -> int | None:
            given = [v for v in values if v is not None]
            return pick(given) if given else None

        rows = opp.track_facts
        return dataclasses.replace(
            opp,
            grade_min=bound([r.grade_min for r in rows], min),
            grade_max=bound([r.grade_max for r in rows], max),
            age_min=bound([r.age_min for r in rows], min),
            age_max=bound([r.age_max for r in rows], max),
        )

    def tracks_pay(self, opp: Opportunity) -> str:
        """The pay of each track, each said once, as pay() says a listing's; one pay when all tracks share it."""
        pays = list(dict.fromkeys(self.pay(row) for row in opp.track_facts))
        return pays[0] if len(pays) == 1 else self.t("tracks_pay_by_track", pays="; ".join(pays))

    def when_lines(self, opp: Opportunity) -> list[Markup]:
        """When, in a few short lines for the page's first facts: the dates (a one-day event with its times,
        its day said once), the days and times it meets, how long and how many hours, then the contributor's
        own words."""
        sched, s = opp.section("schedule"), opp.schedule
        lines: list[Markup] = []
        if opp.one_day and opp.start and s.time_from and s.time_to:
            lines.append(escape(i18n.day_and_times(opp.start, s.time_from, s.time_to, self.lang)))
        elif s.dates:
            # Listed days: each named, then the time of day once.
            times = [i18n.time_range(s.time_from, s.time_to, self.lang)] if s.time_from and s.time_to else []
            lines.append(escape(" · ".join([i18n.day_list(s.dates, self.lang), *times])))
        elif opp.start:
            until = f" – {self.date(opp.end, 'medium')}" if opp.end and opp.end != opp.start else ""
            lines.append(escape(self.date(opp.start, "medium") + until))
        elif sched.get("season"):
            lines.append(escape(self.vocab("seasons", sched["season"])))
        for parts in (self.meets(opp), self.length(opp)):
            if parts:
                lines.append(escape(" · ".join(parts)))
        lines.extend(self.period_lines(opp))
        if sched.get("times"):
            lines.append(self.text(opp.text_in("schedule", "times", self.lang)))
        return lines

    def period_lines(self, opp: Opportunity) -> list[Markup]:
        """One line per part of the year with its own hours (schedule.periods):
        School year: 8–10 hours a week, Tue and Thu, 3:30 – 6:00 PM, then the period's note."""
        lines: list[Markup] = []
        for period in opp.schedule.periods:
            facts = [self.t("hours_week", n=self.span(period.hours_per_week, period.hours_per_week_max))]
            if period.days:
                facts.append(i18n.weekdays(period.days, self.lang, "abbreviated"))
            if period.time_from and period.time_to:
                facts.append(i18n.time_range(period.time_from, period.time_to, self.lang))
            line = escape(self.t("time_periods_line", season=self.vocab("seasons", period.season), facts=", ".join(facts)))
            note = opp.period_note(period, self.lang)
            if note:
                line += Markup(" · ") + self.text(note)
            lines.append(line)
        return lines

    def meets(self, opp: Opportunity) -> list[str]:
        """The days and times it meets, and how many times: Every Saturday · 9:00 AM – 1:00 PM · 6 sessions.
        A one-day event's times are already beside its date."""
        s = opp.schedule
        parts: list[str] = []
        if s.days:
            parts.append(self.t("listing_time_every", days=i18n.weekdays(s.days, self.lang)))
        if s.time_from and s.time_to and not opp.one_day and not s.dates:
            parts.append(i18n.time_range(s.time_from, s.time_to, self.lang))
        if s.sessions:
            parts.append(
                self.t("listing_time_session_one")
                if s.sessions == 1
                else self.t("listing_time_sessions", n=self.number(s.sessions))
            )
        return parts

    def length(self, opp: Opportunity) -> list[str]:
        """Hours a week, weeks and hours in all, each a number or a range: 20–25 hours a week · 6–8 weeks."""
        s = opp.schedule
        parts: list[str] = []
        if s.hours_per_week:
            parts.append(self.t("hours_week", n=self.span(s.hours_per_week, s.hours_per_week_max)))
        if s.weeks:
            one = s.weeks == 1 and not s.weeks_max
            parts.append(self.t("listing_time_week_one") if one else self.t("weeks", n=self.span(s.weeks, s.weeks_max)))
        if s.total_hours:
            one = s.total_hours == 1 and not s.total_hours_max
            total = self.span(s.total_hours, s.total_hours_max)
            if s.total_hours_at_least:
                parts.append(self.t("listing_time_total_hours_at_least", n=total))
            else:
                parts.append(self.t("listing_time_hour_one") if one else self.t("listing_time_total_hours", n=total))
        return parts

    def span(self, low: float, high: float | None) -> str:
        """A number, or a range of two when the second is larger: 6–8."""
        return self.number(low) + (f"–{self.number(high)}" if high is not None and high > low else "")

    def status_key(self, opp: Opportunity) -> str:
        """open, upcoming, closed or archived today (generator.model.status, the one definition)."""
        return status_rules.status_on(opp, self.today)

    def browse_status_key(self, opp: Opportunity) -> str:
        """The listing's value in the browse page's status filter (generator.model.status.browse_status)."""
        return status_rules.browse_status(opp, self.today, self.review_limit)

    @functools.cached_property
    def review_limit(self) -> int:
        return status_rules.review_limit(self.catalog)

    def not_reviewed_since(self, opp: Opportunity) -> str:
        """The words "Not reviewed since <date>" for a listing whose last review is older than the region's limit, else ""."""
        if not status_rules.not_reviewed(opp, self.today, self.review_limit):
            return ""
        return self.t("trust_not_reviewed_since", date=self.date(opp.last_reviewed))

    def verification(self, org_id: str) -> Verification | None:
        """The organization's verification, when it names a verifier of the region and its day has come."""
        org = self.catalog.organizations.get(org_id)
        verifiers = (item.id for item in self.catalog.vocabularies.items("verifiers"))
        return review.standing(org.verification if org else None, self.today, verifiers)

    def verification_html(self, org_id: str) -> Markup:
        """The words "Verified by <verifier> on <date>", linked to the public record checked, or "Not yet verified"."""
        found = self.verification(org_id)
        if found is None:
            return Markup('<span class="wbl-verified wbl-verified--no">{}</span>').format(self.t("trust_not_verified"))
        words = self.t("trust_verified_by", name=self.vocab("verifiers", found.by), date=self.date(found.on))
        url = self.safe_url(found.record)
        if not url:
            return Markup('<span class="wbl-verified">{}</span>').format(words)
        return Markup('<span class="wbl-verified"><a href="{}" rel="nofollow noopener">{}</a></span>').format(url, words)

    def status(self, opp: Opportunity) -> str:
        """The status's words; where nobody applies, "Accepting applications" would send families looking for a form."""
        return self.t(status_rules.label_key(opp, self.today))

    def card_status(self, opp: Opportunity) -> str:
        """The status on a card: as status(), but a listing whose applications open later says when ("Opens January 11"),
        or, when their dates are not announced, when they usually open ("Applications usually open in March.")."""
        if self.status_key(opp) == "upcoming" and opp.dates_expected:
            return self.plain(self.expected_text(opp))
        if self.status_key(opp) == "upcoming" and opp.opens is not None:
            return self.t("status_card_opens", date=self.date(opp.opens)) + self._card_not_reviewed(opp)
        return self.status(opp) + self._card_not_reviewed(opp)

    def _card_not_reviewed(self, opp: Opportunity) -> str:
        # A listing families may still act on says on its card that nobody has confirmed it lately.
        note = self.not_reviewed_since(opp) if self.status_key(opp) in ("open", "upcoming") else ""
        return f" · {note}" if note else ""

    def card_status_html(self, opp: Opportunity) -> Markup:
        """card_status() for a page: a contributor's line about when applications open marked with its language."""
        if self.status_key(opp) == "upcoming" and opp.dates_expected:
            return self.text(self.expected_text(opp)) + self._card_not_reviewed(opp)
        return Markup("{}").format(self.card_status(opp))

    def expected_text(self, opp: Opportunity) -> Text | None:
        """When applications usually open (application.expected), in the page's language when translated."""
        return opp.text_in("application", "expected", self.lang) if opp.dates_expected else None

    def reminder(self, opp: Opportunity) -> str:
        """Before applications open: a calendar file for the day they open, as a data: address (present/reminder.py);
        otherwise ""."""
        if self.status_key(opp) != "upcoming" or opp.opens is None:
            return ""
        title = self.plain(opp.text("title", self.lang))
        org = self.catalog.organizations.get(opp.org_id)
        page = self.absolute(opp.url)
        summary = self.t("status_reminder_summary", title=title)
        ics = reminder.opening_ics(
            ident=opp.id,
            opens=opp.opens,
            summary=summary,
            description=self.t(
                "status_reminder_description",
                title=title,
                org=self.plain(org.text("name", self.lang)) if org else opp.org_id,
                url=page,
            ),
            url=page,
            stamp=opp.last_reviewed,
        )
        return reminder.data_url(ics)

    def deadline_date(self, opp: Opportunity) -> str:
        """The deadline as a date ("Rolling: ..." for a rolling listing), without how many days are left."""
        if opp.rolling:
            key = ROLLING_BY_MODE.get(opp.application_mode, "rolling")
            return self.t(key) if key else ""
        return self.date(opp.deadline) if opp.deadline else ""

    def deadline_note(self, opp: Opportunity) -> str:
        """How the deadline stands today: days left while applications are open, "Deadline passed" once it has.
        None before applications open (nobody can apply yet) or for a listing its file closed early."""
        if opp.rolling or not opp.deadline:
            return ""
        if opp.deadline < self.today:
            return self.t("deadline_passed")
        if self.status_key(opp) != "open":
            return ""
        left = (opp.deadline - self.today).days
        return self.t("last_day") if left == 0 else self.t("day_left") if left == 1 else self.t("days_left", n=left)

    def deadline(self, opp: Opportunity) -> str:
        text, note = self.deadline_date(opp), self.deadline_note(opp)
        return f"{text} ({note})" if note else text

    def deadline_html(self, opp: Opportunity) -> Markup:
        """deadline() for a page: the note that counts days is marked, so that print (which lasts) shows the date alone."""
        text, note = self.deadline_date(opp), self.deadline_note(opp)
        if not note:
            return Markup("{}").format(text)
        counts = opp.deadline is not None and opp.deadline >= self.today
        return Markup('{} <span class="{}">({})</span>').format(text, "wbl-days-left" if counts else "wbl-deadline-note", note)

    def where(self, opp: Opportunity) -> str:
        return "".join(self.where_parts(opp))

    def where_html(self, opp: Opportunity) -> Markup:
        """where() for a page: the places' names marked as names that no translation may change."""
        parts = self.where_parts(opp)
        return Markup("").join(Markup('<span translate="no">{}</span>').format(p) if i % 2 else p for i, p in enumerate(parts))

    def where_parts(self, opp: Opportunity) -> list[str]:
        """Up to three places (cities, or "Online"), then "+N" for the rest, as text and place names taking
        turns, text first: ["", "Carson", ", Online"]. A site outside the region gives its state and says so:
        ["", "Sacramento, CA", " — outside the Los Angeles region"]. The browse script writes them as
        where_html does."""
        labels: list[tuple[str, bool, str]] = []
        for site in opp.sites:
            if site.mode == "remote":
                entry = (self.t("place_online"), False, "")
            elif site.across:
                entry = (self.across(site, limit=3), False, "")
            elif site.outside_region:
                entry = (f"{site.city}, {site.state}", True, " — " + self.outside_region())
            else:
                entry = (site.city, True, "")
            if entry not in labels:
                labels.append(entry)
        parts = [""]

        def add(value: str, place: bool) -> None:
            if place:
                parts.extend(["", value] if len(parts) % 2 == 0 else [value])
            elif len(parts) % 2:
                parts[-1] += value
            else:
                parts.append(value)

        for i, (label, is_place, note) in enumerate(labels[:3]):
            if i:
                add(", ", False)
            add(label, is_place)
            if note:
                add(note, False)
        if len(labels) > 3:
            add(f" +{len(labels) - 3}", False)
        return parts

    def across(self, site: Any, limit: int | None = None) -> str:
        """Where worksites spread across areas are: "Sites across the Los Angeles region", or "Sites across
        South Los Angeles and East Los Angeles", the first `limit` areas named and the rest counted."""
        if site.region_wide:
            region = self.catalog.vocabularies.region(site.region)
            if region is None:
                return self.t("place_across_the_region")
            return self.t("place_across_region", region=region.label(self.lang))
        names = [self.vocab("areas", a) for a in site.across]
        if limit is not None and len(names) > limit:
            names = [*names[:limit], self.tn("place_across_more", len(names) - limit)]
        return self.t("place_across_areas", areas=i18n.and_list(names, self.lang))

    def outside_region(self) -> str:
        """The words "outside the Los Angeles region", naming the catalog's region when regions.yml names one; a
        catalog of several regions says "outside the region" (the site is in none of them)."""
        several = len(self.catalog.vocabularies.items("regions")) > 1
        region = None if several else self.catalog.vocabularies.region()
        if region is None:
            return self.t("place_outside_the_region")
        return self.t("place_outside_region", region=region.label(self.lang))

    def map_link(self, site: Any) -> str:
        if site.lat is not None and site.lon is not None:
            return f"https://www.openstreetmap.org/?mlat={site.lat}&mlon={site.lon}#map=16/{site.lat}/{site.lon}"
        query = ", ".join(p for p in (site.address, site.city, site.zip, site.state or "CA") if p)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})

    def org_name(self, org_id: str) -> Markup:
        org = self.catalog.organizations.get(org_id)
        return self.text(org.text("name", self.lang)) if org else Markup(org_id)

    def card_opps(self, ids: list[str] | tuple[str, ...]) -> list[Opportunity]:
        """Opportunities for a list: open first, then by deadline and title."""
        opps = [self.catalog.opportunities[i] for i in ids if i in self.catalog.opportunities]
        order = {"open": 0, "closed": 1, "archived": 2}
        return sorted(opps, key=lambda o: (order[o.status], o.deadline or dt.date.max, o.title))
