"""What a listing page and its card tell a family about pay, who can apply and how to take part, in both languages.

Each test adds listings to a copy of the minimal catalog (its welding internship with some fields changed),
checks the catalog and renders the pages with SiteRenderer, as the build does.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from conftest import AS_OF, clean_catalog, copy_fixture, merge, use_cached_validators, write_variants

from generator.model import Catalog, Opportunity
from generator.model.checked import check_catalog
from generator.present.view import View
from generator.render.site import SiteRenderer

BASE = "employers/acme/welding-intern.yml"


def text_of(html: str) -> str:
    """An element's text with its spaces collapsed; each line break is written " | " and each list item "; "."""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.parts.append({"br": " | ", "li": " ; ", "p": " "}.get(tag, ""))

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split()).replace(" ;", ";").replace(":;", ":")


# Listings by slug: changes to the minimal catalog's welding internship. Its applications open in 2027 (after
# AS_OF), so an open listing here opens earlier.
OPEN = {"application": {"opens": "2026-11-01"}}
LISTINGS: dict[str, dict[str, Any]] = {
    "one-day-talk": {**OPEN, "schedule": {"start": "2027-04-10", "end": "2027-04-10", "times": "10 to 11 a.m."}},
    "three-year-apprenticeship": {**OPEN, "schedule": {"weeks": 156, "hours_per_week": 40}},
    "free-talk": {**OPEN, "pay": {"type": "free", "amount": None, "unit": None}, "employer_of_record": None},
    "fee-camp": {**OPEN, "pay": {"type": "fee", "amount": 250, "unit": "total", "aid": True}, "employer_of_record": None},
    "fee-unknown": {**OPEN, "pay": {"type": "fee", "amount": None, "unit": None, "amount_published": False}},
    "city-stipend": {
        **OPEN,
        "pay": {
            "type": "stipend",
            "amount": 500,
            "unit": "total",
            "on_completion": True,
            "funded_by": "City of Los Angeles Hire LA's Youth",
            "paid_by": "city-youth",
            "note": "Paid by check.",
        },
    },
    "ages-only": {
        **OPEN,
        "eligibility": {
            "grades": None,
            "age": {"min": 16, "max": 24},
            "status": ["out-of-school", "graduated"],
            "schools": ["Long Beach Unified School District", "Harbor College"],
            "residency": "City of Long Beach residents",
            "populations": ["foster-youth"],
            "priority": ["unhoused"],
            "min_gpa": 2,
            "needs": ["parent-permission", "tb-test"],
        },
    },
    "central": {**OPEN, "application": {"opens": "2026-11-01", "mode": "central"}},
    "lottery": {**OPEN, "application": {"opens": "2026-11-01", "mode": "lottery"}},
    "interest": {**OPEN, "application": {"opens": "2026-11-01", "mode": "interest-form"}},
    "paper": {**OPEN, "application": {"opens": "2026-11-01", "mode": "paper", "where": "The front office of the shop"}},
    "classes": {**OPEN, "application": {"opens": "2026-11-01", "mode": "class-registration"}},
    "drop-in": {
        "application": {"opens": None, "mode": "none", "url": None, "how": "Come to the shop on any Saturday."},
    },
    # Nobody applies, so there is no deadline and no `rolling: true` to give (the checker asks for neither).
    "drop-in-no-deadline": {
        "application": {"opens": None, "deadline": None, "mode": "none", "url": None, "how": "Come on any Saturday."},
    },
    "drop-in-rolling": {
        "application": {"opens": None, "deadline": None, "rolling": True, "mode": "none", "url": None, "how": "Just come."},
    },
    "classes-rolling": {
        **OPEN,
        "application": {"opens": "2026-11-01", "deadline": None, "rolling": True, "mode": "class-registration"},
    },
    "later": {},  # applications open on 2027-01-05
    "later-email": {"application": {"url": None, "email": "apply@example.org"}},
    "paid-open": {**OPEN, "pay": {"paid_by": "self"}},  # the listing's own organization: said once, at the top
    "stipend-open": {**OPEN, "pay": {"type": "stipend", "amount": 1200, "amount_max": 1500, "unit": "total"}},
    "unpaid-open": {**OPEN, "pay": {"type": "unpaid", "amount": None, "unit": None}},
    "paid-unknown": {**OPEN, "pay": {"amount": None, "unit": None, "amount_published": False}},
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = copy_fixture("minimal", tmp_path_factory.mktemp("listing"))
    # A second organization, to pay a listing of the first.
    (root / "employers/city-youth").mkdir()
    org = (root / "employers/acme/organization.yml").read_text(encoding="utf-8")
    (root / "employers/city-youth/organization.yml").write_text(org.replace("Acme Fabrication", "City Youth Jobs"), "utf-8")
    write_variants(root, LISTINGS, BASE)
    return clean_catalog(root)


@pytest.fixture(scope="module")
def renderer(catalog: Catalog) -> SiteRenderer:
    return SiteRenderer(catalog, "https://wbl.example.org/")


def opp_of(catalog: Catalog, slug: str) -> Opportunity:
    return catalog.opportunities[f"acme/{slug}"]


def body(renderer: SiteRenderer, slug: str, lang: str) -> str:
    return renderer.opportunity(opp_of(renderer.catalog, slug), lang).body


def section(html: str, start: str, end: str) -> str:
    """The page's HTML from the first `start` to the next `end`."""
    at = html.index(start)
    return html[at : html.index(end, at)]


def fact(html: str, label: str) -> str:
    """The text of one fact of the listing's first list of facts (Pay, Who can apply, ...)."""
    facts = section(html, '<dl class="wbl-facts">', "</dl>")
    found = re.search(rf"<dt>{re.escape(label)}</dt><dd>(.*?)</dd>", facts, re.S)
    assert found, (label, facts)
    return text_of(found.group(1))


def apply_section(html: str) -> str:
    return section(html, '<section class="wbl-apply"', "</section>")


def card_facts(renderer: SiteRenderer, slug: str, lang: str) -> str:
    view = View(renderer.catalog, lang, "opportunities/")
    module: Any = renderer.envs[lang].get_template("_macros.html").module
    html = str(module.cards(view, [opp_of(renderer.catalog, slug)], 3))
    return text_of(section(html, '<p class="wbl-card__facts">', "</p>"))


LABELS = {"en": {"pay": "Pay", "who": "Who can apply"}, "es": {"pay": "Pago", "who": "Quién puede solicitar"}}


@pytest.mark.parametrize(
    ("slug", "lang", "expected"),
    [
        ("free-talk", "en", "Free"),
        ("free-talk", "es", "Gratis"),
        ("fee-camp", "en", "Costs $250 in total | Financial aid available"),
        ("fee-camp", "es", "Cuesta $250 en total | Hay ayuda financiera disponible"),
        ("fee-unknown", "en", "Has a fee (amount not published)"),
        (
            "city-stipend",
            "en",
            "Stipend: $500 in total | Paid when the student completes the program. | "
            "Paid through City of Los Angeles Hire LA's Youth | Paid by City Youth Jobs | Paid by check.",
        ),
        (
            "city-stipend",
            "es",
            "Estipendio: $500 en total | Se paga cuando el estudiante termina el programa. | "
            "Pagado a través de City of Los Angeles Hire LA's Youth | Lo paga City Youth Jobs | Paid by check.",
        ),
    ],
)
def test_the_pay_fact_says_what_the_family_pays_or_gets(renderer: SiteRenderer, slug: str, lang: str, expected: str) -> None:
    html = body(renderer, slug, lang)
    assert fact(html, LABELS[lang]["pay"]) == expected


def test_the_pay_fact_links_the_payer_and_marks_english_text(renderer: SiteRenderer) -> None:
    html = section(body(renderer, "city-stipend", "es"), '<dl class="wbl-facts">', "</dl>")
    assert 'Lo paga <a href="../../../employers/city-youth/"><span lang="en">City Youth Jobs</span></a>' in html
    assert 'a través de <span translate="no"><span lang="en">City of Los Angeles Hire LA&#39;s Youth</span></span>' in html
    assert '<small><span lang="en">Paid by check.</span></small>' in html


def test_a_free_listing_shows_no_amount_and_its_card_says_free(renderer: SiteRenderer) -> None:
    html = body(renderer, "free-talk", "en")
    assert "$" not in fact(html, "Pay")
    assert card_facts(renderer, "free-talk", "en").startswith("Accepting applications Free · Grades 11–12 · ")
    assert card_facts(renderer, "free-talk", "es").startswith("Aceptando solicitudes Gratis · Grados 11–12 · ")


@pytest.mark.parametrize(
    ("slug", "en", "es"),
    [
        ("paid-open", "Paid: $18.50 per hour", "Pagada: $18.50 por hora"),
        ("stipend-open", "Stipend: $1,200–$1,500 in total", "Estipendio: $1,200–$1,500 en total"),
        ("unpaid-open", "Unpaid", "Sin pago"),
        ("paid-unknown", "Paid (amount not published)", "Pagada (monto no publicado)"),
    ],
)
def test_existing_pay_texts_are_unchanged(renderer: SiteRenderer, catalog: Catalog, slug: str, en: str, es: str) -> None:
    opp = opp_of(catalog, slug)
    for lang, expected in (("en", en), ("es", es)):
        view = View(catalog, lang, "opportunities/")
        assert view.pay(opp) == expected
        assert view.pay_notes(opp) == []
        assert fact(body(renderer, slug, lang), LABELS[lang]["pay"]) == expected


def test_who_can_apply_lists_every_condition(renderer: SiteRenderer) -> None:
    # The first facts say what decides at a glance; the other conditions come with how to apply, so that the
    # first facts and the next step fit a phone's screen.
    assert fact(body(renderer, "ages-only", "en"), "Who can apply") == (
        "Ages 16–24 | School status: Out of school, Graduated or GED | Only for: Foster youth"
    )
    assert fact(body(renderer, "ages-only", "es"), "Quién puede solicitar") == (
        "Edades 16–24 | Situación escolar: No está estudiando, Graduado o con GED"
        " | Solo para: Jóvenes en cuidado de crianza temporal"
    )
    details = {
        lang: text_of(section(body(renderer, "ages-only", lang), '<ul class="wbl-who">', "</ul>"))
        .strip("; ")
        .replace("; ", " | ")
        for lang in ("en", "es")
    }
    assert details["en"] == (
        "Only for students at: Long Beach Unified School District, Harbor College"
        " | Residency: City of Long Beach residents"
        " | Priority for: Young people without stable housing | Minimum GPA: 2.0"
    )
    assert details["es"] == (
        "Solo para estudiantes de: Long Beach Unified School District, Harbor College"
        " | Residencia: City of Long Beach residents"
        " | Prioridad para: Jóvenes sin vivienda estable | Promedio mínimo (GPA): 2.0"
    )


def test_who_can_apply_keeps_grades_and_ages_on_one_line(renderer: SiteRenderer) -> None:
    dd = section(body(renderer, "paid-open", "en"), "<dt>Who can apply</dt>", "</dd>")
    assert dd.endswith("<dd>Grades 11–12 · 16 and older")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_listing_without_grades_has_no_empty_part(renderer: SiteRenderer, lang: str) -> None:
    facts = card_facts(renderer, "ages-only", lang)
    assert "· ·" not in facts and "··" not in facts
    assert facts.count("·") == 2, facts  # pay · where · deadline
    who = fact(body(renderer, "ages-only", lang), LABELS[lang]["who"])
    assert not who.startswith("·") and "· ·" not in who


def test_the_card_template_keeps_the_grades_slot(renderer: SiteRenderer) -> None:
    """The browse script fills a copy of the empty card, and drops the grades part itself when there are none."""
    view = View(renderer.catalog, "en", "opportunities/")
    module: Any = renderer.envs["en"].get_template("_macros.html").module
    assert '</span> · <span data-slot="grades"></span> · <span data-slot="where">' in str(module.cards(view, [None], 3))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "What to have ready: Permission from a parent or guardian; A tuberculosis (TB) test"),
        ("es", "Qué tener listo: Permiso de uno de los padres o del tutor; Una prueba de tuberculosis (TB)"),
    ],
)
def test_needs_are_listed_with_the_work_permit(renderer: SiteRenderer, lang: str, expected: str) -> None:
    apply = text_of(apply_section(body(renderer, "ages-only", lang)))
    assert expected in apply
    work_permit = View(renderer.catalog, lang, "").t("work_permit")
    assert apply.index(expected) < apply.index(work_permit)


