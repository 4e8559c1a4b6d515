"""Picks a variant of each phrase for one reply, never the one said last time."""

from __future__ import annotations

import random
from collections.abc import Mapping

from skill.speech.phrasebook import Phrasebook
from skill.speech.ssml import Ssml, escape

# The memory of what was said is stored with the user; cap it so it cannot grow without bound.
MEMORY_LIMIT = 64


class Voice:
    """Renders phrases for one reply; `memory` maps a phrase key to the variant said last."""

    def __init__(self, book: Phrasebook, memory: Mapping[str, int], rng: random.Random) -> None:
        self.book = book
        self._memory = dict(memory)
        self._rng = rng

    def say(self, key: str, **params: object) -> Ssml:
        """One variant of `key` with its parameters filled in (user-derived ones escaped)."""
        variants = self.book.variants(key)
        last = self._memory.get(key)
        choices = [i for i in range(len(variants)) if i != last] or [0]
        index = self._rng.choice(choices)
        self._memory.pop(key, None)
        self._memory[key] = index
        return Ssml(variants[index].format(**{k: escape(v) for k, v in params.items()}))

    @property
    def memory(self) -> dict[str, int]:
        """What was said last for each key, most recent last, bounded."""
        items = list(self._memory.items())[-MEMORY_LIMIT:]
        return dict(items)
