"""Hostile inputs for the checker, each with its exact outcome.

A case is one small file (or a few lines of setup for what a file cannot
express: symlinks, folders, odd names) placed into a fresh copy of the
minimal fixture catalog (tests/fixtures/minimal). Its outcome is the full,
exact list of problems the checker reports for that catalog; an empty list
means the input is accepted and checks clean.

Cases are Python, not YAML, because some of them are bytes that YAML cannot
hold safely: byte-order marks, UTF-16, Latin-1, NUL.
"""

from __future__ import annotations

import os
import shutil
import struct
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.check.yamlload import MAX_BYTES

TESTS = Path(__file__).resolve().parent.parent
MINIMAL = TESTS / "fixtures" / "minimal"
LISTING = "employers/acme/welding-intern.yml"
BASE = (MINIMAL / LISTING).read_text(encoding="utf-8")
# What /etc/passwd starts with: a symlink to it must never have its target read or printed.
PASSWD_SECRET = "root:x:0:0"


@dataclass(frozen=True)
class Expect:
    """One expected problem: where, which code, and the printed sentences (message and fix)."""

    line: int
    col: int
    code: str
    text: str
    path: str | None = None  # inside the catalog; None: the case's own file
    severity: str = "error"


@dataclass(frozen=True)
class Case:
    name: str
    group: str  # yaml, schema, files
    path: str  # inside the catalog
    content: bytes | None = None  # written to path; None when setup makes the entry
    expect: tuple[Expect, ...] = ()  # () means: accepted, checks clean
    setup: Callable[[Path], None] | None = None
    secret: str | None = None  # text that must appear in no output
    loads: bool = False  # with errors, the listing still becomes a record (rule errors, not load errors)

    def place(self, root: Path) -> None:
        if self.setup is not None:
            self.setup(root)
        if self.content is not None:
            target = root / self.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.content)


def listing(old: str, new: str) -> bytes:
    """The minimal listing with one exact piece of text replaced."""
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new).encode("utf-8")


def appended(text: str) -> bytes:
    return (BASE + text).encode("utf-8")


# -- sentences that several cases share --------------------------------------

ALIAS = (
    "An alias (`*name`) repeats another part of the file. Write the value out in full (anchors and aliases are not "
    "allowed); if the text starts with `*`, put it in double quotes."
)
MERGE = "A merge key (`<<`) copies another part of the file. Write the keys out in full; merge keys are not allowed."
DEPTH = "Values are nested more than 32 levels deep. Flatten the structure; see the template for the expected shape."
EMPTY = "The file is empty. Fill it in from the template, or delete it."
NOT_MAPPING = "The file holds {}, not a set of `key: value` lines. Start the file with keys such as `title:` at the left margin."
TAG = "The explicit tag `{}` is not allowed. Remove the tag that starts with `!`."
HIDDEN = "The file contains a hidden control character (U+{}). Delete it; if you pasted this text, type it again."
ONE_LINE = (
    "`{}` must be one line of text without hidden control characters. "
    "Keep it on one line; if you pasted it, type it again to drop invisible characters."
)
BOOL_HINT = "Write true or false in lowercase (yes, no, on and off are read as text here)."
WHOLE = "Write a whole number only, in digits, such as 30."
NUMBER = "Write a number only, in digits, such as 18.5."
BAD_DATE = "`{}` is `{}`, which is not a real date. Check the month and day, and write it like 2027-03-15."
NOT_HTTPS = (
    "`application.url` is not a web address that starts with https://. Use a full https:// address such as "
    "https://example.org/apply (http, javascript and other kinds are not allowed)."
)
BAD_EMAIL = (
    "`contact.email` is not a valid email address. "
    "Use a role address such as internships@example.org, with nothing else on the line."
)
BAD_ID = "`{}` is not a valid id. Use lowercase letters, digits and single hyphens, such as summer-internship."
SYMLINK = "This is a symbolic link, not a file or folder. Replace the link with the real file or folder."
ID_RULES = "is not a valid id: use lowercase letters, digits and single hyphens"
FOLDER_HINT = "Move its files to the right place (see CONTRIBUTING.md) and remove the folder."
UNEXPECTED_HINT = "Catalog files end in .yml; remove this file or move it out of catalog/."
NO_SUCH_KEY = "Delete this line; the field reference on the Contribute page (/contribute/) lists the keys that belong here."
NO_PATHWAY = "`pathways`, item 1 names the pathway `manufacturing`, which is not in the catalog. Add the pathway first."

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)
CAFE_NFC = unicodedata.normalize("NFC", "café")
CAFE_NFD = unicodedata.normalize("NFD", "café")
NEWLINE_NAME = "employers/acme/evil\n::error::pwned.yml"
SVG_LOGO = "employers/acme/logo.svg"
PNG_LOGO = "employers/acme/logo.png"
FIX_SVG = "Export the logo again as plain SVG (in Inkscape: Save As, Plain SVG), or as PNG."
FIX_PNG = "Export the logo again as PNG or SVG from an image editor."
LOGO_HOLDS = "The SVG logo holds `{}`, which a logo may not hold. " + FIX_SVG
LOGO_ATTRIBUTE = "The SVG logo has the attribute `{}`, which a logo may not have. " + FIX_SVG


# -- setups for entries a file's bytes cannot express -------------------------


