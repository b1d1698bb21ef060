"""What a change causes elsewhere: the problems in other files that the given files bring about."""

from __future__ import annotations

from pathlib import Path

from conftest import AS_OF, FIXTURES, edit

from generator.check.scope import caused_elsewhere

LISTING = "employers/acme/welding-intern.yml"
SHADOW = "catalog/employers/acme/welding-shadow.yml"


def given(*shown: str):  # noqa: ANN201 - a predicate on shown paths
    return lambda path: path in shown


def test_a_new_listing_causes_the_retired_id_problem(minimal: Path) -> None:
    (minimal / "retired.yml").write_text("retired:\n  - id: acme/welding-shadow\n    reason: Ended.\n", encoding="utf-8")
    (minimal.parent / SHADOW).write_text((FIXTURES / "minimal" / LISTING).read_text(encoding="utf-8"), encoding="utf-8")
    caused = caused_elsewhere(minimal, given(SHADOW), AS_OF)
    assert caused is not None
    assert [(p.path, p.line, p.code) for p in caused] == [("catalog/retired.yml", 2, "retired-exists")]
    # The listing that is already retired causes nothing in the other listing.
    assert caused_elsewhere(minimal, given(f"catalog/{LISTING}"), AS_OF) == set()


def test_problems_that_were_there_before_are_not_caused(minimal: Path) -> None:
    edit(minimal / LISTING, "  - manufacturing\n", "  - manufacturin\n")
    assert caused_elsewhere(minimal, given("catalog/employers/acme/organization.yml"), AS_OF) == set()


def test_a_vocabulary_can_cause_any_problem(minimal: Path) -> None:
    assert caused_elsewhere(minimal, given("catalog/vocabularies/sectors.yml"), AS_OF) is None
    # Even one that does not load.
    (minimal / "vocabularies/sectors.yml").write_text("items: [\n", encoding="utf-8")
    assert caused_elsewhere(minimal, given("catalog/vocabularies/sectors.yml"), AS_OF) is None
