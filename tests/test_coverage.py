"""The coverage and quality report: figures, charts, the page, and rubrics as data.

Figures are checked on tests/fixtures/coverage, a catalog small enough to
count by hand. As of 2026-11-22 it holds eight listings:

    id                                   stage        sectors          pay              grades  seats  areas                    reviewed    deadline
    O1 harbor-works/welding-internship   training     Manufacturing    paid $18.50/h    11-12   10     south-bay-harbor         2026-10-01  2026-12-10
    O2 harbor-works/port-tour            awareness    Transp., Manuf.  unpaid           6-9     100    south-bay-harbor, se-la  2026-06-01  rolling
    O3 harbor-works/machining-appr.      training     Manufacturing    paid $20-$24/h   12-14   4      southeast-la             2025-10-01  2027-01-15 (opens 2026-12-01)
    O4 valley-hub/health-job-shadow      exploration  Health           unpaid           10-12   20     san-gabriel-valley       2026-08-01  2026-11-22
    O5 valley-hub/clinic-internship      training     Health           stipend $500     11-12   6      online, san-gabriel      2026-03-01  2026-12-22
    O6 valley-hub/hospital-internship    training     Health           paid $17/h       11-12   8      san-gabriel-valley       2026-09-01  2026-10-01 -> closed
    O7 valley-hub/career-mentoring       preparation  Business         unpaid           9-12    30     san-gabriel-valley       2026-02-01  (archived)
    O8 valley-hub/lab-internship         training     Health           paid, not publ.  9-12    -      san-gabriel-valley       2026-11-20  2027-02-01

Open listings: O1, O2, O3, O4, O5, O8 (O6's deadline has passed, O7 is archived).
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import AS_OF, CATALOG_TODAY, FIXTURES, ROOT, copy_fixture, edit
from sitebuild import engine_command
from test_browse_index import members

from generator import i18n
from generator.commands.report import render
from generator.model import regions
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render.site import render_site
from generator.report import charts
from generator.report.coverage import Count, Gap, compute, gap_sentence, page_context, percent
from generator.report.coverage import page as coverage_page

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def catalog():
    checked = check_catalog(FIXTURES / "coverage", as_of=AS_OF)
    assert checked.ok, checked.errors
    return checked.catalog


@pytest.fixture(scope="module")
def cov(catalog):
    return compute(catalog)


# -- figures, by hand ----------------------------------------------------------


def test_totals(cov) -> None:
    assert cov.as_of == AS_OF
    assert cov.listings == 8  # O1-O8
    assert cov.open == 6  # O1, O2, O3, O4, O5, O8
    assert cov.upcoming == 1  # O3 opens 2026-12-01
    assert cov.closed == 1  # O6: declared open, deadline 2026-10-01 passed
    assert cov.archived == 1  # O7
    assert cov.seats == 140  # 10 + 100 + 4 + 20 + 6 + 0 (O8 states no seats)
    assert cov.seats_unknown == 1  # O8


def test_matrix(cov) -> None:
    rows = {row.sector: row for row in cov.matrix.rows}
    assert len(rows) == 15 and cov.matrix.stages == ("awareness", "exploration", "preparation", "training")
    manufacturing = rows["manufacturing-and-product-development"]
    # awareness: O2 (100 seats); training: O1 + O3 = 10 + 4 seats; O2 also counts in Transportation.
    assert manufacturing.cells == (Count(1, 100), Count(0, 0), Count(0, 0), Count(2, 14))
    assert manufacturing.total == Count(3, 114)
    # Health: exploration O4 (20); training O5 + O8 = 6 + 0 seats (O6 is closed, so its 8 seats are not here).
    assert rows["health-science-and-medical-technology"].cells == (Count(0, 0), Count(1, 20), Count(0, 0), Count(2, 6))
    assert rows["transportation"].cells == (Count(1, 100), Count(0, 0), Count(0, 0), Count(0, 0))
    # Business has only the archived O7: nothing.
    assert rows["business-and-finance"].total == Count(0, 0)
    # Stage totals count each listing once: O2 is in two sectors but 100 seats once.
    assert cov.matrix.stage_totals == (Count(1, 100), Count(1, 20), Count(0, 0), Count(4, 20))
    assert cov.matrix.total == Count(6, 140)


def test_empty_cells(cov) -> None:
    # 15 x 4 = 60 cells; filled: Manufacturing awareness + training, Transportation awareness,
    # Health exploration + training = 5. So 55 gaps.
    assert len(cov.matrix.empty) == 55
    assert ("transportation", "training") in cov.matrix.empty
    assert ("manufacturing-and-product-development", "training") not in cov.matrix.empty
    by_stage = dict(cov.matrix.empty_by_stage())
    # awareness: 15 - Manufacturing - Transportation = 13; exploration: 15 - Health = 14;
    # preparation: all 15; training: 15 - Manufacturing - Health = 13.
    assert {stage: len(sectors) for stage, sectors in by_stage.items()} == {
        "awareness": 13,
        "exploration": 14,
        "preparation": 15,
        "training": 13,
    }


def test_paid_share_and_wages(cov) -> None:
    pay = {row.sector: row for row in cov.pay}
    manufacturing = pay["manufacturing-and-product-development"]
    # O1 paid, O2 unpaid, O3 paid: 2 of 3 = 66.7% -> 67%. Hourly: lowest amount 18.50 (O1), highest amount_max 24 (O3).
    assert (manufacturing.listings, manufacturing.paid, manufacturing.stipend, manufacturing.share) == (3, 2, 0, 67)
    assert (manufacturing.hourly_listings, manufacturing.hourly_min, manufacturing.hourly_max) == (2, 18.5, 24.0)
    health = pay["health-science-and-medical-technology"]
    # O4 unpaid, O5 stipend, O8 paid with no published amount: 2 of 3 -> 67%; no hourly range, 1 not published.
    # O6's $17 an hour does not count: it is closed.
    assert (health.listings, health.paid, health.stipend, health.share) == (3, 1, 1, 67)
    assert (health.hourly_min, health.hourly_max, health.not_published) == (None, None, 1)
    assert pay["transportation"].share == 0  # O2 unpaid: 0 of 1
    assert pay["agriculture-and-natural-resources"].share is None  # no open listings: no share, not 0%
    total = cov.pay_total
    # Each listing once: O1, O3, O8 paid, O5 stipend, of 6 -> 4/6 = 66.7% -> 67%.
    assert (total.listings, total.paid_any, total.share, total.hourly_min, total.hourly_max) == (6, 4, 67, 18.5, 24.0)


def test_percent_rounds_half_up() -> None:
    assert percent(2, 3) == 67
    assert percent(1, 8) == 13  # 12.5 -> 13, not banker's 12
    assert percent(1, 200) == 1  # 0.5 -> 1
    assert percent(0, 4) == 0
    assert percent(0, 0) is None


def test_grade_bands(cov) -> None:
    bands = {b.band: (b.listings, b.seats) for b in cov.bands}
    # middle (6-8): O2 (6-9) -> 100 seats.
    # high (9-12): O1, O2, O3 (12-14), O4, O5, O8 -> 10 + 100 + 4 + 20 + 6 + 0 = 140.
    # postsecondary (13-14): O3 -> 4. O2 and O3 count in two bands each.
    assert bands == {"middle": (1, 100), "high": (6, 140), "postsecondary": (1, 4)}


def test_areas(cov) -> None:
    areas = {a.area: (a.listings, a.seats) for a in cov.areas}
    # south-bay-harbor: O1 (10) + O2 (100) = 110; southeast-la: O2 (100) + O3 (4) = 104 -- O2 counts 100 in both.
    # san-gabriel-valley: O4 (20) + O5 (6) + O8 (0) = 26; online: O5 (6).
    assert areas["south-bay-harbor"] == (2, 110)
    assert areas["southeast-la"] == (2, 104)
    assert areas["san-gabriel-valley"] == (3, 26)
    assert areas["online"] == (1, 6)
    assert areas["central-la"] == (0, 0)
    assert [a.area for a in cov.areas][:2] == ["central-la", "east-la"]  # vocabulary order, every area listed
    assert "" not in areas  # every site has a known area


def test_rubric_levels(cov) -> None:
    (rubric,) = cov.rubrics
    assert rubric.rubric == "key-distinguishers"
    assert rubric.levels == ("emerging", "developing", "established", "exemplary")
    rows = {r.criterion: (r.counts, r.not_assessed) for r in rubric.rows}
    # partnerships: O2 emerging, O5 developing, O1 established, O3 exemplary; O4 and O8 not assessed.
    # (O6, closed, is exemplary but does not count.)
    assert rows["partnerships"] == ((1, 1, 1, 1), 2)
    # social-capital: O1 developing, O8 established, O3 exemplary; O2, O4, O5 not assessed.
    assert rows["social-capital"] == ((0, 1, 1, 1), 3)
    assert rubric.assessed == 5  # O1, O2, O3, O5, O8
    for r in rubric.rows:
        assert sum(r.counts) + r.not_assessed == cov.open


def test_signals(cov) -> None:
    signals = {s.signal: s.listings for s in cov.signals}
    # paid: O1, O3; trained-mentor: O1; industry-credential: O3; transportation-support: O5.
    assert signals["paid"] == 2
    assert (signals["trained-mentor"], signals["industry-credential"], signals["transportation-support"]) == (1, 1, 1)
    assert signals["career-advising"] == 0
    assert len(signals) == 14  # every signal of the vocabulary


def test_freshness(cov) -> None:
    fresh = {f.bucket: f.listings for f in cov.freshness}
    # Days to 2026-11-22: O1 52, O8 2 (<= 90); O4 113, O2 174 (91-180); O5 266 (181-365); O3 417 (> 365).
    assert fresh == {"90": 2, "180": 2, "365": 1, "older": 1}


def test_deadlines(cov) -> None:
    # O4 today (0 days), O1 2026-12-10 (18), O5 2026-12-22 (30, the last day included).
    # O3 2027-01-15 is 54 days away; O6's deadline has passed.
    assert [(d.id, d.days_left, d.seats) for d in cov.deadlines] == [
        ("valley-hub/health-job-shadow", 0, 20),
        ("harbor-works/welding-internship", 18, 10),
        ("valley-hub/clinic-internship", 30, 6),
    ]


def test_biggest_gaps(cov, catalog) -> None:
    sector, stage, area = cov.gaps
    # Sector: no open paid training in 13 sectors; Transportation has the most open seats at earlier stages (O2, 100).
    assert (sector.kind, sector.subject, sector.paid_training, sector.early_seats) == ("sector", "transportation", 0, 100)
    # Stage: preparation has 0 open seats (awareness 100, exploration 20, training 20).
    assert (stage.kind, stage.subject, stage.seats, stage.listings) == ("stage", "preparation", 0, 0)
    # Area: first of the areas with 0 open seats, in catalog order (online is not a place).
    assert (area.kind, area.subject, area.seats) == ("area", "central-la", 0)
    en, es = View(catalog, "en", "coverage/"), View(catalog, "es", "coverage/")
    assert gap_sentence(sector, en) == (
        "Transportation: no open paid training opportunity, although the sector offers 100 seats at earlier stages."
    )
    assert gap_sentence(stage, en) == "Career preparation: no open opportunities in any sector."
    assert gap_sentence(area, en) == "Central Los Angeles: no open opportunity has a site in this area."
    assert gap_sentence(sector, es) == (
        "Transporte: no hay ninguna capacitación pagada abierta, aunque el sector ofrece 100 lugares en etapas anteriores."
    )
    # Singular and plural, in both languages.
    thin = Gap("stage", "training", listings=1, seats=1, paid_training=0, paid_training_seats=0, early_seats=0)
    assert gap_sentence(thin, en) == "Career training: the fewest open seats of the four stages (1 seat, 1 listing)."
    thin = Gap("area", "westside", listings=2, seats=1200, paid_training=0, paid_training_seats=0, early_seats=0)
    assert gap_sentence(thin, es) == "Westside (oeste): la zona con menos lugares abiertos (1,200 lugares, 2 anuncios)."


def test_sector_gap_when_every_sector_has_paid_training(catalog) -> None:
    # Keep only the two sectors that have open paid training: Manufacturing (O1 10 + O3 4 = 14 seats)
    # and Health (O5 6 + O8 unstated = 6 seats). The sector gap is then the one with fewer seats: Health.
    lists = dict(catalog.vocabularies.lists)
    lists["sectors"] = tuple(
        s for s in lists["sectors"] if s.id in ("manufacturing-and-product-development", "health-science-and-medical-technology")
    )
    small = dataclasses.replace(catalog, vocabularies=dataclasses.replace(catalog.vocabularies, lists=lists))
    gap = compute(small).gaps[0]
    assert (gap.subject, gap.paid_training, gap.paid_training_seats) == ("health-science-and-medical-technology", 2, 6)
    view = View(small, "en", "coverage/")
    assert (
        gap_sentence(gap, view)
        == "Health Science and Medical Technology: the fewest seats in open paid training of any sector (6)."
    )


def test_gaps_on_the_bundled_catalog() -> None:
    """The three gaps a hub coordinator reads on the real catalog's page: the Los Angeles build's, and the
    statewide build's, where the Inland Empire area without a listing is the area gap."""
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    los_angeles = regions.select(checked.catalog, ["los-angeles"])
    gaps = [(g.kind, g.subject) for g in compute(los_angeles).gaps]
    assert gaps == [("sector", "arts-media-and-entertainment"), ("stage", "exploration"), ("area", "santa-clarita-valley")]
    statewide = [(g.kind, g.subject) for g in compute(checked.catalog).gaps]
    assert statewide == [("sector", "arts-media-and-entertainment"), ("stage", "exploration"), ("area", "moreno-valley-temecula")]


