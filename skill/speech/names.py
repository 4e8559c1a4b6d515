"""Custom goal names: what counts as one, its unit, how it is spoken back, and loose matching.

A custom goal is a short name for something to do ("drinking more water", "reading to my
kid"), never a sentence or a feeling: those are what the person says to a coach, not the name
of a habit, and feelings are never stored. The rules are per language; each lives here in a
small table so adding a language is adding a table.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from importlib import resources

from skill.coach.areas import Unit

MAX_WORDS = 5
MAX_CHARACTERS = 40


class Problem(StrEnum):
    """Why words cannot be a goal's name (each gets its own kind re-ask)."""

    EMPTY = "empty"
    SENTENCE = "sentence"  # "I would like to walk more": a request, not a name
    FEELING = "feeling"  # "being less anxious": a feeling, which is never stored
    NEGATIVE = "negative"  # "stop snacking": a step is something to do, not to stop
    OWN = "own"  # "something of my own": a choice of a goal of one's own, not yet named
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class Language:
    """One language's rules for goal names, read from `words/<language>.json`."""

    spaced: bool  # words are separated by spaces (not in Japanese: there, parts are found within)
    fillers: frozenset[str]  # leading words dropped: "my", "a", "to"
    pronouns: frozenset[str]  # first-person words that make words a sentence
    feelings: frozenset[str]  # words of feeling
    negations: frozenset[str]  # leading words of "not doing"
    not_names: frozenset[str]  # whole answers that name no habit: "hard", "yes", "not today"
    own: frozenset[str]  # whole answers choosing a goal of one's own: "something of my own"
    joiners: frozenset[str]  # words joining two names: "my walk AND my water" (none unspaced)
    quantity_words: frozenset[str]  # "more", "a bit": not what a goal is about
    units: tuple[tuple[Unit, frozenset[str]], ...]  # words that name or imply a unit
    gerunds: dict[str, str]  # a leading verb and its -ing form
    verb_ending: str  # how a leading verb ends ("ing"): the rest of the name is its short form
    prepositions: frozenset[str]  # "reading TO my kid": the name is about whom, not what
    suffixes: tuple[str, ...]  # endings dropped when comparing words loosely
    amount: re.Pattern[str]  # how much and how often, said after the name: not part of it


_KEEP = re.compile(r"[^\w\s'-]")


def words_of(text: str) -> list[str]:
    """Lower-case words without punctuation (apostrophes and hyphens kept)."""
    return _KEEP.sub(" ", text.lower().replace("\u2019", "'")).split()


def bare_answer(words: list[str], language: Language) -> str:
    """The words as a whole answer, without the fillers and first-person words they start
    with ("um, I want something of my own" is "something of my own")."""
    leading = language.fillers | language.pronouns
    if not language.spaced:
        return _without_leading("".join(words), language.fillers)
    while words and words[0] in leading:
        words = words[1:]
    return " ".join(words)


def _without_leading(text: str, fillers: frozenset[str]) -> str:
    """Unspaced words without the fillers they start with (longest first, repeatedly)."""
    trimmed = True
    while trimmed:
        trimmed = False
        for filler in sorted(fillers, key=len, reverse=True):
            if filler and text.startswith(filler) and len(text) > len(filler):
                text, trimmed = text[len(filler) :], True
                break
    return text


def _load(language: str) -> Language:
    source = resources.files("skill.speech").joinpath("words", f"{language}.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    rules = Language(
        spaced=data["spaced"],
        fillers=frozenset(data["fillers"]),
        pronouns=frozenset(data["pronouns"]),
        feelings=frozenset(data["feelings"]),
        negations=frozenset(data["negations"]),
        not_names=frozenset(data["not_names"]),
        own=frozenset(data["own"]),
        joiners=frozenset(data["joiners"]),
        quantity_words=frozenset(data["quantity_words"]),
        units=tuple((Unit(unit), frozenset(words)) for unit, words in data["units"].items()),
        gerunds=dict(data["gerunds"]),
        verb_ending=data.get("verb_ending", ""),
        prepositions=frozenset(data["prepositions"]),
        suffixes=tuple(data["suffixes"]),
        amount=re.compile(data["amount"]),
    )
    # Kept as they will be compared: "a goal of my own" is heard as "of my own".
    own = frozenset(bare_answer(words_of(entry), rules) for entry in rules.own)
    return replace(rules, own=own)


