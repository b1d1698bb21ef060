"""Wage steps (pay.steps), repeating application windows (application.windows) and the ways an employer can take
part (employer_roles): the checker's messages, the status the windows give on fixed dates, the listing and
organization pages in both languages, the wage filter and pay sort, the calendar and the exports.

Each test edits a copy of the minimal catalog (its welding internship) and checks it as of a fixed date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from conftest import AS_OF, check_lines, clean_catalog, copy_fixture, use_cached_validators

from generator.exports.calendar import calendars, dated_events, uid
from generator.exports.dates import ChangeDates
from generator.exports.records import accepting, opportunity
from generator.exports.schema import catalog_schema
from generator.exports.tabular import opportunities_csv
from generator.model import Catalog, Window
from generator.model.assemble import computed_status, current_window
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render.facets import FACETS, hourly_top
from generator.render.site import SiteRenderer

LISTING = "employers/acme/welding-intern.yml"
SHOWN = "catalog/employers/acme/welding-intern.yml"
ID = "acme/welding-intern"
SITE = "https://wbl.example.org/"

STEPS = """  unit: hour
  steps:
    - {year: 1, amount: 18}
    - {year: 2, amount: 19.5}
    - {year: 3, amount: 21}"""
WINDOWS = """  windows:
    - {opens: "2027-01-11", deadline: "2027-03-01"}
    - {opens: "2027-06-01", deadline: "2027-07-15"}"""
ROLES = """employer_roles:
  - way: hire
    note: Put interns on your own payroll.
  - way: host
    note: The program pays the wage; you supervise.
  - way: sponsor
    amount: 3000
seats: 12
translations:
  es:
    employer_roles:
      host: El programa paga el salario; usted supervisa.