def test_compute_is_pure_and_frozen(catalog, cov) -> None:
    assert compute(catalog) == cov
    with pytest.raises(dataclasses.FrozenInstanceError):
        cov.open = 0  # type: ignore[misc]
    data = cov.to_dict()
    json.dumps(data)  # plain data
    assert data["pay_total"]["share_percent"] == 67 and data["as_of"] == "2026-11-22"


# -- charts --------------------------------------------------------------------


def _charts(catalog, lang: str = "en") -> dict[str, str]:
    context = page_context(catalog, View(catalog, lang, "coverage/"))
    found = {k: str(v) for k, v in context.items() if k.endswith("_svg")}
    found.update({f"levels:{r['id']}": str(r["svg"]) for r in context["rubric_views"]})
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_svg_is_accessible_xml(catalog, lang: str) -> None:
    found = _charts(catalog, lang)
    assert set(found) == {"matrix_svg", "pay_svg", "bands_svg", "areas_svg", "fresh_svg", "levels:key-distinguishers"}
    for name, svg in found.items():
        root = ET.fromstring(svg)  # valid XML
        assert root.tag == SVG + "svg", name
        assert root.get("role") == "img"
        title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
        assert title is not None and title.text and desc is not None and desc.text, name
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert root.get("viewBox") and "max-width:100%" in root.get("style", "")
        texts = [t.text for t in root.iter(SVG + "text")]
        assert texts, name  # values are printed, not told by color alone


