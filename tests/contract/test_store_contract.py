"""One contract for every store backend, run against SQLite and against dynalite."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from skill.coach.state import UserState
from skill.store import Store, StoreUnavailable, VersionConflict, open_store, update
from skill.store.dynamodb import DynamoStore
from skill.store.sqlite import SqliteStore
from tests.support import dynamodb

STATE = UserState(total_steps=3, first_seen=date(2026, 11, 2), time_zone="Asia/Tokyo")


def test_new_user_has_no_record(store: Store) -> None:
    assert store.load("nobody") is None


def test_saved_state_reads_back_equal_with_version_one(store: Store) -> None:
    assert store.save("u1", STATE, None) == 1
    record = store.load("u1")
    assert record is not None and record.state == STATE and record.version == 1


def test_write_with_a_stale_version_is_refused_and_changes_nothing(store: Store) -> None:
    store.save("u1", STATE, None)
    store.save("u1", replace(STATE, total_steps=4), 1)
    with pytest.raises(VersionConflict):
        store.save("u1", replace(STATE, total_steps=99), 1)
    record = store.load("u1")
    assert record is not None and record.state.total_steps == 4 and record.version == 2


def test_creating_a_record_that_exists_is_a_conflict(store: Store) -> None:
    store.save("u1", STATE, None)
    with pytest.raises(VersionConflict):
        store.save("u1", STATE, None)


def test_delete_forgets_the_user_and_only_that_user(store: Store) -> None:
    store.save("u1", STATE, None)
    store.save("u2", STATE, None)
    store.delete("u1")
    assert store.load("u1") is None and store.load("u2") is not None


def test_store_reports_healthy_when_it_answers(store: Store) -> None:
    assert store.healthy()


def test_concurrent_updates_to_one_user_lose_nothing(store: Store) -> None:
    threads, per_thread = 8, 10

    def bump(current: UserState | None) -> tuple[UserState, None]:
        state = current or UserState()
        return replace(state, total_steps=state.total_steps + 1), None

    errors: list[Exception] = []

    def worker() -> None:
        try:
            for _ in range(per_thread):
                update(store, "shared", bump)
        except Exception as error:
            errors.append(error)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert errors == []
    record = store.load("shared")
    assert record is not None and record.state.total_steps == threads * per_thread


def test_dynamodb_that_is_down_is_unavailable_not_a_crash() -> None:
    store = DynamoStore("kaizen", client=dynamodb.client("http://127.0.0.1:9"))
    with pytest.raises(StoreUnavailable):
        store.load("u1")
    with pytest.raises(StoreUnavailable):
        store.save("u1", STATE, None)
    assert not store.healthy()


def test_missing_dynamodb_table_is_unavailable(dynamo_store: DynamoStore) -> None:
    missing = DynamoStore("no-such-table", client=dynamo_store.client)
    with pytest.raises(StoreUnavailable):
        missing.load("u1")


def test_locked_sqlite_file_is_unavailable_and_keeps_the_old_state(tmp_path: Path) -> None:
    path = tmp_path / "kaizen.db"
    store = SqliteStore(path, busy_timeout=0.1)
    store.save("u1", STATE, None)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable):
            store.save("u1", replace(STATE, total_steps=10), 1)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    record = store.load("u1")
    assert record is not None and record.state == STATE


def test_sqlite_in_a_directory_that_cannot_exist_is_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreUnavailable):
        SqliteStore(blocker / "kaizen.db").load("u1")


def test_store_urls_select_the_backend(tmp_path: Path) -> None:
    assert isinstance(open_store(f"sqlite://{tmp_path}/k.db"), SqliteStore)
    dynamo = open_store("dynamodb://kaizen-users")
    assert isinstance(dynamo, DynamoStore) and dynamo.table == "kaizen-users"
    for bad in ("postgres://x", "sqlite://", "dynamodb://"):
        with pytest.raises(ValueError, match="store"):
            open_store(bad)
