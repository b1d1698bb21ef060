"""The new-listing form's fields come from the opportunity schema, with labels from the catalogs."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import clean_catalog, copy_fixture

from generator import i18n
from generator.check import messages
from generator.render import contribute_form
from generator.render.contribute_form import COMMON, FIXED, LEFT_OUT, Field, FormBuilder, label_key
from generator.render.site import SiteRenderer

ROOT = Path(__file__).resolve().parents[1]
# What a first listing needs: each has a label in every language of the site.
FIRST_LISTING = (
    "title", "summary", "sectors", "format", "pay", "pay.type", "pay.amount", "pay.unit",
    "eligibility.grades.min", "eligibility.grades.max", "eligibility.age.min", "eligibility.age.max",
    "schedule.start", "schedule.end", "schedule.hours_per_week",
    "application.mode", "application.url", "application.deadline", "sites", "sites.name", "sites.zip", "contact",
    "contact.role", "contact.email",
)  # fmt: skip


@pytest.fixture
def catalog(tmp_path: Path) -> Any:
    return clean_catalog(copy_fixture("minimal", tmp_path))


def flat(fields: tuple[Field, ...]) -> dict[str, Field]:
    out: dict[str, Field] = {}
    for f in fields:
        out[f.name] = f
        out.update(flat(f.children))
    return out


def schema_paths(node: dict[str, Any], root: dict[str, Any], path: tuple[str, ...] = ()) -> set[str]:
    """Every property path of the schema that the form may offer (lists' items are not in the path)."""
    out = set()
    for key, sub in node.get("properties", {}).items():
        here = (*path, key)
        name = ".".join(here)
        if name in LEFT_OUT or name in FIXED or str(sub.get("$ref", "")).startswith("#/properties"):
            continue
        sub, _ = contribute_form._deref(root, sub)
        out.add(name)
        items, _ = contribute_form._deref(root, sub.get("items", {}))
        for inner in (sub, items):
            if inner.get("type") == "object":
                out |= schema_paths(inner, root, here)
    return out


def test_every_field_of_the_schema_is_in_the_form(catalog: Any) -> None:
    builder = FormBuilder(catalog, "en")
    fields = flat(builder.fields())
    wanted = {p for p in schema_paths(builder.schema, builder.schema) if flat_object_has_fields(builder.schema, p)}
    assert wanted - set(fields) == set()
    assert fields["pay.type"].widget == "select" and fields["sectors"].widget == "checkboxes"
    assert fields["sites"].widget == "list" and fields["description"].widget == "textarea"
    assert fields["application.deadline"].widget == "date" and fields["application.url"].widget == "url"
    assert fields["pay.amount"].help.startswith("Amount in US dollars") and fields["pay.amount"].example == "18.5"
    assert fields["last_reviewed"].today


def flat_object_has_fields(schema: dict[str, Any], name: str) -> bool:
    """Objects keyed by free names (no `properties`) have nothing to fill in."""
    node: Any = schema
    for part in name.split("."):
        node, _ = contribute_form._deref(schema, node)
        node = node.get("items", node) if node.get("type") == "array" else node
        node, _ = contribute_form._deref(schema, node)
        node = node.get("properties", {}).get(part, {})
    node, _ = contribute_form._deref(schema, node)
    return node.get("type") != "object" or bool(node.get("properties"))


def test_a_field_added_to_the_schema_appears_without_a_change(catalog: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    real = contribute_form.bundle

    def with_new_field(kind: str, vocabularies: Any = None) -> dict[str, Any]:
        schema = copy.deepcopy(real(kind, vocabularies))
        schema["properties"]["schedule"]["properties"]["breaks"] = {"type": "integer", "description": "Breaks a day."}
        return schema

    monkeypatch.setattr(contribute_form, "bundle", with_new_field)
    field = flat(FormBuilder(catalog, "es").fields())["schedule.breaks"]
    assert (field.label, field.label_lang, field.widget, field.help) == ("Breaks", "en", "integer", "Breaks a day.")
    assert not field.common  # in the section's "More" part


@pytest.mark.parametrize("lang", i18n.available())
def test_a_first_listing_is_labelled_in_every_language(catalog: Any, lang: str) -> None:
    fields = flat(FormBuilder(catalog, lang).fields())
    for name in FIRST_LISTING:
        assert fields[name].label_lang == lang, name
        assert fields[name].common or fields[name].required, name
    options = {o.value: o for o in fields["pay.type"].options}
    assert options["paid"].lang == lang and options["paid"].label == i18n.t("cform_opt_pay_type_paid", lang)


def test_common_paths_exist_in_the_schema(catalog: Any) -> None:
    fields = flat(FormBuilder(catalog, "en").fields())
    assert COMMON - set(fields) == set()
    assert label_key(("sites", "zip")) == "cform_sites_zip"


def test_the_page_gets_the_checkers_templates() -> None:
    sent = contribute_form.script_messages()
    assert sent["templates"]["too-large"] == list(messages.TEMPLATES["too-large"])
    assert sent["patterns"]["date"] == list(messages.PATTERN_TEXT["date"])
    assert messages.template("too-large", 0, field="`seats`", value=9, limit=5) == "`seats` is 9, but it must be at most 5"


def test_the_vendored_modules_match_node_modules() -> None:
    pairs = [
        (ROOT / "node_modules/@cfworker/json-schema/dist/esm", ROOT / "site_overrides/assets/vendor/cfworker-json-schema"),
        (ROOT / "node_modules/yaml/browser", ROOT / "site_overrides/assets/vendor/yaml"),
    ]
    if not pairs[0][0].is_dir():
        pytest.skip("node_modules is not installed (npm ci)")
    for source, vendored in pairs:
        files = sorted(p.relative_to(source) for p in source.rglob("*.js"))
        assert files == sorted(p.relative_to(vendored) for p in vendored.rglob("*.js")), "run scripts/vendor.sh"
        for name in files:
            # scripts/vendor.sh leaves out the comments that point to source maps, which the site does not ship.
            lines = (source / name).read_text(encoding="utf-8").splitlines(keepends=True)
            shipped = "".join(line for line in lines if not line.startswith("//# sourceMappingURL="))
            assert (vendored / name).read_text(encoding="utf-8") == shipped, f"{name}: run scripts/vendor.sh"


def test_the_forms_rules_between_fields_use_the_checkers_templates() -> None:
    """rules.js fills in templates by their code: each is one the checker has and uses itself."""
    script = (ROOT / "site_overrides/assets/contribute/rules.js").read_text(encoding="utf-8")
    codes = set(re.findall(r't\["([a-z-]+)"\]', script)) | set(re.findall(r'"([a-z]+-order)"', script))
    assert {"missing-employer-of-record", "missing-deadline", "date-order", "grades-order", "age-order"} <= codes
    rules = (ROOT / "generator/check/rules.py").read_text(encoding="utf-8")
    for code in codes:
        assert code in messages.TEMPLATES, code
        assert f'template("{code}", 0' in rules, f"the checker does not use the template {code}"


@pytest.mark.parametrize("lang", i18n.available())
def test_the_other_languages_title_and_summary_are_offered_and_optional(catalog: Any, lang: str) -> None:
    groups = FormBuilder(catalog, lang).translations()
    assert [g.path for g in groups] == [("translations", code) for code in i18n.available() if code != i18n.SOURCE]
    spanish = groups[0]
    assert spanish.label == i18n.t("cform_in_language", lang, language="español" if lang == "es" else "Spanish")
    assert [(c.name, c.required, c.widget) for c in spanish.children] == [
        ("translations.es.title", False, "text"),
        ("translations.es.summary", False, "text"),
    ]
    assert spanish.children[0].label == i18n.t("cform_title", lang)  # the listing's own label; the group names the language
    sections = contribute_form.page_context(catalog, lang, "", "")["sections"]
    assert sections[-1].name == "translations.es" and not sections[-1].open


def test_self_is_one_tap_away_for_the_employer_of_record(catalog: Any) -> None:
    field = flat(FormBuilder(catalog, "es").fields())["employer_of_record"]
    assert [(o.value, o.label, o.lang) for o in field.suggestions] == [
        ("self", i18n.t("cform_opt_employer_of_record_self", "es"), "es")
    ]


def with_organizations(tmp_path: Path, count: int) -> Any:
    """The minimal catalog with `count` organizations in all (Acme and copies of it)."""
    root = copy_fixture("minimal", tmp_path / str(count))
    acme = (root / "employers/acme/organization.yml").read_text(encoding="utf-8")
    for n in range(1, count):
        folder = root / "employers" / f"shop-{n:02d}"
        folder.mkdir()
        (folder / "organization.yml").write_text(acme.replace("Acme Fabrication", f"Shop {n:02d} Fabrication"), encoding="utf-8")
    return clean_catalog(root)


def form_page(catalog: Any, lang: str) -> str:
    renderer = SiteRenderer(catalog)
    renderer.guides(lang)
    return next(p.body for p in renderer.pages if p.kind == "contribute-new")


@pytest.mark.parametrize("lang", i18n.available())
def test_the_page_does_not_grow_with_the_organizations(tmp_path: Path, lang: str) -> None:
    small, large = with_organizations(tmp_path, 2), with_organizations(tmp_path, 40)
    assert len(large.organizations) == 40
    few, many = form_page(small, lang), form_page(large, lang)
    assert abs(len(many.encode()) - len(few.encode())) <= 8
    assert "Shop 01" not in few and "Shop 39" not in many and "shop-39" not in many
    assert 'list="cf-organization-choices"' in many and '<select id="cf-organization"' not in many


def test_the_organizations_are_one_small_file_for_every_language(tmp_path: Path) -> None:
    catalog = with_organizations(tmp_path, 3)
    contribute_form.write_form_files(catalog, tmp_path / "site")
    written = json.loads((tmp_path / "site/contribute/new/organizations.json").read_text(encoding="utf-8"))
    assert written == {
        "format": 1,
        "organizations": [
            {"id": "acme", "name": "Acme Fabrication"},
            {"id": "shop-01", "name": "Shop 01 Fabrication"},
            {"id": "shop-02", "name": "Shop 02 Fabrication"},
        ],
    }
    assert not list((tmp_path / "site").glob("es/**/organizations.json"))
    page = form_page(catalog, "es")
    assert 'data-source="../../../contribute/new/organizations.json"' in page


def test_an_unknown_organization_is_told_in_the_checkers_words() -> None:
    """The form (organizations.js) fills in the same template the checker uses for a folder without organization.yml."""
    assert contribute_form.script_messages()["templates"]["missing-organization"] == list(
        messages.TEMPLATES["missing-organization"]
    )
    discover = (ROOT / "generator/check/discover.py").read_text(encoding="utf-8")
    assert 'template("missing-organization", 0' in discover
    assert messages.template("missing-organization", 0, org="acme-shop") == (
        "The folder catalog/employers/acme-shop/ has no organization.yml"
    )


def test_the_rules_are_one_file_for_every_language_and_not_in_the_pages(catalog: Any, tmp_path: Path) -> None:
    """The schema, the checker's templates and the fields' help are the same in every language: the pages link to
    one rules.json instead of each carrying them."""
    contribute_form.write_form_files(catalog, tmp_path / "site")
    rules = json.loads((tmp_path / "site/contribute/new/rules.json").read_text(encoding="utf-8"))
    assert rules["format"] == 1 and rules["schema"] == contribute_form.page_schema(catalog)
    assert rules["messages"] == contribute_form.script_messages() and rules["fixed"] == dict(contribute_form.FIXED)
    fields = flat(FormBuilder(catalog, "en").fields())
    assert rules["help"]["pay.amount"] == fields["pay.amount"].help
    assert {name for name, f in fields.items() if f.help} <= set(rules["help"])
    assert "organization" not in rules["help"] and "id" not in rules["help"]  # those have the page's own help
    assert not list((tmp_path / "site").glob("es/**/rules.json"))
    for lang in i18n.available():
        page = form_page(catalog, lang)
        link = re.search(r'data-rules="([^"]+)"', page)
        here = Path("/site") / ("" if lang == "en" else lang) / "contribute/new"
        assert link and (here / link.group(1)).resolve() == Path("/site/contribute/new/rules.json"), link
        assert fields["pay.amount"].help not in page and '"$schema"' not in page
        assert 'id="cf-pay-amount-help"' in page and "<code>18.5</code>" in page  # the example stays
        assert "data-problem" not in page  # the script adds a field's problem when it has one


@pytest.mark.parametrize("lang", i18n.available())
def test_every_field_and_value_is_named_in_the_pages_language(catalog: Any, lang: str) -> None:
    """An employer reads the form in the page's language: no label is a key spelt out, no choice a raw value (a
    state's postal code is the same in every language; a weekday is named as the listing page names it)."""
    fields = flat(FormBuilder(catalog, lang).fields())
    assert [name for name, f in fields.items() if f.label_lang != lang] == []
    raw = [(name, o.value) for name, f in fields.items() for o in (*f.options, *f.suggestions) if o.lang != lang]
    assert raw == []
    needs = {o.value: o.label for o in fields["eligibility.needs"].options}
    assert needs["tb-test"] == i18n.t("listing_need_tb_test", lang)
    days = [o.label for o in fields["schedule.days"].options]
    assert days[0] == i18n.weekdays((0,), lang) and len(set(days)) == 7
