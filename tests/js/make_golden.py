"""Writes tests/js/golden/*.json: what the generator's encoders write, with the answers a reader must get.

The browse page's modules (site_overrides/assets/browse/) read what the generator writes. The unit
tests in tests/js/ decode these files with the page's modules and compare the results with the
answers given here, which come from the generator's own functions; tests/test_js_golden.py checks that
the committed files are what this script writes now. After changing an encoder, run

    .venv/bin/python tests/js/make_golden.py

and commit the files with the change. Files:

- rice.json: posting lists (browse_index.rice) with their ordinals: empty, one, every, complements,
  large gaps, random sets.
- encodings.json: facets of synthetic listings, one in each of encode_facet's two forms, with the
  listings of each value.
- browse-en.json, browse-es.json: the browse files of a small catalog (the minimal fixture catalog with
  more listings and organizations), as the site serves them under browse-data/<lang>/, the word
  shards that the queries need, the browse page's labels JSON, and the answers: each facet value's
  listings, both sort orders, each card, what each listing's result card shows (as the server's card
  writes it), each shard decoded, and per query its words, the words they match and the listings found.
- text.json: folding and splitting text into words (word_index.fold, words), query words, shard keys
  and file names, for accents, case, ñ, punctuation and other scripts.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
AS_OF = dt.date(2026, 11, 22)
LISTINGS = 70  # ordinals in three 32-bit words
# Where the tests pretend the facet index is: a site under a subpath.
SITE = "https://example.org/catalog/"
FOLDER = "browse-data"  # where the site serves the browse files


def defined(name: str) -> Any:
    """A function, class or constant of the generator, from the one module that defines it.

    Found by its definition, not by a module path, so that moving it to another module of the package
    changes nothing here."""
    pattern = re.compile(rf"^(?:(?:def|class) {re.escape(name)}\b|{re.escape(name)}(?: *:[^=\n]*)? *=)", re.M)
    found = sorted(p for p in (ROOT / "generator").rglob("*.py") if pattern.search(p.read_text(encoding="utf-8")))
    if len(found) != 1:
        raise LookupError(f"expected one module of generator/ to define {name}, found {[str(p) for p in found]}")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    module: ModuleType = importlib.import_module(".".join(found[0].relative_to(ROOT).with_suffix("").parts))
    return getattr(module, name)


def reference_decoders() -> ModuleType:
    """tests/index_reader.py: the Python decoders that read the indexes as the browse modules do."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    return importlib.import_module("index_reader")


def encoders(*names: str) -> SimpleNamespace:
    return SimpleNamespace(**{name: defined(name) for name in names})


# ---------- the catalog ----------

TITLES = (
    "Welding Internship",
    "Pasantía de Enfermería",
    "Nursing Job Shadow",
    "Machinist Apprentice",
    "Año de Diseño Workshop",
    "Ωmega Lab A",
    "Clinic Nurse Assistant",
)
ORGANIZATIONS = {"acme": "Acme Fabrication", "bravo": "Bravo Clínica", "nino": "Niño Health Partners"}
SECTORS = ("Manufacturing and Product Development", "Health Science and Medical Technology")


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise SystemExit(f"tests/fixtures/minimal no longer has {old!r}: update make_golden.py")
    return text.replace(old, new)


def _listing(template: str, i: int) -> str:
    """The fixture listing, varied by i: title, grades, pay, deadline (the first ten have closed), review date,
    season and sectors."""
    deadline = AS_OF + dt.timedelta(days=3 * i - 30)
    reviewed = AS_OF - dt.timedelta(days=10 * (i % 7) + 5)
    text = template
    for old, new in (
        ("title: Welding Internship", f"title: {TITLES[i % len(TITLES)]}"),
        ("    min: 11\n    max: 12", f"    min: {9 + i % 3}\n    max: 12"),
        ("amount: 18.5", f"amount: {(16, 18.5, 21, 25)[i % 4]}"),
        ('deadline: "2027-03-15"', f'deadline: "{deadline.isoformat()}"'),
        ('opens: "2027-01-05"', f'opens: "{(deadline - dt.timedelta(days=60)).isoformat()}"'),
        ('last_reviewed: "2026-10-15"', f'last_reviewed: "{reviewed.isoformat()}"'),
        ("season: summer", "season: summer" if i % 2 == 0 else "season: school-year"),
        (
            f"  - {SECTORS[0]}\n",
            (f"  - {SECTORS[0]}\n  - {SECTORS[1]}\n", f"  - {SECTORS[1]}\n", f"  - {SECTORS[0]}\n")[min(i % 5, 2)],
        ),
    ):
        text = _replace(text, old, new)
    return text


