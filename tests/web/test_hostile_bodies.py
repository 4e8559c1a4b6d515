"""Hostile bodies up to the size limit: refused with a 4xx in a few milliseconds of CPU.

The cost is the whole process's CPU time (waitress reading the body, Flask, the checks and
this test's own client), so the bound holds for what the server spends, with room to spare.
"""

from __future__ import annotations

import gc
import logging
import time
from datetime import UTC, datetime

import pytest

from skill.chat import envelope as env
from tests.support.hostile import HOSTILE, junk_signature_headers, nested
from tests.web.conftest import Web, complete_step, envelope_for

CPU_BUDGET = 0.005  # seconds per refused request
ROUNDS = 7


def cpu_per_refusal(web: Web, body: bytes, headers: dict[str, str]) -> float:
    """The median CPU seconds the process spends on one refused request."""
    costs = []
    gc.collect()  # a collection of earlier tests' garbage is not this request's cost
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


@pytest.mark.parametrize("depth", [600, 900])
def test_signed_session_attributes_nested_past_the_limit_get_a_400_and_change_nothing(
    web: Web, depth: int
) -> None:
    user = web.new_user()
    attributes = nested(depth)
    caller = env.Caller(user_id=user)
    event = env.envelope(
        caller,
        complete_step(),
        timestamp=datetime.now(UTC),
        session_id="s-1",
        new=False,
        attributes={"dialog": attributes},
    )
    reply = web.send(event)
    assert reply.status == 400 and reply.json() == {"error": "bad request"}
    assert web.record(user) is None
