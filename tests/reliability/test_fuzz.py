"""Fuzzed request envelopes: never an unhandled error or a 5xx, always valid SSML, and a
request that is refused changes nothing that is stored. Besides odd values, envelopes carry
deep and large structures (in session attributes and anywhere else).
"""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.app import RequestRejected
from skill.chat import envelope as env
from skill.store.sqlite import SqliteStore
from tests.reliability.conftest import Handler
from tests.support.builders import SKILL_ID, intent, launch
from tests.support.lambda_entry import load_lambda
from tests.support.users import is_refusal
from tests.web.conftest import Web

USER = "amzn1.ask.account.FUZZ-USER"

# Words that are markup, entities, or odd to XML, as a slot value might carry them.
MARKUP = st.sampled_from(
    [
        "</speak><audio src='https://example.com/x.mp3'/><speak>",
        '<break time="10s"/>',
        "&amp; &lt; &#0; &bogus;",
        "<![CDATA[ ]]>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>&e;',
        "\x00\x01\x1b\ufffe\uffff\ud800",
        "\u202e\u200b\ufeff",
        "a" * 20_000,
    ]
)
WORDS = st.one_of(MARKUP, st.text(max_size=200), st.text(st.characters(), max_size=5000))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | WORDS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


@st.composite
def deep(draw: st.DrawFn) -> Any:
    """Objects and arrays nested up to 1,800 levels (the SDK's deepcopy failed near 500;
    hypothesis runs tests with a recursion limit of about 2,000, so failing there takes more).
    """
    # Deepest first: hypothesis leans towards the first choices.
    depth = draw(st.sampled_from([1800, 1200, 1000, 700, 500, 200, 65, 64, 17, 16, 2]))
    leaf: Any = draw(st.none() | st.integers() | st.text(max_size=20))
    pattern = draw(st.integers(0, 2**16 - 1))  # which levels are objects, which arrays
    node = leaf
    for level in range(depth):
        node = {"a": node} if pattern >> (level % 16) & 1 else [node]
    return node


LARGE = st.sampled_from(
    [
        list(range(3_000)),
        list(range(60_000)),
        {str(n): n for n in range(5_000)},
        "x" * 30_000,
        ["y" * 1_000] * 200,
    ]
)
# The structures an attacker would choose to make copying and reading expensive.
BIG = deep() | LARGE

BASES = [
    launch,
    lambda: intent("GetStepIntent"),
    lambda: intent("CompleteStepIntent", area="moving"),
    lambda: intent("SetGoalIntent", area="gratitude"),
    lambda: intent("RateStepIntent", rating="easy"),
    lambda: intent("SetReminderIntent", time="08:00"),
    lambda: intent("AMAZON.HelpIntent"),
    lambda: {"type": "SessionEndedRequest", "reason": "ERROR"},
    lambda: {"type": "AlexaSkillEvent.SkillDisabled"},
]


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


@st.composite
def envelopes(draw: st.DrawFn) -> dict[str, Any]:
    """A real envelope from USER, then bent: values swapped, keys dropped, slots filled oddly."""
    request = draw(st.sampled_from(BASES))()
    caller = env.Caller(user_id=USER)
    envelope = env.envelope(caller, request, timestamp=datetime.now(UTC), session_id="fuzz")
    for _ in range(draw(st.integers(0, 3))):
        targets = paths(envelope)
        path = draw(st.sampled_from(targets))
        *parents, last = path
        node = envelope
        for part in parents:
            node = node[part]
        action = draw(st.sampled_from(["replace", "drop", "words", "type"]))
        if action == "drop" and isinstance(node, dict):
            del node[last]
        elif action == "words" and isinstance(node, dict | list):
            node[last] = draw(WORDS)
        elif action == "type" and isinstance(envelope.get("request"), dict):
            envelope["request"]["type"] = draw(
                st.sampled_from(["IntentRequest", "Connections.Response", "Display.Element"])
                | st.text(max_size=30)
            )
        elif isinstance(node, dict | list):
            node[last] = draw(JSON)
    request = envelope.get("request")
    if draw(st.booleans()) and isinstance(request, dict) and request.get("type") == "IntentRequest":
        intent_body = request.get("intent")
        if isinstance(intent_body, dict):
            intent_body["slots"] = {
                name: {"name": name, "value": draw(WORDS)}
                for name in draw(st.lists(st.sampled_from(["area", "rating", "time"])))
            }
    # Last, so the walks above never descend into them: something deep or large somewhere,
    # most often in the session attributes that are carried from turn to turn.
    where = draw(st.sampled_from(["attributes", "anywhere", "attributes", "nowhere"]))
    if where == "attributes" and isinstance(envelope.get("session"), dict):
        envelope["session"].update(new=False, attributes={"dialog": draw(BIG)})
    elif where == "anywhere":
        *parents, last = draw(st.sampled_from(paths(envelope)))
        node = envelope
        for part in parents:
            node = node[part]
        if isinstance(node, dict | list):
            node[last] = draw(BIG)
    return envelope