def test_bar_chart_prints_values(catalog) -> None:
    root = ET.fromstring(_charts(catalog)["bands_svg"])
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "100 seats" in texts and "140 seats" in texts and "4 seats" in texts
    assert "Middle school (grades 6-8)" in texts


def test_heatmap_marks_empty_cells_with_words(catalog) -> None:
    root = ET.fromstring(_charts(catalog)["matrix_svg"])
    texts = [t.text for t in root.iter(SVG + "text")]
    assert texts.count("gap") == 55  # one word per empty cell, besides the hatch and the dashed border
    assert "100 seats" in texts
    dashed = [r for r in root.iter(SVG + "rect") if r.get("stroke-dasharray")]
    assert len(dashed) == 55


def test_chart_colors_have_contrast() -> None:
    for fg, bg in charts.text_pairs():
        assert charts.contrast(fg, bg) >= 4.5, (fg, bg)
    assert charts.contrast(charts.BAR, charts.WHITE) >= 3  # bars against the page
    assert round(charts.contrast("#000000", "#ffffff"), 1) == 21.0


def test_chart_text_is_escaped() -> None:
    svg = charts.bar_chart("x", "A <b> & c", 'd "e"', [charts.Bar("<script>", 1, "1 & 2")])
    root = ET.fromstring(str(svg))
    assert root.find(SVG + "title").text == "A <b> & c"
    assert [t.text for t in root.iter(SVG + "text")] == ["<script>", "1 & 2"]


