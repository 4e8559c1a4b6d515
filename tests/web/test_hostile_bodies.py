"""Hostile bodies up to the size limit: refused with a 4xx in a few milliseconds of CPU.

The cost is the whole process's CPU time (waitress reading the body, Flask, the checks and
this test's own client), so the bound holds for what the server spends, with room to spare.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import time
from collections.abc import Callable

import pytest

from skill.chat import envelope as env
from skill.web.app import MAX_BODY_BYTES
from tests.support.pki import CHAIN_URL
from tests.web.conftest import Web, complete_step, envelope_for

CPU_BUDGET = 0.005  # seconds per refused request
ROUNDS = 5


TARGET = MAX_BODY_BYTES - 1024  # just under the limit


def _fill(size: int, unit: str) -> str:
    return unit * (size // len(unit))


def _envelope_text(**request_fields: str) -> str:
    """A real envelope whose request fields are replaced by raw JSON text."""
    envelope = envelope_for("amzn1.ask.account.hostile", complete_step())
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


def cpu_per_refusal(web: Web, body: bytes, headers: dict[str, str]) -> float:
    """The median CPU seconds the process spends on one refused request."""
    costs = []
    for _ in range(ROUNDS):
        started = time.process_time()
        reply = web.post(body, headers)
        costs.append(time.process_time() - started)
        assert 400 <= reply.status < 500, (reply.status, reply.body[:200])
    return sorted(costs)[len(costs) // 2]


def refusal_reasons(caplog: pytest.LogCaptureFixture) -> set[str]:
    return {r.getMessage() for r in caplog.records if "refused" in r.getMessage()}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_unsigned_hostile_bodies_are_refused_before_parsing_in_a_few_milliseconds(
    web: Web, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    body = HOSTILE[name]()
    with caplog.at_level(logging.WARNING, logger="skill.web.app"):
        cost = cpu_per_refusal(web, body, {"Content-Type": "application/json"})
    assert cost < CPU_BUDGET, f"{cost * 1e3:.1f} ms of CPU"
    reasons = refusal_reasons(caplog)
    assert reasons and all("missing Signature-256" in reason for reason in reasons)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_bodies_with_well_formed_junk_signatures_are_refused_before_parsing(
    web: Web, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    web.send(envelope_for(web.new_user(), env.launch_request()))  # the chain is cached, as live
    with caplog.at_level(logging.WARNING, logger="skill.web.app"):
        cost = cpu_per_refusal(web, HOSTILE[name](), junk_signature_headers())
    assert cost < CPU_BUDGET, f"{cost * 1e3:.1f} ms of CPU"
    reasons = refusal_reasons(caplog)
    assert reasons and all("signature does not match" in reason for reason in reasons)
