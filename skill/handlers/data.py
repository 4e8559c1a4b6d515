"""Handlers for 'delete my data': ask first, then forget everything stored for the user."""

from __future__ import annotations

import logging

from ask_sdk_model.response import Response

from skill.alexa.reminders import ReminderFailure, cancel
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
    """'Yes': turn off the daily reminder, delete the user's record, and end the session.

    The reminder goes first (best effort): once the record is gone the skill no longer
    knows it, and a reminder from a coach that has forgotten you would be a poor surprise.
    A record that cannot be read is deleted all the same: deletion never depends on reading.
    """
    try:
        record = turn.stored()
    except CorruptState:
        log.warning("deleting a record that cannot be read")
        record = None
    reminder = record.state.reminder if record else None
    if reminder is not None and turn.apis is not None:
        try:
            cancel(turn.apis, reminder.token)
        except ReminderFailure as failure:
            log.info("reminder not removed before deletion: %s", failure.failure.value)
    turn.forget_user()
    log.info("user data deleted")
    turn.session.clear()
    return turn.answer_without_state(lambda voice: Reply(voice.say("delete.done")))
