"""The operator's view of every request: one JSON log line, and the same record for metrics.

Emitted at the front door (`KaizenSkill`), so Lambda and the webservice log alike; the
webservice adds a line of its own for requests it refuses before they reach the skill. A line
holds the request's id, type and intent, the outcome, a refusal's reason and the latency:
never a user id, a device id or anything said (Alexa's request id names the request only).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput

from skill.envelope import raw_request_id, raw_request_type
from skill.store import StoreUnavailable

log = logging.getLogger("kaizen.requests")


class Outcome(StrEnum):
    """How a request ended, as an operator counts it."""

    ANSWERED = "answered"
    REFUSED = "refused"  # not for this skill, or failed the webservice's checks
    UNREADABLE = "unreadable"  # not a readable envelope (or too deep or big to read safely)
    STORE_UNAVAILABLE = "store_unavailable"  # the user heard the short apology
    ERROR = "error"  # a bug: the user heard the general apology


@dataclass(frozen=True)
class RequestRecord:
    """One request as the log line and the metrics see it."""

    request_id: str | None
    request_type: str | None
    intent: str | None
    outcome: Outcome
    latency_ms: float
    reason: str | None = None

    def fields(self) -> dict[str, object]:
        """The log line's fields: those with a value, in a fixed order."""
        values = {
            "request_id": self.request_id,
            "request_type": self.request_type,
            "intent": self.intent,
            "outcome": self.outcome.value,
            "latency_ms": self.latency_ms,
            "reason": self.reason,
        }
        return {key: value for key, value in values.items() if value is not None}


Observer = Callable[[RequestRecord], None]
# What an exception leaving the front door means: the outcome, and a reason for refusals.
Classify = Callable[[BaseException], tuple[Outcome, str | None]]


def raw_intent_name(event: object) -> str | None:
    """The intent's name from the raw JSON (an IntentRequest's), else None."""
    request = event.get("request") if isinstance(event, Mapping) else None
    intent = request.get("intent") if isinstance(request, Mapping) else None
    name = intent.get("name") if isinstance(intent, Mapping) else None
    return name if isinstance(name, str) and len(name) <= 100 else None


class RequestLog:
    """Writes each request's line and hands its record to every observer (metrics)."""

    def __init__(self) -> None:
        self.observers: list[Observer] = []

    def emit(
        self,
        event: object,
        outcome: Outcome,
        started: float,
        reason: str | None = None,
    ) -> RequestRecord:
        """Record a request that began at `started` (time.perf_counter()) and ended now."""
        request_type = raw_request_type(event)
        record = RequestRecord(
            request_id=_short(raw_request_id(event)),
            request_type=_short(request_type),
            intent=raw_intent_name(event),
            outcome=outcome,
            latency_ms=round((time.perf_counter() - started) * 1000, 2),
            reason=reason,
        )
        if log.isEnabledFor(logging.INFO):
            log.info(json.dumps(record.fields(), separators=(",", ":")))
        for observer in self.observers:
            observer(record)
        return record

    @contextmanager
    def around(self, event: Mapping[str, Any], classify: Classify) -> Iterator[None]:
        """Time the block and emit its outcome: what it raised (as `classify` names it), or
        what the SDK's exception handlers were handed, or answered."""
        started = time.perf_counter()
        reported = _REPORTED.set(None)
        outcome: Outcome = Outcome.ANSWERED
        reason: str | None = None
        try:
            yield
        except BaseException as error:
            outcome, reason = classify(error)
            raise
        finally:
            outcome = _REPORTED.get() or outcome
            _REPORTED.reset(reported)
            self.emit(event, outcome, started, reason)


# What the SDK's exception handlers were handed during this request (they answer it with an
# apology, so the front door would otherwise see a plain answer).
_REPORTED: ContextVar[Outcome | None] = ContextVar("kaizen_reported_outcome", default=None)


class OutcomeRecorder(AbstractExceptionHandler):
    """Registered before every real exception handler: notes the failure, handles nothing."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        """Note the exception's outcome for the request's log line; always False."""
        found = (
            Outcome.STORE_UNAVAILABLE if isinstance(exception, StoreUnavailable) else Outcome.ERROR
        )
        _REPORTED.set(found)
        return False

    def handle(self, handler_input: HandlerInput, exception: Exception) -> None:
        """Never called: can_handle is always False."""


def _short(text: str | None) -> str | None:
    """A field as sent, cut to a length no real id or type reaches (a log line stays a line)."""
    return None if text is None else text[:120]
