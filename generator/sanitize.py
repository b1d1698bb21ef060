"""Contributor Markdown to safe HTML.

Descriptions come from the public. They are rendered with a plain
Markdown (no extensions that read files or add attributes), then cleaned
with an allowlist: no scripts, no event handlers, no styles, and links
only to https: and mailto:.
"""

from __future__ import annotations

import markdown
import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "hr"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"https", "mailto"}


def _shift_headings(html: str) -> str:
    # Contributor headings sit under the page's own h2 sections.
    for level in (1, 2):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    return html


def render_markdown(text: str) -> str:
    """Markdown from a contributor, as sanitized HTML."""
    html = markdown.markdown(text, extensions=[], output_format="html")
    html = _shift_headings(html)
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="nofollow noopener noreferrer", strip_comments=True
    )


def safe_url(url: str | None) -> str | None:
    """A contributor link, or None when its scheme is not allowed."""
    if not url:
        return None
    cleaned = nh3.clean(
        f'<a href="{url.replace(chr(34), "%22")}">x</a>',
        tags={"a"},
        attributes={"a": {"href"}},
        url_schemes={"https"},
        link_rel=None,
    )
    return url if cleaned.startswith("<a href=") and url.lower().startswith("https://") else None