# -- the page ------------------------------------------------------------------


VOID = {"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent, self.children, self.text = tag, attrs, parent, [], ""

    def iter(self, tag: str | None = None):
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            yield from child.iter(tag)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_startendtag(self, tag, attrs):
        self.node.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.node))

    def handle_endtag(self, tag):
        node = self.node
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.node = node.parent

    def handle_data(self, data):
        self.node.text += data  # enough for these checks: text goes to the open element


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    return builder.root


@pytest.fixture(scope="module")
def pages(catalog):
    return {(p.lang, p.url): p.content for p in render_site(catalog)}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_page_every_chart_has_its_table(pages, lang: str) -> None:
    prefix = "" if lang == "en" else "es/"
    tree = parse(pages[(lang, prefix + "coverage/")])
    svgs = [n for n in tree.iter("svg") if n.attrs.get("role") == "img"]
    assert len(svgs) == 6
    for svg in svgs:
        chart = next(a for a in svg.ancestors() if "wbl-chart" in a.attrs.get("class", "").split())
        tables = list(chart.iter("table"))
        assert len(tables) == 1, svg.attrs["id"]
    for table in tree.iter("table"):  # every table scrolls on a phone, as a labeled, focusable region
        region = next(a for a in table.ancestors() if a.tag == "div")
        assert "wbl-table-scroll" in region.attrs["class"].split()
        assert region.attrs["role"] == "region" and region.attrs["tabindex"] == "0"
        # Named by its own label, or by the caption of its table (a rubric's name, which may be in another language).
        labelledby = region.attrs.get("aria-labelledby")
        captions = [c.attrs.get("id") for c in table.iter("caption")]
        assert region.attrs.get("aria-label") or (labelledby and captions == [labelledby])
        # Material wraps class-less tables in a second scroller that cannot take focus; a class keeps one scroller.
        assert table.attrs.get("class")


