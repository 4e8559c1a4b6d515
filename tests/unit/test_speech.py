"""Every phrase renders as valid SSML, user words are escaped, and no phrase repeats twice."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from skill.coach.areas import AREAS, STARTER, Unit
from skill.coach.state import new_goal
from skill.safety import is_crisis
from skill.speech.phrasebook import phrasebook
from skill.speech.ssml import Ssml, escape, plain
from skill.speech.voice import Voice

BOOK = phrasebook("en-US")
PARAMS = {
    "step": Ssml("a 5 minute walk"),
    "name": Ssml("your walk"),
    "size": Ssml("8 minutes"),
    "steps": Ssml("3 steps"),
    "count": 3,
    "choices": Ssml("moving and gratitude"),
    "goals": Ssml("your walk"),
    "items": Ssml("your walk"),
    "area": "walking",
    "start": 5,
    "since": Ssml("November 2"),
    "done": 1,
    "total": 3,
    "time": Ssml("8 AM"),
    "days": Ssml("5 days"),
    "next": Ssml("6 minutes"),
    "old": Ssml("your walk"),
    "new": Ssml("your breathing"),
    "first": Ssml("1 glass"),
    "target": Ssml("twice a week"),
    "times": Ssml("twice"),
    "person": Ssml("Sam"),
    "phrase": Ssml("my small step"),
}


def valid_ssml(text: str) -> None:
    ET.fromstring(f"<speak>{text}</speak>")


@pytest.mark.parametrize("key", BOOK.phrase_keys())
def test_every_phrase_variant_renders_as_valid_ssml(key: str) -> None:
    for variant in BOOK.variants(key):
        valid_ssml(variant.format(**PARAMS))


@pytest.mark.parametrize("area", sorted(AREAS))
def test_every_area_step_reads_as_a_phrase_with_its_size_and_a_starter(area: str) -> None:
    goal = new_goal(area, date(2026, 11, 2))
    first, top = BOOK.step(goal, 1), BOOK.step(goal, goal.spec.top)
    starter = BOOK.step(goal, STARTER)
    assert str(goal.spec.size(1)) in first or "once" in first
    assert first != top != starter and not any(ch.isdigit() for ch in starter)
    for text in (first, top, starter):
        valid_ssml(text)


@pytest.mark.parametrize(
    ("size", "spoken"), [(5, "a 5-minute walk"), (8, "an 8-minute walk"), (18, "an 18-minute walk")]
)
def test_a_walk_takes_the_article_its_number_is_said_with(size: int, spoken: str) -> None:
    goal = new_goal("MOVE", date(2026, 11, 2))
    assert BOOK.step(goal, goal.spec.rung_at_most(size)) == spoken


@pytest.mark.parametrize(
    ("size", "spoken"), [(1, "once a week"), (2, "twice a week"), (3, "3 times a week")]
)
def test_weekly_counts_are_said_as_people_say_them(size: int, spoken: str) -> None:
    goal = new_goal("EXPRESS", date(2026, 11, 2))
    assert BOOK.size(goal, goal.spec.rung_at_most(size)) == spoken


@pytest.mark.parametrize(
    ("name", "unit", "step", "called"),
    [
        ("drinking more water", Unit.GLASSES, "1 glass of water", "your water goal"),
        ("stretching", Unit.MINUTES, "2 minutes of stretching", "stretching"),
        ("reading to my kid", Unit.PAGES, "reading to your kid, 1 page", "reading to your kid"),
    ],
)
def test_a_custom_goal_is_spoken_back_naturally_from_our_side(
    name: str, unit: Unit, step: str, called: str
) -> None:
    goal = new_goal("CUSTOM", date(2026, 11, 2), name, unit)
    assert plain(BOOK.step(goal, 1)) == step
    assert plain(BOOK.goal_name(goal)) == called


def test_user_words_are_escaped_so_they_are_spoken_not_parsed() -> None:
    goal = new_goal("CUSTOM", date(2026, 11, 2), '<audio src="x"/> & "tea"', Unit.MINUTES)
    text = BOOK.step(goal, 2)
    valid_ssml(text)
    assert "<audio" not in text and "&lt;audio" in text
    assert escape(Ssml("<b/>")) == "<b/>" and escape("<b/>") == "&lt;b/&gt;"


def test_characters_xml_forbids_are_dropped_from_user_words() -> None:
    name = "te\x00a\x1b \ud800walk\uffff"
    goal = new_goal("CUSTOM", date(2026, 11, 2), name, Unit.MINUTES)
    text = BOOK.step(goal, 2)
    valid_ssml(text)
    assert "tea walk" in text


def test_no_phrase_is_said_twice_in_a_row_in_a_session_or_on_consecutive_days() -> None:
    memory: dict[str, int] = {}
    previous = None
    for _ in range(10):  # one session: the session remembers what was said
        voice = Voice(BOOK, memory, seed=7)
        said = voice.say("done.cheer", step=Ssml("a walk"))
        assert said != previous
        previous, memory = said, voice.memory
    # Across sessions nothing is stored: each day's wording moves on from the day before's.
    by_day = [Voice(BOOK, {}, seed=day).say("done.cheer", step=Ssml("a walk")) for day in range(30)]
    assert all(a != b for a, b in itertools.pairwise(by_day))


def test_crisis_words_are_recognised_without_catching_everyday_phrases() -> None:
    assert all(
        map(
            is_crisis,
            [
                "I want to die",
                "i'm thinking about killing myself",
                "I feel suicidal",
                "I want to hurt myself",
                "I can't go on",
                "life isn't worth living",
            ],
        )
    )
    assert not any(
        map(
            is_crisis,
            [
                "I want to end my walk early",
                "killing time",
                "a die hard fan",
                "drinking water",
                None,
            ],
        )
    )


def test_the_safety_response_points_to_988_and_stays_fixed() -> None:
    (message,) = BOOK.variants("safety.crisis")
    assert "988" in message and "911" in message
    valid_ssml(message)
