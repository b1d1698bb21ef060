"""Sentences and names built from the coverage record, shared by the page and the report."""

from __future__ import annotations

from babel import Locale

from generator import i18n
from generator.model import Catalog
from generator.present.view import View
from generator.report.coverage.labels import label
from generator.report.coverage.record import Coverage, Gap, PayRow


def listings_text(n: int, view: View) -> str:
    return label("listing_one", view.lang) if n == 1 else label("listings_n", view.lang, n=view.number(n))


def seats_text(n: int, view: View) -> str:
    return label("seat_one", view.lang) if n == 1 else label("seats_n", view.lang, n=view.number(n))


def subject_name(kind: str, ident: str, view: View) -> str:
    if kind == "sector":
        return view.sector_name(ident)
    if kind == "stage":
        return view.stage_name(ident)
    if kind == "area":
        return view.vocab("areas", ident) if ident else label("area_unknown", view.lang)
    return ident


def gap_sentence(gap: Gap, view: View) -> str:
    lang, name = view.lang, subject_name(gap.kind, gap.subject, view)
    if gap.kind == "sector":
        if gap.listings == 0:
            return label("gap_sector_nothing", lang, name=name)
        if gap.paid_training == 0:
            if gap.early_seats:
                return label("gap_sector_early", lang, name=name, seats=seats_text(gap.early_seats, view))
            return label("gap_sector_no_paid", lang, name=name)
        return label("gap_sector_fewest", lang, name=name, seats=view.number(gap.paid_training_seats))
    if gap.kind == "stage":
        if gap.listings == 0:
            return label("gap_stage_nothing", lang, name=name)
        return label("gap_stage", lang, name=name, seats=seats_text(gap.seats, view), listings=listings_text(gap.listings, view))
    if gap.listings == 0:
        return label("gap_area_nothing", lang, name=name)
    return label("gap_area", lang, name=name, seats=seats_text(gap.seats, view), listings=listings_text(gap.listings, view))


def empty_sentences(cov: Coverage, view: View) -> list[str]:
    out = []
    for stage, sectors in cov.matrix.empty_by_stage():
        if sectors:
            names = "; ".join(view.sector_name(s) for s in sectors)
            # Mid-sentence, in the languages of this site, a stage's name is written in lowercase.
            out.append(label("empty_stage", view.lang, stage=view.stage_name(stage).lower(), sectors=names))
    return out


def hourly_text(row: PayRow, view: View) -> str:
    if row.hourly_min is None or row.hourly_max is None:
        return "—"
    if row.hourly_min == row.hourly_max:
        return view.money(row.hourly_min)
    return f"{view.money(row.hourly_min)}–{view.money(row.hourly_max)}"


def share_text(row: PayRow, view: View) -> str:
    if row.share is None:
        return label("no_listings", view.lang)
    return label(
        "share_of",
        view.lang,
        pct=view.percent(row.share),
        n=view.number(row.paid_any),
        total=view.number(row.listings),
    )


def rubric_name(catalog: Catalog, rubric_id: str, lang: str) -> str:
    rubric = catalog.rubrics[rubric_id]
    text = rubric.text("name", lang)
    return text.value if text else rubric_id


def level_names(catalog: Catalog, rubric_id: str, lang: str) -> list[str]:
    return [lv.label(lang) for lv in catalog.rubrics[rubric_id].levels]


def criterion_name(catalog: Catalog, rubric_id: str, criterion: str, lang: str) -> str:
    crit = next(c for c in catalog.rubrics[rubric_id].criteria if c.id == criterion)
    return crit.label(lang)


def language_name(code: str, view: View) -> str:
    """A language's name in the page's language, as written mid-sentence (Spanish; español), from CLDR."""
    spoken = Locale.parse(i18n.locale(code))
    if view.lang == i18n.PSEUDO:  # the pseudo-locale has no names of its own: mark the English one as translated
        return i18n.pseudo(str(spoken.get_language_name(i18n.SOURCE_LOCALE)))
    return str(spoken.get_language_name(i18n.locale(view.lang)))


def language_sentences(cov: Coverage, view: View) -> list[str]:
    """One sentence per language of the site besides English: the share of open listings given in it."""
    return [
        label(
            "translated",
            view.lang,
            n=view.number(row.listings),
            open=view.number(row.open),
            pct=view.percent(row.share or 0),
            language=language_name(row.lang, view),
        )
        for row in cov.languages
    ]
