"""The parts every language's crisis rules share: families joined into one pattern, the
general rule (a word of dying, about the speaker, with a wish or a plan), and the judgement
that keeps an accident an injury.

Each language (`english.py`, `french.py`, ...) writes its own phrases; these functions only
say how the phrases are combined, so the judgement is the same in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from skill.safety.concern import Concern


def any_of(*families: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every phrase of every family (a match is any one of them)."""
    return re.compile("|".join(f"(?:{pattern})" for family in families for pattern in family))


@dataclass(frozen=True)
class WishedEnding:
    """The general rule: a word of dying or not existing, said of the speaker, with a wish, a
    plan or a thought, and none of the language's idioms or other people's deaths.

    `speaker` and `not_mine` are optional (a language that cuts its idioms out beforehand, or
    whose sentences rarely name the speaker, leaves them out).
    """

    ending: re.Pattern[str]
    wish: re.Pattern[str]
    speaker: re.Pattern[str] | None = None
    not_mine: re.Pattern[str] | None = None

    def __call__(self, words: str) -> bool:
        if self.ending.search(words) is None or self.wish.search(words) is None:
            return False
        if self.speaker is not None and self.speaker.search(words) is None:
            return False
        return self.not_mine is None or self.not_mine.search(words) is None


@dataclass(frozen=True)
class Accidents:
    """What makes "I hurt myself" an accident: a phrase of harm to oneself, where or how it
    happened, and no word of intent ("on purpose")."""

    harm: re.Pattern[str]
    accident: re.Pattern[str]
    intent: re.Pattern[str]


def judge(
    words: str,
    crisis: re.Pattern[str],
    wished_ending: Callable[[str], bool],
    accidents: Accidents,
    injury: re.Pattern[str],
    model_says_crisis: bool = False,
    *,
    joiner: str = " ",
) -> Concern:
    """The crisis answer, sympathy for an injury, or nothing, for normalised words.

    A crisis phrase, the general rule or the learnt model is enough for a crisis, unless the
    only harm spoken of is an accident ("I hurt myself on the walk"); then the words are
    looked at again with that phrase set aside (`joiner` keeps its neighbours apart).
    """
    harm = accidents.harm.search(words)
    accidental = (
        harm is not None
        and accidents.accident.search(words) is not None
        and accidents.intent.search(words) is None
    )
    said = crisis.search(words) is not None or wished_ending(words) or model_says_crisis
    if said and not (
        accidental and harm is not None and not _still_crisis(words, harm, crisis, joiner)
    ):
        return Concern.CRISIS
    if injury.search(words) or accidental:
        return Concern.INJURY
    return Concern.NONE


def _still_crisis(words: str, harm: re.Match[str], crisis: re.Pattern[str], joiner: str) -> bool:
    """Whether the words still speak of crisis once an accidental harm phrase is set aside."""
    rest = words[: harm.start()] + joiner + words[harm.end() :]
    return crisis.search(rest) is not None
