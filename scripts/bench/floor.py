"""The floor every turn is measured against: a minimal ask-sdk-core hello-world skill.

It does what any ask-sdk-core skill must (deserialise the envelope, dispatch, build and
serialise the response) and nothing else: no state, no rules, no phrasebook.
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import Response


class HelloWorld(AbstractRequestHandler):  # type: ignore[misc]
    """Answers every request with the same sentence."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        builder = handler_input.response_builder
        return builder.speak("Hello world!").set_should_end_session(True).response


def hello_world_handler() -> Any:
    """The hello-world skill's `lambda_handler(event, context)`."""
    builder = SkillBuilder()
    builder.add_request_handler(HelloWorld())
    return builder.lambda_handler()
