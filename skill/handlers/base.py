"""The base every handler shares: built with its dependencies, one Turn per request."""

from __future__ import annotations

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill import envelope
from skill.handlers.questions import heard_as, pending
from skill.handlers.turn import Deps, Turn


def heard_intent(handler_input: HandlerInput) -> str | None:
    """The intent the words mean, given the question pending in the session (if any)."""
    request_envelope = handler_input.request_envelope
    name = envelope.intent_name(request_envelope)
    if name is None or request_envelope.session is None:
        return name
    return heard_as(pending(request_envelope.session.attributes or {}), name)


class Handler(AbstractRequestHandler):
    """A request handler holding its dependencies; subclasses implement `respond(turn)`.

    `intents` lists the intent names it answers (the registration test checks them against
    the interaction model); handlers for other request types override `can_handle`.
    """

    intents: tuple[str, ...] = ()

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Answer the intents this handler lists (as heard while a question is pending)."""
        return heard_intent(handler_input) in self.intents

    def handle(self, handler_input: HandlerInput) -> Response:
        """Build the Turn and answer."""
        return self.respond(Turn(handler_input, self.deps))

    def respond(self, turn: Turn) -> Response:
        """Answer one request."""
        raise NotImplementedError
