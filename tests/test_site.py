"""The real MkDocs build of the bundled catalog, asserted on its HTML."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from markupsafe import escape
from sitebuild import ROOT, build_site, minimal_catalog

from generator import i18n
from generator.catalog import check_catalog
from generator.render import browse_index as bi
from generator.render import word_index as wi
from generator.render.context import View

AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def catalog():
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.errors
    return checked.catalog


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(out)
    return out


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


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
        "counselors/",
        "data/",
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
    opps = bi.ordered(catalog)

    def load(name: str) -> dict:
        return json.loads((folder / "words" / name).read_text(encoding="utf-8"))

    for ordinal, opp in enumerate(opps):
        title = opp.text("title", lang)
        assert title is not None
        assert ordinal in wi.search(title.value, meta, load, len(opps)), (lang, opp.id)
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


def test_spanish_page_marks_english_fallback_text(site, catalog):
    untranslated = next(o for o in catalog.opportunities.values() if not o.raw.get("translations"))
    html = read(site, "es/" + untranslated.url)
    assert f'<h1><span lang="en">{escape(untranslated.title)}</span></h1>' in html


def test_a_broken_reference_fails_the_build_with_the_checker_message(tmp_path):
    catalog = minimal_catalog(tmp_path / "catalog")
    listing = catalog / "employers" / "acme-health" / "lab-internship.yml"
    listing.write_text(listing.read_text().replace("pathways: [health-careers]", "pathways: [helth-careers]"))
    result = build_site(tmp_path / "site", catalog, check=False)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert (
        f"{listing}:10:12: error: `pathways[1]` names the pathway `helth-careers`, which is not in the catalog. "
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
