"""`python -m generator new`: commented starter files that fail the check until every TODO is filled in."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, check_lines

from generator.check.schemas import read_schema
from generator.commands.cli import main
from generator.commands.new import RUN, schema_modeline

BUNDLED = ROOT / "catalog"
ORG = "kaiser-permanente-socal"
NEXT = "Fill in every TODO, then run: .venv/bin/python -m generator check "

# A placeholder is a value of TODO or YYYY-MM-DD, or an empty value marked `# TODO`.
PLACEHOLDER = re.compile(r"(?P<indent>\s*)(?P<dash>- )?(?:(?P<key>[a-z_]+):\s+)?(?:TODO|YYYY-MM-DD|# TODO)")

OPPORTUNITY_VALUES = {
    "title": "Radiology Summer Job Shadow",
    "summary": "Two weeks next to the imaging team of a hospital radiology department.",
    "description": "|\nStudents see how scans are done.\n\n- Meet imaging technologists",
    "employer_of_record": "self",
    "format": "job-shadow",
    "stage": "exploration",
    "-": "Health Science and Medical Technology",
    "type": "stipend",
    "amount": "500",
    "unit": "total",
    "min": "11",
    "max": "12",
    "how": "Apply online.",
    "url": "https://example.org/apply",
    "deadline": "2027-04-01",
    "name": "Los Angeles Medical Center",
    "city": "Los Angeles",
    "mode": "in-person",
    "role": "Summer internship program office",
    "email": "interns@example.org",
    "last_reviewed": "2026-11-20",
}
ORGANIZATION_VALUES = {
    "name": "Harbor Logistics Cooperative",
    "kind": "employer",
    "-": "Transportation",
    "summary": "A cooperative of freight companies at the port.",
    "description": "|\nHarbor Logistics moves goods through the port.",
    "website": "https://example.org/harbor-logistics",
    "city": "Long Beach",
    "role": "Youth programs office",
    "email": "youth@example.org",
    "own_placements": "true",
    "for_other_employers": "false",
    "last_reviewed": "2026-11-20",
}
PATHWAY_VALUES = {
    "name": "Water Careers",
    "sector": "Energy, Environment, and Utilities",
    "summary": "From classroom visits to a paid lab internship.",
    "description": "|\nStudents learn how clean water reaches every tap.",
    "kind": "wbl",
    "title": "Water Treatment Plant Operator",
    "last_reviewed": "2026-11-20",
}

KINDS = [
    pytest.param(
        ["opportunity", "--org", ORG, "radiology-shadow"],
        f"employers/{ORG}/radiology-shadow.yml",
        "opportunity",
        OPPORTUNITY_VALUES,
        id="opportunity",
    ),
    pytest.param(
        ["organization", "harbor-logistics"],
        "employers/harbor-logistics/organization.yml",
        "organization",
        ORGANIZATION_VALUES,
        id="organization",
    ),
    pytest.param(["pathway", "water-careers"], "pathways/water-careers.yml", "pathway", PATHWAY_VALUES, id="pathway"),
]


def make_small_catalog(dest: Path) -> Path:
    """A small copy of the bundled catalog at dest/catalog: vocabularies, rubrics, one pathway, one organization."""
    root = dest / "catalog"
    shutil.copytree(BUNDLED / "vocabularies", root / "vocabularies")
    shutil.copytree(BUNDLED / "rubrics", root / "rubrics")
    (root / "pathways").mkdir()
    shutil.copy(BUNDLED / "pathways" / "health-careers.yml", root / "pathways")
    (root / "employers" / ORG).mkdir(parents=True)
    shutil.copy(BUNDLED / "employers" / ORG / "organization.yml", root / "employers" / ORG)
    return root


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog_today) -> Path:
    """The small catalog at tmp_path/catalog, checking clean, with tmp_path as the current folder."""
    monkeypatch.chdir(tmp_path)
    root = make_small_catalog(tmp_path)
    assert check_lines(root) == []
    return root


SPANISH = (
    "# translations:",
    "#   es:",
    "#     title: Pasantía de verano en operaciones de almacén",
    "#     summary: Una frase sobre lo que hace el estudiante y por qué importa.",
)


def spanish(text: str) -> str:
    """text with the starter's commented Spanish title and summary made real, as its comment says."""
    block = "".join(line + "\n" for line in SPANISH)
    assert text.count(block) == 1
    return text.replace(block, "".join(line.replace("# ", "", 1) + "\n" for line in SPANISH))


