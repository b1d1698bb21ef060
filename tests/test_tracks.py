"""Tracks: one program with several tracks is one listing; each track's facts are checked, found by the filters
they match, shown in their own section of the page in every language, and published."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import AS_OF, check_lines

from generator.check.tracks import with_track
from generator.exports import records
from generator.exports.dates import ChangeDates
from generator.exports.schema import catalog_schema
from generator.exports.tabular import opportunities_csv
from generator.model import Catalog
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render import browse, browse_index, encoding, word_index
from generator.render.site import SiteRenderer

SITE = "https://wbl.example.org/"
FILE = "employers/acme/youth-jobs.yml"
SHOWN = "catalog/employers/acme/youth-jobs.yml"
ID = "acme/youth-jobs"

# A county summer program: ages 14-15 on a project with a stipend, ages 16-24 on paid work. The listing gives
# no ages of its own: each track does.
TRACKED = """\
example: true
title: Summer Youth Jobs
summary: Six summer weeks of work experience, with a track for each age group.
description: |
  One application, two tracks by age.
employer_of_record: self
format: internship
stage: preparation
sectors:
  - Manufacturing and Product Development
pay:
  type: paid
  amount: 17.87
  unit: hour
  funded_by: WIOA youth funds
eligibility:
  residency: County residents
  work_permit: true
schedule:
  season: summer
  start: "2027-06-28"
  end: "2027-08-06"
  weeks: 6
application:
  how: Apply online.
  url: https://example.org/apply
  deadline: "2027-04-30"
sites:
  - name: Youth center
    city: Long Beach
    zip: "90802"
    mode: in-person
contact:
  role: Youth jobs line
  email: jobs@example.org
tracks:
  - id: ages-14-15
    name: Ages 14 to 15
    format: job-shadow
    eligibility:
      age: {min: 14, max: 15}
    pay:
      type: stipend
      amount: 500
      unit: total
    schedule:
      hours_per_week: 10
    seats: 40
    translations:
      es:
        name: De 14 a 15 años
  - id: ages-16-24
    name: Ages 16 to 24
    eligibility:
      age: {min: 16, max: 24}
    schedule:
      hours_per_week: 20
translations:
  es:
    title: Empleos juveniles de verano
    funded_by: Fondos de WIOA para jóvenes
