"""One request's context for handlers: who, which local day, what was said, and how to reply.

Handlers stay thin by asking a Turn for the user's day, reading slots through it, changing
state through `Turn.change` (a versioned read-modify-write) and replying through `Turn.reply`.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.directive import Directive
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response
from ask_sdk_model.slu.entityresolution.status_code import StatusCode
from ask_sdk_model.ui.card import Card

from skill.alexa.services import AlexaApis, RequestApis
from skill.alexa.settings import fetch_time_zone, next_check
from skill.coach import plan
from skill.coach.state import UserState
from skill.speech.phrasebook import Phrasebook, phrasebook
from skill.speech.ssml import Ssml, join, sentences
from skill.speech.voice import Voice
from skill.store import Store, update, user_key

log = logging.getLogger(__name__)

T = TypeVar("T")

# Session attribute names, in one place.
DIALOG = "dialog"
GOAL = "goal"
OFFER = "offer"
SAID = "said"


class Dialog:
    """Where the user is in a conversation: what the last question was."""

    CHOOSE_AREA = "choose_area"
    CHOOSE_REMOVE = "choose_remove"
    FEELING = "feeling"
    OFFER_SMALLER = "offer_smaller"
    OFFER_PROGRESS = "offer_progress"
    CONFIRM_DELETE = "confirm_delete"
    REMINDER_TIME = "reminder_time"


@dataclass(frozen=True)
class Deps:
    """What handlers are built with: the store, a fallback clock, and Alexa's APIs."""

    store: Store
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    apis: AlexaApis | None = None


@dataclass(frozen=True)
class Day:
    """The user's local day as an action sees it: the date, its news, and the voice to use."""

    today: date
    news: plan.DayStart
    voice: Voice


@dataclass(frozen=True)
class Reply:
    """What to say: the speech, an optional question to keep listening for, and its context.

    `dialog` names the question (Help and Fallback answer according to it); `session` holds
    what a Yes or a later answer needs (which goal, which offer). `hand_over` means one of
    the `directives` takes the conversation from here (a permission prompt): the reply then
    neither asks nor ends the session.
    """

    speech: Ssml
    question: Ssml | None = None
    reprompt: Ssml | None = None
    dialog: str | None = None
    must_answer: bool = False
    session: Mapping[str, Any] = field(default_factory=dict)
    card: Card | None = None
    directives: tuple[Directive, ...] = ()
    hand_over: bool = False


@dataclass(frozen=True)
class SlotValue:
    """A slot as the skill uses it: the entity-resolution id if matched, and the raw words."""

    id: str | None
    words: str | None


