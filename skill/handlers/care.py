"""Handlers for a hard day: a rough day gets warmth without advice, an injury sympathy and rest.

Neither stores anything about the feeling or the hurt: the plan simply bends (the starter for
today, or rest), and "how did it feel" is never asked here.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response

from skill.coach import progression
from skill.coach.areas import STARTER
from skill.coach.state import UserState
from skill.handlers.base import Handler, heard_intent
from skill.handlers.questions import GOAL, Dialog
from skill.handlers.reply import Reply
from skill.handlers.turn import Day, Turn
from skill.safety import Concern, assess
from skill.speech.ssml import join


class RoughDayHandler(Handler):
    """'I feel terrible today', 'I failed again': it's normal, the plan bends."""

    intents = ("RoughDayIntent",)

    def respond(self, turn: Turn) -> Response:
        """Warmth, then the starter for today (if there is a step left) or rest."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            voice, book = day.voice, day.voice.book
            warmth = voice.say("rough.warm")
            left = day.plan(state).left
            goal = left[0] if left else None
            if goal is None or not progression.can_offer_starter(goal, day.today):
                return state, Reply(join(warmth, voice.say("rough.rest")))
            return state, Reply(
                warmth,
                voice.say("rough.offer_starter", step=book.step(goal, STARTER)),
                voice.say("reprompt.yes_no"),
                dialog=Dialog.OFFER_STARTER,
                session={GOAL: goal.key},
            )

        return turn.answer(turn.change(action))


class InjuryHandler(Handler):
    """'I hurt my ankle on the walk': sympathy and rest; the step waits. Never the crisis script.

    Also answers words of injury said where a goal's name was expected.
    """

    intents = ("InjuryIntent",)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """The injury intent, or a slot whose words speak of an injury."""
        if heard_intent(handler_input) in self.intents:
            return True
        request = handler_input.request_envelope.request
        if not isinstance(request, IntentRequest) or request.intent is None:
            return False
        slots = request.intent.slots or {}
        heard = (getattr(s, "value", None) for s in slots.values())
        return any(assess(words, request.locale) is Concern.INJURY for words in heard)

    def respond(self, turn: Turn) -> Response:
        """Sympathy and rest; nothing about the hurt is kept."""
        return turn.answer_without_state(
            lambda voice: Reply(join(voice.say("injury.sorry"), voice.say("injury.rest")))
        )