status: open
last_reviewed: "2026-10-15"
"""


def write(root: Path, text: str = TRACKED) -> None:
    (root / FILE).write_text(text, encoding="utf-8")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = text.splitlines()
    found = [i + 1 for i, line in enumerate(lines) if needle in line]
    return found[nth - 1]


@pytest.fixture
def catalog(minimal: Path) -> Catalog:
    write(minimal)
    checked = check_catalog(minimal, as_of=AS_OF)
    assert [p.message for p in checked.problems if p.severity == "error"] == []
    return checked.catalog


# -- the check -----------------------------------------------------------------------------------


def test_a_tracked_listing_passes_without_ages_of_its_own(minimal: Path) -> None:
    write(minimal)
    assert [line for line in check_lines(minimal) if "error" in line] == []


def test_two_tracks_with_one_id(minimal: Path) -> None:
    write(minimal, TRACKED.replace("id: ages-16-24", "id: ages-14-15"))
    line = line_of(TRACKED, "id: ages-16-24")
    assert (
        f"{SHOWN}:{line}:9: error: Tracks 1 and 2 both have the id `ages-14-15`. Give each track its own id: it is the "
        "address of the track's section of the page (`#track-<id>`)."
    ) in check_lines(minimal)


def test_a_track_without_grades_or_ages_when_the_listing_has_none(minimal: Path) -> None:
    text = TRACKED.replace("    eligibility:\n      age: {min: 16, max: 24}\n", "")
    write(minimal, text)
    found = [line for line in check_lines(minimal) if "neither grades nor ages" in line]
    assert found == [
        f"{SHOWN}:{line_of(text, 'id: ages-16-24')}:5: error: Track `ages-16-24` gives neither grades nor ages, and neither "
        "does the listing. Add `grades:` or `age:` under the track's `eligibility` (such as `age: {min: 14, max: 15}`), "
        "or under the listing's `eligibility` for every track."
    ]


def test_a_track_may_take_its_ages_from_the_listing(minimal: Path) -> None:
    text = TRACKED.replace("  residency: County residents\n", "  residency: County residents\n  age: {min: 14, max: 24}\n")
    write(minimal, text.replace("    eligibility:\n      age: {min: 16, max: 24}\n", ""))
    assert [line for line in check_lines(minimal) if "error" in line] == []


def test_bad_pay_in_a_track_is_located_in_the_track(minimal: Path) -> None:
    text = TRACKED.replace("      type: stipend\n      amount: 500\n", "      type: unpaid\n      amount: 500\n")
    write(minimal, text)
    line = line_of(text, "amount: 500")
    found = [problem for problem in check_lines(minimal) if "has an amount" in problem]
    assert len(found) == 1 and found[0].startswith(f"{SHOWN}:{line}:"), found


def test_a_track_paying_a_wage_needs_an_employer_of_record(minimal: Path) -> None:
    text = TRACKED.replace("employer_of_record: self\n", "").replace("  type: paid\n", "  type: stipend\n", 1)
    text = text.replace("  unit: hour\n  funded_by", "  unit: total\n  funded_by", 1).replace("amount: 17.87", "amount: 600")
    text = text.replace(
        "      type: stipend\n      amount: 500\n      unit: total\n", "      type: paid\n      amount: 18\n      unit: hour\n"
    )
    write(minimal, text)
    found = [line for line in check_lines(minimal) if "employer of record" in line]
    assert len(found) == 1 and "Track `ages-14-15` pays a wage" in found[0], found
    assert found[0].startswith(f"{SHOWN}:{line_of(text, 'pay:', 2)}:")


# -- the model -----------------------------------------------------------------------------------


def test_a_track_replaces_pay_whole_and_merges_eligibility_and_schedule_field_by_field() -> None:
    listing = {
        "pay": {"type": "paid", "amount": 18, "unit": "hour", "note": "Biweekly."},
        "eligibility": {"grades": {"min": 9, "max": 12}, "residency": "County"},
        "schedule": {"weeks": 6, "times": "Mornings"},
        "translations": {"es": {"note": "Cada dos semanas.", "residency": "Condado", "times": "Mañanas"}},
        "tracks": [],
    }
    track = {
        "id": "a",
        "name": "A",
        "pay": {"type": "stipend", "amount": 500, "unit": "total"},
        "eligibility": {"age": {"min": 14, "max": 15}},
        "schedule": {"times": "Afternoons"},
        "translations": {"es": {"name": "A", "times": "Tardes"}},
    }
    merged = with_track(listing, track)
    assert merged["pay"] == {"type": "stipend", "amount": 500, "unit": "total"}
    assert merged["eligibility"] == {"grades": {"min": 9, "max": 12}, "residency": "County", "age": {"min": 14, "max": 15}}
    assert merged["schedule"] == {"weeks": 6, "times": "Afternoons"}
    # The listing's Spanish pay note described the listing's pay; the track's own times replace the listing's.
    assert merged["translations"] == {"es": {"residency": "Condado", "times": "Tardes"}}
    assert "tracks" not in merged


def test_each_track_is_an_opportunity_with_its_own_facts(catalog: Catalog) -> None:
    opp = catalog.opportunities[ID]
    assert [t.id for t in opp.tracks] == ["ages-14-15", "ages-16-24"]
    young, old = opp.track_facts
    assert (young.age_min, young.age_max, young.pay_type, young.pay_amount, young.format, young.seats) == (
        14, 15, "stipend", 500, "job-shadow", 40,
    )  # fmt: skip
    assert (old.age_min, old.age_max, old.pay_type, old.hourly, old.format, old.seats) == (
        16, 24, "paid", 17.87, "internship", None,
    )  # fmt: skip
    assert young.track is opp.tracks[0] and opp.track is None
    assert young.id == opp.id and young.title == opp.title
    assert opp.rows == opp.track_facts
    other = catalog.opportunities["acme/welding-intern"]
    assert other.rows == (other,)


# -- finding -------------------------------------------------------------------------------------


def rows_matching(catalog: Catalog, **wanted: str) -> list[str]:
    view = View(catalog, "en", "browse-data/en/")
    out = []
    for row in encoding.ordered(catalog):
        values = dict(browse.filters(catalog, row, view))
        if all(value in values.get(name, []) for name, value in wanted.items()):
            out.append(row.track.id if row.track else row.id)
    return out


def test_each_track_is_a_row_found_by_its_own_facts(catalog: Catalog) -> None:
    rows = [r.track.id if r.track else r.id for r in encoding.ordered(catalog)]
    assert rows.count("ages-14-15") == 1 and rows.count("ages-16-24") == 1 and ID not in rows
    # Age 14 and paid: the 14-15 track pays a stipend, and the paid track starts at 16.
    assert rows_matching(catalog, age="14", pay="paid") == []
    assert sorted(rows_matching(catalog, age="16", pay="paid")) == ["acme/welding-intern", "ages-16-24"]
    assert rows_matching(catalog, age="14") == ["ages-14-15"]
    assert rows_matching(catalog, format="job-shadow") == ["ages-14-15"]


def test_a_track_is_found_by_the_words_of_its_own_name(catalog: Catalog) -> None:
    postings, _ = word_index.build(catalog, "es")
    rows = encoding.ordered(catalog)
    found = [rows[i].track.id if rows[i].track else rows[i].id for i in postings["anos"][0]]
    assert found == ["ages-14-15"]  # "De 14 a 15 años": the other track's name has no Spanish


def test_a_track_row_has_its_own_card_and_sort_keys(catalog: Catalog) -> None:
    view = View(catalog, "es", "browse-data/es/")
    young, old = catalog.opportunities[ID].track_facts
    card = browse_index.card(catalog, young, view)
    assert card["u"] == ID and card["k"] == "ages-14-15" and card["kn"] == "De 14 a 15 años" and "kl" not in card
    assert card["t"] == "Empleos juveniles de verano"
    assert card["p"] == view.pay(young) != browse_index.card(catalog, old, view)["p"]
    english = browse_index.card(catalog, old, view)
    assert english["kn"] == "Ages 16 to 24" and english["kl"] == "en"
    assert "k" not in browse_index.card(catalog, catalog.opportunities["acme/welding-intern"], view)
    ranks = browse_index.sort_ranks(encoding.ordered(catalog))["pay"]
    order = encoding.ordered(catalog)
    assert ranks[order.index(old)] < ranks[order.index(young)]  # $17.87 an hour sorts before a stipend


def test_lists_without_javascript_show_a_tracked_listing_once(catalog: Catalog) -> None:
    assert [o.id for o in browse.static_order(catalog)].count(ID) == 1
    page = SiteRenderer(catalog, SITE).opportunity(catalog.opportunities[ID], "en")
    assert page.body.count('id="track-ages-14-15"') == 1


# -- the page ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_page_has_a_section_per_track_in_each_language(catalog: Catalog, lang: str) -> None:
    opp = catalog.opportunities[ID]
    view = View(catalog, lang, opp.url, SITE)
    body = SiteRenderer(catalog, SITE).opportunity(opp, lang).body
    assert f'<h2 id="tracks-h">{view.t("tracks_heading")}</h2>' in body
    sections = body.split('<section class="wbl-track"')[1:]
    assert len(sections) == 2
    for section, row in zip(sections, opp.track_facts, strict=True):
        assert row.track is not None
        assert section.startswith(f' id="track-{row.track.id}"')
        for text in (
            view.pay(row),
            view.ages(row),
            view.vocab("formats", row.format),
            view.t("hours_week", n=row.schedule.hours_per_week and view.number(row.schedule.hours_per_week)),
        ):
            assert text in section, (lang, text)
    young, old = opp.track_facts
    # The first facts: each track's pay, and the ages of all tracks, rather than one listing-wide value.
    facts = body.split('<dl class="wbl-facts">')[1].split("</dl>")[0]
    assert view.t("tracks_pay_by_track", pays=f"{view.pay(young)}; {view.pay(old)}") in facts
    assert f"{view.t('ages')} 14–24" in facts
    assert view.t("tracks_count", n=2) in facts


def test_a_track_name_without_a_translation_is_marked_english(catalog: Catalog) -> None:
    body = SiteRenderer(catalog, SITE).opportunity(catalog.opportunities[ID], "es").body
    assert '<span lang="en">Ages 16 to 24</span>' in body
    assert "De 14 a 15 años" in body


# -- exports -------------------------------------------------------------------------------------


def test_catalog_json_publishes_each_track_with_its_facts(catalog: Catalog) -> None:
    opp = catalog.opportunities[ID]
    record = records.opportunity(catalog, opp, SITE, ChangeDates(catalog))
    young, old = record["tracks"]
    assert young["id"] == "ages-14-15" and young["url"] == f"{SITE}opportunities/{ID}/#track-ages-14-15"
    assert young["url_es"] == f"{SITE}es/opportunities/{ID}/#track-ages-14-15"
    assert young["pay"]["type"] == "stipend" and young["pay"]["amount"] == 500 and young["pay"]["funded_by"] is None
    assert old["pay"]["type"] == "paid" and old["pay"]["funded_by"] == "WIOA youth funds"
    assert (young["eligibility"]["age_min"], old["eligibility"]["age_min"]) == (14, 16)
    assert old["eligibility"]["residency"] == "County residents"  # taken from the listing
    assert (young["schedule"]["hours_per_week"], young["seats"], young["format"]) == (10, 40, "job-shadow")
    assert young["es"] == {"name": "De 14 a 15 años", "summary": None} and old["es"]["name"] is None
    plain = records.opportunity(catalog, catalog.opportunities["acme/welding-intern"], SITE, ChangeDates(catalog))
    assert plain["tracks"] == []


def test_catalog_json_with_tracks_matches_its_schema(catalog: Catalog) -> None:
    schema = catalog_schema(SITE)
    item = schema["$defs"]["opportunity"] if "opportunity" in schema.get("$defs", {}) else None
    record = records.opportunity(catalog, catalog.opportunities[ID], SITE, ChangeDates(catalog))
    if item is None:
        item = schema["properties"]["opportunities"]["items"]
    jsonschema.validate(json.loads(json.dumps(record)), {**item, "$defs": schema.get("$defs", {})})
    tracks = item["properties"]["tracks"]["items"]["properties"]
    assert tracks["pay"]["properties"].keys() == item["properties"]["pay"]["properties"].keys()


def test_the_csv_names_the_tracks_in_a_column_of_their_own(catalog: Catalog) -> None:
    rows = list(csv.reader(io.StringIO(opportunities_csv(catalog, SITE, ChangeDates(catalog)).decode("utf-8-sig"))))
    column = rows[0].index("tracks")
    assert column > rows[0].index("needs")  # appended after the columns of earlier formats
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id[ID][column] == "Ages 14 to 15; Ages 16 to 24"
    assert by_id["acme/welding-intern"][column] == ""
