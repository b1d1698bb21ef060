"""The interface's gettext catalogs: complete, consistent with the template, and asked for by real keys."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator import i18n
from generator.mkdocs_plugin import site_languages

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{(\w*)\}")
TAG = re.compile(r"<(/?\w+)")
CODE = re.compile(r"`[^`]*`")


def read(path: Path) -> list[tuple[str, str, str, bool]]:
    """(context, English, translation, fuzzy); a plural message's forms are joined by a line break, and its
    translation is empty when any form is."""
    with path.open("rb") as f:
        return [(str(m.context), _joined(m.id), _joined(m.string), m.fuzzy) for m in read_po(f) if m.id]


def _joined(value: object) -> str:
    if isinstance(value, (tuple, list)):
        return "\n".join(str(v) for v in value) if all(value) else ""
    return str(value)


def test_english_and_spanish_are_available() -> None:
    assert i18n.available()[:2] == ("en", "es")


def test_every_template_message_has_a_context_and_english() -> None:
    messages = read(i18n.TEMPLATE)
    assert len(messages) > 300
    assert all(context and english for context, english, _, _ in messages)
    keys = [context for context, _, _, _ in messages]
    keyed = i18n.messages("en").texts
    # A context names one message, except the shared contexts of text translated by its English (`translate`).
    shared = {key for key in keys if keys.count(key) > 1}
    assert shared == {"data-field", "data-column"}
    # Plural messages are asked for by key too, through i18n.tn.
    assert len(keyed) + len(i18n.messages("en").plurals) == len(set(keys)) - len(shared)


@pytest.mark.parametrize("lang", i18n.available()[1:])
def test_each_shipped_catalog_translates_the_template_exactly(lang: str) -> None:
    template = {(c, e) for c, e, _, _ in read(i18n.TEMPLATE)}
    catalog = read(i18n.catalog_path(lang))
    found = {(c, e) for c, e, _, _ in catalog}
    assert not template - found, f"not translated into {lang}: {sorted(template - found)[:10]}"
    assert not found - template, f"no longer in the template: {sorted(found - template)[:10]}"
    assert not [c for c, e, text, fuzzy in catalog if not text or fuzzy], "empty or fuzzy translations"


@pytest.mark.parametrize("lang", i18n.available()[1:])
def test_translations_keep_placeholders_markup_and_code(lang: str) -> None:
    for context, english, text, _ in read(i18n.catalog_path(lang)):
        assert set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(english)), (context, text)
        assert sorted(TAG.findall(text)) == sorted(TAG.findall(english)) or context in SPAN_ADDED, (context, text)
        assert CODE.findall(text) == CODE.findall(english), (context, text)


# Spanish marks the English name of the catalog with lang="en", which the English text needs no tag for.
SPAN_ADDED = {"data_the_data_is_open"}


def test_a_new_catalog_is_a_new_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english = read(i18n.TEMPLATE)
    (tmp_path / "messages.pot").write_bytes(i18n.TEMPLATE.read_bytes())
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    entries = "".join(
        f'msgctxt "{c}"\nmsgid "{e}"\nmsgstr "{t}"\n\n'
        for c, e, t in [
            ("site_name", dict((c, e) for c, e, _, _ in english)["site_name"], "Catalogue d'apprentissage"),
            ("home", "Home", "Accueil"),
        ]
    )
    (folder / "messages.po").write_text(f'msgid ""\nmsgstr ""\n"Language: fr_CA\\n"\n\n{entries}', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "TEMPLATE", tmp_path / "messages.pot")
    i18n.messages.cache_clear()
    i18n.available.cache_clear()
    try:
        assert i18n.available() == ("en", "fr")
        assert i18n.t("home", "fr") == "Accueil"
        assert i18n.t("browse", "fr") == i18n.t("browse", "en"), "an untranslated message falls back to English"
        assert i18n.locale("fr") == "fr_CA"
        assert i18n.money(1234.5, "fr") == "1\xa0234,50\xa0$\xa0US"
        assert site_languages(["fr"]) == ("en", "fr")
    finally:
        i18n.messages.cache_clear()
        i18n.available.cache_clear()


def test_a_language_without_a_catalog_is_refused_with_what_to_do() -> None:
    with pytest.raises(ValueError, match=r"cannot be built in de: .*generator/locales/<code>/LC_MESSAGES/messages.po"):
        site_languages(["es", "de"])
    assert site_languages([]) == ("en",)
    assert site_languages(["es", "en", "es"]) == ("en", "es")


def test_pseudo_text_keeps_what_formats_and_renders() -> None:
    text = 'See <a href="{url}">the `list`</a>\nnow &amp; {n}'
    marked = i18n.pseudo(text)
    assert marked.count(i18n.PSEUDO_OPEN) == marked.count(i18n.PSEUDO_CLOSE) == 3
    assert '<a href="{url}">' in marked and "`list`" in marked and "&amp;" in marked and "{n}" in marked
    assert "See" not in marked and "now" not in marked
    assert i18n.t("page_title", i18n.PSEUDO, title="X", n=2).startswith(i18n.PSEUDO_OPEN)
    assert i18n.money(18.5, i18n.PSEUDO) == f"{i18n.PSEUDO_OPEN}$18.50{i18n.PSEUDO_CLOSE}"


def test_a_missing_key_names_where_to_add_it() -> None:
    with pytest.raises(KeyError, match="messages.pot"):
        i18n.t("no_such_message", "en")


def literal_keys() -> set[str]:
    """Keys passed as literals to the functions that ask the catalogs for text, in Python and in templates."""
    keys: set[str] = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                if name in ("t", "html") and isinstance(node.args[0].value, str):
                    keys.add(node.args[0].value)
                elif name in ("label", "L") and isinstance(node.args[0].value, str):
                    keys.add("coverage_" + node.args[0].value)
    templates = [*(ROOT / "generator" / "templates").rglob("*.html"), *(ROOT / "site_overrides").rglob("*.html")]
    for path in templates:
        text = path.read_text(encoding="utf-8")
        keys.update(re.findall(r"""\b(?:v\.t|v\.html|wbl_t)\(\s*["']([\w.-]+)["']\s*[,)]""", text))
        keys.update("coverage_" + k for k in re.findall(r"""\bL\(\s*["']([\w.-]+)["']\s*[,)]""", text))
    return keys


def test_every_key_the_code_asks_for_is_in_the_template() -> None:
    keys = literal_keys()
    assert len(keys) > 200
    missing = sorted(keys - set(i18n.messages("en").texts))
    assert not missing, f"asked for but not in messages.pot: {missing}"


def test_no_code_or_template_chooses_text_by_language() -> None:
    """Text in a language comes from its catalog: nothing compares the language with a code to pick words."""
    choice = re.compile(r"""lang\s*[!=]=\s*["'][a-z]{2}["']|\bif (?:not )?es\b|\bes else\b|["'](?:en|es)["'] if\b""")
    sources = [*(ROOT / "generator").rglob("*.py"), *(ROOT / "generator" / "templates").rglob("*.html")]
    sources += [*(ROOT / "site_overrides").rglob("*.html"), *(ROOT / "site_overrides").rglob("*.js")]
    found = [f"{p.relative_to(ROOT)}: {m.group()}" for p in sources for m in choice.finditer(p.read_text(encoding="utf-8"))]
    assert not found, found


def test_the_catalogs_hold_no_meaning_of_a_field_or_column_that_is_gone() -> None:
    """The documentation of the open data is translated by its English: an edited meaning leaves its old entry
    behind unless it is taken out."""
    from generator.exports.schema import FIELDS, OTHER_LANGUAGE, F
    from generator.exports.tabular import COLUMNS

    def meanings(field: F) -> set[str]:
        found = {field.en} if field.en else set()
        for child in (*field.fields, *([field.items] if field.items else [])):
            found |= meanings(child)
        return found

    phrases = i18n.messages("en").phrases
    written = set().union(*map(meanings, FIELDS.values()))
    assert {e for c, e in phrases if c == "data-field"} == written | {OTHER_LANGUAGE}
    assert {e for c, e in phrases if c == "data-column"} == {c.en for c in COLUMNS}


# -- plural messages (msgid_plural), the gettext way ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("en", 1, "1 college unit"),
        ("en", 3, "3 college units"),
        ("en", 0, "0 college units"),
        ("en", 1.5, "1.5 college units"),
        ("en", 1000, "1,000 college units"),
        ("es", 1, "1 unidad universitaria"),
        ("es", 4, "4 unidades universitarias"),
        ("es", 2.5, "2.5 unidades universitarias"),
    ],
)
def test_a_plural_message_follows_the_count(lang: str, count: float, expected: str) -> None:
    assert i18n.tn("outcomes_credits_college", count, lang) == expected


