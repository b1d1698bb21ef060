"""`python -m generator synth`: write a realistic synthetic catalog for tests and benchmarks.

The output resembles the bundled catalog (the README's Performance section
says how it is measured): about one organization per ten listings, every
vocabulary value used (from 100 listings on), titles and descriptions as long
as the bundled ones, at least 95% unique titles and no repeated descriptions.
Dates are placed around the "as of" date (CATALOG_TODAY), so the catalog
checks clean whenever it is generated. Everything else depends only on the
seed: one `random.Random(seed)`, and lists in a fixed order.

The package, in the order a catalog is made:

- state.py: `Synth`, the source vocabularies and the one random generator.
- organizations.py: who the organizations are, and their profiles.
- plan.py: every listing's facts, before any text.
- pathways.py: a handful of pathways.
- text.py and opportunities.py: each listing's words, dates, pay and details.
- documents.py: the YAML files; catalog.py: the folder; cli.py: the command.
- data/*.yml (read by tables.py): word pools, templates and proportions.
"""

from __future__ import annotations

from generator.commands.synth.catalog import CATALOG_PARTS, synthesize, write
from generator.commands.synth.cli import cmd_synth, register
from generator.commands.synth.state import BUNDLED, Synth

__all__ = ["BUNDLED", "CATALOG_PARTS", "Synth", "cmd_synth", "register", "synthesize", "write"]
