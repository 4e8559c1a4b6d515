"""Hostile request bodies up to the webservice's size limit, and odd structures, for the
tests and `make bench` alike: what an attacker would send to make parsing expensive."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from skill.chat import envelope as env
from skill.web.app import MAX_BODY_BYTES
from tests.support.pki import CHAIN_URL


def nested(depth: int) -> dict[str, Any]:
    """{"a": {"a": ... {}}}, `depth` levels, built without recursion."""
    root: dict[str, Any] = {}
    node = root
    for _ in range(depth - 1):
        node["a"] = {}
        node = node["a"]
    return root


TARGET = MAX_BODY_BYTES - 1024  # just under the limit


def _fill(size: int, unit: str) -> str:
    return unit * (size // len(unit))


def _envelope_text(**request_fields: str) -> str:
    """A real envelope whose request fields are replaced by raw JSON text."""
    caller = env.Caller(user_id="amzn1.ask.account.hostile")
    envelope = env.envelope(
        caller, env.intent_request("CompleteStepIntent"), timestamp=datetime.now(UTC)
    )
    for key in request_fields:
        envelope["request"][key] = f"@{key}@"
    text = json.dumps(envelope)
    for key, raw in request_fields.items():
        text = text.replace(f'"@{key}@"', raw)
    return text


def in_envelope(key: str, raw: Callable[[int], str]) -> Callable[[], bytes]:
    """An envelope whose request field `key` is raw JSON text filling it to TARGET bytes."""

    def build() -> bytes:
        room = TARGET - len(_envelope_text(**{key: "0"}))
        body = _envelope_text(**{key: raw(room)}).encode()
        assert TARGET - 256 <= len(body) <= MAX_BODY_BYTES
        return body

    return build


def alone(raw: Callable[[int], str]) -> Callable[[], bytes]:
    """A body that is only raw JSON text of TARGET bytes."""
    return lambda: raw(TARGET).encode()


HOSTILE: dict[str, Callable[[], bytes]] = {
    "timestamp that is not ISO 8601": in_envelope(
        "timestamp", lambda n: '"' + _fill(n - 2, "1 2 3 ") + '"'
    ),
    "nested arrays past the stack": alone(lambda n: "[" * n),
    "nested objects in the envelope": in_envelope(
        "intent", lambda n: _fill(n - 200, '{"a":') + "1" + "}" * 100
    ),
    "well-formed objects 900 deep, then text": in_envelope(
        "intent", lambda n: '{"a":' * 900 + '"' + "x" * (n - 5 * 900 - 900 - 2) + '"' + "}" * 900
    ),
    "one huge string": in_envelope("locale", lambda n: '"' + _fill(n - 2, "\\u00e9") + '"'),
    "many tiny values": alone(lambda n: "[" + _fill(n - 2, "0,")[:-1] + "]"),
    "many keys": alone(lambda n: "{" + ",".join(f'"{i}":0' for i in range(n // 12)) + "}"),
}


def junk_signature_headers() -> dict[str, str]:
    """Headers shaped exactly as Alexa's, with a signature that signs nothing."""
    return {
        "Content-Type": "application/json",
        "Signature-256": base64.b64encode(os.urandom(256)).decode(),
        "SignatureCertChainUrl": CHAIN_URL,
    }