def buttons(html: str) -> list[tuple[str, str, str]]:
    """The apply section's buttons: (classes, address, text)."""
    found = re.findall(r'<a class="([^"]*wbl-apply__button[^"]*)" href="([^"]*)"[^>]*>(.*?)</a>', apply_section(html))
    return [(cls, href, text_of(text)) for cls, href, text in found]


PRIMARY = "md-button md-button--primary wbl-apply__button"


@pytest.mark.parametrize(
    ("slug", "lang", "button", "line"),
    [
        ("paid-open", "en", "Apply", ""),
        ("paid-open", "es", "Solicitar", ""),
        ("central", "en", "Apply", "One application covers many worksites."),
        ("central", "es", "Solicitar", "Una sola solicitud sirve para muchos lugares de trabajo."),
        ("lottery", "en", "Enter the lottery", "Places are drawn by lottery from the applications received."),
        ("lottery", "es", "Participar en el sorteo", "Los lugares se asignan por sorteo entre las solicitudes recibidas."),
        ("interest", "en", "Fill in the interest form", ""),
        ("interest", "es", "Llenar el formulario de interés", ""),
        ("paper", "en", "Get a paper application", "Where to get a paper application: The front office of the shop"),
        ("paper", "es", "Obtener una solicitud en papel", "Dónde obtener una solicitud en papel: The front office of the shop"),
        ("classes", "en", "Register your class", "A teacher registers the whole class; students do not apply on their own."),
        (
            "classes",
            "es",
            "Inscribir a su clase",
            "Un maestro inscribe a toda la clase; los estudiantes no hacen su propia solicitud.",
        ),
    ],
)
def test_each_application_mode_has_its_button(renderer: SiteRenderer, slug: str, lang: str, button: str, line: str) -> None:
    html = body(renderer, slug, lang)
    assert buttons(html) == [(PRIMARY, "https://example.org/apply", button)]
    assert line in text_of(apply_section(html))