"""


def edited(root: Path, *changes: tuple[str, str]) -> Path:
    """The minimal listing with each (old, new) replacement made once."""
    path = root / LISTING
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return root


def with_steps(root: Path) -> Path:
    return edited(root, ("  amount: 18.5\n  unit: hour", STEPS))


def with_windows(root: Path) -> Path:
    # The windows replace the single opens and deadline.
    return edited(root, ('  opens: "2027-01-05"\n  deadline: "2027-03-15"', WINDOWS))


def with_roles(root: Path) -> Path:
    return edited(root, ("status: open", ROLES + "status: open"))


# -- the checker ------------------------------------------------------------------------------------


def test_the_three_new_fields_check_clean(minimal: Path) -> None:
    with_roles(with_windows(with_steps(minimal)))
    assert check_lines(minimal) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            [("  amount: 18.5\n  unit: hour", "  amount: 18.5\n" + STEPS)],
            "catalog/employers/acme/welding-intern.yml:15:3: error: `pay` has both `steps` and `amount`, which give the "
            "pay twice. Keep `steps` and remove `amount` (the page shows the range of the steps), or keep `amount` and "
            "remove `steps`.",
            id="steps-and-amount",
        ),
        pytest.param(
            [
                (
                    "  type: paid\n  amount: 18.5\n  unit: hour",
                    "  type: unpaid\n  steps:\n    - {year: 1, amount: 18}\n    - {year: 2, amount: 19}",
                )
            ],
            f"{SHOWN}:15:3: error: `steps` are for pay of type paid or stipend, and this listing's type is `unpaid`. "
            "Remove `steps`, or change `type`.",
            id="steps-unpaid",
        ),
        pytest.param(
            [("  amount: 18.5\n  unit: hour", STEPS.replace("year: 3", "year: 2"))],
            f"{SHOWN}:19:14: error: Step 3 is for year 2, which does not come after year 2. "
            "List the steps in year order, each year once, starting with year 1.",
            id="steps-years-out-of-order",
        ),
        pytest.param(
            [("  amount: 18.5\n  unit: hour", STEPS.replace("amount: 19.5", "amount: 1950"))],
            f"{SHOWN}:18:25: error: `pay.steps`, item 2, `amount` is $1950 per hour, which cannot be a real amount. "
            "Write the amount in dollars with at most two decimals, from 1 to 500 per hour.",
            id="steps-implausible-amount",
        ),
        pytest.param(
            [('  deadline: "2027-03-15"', '  deadline: "2027-03-15"\n' + WINDOWS)],
            f"{SHOWN}:31:3: error: `application` has both `windows` and `opens` and `deadline`, which say when to apply "
            "twice. Keep `windows` and remove `opens` and `deadline`, or keep `opens` and `deadline` and remove `windows`.",
            id="windows-and-single-dates",
        ),
        pytest.param(
            [
                (
                    '  opens: "2027-01-05"\n  deadline: "2027-03-15"',
                    WINDOWS.replace('deadline: "2027-03-01"', 'deadline: "2026-12-01"'),
                )
            ],
            f"{SHOWN}:32:39: error: The deadline of window 1 (2026-12-01) is before it opens (2027-01-11). "
            "Swap the two dates, or correct the one that is wrong.",
            id="window-closes-before-it-opens",
        ),
        pytest.param(
            [('  opens: "2027-01-05"\n  deadline: "2027-03-15"', WINDOWS.replace('opens: "2027-06-01"', 'opens: "2027-02-15"'))],
            f"{SHOWN}:33:15: error: Window 2 opens on 2027-02-15, before window 1 closes (2027-03-01). "
            "List the windows in date order, each opening after the one before closes.",
            id="windows-overlap",
        ),
        pytest.param(
            [("status: open", ROLES.replace("  - way: host\n", "  - way: host\n    amount: 500\n") + "status: open")],
            f"{SHOWN}:53:5: error: An amount is for the way `sponsor`, and this entry's way is `host`. "
            "Remove `amount`, or say the cost in the `note`.",
            id="amount-for-a-way-other-than-sponsor",
        ),
        pytest.param(
            [("status: open", ROLES.replace("  - way: sponsor", "  - way: hire") + "status: open")],
            f"{SHOWN}:54:10: error: The way `hire` is listed twice in `employer_roles`. "
            "Keep one entry per way, and say everything about it in that entry's `note`.",
            id="way-twice",
        ),
        pytest.param(
            [("status: open", ROLES.replace("      host: El", "      mentor: El") + "status: open")],
            # The hint names the ways listed (in the order the shared suggestion helper chooses).
            f"{SHOWN}:60:7: error: The translation is for the way `mentor`, which `employer_roles` does not list. Use one of: ",
            id="translation-for-a-way-not-listed",
        ),
    ],
)
def test_each_mistake_has_a_located_message(minimal: Path, changes: list[tuple[str, str]], expected: str) -> None:
    edited(minimal, *changes)
    lines = check_lines(minimal)
    assert any(line == expected or (expected.endswith(": ") and line.startswith(expected)) for line in lines), lines


def test_steps_count_as_the_amount(minimal: Path) -> None:
    """Steps without `amount` need no `amount_published: false`, but they need a unit."""
    with_steps(minimal)
    assert check_lines(minimal) == []
    edited(minimal, ("  unit: hour\n  steps:", "  steps:"))
    assert check_lines(minimal) == [f"{SHOWN}:15:3: error: The amount has no unit. Add `unit:` with hour, week, month or total."]


def test_only_the_last_window_makes_an_open_listing_late(minimal: Path) -> None:
    with_windows(minimal)
    assert check_lines(minimal, dt.date(2027, 4, 1)) == []
    late = check_lines(minimal, dt.date(2027, 8, 1))
    assert [line for line in late if "deadline-passed" in line or "has passed" in line] == [
        f"{SHOWN}:50:9: warning: The deadline (2027-07-15) has passed but the status is still `open`. Set `status: closed`, "
        "or move the deadline if applications are still taken (the site already shows it as closed)."
    ]


# -- status with windows, on fixed dates --------------------------------------------------------------

W1 = Window(dt.date(2027, 1, 11), dt.date(2027, 3, 1))
W2 = Window(dt.date(2027, 6, 1), dt.date(2027, 7, 15))


@pytest.mark.parametrize(
    ("today", "window", "status"),
    [
        pytest.param(dt.date(2026, 12, 1), W1, "open", id="before-the-first"),
        pytest.param(dt.date(2027, 3, 1), W1, "open", id="last-day-of-the-first"),
        pytest.param(dt.date(2027, 4, 1), W2, "open", id="between-the-two"),
        pytest.param(dt.date(2027, 6, 10), W2, "open", id="inside-the-second"),
        pytest.param(dt.date(2027, 8, 1), W2, "closed", id="after-the-last"),
    ],
)
def test_the_status_function_reads_the_current_or_next_window(today: dt.date, window: Window, status: str) -> None:
    assert current_window((W1, W2), today) == window
    assert computed_status("open", None, today, (W1, W2)) == status
    # Without windows the function is unchanged.
    assert computed_status("open", dt.date(2027, 3, 1), today) == ("open" if today <= dt.date(2027, 3, 1) else "closed")


@pytest.mark.parametrize(
    ("today", "key", "accepting_now", "deadline", "button"),
    [
        pytest.param(dt.date(2026, 12, 1), "upcoming", False, "2027-03-01", False, id="before-the-first"),
        pytest.param(dt.date(2027, 6, 10), "open", True, "2027-07-15", True, id="inside-the-second"),
        pytest.param(dt.date(2027, 4, 1), "upcoming", False, "2027-07-15", False, id="between-the-two"),
        pytest.param(dt.date(2027, 8, 1), "closed", False, "2027-07-15", False, id="after-the-last"),
    ],
)
def test_badge_filter_button_and_exports_follow_the_windows(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    today: dt.date,
    key: str,
    accepting_now: bool,
    deadline: str,
    button: bool,
) -> None:
    root = with_windows(copy_fixture("minimal", tmp_path))
    use_cached_validators(monkeypatch)
    catalog = check_catalog(root, as_of=today).catalog
    opp = catalog.opportunities[ID]
    view = View(catalog, "en", opp.url)
    assert view.status_key(opp) == key
    status_facet = next(f for f in FACETS if f.name == "status")
    assert key in status_facet.values(opp, view)
    assert accepting(catalog, opp) is accepting_now
    record = opportunity(catalog, opp, SITE, ChangeDates(catalog))
    assert (record["status"], record["application"]["deadline"]) == ("closed" if key == "closed" else "open", deadline)
    html = SiteRenderer(catalog, SITE).opportunity(opp, "en").body
    assert ("md-button--primary" in html) is button


# -- the pages ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("terms"))
    with_roles(with_windows(with_steps(root)))
    return clean_catalog(root)


def page(catalog: Catalog, lang: str) -> str:
    return SiteRenderer(catalog, SITE).opportunity(catalog.opportunities[ID], lang).body


def text(html: str) -> str:
    from test_listing_page import text_of

    return text_of(html)


@pytest.mark.parametrize(
    ("lang", "pay"),
    [
        ("en", "Paid: $18.00–$21.00 per hour | Year 1: $18.00 per hour · Year 2: $19.50 · Year 3: $21.00"),
        ("es", "Pagada: $18.00–$21.00 por hora | Año 1: $18.00 por hora · Año 2: $19.50 · Año 3: $21.00"),
    ],
)
def test_the_pay_fact_gives_the_range_then_each_year(catalog: Catalog, lang: str, pay: str) -> None:
    from test_listing_page import fact

    assert fact(page(catalog, lang), {"en": "Pay", "es": "Pago"}[lang]) == pay


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # Babel puts thin spaces around the dash; the page text here has its spaces collapsed.
        ("en", "Applications open: Jan 11 – Mar 1, 2027; Jun 1 – Jul 15, 2027"),
        ("es", "Periodos de solicitud: 11 de ene – 1 de mar 2027; 1 de jun – 15 de jul 2027"),
    ],
)
def test_the_deadline_fact_lists_the_windows(catalog: Catalog, lang: str, line: str) -> None:
    from test_listing_page import fact

    deadline = fact(page(catalog, lang), {"en": "Deadline", "es": "Fecha límite"}[lang])
    assert deadline.endswith(line), deadline
    # Before the first window: the first window's deadline, with no days left (nobody can apply yet), and no active Apply.
    assert deadline.startswith({"en": "Opens soon March 1, 2027 |", "es": "Abre pronto 1 de marzo de 2027 |"}[lang])


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "For employers: how to take part Hire students directly: Put interns on your own payroll. "
            "Host a placement the program pays for: The program pays the wage; you supervise. "
            "Sponsor placements (suggested: $3,000) "
            "To take part, contact: Internship office · interns@example.org",
        ),
        (
            "es",
            "Para empleadores: cómo participar Contratar directamente a estudiantes: Put interns on your own payroll. "
            "Recibir a un participante que paga el programa: El programa paga el salario; usted supervisa. "
            "Patrocinar puestos (aporte sugerido: $3,000) "
            "Para participar, comuníquese con: Internship office · interns@example.org",
        ),
    ],
)
def test_employers_see_how_to_take_part_low_on_the_page(catalog: Catalog, lang: str, expected: str) -> None:
    html = page(catalog, lang)
    start = html.index('<section class="wbl-employer-roles"')
    section = html[start : html.index("</section>", start)]
    assert text(section).replace(";", "") == expected.replace(";", "")
    # Below what families need: after how to apply and what the student does.
    assert start > html.index('<section class="wbl-apply"') and start > html.index('class="wbl-summary')
    if lang == "es":
        assert '<span lang="en">Put interns on your own payroll.</span>' in section


def test_a_listing_without_employer_roles_has_no_section_for_employers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture("minimal", tmp_path)
    use_cached_validators(monkeypatch)
    catalog = check_catalog(root, as_of=AS_OF).catalog
    assert "wbl-employer-roles" not in page(catalog, "en")
    assert "wbl-employer-roles" not in SiteRenderer(catalog, SITE).organization(catalog.organizations["acme"], "en").body


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Welding Internship: Hire students directly; Host a placement the program pays for; Sponsor placements"),
        (
            "es",
            "Welding Internship: Contratar directamente a estudiantes; Recibir a un participante que paga el programa; "
            "Patrocinar puestos",
        ),
    ],
)
def test_the_organization_page_lists_programs_employers_can_join(catalog: Catalog, lang: str, expected: str) -> None:
    html = SiteRenderer(catalog, SITE).organization(catalog.organizations["acme"], lang).body
    start = html.index('<ul class="wbl-employer-roles">')
    assert text(html[start : html.index("</ul>", start)]).strip("; ") == expected
    assert "welding-intern/#employer-roles-h" in html[start:]


# -- the wage filter and the pay sort ------------------------------------------------------------------


def test_the_wage_filter_and_pay_sort_use_the_highest_step(catalog: Catalog) -> None:
    opp = catalog.opportunities[ID]
    assert (opp.pay_amount, opp.pay_amount_max) == (18, 21)
    assert hourly_top(opp) == 21
    wage = next(f for f in FACETS if f.name == "wage")
    # $21 at the top step: at least $16, $18 and $20, not $25.
    assert wage.values(opp, View(catalog, "en", "")) == ["16", "18", "20"]


# -- the calendar and the exports -----------------------------------------------------------------------


def test_the_calendar_has_a_deadline_per_window(catalog: Catalog) -> None:
    opp = catalog.opportunities[ID]
    deadlines = [e.day for e in dated_events(catalog) if e.opp.id == ID and e.kind == "deadline"]
    assert deadlines == [dt.date(2027, 3, 1), dt.date(2027, 7, 15)]
    ics = calendars(catalog, SITE, ChangeDates(catalog))["data/deadlines.ics"].decode("utf-8")
    for day in deadlines:
        assert f"UID:{uid('deadline', opp, 'wbl.example.org', day)}" in ics
        assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in ics
    assert "UID:deadline-acme--welding-intern--2027-07-15@wbl.example.org" in ics
    assert "UID:deadline-acme--welding-intern@" not in ics


def test_catalog_json_publishes_steps_windows_and_roles(catalog: Catalog) -> None:
    import jsonschema

    record = opportunity(catalog, catalog.opportunities[ID], SITE, ChangeDates(catalog))
    assert record["pay"]["steps"] == [{"year": 1, "amount": 18}, {"year": 2, "amount": 19.5}, {"year": 3, "amount": 21}]
    assert (record["pay"]["amount"], record["pay"]["amount_max"]) == (18, 21)
    assert record["application"]["windows"] == [
        {"opens": "2027-01-11", "deadline": "2027-03-01"},
        {"opens": "2027-06-01", "deadline": "2027-07-15"},
    ]
    assert (record["application"]["opens"], record["application"]["deadline"]) == ("2027-01-11", "2027-03-01")
    assert record["employer_roles"] == [
        {"way": "hire", "amount": None, "note": "Put interns on your own payroll.", "es": {"note": None}},
        {
            "way": "host",
            "amount": None,
            "note": "The program pays the wage; you supervise.",
            "es": {"note": "El programa paga el salario; usted supervisa."},
        },
        {"way": "sponsor", "amount": 3000, "note": None, "es": {"note": None}},
    ]
    schema = catalog_schema(SITE)
    opp_schema = {**schema["properties"]["opportunities"]["items"], "$schema": schema["$schema"]}
    jsonschema.validate(json.loads(json.dumps(record)), opp_schema)


def test_the_csv_appends_the_new_columns(catalog: Catalog) -> None:
    rows = list(csv.reader(io.StringIO(opportunities_csv(catalog, SITE, ChangeDates(catalog)).decode("utf-8-sig"))))
    header, row = rows[0], next(r for r in rows[1:] if r[0] == ID)
    names = ["pay_steps", "application_windows", "employer_roles", "sponsor_amount"]
    at = header.index(names[0])
    # Appended after the columns of format 1.0, so that those keep their positions.
    assert header[at : at + 4] == names and at > header.index("url_es")
    assert row[at : at + 4] == [
        "1:18; 2:19.5; 3:21",
        "2027-01-11/2027-03-01; 2027-06-01/2027-07-15",
        "hire; host; sponsor",
        "3000",
    ]


def test_an_old_listing_exports_empty_new_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture("minimal", tmp_path)
    use_cached_validators(monkeypatch)
    catalog = check_catalog(root, as_of=AS_OF).catalog
    record = opportunity(catalog, catalog.opportunities[ID], SITE, ChangeDates(catalog))
    assert (record["pay"]["steps"], record["application"]["windows"], record["employer_roles"]) == ([], [], [])
    assert yaml.safe_load((root / LISTING).read_text(encoding="utf-8"))["pay"]["amount"] == record["pay"]["amount"]
