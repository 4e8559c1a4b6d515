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

from skill import envelope
from skill.coach.state import UserState
from skill.handlers.base import Handler
from skill.handlers.turn import Turn

log = logging.getLogger(__name__)

ENABLED = "AlexaSkillEvent.SkillEnabled"
DISABLED = "AlexaSkillEvent.SkillDisabled"
PERMISSION_EVENTS = (
    "AlexaSkillEvent.SkillPermissionAccepted",
    "AlexaSkillEvent.SkillPermissionChanged",
)


class SkillEventHandler(Handler):
    """SkillDisabled deletes the user's record; permission events store the granted scopes."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Any skill event (unknown ones are logged and ignored)."""
        return envelope.is_skill_event(handler_input.request_envelope)

    def respond(self, turn: Turn) -> Response:
        """Apply the event to the store; the response is always empty."""
        kind = envelope.request_type(turn.envelope)
        if not turn.has_user:
            log.warning("skill event without a user: %s", kind)
            return turn.silence()
        if kind == DISABLED:
            # Everything goes, the reminder's alert token with it.
            turn.forget_user()
            log.info("skill disabled: user data deleted")
        elif kind in PERMISSION_EVENTS:
            scopes = envelope.accepted_scopes(turn.envelope)
            turn.update(lambda state: _with_permissions(state, scopes))
            log.info("permissions recorded: %s", ", ".join(scopes) or "none")
        elif kind == ENABLED:
            log.info("skill enabled")  # nothing is stored until the user talks to us
        else:
            log.info("skill event ignored: %s", kind)
        return turn.silence()


def _with_permissions(
    state: UserState | None, scopes: tuple[str, ...]
) -> tuple[UserState | None, None]:
    current = state or UserState()
    if current.permissions == scopes:
        return state, None
    return replace(current, permissions=scopes), None
