"""Fixtures: both real stores (SQLite on disk, DynamoDB on dynalite) and a skill around each."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from skill.app import KaizenSkill
from skill.store import Store
from skill.store.dynamodb import DynamoStore
from skill.store.sqlite import SqliteStore
from tests.support import dynamodb
from tests.support.builders import Speaker
from tests.support.pki import AlexaPki


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
    store = DynamoStore(f"kaizen-{uuid.uuid4().hex[:12]}", client=dynamodb.client())
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
