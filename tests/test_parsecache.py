"""Parsed files kept from one check to the next (generator/check/parsecache.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sitebuild import AS_OF, ROOT

import generator.check.parsecache as parsecache
from generator.model.checked import check_catalog

DAY = dt.date.fromisoformat(AS_OF)
LISTING = "employers/arroyo-inland-health/summer-clinic-internship.yml"


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled catalog, cached as if it were large, with the cache in tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(parsecache, "CACHE_FROM", 1)
    folder = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", folder)
    return folder


def cache_folders(tmp_path: Path) -> list[Path]:
    """Each catalog's cache: a folder of cache files."""
    return sorted(p for p in (tmp_path / "cache" / "wbl-catalog" / "parsed").glob("*") if p.is_dir())


def same(a, b) -> bool:  # noqa: ANN001
    return a.problems == b.problems and a.files == b.files and a.catalog == b.catalog


def test_a_cached_check_is_the_plain_check(catalog: Path, tmp_path: Path) -> None:
    plain = check_catalog(catalog, DAY)
    assert not cache_folders(tmp_path)  # a check that does not ask for the cache leaves none
    first = check_catalog(catalog, DAY, cache=True)
    (folder,) = cache_folders(tmp_path)
    assert len(list(folder.glob("*.bin"))) > 1  # the entries are spread over several files
    again = check_catalog(catalog, DAY, cache=True)
    assert same(plain, first) and same(plain, again)


def test_a_cached_check_in_two_processes_is_the_plain_check(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import processes
    from generator.check import load

    plain = check_catalog(catalog, DAY)
    monkeypatch.setattr(load, "SHARE_FROM", 0)  # the rules run in another process while the model is built
    monkeypatch.setattr(processes, "can_fork", lambda: True)  # other tests may have left threads running
    first = check_catalog(catalog, DAY, cache=True)
    cache = parsecache.ParseCache(catalog)
    cache.load()
    # What the rules found in the other process reached the cache: every file's text was found clean.
    assert len(cache.old) == plain.files and all(entry[3] for entry in cache.old.values())
    assert same(plain, first) and same(plain, check_catalog(catalog, DAY, cache=True))


def test_one_changed_file_writes_one_cache_file_again(catalog: Path, tmp_path: Path) -> None:
    from generator.check.discover import shown_path

    check_catalog(catalog, DAY, cache=True)
    (folder,) = cache_folders(tmp_path)
    before = {p.name: p.stat().st_ino for p in folder.glob("*.bin")}
    path = catalog / LISTING
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    check_catalog(catalog, DAY, cache=True)
    after = {p.name: p.stat().st_ino for p in folder.glob("*.bin")}
    assert after.keys() == before.keys()
    assert [name for name in after if after[name] != before[name]] == [f"{parsecache.shard(shown_path(path)):02d}.bin"]


def test_a_cache_of_an_earlier_format_is_removed(catalog: Path, tmp_path: Path) -> None:
    earlier = tmp_path / "cache" / "wbl-catalog" / "parsed" / "0123456789abcdef.bin"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"WBLP3\n")
    check_catalog(catalog, DAY, cache=True)
    assert not earlier.exists() and len(cache_folders(tmp_path)) == 1


