"""The Lambda entry point on each real store, configured only through the environment."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import dynamodb
from tests.support.lambda_entry import load_lambda

LambdaHandler = Callable[[dict[str, Any]], dict[str, Any]]


@pytest.fixture(params=["sqlite", "dynamodb"])
def lambda_handler(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[LambdaHandler]:
    """lambda_handler as AWS runs it, on SQLite or on DynamoDB (dynalite)."""
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
