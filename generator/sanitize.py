"""Contributor Markdown to safe HTML.

Descriptions come from the public. They are rendered as CommonMark by
cmark (C), with inline HTML passed through as Python-Markdown did, then
cleaned by nh3 (ammonia) with an allowlist: no scripts, no event handlers, no styles, and links
only to https: and mailto:. cmark replaced Python-Markdown, which took
a tenth of a listing page's build time; cmark takes a few microseconds.
"""

from __future__ import annotations

import re

import cmarkgfm
import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "hr"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"https", "mailto"}
# The checker rejects these in descriptions; dropping them here too keeps Markdown's own placeholder
# characters (STX, ETX) and terminal escapes out of pages whatever the caller checked.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _shift_headings(html: str) -> str:
    # Contributor headings sit under the page's own h2 sections.
    for level in (1, 2):
        html = html.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    return html


def render_markdown(text: str) -> str:
    """Markdown from a contributor, as sanitized HTML."""
    # UNSAFE only means cmark leaves inline HTML to nh3, which keeps allowed tags such as <a href="https:...">.
    html = cmarkgfm.markdown_to_html(CONTROLS.sub("", text), options=cmarkgfm.Options.CMARK_OPT_UNSAFE)
    html = _shift_headings(html)
    # Links without a scheme go too: `//host/x` and `/\\host/x` leave the site with no https: check.
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        url_relative="deny",
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
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
