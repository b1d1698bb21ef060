"""Open-data exports, read back by real consumers, from real MkDocs builds.

- csv (opportunities.csv), icalendar (deadlines.ics), feedparser (feed.xml),
  jsonschema (catalog.json against catalog.schema.json);
- counts in every export equal the records; dates are change dates, never
  the build time; two builds give byte-identical files;
- schema.org JobPosting only for open, paid, non-example placements, with
  values the page shows; EducationalOccupationalProgram on real pathways.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import jsonschema
import pytest
import yaml
from sitebuild import ROOT, build_site, minimal_catalog

from generator import i18n
from generator.exports.calendar import CRLF, Dated, EventWriter, calendar, calendars, fold_bytes, host_of, times_of, uid
from generator.exports.calendar import dated_events as calendar_items
from generator.exports.dates import ChangeDates, git_dates, record_file
from generator.exports.records import absolute
from generator.exports.schema import FORMAT_VERSION, documentation
from generator.exports.tabular import COLUMNS, meaning
from generator.i18n import date as format_date
from generator.i18n import money
from generator.model import Site
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render.structured_data import listing_program_data, listing_structured_data, script_json

AS_OF = dt.date(2026, 11, 22)
SITE_URL = "https://wbl-catalog.example.org/"
COMMIT_1 = "2025-03-04T05:06:07+00:00"
COMMIT_2 = "2025-06-07T08:09:10+00:00"


def serialize(component: icalendar.cal.Component) -> bytes:
    """component.to_ical() with the export's own folding (`fold_bytes`), to compare with icalendar's."""
    return b"".join(fold_bytes(line.encode("utf-8")) + CRLF for line in component.content_lines() if line)


# -- builds ----------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled(tmp_path_factory, bundled_site: Path) -> tuple[Path, Path]:
    """The bundled catalog, built twice: the session's shared build and one more."""
    second = tmp_path_factory.mktemp("b") / "site"
    build_site(second)
    return bundled_site, second


@pytest.fixture(scope="module")
def bundled_catalog():
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.errors
    return checked.catalog


def listing(path: Path, **changes: Any) -> None:
    """Write a listing: the fixture internship of sitebuild with some fields replaced (dotted keys reach into sections)."""
    data = yaml.safe_load((path.parent / "lab-internship.yml").read_text(encoding="utf-8"))
    for key, value in changes.items():
        target = data
        *parents, last = key.split(".")
        for parent in parents:
            target = target.setdefault(parent, {})
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# A description as contributors write it in YAML: lines wrapped by hand inside paragraphs and list items, text
# that would end a <script> element, and the line and paragraph separators that end a line in old JavaScript
# (inside a paragraph, like a wrapped line, they become a space).
WRAPPED_DESCRIPTION = (
    "Work with lab staff\non real samples, and see how a\nclinic lab runs.\n\n"
    "- Label specimens and\n  log results\n- Shadow a nurse\n\n"
    "Never type `</script><!--` into a form\u2028or\u2029a chart."
)
WRAPPED_PLAIN = [
    "A paid summer internship in a clinic lab.",
    "Work with lab staff on real samples, and see how a clinic lab runs.",
    "Label specimens and log results",
    "Shadow a nurse",
    "Never type </script><!-- into a form or a chart.",
]


def structured_catalog(dest: Path) -> Path:
    """A catalog with one real (not example) listing per JobPosting case, and a real and an example pathway."""
    catalog = minimal_catalog(dest)
    org = catalog / "employers" / "acme-health"
    text = (org / "organization.yml").read_text().replace("example: true", "example: false")
    (org / "organization.yml").write_text(text + "website: https://example.org/acme-health\n")
    real = {"example": False, "schedule.hours_per_week": 20}

    def case(name: str, **changes: Any) -> None:
        listing(org / f"{name}.yml", **{**real, **changes})

    case(
        "lab-internship",
        sites=[{"name": "Main clinic", "address": "100 Harbor Ave", "city": "Long Beach", "zip": "90802", "mode": "in-person"}],
        seats=6,
        description=WRAPPED_DESCRIPTION,
    )
    case(
        "summer-stipend-job",
        title="Summer Stipend Job",
        format="summer-youth-employment",
        **{
            "pay.type": "stipend",
            "pay.amount": 250,
            "pay.unit": "week",
            "pay.on_completion": True,
            "pay.funded_by": "City of Los Angeles Hire LA's Youth",
            "schedule.hours_per_week": 30,
        },
    )
    case("closed-internship", title="Closed Internship", **{"application.deadline": dt.date(2026, 11, 1)})
    case("unpaid-internship", title="Unpaid Internship", pay={"type": "unpaid"})
    case("example-internship", title="Example Internship", example=True)
    case("paid-job-shadow", title="Paid Job Shadow", format="job-shadow", stage="exploration")
    case("stipend-unknown", title="Stipend Unknown", pay={"type": "stipend", "amount_published": False})
    case("upcoming-internship", title="Upcoming Internship", **{"application.opens": dt.date(2027, 1, 10)})
    case("formula-title", title='=HYPERLINK("https://example.org")', example=True)
    # Programs that are not jobs: free, with ages and no grades and most of who can apply; and one with a fee.
    case(
        "free-workshop",
        title="Free Workshop",
        format="pre-apprenticeship",
        pay={"type": "free"},
        eligibility={
            "age": {"min": 16, "max": 24},
            "status": ["in-school", "out-of-school"],
            "schools": ["Harbor Unified School District"],
            "residency": "City of Long Beach residents",
            "populations": ["foster-youth"],
            "priority": ["low-income", "first-generation"],
            "min_gpa": 2.5,
            "needs": ["tb-test", "interview"],
        },
        **{"application.mode": "central", "schedule.weeks": 8, "seats": 12},
    )
    case(
        "fee-academy",
        title="Fee Academy",
        format="project",
        stage="preparation",
        pay={"type": "fee", "amount": 350, "unit": "total", "aid": True},
        **{"application.mode": "paper", "application.where": "=1+1 front desk"},
    )
    case(
        "rolling-apprenticeship",
        title="Rolling Apprenticeship",
        format="apprenticeship",
        **{"application.deadline": None, "application.rolling": True, "pay.amount": 22, "pay.amount_max": 26},
    )
    pathway = catalog / "pathways" / "health-careers.yml"
    pathway.write_text(pathway.read_text().replace("example: true", "example: false", 1))
    shutil.copyfile(
        ROOT / "catalog" / "pathways" / "information-technology.yml", catalog / "pathways" / "information-technology.yml"
    )
    return catalog


