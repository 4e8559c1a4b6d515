"""One request as handlers see it: who, which local day, what was said, and the state change.

A Turn reads the envelope once (through `skill.envelope`), gives handlers the user's day and
the slots they asked for, and changes stored state through `Turn.change`: a versioned
read-modify-write whose action is pure. A turn that changes nothing a person would notice
(asking for today's step, hearing progress) writes nothing. Replies are values
(`reply.Reply`), turned into the SDK's response by `Turn.answer`.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response

from skill import envelope
from skill.alexa.reminders import ReminderFailure, update_text
from skill.alexa.services import AlexaApis, RequestApis
from skill.alexa.settings import ZoneMemory, fetch_time_zone, refreshed_zone
from skill.coach import plan
from skill.coach.state import UserState
from skill.coach.today import DayPlan, plan_day
from skill.handlers import talk
from skill.handlers.questions import ASK_AGAIN_AT_MOST, ASKED, SAID, Dialog, heard_as, pending
from skill.handlers.reply import Reply, render
from skill.speech.phrasebook import Phrasebook, phrasebook
from skill.speech.voice import Voice
from skill.store import Record, Store, user_key
from skill.store import update as versioned_update

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Deps:
    """What handlers are built with: the store, a fallback clock, Alexa's APIs, and the
    process's memory of recent time-zone lookups."""

    store: Store
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    apis: AlexaApis | None = None
    zones: ZoneMemory = field(default_factory=ZoneMemory)


@dataclass(frozen=True)
class Day:
    """The user's local day as an action sees it: the date, its news, and the voice to use.

    `first_weekday` is the day the person's weeks start on (their locale's: 6 is Sunday).
    `others_reminders`: the reminders of everyone else in the household (Alexa lists them
    all together for the account), which this person's reminder must never touch.
    """

    today: date
    news: plan.DayStart
    voice: Voice
    first_weekday: int
    others_reminders: frozenset[str] = frozenset()

    def plan(self, state: UserState) -> DayPlan:
        """Today's plan for `state` (after whatever the action changed)."""
        return plan_day(state, self.today, self.first_weekday)


@dataclass(frozen=True)
class SlotValue:
    """A slot as the skill uses it: the entity-resolution id if matched, and the raw words."""

    id: str | None
    words: str | None


class MissingUser(Exception):
    """The request names no user, so there is no state to read or write."""


