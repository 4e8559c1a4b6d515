"""Custom goal names: what counts as one, its unit, how it is spoken back, and loose matching.

A custom goal is a short name for something to do ("drinking more water", "reading to my
kid"), never a sentence or a feeling: those are what the person says to a coach, not the name
of a habit, and feelings are never stored. The rules are per language; each lives here in a
small table so adding a language is adding a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from skill.coach.areas import Unit

MAX_WORDS = 5
MAX_CHARACTERS = 40


class Problem(StrEnum):
    """Why words cannot be a goal's name (each gets its own kind re-ask)."""

    EMPTY = "empty"
    SENTENCE = "sentence"  # "I would like to walk more": a request, not a name
    FEELING = "feeling"  # "being less anxious": a feeling, which is never stored
    NEGATIVE = "negative"  # "stop snacking": a step is something to do, not to stop
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class Language:
    """One language's rules for goal names."""

    fillers: frozenset[str]  # leading words dropped: "my", "a", "to"
    pronouns: frozenset[str]  # first-person words that make words a sentence
    feelings: frozenset[str]  # words of feeling
    negations: frozenset[str]  # leading words of "not doing"
    not_names: frozenset[str]  # whole answers that name no habit: "hard", "yes", "not today"
    quantity_words: frozenset[str]  # "more", "less": dropped from the short name
    units: tuple[tuple[Unit, frozenset[str]], ...]  # words that name or imply a unit
    gerunds: dict[str, str]  # a leading verb and its -ing form
    prepositions: frozenset[str]  # "reading TO my kid": the name is about whom, not what
    suffixes: tuple[str, ...]  # endings dropped when comparing words loosely


# fmt: off
ENGLISH = Language(
    fillers=frozenset(
        {"my", "a", "an", "the", "to", "some", "on", "about", "with", "goal", "more"}
    ),
    pronouns=frozenset(
        {"i", "i'm", "im", "i'd", "i'll", "i've", "me", "myself", "want", "wanna", "like"}
    ),
    feelings=frozenset(
        {
            "feel", "feeling", "feelings", "happy", "happier", "sad", "sadness", "anxious",
            "anxiety", "depressed", "depression", "lonely", "loneliness", "worthless", "angry",
            "stressed", "stress", "mood", "upset", "hopeless", "empty", "numb", "afraid",
            "scared", "worried", "worry", "guilty", "ashamed", "miserable", "unhappy",
        }
    ),
    negations=frozenset({"not", "stop", "quit", "no", "never", "don't", "dont", "less", "avoid"}),
    not_names=frozenset(
        {
            "yes", "yeah", "yep", "no", "nope", "okay", "ok", "sure", "maybe", "hard", "easy",
            "about right", "right", "fine", "good", "great", "nothing", "whatever", "anything",
            "something", "dunno", "not sure", "help", "stop", "cancel", "skip", "not today",
            "later", "done", "hello", "hi", "thanks", "thank you", "too hard", "too easy",
            "more", "less", "same", "bigger", "smaller", "it", "that", "this", "one",
            "all", "all of them", "everything", "both", "both of them", "them all",
        }
    ),
    quantity_words=frozenset({"more", "less", "some", "a", "bit", "little", "extra"}),
    units=(
        (Unit.MINUTES, frozenset({"minute", "minutes", "min", "mins"})),
        (
            Unit.GLASSES,
            frozenset({"water", "glass", "glasses", "drink", "drinking", "tea", "cup", "cups"}),
        ),
        (Unit.PAGES, frozenset({"read", "reading", "book", "books", "page", "pages"})),
        (
            Unit.TIMES,
            frozenset({"push-ups", "pushups", "push", "squats", "sit-ups", "situps", "times"}),
        ),
    ),
    gerunds={
        "drink": "drinking", "read": "reading", "stretch": "stretching", "write": "writing",
        "cook": "cooking", "sleep": "sleeping", "eat": "eating", "learn": "learning",
        "practice": "practicing", "practise": "practising", "play": "playing", "tidy": "tidying",
        "clean": "cleaning", "study": "studying", "draw": "drawing", "paint": "painting",
        "sing": "singing", "dance": "dancing", "garden": "gardening", "knit": "knitting",
        "floss": "flossing", "journal": "journaling", "run": "running", "jog": "jogging",
        "swim": "swimming", "cycle": "cycling", "walk": "walking", "meditate": "meditating",
        "call": "calling", "text": "texting", "pray": "praying", "plan": "planning",
        "declutter": "decluttering", "organize": "organizing", "organise": "organising",
    },
    suffixes=("ing", "es", "s"),
    prepositions=frozenset({"to", "for", "with", "at", "in", "on", "about", "by", "from"}),
)
# fmt: on

