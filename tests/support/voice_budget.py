"""The voice budget every reply is held to (docs/DESIGN.md, voice design), as one checker.

One breath: 95% of replies at most 35 words and none over 60 (the safety answer aside), a
first welcome at most 40; no sentence twice in one reply; the microphone open only after a
real question; numbers and articles as people say them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tests.support.builders import Heard
from tests.support.phrases import said

_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_WRONG = (
    re.compile(r"\ba (8|11|18|80)\b"),  # "an 8-minute walk"
    re.compile(r"\b1 (minutes|breaths|things|glasses|pages|times|days|steps|weeks)\b"),
    re.compile(r"\b([02-9]|\d\d+) (minute|breath|thing|glass|page|day|step|week)\b(?!-)"),
    re.compile(r"\b1 time a week\b|\b2 times a week\b"),  # "once a week", "twice a week"
    re.compile(r"[,;:] *[.!?]|\.\.|\s[.,!?]|:[^.!?]*:"),  # a dangling or doubled mark
)


@dataclass
class Budget:
    """Every reply heard in a run, checked one by one and as a whole."""

    replies: list[Heard] = field(default_factory=list)

    def hear(self, reply: Heard) -> Heard:
        """Check one reply and keep it for the run's totals."""
        self.replies.append(reply)
        problems = reply_problems(reply)
        assert not problems, f"{problems}: {reply.text!r}"
        return reply

    def check_run(self) -> None:
        """95% of the run's replies fit in 35 words (the safety answer aside)."""
        spoken = [r for r in self.replies if r.text and not said(r.text, "safety.crisis", r.locale)]
        short = sum(1 for r in spoken if len(r.text.split()) <= 35)
        assert short >= 0.95 * len(spoken), f"only {short} of {len(spoken)} replies <= 35 words"


def reply_problems(reply: Heard) -> list[str]:
    """What is wrong with one reply as it would be heard (empty: nothing)."""
    text = reply.text
    if not text:
        return []
    problems = []
    words = len(text.split())
    if words > 60 and not said(text, "safety.crisis", reply.locale):
        problems.append(f"{words} words")
    if said(text, "welcome.first", reply.locale) and words > 40:
        problems.append(f"a first welcome of {words} words")
    if not reply.ended and not text.rstrip().endswith("?"):
        problems.append("the microphone open without a question")
    if reply.ended and text.rstrip().endswith("?"):
        problems.append("a question asked with the microphone closed")
    return problems + text_problems(text)


def text_problems(text: str) -> list[str]:
    """What is wrong with spoken words as sentences: capitals, marks, numbers, nested colons."""
    problems = [f"said {m.group(0)!r}" for pattern in _WRONG if (m := pattern.search(text))]
    sentences = [s.strip() for s in _SENTENCE.findall(text)]
    if any(s[:1].islower() for s in sentences):
        problems.append("a sentence without a capital")
    if len(sentences) != len(set(sentences)):
        problems.append("a sentence twice")
    return problems


def check_all(replies: Iterable[Heard]) -> None:
    """Hold each reply to the budget."""
    budget = Budget()
    for reply in replies:
        budget.hear(reply)
    budget.check_run()
