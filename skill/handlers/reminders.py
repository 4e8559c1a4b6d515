"""Handlers for the daily reminder: set it, move it, cancel it, and the permission answer.

One reminder per user. The Reminders API is called inside the versioned state change (once
per request, see `Turn.once`), so the stored alert token always names the reminder Alexa
really has: a failed call changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import time

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.interfaces.connections.connections_response import ConnectionsResponse
from ask_sdk_model.response import Response
from ask_sdk_model.ui.ask_for_permissions_consent_card import AskForPermissionsConsentCard

from skill.alexa.reminders import (
    REMINDERS_SCOPE,
    DailyReminder,
    Failure,
    ReminderFailure,
    ask_for_permission,
    cancel,
    schedule,
)
from skill.alexa.services import RequestApis
from skill.coach.state import Reminder, UserState
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import Dialog
from skill.handlers.reply import Reply
from skill.handlers.turn import Day, Turn
from skill.speech.ssml import Ssml
from skill.speech.voice import Voice

# AMAZON.TIME's words for parts of the day, as times a reminder can use.
PARTS_OF_DAY = {"MO": time(8, 0), "AF": time(13, 0), "EV": time(19, 0), "NI": time(21, 0)}
_CLOCK = re.compile(r"^T?(\d{1,2})(?::(\d{2}))?$")
# The token sent with the permission prompt comes back with the answer: it carries the time.
_TOKEN_PREFIX = "reminder@"  # noqa: S105 (a label, not a secret)

_FAILURE_KEYS = {
    Failure.TOO_MANY: "reminder.too_many",
    Failure.REFUSED: "reminder.refused",
    Failure.UNAVAILABLE: "reminder.unavailable",
    Failure.NEEDS_PERMISSION: "reminder.unavailable",
}


def reminder_time(value: str | None) -> time | None:
    """An AMAZON.TIME value ('08:00', '20:30', 'MO', 'EV') as a time of day, else None."""
    if not value:
        return None
    text = value.strip().upper()
    if text in PARTS_OF_DAY:
        return PARTS_OF_DAY[text]
    match = _CLOCK.match(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class SetReminderHandler(Handler):
    """'Remind me every day at 8 am': ask the time if missing, then set or move the reminder."""

    intents = ("SetReminderIntent",)

    def respond(self, turn: Turn) -> Response:
        """Set the reminder at the spoken time."""
        if turn.apis is None:
            # No Alexa API in this request (the local chat without --alexa-apis): say so
            # honestly rather than promise a retry that can never work.
            return turn.answer_without_state(lambda voice: Reply(voice.say("reminder.no_apis")))
        slot = turn.slot("time")
        at = reminder_time(slot.words)
        if at is None:
            key = "reminder.time_unclear" if slot.words else "reminder.which_time"
            return turn.answer_without_state(_ask_time(key))
        if turn.permission(REMINDERS_SCOPE) is False:
            return turn.answer(_ask_permission(at))
        return set_reminder(turn, at)


class PermissionAnswerHandler(Handler):
    """The answer to the voice permission prompt (a Connections.Response for AskFor)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """A Connections.Response named AskFor."""
        request = handler_input.request_envelope.request
        return isinstance(request, ConnectionsResponse) and request.name == "AskFor"

    def respond(self, turn: Turn) -> Response:
        """Accepted: set the reminder asked for. Otherwise: how to allow it, and a card."""
        request = turn.request
        assert isinstance(request, ConnectionsResponse)
        payload = request.payload if isinstance(request.payload, dict) else {}
        status_code = getattr(getattr(request, "status", None), "code", None)
        accepted = str(status_code) == "200" and payload.get("status") == "ACCEPTED"
        at = _time_from_token(request.token)
        if accepted and at is not None:
            return set_reminder(turn, at)
        if accepted:
            return turn.answer_without_state(_ask_time("reminder.which_time"))
        return turn.answer_without_state(_consent_card_reply)


class CancelReminderHandler(Handler):
    """'Stop reminding me': delete the reminder, and forget it only once Alexa has."""

    intents = ("CancelReminderIntent",)

    def respond(self, turn: Turn) -> Response:
        """Cancel the daily reminder, if there is one."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            voice = day.voice
            reminder = state.reminder
            if reminder is None:
                return state, Reply(voice.say("reminder.none"))
            try:
                turn.once(
                    ("cancel", reminder.token),
                    lambda: cancel(_apis(turn), reminder.token, day.others_reminders),
                )
            except ReminderFailure as failure:
                key = (
                    "reminder.cancel_not_allowed"
                    if failure.failure is Failure.NEEDS_PERMISSION
                    else _FAILURE_KEYS[failure.failure]
                )
                return state, Reply(voice.say(key))
            return replace(state, reminder=None), Reply(voice.say("reminder.cancelled"))

        return turn.answer(turn.change(action))


def set_reminder(turn: Turn, at: time) -> Response:
    """Create or move the user's daily reminder to `at` in their own time zone."""
    locale = turn.book.locale

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        voice = day.voice
        zone = state.time_zone
        if zone is None:
            return state, Reply(voice.say("reminder.no_zone"))
        words = talk.reminder_words(voice, state)
        wanted = DailyReminder(at, zone, words, locale)
        old = state.reminder
        replacing = old.token if old else None
        try:
            token = turn.once(
                ("schedule", replacing, wanted),
                lambda: schedule(
                    _apis(turn), wanted, replacing, turn.instant, day.others_reminders
                ),
            )
        except ReminderFailure as failure:
            if failure.failure is Failure.NEEDS_PERMISSION:
                return state, _ask_permission(at)
            return state, Reply(voice.say(_FAILURE_KEYS[failure.failure]))
        said = voice.book.clock(at)
        key = "reminder.moved" if old is not None and old.at != at else "reminder.set"
        return replace(state, reminder=Reminder(token, at, zone, words)), Reply(
            voice.say(key, time=said)
        )

    return turn.answer(turn.change(action))


def _apis(turn: Turn) -> RequestApis:
    """The request's Alexa API clients; a request that names none cannot reach reminders."""
    if turn.apis is None:
        raise ReminderFailure(Failure.UNAVAILABLE)
    return turn.apis


def _ask_time(key: str) -> Callable[[Voice], Reply]:
    """Ask which time of day the reminder should be, and wait for the answer."""
    return lambda voice: Reply(
        Ssml(""), voice.say(key), dialog=Dialog.REMINDER_TIME, must_answer=True
    )


def _consent_card_reply(voice: Voice) -> Reply:
    return Reply(
        voice.say("reminder.permission_denied"),
        card=AskForPermissionsConsentCard(permissions=[REMINDERS_SCOPE]),
    )


def _ask_permission(at: time) -> Reply:
    return Reply(Ssml(""), directives=(ask_for_permission(_token_for(at)),), hand_over=True)


def _token_for(at: time) -> str:
    return f"{_TOKEN_PREFIX}{at.strftime('%H:%M')}"


def _time_from_token(token: str | None) -> time | None:
    if not token or not token.startswith(_TOKEN_PREFIX):
        return None
    return reminder_time(token[len(_TOKEN_PREFIX) :])