def test_plural_messages_are_marked_in_the_pseudo_locale() -> None:
    text = i18n.tn("outcomes_credits_high_school", 5, i18n.PSEUDO)
    assert text.startswith(i18n.PSEUDO_OPEN) and "high" not in text and f"{i18n.PSEUDO_OPEN}5{i18n.PSEUDO_CLOSE}" in text


def test_each_credit_kind_has_its_plural_message_in_every_language() -> None:
    import json

    schema = json.loads((ROOT / "schemas" / "opportunity.schema.json").read_text(encoding="utf-8"))
    kinds = schema["properties"]["outcomes"]["properties"]["credits"]["items"]["properties"]["kind"]["enum"]
    for lang in i18n.available():
        plurals = i18n.messages(lang).plurals
        assert all(len(plurals["outcomes_credits_" + k.replace("-", "_")]) == 2 for k in kinds), lang
    assert i18n.messages("es").plurals != i18n.messages("en").plurals


def test_the_catalogs_plural_rule_picks_the_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A language with three forms (Polish's rule) reads them from its catalog's Plural-Forms header."""
    (tmp_path / "messages.pot").write_bytes(i18n.TEMPLATE.read_bytes())
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    rule = "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"
    forms = "".join(f'msgstr[{i}] "{{n}} form{i}"\n' for i in range(3))
    (folder / "messages.po").write_text(
        f'msgid ""\nmsgstr ""\n"Language: pl\\n"\n"Plural-Forms: nplurals=3; plural={rule};\\n"\n\n'
        + "".join(
            f'msgctxt "outcomes_credits_{k}"\nmsgid "{{n}} a"\nmsgid_plural "{{n}} b"\n{forms}\n'
            for k in ("high_school", "college", "apprenticeship_hours")
        )
        # Every other plural message of the template too: a catalog that lacks one falls back to English.
        + "".join(
            f'msgctxt "{k}"\nmsgid "{{n}} a"\nmsgid_plural "{{n}} b"\n{forms}\n'
            for k in i18n._read_plurals(i18n.TEMPLATE)[1]
            if not k.startswith("outcomes_credits_")
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "TEMPLATE", tmp_path / "messages.pot")
    i18n.messages.cache_clear()
    try:
        found = [i18n.tn("outcomes_credits_college", n, "pl") for n in (1, 3, 5, 22)]
        assert found == ["1 form0", "3 form1", "5 form2", "22 form1"]
    finally:
        i18n.messages.cache_clear()


def test_a_missing_plural_message_names_where_to_add_it() -> None:
    with pytest.raises(KeyError, match="messages.pot"):
        i18n.tn("no_such_plural", 2, "en")
