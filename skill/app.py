"""Builds the skill: ONE ordered registration list (order is priority) and the invoke path."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model.request_envelope import RequestEnvelope

from skill.alexa.services import AlexaApis
from skill.config import Settings
from skill.handlers.base import Handler
from skill.handlers.data import DeleteDataHandler
from skill.handlers.dialog import (
    FallbackHandler,
    HelpHandler,
    NoHandler,
    SessionEndedHandler,
    StopHandler,
    UnhandledHandler,
    YesHandler,
)
from skill.handlers.errors import CatchAllHandler, StoreDownHandler
from skill.handlers.events import SkillEventHandler
from skill.handlers.goals import ListGoalsHandler, RemoveGoalHandler, SetGoalHandler
from skill.handlers.progress import EncourageHandler, ProgressHandler
from skill.handlers.reminders import (
    CancelReminderHandler,
    PermissionAnswerHandler,
    SetReminderHandler,
)
from skill.handlers.routines import TaskHandler
from skill.handlers.safety import SafetyHandler
from skill.handlers.steps import (
    CompleteStepHandler,
    GetStepHandler,
    LaunchHandler,
    RateStepHandler,
    ResizeHandler,
    SkipStepHandler,
)
from skill.handlers.turn import Deps
from skill.serializer import FastSerializer
from skill.store import Store, open_store

log = logging.getLogger(__name__)

# Order is priority: safety first, the catch-all last.
HANDLERS: tuple[type[Handler], ...] = (
    SafetyHandler,
    SkillEventHandler,
    TaskHandler,
    LaunchHandler,
    GetStepHandler,
    CompleteStepHandler,
    RateStepHandler,
    SkipStepHandler,
    ResizeHandler,
    SetGoalHandler,
    ListGoalsHandler,
    RemoveGoalHandler,
    ProgressHandler,
    EncourageHandler,
    SetReminderHandler,
    CancelReminderHandler,
    PermissionAnswerHandler,
    DeleteDataHandler,
    YesHandler,
    NoHandler,
    HelpHandler,
    FallbackHandler,
    StopHandler,
    SessionEndedHandler,
    UnhandledHandler,
)


class RequestRejected(Exception):
    """A request this skill must not answer (another skill's id). Raised, never answered."""


def registered_intents() -> set[str]:
    """Every intent name a handler answers (checked against the interaction model)."""
    return {name for handler in HANDLERS for name in handler.intents}


def build_skill(
    store: Store,
    clock: Callable[[], datetime] | None = None,
    apis: AlexaApis | None = None,
) -> CustomSkill:
    """The skill with its handlers, built around an injected store, clock and Alexa APIs."""
    serializer = FastSerializer()
    apis = apis or AlexaApis(serializer=serializer)
    deps = Deps(store, apis=apis) if clock is None else Deps(store, clock, apis)
    builder = SkillBuilder()
    for handler in HANDLERS:
        builder.add_request_handler(handler(deps))
    builder.add_exception_handler(StoreDownHandler())
    builder.add_exception_handler(CatchAllHandler())
    skill: CustomSkill = builder.create()
    skill.serializer = serializer
    return skill


class KaizenSkill:
    """The skill plus the checks around it: JSON in, JSON out, other skills' ids refused."""

    def __init__(
        self, store: Store, skill_id: str | None = None, apis: AlexaApis | None = None
    ) -> None:
        self.store = store
        self.skill_id = skill_id
        self.skill = build_skill(store, apis=apis)

    @classmethod
    def from_settings(cls, settings: Settings) -> KaizenSkill:
        """The skill wired as the settings say."""
        return cls(open_store(settings.store_url), settings.skill_id)

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        """Answer one request envelope (as parsed JSON) with a response envelope.

        A wrong application id raises RequestRejected. An envelope the SDK cannot even read
        gets a short spoken apology rather than an error, so Alexa still says something.
        """
        self._check_skill_id(event)
        try:
            envelope = self.skill.serializer.deserialize(
                payload=json.dumps(event), obj_type=RequestEnvelope
            )
        except Exception as error:  # the SDK raises bare exceptions on malformed input
            log.warning("unreadable request envelope: %s", type(error).__name__)
            return _apology()
        response = self.skill.invoke(request_envelope=envelope, context=None)
        result = self.skill.serializer.serialize(response)
        return result if isinstance(result, dict) else _apology()

    def _check_skill_id(self, event: dict[str, Any]) -> None:
        if self.skill_id is None:
            return
        application_id = _application_id(event)
        if application_id != self.skill_id:
            log.warning("request for another skill rejected")
            raise RequestRejected("application id does not match KAIZEN_SKILL_ID")


def _application_id(event: Any) -> str | None:
    """The application id from context.System (or, for old envelopes, the session)."""
    for path in (
        ("context", "System", "application", "applicationId"),
        ("session", "application", "applicationId"),
    ):
        node = event
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str):
            return node
    return None


def _apology() -> dict[str, Any]:
    from skill.speech.phrasebook import phrasebook

    speech = phrasebook(None).variants("error.general")[0]
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": f"<speak>{speech}</speak>"},
            "shouldEndSession": True,
        },
    }
