"""Store faults mid-run: users hear a short apology, nothing is half-written, all works after.

Every run is checked against the users' scripts applied alone: the turns that were answered
normally, and only those, must be in the stored state, in order.
"""

from __future__ import annotations

import copy
import os
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from skill.app import KaizenSkill
from skill.speech.ssml import Ssml, plain
from skill.store.dynamodb import DynamoStore
from skill.store.sqlite import SqliteStore
from tests.support import dynamodb
from tests.support.dynalite import free_port, start, stop
from tests.support.lambda_entry import load_lambda
from tests.support.pki import AlexaPki
from tests.support.users import (
    Invoke,
    Scripts,
    is_refusal,
    is_store_apology,
    one_by_one,
    outcome,
    run_at_once,
    scripts,
)
from tests.web.conftest import ChainDownloads, serve, verifying_app

USERS = 12
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def split(work: Scripts, before: int, during: int) -> tuple[Scripts, Scripts, Scripts]:
    """Each script cut in three: before the fault, during it, and the rest."""
    return (
        {user: turns[:before] for user, turns in work.items()},
        {user: turns[before : before + during] for user, turns in work.items()},
        {user: turns[before + during :] for user, turns in work.items()},
    )


def through_a_fault(invoke: Invoke, work: Scripts, fault: Any, repair: Any, store: Any) -> None:
    """Run scripts across a fault, retrying what failed once repaired, and check everything.

    The same threads act throughout, as a server's do, so a connection spoiled by the fault
    is still in use after the repair.
    """
    before, during, rest = split(work, before=4, during=3)
    with ThreadPoolExecutor(max_workers=6) as pool:
        heard_before = run_at_once(invoke, before, pool=pool)
        assert not any(is_store_apology(s) for said in heard_before.values() for s in said)

        fault()
        heard_during = run_at_once(invoke, during, pool=pool)
        for said in heard_during.values():
            # A turn that must write hears the short apology; one that only reads may still
            # answer if the store can be read. Nothing is written either way (checked below).
            apologies = [s for s in said if is_store_apology(s)]
            assert apologies and not any(is_refusal(s) and s not in apologies for s in said)
            assert all(len(plain(Ssml(s)).split()) <= 25 for s in apologies), "a short apology"
        repair()

        untouched = one_by_one(before)
        for user in work:
            assert outcome(store, user, heard_before[user]) == untouched[user], "half-written"

        # The person says again what went unheard: new requests, with ids of their own (the
        # webservice refuses a request id it has answered as a replay).
        retried = {user: [said_again(e) for e in during[user]] + rest[user] for user in work}
        heard_after = run_at_once(invoke, retried, pool=pool)
    expected = one_by_one(work)
    for user in work:
        heard = heard_before[user] + heard_after[user]
        assert outcome(store, user, heard) == expected[user]


def said_again(envelope: dict[str, Any]) -> dict[str, Any]:
    """The same words as a new request: a fresh request id, all else as before."""
    again = copy.deepcopy(envelope)
    again["request"]["requestId"] = f"amzn1.echo-api.request.{uuid.uuid4()}"
    return again


# -- DynamoDB: dynalite stopped and started again ------------------------------------------


@pytest.fixture
def private_dynalite(tmp_path: Path) -> Iterator[tuple[str, Path, list[Any]]]:
    """A dynalite of this test's own (so stopping it disturbs nothing else)."""
    binary = os.environ.get("KAIZEN_TEST_DYNALITE")
    if not binary:
        pytest.skip("no dynalite binary: run through `make test`")
    port, data = free_port(), tmp_path / "dynalite"
    data.mkdir()
    servers = [start(binary, port, str(data))]
    yield f"http://127.0.0.1:{port}", data, servers
    for server in servers:
        if server.poll() is None:
            stop(server)


def test_users_hear_an_apology_while_dynalite_is_down_and_carry_on_once_it_is_back(
    private_dynalite: tuple[str, Path, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint, data, servers = private_dynalite
    store = DynamoStore("kaizen-faults", client=dynamodb.client(endpoint))
    store.create_table()
    environment = {
        **dynamodb.environment(store.table),
        "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    handler = load_lambda("lambda_through_faults").lambda_handler
    binary = os.environ["KAIZEN_TEST_DYNALITE"]
    port = int(endpoint.rsplit(":", 1)[1])

    def crash() -> None:
        servers[0].kill()  # no goodbye: as a crashed or unreachable server looks
        servers[0].wait()

    def restart() -> None:
        servers[0] = start(binary, port, str(data))

    through_a_fault(
        lambda event: handler(event, None), scripts(USERS, START, "dyn"), crash, restart, store
    )


# -- SQLite: the file locked by another process, or read-only --------------------------------


def test_users_hear_an_apology_while_the_sqlite_file_is_locked_and_carry_on_after(
    pki: AlexaPki, tmp_path: Path
) -> None:
    path = tmp_path / "kaizen.db"
    store = SqliteStore(path, busy_timeout=0.2)
    downloads = ChainDownloads(pki.chains)
    blocker = sqlite3.connect(path, isolation_level=None)

    def lock() -> None:
        blocker.execute("BEGIN EXCLUSIVE")  # as a backup tool or a stuck process would

    def unlock() -> None:
        blocker.execute("ROLLBACK")

    web_servers = serve(verifying_app(pki, store, downloads), store, downloads, pki.signer)
    web = next(web_servers)
    try:

        def post(envelope: dict[str, Any]) -> dict[str, Any]:
            reply = web.send(envelope)
            assert reply.status == 200, "a locked store is still an answer, not an error"
            result: dict[str, Any] = reply.json()
            return result

        work = scripts(USERS, datetime.now(UTC) - timedelta(seconds=60), "locked")
        through_a_fault(post, work, lock, unlock, store)
    finally:
        next(web_servers, None)
        blocker.close()
        store.close()


@contextmanager
def unprivileged(directory: Path) -> Iterator[None]:
    """File permissions that apply: as root, act as `nobody` (owning `directory`) meanwhile."""
    if os.geteuid() != 0:
        yield
        return
    nobody = 65534
    for path in (directory, *directory.iterdir()):
        os.chown(path, nobody, nobody)
    os.setegid(nobody)
    os.seteuid(nobody)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_a_read_only_sqlite_file_gets_an_apology_and_writes_resume_once_it_is_writable() -> None:
    # Not under pytest's tmp_path: its parents are private to root, and `nobody` must reach it.
    with tempfile.TemporaryDirectory(prefix="kaizen-readonly-") as tmp:
        read_only_run(Path(tmp))


def read_only_run(directory: Path) -> None:
    path = directory / "kaizen.db"
    SqliteStore(path).close()  # the file exists, as it does when a server restarts
    with unprivileged(directory):
        before, after = SqliteStore(path), SqliteStore(path, busy_timeout=0.2)
        serving = [KaizenSkill(before)]

        def restart_read_only() -> None:
            # The server restarts while the file is read-only (a bad deploy, a restored
            # backup); its threads then open their connections, which SQLite makes read-only.
            before.close()
            path.chmod(0o444)
            serving[0] = KaizenSkill(after)

        def repair() -> None:
            # Fixed while the server runs, no second restart. SQLite gave the -shm file it
            # made meanwhile the database's read-only mode, so the fix covers every file.
            for file in directory.glob(f"{path.name}*"):
                file.chmod(0o644)

        try:
            through_a_fault(
                lambda event: serving[0].invoke(event),
                scripts(USERS, START, "readonly"),
                restart_read_only,
                repair,
                after,
            )
        finally:
            before.close()
            after.close()
