"""The browse page's facet index: small static files for filtering without a search index.

A visitor who filters needs, per listing, its facet values, two sort keys and what its result
card shows. Search words add only "which listings have them, best first": the word index
(word_index.py, under `words/`), whose postings are these ordinals, so that filters, counts,
sorting and cards work the same way with and without words.

Per language, under `browse-data/<lang>/`:

- `facets.json`: `n` rows (listings, or a listing's tracks), numbered by their ordinal: the order of the default sort,
  "deadline soonest" (no deadline last, then by id), so that sort needs no data. For each facet
  (facets.py) that a listing has values of, its `values` and one of two
  encodings, whichever is smaller after gzip:
  - `sets` + `col`: the distinct sets of value indices, and per listing the index of its set
    as `width` base64url digits (good for facets with one or a few values per listing);
  - `post`: per value, the ordinals that have it, as the gaps between them, Rice-coded
    (parameter k in the first digit, then bits, most significant first, in base64url). A
    leading `!` means the list is of the ordinals that do *not* have the value.
  `labels`: the names of the organizations and pathways by id, for the filters (the browse
  pages leave them out, since they grow with the catalog).
  `params`: what the browse script knows of the facets (facets.py `browse_metadata`): the URL
  parameters in the order of an address, each facet's parameter, whether it takes one value and
  whether its list starts open, the sorts and the default status.
  `limits`: as word_index.py, the longest word (`word`) and the most words of a query (`query_words`)
  that a search looks up.
  `when`: the opening and closing dates that can still change a row's status (see `when`), from which the
  browse script re-evaluates the `status` facet and the cards against the visitor's today.
  The facets are split so that a first visit downloads only what its first view needs (`first_view`): the
  status (the default filter) and the facets whose counts show before any filter is used (one-value selects
  and lists that start open) are in `facets.json` itself; each other facet is `{file, values, counts}` (its
  values and how many rows have each, for the filter panel) and its encoding is in `file`, `facet-<param>.json`,
  fetched the first time a visitor opens its list or uses it. A facet whose labels travel in the index
  (organizations, pathways) has only `file` and `size` (how many values), and its file also carries its
  `values`' `counts` and its `labels`.
- `facet-<param>.json`: one facet's encoding, as above, with `format`.
- `sort-reviewed.json`, `sort-pay.json`: the other two sorts, fetched only when chosen, encoded
  like a `sets`/`col` facet whose one value per listing is its rank (0 = first in that sort), so
  the page sorts by counting, without comparing values. Equal keys keep the ordinal order.
- `cards-<k>.json`: the result cards of ordinals `k * shard` to `(k + 1) * shard - 1`, in the
  page's language: `u` the listing's id (its page is `base` + id + `/`, relative to the file),
  `t` title, `o` organization, `p` pay, `w` where, `d` deadline, `s` status key (on the build's date) and `sl` its
  label; `tl` / `ol` the language of the title / organization name when it is not the page's, and `sll` that
  of the label when the listing's file words it (when applications usually open) untranslated. `dn: 1` marks a
  deadline given as its date alone, to which the script adds the days left as of today; `lo` (a listing whose
  applications open later) is the label it takes once they open.
  A card also shows the listing's format (`f`) and its lowest and highest grade (`g`), so that the first
  results need neither the format nor the grade facet. `ng: 1` marks a listing that gives only ages: its grade
  values are the ones its ages imply, for the filter, and its card shows none (and has no `g`).
  A row that is a track of a listing (encoding.ordered) has the track's facts on its card and in every facet,
  and `k` its track id (its card links to `#track-<k>` of the listing's page), `kn` the track's name and `kl`
  that name's language when it is not the page's.
  `words` describes the word index (see word_index.py).
- `words/<shard>.json`: the word index.

And under `browse-data/` itself, the same for every language: `zips.json` and `sites.json`, what "near me"
needs (nearby.py), fetched only when a visitor uses it.

Output is a pure function of the catalog: sorted, no timestamps, so two builds give identical files.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from generator.model import Catalog, Opportunity
from generator.model import status as status_rules
from generator.present.view import View, lang_prefix
from generator.render import browse, nearby, query_words
from generator.render.encoding import DIGITS, compact_json, digits, ordered, rice
from generator.render.facets import FACETS, STATUS_PARAMETER, browse_metadata, grades_of
from generator.render.word_index import FOLDER as WORDS
from generator.render.word_index import MAX_QUERY_WORDS, MAX_WORD, word_files

FORMAT = 2
# Cards per file. A search's first results are spread over the catalog, one card from each file: small files
# keep a search's download small (at 10,000 listings a word query's cards took 46 kB with 40 a file, 21 kB with 8).
SHARD = 8
FOLDER = "browse-data"


def columns(rows: Sequence[tuple[int, ...]]) -> dict[str, Any]:
    """Per listing, a set of small integers, as a table of the distinct sets and a column of indices."""
    seen: dict[tuple[int, ...], int] = {}
    for row in rows:
        seen[row] = seen.get(row, 0) + 1
    table = sorted(seen, key=lambda row: (-seen[row], row))  # most used first: shortest codes repeat most
    width = max(1, math.ceil(math.log(max(len(table), 2), 64)))
    code = {row: digits(i, width) for i, row in enumerate(table)}
    return {"sets": [list(row) for row in table], "width": width, "col": "".join(map(code.__getitem__, rows))}


def _gz(data: Any) -> int:
    return len(gzip.compress(json.dumps(data, separators=(",", ":")).encode(), 9, mtime=0))


def encode_facet(values: list[str], rows: Sequence[tuple[int, ...]], n: int) -> dict[str, Any]:
    """One facet: its values, and whichever encoding of who has them is smaller after gzip."""
    return {"values": values, **encode_rows(rows, len(values), n)}


def encode_rows(rows: Sequence[tuple[int, ...]], size: int, n: int) -> dict[str, Any]:
    """Per ordinal a set of integers below size, as columns() or as each integer's ordinals (`counts` and
    Rice-coded `post`), whichever is smaller after gzip (browse/index.js rowSets reads both)."""
    column = columns(rows)
    # The ordinals of each distinct set, then of each value: far fewer sets than listings.
    having: defaultdict[tuple[int, ...], list[int]] = defaultdict(list)
    for ordinal, row in enumerate(rows):
        having[row].append(ordinal)
    runs: list[list[list[int]]] = [[] for _ in range(size)]
    for row, ordinals in having.items():
        for value in row:
            runs[value].append(ordinals)
    members = [sorted(chain.from_iterable(parts)) for parts in runs]
    postings = {"counts": [len(m) for m in members], "post": [rice(m, n) for m in members]}
    return postings if _gz(postings) < _gz(column) else column


# ---------- what the files hold ----------


def facet_rows(catalog: Catalog, opps: Sequence[Opportunity], view: View) -> dict[str, tuple[list[str], list[tuple[int, ...]]]]:
    """Facet name -> (values in label order, then any others sorted; per ordinal, its value indices)."""
    per_listing = [dict(browse.filters(catalog, opp, view)) for opp in opps]
    names = set(chain.from_iterable(per_listing))
    out = {}
    for facet in FACETS:
        name = facet.param
        if name not in names:
            continue  # no listing has a value of it
        known = list(facet.options(catalog, view))
        given = list(map(tuple, map(operator.methodcaller("get", name, ()), per_listing)))
        used = set().union(*given)
        values = [v for v in known if v in used] + sorted(used - set(known))
        position = {v: i for i, v in enumerate(values)}
        # Listings share few distinct lists of values: each is turned into a row once.
        row = {listed: tuple(sorted({position[v] for v in listed})) for listed in set(given)}
        out[name] = (values, list(map(row.__getitem__, given)))
    return out


def sort_ranks(opps: Sequence[Opportunity]) -> dict[str, list[int]]:
    """Sort name -> per ordinal, its rank (0 first): latest review, highest hourly pay. Equal keys, equal ranks."""
    keys = [dict(browse.sorts(opp)) for opp in opps]
    value = {"reviewed": str, "pay": float}  # ISO dates compare as text; pay as a number
    out = {}
    for name, kind in value.items():
        distinct = sorted({kind(k[name]) for k in keys}, reverse=True)
        rank = {v: i for i, v in enumerate(distinct)}
        out[name] = [rank[kind(k[name])] for k in keys]
    return out


def card(catalog: Catalog, opp: Opportunity, view: View) -> dict[str, str | int | list[str] | list[int]]:
    title = opp.text("title", view.lang)
    org = catalog.organizations.get(opp.org_id)
    name = org.text("name", view.lang) if org else None
    out: dict[str, str | int | list[str] | list[int]] = {"u": opp.id, "t": title.value if title else opp.title}
    if title and title.lang != view.lang:
        out["tl"] = title.lang
    out["o"] = name.value if name else opp.org_id
    if name and name.lang != view.lang:
        out["ol"] = name.lang
    # Where: text and place names taking turns (View.where_parts), or the text alone when it names no place.
    where = view.where_parts(opp)
    status = view.status_key(opp)
    # A row whose status the browser re-evaluates (`when`) gets its deadline's date alone: the browser adds
    # how many days are left as of the visitor's today, not the build's.
    counted = bool(status_rules.windows_ahead(opp, view.today)) and opp.deadline is not None and not opp.rolling
    out.update(
        {
            "p": view.pay(opp),
            "w": where if len(where) > 1 else where[0],
            "d": view.deadline_date(opp) if counted else view.deadline(opp),
            "s": status,
            "sl": view.card_status(opp),
        }
    )
    if counted:
        out["dn"] = 1
    expected = view.expected_text(opp) if status == "upcoming" else None
    if expected and expected.lang != view.lang:
        out["sll"] = expected.lang  # the status is a contributor's untranslated line about when applications open
    if status == "upcoming":
        out["lo"] = view.t(status_rules.open_label_key(opp))  # its words once applications open
    out["f"] = opp.format
    grades = grades_of(opp)
    if opp.grade_min is None:
        out["ng"] = 1
    elif grades:
        out["g"] = [grades[0], grades[-1]]
    if opp.track is not None:
        # A track's row: its card names the track and links to the track's section of the listing's page.
        track = opp.track.text("name", view.lang)
        out["k"] = opp.track.id
        out["kn"] = track.value if track else opp.track.name
        if track and track.lang != view.lang:
            out["kl"] = track.lang
    return out


def when(opps: Sequence[Opportunity], today: dt.date, limit: int | None = None) -> dict[str, Any]:
    """The dates that can still change each row's status after the build, for the browser to re-evaluate
    open, upcoming and closed against the visitor's today (generator.model.status, status.js).

    `on`: the build's date. `rows`: for each row that is open or upcoming on it, in ordinal order, a list:
    the gap from the previous such row's ordinal (the first's from -1), then per application window not yet
    over (generator.model.status.windows_ahead), the days from `on` to its opening (0: already open) and to
    its deadline (-1: none). The first deadline is written as the difference from the previous row's first
    deadline (rows are in deadline order, so these are small and repeat), the others in full.
    """
    rows: list[list[int]] = []
    last, previous = -1, 0
    for ordinal, opp in enumerate(opps):
        ahead = status_rules.windows_ahead(opp, today)
        # An unreviewed row keeps the filter value it was built with: the browser must not move it back to open.
        if not ahead or (limit is not None and status_rules.browse_status(opp, today, limit) == status_rules.UNREVIEWED):
            continue
        row = [ordinal - last]
        for i, (opens, deadline) in enumerate(ahead):
            days = (deadline - today).days if deadline is not None else -1
            if i == 0 and days >= 0:
                days, previous = days - previous, days
            row += [(opens - today).days if opens is not None else 0, days]
        rows.append(row)
        last = ordinal
    return {"on": today.isoformat(), "rows": rows}


def first_view(param: str) -> bool:
    """Whether the first view of the browse page needs a facet's posting lists: the default filter (status),
    and the facets whose counts show before any filter is used (one-value selects, lists that start open).
    The others are fetched when a visitor opens their list or uses them."""
    facet = next(f for f in FACETS if f.param == param)
    return param == STATUS_PARAMETER or facet.single or facet.always_open


def value_counts(encoded: dict[str, Any], n: int) -> list[int]:
    """How many of the n rows have each value of an encoded facet (encode_facet), in the order of its values."""
    if "post" in encoded:
        return list(encoded["counts"])
    width, col = encoded["width"], encoded["col"]
    per_set = Counter(col[i * width : (i + 1) * width] for i in range(n))
    counts = [0] * len(encoded["values"])
    for code, times in per_set.items():
        number = 0
        for digit in code:
            number = number * 64 + DIGITS.index(digit)
        for value in encoded["sets"][number]:
            counts[value] += times
    return counts


def split_facets(
    facets: dict[str, dict[str, Any]], labels: dict[str, dict[str, str]], n: int
) -> tuple[dict[str, dict[str, Any]], dict[str, bytes]]:
    """The facets of facets.json and the files of the others (facet-<param>.json), from every facet's encoding
    (encoded_facets) and the labels that travel in the index: see the module's docstring."""
    head: dict[str, dict[str, Any]] = {}
    files: dict[str, bytes] = {}
    for name, encoded in facets.items():
        if first_view(name):
            head[name] = encoded
            continue
        file = f"facet-{name}.json"
        counts = value_counts(encoded, n)
        if name in labels:
            # Values that grow with the catalog stay out of the first load, their labels with them.
            head[name] = {"file": file, "size": len(encoded["values"])}
            files[file] = compact_json({"format": FORMAT, **encoded, "counts": counts, "labels": labels[name]})
        else:
            head[name] = {"file": file, "values": encoded["values"], "counts": counts}
            files[file] = compact_json({"format": FORMAT, **encoded})
    return head, files


