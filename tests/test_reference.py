"""The employer guide (/contribute/): examples written as YAML that pass the check, and a field reference grouped by
what an employer fills in."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import AS_OF, merge

from generator.check.problems import as_text
from generator.model.checked import check_catalog
from generator.render import reference
from generator.render.reference import GROUPS, Row, as_yaml, field_reference, grouped

ROOT = Path(__file__).resolve().parents[1]
ORG = "crossroads-youth-staffing"


def test_examples_are_written_as_yaml() -> None:
    assert as_yaml({"type": "paid", "amount": 18.5, "unit": "hour"}) == "{type: paid, amount: 18.5, unit: hour}"
    assert as_yaml(["south-la", "east-la"]) == "[south-la, east-la]"
    assert as_yaml("90242") == '"90242"'  # a ZIP code read as a number would lose its meaning
    assert as_yaml("2027-03-15") == "2027-03-15"  # dates are written bare in the catalog
    assert as_yaml("Metro: B Line") == '"Metro: B Line"'
    assert as_yaml(True) == "true" and as_yaml("") == ""
    for _, rows in field_reference():
        for row in rows:
            assert not row.example.startswith(('{"', '["')), row


def test_the_reference_is_grouped_in_the_forms_order() -> None:
    rows = dict(field_reference())["opportunity"]
    groups = grouped(rows)
    assert [name for name, _ in groups] == list(GROUPS)
    where = {row.path: name for name, found in groups for row in found}
    assert where["pay.amount"] == "pay" and where["employer_of_record"] == "pay"
    assert where["eligibility.grades"] == "who" and where["schedule.start"] == "time"
    assert where["application.deadline"] == "applying" and where["sites[].city"] == "place"
    assert where["title"] == "about" and where["contact.email"] == "contact"
    assert sum(len(found) for _, found in groups) == len(rows)
    assert grouped([Row("name", True, "", "", "")]) == [("about", [Row("name", True, "", "", "")])]


def errors_of(tmp_path: Path, text: str) -> list[str]:
    catalog = tmp_path / "catalog"
    if not catalog.exists():
        shutil.copytree(ROOT / "catalog", catalog)
    (catalog / "employers" / ORG / "guide-example.yml").write_text(text, encoding="utf-8")
    return [line for line in as_text(check_catalog(catalog, as_of=AS_OF).problems) if "guide-example" in line]


def test_the_whole_example_passes_the_check_as_it_is(tmp_path: Path) -> None:
    assert errors_of(tmp_path, reference.WHOLE_EXAMPLE) == []


@pytest.mark.parametrize("key, part", reference.PART_EXAMPLES, ids=[k for k, _ in reference.PART_EXAMPLES])
def test_each_part_example_passes_in_the_whole_one(tmp_path: Path, key: str, part: str) -> None:
    data: dict[str, Any] = yaml.safe_load(reference.WHOLE_EXAMPLE)
    changes = yaml.safe_load(part)
    for name in changes:
        data.pop(name, None)  # a part replaces the keys it writes, whole
    merge(data, changes)
    if data["pay"]["type"] != "paid":
        data.pop("employer_of_record")
    if data["application"].get("rolling"):
        data["application"].pop("deadline", None)
    assert errors_of(tmp_path, yaml.safe_dump(data, sort_keys=False, allow_unicode=True)) == []


def test_the_github_steps_link_to_the_folders_and_the_issue_form() -> None:
    links = reference.guide_links("https://github.com/o/r", "main")
    assert links["folder"] == "https://github.com/o/r/tree/main/catalog/employers"
    assert links["issue"] == "https://github.com/o/r/issues/new?template=add-opportunity.yml"
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / "add-opportunity.yml").is_file()
    assert reference.guide_links("", "main") == {}


class _Text(HTMLParser):
    """The page's visible text (inside the main content), its prose apart (outside the files it shows), and the
    tags it uses."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.prose: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.skip += tag in ("script", "style")
        self.pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")
        self.pre -= tag == "pre"

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)
            if not self.pre:
                self.prose.append(data)


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_the_guide_page_shows_yaml_never_json_nor_backticks(bundled_site: Path, prefix: str) -> None:
    html = (bundled_site / prefix / "contribute" / "index.html").read_text(encoding="utf-8")
    main = html[html.index('<div class="wbl wbl-guide">') :]
    page = _Text()
    page.feed(main)
    text = "".join(page.text)
    assert "`" not in "".join(page.prose)  # code is <code>; the files shown keep their own notes as written
    assert not re.search(r'\{\s*"\w+"\s*:', text), "a JSON object is shown"
    assert "type: paid" in text and "employer_of_record: self" in text
    # The form first, then the GitHub steps, then the examples, then the reference.
    order = [main.index(mark) for mark in ('class="wbl-cform-link"', 'id="on-github"', 'id="examples"', 'id="field-reference"')]
    assert order == sorted(order)
    groups = [
        attrs.get("id") for tag, attrs in page.tags if tag == "details" and str(attrs.get("id")).startswith("ref-opportunity-")
    ]
    assert groups == [f"ref-opportunity-{name}" for name in GROUPS]
    assert not any("open" in attrs for tag, attrs in page.tags if tag == "details")  # all folded
