"""A routine offered after the third day with a step done, once, and what became of it.

Alexa's own routine offer (AMAZON.OfferAutomation) is started with a Connections.
StartConnection directive; its outcome comes back as a SessionResumedRequest. These run
through lambda_handler-shaped invocation with the Settings stand-in giving the device's zone.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from skill.alexa.routines import OFFER_AUTOMATION
from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.chat.alexa_api import AlexaApiStandIn
from tests.alexa.conftest import Person
from tests.support.builders import START, Heard
from tests.support.phrases import said


def routine_directive(heard: Heard) -> dict[str, Any]:
    [directive] = [
        d
        for d in heard.envelope["response"].get("directives") or []
        if d.get("type") == "Connections.StartConnection"
    ]
    return dict(directive)


def live_until_offer(person: Person, days: int = 3) -> Heard:
    """Launch and say yes to "done it?" each day; the last day's reply after the yes."""
    speaker = person.speaker
    speaker.launch()
    speaker.say("SetGoalIntent", area="walking")
    heard = None
    for n in range(1, days + 1):
        speaker.on(START + timedelta(days=n))
        speaker.launch()
        heard = speaker.say("AMAZON.YesIntent")
        if heard.said("ask.feeling"):
            heard = speaker.say("RateStepIntent", rating="about right")
    assert heard is not None
    return heard


def test_after_the_third_day_a_routine_at_eight_is_offered_and_a_yes_hands_over_to_alexa(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, "America/New_York")
    offer = live_until_offer(person)
    assert offer.said("routine.offer", time="8 AM") and not offer.ended
    handed = person.speaker.say("AMAZON.YesIntent")
    response = handed.envelope["response"]
    # Alexa speaks the offer: no speech, no reprompt, the session left to Alexa.
    assert "outputSpeech" not in response and "reprompt" not in response
    assert "shouldEndSession" not in response
    directive = routine_directive(handed)
    assert directive["uri"] == OFFER_AUTOMATION and directive["onCompletion"] == "RESUME_SESSION"
    automation = directive["input"]["automation"]
    schedule = automation["trigger"]["payload"]["schedule"]
    assert automation["trigger"]["type"] == "Alexa.Automation.Trigger.Schedule.AbsoluteTime"
    assert schedule["triggerTime"] == "080000" and schedule["timeZoneId"] == "America/New_York"
    [step] = automation["operations"]["serial"]
    uri = step["operation"]["payload"]["connectionRequest"]["uri"]
    assert uri == f"connection://{env.DEFAULT_SKILL_ID}.DailyStep/1?provider={env.DEFAULT_SKILL_ID}"
    assert person.state().routine_offered == START + timedelta(days=3)


@pytest.mark.parametrize(
    ("code", "reason", "key"),
    [
        ("200", None, "routine.created"),
        ("204", "REJECTED_BY_CUSTOMER", "routine.declined"),
        ("204", "AUTOMATION_ALREADY_ENABLED", "routine.already"),
        ("500", None, "routine.failed"),
    ],
)
def test_what_became_of_the_routine_is_said_in_one_short_sentence(
    skill: KaizenSkill, alexa: AlexaApiStandIn, code: str, reason: str | None, key: str
) -> None:
    person = Person(skill, alexa, "Europe/London")
    live_until_offer(person)
    token = routine_directive(person.speaker.say("AMAZON.YesIntent"))["token"]
    result = person.speaker.send(env.session_resumed_request(token, code, reason))
    assert result.said(key) and result.ended and len(result.text.split(".")) <= 3


def test_the_routine_runs_at_the_reminder_time_and_is_offered_only_once(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, "Asia/Tokyo")
    person.speaker.launch()
    person.speaker.say("SetGoalIntent", area="walking")
    person.speaker.one_shot("SetReminderIntent", time="07:30")
    offer = live_until_offer_again(person)
    assert offer.said("routine.offer", time="7:30 AM")
    assert person.speaker.say("AMAZON.NoIntent").said("routine.no_thanks")
    for n in range(4, 9):
        person.speaker.on(START + timedelta(days=n))
        person.speaker.launch()
        heard = person.speaker.say("AMAZON.YesIntent")
        assert not heard.said("routine.offer"), f"offered again on day {n}"


def live_until_offer_again(person: Person) -> Heard:
    heard = None
    for n in range(1, 4):
        person.speaker.on(START + timedelta(days=n))
        person.speaker.launch()
        heard = person.speaker.say("AMAZON.YesIntent")
        if heard.said("ask.feeling"):
            heard = person.speaker.say("RateStepIntent", rating="easy")
    assert heard is not None
    return heard


def test_a_spoken_routine_is_a_second_offer_later_and_never_a_nag(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, "America/Chicago")
    live_until_offer(person)
    person.speaker.say("AMAZON.NoIntent")
    offers = []
    for n in range(4, 16):
        person.speaker.on(START + timedelta(days=n))
        for heard in (person.speaker.launch(), person.speaker.say("AMAZON.YesIntent")):
            if said(heard.text, "routine.offer_voice"):
                offers.append(n)
        if not heard.ended:
            person.speaker.say("AMAZON.NoIntent")
    # Once, on the first completion from the tenth day on that asks nothing else.
    assert len(offers) == 1 and offers[0] >= 10, offers
    assert person.state().voice_routine_offered == START + timedelta(days=offers[0])


def test_without_a_known_time_zone_no_daily_routine_is_offered(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, zone=None)
    heard = live_until_offer(person)
    assert not heard.said("routine.offer")
