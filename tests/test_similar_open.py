"""Similar open listings for a closed listing's page (generator/render/browse.py): the grouped way finds what
scoring every open listing that shares a sector finds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import random

import pytest

from generator.commands.synth import synthesize
from generator.model import Catalog, Opportunity
from generator.model.checked import check_catalog
from generator.render import browse

AS_OF = dt.date(2026, 11, 22)


def plain_similar_open(opp: Opportunity, catalog: Catalog, limit: int = 3) -> list[Opportunity]:
    """Every open listing that shares a sector, scored; the closest `limit`, by score then id."""
    mine = set(opp.sectors)
    others = [o for o in catalog.opportunities.values() if o.status == "open" and o.id != opp.id and mine & set(o.sectors)]
    return heapq.nsmallest(
        limit,
        others,
        key=lambda o: (-(2 * len(mine & set(o.sectors)) + (o.stage == opp.stage) + (o.format == opp.format)), o.id),
    )


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("similar") / "catalog"
    synthesize(root, 400, seed=11, as_of=AS_OF)
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok
    # More sectors per listing than synth writes, so that the number of shared sectors decides too.
    sectors = [s.id for s in checked.catalog.vocabularies.items("sectors")]
    rng = random.Random(3)
    opportunities = {
        ident: dataclasses.replace(o, sectors=tuple(rng.sample(sectors, rng.choice([1, 1, 2, 3])))) if rng.random() < 0.5 else o
        for ident, o in checked.catalog.opportunities.items()
    }
    return dataclasses.replace(checked.catalog, opportunities=opportunities)


@pytest.mark.parametrize("limit", [1, 3, 5])
def test_the_grouped_way_finds_what_scoring_every_listing_finds(catalog: Catalog, limit: int) -> None:
    groups = browse.open_by_sector(catalog)
    opps = list(catalog.opportunities.values())
    assert sum(o.status == "open" for o in opps) > 100 and any(len(o.sectors) > 1 for o in opps)
    for opp in opps:  # open ones too: a listing is never similar to itself
        assert browse.similar_open(opp, groups, limit) == plain_similar_open(opp, catalog, limit), opp.id


def test_a_listing_in_a_sector_without_open_listings_has_none(catalog: Catalog) -> None:
    opp = next(iter(catalog.opportunities.values()))
    lonely = dataclasses.replace(opp, sectors=("no-such-sector",))
    assert browse.similar_open(lonely, browse.open_by_sector(catalog)) == []


def test_each_sector_lists_each_group_once_in_id_order(catalog: Catalog) -> None:
    groups = browse.open_by_sector(catalog)
    for sector, listed in groups.items():
        keys = [key for key, _ in listed]
        assert len(keys) == len(set(keys)) and all(sector in key[0] for key in keys)
        assert all(members == sorted(members, key=lambda o: o.id) for _, members in listed)
    grouped = {o.id for listed in groups.values() for _, members in listed for o in members}
    assert grouped == {o.id for o in catalog.opportunities.values() if o.status == "open"}