@pytest.mark.parametrize(
    ("lang", "heading", "status"),
    [("en", "How to take part", "No application needed"), ("es", "Cómo participar", "No se necesita solicitud")],
)
def test_no_application_means_no_button(renderer: SiteRenderer, lang: str, heading: str, status: str) -> None:
    html = body(renderer, "drop-in", lang)
    assert "wbl-apply__button" not in html
    apply = text_of(apply_section(html))
    assert apply.startswith(f"{heading} {status} Come to the shop on any Saturday.")
    opp = opp_of(renderer.catalog, "drop-in")
    view = View(renderer.catalog, lang, "")
    assert view.status_key(opp) == "open"
    assert view.status(opp) == status
    assert f">{status}</span>" in section(html, '<dl class="wbl-facts">', "</dl>")
    assert card_facts(renderer, "drop-in", lang).startswith(status + " ")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("slug", ["drop-in-no-deadline", "drop-in-rolling"])
def test_where_nobody_applies_no_deadline_and_no_rolling_text_is_shown(renderer: SiteRenderer, slug: str, lang: str) -> None:
    view = View(renderer.catalog, lang, "")
    opp = opp_of(renderer.catalog, slug)
    assert view.status_key(opp) == "open" and view.deadline_date(opp) == ""
    facts = text_of(section(body(renderer, slug, lang), '<dl class="wbl-facts">', "</dl>"))
    assert view.t("rolling") not in facts and view.status(opp) in facts
    assert f"{view.t('deadline')}:" not in card_facts(renderer, slug, lang)


