"""The fast serializer reads every envelope into exactly what the SDK's own would."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope

from skill.chat import envelope as env
from skill.serializer import FastSerializer

STAMP = datetime(2026, 11, 21, 8, 30, tzinfo=UTC)
CALLER = env.Caller(user_id="amzn1.ask.account.TEST-SERIALIZER")


def wrapped(request: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return env.envelope(CALLER, request, timestamp=STAMP, session_id="s-1", **extra)


def with_timestamp(stamp: str) -> dict[str, Any]:
    body = wrapped(env.launch_request())
    body["request"]["timestamp"] = stamp
    return body


ENVELOPES = {
    "launch": wrapped(env.launch_request()),
    "intent with resolved slot": wrapped(
        env.intent_request(
            "SetGoalIntent", {"area": env.SlotFill("walking", id="MOVE", type_name="GOAL_AREA")}
        ),
        attributes={"dialog": "choose_area", "nested": {"a": [1, 2]}},
    ),
    "intent with unmatched slot": wrapped(
        env.intent_request("SetGoalIntent", {"area": env.SlotFill("juggle", type_name="GOAL_AREA")})
    ),
    "session ended with error": wrapped(
        {
            **env.session_ended_request("ERROR"),
            "error": {"type": "INVALID_RESPONSE", "message": "x"},
        }
    ),
    "skill event": wrapped(
        {"type": "AlexaSkillEvent.SkillDisabled", "eventCreationTime": "2026-11-21T08:00:00Z"}
    ),
    "unknown keys kept": {**wrapped(env.launch_request()), "futureField": {"x": 1}},
    "fractional seconds": with_timestamp("2026-11-21T08:30:00.123Z"),
    "offset": with_timestamp("2026-11-21T09:30:00+01:00"),
    "no zone": with_timestamp("2026-11-21T08:30:00"),
}


@pytest.mark.parametrize("name", sorted(ENVELOPES))
def test_fast_serializer_reads_envelopes_exactly_as_the_sdk_does(name: str) -> None:
    payload = json.dumps(ENVELOPES[name])
    expected = DefaultSerializer().deserialize(payload, RequestEnvelope)
    actual = FastSerializer().deserialize(payload, RequestEnvelope)
    assert actual == expected
    assert type(actual.request) is type(expected.request)
    assert actual.request.timestamp == expected.request.timestamp


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        '{"request": 5}',
        '{"request": {"type": "NoSuchRequest"}}',
        '{"request": {"type": "LaunchRequest", "timestamp": "yesterday-ish"}}',
        '{"request": {"type": "LaunchRequest", "timestamp": 12}}',
        '{"context": [1, 2]}',
    ],
)
def test_fast_serializer_refuses_what_the_sdk_refuses(payload: str) -> None:
    with pytest.raises(SerializationException):
        DefaultSerializer().deserialize(payload, RequestEnvelope)
    with pytest.raises(SerializationException):
        FastSerializer().deserialize(payload, RequestEnvelope)


# What dateutil reads and fromisoformat does not: a readable date, and the kind of body
# that sent dateutil's parser into about a second of CPU (digits and separators, 128 KiB).
NOT_ISO_8601 = {
    "dateutil-only format": "21 Nov 2026 08:30:00 UTC",
    "128 KiB of date-like words": "1 2 3 " * (128 * 1024 // 6),
}


@pytest.mark.parametrize("stamp", NOT_ISO_8601.values(), ids=list(NOT_ISO_8601))
def test_timestamps_that_are_not_iso_8601_are_refused_at_once_when_dateutil_would_guess(
    stamp: str,
) -> None:
    payload = json.dumps(with_timestamp(stamp))
    started = time.process_time()
    with pytest.raises(SerializationException):
        FastSerializer().deserialize(payload, RequestEnvelope)
    assert time.process_time() - started < 0.05  # dateutil took about a second on the long one


def test_reminders_from_the_api_are_readable_though_the_sdk_misnames_a_class() -> None:
    from ask_sdk_model.services.reminder_management.get_reminders_response import (
        GetRemindersResponse,
    )
    from ask_sdk_model.services.reminder_management.spoken_info import SpokenInfo

    listing = json.dumps(
        {
            "totalCount": "1",
            "alerts": [
                {
                    "alertToken": "standin-alert-1",
                    "status": "ON",
                    "version": "1",
                    "alertInfo": {"spokenInfo": {"content": [{"locale": "en-US", "text": "hi"}]}},
                }
            ],
        }
    )
    with pytest.raises(SerializationException):
        DefaultSerializer().deserialize(listing, GetRemindersResponse)
    read = FastSerializer().deserialize(listing, GetRemindersResponse)
    assert isinstance(read.alerts[0].alert_info.spoken_info, SpokenInfo)
    assert read.alerts[0].alert_info.spoken_info.content[0].text == "hi"


def responses() -> list[Any]:
    """Responses as the handlers build them: speech, a question, a card, directives."""
    from ask_sdk_core.response_helper import ResponseFactory
    from ask_sdk_model.ui.simple_card import SimpleCard

    from skill.alexa.reminders import ask_for_permission
    from skill.handlers.questions import SlotAnswer
    from skill.handlers.reply import elicit

    plain = ResponseFactory().speak("<speak>Hi</speak>").response
    asking = ResponseFactory().speak("Done it?").ask("Have you?")
    asking.add_directive(elicit(SlotAnswer("SetGoalIntent", "area")))
    carded = ResponseFactory().speak("Well done").set_card(SimpleCard("Kaizen", "5 min"))
    permission = ResponseFactory().add_directive(ask_for_permission("token-1"))
    return [plain, asking.response, carded.response, permission.response]


@pytest.mark.parametrize("index", range(4))
def test_fast_serializer_writes_responses_exactly_as_the_sdk_does(index: int) -> None:
    response = responses()[index]
    assert FastSerializer().serialize(response) == DefaultSerializer().serialize(response)
