"""Builds the skill: ONE ordered registration list (order is priority) and the invoke path."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model.request_envelope import RequestEnvelope

from skill.alexa.services import AlexaApis
from skill.config import Settings
from skill.envelope import raw_application_id
from skill.handlers.base import Handler
from skill.handlers.care import InjuryHandler, RoughDayHandler
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
from skill.handlers.errors import CatchAllHandler, StoreDownHandler, UnreadableRecordHandler
from skill.handlers.events import SkillEventHandler
from skill.handlers.goals import (
    ChangeGoalHandler,
    ListGoalsHandler,
    RemoveGoalHandler,
    SetGoalHandler,
)
from skill.handlers.progress import EncourageHandler, ProgressHandler, ReviewWeekHandler
from skill.handlers.reminders import (
    CancelReminderHandler,
    PermissionAnswerHandler,
    SetReminderHandler,
)
from skill.handlers.routines import RoutineResultHandler, TaskHandler
from skill.handlers.safety import SafetyHandler
from skill.handlers.steps import (
    CompleteStepHandler,
    GetStepHandler,
    KeepStepHandler,
    LaunchHandler,
    RateStepHandler,
    ResizeHandler,
    SkipStepHandler,
)
from skill.handlers.turn import Deps
from skill.limits import envelope_problem
from skill.observe import Outcome, OutcomeRecorder, RequestLog
from skill.serializer import FastSerializer
from skill.store import Store, StoreUnavailable, open_store

log = logging.getLogger(__name__)

# Order is priority: safety first (crisis words anywhere), then an injury said anywhere, the
# catch-all last.
HANDLERS: tuple[type[Handler], ...] = (
    SafetyHandler,
    InjuryHandler,
    SkillEventHandler,
    TaskHandler,
    RoutineResultHandler,
    LaunchHandler,
    GetStepHandler,
    CompleteStepHandler,
    RateStepHandler,
    SkipStepHandler,
    ResizeHandler,
    KeepStepHandler,
    SetGoalHandler,
    ChangeGoalHandler,
    ListGoalsHandler,
    RemoveGoalHandler,
    ProgressHandler,
    ReviewWeekHandler,
    EncourageHandler,
    RoughDayHandler,
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


class UnreadableRequest(Exception):
    """The envelope cannot be read as a request (or not safely: too deep or too big)."""


def registered_intents() -> set[str]:
    """Every intent name a handler answers (checked against the interaction model)."""
    return {name for handler in HANDLERS for name in handler.intents}


def build_skill(
    store: Store, apis: AlexaApis | None = None, serializer: FastSerializer | None = None
) -> CustomSkill:
    """The skill with its handlers, built around an injected store and Alexa's APIs."""
    serializer = serializer or FastSerializer()
    deps = Deps(store, apis=apis or AlexaApis(serializer=serializer))
    builder = SkillBuilder()
    for handler in HANDLERS:
        builder.add_request_handler(handler(deps))
    builder.add_exception_handler(OutcomeRecorder())  # first: notes what failed, handles nothing
    builder.add_exception_handler(StoreDownHandler())
    builder.add_exception_handler(UnreadableRecordHandler())
    builder.add_exception_handler(CatchAllHandler())
    skill: CustomSkill = builder.create()
    skill.serializer = serializer
    return skill


class KaizenSkill:
    """The one front door: Lambda and the webservice both hand it the request's JSON.

    `admit` holds the rules for which requests this skill answers at all (the skill id, and
    an envelope the SDK can copy and read without running out of stack), so the webservice
    can refuse early and both paths share them; `answer` reads the envelope and
    answers it; `invoke` is Lambda's contract, where an unreadable envelope still gets words.
    """

    def __init__(
        self, store: Store, skill_id: str | None = None, apis: AlexaApis | None = None
    ) -> None:
        self.store = store
        self.skill_id = skill_id
        self.requests = RequestLog()  # one JSON line per request; observers add metrics
        self._serializer = FastSerializer()
        self._skill = build_skill(store, apis=apis, serializer=self._serializer)

    @classmethod
    def from_settings(cls, settings: Settings) -> KaizenSkill:
        """The skill wired as the settings say."""
        return cls(open_store(settings.store_url), settings.skill_id)

    def admit(self, event: Mapping[str, Any]) -> None:
        """Raise RequestRejected for another skill's request (when an id is set), and
        UnreadableRequest for an envelope too deep or too big to read safely.

        The second is UnreadableRequest, not RequestRejected, because it may be ours: Lambda
        answers it with the spoken apology, the webservice with a 400.
        """
        if self.skill_id is not None and raw_application_id(event) != self.skill_id:
            log.warning("request for another skill rejected")
            raise RequestRejected("application id does not match KAIZEN_SKILL_ID")
        if problem := envelope_problem(event):
            raise UnreadableRequest(problem)

    def answer(self, event: Mapping[str, Any], *, admitted: bool = False) -> dict[str, Any]:
        """The response envelope for a request envelope (as parsed JSON), logged as one line.

        Raises RequestRejected for another skill's request and UnreadableRequest when the SDK
        cannot read the envelope. `admitted`: the caller has already run `admit` on it.
        """
        with self.requests.around(event, _outcome_of):
            return self._answer(event, admitted)

    def _answer(self, event: Mapping[str, Any], admitted: bool) -> dict[str, Any]:
        if not admitted:
            self.admit(event)
        serializer = self._serializer
        try:
            # The parsed JSON is read as it is: dumping it to text for the SDK to parse again
            # cost a tenth of a webservice turn.
            envelope = serializer.deserialize_parsed(event, RequestEnvelope)
        except Exception as error:  # the SDK raises bare exceptions on malformed input
            raise UnreadableRequest(type(error).__name__) from error
        if getattr(envelope, "request", None) is None:
            raise UnreadableRequest("no request in the envelope")
        response = self._skill.invoke(request_envelope=envelope, context=None)
        result = serializer.serialize(response)
        if not isinstance(result, dict):
            raise UnreadableRequest("the response did not serialise to an object")
        return result

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        """Lambda's answer: as `answer`, but an unreadable envelope gets a spoken apology.

        A wrong application id still raises RequestRejected: that request is not ours.
        """
        try:
            return self.answer(event)
        except UnreadableRequest as error:
            log.warning("unreadable request envelope: %s", error)
            return _apology()


def _outcome_of(error: BaseException) -> tuple[Outcome, str | None]:
    """What an exception leaving `answer` means for the operator's log and metrics."""
    if isinstance(error, RequestRejected):
        return Outcome.REFUSED, "skill_id"
    if isinstance(error, UnreadableRequest):
        return Outcome.UNREADABLE, None
    if isinstance(error, StoreUnavailable):
        return Outcome.STORE_UNAVAILABLE, None
    return Outcome.ERROR, type(error).__name__


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