@pytest.fixture(scope="module")
def structured(tmp_path_factory) -> tuple[Path, Any]:
    """The structured-data catalog, outside git (change dates fall back to last_reviewed)."""
    root = tmp_path_factory.mktemp("structured")
    catalog = structured_catalog(root / "catalog")
    checked = check_catalog(catalog, as_of=AS_OF)
    assert checked.ok, checked.errors
    build_site(root / "site", catalog)
    return root / "site", checked.catalog


def git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when or COMMIT_1, "GIT_COMMITTER_DATE": when or COMMIT_1}
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> tuple[Path, Any, float]:
    """A catalog in its own git repository, with two commits at fixed dates; the build's start time."""
    repo = tmp_path_factory.mktemp("repo")
    catalog = minimal_catalog(repo / "catalog")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    listing_file = catalog / "employers" / "acme-health" / "lab-internship.yml"
    listing_file.write_text(listing_file.read_text().replace("Work with lab staff.", "Work with lab staff and nurses."))
    git(repo, "commit", "-q", "-am", "second", when=COMMIT_2)
    started = dt.datetime.now(dt.UTC).timestamp()
    build_site(repo / "site", catalog)
    return repo / "site", check_catalog(catalog, as_of=AS_OF).catalog, started


# -- helpers ---------------------------------------------------------------


