"""Every locale, a month of use: the same rules, the locale's own words, within the voice budget.

A person in each of the nine locales lives thirty days with the coach through lambda_handler:
chooses walking, says it is done on most days, feels it hard once and too hard once, skips a
day, asks how they are doing and for encouragement, hears a weekly look back, asks for help
in the middle of a question, and finally deletes their data. Slots are filled as Alexa fills
them in that locale (the value's own words and its id). Every reply is checked as the listener
hears it: words there (or the silence of a hand-over), valid SSML, the locale's voice budget,
phrases from the locale's own phrasebook, and no English in a locale that does not speak it.
The kaizen rules do not depend on the language: the walk grows exactly as it does in en-US.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.interaction import interaction_model, locales
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.builders import START, Heard, Speaker
from tests.support.phrases import said

LOCALES = locales()
# Words an English phrase would carry and no other language's would.
ENGLISH_ONLY = re.compile(r"\b(your|the|today's|would you|step|walk|done it)\b", re.IGNORECASE)


def test_all_nine_locales_ship() -> None:
    assert set(LOCALES) == {
        "en-US", "en-GB", "en-CA", "en-AU", "en-IN", "es-US", "de-DE", "fr-FR", "ja-JP",
    }  # fmt: skip


@cache
def _values(locale: str) -> dict[tuple[str, str], str]:
    """(slot type, value id) -> the value's own words in the locale's model."""
    language = interaction_model(locale)["interactionModel"]["languageModel"]
    return {
        (slot_type["name"], value["id"]): value["name"]["value"]
        for slot_type in language.get("types", [])
        for value in slot_type["values"]
    }


def said_as(locale: str, name: str, **ids: str) -> dict[str, Any]:
    """An intent as Alexa would send it in `locale`, its slots resolved to these ids."""
    types = {"area": "GOAL_AREA", "rating": "RATING", "scope": "STEP_SCOPE"}
    slots = {
        slot: env.SlotFill(_values(locale)[types[slot], value], value, types[slot])
        for slot, value in ids.items()
    }
    return env.intent_request(name, slots)


def problems(heard: Heard, locale: str) -> list[str]:
    """What a listener in `locale` would notice about one reply."""
    found = []
    ssml = heard.ssml.replace("alexa:name", "alexa_name")  # Alexa's own tag
    if heard.ssml:
        try:
            ET.fromstring(ssml)
        except ET.ParseError as error:
            found.append(f"invalid SSML: {error}")
    text = heard.text
    crisis = said(text, "safety.crisis", locale)
    if locale.startswith("ja"):
        size, limit = len(re.sub(r"\s", "", text)), 160  # characters, not words
    else:
        size, limit = len(re.findall(r"\w[\w'-]*", text)), 60
    if size > limit and not crisis:
        found.append(f"{size} over the budget of {limit}")
    if not locale.startswith("en") and ENGLISH_ONLY.search(text):
        found.append("English in a reply")
    question = text.rstrip().endswith(("?", "\uff1f"))  # a full-width question mark in Japanese
    if not heard.ended and not question:
        found.append("the microphone open without a question")
    return found


@dataclass
class Month:
    """What one person heard in a month, and where their walk ended up."""

    heard: list[Heard]
    rung: int
    total_done: int


def live_a_month(locale: str, folder: Path) -> Month:
    """Thirty days in `locale` (see the module's docstring), ending with "delete my data"."""
    store = SqliteStore(folder / f"{locale}.db")
    caller = env.Caller(user_id=f"amzn1.ask.account.TEST-{locale}", locale=locale)
    person = Speaker(KaizenSkill(store).invoke, caller=caller)
    heard: list[Heard] = []

    def say(request: dict[str, Any]) -> Heard:
        reply = person.send(request)
        heard.append(reply)
        assert reply.text or reply.envelope["response"].get("directives"), request
        return reply

    first = person.launch()
    heard.append(first)
    assert first.said("welcome.first")
    assert say(said_as(locale, "SetGoalIntent", area="MOVE")).said("goal.added")
    for n in range(1, 31):
        person.on(START + timedelta(days=n))
        reply = person.launch()
        heard.append(reply)
        if n == 9:
            say(said_as(locale, "SkipStepIntent"))
            continue
        while not reply.ended:
            pending = person.session.attributes.get("dialog")
            if pending == "week_adjust":
                say(said_as(locale, "AMAZON.HelpIntent"))  # help in the middle of a question
                reply = say(said_as(locale, "KeepStepIntent"))
            elif pending == "feeling":
                rating = "HARD" if n == 3 else "ABOUT_RIGHT"
                reply = say(said_as(locale, "RateStepIntent", rating=rating))
            elif pending in ("offer_review", "ask_done", "offer_growth"):
                reply = say(said_as(locale, "AMAZON.YesIntent"))
            else:
                reply = say(said_as(locale, "AMAZON.NoIntent"))
        if n == 12:
            say(said_as(locale, "MakeSmallerIntent"))
        if n == 20:
            say(said_as(locale, "ProgressIntent"))
            say(said_as(locale, "EncourageIntent"))
    record = store.load(user_key(caller.user_id))
    assert record is not None
    walk = record.state.goals[0]
    person.launch()
    say(said_as(locale, "DeleteDataIntent"))
    assert say(said_as(locale, "AMAZON.YesIntent")).said("delete.done")
    assert store.load(user_key(caller.user_id)) is None
    store.close()
    return Month(heard, walk.rung, walk.total_done)


@pytest.fixture(scope="module")
def en_us_month(tmp_path_factory: pytest.TempPathFactory) -> Month:
    """The month in en-US, which every locale's rules must match."""
    return live_a_month("en-US", tmp_path_factory.mktemp("reference"))


@pytest.mark.parametrize("locale", LOCALES)
def test_a_month_in_each_locale_follows_the_same_rules_in_the_locales_own_words(
    locale: str, tmp_path: Path, en_us_month: Month
) -> None:
    month = live_a_month(locale, tmp_path)
    # The rules are the same in every language: where the walk ends up, and how often done.
    assert (month.rung, month.total_done) == (en_us_month.rung, en_us_month.total_done)
    assert (month.rung, month.total_done) != (1, 0), "the month did something"
    troubles = {h.text: p for h in month.heard if (p := problems(h, locale))}
    assert not troubles, troubles
    # Mostly short: the locale's voice budget over the whole month.
    spoken = [h.text for h in month.heard if h.text]
    if locale.startswith("ja"):
        short = sum(1 for text in spoken if len(text) <= 90)
    else:
        short = sum(1 for text in spoken if len(text.split()) <= 35)
    assert short >= 0.9 * len(spoken), f"only {short} of {len(spoken)} replies are short"
