"""Shared test helpers: the fixed "as of" date and tiny fixture catalogs.

Every test that depends on today's date uses AS_OF (2026-11-22), either
through `check_catalog(root, as_of=AS_OF)` or the CATALOG_TODAY variable.
Fixture catalogs live in tests/fixtures/<scenario>/ and are copied into
tmp_path/catalog before a test edits them.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sitebuild import shared_bundled_site

import generator.check.load
import generator.check.rules
from generator.check.problems import as_text
from generator.check.schemas import Validators
from generator.model.checked import check_catalog

AS_OF = dt.date(2026, 11, 22)
CATALOG_TODAY = AS_OF.isoformat()
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def copy_fixture(name: str, dest: Path) -> Path:
    """Copy tests/fixtures/<name> to dest/catalog and return that folder."""
    root = dest / "catalog"
    shutil.copytree(FIXTURES / name, root, symlinks=True)
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of text in a file; fail loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def check_lines(root: Path, as_of: dt.date = AS_OF) -> list[str]:
    """The checker's text output for a catalog, one line per problem."""
    return as_text(check_catalog(root, as_of=as_of).problems)


@pytest.fixture
def catalog_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Fix the build date through the environment, as CI and the CLI see it."""
    monkeypatch.setenv("CATALOG_TODAY", CATALOG_TODAY)
    return AS_OF


@pytest.fixture
def minimal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog_today: dt.date) -> Path:
    """A fresh copy of the minimal catalog at tmp_path/catalog, with tmp_path as the current folder."""
    monkeypatch.chdir(tmp_path)
    return copy_fixture("minimal", tmp_path)


class CachedValidators:
    """Compiling the schemas takes about 0.3 s; the in-process tests reuse validators for equal vocabularies.

    The same Validators objects are built, only once per set of vocabularies, so behaviour is unchanged.
    """

    def __init__(self) -> None:
        self.cache: dict[str, Validators] = {}

    def __call__(self, vocabularies: dict[str, list[dict[str, Any]]] | None = None) -> Validators:
        key = json.dumps(vocabularies, sort_keys=True, default=str)
        if key not in self.cache:
            self.cache[key] = Validators(vocabularies)
        return self.cache[key]


CACHE = CachedValidators()


def use_cached_validators(monkeypatch: Any) -> None:
    monkeypatch.setattr(generator.check.load, "Validators", CACHE)


def merge(data: dict[str, Any], changes: dict[str, Any]) -> None:
    """Changes into a listing's data: mappings merge, None removes a key, anything else replaces."""
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        elif isinstance(value, dict) and isinstance(data.get(key), dict):
            merge(data[key], value)
        else:
            data[key] = value


def write_variants(root: Path, listings: dict[str, dict[str, Any]], base: str = "employers/acme/welding-intern.yml") -> None:
    """One listing per slug beside `base`: its data with the slug's changes (merge), titled "Listing <slug>"."""
    import yaml

    data0 = yaml.safe_load((root / base).read_text(encoding="utf-8"))
    for slug, changes in listings.items():
        data = yaml.safe_load(yaml.safe_dump(data0))
        merge(data, changes)
        data["title"] = f"Listing {slug}"
        (root / base).with_name(f"{slug}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def clean_catalog(root: Path) -> Any:
    """The catalog of a fixture folder that must check without errors (validators from the shared cache)."""
    from generator.model.checked import check_catalog

    with pytest.MonkeyPatch.context() as patch:
        use_cached_validators(patch)
        checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, checked.failure_report()
    return checked.catalog


@pytest.fixture(autouse=True)
def _english_only_fixtures(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture catalogs are in English only, which the checker warns about (`missing-translation`) on every
    listing; tests of other rules expect only their own problems, so in-process checks leave that warning out
    unless a test asks for it with the `spanish_warnings` fixture."""
    if "spanish_warnings" not in request.fixturenames:
        monkeypatch.setattr(generator.check.rules.Rules, "untranslated", lambda self, record: None)


@pytest.fixture
def spanish_warnings() -> None:
    """Keep the checker's warning about listings without a Spanish title or summary (see _english_only_fixtures)."""


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The bundled catalog built once for the whole session (all test processes); tests only read it."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent  # xdist gives each process a folder in a shared one
    return shared_bundled_site(shared)


def html_text(html: str, sep: str = "") -> str:
    """The text of a piece of HTML, without its tags, as written (spaces and line breaks kept); `sep` goes
    between the text of neighbouring elements."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return sep.join(parser.parts)


def listing_text(catalog: Any, catalog_id: str, lang: str, site: str = "https://wbl.example.org/") -> str:
    """A listing page's body as rendered for a language, tags replaced by spaces and spaces collapsed."""
    import re

    from generator.render.site import SiteRenderer

    html = SiteRenderer(catalog, site).opportunity(catalog.opportunities[catalog_id], lang).body
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