def read_csv(site: Path, name: str = "opportunities.csv") -> list[list[str]]:
    raw = (site / "data" / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def read_calendar(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def json_ld(site: Path, path: str) -> list[dict[str, Any]]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def visible_text(site: Path, path: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            self.skip += tag in ("script", "style")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("script", "style") and self.skip > 0

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def dated_events(catalog) -> int:
    """Deadlines (one per application window), start dates and the listed days after the start."""
    return sum((len(o.windows) or bool(o.deadline)) + bool(o.start) + later_days(o) for o in catalog.opportunities.values())


def later_days(opp) -> int:
    """The listed days (schedule.dates) after the first, each an event of its own."""
    return len([day for day in opp.schedule.dates if day != opp.start])


# -- the spreadsheet ---------------------------------------------------------


def test_csv_has_one_row_per_listing_with_stable_columns(bundled, bundled_catalog):
    rows = read_csv(bundled[0])
    header, body = rows[0], rows[1:]
    assert header == [c.name for c in COLUMNS]
    assert len(body) == len(bundled_catalog.opportunities)
    ids = [row[header.index("catalog_id")] for row in body]
    assert ids == sorted(bundled_catalog.opportunities)
    for row in body:
        opp = bundled_catalog.opportunities[row[0]]
        assert row[header.index("status")] == opp.status
        assert row[header.index("sites_count")] == str(len(opp.sites))
        assert row[header.index("deadline")] == (opp.deadline.isoformat() if opp.deadline else "")
        assert row[header.index("url")] == f"{SITE_URL}opportunities/{opp.id}/"
    assert {row[header.index("status")] for row in body} >= {"open", "closed", "archived"}


def test_csv_dictionary_documents_every_column_in_order(bundled):
    rows = read_csv(bundled[0], "opportunities-dictionary.csv")
    assert rows[0][:3] == ["column", "meaning", "example"]
    assert [r[0] for r in rows[1:]] == read_csv(bundled[0])[0]
    assert all(r[1] and r[2] for r in rows[1:])


# The columns of format 1.0, in order: later columns are added after them, so these never move.
COLUMNS_1_0 = [
    "catalog_id",
    "title",
    "title_es",
    "organization",
    "organization_id",
    "status",
    "accepting_applications",
    "format",
    "stage",
    "sectors",
    "pathways",
    "pay_type",
    "pay_amount",
    "pay_amount_max",
    "pay_unit",
    "pay_published",
    "grade_min",
    "grade_max",
    "age_min",
    "age_max",
    "work_permit",
    "opens",
    "deadline",
    "rolling",
    "start",
    "end",
    "season",
    "hours_per_week",
    "weeks",
    "seats",
    "sites_count",
    "cities",
    "areas",
    "modes",
    "employer_of_record",
    "intermediary",
    "mentor",
    "academic_credit",
    "college_credit",
    "credential",
    "signals",
    "example",
    "last_reviewed",
    "changed",
    "summary",
    "apply_url",
    "url",
    "url_es",
]


def test_csv_columns_keep_their_positions_and_new_facts_come_last(structured):
    rows = read_csv(structured[0])
    header = rows[0]
    assert header[: len(COLUMNS_1_0)] == COLUMNS_1_0
    assert header[len(COLUMNS_1_0) :][:1] == ["application_mode"]
    by_slug = {row[header.index("catalog_id")].split("/")[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    free, fee = by_slug["free-workshop"], by_slug["fee-academy"]
    assert (free["pay_type"], free["pay_published"], free["fee_aid"], free["on_completion"]) == ("free", "", "", "")
    assert (free["grade_min"], free["grade_max"], free["age_min"], free["age_max"]) == ("", "", "16", "24")
    assert free["application_mode"] == "central" and free["school_status"] == "in-school; out-of-school"
    assert free["populations"] == "foster-youth" and free["priority"] == "low-income; first-generation"
    assert free["needs"] == "tb-test; interview" and free["min_gpa"] == "2.5"
    assert free["schools"] == "Harbor Unified School District" and free["residency"] == "City of Long Beach residents"
    assert (fee["pay_type"], fee["pay_amount"], fee["fee_aid"], fee["application_mode"]) == ("fee", "350", "yes", "paper")
    assert fee["application_where"] == "'=1+1 front desk", "contributor text is guarded in the new columns too"
    stipend = by_slug["summer-stipend-job"]
    assert stipend["on_completion"] == "yes" and stipend["funded_by"] == "City of Los Angeles Hire LA's Youth"
    assert by_slug["lab-internship"]["application_mode"] == "apply" and by_slug["lab-internship"]["on_completion"] == ""


def test_csv_guards_text_against_spreadsheet_formulas(structured):
    rows = read_csv(structured[0])
    titles = [row[rows[0].index("title")] for row in rows[1:]]
    assert '\'=HYPERLINK("https://example.org")' in titles


# -- the calendar ------------------------------------------------------------


def test_calendar_has_an_event_per_deadline_and_start_date(bundled, bundled_catalog):
    events = read_calendar(bundled[0] / "data" / "deadlines.ics")
    assert len(events) == dated_events(bundled_catalog)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    host = "wbl-catalog.example.org"
    expected = {
        f"deadline-{o.org_id}--{o.slug}@{host}" for o in bundled_catalog.opportunities.values() if o.deadline and not o.windows
    }
    expected |= {
        f"deadline-{o.org_id}--{o.slug}--{w.deadline.isoformat()}@{host}"
        for o in bundled_catalog.opportunities.values()
        for w in o.windows
    }
    expected |= {f"start-{o.org_id}--{o.slug}@{host}" for o in bundled_catalog.opportunities.values() if o.start}
    expected |= {
        f"date-{o.org_id}--{o.slug}--{day.isoformat()}@{host}"
        for o in bundled_catalog.opportunities.values()
        for day in o.schedule.dates
        if day != o.start
    }
    assert set(uids) == expected and any(uid.startswith("date-") for uid in uids)
    # A one-day event or a listed day with times of day is timed, in Los Angeles time; every other event is all-day.
    timed = {
        o.org_id + "--" + o.slug
        for o in bundled_catalog.opportunities.values()
        if o.schedule.has_times and (o.one_day or o.schedule.dates)
    }
    assert timed
    for event in events:
        start = event.decoded("DTSTART")
        kind, _, rest = str(event["UID"]).partition("-")
        listing = "--".join(rest.split("@")[0].split("--")[:2])
        if kind in ("start", "date") and listing in timed:
            assert isinstance(start, dt.datetime) and str(start.tzinfo) == "America/Los_Angeles", event["UID"]
        else:
            assert isinstance(start, dt.date) and not isinstance(start, dt.datetime), event["UID"]
        assert str(event["URL"]).startswith(SITE_URL + "opportunities/")
        assert str(event["SUMMARY"]).startswith(("Deadline: ", "Starts: ", "Session: "))


def test_calendar_uids_are_stable_across_builds(bundled):
    first, second = (read_calendar(site / "data" / "deadlines.ics") for site in bundled)
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]


def test_every_sector_has_a_calendar_of_its_listings(bundled, bundled_catalog):
    for sector in bundled_catalog.vocabularies.items("sectors"):
        events = read_calendar(bundled[0] / "data" / "deadlines" / f"{sector.id}.ics")
        mine = [o for o in bundled_catalog.opportunities.values() if sector.id in o.sectors]
        assert len(events) == sum((len(o.windows) or bool(o.deadline)) + bool(o.start) + later_days(o) for o in mine), sector.id


# -- the feed ----------------------------------------------------------------


def test_feed_holds_the_most_recent_changes_newest_first(bundled, bundled_catalog):
    feed = feedparser.parse((bundled[0] / "data" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    total = len(bundled_catalog.opportunities) + len(bundled_catalog.retired)
    assert len(feed.entries) == min(100, total)
    times = [e.updated_parsed for e in feed.entries]
    assert times == sorted(times, reverse=True)
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:wbl-catalog.example.org,2026:opportunities/") for i in ids)
    assert {e.link for e in feed.entries} <= {
        f"{SITE_URL}opportunities/{i}/" for i in [*bundled_catalog.opportunities, *bundled_catalog.retired]
    }


def test_feed_ids_are_stable_across_builds(bundled):
    first, second = (feedparser.parse((site / "data" / "feed.xml").read_bytes()) for site in bundled)
    assert [e.id for e in first.entries] == [e.id for e in second.entries]


def test_feed_keeps_only_the_100_newest(tmp_path):
    catalog = minimal_catalog(tmp_path / "catalog")
    org = catalog / "employers" / "acme-health"
    listing(org / "lab-internship.yml", last_reviewed=dt.date(2025, 12, 1))
    for n in range(105):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=n)
        listing(org / f"lab-{n:03d}.yml", title=f"Lab Internship {n}", last_reviewed=day)
    build_site(tmp_path / "site", catalog)
    feed = feedparser.parse((tmp_path / "site" / "data" / "feed.xml").read_bytes())
    assert len(feed.entries) == 100
    assert feed.entries[0].id.endswith("/acme-health/lab-104")
    assert feed.entries[0].updated == "2026-04-15T00:00:00Z"


# -- catalog.json ------------------------------------------------------------


def test_catalog_json_validates_against_its_schema(bundled, bundled_catalog):
    data = json.loads((bundled[0] / "data" / "catalog.json").read_text(encoding="utf-8"))
    schema = json.loads((bundled[0] / "data" / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors[:5]
    assert data["format_version"] == FORMAT_VERSION == "1.3" and data["as_of"] == AS_OF.isoformat()
    assert data["counts"] == {
        "opportunities": len(bundled_catalog.opportunities),
        "organizations": len(bundled_catalog.organizations),
        "pathways": len(bundled_catalog.pathways),
        "retired": len(bundled_catalog.retired),
    }
    assert [o["catalog_id"] for o in data["opportunities"]] == sorted(bundled_catalog.opportunities)
    assert [o["id"] for o in data["organizations"]] == sorted(bundled_catalog.organizations)
    assert [p["id"] for p in data["pathways"]] == sorted(bundled_catalog.pathways)
    for item in data["opportunities"]:
        opp = bundled_catalog.opportunities[item["catalog_id"]]
        assert item["status"] == opp.status
        assert item["organization"] == {"id": opp.org_id, "name": bundled_catalog.org_of(opp).name}
        if opp.employer_of_record:
            assert item["employer_of_record"]["name"] == bundled_catalog.organizations[opp.employer_of_record].name
        else:  # whoever enrolls the student: each organization that may, and the provider
            assert item["employer_of_record"] is None and opp.employer_of_record_varies
            assert [e["id"] for e in item["employers_of_record"]] == list(opp.employers_of_record)


def test_the_schema_rejects_an_unknown_field(bundled):
    data = json.loads((bundled[0] / "data" / "catalog.json").read_text(encoding="utf-8"))
    schema = json.loads((bundled[0] / "data" / "catalog.schema.json").read_text(encoding="utf-8"))
    data["opportunities"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_catalog_json_carries_who_can_apply_pay_and_how_to_take_part(structured):
    site, _ = structured
    data = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "catalog.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert not [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]
    items = {o["slug"]: o for o in data["opportunities"]}
    free = items["free-workshop"]
    assert free["pay"] == {
        "type": "free",
        "amount": None,
        "amount_max": None,
        "unit": None,
        "amount_published": None,
        "on_completion": None,
        "aid": None,
        "paid_by": None,
        "funded_by": None,
        "note": None,
        "steps": [],
    }
    elig = free["eligibility"]
    assert elig["grade_min"] is None and elig["grade_max"] is None and (elig["age_min"], elig["age_max"]) == (16, 24)
    assert elig["status"] == ["in-school", "out-of-school"] and elig["schools"] == ["Harbor Unified School District"]
    assert elig["residency"] == "City of Long Beach residents" and elig["min_gpa"] == 2.5
    assert elig["populations"] == [
        {"id": "foster-youth", "name": "Foster youth", "name_es": "Jóvenes en cuidado de crianza temporal"}
    ]
    assert [g["id"] for g in elig["priority"]] == ["low-income", "first-generation"]
    assert elig["needs"] == ["tb-test", "interview"]
    assert free["application"]["mode"] == "central" and free["application"]["where"] is None
    fee = items["fee-academy"]
    assert fee["pay"]["type"] == "fee" and fee["pay"]["amount"] == 350 and fee["pay"]["aid"] is True
    assert fee["pay"]["amount_published"] is True and fee["pay"]["on_completion"] is None
    assert fee["application"] == {**fee["application"], "mode": "paper", "where": "=1+1 front desk"}
    stipend = items["summer-stipend-job"]["pay"]
    assert stipend["on_completion"] is True and stipend["aid"] is None
    assert stipend["funded_by"] == "City of Los Angeles Hire LA's Youth"
    # Nothing written: the defaults, every field present.
    lab = items["lab-internship"]
    assert lab["application"]["mode"] == "apply" and lab["pay"]["on_completion"] is None
    assert {
        k: lab["eligibility"][k] for k in ("status", "schools", "residency", "populations", "priority", "min_gpa", "needs")
    } == {
        "status": [],
        "schools": [],
        "residency": None,
        "populations": [],
        "priority": [],
        "min_gpa": None,
        "needs": [],
    }


def test_every_field_and_column_meaning_is_translated():
    for lang in i18n.available():
        assert all(text for _, rows in documentation(lang) for _, _, text in rows)
        assert all(meaning(c, lang) for c in COLUMNS)


def test_two_builds_give_byte_identical_exports(bundled):
    first, second = bundled
    names = sorted(p.relative_to(first).as_posix() for p in (first / "data").rglob("*") if p.is_file())
    assert "data/deadlines/health-science-and-medical-technology.ics" in names
    assert names == sorted(p.relative_to(second).as_posix() for p in (second / "data").rglob("*") if p.is_file())
    for name in [*names, "sitemap.xml", "sitemap.xml.gz"]:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


# -- change dates ------------------------------------------------------------


def test_change_dates_come_from_git_not_the_build_time(dated):
    site, catalog, started = dated
    changed, first = "2025-06-07T08:09:10Z", "2025-03-04T05:06:07Z"
    data = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))
    assert data["opportunities"][0]["changed"] == changed
    assert data["organizations"][0]["changed"] == first
    feed = feedparser.parse((site / "data" / "feed.xml").read_bytes())
    assert [e.updated for e in feed.entries] == [changed]
    assert feed.feed.updated == changed
    (event, *_) = read_calendar(site / "data" / "deadlines.ics")
    assert event.decoded("DTSTAMP") == dt.datetime(2025, 6, 7, 8, 9, 10, tzinfo=dt.UTC)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap))
    assert lastmods[SITE_URL + "opportunities/acme-health/lab-internship/"] == changed
    assert lastmods[SITE_URL + "es/opportunities/acme-health/lab-internship/"] == changed
    assert lastmods[SITE_URL + "employers/"] == first  # newest of the organizations
    assert lastmods[SITE_URL + "employers/acme-health/"] == changed  # the organization page lists the changed listing
    build_day = dt.datetime.fromtimestamp(started, dt.UTC).strftime("%Y-%m-%dT")
    assert not any(value.startswith(build_day) for value in lastmods.values())


def test_without_git_the_change_date_is_last_reviewed(structured):
    site, catalog = structured
    feed = feedparser.parse((site / "data" / "feed.xml").read_bytes())
    for entry in feed.entries:
        ident = entry.id.rsplit(":opportunities/", 1)[1]
        assert entry.updated == f"{catalog.opportunities[ident].last_reviewed.isoformat()}T00:00:00Z"


def test_git_dates_without_a_repository(tmp_path):
    assert git_dates(tmp_path) == {}


# -- structured data ---------------------------------------------------------

POSTINGS = {"lab-internship", "summer-stipend-job", "rolling-apprenticeship"}
NOT_POSTINGS = {
    "closed-internship",
    "unpaid-internship",
    "example-internship",
    "paid-job-shadow",
    "stipend-unknown",
    "upcoming-internship",
    "formula-title",
    "free-workshop",
    "fee-academy",
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_job_posting_only_for_open_paid_real_placements(structured, lang):
    site, catalog = structured
    prefix = "" if lang == "en" else "es/"
    assert {o.slug for o in catalog.opportunities.values()} == POSTINGS | NOT_POSTINGS
    for slug in sorted(POSTINGS | NOT_POSTINGS):
        found = [d for d in json_ld(site, f"{prefix}opportunities/acme-health/{slug}") if d.get("@type") == "JobPosting"]
        assert len(found) == (slug in POSTINGS), slug


@pytest.mark.parametrize("lang", ["en", "es"])
def test_job_posting_values_are_on_the_page(structured, lang):
    site, catalog = structured
    path = ("" if lang == "en" else "es/") + "opportunities/acme-health/lab-internship"
    (posting,) = json_ld(site, path)
    text = visible_text(site, path)
    opp = catalog.opportunities["acme-health/lab-internship"]
    assert posting["employmentType"] == "INTERN" and posting["directApply"] is False
    assert posting["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", "value": 19.5, "unitText": "HOUR"},
    }
    assert money(19.5, lang) in text
    assert posting["title"] in text and posting["hiringOrganization"]["name"] in text
    assert posting["datePosted"] == "2026-10-01" and format_date(opp.last_reviewed, lang) in text
    assert posting["validThrough"] == "2027-03-01" and format_date(opp.deadline, lang) in text
    assert posting["totalJobOpenings"] == 6 and "6" in text
    (place,) = posting["jobLocation"]
    assert place["name"] in text
    for key in ("streetAddress", "addressLocality", "postalCode"):
        assert place["address"][key] in text, key
    for line in posting["description"].splitlines():
        assert line in text
    assert posting["url"] == f"{SITE_URL}{path}/"
    # The summary, then one line per paragraph and list item: the lines wrapped in the YAML file are joined.
    assert posting["description"].split("\n") == WRAPPED_PLAIN
    assert posting["identifier"] == {"@type": "PropertyValue", "name": i18n.t("site_name", lang), "value": opp.id}
    assert posting["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Acme Health",
        "url": f"{SITE_URL}{'es/' if lang == 'es' else ''}employers/acme-health/",
        "sameAs": "https://example.org/acme-health",
    }


@pytest.mark.parametrize("lang", ["en", "es"])
def test_job_posting_json_is_safe_inside_its_script_element(structured, lang):
    site, _ = structured
    path = ("" if lang == "en" else "es/") + "opportunities/acme-health/lab-internship"
    html = (site / path / "index.html").read_text(encoding="utf-8")
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    for unsafe in ("<", ">", "&", "\u2028", "\u2029"):
        assert unsafe not in raw, repr(unsafe)
    assert "Never type </script><!-- into a form or a chart." in json.loads(raw)["description"]


def test_script_json_escapes_what_could_end_the_script():
    text = json.dumps({"a": "</script><!-- & > \u2028 \u2029 é"}, ensure_ascii=False)
    safe = script_json(text)
    assert safe == '{"a": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u003e \\u2028 \\u2029 é"}'
    assert json.loads(safe) == json.loads(text)


def test_job_posting_types_and_pay_ranges(structured):
    site, _ = structured
    (stipend,) = json_ld(site, "opportunities/acme-health/summer-stipend-job")
    assert stipend["employmentType"] == "PART_TIME"
    assert stipend["baseSalary"]["value"] == {"@type": "QuantitativeValue", "value": 250, "unitText": "WEEK"}
    (apprenticeship,) = json_ld(site, "opportunities/acme-health/rolling-apprenticeship")
    assert apprenticeship["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 22,
        "maxValue": 26,
        "unitText": "HOUR",
    }
    assert "validThrough" not in apprenticeship


def test_no_structured_data_in_the_bundled_site_of_examples(bundled):
    pages = [p for p in bundled[0].rglob("index.html") if "/opportunities/" in p.as_posix() or "/pathways/" in p.as_posix()]
    assert len(pages) > 60
    assert not [p for p in pages if "application/ld+json" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_program_markup_on_real_pathways_only(structured, lang):
    site, catalog = structured
    prefix = "" if lang == "en" else "es/"
    assert json_ld(site, f"{prefix}pathways/information-technology") == []
    (program,) = json_ld(site, f"{prefix}pathways/health-careers")
    assert program["@type"] == "EducationalOccupationalProgram"
    text = visible_text(site, f"{prefix}pathways/health-careers")
    assert program["name"] in text and program["description"] in text
    codes = program["occupationalCategory"]
    assert codes and all(c["codeValue"] in text and c["name"] in text for c in codes)
    for name in program.get("educationalCredentialAwarded", []) + [c["name"] for c in program.get("hasCourse", [])]:
        assert name in text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_programs_that_are_not_jobs_describe_themselves_as_programs(structured, lang):
    _, catalog = structured
    view = View(catalog, lang, "opportunities/", SITE_URL)
    opps = {o.slug: o for o in catalog.opportunities.values()}
    free = listing_program_data(catalog, opps["free-workshop"], view)
    assert free is not None and free["@type"] == "EducationalOccupationalProgram"
    assert free["offers"] == {"@type": "Offer", "price": 0, "priceCurrency": "USD"}
    assert free["applicationDeadline"] == "2027-03-01" and free["timeToComplete"] == "P8W" and free["maximumEnrollment"] == 12
    assert free["provider"]["name"] == "Acme Health" and free["identifier"]["value"] == "acme-health/free-workshop"
    prerequisites = " ".join(free["programPrerequisites"])
    assert view.ages(opps["free-workshop"]) in prerequisites and "Harbor Unified School District" in prerequisites
    assert all("<" not in line for line in free["programPrerequisites"])
    fee = listing_program_data(catalog, opps["fee-academy"], view)
    assert fee is not None and fee["offers"] == {"@type": "Offer", "price": 350, "priceCurrency": "USD"}
    assert listing_program_data(catalog, opps["unpaid-internship"], view) is not None
    # Jobs are JobPostings; examples, closed listings and one-day formats are neither.
    for slug in ("lab-internship", "example-internship", "closed-internship", "paid-job-shadow"):
        assert listing_program_data(catalog, opps[slug], view) is None, slug
    posting = listing_structured_data(catalog, opps["lab-internship"], view)
    assert posting and json.loads(posting)["@type"] == "JobPosting"
    assert listing_structured_data(catalog, opps["example-internship"], view) is None


# -- the Data page -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_data_page_links_every_export_and_documents_every_field(bundled, lang):
    site = bundled[0]
    page = site / ("" if lang == "en" else "es/") / "data" / "index.html"
    html = page.read_text(encoding="utf-8")
    content = html.split('id="wbl-content"', 1)[1]  # the page's own links, not the feed's in the head
    links = set(re.findall(r'href="([^"#?]+\.(?:json|csv|ics|xml))"', content))
    targets = {(page.parent / link).resolve().relative_to(site.resolve()).as_posix() for link in links}
    for export in (
        "catalog.json",
        "catalog.schema.json",
        "opportunities.csv",
        "opportunities-dictionary.csv",
        "deadlines.ics",
        "feed.xml",
        "deadlines/public-services.ics",
    ):
        assert f"data/{export}" in targets, export
    assert "schemas/opportunity.schema.json" in targets
    for target in targets:
        assert (site / target).is_file(), target
    for column in COLUMNS:
        assert f"<code>{column.name}</code>" in html
    # The fields of catalog.json are on a page of their own, which the Data page links to.
    fields_link = re.search(r'<h2 id="json">.*?<a href="([^"]+)"', content, re.S)
    assert fields_link, "the Data page does not link to the fields of catalog.json"
    fields_page = (page.parent / fields_link.group(1) / "index.html").resolve()
    assert fields_page == (site / ("" if lang == "en" else "es/") / "data" / "fields" / "index.html").resolve()
    fields_html = fields_page.read_text(encoding="utf-8")
    for _, rows in documentation(lang):
        for path, _, _ in rows:
            assert f"<code>{path}</code>" in fields_html, path
    assert "CC BY 4.0" in html and "https://creativecommons.org/licenses/by/4.0/" in html
    versions = html.split('id="versions"', 1)[1].split("<h2", 1)[0]
    assert "<strong>1.2</strong>" in versions and "<code>tracks</code>" in versions
    assert "<strong>1.1</strong>" in versions and "<strong>1.0</strong>" in versions and "<code>needs</code>" in versions
    assert f'<code class="wbl-permalink__url">{SITE_URL}data/deadlines.ics</code>' in html


@pytest.mark.parametrize(
    "text",
    [
        "short",
        "a" * 200,
        "Último día para solicitar · Pasantía de enfermería — " * 5,
        "emoji 😀 " * 40,
        "escapes \\, \\; ^ " * 30,
        "x" * 73 + "\\," + "y" * 100,
        "é" * 100,
    ],
)
def test_calendar_folding_matches_icalendar(text: str) -> None:
    event = icalendar.Event()
    event.add("uid", "deadline-a--b@example.org")
    event.add("summary", text)
    event.add("description", text + "\n" + text)
    event.add("location", text[:90])
    assert serialize(event) == event.to_ical()
    assert all(len(line) <= 75 for line in serialize(event).split(b"\r\n"))


def icalendar_event(catalog, item: Dated, dates: ChangeDates) -> icalendar.Event:
    """The event built property by property with icalendar: the reference for the bytes the export writes."""
    opp = item.opp
    en = View(catalog, "en", opp.url, SITE_URL)
    es = View(catalog, "es", opp.url, SITE_URL)
    deadline = item.kind == "deadline"
    event = icalendar.Event()
    event.add("uid", uid(item.kind, opp, host_of(SITE_URL), item.day))
    event.add("dtstamp", dates.of(opp))
    event.add("last-modified", dates.of(opp))
    times = times_of(item)
    if times:
        zone = ZoneInfo("America/Los_Angeles")
        event.add("dtstart", times[0].replace(tzinfo=zone))
        event.add("dtend", times[1].replace(tzinfo=zone))
    else:
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    word = {"deadline": "Deadline", "start": "Starts", "date": "Session"}[item.kind]
    event.add("summary", f"{word}: {opp.title} ({catalog.org_of(opp).name})")
    first_en = "Last day to apply." if deadline else "First day."
    first_es = f"{'Último día para solicitar' if deadline else 'Primer día'}: {es.plain(opp.text('title', 'es'))}."
    if item.kind == "date":
        n, total = opp.schedule.dates.index(item.day) + 1, len(opp.schedule.dates)
        first_en, first_es = f"Session {n} of {total}.", f"Sesión {n} de {total}: {es.plain(opp.text('title', 'es'))}."
    lines = [
        first_en,
        str(opp.raw.get("summary", "")),
        f"{en.status(opp)} · {en.pay(opp)} · {en.grades(opp)}",
        absolute(SITE_URL, opp.url),
        "",
        first_es,
        f"{es.status(opp)} · {es.pay(opp)} · {es.grades(opp)}",
        absolute(SITE_URL, opp.url, "es"),
    ]
    if opp.example:
        lines.insert(0, "Example listing, not a real offer. / Anuncio de ejemplo, no es una oferta real.")
    event.add("description", "\n".join(lines))
    event.add("url", absolute(SITE_URL, opp.url))
    event.add("location", en.where(opp))
    names = [en.sector_name(s) for s in opp.sectors]
    if names:
        event.add("categories", names)
    return event


def tricky_catalog(catalog):
    """The bundled catalog with a few listings whose text exercises escaping, folding and the optional properties."""
    sectors = [s.id for s in catalog.vocabularies.items("sectors")]
    odd = "Commas, semicolons; back\\slash \\n ^caret, new\nline\r\nCR\rend — Niños 😀"
    changes = [
        {
            "title": "Pasantía — Café, Niños; “Día” 😀 \\",
            "raw": {"summary": odd, "translations": {"es": {"title": "Año; niños, \\ fin 😀"}}},
            "sites": (Site("A", "Long Beach, CA; 1\\2", "in-person"), Site("R", "", "remote"), Site("B", "Ñuñoa", "in-person"))
            + tuple(Site(c, c, "in-person") for c in ("Carson", "Downey", "Carson")),
        },
        {"title": "é" * 90 + "x" * 73 + "\\," + "😀" * 30, "raw": {"summary": "long " * 80}, "sectors": tuple(sectors[:4])},
        {"title": "No place, no sector", "raw": {"title": "Sin lugar; sin sector\\"}, "sites": (), "sectors": ()},
        {"title": "^^ twice ^", "raw": {"summary": "\\" * 200}, "example": True, "sectors": (sectors[0], sectors[1], sectors[0])},
        {"title": "Plain", "raw": {"summary": ""}, "example": False},
    ]
    opps = dict(catalog.opportunities)
    chosen = [o for o in opps.values() if o.deadline][: len(changes)]
    for opp, change in zip(chosen, changes, strict=True):
        raw = {**opp.raw, **change.pop("raw")}
        start = opp.deadline + dt.timedelta(days=40)
        opps[opp.id] = dataclasses.replace(opp, raw=raw, start=start, **change)
    orgs = dict(catalog.organizations)
    org = orgs[chosen[0].org_id]
    orgs[org.id] = dataclasses.replace(org, name='Acme, Inc.; "Salud" \\ 😀')
    tricky = dataclasses.replace(catalog, opportunities=opps, organizations=orgs)
    files = {
        record_file(chosen[0]): dt.datetime(2025, 3, 4, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
        record_file(chosen[1]): dt.datetime(2025, 6, 7, 8, 9, 10),  # naive: taken as UTC
    }
    return tricky, ChangeDates(tricky, files=files), [opps[o.id] for o in chosen]


def test_calendar_events_are_the_bytes_icalendar_writes(bundled_catalog):
    catalog, dates, tricky = tricky_catalog(bundled_catalog)
    items = calendar_items(catalog)
    assert {i.opp.id for i in items} >= {o.id for o in tricky} and any(i.opp.example for i in items)
    writer = EventWriter(catalog, SITE_URL, dates)
    written = [writer.event(item) for item in items]
    for item, event in zip(items, written, strict=True):
        reference = icalendar_event(catalog, item, dates)
        assert event == reference.to_ical() == serialize(reference), item.opp.id
    out = calendars(catalog, SITE_URL, dates)
    assert out["data/deadlines.ics"] == calendar(out_name(out, "data/deadlines.ics"), "data/deadlines.ics", SITE_URL, written)
    for path, data in out.items():
        parsed = icalendar.Calendar.from_ical(data)
        events = list(parsed.walk("VEVENT"))
        if path == "data/deadlines.ics":
            assert len(events) == len(items)
        else:
            sector = path.removeprefix("data/deadlines/").removesuffix(".ics")
            mine = [e for i, e in zip(items, written, strict=True) if sector in i.opp.sectors]
            assert data == calendar(out_name(out, path), path, SITE_URL, mine)
    (first,) = [
        e
        for e in icalendar.Calendar.from_ical(out["data/deadlines.ics"]).walk("VEVENT")
        if str(e["UID"]).startswith(f"deadline-{tricky[0].org_id}--{tricky[0].slug}@")
    ]
    assert str(first["SUMMARY"]) == f'Deadline: {tricky[0].title} (Acme, Inc.; "Salud" \\ 😀)'
    assert str(first["LOCATION"]) == "Long Beach, CA; 1\\2, Online, Ñuñoa +2"
    assert first.decoded("DTSTAMP") == dt.datetime(2025, 3, 5, 7, 30, tzinfo=dt.UTC)


def out_name(out: dict[str, bytes], path: str) -> str:
    """The NAME of a calendar written by `calendars`."""
    return str(icalendar.Calendar.from_ical(out[path])["NAME"])
