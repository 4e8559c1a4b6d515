"""Offering an Alexa routine that runs the DailyStep task each day, and reading the answer.

Alexa's AMAZON.OfferAutomation managed task asks the person itself and creates the routine
(developer.amazon.com/docs/alexa/custom-skills/pre-built-routine-api-reference.html): the
skill sends `Connections.StartConnection` to `connection://AMAZON.OfferAutomation/1` with
`onCompletion: RESUME_SESSION`, says nothing and asks nothing in that response, and hears the
outcome as a `SessionResumedRequest`.

What the documentation shows, and what it does not (the stored pages are cut off before
their field tables): the directive's `type`, `uri`, `onCompletion`, `token` and
`input.automation` / `input.renderingData`; the triggers `Alexa.Automation.Trigger.Schedule.
AbsoluteTime` (payload `schedule.triggerTime` "HHMMSS" as in the documented example
"193209", `timeZoneId`, `recurrence` as an RRULE) and `Alexa.Automation.Trigger.Voice.
CustomUtterance` (payload `utterances`, `locale`; its locales are listed in
pre-built-routine-primitives.html). NOT verifiable here, taken from a certified skill's code:
the operation that starts our own task (`Alexa.Automation.Operation.Skill.StartConnection`,
`operations.serial[].operation`, `operationId`, `payload.connectionRequest.uri` of the form
`connection://<skill id>.<Task>/<version>?provider=<skill id>`), `renderingData.operations.
<operationId>.descriptionPrompt`, and the result (`cause.status.code` "200" for a routine
created; "204" with `result.offerAutomationResponse.reason` REJECTED_BY_CUSTOMER or
AUTOMATION_ALREADY_ENABLED). Anything else is read as "not created".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from enum import StrEnum
from typing import Any

from ask_sdk_model.interfaces.connections.on_completion import OnCompletion
from ask_sdk_model.interfaces.connections.v1.start_connection_directive import (
    StartConnectionDirective,
)

OFFER_AUTOMATION = "connection://AMAZON.OfferAutomation/1"
DAILY_STEP_TASK = "DailyStep"
DAILY_STEP_VERSION = "1"
# Every day, as the certified skill writes a daily schedule (the documented example is weekly).
EVERY_DAY = "RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=SU,MO,TU,WE,TH,FR,SA"
# Locales whose routines may start on a phrase the person says (pre-built-routine-primitives).
VOICE_TRIGGER_LOCALES = frozenset(
    {"en-US", "en-CA", "en-IN", "en-GB", "en-AU", "es-ES", "es-US", "es-MX", "de-DE", "fr-FR"}
    | {"fr-CA", "pt-BR", "it-IT"}
)
DAILY_OFFER = "routine-time"
SPOKEN_OFFER = "routine-voice"


class RoutineResult(StrEnum):
    """What became of an offered routine."""

    CREATED = "created"
    DECLINED = "declined"
    ALREADY = "already"
    FAILED = "failed"


def _daily_step_operation(skill_id: str, description: str) -> tuple[dict[str, Any], dict[str, Any]]:
    operation_id = "DailyStep"
    task = f"{skill_id}.{DAILY_STEP_TASK}/{DAILY_STEP_VERSION}"
    operation = {
        "operation": {
            "type": "Alexa.Automation.Operation.Skill.StartConnection",
            "version": "1.0",
            "operationId": operation_id,
            "payload": {
                "connectionRequest": {
                    "uri": f"connection://{task}?provider={skill_id}",
                    "input": {},
                }
            },
        }
    }
    rendering = {"operations": {operation_id: {"descriptionPrompt": description}}}
    return operation, rendering


def offer_daily(skill_id: str, at: time, zone: str, description: str) -> StartConnectionDirective:
    """Offer a routine that runs the DailyStep task every day at `at` in `zone`."""
    trigger = {
        "type": "Alexa.Automation.Trigger.Schedule.AbsoluteTime",
        "version": "1.0",
        "payload": {
            "schedule": {
                "triggerTime": at.strftime("%H%M%S"),
                "timeZoneId": zone,
                "recurrence": EVERY_DAY,
            }
        },
    }
    return _offer(skill_id, trigger, description, DAILY_OFFER)


def offer_voice(
    skill_id: str, utterances: list[str], locale: str, description: str
) -> StartConnectionDirective:
    """Offer a routine that runs the DailyStep task when the person says one of `utterances`."""
    trigger = {
        "type": "Alexa.Automation.Trigger.Voice.CustomUtterance",
        "version": "1.0",
        "payload": {"utterances": utterances[:5], "locale": locale},
    }
    return _offer(skill_id, trigger, description, SPOKEN_OFFER)


def _offer(
    skill_id: str, trigger: dict[str, Any], description: str, token: str
) -> StartConnectionDirective:
    operation, rendering = _daily_step_operation(skill_id, description)
    return StartConnectionDirective(
        uri=OFFER_AUTOMATION,
        on_completion=OnCompletion.RESUME_SESSION,
        input={
            "automation": {"trigger": trigger, "operations": {"serial": [operation]}},
            "renderingData": rendering,
        },
        token=token,
    )


def result_of(code: object, result: object) -> RoutineResult:
    """What the SessionResumedRequest's `cause.status.code` and `cause.result` say."""
    if str(code) == "200":
        return RoutineResult.CREATED
    response = result.get("offerAutomationResponse") if isinstance(result, Mapping) else None
    reason = response.get("reason") if isinstance(response, Mapping) else None
    if reason == "REJECTED_BY_CUSTOMER":
        return RoutineResult.DECLINED
    if reason == "AUTOMATION_ALREADY_ENABLED":
        return RoutineResult.ALREADY
    return RoutineResult.FAILED
