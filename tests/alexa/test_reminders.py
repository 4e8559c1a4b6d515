"""Daily reminders through the Reminders API: permission by voice, one per user, kind errors."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from skill.alexa.services import AlexaApis
from skill.alexa.transport import AlexaHttpClient
from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.chat.alexa_api import REMINDERS_SCOPE, AlexaApiStandIn
from skill.serializer import FastSerializer
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.alexa.conftest import Person
from tests.support.builders import Heard, Speaker
from tests.support.phrases import step

REMINDERS = "/v1/alerts/reminders"


def walker(skill: KaizenSkill, alexa: AlexaApiStandIn, **kwargs: Any) -> Person:
    person = Person(skill, alexa, "America/New_York", **kwargs)
    person.speaker.launch()
    person.speaker.say("SetGoalIntent", area="walking")
    return person


def with_reminder(skill: KaizenSkill, alexa: AlexaApiStandIn) -> Person:
    """A walker who has a daily reminder at 8 AM."""
    person = walker(skill, alexa)
    person.speaker.say("SetReminderIntent", time="8 am")
    return person


def the_one_reminder(person: Person) -> dict[str, Any]:
    """Alexa holds exactly one reminder for the person, and the skill stored its token."""
    [reminder] = person.reminders()
    stored = person.state().reminder
    assert stored is not None and stored.token == reminder["alertToken"]
    return reminder


def directives(heard: Heard) -> list[dict[str, Any]]:
    return list(heard.envelope["response"].get("directives") or [])


def rule_of(reminder: dict[str, Any]) -> str:
    return str(reminder["trigger"]["recurrence"]["recurrenceRules"][0])


def test_a_daily_reminder_is_set_in_the_users_zone_with_the_focus_step(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    assert re.search(r"every day at 8 AM [a-z]", heard.text)  # one sentence, not two
    [reminder] = person.reminders()
    trigger = reminder["trigger"]
    assert trigger["type"] == "SCHEDULED_ABSOLUTE"
    assert trigger["timeZoneId"] == "America/New_York"
    assert rule_of(reminder).startswith("FREQ=DAILY;BYHOUR=8;BYMINUTE=0;")
    [content] = reminder["alertInfo"]["spokenInfo"]["content"]
    assert content["locale"] == "en-US" and step("MOVE", 5) in content["text"]
    stored = person.state().reminder
    assert stored is not None and stored.token == reminder["alertToken"]
    assert str(stored.at) == "08:00:00" and stored.zone == "America/New_York"


@pytest.mark.parametrize(
    ("value", "hour", "spoken"),
    [
        ("MO", 8, "8 AM"),
        ("AF", 13, "1 PM"),
        ("EV", 19, "7 PM"),
        ("NI", 21, "9 PM"),
        ("19:30", 19, "7:30 PM"),
        ("12:00", 12, "noon"),
    ],
)
def test_parts_of_the_day_and_clock_times_become_daily_times(
    skill: KaizenSkill, alexa: AlexaApiStandIn, value: str, hour: int, spoken: str
) -> None:
    person = walker(skill, alexa)
    heard = person.speaker.send(
        env.intent_request("SetReminderIntent", {"time": env.SlotFill(value)})
    )
    assert f"every day at {spoken}" in heard.text
    [reminder] = person.reminders()
    assert f"BYHOUR={hour};" in rule_of(reminder)


def test_a_new_time_moves_the_one_reminder_instead_of_adding_another(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = with_reminder(skill, alexa)
    heard = person.speaker.say("SetReminderIntent", time="7 pm")
    assert "7 PM" in heard.text and "every day" in heard.text
    reminder = the_one_reminder(person)
    assert "BYHOUR=19;" in rule_of(reminder)
    assert reminder["version"] == "2"


def test_without_a_time_the_skill_asks_for_one_and_takes_the_bare_answer(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    asked = person.speaker.say("SetReminderIntent")
    assert "what time" in asked.text.lower() and not asked.ended
    help_ = person.speaker.say("AMAZON.HelpIntent")
    assert "8 AM" in help_.text and not help_.ended
    answer = env.intent_request("SetReminderIntent", {"time": env.SlotFill("06:45")})
    heard = person.speaker.send(answer)
    assert "every day at 6:45 AM" in heard.text
    assert len(person.reminders()) == 1


def test_missing_permission_asks_by_voice_and_changes_nothing(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa, reminders=False)
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    [directive] = directives(heard)
    assert directive["type"] == "Connections.SendRequest" and directive["name"] == "AskFor"
    assert directive["payload"]["permissionScope"] == REMINDERS_SCOPE
    assert directive["payload"]["@type"] == "AskForPermissionsConsentRequest"
    assert directive["token"] == "reminder@08:00"
    assert "shouldEndSession" not in heard.envelope["response"]
    assert person.reminders() == [] and person.state().reminder is None


def test_a_request_that_says_permission_is_denied_asks_without_calling_the_api(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    person.caller.scopes = {REMINDERS_SCOPE: "DENIED"}
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    assert directives(heard)[0]["name"] == "AskFor"
    assert person.calls(REMINDERS) == []


def test_accepting_the_permission_prompt_sets_the_reminder_asked_for(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa, reminders=False)
    person.speaker.say("SetReminderIntent", time="7:15 am")
    alexa.grant(person.token)
    heard = person.speaker.send(env.permission_answer("ACCEPTED", "reminder@07:15"))
    assert "every day at 7:15 AM" in heard.text
    [reminder] = person.reminders()
    assert "BYHOUR=7;BYMINUTE=15;" in rule_of(reminder)


@pytest.mark.parametrize(
    ("status", "code"), [("DENIED", "200"), ("NOT_ANSWERED", "200"), ("ACCEPTED", "500")]
)
def test_declining_the_prompt_explains_the_alexa_app_and_sends_the_consent_card(
    skill: KaizenSkill, alexa: AlexaApiStandIn, status: str, code: str
) -> None:
    person = walker(skill, alexa, reminders=False)
    heard = person.speaker.send(env.permission_answer(status, "reminder@08:00", code=code))
    assert "alexa app" in heard.text.lower()
    card = heard.envelope["response"]["card"]
    assert card["type"] == "AskForPermissionsConsent" and card["permissions"] == [REMINDERS_SCOPE]
    assert person.reminders() == [] and person.state().reminder is None


@pytest.mark.parametrize(
    ("status", "code", "words"),
    [
        (403, "MAX_REMINDERS_EXCEEDED", "as many reminders"),
        (403, "DEVICE_NOT_SUPPORTED", "won't let me"),
        (500, "INTERNAL_ERROR", "try again"),
        (503, "SERVICE_UNAVAILABLE", "try again"),
        (429, "TOO_MANY_REQUESTS", "try again"),
        (400, "INVALID_TRIGGER", "try again"),
    ],
)
def test_api_errors_become_kind_sentences_and_keep_the_old_reminder(
    skill: KaizenSkill, alexa: AlexaApiStandIn, status: int, code: str, words: str
) -> None:
    person = with_reminder(skill, alexa)
    before = person.state().reminder
    alexa.fail("PUT", REMINDERS, status, code)
    alexa.fail("POST", REMINDERS, status, code)
    heard = person.speaker.say("SetReminderIntent", time="9 pm")
    assert words in heard.text and "went wrong" not in heard.text
    assert person.state().reminder == before
    [reminder] = person.reminders()
    assert "BYHOUR=8;" in rule_of(reminder)


def test_too_many_reminders_on_a_first_reminder(skill: KaizenSkill, alexa: AlexaApiStandIn) -> None:
    person = walker(skill, alexa)
    alexa.fail("POST", REMINDERS, 403, "MAX_REMINDERS_EXCEEDED")
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    assert "as many reminders" in heard.text
    assert person.state().reminder is None and person.reminders() == []


def test_a_create_that_times_out_is_tidied_up_by_the_next_request(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    alexa.stall("POST", REMINDERS, seconds=1.0)
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    assert "try again" in heard.text and person.state().reminder is None
    # Alexa created it anyway after the skill stopped waiting.
    _wait_for(lambda: len(person.reminders()) == 1)
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    assert "every day at 8 AM" in heard.text
    the_one_reminder(person)


def test_a_reminder_deleted_in_the_alexa_app_is_created_again(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = with_reminder(skill, alexa)
    alexa.delete_in_app(person.token)
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    assert "every day at 8 AM" in heard.text
    the_one_reminder(person)


def test_an_unknown_time_zone_sets_no_reminder_at_the_wrong_hour(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, zone=None)
    heard = person.speaker.one_shot("SetReminderIntent", time="8 am")
    assert "time zone" in heard.text and heard.ended
    assert person.calls(REMINDERS) == []


def test_cancelling_deletes_the_reminder_and_forgets_it(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = with_reminder(skill, alexa)
    heard = person.speaker.one_shot("CancelReminderIntent")
    assert "turned off" in heard.text or "no more" in heard.text.lower()
    assert person.reminders() == [] and person.state().reminder is None
    again = person.speaker.one_shot("CancelReminderIntent")
    assert "don't have a reminder" in again.text


def test_cancelling_when_alexa_cannot_be_reached_keeps_the_reminder(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = with_reminder(skill, alexa)
    alexa.fail("DELETE", REMINDERS, 500)
    heard = person.speaker.one_shot("CancelReminderIntent")
    assert "try again" in heard.text
    assert person.state().reminder is not None and len(person.reminders()) == 1


def test_cancelling_without_permission_says_where_to_delete_it(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = with_reminder(skill, alexa)
    alexa.revoke(person.token)
    heard = person.speaker.one_shot("CancelReminderIntent")
    assert "alexa app" in heard.text.lower()
    assert person.state().reminder is not None


def test_a_one_shot_reminder_request_answers_and_ends(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    heard = person.speaker.one_shot("SetReminderIntent", time="8 am")
    assert "every day at 8 AM" in heard.text and heard.ended


def test_reminders_without_alexa_apis_say_honestly_they_need_the_alexa_app(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    # No apiEndpoint (as in the chat without --alexa-apis): a retry could never work, so the
    # answer says why instead of "try again in a moment".
    person = walker(skill, alexa)
    person.caller.api_endpoint = None
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    assert heard.said("reminder.no_apis") and not heard.said("reminder.no_zone")
    assert person.state().reminder is None


def _wait_for(condition: Any, seconds: float = 5.0) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def test_deleting_my_data_turns_the_reminder_off_too(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = with_reminder(skill, alexa)
    person.speaker.say("DeleteDataIntent")
    person.speaker.say("AMAZON.YesIntent")
    assert person.reminders() == []
    assert skill.store.load(user_key(person.user_id)) is None


def test_deleting_my_data_still_deletes_when_the_reminder_cannot_be_reached(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = with_reminder(skill, alexa)
    alexa.fail("GET", REMINDERS, 500)
    alexa.fail("DELETE", REMINDERS, 500)
    person.speaker.say("DeleteDataIntent")
    heard = person.speaker.say("AMAZON.YesIntent")
    assert "went wrong" not in heard.text
    assert skill.store.load(user_key(person.user_id)) is None


def test_slow_apis_cannot_use_more_than_the_requests_budget(
    sqlite_store: SqliteStore, alexa: AlexaApiStandIn
) -> None:
    apis = AlexaApis(AlexaHttpClient(timeout=1.0), FastSerializer(), budget=0.5)
    skill = KaizenSkill(sqlite_store, apis=apis)
    person = walker(skill, alexa)
    alexa.stall("GET", REMINDERS, seconds=2.0)
    heard = person.speaker.say("SetReminderIntent", time="8 am")
    assert "try again" in heard.text and person.state().reminder is None
    # The slow listing spent the budget, so no reminder was created behind the user's back.
    assert [c for c in alexa.calls if c.method == "POST"] == []


def hours(person: Person) -> list[str]:
    """The hours of the reminders Alexa holds for the person's account."""
    return sorted(re.findall(r"BYHOUR=(\d+);", " ".join(rule_of(r) for r in person.reminders())))


