"""The form that writes a new listing (/contribute/new/), generated from the opportunity schema when the site is built.

Every field of `schemas/opportunity.schema.json` that a form can offer becomes an input: its help text and example
are the schema's `description` and `examples`, its label the interface catalogs' `cform_<path>` message (the schema
path with `_` between keys, list items left out: `cform_sites_zip`), or, for a field without one yet, a name made
from its key and marked as English. A field added to the schema therefore appears in the form at the next build,
in its section's "More" part, without a change here. The page's script (site_overrides/assets/contribute/) checks
the answers against the same bundled schema the checker uses, with the checker's own message templates
(generator/check/messages.py, TEMPLATES), and writes the YAML file it proposes on GitHub.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from babel import Locale

from generator import i18n
from generator.check import messages
from generator.check.schemas import VOCAB_ENUMS, bundle
from generator.model import WEEKDAYS, Catalog
from generator.render.encoding import compact_json

PATH = "contribute/new/"
# The organizations a new listing may go in, fetched by the page: one file for every language, so that the page
# itself stays the same size however many organizations the catalog has.
ORGANIZATIONS_FILE = PATH + "organizations.json"
# The schema, the checker's message templates and the fields' help, the same for every language: one file the pages
# fetch (and a browser keeps), not 70 kB inside each page.
RULES_FILE = PATH + "rules.json"
KIND = "opportunity"

# Written by the form, not asked: a listing added through it is a real one, open when it is published.
FIXED: Mapping[str, Any] = {"example": False, "status": "open"}
# The date the employer reviewed the listing: the script fills in the visitor's today.
TODAY_FIELDS = frozenset({"last_reviewed"})
# What most first listings need, shown open and first; every other field of a section is in its "More" part.
COMMON = frozenset(
    {
        "title", "summary", "description", "format", "stage", "sectors", "seats", "employer_of_record",
        "pay", "pay.type", "pay.amount", "pay.unit",
        "eligibility", "eligibility.grades", "eligibility.grades.min", "eligibility.grades.max",
        "eligibility.age", "eligibility.age.min", "eligibility.age.max",
        "schedule", "schedule.start", "schedule.end", "schedule.hours_per_week",
        "application", "application.mode", "application.how", "application.url", "application.email",
        "application.deadline",
        "sites", "sites.name", "sites.address", "sites.city", "sites.zip", "sites.mode",
        "contact", "contact.role", "contact.email", "contact.phone",
    }
)  # fmt: skip
# Parts of the schema a form cannot offer well: translations keyed by language (except the TRANSLATED texts, which
# FormBuilder.translations offers per language), tracks (which repeat the listing's own fields), renames (a new
# listing has no former ids), and maps keyed by the rubric's criteria.
LEFT_OUT = frozenset({"translations", "tracks", "former_ids", "quality.assessment", "quality.evaluation"})
# The values a field offers with one tap: `self` is the employer of record of most first listings.
SUGGESTED: Mapping[str, tuple[str, ...]] = {"employer_of_record": ("self",)}
# The texts of a listing a family reads first, asked (optionally) in each of the site's other languages.
TRANSLATED = ("title", "summary")
# Values the listing page names already: the form shows them in the same words (`{}` is the value, `-` as `_`).
SHOWN_AS: Mapping[str, str] = {
    "eligibility.status": "listing_school_{}",
    "eligibility.needs": "listing_need_{}",
    "employer_roles.way": "employer_roles_way_{}",
}
# Weekdays are named by CLDR in the page's language; state codes are the same in every language.
WEEKDAY_FIELDS = frozenset({"schedule.days", "schedule.periods.days"})
CODE_FIELDS = frozenset({"sites.state"})
# The shared definitions that have an input type of their own.
DEF_WIDGETS = {"date": "date", "time_of_day": "time", "https_url": "url", "email": "email", "markdown": "textarea"}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    lang: str  # the label's language: the page's, or "en" for a raw value
    code: bool = False  # a code the same in every language (a state's), not to be translated


@dataclass(frozen=True)
class Field:
    path: tuple[str, ...]  # keys from the top of the listing; list items are not in it
    label: str
    label_lang: str  # the page's language when the label is from the catalogs, "en" when made from the key
    widget: str  # text textarea number integer boolean select checkboxes lines date time url email group list
    required: bool
    common: bool
    help: str  # the schema's description (English)
    example: str  # the schema's first example, as it would be written in the file
    options: tuple[Option, ...] = ()
    children: tuple[Field, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    today: bool = False
    suggestions: tuple[Option, ...] = ()  # one-tap values for a free-text field (SUGGESTED)

    @property
    def name(self) -> str:
        return ".".join(self.path)

    @property
    def key(self) -> str:
        return label_key(self.path)

    @property
    def common_children(self) -> tuple[Field, ...]:
        return tuple(c for c in self.children if c.common or c.required)

    @property
    def more_children(self) -> tuple[Field, ...]:
        return tuple(c for c in self.children if not (c.common or c.required))


def label_key(path: tuple[str, ...]) -> str:
    """The catalog key of a field's label: `cform_` and the path's keys joined by `_`."""
    return "cform_" + "_".join(re.sub(r"\W", "_", part) for part in path)


def _option_key(path: tuple[str, ...], value: str) -> str:
    """The catalog key of an allowed value's label: `cform_opt_`, the field's path and the value."""
    return label_key((*path, value)).replace("cform_", "cform_opt_", 1)


def _words(key: str) -> str:
    """A key as a label, for a field the catalogs do not name yet: `hours_per_week` is "Hours per week"."""
    text = key.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _label(key: str, fallback: str, lang: str) -> tuple[str, str]:
    texts = i18n.messages(lang).texts
    return (texts[key], lang) if key in texts else (fallback, i18n.SOURCE)


def _deref(root: Mapping[str, Any], node: Any) -> tuple[Any, str]:
    """A subschema with its shared definition filled in (its own keys win), and that definition's name."""
    name = ""
    defs = root.get("$defs", {})
    while isinstance(node, Mapping) and str(node.get("$ref", "")).startswith("#/$defs/"):
        name = node["$ref"][len("#/$defs/") :]
        node = {**defs.get(name, {}), **{k: v for k, v in node.items() if k != "$ref"}}
    return node, name