class Turn:
    """Everything one request needs, read once from the envelope."""

    def __init__(self, handler_input: HandlerInput, deps: Deps) -> None:
        self._input = handler_input
        self._deps = deps
        self.envelope = handler_input.request_envelope
        self.request = self.envelope.request
        self.book: Phrasebook = phrasebook(envelope.locale(self.envelope))
        session = self.envelope.session
        # Requests outside a session (skill events, tasks) have no attributes to keep, and
        # the SDK raises if asked for them.
        attributes = (
            handler_input.attributes_manager.session_attributes if session is not None else None
        )
        self.session: dict[str, Any] = attributes if attributes is not None else {}
        self.one_shot = bool(session is None or session.new) and isinstance(
            self.request, IntentRequest
        )
        self.dialog: Dialog | None = pending(self.session)
        self.intent: str | None = heard_as(self.dialog, envelope.intent_name(self.envelope))
        self._user_id = envelope.user_id(self.envelope)
        self.person_id = envelope.person_id(self.envelope)
        stamp = getattr(self.request, "timestamp", None)
        self.instant: datetime = stamp if isinstance(stamp, datetime) else deps.clock()
        if self.instant.tzinfo is None:
            self.instant = self.instant.replace(tzinfo=UTC)
        self._calls: dict[Hashable, tuple[bool, Any]] = {}

    @cached_property
    def apis(self) -> RequestApis | None:
        """Alexa's API clients for this request (None without an endpoint and token)."""
        if self._deps.apis is None:
            return None
        return self._deps.apis.for_request(self.envelope)

    @cached_property
    def has_screen(self) -> bool:
        """Whether the device shows APL (`Alexa.Presentation.APL` among its interfaces)."""
        device = getattr(getattr(self.envelope.context, "system", None), "device", None)
        interfaces = getattr(device, "supported_interfaces", None)
        if interfaces is None:
            return False
        from skill.screen import supports_apl  # only for turns that show something

        raw = {"context": {"System": {"device": {"supportedInterfaces": _json(interfaces)}}}}
        return supports_apl(raw)

    @property
    def has_user(self) -> bool:
        """Whether the request names a user (skill events and odd envelopes may not)."""
        return self._user_id is not None

    @property
    def key(self) -> str:
        """The user's storage key; a request without a user cannot touch stored state."""
        if self._user_id is None:
            raise MissingUser("request carries no user id")
        return user_key(self._user_id)

    @property
    def person(self) -> str | None:
        """The recognised person's key within the household record (hashed, as user ids are),
        or None when Alexa recognised nobody: then the account's own progress is used."""
        return user_key(self.person_id) if self.person_id else None

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
        """State whose cached time zone is fresh: looked up again (once per request) when due.

        A lookup this process made lately counts as fresh too, so a person whose turns write
        nothing is not looked up on every turn.
        """
        remembered = self._deps.zones.recall(self.key, self.instant)
        if remembered is not None:
            known_zone, known_until = remembered
            return replace(
                state, time_zone=known_zone or state.time_zone, time_zone_until=known_until
            )

        def lookup() -> str | None:
            return self.once("time zone", lambda: fetch_time_zone(self.apis))

        zone, until = refreshed_zone(state.time_zone, state.time_zone_until, self.instant, lookup)
        if "time zone" in self._calls and until is not None:
            self._deps.zones.remember(self.key, zone, until)
        if (zone, until) == (state.time_zone, state.time_zone_until):
            return state
        return replace(state, time_zone=zone, time_zone_until=until)

    @property
    def first_weekday(self) -> int:
        """The day the person's weeks start on, from their locale."""
        return self.book.first_weekday

    def voice(self, today: date) -> Voice:
        """A voice that avoids what this session already said and moves on each day."""
        said = self.session.get(SAID)
        memory = (
            {k: v for k, v in said.items() if isinstance(v, int)} if isinstance(said, dict) else {}
        )
        who = zlib.crc32((self._user_id or "").encode())
        return Voice(self.book, memory, who + today.toordinal())

    def change(self, action: Callable[[UserState, Day], tuple[UserState, Reply]]) -> Reply:
        """Open the user's day, apply `action`, and store the result with a versioned write.

        `action` receives the state after the day is opened (a return welcomed, a missed week
        eased) and returns the new state and the reply; it may run again after a conflicting
        write, so it must be pure. Nothing is written when nothing a person would notice
        changed. The daily reminder's words follow the step in the same write.
        """

        def apply(current: UserState | None) -> tuple[UserState | None, tuple[Reply, Voice]]:
            account = self.with_zone(current or UserState())
            person = self.person
            state = account.person(person) if person else account
            today = self.today(state)
            voice = self.voice(today)
            state, news = plan.open_day(state, today, self.first_weekday)
            others = _others_reminders(account, person)
            state, reply = action(state, Day(today, news, voice, self.first_weekday, others))
            state = self._reminder_following(state, voice)
            if person:
                # The device's zone is the account's, whoever spoke.
                account = replace(
                    account,
                    time_zone=state.time_zone,
                    time_zone_until=state.time_zone_until,
                )
                state = account.with_person(person, state)
            if plan.only_bookkeeping(current, state):
                return None, (reply, voice)
            return state, (reply, voice)

        reply, voice = versioned_update(self._deps.store, self.key, apply)
        self.session[SAID] = voice.memory
        return reply

    def _reminder_following(self, state: UserState, voice: Voice) -> UserState:
        """State whose daily reminder says today's focus step, updated through Alexa if needed.

        One Reminders call, inside the request's time budget; if it fails the stored words stay
        as they were, so a later turn tries again. A reminder deleted in the Alexa app is
        forgotten.
        """
        reminder = state.reminder
        if reminder is None or self.apis is None:
            return state
        wanted = talk.reminder_words(voice, state)
        if reminder.text == wanted:
            return state
        apis = self.apis
        try:
            gone = self.once(
                ("reminder words", reminder.token, wanted),
                lambda: update_text(
                    apis,
                    reminder.token,
                    reminder.at,
                    reminder.zone,
                    wanted,
                    self.book.locale,
                    self.instant,
                ),
            )
        except ReminderFailure as failure:
            log.info("reminder words not updated: %s", failure.failure.value)
            return state
        if gone:
            return replace(state, reminder=None)
        return replace(state, reminder=replace(reminder, text=wanted))

    def update(self, change: Callable[[UserState | None], tuple[UserState | None, T]]) -> T:
        """A versioned read-modify-write of the stored state as it is (no day is opened)."""
        return versioned_update(self._deps.store, self.key, change)

    def stored(self) -> Record | None:
        """The user's stored record as it is now (no day opened, nothing written)."""
        return self._deps.store.load(self.key)

    def forget_user(self) -> None:
        """Delete everything stored for this user."""
        self._deps.store.delete(self.key)

    def answer_without_state(self, build: Callable[[Voice], Reply]) -> Response:
        """Reply without touching the store (help, stop, fallback, questions).

        The phrase memory of such a reply lives in the session only.
        """
        voice = self.voice(self.instant.date())
        reply = build(voice)
        self.session[SAID] = voice.memory
        return self.answer(reply)

    # -- what was said -------------------------------------------------------------------

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
            if _matched(code) and authority.values:
                value = authority.values[0].value
                resolved = getattr(value, "id", None) or None
                break
        return SlotValue(resolved, words)

    def permission(self, scope: str) -> bool | None:
        """Whether the request says `scope` is granted (True), denied (False), or says nothing."""
        status = envelope.permission_status(self.envelope, scope)
        return None if status is None else status == "GRANTED"

    # -- replies -------------------------------------------------------------------------

    def answer(self, reply: Reply) -> Response:
        """The response for a reply, keeping the pending question in the session."""
        reply = self._not_asked_again_and_again(reply)
        return render(reply, self._input.response_builder, self.session, one_shot=self.one_shot)

    def _not_asked_again_and_again(self, reply: Reply) -> Reply:
        """The same question with nothing new, a third time, becomes a kind letting go.

        Someone who keeps saying "yes" to "easy, about right, or hard?" (or keeps being
        misheard) should not be held in a loop: after two asks again, the coach drops it. The
        open "what would you like?" after words it did not understand counts the same way.
        """
        asks = reply.question is not None and not reply.speech
        again = asks and reply.dialog == self.dialog
        if not again:
            self.session.pop(ASKED, None)
            return reply
        asked = self.session.get(ASKED)
        times = (asked if isinstance(asked, int) and not isinstance(asked, bool) else 0) + 1
        if times <= ASK_AGAIN_AT_MOST:
            self.session[ASKED] = times
            return reply
        self.session.pop(ASKED, None)
        voice = self.voice(self.instant.date())
        letting_go = Reply(voice.say("question.let_go"))
        self.session[SAID] = voice.memory
        return letting_go

    def silence(self) -> Response:
        """An empty response (skill events, session ends, unknown request types)."""
        return self._input.response_builder.response


def _others_reminders(account: UserState, person: str | None) -> frozenset[str]:
    """The reminder tokens of everyone in the household but the one speaking."""
    states = [("", account), *account.people]
    return frozenset(
        state.reminder.token
        for key, state in states
        if state.reminder is not None and key != (person or "")
    )


def _json(model: object) -> object:
    """An SDK model as the JSON it was read from (for readers of the raw request)."""
    from skill.serializer import FastSerializer

    return FastSerializer().serialize(model)


def _matched(code: object) -> bool:
    """Whether an entity-resolution status is a match (its enum imported only when a slot is)."""
    from ask_sdk_model.slu.entityresolution.status_code import StatusCode

    return bool(code == StatusCode.ER_SUCCESS_MATCH)
