"""Every problem code the checker can report, each shown by one realistic mistake.

The codes are read from the generator's source (`written_codes`), so a new code without a case here fails
`test_every_code_has_a_case`, naming the code and where it is written. Each case makes one mistake in a copy of
the minimal catalog (tests/fixtures/minimal) and expects a problem with exactly that code and severity at the
file and line where the fix goes.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import struct
import subprocess
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, FIXTURES, ROOT, copy_fixture, edit, use_cached_validators

import generator.check.load
from generator.check.messages import PATTERN_TEXT
from generator.check.schemas import KINDS, bundle
from generator.model.checked import check_catalog

GENERATOR = ROOT / "generator"
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Calls that take a problem code positionally: the callee's name and the code's index among its arguments.
CODE_ARGUMENT = {
    "Problem": 4,  # Problem(path, line, col, severity, code, what, fix)
    "add": 2,  # Rules.add(record, path, code, what, fix)
    "_problem": 1,  # discover._problem(path, code, what, fix)
    "stop": 1,  # the YAML builder's stop(node, code, what, fix)
}
# Codes written as f-strings, with every code each one can give. `bad-{name}` is one per shared definition
# in messages.PATTERN_TEXT except `https_url` (answered before, as bad-https-url) and `markdown` (its
# minLength and its `\S` pattern fail only for blank text, answered before, as blank).
# `schema-{f.kind}` (and `schema-{self.kind}`, the default of _Failure.at) is the fallback for a schema keyword that has no code of its own; the schemas use none
# (test_schemas_use_only_keywords_with_a_code), so it cannot be reported today.
BUILT_CODES: dict[str, tuple[str, ...]] = {
    "bad-{name.replace('_', '-')}": (
        "bad-line",
        "bad-date",
        "bad-email",
        "bad-phone",
        "bad-zip",
        "bad-id",
        "bad-catalog-id",
        "bad-time-of-day",
        "bad-zip-range",
    ),
    "schema-{f.kind}": (),
    "schema-{self.kind}": (),
}
BUILT_UNREACHABLE = {"bad-https-url", "bad-markdown"}

LISTING = "employers/acme/welding-intern.yml"
ORGANIZATION = "employers/acme/organization.yml"
PATHWAY = "pathways/manufacturing.yml"
RUBRIC = "rubrics/key-distinguishers.yml"
SEASONS = "vocabularies/seasons.yml"
RETIRED = "retired.yml"
BASE = (FIXTURES / "minimal" / LISTING).read_text(encoding="utf-8")


# -- the codes written in the generator -------------------------------------------------------------


def _code_texts(node: ast.expr) -> Iterator[str]:
    """The literal texts an expression passed as a code can be: constants, and f-strings as written."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        yield ast.unparse(node)[2:-1]
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _code_texts(value)
    elif isinstance(node, ast.IfExp):
        yield from _code_texts(node.body)
        yield from _code_texts(node.orelse)


def _code_arguments(call: ast.Call) -> Iterator[ast.expr]:
    for keyword in call.keywords:
        if keyword.arg == "code":
            yield keyword.value
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name not in CODE_ARGUMENT:
        return
    args = call.args
    index = CODE_ARGUMENT[name]
    if name == "Problem":  # `Problem(path, *where, "error", code, ...)`: the code follows the severity
        severity = next((i for i, a in enumerate(args) if isinstance(a, ast.Constant) and a.value in ("error", "warning")), None)
        index = index if severity is None else severity + 1
    elif any(isinstance(a, ast.Starred) for a in args[: index + 1]):
        return  # `self.add(record, path, *problem)`: the code comes from a (code, what, fix) function
    if index < len(args):
        yield args[index]


def _returned_codes(function: ast.FunctionDef) -> Iterator[ast.expr]:
    """The first item of each tuple returned by a function documented to return `(code, what, fix)`."""
    if not (ast.get_docstring(function) or "").startswith("(code,"):
        return
    for node in ast.walk(function):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and node.value.elts:
            yield node.value.elts[0]


