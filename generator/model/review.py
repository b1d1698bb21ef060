"""Whether an organization's verification counts, and (re-exported from generator.check.review, where the checker
reads it too) the one definition of "not reviewed recently"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.check.review import DEFAULT_DAYS, SETTING, SOON_DAYS, is_stale, limit_days, stale_from
from generator.model import Verification

__all__ = ["DEFAULT_DAYS", "SETTING", "SOON_DAYS", "is_stale", "limit_days", "stale_from", "standing"]


def standing(verification: Verification | None, today: dt.date, verifiers: Iterable[str]) -> Verification | None:
    """An organization's verification as pages and exports state it: by a verifier the region lists (verifiers.yml),
    on a day that has come; otherwise none ("Not yet verified")."""
    if verification is None or verification.on > today or verification.by not in set(verifiers):
        return None
    return verification