@pytest.mark.parametrize(
    ("lang", "rolling"),
    [
        ("en", "Rolling: register a class any time until seats fill"),
        ("es", "Continua: inscribe a tu clase en cualquier momento hasta que se llenen los lugares"),
    ],
)
def test_rolling_class_registration_says_register_not_apply(renderer: SiteRenderer, lang: str, rolling: str) -> None:
    view = View(renderer.catalog, lang, "")
    assert view.deadline_date(opp_of(renderer.catalog, "classes-rolling")) == rolling
    assert rolling in text_of(section(body(renderer, "classes-rolling", lang), '<dl class="wbl-facts">', "</dl>"))
    assert card_facts(renderer, "classes-rolling", lang).endswith(f"{view.t('deadline')}: {rolling}")


@pytest.mark.parametrize(("lang", "status"), [("en", "Teachers register classes"), ("es", "Los maestros inscriben a sus clases")])
def test_class_registration_says_teachers_register(renderer: SiteRenderer, lang: str, status: str) -> None:
    opp = opp_of(renderer.catalog, "classes")
    view = View(renderer.catalog, lang, "")
    assert (view.status_key(opp), view.status(opp)) == ("open", status)
    assert card_facts(renderer, "classes", lang).startswith(status + " ")


@pytest.mark.parametrize(
    ("slug", "lang", "opens", "secondary"),
    [
        ("later", "en", "Applications open on January 5, 2027", "Application page (opens January 5, 2027)"),
        ("later", "es", "Las solicitudes abren el 5 de enero de 2027", "Página de solicitud (abre el 5 de enero de 2027)"),
        ("later-email", "en", "Applications open on January 5, 2027", "Email address for applications (from January 5, 2027)"),
    ],
)
def test_before_applications_open_there_is_no_apply_button(
    renderer: SiteRenderer, slug: str, lang: str, opens: str, secondary: str
) -> None:
    html = body(renderer, slug, lang)
    assert View(renderer.catalog, lang, "").status_key(opp_of(renderer.catalog, slug)) == "upcoming"
    assert "md-button--primary" not in apply_section(html)
    assert opens in text_of(apply_section(html))
    # Instead of Apply: a calendar reminder for the day applications open, then the address labelled with that day.
    [(remind, ics, _), (cls, _, text)] = buttons(html)
    assert remind == "md-button wbl-apply__button wbl-apply__remind" and ics.startswith("data:text/calendar;")
    assert cls == "md-button wbl-apply__button wbl-apply__button--later"
    assert text == secondary