def placeholder_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if PLACEHOLDER.fullmatch(line)]


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each placeholder with the value for its key (`-` for a list item); `|` values span lines."""
    out = []
    for line in text.splitlines():
        match = PLACEHOLDER.fullmatch(line)
        if not match:
            out.append(line)
            continue
        indent, dash, key = match["indent"], match["dash"] or "", match["key"]
        value = values[key or "-"]
        if value.startswith("|"):
            first, *rest = value.split("\n")
            inner = " " * (len(indent) + len(dash) + 2)
            value = first + "".join("\n" + (inner + part if part else "") for part in rest)
        out.append(f"{indent}{dash}{key}: {value}" if key else f"{indent}{dash}{value}")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(("argv", "relative", "kind", "values"), KINDS)
def test_starter_fails_once_per_placeholder_then_checks_clean(small: Path, capsys, argv, relative, kind, values) -> None:
    assert main(["new", *argv]) == 0
    target = small / relative
    shown = f"catalog/{relative}"
    assert capsys.readouterr().out.splitlines() == [f"Wrote {shown}", NEXT + shown]

    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../{'../' * relative.count('/')}schemas/{kind}.schema.json\n")
    placeholders = placeholder_lines(text)
    assert len(placeholders) >= 7
    problems = check_lines(small)
    # Every problem is an error in the new file, one on each placeholder line, and nothing else.
    assert [line.split(":")[0] for line in problems] == [shown] * len(placeholders)
    assert [int(line.split(":")[1]) for line in problems] == placeholders
    assert all(": error: " in line for line in problems)

    filled = fill(text, values)
    target.write_text(spanish(filled) if kind == "opportunity" else filled, encoding="utf-8")
    assert placeholder_lines(target.read_text(encoding="utf-8")) == []
    assert check_lines(small) == []


def test_opportunity_starter_messages(small: Path) -> None:
    assert main(["new", "opportunity", "--org", ORG, "radiology-shadow"]) == 0
    shown = f"catalog/employers/{ORG}/radiology-shadow.yml"
    lines = (small / "employers" / ORG / "radiology-shadow.yml").read_text(encoding="utf-8").splitlines()

    def at(text: str) -> int:
        return lines.index(text) + 1

    problems = check_lines(small)
    assert len(problems) == 21
    assert f"{shown}:{at('title:  # TODO')}:7: error: `title` is empty. Fill in text." in problems
    assert (
        f"{shown}:{at('  email: TODO')}:10: error: `contact.email` is not a valid email address. "
        "Use a role address such as internships@example.org, with nothing else on the line."
    ) in problems
    assert (
        f"{shown}:{at('last_reviewed: YYYY-MM-DD')}:16: error: `last_reviewed` is not a date written YYYY-MM-DD. "
        "Write the date like 2027-03-15."
    ) in problems
    assert (
        f"{shown}:{at('stage: TODO')}:8: error: `stage` has the value `TODO`, which is not allowed here. "
        "Use one of: `awareness`, `exploration`, `preparation`, `training`."
    ) in problems
    assert (
        f"{shown}:{at('  amount: TODO')}:11: error: `pay.amount` should be a number, not the text `TODO`. "
        "Write a number only, in digits, such as 18.5, or remove the line."
    ) in problems


def uncomment(text: str, line: str) -> str:
    """text with the commented-out line `line` (written `#   key: value` in the starter) made a real one."""
    assert text.count(line + "\n") == 1, line
    return text.replace(line + "\n", line.replace("#   ", "", 1) + "\n")


def drop(text: str, line: str) -> str:
    assert text.count(line + "\n") == 1, line
    return text.replace(line + "\n", "")


def test_opportunity_starter_followed_for_a_free_online_class_talk_by_age_checks_clean(small: Path) -> None:
    """A writer follows the starter's own comments for a free online career talk that a teacher registers a
    class for, open by age: no amount, no employer of record, ages instead of grades, no city, a time of day."""
    assert main(["new", "opportunity", "--org", ORG, "nursing-career-talk"]) == 0
    target = small / "employers" / ORG / "nursing-career-talk.yml"
    text = target.read_text(encoding="utf-8")
    for line in ("  amount: TODO", "  unit: TODO", "employer_of_record: TODO", "    city:  # TODO"):
        text = drop(text, line)
    grades = "  grades:\n    min: TODO\n    max: TODO\n"
    assert text.count(grades) == 1
    text = text.replace(grades, "")
    for line in ("  #   age: {min: 16, max: 24}", "  #   mode: class-registration"):
        text = uncomment(text, line)
    text = text.replace("  age: {min: 16, max: 24}\n", "  age: {min: 11, max: 14}\n")
    text = drop(text, "  #   status: [out-of-school]")
    schedule = [
        "# schedule:",
        "#   start: 2027-02-10",
        "#   end: 2027-02-10",
        '#   from: "09:00"',
        '#   to: "10:00"',
        "#   days: [wed]",
    ]
    for line in schedule:
        assert text.count(line + "\n") == 1, line
        text = text.replace(line + "\n", line.replace("# ", "", 1) + "\n")
    values = {
        **OPPORTUNITY_VALUES,
        "title": "Nursing Careers Virtual Classroom Talk",
        "summary": "A one-hour online talk with a nurse about careers in hospital nursing.",
        "format": "career-talk",
        "stage": "awareness",
        "type": "free",
        "how": "A teacher registers the class online.",
        "deadline": "2027-02-01",
        "name": "Online",
        "mode": "remote",
    }
    target.write_text(spanish(fill(text, values)), encoding="utf-8")
    written = target.read_text(encoding="utf-8")
    assert placeholder_lines(written) == []
    assert "\n  type: free\n" in written and "\n  age: {min: 11, max: 14}\n" in written
    assert "\n  mode: class-registration\n" in written and "\nschedule:\n  start: 2027-02-10\n" in written
    eligibility = written.split("\neligibility:\n")[1].split("\n\n")[0].splitlines()
    assert [line for line in eligibility if not line.lstrip().startswith("#")] == ["  age: {min: 11, max: 14}"]
    assert check_lines(small) == []


def test_opportunity_starter_lists_vocabulary_choices(small: Path) -> None:
    assert main(["new", "opportunity", "--org", ORG, "radiology-shadow"]) == 0
    text = (small / "employers" / ORG / "radiology-shadow.yml").read_text(encoding="utf-8")
    assert "#   job-shadow (Job shadow)\n" in text
    assert "#   Health Science and Medical Technology\n" in text
    assert "# Whether students are paid: paid, stipend, unpaid, free or fee.\n" in text
    modes = read_schema("opportunity")["properties"]["application"]["properties"]["mode"]["enum"]
    assert "class-registration" in modes
    assert f"  # applying to you. One of: {', '.join(modes[:-1])} or {modes[-1]}.\n" in text


def test_modeline_points_at_the_schema_in_the_repository(small: Path) -> None:
    for argv, relative in (
        (["pathway", "water-careers"], "pathways/water-careers.yml"),
        (["organization", "harbor-logistics"], "employers/harbor-logistics/organization.yml"),
    ):
        assert main(["new", *argv]) == 0
        first = (small / relative).read_text(encoding="utf-8").splitlines()[0]
        schema = first.split("$schema=", 1)[1]
        # The same relative path, from the same place in the real repository, names a real schema.
        assert (BUNDLED / relative).parent.joinpath(schema).resolve().is_file()


def test_existing_file_is_refused_and_force_replaces_it(small: Path, capsys) -> None:
    target = small / "pathways" / "health-careers.yml"
    before = target.read_text(encoding="utf-8")
    assert main(["new", "pathway", "health-careers"]) == 1
    assert capsys.readouterr().err == (
        "new: error: catalog/pathways/health-careers.yml already exists. Edit it, or run the command again "
        "with --force to replace it with a new starter file.\n"
    )
    assert target.read_text(encoding="utf-8") == before

    assert main(["new", "pathway", "health-careers", "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schemas/pathway.schema.json\n")
    assert "name:  # TODO\n" in target.read_text(encoding="utf-8")


def test_existing_organization_is_refused(small: Path, capsys) -> None:
    assert main(["new", "organization", ORG]) == 1
    assert f"catalog/employers/{ORG}/organization.yml already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["pathway", "Water_Careers"],
            "`Water_Careers` is not a valid pathway id. Use lowercase letters, digits and single "
            "hyphens. Did you mean `water-careers`?",
        ),
        (
            ["organization", "Crème Brûlée Café"],
            "`Crème Brûlée Café` is not a valid organization id. Use lowercase "
            "letters, digits and single hyphens. Did you mean `creme-brulee-cafe`?",
        ),
        (
            ["opportunity", "--org", ORG, "../../etc"],
            "`../../etc` is not a valid opportunity id. Use lowercase letters, digits and single hyphens. Did you mean `etc`?",
        ),
        (
            ["opportunity", "--org", "/abs", "x"],
            "`/abs` is not a valid organization id. Use lowercase letters, digits and single hyphens. Did you mean `abs`?",
        ),
        (
            ["pathway", "___"],
            "`___` is not a valid pathway id. Use lowercase letters, digits and single hyphens. For example: summer-internship.",
        ),
        (["pathway", "a" * 61], "The pathway id is longer than 60 characters. Choose a shorter one."),
        (
            ["opportunity", "--org", ORG, "organization"],
            "`organization` is reserved for the organization's profile. Choose another opportunity id.",
        ),
        (
            ["organization", "page"],
            "`page` is taken by the site's own addresses (such as /employers/page/2/). Choose another organization id.",
        ),
    ],
)
def test_bad_id_gets_a_suggestion_and_exit_2(small: Path, capsys, argv, message) -> None:
    before = sorted(p.relative_to(small) for p in small.rglob("*"))
    assert main(["new", *argv]) == 2
    assert capsys.readouterr().err == f"new: error: {message}\n"
    assert sorted(p.relative_to(small) for p in small.rglob("*")) == before


@pytest.mark.parametrize("with_folder", [False, True], ids=["no-folder", "folder-without-profile"])
def test_opportunity_needs_its_organization(small: Path, capsys, with_folder: bool) -> None:
    if with_folder:
        (small / "employers" / "harbor-logistics").mkdir()
    assert main(["new", "opportunity", "--org", "harbor-logistics", "warehouse-internship"]) == 1
    assert capsys.readouterr().err == (
        "new: error: the organization `harbor-logistics` is not in the catalog yet "
        "(catalog/employers/harbor-logistics/organization.yml does not exist). "
        "Create it first with: .venv/bin/python -m generator new organization harbor-logistics\n"
    )
    assert not (small / "employers" / "harbor-logistics" / "warehouse-internship.yml").exists()


def test_missing_catalog_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "pathway", "water-careers"]) == 2
    assert capsys.readouterr().err == (
        "new: error: the catalog folder `catalog` does not exist. "
        "Run the command from the project's root folder, or pass --catalog DIR\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_catalog_option_with_another_folder_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, catalog_today) -> None:
    monkeypatch.chdir(tmp_path)
    make_small_catalog(tmp_path).rename(tmp_path / "listings")
    assert main(["new", "organization", "harbor-logistics", "--catalog", "listings"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Wrote listings/employers/harbor-logistics/organization.yml",
        NEXT + "listings/employers/harbor-logistics/organization.yml --catalog listings",
    ]
    assert main(["new", "opportunity", "--org", "nowhere", "x", "--catalog", "listings"]) == 1
    assert capsys.readouterr().err.endswith(
        "Create it first with: .venv/bin/python -m generator new organization nowhere --catalog listings\n"
    )
    # The printed check command works as printed.
    code = main(["check", "listings/employers/harbor-logistics/organization.yml", "--catalog", "listings"])
    assert code == 1
    assert "listings/employers/harbor-logistics/organization.yml:" in capsys.readouterr().out


def test_usage_errors_exit_2(small: Path) -> None:
    for argv in (["new"], ["new", "opportunity", "x"], ["new", "job", "x"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2


def test_command_line_wiring(tmp_path: Path) -> None:
    make_small_catalog(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CATALOG_TODAY": "2026-11-22"}
    run = subprocess.run(
        [sys.executable, "-m", "generator", "new", "opportunity", "--org", ORG, "radiology-shadow"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    shown = f"catalog/employers/{ORG}/radiology-shadow.yml"
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [f"Wrote {shown}", NEXT + shown]
    assert (tmp_path / shown).read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


# -- the reference file and the printed commands ----------------------------------------

REFERENCE = ROOT / "docs" / "reference-opportunity.yml"


def test_reference_file_copied_as_documented_checks_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog_today) -> None:
    """README "Add an opportunity": copy the reference to catalog/employers/<org>/<id>.yml, change `example`
    and `title` as its comments say; the copy checks clean, first line included."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root)
    assert check_lines(root) == []
    text = REFERENCE.read_text(encoding="utf-8")
    assert "\nexample: true\n" in text and "\ntitle: Summer Health Careers Internship\n" in text
    filled = text.replace("\nexample: true\n", "\nexample: false\n").replace(
        "\ntitle: Summer Health Careers Internship\n", "\ntitle: Pharmacy Summer Internship\n"
    )
    target = root / "employers" / ORG / "pharmacy-summer-internship.yml"
    target.write_text(filled, encoding="utf-8")
    assert check_lines(root) == []
    # Its first line is the one `new` writes there, and it leads to the schema from that folder in the repository.
    first = text.splitlines()[0]
    assert first == schema_modeline("opportunity", target, root)
    assert (BUNDLED / "employers" / ORG).joinpath(
        first.split("$schema=", 1)[1]
    ).resolve() == ROOT / "schemas" / "opportunity.schema.json"


