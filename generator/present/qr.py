"""QR codes for printed flyers, as small inline SVG.

The symbol comes from zxing-cpp (C++): a listing site has two flyers per listing, and a pure-Python
encoder was a third of a listing page's build time. The SVG is written here: one path of horizontal
runs, relative moves, no XML prolog, so it can sit inside the page.
"""

from __future__ import annotations

import re

import zxingcpp

DARK = re.compile(b"\x00+")
# Every mask pattern is valid and scanners read each of them (a test decodes the pages' codes). Choosing
# the mask by the standard's penalty score tries all eight and took 85% of the encoder's time.
MASK = 0


def modules(text: str) -> tuple[bytes, int]:
    """The symbol with its quiet zone, one byte per module row by row (0 dark, 255 light), and its width.

    Error correction level M."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M", data_mask=MASK)
    image = barcode.to_image(scale=1, add_quiet_zones=True)
    width: int = image.shape[1]  # (rows, columns): one byte per module
    # zxingcpp's Image has the buffer protocol, but its type information does not declare it.
    return memoryview(image).tobytes(), width  # type: ignore[arg-type]


def svg(text: str, scale: int = 3) -> str:
    data, width = modules(text)
    size = width * scale
    path: list[str] = []
    pen = 0  # where the last run ended, as an offset into data; rows are drawn along their middle
    # The quiet zone is light, so no run of dark modules reaches from one row into the next.
    for start, end in [run.span() for run in DARK.finditer(data)]:
        row, column = divmod(start, width)
        if path:
            pen_row, pen_column = divmod(pen, width)
            path.append(f"m{column - pen_column} {row - pen_row}h{end - start}")
        else:
            path.append(f"M{column} {row + 0.5}h{end - start}")
        pen = end
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" role="img" aria-label="QR">'
        f'<path transform="scale({scale})" stroke="#000" d="{"".join(path)}"/></svg>'
    )
