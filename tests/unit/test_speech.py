"""Every phrase renders as valid SSML, user words are escaped, and no phrase repeats twice."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from skill.coach.areas import AREAS
from skill.coach.safety import is_crisis
from skill.coach.state import Goal
from skill.speech.phrasebook import phrasebook
from skill.speech.ssml import Ssml, escape
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
}


def valid_ssml(text: str) -> None:
    ET.fromstring(f"<speak>{text}</speak>")


@pytest.mark.parametrize("key", BOOK.keys())
def test_every_phrase_variant_renders_as_valid_ssml(key: str) -> None:
    for variant in BOOK.variants(key):
        valid_ssml(variant.format(**PARAMS))


@pytest.mark.parametrize("area", sorted(AREAS))
def test_every_area_step_reads_as_a_sentence_with_units(area: str) -> None:
    goal = Goal(area=area, rung=0, started_on=date(2026, 11, 2), custom_name="drinking water")
    one, many = BOOK.step(goal, 1), BOOK.step(goal, 5)
    assert "1 " in one and "5 " in many and one != many
    valid_ssml(many)


def test_user_words_are_escaped_so_they_are_spoken_not_parsed() -> None:
    goal = Goal(
        area="CUSTOM", rung=0, started_on=date(2026, 11, 2), custom_name='<audio src="x"/> & "tea"'
    )
    text = BOOK.step(goal, 2)
    valid_ssml(text)
    assert "<audio" not in text and "&lt;audio" in text
    assert escape(Ssml("<b/>")) == "<b/>" and escape("<b/>") == "&lt;b/&gt;"


def test_characters_xml_forbids_are_dropped_from_user_words() -> None:
    name = "te\x00a\x1b \ud800walk\uffff"
    goal = Goal(area="CUSTOM", rung=0, started_on=date(2026, 11, 2), custom_name=name)
    text = BOOK.step(goal, 2)
    valid_ssml(text)
    assert "tea walk" in text


def test_no_phrase_is_said_twice_in_a_row() -> None:
    memory: dict[str, int] = {}
    previous = None
    for seed in range(50):
        voice = Voice(BOOK, memory, random.Random(seed))
        said = voice.say("done.cheer", step=Ssml("a walk"))
        assert said != previous
        previous, memory = said, voice.memory


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
