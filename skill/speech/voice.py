"""Picks a variant of each phrase for one reply: never the one said last in this session, and
a different one each day across sessions, without storing anything.

Within a session the variants said are remembered in the session's attributes. Across
sessions a per-day rotation does the same job for free: the variant for a phrase moves on by
one each day, so "Today's step" is said differently on consecutive days while a turn that only
reads the person's progress writes nothing to the store.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping

from skill.speech.phrasebook import Phrasebook
from skill.speech.ssml import Ssml, escape

# What a session remembers of the phrases said; bounded so the attributes stay small.
MEMORY_LIMIT = 64


class Voice:
    """Renders phrases for one reply; `memory` maps a phrase key to the variant said last."""

    def __init__(self, book: Phrasebook, memory: Mapping[str, int], seed: int) -> None:
        self.book = book
        self._memory = dict(memory)
        self._seed = seed

    def say(self, key: str, **params: object) -> Ssml:
        """One variant of `key` with its parameters filled in (user-derived ones escaped)."""
        variants = self.book.variants(key)
        index = (self._seed + zlib.crc32(key.encode())) % len(variants)
        if len(variants) > 1 and index == self._memory.get(key):
            index = (index + 1) % len(variants)
        self._memory.pop(key, None)
        self._memory[key] = index
        filled = variants[index].format(**{k: escape(v) for k, v in params.items()})
        return Ssml(self.book.elide(filled) if params else filled)

    @property
    def memory(self) -> dict[str, int]:
        """What was said last for each key, most recent last, bounded."""
        items = list(self._memory.items())[-MEMORY_LIMIT:]
        return dict(items)