def _example(node: Mapping[str, Any]) -> str:
    found = node.get("examples") or []
    if not found or isinstance(found[0], (dict, list)):
        return ""
    value = found[0]
    return "true" if value is True else "false" if value is False else str(value)


class FormBuilder:
    """The fields of the form in one language."""

    def __init__(self, catalog: Catalog, lang: str) -> None:
        self.catalog = catalog
        self.lang = lang
        self.schema = page_schema(catalog)
        # Allowed values that come from a vocabulary are shown by their name in the page's language.
        self.vocab_of = {name: vocab for name, (vocab, _) in VOCAB_ENUMS.items()}

    def fields(self) -> tuple[Field, ...]:
        return self._children(self.schema, ())

    def _children(self, node: Mapping[str, Any], path: tuple[str, ...]) -> tuple[Field, ...]:
        required = set(node.get("required", ()))
        out = []
        for key, sub in node.get("properties", {}).items():
            made = self._field((*path, key), sub, key in required)
            if made is not None:
                out.append(made)
        return tuple(out)

    def _field(self, path: tuple[str, ...], raw: Any, required: bool) -> Field | None:
        name = ".".join(path)
        if name in LEFT_OUT or name in FIXED:
            return None
        if isinstance(raw, Mapping) and str(raw.get("$ref", "")).startswith("#/properties"):
            return None
        node, def_name = _deref(self.schema, raw)
        if not isinstance(node, Mapping):
            return None
        label, label_lang = _label(label_key(path), _words(path[-1]), self.lang)
        common = name in COMMON
        base = dict(
            path=path,
            label=label,
            label_lang=label_lang,
            required=required,
            common=common,
            help=str(node.get("description", "")),
            example=_example(node),
        )
        kind = node.get("type")
        if kind == "object":
            if not node.get("properties"):
                return None  # keyed by free names (translations, criteria): no fixed inputs to offer
            return Field(widget="group", children=self._children(node, path), **base)  # type: ignore[arg-type]
        if kind == "array":
            items, item_def = _deref(self.schema, node.get("items", {}))
            if not isinstance(items, Mapping):
                return None
            if items.get("type") == "object":
                if not items.get("properties"):
                    return None
                return Field(widget="list", children=self._children(items, path), **base)  # type: ignore[arg-type]
            if "enum" in items:
                options = self._options(path, items["enum"], item_def)
                return Field(widget="checkboxes", options=options, **base)  # type: ignore[arg-type]
            return Field(widget="lines", **base)  # type: ignore[arg-type]
        if "enum" in node:
            return Field(widget="select", options=self._options(path, node["enum"], def_name), **base)  # type: ignore[arg-type]
        if kind == "boolean":
            return Field(widget="boolean", **base)  # type: ignore[arg-type]
        if kind in ("integer", "number"):
            low = node.get("minimum", node.get("exclusiveMinimum"))
            return Field(widget=kind, minimum=low, maximum=node.get("maximum"), **base)  # type: ignore[arg-type]
        widget = DEF_WIDGETS.get(def_name, "text")
        suggested = self._options(path, list(SUGGESTED.get(name, ())), "")
        return Field(widget=widget, today=name in TODAY_FIELDS, suggestions=suggested, **base)  # type: ignore[arg-type]

    def translations(self) -> tuple[Field, ...]:
        """One group per other language of the site, with the listing's TRANSLATED texts in it, labelled as the
        listing's own (the group says the language): `translations.es.title`, written only when filled in."""
        pattern = self.schema["properties"]["translations"].get("patternProperties", {})
        node, _ = _deref(self.schema, next(iter(pattern.values()), {}))
        out = []
        for code in i18n.available():
            if code == i18n.SOURCE:
                continue
            children = []
            for key in TRANSLATED:
                made = self._field(("translations", code, key), node.get("properties", {}).get(key, {}), False)
                if made is not None:
                    label, label_lang = _label(label_key((key,)), _words(key), self.lang)
                    children.append(replace(made, label=label, label_lang=label_lang, common=True))
            label = i18n.t("cform_in_language", self.lang, language=language_name(code, self.lang))
            group = Field(("translations", code), label, self.lang, "group", False, True, "", "", children=tuple(children))
            out.append(group)
        return tuple(out)

    def _options(self, path: tuple[str, ...], values: list[Any], def_name: str) -> tuple[Option, ...]:
        vocab = self.vocab_of.get(def_name)
        name = ".".join(path)
        out = []
        for value in values:
            text = str(value)
            if vocab == "sectors":
                item = self.catalog.vocabularies.sector_by_name(text)
                out.append(Option(text, item.label(self.lang) if item else text, self.lang if item else i18n.SOURCE))
            elif vocab:
                item = self.catalog.vocabularies.get(vocab, text)
                out.append(Option(text, item.label(self.lang) if item else text, self.lang if item else i18n.SOURCE))
            elif name in WEEKDAY_FIELDS and text in WEEKDAYS:
                out.append(Option(text, i18n.weekdays((WEEKDAYS.index(text),), self.lang), self.lang))
            elif name in CODE_FIELDS:
                out.append(Option(text, text, self.lang, code=True))
            else:
                key = SHOWN_AS[name].format(text.replace("-", "_")) if name in SHOWN_AS else _option_key(path, text)
                label, lang = _label(key, text, self.lang)
                out.append(Option(text, label, lang))
        return tuple(out)


