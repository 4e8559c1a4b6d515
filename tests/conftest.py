"""Fixtures: both real stores (SQLite on disk, DynamoDB on dynalite) and a skill around each."""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import boto3
import pytest

from scripts import package
from skill.app import KaizenSkill
from skill.store import Store
from skill.store.dynamodb import CLIENT_CONFIG, DynamoStore
from skill.store.sqlite import SqliteStore
from tests.builders import Speaker
from tests.pki import AlexaPki

DYNAMODB_ENDPOINT = os.environ.get("KAIZEN_TEST_DYNAMODB")
TEST_CREDENTIALS = {
    "region_name": "us-east-1",
    "aws_access_key_id": "test",
    "aws_secret_access_key": "test",
}


def dynamodb_client(endpoint: str | None = None):  # type: ignore[no-untyped-def]
    """A boto3 client for the test DynamoDB endpoint (dynalite on loopback)."""
    if not DYNAMODB_ENDPOINT and endpoint is None:
        pytest.skip("no DynamoDB endpoint: run through `make test`, which starts dynalite")
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint or DYNAMODB_ENDPOINT,
        config=CLIENT_CONFIG,
        **TEST_CREDENTIALS,
    )


def dynamodb_environment(table: str) -> dict[str, str]:
    """What a deployed function's environment says about its table, aimed at the test endpoint."""
    return {
        "KAIZEN_STORE": f"dynamodb://{table}",
        "AWS_ENDPOINT_URL_DYNAMODB": DYNAMODB_ENDPOINT or "",
        "AWS_DEFAULT_REGION": TEST_CREDENTIALS["region_name"],
        "AWS_ACCESS_KEY_ID": TEST_CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": TEST_CREDENTIALS["aws_secret_access_key"],
    }


def load_lambda(name: str) -> ModuleType:
    """A fresh copy of lambda/lambda_function.py, so its cached skill reads today's environment."""
    spec = importlib.util.spec_from_file_location(name, package.ENTRY_POINT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pki() -> AlexaPki:
    """One test CA per session, with its good and faulty signing certificates."""
    return AlexaPki.create()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SqliteStore]:
    """A fresh SQLite file."""
    store = SqliteStore(tmp_path / "kaizen.db")
    yield store
    store.close()


@pytest.fixture
def dynamo_store() -> DynamoStore:
    """A fresh table on dynalite."""
    store = DynamoStore(f"kaizen-{uuid.uuid4().hex[:12]}", client=dynamodb_client())
    store.create_table()
    return store


@pytest.fixture(params=["sqlite", "dynamodb"])
def store(request: pytest.FixtureRequest) -> Store:
    """Each test using it runs on both real backends."""
    name = "sqlite_store" if request.param == "sqlite" else "dynamo_store"
    backend: Store = request.getfixturevalue(name)
    return backend


@pytest.fixture
def skill(sqlite_store: SqliteStore) -> KaizenSkill:
    """The skill on a fresh SQLite store."""
    return KaizenSkill(sqlite_store)


@pytest.fixture
def alice(skill: KaizenSkill) -> Speaker:
    """A user talking to the skill on SQLite."""
    return Speaker(skill.invoke)
