"""Skill events: a user who disables the skill is forgotten; permission changes are recorded.

Events arrive outside any session and nobody hears the answer, so every one gets an empty
response. If the store is down the error is not swallowed (see `errors.StoreDownHandler`):
Lambda reports a failed invocation and the webservice a 503, so the deletion is not lost
silently.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill.coach.state import UserState
from skill.handlers.base import Handler
from skill.handlers.turn import MissingUser, Turn
from skill.store import update

log = logging.getLogger(__name__)

EVENT_PREFIX = "AlexaSkillEvent."
ENABLED = "AlexaSkillEvent.SkillEnabled"
DISABLED = "AlexaSkillEvent.SkillDisabled"
PERMISSION_EVENTS = (
    "AlexaSkillEvent.SkillPermissionAccepted",
    "AlexaSkillEvent.SkillPermissionChanged",
)


def is_skill_event_request(request: object) -> bool:
    """Whether a request is one of the AlexaSkillEvent.* events."""
    kind = getattr(request, "object_type", None)
    return isinstance(kind, str) and kind.startswith(EVENT_PREFIX)


def is_skill_event(handler_input: HandlerInput) -> bool:
    """Whether the request being handled is a skill event."""
    return is_skill_event_request(handler_input.request_envelope.request)


class SkillEventHandler(Handler):
    """SkillDisabled deletes the user's record; permission events store the granted scopes."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Any skill event (unknown ones are logged and ignored)."""
        return is_skill_event(handler_input)

    def respond(self, turn: Turn) -> Response:
        """Apply the event to the store; the response is always empty."""
        kind = str(getattr(turn.request, "object_type", ""))
        try:
            key = turn.key
        except MissingUser:
            log.warning("skill event without a user: %s", kind)
            return turn.input.response_builder.response
        if kind == DISABLED:
            # Everything goes, the reminder's alert token with it.
            turn.deps.store.delete(key)
            log.info("skill disabled: user data deleted")
        elif kind in PERMISSION_EVENTS:
            scopes = _accepted_scopes(turn)
            update(turn.deps.store, key, lambda state: _with_permissions(state, scopes))
            log.info("permissions recorded: %s", ", ".join(scopes) or "none")
        elif kind == ENABLED:
            log.info("skill enabled")  # nothing is stored until the user talks to us
        else:
            log.info("skill event ignored: %s", kind)
        return turn.input.response_builder.response


def _accepted_scopes(turn: Turn) -> tuple[str, ...]:
    body = getattr(turn.request, "body", None)
    accepted = getattr(body, "accepted_permissions", None) or []
    scopes = {getattr(p, "scope", None) for p in accepted}
    return tuple(sorted(s for s in scopes if isinstance(s, str) and s))


def _with_permissions(
    state: UserState | None, scopes: tuple[str, ...]
) -> tuple[UserState | None, None]:
    current = state or UserState()
    if current.permissions == scopes:
        return state, None
    return replace(current, permissions=scopes), None
