"""The exports of the whole catalog, written in one pass, one record at a time.

| file | what |
|---|---|
| catalog.json | every organization, listing, pathway and retired id (exports/records.py) |
| catalog.json.gz | the same bytes, gzip-compressed: no file name and time 0 in its header, so two builds are identical |
| catalog.ndjson | one listing a line: each line is an item of catalog.json's `opportunities`, in the same order |
| catalog-meta.json | catalog.json's top-level facts without its lists (format_version, as_of, counts, ...), for readers of the NDJSON file |
| hsds/services.json, hsds/organizations.json | Open Referral HSDS 3.0 (exports/hsds.py) |

Each record is made once and written to every file that holds it, so memory holds one record, not the
catalog's text: at 50,000 listings catalog.json is about 240 MB. The JSON is written as json.dumps writes the
whole document (sorted keys, no spaces), so the bytes are those of the one-object form (records.catalog_document).
"""

from __future__ import annotations

import contextlib
import gzip
import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import IO, Any

from generator.exports import hsds
from generator.exports.dates import ChangeDates
from generator.exports.records import catalog_sections
from generator.model import Catalog

# Opens a site path (data/catalog.json) for writing bytes.
Opener = Callable[[str], AbstractContextManager[IO[bytes]]]

CATALOG = "data/catalog.json"
GZIP = "data/catalog.json.gz"
NDJSON = "data/catalog.ndjson"
META = "data/catalog-meta.json"
HSDS_SERVICES = "data/hsds/services.json"
HSDS_ORGANIZATIONS = "data/hsds/organizations.json"
FILES = (CATALOG, GZIP, NDJSON, META, HSDS_SERVICES, HSDS_ORGANIZATIONS)
# zlib's default: at 50,000 listings level 9 took noticeably longer for a file a few percent smaller.
GZIP_LEVEL = 6


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


class PageWriter:
    """An HSDS `Page` (hsds.page) written as its contents come: `contents` sorts first among its keys."""

    def __init__(self, out: IO[bytes], total: int) -> None:
        self.out, self.first = out, True
        self.tail = b"]," + dumps(hsds.page(total))[1:] + b"\n"
        out.write(b'{"contents":[')

    def add(self, record: dict[str, Any]) -> None:
        self.out.write((b"" if self.first else b",") + dumps(record))
        self.first = False

    def close(self) -> None:
        self.out.write(self.tail)


def write_catalog(catalog: Catalog, site_url: str, dates: ChangeDates, opener: Opener, compressed_only: bool = False) -> None:
    """Writes every file of FILES through opener, in one pass; with compressed_only, catalog.json.gz alone (a
    region's, exports/regional.py)."""
    sections = catalog_sections(catalog, site_url, dates)
    meta = {k: v for k, v in sections.items() if not isinstance(v, (Iterator, list))}
    wanted = (GZIP,) if compressed_only else (CATALOG, GZIP, NDJSON, HSDS_SERVICES, HSDS_ORGANIZATIONS, META)
    with contextlib.ExitStack() as stack:
        out = {p: stack.enter_context(opener(p)) for p in wanted}
        plain, lines, meta_out = out.get(CATALOG), out.get(NDJSON), out.get(META)
        # filename="" keeps the output's name out of the header; mtime=0 the time.
        zipped = stack.enter_context(gzip.GzipFile(filename="", mode="wb", fileobj=out[GZIP], mtime=0, compresslevel=GZIP_LEVEL))
        services = PageWriter(out[HSDS_SERVICES], len(catalog.opportunities)) if HSDS_SERVICES in out else None
        organizations = PageWriter(out[HSDS_ORGANIZATIONS], len(catalog.organizations)) if HSDS_ORGANIZATIONS in out else None

        def both(data: bytes) -> None:
            if plain is not None:
                plain.write(data)
            zipped.write(data)

        both(b"{")
        for n, key in enumerate(sorted(sections)):
            both((b"," if n else b"") + dumps(key) + b":")
            value = sections[key]
            if not isinstance(value, Iterator):
                both(dumps(value))
                continue
            both(b"[")
            for i, record in enumerate(value):
                data = dumps(record)
                both((b"," if i else b"") + data)
                if key == "opportunities":
                    if lines is not None:
                        lines.write(data + b"\n")
                    if services is not None:
                        services.add(hsds.service(catalog, record))
                elif key == "organizations" and organizations is not None:
                    organizations.add(hsds.organization(record))
            both(b"]")
        both(b"}\n")
        if services is not None and organizations is not None:
            services.close()
            organizations.close()
        if meta_out is not None:
            meta_out.write(dumps(meta) + b"\n")


@contextlib.contextmanager
def into(files: dict[str, bytes], path: str) -> Iterator[IO[bytes]]:
    """An opener that keeps the bytes in `files` (export_files, for tests and small catalogs)."""
    import io

    buffer = io.BytesIO()
    yield buffer
    files[path] = buffer.getvalue()
