"""Handlers for 'delete my data': ask first, then forget everything stored for the user."""

from __future__ import annotations

import logging

from ask_sdk_model.response import Response

from skill.handlers.base import Handler
from skill.handlers.turn import Dialog, Reply, Turn

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


def delete_confirmed(turn: Turn) -> Response:
    """'Yes': delete the user's record and end the session."""
    turn.deps.store.delete(turn.key)
    log.info("user data deleted")
    turn.session.clear()
    return turn.answer_without_state(lambda voice: Reply(voice.say("delete.done")))
