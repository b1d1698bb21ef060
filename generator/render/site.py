"""Every page of the site, in both languages, as Markdown-wrapped HTML.

No MkDocs import here: the pages are plain strings with front matter, so
any engine (or a plain folder) can take them.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
from markupsafe import escape

from generator import PACKAGE_DIR, PROJECT_DIR, i18n
from generator.model import STAGES, Catalog, Opportunity, Organization, Text
from generator.present.repository import Repository
from generator.present.view import PAGE_SIZE, Page, View, alternates, lang_prefix
from generator.render import browse, contribute_form, my_list, reference, region_choice
from generator.render.facets import WITHIN_MILES
from generator.render.reference import field_reference
from generator.render.structured_data import educational_program, listing_structured_data, script_json

PACKAGE_TEMPLATES = PACKAGE_DIR / "templates"
EXAMPLE_FILE = PROJECT_DIR / "docs" / "reference-opportunity.yml"


# A sector page names at most this many of the sector's organizations, like its 100 listing cards, so that it does
# not grow with the catalog; the rest are found through the browse page filtered by the sector.
SECTOR_EMPLOYER_LIMIT = 100


def ranked_employers(orgs: Iterable[Organization], listings: Iterable[Opportunity]) -> list[Organization]:
    """Organizations with the most open listings among `listings` first, ties by name and then id: the ones a
    student can apply to now come first when the list is cut, and the order is the same from build to build."""
    open_count = Counter(o.org_id for o in listings if o.status == "open")
    return sorted(orgs, key=lambda org: (-open_count[org.id], org.name.casefold(), org.id))


# `{{ v.t("key") }}`: an interface label with nothing to fill in.
LABEL = re.compile(r"""\{\{\s*v\.t\(\s*(["'])(\w+)\1\s*\)\s*\}\}""")


class FixedLabels(jinja2.ext.Extension):
    """Writes each `{{ v.t("key") }}` into the template as its (escaped) text in the environment's language.

    A label is the same on every page of a language, and a listing template prints dozens of them on
    each of thousands of pages: looked up at compile time, they cost nothing per page.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        lang = getattr(self.environment, "label_lang", None)
        if lang is None:
            return source

        def fixed(match: re.Match[str]) -> str:
            try:
                text = str(escape(i18n.t(match.group(2), lang)))
            except KeyError:  # left to fail when (and only if) the page prints it
                return match.group(0)
            return match.group(0) if "{" in text or "}" in text else text

        return LABEL.sub(fixed, source)


def environment(overrides: Path | None = None, lang: str | None = None) -> jinja2.Environment:
    """Templates from site_overrides/templates/ first, then the package's own; with `lang`, labels fixed in that language."""
    loaders: list[jinja2.BaseLoader] = []
    if overrides and overrides.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[FixedLabels],
        auto_reload=False,  # a renderer lives for one build; checking each template file's date on every page cost a stat call
    )
    env.extend(label_lang=lang)
    return env


def _meta_text(text: str) -> str:
    # Material prints title and description into <title>, headers and meta tags without escaping.
    return html.escape(" ".join(text.split()), quote=True)


def paged_title(view: View, key: str, number: int, count: int) -> tuple[str, str]:
    """The title and description of page `number` of a paged index: each page of the list has its own."""
    title, description = view.t(key), view.t(f"{key}_description")
    if number == 1:
        return title, description
    return view.t("page_title", title=title, n=number), view.t("page_description", description=description, n=number, total=count)


def in_language(text: Text | None, lang: str) -> str:
    """Contributor text for the page's <head>, only when it is in the page's language: a description there
    cannot say that it is in another language, and search results would show it as the page's own."""
    return text.value if text is not None and text.lang == lang else ""


class SiteRenderer:
    def __init__(
        self, catalog: Catalog, site_url: str = "", overrides: Path | None = None, repository: Repository | None = None
    ) -> None:
        self.catalog = catalog
        self.site_url = site_url
        self.repository = repository  # the edit and report links of record pages
        self.envs = {lang: environment(overrides, lang) for lang in catalog.langs}
        self.pages: list[Page] = []
        self._open_by_sector: browse.OpenGroups | None = None
        self._similar: dict[str, list[Opportunity]] = {}
        # Each export's size in bytes, by site path, when the exports were written before the pages (the Data page).
        self.export_sizes: dict[str, int] = {}

    def page(self, *args: Any, **kwargs: Any) -> None:
        """Render a page (make_page's arguments) into self.pages."""
        self.pages.append(self.make_page(*args, **kwargs))

    def make_page(
        self,
        kind: str,
        path: str,
        template: str,
        lang: str,
        title: str | Text,
        description: str = "",
        record_id: str = "",
        structured_data: str | None = None,
        **context: Any,
    ) -> Page:
        # A record's title may be in another language than the page (a listing not translated yet): the theme's
        # header says which.
        title_lang = title.lang if isinstance(title, Text) else lang
        title = title.value if isinstance(title, Text) else title
        view = View(self.catalog, lang, path, self.site_url, self.repository)
        body = self.envs[lang].get_template(template).render(v=view, **context)
        body = body.strip()
        meta = {
            "title": _meta_text(title),
            "title_lang": title_lang,
            "lang": lang,
            "page_kind": kind,
            "alternates": alternates(self.catalog.langs, lang, path),
            "canonical_path": lang_prefix(lang) + path,
            "hide": ["navigation", "toc"],
        }
        # Without a description of its own in the page's language, a page has the site's, in that language (the
        # theme's fallback, site_description in mkdocs.yml, is English only).
        meta["description"] = _meta_text(description or i18n.t("site_description", lang))
        if structured_data:
            meta["structured_data"] = script_json(structured_data)
        src = lang_prefix(lang) + (path + "index.md" if path else "index.md")
        return Page(src, lang_prefix(lang) + path, meta, body, lang, kind, record_id, path)

    def render(self, only: set[str] | None = None, records: bool = True) -> list[Page]:
        """All pages; with `only` (record keys such as "opportunity:org/x"), just those records and the indexes.

        With records=False, listing and organization pages are left out: `record_jobs` and `record_page`
        give them one at a time.
        """
        for lang in self.catalog.langs:
            self.home(lang)
            self.browse(lang, only)
            if records:
                for opp in self.catalog.opportunities.values():
                    if only is None or f"opportunity:{opp.id}" in only:
                        self.pages.append(self.opportunity(opp, lang))
            self.organizations(lang, only, records)
            self.pathways(lang, only)
            if only is None:
                self.sectors(lang)
                self.quality(lang)
                self.guides(lang)
                self.retired(lang)
                self.data(lang)
                self.coverage(lang)
                self.my_list(lang)
        # Handed over, not kept: the record pages' workers keep this renderer for the whole build.
        pages, self.pages = self.pages, []
        return pages

    # -- pages ---------------------------------------------------------

    def home(self, lang: str) -> None:
        opps = list(self.catalog.opportunities.values())
        open_ = [o for o in opps if o.status == "open"]
        upcoming = sorted((o for o in open_ if o.deadline), key=lambda o: (o.deadline, o.id))[:6]
        view = View(self.catalog, lang, "")
        n_orgs = len(self.catalog.organizations)
        seats = sum(o.seats or 0 for o in open_)
        counts = view.t(
            "home_counts",
            open=view.number(len(open_)),
            seats=view.number(seats),
            organizations=view.number(n_orgs),
            sectors=view.number(len({s for o in opps for s in o.sectors})),
        )
        self.page(
            "home",
            "",
            "home.html",
            lang,
            view.t("site_name"),
            counts,
            upcoming=upcoming,
            counts_text=counts,
            regions=region_choice.choices(view),
            paid_count=sum(o.is_paid for o in open_),
        )

    def browse(self, lang: str, only: set[str] | None = None) -> None:
        ordered = browse.static_order(self.catalog)
        pages = max(1, -(-len(ordered) // PAGE_SIZE))
        view = View(self.catalog, lang, "opportunities/")
        labels = browse.labels(self.catalog, view, inline=True)
        numbers: Sequence[int] = range(1, pages + 1)
        if only is not None:  # a preview: the first page, and the pages that list the changed listings
            numbers = sorted({1} | {i // PAGE_SIZE + 1 for i, o in enumerate(ordered) if f"opportunity:{o.id}" in only})
        for number in numbers:
            path = "opportunities/" if number == 1 else f"opportunities/page/{number}/"
            chunk = ordered[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
            self.page(
                "browse",
                path,
                "browse.html",
                lang,
                *paged_title(view, "browse", number, pages),
                opps=chunk,
                page_number=number,
                page_count=pages,
                facet_labels=labels["ui"],
                sort_options=labels["sorts"],
                near_miles=WITHIN_MILES,
                labels_json=jinja2.utils.htmlsafe_json_dumps(labels),
            )

    def opportunity(self, opp: Opportunity, lang: str) -> Page:
        view = View(self.catalog, lang, opp.url, self.site_url)  # absolute URLs in the JobPosting
        similar = []
        if opp.status != "open":  # the same in both languages
            if opp.id not in self._similar:
                if self._open_by_sector is None:
                    self._open_by_sector = browse.open_by_sector(self.catalog)
                self._similar[opp.id] = browse.similar_open(opp, self._open_by_sector)
            similar = self._similar[opp.id]
        return self.make_page(
            "opportunity",
            opp.url,
            "opportunity.html",
            lang,
            opp.text("title", lang) or opp.title,
            in_language(opp.text("summary", lang), lang),
            record_id=opp.id,
            structured_data=listing_structured_data(self.catalog, opp, view),
            opp=opp,
            similar=similar,
        )

    def organizations(self, lang: str, only: set[str] | None = None, records: bool = True) -> None:
        groups: dict[str, list[Organization]] = {}
        for org in self.catalog.organizations.values():
            groups.setdefault(org.kind, []).append(org)
        ordered = [org for _, orgs in sorted(groups.items()) for org in orgs]
        # Pages of PAGE_SIZE organizations, like the browse pages, so the index stays light however many there are.
        count = max(1, -(-len(ordered) // PAGE_SIZE))
        view = View(self.catalog, lang, "employers/")
        numbers: Sequence[int] = range(1, count + 1)
        if only is not None:  # a preview: the first page, and the pages that list the changed organizations
            numbers = sorted({1} | {i // PAGE_SIZE + 1 for i, o in enumerate(ordered) if f"organization:{o.id}" in only})
        for number in numbers:
            path = "employers/" if number == 1 else f"employers/page/{number}/"
            chunk: dict[str, list[Organization]] = {}
            for org in ordered[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]:
                chunk.setdefault(org.kind, []).append(org)
            self.page(
                "organizations",
                path,
                "organizations.html",
                lang,
                *paged_title(view, "employers", number, count),
                groups=list(chunk.items()),
                page_number=number,
                page_count=count,
            )
        if records:
            for org in self.catalog.organizations.values():
                if only is None or f"organization:{org.id}" in only:
                    self.pages.append(self.organization(org, lang))

    def organization(self, org: Organization, lang: str) -> Page:
        v = View(self.catalog, lang, f"employers/{org.id}/")
        opps = v.card_opps(org.opportunity_ids)
        return self.make_page(
            "organization",
            f"employers/{org.id}/",
            "organization.html",
            lang,
            org.text("name", lang) or org.name,
            in_language(org.text("summary", lang), lang),
            record_id=org.id,
            org=org,
            opps=opps,
            quality_summary=browse.quality_summary(self.catalog, opps, v),
        )

    # -- record pages, one at a time ---------------------------------------

    def record_jobs(self, only: set[str] | None = None, skip: Set[str] = frozenset()) -> list[tuple[str, str, str]]:
        """(kind, id, language) of each listing and organization page, except the record keys in `skip`."""
        jobs = []
        for lang in self.catalog.langs:
            for kind, records in (("opportunity", self.catalog.opportunities), ("organization", self.catalog.organizations)):
                for ident in records:
                    key = f"{kind}:{ident}"
                    if (only is None or key in only) and key not in skip:
                        jobs.append((kind, ident, lang))
        return jobs

    def record_page(self, kind: str, ident: str, lang: str) -> Page:
        """One listing's or organization's page, returned rather than kept: workers render them one at a time."""
        if kind == "opportunity":
            return self.opportunity(self.catalog.opportunities[ident], lang)
        return self.organization(self.catalog.organizations[ident], lang)

    def pathways(self, lang: str, only: set[str] | None = None) -> None:

        view = View(self.catalog, lang, "pathways/")
        self.page(
            "pathways", "pathways/", "pathways.html", lang, view.t("pathways"), pathways=list(self.catalog.pathways.values())
        )
        for p in self.catalog.pathways.values():
            if only is not None and f"pathway:{p.id}" not in only:
                continue
            v = View(self.catalog, lang, f"pathways/{p.id}/", self.site_url)  # absolute URLs in the JSON-LD
            self.page(
                "pathway",
                f"pathways/{p.id}/",
                "pathway.html",
                lang,
                p.text("name", lang) or p.id,
                in_language(p.text("summary", lang), lang),
                record_id=p.id,
                structured_data=educational_program(self.catalog, p, v),
                pathway=p,
                stages=STAGES,
            )

    def sectors(self, lang: str) -> None:
        sectors = self.catalog.vocabularies.items("sectors")
        opps = list(self.catalog.opportunities.values())
        view = View(self.catalog, lang, "sectors/")
        counts = [(s, sum(s.id in o.sectors for o in opps)) for s in sectors]
        self.page("sectors", "sectors/", "sectors.html", lang, view.t("sectors"), sectors=counts)
        for sector in sectors:
            v = View(self.catalog, lang, f"sectors/{sector.id}/")
            in_sector = [o for o in opps if sector.id in o.sectors]
            mine = v.card_opps([o.id for o in in_sector])
            employers = ranked_employers((o for o in self.catalog.organizations.values() if sector.id in o.sectors), in_sector)
            self.page(
                "sector",
                f"sectors/{sector.id}/",
                "sector.html",
                lang,
                sector.label(lang),
                record_id=sector.id,
                sector=sector,
                opps=mine,
                pathways=[p for p in self.catalog.pathways.values() if p.sector == sector.id],
                orgs=employers[:SECTOR_EMPLOYER_LIMIT],
                more_orgs=max(0, len(employers) - SECTOR_EMPLOYER_LIMIT),
            )

    def quality(self, lang: str) -> None:
        view = View(self.catalog, lang, "quality/")
        rubrics = list(self.catalog.rubrics.values())
        scores = {r.id: browse.rubric_scores(self.catalog, r, view) for r in rubrics}
        self.page(
            "quality",
            "quality/",
            "quality.html",
            lang,
            view.t("quality"),
            rubrics=rubrics,
            scores=scores,
            signals=self.catalog.vocabularies.items("signals"),
        )

    def guides(self, lang: str) -> None:
        view = View(self.catalog, lang, "counselors/")
        self.page(
            "counselors",
            "counselors/",
            "counselors.html",
            lang,
            view.t("counselors"),
            parameters=browse.parameter_docs(lang),
            statuses=browse.status_docs(lang),
        )
        example = EXAMPLE_FILE.read_text(encoding="utf-8") if EXAMPLE_FILE.exists() else ""
        repository = self.repository
        kinds = [(kind, reference.page_of(kind)) for kind in reference.KINDS]
        self.page(
            "contribute",
            reference.GUIDE_PATH,
            "contribute.html",
            lang,
            view.t("contribute"),
            example_file=example,
            whole_example=reference.WHOLE_EXAMPLE,
            part_examples=reference.PART_EXAMPLES,
            links=reference.guide_links(repository.url, repository.branch) if repository else {},
            all_kinds=kinds,
            reference=[(kind, reference.grouped(rows)) for kind, rows in field_reference() if kind in reference.GUIDE_KINDS],
        )
        self.page(
            "contribute-region",
            reference.REGION_PATH,
            "contribute-region.html",
            lang,
            view.t("contribute_region"),
            guide=reference.GUIDE_PATH,
            all_kinds=kinds,
            reference=[(kind, reference.grouped(rows)) for kind, rows in field_reference() if kind not in reference.GUIDE_KINDS],
        )
        self.page(
            "contribute-new",
            contribute_form.PATH,
            "contribute-new.html",
            lang,
            view.t("cform_heading"),
            view.t("cform_intro"),
            **contribute_form.page_context(
                self.catalog, lang, repository.url if repository else "", repository.branch if repository else ""
            ),
        )

    def retired(self, lang: str) -> None:
        for ident, entry in self.catalog.retired.items():
            path = f"opportunities/{ident}/"
            view = View(self.catalog, lang, path)
            replacement = self.catalog.opportunities.get(entry.replaced_by or "")
            title = entry.title or ident
            self.page(
                "retired",
                path,
                "retired.html",
                lang,
                Text(title, "en"),  # retired.yml has no translations
                view.t("status_doc_retired"),
                record_id=ident,
                entry=entry,
                replacement=replacement,
                heading=title,  # not `title`: that is page()'s own parameter
            )

    def data(self, lang: str) -> None:
        from generator import exports

        view = View(self.catalog, lang, "data/", self.site_url)  # subscription addresses are absolute
        self.page(
            "data", "data/", "data.html", lang, view.t("data"), **exports.data_page_context(self.catalog, view, self.export_sizes)
        )
        view = View(self.catalog, lang, exports.FIELDS_PATH, self.site_url)
        fields = exports.fields_page_context(self.catalog, view)
        self.page("data-fields", exports.FIELDS_PATH, "data-fields.html", lang, view.t("data_fields_of_catalog_json"), **fields)

    def my_list(self, lang: str) -> None:
        view = View(self.catalog, lang, my_list.PATH, self.site_url)  # the handout prints permanent addresses
        self.page(
            "my-list",
            my_list.PATH,
            "my-list.html",
            lang,
            view.t("mylist_title"),
            view.t("mylist_description"),
            listing_base=view.absolute("opportunities/"),
            labels_json=jinja2.utils.htmlsafe_json_dumps(my_list.page_labels(self.catalog, view)),
        )

    def coverage(self, lang: str) -> None:
        from generator.report import coverage

        view = View(self.catalog, lang, "coverage/")
        self.page("coverage", "coverage/", "coverage.html", lang, view.t("coverage"), **coverage.page_context(self.catalog, view))


def render_site(catalog: Catalog, site_url: str = "", overrides: Path | None = None, only: set[str] | None = None) -> list[Page]:
    return SiteRenderer(catalog, site_url, overrides).render(only)


def write_pages(pages: list[Page], out: Path) -> None:
    """Write rendered pages to a folder, for engines other than MkDocs."""
    for page in pages:
        target = out / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