class Turn:
    """Everything one request needs, read once from the envelope."""

    def __init__(self, handler_input: HandlerInput, deps: Deps) -> None:
        self.input = handler_input
        self.deps = deps
        envelope = handler_input.request_envelope
        self.request = envelope.request
        self.book: Phrasebook = phrasebook(getattr(self.request, "locale", None))
        session = envelope.session
        # Requests outside a session (skill events, tasks) have no attributes to keep, and
        # the SDK raises if asked for them.
        attributes = (
            handler_input.attributes_manager.session_attributes if session is not None else None
        )
        self.session: dict[str, Any] = attributes if attributes is not None else {}
        self.one_shot = bool(session is None or session.new) and isinstance(
            self.request, IntentRequest
        )
        self._user_id = _user_id(handler_input)
        stamp = getattr(self.request, "timestamp", None)
        self.instant: datetime = stamp if isinstance(stamp, datetime) else deps.clock()
        if self.instant.tzinfo is None:
            self.instant = self.instant.replace(tzinfo=UTC)
        seed = getattr(self.request, "request_id", None) or self.instant.isoformat()
        self._rng = random.Random(seed)
        self._calls: dict[Hashable, tuple[bool, Any]] = {}

    @cached_property
    def apis(self) -> RequestApis | None:
        """Alexa's API clients for this request (None without an endpoint and token)."""
        if self.deps.apis is None:
            return None
        return self.deps.apis.for_request(self.input.request_envelope)

    @property
    def key(self) -> str:
        """The user's storage key; a request without a user cannot touch stored state."""
        if self._user_id is None:
            raise MissingUser("request carries no user id")
        return user_key(self._user_id)

    # -- dialog state -------------------------------------------------------------------

    @property
    def dialog(self) -> str | None:
        """The question the skill asked last in this session, if any."""
        value = self.session.get(DIALOG)
        return value if isinstance(value, str) else None

    def set_dialog(self, dialog: str | None, **extra: Any) -> None:
        """Remember the question just asked (None: nothing pending)."""
        self.session.pop(DIALOG, None)
        self.session.pop(OFFER, None)
        if dialog:
            self.session[DIALOG] = dialog
        self.session.update(extra)

    # -- time and state -----------------------------------------------------------------

    def today(self, state: UserState | None) -> date:
        """The user's local day at the request's own timestamp (UTC when the zone is unknown)."""
        zone_name = state.time_zone if state else None
        try:
            zone = ZoneInfo(zone_name) if zone_name else UTC
        except (ZoneInfoNotFoundError, ValueError):
            zone = UTC
        return self.instant.astimezone(zone).date()

    def once(self, key: Hashable, call: Callable[[], T]) -> T:
        """Run an outside call (an Alexa API) at most once per request for `key`.

        `change` may run its action again after a conflicting write; the action must stay
        pure, so its calls to the outside world are remembered here, failures included.
        """
        if key not in self._calls:
            try:
                self._calls[key] = (True, call())
            except Exception as error:  # remembered and raised again below, unchanged
                self._calls[key] = (False, error)
        succeeded, value = self._calls[key]
        if not succeeded:
            raise value
        result: T = value
        return result

    def with_zone(self, state: UserState) -> UserState:
        """State whose cached time zone is fresh: looked up again once it is due.

        The lookup happens at most once per request, even if a conflicting write makes
        `change` run its action again. A failed lookup keeps the cached zone (UTC if none)
        and is retried after a while, not on every turn.
        """
        until = state.time_zone_until
        if until is not None and self.instant < until:
            return state
        found = self.once("time zone", lambda: fetch_time_zone(self.apis))
        return replace(
            state,
            time_zone=found or state.time_zone,
            time_zone_until=next_check(self.instant, found is not None),
        )

    def voice(self, state: UserState | None) -> Voice:
        """A voice remembering what this user heard last, from state and this session."""
        memory = dict(state.spoken) if state else {}
        said = self.session.get(SAID)
        if isinstance(said, dict):
            memory.update({k: v for k, v in said.items() if isinstance(v, int)})
        return Voice(self.book, memory, random.Random(self._rng.random()))

    def change(self, action: Callable[[UserState, Day], tuple[UserState, Reply]]) -> Reply:
        """Open the user's day, apply `action`, and store the result with a versioned write.

        `action` receives the state after the day's catch-up and returns the new state and
        the reply; it may run again after a conflicting write, so it must be pure. The voice's
        memory of what was said is stored in the same write.
        """

        def apply(current: UserState | None) -> tuple[UserState, tuple[Reply, Voice]]:
            state = self.with_zone(current or UserState())
            today = self.today(state)
            voice = self.voice(state)
            state, news = plan.start_day(state, today)
            state, reply = action(state, Day(today, news, voice))
            state = replace(state, spoken=tuple(voice.memory.items()))
            return state, (reply, voice)

        reply, voice = update(self.deps.store, self.key, apply)
        self.session[SAID] = voice.memory
        return reply

    def answer_without_state(self, build: Callable[[Voice], Reply]) -> Response:
        """Reply without touching the store (help, stop, fallback, questions).

        The phrase memory of such a reply lives in the session only.
        """
        voice = self.voice(None)
        reply = build(voice)
        self.session[SAID] = voice.memory
        return self.answer(reply)

    # -- slots ---------------------------------------------------------------------------

    def slot(self, name: str) -> SlotValue:
        """A slot's resolved id (only on ER_SUCCESS_MATCH) and raw words; empty if absent."""
        request = self.request
        if not isinstance(request, IntentRequest) or request.intent is None:
            return SlotValue(None, None)
        slot = (request.intent.slots or {}).get(name)
        if slot is None:
            return SlotValue(None, None)
        words = slot.value.strip() if isinstance(slot.value, str) and slot.value.strip() else None
        resolved: str | None = None
        resolutions = getattr(slot, "resolutions", None)
        for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
            code = getattr(getattr(authority, "status", None), "code", None)
            if code == StatusCode.ER_SUCCESS_MATCH and authority.values:
                value = authority.values[0].value
                resolved = getattr(value, "id", None) or None
                break
        return SlotValue(resolved, words)

    # -- replies -------------------------------------------------------------------------

    def answer(self, reply: Reply) -> Response:
        """Turn a Reply into the response, keeping the dialog state in the session.

        A one-shot request ("Alexa, ask kaizen coach ...") ends after its answer unless its
        question must be answered (a confirmation, or a choice the request itself needs).
        """
        builder = self.input.response_builder
        self.set_dialog(None)
        if reply.card is not None:
            builder.set_card(reply.card)
        for directive in reply.directives:
            builder.add_directive(directive)
        if reply.hand_over:
            if reply.speech:
                builder.speak(sentences(reply.speech))
            return builder.response
        listening = reply.question is not None and (reply.must_answer or not self.one_shot)
        if listening and reply.question is not None:
            self.set_dialog(reply.dialog, **reply.session)
            builder.speak(sentences(join(reply.speech, reply.question)))
            builder.ask(sentences(reply.reprompt or reply.question))
            builder.set_should_end_session(False)
        else:
            # A one-shot whose only words were a question still answers with them.
            speech = reply.speech or reply.question
            if speech:
                builder.speak(sentences(speech))
            builder.set_should_end_session(True)
        return builder.response


class MissingUser(Exception):
    """The request names no user, so there is no state to read or write."""


def _user_id(handler_input: HandlerInput) -> str | None:
    envelope = handler_input.request_envelope
    system = getattr(getattr(envelope, "context", None), "system", None)
    user = getattr(system, "user", None) or getattr(envelope.session, "user", None)
    user_id = getattr(user, "user_id", None)
    return user_id if isinstance(user_id, str) and user_id else None


def intent_name(handler_input: HandlerInput) -> str | None:
    """The intent's name for an IntentRequest, else None."""
    request = handler_input.request_envelope.request
    if isinstance(request, IntentRequest) and request.intent is not None:
        name = request.intent.name
        return name if isinstance(name, str) else None
    return None
