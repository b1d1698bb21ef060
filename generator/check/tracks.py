"""A track's facts: a listing's data with one track's facts in place of the listing's own.

The rules check each track's facts, and the model reads them into the Opportunity that the track's section of
the page, its browse row and the exports describe, so both take them from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# A track's facts that replace the listing's whole, and those merged field by field. Pay is one fact: a
# track's stipend must not keep the listing's hourly unit or its note about a wage.
TRACK_WHOLE = ("summary", "format", "pay", "seats")
TRACK_BY_FIELD = ("eligibility", "schedule")
# The translated texts of each section a track may give, so that its own English does not sit beside the
# listing's translation of something else.
_TRACK_TEXTS = {
    "summary": ("summary",),
    "pay": ("funded_by", "note"),
    "eligibility": ("who", "residency"),
    "schedule": ("times", "periods"),
}


def with_track(listing: Mapping[str, Any], track: Mapping[str, Any]) -> dict[str, Any]:
    """A listing's data with one track's facts in place of its own: the data the track's page section,
    filters and exports describe."""
    out = {key: value for key, value in listing.items() if key != "tracks"}
    replaced: set[str] = set()
    for key in TRACK_WHOLE:
        if key in track:
            out[key] = track[key]
            replaced.update(_TRACK_TEXTS.get(key, ()))
    for key in TRACK_BY_FIELD:
        if key in track:
            out[key] = {**listing.get(key, {}), **track[key]}
            replaced.update(text for text in _TRACK_TEXTS[key] if text in track[key])
    languages = {**listing.get("translations", {}), **track.get("translations", {})}
    out["translations"] = {
        lang: {
            **{k: v for k, v in listing.get("translations", {}).get(lang, {}).items() if k not in replaced},
            **{k: v for k, v in track.get("translations", {}).get(lang, {}).items() if k != "name"},
        }
        for lang in languages
    }
    return out
