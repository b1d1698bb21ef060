"""The real MkDocs build of the bundled catalog, asserted on its HTML."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import index_reader
import pytest
from conftest import html_text
from markupsafe import escape
from paged_catalog import paged_catalog
from sitebuild import ROOT, build_site, minimal_catalog

from generator import i18n
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render import encoding
from generator.render import word_index as wi

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def catalog():
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.errors
    return checked.catalog


@pytest.fixture(scope="module")
def site(bundled_site: Path) -> Path:
    out = bundled_site
    return out


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return " ".join(html_text(html, " ").split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_record_has_exactly_one_page_per_language(site, catalog, lang):
    prefix = "" if lang == "en" else "es/"
    for ident in catalog.opportunities:
        assert (site / prefix / "opportunities" / ident / "index.html").is_file(), ident
    for ident in catalog.organizations:
        assert (site / prefix / "employers" / ident / "index.html").is_file(), ident
    for ident in catalog.pathways:
        assert (site / prefix / "pathways" / ident / "index.html").is_file(), ident
    for sector in catalog.vocabularies.items("sectors"):
        assert (site / prefix / "sectors" / sector.id / "index.html").is_file(), sector.id
    listing_pages = {
        p.parent.relative_to(site / prefix / "opportunities").as_posix()
        for p in (site / prefix / "opportunities").glob("*/*/index.html")
        if p.parts[-3] != "page"
    }
    redirects = {old for o in catalog.opportunities.values() for old in o.former_ids}
    assert listing_pages == set(catalog.opportunities) | set(catalog.retired) | redirects


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_type_exists(site, lang):
    prefix = "" if lang == "en" else "es/"
    for url in [
        "",
        "opportunities/",
        "employers/",
        "pathways/",
        "sectors/",
        "quality/",
        "coverage/",
        "contribute/",
        "contribute/new/",
        "contribute/region/",
        "counselors/",
        "data/",
        "data/fields/",
    ]:
        html = read(site, prefix + url)
        assert f'<html lang="{lang}"' in html, url


def test_listing_page_shows_the_facts_a_family_needs(site, catalog):
    for opp in catalog.opportunities.values():
        for lang in ("en", "es"):
            view = View(catalog, lang, opp.url)
            html = read(site, ("es/" if lang == "es" else "") + opp.url)
            text = text_of(html)
            assert view.plain(opp.text("title", lang)) in text
            assert view.pay(opp) in text
            assert view.grades(opp) in text
            assert view.t("last_reviewed") in text and view.date(opp.last_reviewed) in text
            for site_ in opp.sites:
                assert site_.name in text
            if opp.deadline:
                assert view.date(opp.deadline) in text
            org = catalog.organizations[opp.org_id]
            assert view.plain(org.text("name", lang)) in text
            if opp.example:
                assert i18n.t("example_banner", lang) in text
            url = opp.section("application").get("url")
            if opp.status == "open" and url:
                assert f'href="{url}"' in html


def test_closed_listings_keep_their_page_and_point_to_similar_open_ones(site, catalog):
    closed = [o for o in catalog.opportunities.values() if o.status == "closed"]
    assert closed
    for opp in closed:
        html = read(site, opp.url)
        assert "wbl-banner--closed" in html
        assert "wbl-apply__button" not in html
        assert i18n.t("closed_notice", "en") in text_of(html)
        similar = [o for o in catalog.opportunities.values() if o.status == "open" and set(o.sectors) & set(opp.sectors)]
        banner = html.split("wbl-banner--closed", 1)[1].split("</div>", 1)[0]
        base = f"https://x/{opp.url}"
        links = [urljoin(base, href).split("/opportunities/", 1)[1].rstrip("/") for href in re.findall(r'href="([^"]+)"', banner)]
        assert len(links) == min(3, len(similar))
        assert all(catalog.opportunities[link].status == "open" for link in links)


def test_no_listing_page_is_in_the_navigation(site, catalog):
    for url in ["", "opportunities/", "es/"]:
        html = read(site, url)
        nav = re.findall(r'<nav class="md-nav md-nav--primary".*?</nav>', html, re.S)
        assert nav
        for ident in catalog.opportunities:
            assert ident not in nav[0]


def test_listing_page_size_is_bounded(site, catalog):
    sizes = [len((site / o.url / "index.html").read_bytes()) for o in catalog.opportunities.values()]
    assert max(sizes) < 80_000


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_listing_is_found_by_its_title_in_each_language(site, catalog, lang):
    folder = site / "browse-data" / lang
    meta = json.loads((folder / "facets.json").read_text(encoding="utf-8"))["words"]
    opps = encoding.ordered(catalog)

    def load(name: str) -> dict:
        return json.loads((folder / "words" / name).read_text(encoding="utf-8"))

    for ordinal, opp in enumerate(opps):
        title = opp.text("title", lang)
        assert title is not None
        assert ordinal in index_reader.search(title.value, meta, load, len(opps)), (lang, opp.id)
    assert sorted(p.name for p in (folder / "words").iterdir()) == sorted(wi.shard_file(k) for k in meta["shards"].split())
    assert not (site / "pagefind").exists()


def test_browse_page_lists_every_listing_without_javascript(site, catalog):
    html = read(site, "opportunities/")
    for ident in catalog.opportunities:
        assert f'href="{ident}/"' in html


def test_pages_link_both_languages(site, catalog):
    opp = next(iter(catalog.opportunities.values()))
    en = read(site, opp.url)
    es = read(site, "es/" + opp.url)
    assert re.search(rf'<a class="wbl-header-lang__link" href="(\.\./)+es/{opp.url}" hreflang="es" lang="es">Español</a>', en)
    assert re.search(rf'<a class="wbl-header-lang__link" href="(\.\./)+{opp.url}" hreflang="en" lang="en">English</a>', es)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="es" href="https://wbl-catalog.example.org/es/{opp.url}"' in sitemap


def test_every_bundled_listing_page_is_in_spanish(site, catalog):
    # Untranslated text marked lang="en", with its note, is tested on a fixture in test_translations.py.
    for opp in catalog.opportunities.values():
        html = read(site, "es/" + opp.url)
        assert f"<h1>{escape(opp.text('title', 'es').value)}</h1>" in html, opp.id
        assert "wbl-banner--untranslated" not in html, opp.id


def test_a_broken_reference_fails_the_build_with_the_checker_message(tmp_path):
    catalog = minimal_catalog(tmp_path / "catalog")
    listing = catalog / "employers" / "acme-health" / "lab-internship.yml"
    listing.write_text(listing.read_text().replace("pathways: [health-careers]", "pathways: [helth-careers]"))
    result = build_site(tmp_path / "site", catalog, check=False)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert (
        f"{listing}:10:12: error: `pathways`, item 1 names the pathway `helth-careers`, which is not in the catalog. "
        "Did you mean `health-careers`?"
    ) in output


def test_a_passed_deadline_shows_closed_without_failing_a_strict_build(tmp_path):
    catalog = minimal_catalog(tmp_path / "catalog")
    listing = catalog / "employers" / "acme-health" / "lab-internship.yml"
    listing.write_text(listing.read_text().replace("deadline: 2027-03-01", "deadline: 2026-11-01"))
    result = build_site(tmp_path / "site", catalog)  # --strict: any warning would fail it
    assert "WARNING" not in result.stderr
    html = read(tmp_path / "site", "opportunities/acme-health/lab-internship/")
    assert "wbl-status--closed" in html
    assert "wbl-apply__button" not in html


@pytest.mark.parametrize("here", ["", "opportunities/", "opportunities/acme/x/", "employers/acme/", "opportunities/page/3/"])
@pytest.mark.parametrize(
    "target", ["", "opportunities/", "opportunities/acme/x/", "employers/acme/", "assets/x.css", "a/../b/", "./c/", "a//b/"]
)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_links_are_the_relative_paths_between_pages(catalog, here, target, lang):
    view = View(catalog, lang, here)
    for target_lang in ("en", "es"):
        full = ("es/" if target_lang == "es" else "") + target
        expected = posixpath.relpath("/" + full, "/" + view.here)
        if full.endswith("/") or full == "":
            expected = expected.rstrip("/") + "/" if expected != "." else "./"
        expected = expected[2:] if expected.startswith("./") and len(expected) > 2 else expected
        link = view.link(target, lang=target_lang)
        assert link == expected
        path = posixpath.normpath("/" + full)
        path += "/" if full.endswith("/") and path != "/" else ""
        assert urljoin("https://x.org/" + view.here, link) == "https://x.org" + path


def test_fixed_labels_are_the_labels_each_page_would_print(catalog):
    from generator.render.site import SiteRenderer, environment

    fixed = SiteRenderer(catalog, "https://x.org/")
    looked_up = SiteRenderer(catalog, "https://x.org/")
    looked_up.envs = {lang: environment() for lang in ("en", "es")}
    source = fixed.envs["es"].loader.get_source(fixed.envs["es"], "opportunity.html")[0]
    assert 'v.t("pay")' in source and 'v.t("pay")' not in fixed.envs["es"].preprocess(source)
    pages, expected = fixed.render(), looked_up.render()
    assert [(p.src_uri, p.body) for p in pages] == [(p.src_uri, p.body) for p in expected]


def test_the_employers_index_is_paged_and_links_every_organization_once(catalog, monkeypatch):
    from generator.render import site as site_module

    monkeypatch.setattr(site_module, "PAGE_SIZE", 2)
    pages = [p for p in site_module.SiteRenderer(catalog).render(records=False) if p.kind == "organizations"]
    count = -(-len(catalog.organizations) // 2)
    assert count > 1
    for lang in ("en", "es"):
        mine = [p for p in pages if p.lang == lang]
        assert [p.path for p in mine] == ["employers/"] + [f"employers/page/{n}/" for n in range(2, count + 1)]
        linked = [link for p in mine for link in re.findall(r'<li><a href="([^"]+)"', p.body)]
        assert len(linked) == len(catalog.organizations)
        resolved = sorted(
            urljoin("https://x.org/" + p.url, link) for p in mine for link in re.findall(r'<li><a href="([^"]+)"', p.body)
        )
        prefix = "https://x.org/" + ("es/" if lang == "es" else "")
        assert resolved == sorted(f"{prefix}employers/{ident}/" for ident in catalog.organizations)
        for number, page in enumerate(mine, start=1):
            assert ('rel="next"' in page.body) == (number < count)
            assert ('rel="prev"' in page.body) == (number > 1)
            assert i18n.t("page_n", lang, n=number, total=count) in page.body


def test_a_preview_renders_the_first_employers_page_and_the_changed_organizations_page(catalog, monkeypatch):
    from generator.render import site as site_module

    monkeypatch.setattr(site_module, "PAGE_SIZE", 2)
    full = [p for p in site_module.SiteRenderer(catalog).render(records=False) if p.kind == "organizations"]
    last = [p for p in full if p.lang == "en"][-1]
    changed = re.findall(r'<li><a href="[^"]*?([^"/]+)/"', last.body)[0]
    shown = [p for p in site_module.SiteRenderer(catalog).render({f"organization:{changed}"}) if p.kind == "organizations"]
    assert [p.path for p in shown if p.lang == "en"] == ["employers/", last.path] and last.path != "employers/"
    assert [p.body for p in shown if p.path == last.path] == [p.body for p in full if p.path == last.path]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_organization_logo_is_shown_and_published_as_parsed(site, catalog, lang):
    org_id = next(iter(catalog.logos))
    prefix = "" if lang == "en" else "es/"
    page = read(site, f"{prefix}employers/{org_id}/")
    match = re.search(r'<h1><img class="wbl-logo" src="([^"]+)" alt="" height="48"> ', page)
    assert match, "the organization page shows no logo"
    published = posixpath.normpath(posixpath.join(f"{prefix}employers/{org_id}/", match.group(1)))
    assert published == f"employers/{org_id}/logo.svg"
    svg = (site / published).read_bytes()
    assert svg.startswith(b"<?xml") and b"<svg" in svg and b"<script" not in svg
    assert svg != (ROOT / catalog.logos[org_id]).read_bytes()  # re-written from its parsed elements, not copied


def test_organizations_without_a_logo_show_none(site, catalog):
    org_id = next(o for o in catalog.organizations if o not in catalog.logos)
    assert 'class="wbl-logo"' not in read(site, f"employers/{org_id}/")


# -- the head of every page, the header's menu, the theme's assets ---------------------------------------------


class Head(HTMLParser):
    """A page's language, <title>, and the <link> and <meta> elements of its head; the attributes of every <label>."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.title = ""
        self.links: list[dict[str, str | None]] = []
        self.metas: list[dict[str, str | None]] = []
        self.labels: list[dict[str, str | None]] = []
        self.in_head = self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang") or ""
        elif tag == "head":
            self.in_head = True
        elif tag == "title" and self.in_head:
            self.in_title = True
        elif tag in ("link", "meta") and self.in_head:
            (self.links if tag == "link" else self.metas).append(found)
        elif tag == "label":
            self.labels.append(found)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data

    @property
    def description(self) -> str | None:
        return next((m.get("content") for m in self.metas if m.get("name") == "description"), None)

    @property
    def feeds(self) -> list[dict[str, str | None]]:
        return [link for link in self.links if link.get("type") == "application/atom+xml"]


