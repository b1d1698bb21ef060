"""`python -m generator synth`: a realistic synthetic catalog (contracts.md, "The synthetic catalog is realistic, measurably")."""

from __future__ import annotations

import datetime as dt
import filecmp
import statistics
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.commands.cli import main
from generator.commands.synth import synthesize
from generator.model.checked import check_catalog

AS_OF = dt.date(2026, 11, 22)
BUNDLED = Path(__file__).resolve().parent.parent / "catalog"
N = 150


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _listings(root: Path) -> list[dict]:
    return [_load(p) for p in sorted(root.glob("employers/*/*.yml")) if p.name != "organization.yml"]


def _vocab(root: Path, name: str) -> list[dict]:
    return _load(root / "vocabularies" / f"{name}.yml")["items"]


def _site_areas(root: Path, site: dict) -> list[str]:
    """The areas a site is in: its own, or those it is spread across (`region` is every area but online)."""
    if site.get("outside_region"):
        return []
    across = site.get("across")
    if across == "region":
        return [a["id"] for a in _vocab(root, "areas") if a["id"] != "online"]
    return list(across) if across else [site["area"]]


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "catalog"
    synthesize(out, N, seed=7, as_of=AS_OF)
    return out


@pytest.fixture(scope="module")
def listings(synth: Path) -> list[dict]:
    return _listings(synth)


