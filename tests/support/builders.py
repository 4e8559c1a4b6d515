"""Builders for request envelopes and a Speaker that talks to the skill day by day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from skill.chat import envelope as env
from skill.chat.nlu import Resolver
from skill.chat.session import Invoke, Session
from skill.cli import elicited_slot, spoken_text
from skill.handlers.questions import SlotAnswer
from tests.support.phrases import said

SKILL_ID = env.DEFAULT_SKILL_ID
ALICE = "amzn1.ask.account.TEST-ALICE"
START = date(2026, 11, 2)

_RESOLVER = Resolver.for_locale("en-US")
GROWTH_OFFERS = ("growth.offer", "growth.offer_every_day", "growth.offer_weekly")


@dataclass(frozen=True)
class Heard:
    """What the user heard: the plain text, the SSML, and whether the session ended."""

    text: str
    ssml: str
    ended: bool
    envelope: dict[str, Any]
    locale: str = "en-US"

    def __contains__(self, words: str) -> bool:
        return words.lower() in self.text.lower()

    def said(self, key: str, **params: object) -> bool:
        """Whether the reply used the phrase `key` (with these values, if given)."""
        return said(self.text, key, self.locale, **params)

    def offers_growth(self, **params: object) -> bool:
        """Whether the reply offered to grow a step (in any of the offer's phrasings)."""
        return any(self.said(key, **params) for key in GROWTH_OFFERS)


def heard(response: dict[str, Any], locale: str = "en-US") -> Heard:
    """Read a response envelope as the user would hear it."""
    body = response.get("response") or {}
    ssml = (body.get("outputSpeech") or {}).get("ssml", "")
    text = spoken_text(response) or ""
    return Heard(text, ssml, body.get("shouldEndSession", True) is not False, response, locale)


def slots_for(intent: str, **words: str) -> dict[str, env.SlotFill]:
    """Slots filled from spoken words, resolved with the interaction model like Alexa does."""
    types = _RESOLVER.slot_types.get(intent, {})
    filled: dict[str, env.SlotFill] = {}
    for name, value in words.items():
        fill = _RESOLVER.fill(types.get(name, "AMAZON.SearchQuery"), value)
        filled[name] = fill if fill is not None else env.SlotFill(value)
    return filled


def intent(name: str, **words: str) -> dict[str, Any]:
    """An IntentRequest body with slots from words."""
    return env.intent_request(name, slots_for(name, **words))


def launch() -> dict[str, Any]:
    """A LaunchRequest body."""
    return env.launch_request()


class Speaker:
    """One person talking to the skill, moving through days by request timestamps."""

    def __init__(
        self,
        invoke: Invoke,
        user: str = ALICE,
        skill_id: str = SKILL_ID,
        day: date = START,
        zone: Any = UTC,
        caller: env.Caller | None = None,
    ) -> None:
        self.zone = zone
        self.caller = caller or env.Caller(user_id=user, skill_id=skill_id)
        start = datetime.combine(day, time(8, 0), tzinfo=zone)
        self.session = Session(invoke, self.caller, start)
        self.elicited: SlotAnswer | None = None

    def on(self, day: date, hour: int = 8, minute: int = 0) -> Speaker:
        """Move the clock to a local day and time; any open session is dropped."""
        self.session.now = datetime.combine(day, time(hour, minute), tzinfo=self.zone)
        self.session.close()
        return self

    def send(self, request: dict[str, Any], *, new: bool | None = None) -> Heard:
        """Send a request in the open session (or a new one), as Alexa would."""
        response = self.session.send(request, new=new)
        self.elicited = elicited_slot(response.get("response") or {})
        return heard(response, self.caller.locale)

    def launch(self) -> Heard:
        """'Alexa, open kaizen coach'."""
        return self.send(launch(), new=True)

    def say(self, name: str, **words: str) -> Heard:
        """An intent in the open session (or a one-shot if none is open)."""
        return self.send(intent(name, **words))

    def utter(self, words: str) -> Heard:
        """Words as a person says them, heard through the model (crisis words first), in the
        open session with whatever slot the last reply elicited; "open kaizen coach" launches."""
        elicited = self.elicited if self.session.open else None
        resolution = _RESOLVER.resolve(words, elicited)
        if resolution.launch:
            return self.launch()
        assert resolution.intent is not None
        return self.send(env.intent_request(resolution.intent, resolution.slots))

    def one_shot(self, name: str, **words: str) -> Heard:
        """'Alexa, ask kaizen coach ...': a new session for one intent."""
        return self.send(intent(name, **words), new=True)

    def outside_session(self, request: dict[str, Any]) -> Heard:
        """A request Alexa sends without a session (skill events, routine tasks)."""
        self.session.now += self.session.gap
        event = env.envelope(self.caller, request, timestamp=self.session.now)
        return heard(self.session.invoke(event), self.caller.locale)
