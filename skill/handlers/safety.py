"""The safety response: words of crisis get calm, fixed words pointing to help. Nothing stored."""

from __future__ import annotations

import logging

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response

from skill import envelope
from skill.coach.safety import is_crisis
from skill.handlers.base import Handler
from skill.handlers.reply import Reply
from skill.handlers.turn import Turn
from skill.speech.ssml import Ssml

log = logging.getLogger(__name__)


class SafetyHandler(Handler):
    """First in line: a crisis utterance, or crisis words in any slot, gets the safety response.

    It never reads or writes state, and the response is fixed (no variation, no coaching).
    """

    intents = ("SupportIntent",)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """The support intent, or any slot whose words speak of self-harm."""
        if envelope.intent_name(handler_input.request_envelope) in self.intents:
            return True
        request = handler_input.request_envelope.request
        if not isinstance(request, IntentRequest) or request.intent is None:
            return False
        slots = request.intent.slots or {}
        return any(is_crisis(getattr(slot, "value", None)) for slot in slots.values())

    def respond(self, turn: Turn) -> Response:
        """Speak the locale's fixed safety message and end the session."""
        log.info("safety response given")
        turn.session.clear()
        speech = turn.book.variants("safety.crisis")[0]
        return turn.answer(Reply(Ssml(speech)))
