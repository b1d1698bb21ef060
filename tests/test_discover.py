"""File classification: every entry under catalog/ is a record, a logo, or a located problem."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, check_lines

from generator.check.discover import discover

LISTING = "employers/acme/welding-intern.yml"


def test_minimal_catalog_is_classified() -> None:
    entries, logos, problems = discover(FIXTURES / "minimal")
    assert problems == []
    assert logos == []
    assert sorted((e.kind, e.id) for e in entries) == [
        ("opportunity", "acme/welding-intern"),
        ("organization", "acme"),
        ("pathway", "manufacturing"),
        ("rubric", "key-distinguishers"),
        ("vocabulary", "areas"),
        ("vocabulary", "formats"),
        ("vocabulary", "grade-bands"),
        ("vocabulary", "languages"),
        ("vocabulary", "populations"),
        ("vocabulary", "seasons"),
        ("vocabulary", "sectors"),
        ("vocabulary", "signals"),
    ]


def test_logo_is_an_asset(minimal: Path) -> None:
    (minimal / "employers/acme/logo.svg").write_text("<svg/>", encoding="utf-8")
    _, logos, problems = discover(minimal)
    assert (logos, problems) == ([minimal / "employers/acme/logo.svg"], [])


def _symlink(root: Path) -> None:
    (root / "employers/acme/copy.yml").symlink_to(root / LISTING)


def _symlinked_folder(root: Path) -> None:
    (root / "employers/beta").symlink_to(root / "employers/acme")


def _yaml_extension(root: Path) -> None:
    (root / "employers/acme/x.yaml").write_text("title: x\n", encoding="utf-8")


def _upper_extension(root: Path) -> None:
    (root / "pathways/manufacturing.yml").rename(root / "pathways/manufacturing.YML")


def _ds_store(root: Path) -> None:
    (root / "employers/acme/.DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")


def _readme(root: Path) -> None:
    (root / "employers/acme/README.md").write_text("# Notes\n", encoding="utf-8")


def _logo_gif(root: Path) -> None:
    (root / "employers/acme/logo.gif").write_bytes(b"GIF89a")


def _folder_in_org(root: Path) -> None:
    (root / "employers/acme/drafts").mkdir()
    (root / "employers/acme/drafts/next.yml").write_text("title: x\n", encoding="utf-8")


def _top_folder(root: Path) -> None:
    (root / "misc").mkdir()


def _top_yml(root: Path) -> None:
    (root / "notes.yml").write_text("title: x\n", encoding="utf-8")


def _top_txt(root: Path) -> None:
    (root / "notes.txt").write_text("x\n", encoding="utf-8")


def _stray_listing(root: Path) -> None:
    (root / "employers/stray.yml").write_text("title: x\n", encoding="utf-8")


def _upper_folder(root: Path) -> None:
    (root / "employers/acme").rename(root / "employers/Acme-Corp")


def _upper_file(root: Path) -> None:
    (root / LISTING).rename(root / "employers/acme/Welding_Intern.yml")


def _accented_file(root: Path) -> None:
    (root / "pathways/manufacturing.yml").rename(root / "pathways/Fabricación.yml")


def _unknown_vocabulary(root: Path) -> None:
    (root / "vocabularies/colors.yml").write_text("items: []\n", encoding="utf-8")


def _misspelt_vocabulary(root: Path) -> None:
    (root / "vocabularies/format.yml").write_text("items: []\n", encoding="utf-8")


def _missing_vocabulary(root: Path) -> None:
    (root / "vocabularies/seasons.yml").unlink()


def _missing_organization(root: Path) -> None:
    (root / "employers/acme/organization.yml").rename(root / "employers/acme/profile.yml")


def _retired_folder(root: Path) -> None:
    (root / "retired.yml").mkdir()


HINT_UNEXPECTED = "Catalog files end in .yml; remove this file or move it out of catalog/."
HINT_FOLDER = "Move its files to the right place (see CONTRIBUTING.md) and remove the folder."
HINT_LINK = "This is a symbolic link, not a file or folder. Replace the link with the real file or folder."
BAD_ID = "is not a valid id: use lowercase letters, digits and single hyphens."


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (_symlink, [f"catalog/employers/acme/copy.yml:1:1: error: {HINT_LINK}"]),
        (_symlinked_folder, [f"catalog/employers/beta:1:1: error: {HINT_LINK}"]),
        (
            _yaml_extension,
            ["catalog/employers/acme/x.yaml:1:1: error: The file `x.yaml` has the wrong extension. Rename it to `x.yml`."],
        ),
        (
            _upper_extension,
            [
                "catalog/employers/acme/welding-intern.yml:12:5: error: `pathways`, item 1 names the pathway `manufacturing`, "
                "which is not in the catalog. Add the pathway first.",
                "catalog/pathways/manufacturing.YML:1:1: error: The file `manufacturing.YML` has the wrong extension. "
                "Rename it to `manufacturing.yml`.",
            ],
        ),
        (
            _ds_store,
            [
                "catalog/employers/acme/.DS_Store:1:1: error: The hidden file `.DS_Store` is not expected in the catalog. "
                "Delete it, or rename it without the leading dot."
            ],
        ),
        (_readme, [f"catalog/employers/acme/README.md:1:1: error: The file `README.md` is not expected here. {HINT_UNEXPECTED}"]),
        (_logo_gif, [f"catalog/employers/acme/logo.gif:1:1: error: The file `logo.gif` is not expected here. {HINT_UNEXPECTED}"]),
        (_folder_in_org, [f"catalog/employers/acme/drafts:1:1: error: The folder `drafts` is not expected here. {HINT_FOLDER}"]),
        (_top_folder, [f"catalog/misc:1:1: error: The folder `misc` is not expected here. {HINT_FOLDER}"]),
        (_retired_folder, [f"catalog/retired.yml:1:1: error: The folder `retired.yml` is not expected here. {HINT_FOLDER}"]),
        (
            _top_yml,
            [
                "catalog/notes.yml:1:1: error: The file `notes.yml` is not expected at the top of the catalog. "
                "Opportunities go in catalog/employers/<org-id>/, pathways in catalog/pathways/."
            ],
        ),
        (_top_txt, [f"catalog/notes.txt:1:1: error: The file `notes.txt` is not expected here. {HINT_UNEXPECTED}"]),
        (
            _stray_listing,
            [
                "catalog/employers/stray.yml:1:1: error: Files in catalog/employers/ belong in an organization's folder. "
                "Move it to catalog/employers/<org-id>/stray.yml."
            ],
        ),
        (
            _upper_folder,
            [f"catalog/employers/Acme-Corp:1:1: error: The folder name `Acme-Corp` {BAD_ID} Rename it to `acme-corp`."],
        ),
        (
            _upper_file,
            [
                f"catalog/employers/acme/Welding_Intern.yml:1:1: error: The file name `Welding_Intern` {BAD_ID} Rename it to `welding-intern`."
            ],
        ),
        (
            _accented_file,
            [
                "catalog/employers/acme/welding-intern.yml:12:5: error: `pathways`, item 1 names the pathway `manufacturing`, "
                "which is not in the catalog. Add the pathway first.",
                f"catalog/pathways/Fabricación.yml:1:1: error: The file name `Fabricación` {BAD_ID} Rename it to `fabricacion`.",
            ],
        ),
        (
            _unknown_vocabulary,
            [
                "catalog/vocabularies/colors.yml:1:1: error: `colors.yml` is not one of the catalog's vocabularies. "
                "Use one of: `formats.yml`, `sectors.yml`, `areas.yml`, `grade-bands.yml`, `signals.yml`, `languages.yml`, `seasons.yml`, `populations.yml`, `regions.yml`, `endorsements.yml`, "
                "`synonyms.yml`, `verifiers.yml`."
            ],
        ),
        (
            _misspelt_vocabulary,
            [
                "catalog/vocabularies/format.yml:1:1: error: `format.yml` is not one of the catalog's vocabularies. "
                "Did you mean `formats.yml`?"
            ],
        ),
        (
            _missing_vocabulary,
            [
                "catalog/vocabularies/seasons.yml:1:1: error: The vocabulary file `seasons.yml` is missing. "
                "Add catalog/vocabularies/seasons.yml; the allowed values of the catalog come from it."
            ],
        ),
    ],
    ids=lambda value: value.__name__.strip("_") if callable(value) else "",
)
def test_unexpected_entry_is_located(minimal: Path, setup: Callable[[Path], None], expected: list[str]) -> None:
    setup(minimal)
    assert check_lines(minimal) == expected


def test_missing_organization_profile(minimal: Path) -> None:
    _missing_organization(minimal)
    lines = check_lines(minimal)
    assert lines[0] == (
        "catalog/employers/acme/organization.yml:1:1: error: The folder catalog/employers/acme/ has no organization.yml. "
        "Add organization.yml describing the organization (see CONTRIBUTING.md)."
    )
    # The renamed profile is now read as a listing, and fails as one.
    assert all(line.startswith("catalog/employers/acme/profile.yml:") for line in lines[1:])


def test_missing_catalog_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert check_lines(tmp_path / "catalog") == [
        "catalog:1:1: error: The catalog folder does not exist. Run the command from the project's root folder."
    ]


def test_unreadable_file_is_located(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod does not stop root, so the refusal is simulated where the checker opens the file.
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "welding-intern.yml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    assert check_lines(minimal) == [
        "catalog/employers/acme/welding-intern.yml:1:1: error: The file cannot be read (Permission denied). Check the file's permissions."
    ]


def test_an_organization_folder_named_page_is_refused(minimal: Path) -> None:
    # employers/page/2/ and opportunities/page/2/ are index pages; a listing page/2 would be written over one.
    (minimal / "employers/acme").rename(minimal / "employers/page")
    entries, _, problems = discover(minimal)
    assert not [e for e in entries if e.kind in ("organization", "opportunity")]
    assert [(p.path, p.code) for p in problems] == [("catalog/employers/page", "reserved-id")]
    assert "site's own addresses" in problems[0].message and problems[0].hint.startswith("Rename the folder")


@pytest.mark.parametrize("where", [".", "catalog", "catalog/employers", "catalog/employers/acme", "elsewhere"])
def test_shown_paths_are_relative_to_where_the_command_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    from generator.check.discover import shown_path

    root = tmp_path / "catalog"
    (root / "employers" / "acme").mkdir(parents=True)
    (root / "employers" / "acme" / "organization.yml").write_text("name: Acme\n", encoding="utf-8")
    (root / "employers" / "acme" / "welding.yml").write_text("title: Welding\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / where)
    for given in (root, Path(os.path.relpath(root))):
        entries, _, _ = discover(given)
        assert len(entries) == 2
        assert [e.shown for e in entries] == [shown_path(e.path) for e in entries]
