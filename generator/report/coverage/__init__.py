"""Coverage and quality figures for the regional report.

`compute(catalog)` is one pure function: it turns the catalog, as of
`catalog.today`, into a frozen `Coverage` record. The /coverage/ page
(`page_context`) and `python -m generator report` both print that one
record, so the page and the report always agree.

How the figures are counted (the page repeats this under "How these
figures are counted", in both languages; keep the two in step):

- **Population.** Every figure counts *open* listings: computed status
  "open" on the build date. That includes listings whose applications open
  later ("opens soon") and leaves out closed listings (also those whose
  deadline has passed) and archived ones.
- **Sectors.** A listing with several sectors counts once in each of its
  sectors, so sector rows add up to more than the total. Stage totals and
  the grand total count each listing once.
- **Seats.** The listing's `seats`. A listing that does not state seats is
  counted as a listing with 0 seats, and counted in `seats_unknown`.
- **Paid share.** Paid plus stipend listings over all open listings of the
  sector. The hourly range runs from the lowest `amount` to the highest
  `amount_max` (or `amount`) of paid listings with `unit: hour` and a
  published amount. Paid listings that do not publish the amount are
  counted, never given a wage.
- **Grade bands** (from vocabularies/grade-bands.yml). A listing counts,
  with all its seats, in every band its grade range overlaps: grades 8-10
  count in middle school and in high school. Band rows can add up to more
  than the total. A listing that gives only ages counts by the grades they
  imply (age a: grade a-5, within 6-14; grades.py), so ages 16-24 count as
  grades 11-14; one whose ages are all past grade 14 is in no band.
- **Areas.** A listing counts, with all its seats, once in every area where
  it has at least one site: 300 seats at sites in five areas count 300 in
  each. Seats are not split, because a listing does not say how its seats
  are shared among sites and a split would invent data. Sites with no known
  area count under "area not known".
- **Rubric levels.** For each rubric and criterion: open listings that rate
  the criterion at each level (levels in rank order, any number of them),
  and "not assessed", the other open listings (no rating for that
  criterion, another rubric, or no self-assessment). Each row adds up to
  the open listings.
- **Freshness.** Days from `last_reviewed` to the build date: up to 90,
  91-180, 181-365, more than 365. A date in the future counts as up to 90.
- **Deadlines.** Open listings whose deadline is from the build date to 30
  days later, both included. The page lists the 25 soonest and links to
  the browse page sorted by deadline for the rest.
- **Biggest gaps.** One per dimension, so that the three name what, when
  and where:
  1. *Sector*: the sector with no open paid (or stipend) training
     opportunity whose students meet it most at earlier stages (the most
     open seats in awareness, exploration and preparation); ties go to
     catalog order. When every sector has paid training, the sector with
     the fewest seats in it.
  2. *Stage*: the continuum stage with the fewest open seats (then fewest
     listings, then continuum order).
  3. *Area*: the area with the fewest open seats (then fewest listings,
     then catalog order). Only areas that are places count: an area with
     neither cities nor ZIP codes, such as "online", is left out.

The package: record.py (the frozen `Coverage` record), figures.py
(`compute`), gaps.py (the three biggest gaps), grades.py (the grades a
listing's ages imply, and the reverse), labels.py (the page's and
the report's words, in English and Spanish), words.py (sentences and names
built from them) and page.py (`page_context`, for the /coverage/ page).
"""

from __future__ import annotations

from generator.report.coverage.figures import DEADLINE_DAYS, FRESHNESS, UNKNOWN_AREA, compute
from generator.report.coverage.labels import label
from generator.report.coverage.page import page_context
from generator.report.coverage.record import (
    AreaRow,
    BandRow,
    Count,
    Coverage,
    CriterionRow,
    DeadlineRow,
    FreshnessRow,
    Gap,
    Matrix,
    PayRow,
    RubricLevels,
    SectorRow,
    SignalRow,
    percent,
)
from generator.report.coverage.words import (
    criterion_name,
    empty_sentences,
    gap_sentence,
    hourly_text,
    level_names,
    listings_text,
    rubric_name,
    seats_text,
    share_text,
    subject_name,
)

__all__ = [
    "DEADLINE_DAYS",
    "FRESHNESS",
    "UNKNOWN_AREA",
    "AreaRow",
    "BandRow",
    "Count",
    "Coverage",
    "CriterionRow",
    "DeadlineRow",
    "FreshnessRow",
    "Gap",
    "Matrix",
    "PayRow",
    "RubricLevels",
    "SectorRow",
    "SignalRow",
    "compute",
    "criterion_name",
    "empty_sentences",
    "gap_sentence",
    "hourly_text",
    "label",
    "level_names",
    "listings_text",
    "page_context",
    "percent",
    "rubric_name",
    "seats_text",
    "share_text",
    "subject_name",
]
