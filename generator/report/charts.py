"""Static SVG charts, drawn at build time: no JavaScript, no chart library.

Every chart is an inline `<svg role="img">` with a `<title>` and a `<desc>`
(referenced by `aria-labelledby`), and is valid XML. Values are printed as
text on the chart, so nothing is told by color alone, and every text color
has a contrast of at least 4.5:1 with what is behind it (`contrast()`,
checked by the tests). The page puts a data table beside every chart: the
table is the accessible source, for screen readers and for copying.

Charts are laid out for a 360-pixel phone first: labels sit on their own
line above the bars and cells, and the SVG scales down with
`max-width: 100%`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

WIDTH = 360
PAD = 4
FONT = 13
SMALL = 11
LINE = 16
CHAR = 0.56  # average glyph width as a share of the font size, for wrapping
BOLD_CHAR = 0.62

INK = "#1a1a1a"  # text on white
BAR = "#3949ab"  # bars: 8:1 on white
WHITE = "#ffffff"
# Heat-map fills, lightest to darkest; the text color on each is chosen by contrast.
SCALE = ("#e8eaf6", "#c5cae9", "#7986cb", "#303f9f")
MUTED = "#eeeeee"  # cells outside the scale, such as "not assessed"
EMPTY_FILL = "#fdecea"  # gap cells: pale red, hatched, with a dashed border and a word
EMPTY_LINE = "#f3c4bf"
EMPTY_INK = "#8e0000"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    text: str  # the value as printed at the end of the bar


@dataclass(frozen=True, slots=True)
class Cell:
    value: int
    text: str = ""  # an optional second line, such as "120 seats"
    muted: bool = False  # outside the color scale (for example "not assessed")


# -- color -------------------------------------------------------------------


def _luminance(color: str) -> float:
    rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two #rrggbb colors (1 to 21)."""
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_on(fill: str) -> str:
    """Dark or white text, whichever reads better on fill."""
    return INK if contrast(INK, fill) >= contrast(WHITE, fill) else WHITE


def scale_fill(value: int, maximum: int) -> str:
    if maximum <= 0 or value <= 0:
        return WHITE
    return SCALE[min(len(SCALE), math.ceil(value / maximum * len(SCALE))) - 1]


def text_pairs() -> list[tuple[str, str]]:
    """Every (text, background) color pair the charts draw, for the contrast test."""
    pairs = [(INK, WHITE), (EMPTY_INK, EMPTY_FILL), (EMPTY_INK, EMPTY_LINE), (text_on(MUTED), MUTED)]
    pairs += [(text_on(fill), fill) for fill in SCALE]
    return pairs


# -- text --------------------------------------------------------------------


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """Greedy word wrap to a pixel width, by estimated glyph widths."""
    limit = max(4, int(width / (size * CHAR)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _width(text: str, size: float = FONT) -> float:
    return len(text) * size * CHAR


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = FONT,
    fill: str = INK,
    anchor: str = "start",
    bold: bool = False,
    halo: str | None = None,
) -> str:
    attrs = f'x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" fill="{fill}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if bold:
        attrs += ' font-weight="700"'
    if halo:
        attrs += f' stroke="{halo}" stroke-width="3" paint-order="stroke" stroke-linejoin="round"'
    return f"<text {attrs}>{escape(text)}</text>"


def _svg(ident: str, title: str, desc: str, width: float, height: float, body: list[str], defs: str = "") -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" id={quoteattr(ident)} class="wbl-chart-svg" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" style="max-width:100%;height:auto" '
        f"font-family={quoteattr(FONT_FAMILY)}>"
    )
    parts = [head, f'<title id="{ident}-title">{escape(title)}</title>', f'<desc id="{ident}-desc">{escape(desc)}</desc>']
    if defs:
        parts.append(f"<defs>{defs}</defs>")
    parts.append(f'<rect width="{_num(width)}" height="{_num(height)}" fill="{WHITE}"/>')
    parts.extend(body)
    parts.append("</svg>")
    return Markup("".join(parts))


# -- charts ------------------------------------------------------------------


