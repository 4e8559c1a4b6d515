"""Many users at once lose nothing: each ends exactly as if their turns had run alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.store.dynamodb import DynamoStore
from skill.store.sqlite import SqliteStore
from tests.reliability.conftest import Handler
from tests.support.builders import intent
from tests.support.users import AREAS, one_by_one, outcome, run_at_once, scripts
from tests.web.conftest import Web

USERS = 48
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def test_many_users_at_once_on_sqlite_end_as_if_each_ran_alone(
    sqlite_store: SqliteStore,
) -> None:
    work = scripts(USERS, START)
    heard = run_at_once(KaizenSkill(sqlite_store).invoke, work)
    expected = one_by_one(work)
    for user in work:
        assert outcome(sqlite_store, user, heard[user]) == expected[user]


def test_many_users_at_once_through_lambda_on_dynamodb_end_as_if_each_ran_alone(
    lambda_on_dynamodb: Handler, dynamo_store: DynamoStore
) -> None:
    work = scripts(USERS, START)
    heard = run_at_once(lambda event: lambda_on_dynamodb(event, None), work)
    expected = one_by_one(work)
    for user in work:
        assert outcome(dynamo_store, user, heard[user]) == expected[user]


def test_many_users_at_once_through_the_webservice_end_as_if_each_ran_alone(web: Web) -> None:
    work = scripts(USERS, datetime.now(UTC) - timedelta(seconds=60))

    def post(envelope: dict[str, Any]) -> dict[str, Any]:
        reply = web.send(envelope)
        assert reply.status == 200, reply.body
        result: dict[str, Any] = reply.json()
        return result

    heard = run_at_once(post, work)
    expected = one_by_one(work)
    for user in work:
        assert outcome(web.store, user, heard[user]) == expected[user]


def test_one_user_on_three_devices_at_once_loses_no_step(
    sqlite_store: SqliteStore, lambda_on_dynamodb: Handler, dynamo_store: DynamoStore
) -> None:
    # Each user says "I did it" for each of three goals from three devices at the same moment:
    # the writes race on one record, and every step must still count exactly once.
    users = 12
    setup = {
        f"amzn1.ask.account.devices-{n:02d}": [
            envelope_at(f"amzn1.ask.account.devices-{n:02d}", intent("SetGoalIntent", area=a), i)
            for i, a in enumerate(AREAS[:3])
        ]
        for n in range(users)
    }
    racing = {
        (user, area): [envelope_at(user, intent("CompleteStepIntent", area=area), 10)]
        for user in setup
        for area in AREAS[:3]
    }
    expected = one_by_one([(u, setup[u] + [racing[u, a][0] for a in AREAS[:3]]) for u in setup])
    invokers = {
        sqlite_store: KaizenSkill(sqlite_store).invoke,
        dynamo_store: lambda event: lambda_on_dynamodb(event, None),
    }
    for store, invoke in invokers.items():
        run_at_once(invoke, setup)
        run_at_once(invoke, racing, threads=18)
        for user in setup:
            ended = outcome(store, user, [])
            want = expected[user]
            assert ended.state is not None and want.state is not None
            assert ended.state == want.state
            assert ended.state.total_steps == 3 and ended.version == want.version


def envelope_at(user: str, request: dict[str, Any], minute: int) -> dict[str, Any]:
    """A one-shot request from `user` at START plus `minute` minutes."""
    caller = env.Caller(user_id=user)
    return env.envelope(caller, request, timestamp=START + timedelta(minutes=minute))
