"""The user's day comes from the device's time zone (Alexa Settings API), cached in state."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from ask_sdk_model.services.api_client_request import ApiClientRequest

from skill.alexa.transport import AlexaHttpClient, ApiCallFailed
from skill.app import KaizenSkill
from skill.chat.alexa_api import AlexaApiStandIn
from tests.alexa.conftest import Person
from tests.support.builders import START, launch
from tests.support.phrases import step


def walker(skill: KaizenSkill, alexa: AlexaApiStandIn, zone: str | None) -> Person:
    person = Person(skill, alexa, zone)
    person.speaker.launch()
    person.speaker.say("SetGoalIntent", area="walking")
    return person


def complete_at(person: Person, instant: datetime) -> str:
    person.speaker.session.now = instant - person.speaker.session.gap
    person.speaker.session.close()
    return person.speaker.one_shot("CompleteStepIntent").text


def test_tokyo_and_los_angeles_at_the_same_instant_live_on_their_own_days(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    tokyo = walker(skill, alexa, "Asia/Tokyo")
    angeles = walker(skill, alexa, "America/Los_Angeles")
    instant = datetime(2026, 11, 3, 5, 0, tzinfo=UTC)  # 14:00 in Tokyo, 21:00 the day before in LA
    complete_at(tokyo, instant)
    complete_at(angeles, instant)
    assert tokyo.state().goals[0].done.last() == date(2026, 11, 3)
    assert angeles.state().goals[0].done.last() == date(2026, 11, 2)
    assert tokyo.state().time_zone == "Asia/Tokyo"
    assert angeles.state().time_zone == "America/Los_Angeles"


def test_completing_at_2350_and_0010_local_completes_two_days(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    tokyo = walker(skill, alexa, "Asia/Tokyo")
    tokyo.speaker.on(date(2026, 11, 2), hour=23, minute=50)
    first = tokyo.speaker.one_shot("CompleteStepIntent")
    tokyo.speaker.on(date(2026, 11, 3), hour=0, minute=10)
    second = tokyo.speaker.one_shot("CompleteStepIntent")
    assert not first.said("done.already") and not second.said("done.already")
    done = tokyo.state().goals[0].done
    assert done.has(date(2026, 11, 2)) and done.has(date(2026, 11, 3))
    assert done.count(date(2026, 11, 1), date(2026, 11, 4)) == 2


def test_the_zone_is_looked_up_once_a_day_not_on_every_turn(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa, "Europe/Berlin")
    for _ in range(3):
        person.speaker.say("GetStepIntent")
    assert len(person.calls(person.device_id)) == 1
    alexa.zones[person.device_id] = "Asia/Kolkata"  # the user corrects it in the Alexa app
    person.speaker.on(START + timedelta(days=1), hour=12)
    person.speaker.launch()
    assert len(person.calls(person.device_id)) == 2
    assert person.state().time_zone == "Asia/Kolkata"


@pytest.mark.parametrize(
    ("status", "code"),
    [(500, "INTERNAL_ERROR"), (401, "INVALID_TOKEN"), (403, "INVALID_TOKEN"), (429, "TOO_MANY")],
)
def test_a_failed_lookup_keeps_the_cached_zone_and_the_user_notices_nothing(
    skill: KaizenSkill, alexa: AlexaApiStandIn, status: int, code: str
) -> None:
    person = walker(skill, alexa, "Asia/Tokyo")
    alexa.fail("GET", f"/v2/devices/{person.device_id}", status, code)
    # 08:30 in Tokyo is 23:30 the day before in UTC; the cached zone is due a lookup.
    person.speaker.on(START + timedelta(days=2), hour=8, minute=30)
    heard = person.speaker.launch()
    assert step("MOVE", 5) in heard and "sorry" not in heard.text.lower()
    # Retried after an hour, not on the very next turn.
    person.speaker.say("GetStepIntent")
    assert len(person.calls(person.device_id)) == 2
    # The step counts for Tokyo's date, not UTC's (still the day before).
    person.speaker.say("CompleteStepIntent")
    state = person.state()
    assert state.time_zone == "Asia/Tokyo"
    assert state.goals[0].done.last() == START + timedelta(days=2)


def test_a_lookup_that_times_out_falls_back_quietly(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, "Asia/Tokyo")
    alexa.stall("GET", f"/v2/devices/{person.device_id}", seconds=1.5)
    heard = person.speaker.launch()
    assert "kaizen coach" in heard.text.lower()
    state = person.state()
    assert state.time_zone is None  # unknown: the day is UTC's until the next lookup
    assert state.time_zone_until is not None
    assert state.time_zone_until - heard_instant(person) <= timedelta(hours=1)


def heard_instant(person: Person) -> datetime:
    return person.speaker.session.now


@pytest.mark.parametrize("zone", [None, "Mars/Olympus_Mons"])
def test_no_zone_or_an_unknown_zone_means_utc(
    skill: KaizenSkill, alexa: AlexaApiStandIn, zone: str | None
) -> None:
    person = walker(skill, alexa, None)
    if zone:
        alexa.zones[person.device_id] = zone
    person.speaker.on(START, hour=23, minute=30)  # UTC
    person.speaker.one_shot("CompleteStepIntent")
    assert person.state().time_zone is None
    assert person.state().goals[0].done.last() == START


def test_requests_without_an_api_endpoint_make_no_calls(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, "Asia/Tokyo")
    person.caller.api_endpoint = None
    person.speaker.send(launch(), new=True)
    assert person.calls(person.device_id) == []
    assert person.state().time_zone is None


def test_plain_http_is_refused_unless_the_endpoint_is_on_this_machine(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, "Asia/Tokyo")
    person.caller.api_endpoint = "http://api.amazonalexa.example"
    heard = person.speaker.launch()
    assert "kaizen coach" in heard.text.lower() and person.state().time_zone is None
    client = AlexaHttpClient(timeout=0.2)
    with pytest.raises(ApiCallFailed):
        client.invoke(ApiClientRequest(url="http://10.1.2.3/v2/x", method="GET"))
