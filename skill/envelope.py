"""Reads Alexa's request envelope: every field the skill uses, named and found in one place.

Two forms arrive. The raw JSON (a dict) is read at the front door, before any SDK object is
built, so cheap checks cost nothing when they refuse a request. The SDK's `RequestEnvelope`
is read by handlers and Alexa API clients. Each reader returns None when a field is absent or
of the wrong type, so callers never reach through layers of optional attributes themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.request_envelope import RequestEnvelope

SKILL_EVENT_PREFIX = "AlexaSkillEvent."


# -- the raw JSON ------------------------------------------------------------------------


def _path(event: object, *keys: str) -> object:
    node = event
    for key in keys:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def raw_application_id(event: object) -> str | None:
    """The application id from context.System (or, in old envelopes, from the session)."""
    return _text(_path(event, "context", "System", "application", "applicationId")) or _text(
        _path(event, "session", "application", "applicationId")
    )


def raw_request_type(event: object) -> str | None:
    """The request's type: LaunchRequest, IntentRequest, AlexaSkillEvent.SkillDisabled..."""
    return _text(_path(event, "request", "type"))


def raw_request_id(event: object) -> str | None:
    """The request's id exactly as sent (unique per request Alexa makes)."""
    return _text(_path(event, "request", "requestId"))


def raw_timestamp(event: object) -> str | None:
    """The request's timestamp exactly as sent."""
    return _text(_path(event, "request", "timestamp"))


def raw_session_attributes(event: object) -> object:
    """session.attributes exactly as sent (any JSON value), or None."""
    return _path(event, "session", "attributes")


def raw_locale(event: object) -> str | None:
    """The request's locale exactly as sent."""
    return _text(_path(event, "request", "locale"))


def raw_supported_interfaces(event: object) -> Mapping[str, object]:
    """context.System.device.supportedInterfaces: each interface the device has, by name
    ("Alexa.Presentation.APL": {"runtime": {"maxVersion": "2024.2"}}); empty when absent."""
    found = _path(event, "context", "System", "device", "supportedInterfaces")
    return found if isinstance(found, Mapping) else {}


def is_skill_event_type(request_type: str | None) -> bool:
    """Whether a request type is one of the AlexaSkillEvent.* events."""
    return request_type is not None and request_type.startswith(SKILL_EVENT_PREFIX)


# -- the SDK's objects -------------------------------------------------------------------


def _system(envelope: RequestEnvelope) -> Any:
    context = getattr(envelope, "context", None)
    return getattr(context, "system", None)


def application_id(envelope: RequestEnvelope) -> str | None:
    """The application id the request is for."""
    for owner in (_system(envelope), getattr(envelope, "session", None)):
        found = _text(getattr(getattr(owner, "application", None), "application_id", None))
        if found:
            return found
    return None


def user_id(envelope: RequestEnvelope) -> str | None:
    """The Alexa account's user id (context first, then the session of old envelopes)."""
    for owner in (_system(envelope), getattr(envelope, "session", None)):
        found = _text(getattr(getattr(owner, "user", None), "user_id", None))
        if found:
            return found
    return None


def person_id(envelope: RequestEnvelope) -> str | None:
    """The person Alexa recognised by voice (context.System.person), if any: with the
    `alexa::person_id:read` permission, a household member with a voice profile."""
    found = _text(getattr(getattr(_system(envelope), "person", None), "person_id", None))
    return found if found and len(found) <= 512 else None


def device_id(envelope: RequestEnvelope) -> str | None:
    """The device the request came from."""
    return _text(getattr(getattr(_system(envelope), "device", None), "device_id", None))


def request_type(envelope: RequestEnvelope) -> str | None:
    """The request's type name (`object_type` in the SDK's models)."""
    return _text(getattr(envelope.request, "object_type", None))


def is_skill_event(envelope: RequestEnvelope) -> bool:
    """Whether the request is one of the AlexaSkillEvent.* events."""
    return is_skill_event_type(request_type(envelope))


def intent_name(envelope: RequestEnvelope) -> str | None:
    """The intent's name for an IntentRequest, else None."""
    request = envelope.request
    if isinstance(request, IntentRequest) and request.intent is not None:
        return _text(request.intent.name)
    return None


def locale(envelope: RequestEnvelope) -> str | None:
    """The request's locale."""
    return _text(getattr(envelope.request, "locale", None))


@dataclass(frozen=True)
class ApiAccess:
    """Where Alexa's own APIs are for this request, and the token that opens them."""

    endpoint: str
    token: str


def api_access(envelope: RequestEnvelope) -> ApiAccess | None:
    """The API endpoint and access token, or None when the request carries either not."""
    system = _system(envelope)
    endpoint = _text(getattr(system, "api_endpoint", None))
    token = _text(getattr(system, "api_access_token", None))
    if endpoint is None or token is None:
        return None
    return ApiAccess(endpoint.rstrip("/"), token)


def permission_status(envelope: RequestEnvelope, scope: str) -> str | None:
    """What `context.System.user.permissions` says of a scope: GRANTED, DENIED, or None."""
    permissions = getattr(getattr(_system(envelope), "user", None), "permissions", None)
    scopes = getattr(permissions, "scopes", None)
    found = scopes.get(scope) if isinstance(scopes, dict) else None
    status = getattr(found, "status", None)
    value = getattr(status, "value", status)
    return _text(value)


def accepted_scopes(envelope: RequestEnvelope) -> tuple[str, ...]:
    """The scopes a permission event says the user accepted, sorted and without repeats."""
    body = getattr(envelope.request, "body", None)
    accepted = getattr(body, "accepted_permissions", None) or []
    scopes = {_text(getattr(p, "scope", None)) for p in accepted}
    return tuple(sorted(s for s in scopes if s))


@dataclass(frozen=True)
class SessionEnd:
    """Why a session ended, and the kind of error if Alexa reported one."""

    reason: str | None
    error: str | None


def session_end(envelope: RequestEnvelope) -> SessionEnd:
    """The reason (and error type) of a SessionEndedRequest; never any content."""
    request = envelope.request
    reason = getattr(request, "reason", None)
    error_type = getattr(getattr(request, "error", None), "object_type", None)
    return SessionEnd(
        _text(getattr(reason, "value", reason)), _text(getattr(error_type, "value", error_type))
    )
