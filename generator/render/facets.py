"""The browse page's filters ("facets") and sorts: one entry each, read by every part that needs them.

A facet is a URL parameter of the browse page (`/opportunities/?sector=...`), a filter in its panel,
a column of the facet index (browse_index.py) and a row of the counselor guide's parameter table.
Each entry gives its name and parameter, its label and its counselor-guide text (keys of
generator.i18n, whose values such as the wage steps are filled in from the constants here), whether it
takes one value or several, whether its list starts open in the filter panel, and two functions: a
listing's values and the labels of every value.

The facet index carries what the browser needs of this registry (`browse_metadata`), so that the
browse script has no list of its own. The parameters are stable once published: the counselor guide
lists them, and links with them are shared.

Range questions ("pays at least $20 an hour", "I am 16", "meets 3 criteria at level 3 or above")
become sets of values, so that a single filter value answers them. A listing that gives only
grades carries the ages they imply, and one that gives only ages the grades they imply
(report/coverage/grades.py, which the coverage page's grade bands also read).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model import STAGES, Catalog, Opportunity, regions
from generator.model import status as status_rules
from generator.present.view import View
from generator.report.coverage import grades as implied

WAGE_STEPS = (16, 18, 20, 25)
AGES = range(11, 26)
GRADES = implied.GRADES
STRONG_RANK = 3  # "at least the third level", by rank, whatever the number of levels
STATUSES = status_rules.STATUSES
DEFAULT_STATUS = ("open",)  # no `status` parameter: these; `status=any`: every status
ANY_STATUS = "any"
SORTS = ("deadline", "reviewed", "pay", "distance")  # the first is the default without search words or `near`
# Near me (nearby.py): a ZIP code of the region sorts by distance from it (the default sort then, without search
# words), and `within` keeps the listings with a site at most that many miles away (published).
NEAR_PARAMETER = "near"
WITHIN_PARAMETER = "within"
WITHIN_MILES = (5, 10, 25)
DISTANCE_SORT = "distance"
MODES = ("in-person", "hybrid", "remote")
PAY_TYPES = ("paid", "stipend", "unpaid", "free", "fee")
# The filter's names of the two types that are not pay; the others use the names the listing pages use.
_PAY_KEYS = {"free": "browse_pay_free", "fee": "browse_pay_fee"}
SCHOOL = ("in-school", "out-of-school", "graduated")  # eligibility.status
OUTSIDE_REGION = "outside-region"  # the area filter's value for sites outside the region (published)
OFFERS = ("academic-credit", "college-credit", "credential", "apprenticeship-hours")
VERIFIED = "yes"  # the verified facet's one value: the organization is verified (vocabularies/verifiers.yml)


def strong_count(opp: Opportunity) -> int:
    return sum(a.rank >= STRONG_RANK for a in opp.assessment)


def grades_of(opp: Opportunity) -> range:
    """The grades a listing is open to: its own, else those its ages imply."""
    return implied.listing_grades(opp)


def pay_label(pay_type: str, view: View) -> str:
    """The name of a pay type, as the pay filter shows it."""
    return view.t(_PAY_KEYS.get(pay_type, pay_type))


def hourly_top(opp: Opportunity) -> float:
    """The highest hourly pay of a paid listing paid by the hour, else 0."""
    top = opp.pay_amount_max or opp.pay_amount or 0
    return top if opp.pay_type == "paid" and opp.pay_unit == "hour" else 0


Values = Callable[[Opportunity, View], list[str]]
Options = Callable[[Catalog, View], dict[str, str]]


@dataclass(frozen=True)
class Facet:
    name: str
    param: str  # the URL parameter: published, never renamed
    label: str  # i18n key of the filter's label
    doc: str  # i18n key of its meaning in the counselor guide; formatted with doc_values()
    example: str  # what follows "<param>=" in the counselor guide's example link (a repeat may follow: "9&grade=10")
    values: Values  # a listing's values
    options: Options  # every value -> its label, in the filter's order
    single: bool = False  # one value at most: a threshold ("at least")
    always_open: bool = False  # its list starts open in the filter panel
    # Also takes a from-to pair (`grade=9-10`): every value between the two, in the filter's order.
    ranged: bool = False
    indexed_labels: bool = False  # its labels travel in the facet index, not in each browse page


def _vocab(name: str) -> Options:
    return lambda catalog, view: {item.id: item.label(view.lang) for item in catalog.vocabularies.items(name)}


def _area(opp: Opportunity, view: View) -> list[str]:
    # A site outside the region has a value of its own, so that it never shows among local results; worksites
    # spread across areas match each area they cover (every area of the region for `across: region`).
    return sorted({OUTSIDE_REGION for s in opp.sites if s.outside_region} | {a for s in opp.sites for a in s.areas})


def _area_options(catalog: Catalog, view: View) -> dict[str, str]:
    options = _vocab("areas")(catalog, view)
    if any(s.outside_region for opp in catalog.opportunities.values() for s in opp.sites):
        options[OUTSIDE_REGION] = view.t("place_facet_outside_region")
    return options


def _region(opp: Opportunity, view: View) -> list[str]:
    # Only a catalog of several regions has the filter. A listing in no region (an online program of an
    # organization with no site in any) serves every region, so each region's filter finds it.
    catalog = view.catalog
    if not regions.several(catalog):
        return []
    return list(regions.listing_regions(catalog, opp) or regions.ids(catalog.vocabularies))


def _keys(*keys: str, prefix: str = "") -> Options:
    return lambda catalog, view: {k: view.t(prefix + k.replace("-", "_") if prefix else k) for k in keys}


def _status(opp: Opportunity, view: View) -> list[str]:
    # One value each: "open" (the default, "Accepting applications") means a family can apply today, so a
    # listing whose applications open later is only "upcoming" (generator.model.status). An open listing not
    # reviewed within the region's limit is "unreviewed": out of the default results, found with status=any.
    return [view.browse_status_key(opp)]


def _status_options(catalog: Catalog, view: View) -> dict[str, str]:
    options = _keys(*STATUSES, prefix="status_")(catalog, view)
    return {**options, status_rules.UNREVIEWED: view.t("trust_status_unreviewed")}


def _verified(opp: Opportunity, view: View) -> list[str]:
    return [VERIFIED] if view.verification(opp.org_id) else []


def _pay(opp: Opportunity, view: View) -> list[str]:
    return [opp.pay_type] + (["paid-any"] if opp.is_paid else [])


def _wage(opp: Opportunity, view: View) -> list[str]:
    top = hourly_top(opp)
    return [str(step) for step in WAGE_STEPS if top >= step] if top else []


def _age(opp: Opportunity, view: View) -> list[str]:
    return [str(a) for a in implied.listing_ages(opp, AGES)]


def _school(opp: Opportunity, view: View) -> list[str]:
    # A listing that names no school status is open to students in and out of school alike.
    given = opp.section("eligibility").get("status") or SCHOOL
    return [s for s in SCHOOL if s in given]


def _season(opp: Opportunity, view: View) -> list[str]:
    # A listing with different hours in different parts of the year is found by each of those seasons too.
    season = opp.section("schedule").get("season")
    found = [season] if season else []
    return list(dict.fromkeys([*found, *(p.season for p in opp.schedule.periods)]))


def _offers(opp: Opportunity, view: View) -> list[str]:
    # Credit said with the older flags or as outcomes.credits filters alike.
    found = [k for k in ("academic-credit", "college-credit") if opp.offers_credit(k.replace("-", "_"))]
    if opp.section("outcomes").get("credential"):
        found.append("credential")
    if any(c.kind == "apprenticeship-hours" for c in opp.credits):
        found.append("apprenticeship-hours")
    return found


def _transport(opp: Opportunity, view: View) -> list[str]:
    return ["yes"] if opp.section("supports").get("transportation") or "transportation-support" in opp.signals else []


def _quality(opp: Opportunity, view: View) -> list[str]:
    return [str(n) for n in range(1, strong_count(opp) + 1)]


def _quality_options(catalog: Catalog, view: View) -> dict[str, str]:
    most = max((len(r.criteria) for r in catalog.rubrics.values()), default=0)
    return {str(n): view.t("facet_quality_value", n=n, level=STRONG_RANK) for n in range(1, 1 + most)}


def _named(collection: str) -> Options:
    return lambda catalog, view: {
        item.id: view.plain(item.text("name", view.lang)) for item in getattr(catalog, collection).values()
    }


# In the order of the filter panel and the facet index.
FACETS: tuple[Facet, ...] = (
    Facet("status", "status", "facet_status", "param_status", "any", _status, _status_options, always_open=True),
    Facet(
        "pay",
        "pay",
        "facet_pay",
        "browse_param_pay",
        "paid-any",
        _pay,
        lambda catalog, view: {"paid-any": view.t("facet_pay_any"), **{k: pay_label(k, view) for k in PAY_TYPES}},
        always_open=True,
    ),
    Facet(
        "wage",
        "wage",
        "facet_wage",
        "param_wage",
        "20",
        _wage,
        lambda catalog, view: {str(s): f"{view.money(s)}+" for s in WAGE_STEPS},
        single=True,
    ),
    # Several grades mean "open to any of them", so a counselor can ask for grades 9-10 (the example link).
    Facet(
        "grade",
        "grade",
        "grade",
        "sheet_param_grade",
        "9&grade=10",
        lambda opp, view: [str(g) for g in grades_of(opp)],
        lambda catalog, view: {str(g): str(g) for g in GRADES},
        ranged=True,
    ),
    Facet(
        "age",
        "age",
        "facet_age",
        "browse_param_age",
        "16",
        _age,
        lambda catalog, view: {str(a): str(a) for a in AGES},
        single=True,
    ),
    Facet(
        "school",
        "school",
        "browse_facet_school",
        "browse_param_school",
        "out-of-school",
        _school,
        _keys(*SCHOOL, prefix="browse_school_"),
    ),
    Facet(
        "sector",
        "sector",
        "sector",
        "param_sector",
        "health-science-and-medical-technology",
        lambda opp, view: list(opp.sectors),
        _vocab("sectors"),
    ),
    Facet("format", "format", "format", "param_format", "internship", lambda opp, view: [opp.format], _vocab("formats")),
    Facet(
        "stage",
        "stage",
        "stage",
        "param_stage",
        "training",
        lambda opp, view: [opp.stage],
        lambda catalog, view: {s: view.stage_name(s) for s in STAGES},
    ),
    # The region a family chooses first on a statewide home page (generator/model/regions.py).
    Facet("region", "region", "region_facet_region", "region_param_region", "los-angeles", _region, _vocab("regions")),
    Facet(
        "area",
        "area",
        "area",
        "param_area",
        "south-bay-harbor",
        _area,
        _area_options,
    ),
    Facet(
        "mode",
        "mode",
        "facet_mode",
        "param_mode",
        "remote",
        lambda opp, view: sorted({s.mode for s in opp.sites}),
        _keys(*MODES),
    ),
    Facet("season", "season", "facet_season", "param_season", "summer", _season, _vocab("seasons")),
    Facet(
        "offers",
        "offers",
        "facet_offers",
        "param_offers",
        "college-credit",
        _offers,
        lambda catalog, view: {k: view.t(k.replace("-", "_")) for k in OFFERS},
    ),
    Facet(
        "transport",
        "transport",
        "facet_transport",
        "param_transport",
        "yes",
        _transport,
        lambda catalog, view: {"yes": view.t("facet_yes")},
    ),
    Facet(
        "language",
        "language",
        "facet_language",
        "param_language",
        "es",
        lambda opp, view: list(opp.section("supports").get("languages") or []),
        _vocab("languages"),
    ),
    Facet("quality", "quality", "facet_quality", "param_quality", "3", _quality, _quality_options, single=True),
    Facet(
        "signal", "signal", "signals", "param_signal", "trained-mentor", lambda opp, view: list(opp.signals), _vocab("signals")
    ),
    Facet(
        "verified",
        "verified",
        "trust_facet_verified",
        "trust_param_verified",
        VERIFIED,
        _verified,
        lambda catalog, view: {VERIFIED: view.t("trust_facet_verified_yes")},
    ),
    Facet(
        "org",
        "org",
        "organization",
        "param_org",
        "eastside-career-hub",
        lambda opp, view: [opp.org_id],
        _named("organizations"),
        indexed_labels=True,
    ),
    Facet(
        "pathway",
        "pathway",
        "pathways",
        "param_pathway",
        "health-careers",
        lambda opp, view: list(opp.pathways),
        _named("pathways"),
        indexed_labels=True,
    ),
)

BY_NAME = {f.name: f for f in FACETS}

SORT_PARAMETER = "sort"
QUERY_PARAMETER = "q"
# The order of the parameters in an address the browse page writes (published: shared links use it):
# the search words, these facets in the order they were first published, the others (added later)
# in display order, then the sort.
_ADDRESS_FIRST = (
    *("status", "sector", "format", "stage", "pay", "wage", "grade", "age", "area", "mode", "season"),
    *("offers", "transport", "language", "quality", "signal", "org", "pathway"),
)
# Published later, in the order they were published, so that a new facet never moves an older one.
_ADDRESS_LATER = ("school", "verified", "region")
_ADDRESS: tuple[str, ...] = (
    _ADDRESS_FIRST + _ADDRESS_LATER + tuple(f.name for f in FACETS if f.name not in _ADDRESS_FIRST + _ADDRESS_LATER)
)
PARAMETERS: tuple[str, ...] = (
    QUERY_PARAMETER,
    *(BY_NAME[name].param for name in _ADDRESS),
    NEAR_PARAMETER,
    WITHIN_PARAMETER,
    SORT_PARAMETER,
)
STATUS_PARAMETER = BY_NAME["status"].param  # the facet with a default (DEFAULT_STATUS) and ANY_STATUS

# The counselor guide's rows for the two parameters that are not facets.
OTHER_DOCS = {
    QUERY_PARAMETER: ("param_q", "nursing"),
    NEAR_PARAMETER: ("near_param_near", "90044"),
    WITHIN_PARAMETER: ("near_param_within", "10"),
    SORT_PARAMETER: ("param_sort", "pay"),
}


def doc_values() -> dict[str, str]:
    """The values the counselor guide's texts name, from the constants above."""
    return {
        "wages": ", ".join(map(str, WAGE_STEPS)),
        "grades": f"{GRADES.start}–{GRADES.stop - 1}",
        "level": str(STRONG_RANK),
        "default": ", ".join(DEFAULT_STATUS),
        "statuses": ", ".join(s for s in (*STATUSES, status_rules.UNREVIEWED) if s not in DEFAULT_STATUS),
        "any": ANY_STATUS,
        "stages": ", ".join(STAGES),
        "modes": ", ".join(MODES),
        "offers": ", ".join(OFFERS),
        "sorts": ", ".join(SORTS),
        "miles": ", ".join(map(str, WITHIN_MILES)),
        "distance": DISTANCE_SORT,
    }


def browse_metadata() -> dict[str, object]:
    """What the browse script knows of the registry, for the facet index."""
    return {
        "order": list(PARAMETERS),
        "q": QUERY_PARAMETER,
        "sort": SORT_PARAMETER,
        "status": STATUS_PARAMETER,
        "facets": [{"param": f.param, "single": f.single, "open": f.always_open, "range": f.ranged} for f in FACETS],
        "sorts": list(SORTS),
        "default_status": list(DEFAULT_STATUS),
        "any_status": ANY_STATUS,
        "near": {"param": NEAR_PARAMETER, "within": WITHIN_PARAMETER, "miles": list(WITHIN_MILES), "sort": DISTANCE_SORT},
    }