@functools.cache
def written_codes() -> dict[str, list[str]]:
    """Every problem code written in generator/ (f-strings as written), with the places it is written."""
    found: dict[str, list[str]] = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                exprs = list(_code_arguments(node))
            elif isinstance(node, ast.FunctionDef):
                exprs = list(_returned_codes(node))
            else:
                continue
            for expr in exprs:
                for text in _code_texts(expr):
                    found.setdefault(text, []).append(f"{path.relative_to(ROOT).as_posix()}:{expr.lineno}")
    return found


# -- ways to make a mistake ---------------------------------------------------------------------------

Make = Callable[[Path], None]


# One region, in block style so each key has its own line (the hub's keys start on line 6).
REGION = "items:\n  - id: los-angeles\n    name: Los Angeles\n    name_es: Los Ángeles\n    counties: [Los Angeles]\n"


def replace(file: str, old: str, new: str) -> Make:
    return lambda root: edit(root / file, old, new)


def append(file: str, text: str) -> Make:
    def make(root: Path) -> None:
        with (root / file).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return make


def write(file: str, content: str | bytes) -> Make:
    def make(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return make


def listing(old: str, new: str) -> Make:
    return replace(LISTING, old, new)


def png() -> bytes:
    """A real 2x2 grey PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\x80\x80" * 2)) + chunk(b"IEND", b"")


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=60,
    )


def committed(root: Path) -> None:
    """The catalog's folder as a git repository with everything committed."""
    git(root.parent, "init", "-q")
    git(root.parent, "add", "-A")
    git(root.parent, "commit", "-qm", "Catalog")


def deleted_after_commit(root: Path) -> None:
    committed(root)
    (root / LISTING).unlink()


def renamed_catalog(root: Path) -> None:
    root.rename(root.parent / "Catalog")


def named_pipe(root: Path) -> None:
    os.mkfifo(root / "employers/acme/applicants.yml")


def symlinked_copy(root: Path) -> None:
    (root / "employers/acme/welding-intern-fall.yml").symlink_to("welding-intern.yml")


def removed(file: str) -> Make:
    return lambda root: (root / file).unlink()


FORMER = "former_ids:\n  - {}\n"
DESCRIPTION = "description: |\n  Interns learn to weld.\n"
SITE = '  - name: Main shop\n    city: Long Beach\n    zip: "90802"\n    mode: in-person\n'
ASSESSMENT = "    partnerships:\n      level: developing\n      evidence: Two schools refer students.\n"
DATES = 'opens: "2027-01-05"\n  deadline: "2027-03-15"'
GRADES = "    min: 11\n    max: 12\n"
SECTORS = "sectors:\n  - Manufacturing and Product Development\n"
MORE_SECTORS = "".join(
    f"  - id: {ident}\n    name: {name}\n    name_es: {name}\n"
    for ident, name in (
        ("agriculture-and-natural-resources", "Agriculture and Natural Resources"),
        ("building-and-construction-trades", "Building and Construction Trades"),
        ("energy-environment-and-utilities", "Energy, Environment, and Utilities"),
    )
)


@dataclass(frozen=True)
class Case:
    code: str
    mistake: str  # what the contributor or maintainer did, in words
    path: str  # inside the catalog, where the problem is reported ("" for the catalog folder itself)
    line: int
    make: tuple[Make, ...]
    severity: str = "error"
    against: str | None = None  # check_catalog's `against`, for the git comparison
    after_listing: Make | None = None  # happens after the checker lists the files and before it reads them


def case(code: str, mistake: str, path: str, line: int, *make: Make, **extra: Any) -> Any:
    return pytest.param(Case(code, mistake, path, line, make, **extra), id=f"{code}: {mistake}")


CASES = [
    # -- files and folders --
    case("no-catalog", "the catalog folder renamed to Catalog", "", 1, renamed_catalog),
    case(
        "missing-vocabulary",
        "seasons.yml deleted as if unused",
        "vocabularies/seasons.yml",
        1,
        removed("vocabularies/seasons.yml"),
    ),
    case(
        "missing-organization",
        "a new organization's listing added without its profile",
        "employers/harbor-logistics/organization.yml",
        1,
        write("employers/harbor-logistics/warehouse-internship.yml", BASE),
    ),
    case(
        "reserved-id",
        "an organization called Page given the folder page/",
        "employers/page",
        1,
        write("employers/page/organization.yml", (FIXTURES / "minimal" / ORGANIZATION).read_text(encoding="utf-8")),
    ),
    case(
        "reserved-id",
        "an organization folder named like the build's own temporary pages",
        "employers/wbl-shell-011",
        1,
        write("employers/wbl-shell-011/organization.yml", (FIXTURES / "minimal" / ORGANIZATION).read_text(encoding="utf-8")),
    ),
    case(
        "bad-id",
        "a listing saved under its title as the file name",
        "employers/acme/Summer Internship.yml",
        1,
        write("employers/acme/Summer Internship.yml", BASE),
    ),
    case(
        "extension",
        "a listing saved as .yaml",
        "employers/acme/spring-internship.yaml",
        1,
        write("employers/acme/spring-internship.yaml", BASE),
    ),
    case(
        "unexpected-file",
        "the printed flyer put next to the listing",
        "employers/acme/flyer.pdf",
        1,
        write("employers/acme/flyer.pdf", b"%PDF-1.7\n"),
    ),
    case(
        "unexpected-folder",
        "a folder of photos put in the organization's folder",
        "employers/acme/photos",
        1,
        write("employers/acme/photos/shop.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0"),
    ),
    case(
        "hidden-file",
        "macOS Finder's .DS_Store copied along",
        "employers/acme/.DS_Store",
        1,
        write("employers/acme/.DS_Store", b"\0\0\0\1Bud1"),
    ),
    case(
        "symlink", "a fall listing made as a link to the summer one", "employers/acme/welding-intern-fall.yml", 1, symlinked_copy
    ),
    case("not-a-file", "a named pipe left by a script (mkfifo)", "employers/acme/applicants.yml", 1, named_pipe),
    case(
        "unreadable",
        "the listing removed by an editor saving it while the check runs",
        LISTING,
        1,
        after_listing=removed(LISTING),
    ),
    case(
        "file-too-large",
        "a whole handbook pasted into the description",
        LISTING,
        1,
        listing(DESCRIPTION, DESCRIPTION + "  Safety first.\n" * 20_000),
    ),
    case(
        "bad-logo",
        "a JPEG photo renamed to logo.png",
        "employers/acme/logo.png",
        1,
        write("employers/acme/logo.png", b"\xff\xd8\xff\xe0\0\x10JFIF\0\1"),
    ),
    case(
        "two-logos",
        "an SVG logo added next to the PNG one",
        "employers/acme/logo.svg",
        1,
        write("employers/acme/logo.png", png()),
        write("employers/acme/logo.svg", SVG),
    ),
    case(
        "missing-logo",
        "`logo: logo.png` written but the file not added",
        ORGANIZATION,
        18,
        append(ORGANIZATION, "logo: logo.png\n"),
    ),
    # -- bytes and text --
    case(
        "encoding",
        "a Spanish title saved in Windows-1252",
        LISTING,
        2,
        write(LISTING, BASE.replace("Welding Internship", "Pasantía de soldadura").encode("cp1252")),
    ),
    case(
        "empty-file",
        "a new file committed before it was filled in",
        "employers/acme/spring-internship.yml",
        1,
        write("employers/acme/spring-internship.yml", ""),
    ),
    case(
        "top-level",
        "a job ad pasted as plain text into a new file",
        "employers/acme/spring-internship.yml",
        1,
        write("employers/acme/spring-internship.yml", "Spring internship for grades 11 and 12, apply by March.\n"),
    ),
    case("yaml-tab", "an indentation typed with the Tab key", LISTING, 14, listing("  type: paid", "\ttype: paid")),
    case(
        "control-character",
        "a line separator (U+2028) pasted into the description",
        LISTING,
        5,
        listing("  Interns learn to weld.", "  Interns learn to weld.\u2028Bring boots."),
    ),
    case(
        "control-character",
        "a page break (form feed) pasted from a word processor",
        LISTING,
        5,
        listing("  Interns learn to weld.", "  Interns learn to weld.\x0c"),
    ),
    case(
        "control-character",
        "a bell escape written in a quoted description",
        LISTING,
        4,
        listing(DESCRIPTION, 'description: "Interns learn to weld.\\a"\n'),
    ),
    case(
        "yaml-depth",
        "deeply nested JSON pasted into the description",
        LISTING,
        1,
        listing(DESCRIPTION, DESCRIPTION + "  " + '{"a": [' * 51 + "]}" * 51 + "\n"),
    ),
    case(
        "yaml-size",
        "zips exported from a spreadsheet column, each of 50,001 empty cells as 0",
        "vocabularies/areas.yml",
        12,
        append("vocabularies/areas.yml", "    zips: [" + "0," * 50_001 + "]\n"),
    ),
    case(
        "yaml-syntax",
        "a summary with `: ` in it",
        LISTING,
        3,
        listing("summary: A paid summer internship in a welding shop.", "summary: Pay: $18.50 an hour."),
    ),
    case(
        "yaml-documents",
        "a second listing written after `---` in the same file",
        LISTING,
        51,
        append(LISTING, "---\n" + BASE.replace("Welding Internship", "Welding Apprenticeship")),
    ),
    case(
        "yaml-duplicate-key",
        "a new title added at the end, the old one kept",
        LISTING,
        51,
        append(LISTING, "title: Summer Welding Internship\n"),
    ),
    case(
        "yaml-key",
        "rubric descriptors numbered 1 and 2 instead of named by level",
        RUBRIC,
        14,
        replace(RUBRIC, "      emerging: One partner.\n      developing:", "      1: One partner.\n      2:"),
    ),
    case(
        "yaml-alias",
        "a second site written as an alias of the first",
        LISTING,
        39,
        listing(SITE, SITE.replace("  - name:", "  - &main-shop\n    name:") + "  - *main-shop\n"),
    ),
    case(
        "yaml-merge",
        "a second site merged from the first with `<<`",
        LISTING,
        39,
        listing(SITE, SITE.replace("  - name:", "  - &main-shop\n    name:") + "  - <<: *main-shop\n    name: North shop\n"),
    ),
    case(
        "yaml-tag",
        "the deadline tagged !!timestamp",
        LISTING,
        32,
        listing('deadline: "2027-03-15"', "deadline: !!timestamp 2027-03-15"),
    ),
    case(
        "yaml-flow-comma",
        "evidence with a comma written inside `{ }`",
        LISTING,
        44,
        listing(
            ASSESSMENT, "    partnerships: {level: developing, evidence: Two schools refer students, with signed agreements.}\n"
        ),
    ),
    case(
        "bad-escape",
        "an emoji pasted as a JSON escape",
        LISTING,
        2,
        listing("title: Welding Internship", 'title: "Welding Internship \\ud83d\\udd25"'),
    ),
    case(
        "number-too-large",
        "`seats` set to a huge number to mean no limit",
        LISTING,
        51,
        append(LISTING, "seats: 10000000000000000\n"),
    ),
    # -- schema --
    case("unknown-key", "`title` misspelt `titel`", LISTING, 2, listing("title:", "titel:")),
    case("missing-key", "the title line deleted", LISTING, 1, listing("title: Welding Internship\n", "")),
    case(
        "empty-value",
        "the summary left empty",
        LISTING,
        3,
        listing("summary: A paid summer internship in a welding shop.", "summary:"),
    ),
    case("blank", 'the title left as ""', LISTING, 2, listing("title: Welding Internship", 'title: ""')),
    case(
        "blank",
        "a blank Braille character typed to fill the contact role",
        LISTING,
        39,
        listing("role: Internship office", "role: \u2800"),
    ),
    case("wrong-type", "`work_permit: yes`", LISTING, 23, listing("work_permit: true", "work_permit: yes")),
    case(
        "not-allowed",
        "the sector shortened to Manufacturing",
        LISTING,
        10,
        listing("  - Manufacturing and Product Development", "  - Manufacturing"),
    ),
    case("too-few", "the sectors emptied to `[]`", LISTING, 9, listing(SECTORS, "sectors: []\n")),
    case(
        "too-many",
        "five sectors listed",
        LISTING,
        10,
        append("vocabularies/sectors.yml", MORE_SECTORS),
        listing(
            SECTORS,
            SECTORS
            + "".join(
                f"  - {name}\n"
                for name in (
                    "Health Science and Medical Technology",
                    "Agriculture and Natural Resources",
                    "Building and Construction Trades",
                    "Energy, Environment, and Utilities",
                )
            ),
        ),
    ),
    case(
        "duplicate-item",
        "the same sector listed twice",
        LISTING,
        10,
        listing(SECTORS, SECTORS + "  - Manufacturing and Product Development\n"),
    ),
    case(
        "too-long",
        "a whole paragraph pasted into the summary",
        LISTING,
        3,
        listing("summary: A paid", "summary: " + "A paid " * 80),
    ),
    case("too-small", "grade 5 given as the lowest grade", LISTING, 19, listing(GRADES, GRADES.replace("11", "5"))),
    case(
        "too-large",
        "the program's total hours written as hours per week",
        LISTING,
        26,
        listing("  season: summer\n", "  season: summer\n  hours_per_week: 120\n"),
    ),
    case(
        "bad-line",
        "a zero-width space pasted into the contact role",
        LISTING,
        39,
        listing("role: Internship office", "role: Internship\u200b office"),
    ),
    case(
        "bad-date",
        "the date written the US way",
        LISTING,
        50,
        listing('last_reviewed: "2026-10-15"', 'last_reviewed: "10/15/2026"'),
    ),
    case("bad-https-url", "an http:// address", LISTING, 30, listing("url: https://", "url: http://")),
    case("bad-email", "the email written with mailto:", LISTING, 40, listing("email: interns@", "email: mailto:interns@")),
    case(
        "curly-quotes",
        "a value in the curly quotes a word processor types",
        LISTING,
        49,
        listing("status: open", "status: \u201copen\u201d"),
    ),
    case(
        "missing-translation",
        "a real listing given in English only",
        LISTING,
        2,
        listing("example: true", "example: false"),
        severity="warning",
    ),
    case(
        "personal-email",
        "a contact address at a free email provider",
        LISTING,
        40,
        listing("email: interns@example.org", "email: jdoe@gmail.com"),
        severity="warning",
    ),
    case(
        "bad-phone",
        "a phone number with its extension in words",
        LISTING,
        41,
        listing("  email: interns@example.org\n", "  email: interns@example.org\n  phone: (562) 555-0100 ext. 12\n"),
    ),
    case(
        "bad-time-of-day",
        "a start time written the way people say it",
        LISTING,
        26,
        listing("  season: summer\n", '  season: summer\n  from: "9am"\n  to: "17:00"\n'),
    ),
    case("bad-zip", "a ZIP+4 code cut short", LISTING, 36, listing('zip: "90802"', 'zip: "90802-12"')),
    case("outside-region", "a New York ZIP code", LISTING, 36, listing('zip: "90802"', 'zip: "10001"')),
    case(
        "across-with-address",
        "worksites across areas that keep one city",
        LISTING,
        35,
        listing('    zip: "90802"\n', "    across: [south-bay-harbor]\n"),
    ),
    case(
        "across-remote",
        "video sessions said to be across the region",
        LISTING,
        35,
        listing('    city: Long Beach\n    zip: "90802"\n    mode: in-person', "    across: region\n    mode: remote"),
    ),
    case(
        "across-not-a-place",
        "worksites across the online area",
        LISTING,
        35,
        listing('    city: Long Beach\n    zip: "90802"\n', "    across: [south-bay-harbor, online]\n"),
    ),
    case(
        "missing-region",
        "a second region while the areas name none",
        "vocabularies/areas.yml",
        2,
        write(
            "vocabularies/regions.yml",
            "items:\n  - {id: los-angeles, name: Los Angeles, name_es: Los Ángeles, counties: [Los Angeles]}\n"
            "  - {id: inland-empire, name: Inland Empire, name_es: Inland Empire, counties: [Riverside]}\n",
        ),
    ),
    case(
        "hub-twice",
        "a region's hub named as an organization and by name",
        "vocabularies/regions.yml",
        7,
        write(
            "vocabularies/regions.yml", REGION + "    hub: acme\n    hub_name: Acme Hub\n    hub_url: https://example.org/hub\n"
        ),
    ),
    case(
        "hub-incomplete",
        "a region's hub named without its page",
        "vocabularies/regions.yml",
        6,
        write("vocabularies/regions.yml", REGION + "    hub_name: Harbor Career Hub\n"),
    ),
    case(
        "bad-zip-range",
        "a ZIP range with a digit missing",
        "vocabularies/regions.yml",
        6,
        write("vocabularies/regions.yml", REGION + '    zip_ranges: ["9080-90899"]\n'),
    ),
    case(
        "zip-outside-region",
        "an area's ZIP code outside its region's ranges",
        "vocabularies/areas.yml",
        8,
        write("vocabularies/regions.yml", REGION + '    zip_ranges: ["91000-91999"]\n'),
    ),
    case("bad-id", "a pathway named by its title", LISTING, 12, listing("  - manufacturing", "  - Manufacturing")),
    case("bad-catalog-id", "a former id without its organization", LISTING, 52, append(LISTING, FORMER.format("welding-intern"))),
    case(
        "bad-soc", "an O*NET code in place of the SOC code", PATHWAY, 36, replace(PATHWAY, 'soc: "51-4121"', 'soc: "51-4121.00"')
    ),
    case(
        "bad-reference",
        "the employer of record written as a name",
        LISTING,
        6,
        listing("employer_of_record: self", "employer_of_record: Acme Staffing"),
    ),
    # -- rules across files --
    case(
        "hidden-character",
        "a summary pasted from a PDF with a noncharacter (U+FDEF) at its end",
        LISTING,
        3,
        listing("in a welding shop.", "in a welding shop.\ufdef"),
    ),
    case(
        "stacked-marks",
        "a title decorated with stacked accents",
        LISTING,
        2,
        listing("title: Welding", "title: We" + "\u0301" * 6 + "lding"),
    ),
    case(
        "bad-https-url",
        "an intranet address that only opens in the office",
        LISTING,
        30,
        listing("url: https://example.org/apply", "url: https://acme-intranet/apply"),
    ),
    case(
        "implausible-amount",
        "the hourly pay written in cents",
        LISTING,
        15,
        listing("amount: 18.5", "amount: 1850"),
    ),
    case(
        "deep-nesting",
        "an outline five levels deep pasted into the description",
        LISTING,
        4,
        listing(
            DESCRIPTION,
            DESCRIPTION + "\n  - Safety\n    - Gear\n      - Gloves\n        - Leather\n          - Cowhide\n",
        ),
    ),
    case(
        "unknown-reference",
        "a pathway that is not in the catalog",
        LISTING,
        12,
        listing("  - manufacturing", "  - welding"),
    ),
    case(
        "unknown-language",
        "a French title added to a listing, although the site has no French interface",
        LISTING,
        52,
        append(LISTING, "translations:\n  fr:\n    title: Stage de soudure\n"),
    ),
    case(
        "unknown-language",
        "a season's name given in Portuguese, a language the site does not have",
        SEASONS,
        5,
        replace(SEASONS, "    name_es: Verano\n", "    name_es: Verano\n    name_pt: Verão\n"),
    ),
    case(
        "duplicate-id",
        "a season copied and renamed but its id kept",
        SEASONS,
        8,
        append(SEASONS, "  - id: summer\n    name: Summer camp\n    name_es: Campamento de verano\n"),
    ),
    case(
        "range-order",
        "the grades written highest first",
        LISTING,
        19,
        listing(GRADES, "    min: 12\n    max: 11\n"),
    ),
    case(
        "missing-descriptor",
        "a third rubric level added without descriptors",
        RUBRIC,
        15,
        replace(RUBRIC, "    name: Developing\n", "    name: Developing\n  - id: proficient\n    name: Proficient\n"),
    ),
    case(
        "missing-employer-of-record",
        "the employer of record line deleted",
        LISTING,
        12,
        listing("employer_of_record: self\n", ""),
    ),
    case(
        "missing-amount",
        "the amount and unit deleted from a paid listing",
        LISTING,
        13,
        listing("  amount: 18.5\n  unit: hour\n", ""),
    ),
    case("missing-unit", "the pay unit deleted", LISTING, 15, listing("  unit: hour\n", "")),
    case(
        "missing-key",
        "the rubric line deleted under quality",
        LISTING,
        41,
        listing("  rubric: key-distinguishers\n", ""),
    ),
    case(
        "conflict",
        "`rolling: true` added to a listing with a deadline",
        LISTING,
        33,
        listing('  deadline: "2027-03-15"\n', '  deadline: "2027-03-15"\n  rolling: true\n'),
    ),
    case("missing-deadline", "the deadline deleted from an open listing", LISTING, 28, listing('  deadline: "2027-03-15"\n', "")),
    case("bad-date", "a deadline on February 30", LISTING, 32, listing('deadline: "2027-03-15"', 'deadline: "2027-02-30"')),
    case("date-order", "an end date before the start date", LISTING, 27, listing('end: "2027-08-06"', 'end: "2027-05-06"')),
    case(
        "stale",
        "a listing not reviewed for over a year",
        LISTING,
        50,
        listing('last_reviewed: "2026-10-15"', 'last_reviewed: "2025-06-01"'),
        severity="warning",
    ),
    case(
        "future-date",
        "the review date typed with next year",
        LISTING,
        50,
        listing('last_reviewed: "2026-10-15"', 'last_reviewed: "2027-10-15"'),
        severity="warning",
    ),
    case(
        "deadline-passed",
        "last year's listing left open",
        LISTING,
        49,
        listing(DATES, DATES.replace("2027", "2026")),
        severity="warning",
    ),
    case(
        "wrong-schema-line",
        "a listing copied from docs/ keeping that folder's editor line",
        LISTING,
        1,
        write(LISTING, "# yaml-language-server: $schema=../schemas/opportunity.schema.json\n" + BASE),
    ),
    case(
        "retired-exists",
        "a listing retired but its file kept",
        RETIRED,
        2,
        write(RETIRED, "retired:\n  - id: acme/welding-intern\n    reason: The program ended.\n"),
    ),
    case(
        "foreign-id",
        "a listing moved from another organization keeping its old id",
        LISTING,
        52,
        append(LISTING, FORMER.format("harbor-logistics/welding-intern")),
    ),
    case(
        "former-id-in-use",
        "a listing renamed by copying, the old file kept",
        "employers/acme/welding-apprenticeship.yml",
        52,
        write("employers/acme/welding-apprenticeship.yml", BASE + FORMER.format("acme/welding-intern")),
    ),
    case(
        "former-id-retired",
        "a retired id also given as a former id",
        LISTING,
        52,
        append(LISTING, FORMER.format("acme/welding-class")),
        write(RETIRED, "retired:\n  - id: acme/welding-class\n    reason: The class ended.\n"),
    ),
    case(
        "former-id-twice",
        "two listings claiming the same former id",
        LISTING,
        52,
        append(LISTING, FORMER.format("acme/welding-class")),
        write("employers/acme/welding-apprenticeship.yml", BASE + FORMER.format("acme/welding-class")),
    ),
    # -- git --
    case("deleted-listing", "a listing file deleted", RETIRED, 1, deleted_after_commit, against="HEAD"),
    case("git", "compared with origin/main in a clone that has no remote", "", 1, committed, against="origin/main"),
]


@pytest.mark.parametrize("case", CASES)
def test_code(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spanish_warnings: None) -> None:
    monkeypatch.chdir(tmp_path)
    use_cached_validators(monkeypatch)
    root = copy_fixture("minimal", tmp_path)
    for make in case.make:
        make(root)
    if case.after_listing is not None:
        discover, then = generator.check.load.discover, case.after_listing

        def listed_then_changed(folder: Path) -> Any:
            found = discover(folder)
            then(folder)
            return found

        monkeypatch.setattr(generator.check.load, "discover", listed_then_changed)
    problems = check_catalog(root, as_of=AS_OF, against=case.against).problems
    # The minimal catalog is in English only, which is a warning of its own, not part of the mistake.
    problems = [p for p in problems if p.code != "missing-translation" or case.code == "missing-translation"]
    where = "catalog/" + case.path if case.path else "catalog"
    hits = [p for p in problems if p.code == case.code and p.path == where and p.line == case.line]
    shown = "\n".join(f"  {p.path}:{p.line}:{p.column}: {p.severity} {p.code}: {p.sentence}" for p in problems)
    assert hits, f"no `{case.code}` at {where}:{case.line}; the checker reported:\n{shown}"
    assert {p.severity for p in hits} == {case.severity}, shown
    assert {p.code for p in problems} == {case.code}, f"one mistake, one kind of problem; the checker reported:\n{shown}"


# -- completeness ---------------------------------------------------------------------------------------


# Codes that only a command other than the check of one catalog gives, with the test that covers each.
OTHER_COMMANDS = {"duplicate-organization": "tests/test_regions.py (python -m generator check --with)"}


def _case_codes() -> set[str]:
    return {param.values[0].code for param in CASES} | set(OTHER_COMMANDS)


def test_every_code_has_a_case() -> None:
    written = written_codes()
    odd = {text: places for text, places in written.items() if not CODE.match(text) and "{" not in text}
    assert not odd, f"codes are lowercase words joined by hyphens: {odd}"
    built = {text for text in written if "{" in text}
    unknown = {text: written[text] for text in built if text not in BUILT_CODES}
    assert not unknown, f"codes built with f-strings whose possible codes are not listed in BUILT_CODES: {unknown}"
    codes = {text for text in written if "{" not in text} | {c for text in built for c in BUILT_CODES[text]}
    missing = {code: written.get(code, ["built with an f-string"]) for code in sorted(codes - _case_codes())}
    assert not missing, "codes without a case in CASES (code: where it is written): " + ", ".join(
        f"{code} ({', '.join(places)})" for code, places in missing.items()
    )
    assert _case_codes() <= codes, f"cases for codes the generator no longer writes: {sorted(_case_codes() - codes)}"


def test_scanner_finds_codes_of_every_kind_of_call() -> None:
    written = written_codes()
    expected_places = {
        "deleted-listing": "generator/model/checked.py",  # Problem(...)
        "missing-unit": "generator/check/rules.py",  # self.add(...)
        "symlink": "generator/check/discover.py",  # _problem(...)
        "yaml-duplicate-key": "generator/check/yamlload.py",  # self.stop(...)
        "yaml-syntax": "generator/check/yamlsyntax.py",  # Problem(path, *where, ...)
        "unknown-key": "generator/check/messages.py",  # code=...
        "stacked-marks": "generator/characters.py",  # a (code, what, fix) function
        "foreign-id": "generator/ids.py",
    }
    for code, file in expected_places.items():
        assert any(place.startswith(file + ":") for place in written.get(code, [])), (code, written.get(code))


def test_built_codes_follow_the_shared_definitions() -> None:
    """`bad-{name}` gives one code per definition in PATTERN_TEXT; the ones not listed are answered before."""
    possible = {f"bad-{name.replace('_', '-')}" for name in PATTERN_TEXT}
    assert possible == set(BUILT_CODES["bad-{name.replace('_', '-')}"]) | BUILT_UNREACHABLE


def _keywords(node: Any, at: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("properties", "patternProperties", "$defs"):
                for name, sub in value.items():
                    yield from _keywords(sub, (*at, key, name) if key == "$defs" else (*at, name))
            elif key == "if":
                yield key, at  # a condition only chooses `then` or `else`; its own keywords never fail a file
            elif key not in ("examples", "description", "title", "$schema", "$id", "$comment"):
                yield key, at
                yield from _keywords(value, (*at, key))


def test_schemas_use_only_keywords_with_a_code() -> None:
    """Each failing keyword has a code of its own, so the fallback `schema-{kind}` is never reported."""
    with_code = {
        "additionalProperties",
        "required",
        "type",
        "enum",
        "maxLength",
        "minimum",
        "exclusiveMinimum",
        "maximum",
        "exclusiveMaximum",
        "minItems",
        "maxItems",
        "uniqueItems",
        "pattern",
        "minLength",
        "format",
    }
    # Their failures come from the keywords inside them (an anyOf's, from the way that fits the value: messages._leaves).
    structure = {"$ref", "items", "propertyNames", "if", "then", "else", "anyOf"}
    # pattern, minLength and format have a code in a shared definition of PATTERN_TEXT, or at these keys.
    named_keys = {"soc", "employer_of_record", "paid_by"}
    for kind in KINDS:
        for keyword, at in _keywords(bundle(kind), ()):
            assert keyword in with_code | structure, (
                f"{kind}: `{keyword}` at {'.'.join(at)} would be reported as schema-{keyword}"
            )
            if keyword in ("pattern", "minLength", "format"):
                named = at[0] == "$defs" and at[1] in PATTERN_TEXT if len(at) > 1 else False
                # An item of a list of employers of record is worded as the single value is.
                item = tuple(at[-2:]) == ("employer_of_record", "items")
                assert named or at[-1] in named_keys or item, (
                    f"{kind}: `{keyword}` at {'.'.join(at)} would be reported as schema-{keyword}"
                )