LANGUAGES: dict[str, Language] = {"en": ENGLISH}

_KEEP = re.compile(r"[^\w\s'-]")


@dataclass(frozen=True)
class Understood:
    """Words read as a goal's name: the name to keep, its short form, and its unit."""

    name: str | None
    short: str | None
    unit: Unit
    problem: Problem | None = None


def language_of(locale: str | None) -> Language:
    """The rules for a locale's language (English for any language without its own)."""
    return LANGUAGES.get((locale or "en").split("-")[0].lower(), ENGLISH)


def words_of(text: str) -> list[str]:
    """Lower-case words without punctuation (apostrophes and hyphens kept)."""
    return _KEEP.sub(" ", text.lower().replace("\u2019", "'")).split()


# How much and how often, said with a goal's name ("of five pages a day"): not part of it.
_AMOUNT = re.compile(
    r"\s*\b(goal\s+)?((of|for|at)\s+)?((\w+|\d+)\s+)?"
    r"(minutes?|mins?|pages?|glasses|glass|cups?|times?)(\s+(a|per|each|every)\s+(day|week))?$"
    r"|\s*\b((a|per|each|every)\s+day|daily)$"
)


def understand(text: str, language: Language = ENGLISH, unit: Unit | None = None) -> Understood:
    """Read spoken words as a custom goal's name, or say why they cannot be one."""
    amount = _AMOUNT.search(" ".join(words_of(text)))
    said_unit = unit_for(words_of(amount.group(0)), language) if amount else None
    if amount:
        text = " ".join(words_of(text))[: amount.start()]
        minutes_said = said_unit is not Unit.MINUTES or "min" in amount.group(0)
        unit = unit or (said_unit if minutes_said else None)
    words = words_of(text)
    if any(w in language.pronouns for w in words):
        return Understood(None, None, Unit.MINUTES, Problem.SENTENCE)
    if any(w in language.feelings for w in words):
        return Understood(None, None, Unit.MINUTES, Problem.FEELING)
    while words and words[0] in language.fillers:
        words = words[1:]
    if " ".join(words) in language.not_names:
        # An answer to another question, heard while a goal was asked for.
        return Understood(None, None, Unit.MINUTES, Problem.EMPTY)
    if words and words[0] in language.negations:
        return Understood(None, None, Unit.MINUTES, Problem.NEGATIVE)
    if not words:
        return Understood(None, None, Unit.MINUTES, Problem.EMPTY)
    if words[0] in language.gerunds:
        words = [language.gerunds[words[0]], *words[1:]]
    name = " ".join(words)
    if len(words) > MAX_WORDS or len(name) > MAX_CHARACTERS:
        return Understood(None, None, Unit.MINUTES, Problem.TOO_LONG)
    return Understood(name, short_name(name, language), unit or unit_for(words, language))


def unit_for(words: list[str], language: Language = ENGLISH) -> Unit:
    """The unit a name implies ("water": glasses, "reading": pages), minutes by default."""
    for unit, cues in language.units:
        if any(w in cues for w in words):
            return unit
    return Unit.MINUTES


def short_name(name: str, language: Language = ENGLISH) -> str | None:
    """What the goal is about, for "your water goal": the name without its leading verb.

    None when nothing sensible is left ("stretching", "reading to my kid"): then the whole
    name is spoken.
    """
    words = name.split()
    if len(words) < 2 or not words[0].endswith("ing") or words[1] in language.prepositions:
        return None
    rest = [w for w in words[1:] if w not in language.quantity_words]
    while rest and rest[0] in language.fillers:
        rest = rest[1:]
    if not rest or len(rest) > 2:
        return None
    return " ".join(rest)


def matches(name: str, words: str, language: Language = ENGLISH) -> bool:
    """Whether spoken words refer to a goal's name: "my water" finds "drinking more water".

    Every word said (fillers aside) must be in the name, compared without common endings.
    """
    said = [w for w in words_of(words) if w not in language.fillers]
    if not said:
        return False
    kept = {_stem(w, language) for w in words_of(name)}
    return all(_stem(w, language) in kept for w in said)


def _stem(word: str, language: Language) -> str:
    for ending in language.suffixes:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)]
    return word