def test_page_sections_and_words(pages) -> None:
    en, es = pages[("en", "coverage/")], pages[("es", "es/coverage/")]
    for heading in (
        "The three biggest gaps",
        "Open opportunities by sector and stage",
        "Paid opportunities and hourly wages by sector",
        "Seats by grade band",
        "Seats by area",
        "Quality self-assessments",
        "Freshness",
        "Deadlines in the next 30 days",
    ):
        assert heading in en
        assert heading not in es
    for heading in (
        "Las tres brechas más grandes",
        "Oportunidades abiertas por sector y etapa",
        "Lugares por nivel escolar",
        "Lugares por zona",
        "Autoevaluaciones de calidad",
        "Fechas límite en los próximos 30 días",
    ):
        assert heading in es
    assert "Transportation: no open paid training opportunity" in en
    assert "Transporte: no hay ninguna capacitación pagada abierta" in es
    assert "$18.50–$24.00" in en  # Manufacturing's hourly range
    assert "67% (2 of 3)" in en and "67% (2 de 3)" in es  # US Spanish (CLDR es_US) writes no space before %


def test_page_marks_empty_cells_in_words(pages) -> None:
    tree = parse(pages[("en", "coverage/")])
    matrix = next(t for t in tree.iter("table") if t.attrs.get("data-table") == "matrix")
    gap_cells = [td for td in matrix.iter("td") if "wbl-gap" in td.attrs.get("class", "")]
    assert len(gap_cells) == 55
    assert all("— none" in td.all_text() for td in gap_cells)


