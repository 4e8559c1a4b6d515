"""Exception handlers: a store that is down gets an apology; anything else one kind sentence."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill import envelope
from skill.speech.phrasebook import phrasebook
from skill.store import CorruptState, RecordDeleted, StoreUnavailable

log = logging.getLogger(__name__)


# Said if even the phrasebook cannot be read: the last line of defence must not depend on it.
LAST_RESORT = "Sorry, something went wrong on my side. Please try again."


def _say(handler_input: HandlerInput, key: str) -> Response:
    locale = envelope.locale(handler_input.request_envelope)
    try:
        speech = phrasebook(locale).variants(key)[0]
    except Exception:  # a broken install must still answer
        log.exception("phrasebook unavailable")
        speech = LAST_RESORT
    builder = handler_input.response_builder
    builder.speak(speech).set_should_end_session(True)
    return builder.response


class StoreDownHandler(AbstractExceptionHandler):
    """The store could not be reached or was locked: nothing changed, so apologise.

    Skill events are left to fail: nobody would hear the apology, and a failed delivery
    tells Alexa (and the operator) that a deletion or permission change was not recorded.
    """

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        """Store outages during a conversation."""
        return isinstance(exception, StoreUnavailable) and not envelope.is_skill_event(
            handler_input.request_envelope
        )

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        """A short apology; the reason goes to the log, never to the user."""
        log.warning("store unavailable: %s", exception)
        return _say(handler_input, "error.store")


class UnreadableRecordHandler(AbstractExceptionHandler):
    """A stored record no schema this code knows can read (corruption, or a newer release's
    record after a rollback): the person hears a way out, "say start over", and the reason is
    logged once per record and process, without the person's id."""

    def __init__(self, remembered: int = 1024) -> None:
        self._logged: set[str] = set()
        self._remembered = remembered

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        """Unreadable records, and a record deleted while a turn was changing it."""
        return isinstance(exception, (CorruptState, RecordDeleted))

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        """A short answer with a way out."""
        if isinstance(exception, RecordDeleted):
            log.info("a turn found its record deleted; nothing written")
            return _say(handler_input, "error.deleted")
        reason = str(exception)
        if reason not in self._logged and len(self._logged) < self._remembered:
            self._logged.add(reason)
            log.warning("stored record unreadable: %s", reason)
        return _say(handler_input, "error.unreadable")


class CatchAllHandler(AbstractExceptionHandler):
    """Anything unexpected: log it with its traceback, speak one kind sentence."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        """Every exception, except a skill event's store outage (see StoreDownHandler)."""
        return not (
            isinstance(exception, StoreUnavailable)
            and envelope.is_skill_event(handler_input.request_envelope)
        )

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        """One kind sentence."""
        log.error("unhandled error: %s", type(exception).__name__, exc_info=exception)
        return _say(handler_input, "error.general")
