"""Contributor text is inert in the built site: nothing runs, nothing leaks."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from sitebuild import build_site, minimal_catalog

MARK = "pwned"
HOSTILE_DESCRIPTION = f"""\
Plain text first.

<script>alert('{MARK}')</script>

<img src=x onerror="alert('{MARK}')">

<a href="javascript:alert('{MARK}')">plain javascript link</a>

<a href="jav&#x61;script:alert('{MARK}')">entity-encoded link</a>

<a href="JaVaScRiPt:alert('{MARK}')">mixed-case link</a>

[markdown javascript link](javascript:alert('{MARK}'))

[reference link][evil]

[evil]: vbscript:msgbox("{MARK}")

![image](data:text/html;base64,PHNjcmlwdD5hbGVydCgncHduZWQnKTwvc2NyaXB0Pg==)

[data link](data:text/html,<script>alert('{MARK}')</script>)

<iframe src="https://evil.example/{MARK}"></iframe>

<form action="https://evil.example/{MARK}"><input name="{MARK}"></form>

<meta http-equiv="refresh" content="0;url=https://evil.example/{MARK}">

<div style="background:url(javascript:alert('{MARK}'))">styled</div>

A paragraph with attributes
{{: onclick="alert('{MARK}')" }}

--8<-- "mkdocs.yml"

{{{{ config.site_name }}}} and {{% include "base.html" %}} and {{{{ 7*7 }}}}

<svg onload="alert('{MARK}')"><circle r="1"/></svg>

[good link](https://example.org/ok) and <mailto:jobs@example.org>
"""

HOSTILE_TITLE = f"</title><script>alert('{MARK}')</script>\"><img src=x onerror=alert('{MARK}')> {{{{ 7*7 }}}}"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    catalog = minimal_catalog(root / "catalog")
    listing = catalog / "employers" / "acme-health" / "lab-internship.yml"
    data = yaml.safe_load(listing.read_text())
    data["title"] = HOSTILE_TITLE
    data["summary"] = f"Summary \"><script>alert('{MARK}')</script> @maintainers"
    data["description"] = HOSTILE_DESCRIPTION
    data["contact"]["role"] = f"<b onmouseover=alert('{MARK}')>Office</b>"
    data["sites"][0]["name"] = f"<script>alert('{MARK}')</script>"
    data["sites"][0]["transit"] = f"{{{{ 7*7 }}}} <img src=x onerror=alert('{MARK}')>"
    data["application"]["how"] = f"<a href=\"javascript:alert('{MARK}')\">click</a>"
    data["translations"] = {"es": {"title": HOSTILE_TITLE, "description": HOSTILE_DESCRIPTION}}
    listing.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = root / "site"
    build_site(out, catalog)
    return out


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self.title_text: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.script_text.append(data)
        elif self._in == "title":
            self.title_text.append(data)


def pages(site: Path) -> list[Path]:
    return [
        site / "opportunities/acme-health/lab-internship/index.html",
        site / "es/opportunities/acme-health/lab-internship/index.html",
        site / "opportunities/index.html",
        site / "index.html",
        site / "employers/acme-health/index.html",
    ]


@pytest.mark.parametrize("index", range(5))
def test_no_contributor_text_can_run(hostile_site, index):
    html = pages(hostile_site)[index].read_text(encoding="utf-8")
    parsed = Collector()
    parsed.feed(html)
    for tag, attrs in parsed.tags:
        assert tag not in ("iframe", "object", "embed", "meta") or attrs.get("http-equiv") is None, (tag, attrs)
        assert tag not in ("iframe", "object", "embed", "svg") or MARK not in str(attrs)
        if tag == "form":
            assert attrs.get("action", "").startswith(("../", "./", "")) and MARK not in str(attrs)
        for name, value in attrs.items():
            value = (value or "").strip().lower()
            assert not name.startswith("on"), (tag, attrs)
            assert name != "style" or MARK not in value
            if name in ("href", "src", "action", "formaction"):
                assert not value.startswith(("javascript:", "vbscript:", "data:")), (tag, attrs)
    assert all(MARK not in text for text in parsed.script_text if "application/ld+json" not in text)
    assert "49" not in "".join(parsed.title_text)


def test_title_cannot_break_out_of_title_or_meta(hostile_site):
    html = pages(hostile_site)[0].read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert head.count("<title>") == 1 and head.count("</title>") == 1
    assert "&lt;/title&gt;&lt;script&gt;" in head
    assert "<img" not in head


def test_template_syntax_and_snippet_lines_render_as_text(hostile_site):
    html = pages(hostile_site)[0].read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html
    assert "{{ config.site_name }}" in html
    assert "--8&lt;-- &quot;mkdocs.yml&quot;" in html or '--8&lt;-- "mkdocs.yml"' in html
    assert "use_directory_urls" not in html


def test_allowed_links_survive_with_nofollow(hostile_site):
    html = pages(hostile_site)[0].read_text(encoding="utf-8")
    assert '<a href="https://example.org/ok" rel="nofollow noopener noreferrer">good link</a>' in html
    assert 'href="mailto:jobs@example.org"' in html
