"""The site is not tied to MkDocs: ProperDocs builds the same site, and the rendered pages build without the glue.

- ProperDocs, the maintained fork of MkDocs 1.x, builds mkdocs.yml with Material and the catalog plugin into the
  same files as MkDocs, byte for byte apart from the generator tag.
- `python -m generator pages` writes every page as Markdown with front matter. A second engine (here ProperDocs
  with the stock Material theme, no catalog plugin, no theme overrides) builds that folder into a site where every
  listing and organization has its page in both languages, with its content, and the links between pages resolve.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from sitebuild import AS_OF, ENGINE, ROOT, build_site, engine_command

from generator.model.checked import check_catalog

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def catalog():
    checked = check_catalog(ROOT / "catalog")
    assert checked.ok, checked.failure_report()
    return checked.catalog


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def test_properdocs_finds_the_plugins_and_the_theme() -> None:
    """ProperDocs reads the `mkdocs.plugins` and `mkdocs.themes` entry points beside its own `properdocs.*` groups,
    and aliases every `mkdocs.*` import to `properdocs.*`, so the catalog plugin subclasses ProperDocs' classes."""
    probe = """
import json
import properdocs.replacement  # what the properdocs command imports first
import properdocs.plugins, properdocs.utils, sys
import generator.mkdocs_plugin as plugin
plugins = properdocs.plugins.get_plugins()
print(json.dumps({
    "mkdocs_is_properdocs": sys.modules["mkdocs"] is sys.modules["properdocs"],
    "plugin_base": plugin.BasePlugin.__module__,
    "plugins": {name: plugins[name].dist.name for name in ("wbl-catalog", "redirects")},
    "themes": sorted(properdocs.utils.get_theme_names()),
}))
"""
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    found = json.loads(result.stdout)
    assert found["mkdocs_is_properdocs"] is True
    assert found["plugin_base"] == "properdocs.plugins"
    assert found["plugins"] == {"wbl-catalog": "wbl-catalog", "redirects": "mkdocs-redirects"}
    assert "material" in found["themes"]


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path, bundled_site: Path) -> None:
    # The session's shared build is MkDocs's unless the suite runs on another engine; then build with MkDocs here.
    if ENGINE == "mkdocs":
        mkdocs_site = bundled_site
    else:
        mkdocs_site = tmp_path / "mkdocs"
        build_site(mkdocs_site, engine="mkdocs")
    result = build_site(tmp_path / "properdocs", engine="properdocs")
    assert "WARNING" not in result.stderr, result.stderr
    mkdocs_files, properdocs_files = _files(mkdocs_site), _files(tmp_path / "properdocs")
    assert set(mkdocs_files) == set(properdocs_files)
    listings = [f for f in mkdocs_files if re.fullmatch(r"(es/)?opportunities/[^/]+/[^/]+/index\.html", f)]
    assert len(listings) >= 60
    tags: set[bytes] = set()
    different = []
    for name, path in sorted(mkdocs_files.items()):
        a, b = path.read_bytes(), properdocs_files[name].read_bytes()
        if a != b:
            tags.update(GENERATOR_TAG.findall(b))
            if GENERATOR_TAG.sub(b"", a) != GENERATOR_TAG.sub(b"", b):
                different.append(name)
    assert different == []
    # The one difference: Material names the engine in each page's generator tag.
    assert all(b"ProperDocs" in tag for tag in tags) and tags


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links += [value for name, value in attrs if name == "href" and value]
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1 and data.strip():
            self.h1.append(data.strip())


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """`generator pages` of the bundled catalog, built by ProperDocs with stock Material and no catalog plugin."""
    work = tmp_path_factory.mktemp("plain")
    pages, site = work / "pages", work / "site"
    env = {**os.environ, "CATALOG_TODAY": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CATALOG_DIR", None)
    subprocess.run([sys.executable, "-m", "generator", "pages", "--out", str(pages)], cwd=ROOT, env=env, check=True, timeout=300)
    config = work / "properdocs.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "site_name": "Work-based learning catalog",
                "docs_dir": str(pages),
                "site_dir": str(site),
                "use_directory_urls": True,
                "theme": {"name": "material", "font": False},
                "plugins": [],
            }
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        engine_command("build", "--strict", "-f", str(config), engine="properdocs"),
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return pages, site


def test_pages_are_markdown_with_front_matter_for_both_languages(plain_site: tuple[Path, Path], catalog) -> None:
    pages, _ = plain_site
    for opportunity in catalog.opportunities.values():
        en = _front_matter(pages / "opportunities" / opportunity.id / "index.md")
        es = _front_matter(pages / "es" / "opportunities" / opportunity.id / "index.md")
        assert (en["lang"], es["lang"]) == ("en", "es")
        assert en["page_kind"] == es["page_kind"] == "opportunity"
        assert en["canonical_path"] == f"opportunities/{opportunity.id}/" == es["alternates"]["en"]
        assert es["canonical_path"] == f"es/opportunities/{opportunity.id}/" == en["alternates"]["es"]
        assert en["title"] and es["title"]
    for organization in catalog.organizations.values():
        assert (pages / "employers" / organization.id / "index.md").is_file()
        assert (pages / "es" / "employers" / organization.id / "index.md").is_file()


def test_a_second_engine_builds_every_listing_page_in_both_languages(plain_site: tuple[Path, Path], catalog) -> None:
    pages, site = plain_site
    assert len(catalog.opportunities) >= 30
    for opportunity in catalog.opportunities.values():
        for prefix in ("", "es/"):
            source = pages / f"{prefix}opportunities" / opportunity.id / "index.md"
            html = (site / f"{prefix}opportunities" / opportunity.id / "index.html").read_text(encoding="utf-8")
            title = _front_matter(source)["title"]
            page = _Page()
            page.feed(html)
            assert page.h1 == [title], f"{prefix}{opportunity.id}: {page.h1}"
            assert 'class="wbl wbl-opportunity"' in html


def test_the_engine_prints_every_page_body_unchanged(plain_site: tuple[Path, Path]) -> None:
    """The bodies are finished HTML: the engine's Markdown pass leaves every one of them exactly as written."""
    pages, site = plain_site
    sources = sorted(pages.rglob("*.md"))
    assert len(sources) > 100
    changed = []
    for source in sources:
        body = source.read_text(encoding="utf-8").split("---\n", 2)[2].strip()
        assert source.name == "index.md", source  # every page is a folder's index: addresses end in /
        built = site / source.relative_to(pages).parent / "index.html"
        if body not in built.read_text(encoding="utf-8"):
            changed.append(source.relative_to(pages).as_posix())
    assert changed == []


def test_links_between_pages_resolve_without_the_glue(plain_site: tuple[Path, Path]) -> None:
    _, site = plain_site
    broken = set()
    checked = 0
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if '<div class="wbl' not in html:
            continue  # the home page and the theme's own pages
        parser = _Page()
        parser.feed(html[html.index('<div class="wbl') :])  # the generator's content, not the engine's navigation
        for href in parser.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.endswith("/"):
                continue  # other sites, and files (exports, feeds) that the glue writes
            target = (page.parent / parts.path).resolve() / "index.html"
            checked += 1
            if not target.is_file():
                broken.add(f"{page.relative_to(site)} -> {href}")
    assert checked > 500, checked
    assert sorted(broken) == []