def make_catalog(dest: Path) -> Path:
    """The minimal fixture catalog, with LISTINGS listings over three organizations."""
    shutil.copytree(FIXTURE, dest)
    acme = dest / "employers" / "acme"
    template = (acme / "welding-intern.yml").read_text(encoding="utf-8")
    organization = (acme / "organization.yml").read_text(encoding="utf-8")
    (acme / "welding-intern.yml").unlink()
    for org_id, name in ORGANIZATIONS.items():
        folder = dest / "employers" / org_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "organization.yml").write_text(
            _replace(organization, "name: Acme Fabrication", f"name: {name}"), encoding="utf-8"
        )
    for i in range(LISTINGS):
        org_id = list(ORGANIZATIONS)[i % len(ORGANIZATIONS)]
        (dest / "employers" / org_id / f"listing-{i:02d}.yml").write_text(_listing(template, i), encoding="utf-8")
    return dest


def load_catalog() -> Any:
    check_catalog = defined("check_catalog")
    with tempfile.TemporaryDirectory() as tmp:
        checked = check_catalog(make_catalog(Path(tmp) / "catalog"), as_of=AS_OF)
    if not checked.ok:
        raise SystemExit("the golden catalog does not pass the check:\n" + "\n".join(p.message for p in checked.errors))
    return checked.catalog


# ---------- rice.json ----------


def rice_golden(bi: SimpleNamespace) -> dict[str, Any]:
    reader = reference_decoders()
    rng = random.Random(20261122)
    cases: list[tuple[str, list[int], int]] = [
        ("empty", [], 10),
        ("empty of none", [], 0),
        ("first", [0], 1),
        ("last", [99], 100),
        ("every one", list(range(7)), 7),
        ("all but one", [i for i in range(64) if i != 31], 64),
        ("half, consecutive (k = 0)", list(range(50)), 100),
        ("just over half: the complement", list(range(51)), 100),
        ("word boundaries", [31, 32, 63, 64, 95], 96),
        ("two far apart", [0, 2_999_999], 3_000_000),
        ("one large gap", [1_234_567], 3_000_000),
        ("large gaps", sorted(rng.sample(range(3_000_000), 12)), 3_000_000),
    ]
    for size, n in ((5, 40), (20, 40), (33, 40), (100, 1000), (700, 1000), (300, 10_000)):
        cases.append((f"random {size} of {n}", sorted(rng.sample(range(n), size)), n))
    vectors = []
    for name, ordinals, n in cases:
        text = bi.rice(ordinals, n)
        assert reader.unrice(text, len(ordinals), n) == ordinals, name
        vectors.append({"name": name, "n": n, "count": len(ordinals), "text": text, "ordinals": ordinals})
    return {"digits": bi.DIGITS, "vectors": vectors}


# ---------- encodings.json ----------


def encodings_golden(bi: SimpleNamespace) -> dict[str, Any]:
    """A facet in each form: many listings over few values (sets and col), and few over many (post)."""
    out: dict[str, Any] = {}
    n = 1000
    rng = random.Random(3)
    dense_values = ["red", "green", "blue"]
    dense_rows = [(rng.randrange(3),) for _ in range(n)]
    sparse_values = [f"org-{v}" for v in range(300)]
    rng = random.Random(7)
    sparse_rows = [(rng.randrange(300),) if rng.random() < 0.1 else () for _ in range(n)]
    for name, values, rows in (("dense", dense_values, dense_rows), ("sparse", sparse_values, sparse_rows)):
        encoded = bi.encode_facet(values, rows, n)
        ordinals = {v: [i for i, row in enumerate(rows) if j in row] for j, v in enumerate(values)}
        out[name] = {"facet": encoded, "ordinals": ordinals}
    assert "sets" in out["dense"]["facet"] and "post" in out["sparse"]["facet"], "both encodings must be covered"
    return {"n": n, "facets": out}


# ---------- browse-<lang>.json ----------

QUERIES = {
    "en": (
        "welding",
        "weld",
        "WELDING internship",
        "nursing",
        "nurses",
        "Enfermeria",
        "enfermería",
        "ωmega",
        "a",
        "clinic clinic nurse",
        "zzzz",
        "q",
        "x" * 33,
        "one two three four five six seven eight nine",
        "machinist, apprentice!",
    ),
    "es": (
        "pasantía",
        "pasantias",
        "enfermera",
        "año",
        "ano diseno",
        "niño",
        "línea",
        "clínica",
        "soldadura",
        "Ωmega",
        # Two characters that are split keys: every shard that extends them.
        "en",
        "cl",
        "pa ni",
    ),
}


