"""Builds Alexa request envelopes as JSON dicts, the shape Alexa itself sends."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DEFAULT_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-00000000c0de"


@dataclass(frozen=True)
class SlotFill:
    """A slot as Alexa fills it: the heard words and, for custom types, the resolved id.

    `id` None with words means ER_SUCCESS_NO_MATCH for a custom slot type; `type_name` is
    the slot type used for the resolution authority.
    """

    words: str
    id: str | None = None
    type_name: str | None = None
    canonical: str | None = None


@dataclass
class Caller:
    """Who is speaking, from which skill and device: fixed across a conversation.

    Without `api_endpoint` and `api_token` the requests name no Alexa APIs, so the skill
    works offline (UTC, no reminders); point them at a stand-in to use those APIs.
    `scopes` is what `context.System.user.permissions.scopes` says (scope -> GRANTED or
    DENIED); empty means the request says nothing about permissions. `person_id` is the
    person Alexa recognised by voice (`context.System.person`); `screen`: the device shows
    APL (`Alexa.Presentation.APL` among its supported interfaces, and a viewport).
    """

    user_id: str
    skill_id: str = DEFAULT_SKILL_ID
    device_id: str = "amzn1.ask.device.TEST-DEVICE"
    locale: str = "en-US"
    api_endpoint: str | None = None
    api_token: str | None = None
    scopes: dict[str, str] = field(default_factory=dict)
    person_id: str | None = None
    screen: bool = False


def envelope(
    caller: Caller,
    request: dict[str, Any],
    *,
    timestamp: datetime,
    session_id: str | None = None,
    new: bool = True,
    attributes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A full request envelope around `request` (a LaunchRequest, IntentRequest, ...)."""
    application = {"applicationId": caller.skill_id}
    user: dict[str, Any] = {"userId": caller.user_id}
    if caller.scopes:
        user["permissions"] = {
            "scopes": {scope: {"status": status} for scope, status in caller.scopes.items()}
        }
    request = {
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": timestamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "locale": caller.locale,
        **request,
    }
    interfaces: dict[str, Any] = {}
    if caller.screen:
        interfaces["Alexa.Presentation.APL"] = {"runtime": {"maxVersion": "2023.3"}}
    system: dict[str, Any] = {
        "application": application,
        "user": user,
        "device": {"deviceId": caller.device_id, "supportedInterfaces": interfaces},
    }
    if caller.person_id:
        system["person"] = {"personId": caller.person_id}
    if caller.api_endpoint and caller.api_token:
        system["apiEndpoint"] = caller.api_endpoint
        system["apiAccessToken"] = caller.api_token
    context: dict[str, Any] = {"System": system}
    if caller.screen:
        context["Viewport"] = SCREEN_VIEWPORT
    body: dict[str, Any] = {"version": "1.0", "context": context, "request": request}
    if session_id is not None:
        body["session"] = {
            "new": new,
            "sessionId": session_id,
            "application": application,
            "user": user,
            "attributes": attributes or {},
        }
    return body


# A landscape hub's viewport as context.Viewport describes it, with the properties of the
# documented example (developer.amazon.com/docs/alexa-presentation-language/
# apl-viewport-characteristics.html): shape, pixel size, dpi, what is in use, touch.
SCREEN_VIEWPORT: dict[str, Any] = {
    "experiences": [{"canRotate": False, "canResize": False}],
    "shape": "RECTANGLE",
    "pixelWidth": 1280,
    "pixelHeight": 800,
    "dpi": 160,
    "currentPixelWidth": 1280,
    "currentPixelHeight": 800,
    "touch": ["SINGLE"],
}


def launch_request() -> dict[str, Any]:
    """The request Alexa sends for 'open kaizen coach'."""
    return {"type": "LaunchRequest"}


def intent_request(name: str, slots: dict[str, SlotFill] | None = None) -> dict[str, Any]:
    """An IntentRequest with slots filled (and resolved) as Alexa would."""
    return {
        "type": "IntentRequest",
        "dialogState": "COMPLETED",
        "intent": {
            "name": name,
            "confirmationStatus": "NONE",
            "slots": {key: _slot(key, fill) for key, fill in (slots or {}).items()},
        },
    }


def skill_event(kind: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """An AlexaSkillEvent (SkillEnabled, SkillDisabled, SkillPermissionAccepted...)."""
    event: dict[str, Any] = {"type": f"AlexaSkillEvent.{kind}"}
    if body is not None:
        event["body"] = body
    return event


def task_launch(name: str, version: str = "1", task_input: Any = None) -> dict[str, Any]:
    """A LaunchRequest that runs a custom task (as an Alexa routine does)."""
    return {
        "type": "LaunchRequest",
        "task": {"name": name, "version": version, "input": task_input or {}},
    }


def permission_answer(status: str, token: str, code: str = "200") -> dict[str, Any]:
    """The Connections.Response for a voice permission prompt (ACCEPTED, DENIED...)."""
    return {
        "type": "Connections.Response",
        "name": "AskFor",
        "status": {"code": code, "message": "OK" if code == "200" else "error"},
        "payload": {"permissionScope": "alexa::alerts:reminders:skill:readwrite", "status": status},
        "token": token,
    }


def session_resumed_request(token: str, code: str, reason: str | None = None) -> dict[str, Any]:
    """What Alexa sends when a task the skill started (a routine offer) hands back: the
    status code, and for a routine not created, `offerAutomationResponse.reason`."""
    cause: dict[str, Any] = {
        "type": "ConnectionCompleted",
        "token": token,
        "status": {"code": code, "message": "OK" if code == "200" else "No Content"},
    }
    if reason is not None:
        cause["result"] = {"offerAutomationResponse": {"reason": reason}}
    return {"type": "SessionResumedRequest", "cause": cause}


def session_ended_request(reason: str = "USER_INITIATED") -> dict[str, Any]:
    """The request Alexa sends when a session ends."""
    return {"type": "SessionEndedRequest", "reason": reason}


def _slot(name: str, fill: SlotFill) -> dict[str, Any]:
    slot: dict[str, Any] = {"name": name, "value": fill.words, "confirmationStatus": "NONE"}
    if fill.type_name is None:
        return slot
    authority = f"amzn1.er-authority.echo-sdk.{DEFAULT_SKILL_ID}.{fill.type_name}"
    resolution: dict[str, Any]
    if fill.id is None:
        resolution = {"authority": authority, "status": {"code": "ER_SUCCESS_NO_MATCH"}}
    else:
        resolution = {
            "authority": authority,
            "status": {"code": "ER_SUCCESS_MATCH"},
            "values": [{"value": {"name": fill.canonical or fill.words, "id": fill.id}}],
        }
    slot["resolutions"] = {"resolutionsPerAuthority": [resolution]}
    return slot