@cache
def language_of(locale: str | None) -> Language:
    """The rules for a locale's language (English for a language without its own table)."""
    language = (locale or "en").split("-")[0].lower()
    folder = resources.files("skill.speech").joinpath("words")
    known = {entry.name.removesuffix(".json") for entry in folder.iterdir()}
    return _load(language if language in known else "en")


ENGLISH = language_of("en")


@dataclass(frozen=True)
class Understood:
    """Words read as a goal's name: the name to keep, its short form, and its unit."""

    name: str | None
    short: str | None
    unit: Unit
    problem: Problem | None = None


def understand(text: str, language: Language = ENGLISH, unit: Unit | None = None) -> Understood:
    """Read spoken words as a custom goal's name, or say why they cannot be one."""
    amount = language.amount.search(" ".join(words_of(text)))
    said_unit = unit_for(words_of(amount.group(0)), language) if amount else None
    if amount:
        text = " ".join(words_of(text))[: amount.start()]
        minutes_said = said_unit is not Unit.MINUTES or "min" in amount.group(0)
        unit = unit or (said_unit if minutes_said else None)
    words = words_of(text)
    said = bare_answer(words, language)
    if said in language.own:
        # The welcome's "or something of your own?", answered as asked: ask for its name.
        return Understood(None, None, Unit.MINUTES, Problem.OWN)
    if said in language.not_names:
        # An answer to another question ("I'm not sure"), heard while a goal was asked for.
        return Understood(None, None, Unit.MINUTES, Problem.EMPTY)
    if _any_in(words, language.pronouns, language):
        return Understood(None, None, Unit.MINUTES, Problem.SENTENCE)
    if _any_in(words, language.feelings, language):
        return Understood(None, None, Unit.MINUTES, Problem.FEELING)
    while words and words[0] in language.fillers:
        words = words[1:]
    if not language.spaced:
        words = [_without_leading("".join(words), language.fillers)]
    if " ".join(words) in language.not_names:
        # An answer to another question, heard while a goal was asked for.
        return Understood(None, None, Unit.MINUTES, Problem.EMPTY)
    # "Stop snacking": a negation leads in spaced languages; in Japanese it ends the words
    # (お菓子をやめる), so it is looked for anywhere there.
    negated = words and words[0] in language.negations
    if negated or (not language.spaced and _any_in(words, language.negations, language)):
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
        if _any_in(words, cues, language):
            return unit
    return Unit.MINUTES


def _any_in(words: list[str], table: frozenset[str], language: Language) -> bool:
    """Whether any word is in the table (unspaced languages: any entry within the words)."""
    if language.spaced:
        return any(w in table for w in words)
    text = "".join(words)
    return any(entry in text for entry in table)


def short_name(name: str, language: Language = ENGLISH) -> str | None:
    """What the goal is about, for "your water goal": the name without its leading verb.

    None when nothing sensible is left ("stretching", "reading to my kid"): then the whole
    name is spoken.
    """
    words = name.split()
    ending = language.verb_ending
    if not ending or len(words) < 2 or not words[0].endswith(ending):
        return None
    if words[1] in language.prepositions:
        return None
    rest = [w for w in words[1:] if w not in language.quantity_words]
    while rest and rest[0] in language.fillers:
        rest = rest[1:]
    if not rest or len(rest) > 2:
        return None
    return " ".join(rest)


def named_together(words: str, language: Language = ENGLISH) -> list[str]:
    """Words naming several things at once, apart ("walk and my water": "walk", "my water");
    fewer than two parts is no list."""
    parts: list[list[str]] = [[]]
    for word in words_of(words):
        if word in language.joiners:
            parts.append([])
        else:
            parts[-1].append(word)
    named = [" ".join(part) for part in parts if part]
    return named if len(named) >= 2 else []


def matches(name: str, words: str, language: Language = ENGLISH) -> bool:
    """Whether spoken words refer to a goal's name: "my water" finds "drinking more water".

    Every word said (fillers aside) must be in the name, compared without common endings.
    """
    said = [w for w in words_of(words) if w not in language.fillers]
    if not said:
        return False
    if not language.spaced:
        whole = "".join(words_of(name))
        spoken = "".join(said)
        return all(w in whole for w in said) or (bool(whole) and whole in spoken)
    kept = {_stem(w, language) for w in words_of(name)}
    return all(_stem(w, language) in kept for w in said)


def _stem(word: str, language: Language) -> str:
    for ending in language.suffixes:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)]
    return word
