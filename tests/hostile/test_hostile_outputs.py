"""Nothing lost, nothing added, nothing half-published.

- Conservation: the bundled catalog's listings are the same set in the
  checker's model, the pages (English and Spanish), the browse pages,
  catalog.json, opportunities.csv and the word index of each language;
  deadlines.ics holds exactly the listings with a dated deadline or start.
- Determinism: two builds of the same catalog are byte-identical. There is
  no build timestamp to set aside: dates come from CATALOG_TODAY and git.
- No partial publish: a catalog with an error stops `mkdocs build` with the
  checker's message and leaves no new site behind.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import shutil
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest
from hostile_support import AS_OF, ROOT
from index_reader import read_shard
from sitebuild import build_site, minimal_catalog

from generator.model.checked import check_catalog

SITE_URL = "https://wbl-catalog.example.org/"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, bundled_site: Path) -> tuple[Path, Path]:
    """The bundled catalog built twice, into two folders: the session's shared build and one more."""
    second = tmp_path_factory.mktemp("second") / "site"
    build_site(second)
    return bundled_site, second


@pytest.fixture(scope="module")
def model():
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.errors
    return checked.catalog


# -- reading each output back --------------------------------------------------------


class _Links(HTMLParser):
    """Kind of page (from its content element) and the links of browse cards. The browse page's card
    <template> (the script's blank card) is no listing's card: its content is skipped."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds: set[str] = set()
        self.card_links: list[str] = []
        self._in_card_title = False
        self._in_template = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "template":
            self._in_template = True
        if tag == "div" and "wbl" in classes:
            self.kinds.update(c for c in classes if c.startswith("wbl-"))
        if "wbl-card__title" in classes and not self._in_template:
            self._in_card_title = True
        elif tag == "a" and self._in_card_title:
            self.card_links.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "h3"):
            self._in_card_title = False
        if tag == "template":
            self._in_template = False


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def listing_pages(site: Path, prefix: str) -> set[str]:
    """Ids of listing pages on disk; redirect pages and "no longer offered" pages are other kinds of page."""
    found = set()
    for page in (site / prefix / "opportunities").glob("*/*/index.html"):
        if "wbl-opportunity" in _parse(page).kinds:
            found.add(page.parent.relative_to(site / prefix / "opportunities").as_posix())
    return found


def browse_listings(site: Path, prefix: str) -> list[str]:
    """Listings linked from the static browse pages (page 1 and any further pages), as found."""
    pages = [
        site / prefix / "opportunities" / "index.html",
        *sorted((site / prefix / "opportunities" / "page").glob("*/index.html")),
    ]
    ids = []
    for page in pages:
        here = "/" + page.parent.relative_to(site).as_posix() + "/"
        for link in _parse(page).card_links:
            target = posixpath.normpath(posixpath.join(here, link))
            ids.append(target.split(f"{'/' + prefix if prefix else ''}/opportunities/", 1)[1])
    return ids


def word_index_listings(site: Path, lang: str) -> list[str]:
    """The listings that some word of the word index leads to, by the ids of the facet index's cards.

    A listing with tracks has one card per track; those cards count as the listing once.
    """
    folder = site / "browse-data" / lang
    n = json.loads((folder / "facets.json").read_text(encoding="utf-8"))["n"]
    cards = [
        c for path in sorted(folder.glob("cards-*.json"), key=lambda p: int(p.stem[6:])) for c in json.loads(path.read_text())
    ]
    assert len(cards) == n
    ordinals: set[int] = set()
    for shard in (folder / "words").glob("*.json"):
        for _, _, every, _ in read_shard(json.loads(shard.read_text(encoding="utf-8")), n):
            ordinals.update(every)
    rows = [(cards[i]["u"], cards[i].get("k")) for i in sorted(ordinals)]
    assert len(rows) == len(set(rows)), "the word index repeats a card"
    return list(dict.fromkeys(listing for listing, _ in rows))


def csv_listings(site: Path) -> list[str]:
    raw = (site / "data" / "opportunities.csv").read_bytes().decode("utf-8-sig")
    return [row["catalog_id"] for row in csv.DictReader(io.StringIO(raw, newline=""))]


def calendar_listings(site: Path) -> set[tuple[str, str]]:
    events = icalendar.Calendar.from_ical((site / "data" / "deadlines.ics").read_bytes()).walk("VEVENT")
    found = set()
    for event in events:
        url = str(event["URL"])
        assert url.startswith(SITE_URL + "opportunities/")
        kind = str(event["UID"]).split("-", 1)[0]
        found.add((kind, url[len(SITE_URL + "opportunities/") :].rstrip("/")))
    return found


# -- conservation --------------------------------------------------------------------


def test_every_output_holds_every_listing_exactly_once(builds, model) -> None:
    site = builds[0]
    expected = set(model.opportunities)
    assert len(expected) > 20
    document = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))
    json_ids = [item["catalog_id"] for item in document["opportunities"]]
    outputs: dict[str, list[str] | set[str]] = {
        "catalog.json": json_ids,
        "opportunities.csv": csv_listings(site),
        "pages (en)": listing_pages(site, ""),
        "pages (es)": listing_pages(site, "es"),
        "browse (en)": browse_listings(site, ""),
        "browse (es)": browse_listings(site, "es"),
        "word index (en)": word_index_listings(site, "en"),
        "word index (es)": word_index_listings(site, "es"),
    }
    for name, ids in outputs.items():
        assert len(ids) == len(set(ids)), f"{name} repeats a listing"
        assert set(ids) == expected, f"{name}: missing {sorted(expected - set(ids))}, extra {sorted(set(ids) - expected)}"
    # The other pages under opportunities/<org>/<id>/ are exactly the retired listings and the renamed ones' old ids.
    for prefix in ("", "es"):
        others = {
            page.parent.relative_to(site / prefix / "opportunities").as_posix()
            for page in (site / prefix / "opportunities").glob("*/*/index.html")
            if page.parts[-3] != "page"
        } - outputs[f"pages ({prefix or 'en'})"]
        assert others == set(model.retired) | {old for o in model.opportunities.values() for old in o.former_ids}
    # Each listing carries its computed status, as the model has it.
    assert {item["catalog_id"]: item["status"] for item in document["opportunities"]} == {
        ident: opp.status for ident, opp in model.opportunities.items()
    }


def test_the_calendar_holds_exactly_the_dated_listings(builds, model) -> None:
    site = builds[0]
    document = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))
    dated = {("deadline", o["catalog_id"]) for o in document["opportunities"] if o["application"].get("deadline")}
    dated |= {("start", o["catalog_id"]) for o in document["opportunities"] if o["schedule"].get("start")}
    # A listing that meets on listed dates has an event for each date after the first (the first is its start).
    dated |= {("date", o["catalog_id"]) for o in document["opportunities"] if len(o["schedule"].get("dates") or []) > 1}
    assert dated == {("deadline", i) for i, o in model.opportunities.items() if o.deadline} | {
        ("start", i) for i, o in model.opportunities.items() if o.start
    } | {("date", i) for i, o in model.opportunities.items() if len(o.schedule.dates) > 1}
    assert calendar_listings(site) == dated
    assert dated, "the bundled catalog has dated listings"


def test_the_feed_holds_the_newest_changes_of_known_records(builds, model) -> None:
    import feedparser

    feed = feedparser.parse((builds[0] / "data" / "feed.xml").read_bytes())
    links = [entry.link for entry in feed.entries]
    known = {f"{SITE_URL}opportunities/{i}/" for i in [*model.opportunities, *model.retired]}
    assert len(links) == len(set(links)) == min(100, len(known))
    assert set(links) <= known


# -- determinism -------------------------------------------------------------------


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def test_two_builds_are_byte_identical(builds) -> None:
    first, second = (_files(site) for site in builds)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name].read_bytes() != second[name].read_bytes()]
    assert not different, different
    assert "data/catalog.json" in first and "sitemap.xml" in first and "opportunities/index.html" in first
    assert "browse-data/es/facets.json" in first and any(name.startswith("browse-data/es/words/") for name in first)


# -- no partial publish ------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_one_error(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("broken")
    catalog = minimal_catalog(root / "catalog")
    listing = catalog / "employers" / "acme-health" / "lab-internship.yml"
    listing.write_text(listing.read_text(encoding="utf-8").replace("title: Lab Internship", "titel: Lab Internship"))
    message = f"{listing}:2:1: error: Unknown key `titel`. Did you mean `title`?"
    return catalog, message


def _assert_refused(result, message: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message in output.splitlines()
    assert "Traceback" not in output


def test_a_catalog_error_stops_the_build_before_any_site_is_written(tmp_path: Path, broken_one_error) -> None:
    catalog, message = broken_one_error
    out = tmp_path / "site"
    _assert_refused(build_site(out, catalog, check=False), message)
    assert not out.exists()


def test_a_catalog_error_leaves_the_previous_site_unchanged(tmp_path: Path, broken_one_error) -> None:
    catalog, message = broken_one_error
    out = tmp_path / "site"
    shutil.copytree(ROOT / "docs", out)  # stands in for the site of the previous, good build
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert before
    _assert_refused(build_site(out, catalog, check=False), message)
    after = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # The plugin checks the catalog in on_pre_build, before MkDocs empties the output folder.
    assert after == before