def test_a_changed_file_is_parsed_again(catalog: Path) -> None:
    check_catalog(catalog, DAY, cache=True)
    path = catalog / LISTING
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: [unclosed", 1), encoding="utf-8")
    cached = check_catalog(catalog, DAY, cache=True)
    assert same(cached, check_catalog(catalog, DAY))
    assert any(p.path.endswith(LISTING) for p in cached.errors)


def test_a_problem_found_while_parsing_is_reported_every_time(catalog: Path) -> None:
    path = catalog / LISTING
    path.write_text(path.read_text(encoding="utf-8") + "\ntitle: twice\n", encoding="utf-8")
    first = check_catalog(catalog, DAY, cache=True)
    again = check_catalog(catalog, DAY, cache=True)
    assert first.errors and same(first, again)


def test_a_deleted_file_is_gone_from_the_check_and_the_cache(catalog: Path) -> None:
    check_catalog(catalog, DAY, cache=True)
    (catalog / LISTING).unlink()
    cached = check_catalog(catalog, DAY, cache=True)
    assert same(cached, check_catalog(catalog, DAY))
    cache = parsecache.ParseCache(catalog)
    cache.load()
    assert cache.old and not any(name.endswith(LISTING) for name in cache.old)


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign", "old parser"])
def test_a_damaged_or_outdated_cache_is_ignored(
    catalog: Path, tmp_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = check_catalog(catalog, DAY)
    check_catalog(catalog, DAY, cache=True)
    (folder,) = cache_folders(tmp_path)
    for path in folder.glob("*.bin"):
        data = path.read_bytes()
        if damage == "truncate":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "flip":
            path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
        elif damage == "foreign":
            path.write_bytes(b"not a cache file at all")
    if damage == "old parser":
        parsecache.parser_version.cache_clear()
        monkeypatch.setattr(parsecache, "parser_version", lambda: "another parser")
    cache = parsecache.ParseCache(catalog)
    cache.load()
    assert cache.old == {}
    assert same(check_catalog(catalog, DAY, cache=True), plain)


def test_a_small_catalog_is_not_cached(catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsecache, "CACHE_FROM", 10_000)
    check_catalog(catalog, DAY, cache=True)
    assert not cache_folders(tmp_path)


def test_only_the_newest_catalog_folders_are_kept(catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsecache, "KEEP_FOLDERS", 2)
    for name in ("a", "b", "c"):
        shutil.copytree(catalog / "vocabularies", tmp_path / name / "vocabularies")
        check_catalog(tmp_path / name, DAY, cache=True)
    kept = cache_folders(tmp_path)
    assert len(kept) == 2
    assert parsecache.ParseCache(tmp_path / "a").folder not in kept


def test_a_vocabulary_change_checks_the_files_that_passed_again(catalog: Path) -> None:
    check_catalog(catalog, DAY, cache=True)
    sectors = catalog / "vocabularies" / "sectors.yml"
    text = sectors.read_text(encoding="utf-8")
    sectors.write_text(text.replace("name: Health Science and Medical Technology", "name: Health Sciences"), encoding="utf-8")
    cached = check_catalog(catalog, DAY, cache=True)
    assert same(cached, check_catalog(catalog, DAY))
    assert any(p.path.endswith(LISTING) for p in cached.errors)


def test_unchanged_files_are_neither_parsed_nor_checked_again(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.check import load, schemas

    check_catalog(catalog, DAY, cache=True)
    calls = {"parse": 0, "schema": 0}
    parse, is_valid = load.load, schemas.Validators.is_valid

    def counted_parse(*args):  # noqa: ANN002, ANN202
        calls["parse"] += 1
        return parse(*args)

    def counted_valid(self, *args):  # noqa: ANN001, ANN002, ANN202
        calls["schema"] += 1
        return is_valid(self, *args)

    monkeypatch.setattr(load, "load", counted_parse)
    monkeypatch.setattr(schemas.Validators, "is_valid", counted_valid)
    path = catalog / LISTING
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert check_catalog(catalog, DAY, cache=True).ok
    assert calls == {"parse": 1, "schema": 1}


def test_a_problem_in_the_text_is_reported_every_time(catalog: Path) -> None:
    path = catalog / LISTING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", "\ntitle: Te\u0301\u0302\u0303\u0304\u0305st ", 1), encoding="utf-8")
    plain = check_catalog(catalog, DAY)
    assert any(p.code == "stacked-marks" for p in plain.errors)
    assert same(check_catalog(catalog, DAY, cache=True), plain)
    assert same(check_catalog(catalog, DAY, cache=True), plain)


def test_the_text_rules_read_only_the_changed_files_again(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.check import rules

    check_catalog(catalog, DAY, cache=True)
    read: list[str] = []
    strings = rules.Rules.all_strings

    def counted(self, record):  # noqa: ANN001, ANN202
        read.append(record.shown)
        return strings(self, record)

    monkeypatch.setattr(rules.Rules, "all_strings", counted)
    path = catalog / LISTING
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    cached = check_catalog(catalog, DAY, cache=True)
    assert len(read) == 1 and read[0].endswith(LISTING)
    read.clear()
    assert same(cached, check_catalog(catalog, DAY))
    assert len(read) == cached.files  # the plain check reads every file


def test_each_file_is_read_once_when_the_cache_does_not_know_it(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.check import load

    reads: list[str] = []
    read_raw = load.read_raw

    def counted(entry):  # noqa: ANN001, ANN202
        reads.append(entry.shown)
        return read_raw(entry)

    monkeypatch.setattr(load, "read_raw", counted)
    checked = check_catalog(catalog, DAY, cache=True)
    assert len(reads) == len(set(reads)) == checked.files
