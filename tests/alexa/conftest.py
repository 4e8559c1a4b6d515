"""Fixtures: one loopback stand-in for Alexa's APIs per test session, and people who use it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from skill.alexa.services import AlexaApis
from skill.alexa.transport import AlexaHttpClient
from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.chat.alexa_api import REMINDERS_SCOPE, AlexaApiStandIn
from skill.coach.state import UserState
from skill.serializer import FastSerializer
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.builders import START, Speaker

# Short enough that a stalled API fails a test quickly, long enough for a loaded CI machine.
API_TIMEOUT = 0.5
_people = itertools.count()


@pytest.fixture(scope="session")
def stand_in_server() -> Iterator[AlexaApiStandIn]:
    """The stand-in, started once for the whole test session."""
    with AlexaApiStandIn() as server:
        yield server


@pytest.fixture
def alexa(stand_in_server: AlexaApiStandIn) -> Iterator[AlexaApiStandIn]:
    """The stand-in with no faults left over and an empty call log for each test."""
    stand_in_server.reset()
    yield stand_in_server
    stand_in_server.reset()


@pytest.fixture
def skill(sqlite_store: SqliteStore) -> KaizenSkill:
    """The skill on SQLite, calling Alexa's APIs with a short timeout."""
    apis = AlexaApis(AlexaHttpClient(timeout=API_TIMEOUT), FastSerializer())
    return KaizenSkill(sqlite_store, apis=apis)


class Person:
    """Someone with an Echo device in a time zone, talking to the skill through the stand-in."""

    def __init__(
        self,
        skill: KaizenSkill,
        alexa: AlexaApiStandIn,
        zone: str | None = "America/Los_Angeles",
        *,
        reminders: bool = True,
        day: date = START,
    ) -> None:
        n = next(_people)
        self.user_id = f"amzn1.ask.account.TEST-PERSON-{n}"
        self.device_id = f"amzn1.ask.device.TEST-DEVICE-{n}"
        self.alexa = alexa
        if zone:
            alexa.zones[self.device_id] = zone
        scopes = (REMINDERS_SCOPE,) if reminders else ()
        self.token = alexa.token_for(self.user_id, *scopes)
        self.caller = env.Caller(
            user_id=self.user_id,
            device_id=self.device_id,
            api_endpoint=alexa.url,
            api_token=self.token,
        )
        self.speaker = Speaker(
            skill.invoke, caller=self.caller, day=day, zone=ZoneInfo(zone or "UTC")
        )
        self.skill = skill

    def state(self) -> UserState:
        """What the skill has stored for this person."""
        record = self.skill.store.load(user_key(self.user_id))
        assert record is not None, "nothing stored"
        return record.state

    def calls(self, path_part: str) -> list[str]:
        """The API calls made with this person's device or reminders, as 'METHOD path'."""
        return [f"{c.method} {c.path}" for c in self.alexa.calls if path_part in c.path]

    def reminders(self) -> list[dict[str, object]]:
        """The reminders Alexa holds for this person."""
        return self.alexa.reminders(self.token)
