"""The My list page (/my-list/): what its script (site_overrides/assets/mylist/page.js) says, in the page's language.

The page itself is a frame: the saved listings are on the visitor's device (localStorage, key `wbl-my-list`), so
the script fills it in from the browse page's published files. Without a script the page says that it needs one.
"""

from __future__ import annotations

from typing import Any

from generator.model import Catalog
from generator.present.view import View
from generator.render.browse import STATUS_TEXT

PATH = "my-list/"

# Messages the script shows, under their catalog keys.
SCRIPT_TEXT = (
    "mylist_title", "mylist_empty", "mylist_count_one", "mylist_count_many", "mylist_loading", "mylist_error",
    "mylist_missing", "mylist_remove", "mylist_removed", "mylist_copied", "mylist_shared_saved", "mylist_shared_rejected",
    "mylist_no_storage", "mylist_calendar_none", "mylist_calendar_one", "mylist_calendar_many", "mylist_calendar_summary",
    "deadline", "permalink", "grade_one", "grade_range",
)  # fmt: skip


def page_labels(catalog: Catalog, view: View) -> dict[str, Any]:
    """The script's text: its messages, the statuses and deadline notes it re-evaluates (status.js), and the
    formats' names."""
    ui = {key: view.t(key) for key in (*SCRIPT_TEXT, *STATUS_TEXT)}
    formats = {item.id: item.label(view.lang) for item in catalog.vocabularies.items("formats")}
    return {"ui": ui, "formats": formats}