def head_of(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def site_pages(site: Path) -> list[Path]:
    """Every page of a built site but the redirects of renamed listings (mkdocs-redirects' own pages)."""
    pages = [p for p in sorted(site.rglob("*.html")) if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    assert len(pages) > 100 and site / "404.html" in pages
    return pages


def test_the_header_menu_is_a_plain_label_of_the_drawer(site):
    """A <label> with a role or ARIA is invalid HTML; the page's script turns the menu into a button (tests/browser)."""
    for path in site_pages(site):
        head = head_of(path)
        for label in head.labels:
            assert not [name for name in label if name == "role" or name.startswith("aria-")], (path, label)
        (menu,) = [label for label in head.labels if "wbl-menu-button" in (label.get("class") or "").split()]
        assert menu["for"] == "__drawer"
        text = f'<span class="wbl-visually-hidden">{i18n.t("menu", head.lang)}</span>'
        assert text in path.read_text(encoding="utf-8"), path


def test_every_page_links_the_feed_in_its_head(site):
    for path in site_pages(site):
        head = head_of(path)
        assert head.feeds == [
            {
                "rel": "alternate feed",
                "type": "application/atom+xml",
                "href": "https://wbl-catalog.example.org/data/feed.xml",
                "hreflang": "en",
                "title": i18n.t("feed_link", head.lang),
            }
        ], path
        # Material's script fetches a sitemap next to every link whose rel is exactly "alternate" (main.html).
        assert not [link for link in head.links if link.get("rel") == "alternate"], path
    assert (site / "data" / "feed.xml").is_file()


def test_no_two_pages_the_site_titles_share_a_title(paged_site):
    """Every page but the listings' and organizations' (titled by contributors) has a title of its own, each page
    of a paged index included."""
    titles: dict[str, Path] = {}
    for path in site_pages(paged_site):
        parts = path.relative_to(paged_site).parts
        parts = parts[1:] if parts[0] == "es" else parts
        if parts[0] in ("opportunities", "employers") and len(parts) > 2 and parts[1] != "page":
            continue
        title = head_of(path).title.strip()
        assert title not in titles, f"{path} and {titles[title]} are both titled {title!r}"
        titles[title] = path
    assert len(titles) > 30


def test_pages_without_a_description_of_their_own_have_the_sites_in_their_language(site):
    for lang in ("en", "es"):
        prefix = "es/" if lang == "es" else ""
        for url in ("pathways/", "sectors/", "quality/", "coverage/", "data/", "counselors/", "contribute/"):
            assert head_of(site / prefix / url / "index.html").description == i18n.t("site_description", lang), url


SUBPATH_URL = "https://example.org/wbl/"


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory) -> Path:
    """A catalog whose browse and organization indexes have two pages, built for a site under a subpath."""
    root = tmp_path_factory.mktemp("paged")
    build_site(root / "site", paged_catalog(root / "catalog"), extra_env={"SITE_URL": SUBPATH_URL})
    return root / "site"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("key", "index"), [("browse", "opportunities/"), ("employers", "employers/")])
