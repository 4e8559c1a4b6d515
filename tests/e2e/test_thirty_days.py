"""Thirty days of use through lambda_handler, moved along by request timestamps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.support import dynamodb
from tests.support.builders import START, Speaker
from tests.support.lambda_entry import load_lambda


@pytest.fixture(params=["sqlite", "dynamodb"])
def lambda_handler(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[dict[str, Any]], dict[str, Any]]]:
    """lambda_handler configured only through the environment, as in AWS."""
    if request.param == "sqlite":
        monkeypatch.setenv("KAIZEN_STORE", f"sqlite://{tmp_path}/kaizen.db")
    else:
        table = request.getfixturevalue("dynamo_store").table
        for name, value in dynamodb.environment(table).items():
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("KAIZEN_SKILL_ID", raising=False)
    module = load_lambda("lambda_function_under_test")
    yield lambda event: module.lambda_handler(event, None)
    module._skill.cache_clear()


def test_thirty_days_grow_gently_shrink_kindly_and_celebrate_real_progress(
    lambda_handler: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    alice = Speaker(lambda_handler)
    total = 0

    def do(n: int, expect_size: int) -> str:
        nonlocal total
        alice.on(START + timedelta(days=n))
        heard = alice.one_shot("CompleteStepIntent")
        total += 1
        assert f"{expect_size} minute walk" in heard, f"day {n}: {heard.text}"
        if total in (3, 7, 14, 21):
            assert f"{total} steps" in heard, f"milestone {total} on day {n}: {heard.text}"
        return heard.text

    assert "moving" in alice.launch()
    assert "5 minute walk" in alice.say("SetGoalIntent", area="walking")
    assert "first step" in do(0, 5).lower()
    do(1, 5)
    assert "tomorrow" in do(2, 5) and "6 minute walk" in alice.one_shot("GetStepIntent")
    for n in (3, 4):
        do(n, 6)
    assert "8 minute walk" in do(5, 6)
    do(6, 8)
    alice.on(START + timedelta(days=7))
    assert "6 minute walk" in alice.one_shot("MakeSmallerIntent")
    do(7, 6)
    do(8, 6)
    assert "8 minute walk" in do(9, 6)
    # Days 10 and 11 are missed: a welcome back and a smaller step, never all-or-nothing.
    alice.on(START + timedelta(days=12))
    back = alice.launch()
    assert "back" in back and "6 minute walk" in back, back.text
    alice.say("AMAZON.StopIntent")
    for n, size in (
        (12, 6),
        (13, 6),
        (14, 6),
        (15, 8),
        (16, 8),
        (17, 8),
        (18, 10),
        (19, 10),
        (20, 10),
    ):
        do(n, size)
    for n in (21, 22):
        alice.on(START + timedelta(days=n))
        alice.launch()
        alice.say("CompleteStepIntent")
        total += 1
        tuned = alice.say("RateStepIntent", rating="hard")
    assert "10 minute walk" in tuned, tuned.text
    for n, size in ((23, 10), (24, 10), (25, 10), (26, 12), (27, 12), (28, 12), (29, 15)):
        do(n, size)
    progress = alice.one_shot("ProgressIntent")
    assert "7 small steps" in progress, progress.text
    assert "November 2" in progress and "from 5 to 15 minutes" in progress
    assert "18 days in a row" in progress
    assert total == 28 and "28 steps" in progress, progress.text