def stored(path: Path) -> list[tuple[Any, ...]]:
    """Everything in the SQLite file, read on the side (nothing before the first write)."""
    with sqlite3.connect(path) as connection:
        query = "SELECT key, version, state FROM users ORDER BY key"
        try:
            return connection.execute(query).fetchall()
        except sqlite3.OperationalError:
            return []


def assert_valid_speech(reply: dict[str, Any]) -> str:
    """The reply's speech (and reprompt) parse as SSML: one <speak> element, well formed."""
    body = reply["response"]
    spoken = []
    for field in (body.get("outputSpeech"), (body.get("reprompt") or {}).get("outputSpeech")):
        if field is None:
            continue
        assert field["type"] == "SSML"
        root = ElementTree.fromstring(field["ssml"])
        assert root.tag == "speak"
        spoken.append(field["ssml"])
    return " ".join(spoken)


FUZZ = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def lambda_on_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Handler, Path]:
    """`lambda_handler` on a SQLite file, with a user who has a goal, and the skill id set."""
    path = tmp_path / "kaizen.db"
    monkeypatch.setenv("KAIZEN_STORE", f"sqlite://{path}")
    monkeypatch.setenv("KAIZEN_SKILL_ID", SKILL_ID)
    handler: Handler = load_lambda("lambda_under_fuzz").lambda_handler
    caller = env.Caller(user_id=USER)
    first = intent("SetGoalIntent", area="moving")
    handler(env.envelope(caller, first, timestamp=datetime.now(UTC)), None)
    return handler, path


@FUZZ
@given(envelope=envelopes())
def test_fuzzed_envelopes_through_lambda_get_valid_ssml_and_refusals_change_nothing(
    lambda_on_sqlite: tuple[Handler, Path], envelope: dict[str, Any]
) -> None:
    handler, path = lambda_on_sqlite
    before = stored(path)
    try:
        reply = handler(json.loads(json.dumps(envelope)), None)
    except RequestRejected:
        # Another skill's id (or none): Alexa gets no answer, and nothing is touched.
        assert stored(path) == before
        return
    speech = assert_valid_speech(reply)
    if is_refusal(speech):
        assert stored(path) == before


@FUZZ
@given(envelope=envelopes())
def test_fuzzed_envelopes_through_the_webservice_never_get_a_5xx(
    web: Web, sqlite_store: SqliteStore, envelope: dict[str, Any]
) -> None:
    path = sqlite_store.path  # the store the webservice runs on
    before = stored(path)
    reply = web.send(envelope)
    assert reply.status < 500, reply.body
    if reply.status != 200:
        assert stored(path) == before
        return
    if is_refusal(assert_valid_speech(reply.json())):
        assert stored(path) == before


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.binary(max_size=2000) | WORDS.map(lambda w: w.encode("utf-8", "surrogatepass")))
def test_bodies_that_are_not_envelopes_get_a_4xx_and_change_nothing(
    web: Web, sqlite_store: SqliteStore, body: bytes
) -> None:
    path = sqlite_store.path  # the store the webservice runs on
    before = stored(path)
    reply = web.post(body, web.signer.headers(body))
    assert 400 <= reply.status < 500
    assert stored(path) == before
