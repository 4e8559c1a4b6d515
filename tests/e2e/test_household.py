"""A coach per person in a shared home, through lambda_handler on both stores.

Alexa names a recognised speaker in `context.System.person.personId`; each person then has
their own goals, sizes and history, greeted by name (Alexa says it: the skill never learns
it). Without a recognised person the account's own progress is used. The household is one
record: one read and at most one write a turn, and deleting the account's data can take
everyone's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from skill.chat import envelope as env
from tests.e2e.conftest import LambdaHandler
from tests.support.builders import START, Heard, Speaker
from tests.support.phrases import step

ACCOUNT = "amzn1.ask.account.TEST-HOUSEHOLD"
SAM = "amzn1.ask.person.TEST-SAM-1A2B"
ALEX = "amzn1.ask.person.TEST-ALEX-3C4D"


def member(invoke: Callable[[dict[str, Any]], dict[str, Any]], person: str | None) -> Speaker:
    """Someone in the household speaking to the shared device (recognised, or not)."""
    return Speaker(invoke, caller=env.Caller(user_id=ACCOUNT, person_id=person))


def greeted(heard: Heard, person: str) -> bool:
    """Whether Alexa was asked to say that person's name."""
    return f'<alexa:name type="first" personId="{person}"/>' in heard.ssml


def test_two_people_on_one_device_each_have_their_own_steps_and_are_greeted_by_name(
    lambda_handler: LambdaHandler, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    sam, alex, account = (member(lambda_handler, p) for p in (SAM, ALEX, None))
    first = sam.launch()
    assert greeted(first, SAM) and first.said("welcome.first")
    sam.say("SetGoalIntent", area="walking")
    alex.launch()
    alex.say("SetGoalIntent", area="gratitude")
    account.launch()
    account.say("SetGoalIntent", area="calm breathing")
    for n in (1, 2):
        for speaker in (sam, alex):
            speaker.on(START + timedelta(days=n)).one_shot("CompleteStepIntent")

    day = START + timedelta(days=3)
    sam_today, alex_today, shared = (s.on(day).launch() for s in (sam, alex, account))
    assert greeted(sam_today, SAM) and step("MOVE", 5) in sam_today.text
    assert step("GRATITUDE", 1) not in sam_today.text
    assert greeted(alex_today, ALEX) and step("GRATITUDE", 1) in alex_today.text
    assert "alexa:name" not in shared.ssml and step("BREATHE", 3) in shared.text
    assert sam.say("ProgressIntent").said("progress.total", steps="2 steps")
    # Nothing that names a person is logged.
    assert SAM not in caplog.text and ALEX not in caplog.text


def test_a_person_deletes_only_their_own_and_the_account_may_delete_the_whole_household(
    lambda_handler: LambdaHandler,
) -> None:
    sam, alex, account = (member(lambda_handler, p) for p in (SAM, ALEX, None))
    for speaker, area in ((sam, "walking"), (alex, "gratitude"), (account, "calm breathing")):
        speaker.launch()
        speaker.say("SetGoalIntent", area=area)

    sam.launch()
    sam.say("DeleteDataIntent")
    assert sam.say("AMAZON.YesIntent").said("delete.done")
    assert sam.launch().said("welcome.first"), "Sam starts afresh"
    assert step("GRATITUDE", 1) in alex.launch().text, "Alex's progress is untouched"

    account.launch()
    account.say("DeleteDataIntent")
    asked = account.say("AMAZON.YesIntent")
    assert asked.said("delete.done_own") and asked.said("delete.household") and not asked.ended
    assert account.say("AMAZON.YesIntent").said("delete.household_done")
    assert alex.launch().said("welcome.first"), "everyone's progress went with the household"


def test_the_account_can_keep_everyone_elses_progress(lambda_handler: LambdaHandler) -> None:
    alex, account = member(lambda_handler, ALEX), member(lambda_handler, None)
    for speaker, area in ((alex, "gratitude"), (account, "walking")):
        speaker.launch()
        speaker.say("SetGoalIntent", area=area)
    account.launch()
    account.say("DeleteDataIntent")
    account.say("AMAZON.YesIntent")
    assert account.say("AMAZON.NoIntent").said("no.keep_household")
    assert step("GRATITUDE", 1) in alex.launch().text
    assert account.launch().said("welcome.first")


def test_disabling_the_skill_deletes_everyone_in_the_household(
    lambda_handler: LambdaHandler,
) -> None:
    sam, alex = member(lambda_handler, SAM), member(lambda_handler, ALEX)
    for speaker, area in ((sam, "walking"), (alex, "gratitude")):
        speaker.launch()
        speaker.say("SetGoalIntent", area=area)
    sam.outside_session({"type": "AlexaSkillEvent.SkillDisabled"})
    assert sam.launch().said("welcome.first") and alex.launch().said("welcome.first")