def shown(view: Any, opp: Any, href: str) -> dict[str, str]:
    """What the server's result card (_macros.html `cards`) shows of a listing, slot by slot."""
    title = opp.text("title", view.lang)
    org = view.catalog.organizations[opp.org_id].text("name", view.lang)
    return {
        "href": href,
        "title": title.value,
        "titleLang": title.lang if title.lang != view.lang else "",
        "org": org.value,
        "orgLang": org.lang if org.lang != view.lang else "",
        "format": view.vocab("formats", opp.format),
        "status": view.status_key(opp),
        "statusLabel": view.card_status(opp),
        "pay": view.pay(opp),
        "grades": view.grades(opp),
        "whereParts": view.where_parts(opp),
        "where": view.where(opp),
        # A deadline whose days left the browser counts (status.js) is its date, with the note beside it.
        **(
            {"deadline": view.deadline_date(opp), "deadlineNote": note, "deadlineCounts": True}
            if (note := view.deadline_note(opp)) and opp.deadline is not None and opp.deadline >= view.today
            else {"deadline": view.deadline(opp)}
        ),
    }


SPLIT_LANG = "es"  # the language whose golden word index has its shards split (word_index.SPLIT_BYTES)
# Split keys for text.json's shard keys, and the keys of an index with them.
SPLIT_KEYS = ("co", "nu", "en", "in")
SPLIT_INDEX = ("a", "co", "cod", "com", "en", "enf", "ent", "in", "int", "nu", "nur", "we", "_")


def browse_golden(bi: SimpleNamespace, wi: SimpleNamespace, labels: Any, catalog: Any, lang: str) -> dict[str, Any]:
    reader = reference_decoders()
    files = {name: json.loads(data) for name, data in bi.browse_files(catalog, lang).items()}
    index = files["facets.json"]
    if lang == SPLIT_LANG:
        # Every shard split (word_files with split_bytes 0), so that the JavaScript reads split shards as well.
        meta, split_files = wi.word_files(catalog, lang, 0)
        files = {name: data for name, data in files.items() if not name.startswith(meta["path"])}
        files.update({meta["path"] + name: json.loads(data) for name, data in split_files.items()})
        index["words"] = meta
        assert meta["split"]
    n = index["n"]
    shard = index["shard"]
    opps = [catalog.opportunities[files[f"cards-{i // shard}.json"][i % shard]["u"]] for i in range(n)]  # by ordinal
    view = bi.View(catalog, lang, f"{FOLDER}/{lang}/")
    url = urljoin(SITE, f"{FOLDER}/{lang}/facets.json")
    base = urljoin(url, index["base"])

    facets = {}
    for name, (values, rows) in bi.facet_rows(catalog, opps, view).items():
        facets[name] = {v: [i for i, row in enumerate(rows) if j in row] for j, v in enumerate(values)}
    assert list(facets) == list(index["facets"])
    sorts = {name: sorted(range(n), key=lambda i, r=ranks: (r[i], i)) for name, ranks in bi.sort_ranks(opps).items()}
    cards = []
    for i in range(n):
        c = files[f"cards-{i // shard}.json"][i % shard]
        cards.append(
            {
                "href": urljoin(base, c["u"] + "/"),
                "title": c["t"],
                "titleLang": c.get("tl"),
                "org": c["o"],
                "orgLang": c.get("ol"),
                "pay": c["p"],
                "where": c["w"],
                "deadline": c["d"],
                "status": c["s"],
                "statusLabel": c["sl"],
                **({"deadlineCounted": True} if c.get("dn") else {}),
                **({"openLabel": c["lo"]} if c.get("lo") else {}),
                **({"statusLang": c["sll"]} if c.get("sll") else {}),
                **({"noGrades": True} if c.get("ng") else {}),
                "format": c["f"],
                "grades": [str(g) for g in range(c["g"][0], c["g"][1] + 1)] if "g" in c else [],
            }
        )

    meta = index["words"]
    words = meta["path"]  # the word shards' folder, "words/"
    shard_files = {name.removeprefix(words) for name in files if name.startswith(words)}

    def load(name: str) -> dict[str, Any]:
        return files[words + name]

    queries, needed = [], set()
    for query in QUERIES[lang]:
        terms = list(dict.fromkeys(wi.words(query)))[: wi.MAX_QUERY_WORDS]
        matched = {}
        for term in terms:
            names = reader.term_files(term, meta)
            if names:
                needed.update(names)
                entries = reader.term_entries(term, meta, load, n)
                matched[term] = [entries[i][0] for i in reader.matches(term, entries, meta["endings"], meta["stem"])]
            else:
                matched[term] = None
        queries.append({"q": query, "terms": terms, "matches": matched, "results": reader.search(query, meta, load, n)})
    assert needed <= shard_files
    shards = {name: load(name) for name in sorted(needed)}
    decoded = {
        name: [{"word": w, "stem": s, "ordinals": every, "strong": strong} for w, s, every, strong in reader.read_shard(data, n)]
        for name, data in shards.items()
    }
    # The browse page's labels JSON, as the page has it (tuples become lists).
    page_labels = json.loads(json.dumps(labels(catalog, bi.View(catalog, lang, "opportunities/"), inline=True)))
    served = {name: data for name, data in files.items() if not name.startswith(words)}
    served.update({words + name: data for name, data in shards.items()})
    return {
        "lang": lang,
        "url": url,
        "files": served,
        "labels": page_labels,
        "expected": {
            "n": n,
            "facets": facets,
            "sorts": sorts,
            "cards": cards,
            "shown": [shown(view, opp, card["href"]) for opp, card in zip(opps, cards, strict=True)],
            "shards": decoded,
            "queries": queries,
        },
    }