def encoded_facets(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Every facet, encoded. Facet values are ids, the same in every language."""
    opps = ordered(catalog)
    view = View(catalog, catalog.langs[0], FOLDER + "/")
    return {name: encode_facet(values, rows, len(opps)) for name, (values, rows) in facet_rows(catalog, opps, view).items()}


def browse_files(catalog: Catalog, lang: str, facets: dict[str, dict[str, Any]] | None = None) -> dict[str, bytes]:
    """File name (under browse-data/<lang>/) -> bytes, for one language, the word index's (under words/) included."""
    words, word_shards = word_files(catalog, lang)
    view = View(catalog, lang, FOLDER + "/" + lang + "/")
    opps = ordered(catalog)
    n = len(opps)
    labels = {f["name"]: f["values"] for f in browse.labels(catalog, view)["facets"] if f["name"] in browse.INDEXED_LABELS}
    head, facet_files = split_facets(facets if facets is not None else encoded_facets(catalog), labels, n)
    index = {
        "format": FORMAT,
        "lang": lang,
        "n": n,
        "base": "../../" + lang_prefix(lang) + "opportunities/",
        "shard": SHARD,
        "facets": head,
        # The labels of the facets in this file; those of a facet in a file of its own are in that file.
        "labels": {name: values for name, values in labels.items() if "file" not in head.get(name, {})},
        "words": words,
        "params": browse_metadata(),
        "limits": {"word": MAX_WORD, "query_words": MAX_QUERY_WORDS},
        "when": when(opps, view.today, view.review_limit),
    }
    files = {"facets.json": compact_json(index), **facet_files}
    for name, ranks in sort_ranks(opps).items():
        files[f"sort-{name}.json"] = compact_json(columns([(r,) for r in ranks]))
    for k in range(0, max(1, math.ceil(n / SHARD))):
        files[f"cards-{k}.json"] = compact_json([card(catalog, opp, view) for opp in opps[k * SHARD : (k + 1) * SHARD]])
    files.update({f"{WORDS}/{name}": data for name, data in word_shards.items()})
    return files


def near_files(catalog: Catalog) -> dict[str, bytes]:
    """File name (under browse-data/) -> bytes: the ZIP centroids and each row's site points (nearby.py), the
    same in every language."""
    table = nearby.centroids(catalog)
    opps = ordered(catalog)
    points, rows = nearby.points_table(nearby.row_points(opps, table))
    n = len(rows)
    sites = {"format": nearby.SITES_FORMAT, "n": n, "points": [list(p) for p in points], **encode_rows(rows, len(points), n)}
    across, area_rows = nearby.across_table(catalog, nearby.row_areas(opps))
    if across:
        # Worksites spread across areas: the areas, and per row its areas, encoded the same way.
        sites["across"] = {**across, **encode_rows(area_rows, len(across["areas"]), n)}
    return {nearby.ZIPS_FILE: nearby.zips_json(table), nearby.SITES_FILE: compact_json(sites)}


def write_browse_index(catalog: Catalog, site_dir: Path, langs: Iterable[str] | None = None) -> None:
    """Writes browse-data/<lang>/: the facet index, the cards and the word index; and browse-data/'s near-me files."""
    site_dir = Path(site_dir)
    facets = encoded_facets(catalog)
    (site_dir / FOLDER).mkdir(parents=True, exist_ok=True)
    for name, data in near_files(catalog).items():
        (site_dir / FOLDER / name).write_bytes(data)
    (site_dir / FOLDER / query_words.FILE).write_bytes(query_words.query_words_json(catalog))
    for lang in catalog.langs if langs is None else langs:
        folder = site_dir / FOLDER / lang
        (folder / "words").mkdir(parents=True, exist_ok=True)
        for old in [*folder.glob("cards-*.json"), *folder.glob("facet-*.json"), *(folder / "words").glob("*.json")]:
            old.unlink()
        for name, data in browse_files(catalog, lang, facets).items():
            (folder / name).write_bytes(data)
