"""Organization logos: checked by content, published only in a form that cannot run code.

A logo is a file from a contributor that the site serves from its own address, so an SVG with a
script would run as the site. A PNG must be a whole, real PNG of sensible size. An SVG may hold
only drawing elements and presentation attributes (no script, no styles, no links out, no
embedded images or documents); it is published as re-written from its parsed elements.
Anything else is refused with a located problem, so the page never shows a logo it cannot vouch for.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

MAX_BYTES = 200_000
MAX_PIXELS = 2048
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "http://www.w3.org/2000/svg"
ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "title",
        "desc",
        "defs",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "symbol",
    ]
)
ATTRIBUTES = frozenset(
    [
        "id",
        "class",
        "viewBox",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "fx",
        "fy",
        "d",
        "points",
        "transform",
        "version",
        "preserveAspectRatio",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-opacity",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "opacity",
        "clip-path",
        "clip-rule",
        "mask",
        "clipPathUnits",
        "maskUnits",
        "maskContentUnits",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "offset",
        "stop-color",
        "stop-opacity",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-anchor",
        "dominant-baseline",
        "letter-spacing",
        "dx",
        "dy",
        "role",
        "aria-label",
        "aria-hidden",
    ]
)
# The only url() a logo may use points inside itself: a gradient, clip path or mask by id.
OUTSIDE_URL = re.compile(r"url\(\s*(?!['\"]?#)", re.IGNORECASE)
FIX_SVG = "Export the logo again as plain SVG (in Inkscape: Save As, Plain SVG), or as PNG"
FIX_PNG = "Export the logo again as PNG or SVG from an image editor"


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _png_problem(data: bytes) -> tuple[str, str] | None:
    if not data.startswith(PNG_SIGNATURE):
        start = data[:64].lstrip().lower()
        seems = " (it holds text, such as a web page)" if start.startswith((b"<", b"{")) else ""
        return f"The logo is not a PNG image{seems}", FIX_PNG
    at, width, height, ended = len(PNG_SIGNATURE), 0, 0, False
    while at < len(data) and not ended:
        if at + 12 > len(data):
            return "The PNG image is cut short", FIX_PNG
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        if len(body) != length or at + 12 + length > len(data) or not kind.isalpha():
            return "The PNG image is cut short or damaged", FIX_PNG
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        if zlib.crc32(kind + body) != crc:
            return "The PNG image is damaged (a checksum does not match)", FIX_PNG
        if at == len(PNG_SIGNATURE):
            if kind != b"IHDR" or length != 13:
                return "The PNG image is damaged (it does not start with its header)", FIX_PNG
            width, height = struct.unpack(">II", body[:8])
        ended = kind == b"IEND"
        at += 12 + length
    if not ended or at != len(data):
        return "The PNG image is damaged (it does not end where a PNG ends)", FIX_PNG
    if not (0 < width <= MAX_PIXELS and 0 < height <= MAX_PIXELS):
        return f"The logo is {width}×{height} pixels; logos are at most {MAX_PIXELS}×{MAX_PIXELS}", "Save it smaller"
    return None


def _svg_problem(data: bytes) -> tuple[tuple[str, str] | None, bytes]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ("The SVG logo is not UTF-8 text", FIX_SVG), b""
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE) or re.search(r"<\?(?!xml\s)", text):
        return ("The SVG logo has a DOCTYPE, entity or processing instruction, which a logo may not hold", FIX_SVG), b""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return (f"The SVG logo is not well-formed XML (line {exc.position[0]})", FIX_SVG), b""
    if root.tag != f"{{{SVG}}}svg":
        return ("The logo is not an SVG image (its outer element is not `<svg>`)", FIX_SVG), b""
    for element in root.iter():
        name = _local(element.tag)
        if not element.tag.startswith(f"{{{SVG}}}") or name not in ELEMENTS:
            return (f"The SVG logo holds `<{name or element.tag}>`, which a logo may not hold", FIX_SVG), b""
        for attribute, value in element.attrib.items():
            if attribute.startswith("{") or attribute not in ATTRIBUTES:
                return (f"The SVG logo has the attribute `{_local(attribute)}`, which a logo may not have", FIX_SVG), b""
            if OUTSIDE_URL.search(value) or "javascript:" in value.lower():
                return (f"The SVG logo's `{attribute}` points outside the logo", FIX_SVG), b""
    ET.register_namespace("", SVG)
    return None, ET.tostring(root, encoding="utf-8", xml_declaration=True)


def read_logo(path: Path) -> tuple[tuple[str, str] | None, bytes]:
    """((what, fix) or None, the bytes to publish) for an organization's logo file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return (f"The logo is {size:,} bytes; logos are at most {MAX_BYTES // 1000} kB", "Save it smaller"), b""
        data = path.read_bytes()
    except OSError as exc:
        return (f"The logo cannot be read ({exc.strerror})", "Replace it with a PNG or SVG file"), b""
    if path.suffix == ".png":
        problem = _png_problem(data)
        return problem, b"" if problem else data
    return _svg_problem(data)
