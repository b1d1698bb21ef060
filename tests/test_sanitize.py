"""Contributor text and addresses made safe for pages (generator/sanitize.py)."""

from __future__ import annotations

import random

from generator.sanitize import first_unwritable, url_problem


def test_the_quick_look_at_an_address_finds_what_the_character_by_character_look_finds() -> None:
    rng = random.Random(7)
    pool = [*"https://example.org/a?b=c#d", " ", "\t", "\x7f", "\x00", "é", "\u200b", "\u00a0", "%", "~"]
    for _ in range(3000):
        url = "".join(rng.choice(pool) for _ in range(rng.randint(0, 20)))
        plain = next((c for c in url if not c.isprintable() or c.isspace() or ord(c) > 0x7E), None)
        assert first_unwritable(url) == plain, ascii(url)


def test_an_address_with_a_character_a_link_cannot_hold_is_refused() -> None:
    assert url_problem("https://example.org/a b") == "contains a space"
    assert url_problem("https://example.org/caf\u00e9") == "contains `\u00e9`, which a link must write percent-encoded"
    assert url_problem("https://example.org/\u200b") == "contains the hidden character U+200B"
    assert url_problem("https://example.org/a?b=c#d") is None
