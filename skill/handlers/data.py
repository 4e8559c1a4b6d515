"""Handlers for 'delete my data': ask first, then forget what is kept for whoever asked
(a recognised person, or the account and, if it says so, the whole household)."""

from __future__ import annotations

import logging

from ask_sdk_model.response import Response

from skill.alexa.reminders import ReminderFailure, cancel
from skill.coach.state import UserState
from skill.handlers.base import Handler
from skill.handlers.questions import Dialog, on_yes
from skill.handlers.reply import Reply
from skill.handlers.turn import Turn
from skill.store import CorruptState

log = logging.getLogger(__name__)


class DeleteDataHandler(Handler):
    """'Delete my data': confirm with a yes/no question before anything is removed."""

    intents = ("DeleteDataIntent",)

    def respond(self, turn: Turn) -> Response:
        """Ask for confirmation; nothing is deleted yet."""
        return turn.answer_without_state(
            lambda voice: Reply(
                voice.say("delete.warning"),
                voice.say("delete.confirm"),
                dialog=Dialog.CONFIRM_DELETE,
                must_answer=True,
            )
        )


@on_yes(Dialog.CONFIRM_DELETE)
def delete_confirmed(turn: Turn) -> Response:
    """'Yes': turn off the daily reminder, delete what is kept for the speaker, end kindly.

    A recognised person's own progress is removed from the household's record; the account
    (nobody recognised) loses its own, and is then asked about everyone else's, if anyone
    else in the household has progress kept. The reminder goes first (best effort): once the
    progress is gone the skill no longer knows it, and a reminder from a coach that has
    forgotten you would be a poor surprise. A record that cannot be read is deleted all the
    same: deletion never depends on reading.
    """
    try:
        record = turn.stored()
    except CorruptState:
        log.warning("deleting a record that cannot be read")
        record = None
    account = record.state if record else None
    person = turn.person
    if account is None:
        turn.forget_user()
        return _done(turn, "delete.done")
    own = account.person(person) if person else account
    everyone = [account, *(state for _, state in account.people)]
    others = frozenset(
        s.reminder.token for s in everyone if s.reminder and s.reminder != own.reminder
    )
    _cancel_reminders(turn, [own], others)
    if person:
        turn.update(lambda state: ((state or UserState()).without_person(person), None))
        log.info("a person's data deleted")
        return _done(turn, "delete.done")
    if not account.people:
        turn.forget_user()
        log.info("user data deleted")
        return _done(turn, "delete.done")
    turn.update(lambda state: (_only_people(state), None))
    log.info("the account's own data deleted; asking about the household")
    turn.session.clear()
    return turn.answer_without_state(
        lambda voice: Reply(
            voice.say("delete.done_own"),
            voice.say("delete.household"),
            dialog=Dialog.CONFIRM_DELETE_HOUSEHOLD,
            must_answer=True,
        )
    )


@on_yes(Dialog.CONFIRM_DELETE_HOUSEHOLD)
def delete_household(turn: Turn) -> Response:
    """'Yes' to deleting everyone's progress in the household: the whole record goes."""
    try:
        record = turn.stored()
    except CorruptState:
        record = None
    if record is not None:
        _cancel_reminders(turn, [person for _, person in record.state.people])
    turn.forget_user()
    log.info("household data deleted")
    return _done(turn, "delete.household_done")


def _only_people(state: UserState | None) -> UserState:
    """The account's record with its own progress gone and everyone else's kept."""
    kept = state or UserState()
    return UserState(
        time_zone=kept.time_zone,
        time_zone_until=kept.time_zone_until,
        permissions=kept.permissions,
        people=kept.people,
    )


def _cancel_reminders(
    turn: Turn, states: list[UserState], others: frozenset[str] = frozenset()
) -> None:
    """Turn off these people's reminders (best effort), never touching `others`."""
    apis = turn.apis
    if apis is None:
        return
    for state in states:
        if state.reminder is None:
            continue
        try:
            cancel(apis, state.reminder.token, others)
        except ReminderFailure as failure:
            log.info("reminder not removed before deletion: %s", failure.failure.value)


def _done(turn: Turn, key: str) -> Response:
    turn.session.clear()
    return turn.answer_without_state(lambda voice: Reply(voice.say(key)))