def language_name(code: str, lang: str) -> str:
    """A language's name in the page's language, as written mid-sentence ("In Spanish", "En español"), from CLDR."""
    spoken = Locale.parse(i18n.locale(code))
    if lang == i18n.PSEUDO:  # the pseudo-locale has no names of its own: the English one, marked as translated
        return i18n.pseudo(str(spoken.get_language_name(i18n.SOURCE_LOCALE)))
    return str(spoken.get_language_name(i18n.locale(lang)))


def vocabulary_values(catalog: Catalog) -> dict[str, list[dict[str, Any]]]:
    """The region's vocabularies as the schemas' enums need them (the field each enum takes)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for vocab, field in VOCAB_ENUMS.values():
        out[vocab] = [{field: getattr(item, field)} for item in catalog.vocabularies.items(vocab)]
    return out


def page_schema(catalog: Catalog) -> dict[str, Any]:
    """The opportunity schema bundled with the region's allowed values: what the checker validates against."""
    schema = bundle(KIND, vocabulary_values(catalog))
    schema.pop("$id", None)  # the script validates it as a document of its own, not by a remote address
    return schema


def script_messages() -> dict[str, Any]:
    """The checker's message templates, for the script to show problems in the checker's words."""
    return {
        "templates": {key: list(pair) for key, pair in messages.TEMPLATES.items()},
        "patterns": {key: list(pair) for key, pair in messages.PATTERN_TEXT.items()},
        "types": dict(messages.TYPE_WORDS),
        "or_remove": messages.OR_REMOVE,
    }


