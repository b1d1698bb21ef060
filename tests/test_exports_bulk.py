"""The whole-catalog exports written in one pass (exports/bulk.py): catalog.json, its gzip and NDJSON forms, and
their sizes on the Data page."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from generator import i18n
from generator.exports import export_files, write_exports
from generator.exports.bulk import CATALOG, GZIP, META, NDJSON
from generator.exports.dates import change_dates
from generator.exports.records import catalog_document
from generator.model.checked import check_catalog

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://wbl-catalog.example.org/"


@pytest.fixture(scope="module")
def bundled() -> dict[str, bytes]:
    checked = check_catalog(ROOT / "catalog")
    assert checked.ok
    return export_files(checked.catalog, SITE_URL, ROOT / "catalog")


def test_catalog_json_has_the_bytes_of_the_one_object_form(catalog_today: object) -> None:
    checked = check_catalog(ROOT / "catalog")
    files = export_files(checked.catalog, SITE_URL, ROOT / "catalog")
    document = catalog_document(checked.catalog, SITE_URL, change_dates(checked.catalog, ROOT / "catalog"))
    whole = (json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
    assert files[CATALOG] == whole
    assert json.loads(files[CATALOG])["counts"]["opportunities"] == len(checked.catalog.opportunities) > 10


def test_gzip_decompresses_to_catalog_json_and_its_header_names_no_file_or_time(bundled: dict[str, bytes]) -> None:
    packed = bundled[GZIP]
    assert gzip.decompress(packed) == bundled[CATALOG]
    assert len(packed) < len(bundled[CATALOG]) / 3
    assert packed[:3] == b"\x1f\x8b\x08"
    assert packed[3] & 0x08 == 0, "FNAME flag set: the header carries a file name"
    assert packed[4:8] == b"\0\0\0\0", "the header carries a modification time"


def test_ndjson_lines_are_catalog_json_listings_in_order(bundled: dict[str, bytes]) -> None:
    text = bundled[NDJSON].decode("utf-8")
    assert text.endswith("\n")
    lines = text.split("\n")[:-1]
    listings = json.loads(bundled[CATALOG])["opportunities"]
    assert [json.loads(line) for line in lines] == listings
    assert all("\n" not in line and line.startswith('{"') for line in lines)


def test_meta_file_is_the_top_level_without_the_lists(bundled: dict[str, bytes]) -> None:
    meta = json.loads(bundled[META])
    whole = json.loads(bundled[CATALOG])
    assert meta == {k: v for k, v in whole.items() if not isinstance(v, list)}
    assert {"format_version", "as_of", "counts", "license", "$schema"} <= set(meta)


def test_two_builds_write_identical_files_and_report_their_sizes(tmp_path: Path, catalog_today: object) -> None:
    checked = check_catalog(ROOT / "catalog")
    first = write_exports(checked.catalog, tmp_path / "a", SITE_URL, ROOT / "catalog")
    second = write_exports(checked.catalog, tmp_path / "b", SITE_URL, ROOT / "catalog")
    in_memory = export_files(checked.catalog, SITE_URL, ROOT / "catalog")
    assert first == second
    assert set(first) == set(in_memory)
    for path, size in first.items():
        written = (tmp_path / "a" / path).read_bytes()
        assert written == (tmp_path / "b" / path).read_bytes(), path
        assert written == in_memory[path], path
        assert len(written) == size


@pytest.mark.parametrize(
    ("size", "lang", "expected"),
    [(376_747, "en", "377 kB"), (241_530_000, "en", "241.5 MB"), (241_530_000, "es", "241.5 MB"), (12, "es", "1 kB")],
)
def test_file_sizes_are_written_as_the_language_writes_them(size: int, lang: str, expected: str) -> None:
    assert i18n.file_size(size, lang).replace("\xa0", " ") == expected


def sizes_column(page: str) -> dict[str, str]:
    """File name -> the Size cell of the Data page's downloads table."""
    rows = re.findall(
        r"<tr><td><a href=\"[^\"]*\"(?: download)?><code>([^<]+)</code></a>.*?<td class=\"wbl-data-size\">([^<]*)</td></tr>", page
    )
    return dict(rows)


@pytest.mark.parametrize(("prefix", "lang", "heading"), [("", "en", "Size"), ("es/", "es", "Tamaño")])
def test_data_page_gives_each_file_its_size(bundled_site: Path, prefix: str, lang: str, heading: str) -> None:
    page = (bundled_site / prefix / "data" / "index.html").read_text(encoding="utf-8")
    assert f'<th scope="col">{heading}</th>' in page
    shown = sizes_column(page)
    names = ["opportunities.csv", "catalog.json", "catalog.json.gz", "catalog.ndjson", "hsds/services.json"]
    names += ["hsds/organizations.json", "deadlines.ics", "feed.xml"]
    assert list(shown) == names
    for name in names:
        size = (bundled_site / "data" / name).stat().st_size
        assert shown[name] == i18n.file_size(size, lang), name
    assert 'href="https://github.com/wbl-catalog/wbl-catalog/blob/main/docs/reference-hsds-profile.md"' in page
