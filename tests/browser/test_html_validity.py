"""The W3C Nu HTML checker finds no error and no warning on one page of each type, in English and in Spanish.

The pages are those the other browser tests open (site_pages.page_types), the 404 page, and the second page
of the browse and organization indexes (from a catalog with more than a page of each); the site's own style
sheets are checked too. Nu is the npm package vnu-jar (package.json) and runs with Java 11 or later.

One message is Material's, left as it is: its base.html, outside any block a theme can override, puts
autocomplete="off" on the drawer's and the search's checkboxes so that Firefox does not restore them checked,
and Nu allows the attribute on text inputs only.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from paged_catalog import paged_catalog
from sitebuild import build_site

from .site_pages import LANGS, ROOT, page_types

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGED = ["opportunities/page/2/", "employers/page/2/"]
THEME_MESSAGE = "Attribute “autocomplete” is only allowed when the input type is"


def nu(files: list[Path]) -> list[dict[str, Any]]:
    """Nu's messages about the files (HTML, and CSS with --also-check-css)."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(
            f"The Nu HTML checker needs Java 11 or later ({java or 'not found'}) and {VNU}: "
            "`apt-get install -y default-jre-headless` and `npm ci`.",
            pytrace=False,
        )
    cmd = [java, "-jar", str(VNU), "--format", "json", "--also-check-css", *map(str, files)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"Nu did not answer in JSON ({result.returncode}):\n{result.stdout}\n{result.stderr}", pytrace=False)


def is_theme_message(message: dict[str, Any]) -> bool:
    return message.get("message", "").startswith(THEME_MESSAGE) and 'class="md-toggle"' in message.get("extract", "")


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paged-site")
    build_site(root / "site", paged_catalog(root / "catalog"))
    return root / "site"


def test_nu_finds_nothing_on_any_page_type(built_site: Path, paged_site: Path) -> None:
    pages = [
        site / ("es/" if lang == "es" else "") / path / "index.html"
        for lang in LANGS
        for site, paths in ((built_site, [p.split("?")[0] for p in page_types().values()]), (paged_site, PAGED))
        for path in paths
    ]
    files = [*pages, built_site / "404.html", *sorted((built_site / "assets").glob("*.css"))]
    assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
    messages = nu(files)
    theme = [m for m in messages if is_theme_message(m)]
    found = [m for m in messages if not is_theme_message(m)]
    assert not found, "Nu:\n" + "\n".join(
        f"- {m.get('type')}/{m.get('subType', '')} {m.get('url', '')}:{m.get('lastLine', '?')}: {m.get('message')}\n"
        f"    {' '.join(m.get('extract', '').split())[:200]}"
        for m in found[:30]
    )
    # Nu did read the pages: Material's own message comes up twice on each of them.
    assert len(theme) == 2 * (len(pages) + 1)