def test_reference_file_names_an_intermediary_of_the_bundled_catalog() -> None:
    intermediary = re.search(r"^intermediary: (\S+)$", REFERENCE.read_text(encoding="utf-8"), re.MULTILINE)
    assert intermediary and (BUNDLED / "employers" / intermediary[1] / "organization.yml").is_file()


def test_printed_commands_use_the_project_environment(small: Path, capsys) -> None:
    """Every command printed for someone to run is the one that works after the README's setup."""
    assert RUN == ".venv/bin/python -m generator"
    assert f"{RUN} check" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert main(["new", "organization", "harbor-logistics"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == f"Fill in every TODO, then run: {RUN} check catalog/employers/harbor-logistics/organization.yml"
    )
    text = (small / "employers/harbor-logistics/organization.yml").read_text(encoding="utf-8")
    assert f"#   {RUN} new opportunity --org harbor-logistics <opportunity-id>\n" in text
    assert f"#   {RUN} check catalog/employers/harbor-logistics/organization.yml\n" in text
    assert "python -m generator" not in text.replace(RUN, "")


def test_opportunity_starter_followed_for_a_county_summer_jobs_lottery_checks_clean(small: Path) -> None:
    """A writer follows the starter's comments for a county summer-jobs lottery run through youth-services
    providers: `provider` as employer of record with a note, a lottery with its results date and a waitlist,
    and worksites spread across areas instead of a city."""
    assert main(["new", "opportunity", "--org", ORG, "summer-jobs-lottery"]) == 0
    target = small / "employers" / ORG / "summer-jobs-lottery.yml"
    text = target.read_text(encoding="utf-8")
    # The areas a site can be in, four a line; not the online one.
    assert (
        "\n    #     central-la, east-la, south-la, southeast-la\n" in text
        and "antelope-valley" in text
        and "moreno-valley-temecula" in text
    )
    assert ", online" not in text and "#     online" not in text
    for line in (
        "#   employer_of_record_note: Your provider is named in your acceptance letter.",
        "  #   mode: class-registration",
        "  #   results_by: YYYY-MM-DD",
        "  #   waitlist: true",
        "    #   across: [east-la, san-gabriel-valley]",
    ):
        text = uncomment(text, line)
    text = drop(text, "    city:  # TODO").replace("  mode: class-registration\n", "  mode: lottery\n")
    values = {
        **OPPORTUNITY_VALUES,
        "title": "County Summer Youth Jobs",
        "summary": "Six weeks of paid summer work at a county park, library or nonprofit, with places drawn by lottery.",
        "employer_of_record": "provider",
        "format": "summer-youth-employment",
        "stage": "preparation",
        "type": "paid",
        "amount": "17.28",
        "unit": "hour",
        "min": "9",
        "how": "Apply online; the lottery draws places among complete applications.",
        "deadline": "2027-03-15",
        "results_by": "2027-04-01",
        "name": "County parks, libraries and partner nonprofits",
    }
    target.write_text(spanish(fill(text, values)), encoding="utf-8")
    written = target.read_text(encoding="utf-8")
    assert placeholder_lines(written) == []
    assert "\nemployer_of_record: provider\n" in written and "\nemployer_of_record_note: Your provider" in written
    assert "\n  results_by: 2027-04-01\n  waitlist: true\n" in written and "\n  mode: lottery\n" in written
    assert "\n    across: [east-la, san-gabriel-valley]\n" in written and "\n    city:" not in written
    assert check_lines(small) == []
