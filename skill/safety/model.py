"""A small linear model of crisis language, beside the rules, for what no rule has listed.

Phrase rules catch what they list; people say it in more ways than any list ("honestly might
just kms tonight"). The model scores an utterance by summing learnt weights of its words,
word pairs and triples, and character 4- and 5-grams (hashed), so an unseen spelling or
phrasing still scores by its parts. It is trained by `scripts/train_safety.py` on the safety
corpora in `tests/safety/` (crisis phrasings against injuries, idioms, rough days and ordinary
speech) and shipped as a table of weights; scoring is pure Python, a few dozen microseconds.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Feature hashes fall in this many buckets (collisions are rare at this corpus size).
BUCKETS = 1 << 20


def features(words: str) -> list[int]:
    """The hashed features of normalised words (each counted once)."""
    tokens = words.split()
    found: set[str] = set()
    for i, token in enumerate(tokens):
        found.add("w:" + token)
        if i + 1 < len(tokens):
            found.add("b:" + token + " " + tokens[i + 1])
        if i + 2 < len(tokens):
            found.add("t:" + " ".join(tokens[i : i + 3]))
    padded = " " + " ".join(tokens) + " "
    for n in (4, 5):
        found.update("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return [zlib.crc32(name.encode("utf-8")) % BUCKETS for name in found]


@dataclass(frozen=True)
class LinearModel:
    """Weights per hashed feature, a bias, and the score above which words are a crisis."""

    weights: dict[int, float]
    bias: float
    threshold: float

    def score(self, words: str) -> float:
        """How strongly normalised words speak of crisis (above `threshold`: they do)."""
        return self.bias + sum(self.weights.get(f, 0.0) for f in features(words))

    def says_crisis(self, words: str) -> bool:
        """Whether the score is above the threshold."""
        return self.score(words) > self.threshold

    def to_json(self, trained_on: str) -> str:
        """The shipped form: sorted, rounded weights and what they were trained on."""
        return json.dumps(
            {
                "trained_on": trained_on,
                "bias": round(self.bias, 4),
                "threshold": self.threshold,
                "weights": {str(k): round(v, 3) for k, v in sorted(self.weights.items())},
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        """Read `to_json`'s form."""
        data = json.loads(text)
        weights = {int(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["bias"]), float(data["threshold"]))


@cache
def shipped(language: str) -> LinearModel | None:
    """The model shipped for a language (read once), or None if the language has none."""
    source = resources.files("skill.safety").joinpath(f"{language}.json")
    if not source.is_file():
        return None
    return LinearModel.from_json(source.read_text(encoding="utf-8"))


def trained_on(texts: Iterable[str]) -> str:
    """A short fingerprint of the training texts, so a test can tell the weights are current."""
    digest = zlib.crc32("\n".join(texts).encode("utf-8"))
    return f"{digest:08x}"
