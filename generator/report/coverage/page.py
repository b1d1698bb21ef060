"""`page_context(catalog, view)`: what the /coverage/ page template needs, charts included."""

from __future__ import annotations

from typing import Any

from generator.model import STAGES, Catalog
from generator.present.view import View
from generator.report.coverage.figures import compute
from generator.report.coverage.labels import labels_in
from generator.report.coverage.record import Gap
from generator.report.coverage.words import (
    criterion_name,
    empty_sentences,
    gap_sentence,
    hourly_text,
    language_sentences,
    level_names,
    listings_text,
    rubric_name,
    seats_text,
    share_text,
    subject_name,
)

DEADLINE_ROWS = 25  # rows of the deadlines table; the rest are a link to the browse page sorted by deadline


def page_context(catalog: Catalog, view: View) -> dict[str, Any]:
    from generator.report import charts

    cov = compute(catalog)
    lang = view.lang

    L = labels_in(lang)  # a short name, as in the template

    stage_short = [view.t(stage + "_short") for stage in STAGES]
    matrix_svg = charts.heatmap(
        "chart-matrix",
        L("matrix"),
        L(
            "matrix_desc",
            rows=len(cov.matrix.rows),
            cols=len(STAGES),
            empty=len(cov.matrix.empty),
            cells=len(cov.matrix.rows) * len(STAGES),
        ),
        columns=stage_short,
        rows=[
            (
                view.sector_name(r.sector),
                [charts.Cell(c.listings, seats_text(c.seats, view) if c.listings else L("gap_mark")) for c in r.cells],
            )
            for r in cov.matrix.rows
        ],
        mark_empty=True,
        empty_text=L("gap_mark"),
    )
    pay_svg = charts.bar_chart(
        "chart-pay",
        L("pay"),
        L("pay_desc", total=f"{L('all_sectors')}: {share_text(cov.pay_total, view)}."),
        [charts.Bar(view.sector_name(r.sector), r.share or 0, share_text(r, view)) for r in cov.pay],
        maximum=100,
    )
    band_names = {b.id: b.label(lang) for b in catalog.vocabularies.items("grade-bands")}
    bands_bars = [charts.Bar(band_names[b.band], b.seats, seats_text(b.seats, view)) for b in cov.bands]
    area_bars = [charts.Bar(subject_name("area", a.area, view), a.seats, seats_text(a.seats, view)) for a in cov.areas]
    fresh_bars = [charts.Bar(L("fresh_" + f.bucket), f.listings, listings_text(f.listings, view)) for f in cov.freshness]

    def values(bars: list[charts.Bar]) -> str:
        return "; ".join(f"{b.label}: {b.text}" for b in bars)

    rubric_views = []
    for r in cov.rubrics:
        names = level_names(catalog, r.rubric, lang)
        rows = [(criterion_name(catalog, r.rubric, c.criterion, lang), c) for c in r.rows]
        svg = charts.heatmap(
            f"chart-levels-{r.rubric}",
            rubric_name(catalog, r.rubric, lang),
            L("levels_desc", rows=len(r.rows), cols=len(r.levels)),
            columns=[*names, L("not_assessed")],
            rows=[(name, [*(charts.Cell(n) for n in c.counts), charts.Cell(c.not_assessed, muted=True)]) for name, c in rows],
        )
        rubric_views.append(
            {
                "id": r.rubric,
                "name": rubric_name(catalog, r.rubric, lang),
                "name_text": catalog.rubrics[r.rubric].text("name", lang),
                "levels": names,
                "rows": rows,
                "assessed": L("levels_assessed", n=view.number(r.assessed), open=view.number(cov.open)),
                "svg": svg,
            }
        )

    seats_note = ""
    if cov.seats_unknown:
        seats_note = L("seats_unknown_one") if cov.seats_unknown == 1 else L("seats_unknown", n=view.number(cov.seats_unknown))
    # The grade-band rule goes before the last item, which names the report command.
    how = L("how_items").split("\n")
    return {
        "cov": cov,
        "L": L,
        "lede": L(
            "lede",
            date=view.date(cov.as_of),
            open=view.number(cov.open),
            listings=view.number(cov.listings),
            seats=view.number(cov.seats),
        ),
        "status_counts": L(
            "status_counts",
            open=view.number(cov.open),
            upcoming=view.number(cov.upcoming),
            closed=view.number(cov.closed),
            archived=view.number(cov.archived),
        ),
        "seats_note": seats_note,
        "language_sentences": language_sentences(cov, view),
        "gaps": [{"gap": g, "text": gap_sentence(g, view), "href": _gap_link(g, view)} for g in cov.gaps],
        "stages": STAGES,
        "stage_names": [view.stage_name(s) for s in STAGES],
        "matrix_svg": matrix_svg,
        "empty_sentences": empty_sentences(cov, view),
        "pay_svg": pay_svg,
        "bands_svg": charts.bar_chart("chart-bands", L("bands"), L("bands_desc", values=values(bands_bars)), bands_bars),
        "band_names": band_names,
        "areas_svg": charts.bar_chart("chart-areas", L("areas"), L("areas_desc", values=values(area_bars)), area_bars),
        "fresh_svg": charts.bar_chart(
            "chart-freshness", L("freshness"), L("freshness_desc", values=values(fresh_bars)), fresh_bars
        ),
        "rubric_views": rubric_views,
        # The soonest only: the page stays the same size however many listings close this month.
        "deadline_rows": [(d, catalog.opportunities[d.id]) for d in cov.deadlines[:DEADLINE_ROWS]],
        "deadlines_more": L("deadlines_more", shown=view.number(DEADLINE_ROWS), total=view.number(len(cov.deadlines)))
        if len(cov.deadlines) > DEADLINE_ROWS
        else "",
        "deadlines_href": view.link("opportunities/", query={"sort": "deadline"}),
        "how_items": [*how[:-1], L("how_grade_bands"), how[-1]],
        "share_text": lambda row: share_text(row, view),
        "hourly_text": lambda row: hourly_text(row, view),
        "area_name": lambda ident: subject_name("area", ident, view),
        "code": view.code,
    }


def _gap_link(gap: Gap, view: View) -> str:
    if gap.kind == "sector":
        return view.link(f"sectors/{gap.subject}/")
    if gap.kind == "stage":
        return view.link("opportunities/", query={"stage": gap.subject})
    return view.link("opportunities/", query={"area": gap.subject})
