"""What an operator sees: one JSON log line per request (from Lambda and the webservice alike),
and `/metrics` on the webservice: requests by outcome, latency, refusals by reason (store
errors: tests/web/test_webservice.py, with the store down).
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.store.dynamodb import DynamoStore
from tests.support import dynamodb
from tests.support.builders import Speaker
from tests.web.conftest import Web, complete_step, envelope_for

FIELDS = {"request_id", "request_type", "outcome", "latency_ms"}


def lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    """The request lines logged, parsed (each must be one JSON object)."""
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "kaizen.requests"]


def test_each_lambda_request_is_one_json_line_with_its_id_intent_outcome_and_latency(
    skill: KaizenSkill, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kaizen.requests")
    say = Speaker(skill.invoke)
    say.launch()
    say.say("SetGoalIntent", area="moving")
    say.say("CompleteStepIntent")
    logged = lines(caplog)
    assert [line["outcome"] for line in logged] == ["answered"] * 3
    assert [line.get("intent") for line in logged] == [
        None,
        "SetGoalIntent",
        "CompleteStepIntent",
    ]
    assert all(set(line) >= FIELDS and line["latency_ms"] >= 0 for line in logged)
    assert len({line["request_id"] for line in logged}) == 3


def test_a_store_outage_is_logged_as_such_though_the_user_hears_an_answer(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="kaizen.requests")
    down = DynamoStore("kaizen", client=dynamodb.client("http://127.0.0.1:9"))
    Speaker(KaizenSkill(down).invoke).say("CompleteStepIntent")
    assert [line["outcome"] for line in lines(caplog)] == ["store_unavailable"]


def test_metrics_count_requests_by_outcome_refusals_by_reason_and_latency(
    web: Web, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kaizen.requests")
    user = web.new_user()
    assert web.send(envelope_for(user, env.launch_request())).status == 200
    captured = web.signer.signed(envelope_for(user, complete_step()))
    assert web.post(*captured).status == 200
    assert web.post(*captured).status == 400  # a replay
    unsigned = json.dumps(envelope_for(user, complete_step())).encode()
    assert web.post(unsigned, {"Content-Type": "application/json"}).status == 400
    seen = web.metrics()
    assert seen["kaizen_requests_total", (("outcome", "answered"),)] == 2
    assert seen["kaizen_requests_total", (("outcome", "refused"),)] == 2
    assert seen["kaizen_refusals_total", (("reason", "replay"),)] == 1
    assert seen["kaizen_refusals_total", (("reason", "signature"),)] == 1
    assert seen["kaizen_request_seconds_count", ()] == 4
    assert seen["kaizen_store_errors_total", ()] == 0
    assert [line["outcome"] for line in lines(caplog)] == [
        "answered",
        "answered",
        "refused",
        "refused",
    ]
