"""Fixtures: the Lambda entry point on dynalite, and the verifying webservice on loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from skill.store.dynamodb import DynamoStore
from skill.store.sqlite import SqliteStore
from tests.conftest import dynamodb_environment, load_lambda
from tests.pki import AlexaPki
from tests.web.conftest import ChainDownloads, Web, serve, verifying_app

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@pytest.fixture
def lambda_on_dynamodb(
    dynamo_store: DynamoStore, monkeypatch: pytest.MonkeyPatch
) -> Handler:
    """`lambda_handler` as deployed: configured by its environment, on a fresh table."""
    for name, value in dynamodb_environment(dynamo_store.table).items():
        monkeypatch.setenv(name, value)
    handler: Handler = load_lambda("lambda_under_load").lambda_handler
    return handler


@pytest.fixture
def web(pki: AlexaPki, sqlite_store: SqliteStore) -> Iterator[Web]:
    """The verifying webservice on a fresh SQLite store, on a free loopback port."""
    downloads = ChainDownloads(pki.chains)
    yield from serve(
        verifying_app(pki, sqlite_store, downloads), sqlite_store, downloads, pki.signer
    )
