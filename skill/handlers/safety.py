"""The safety response: words of crisis get calm, fixed words pointing to help. Nothing stored.

It is first in line, so it wins over every other handler: the support intent, or crisis words
in any slot of any intent (a goal's name, a time, anything that would be spoken back). The
words are fixed per locale (never varied, never coached), and the session stays open for one
gentle question: keep talking, or stop here.
"""

from __future__ import annotations

import logging

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response

from skill import envelope
from skill.handlers.base import Handler
from skill.handlers.questions import Dialog
from skill.handlers.reply import Reply
from skill.handlers.turn import Turn
from skill.safety import is_crisis
from skill.speech.ssml import Ssml

log = logging.getLogger(__name__)


class SafetyHandler(Handler):
    """First in line: a crisis utterance, or crisis words in any slot, gets the safety response."""

    intents = ("SupportIntent",)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """The support intent, or any slot whose words speak of self-harm or wanting to die."""
        if envelope.intent_name(handler_input.request_envelope) in self.intents:
            return True
        request = handler_input.request_envelope.request
        if not isinstance(request, IntentRequest) or request.intent is None:
            return False
        slots = request.intent.slots or {}
        locale = request.locale
        return any(is_crisis(getattr(slot, "value", None), locale) for slot in slots.values())

    def respond(self, turn: Turn) -> Response:
        """The locale's fixed safety words, then one gentle question; nothing is stored."""
        log.info("safety response given")
        turn.session.clear()
        book = turn.book
        return turn.answer(
            Reply(
                Ssml(book.variants("safety.crisis")[0]),
                Ssml(book.variants("safety.question")[0]),
                dialog=Dialog.SAFETY_FOLLOWUP,
                must_answer=True,
            )
        )
