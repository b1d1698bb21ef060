"""Spanish throughout: the bundled catalog in Spanish, the note on pages a contributor did not translate, the
checker's warning, and the share of open listings in Spanish on the coverage page and in the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AS_OF, ROOT, copy_fixture, edit

from generator.model import Catalog, Opportunity, Text
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render.site import SiteRenderer
from generator.report.coverage import compute
from generator.report.coverage.words import language_sentences
from generator.report.tables import tables

LISTING = "employers/acme/welding-intern.yml"
SPANISH = "translations:\n  es:\n    title: Pasantía de soldadura\n    summary: Una pasantía pagada de verano en un taller de soldadura.\n"


def listing_texts(opp: Opportunity, lang: str) -> dict[str, Text | None]:
    """Every translatable text a listing gives, as the page in `lang` shows it; None for a field it leaves out."""
    texts: dict[str, Text | None] = {key: opp.text(key, lang) for key in ("title", "summary", "description")}
    for section, key in (
        ("application", "how"),
        ("application", "where"),
        ("application", "expected"),
        ("eligibility", "who"),
        ("eligibility", "residency"),
        ("schedule", "times"),
        ("pay", "funded_by"),
        ("pay", "note"),
        ("supports", "training"),
        ("supports", "transportation"),
        ("supports", "accommodations"),
    ):
        texts[f"{section}.{key}"] = opp.text_in(section, key, lang) if opp.section(section).get(key) else None
    if any(site.transit for site in opp.sites):
        texts["sites.transit"] = opp.text_in("sites", "transit", lang)
    for key in ("coordinator", "mentor_training", "when"):
        texts[f"quality.{key}"] = opp.evidence_text(key, lang)
    for number, criterion in enumerate(opp.evaluation_criteria(lang)):
        texts[f"quality.evaluation.criteria[{number}]"] = criterion
    for role in opp.employer_roles:
        texts[f"employer_roles.{role.way}"] = opp.role_note(role, lang)
    for row in opp.track_facts:
        track = row.track
        assert track is not None
        texts[f"tracks.{track.id}.name"] = track.text("name", lang)
        texts[f"tracks.{track.id}.summary"] = track.text("summary", lang)
        for section, key in (
            ("eligibility", "who"),
            ("eligibility", "residency"),
            ("schedule", "times"),
            ("pay", "funded_by"),
            ("pay", "note"),
        ):
            given = (track.raw.get(section) or {}).get(key)
            other = (track.raw.get("translations") or {}).get(lang, {}).get(key)
            texts[f"tracks.{track.id}.{section}.{key}"] = None if not given else Text(other, lang) if other else Text(given, "en")
    return texts


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    checked = check_catalog(ROOT / "catalog", as_of=AS_OF)
    assert checked.ok, checked.errors
    return checked.catalog


def test_every_bundled_listing_gives_every_text_it_uses_in_spanish(bundled: Catalog) -> None:
    missing = [
        f"{opp.path}: {field}"
        for opp in bundled.opportunities.values()
        for field, text in listing_texts(opp, "es").items()
        if text is not None and text.lang != "es"
    ]
    assert len(bundled.opportunities) > 30
    assert not missing, "add these under `translations: es:` (tracks: under the track's own `translations: es:`):\n" + "\n".join(
        missing
    )


def test_every_bundled_organization_gives_its_texts_in_spanish(bundled: Catalog) -> None:
    missing = [
        f"{org.path}: {key}"
        for org in bundled.organizations.values()
        for key in ("summary", "description")
        if (text := org.text(key, "es")) is not None and text.lang != "es"
    ]
    assert not missing, "add these under `translations: es:`:\n" + "\n".join(missing)


def test_the_completeness_test_sees_a_missing_translation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list above is not vacuous: an English-only listing gives its fields in English."""
    monkeypatch.chdir(tmp_path)
    catalog = check_catalog(copy_fixture("minimal", tmp_path), as_of=AS_OF).catalog
    english = {k for k, t in listing_texts(catalog.opportunities["acme/welding-intern"], "es").items() if t and t.lang == "en"}
    assert {"title", "summary", "description", "application.how"} <= english


# -- the note on pages a contributor did not translate ------------------------------------------------------


def page_body(root: Path, kind: str, ident: str, lang: str) -> str:
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, checked.errors
    return SiteRenderer(checked.catalog).record_page(kind, ident, lang).body


NOTE = '<p class="wbl-banner wbl-banner--untranslated" role="note">'


def test_a_spanish_page_of_an_english_only_listing_says_so_in_spanish(minimal: Path) -> None:
    es = page_body(minimal, "opportunity", "acme/welding-intern", "es")
    assert f"{NOTE}Este anuncio está en inglés; el empleador no dio una traducción.</p>" in es
    assert '<h1><span lang="en">Welding Internship</span></h1>' in es
    assert '<p class="wbl-summary wbl-flyer-keep"><span lang="en">A paid summer internship in a welding shop.</span></p>' in es
    assert es.index(NOTE) < es.index("<h1>")  # at the top, before the English it is about
    assert NOTE not in page_body(minimal, "opportunity", "acme/welding-intern", "en")


