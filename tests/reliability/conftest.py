"""Fixtures: the Lambda entry point on dynalite; the verifying webservice from tests/web."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from skill.store.dynamodb import DynamoStore
from tests.support import dynamodb
from tests.support.lambda_entry import load_lambda
from tests.web.conftest import web

__all__ = ["Handler", "lambda_on_dynamodb", "web"]  # `web`: the webservice suite's own fixture

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@pytest.fixture
def lambda_on_dynamodb(dynamo_store: DynamoStore, monkeypatch: pytest.MonkeyPatch) -> Handler:
    """`lambda_handler` as deployed: configured by its environment, on a fresh table."""
    for name, value in dynamodb.environment(dynamo_store.table).items():
        monkeypatch.setenv(name, value)
    handler: Handler = load_lambda("lambda_under_load").lambda_handler
    return handler