def bar_chart(ident: str, title: str, desc: str, bars: Sequence[Bar], maximum: float | None = None) -> Markup:
    """Horizontal bars, each with its label above and its value printed after the bar."""
    inner = WIDTH - 2 * PAD
    reserve = min(inner / 2, max((_width(b.text) for b in bars), default=0) + 8)
    top = max(maximum or 0, max((b.value for b in bars), default=0))
    span = inner - reserve
    body: list[str] = []
    y = PAD
    for bar in bars:
        for line in wrap(bar.label, inner):
            body.append(_text(PAD, y + FONT, line))
            y += LINE
        y += 2
        length = 0.0 if top <= 0 else span * max(0.0, bar.value) / top
        if length > 0:
            body.append(f'<rect x="{PAD}" y="{_num(y)}" width="{_num(max(length, 2))}" height="18" fill="{BAR}"/>')
        else:  # a hairline, so a zero still has a visible start
            body.append(f'<rect x="{PAD}" y="{_num(y)}" width="1" height="18" fill="{INK}"/>')
        body.append(_text(PAD + max(length, 1) + 6, y + 14, bar.text, bold=True))
        y += 18 + 12
    return _svg(ident, title, desc, WIDTH, y + PAD - 8, body)


def heatmap(
    ident: str,
    title: str,
    desc: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Cell]]],
    mark_empty: bool = False,
    empty_text: str = "",
) -> Markup:
    """A grid of counts: one row per label, one column per category.

    Darker cells hold more; every cell prints its number. With mark_empty, a
    zero is a gap: hatched, with a dashed border and the word empty_text.
    """
    width = max(WIDTH, len(columns) * 72 + 2 * PAD)
    inner = width - 2 * PAD
    col = inner / max(1, len(columns))
    # Column heads wrap between words; a long single word makes the font smaller (never below 9) instead of overlapping.
    longest = max((len(word) for name in columns for word in name.split()), default=1)
    head_size = max(9.0, min(SMALL, (col - 6) / (longest * BOLD_CHAR)))
    maximum = max((c.value for _, cells in rows for c in cells if not c.muted), default=0)
    tall = any(c.text for _, cells in rows for c in cells) or mark_empty
    cell_h = 38 if tall else 26
    body: list[str] = []
    heads = [wrap(name, (col - 6) * CHAR / BOLD_CHAR, head_size) for name in columns]
    head_lines = max((len(h) for h in heads), default=1)
    for j, lines in enumerate(heads):
        for k, line in enumerate(lines):
            body.append(
                _text(
                    PAD + j * col + col / 2,
                    PAD + head_size + k * (head_size + 2),
                    line,
                    size=head_size,
                    anchor="middle",
                    bold=True,
                )
            )
    y = PAD + head_lines * (head_size + 2) + 6
    for name, cells in rows:
        for line in wrap(name, inner):
            body.append(_text(PAD, y + FONT, line))
            y += LINE
        y += 2
        for j, cell in enumerate(cells):
            x = PAD + j * col + 1
            cx = x + (col - 2) / 2
            empty = mark_empty and cell.value == 0 and not cell.muted
            if empty:
                fill, ink = f"url(#{ident}-gap)", EMPTY_INK
                border = f' stroke="{EMPTY_INK}" stroke-width="1.5" stroke-dasharray="4 3"'
            else:
                fill = MUTED if cell.muted else scale_fill(cell.value, maximum)
                ink = text_on(fill)
                border = ' stroke="#9e9e9e" stroke-width="1"' if fill == WHITE else ""
            body.append(f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(col - 2)}" height="{cell_h}" fill="{fill}"{border}/>')
            halo = EMPTY_FILL if empty else None
            second = empty_text if empty else cell.text
            main_y = y + (16 if second else 18)
            body.append(_text(cx, main_y, str(cell.value), size=14, fill=ink, anchor="middle", bold=True, halo=halo))
            if second:
                size = max(8.0, min(10.5, (col - 8) / max(1, len(second) * CHAR)))  # long numbers get a smaller font
                body.append(_text(cx, y + 31, second, size=size, fill=ink, anchor="middle", halo=halo))
        y += cell_h + 10
    defs = ""
    if mark_empty:
        defs = (
            f'<pattern id="{ident}-gap" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            f'<rect width="8" height="8" fill="{EMPTY_FILL}"/><line x1="0" y1="0" x2="0" y2="8" stroke="{EMPTY_LINE}" stroke-width="3"/>'
            "</pattern>"
        )
    return _svg(ident, title, desc, width, y + PAD - 8, body, defs)
