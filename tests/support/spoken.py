"""Words spoken to `lambda_handler` on a SQLite file of its own, as a new Lambda container
would run it, heard through the chat's resolver for the locale (the safety corpora use it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from skill.chat import envelope as env
from skill.chat.nlu import Resolution, Resolver
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.builders import START, Heard, heard

Invoke = Callable[[dict[str, Any]], dict[str, Any]]
_resolver = cache(Resolver.for_locale)


@dataclass(frozen=True)
class Spoken:
    """`lambda_handler` on a file of its own, and what it has stored."""

    invoke: Invoke
    path: Path

    def say(self, text: str, user: str, locale: str = "en-US") -> tuple[Resolution, Heard]:
        """The words once, as a new session at noon, the way the locale's chat hears them."""
        resolution = _resolver(locale).resolve(text)
        assert resolution.intent is not None, text
        caller = env.Caller(user_id=user, locale=locale)
        request = env.intent_request(resolution.intent, resolution.slots)
        noon = datetime.combine(START, time(12), tzinfo=UTC)
        event = env.envelope(caller, request, timestamp=noon, session_id=f"s-{user}")
        return resolution, heard(self.invoke(event), locale)

    def stored(self, user: str) -> bool:
        """Whether anything at all is stored for the user."""
        store = SqliteStore(self.path)
        try:
            return store.load(user_key(user)) is not None
        finally:
            store.close()
