"""QR codes for printed flyers, as small inline SVG.

The symbol comes from zxing-cpp (C++): a listing site has two flyers per listing, and a pure-Python
encoder was a third of a listing page's build time. The SVG is written here: one path of horizontal
runs, relative moves, no XML prolog, so it can sit inside the page.
"""

from __future__ import annotations

import re

import zxingcpp

QUIET = 4  # modules of white border that scanners need around the symbol
DARK = re.compile(b"\x00+")


def modules(text: str) -> list[bytes]:
    """The symbol's rows, one byte per module: 0 is dark, 255 is light (error correction level M)."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    height, width = memoryview(image).shape
    data = bytes(memoryview(image))
    return [data[row * width : (row + 1) * width] for row in range(height)]


def svg(text: str, scale: int = 3) -> str:
    rows = modules(text)
    size = (len(rows) + 2 * QUIET) * scale
    path: list[str] = []
    x = y = 0  # the pen, in modules; rows are drawn along their middle, so y is off by half a module
    for row_number, row in enumerate(rows):
        for run in DARK.finditer(row):
            tx, ty = run.start() + QUIET, row_number + QUIET
            length = run.end() - run.start()
            path.append(f"m{tx - x} {ty - y}h{length}" if path else f"M{tx} {ty + 0.5}h{length}")
            x, y = tx + length, ty
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" role="img" aria-label="QR">'
        f'<path transform="scale({scale})" stroke="#000" d="{"".join(path)}"/></svg>'
    )
