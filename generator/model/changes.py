"""What changed between two checks of one catalog, as the records whose pages show it.

`mkdocs serve` uses it in a large catalog: after a contributor edits a listing, only the pages of the records
that changed, and the index pages that list them, are built again (generator/mkdocs_plugin.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.model import Catalog, Opportunity


def _differing(old: Mapping[str, object], new: Mapping[str, object]) -> Iterable[str]:
    # Records that were not changed are equal, field by field, though a new check made new objects.
    return (ident for ident, record in new.items() if old.get(ident) != record)


def changed_records(old: Catalog, new: Catalog) -> frozenset[str] | None:
    """Record keys ("opportunity:org/x", "organization:org", "pathway:p") of the pages that show what changed
    from `old` to `new`; None when the change reaches beyond records, so every page may show it: another date,
    languages, vocabulary, rubric, retired listing or logo, or a record removed (its pages would be left behind).
    """
    if (
        old.today != new.today
        or old.langs != new.langs
        or old.vocabularies != new.vocabularies
        or old.rubrics != new.rubrics
        or old.retired != new.retired
        or old.logos != new.logos
        or any(ident not in new.opportunities for ident in old.opportunities)
        or any(ident not in new.organizations for ident in old.organizations)
        or any(ident not in new.pathways for ident in old.pathways)
    ):
        return None
    keys: set[str] = set()
    for ident in _differing(old.opportunities, new.opportunities):
        keys.add(f"opportunity:{ident}")
        for opp in (old.opportunities.get(ident), new.opportunities[ident]):
            if opp is not None:
                keys.update(f"organization:{org}" for org in _organizations_showing(opp))
                keys.update(f"pathway:{p}" for p in opp.pathways)
    keys.update(f"organization:{ident}" for ident in _differing(old.organizations, new.organizations))
    keys.update(f"pathway:{ident}" for ident in _differing(old.pathways, new.pathways))
    return frozenset(keys)


def _organizations_showing(opp: Opportunity) -> set[str]:
    """The organizations whose pages list a listing: its own, its intermediary and its employers of record."""
    named = {opp.org_id, *opp.employers_of_record}
    if opp.intermediary:
        named.add(opp.intermediary)
    return named