def test_a_partly_translated_listing_says_that_parts_are_in_english(minimal: Path) -> None:
    edit(minimal / LISTING, "status: open", SPANISH + "status: open")
    es = page_body(minimal, "opportunity", "acme/welding-intern", "es")
    assert f"{NOTE}Partes de esta página están en inglés; la organización no dio una traducción de ellas.</p>" in es
    assert "<h1>Pasantía de soldadura</h1>" in es
    assert '<div lang="en"><p>Interns learn to weld.</p>' in es


def test_a_fully_translated_listing_has_no_note(minimal: Path) -> None:
    whole = SPANISH + "    description: Los pasantes aprenden a soldar.\n    how: Presenta tu solicitud en línea.\n"
    edit(minimal / LISTING, "status: open", whole + "status: open")
    es = page_body(minimal, "opportunity", "acme/welding-intern", "es")
    assert NOTE not in es and "<p>Los pasantes aprenden a soldar.</p>" in es


def test_the_supports_text_is_shown_in_spanish_where_given_and_marked_english_where_not(minimal: Path) -> None:
    supports = "supports:\n  training: Two days of shop safety training.\n  transportation: Free Metro TAP card.\n"
    spanish = SPANISH + "    training: Dos días de capacitación en seguridad del taller.\n"
    edit(minimal / LISTING, "status: open", supports + spanish + "status: open")
    es = page_body(minimal, "opportunity", "acme/welding-intern", "es")
    assert "Capacitación: Dos días de capacitación en seguridad del taller.</li>" in es
    assert '<span lang="en">Free Metro TAP card.</span></li>' in es
    en = page_body(minimal, "opportunity", "acme/welding-intern", "en")
    assert "Training: Two days of shop safety training.</li>" in en and "Dos días" not in en


def test_an_untranslated_organization_page_says_so(minimal: Path) -> None:
    es = page_body(minimal, "organization", "acme", "es")
    assert f"{NOTE}Esta página está en inglés; la organización no dio una traducción.</p>" in es


# -- the checker's warning ---------------------------------------------------------------------------------


def test_the_checker_warns_about_a_listing_without_spanish_and_says_how_to_add_it(minimal: Path, spanish_warnings: None) -> None:
    assert not [p for p in check_catalog(minimal, as_of=AS_OF).problems if p.code == "missing-translation"]  # a sample
    edit(minimal / LISTING, "example: true", "example: false")
    checked = check_catalog(minimal, as_of=AS_OF)
    (problem,) = [p for p in checked.problems if p.code == "missing-translation"]
    assert checked.ok and problem.severity == "warning"
    assert (problem.path, problem.line) == (f"catalog/{LISTING}", 2)
    assert "no Spanish title and summary" in problem.message
    assert "`translations:` with `es:`" in problem.hint and "{es: {title: ..., summary: ...}}" in problem.hint


def test_the_warning_points_at_the_translations_that_lack_the_summary(minimal: Path, spanish_warnings: None) -> None:
    edit(minimal / LISTING, "example: true", "example: false")
    edit(minimal / LISTING, "status: open", "translations:\n  es:\n    title: Pasantía de soldadura\nstatus: open")
    (problem,) = [p for p in check_catalog(minimal, as_of=AS_OF).problems if p.code == "missing-translation"]
    assert "no Spanish summary" in problem.message and problem.line == 50  # the `es:` line
    edit(
        minimal / LISTING, "    title: Pasantía de soldadura\n", "    title: Pasantía de soldadura\n    summary: Una pasantía.\n"
    )
    assert not [p for p in check_catalog(minimal, as_of=AS_OF).problems if p.code == "missing-translation"]


# -- the coverage page and report --------------------------------------------------------------------------


def test_the_coverage_figures_give_the_share_of_open_listings_in_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = copy_fixture("coverage", tmp_path)
    listing = root / "employers/harbor-works/welding-internship.yml"
    edit(
        listing,
        "status: open",
        "translations:\n  es:\n    title: Pasantía de soldadura\n    summary: Una pasantía.\nstatus: open",
    )
    catalog = check_catalog(root, as_of=AS_OF).catalog
    cov = compute(catalog)
    (row,) = cov.languages
    assert (row.lang, row.listings, row.open, row.share) == ("es", 1, 6, 17)
    assert cov.to_dict()["languages"] == [{"lang": "es", "listings": 1, "open": 6, "share_percent": 17}]
    en, es = (language_sentences(cov, View(catalog, lang, "coverage/")) for lang in ("en", "es"))
    assert en == [
        "1 of 6 open listings (17%) give their title and summary in Spanish; the others show them in English on the Spanish pages."
    ]
    assert es == [
        "1 de 6 anuncios abiertos (17%) tienen su título y resumen en español; los demás los muestran en inglés en las páginas en español."
    ]
    page = SiteRenderer(catalog).make_page(
        "coverage", "coverage/", "coverage.html", "es", "x", **_coverage_context(catalog, "es")
    )
    assert f'<p class="wbl-coverage-languages">{es[0]}</p>' in page.body
    (summary,) = [t for t in tables(cov, catalog, View(catalog, "es", "")) if t.key == "summary"]
    rows = {r.id: (r.label, r.cells) for r in summary.rows}
    assert rows["translated_es"] == ("Anuncios abiertos con título y resumen en español", [1])
    assert rows["translated_es_share"] == ("Porcentaje de anuncios abiertos en español", [17])


def _coverage_context(catalog: Catalog, lang: str) -> dict[str, object]:
    from generator.report.coverage import page_context

    return page_context(catalog, View(catalog, lang, "coverage/"))
