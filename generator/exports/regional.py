"""Each region's own exports, in a catalog of several regions, under data/regions/<region-id>/.

| file | what |
|---|---|
| catalog.json.gz | the region's catalog.json, gzip-compressed (exports/bulk.py) |
| opportunities.csv | its listings, one a row (exports/tabular.py) |
| deadlines.ics, deadlines/<sector-id>.ics | its deadlines and start dates, all and by sector (exports/calendar.py) |

A region's files hold what a build of that region alone publishes (regions.select): its listings, the
organizations they name, its areas, and a site in another region as outside the region. So a regional hub or a
211 directory takes its region's data without reading the state's. Only the compressed catalog.json: at
50,000 listings the state's is about 240 MB, and the regions' together as much again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import IO

from generator.exports.bulk import Opener, write_catalog
from generator.exports.calendar import calendars
from generator.exports.dates import ChangeDates
from generator.exports.tabular import opportunities_csv
from generator.model import Catalog, regions

FOLDER = "data/regions/"
FILES = ("catalog.json.gz", "opportunities.csv", "deadlines.ics")  # the ones the Data page links, per region


def folder(region_id: str) -> str:
    return f"{FOLDER}{region_id}/"


def _renamed(opener: Opener, path: str, _bulk_path: str) -> AbstractContextManager[IO[bytes]]:
    """The region's compressed catalog at its own path, for write_catalog's one file (compressed_only)."""
    return opener(path)


def write_regional(
    catalog: Catalog, site_url: str, dates: ChangeDates, opener: Opener, write: Callable[[str, bytes], None]
) -> None:
    """Writes every region's files when the catalog has several regions: the compressed catalog through opener
    (streamed), the others with write(path, bytes)."""
    if not regions.several(catalog):
        return
    for region in catalog.vocabularies.items("regions"):
        mine = regions.select(catalog, [region.id])
        base = folder(region.id)
        write_catalog(mine, site_url, dates, functools.partial(_renamed, opener, base + "catalog.json.gz"), compressed_only=True)
        write(base + "opportunities.csv", opportunities_csv(mine, site_url, dates))
        for path, data in calendars(mine, site_url, dates, folder=base, scope=region.name).items():
            write(path, data)
