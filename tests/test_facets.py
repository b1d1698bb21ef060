"""The facet registry (generator/render/facets.py) is the one definition of the browse page's filters:
the published URL parameters never change, and every part that shows or reads a facet has each one."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sitebuild import OPPORTUNITY, ROOT, minimal_catalog

from generator import i18n
from generator.model import Catalog
from generator.model.checked import check_catalog
from generator.present.view import View, lang_prefix
from generator.render import browse, facets
from generator.render import browse_index as bi
from generator.render import word_index as wi
from generator.report.coverage import grades as implied

LANGS = ("en", "es")
AS_OF = dt.date(2026, 11, 22)
BROWSE_JS = ROOT / "site_overrides" / "assets" / "browse"

# Published: shared links and the counselor guide use them. Changing this list breaks links.
PUBLISHED = [
    "q",
    "status",
    "sector",
    "format",
    "stage",
    "pay",
    "wage",
    "grade",
    "age",
    "area",
    "mode",
    "season",
    "offers",
    "transport",
    "language",
    "quality",
    "signal",
    "org",
    "pathway",
    "school",
    "verified",
    "region",
    "near",
    "within",
    "sort",
]


@pytest.fixture(scope="module")
def site(bundled_site: Path) -> Path:
    out = bundled_site
    return out


def page(site: Path, lang: str, path: str) -> str:
    return (site / lang_prefix(lang) / path / "index.html").read_text(encoding="utf-8")


def test_the_published_parameters_are_pinned():
    assert list(facets.PARAMETERS) == PUBLISHED
    assert sorted(f.param for f in facets.FACETS) == sorted(set(PUBLISHED[1:-1]) - {"near", "within"})
    assert len({f.name for f in facets.FACETS}) == len(facets.FACETS)
    assert [f.param for f in facets.FACETS if f.single] == ["wage", "age", "quality"]
    assert [f.param for f in facets.FACETS if f.ranged] == ["grade"]  # several grades, or a from-to pair
    assert [f.param for f in facets.FACETS if f.always_open] == ["status", "pay"]
    assert facets.SORTS == ("deadline", "reviewed", "pay", "distance")
    assert (facets.NEAR_PARAMETER, facets.WITHIN_PARAMETER, facets.WITHIN_MILES) == ("near", "within", (5, 10, 25))
    assert facets.DEFAULT_STATUS == ("open",)


def test_every_facet_has_its_interface_text_in_both_languages():
    for f in facets.FACETS:
        for key in (f.label, f.doc):
            assert key in i18n.messages("en").texts, key
            for lang in LANGS:
                assert i18n.t(key, lang, **facets.doc_values()).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_facet_is_in_the_facet_index_with_its_metadata(site: Path, lang: str):
    index = json.loads((site / bi.FOLDER / lang / "facets.json").read_bytes())
    assert list(index["facets"]) == [f.param for f in facets.FACETS]
    params = index["params"]
    assert params["order"] == PUBLISHED
    assert [(m["param"], m["single"], m["open"], m["range"]) for m in params["facets"]] == [
        (f.param, f.single, f.always_open, f.ranged) for f in facets.FACETS
    ]
    assert params["sorts"] == list(facets.SORTS)
    assert params["default_status"] == list(facets.DEFAULT_STATUS)
    assert index["limits"] == {"word": wi.MAX_WORD, "query_words": wi.MAX_QUERY_WORDS}
    assert index["shard"] == bi.SHARD and index["format"] == bi.FORMAT and index["words"]["format"] == wi.FORMAT


@pytest.mark.parametrize("lang", LANGS)
def test_every_facet_has_a_label_the_browser_reads(site: Path, lang: str):
    text = page(site, lang, "opportunities")
    found = re.search(r'<script type="application/json" id="wbl-browse-labels">(.*?)</script>', text, re.S)
    assert found
    labels = json.loads(html.unescape(found.group(1)))
    assert [f["name"] for f in labels["facets"]] == [f.param for f in facets.FACETS]
    for entry, f in zip(labels["facets"], facets.FACETS, strict=True):
        assert entry["label"] == i18n.t(f.label, lang)
        assert entry["values"] or f.indexed_labels, f.name
    assert [name for name, _ in labels["sorts"]] == list(facets.SORTS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_parameter_is_in_the_counselor_guide(site: Path, lang: str):
    text = html.unescape(page(site, lang, "counselors"))
    # Literal values in a meaning are written `so` in the catalogs and shown as code.
    found = re.findall(r"<tr><td><code>([a-z]+)</code></td><td>(.*?)</td>", text)
    rows = [(name, re.sub(r"</?code>", "`", meaning)) for name, meaning in found]
    assert [name for name, _ in rows] == PUBLISHED
    meaning = dict(rows)
    for f in facets.FACETS:
        assert meaning[f.param] == i18n.t(f.doc, lang, **facets.doc_values())
    assert meaning["wage"].endswith(", ".join(map(str, facets.WAGE_STEPS)))
    assert f"{facets.GRADES.start}–{facets.GRADES.stop - 1}" in meaning["grade"]
    assert str(facets.STRONG_RANK) in meaning["quality"]
    assert rows == [(name, mean) for name, mean, _ in browse.parameter_docs(lang)]


def test_no_browse_module_hard_codes_the_parameters():
    """The browse script reads the parameters, sorts, limits and shard size from the facet index."""
    quoted = re.compile(r"""["'](\w+)["']""")
    for path in sorted(BROWSE_JS.glob("*.js")):
        code = path.read_text(encoding="utf-8")
        for old in ("PARAMS", "SINGLE", "SORTS", "DEFAULT_STATUS", "ALWAYS_OPEN", "MAX_WORD", "MAX_QUERY_WORDS", "DEFAULT_SHARD"):
            assert not re.search(rf"\b{old}\b", code), f"{path.name}: {old}"
        for line in code.splitlines():
            if line.lstrip().startswith("//"):
                continue
            names = set(quoted.findall(line)) & set(PUBLISHED)
            facet_names = names - {"format", "language"}  # also words of their own (a file's format, the page's language)
            assert len(facet_names) < 2, f"{path.name}: a list of parameters: {line.strip()}"


# ---------- pay types, implied grades and ages, school status ----------

YOUTH_JOBS = (
    OPPORTUNITY.replace("title: Lab Internship", "title: Youth Jobs Program")
    .replace(
        "pay:\n  type: paid\n  amount: 19.5\n  unit: hour\n",
        "pay:\n  type: stipend\n  amount: 500\n  unit: total\n  on_completion: true\n  funded_by: Riverbend Youth Fund\n",
    )
    .replace(
        "eligibility:\n  grades: {min: 11, max: 12}\n  age: {min: 16}\n",
        "eligibility:\n  age: {min: 16, max: 24}\n  status: [out-of-school, graduated]\n"
        "  populations: [foster-youth]\n  needs: [tb-test]\n",
    )
    .replace("application:\n  how: Apply online.\n", "application:\n  mode: lottery\n  how: Apply online.\n")
)
FREE_TALK = (
    OPPORTUNITY.replace("title: Lab Internship", "title: Career Talk")
    .replace("pay:\n  type: paid\n  amount: 19.5\n  unit: hour\n", "pay:\n  type: free\n")
    .replace("  grades: {min: 11, max: 12}\n  age: {min: 16}\n", "  grades: {min: 6, max: 8}\n")
)
FEE_CAMP = OPPORTUNITY.replace("title: Lab Internship", "title: Coding Camp").replace(
    "pay:\n  type: paid\n  amount: 19.5\n  unit: hour\n", "pay:\n  type: fee\n  amount: 250\n  unit: total\n  aid: true\n"
)


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The minimal catalog's paid internship (grades 11-12, ages from 16), an out-of-school program for ages
    16-24 only, a free talk for grades 6-8 only and a camp with a fee."""
    folder = minimal_catalog(tmp_path_factory.mktemp("variants") / "catalog")
    org = folder / "employers" / "acme-health"
    for name, text in (("youth-jobs", YOUTH_JOBS), ("career-talk", FREE_TALK), ("coding-camp", FEE_CAMP)):
        assert text != OPPORTUNITY
        (org / f"{name}.yml").write_text(text, encoding="utf-8")
    checked = check_catalog(folder, as_of=AS_OF)
    assert checked.ok, [p.message for p in checked.errors]
    return checked.catalog


def values_of(catalog: Catalog, slug: str, facet: str) -> list[str]:
    view = View(catalog, "en", "opportunities/")
    return facets.BY_NAME[facet].values(catalog.opportunities["acme-health/" + slug], view)


def test_free_and_fee_listings_have_pay_values_of_their_own(variants: Catalog) -> None:
    assert values_of(variants, "career-talk", "pay") == ["free"]
    assert values_of(variants, "coding-camp", "pay") == ["fee"]
    # paid-any stays what it was published as: paid or stipend.
    assert values_of(variants, "lab-internship", "pay") == ["paid", "paid-any"]
    assert values_of(variants, "youth-jobs", "pay") == ["stipend", "paid-any"]
    for lang in LANGS:
        options = facets.BY_NAME["pay"].options(variants, View(variants, lang, "opportunities/"))
        assert list(options) == ["paid-any", "paid", "stipend", "unpaid", "free", "fee"]
        assert options["free"] == i18n.t("browse_pay_free", lang) and options["fee"] == i18n.t("browse_pay_fee", lang)
        assert options["paid"] == i18n.t("paid", lang)


def test_a_listing_with_only_ages_matches_the_grades_they_imply(variants: Catalog) -> None:
    # Ages 16-24: grades 11 (16 - 5) to 14, the last grade the catalog knows.
    assert values_of(variants, "youth-jobs", "grade") == ["11", "12", "13", "14"]
    assert values_of(variants, "youth-jobs", "age") == [str(a) for a in range(16, 25)]


def test_a_listing_with_only_grades_matches_the_ages_they_imply(variants: Catalog) -> None:
    # Grades 6-8: ages 11 (6 + 5) to 14 (8 + 6).
    assert values_of(variants, "career-talk", "age") == ["11", "12", "13", "14"]
    assert values_of(variants, "career-talk", "grade") == ["6", "7", "8"]
    # A listing that gives ages keeps them, grades or not: from 16, up to the last age of the filter.
    assert values_of(variants, "lab-internship", "age") == [str(a) for a in range(16, facets.AGES.stop)]


def test_the_implication_at_the_edges() -> None:
    def opp(grades: tuple[int, int] | None, ages: tuple[int | None, int | None]) -> Any:
        low, high = grades or (None, None)
        return SimpleNamespace(grade_min=low, grade_max=high, age_min=ages[0], age_max=ages[1])

    assert implied.listing_grades(opp(None, (21, None))) == range(0)  # past grade 14: no grade
    assert implied.listing_grades(opp(None, (None, 13))) == range(6, 9)  # up to 13: grades 6 to 8
    assert implied.listing_grades(opp(None, (10, 30))) == range(6, 15)
    assert implied.listing_grades(opp((9, 12), (16, None))) == range(9, 13)  # its own grades win
    assert implied.listing_ages(opp((13, 14), (None, None)), facets.AGES) == range(18, 21)
    assert implied.listing_ages(opp((6, 6), (None, None)), facets.AGES) == range(11, 13)
    assert implied.listing_ages(opp(None, (None, None)), facets.AGES) == range(0)


def test_a_listing_without_a_school_status_matches_every_school_value(variants: Catalog) -> None:
    assert values_of(variants, "lab-internship", "school") == list(facets.SCHOOL)
    assert values_of(variants, "youth-jobs", "school") == ["out-of-school", "graduated"]
    for lang in LANGS:
        options = facets.BY_NAME["school"].options(variants, View(variants, lang, "opportunities/"))
        assert list(options) == list(facets.SCHOOL) and all(options.values())


def test_the_school_facet_is_in_the_facet_index_and_the_counselor_guide(variants: Catalog) -> None:
    files = bi.browse_files(variants, "en")
    index = json.loads(files["facets.json"])
    school = index["facets"]["school"]
    assert school["values"] == list(facets.SCHOOL)
    assert "school" in index["params"]["order"] and index["params"]["order"][-6:] == [
        "school",
        "verified",
        "region",
        "near",
        "within",
        "sort",
    ]
    for lang in LANGS:
        docs = {name: (meaning, example) for name, meaning, example in browse.parameter_docs(lang)}
        assert docs["school"] == (i18n.t("browse_param_school", lang), "school=out-of-school")
        assert "5" in docs["age"][0] and "6" in docs["age"][0]  # grade g: ages g+5 and g+6
    assert "no ages" in browse.parameter_docs("en")[list(facets.PARAMETERS).index("age")][1]
    assert "only ages" in browse.parameter_docs("en")[list(facets.PARAMETERS).index("grade")][1]


def test_the_card_of_a_listing_with_only_ages_shows_no_grades(variants: Catalog) -> None:
    """Its grade values serve the filter; the server's card shows no grades for it, so the script's card neither."""
    files = bi.browse_files(variants, "en")
    cards = [c for name, data in files.items() if name.startswith("cards-") for c in json.loads(data)]
    assert {c["u"] for c in cards if c.get("ng") == 1} == {"acme-health/youth-jobs"}


def test_several_grades_mean_any_of_them_and_the_guide_says_how(variants: Catalog) -> None:
    """grade=9&grade=10 (or grade=9-10): a listing matches when it is open to any of the grades given."""
    index = json.loads(bi.browse_files(variants, "en")["facets.json"])
    grade = next(m for m in index["params"]["facets"] if m["param"] == "grade")
    assert grade == {"param": "grade", "single": False, "open": False, "range": True}
    # Grade 8 is the free talk's last grade, grade 11 the first of the internship and of the ages 16-24 program.
    view = View(variants, "en", "opportunities/")
    open_to = {
        g: {o.id for o in variants.opportunities.values() if g in facets.BY_NAME["grade"].values(o, view)} for g in ("8", "11")
    }
    assert open_to["8"] and open_to["11"] and not open_to["8"] & open_to["11"]
    for lang in LANGS:
        meaning, example = {name: (m, e) for name, m, e in browse.parameter_docs(lang)}["grade"]
        assert example == "grade=9&grade=10"
        assert "`grade=9&grade=10`" in meaning and "`grade=9-10`" in meaning
    page = html.unescape(i18n.t("sheet_param_grade", "es", **facets.doc_values()))
    assert "6–14" in page and "grado" in page.lower()
