"""The base every handler shares: built with its dependencies, one Turn per request."""

from __future__ import annotations

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill.handlers.turn import Deps, Turn, intent_name


class Handler(AbstractRequestHandler):
    """A request handler holding its dependencies; subclasses implement `respond(turn)`.

    `intents` lists the intent names it answers (the registration test checks them against
    the interaction model); handlers for other request types override `can_handle`.
    """

    intents: tuple[str, ...] = ()

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Answer the intents this handler lists."""
        return intent_name(handler_input) in self.intents

    def handle(self, handler_input: HandlerInput) -> Response:
        """Build the Turn and answer."""
        return self.respond(Turn(handler_input, self.deps))

    def respond(self, turn: Turn) -> Response:
        """Answer one request."""
        raise NotImplementedError
