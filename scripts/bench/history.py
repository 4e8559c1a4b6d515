"""What a person's history costs: item size, capacity units and a turn's time, by age of use.

A simulated person uses three goals every day for two years through the skill (today's step,
"I did it" for each goal, how it felt, a skip now and then, a smaller step when life is hard).
Their record after a day, a year and two years is put into each store beside a first-day
user's, and "what's my step?" is timed for both in the same run, interleaved: the ratio is
what loyalty costs per turn. On DynamoDB the item's size is measured by DynamoDB's own rules
and its capacity units by `ReturnConsumedCapacity` (dynalite reports them as DynamoDB does).
The migration's cost is reading every shipped v1 fixture against reading the same state in v2.
"""

from __future__ import annotations

import json
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from scripts.bench import ROOT, median
from skill.app import KaizenSkill
from skill.coach.state import UserState
from skill.store import Store, codec, user_key
from skill.store.dynamodb import KEY, STATE, VERSION, DynamoStore
from skill.store.sqlite import SqliteStore
from tests.support import dynamodb
from tests.support.builders import START, Speaker

ITEM_LIMIT = 400 * 1024
GOALS = ("moving", "gratitude", "calm breathing")
AGES = (1, 365, 730)  # days of use
FIXTURES = ROOT / "tests" / "fixtures" / "schema_v1"


@dataclass(frozen=True)
class Age:
    """One age of use: the stored item, and a turn's time against a first-day user's."""

    days: int
    item_bytes: int
    read_units: float | None  # a strongly consistent GetItem (DynamoDB)
    write_units: float | None  # a PutItem of the same item (DynamoDB)
    ratio_sqlite: float  # median turn, this user / first-day user, same run
    ratio_dynamodb: float
    turn_ms_sqlite: float
    turn_ms_dynamodb: float


@dataclass(frozen=True)
class Migration:
    """Reading shipped v1 records (and upgrading them) against reading v2 (µs, median)."""

    v1_us: float
    v2_us: float
    records: int


def item_bytes(key: str, version: int, state_json: str) -> int:
    """An item's size by DynamoDB's rules: names and string values in UTF-8, numbers packed."""

    def number(value: int) -> int:
        return (len(str(value)) + 1) // 2 + 1

    return (
        len(KEY)
        + len(key.encode())
        + len(VERSION)
        + number(version)
        + len(STATE)
        + len(state_json.encode())
    )


def lived(ages: tuple[int, ...]) -> dict[int, UserState]:
    """The record after each number of days of daily use on three goals."""
    states: dict[int, UserState] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "kaizen.db")
        person = Speaker(KaizenSkill(store).invoke)
        for area in GOALS:
            person.one_shot("SetGoalIntent", area=area)
        for day in range(1, max(ages) + 1):
            person.on(START + timedelta(days=day))
            person.launch()
            for n, area in enumerate(GOALS):
                if day % 9 == n:
                    person.one_shot("SkipStepIntent", area=area)
                    continue
                if day % 13 == n:
                    person.one_shot("MakeSmallerIntent", area=area)
                person.say("CompleteStepIntent", area=area)
                person.say("RateStepIntent", rating=("easy", "about right", "hard")[day % 3])
            if day % 7 == 0:
                person.one_shot("MakeBiggerIntent", area=GOALS[day % 3])
            if day in ages:
                record = store.load(user_key(person.caller.user_id))
                assert record is not None
                states[day] = record.state
        store.close()
    return states


def turn_ratio(store: Store, old: UserState, days: int, rounds: int) -> tuple[float, float]:
    """(median ms of an old user's "what's my step?", ratio to a first-day user's with the same
    three goals), the two interleaved so both meet the same machine."""
    newcomer, veteran = (f"amzn1.ask.account.bench-{uuid.uuid4().hex[:8]}" for _ in range(2))
    skill = KaizenSkill(store)
    first, old_speaker = Speaker(skill.invoke, user=newcomer), Speaker(skill.invoke, user=veteran)
    store.save(user_key(veteran), old, None)
    today = START + timedelta(days=days + 1)
    for area in GOALS:  # the same three goals, set today
        first.on(today).one_shot("SetGoalIntent", area=area)
    old_speaker.on(today)
    samples: dict[str, list[float]] = {"new": [], "old": []}
    for _ in range(rounds):
        for name, speaker in (("new", first), ("old", old_speaker)):
            started = time.perf_counter_ns()
            speaker.one_shot("GetStepIntent")
            samples[name].append((time.perf_counter_ns() - started) / 1e6)
    return median(samples["old"]), median(samples["old"]) / median(samples["new"])


def capacity(store: DynamoStore, key: str) -> tuple[float, float]:
    """(read units of a consistent GetItem, write units of a PutItem) of one user's item."""
    got = store.client.get_item(
        TableName=store.table,
        Key={KEY: {"S": key}},
        ConsistentRead=True,
        ReturnConsumedCapacity="TOTAL",
    )
    put = store.client.put_item(
        TableName=store.table, Item=got["Item"], ReturnConsumedCapacity="TOTAL"
    )
    return (
        float(got["ConsumedCapacity"]["CapacityUnits"]),
        float(put["ConsumedCapacity"]["CapacityUnits"]),
    )


def measure(ages: tuple[int, ...], rounds: int) -> list[Age]:
    """Each age of use on both stores, beside a first-day user in the same run."""
    states = lived(ages)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = SqliteStore(Path(tmp) / "kaizen.db")
        dynamo = DynamoStore(f"bench-{uuid.uuid4().hex[:8]}", client=dynamodb.client())
        dynamo.create_table()
        for days, state in states.items():
            ms_sqlite, ratio_sqlite = turn_ratio(sqlite, state, days, rounds)
            ms_dynamo, ratio_dynamo = turn_ratio(dynamo, state, days, rounds)
            key = f"bench-size-{days}"
            dynamo.save(key, state, None)
            reads, writes = capacity(dynamo, key)
            size = item_bytes(key, 1, codec.dumps(state))
            results.append(
                Age(days, size, reads, writes, ratio_sqlite, ratio_dynamo, ms_sqlite, ms_dynamo)
            )
        sqlite.close()
    return results


def migration(rounds: int) -> Migration:
    """Reading every shipped v1 record (upgraded as it is read) against the same states in v2."""
    v1 = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.json"))]
    v1 = [json.dumps(json.loads(text)) for text in v1]
    v2 = [codec.dumps(codec.loads(text)) for text in v1]

    def per_record(texts: list[str], read: Callable[[str], Any]) -> float:
        samples = []
        for _ in range(rounds):
            started = time.perf_counter_ns()
            for text in texts:
                read(text)
            samples.append((time.perf_counter_ns() - started) / 1e3 / len(texts))
        return median(samples)

    return Migration(per_record(v1, codec.loads), per_record(v2, codec.loads), len(v1))
