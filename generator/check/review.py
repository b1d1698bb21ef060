"""When a record counts as "not reviewed recently": the one definition that pages, cards, the browse page's
default results, the checker's warning and `python -m generator stale` read.

The region sets the limit (`review_within_days` in catalog/vocabularies/regions.yml); without one it is a year.
A listing last reviewed more than that many days before the build date is stale from the next day on. Staleness
depends only on the date, so the checker warns about it and never fails a build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

DEFAULT_DAYS = 365
SOON_DAYS = 30  # `stale` reminds organizations whose listings go stale within this many days
SETTING = "review_within_days"


def limit_days(regions: Iterable[Mapping[str, Any]]) -> int:
    """The region's limit in days: the first region's `review_within_days` (one catalog, one region), else a year."""
    for region in regions:
        value = region.get(SETTING)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        break
    return DEFAULT_DAYS


def stale_from(last_reviewed: dt.date, limit: int) -> dt.date:
    """The first day on which a record last reviewed on `last_reviewed` counts as not reviewed recently."""
    return last_reviewed + dt.timedelta(days=limit + 1)


def is_stale(last_reviewed: dt.date, today: dt.date, limit: int) -> bool:
    return today >= stale_from(last_reviewed, limit)
