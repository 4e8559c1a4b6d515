"""The table of pending questions: complete, consistent with the phrasebook and the model."""

from __future__ import annotations

import pytest

import skill.app  # noqa: F401  (importing the skill registers every Yes action)
from skill.app import registered_intents
from skill.handlers.questions import QUESTIONS, Dialog, heard_as, yes_action
from skill.speech.phrasebook import phrasebook


@pytest.mark.parametrize("dialog", list(Dialog))
def test_every_question_says_what_each_answer_does_when_it_is_pending(dialog: Dialog) -> None:
    row = QUESTIONS[dialog]
    book = phrasebook("en-US")
    for key in (row.no, row.help, row.fallback, row.stop, row.yes):
        if key is not None:
            assert book.variants(key), f"{dialog}: {key}"
    # Yes is either words or an action registered beside the code it runs, never neither.
    assert (row.yes is None) == (yes_action(dialog) is not None), dialog


@pytest.mark.parametrize("dialog", [d for d in Dialog if QUESTIONS[d].answer])
def test_a_bare_answer_goes_to_an_intent_the_skill_answers(dialog: Dialog) -> None:
    answer = QUESTIONS[dialog].answer
    assert answer is not None
    assert heard_as(dialog, answer.intent) in registered_intents()


def test_a_goal_named_while_choosing_one_to_remove_is_heard_as_its_removal() -> None:
    assert heard_as(Dialog.CHOOSE_REMOVE, "SetGoalIntent") == "RemoveGoalIntent"
    assert heard_as(Dialog.CHOOSE_AREA, "SetGoalIntent") == "SetGoalIntent"
    assert heard_as(None, "SetGoalIntent") == "SetGoalIntent"