@pytest.mark.parametrize(("lang", "url"), [("en", "coverage/"), ("es", "es/coverage/")])
def test_page_deadlines_link_to_listings(pages, lang: str, url: str) -> None:
    tree = parse(pages[(lang, url)])
    table = next(t for t in tree.iter("table") if t.attrs.get("data-table") == "deadlines")
    links = [a.attrs["href"] for a in table.iter("a")]
    assert links == [
        "../opportunities/valley-hub/health-job-shadow/",
        "../opportunities/harbor-works/welding-internship/",
        "../opportunities/valley-hub/clinic-internship/",
    ]
    assert (lang, url.replace("coverage/", "opportunities/valley-hub/health-job-shadow/")) in pages


def test_page_shows_only_the_soonest_deadlines_and_links_to_the_rest(catalog, monkeypatch) -> None:
    monkeypatch.setattr(coverage_page, "DEADLINE_ROWS", 2)
    rendered = {(p.lang, p.url): p.body for p in render_site(catalog) if p.kind == "coverage"}
    tree = parse(rendered[("en", "coverage/")])
    table = next(t for t in tree.iter("table") if t.attrs.get("data-table") == "deadlines")
    assert [a.attrs["href"] for a in table.iter("a")] == [
        "../opportunities/valley-hub/health-job-shadow/",
        "../opportunities/harbor-works/welding-internship/",
    ]
    assert "Showing the 2 soonest of 3. <a" in rendered[("en", "coverage/")]
    assert 'href="../opportunities/?sort=deadline"' in rendered[("en", "coverage/")]
    assert "Se muestran las 2 más próximas de 3." in rendered[("es", "es/coverage/")]


# -- rubrics are data ------------------------------------------------------------


def test_editing_the_rubric_changes_page_and_report(tmp_path: Path, catalog_today) -> None:
    root = copy_fixture("coverage", tmp_path)
    edit(root / "rubrics" / "key-distinguishers.yml", "    name: Established\n", "    name: Well established\n")
    edit(root / "rubrics" / "key-distinguishers.yml", "    name: Social capital\n", "    name: Networks and mentors\n")
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok
    pages = {(p.lang, p.url): p.content for p in render_site(checked.catalog)}
    for content in (
        pages[("en", "coverage/")],
        pages[("en", "quality/")],
        pages[("en", "opportunities/harbor-works/welding-internship/")],
    ):
        assert "Networks and mentors" in content
    assert "Well established" in pages[("en", "coverage/")]
    text = render(checked.catalog, "text")
    assert "3. Well established" in text and "Networks and mentors" in text


