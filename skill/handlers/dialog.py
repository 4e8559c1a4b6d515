"""Handlers for the conversation itself: yes/no, help, fallback, stop, session end, unknowns.

Each answers by the row of the pending question in `questions.QUESTIONS`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response

from skill import envelope
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import QUESTIONS, Question, no_action, yes_action
from skill.handlers.reply import Reply
from skill.handlers.turn import Turn
from skill.speech.ssml import Ssml
from skill.speech.voice import Voice

log = logging.getLogger(__name__)


class YesHandler(Handler):
    """'Yes' to whatever was just asked."""

    intents = ("AMAZON.YesIntent",)

    def respond(self, turn: Turn) -> Response:
        """Accept the pending offer, ask the question again, or say what the skill can do."""
        dialog = turn.dialog
        if dialog is not None and (action := yes_action(dialog)) is not None:
            return action(turn)
        row = QUESTIONS[dialog] if dialog is not None else None

        def build(voice: Voice) -> Reply:
            if row is not None and row.yes is not None:
                said = voice.say(row.yes, choices=talk.area_choices(voice))
                if row.yes_asks_again:
                    return Reply(Ssml(""), said, dialog=dialog, must_answer=True)
                return Reply(said)
            # A question, so the microphone stays open even for a one-shot "yes".
            return Reply(
                Ssml(""),
                voice.say("ask.what_next"),
                voice.say("reprompt.what_next"),
                must_answer=True,
            )

        return turn.answer_without_state(build)


class NoHandler(Handler):
    """'No' to whatever was just asked: always fine, never a guilt trip."""

    intents = ("AMAZON.NoIntent",)

    def respond(self, turn: Turn) -> Response:
        """Decline kindly (some questions have their own answer to a no)."""
        dialog = turn.dialog
        if dialog is not None and (action := no_action(dialog)) is not None:
            return action(turn)
        key = (QUESTIONS[dialog].no if dialog is not None else None) or "no.goodbye"
        return turn.answer_without_state(lambda voice: Reply(voice.say(key)))


class HelpHandler(Handler):
    """Help that fits where the user is: the pending question, or what the skill does."""

    intents = ("AMAZON.HelpIntent",)

    def respond(self, turn: Turn) -> Response:
        """Explain the pending question, or the skill, and keep listening."""
        return _guide(turn, lambda row: row.help, "help.general")


class FallbackHandler(Handler):
    """Words the model did not understand: a nudge that fits the pending question."""

    intents = ("AMAZON.FallbackIntent",)

    def respond(self, turn: Turn) -> Response:
        """Say what would work here, and keep listening."""
        return _guide(turn, lambda row: row.fallback, "fallback.general")


def _guide(turn: Turn, pick: Callable[[Question], str], general: str) -> Response:
    dialog = turn.dialog
    key = pick(QUESTIONS[dialog]) if dialog is not None else general
    if dialog is not None and QUESTIONS[dialog].closes:
        return turn.answer_without_state(lambda voice: Reply(voice.say(key)))

    def build(voice: Voice) -> Reply:
        question = voice.say(key, choices=talk.area_choices(voice))
        reprompt = voice.say("reprompt.what_next")
        return Reply(Ssml(""), question, reprompt, dialog=dialog, must_answer=True)

    return turn.answer_without_state(build)


class StopHandler(Handler):
    """Stop, Cancel and NavigateHome end kindly (a pending deletion is called off)."""

    intents = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")

    def respond(self, turn: Turn) -> Response:
        """Say goodbye."""
        key = QUESTIONS[turn.dialog].stop if turn.dialog is not None else "stop.goodbye"
        return turn.answer_without_state(lambda voice: Reply(voice.say(key)))


class SessionEndedHandler(Handler):
    """The session ended (user silence, exit, or an error on Alexa's side): log why, say nothing."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Any SessionEndedRequest."""
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def respond(self, turn: Turn) -> Response:
        """Log the reason (and error type, never content) and return an empty response."""
        ended = envelope.session_end(turn.envelope)
        log.info("session ended: reason=%s error=%s", ended.reason, ended.error)
        return turn.silence()


class UnhandledHandler(Handler):
    """Last in line: an intent we do not know gets one kind sentence; other requests, silence."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Everything that reached the end of the list."""
        return True

    def respond(self, turn: Turn) -> Response:
        """Say what the skill can do instead; an unknown request type gets silence."""
        if not isinstance(turn.request, IntentRequest):
            log.info("unhandled request type: %s", envelope.request_type(turn.envelope))
            return turn.silence()
        return turn.answer_without_state(
            lambda voice: Reply(
                voice.say("unknown.intent"), voice.say("ask.what_next"), must_answer=True
            )
        )
