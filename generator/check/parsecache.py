"""Parsed files kept from one check of a large catalog to the next, by content.

Parsing is most of a check: at 50,000 listings it takes about 20 of the check's 35 seconds, and a preview or a
`mkdocs serve` rebuild after one changed listing parses 49,999 files it parsed before. The cache keeps the data of
each file that parsed without a problem, under a hash of its bytes; a file whose bytes changed, or that had a
problem, is parsed again. The result is the same as parsing every file (tests/test_parsecache.py).

One cache folder per catalog folder, in the user's cache folder (never in the repository, so a pull request cannot
bring one). The files are spread over SHARDS cache files by their path, each written whole or not at all, with a
checksum: a damaged, foreign or outdated cache file is ignored. After one changed listing only its cache file is
written again (written whole, the cache took 1.3 s to write at 50,000 listings).
The key includes the parser's own source, so a change to the parsing never reuses data parsed the old way.
Each file also keeps the fingerprint of the schema check it passed (the schema with the catalog's vocabularies):
while neither the file nor the fingerprint changes, the check is not run again. A file that failed is always
checked again, so its problems are reported every time. So are the rules that read nothing but the file's own
text (hidden characters, links, Markdown depth): a file they found nothing in is not read by them again.
marshal, not pickle: it reads and writes only plain values, never code.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import shutil
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.check import yamlload
from generator.check.cachefile import read_checked, write_checked
from generator.check.compiled import cache_base
from generator.check.discover import Entry

MAGIC = b"WBLP4\n"  # the format of the cache files
# How many cache files a catalog's entries are spread over, by a checksum of each file's path.
SHARDS = 32
# Below this many files a check takes a second or two, and a cache file per test catalog would pile up.
CACHE_FROM = 2000
# The modules (under generator/) a file's entry depends on; read as files, since rules.py imports load.py, which
# imports this module.
SOURCES = ("check/yamlload.py", "check/yamlsyntax.py", "check/yamltext.py", "check/rules.py", "characters.py", "sanitize.py")
# The caches of this many catalog folders are kept, the most recently written; older ones are deleted.
KEEP_FOLDERS = 8


@functools.cache
def parser_version() -> str:
    """What a file's entry depends on besides its bytes: the parser's and the text rules' source, PyYAML and
    Python."""
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for source in SOURCES:
        digest.update((package / source).read_bytes())
    digest.update(f"{yaml.__version__} {yamlload.LIBYAML} {sys.implementation.cache_tag}".encode())
    return digest.hexdigest()


def digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def shard(shown: str) -> int:
    """The cache file a catalog file's entry is kept in: the same in every process (unlike hash())."""
    return zlib.crc32(shown.encode("utf-8", "surrogateescape")) % SHARDS


class ParseCache:
    """The data of earlier parsed files of one catalog folder: `hit` before parsing a file, `keep` after."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:32]
        self.folder = (folder or cache_base() / "parsed") / name
        # shown path -> (hash of the bytes, parsed data, fingerprint of the schema check it passed or "", whether
        # the rules on its text alone found nothing)
        self.old: dict[str, tuple[bytes, Any, str, bool]] = {}
        self.new: dict[str, tuple[bytes, Any, str, bool]] = {}
        self.pending: dict[str, bytes] = {}  # the hash of each file `hit` did not know
        self.changed: set[int] = set()  # the shards (cache files) with a new or changed entry
        self.loaded = False

    def shard_path(self, number: int) -> Path:
        return self.folder / f"{number:02d}.bin"

    def load(self) -> None:
        self.loaded = True
        version = parser_version()
        for number in range(SHARDS):
            payload = read_checked(self.shard_path(number), MAGIC)
            if payload is None:
                continue
            try:
                written, files = marshal.loads(payload)
            except (EOFError, ValueError, TypeError):
                continue
            if written == version and isinstance(files, dict):
                self.old.update(files)

    def hit(self, entry: Entry, raw: bytes) -> Any | None:
        """The data of the file when these bytes parsed cleanly before, else None (parse it, then `keep`)."""
        if not self.loaded:
            self.load()
        key = digest(raw)
        known = self.old.get(entry.shown)
        if known is not None and known[0] == key:
            self.new[entry.shown] = known
            return known[1]
        self.pending[entry.shown] = key
        return None

    def keep(self, entry: Entry, data: Any) -> None:
        """Remember the data of a file `hit` did not know, which then parsed without a problem."""
        key = self.pending.pop(entry.shown, None)
        if key is not None:
            self.new[entry.shown] = (key, data, "", False)
            self.changed.add(shard(entry.shown))

    def passed(self, shown: str, fingerprint: str) -> bool:
        """Whether the file, unchanged, passed the schema check with this fingerprint before."""
        known = self.new.get(shown)
        return known is not None and known[2] == fingerprint

    def mark_passed(self, shown: str, fingerprint: str) -> None:
        """Remember that the file's data passed the schema check with this fingerprint."""
        known = self.new.get(shown)
        if known is not None and known[2] != fingerprint:
            self.new[shown] = (known[0], known[1], fingerprint, False)
            self.changed.add(shard(shown))

    def text_clean(self, shown: str) -> bool:
        """Whether the rules on the text alone (`Rules.text_rule`) found nothing in the file, unchanged, before."""
        known = self.new.get(shown)
        return known is not None and known[3]

    def mark_text_clean(self, shown: str) -> None:
        """Remember that the rules on the text alone found nothing in the file's data."""
        known = self.new.get(shown)
        if known is not None and not known[3]:
            self.new[shown] = (known[0], known[1], known[2], True)
            self.changed.add(shard(shown))

    def save(self) -> None:
        """Write the cache files whose entries changed, or lost a file since deleted, with what this check saw."""
        changed = set(self.changed)
        changed.update(shard(shown) for shown in self.old.keys() - self.new.keys())
        if not changed:
            return
        by_shard: dict[int, dict[str, tuple[bytes, Any, str, bool]]] = {number: {} for number in changed}
        for shown, entry in self.new.items():
            files = by_shard.get(shard(shown))
            if files is not None:
                files[shown] = entry
        version = parser_version()
        for number, files in sorted(by_shard.items()):
            try:
                payload = marshal.dumps((version, files))
            except ValueError:  # a value marshal cannot write; the next check parses these files again
                continue
            write_checked(self.shard_path(number), MAGIC, payload)
        self.changed.clear()
        with contextlib.suppress(OSError):
            prune(self.folder.parent)


def prune(folder: Path) -> None:
    """Delete all but the KEEP_FOLDERS newest catalogs' caches (each catalog folder checked once leaves one), and
    anything else there, such as cache files of an earlier format."""
    caches = sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in caches[KEEP_FOLDERS:]:
        shutil.rmtree(old, ignore_errors=True)
    for other in folder.iterdir():
        if other.is_file():
            other.unlink(missing_ok=True)


def for_catalog(root: Path, entries: Sequence[Entry], wanted: bool) -> ParseCache | None:
    """The cache for a check that wants one, when the catalog is large enough for it to pay."""
    return ParseCache(root) if wanted and len(entries) >= CACHE_FROM else None
