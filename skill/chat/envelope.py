"""Builds Alexa request envelopes as JSON dicts, the shape Alexa itself sends."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

DEFAULT_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-00000000c0de"
DEFAULT_API_ENDPOINT = "https://api.amazonalexa.com"


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
    """Who is speaking, from which skill and device: fixed across a conversation."""

    user_id: str
    skill_id: str = DEFAULT_SKILL_ID
    device_id: str = "amzn1.ask.device.TEST-DEVICE"
    locale: str = "en-US"
    api_endpoint: str = DEFAULT_API_ENDPOINT


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
    user = {"userId": caller.user_id}
    request = {
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": timestamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "locale": caller.locale,
        **request,
    }
    body: dict[str, Any] = {
        "version": "1.0",
        "context": {
            "System": {
                "application": application,
                "user": user,
                "device": {"deviceId": caller.device_id, "supportedInterfaces": {}},
                "apiEndpoint": caller.api_endpoint,
                "apiAccessToken": "test-api-access-token",
            }
        },
        "request": request,
    }
    if session_id is not None:
        body["session"] = {
            "new": new,
            "sessionId": session_id,
            "application": application,
            "user": user,
            "attributes": attributes or {},
        }
    return body


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