def test_each_page_of_a_paged_index_has_its_own_title_and_description(paged_site, lang, key, index):
    folder = paged_site / ("es/" if lang == "es" else "") / index
    assert (folder / "page" / "2" / "index.html").is_file() and not (folder / "page" / "3").exists()
    first, second = head_of(folder / "index.html"), head_of(folder / "page" / "2" / "index.html")
    name, label = i18n.t("site_name", lang), i18n.t(key, lang)
    assert first.title == f"{label} - {name}"
    assert second.title == f"{i18n.t('page_title', lang, title=label, n=2)} - {name}"
    assert first.description == i18n.t(f"{key}_description", lang)
    assert second.description == i18n.t("page_description", lang, description=first.description, n=2, total=2)


def test_the_feed_link_keeps_the_path_of_the_site_url(paged_site):
    for path in (
        "index.html",
        "es/index.html",
        "opportunities/page/2/index.html",
        "es/employers/acme-health/index.html",
        "404.html",
    ):
        assert [link["href"] for link in head_of(paged_site / path).feeds] == [f"{SUBPATH_URL}data/feed.xml"], path
    assert (paged_site / "data" / "feed.xml").is_file()


def test_the_site_ships_no_search_engine_or_source_maps_of_the_theme(site):
    scripts = site / "assets" / "javascripts"
    assert list(scripts.glob("bundle.*.min.js")), "the theme's script is there"
    assert not (scripts / "lunr").exists() and not (scripts / "workers").exists()
    assert not list(site.rglob("*.map"))
    for path in site.rglob("*"):
        if path.suffix in (".html", ".js", ".css", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            for name in ("lunr", "workers/search", "sourceMappingURL", ".js.map", ".css.map"):
                assert name not in text, f"{path} mentions {name}"


def test_theme_assets_are_pruned_only_when_nothing_uses_them(tmp_path):
    from generator.mkdocs_plugin import prune_theme_assets

    def theme_files(site: Path) -> None:
        scripts, styles = site / "assets" / "javascripts", site / "assets" / "stylesheets"
        for path, text in {
            scripts / "bundle.abc.min.js": "let a=1;\n//# sourceMappingURL=bundle.abc.min.js.map\n\n",
            scripts / "bundle.abc.min.js.map": "{}",
            scripts / "lunr" / "min" / "lunr.es.min.js": "x",
            scripts / "workers" / "search.def.min.js": "x\n//# sourceMappingURL=search.def.min.js.map",
            scripts / "workers" / "search.def.min.js.map": "{}",
            styles / "main.ghi.min.css": "a{color:red}\n/*# sourceMappingURL=main.ghi.min.css.map */",
            styles / "main.ghi.min.css.map": "{}",
        }.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    without = tmp_path / "without-search"
    theme_files(without)
    removed = prune_theme_assets(without, {"wbl-catalog", "redirects"})
    assert "assets/javascripts/lunr/min/lunr.es.min.js" in removed and "assets/javascripts/workers/search.def.min.js" in removed
    files = sorted(p.relative_to(without).as_posix() for p in without.rglob("*") if p.is_file())
    assert files == ["assets/javascripts/bundle.abc.min.js", "assets/stylesheets/main.ghi.min.css"]
    assert (without / files[0]).read_text(encoding="utf-8") == "let a=1;\n"
    assert (without / files[1]).read_text(encoding="utf-8") == "a{color:red}\n"

    with_search = tmp_path / "with-search"
    theme_files(with_search)
    prune_theme_assets(with_search, {"material/search", "wbl-catalog"})
    assert (with_search / "assets/javascripts/lunr/min/lunr.es.min.js").is_file()
    assert (with_search / "assets/javascripts/workers/search.def.min.js").read_text(encoding="utf-8") == "x\n"
    assert not list(with_search.rglob("*.map"))


class Links(HTMLParser):
    """The href of every link and the action of every form in a page's content (<article>)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in ("a", "form"):
            self.targets.append(values.get("href") or values.get("action") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


@pytest.mark.parametrize("built", ["site", "paged_site"])
def test_each_further_language_has_its_own_404_page_with_absolute_links_back(built, request):
    """A 404 page is served at any depth, so its links are absolute (on the site URL's path, /wbl/ for the
    paged site); the Spanish one is in Spanish first and searches the Spanish browse page."""
    site: Path = request.getfixturevalue(built)
    base = "/wbl/" if built == "paged_site" else "/"
    page = (site / "es" / "404.html").read_text(encoding="utf-8")
    head = head_of(site / "es" / "404.html")
    assert head.lang == "es"
    assert head.title == f"{i18n.t('not_found', 'es')} - {i18n.t('site_name', 'es')}"
    assert head.description == i18n.t("site_description", "es")
    text = text_of(page)
    assert text.index(i18n.t("not_found_help", "es")) < text.index(i18n.t("not_found_help", "en"))
    assert f"<h1>{escape(i18n.t('not_found', 'es'))}</h1>" in page and f"<h2>{escape(i18n.t('not_found', 'en'))}</h2>" in page
    assert f'<form class="wbl-search" action="{base}es/opportunities/" method="get" role="search">' in page
    assert 'name="q"' in page and str(escape(i18n.t("search_label", "es"))) in page
    links = Links()
    links.feed(page)
    assert {f"{base}es/", f"{base}es/opportunities/", f"{base}opportunities/"} <= set(links.targets)
    for target in links.targets:
        assert target.startswith(base), target
        path = target.removeprefix(base).rstrip(".")
        assert (site / path / "index.html").is_file(), target
    # The root page, which static hosts serve for every missing address, stays English first and links each
    # language's browse page; it has no search box of its own.
    root = (site / "404.html").read_text(encoding="utf-8")
    assert head_of(site / "404.html").lang == "en" and 'role="search"' not in root
    assert f'href="{base}es/opportunities/"' in root and f'href="{base}opportunities/"' in root
    assert not (site / "en" / "404.html").exists()
