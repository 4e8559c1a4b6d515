"""Envelopes no Alexa would send, through Lambda's front door: a short spoken apology, at once,
and nothing stored. (The webservice's side is in tests/web/test_hostile_bodies.py.)"""

from __future__ import annotations

import gc
import json
import os
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.speech.phrasebook import phrasebook
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.builders import Speaker, intent
from tests.support.hostile import nested
from tests.support.users import is_refusal

USER = "amzn1.ask.account.LIMITS-USER"


def envelope(request: dict[str, Any] | None = None, **session: Any) -> dict[str, Any]:
    caller = env.Caller(user_id=USER)
    body = request or intent("SetGoalIntent", area="moving")
    return env.envelope(caller, body, timestamp=datetime.now(UTC), **session)


# Session attributes no turn of this skill writes: each once made the SDK's deepcopy (or its
# serializer) run out of stack, or would cost far more than a turn to copy.
ODD_ATTRIBUTES = {
    "600 levels deep": lambda: {"dialog": nested(600)},
    "950 levels deep": lambda: {"dialog": nested(950)},
    "100,000 values": lambda: {"dialog": list(range(100_000))},
    "a megabyte of text": lambda: {"dialog": "x" * 1024 * 1024},
}


def answered_with_apology(skill: KaizenSkill, event: dict[str, Any]) -> float:
    """Invoke as Lambda does; assert the general apology; return the CPU seconds spent."""
    gc.collect()  # the test's own garbage (a 100,000-item list) is not the request's cost
    started = time.process_time()
    reply = skill.invoke(event)
    spent = time.process_time() - started
    assert is_refusal(reply["response"]["outputSpeech"]["ssml"])
    return spent


def test_a_timestamp_that_is_not_iso_8601_gets_the_apology_at_once_on_lambda(
    skill: KaizenSkill, sqlite_store: SqliteStore
) -> None:
    readable = envelope()
    readable["request"]["timestamp"] = "Monday, 23 November 2026 08:00 UTC"  # dateutil reads it
    long = envelope()
    long["request"]["timestamp"] = "1 2 3 " * 20_000  # dateutil spent about a second on this
    for event in (readable, long):
        assert answered_with_apology(skill, event) < 0.05
    assert sqlite_store.load(user_key(USER)) is None


@pytest.mark.parametrize("name", sorted(ODD_ATTRIBUTES))
def test_session_attributes_too_deep_or_too_big_get_the_apology_on_lambda(
    skill: KaizenSkill, sqlite_store: SqliteStore, name: str
) -> None:
    build: Callable[[], dict[str, Any]] = ODD_ATTRIBUTES[name]
    event = envelope(session_id="s-1", new=False, attributes=build())
    assert answered_with_apology(skill, event) < 0.05
    assert sqlite_store.load(user_key(USER)) is None


def test_session_attributes_as_deep_as_a_turn_needs_are_read_as_usual(skill: KaizenSkill) -> None:
    event = envelope(session_id="s-1", new=False, attributes={"dialog": nested(12)})
    reply = skill.invoke(event)
    assert not is_refusal(reply["response"]["outputSpeech"]["ssml"])


def test_a_locale_naming_a_file_elsewhere_is_spoken_in_the_default_locale(
    skill: KaizenSkill, tmp_path: Path
) -> None:
    book = json.loads(resources.files("skill.speech").joinpath("locales", "en-US.json").read_text())
    book["phrases"] = {key: ["Planted words."] for key in book["phrases"]}
    (tmp_path / "evil.json").write_text(json.dumps(book))
    locales = Path(str(resources.files("skill.speech").joinpath("locales")))
    traversal = os.path.relpath(tmp_path / "evil", locales)  # ../../../tmp/.../evil
    say = Speaker(skill.invoke, caller=env.Caller(user_id=USER, locale=traversal))
    assert "Planted" not in say.launch().text


def test_thousands_of_made_up_locales_do_not_grow_the_phrasebook_cache() -> None:
    phrasebook("en-US")
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        books = {phrasebook(f"xx-{n:04d}").locale for n in range(2_000)}
        grown = sum(s.size_diff for s in tracemalloc.take_snapshot().compare_to(before, "filename"))
    finally:
        tracemalloc.stop()
    assert books == {"en-US"}
    assert grown < 256 * 1024, f"{grown / 1024:.0f} KiB kept for 2,000 locale strings"
