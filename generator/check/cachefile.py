"""A file in the user's cache folder: a marker of its format, a checksum and the payload, written whole or not at
all, so a check running at the same time never reads half a file, and a damaged or foreign one reads as absent."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def read_checked(path: Path, magic: bytes) -> bytes | None:
    """The payload, or None when the file is missing, damaged or of another format."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(magic) + 32
    if not data.startswith(magic) or hashlib.sha256(data[head:]).digest() != data[len(magic) : head]:
        return None
    return data[head:]


def write_checked(path: Path, magic: bytes, payload: bytes) -> bool:
    """Writes the file whole, or not at all; False when it could not (an unwritable cache only costs time)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(magic + hashlib.sha256(payload).digest() + payload)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return False
    return True