# ---------- text.json ----------

TEXTS = (
    "",
    "   ",
    "!?.,;:",
    "Welding",
    "WELDING Internship",
    "Enfermería",
    "ENFERMERÍA",
    "Niño año ÑANDÚ",
    "Pasantía de Enfermería, en línea.",
    "Inglés/Español",
    "São Paulo café-bar",
    "Çà et là",
    "straße Straße",
    "İstanbul",
    "ÅNGSTRÖM",
    "Œuvre ﬁle",
    "e-mail: interns@example.org",
    "don't stop",
    "snake_case and kebab-case",
    "C++ & C#",
    "R&D 24/7 3.5 $20/hour",
    "x² ½ day",
    "１２３ ｆｕｌｌ",
    "Ωmega ΟΔΟΣ",
    "Москва",
    "日本語 テキスト",
    "emoji 🙂 nurse",
    "tab\tnew\nline",
    "nurse Nurse NURSE nurses",
    "one two three four five six seven eight nine ten",
    "a " + "x" * 32 + " " + "y" * 33 + " b",
    "e\u0301cole",  # a combining accent, not a precomposed letter
)


def text_golden(wi: SimpleNamespace) -> dict[str, Any]:
    cases = []
    for text in TEXTS:
        words = wi.words(text)
        cases.append(
            {
                "text": text,
                "fold": wi.fold(text),
                "words": words,
                "query": list(dict.fromkeys(words))[: wi.MAX_QUERY_WORDS],
                "shards": [[w, wi.shard_key(w), wi.shard_file(wi.shard_key(w))] for w in dict.fromkeys(words)],
            }
        )
    split = []
    for word in ("co", "c", "cod", "coding", "community", "nurse", "nu", "enfermeria", "en", "entry", "intern", "we", "welding"):
        key = wi.shard_key(word, SPLIT_KEYS)
        split.append([word, key, wi.shard_file(key), wi.query_keys(word, SPLIT_KEYS, SPLIT_INDEX)])
    return {
        "max_word": wi.MAX_WORD,
        "max_query_words": wi.MAX_QUERY_WORDS,
        "cases": cases,
        "split": {"split": list(SPLIT_KEYS), "keys": list(SPLIT_INDEX), "cases": split},
    }


# ---------- all ----------


def golden() -> dict[str, Any]:
    """File name under tests/js/golden/ -> its data."""
    bi = encoders("DIGITS", "rice", "encode_facet", "facet_rows", "sort_ranks", "browse_files", "View")
    wi = encoders("fold", "words", "shard_key", "query_keys", "shard_file", "word_files", "MAX_WORD", "MAX_QUERY_WORDS")
    catalog = load_catalog()
    out = {
        "rice.json": rice_golden(bi),
        "encodings.json": encodings_golden(bi),
        "text.json": text_golden(wi),
    }
    for lang in ("en", "es"):
        out[f"browse-{lang}.json"] = browse_golden(bi, wi, defined("labels"), catalog, lang)
    return out


def _format(data: Any, depth: int) -> str:
    """JSON, one entry a line, with lists of numbers and texts on one line."""
    flat = not isinstance(data, dict | list) or (isinstance(data, list) and not any(isinstance(v, dict | list) for v in data))
    if flat or not data:
        return json.dumps(data, ensure_ascii=False)
    inner = " " * (depth + 1)
    if isinstance(data, dict):
        items = [f"{inner}{json.dumps(key, ensure_ascii=False)}: {_format(value, depth + 1)}" for key, value in data.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    return "[\n" + ",\n".join(inner + _format(value, depth + 1) for value in data) + "\n" + " " * depth + "]"


def dumps(data: Any) -> str:
    return _format(data, 0) + "\n"


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    files = golden()
    for old in GOLDEN.glob("*.json"):
        if old.name not in files:
            old.unlink()
    for name, data in files.items():
        (GOLDEN / name).write_text(dumps(data), encoding="utf-8")
        print(f"wrote {(GOLDEN / name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