@pytest.fixture(scope="module")
def two_rubric_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real build (MkDocs and the plugin) of tests/fixtures/two_rubrics."""
    out = tmp_path_factory.mktemp("two_rubrics_site")
    env = {**os.environ, "CATALOG_DIR": str(FIXTURES / "two_rubrics"), "CATALOG_TODAY": CATALOG_TODAY, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        engine_command("build", "--strict", "-d", str(out)),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_second_rubric_on_quality_page(two_rubric_site: Path) -> None:
    en = (two_rubric_site / "quality" / "index.html").read_text(encoding="utf-8")
    es = (two_rubric_site / "es" / "quality" / "index.html").read_text(encoding="utf-8")
    assert 'id="rubric-career-readiness"' in en and 'id="rubric-key-distinguishers"' in en
    for name in ("1. Starting", "2. Growing", "3. Strong", "Workplace skills", "Employer feedback"):
        assert name in en
    for name in ("Preparación para la carrera", "Sólido", "Habilidades para el trabajo"):
        assert name in es


def test_second_rubric_on_opportunity_page_and_filters(two_rubric_site: Path) -> None:
    page = (two_rubric_site / "opportunities" / "valley-hub" / "health-job-shadow" / "index.html").read_text(encoding="utf-8")
    profile = page[page.index("Quality profile") :]
    assert "Career readiness" in profile and "Strong (3/3)" in profile and "Reflection" in profile
    # Rank 3 is the top of this three-level rubric: all three criteria count toward the quality filter.
    assert quality_values(two_rubric_site, "valley-hub/health-job-shadow") == ["1", "2", "3"]
    other = (two_rubric_site / "opportunities" / "valley-hub" / "clinic-internship" / "index.html").read_text(encoding="utf-8")
    assert quality_values(two_rubric_site, "valley-hub/clinic-internship") == ["1"]  # Growing (2) and Strong (3)
    assert "Growing (2/3)" in other


def quality_values(site: Path, listing: str) -> list[str]:
    """The quality filter's values that the browse page's facet index gives a listing."""
    folder = site / "browse-data" / "en"
    index = json.loads((folder / "facets.json").read_text(encoding="utf-8"))
    ids = [
        card["u"]
        for path in sorted(folder.glob("cards-*.json"), key=lambda p: int(p.stem[6:]))
        for card in json.loads(path.read_text())
    ]
    found = members(index["facets"]["quality"], index["n"])
    return [value for value, ordinals in found.items() if ids.index(listing) in ordinals]


def test_second_rubric_in_browse_labels(two_rubric_site: Path) -> None:
    page = (two_rubric_site / "opportunities" / "index.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="wbl-browse-labels">(.*?)</script>', page, re.S).group(1)
    facets = {f["name"]: f for f in json.loads(raw)["facets"]}
    # The facet goes up to the largest number of criteria of any rubric: 3 (career-readiness), not 2.
    assert list(facets["quality"]["values"]) == ["1", "2", "3"]


def test_second_rubric_on_coverage_page(two_rubric_site: Path) -> None:
    en = (two_rubric_site / "coverage" / "index.html").read_text(encoding="utf-8")
    assert 'id="chart-levels-career-readiness"' in en and 'id="chart-levels-key-distinguishers"' in en
    tree = parse(en[en.index('<div class="wbl wbl-coverage">') :])
    tables = [t for t in tree.iter("table") if t.attrs.get("data-table") == "levels"]
    heads = [[th.all_text() for th in t.iter("th") if th.attrs.get("scope") == "col"] for t in tables]
    assert ["Criterion", "1. Starting", "2. Growing", "3. Strong", "Not assessed"] in heads
    es = (two_rubric_site / "es" / "coverage" / "index.html").read_text(encoding="utf-8")
    assert "3. Sólido" in es and "Comentarios del empleador" in es


# -- listings that give only ages ---------------------------------------------------


def test_a_listing_with_only_ages_counts_in_the_bands_of_the_grades_they_imply(tmp_path: Path) -> None:
    root = copy_fixture("coverage", tmp_path)
    # O2 (100 seats): ages 16-24 imply grades 11-14, so it leaves middle school for high school and college.
    edit(root / "employers" / "harbor-works" / "port-tour.yml", "  grades: {min: 6, max: 9}\n", "  age: {min: 16, max: 24}\n")
    # O8 (0 seats): ages 21 and over imply no grade from 6 to 14: in no band, still in every other figure.
    edit(root / "employers" / "valley-hub" / "lab-internship.yml", "  grades: {min: 9, max: 12}\n", "  age: {min: 21}\n")
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, checked.errors
    cov = compute(checked.catalog)
    bands = {b.band: (b.listings, b.seats) for b in cov.bands}
    assert bands == {"middle": (0, 0), "high": (5, 140), "postsecondary": (2, 104)}
    assert cov.open == compute(check_catalog(FIXTURES / "coverage", as_of=AS_OF).catalog).open
    assert render(checked.catalog, "text")  # the report prints the same record
    rendered = {(p.lang, p.url): p.body for p in render_site(checked.catalog) if p.kind == "coverage"}
    for (lang, _), body in rendered.items():
        assert html.escape(i18n.t("coverage_how_grade_bands", lang), quote=False) in body


def test_the_how_text_gives_the_grade_band_rule_before_the_report_command(catalog) -> None:
    for lang in ("en", "es"):
        items = page_context(catalog, View(catalog, lang, "coverage/"))["how_items"]
        assert items[-2] == i18n.t("coverage_how_grade_bands", lang)
        assert "python -m generator report" in items[-1]
