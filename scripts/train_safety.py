"""Trains the English crisis-language model shipped in `skill/safety/english.json`.

    python scripts/train_safety.py          # train and write the weights
    python scripts/train_safety.py --check  # exit 1 if the weights were trained on other data

Crisis phrasings (tests/safety/**/crisis.jsonl) are the positives. The negatives are the
near-misses (injuries, idioms, tired and rough days, ordinary speech), the NLU evaluation's
development sets (never its held-back test half, whose count of false alarms stays an
independent figure), and every sample of the English interaction model but SupportIntent's:
the everyday requests people make of the skill. Logistic regression by stochastic gradient
descent, seeded, so the same data gives the same weights; small weights are dropped.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

from skill.interaction import interaction_model
from skill.safety import LANGUAGES
from skill.safety.english import normalise
from skill.safety.model import LinearModel, features, trained_on

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "tests" / "safety"
EVERYDAY = (
    ROOT / "tests" / "nlu" / "utterances.jsonl",
    ROOT / "tests" / "nlu" / "utterances_dev2.jsonl",
    ROOT / "tests" / "nlu" / "dev3" / "utterances_dev3.jsonl",
)
OUTPUT = ROOT / "skill" / "safety" / "english.json"
THRESHOLD = 0.0
EPOCHS = 30
RATE = 0.5
DECAY = 1e-4
KEEP_ABOVE = 0.05


def examples() -> list[tuple[str, int]]:
    """(text, 1 for crisis) from every corpus, in a fixed order."""
    found: list[tuple[str, int]] = []
    for path in sorted(CORPORA.rglob("*.jsonl")):
        if path.relative_to(CORPORA).parts[0] in LANGUAGES:
            continue  # another language's corpus (English's is at the top)
        if path.name == "ambiguous.jsonl":
            continue  # reasonable people disagree: not taught either way
        label = 1 if path.name == "crisis.jsonl" else 0
        found += [(json.loads(line)["text"], label) for line in path.read_text().splitlines()]
    for path in EVERYDAY:
        rows = [json.loads(line) for line in path.read_text().splitlines()]
        found += [(row["text"], 0) for row in rows if row["split"] != "test"]
    found += [(sample, 0) for sample in model_samples()]
    return found


def model_samples() -> list[str]:
    """The English model's samples (slots filled with a plain value), SupportIntent's aside."""
    fills = {"{area}": "walk", "{rating}": "hard", "{time}": "eight", "{unit}": "minutes"}
    language = interaction_model("en-US")["interactionModel"]["languageModel"]
    samples = []
    for intent in language["intents"]:
        if intent["name"] == "SupportIntent":
            continue
        for sample in intent.get("samples", []):
            for slot, value in fills.items():
                sample = sample.replace(slot, value)
            samples.append(sample)
    return samples


def train(data: list[tuple[str, int]]) -> LinearModel:
    """Logistic regression on hashed features, seeded."""
    weights: dict[int, float] = {}
    bias = 0.0
    rows = [(features(normalise(text)), label) for text, label in data]
    shuffle = random.Random(7)
    for _ in range(EPOCHS):
        shuffle.shuffle(rows)
        for found, label in rows:
            z = bias + sum(weights.get(f, 0.0) for f in found)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            step = RATE * (p - label) / math.sqrt(len(found) or 1)
            for f in found:
                w = weights.get(f, 0.0)
                weights[f] = w - step - RATE * DECAY * w
            bias -= RATE * (p - label) * 0.1
    kept = {f: w for f, w in weights.items() if abs(w) >= KEEP_ABOVE}
    return LinearModel(kept, bias, THRESHOLD)


def main(argv: list[str]) -> int:
    """Train and write the weights, or with --check compare the recorded training data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    data = examples()
    fingerprint = trained_on(f"{label}\t{text}" for text, label in data)
    if args.check:
        recorded = json.loads(OUTPUT.read_text())["trained_on"]
        if recorded != fingerprint:
            print(
                "skill/safety/english.json is stale: run scripts/train_safety.py", file=sys.stderr
            )
            return 1
        return 0
    OUTPUT.write_text(train(data).to_json(fingerprint) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