def test_passes_the_checker_without_errors_or_warnings(synth: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOG_TODAY", AS_OF.isoformat())
    checked = check_catalog(synth, as_of=AS_OF)
    assert [f"{p.path}:{p.line}: {p.severity}: {p.message}" for p in checked.problems] == []
    assert len(checked.catalog.opportunities) == N


@pytest.mark.parametrize("n", [1, 9, 40])
def test_small_catalogs_pass_too(tmp_path: Path, n: int) -> None:
    synthesize(tmp_path / "c", n, seed=n, as_of=AS_OF)
    checked = check_catalog(tmp_path / "c", as_of=AS_OF)
    assert not checked.errors, checked.errors[:3]
    assert len(checked.catalog.opportunities) == n


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    synthesize(tmp_path / "a", 60, seed=3, as_of=AS_OF)
    synthesize(tmp_path / "b", 60, seed=3, as_of=AS_OF)
    synthesize(tmp_path / "c", 60, seed=4, as_of=AS_OF)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_about_one_organization_per_ten_listings(synth: Path) -> None:
    orgs = [_load(p) for p in synth.glob("employers/*/organization.yml")]
    assert len(orgs) == N // 10
    kinds = Counter(o["kind"] for o in orgs)
    assert kinds.most_common(1)[0][0] == "employer"
    assert set(kinds) == {
        "employer",
        "intermediary",
        "nonprofit",
        "school-district",
        "college",
        "public-agency",
        "staffing-agency",
    }
    assert any(o["kind"] == "staffing-agency" and o["employer_of_record"]["for_other_employers"] for o in orgs)


def test_every_vocabulary_value_is_used(synth: Path, listings: list[dict]) -> None:
    used = {
        "formats": {x["format"] for x in listings},
        "sectors": {s for x in listings for s in x["sectors"]},
        "areas": {area for x in listings for site in x["sites"] for area in _site_areas(synth, site)},
        "seasons": {x["schedule"]["season"] for x in listings},
        "languages": {lang for x in listings for lang in x["supports"]["languages"]},
        "signals": {sig for x in listings for sig in x.get("quality", {}).get("signals", [])},
    }
    for name, values in used.items():
        field = "name" if name == "sectors" else "id"
        assert {item[field] for item in _vocab(synth, name)} <= values, name
    graded = [x["eligibility"]["grades"] for x in listings if "grades" in x["eligibility"]]
    for band in _vocab(synth, "grade-bands"):
        assert any(band["min"] <= g["min"] and g["max"] <= band["max"] for g in graded), band["id"]


def test_titles_and_descriptions_look_like_the_bundled_catalog(listings: list[dict]) -> None:
    bundled = _listings(BUNDLED)
    for measure in (lambda x: len(x["title"]), lambda x: len(x["description"].split())):
        ours, theirs = [measure(x) for x in listings], [measure(x) for x in bundled]
        assert min(theirs) * 0.8 <= min(ours) and max(ours) <= max(theirs) * 1.2
        assert abs(statistics.median(ours) - statistics.median(theirs)) <= 0.25 * statistics.median(theirs)
    titles = [x["title"] for x in listings]
    assert len(set(titles)) >= 0.95 * len(titles)
    descriptions = [x["description"] for x in listings]
    assert len(set(descriptions)) == len(descriptions)
    # Not a tiny vocabulary: a search index over these listings must not shrink because the text repeats.
    words = {w.lower().strip(".,:;()") for d in descriptions for w in d.split()}
    assert len(words) > 1000


def test_realistic_mix(listings: list[dict]) -> None:
    pay = Counter(x["pay"]["type"] for x in listings)
    assert 0.25 <= pay["paid"] / N <= 0.55 and pay["stipend"] and pay["unpaid"] / N >= 0.35
    hourly = [x["pay"]["amount"] for x in listings if x["pay"]["type"] == "paid" and "amount" in x["pay"]]
    assert min(hourly) >= 17.87 and max(hourly) <= 30
    assert all(x["pay"].get("unit") == "hour" for x in listings if x["pay"]["type"] == "paid")
    status = Counter(x["status"] for x in listings)
    assert status["open"] > status["closed"] > 0 and status["archived"] > 0
    for x in listings:
        grades, stage = x["eligibility"].get("grades") or {"min": 9, "max": 14}, x["stage"]
        if grades["max"] <= 8:
            assert stage in ("awareness", "exploration", "preparation")
        if stage == "training":
            assert grades["min"] >= 9
        assert x["example"] is True and x["contact"]["email"].endswith("@example.org")
        assert x["application"]["url"].startswith("https://example.org/")
        if x["status"] == "open" and "deadline" in x["application"]:
            assert dt.date.fromisoformat(x["application"]["deadline"]) >= AS_OF
        assert AS_OF - dt.timedelta(days=365) <= dt.date.fromisoformat(x["last_reviewed"]) <= AS_OF
    assert 0.25 <= sum("translations" in x for x in listings) / N <= 0.55
    assert any(len(x["sites"]) > 1 for x in listings)


def test_some_listings_describe_real_youth_programs(tmp_path: Path) -> None:
    """Ages without grades, free and fee programs, public funders, other ways to take part, groups, GPA and needs:
    each in a few listings, while most listings keep the plain defaults (grades, apply directly)."""
    root = tmp_path / "c"
    synthesize(root, 400, seed=11, as_of=AS_OF)
    checked = check_catalog(root, as_of=AS_OF)
    assert not checked.problems, [p.message for p in checked.problems][:3]
    listings = _listings(root)
    n = len(listings)
    elig = [x["eligibility"] for x in listings]
    pay = Counter(x["pay"]["type"] for x in listings)
    modes = Counter(x["application"].get("mode", "apply") for x in listings)
    assert 0.01 <= sum("grades" not in e for e in elig) / n <= 0.15
    assert all("age" in e for e in elig if "grades" not in e)
    assert pay["free"] and pay["fee"] and pay["free"] + pay["fee"] <= 0.25 * n
    assert all(x["pay"]["unit"] == "total" and "amount" in x["pay"] for x in listings if x["pay"]["type"] == "fee")
    assert any("aid" in x["pay"] for x in listings) and any(x["pay"].get("on_completion") for x in listings)
    funded = [x for x in listings if "funded_by" in x["pay"]]
    assert funded and all(x["pay"]["type"] in ("paid", "stipend") for x in funded)
    assert modes["apply"] >= 0.7 * n and {"central", "class-registration", "none", "interest-form"} <= set(modes)
    assert all(x["application"].get("where") for x in listings if x["application"].get("mode") == "paper")
    for key in ("status", "schools", "residency", "populations", "priority", "min_gpa", "needs"):
        found = sum(key in e for e in elig)
        assert 0 < found <= 0.2 * n, key
    groups = {item["id"] for item in _vocab(root, "populations")}
    assert {g for e in elig for g in e.get("populations", []) + e.get("priority", [])} <= groups


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A thousand listings, enough for fields that only a few listings have; checked once here."""
    root = tmp_path_factory.mktemp("large") / "c"
    synthesize(root, 1000, seed=1, as_of=AS_OF)
    checked = check_catalog(root, as_of=AS_OF)
    assert not checked.problems, [p.message for p in checked.problems][:3]
    return root


def test_some_listings_use_the_fields_of_real_programs(large: Path) -> None:
    """Times of day, repeating sessions, totals and ranges, tracks, credits, endorsements, application windows,
    online sites without a city and sites outside the region: each in a few listings, so that benchmarks and
    the browse page meet them, and the catalog still checks clean."""
    root = large
    listings = _listings(root)
    n = len(listings)

    def share(found: int) -> float:
        return found / n

    schedules = [x["schedule"] for x in listings]
    assert 0.05 <= share(sum("from" in s for s in schedules)) <= 0.4
    assert all(s["from"] < s["to"] for s in schedules if "from" in s)
    assert 0.02 <= share(sum("days" in s for s in schedules)) <= 0.2
    assert all("sessions" in s and "from" in s for s in schedules if "days" in s)
    assert 0.02 <= share(sum("total_hours" in s for s in schedules)) <= 0.2
    assert 0.005 <= share(sum("weeks_max" in s for s in schedules)) <= 0.1
    assert all(s["weeks_max"] > s["weeks"] for s in schedules if "weeks_max" in s)
    tracked = [x for x in listings if "tracks" in x]
    assert 0.005 <= share(len(tracked)) <= 0.06
    for x in tracked:
        assert "grades" not in x["eligibility"] and len(x["tracks"]) == 2
        ages = [t["eligibility"]["age"] for t in x["tracks"]]
        assert ages[0]["max"] + 1 == ages[1]["min"] and ages[0]["min"] == x["eligibility"]["age"]["min"]
    credits = [c for x in listings for c in x["outcomes"].get("credits", [])]
    assert {c["kind"] for c in credits} == {"high-school", "college", "apprenticeship-hours"}
    assert 0.05 <= share(sum("credits" in x["outcomes"] for x in listings)) <= 0.3
    endorsed = [e for x in listings for e in x["outcomes"].get("endorsements", [])]
    known = {item["id"]: [t["id"] for t in item.get("tiers", [])] for item in _vocab(root, "endorsements")}
    assert endorsed and {e["id"] if isinstance(e, dict) else e for e in endorsed} <= set(known)
    assert any(isinstance(e, dict) for e in endorsed) and all(
        e["tier"] in known[e["id"]] for e in endorsed if isinstance(e, dict)
    )
    stepped = [x for x in listings if "steps" in x["pay"]]
    assert 0.003 <= share(len(stepped)) <= 0.05
    for x in stepped:
        steps = x["pay"]["steps"]
        assert x["format"] == "apprenticeship" and "amount" not in x["pay"] and x["pay"]["unit"] == "hour"
        assert [st["year"] for st in steps] == list(range(1, len(steps) + 1)) and len(steps) >= 2
        assert all(a["amount"] < b["amount"] for a, b in zip(steps, steps[1:], strict=False))
    roles = [x for x in listings if "employer_roles" in x]
    assert 0.01 <= share(len(roles)) <= 0.15
    assert {r["way"] for x in roles for r in x["employer_roles"]} == {"host", "hire", "sponsor", "mentor", "speak"}
    assert all("amount" in r for x in roles for r in x["employer_roles"] if r["way"] == "sponsor")
    quality = [x.get("quality", {}) for x in listings]
    for key, (low, high) in {
        "evaluation": (0.05, 0.35),
        "coordinator": (0.05, 0.4),
        "handbook": (0.03, 0.25),
        "mentor_training": (0.03, 0.3),
    }.items():
        assert low <= share(sum(key in q for q in quality)) <= high, key
    for x in listings:
        spanish = x.get("translations", {}).get("es", {})
        if "evaluation" in x.get("quality", {}) and spanish:
            assert len(spanish["evaluation"]["criteria"]) == len(x["quality"]["evaluation"]["criteria"])
        if "employer_roles" in x and spanish:
            assert set(spanish["employer_roles"]) == {r["way"] for r in x["employer_roles"]}
    windowed = [x["application"] for x in listings if "windows" in x["application"]]
    assert 0.005 <= share(len(windowed)) <= 0.06
    assert all("deadline" not in a and "opens" not in a and len(a["windows"]) == 2 for a in windowed)
    sites = [site for x in listings for site in x["sites"]]
    assert any(site["mode"] == "remote" and "city" not in site for site in sites)
    outside = [x for x in listings if any(site.get("outside_region") for site in x["sites"])]
    assert outside and share(len(outside)) <= 0.02
    assert all("area" not in site for site in sites if site.get("outside_region"))


def test_the_newest_fields_of_real_programs_in_realistic_shares(large: Path) -> None:
    """Worksites across areas for public youth-employment programs, lottery results and waitlists, a provider as
    employer of record for publicly funded programs, listed dates for talk series, hours by part of the year
    for year-round programs, and verified organizations: each in a few listings or organizations, where real
    programs of that kind have them, and the catalog checks without a warning."""
    root = large
    listings = _listings(root)
    n = len(listings)
    area_ids = {a["id"] for a in _vocab(root, "areas")} - {"online"}

    across = [x for x in listings if any("across" in site for site in x["sites"])]
    assert 0.01 <= len(across) / n <= 0.06
    for x in across:
        assert x["format"] == "summer-youth-employment"
        site = next(site for site in x["sites"] if "across" in site)
        assert site["mode"] != "remote" and not {"address", "city", "zip", "area"} & set(site)
        assert site["across"] == "region" or set(site["across"]) <= area_ids
    assert {"region"} < {
        s["across"] if isinstance(s["across"], str) else "list" for x in across for s in x["sites"] if "across" in s
    }

    applications = [x["application"] for x in listings]
    lotteries = [a for a in applications if a.get("mode") == "lottery"]
    assert lotteries and len(lotteries) <= 0.05 * n
    heard = [a for a in applications if "results_by" in a or "waitlist" in a]
    assert heard and all(a.get("mode") in ("lottery", "central") for a in heard)
    assert sum("results_by" in a for a in lotteries) >= 0.5 * len(lotteries) and any(a.get("waitlist") for a in lotteries)
    for a in heard:
        if "results_by" in a:
            last = a["windows"][-1]["deadline"] if "windows" in a else a["deadline"]
            assert a["results_by"] > last

    by_provider = [x for x in listings if "provider" in _as_list(x.get("employer_of_record"))]
    assert 0.005 <= len(by_provider) / n <= 0.06
    assert any(isinstance(x["employer_of_record"], list) for x in by_provider)
    assert any(x["employer_of_record"] == "provider" for x in by_provider)
    assert all("funded_by" in x["pay"] for x in by_provider)
    noted = [x for x in by_provider if "employer_of_record_note" in x]
    assert noted and all(x["translations"]["es"]["employer_of_record_note"] for x in noted if "es" in x.get("translations", {}))
    assert all(
        "employer_of_record_note" in x for x in listings if "employer_of_record_note" in x.get("translations", {}).get("es", {})
    )

    dated = [x for x in listings if "dates" in x["schedule"]]
    assert 0.005 <= len(dated) / n <= 0.05
    for x in dated:
        days = x["schedule"]["dates"]
        assert x["format"] == "career-talk" and days == sorted(set(days)) and len(days) >= 3
        assert "start" not in x["schedule"] and x["schedule"]["from"] < x["schedule"]["to"]
    seasonal = [x for x in listings if "periods" in x["schedule"]]
    assert 0.005 <= len(seasonal) / n <= 0.05
    for x in seasonal:
        periods = x["schedule"]["periods"]
        assert x["schedule"]["season"] == "year-round" and "hours_per_week" not in x["schedule"]
        assert [p["season"] for p in periods] == ["school-year", "summer"]
        assert periods[0]["hours_per_week"] < periods[1]["hours_per_week"]

    orgs = [_load(p) for p in sorted(root.glob("employers/*/organization.yml"))]
    verified = [o for o in orgs if "verified" in o]
    assert 0.15 <= len(verified) / len(orgs) <= 0.55
    verifiers = {v["id"] for v in _vocab(root, "verifiers")}
    assert {o["verified"]["by"] for o in verified} <= verifiers
    # This loader reads the key `on` as YAML 1.1's true; the catalog's own loader reads it as the string.
    assert all(o["verified"][True] <= AS_OF.isoformat() and o["verified"]["record"].startswith("https://") for o in verified)
    assert all(o["kind"] != "public-agency" for o in verified)


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def test_cli_writes_and_refuses_a_non_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CATALOG_TODAY", AS_OF.isoformat())
    out = tmp_path / "out"
    assert main(["synth", "--opportunities", "20", "--out", str(out), "--seed", "5"]) == 0
    line = capsys.readouterr().out.strip()
    assert "2 organizations" in line and "20 opportunities" in line and line.count("\n") == 0
    assert main(["check", "--catalog", str(out)]) == 0
    capsys.readouterr()
    before = _tree(out)
    assert main(["synth", "--opportunities", "20", "--out", str(out), "--seed", "6"]) == 1
    assert "--force" in capsys.readouterr().err
    assert _tree(out) == before
    assert main(["synth", "--opportunities", "30", "--out", str(out), "--seed", "6", "--force"]) == 0
    assert len(_listings(out)) == 30
    with pytest.raises(SystemExit) as exc:
        main(["synth", "--opportunities", "0", "--out", str(tmp_path / "zero")])
    assert exc.value.code == 2


def test_pathways_are_a_handful_and_referenced(synth: Path, listings: list[dict]) -> None:
    pathways = {p.stem: _load(p) for p in sorted(synth.glob("pathways/*.yml"))}
    assert 5 <= len(pathways) <= 20
    names = [p["name"] for p in pathways.values()]
    assert len(set(names)) == len(names)
    referenced = {pid for x in listings for pid in x.get("pathways", [])}
    assert referenced and referenced <= set(pathways)
    for pathway in pathways.values():
        assert list(pathway["stages"]) == ["awareness", "exploration", "preparation", "training"]
        assert {o["title"] for o in pathway["occupations"]} and pathway["name"] not in {
            o["title"] for o in pathway["occupations"]
        }


def test_copies_the_bundled_vocabularies_and_rubric(synth: Path) -> None:
    for part in ("vocabularies", "rubrics"):
        names = sorted(p.name for p in (BUNDLED / part).glob("*.yml"))
        assert sorted(p.name for p in (synth / part).glob("*.yml")) == names
        assert all(filecmp.cmp(BUNDLED / part / n, synth / part / n, shallow=False) for n in names)


def test_a_statewide_catalog_of_five_regions_checks_and_spreads_its_listings(tmp_path: Path) -> None:
    from collections import Counter

    from generator.model import regions

    synthesize(tmp_path / "state", 600, seed=5, as_of=AS_OF, regions=5)
    checked = check_catalog(tmp_path / "state", as_of=AS_OF)
    assert checked.ok and not checked.problems, checked.failure_report()
    catalog = checked.catalog
    ids = regions.ids(catalog.vocabularies)
    assert len(ids) == 5 and ids[:2] == ("los-angeles", "inland-empire")  # the bundled catalog's first
    spread = Counter(r for o in catalog.opportunities.values() for r in regions.listing_regions(catalog, o))
    assert set(spread) == set(ids) and min(spread.values()) >= 30, spread
    with pytest.raises(ValueError, match="at most"):
        synthesize(tmp_path / "too-many", 10, seed=5, as_of=AS_OF, regions=50)
