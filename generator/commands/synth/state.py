"""What one synthetic catalog is drawn from: the source catalog's vocabularies and rubric, and one seeded random generator.

Every other module of the package is a function of a `Synth` and plain
dicts. They all draw from the one `rng`, in a fixed order, which is why the
same seed gives the same files: a new draw anywhere changes everything after it.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from generator import PROJECT_DIR
from generator.commands.synth.tables import T
from generator.commands.synth.words import lower_first

BUNDLED = PROJECT_DIR / "catalog"


def most_regions(source: Path = BUNDLED) -> int:
    """How many regions a synthetic catalog can have: the source's and data/regions.yml's."""
    path = source / "vocabularies" / "regions.yml"
    have = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["items"] if path.is_file() else []
    return max(1, len(have)) + len(T.regions)


class Synth:
    def __init__(self, n: int, seed: int, as_of: dt.date, source: Path = BUNDLED, regions: int = 0) -> None:
        self.n, self.as_of, self.source = n, as_of, source
        self.rng = random.Random(seed)
        vocab = {
            p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["items"]
            for p in sorted((source / "vocabularies").glob("*.yml"))
        }
        # Regions beyond the source's, from data/regions.yml, up to `regions` in all: their items and their areas'.
        self.added: dict[str, list[dict[str, Any]]] = {"regions": [], "areas": []}
        have = vocab.get("regions", [])
        wanted = max(0, regions - max(1, len(have)))
        if wanted > len(T.regions):
            raise ValueError(
                f"synth knows {len(T.regions)} regions beyond the source's {len(have)}: ask for at most {len(have) + len(T.regions)}"
            )
        for extra in T.regions[:wanted]:
            self.added["regions"].append({k: v for k, v in extra.items() if k != "areas"})
            self.added["areas"] += [{**area, "region": extra["id"]} for area in extra["areas"]]
        for name, items in self.added.items():
            vocab[name] = [*vocab.get(name, []), *items]
        self.vocab = vocab
        self.formats = {f["id"]: f for f in vocab["formats"]}
        self.sectors = {s["id"]: s for s in vocab["sectors"]}
        self.areas = {a["id"]: a for a in vocab["areas"]}
        self.places = [a for a in self.areas if self.areas[a]["zips"]]
        rubric_path = min(sorted((source / "rubrics").glob("*.yml")), key=lambda p: p.stem != "key-distinguishers")
        rubric = yaml.load(rubric_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        self.rubric_id = rubric_path.stem
        self.criteria = [c["id"] for c in rubric["criteria"]]
        self.levels = [lv["id"] for lv in rubric["levels"]]
        self.titles: set[str] = set()

    def pool(self, sector: str) -> dict[str, list[str]]:
        pool: dict[str, list[str]] = T.sectors.get(sector, T.sectors[T.generic_sector])
        return pool

    def brand(self) -> str:
        heads: list[str] = T.brand_heads
        tails: list[str] = T.brand_tails
        return self.rng.choice(heads) + self.rng.choice(tails)

    def in_added_region(self, zip_code: str) -> bool:
        """Whether a ZIP code is in the ranges of a region this catalog adds to the source's."""
        for region in self.added["regions"]:
            for written in region.get("zip_ranges", ()):
                low, _, high = str(written).partition("-")
                if low <= zip_code <= (high or low):
                    return True
        return False

    def place(self, area: str) -> tuple[str, str]:
        zip_code = self.rng.choice(self.areas[area]["zips"])
        cities = self.areas[area]["cities"]
        city = T.zip_city.get(zip_code, cities[0] if cities else "Los Angeles")
        return city, zip_code

    def review_date(self, low: int, high: int) -> str:
        return (self.as_of - dt.timedelta(days=low + int((high - low) * self.rng.random() ** 1.5))).isoformat()

    def fmt_word(self, fmt: str, plural: bool = False) -> str:
        name = lower_first(self.formats[fmt]["name"])
        words: tuple[str, str] = T.fmt_words.get(fmt, (name, name + "s"))
        return words[plural]

    def vocab_name(self, vocab: str, ident: str, field: str = "name") -> str:
        name: str = next((x[field] for x in self.vocab[vocab] if x["id"] == ident), ident)
        return name