def _symlink(target: str, at: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        os.symlink(target, root / at)

    return setup


def _org_copy(*names: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        for name in names:
            folder = root / "employers" / name
            folder.mkdir()
            for file in ("organization.yml", "welding-intern.yml"):
                shutil.copyfile(root / "employers" / "acme" / file, folder / file)

    return setup


def _pathways_link(root: Path) -> None:
    shutil.rmtree(root / "pathways")
    os.symlink("/etc", root / "pathways")


def _sparse(root: Path) -> None:
    # 4 GB that take no disk space: reading it whole would need four times the memory the limits test allows.
    with (root / "employers" / "acme" / "huge.yml").open("wb") as handle:
        handle.truncate(4 << 30)


def _fifo(root: Path) -> None:
    os.mkfifo(root / "employers" / "acme" / "pipe.yml")


def png(width: int = 4, height: int = 2, tail: bytes = b"") -> bytes:
    """A real PNG of width x height grey pixels (tail: bytes appended after its end)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"") + tail


SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'


def svg(inner: str, open_tag: str = SVG_OPEN) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{open_tag}{inner}</svg>\n'.encode()


def _sparse_logo(root: Path) -> None:
    # 50 MB that take no disk space: the size alone must refuse it, before anything reads it.
    with (root / "employers" / "acme" / "logo.png").open("wb") as handle:
        handle.truncate(50_000_000)


def _two_logos(root: Path) -> None:
    (root / "employers" / "acme" / "logo.png").write_bytes(png())
    (root / "employers" / "acme" / "logo.svg").write_bytes(svg('<rect width="10" height="10"/>'))


def _case(name: str, group: str, content: bytes | None, *expect: Expect, path: str = LISTING, **extra) -> Case:
    return Case(name, group, path, content, tuple(expect), **extra)


CASES: list[Case] = [
    # -- YAML ------------------------------------------------------------------
    _case(
        "duplicate-top-level-key",
        "yaml",
        appended("title: Welding Internship Again\n"),
        Expect(
            51,
            1,
            "yaml-duplicate-key",
            "The key `title` appears twice in the same block (first on line 2). Keep one of them and delete the other.",
        ),
    ),
    _case(
        "duplicate-nested-key",
        "yaml",
        listing("  unit: hour\n", "  unit: hour\n  type: unpaid\n"),
        Expect(
            17,
            3,
            "yaml-duplicate-key",
            "The key `type` appears twice in the same block (first on line 14). Keep one of them and delete the other.",
        ),
    ),
    _case(
        "integer-key",
        "yaml",
        appended("1: one\n"),
        Expect(
            51, 1, "yaml-key", "The key `1` is not a word. Keys are names such as `title`; put this one in quotes or rename it."
        ),
    ),
    _case(
        "boolean-key",
        "yaml",
        appended("true: yes\n"),
        Expect(
            51,
            1,
            "yaml-key",
            "The key `true` is not a word. Keys are names such as `title`; put this one in quotes or rename it.",
        ),
    ),
    _case(
        "mapping-as-key",
        "yaml",
        appended("{a: b}: c\n"),
        Expect(
            51,
            1,
            "yaml-key",
            "A key is a list or mapping. Keys are names such as `title`; check the brackets on this line.",
        ),
    ),
    _case(
        "key-with-crlf",
        "yaml",
        appended('"bad\\r\\nkey": 1\n'),
        Expect(51, 1, "unknown-key", f"Unknown key `bad\r\nkey`. {NO_SUCH_KEY}"),
    ),
    _case(
        "no-is-not-false",
        "yaml",
        listing("work_permit: true", "work_permit: no"),
        Expect(23, 16, "wrong-type", f"`eligibility.work_permit` should be true or false, not the text `no`. {BOOL_HINT}"),
    ),
    _case(
        "uppercase-no",
        "yaml",
        listing("work_permit: true", "work_permit: NO"),
        Expect(23, 16, "wrong-type", f"`eligibility.work_permit` should be true or false, not the text `NO`. {BOOL_HINT}"),
    ),
    _case(
        "on-is-not-true",
        "yaml",
        listing("work_permit: true", "work_permit: on"),
        Expect(23, 16, "wrong-type", f"`eligibility.work_permit` should be true or false, not the text `on`. {BOOL_HINT}"),
    ),
    _case(
        "octal-looking-number-stays-text",
        "yaml",
        listing("example: true\n", "example: true\nseats: 010\n"),
        Expect(
            2,
            8,
            "wrong-type",
            "`seats` should be a whole number, not the text `010`. Write it without the leading zero: `seats: 10`.",
        ),
    ),
    _case(
        "underscore-number-stays-text",
        "yaml",
        listing("example: true\n", "example: true\nseats: 1_000\n"),
        Expect(2, 8, "wrong-type", f"`seats` should be a whole number, not the text `1_000`. {WHOLE}"),
    ),
    _case(
        "exponent-stays-text",
        "yaml",
        listing("example: true\n", "example: true\nseats: 1e3\n"),
        Expect(2, 8, "wrong-type", f"`seats` should be a whole number, not the text `1e3`. {WHOLE}"),
    ),
    _case(
        "sexagesimal-stays-text",
        "yaml",
        listing("amount: 18.5", "amount: 1:30"),
        Expect(15, 11, "wrong-type", f"`pay.amount` should be a number, not the text `1:30`. {NUMBER}"),
    ),
    _case(
        "zip-with-leading-zero-stays-text",
        "yaml",
        listing('zip: "90802"', "zip: 02134"),
        # The text keeps its zero, so the form is right; a Massachusetts ZIP code is not in the region's areas.
        Expect(
            36,
            10,
            "outside-region",
            "`sites`, item 1, `zip` is `02134`, which is not in the region (catalog/vocabularies/areas.yml). If the site "
            "really is outside the region, add `outside_region: true` to this site; if the ZIP code is wrong, correct it.",
        ),
        loads=True,
    ),
    _case("unquoted-date-stays-text", "yaml", listing('last_reviewed: "2026-10-15"', "last_reviewed: 2026-10-15")),
    _case(
        "impossible-date",
        "yaml",
        listing('deadline: "2027-03-15"', "deadline: 2027-02-30"),
        Expect(32, 13, "bad-date", BAD_DATE.format("application.deadline", "2027-02-30")),
        loads=True,
    ),
    _case(
        "year-9999-date",
        "yaml",
        listing('deadline: "2027-03-15"', "deadline: 9999-12-31"),
        Expect(
            32,
            13,
            "bad-date",
            "`application.deadline` is `9999-12-31`, which is not a plausible date. "
            "Check the year, and write a date between 1900 and 2199 like 2027-03-15.",
        ),
        loads=True,
    ),
    _case("decimal-whole-number", "yaml", listing("    min: 11", "    min: 11.0")),
    _case(
        "date-with-time",
        "yaml",
        listing('last_reviewed: "2026-10-15"', "last_reviewed: 2026-10-15T10:00:00Z"),
        Expect(50, 16, "bad-date", "`last_reviewed` is not a date written YYYY-MM-DD. Write the date like 2027-03-15."),
    ),
    _case(
        "huge-integer",
        "yaml",
        listing("amount: 18.5", "amount: 123456789012345678901234567890"),
        Expect(15, 11, "number-too-large", "This number is too large. Use a smaller number, or put it in quotes if it is text."),
    ),
    _case(
        "anchor-and-alias",
        "yaml",
        listing("summary: A paid", "summary: &s A paid").replace(b"role: Internship office", b"role: *s"),
        Expect(39, 9, "yaml-alias", ALIAS),
    ),
    _case(
        "merge-key",
        "yaml",
        listing("pay:\n", "pay: &p\n").replace(b"contact:\n", b"contact:\n  <<: *p\n"),
        Expect(39, 3, "yaml-merge", MERGE),
    ),
    _case("billion-laughs", "yaml", BILLION_LAUGHS.encode(), Expect(2, 8, "yaml-alias", ALIAS)),
    _case(
        "brackets-10000-deep",
        "yaml",
        ("title: " + "[" * 10_000 + "]" * 10_000 + "\n").encode(),
        Expect(
            1,
            1,
            "yaml-depth",
            "The file nests brackets 10000 levels deep (the limit is 100). "
            "Write lists and mappings with indentation, a few levels deep.",
        ),
    ),
    _case("brackets-50-deep", "yaml", ("title: " + "[" * 50 + "]" * 50 + "\n").encode(), Expect(1, 40, "yaml-depth", DEPTH)),
    _case("dashes-10000-deep", "yaml", ("- " * 10_000 + "x\n").encode(), Expect(1, 1, "yaml-depth", DEPTH)),
    _case(
        "tab-indentation",
        "yaml",
        listing("  type: paid", "\ttype: paid"),
        Expect(14, 1, "yaml-tab", "A tab is used for indentation. Indent with spaces instead of tabs."),
    ),
    _case("utf8-byte-order-mark", "yaml", b"\xef\xbb\xbf" + BASE.encode()),
    _case(
        "utf16",
        "yaml",
        BASE.encode("utf-16"),
        Expect(
            1,
            1,
            "encoding",
            "The file is saved as UTF-16, not UTF-8. "
            "Save it again with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8).",
        ),
    ),
    _case(
        "utf32",
        "yaml",
        BASE.encode("utf-32"),
        Expect(
            1,
            1,
            "encoding",
            "The file is saved as UTF-32, not UTF-8. "
            "Save it again with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8).",
        ),
    ),
    _case(
        "latin1",
        "yaml",
        BASE.replace("Welding Internship", "Soldadura Pequeña").encode("latin-1"),
        Expect(
            2,
            23,
            "encoding",
            "The file is not valid UTF-8 (byte 0xf1 here). "
            "Save it again with the UTF-8 encoding; letters such as ñ and é are then kept correctly.",
        ),
    ),
    _case(
        "two-documents",
        "yaml",
        appended("---\ntitle: Second listing\n"),
        Expect(
            51,
            1,
            "yaml-documents",
            "The file holds more than one YAML document. "
            "Keep one document per file: remove the `---` line and split the rest into its own file.",
        ),
    ),
    _case(
        "text-after-document-end",
        "yaml",
        appended("...\ntitle: Second listing\n"),
        Expect(
            52,
            1,
            "yaml-syntax",
            "The file goes on after its YAML document has ended. "
            "Keep one document per file: remove the `...` line, and write the file as `key: value` lines at the left margin.",
        ),
    ),
    _case("empty-file", "yaml", b"", Expect(1, 1, "empty-file", EMPTY)),
    _case("comment-only", "yaml", b"# nothing here yet\n# title: x\n", Expect(1, 1, "empty-file", EMPTY)),
    _case("document-marker-only", "yaml", b"---\n", Expect(1, 1, "empty-file", EMPTY)),
    _case("top-level-list", "yaml", b"- title: x\n- title: y\n", Expect(1, 1, "top-level", NOT_MAPPING.format("a list"))),
    _case("top-level-scalar", "yaml", b"Welding Internship\n", Expect(1, 1, "top-level", NOT_MAPPING.format("a single value"))),
    _case(
        "binary-tag",
        "yaml",
        listing("title: Welding Internship", "title: !!binary aGVsbG8="),
        Expect(2, 8, "yaml-tag", TAG.format("!!binary")),
    ),
    _case(
        "set-tag",
        "yaml",
        listing("sectors:\n  - Manufacturing and Product Development", "sectors: !!set {Manufacturing and Product Development}"),
        Expect(9, 10, "yaml-tag", TAG.format("!!set")),
    ),
    _case(
        "python-object-tag",
        "yaml",
        listing("title: Welding Internship", 'title: !!python/object/apply:os.system ["echo pwned"]'),
        Expect(2, 8, "yaml-tag", TAG.format("!!python/object/apply:os.system")),
    ),
    _case(
        "raw-nul",
        "yaml",
        listing("title: Welding Internship", "title: Welding\x00Internship"),
        Expect(2, 15, "control-character", HIDDEN.format("0000")),
    ),
    _case(
        "escaped-nul-in-title",
        "yaml",
        listing("title: Welding Internship", 'title: "Welding\\0Internship"'),
        Expect(2, 8, "bad-line", ONE_LINE.format("title")),
    ),
    _case(
        "raw-next-line",
        "yaml",
        listing("title: Welding Internship", "title: Welding\x85Internship"),
        Expect(
            2,
            15,
            "control-character",
            "The file contains an invisible line break character (U+0085). Delete it; if you pasted this text, type it again.",
        ),
    ),
    _case(
        "bidi-override-in-title",
        "yaml",
        listing("title: Welding Internship", "title: Welding \u202eInternship"),
        Expect(2, 8, "bad-line", ONE_LINE.format("title")),
    ),
    _case(
        "zero-width-space-in-role",
        "yaml",
        listing("role: Internship office", "role: Internship\u200boffice"),
        Expect(39, 9, "bad-line", ONE_LINE.format("contact.role")),
    ),
    _case(
        "escaped-bell-in-description",
        "yaml",
        listing("description: |\n  Interns learn to weld.", 'description: "Interns learn\\a to weld."'),
        Expect(
            4,
            14,
            "control-character",
            "`description` contains a hidden control character (U+0007). Delete it; if you pasted this text, type it again.",
        ),
        loads=True,
    ),
    _case(
        "lone-surrogate-escape",
        "yaml",
        listing("title: Welding Internship", 'title: "Welding \\ud800 Internship"'),
        Expect(
            2,
            8,
            "bad-escape",
            "The escape `\\ud800` is only half of a character. "
            "Type the character itself instead of the escape, or use a full escape such as `\\U0001F600`.",
        ),
    ),
    _case("crlf-line-endings", "yaml", BASE.replace("\n", "\r\n").encode()),
    # -- schema and references ---------------------------------------------------
    _case(
        "typo-top-level-key",
        "schema",
        listing("title: Welding Internship", "titel: Welding Internship"),
        Expect(2, 1, "unknown-key", "Unknown key `titel`. Did you mean `title`?"),
    ),
    _case(
        "typo-nested-key",
        "schema",
        listing("  type: paid", "  tpye: paid"),
        Expect(14, 3, "unknown-key", "Unknown key `tpye` in `pay`. Did you mean `type`?"),
    ),
    _case(
        "blank-title",
        "schema",
        listing("title: Welding Internship", 'title: ""'),
        Expect(2, 8, "blank", "`title` is blank. Write some text."),
    ),
    _case(
        "whitespace-only-title",
        "schema",
        listing("title: Welding Internship", 'title: "  \\t "'),
        Expect(2, 8, "blank", "`title` is blank. Write some text."),
    ),
    _case(
        "empty-summary",
        "schema",
        listing("summary: A paid summer internship in a welding shop.", "summary:"),
        Expect(3, 9, "empty-value", "`summary` is empty. Fill in text."),
    ),
    _case(
        "whitespace-only-description",
        "schema",
        listing("  Interns learn to weld.", "   "),
        Expect(4, 14, "blank", "`description` is blank. Write some text."),
    ),
    _case(
        "javascript-url",
        "schema",
        listing("url: https://example.org/apply", "url: javascript:alert(1)"),
        Expect(30, 8, "bad-https-url", NOT_HTTPS),
    ),
    _case(
        "mixed-case-javascript-url",
        "schema",
        listing("url: https://example.org/apply", "url: JaVaScRiPt:alert(1)"),
        Expect(30, 8, "bad-https-url", NOT_HTTPS),
    ),
    _case(
        "data-url",
        "schema",
        listing("url: https://example.org/apply", "url: data:text/html,hi"),
        Expect(30, 8, "bad-https-url", NOT_HTTPS),
    ),
    _case(
        "credentials-in-url",
        "schema",
        listing("url: https://example.org/apply", "url: https://user:pass@example.org/apply"),
        Expect(
            30,
            8,
            "bad-https-url",
            "`application.url` has a user name or password in it (the part before `@`). "
            "Remove that part and link to a page anyone can open, such as https://example.org/apply.",
        ),
    ),
    _case(
        "quote-breaking-url",
        "schema",
        listing("url: https://example.org/apply", 'url: "https://example.org/a\\"onmouseover=\\"alert(1)"'),
        Expect(
            30,
            8,
            "bad-https-url",
            '`application.url` contains `"`, which a link must write percent-encoded. '
            "Open the page in a browser and copy the address from its address bar.",
        ),
    ),
    _case(
        "email-header-injection",
        "schema",
        listing("  email: interns@example.org", '  email: "jobs@example.org\\nBcc: a@b.org"'),
        Expect(40, 10, "bad-email", BAD_EMAIL),
    ),
    _case(
        "email-with-mailto",
        "schema",
        listing("  email: interns@example.org", "  email: mailto:jobs@example.org"),
        Expect(40, 10, "bad-email", "`contact.email` starts with `mailto:`. Write the address only: jobs@example.org."),
    ),
    _case(
        "two-emails",
        "schema",
        listing("  email: interns@example.org", '  email: "a@example.org, b@example.org"'),
        Expect(40, 10, "bad-email", BAD_EMAIL),
    ),
    _case(
        "traversal-intermediary",
        "schema",
        listing("example: true\n", "example: true\nintermediary: ../../etc\n"),
        Expect(2, 15, "bad-id", BAD_ID.format("intermediary")),
    ),
    _case(
        "absolute-path-intermediary",
        "schema",
        listing("example: true\n", "example: true\nintermediary: /etc/passwd\n"),
        Expect(2, 15, "bad-id", BAD_ID.format("intermediary")),
        secret=PASSWD_SECRET,
    ),
    _case(
        "traversal-pathway",
        "schema",
        listing("  - manufacturing\n", "  - ../../mkdocs\n"),
        Expect(12, 5, "bad-id", BAD_ID.replace("`{}`", "`pathways`, item 1")),
    ),
    _case(
        "absolute-path-rubric",
        "schema",
        listing("rubric: key-distinguishers", "rubric: /etc/passwd"),
        Expect(42, 11, "bad-id", BAD_ID.format("quality.rubric")),
    ),
    _case(
        "traversal-employer-of-record",
        "schema",
        listing("employer_of_record: self", "employer_of_record: ../acme"),
        Expect(
            6,
            21,
            "bad-reference",
            "`employer_of_record` is not `self` or an organization id. Write `self` or the organization's folder name.",
        ),
    ),
    _case(
        "dangling-intermediary",
        "schema",
        listing("example: true\n", "example: true\nintermediary: nobody-here\n"),
        Expect(
            2,
            15,
            "unknown-reference",
            "`intermediary` names the organization `nobody-here`, which is not in the catalog. Add the organization's"
            ' folder with its organization.yml first (CONTRIBUTING.md, "Add a new listing").',
        ),
        loads=True,
    ),
    _case(
        "dangling-pathway",
        "schema",
        listing("  - manufacturing\n", "  - manufactoring\n"),
        Expect(
            12,
            5,
            "unknown-reference",
            "`pathways`, item 1 names the pathway `manufactoring`, which is not in the catalog. Did you mean `manufacturing`?",
        ),
        loads=True,
    ),
    _case(
        "dangling-employer-of-record",
        "schema",
        listing("employer_of_record: self", "employer_of_record: acmee"),
        Expect(
            6,
            21,
            "unknown-reference",
            "`employer_of_record` names the organization `acmee`, which is not in the catalog. Did you mean `acme`?",
        ),
        loads=True,
    ),
    _case(
        "huge-value-is-shortened",
        "schema",
        listing("format: internship", "format: " + "x" * 200_000),
        Expect(
            7,
            9,
            "not-allowed",
            "`format` has the value `" + "x" * 57 + "...`, which is not allowed here. "
            "Use one of: `workplace-tour`, `job-shadow`, `internship`.",
        ),
    ),
    _case(
        "mention-and-command-in-key",
        "schema",
        appended('"@octocat ::error::pwned %0A": 1\n'),
        Expect(
            51,
            1,
            "unknown-key",
            "Unknown key `@octocat ::error::pwned %0A`. "
            "This looks like text that contains `: `; put the whole value in double quotes.",
        ),
    ),
    # -- files -------------------------------------------------------------------
    _case(
        "symlink-to-file-inside",
        "files",
        None,
        Expect(1, 1, "symlink", SYMLINK),
        path="employers/acme/copy.yml",
        setup=_symlink("welding-intern.yml", "employers/acme/copy.yml"),
    ),
    _case(
        "symlink-to-etc-passwd",
        "files",
        None,
        Expect(1, 1, "symlink", SYMLINK),
        path="employers/acme/passwd.yml",
        setup=_symlink("/etc/passwd", "employers/acme/passwd.yml"),
        secret=PASSWD_SECRET,
    ),
    _case(
        "symlink-to-outside-folder",
        "files",
        None,
        Expect(1, 1, "symlink", SYMLINK),
        path="employers/etc",
        setup=_symlink("/etc", "employers/etc"),
        secret=PASSWD_SECRET,
    ),
    _case(
        "symlinked-pathways-folder",
        "files",
        None,
        Expect(1, 1, "symlink", SYMLINK),
        Expect(12, 5, "unknown-reference", NO_PATHWAY, path=LISTING),
        path="pathways",
        setup=_pathways_link,
        secret=PASSWD_SECRET,
    ),
    _case(
        "fifo-is-never-opened",
        "files",
        None,
        Expect(1, 1, "not-a-file", "This is not a regular file. Replace it with a plain .yml file."),
        path="employers/acme/pipe.yml",
        setup=_fifo,
    ),
    _case(
        "yaml-extension",
        "files",
        BASE.encode(),
        Expect(1, 1, "extension", "The file `internship.yaml` has the wrong extension. Rename it to `internship.yml`."),
        path="employers/acme/internship.yaml",
    ),
    _case(
        "json-extension",
        "files",
        b'{"title": "x"}',
        Expect(1, 1, "unexpected-file", f"The file `internship.json` is not expected here. {UNEXPECTED_HINT}"),
        path="employers/acme/internship.json",
    ),
    _case(
        "markdown-file",
        "files",
        b"# Notes\n",
        Expect(1, 1, "unexpected-file", f"The file `README.md` is not expected here. {UNEXPECTED_HINT}"),
        path="employers/acme/README.md",
    ),
    _case(
        "hidden-file",
        "files",
        BASE.encode(),
        Expect(
            1,
            1,
            "hidden-file",
            "The hidden file `.draft.yml` is not expected in the catalog. Delete it, or rename it without the leading dot.",
        ),
        path="employers/acme/.draft.yml",
    ),
    _case(
        "dot-dot-file-name",
        "files",
        BASE.encode(),
        Expect(
            1,
            1,
            "hidden-file",
            "The hidden file `..x.yml` is not expected in the catalog. Delete it, or rename it without the leading dot.",
        ),
        path="employers/acme/..x.yml",
    ),
    _case(
        "hidden-organization-folder",
        "files",
        b"name: Hidden\n",
        Expect(1, 1, "bad-id", f"The folder name `.hidden` {ID_RULES}. Rename it to `hidden`.", path="employers/.hidden"),
        path="employers/.hidden/organization.yml",
    ),
    _case(
        "unexpected-top-folder",
        "files",
        BASE.encode(),
        Expect(1, 1, "unexpected-folder", f"The folder `drafts` is not expected here. {FOLDER_HINT}", path="drafts"),
        path="drafts/welding-intern.yml",
    ),
    _case(
        "folder-inside-organization",
        "files",
        BASE.encode(),
        Expect(1, 1, "unexpected-folder", f"The folder `old` is not expected here. {FOLDER_HINT}", path="employers/acme/old"),
        path="employers/acme/old/welding-intern.yml",
    ),
    _case(
        "unexpected-top-file",
        "files",
        b"a: 1\n",
        Expect(
            1,
            1,
            "unexpected-file",
            "The file `notes.yml` is not expected at the top of the catalog. "
            "Opportunities go in catalog/employers/<org-id>/, pathways in catalog/pathways/.",
        ),
        path="notes.yml",
    ),
    _case(
        "oversized-file",
        "files",
        appended("# " + "x" * MAX_BYTES + "\n"),
        Expect(
            1,
            1,
            "file-too-large",
            "The file is larger than 256 KB. Shorten the description, or split the content into several listings.",
        ),
    ),
    _case(
        "sparse-4-gb-file",
        "files",
        None,
        Expect(
            1,
            1,
            "file-too-large",
            "The file is larger than 256 KB. Shorten the description, or split the content into several listings.",
        ),
        path="employers/acme/huge.yml",
        setup=_sparse,
    ),
    _case(
        "case-only-collision",
        "files",
        None,
        Expect(
            1,
            1,
            "bad-id",
            f"The folder name `Acme` {ID_RULES}. "
            "`acme` already exists next to it: move anything still needed into `acme`, then delete this one.",
        ),
        path="employers/Acme",
        setup=_org_copy("Acme"),
    ),
    _case(
        "unicode-normalization-collision",
        "files",
        None,
        Expect(
            1,
            1,
            "bad-id",
            f"The folder name `{CAFE_NFC}` {ID_RULES}. "
            "Another name next to it also becomes `cafe`: keep one of them, rename it to `cafe`, delete the other.",
            path=f"employers/{CAFE_NFC}",
        ),
        Expect(
            1,
            1,
            "bad-id",
            f"The folder name `{CAFE_NFD}` {ID_RULES} (its accents are typed as separate marks). "
            "Another name next to it also becomes `cafe`: keep one of them, rename it to `cafe`, delete the other.",
            path=f"employers/{CAFE_NFD}",
        ),
        path=f"employers/{CAFE_NFC}",
        setup=_org_copy(CAFE_NFC, CAFE_NFD),
    ),
    _case(
        "workflow-command-in-file-name",
        "files",
        BASE.encode(),
        Expect(
            1,
            1,
            "bad-id",
            f"The file name `evil\n::error::pwned` {ID_RULES}. Rename it to `evil-error-pwned`.",
        ),
        path=NEWLINE_NAME,
    ),
    # -- addresses: one id rule, and each organization's own address space ------
    _case(
        "retired-id-takes-a-site-page",
        "files",
        b"retired:\n  - id: page/2\n    reason: Gone.\n",
        Expect(
            2,
            9,
            "reserved-id",
            "`page/2`: `page` is taken by the site's own addresses (such as /employers/page/2/). No listing can have this address; remove it.",
        ),
        path="retired.yml",
    ),
    _case(
        "former-id-takes-a-site-page",
        "files",
        appended("former_ids:\n  - page/2\n"),
        Expect(
            52,
            5,
            "reserved-id",
            "`page/2`: `page` is taken by the site's own addresses (such as /employers/page/2/). No listing can have this address; remove it.",
        ),
        loads=True,
    ),
    _case(
        "former-id-in-another-organization",
        "files",
        appended("former_ids:\n  - other-org/some-id\n"),
        Expect(
            52,
            5,
            "foreign-id",
            (
                "`other-org/some-id` belongs to the organization `other-org`, and this file is in `acme`'s folder. "
                "List only ids that start with `acme/`. To move a listing between organizations, ask the maintainers to add "
                "the old id to catalog/retired.yml with `replaced_by`."
            ),
        ),
        loads=True,
    ),
    _case(
        "former-id-too-long",
        "schema",
        appended(f"former_ids:\n  - acme/{'a' * 61}\n"),
        Expect(
            52,
            5,
            "bad-id",
            f"`acme/{'a' * 61}`: the part `{'a' * 61}` is 61 characters long; the limit is 60. "
            "Use the id exactly as it appears in the listing's address.",
        ),
        loads=True,
    ),
    _case(
        "file-name-too-long",
        "files",
        BASE.encode(),
        Expect(
            1,
            1,
            "bad-id",
            f"The file name `{'a' * 60}...` is 200 characters long; ids are at most 60. "
            f"Rename it to a shorter id, such as `{'a' * 60}`.",
        ),
        path=f"employers/acme/{'a' * 200}.yml",
    ),
    _case(
        "folder-name-too-long",
        "files",
        None,
        Expect(
            1,
            1,
            "bad-id",
            f"The folder name `{'b' * 60}...` is 61 characters long; ids are at most 60. "
            f"Rename it to a shorter id, such as `{'b' * 60}`.",
            path=f"employers/{'b' * 61}",
        ),
        loads=True,
        setup=_org_copy("b" * 61),
    ),
    # -- characters no output can carry, and text that only looks like text ------
    _case(
        "noncharacter-in-title",
        "schema",
        listing("title: Welding Internship", 'title: "Civil \\uFFFE Engineering"'),
        Expect(
            2,
            8,
            "hidden-character",
            "`title` holds the code point U+FFFE, which is not a character. Delete it; if you pasted this text, type it again.",
        ),
        loads=True,
    ),
    _case(
        "hangul-fillers-as-title",
        "schema",
        listing("title: Welding Internship", "title: \u3164\u3164"),
        Expect(
            2,
            8,
            "blank",
            "`title` looks blank: it has no visible letter, digit or sign. Type the text with ordinary letters; if you pasted it, type it again.",
        ),
        loads=True,
    ),
    _case(
        "stacked-combining-marks",
        "schema",
        listing("title: Welding Internship", "title: Z" + "\u0301" * 480),
        Expect(
            2,
            8,
            "stacked-marks",
            "`title` stacks more than 4 accent marks on one letter. Type the text again with its ordinary accents.",
        ),
        loads=True,
    ),
    _case(
        "accents-and-two-marks-are-fine",
        "schema",
        listing("title: Welding Internship", "title: Pasantía de soldadura ệ"),
    ),
    _case(
        "control-and-direction-characters-in-link",
        "schema",
        listing("url: https://example.org/apply", 'url: "https://example.org/a\\0b\\e[31m\\u202eRTL"'),
        Expect(
            30,
            8,
            "bad-https-url",
            "`application.url` contains the hidden character U+0000. Open the page in a browser and copy the address from its address bar.",
        ),
    ),
    _case(
        "port-above-65535",
        "schema",
        listing("url: https://example.org/apply", "url: https://example.org:99999/apply"),
        Expect(
            30,
            8,
            "bad-https-url",
            "`application.url` has a port that is not a number from 1 to 65535. Open the page in a browser and copy the address from its address bar.",
        ),
        loads=True,
    ),
    _case(
        "host-that-is-no-server",
        "schema",
        listing("url: https://example.org/apply", "url: https://-x-..org/apply"),
        Expect(
            30,
            8,
            "bad-https-url",
            "`application.url` has `-x-..org` as its host, which is not a web server's name."
            " Open the page in a browser and copy the address from its address bar.",
        ),
        loads=True,
    ),
    _case(
        "user-name-hides-the-host",
        "schema",
        listing("url: https://example.org/apply", "url: https://example.org@evil.example/apply"),
        Expect(
            30,
            8,
            "bad-https-url",
            "`application.url` has a user name or password in it (the part before `@`). "
            "Remove that part and link to a page anyone can open, such as https://example.org/apply.",
        ),
    ),
    _case(
        "tiny-hourly-pay",
        "schema",
        listing("amount: 18.5", "amount: 0.0000001"),
        Expect(
            15,
            11,
            "implausible-amount",
            "`pay.amount` is $0.0000001 per hour, which cannot be a real amount."
            " Write the amount in dollars with at most two decimals, from 1 to 500 per hour.",
        ),
        loads=True,
    ),
    _case(
        "absurd-hourly-pay",
        "schema",
        listing("amount: 18.5", "amount: 999999"),
        Expect(
            15,
            11,
            "implausible-amount",
            "`pay.amount` is $999999 per hour, which cannot be a real amount."
            " Write the amount in dollars with at most two decimals, from 1 to 500 per hour.",
        ),
        loads=True,
    ),
    _case(
        "deeply-nested-quote",
        "schema",
        listing("  Interns learn to weld.\n", "  " + "> " * 300 + "deep\n"),
        Expect(
            4,
            14,
            "deep-nesting",
            (
                "`description` puts lists or quotes more than 4 levels inside each other. "
                "Use at most two levels of lists, and start lines with `>` only for a quotation."
            ),
        ),
        loads=True,
    ),
    _case(
        "deeply-nested-html-blockquotes",
        "schema",
        listing("  Interns learn to weld.\n", "  " + "<blockquote>" * 50 + "deep" + "</blockquote>" * 50 + "\n"),
        Expect(
            4,
            14,
            "deep-nesting",
            (
                "`description` puts lists or quotes more than 4 levels inside each other. "
                "Use at most two levels of lists, and start lines with `>` only for a quotation."
            ),
        ),
        loads=True,
    ),
    _case(
        "two-levels-of-lists-are-fine",
        "schema",
        listing("  Interns learn to weld.\n", "  - Weld\n    - MIG\n    - TIG\n  > A quote\n"),
    ),
    # -- logos: published only when they cannot run code ------------------------
    _case(
        "plain-svg-logo",
        "files",
        svg('<title>Acme</title><g fill="#123"><rect width="10" height="10" rx="2"/></g>'),
        path=SVG_LOGO,
    ),
    _case(
        "svg-logo-with-gradient-by-id",
        "files",
        svg(
            '<defs><linearGradient id="a"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect fill="url(#a)" width="1" height="1"/>'
        ),
        path=SVG_LOGO,
    ),
    _case("png-logo", "files", png(), path=PNG_LOGO),
    _case(
        "svg-logo-with-script",
        "files",
        svg("<script>alert(document.domain)</script>"),
        Expect(1, 1, "bad-logo", LOGO_HOLDS.format("<script>")),
        path=SVG_LOGO,
    ),
    _case(
        "svg-logo-with-event-handler",
        "files",
        svg("", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'),
        Expect(1, 1, "bad-logo", LOGO_ATTRIBUTE.format("onload")),
        path=SVG_LOGO,
    ),
    _case(
        "svg-logo-with-foreign-object",
        "files",
        svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
        Expect(1, 1, "bad-logo", LOGO_HOLDS.format("<foreignObject>")),
        path=SVG_LOGO,
    ),
    _case(
        "svg-logo-linking-out",
        "files",
        svg('<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:alert(1)"><rect/></a>'),
        Expect(1, 1, "bad-logo", LOGO_HOLDS.format("<a>")),
        path=SVG_LOGO,
    ),
    _case(
        "svg-logo-with-outside-url",
        "files",
        svg('<rect fill="url(https://evil.example/x.svg#a)"/>'),
        Expect(1, 1, "bad-logo", "The SVG logo's `fill` points outside the logo. " + FIX_SVG),
        path=SVG_LOGO,
    ),
    _case(
        "svg-logo-with-style",
        "files",
        svg("<style>@import url(https://evil.example/x.css);</style>"),
        Expect(1, 1, "bad-logo", LOGO_HOLDS.format("<style>")),
        path=SVG_LOGO,
    ),
    _case(
        "svg-logo-with-entities",
        "files",
        b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n' + svg("&a;").split(b"\n", 1)[1],
        Expect(
            1,
            1,
            "bad-logo",
            "The SVG logo has a DOCTYPE, entity or processing instruction, which a logo may not hold. " + FIX_SVG,
        ),
        path=SVG_LOGO,
    ),
    _case(
        "svg-logo-without-namespace",
        "files",
        b"<svg><rect/></svg>",
        Expect(1, 1, "bad-logo", "The logo is not an SVG image (its outer element is not `<svg>`). " + FIX_SVG),
        path=SVG_LOGO,
    ),
    _case(
        "html-saved-as-png",
        "files",
        b"<!doctype html><script>alert(1)</script>",
        Expect(1, 1, "bad-logo", "The logo is not a PNG image (it holds text, such as a web page). " + FIX_PNG),
        path=PNG_LOGO,
    ),
    _case(
        "png-with-a-page-after-its-end",
        "files",
        png(tail=b"<html><script>alert(1)</script>"),
        Expect(1, 1, "bad-logo", "The PNG image is damaged (it does not end where a PNG ends). " + FIX_PNG),
        path=PNG_LOGO,
    ),
    _case(
        "png-cut-short",
        "files",
        png()[:-20],
        Expect(1, 1, "bad-logo", "The PNG image is cut short or damaged. " + FIX_PNG),
        path=PNG_LOGO,
    ),
    _case(
        "png-of-100000-pixels-wide",
        "files",
        png(100_000, 1),
        Expect(1, 1, "bad-logo", "The logo is 100000×1 pixels; logos are at most 2048×2048. Save it smaller."),
        path=PNG_LOGO,
    ),
    _case(
        "fifty-megabyte-logo",
        "files",
        None,
        Expect(1, 1, "bad-logo", "The logo is 50,000,000 bytes; logos are at most 200 kB. Save it smaller."),
        path=PNG_LOGO,
        setup=_sparse_logo,
    ),
    _case(
        "two-logos",
        "files",
        None,
        Expect(1, 1, "two-logos", "The organization has both logo.png and logo.svg. Keep one of them and delete the other."),
        path=SVG_LOGO,
        setup=_two_logos,
    ),
    _case(
        "pathway-wage-beyond-belief",
        "schema",
        (MINIMAL / "pathways" / "manufacturing.yml")
        .read_text(encoding="utf-8")
        .replace('soc: "51-4121"', 'soc: "51-4121"\n    wage:\n      amount: 100000000000000\n      unit: hour')
        .encode(),
        Expect(
            38,
            15,
            "implausible-amount",
            "`occupations`, item 1, `wage.amount` is $100000000000000 per hour, which cannot be a real amount. "
            "Write the amount in dollars with at most two decimals, from 1 to 500 per hour.",
        ),
        path="pathways/manufacturing.yml",
    ),
]


def by_name(name: str) -> Case:
    return next(case for case in CASES if case.name == name)


# -- rendering: hostile text that must come out inert ---------------------------------

MARK = "pwned"


@dataclass(frozen=True)
class RenderCase:
    """A listing (or organization) with hostile values, and what its built pages must show.

    visible: text a reader sees, literally (so it was printed, not interpreted);
    present: exact HTML that must be in the page; absent: HTML that must not be.
    Every page of the site also passes the general inertness checks.
    """

    name: str
    changes: dict[str, object]
    visible: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    kind: str = "opportunity"  # organization or pathway: the changes apply to a hostile profile of that kind
    visible_es: tuple[str, ...] | None = None  # for the Spanish page, when it differs
    present_es: tuple[str, ...] | None = None


def _link(text: str) -> str:
    """An `<a>` whose address the sanitizer dropped."""
    return f'<a rel="nofollow noopener noreferrer">{text}</a>'


RENDER_CASES: list[RenderCase] = [
    RenderCase(
        "script-tag",
        {"description": f"Before.\n\n<script>alert('{MARK}')</script>\n\nAfter."},
        visible=("Before.", "After."),
        absent=(f"alert('{MARK}')", "&lt;script"),
    ),
    RenderCase(
        "event-handler-on-image",
        {"description": f"Photo: <img src=x onerror=\"alert('{MARK}')\">"},
        visible=("Photo:",),
        absent=("onerror", "<img"),
    ),
    RenderCase(
        "svg-onload",
        {"description": f'<svg onload="alert(\'{MARK}\')"><circle r="1"/></svg>Shape.'},
        visible=("Shape.",),
        absent=("onload=", "<svg onload"),
    ),
    RenderCase(
        "event-handler-on-allowed-link",
        {"description": f'<a href="https://example.org/ok" onclick="alert(\'{MARK}\')">ok link</a>'},
        present=('<a href="https://example.org/ok" rel="nofollow noopener noreferrer">ok link</a>',),
    ),
    RenderCase(
        "javascript-link",
        {"description": f"<a href=\"javascript:alert('{MARK}')\">js link</a>"},
        present=(_link("js link"),),
    ),
    RenderCase(
        "entity-encoded-javascript-link",
        {
            "description": f"<a href=\"jav&#x61;script:alert('{MARK}')\">entity link</a> and <a href=\"&#106;avascript:alert('{MARK}')\">decimal link</a>"
        },
        present=(_link("entity link"), _link("decimal link")),
    ),
    RenderCase(
        "mixed-case-javascript-link",
        {"description": "[mixed link](JaVaScRiPt:alert(document.domain))"},
        present=(_link("mixed link"),),
    ),
    RenderCase(
        "markdown-javascript-link",
        {"description": "[md link](javascript:alert(document.domain)) and [tab link](java\tscript:alert(document.domain))"},
        # CommonMark allows no tab in a link's address, so the second stays text.
        present=(_link("md link"),),
        absent=('href="java',),
    ),
    RenderCase(
        "reference-style-vbscript-link",
        {"description": "[vb link][evil]\n\n[evil]: vbscript:msgbox(document.domain)"},
        present=(_link("vb link"),),
    ),
    RenderCase(
        "data-url-image",
        {"description": "![pic](data:text/html;base64,PHNjcmlwdD5hbGVydCgncHduZWQnKTwvc2NyaXB0Pg==) Picture."},
        visible=("Picture.",),
        absent=("<img", "base64"),
    ),
    RenderCase(
        "data-url-link",
        {"description": "[data link](data:text/html,<script>alert(document.domain)</script>)"},
        present=(_link("data link"),),
    ),
    RenderCase(
        "protocol-relative-link",
        {"description": f"[away](//evil.example/{MARK}) and [slash](/\\evil.example/{MARK})"},
        present=(_link("away"), _link("slash")),
        absent=("evil.example",),
    ),
    RenderCase(
        "attribute-list",
        {"description": f'A paragraph\n{{: onclick="alert(\'{MARK}\')" }}\n\n## Heading {{: #x onclick="y" }}'},
        visible=(f"{{: onclick=\"alert('{MARK}')\" }}", '{: #x onclick="y" }'),
    ),
    RenderCase(
        "iframe",
        {"description": f'Frame: <iframe src="https://evil.example/{MARK}"></iframe>'},
        visible=("Frame:",),
        absent=("<iframe", "evil.example"),
    ),
    RenderCase(
        "form",
        {"description": f'<form action="https://evil.example/{MARK}"><input name="{MARK}"><button>Send</button></form>'},
        visible=("Send",),
        absent=("evil.example", f'name="{MARK}"'),
    ),
    RenderCase(
        "meta-refresh",
        {"description": f'<meta http-equiv="refresh" content="0;url=https://evil.example/{MARK}">Refresh.'},
        visible=("Refresh.",),
        absent=("evil.example",),
    ),
    RenderCase(
        "object-embed-base",
        {
            "description": f'<object data="https://evil.example/{MARK}"></object>'
            f'<embed src="https://evil.example/{MARK}"><base href="https://evil.example/">Embedded.'
        },
        absent=("evil.example", "<object", "<embed", "<base"),
    ),
    RenderCase(
        "style-and-stylesheet",
        {
            "description": '<style>body{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css">'
            f"<div style=\"background:url(javascript:alert('{MARK}'))\">styled</div>"
        },
        visible=("styled",),
        absent=("display:none", "evil.example", "background:url"),
    ),
    RenderCase(
        "snippet-include-line",
        {"description": 'Snippet:\n\n--8<-- "mkdocs.yml"\n\n--8<-- "README.md"'},
        visible=('--8<-- "mkdocs.yml"', '--8<-- "README.md"'),
        absent=("use_directory_urls", "markdown_extensions"),
    ),
    RenderCase(
        "template-syntax",
        {
            "title": "Template {{ 7*7 }} {% raw %}",
            "description": "{{ config.site_name }} and {% include 'base.html' %} and {# note #} and ${7*7}",
        },
        visible=(
            "Template {{ 7*7 }} {% raw %}",
            "{{ config.site_name }} and {% include 'base.html' %} and {# note #} and ${7*7}",
        ),
    ),
    RenderCase(
        "title-closes-title",
        {"title": f"</title><script>alert('{MARK}')</script> Title"},
        visible=(f"</title><script>alert('{MARK}')</script> Title",),
        present=("&lt;/title&gt;&lt;script&gt;",),
    ),
    RenderCase(
        "summary-breaks-out-of-meta",
        {"summary": f'"><script>alert(\'{MARK}\')</script><meta http-equiv="refresh" content="0">'},
        visible=(f'"><script>alert(\'{MARK}\')</script><meta http-equiv="refresh" content="0">',),
    ),
    RenderCase(
        "markdown-in-one-line-fields",
        {
            "title": f"[title link](javascript:alert('{MARK}'))",
            "summary": f"**bold** [summary link](javascript:alert('{MARK}')) <https://evil.example/{MARK}>",
            "contact.role": f"[role link](javascript:alert('{MARK}'))",
            "sites.0.name": f"<b onmouseover=\"alert('{MARK}')\">Site</b>",
            "sites.0.transit": f"![t](data:x) <script>alert('{MARK}')</script>",
            "application.how": f"[apply link](javascript:alert('{MARK}'))",
            "application.documents": [f"<img src=x onerror=alert('{MARK}')>"],
            "eligibility.who": "{{ 7*7 }} | a | b |",
        },
        visible=(
            f"[title link](javascript:alert('{MARK}'))",
            f"**bold** [summary link](javascript:alert('{MARK}')) <https://evil.example/{MARK}>",
            f"[role link](javascript:alert('{MARK}'))",
            f"<b onmouseover=\"alert('{MARK}')\">Site</b>",
            f"![t](data:x) <script>alert('{MARK}')</script>",
            f"[apply link](javascript:alert('{MARK}'))",
            f"<img src=x onerror=alert('{MARK}')>",
            "{{ 7*7 }} | a | b |",
        ),
    ),
    RenderCase(
        "comments-and-cdata",
        {"description": f"<!-- <script>alert('{MARK}')</script> -->\n\n<![CDATA[<script>alert('{MARK}')</script>]]>\n\nVisible."},
        visible=("Visible.",),
        absent=("<!--", "<script>alert"),
    ),
    RenderCase(
        "escaped-html-stays-text",
        {"description": "Use &lt;b&gt; tags &amp; ampersands & <b>bold</b>"},
        visible=("Use <b> tags & ampersands & bold",),
        present=("<b>bold</b>",),
    ),
    RenderCase(
        "whole-numbers-written-as-decimals",
        {"eligibility.grades": {"min": 11.0, "max": 12.0}, "seats": 4.0},
        visible=("Grades 11–12",),
        visible_es=("Grados 11–12",),
        absent=("11.0", "12.0"),
    ),
    RenderCase(
        "structured-data-breakout",
        {"example": False, "title": f"</script><script>alert('{MARK}')</script> Real Internship"},
        visible=(f"</script><script>alert('{MARK}')</script> Real Internship",),
    ),
    RenderCase(
        "spreadsheet-formula-and-calendar-text",
        {"title": f'=HYPERLINK("https://evil.example/{MARK}");\\, x'},
        visible=(f'=HYPERLINK("https://evil.example/{MARK}");\\, x',),
    ),
    RenderCase(
        "spanish-translation",
        {
            "translations": {
                "es": {
                    "title": f"<script>alert('{MARK}')</script> Pasantía",
                    "description": f'[es link](javascript:alert(document.domain)) <iframe src="https://evil.example/{MARK}"></iframe>',
                }
            }
        },
        visible=("Case spanish-translation",),
        absent=("evil.example", "<iframe"),
        visible_es=(f"<script>alert('{MARK}')</script> Pasantía",),
        present_es=(_link("es link"),),
    ),
    RenderCase(
        "hostile-organization",
        {
            "name": f"<img src=x onerror=alert('{MARK}')> Org",
            "summary": f"\"><script>alert('{MARK}')</script>",
            "description": f"<script>alert('{MARK}')</script>\n\n[org link](javascript:alert(document.domain)) {{{{ 7*7 }}}}",
            "contact.role": f"<b onclick=\"alert('{MARK}')\">Office</b>",
        },
        visible=(f"<img src=x onerror=alert('{MARK}')> Org", "{{ 7*7 }}", f"<b onclick=\"alert('{MARK}')\">Office</b>"),
        present=(_link("org link"),),
        kind="organization",
    ),
    RenderCase(
        "hostile-pathway",
        {
            "name": f"<script>alert('{MARK}')</script> Path",
            "summary": "{{ 7*7 }} [s](javascript:alert(document.domain))",
            "description": f'<iframe src="https://evil.example/{MARK}"></iframe>\n\n[path link](javascript:alert(document.domain))',
            "stages.awareness.steps.0.name": f"<b onclick=\"alert('{MARK}')\">Step</b>",
        },
        visible=(
            f"<script>alert('{MARK}')</script> Path",
            "{{ 7*7 }} [s](javascript:alert(document.domain))",
            f"<b onclick=\"alert('{MARK}')\">Step</b>",
        ),
        present=(_link("path link"),),
        absent=("evil.example", "<iframe"),
        kind="pathway",
    ),
]