def test_a_closed_listing_has_no_button_whatever_its_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture("minimal", tmp_path)
    path = root / BASE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    merge(data, {"status": "closed", "application": {"mode": "lottery"}})
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    use_cached_validators(monkeypatch)
    checked = check_catalog(root, as_of=AS_OF)
    assert checked.ok, checked.errors
    html = SiteRenderer(checked.catalog).opportunity(checked.catalog.opportunities["acme/welding-intern"], "en").body
    assert "wbl-apply__button" not in html
    assert "Places are drawn by lottery" in html


@pytest.mark.parametrize(("lang", "label", "day"), [("en", "When", "Apr 10, 2027"), ("es", "Cuándo", "10 abr 2027")])
def test_a_one_day_event_shows_its_day_once_with_its_time(renderer: SiteRenderer, lang: str, label: str, day: str) -> None:
    when = fact(body(renderer, "one-day-talk", lang), label)
    assert when.count(day) == 1 and "–" not in when, when
    assert "10 to 11 a.m." in when


def test_a_multi_year_program_gives_its_weeks(renderer: SiteRenderer) -> None:
    assert "156" in fact(body(renderer, "three-year-apprenticeship", "en"), "When")


@pytest.mark.parametrize(
    ("lang", "prefix", "heading", "name"),
    [
        ("en", "", "Industry sectors", "Manufacturing and Product Development"),
        ("es", "es/", "Sectores industriales", "Manufactura y Desarrollo de Productos"),
    ],
)
def test_the_page_names_its_sectors_linked_to_their_pages(
    renderer: SiteRenderer, lang: str, prefix: str, heading: str, name: str
) -> None:
    html = body(renderer, "paid-open", lang)
    sectors = section(html, f"<h2>{heading}</h2>", "</ul>")
    [(href, text)] = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', sectors)
    assert text == name
    here = f"https://wbl.example.org/{prefix}{opp_of(renderer.catalog, 'paid-open').url}"
    assert urljoin(here, href) == f"https://wbl.example.org/{prefix}sectors/manufacturing-and-product-development/"
    # After the format and what the listing is, near the pathways it belongs to.
    assert html.index(f"<h2>{heading}</h2>") < html.index(f"<h2>{View(renderer.catalog, lang, '').t('pathways_of')}</h2>")
