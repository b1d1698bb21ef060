"""The whole site built in the pseudo-locale: every piece of interface text must come from the catalogs.

In the pseudo-locale (`qps`) every message and every formatted date, number and amount is marked ⟦…⟧
(generator/i18n.py). A page of /qps/ may then show only marked text, contributor text that says its own
language (`lang="en"`, as on Spanish pages), names that are never translated (`translate="no"`: places, e-mail
addresses), literal code, and the theme's own translated words. Any other text with a letter in it was
written into a template or into the code instead of a catalog. The page's <title> is left out: it holds the
record's own title, which markup cannot mark there.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from sitebuild import ROOT, build_site

from generator import i18n

PSEUDO = i18n.PSEUDO
MARKED = re.compile(f"{re.escape(i18n.PSEUDO_OPEN)}[^{i18n.PSEUDO_OPEN}{i18n.PSEUDO_CLOSE}]*{re.escape(i18n.PSEUDO_CLOSE)}")
LETTER = re.compile(r"[^\W\d_]")
# Elements whose text is literal (file names, parameters, addresses, examples to copy) or not text at all.
LITERAL = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def theme_words() -> set[str]:
    """The theme's own interface text in English (Material's translations), which it shows where it has no
    translation for the page's language."""
    import material

    source = (Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html").read_text("utf-8")
    return set(re.findall(r'"[\w.-]+": "([^"]+)"', source))


class Unmarked(HTMLParser):
    """Collects the text and labelling attributes of a page that are neither marked nor in a declared language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, exempt)
        self.found: list[str] = []

    def exempt(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        exempt = self.exempt() or tag in LITERAL or (lang is not None and lang != PSEUDO) or values.get("translate") == "no"
        if tag == "html":
            exempt = False
        if not exempt:
            for name in ATTRIBUTES:
                self.check(values.get(name), f"{tag}[{name}]")
            if tag == "meta" and values.get("name") == "description":
                self.check(values.get("content"), "meta description")
        if tag not in VOID:
            self.stack.append((tag, exempt))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self.exempt():
            self.check(data, self.stack[-1][0] if self.stack else "")

    def check(self, text: str | None, where: str) -> None:
        if text and LETTER.search(unmarked(text)):
            self.found.append(f"{where}: {text.strip()[:80]}")


def unmarked(text: str) -> str:
    """What is left of a text without its marked parts; marks nest (a formatted number in a message)."""
    while True:
        shorter = MARKED.sub("", text)
        if shorter == text:
            return text
        text = shorter


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pseudo")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      languages: [es]\n", f"      languages: [{PSEUDO}]\n", 1)
    config = config.replace("docs_dir: docs\n", f"docs_dir: {ROOT / 'docs'}\n", 1)
    config = config.replace("custom_dir: site_overrides\n", f"custom_dir: {ROOT / 'site_overrides'}\n", 1)
    assert f"languages: [{PSEUDO}]" in config and str(ROOT / "site_overrides") in config
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = work / "site"
    build_site(out, ROOT / "catalog", config=work / "mkdocs.yml")
    return out


def test_every_pseudo_page_shows_only_catalog_text(site: Path) -> None:
    allowed = theme_words()
    pages = sorted((site / PSEUDO).rglob("*.html"))
    assert len(pages) > 50, "the pseudo-locale build made too few pages"
    problems = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # an old address of a renamed listing: the redirects plugin's page
        parser = Unmarked()
        parser.feed(html)
        for found in parser.found:
            if found.split(": ", 1)[1] not in allowed:
                problems.append(f"{page.relative_to(site)}: {found}")
    assert not problems, f"{len(problems)} pieces of interface text are not from the catalogs:\n" + "\n".join(problems[:60])


def test_the_header_links_each_page_in_the_other_language(site: Path) -> None:
    page = (site / PSEUDO / "sectors" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../sectors/" hreflang="en" lang="en">{i18n.t("language_name", "en")}</a>' in page
    english = (site / "sectors" / "index.html").read_text(encoding="utf-8")
    assert f'hreflang="{PSEUDO}" lang="{PSEUDO}">{i18n.t("language_name", PSEUDO)}</a>' in english
    assert not (site / "es").exists(), "a language the configuration did not choose was built"


def test_the_browse_script_text_comes_from_the_catalogs(site: Path) -> None:
    page = (site / PSEUDO / "opportunities" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="wbl-browse-labels">(.*?)</script>', page, re.S)
    assert found, "the browse page has no labels"
    labels = json.loads(found.group(1))
    assert labels["ui"] and not any(LETTER.search(unmarked(text)) for text in labels["ui"].values()), labels["ui"]
    assert not any(LETTER.search(unmarked(facet["label"])) for facet in labels["facets"])


def test_a_further_language_has_its_pages_search_and_open_data_fields(site: Path) -> None:
    document = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    for kind in ("opportunities", "organizations", "pathways"):
        assert document[kind] and all(PSEUDO in record and "es" in record for record in document[kind]), kind
    assert (site / "browse-data" / PSEUDO / "facets.json").is_file()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="{PSEUDO}"' in sitemap and 'hreflang="es"' not in sitemap