def organizations(catalog: Catalog) -> list[dict[str, Any]]:
    """Each organization's id and name, by name: the folder a new listing goes in. `names` holds the name in
    another language of the site where the organization gives one."""
    out = []
    for org in sorted(catalog.organizations.values(), key=lambda o: (o.name.casefold(), o.id)):
        row: dict[str, Any] = {"id": org.id, "name": org.name}
        names = {}
        for lang in catalog.langs:
            name = org.text("name", lang)
            if lang != i18n.SOURCE and name and name.lang == lang and name.value != org.name:
                names[lang] = name.value
        if names:
            row["names"] = names
        out.append(row)
    return out


def organizations_json(catalog: Catalog) -> bytes:
    return compact_json({"format": 1, "organizations": organizations(catalog)})


def help_texts(builder: FormBuilder) -> dict[str, str]:
    """Each field's help (the schema's description, in English), by its name: the same for every language, so the
    script writes it into the form from RULES_FILE rather than each page carrying it."""
    out: dict[str, str] = {}

    def add(fields: tuple[Field, ...]) -> None:
        for f in fields:
            if f.help:
                out[f.name] = f.help
            add(f.children)

    add(builder.fields())
    add(builder.translations())
    return out


def rules_json(catalog: Catalog) -> bytes:
    builder = FormBuilder(catalog, i18n.SOURCE)
    rules = {
        "format": 1,
        "schema": builder.schema,
        "messages": script_messages(),
        "fixed": dict(FIXED),
        "help": help_texts(builder),
    }
    return compact_json(rules)


def write_form_files(catalog: Catalog, site_dir: Path) -> None:
    """Writes ORGANIZATIONS_FILE and RULES_FILE under the site's root, beside the English page; the other languages'
    pages read them from there too."""
    folder = Path(site_dir) / PATH
    folder.mkdir(parents=True, exist_ok=True)
    (Path(site_dir) / ORGANIZATIONS_FILE).write_bytes(organizations_json(catalog))
    (Path(site_dir) / RULES_FILE).write_bytes(rules_json(catalog))


@dataclass(frozen=True)
class Section:
    """One collapsible part of the form: a group or list at the listing's top, or the listing's own fields."""

    name: str
    field: Field | None
    fields: tuple[Field, ...]
    open: bool


def sections(fields: tuple[Field, ...]) -> list[Section]:
    """The listing's own fields first, then one section per group or list, in the schema's order; the required
    and common ones open."""
    own = tuple(f for f in fields if f.widget not in ("group", "list"))
    out = [Section("about", None, own, True)]
    out += [Section(f.name, f, (), f.required or f.common) for f in fields if f.widget in ("group", "list")]
    return out


def translation_sections(builder: FormBuilder) -> list[Section]:
    """The listing's texts in the site's other languages: optional, so their sections start closed."""
    return [Section(f.name, f, (), False) for f in builder.translations()]


# Interface text the script shows, under their catalog keys.
SCRIPT_TEXT = (
    "cform_status_ok", "cform_status_problems", "cform_status_empty", "cform_item", "paid", "unpaid", "stipend",
    "browse_pay_free", "browse_pay_fee", "status_open", "grade_one", "grade_range", "remote", "per_hour",
    "cform_per_week", "cform_per_month", "cform_total", "cform_org_missing", "cform_id_missing", "cform_id_bad",
    "cform_org_chosen",
)  # fmt: skip


def page_context(catalog: Catalog, lang: str, repo_url: str, branch: str) -> dict[str, Any]:
    """What contribute-new.html needs: the sections and the script's text in the page's language. The organizations
    and the rules are not in it: the script fetches them (ORGANIZATIONS_FILE, RULES_FILE)."""
    import jinja2.utils

    builder = FormBuilder(catalog, lang)
    formats = {item.id: item.label(lang) for item in catalog.vocabularies.items("formats")}
    # The locale the server formats money and dates in (i18n.locale), for the preview card to match the site's.
    locale = i18n.locale(lang).replace("_", "-")
    data = {"labels": {key: i18n.t(key, lang) for key in SCRIPT_TEXT}, "formats": formats, "locale": locale}
    return {
        "sections": sections(builder.fields()) + translation_sections(builder),
        "organizations_file": ORGANIZATIONS_FILE,
        "rules_file": RULES_FILE,
        "repo_url": repo_url,
        "branch": branch,
        "data_json": jinja2.utils.htmlsafe_json_dumps(data),
    }
