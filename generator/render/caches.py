"""What one build memoizes, and the one place that lets go of it.

Writing the exports and the browse indexes of thousands of listings repeats small computations over and
over: a record's change date and its text, the Rice code of a gap between ordinals, the folded form and the
stem of a word. The modules that do them keep memos in module state, so that their functions keep their
signatures, but what the memos hold is one build's catalog. `mkdocs serve` runs every rebuild in the same
process, with the same plugin, and would otherwise keep the last catalog's dates and words alive, and add
the next one's to them, for as long as it runs. The MkDocs plugin calls `clear()` when a build starts and
when it ends, whether it succeeded or not.

Caches of a fixed, small set of keys (a stemmer per language, a compiled pattern per set of link syntaxes)
are bounded and stay.
"""

from __future__ import annotations

import sys
from types import ModuleType

# Each of these modules has clear_caches() and cache_sizes(). They are not imported here: one that was never
# imported holds nothing, and importing the word index early (with the Snowball stemmers, some 3 MB) would
# add to every worker process the build forks before it needs them.
MODULES = ("generator.exports.dates", "generator.render.encoding", "generator.render.word_index")


def _loaded() -> list[ModuleType]:
    return [sys.modules[name] for name in MODULES if name in sys.modules]


def clear() -> None:
    for module in _loaded():
        module.clear_caches()


def sizes() -> dict[str, int]:
    """The number of entries in each cache that clear() empties, by name, for the modules imported so far."""
    return {name: size for module in _loaded() for name, size in module.cache_sizes().items()}
