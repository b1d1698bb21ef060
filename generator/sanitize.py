"""Contributor Markdown to safe HTML.

Descriptions come from the public. They are rendered as CommonMark by
cmark (C), with inline HTML passed through as Python-Markdown did, then
cleaned by nh3 (ammonia) with an allowlist: no scripts, no event handlers, no styles, and links
only to https: and mailto:. cmark replaced Python-Markdown, which took
a tenth of a listing page's build time; cmark takes a few microseconds.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import cmarkgfm
import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "hr"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"https", "mailto"}
# The checker rejects these in descriptions; dropping them here too keeps Markdown's own placeholder
# characters (STX, ETX) and terminal escapes out of pages whatever the caller checked.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


NESTING_TAG = re.compile(r"<(/?)(?:blockquote|ul|ol)\b")


def markdown_depth(text: str) -> int:
    """How many lists and quotes the deepest part of a description sits inside."""
    if not any(mark in text for mark in (">", "-", "*", "+", ".", ")")):
        return 0  # no list or quote marker at all: no need to parse
    depth = deepest = 0
    # Parsed as render_markdown parses it, so typed <blockquote> tags, which the page keeps, count too.
    html = cmarkgfm.markdown_to_html(text, options=cmarkgfm.Options.CMARK_OPT_UNSAFE)
    for match in NESTING_TAG.finditer(html):
        depth += -1 if match.group(1) else 1
        deepest = max(deepest, depth)
    return deepest


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


# A host name: dot-separated labels of letters, digits and inner hyphens (IDNs are written as xn--).
HOST = re.compile(r"(?=.{1,253}\Z)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?\Z")
# ASCII that ends or breaks an attribute or a URL where it stands after the host.
UNSAFE = frozenset("\"'<>\\^`{|}")


def first_unwritable(url: str) -> str | None:
    """The first character a link cannot hold as it is (hidden, a space, or beyond ASCII), or None."""
    if url.isascii() and url.isprintable() and " " not in url:  # most addresses: nothing to look for one by one
        return None
    return next((c for c in url if not c.isprintable() or c.isspace() or ord(c) > 0x7E), None)


def url_problem(url: str) -> str | None:
    """Why a contributor's web address cannot be a link on the page (a short phrase), or None."""
    if not url.startswith("https://"):
        return "does not start with https://"
    bad = first_unwritable(url)
    if bad == " ":
        return "contains a space"
    if bad is not None and bad.isprintable() and not bad.isspace():
        return f"contains `{bad}`, which a link must write percent-encoded"
    if bad is not None:
        return f"contains the hidden character U+{ord(bad):04X}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "has a port that is not a number from 1 to 65535"
    if port == 0:
        return "has a port that is not a number from 1 to 65535"
    if "@" in parts.netloc:
        return "has a user name before the host (`name@`), which hides where the link goes"
    host = parts.hostname or ""
    if not HOST.match(host):
        return f"has `{host}` as its host, which is not a web server's name"
    bad = next((c for c in url[len("https://") + len(parts.netloc) :] if c in UNSAFE), None)
    if bad:
        return f"contains `{bad}`, which a link must write percent-encoded"
    return None


def safe_url(url: str | None) -> str | None:
    """A contributor's web address as it may appear in a page, or None when it cannot be a link.

    The checker refuses every address this drops (`url_problem`), so a checked catalog loses none.
    """
    if not url or url_problem(url):
        return None
    return url