def test_people_in_one_household_each_keep_their_own_reminder(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    """Alexa lists the account's reminders together: one person's never replaces another's."""
    sam = Person(skill, alexa, "America/New_York")
    sam.speaker = Speaker(
        skill.invoke,
        caller=dataclasses.replace(sam.caller, person_id="amzn1.ask.person.TEST-SAM"),
        zone=sam.speaker.zone,
    )
    alex = Speaker(
        skill.invoke,
        caller=dataclasses.replace(sam.caller, person_id="amzn1.ask.person.TEST-ALEX"),
        zone=sam.speaker.zone,
    )
    for speaker, area, at in ((sam.speaker, "walking", "8 am"), (alex, "gratitude", "9 pm")):
        speaker.launch()
        speaker.say("SetGoalIntent", area=area)
        speaker.say("SetReminderIntent", time=at)
    sam.speaker.say("SetReminderIntent", time="7 am")
    assert hours(sam) == ["21", "7"], "Sam moved his own reminder; Alex's is still there"

    sam.speaker.say("DeleteDataIntent")
    sam.speaker.say("AMAZON.YesIntent")
    assert hours(sam) == ["21"], "deleting Sam's data kept Alex's reminder"
    alex.say("CancelReminderIntent")
    assert sam.reminders() == []
