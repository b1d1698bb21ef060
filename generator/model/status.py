"""What a listing's status is on a given day: the one definition that pages, cards, filters, exports and the
counselor guide read.

- open: a family can take part today: the listing file says open, applications have opened (no `opens`, or
  an `opens` on or before today) and the deadline, if any, has not passed. Its label follows
  application.mode: "Accepting applications", or "No application needed" (mode none) and "Teachers
  register classes" (class-registration), where nobody applies.
- upcoming: the file says open and applications open later ("Opens soon"): on a date (`opens`), or on dates
  not announced yet (`expected`, which says when they usually open). Not accepting applications.
- closed: the file says closed, or the deadline has passed.
- archived: the file says archived.

A listing with application windows (application.windows) reads the window it is in on that day: the one open
that day, else the next to open, else the last (assemble.current_window). The browse script re-evaluates
open, upcoming and closed in the visitor's browser with the same rules (site_overrides/assets/browse/status.js),
from each row's windows ahead of the build date (`windows_ahead`), so a page built on Monday does not call a
listing open on Friday after its deadline.
"""

from __future__ import annotations

import datetime as dt

from generator.model import Catalog, Opportunity, review
from generator.model.assemble import computed_status, current_window

STATUSES = ("open", "upcoming", "closed", "archived")

# The label of an open listing where nobody applies: "Accepting applications" would send families looking for
# a form. Other statuses and modes use `status_<key>`.
LABEL_BY_MODE = {"none": "listing_status_none", "class-registration": "listing_status_class_registration"}


# The browse page's status filter has one value more than the statuses: an open listing whose last review is older
# than the region's limit (generator.model.review) is "unreviewed", so the default results ("open") leave it out
# and a family still finds it by widening the filter. Everywhere else (pages, exports, feeds) its status is open,
# and its page and card say "Not reviewed since".
UNREVIEWED = "unreviewed"


def review_limit(catalog: Catalog) -> int:
    """The region's review_within_days (catalog/vocabularies/regions.yml), else a year."""
    return review.limit_days(item.extra for item in catalog.vocabularies.items("regions"))


def not_reviewed(opp: Opportunity, today: dt.date, limit: int) -> bool:
    """The listing's last review is older than the region's limit on `today`."""
    return review.is_stale(opp.last_reviewed, today, limit)


def browse_status(opp: Opportunity, today: dt.date, limit: int) -> str:
    """The listing's value in the browse page's status filter: its status, or `unreviewed` for an open one not
    reviewed within the limit."""
    status = status_on(opp, today)
    return UNREVIEWED if status == "open" and not_reviewed(opp, today, limit) else status


def window_on(opp: Opportunity, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The dates applications open and close that apply on `today`: the current or next window's, or the listing's."""
    window = current_window(opp.windows, today)
    return (window.opens, window.deadline) if window else (opp.opens, opp.deadline)


def status_on(opp: Opportunity, today: dt.date) -> str:
    """open, upcoming, closed or archived on `today`."""
    opens, deadline = window_on(opp, today)
    status = computed_status(opp.declared_status, deadline, today)
    later = opp.dates_expected or (opens is not None and opens > today)
    return "upcoming" if status == "open" and later else status


def accepting(opp: Opportunity, today: dt.date) -> bool:
    """A family can take part today: the default filter, catalog.json's `accepting_applications`, the Apply button."""
    return status_on(opp, today) == "open"


def open_label_key(opp: Opportunity) -> str:
    """The catalog key of the words an open listing shows, by its application mode."""
    return LABEL_BY_MODE.get(opp.application_mode, "status_open")


def label_key(opp: Opportunity, today: dt.date) -> str:
    """The catalog key of the status's words on `today`, by application mode for an open listing."""
    status = status_on(opp, today)
    return open_label_key(opp) if status == "open" else "status_" + status


def windows_ahead(opp: Opportunity, today: dt.date) -> list[tuple[dt.date | None, dt.date | None]]:
    """The (opens, deadline) pairs that can still decide the listing's status after `today`, in order: none for a
    listing that is not open in its file or already closed, else its windows not yet over (or its one pair).
    An opening date already past is None: it no longer matters. A listing whose dates are not announced
    (`expected`) has none: no day can open it, so it stays upcoming until its file gives dates."""
    if status_on(opp, today) not in ("open", "upcoming") or opp.dates_expected:
        return []
    pairs: list[tuple[dt.date | None, dt.date | None]] = (
        [(w.opens, w.deadline) for w in opp.windows if w.deadline >= today] if opp.windows else [(opp.opens, opp.deadline)]
    )
    return [(o if o is not None and o > today else None, d) for o, d in pairs if o is not None and o > today or d is not None]
