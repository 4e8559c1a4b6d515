"""How well the interaction model is understood: the NLU evaluation's figures for the report.

The same scoring as `tests/nlu/test_evaluation.py` (which keeps them from sliding back): the
held-back test half through the chat's resolver and through bespoken's virtual-alexa, and the
development sets through the chat's resolver, each with its count of false crisis alarms.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from tests.support import nlu_eval
from tests.support.nlu_eval import Score

# The sets written after the first: scored on the chat's resolver, never the test half.
DEVELOPMENT = ("dev", "dev2", "dev3")


@dataclass(frozen=True)
class Understanding:
    """Scores per set: the test half (all, and only what is not a sample), and the dev sets."""

    chat: Score
    chat_unseen: Score
    virtual_alexa: Score | None  # None where Node.js is not installed
    development: dict[str, Score]


def measure() -> Understanding:
    """Score every set once."""
    resolve = nlu_eval.chat_resolver()
    test = nlu_eval.utterances("test")
    samples = nlu_eval.model_samples()
    unseen = [u for u in test if u.text.lower() not in samples]
    virtual = None
    if shutil.which("node") is not None:
        heard = nlu_eval.virtual_alexa(test)
        virtual = nlu_eval.score(test, lambda u: heard[u.id])
    return Understanding(
        nlu_eval.score(test, resolve),
        nlu_eval.score(unseen, resolve),
        virtual,
        {name: nlu_eval.score(nlu_eval.utterances(name), resolve) for name in DEVELOPMENT},
    )
