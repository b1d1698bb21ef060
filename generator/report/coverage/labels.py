"""The words of the /coverage/ page and of `python -m generator report`: catalog keys `coverage_<name>`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from generator import i18n


def label(key: str, lang: str, **values: Any) -> str:
    return i18n.t("coverage_" + key, lang, **values)


def labels_in(lang: str) -> Callable[..., str]:
    """label() in one language: labels_in("es")("gaps")."""
    return functools.partial(label, lang=lang)
