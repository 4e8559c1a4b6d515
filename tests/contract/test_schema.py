"""The stored state's schemas: schema 2 round-trips and is checked as it is read; every record
of schema 1 (the shipped release) is read as schema 2 and written so on its next change, on
SQLite and on DynamoDB alike; an unreadable record gets a way out and deletion still works."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skill.app import KaizenSkill
from skill.coach.areas import AREAS, CUSTOM, Unit
from skill.coach.days import Days
from skill.coach.state import Goal, Reminder, UserState, new_goal
from skill.store import CorruptState, Store, codec, user_key
from skill.store.dynamodb import DynamoStore
from skill.store.migrations import V1_LADDERS
from skill.store.sqlite import SqliteStore
from tests.support.builders import START, Speaker, heard
from tests.support.phrases import step

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1"
V1_RECORDS = {
    path.stem: path.read_text(encoding="utf-8").strip() for path in FIXTURES.glob("*.json")
}


def put_raw(store: Store, key: str, text: str, version: int = 7) -> None:
    """Write a record exactly as an earlier release left it, bypassing the codec."""
    if isinstance(store, SqliteStore):
        connection = store._connection()
        connection.execute(
            "INSERT INTO users (key, version, state) VALUES (?, ?, ?)", (key, version, text)
        )
    else:
        assert isinstance(store, DynamoStore)
        store.client.put_item(
            TableName=store.table,
            Item={"user": {"S": key}, "version": {"N": str(version)}, "state": {"S": text}},
        )


def raw(store: Store, key: str) -> dict[str, Any]:
    """The record as stored, decoded only as JSON."""
    if isinstance(store, SqliteStore):
        row = (
            store._connection().execute("SELECT state FROM users WHERE key = ?", (key,)).fetchone()
        )
        return dict(json.loads(row[0]))
    assert isinstance(store, DynamoStore)
    item = store.client.get_item(TableName=store.table, Key={"user": {"S": key}})["Item"]
    return dict(json.loads(item["state"]["S"]))


@pytest.mark.parametrize("name", sorted(V1_RECORDS))
def test_a_schema_1_record_keeps_its_goals_sizes_days_counts_and_reminder(
    store: Store, name: str
) -> None:
    old = json.loads(V1_RECORDS[name])
    put_raw(store, "person", V1_RECORDS[name])
    record = store.load("person")
    assert record is not None and record.version == 7
    state = record.state
    assert state.total_steps == old["total"]
    assert [g.area for g in state.goals] == [g["area"] for g in old["goals"]]
    for goal, before in zip(state.goals, old["goals"], strict=True):
        assert goal.size == V1_LADDERS[before["area"]][before["rung"]]
        assert goal.start_size == V1_LADDERS[before["area"]][before["start_rung"]]
        assert goal.custom_name == before["name"]
        days = {date.fromisoformat(d) for d, _, _ in before["done"]}
        assert goal.total_done == len(days)
        assert all(goal.done_on(d) for d in days)
        if days:
            assert goal.done.count(min(days), max(days)) == len(days)
    if old["reminder"]:
        token, at, zone = old["reminder"]
        assert state.reminder == Reminder(token, time.fromisoformat(at), zone, None)
    assert state.time_zone == old["tz"]


@pytest.mark.parametrize("name", ["steady", "three_goals"])
def test_a_schema_1_record_is_written_as_schema_2_with_the_next_change(
    store: Store, name: str
) -> None:
    put_raw(store, user_key("amzn1.ask.account.MIGRATING"), V1_RECORDS[name])
    person = Speaker(KaizenSkill(store).invoke, user="amzn1.ask.account.MIGRATING")
    last = date.fromisoformat(json.loads(V1_RECORDS[name])["last"])
    person.on(last + timedelta(days=1))
    asked = person.one_shot("GetStepIntent")  # reading alone writes nothing, not even a migration
    assert (
        asked.said("today.step")
        and raw(store, user_key("amzn1.ask.account.MIGRATING"))["schema"] == 1
    )
    person.one_shot("CompleteStepIntent")
    stored = raw(store, user_key("amzn1.ask.account.MIGRATING"))
    assert stored["schema"] == 2 and "spoken" not in stored
    record = store.load(user_key("amzn1.ask.account.MIGRATING"))
    assert record is not None and record.version == 8
    assert record.state.total_steps == json.loads(V1_RECORDS[name])["total"] + 1


def test_the_steady_walker_is_at_30_minutes_after_migration_as_before() -> None:
    state = codec.loads(V1_RECORDS["steady"])
    (walk,) = state.goals
    assert step("MOVE", walk.size) == step("MOVE", 30) and walk.start_size == 5


# -- schema 2 ---------------------------------------------------------------------------------

goals = st.builds(
    lambda area, rung, done, days_back, name: Goal(
        **{
            **new_goal(area, START, name if area == CUSTOM else None, Unit.MINUTES).__dict__,
            "rung": min(rung, (AREAS.get(area) or AREAS["MOVE"]).top),
            "done": _days(done),
            "total_done": len(set(done)),
            "hard_days": tuple(START + timedelta(days=d) for d in sorted(set(days_back))[:5]),
        }
    ),
    st.sampled_from([*AREAS, CUSTOM]),
    st.integers(min_value=0, max_value=11),
    st.lists(st.integers(min_value=0, max_value=800), max_size=60),
    st.lists(st.integers(min_value=0, max_value=13), max_size=5),
    st.text(alphabet="abcdefghij ", min_size=3, max_size=20).map(lambda t: t.strip() or "tea"),
)


def _days(offsets: list[int]) -> Days:
    days = Days()
    for offset in offsets:
        days = days.add(START + timedelta(days=offset))
    return days


people = st.lists(
    st.tuples(
        st.text(alphabet="0123456789abcdef", min_size=8, max_size=64),
        st.lists(goals, max_size=3, unique_by=lambda g: g.key).map(
            lambda found: UserState(goals=tuple(found), first_seen=START, routine_offered=START)
        ),
    ),
    max_size=3,
    unique_by=lambda person: person[0],
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(goals, max_size=3, unique_by=lambda g: g.key),
    st.integers(0, 10_000),
    people,
)
def test_any_schema_2_state_reads_back_exactly(
    goal_list: list[Goal], total: int, household: list[tuple[str, UserState]]
) -> None:
    state = UserState(
        goals=tuple(goal_list),
        total_steps=total,
        first_seen=START,
        last_seen=START + timedelta(days=3),
        time_zone="Europe/Berlin",
        time_zone_until=datetime(2026, 11, 3, 8, tzinfo=UTC),
        reminder=Reminder("tok", time(8, 0), "Europe/Berlin", "Time for your small step."),
        permissions=("alexa::alerts:reminders:skill:readwrite",),
        reviewed_week=START,
        routine_offered=START,
        voice_routine_offered=None,
        people=tuple(household),
    )
    assert codec.loads(codec.dumps(state)) == state


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d | {"schema": 3}, "unknown schema 3"),
        (lambda d: d | {"goals": [d["goals"][0] | {"rung": 40}]}, "a rung past its ladder"),
        (lambda d: d | {"goals": [d["goals"][0] | {"area": "FLYING"}]}, "unknown area"),
        (lambda d: d | {"total": -1}, "whole number"),
        (lambda d: d | {"goals": [d["goals"][0] | {"done": "2026-11-02:zz"}]}, "ValueError"),
        (
            lambda d: d | {"people": [["p", d | {"people": []}]]},
            "a person's record that is not one",
        ),
        (lambda d: d | {"people": [[str(n), {}] for n in range(11)]}, "more than a household"),
    ],
    ids=[
        "future schema",
        "rung past the ladder",
        "unknown area",
        "negative count",
        "bad bits",
        "a person within a person",
        "too many people",
    ],
)
def test_a_record_that_cannot_be_read_is_refused_as_it_is_read(change: Any, reason: str) -> None:
    good = json.loads(codec.dumps(UserState(goals=(new_goal("MOVE", START),))))
    with pytest.raises(CorruptState, match=reason):
        codec.loads(json.dumps(change(good)))


def test_an_unreadable_record_gets_a_way_out_and_start_over_deletes_it(store: Store) -> None:
    key = user_key("amzn1.ask.account.BROKEN")
    put_raw(store, key, json.dumps({"schema": 9, "goals": "??"}))
    skill = KaizenSkill(store)
    person = Speaker(skill.invoke, user="amzn1.ask.account.BROKEN")
    assert person.one_shot("GetStepIntent").said("error.unreadable")
    assert person.launch().said("error.unreadable")
    person.launch()
    person.say("DeleteDataIntent")  # "start over"
    assert person.say("AMAZON.YesIntent").said("delete.done")
    assert store.load(key) is None
    assert person.launch().said("welcome.first")


def test_a_turn_in_flight_never_brings_back_a_person_who_was_just_deleted(store: Store) -> None:
    key = user_key("amzn1.ask.account.GONE")
    store.save(key, UserState(goals=(new_goal("MOVE", START),)), None)
    calls = {"n": 0}
    real_load = store.load

    def load_then_delete(wanted: str) -> Any:
        found = real_load(wanted)
        calls["n"] += 1
        if calls["n"] == 1:  # "delete my data" lands between this turn's read and its write
            store.save(wanted, replace(found.state, total_steps=1), found.version)
            store.delete(wanted)
        return found

    store.load = load_then_delete  # type: ignore[method-assign]
    reply = heard(KaizenSkill(store).invoke(_complete_envelope()))
    store.load = real_load  # type: ignore[method-assign]
    assert reply.said("error.deleted")
    assert store.load(key) is None


def _complete_envelope() -> dict[str, Any]:
    from skill.chat import envelope as env

    caller = env.Caller(user_id="amzn1.ask.account.GONE")
    return env.envelope(
        caller,
        env.intent_request("CompleteStepIntent"),
        timestamp=datetime(2026, 11, 3, 8, tzinfo=UTC),
    )
