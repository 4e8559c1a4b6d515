"""Carries Alexa sessions across requests for one caller: session ids, attributes and the clock."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from skill.chat import envelope as env

Invoke = Callable[[dict[str, Any]], dict[str, Any]]


class Session:
    """Sends requests the way Alexa would: a new session when none is open, attributes kept,
    and each request a few seconds after the last (the skill's clock is the timestamp)."""

    def __init__(
        self,
        invoke: Invoke,
        caller: env.Caller,
        now: datetime,
        gap: timedelta = timedelta(seconds=3),
    ) -> None:
        self.invoke = invoke
        self.caller = caller
        self.now = now
        self.gap = gap
        self.session_id: str | None = None
        self.attributes: dict[str, Any] = {}

    @property
    def open(self) -> bool:
        """Whether the last response left the session open."""
        return self.session_id is not None

    def close(self) -> None:
        """Forget the open session (the user walked away)."""
        self.session_id = None

    def send(self, request: dict[str, Any], *, new: bool | None = None) -> dict[str, Any]:
        """Send one request in the open session, or in a new one; returns the response."""
        start = new if new is not None else not self.open
        if start:
            self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
            self.attributes = {}
        self.now += self.gap
        event = env.envelope(
            self.caller,
            request,
            timestamp=self.now,
            session_id=self.session_id,
            new=start,
            attributes=self.attributes,
        )
        response = self.invoke(event)
        self.attributes = response.get("sessionAttributes") or {}
        if (response.get("response") or {}).get("shouldEndSession", True) is not False:
            self.session_id = None
        return response
