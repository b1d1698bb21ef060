"""The synthetic catalog's word pools and proportions: the files in generator/commands/synth/data/.

They are data, not code: a writer can add a sector's words or change how
often a format appears without reading the generator. The files are read
once, on first use, and not at import, because every `python -m generator`
run imports this package to register the `synth` command.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"


@cache
def tables() -> dict[str, Any]:
    """Every table of data/*.yml by its key; a key may be in one file only."""
    merged: dict[str, Any] = {}
    for path in sorted(DATA.glob("*.yml")):
        for key, value in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader).items():
            if key in merged:
                raise ValueError(f"{path}: the table `{key}` is also in another data file")
            merged[key] = value
    # The file groups ZIP codes by city, as a person writes them; lookups go the other way.
    merged["zip_city"] = {z: city for city, zips in merged["zip_cities"].items() for z in zips.split()}
    return merged


class _Tables:
    """`T.sectors` for `tables()["sectors"]`, so that the generator reads like plain code over constants."""

    def __getattr__(self, name: str) -> Any:
        try:
            return tables()[name]
        except KeyError:
            raise AttributeError(name) from None


T = _Tables()
