"""Turns UserState into compact JSON and back; the one place the stored shape is defined.

Reads every schema that has shipped (see `migrations`) and writes the current one. Decoding
validates what it reads (known areas and units, rungs on their ladder, dates, bounded lists),
so a record that passes never fails later in the rules; one that does not is a
`CorruptState`, which the skill answers with a way out rather than an error on every turn.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

from skill.coach.areas import AREAS, CUSTOM, STARTER, Unit, area_of
from skill.coach.days import Days
from skill.coach.state import (
    KEPT_CHANGES,
    MAX_GOALS,
    MAX_PEOPLE,
    SCHEMA_VERSION,
    Goal,
    Reminder,
    SizeChange,
    UserState,
    Why,
)
from skill.store.migrations import v1_goal

# Names and texts are spoken back; nothing longer than this was ever written.
MAX_TEXT = 200


class CorruptState(ValueError):
    """A stored record that cannot be read as any schema this code knows."""


def dumps(state: UserState) -> str:
    """Serialise state as compact JSON (dates as ISO strings, done days as a bitmap)."""
    return json.dumps(_to_dict(state), separators=(",", ":"), sort_keys=True)


def loads(text: str) -> UserState:
    """Read state of any shipped schema; anything unreadable raises CorruptState."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise CorruptState("not a JSON object")
        schema = data.get("schema")
        if schema == SCHEMA_VERSION:
            return _from_dict(data)
        if schema == 1:
            return _from_v1(data)
        raise CorruptState(f"unknown schema {schema!r}")
    except CorruptState:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise CorruptState(f"{type(error).__name__}: {error}") from error


def stored_schema(text: str) -> int | None:
    """The schema a stored record says it has (None if it says nothing readable)."""
    try:
        value = json.loads(text).get("schema")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) else None


# -- writing ----------------------------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _to_dict(state: UserState) -> dict[str, Any]:
    reminder = state.reminder
    return {
        "schema": SCHEMA_VERSION,
        "goals": [_goal_to_dict(g) for g in state.goals],
        "total": state.total_steps,
        "first": _day(state.first_seen),
        "last": _day(state.last_seen),
        "tz": state.time_zone,
        "tz_until": state.time_zone_until.isoformat() if state.time_zone_until else None,
        "reminder": [reminder.token, reminder.at.strftime("%H:%M"), reminder.zone, reminder.text]
        if reminder
        else None,
        "perms": list(state.permissions) if state.permissions is not None else None,
        "reviewed": _day(state.reviewed_week),
        "routine": _day(state.routine_offered),
        "voice_routine": _day(state.voice_routine_offered),
        # Pairs, not an object: the order people were first recognised in is kept as it is.
        "people": [[key, _person_to_dict(person)] for key, person in state.people],
    }


def _person_to_dict(state: UserState) -> dict[str, Any]:
    """A person's own part of the household record: no schema or people of its own."""
    data = _to_dict(state)
    for kept_by_the_account in ("schema", "people", "tz", "tz_until", "perms"):
        del data[kept_by_the_account]
    return data


def _goal_to_dict(goal: Goal) -> dict[str, Any]:
    data: dict[str, Any] = {
        "area": goal.area,
        "rung": goal.rung,
        "start": goal.started_on.isoformat(),
        "start_size": goal.start_size,
        "done": goal.done.to_text(),
        "total": goal.total_done,
        "changes": [[c.day.isoformat(), c.rung, c.why.value] for c in goal.changes],
        "hard": [d.isoformat() for d in goal.hard_days],
        "changed": _day(goal.changed_on),
        "grown": _day(goal.grown_on),
        "offer_after": _day(goal.offer_after),
        "asked": _day(goal.asked_on),
        "easier": [goal.easier_on.isoformat(), goal.easier_rung] if goal.easier_on else None,
    }
    if goal.area == CUSTOM:
        data["name"] = goal.custom_name
        data["unit"] = (goal.unit or Unit.MINUTES).value
    return data


# -- reading, with every value checked --------------------------------------------------------


def _date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CorruptState("a date that is not text")
    return date.fromisoformat(value)


def _text(value: object, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise CorruptState("text missing or too long")
    return value


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CorruptState("a count that is not a whole number")
    return value


def _instant(value: object) -> datetime | None:
    if value is None:
        return None
    instant = datetime.fromisoformat(_text(value))
    if instant.tzinfo is None:
        raise CorruptState("an instant without a zone")
    return instant


def _reminder(value: object) -> Reminder | None:
    if not value:
        return None
    if not isinstance(value, list) or len(value) not in (3, 4):
        raise CorruptState("a reminder of the wrong shape")
    token, at, zone, *text = value
    words = text[0] if text else None
    return Reminder(
        _text(token),
        time.fromisoformat(_text(at, 5)),
        _text(zone, 64),
        None if words is None else _text(words),
    )


def _common(data: dict[str, Any], goals: tuple[Goal, ...]) -> UserState:
    if len(goals) > MAX_GOALS:
        raise CorruptState("more goals than a person can have")
    perms = data.get("perms")
    return UserState(
        goals=goals,
        total_steps=_count(data["total"]),
        first_seen=_date(data.get("first")),
        last_seen=_date(data.get("last")),
        time_zone=_text(data["tz"], 64) if data.get("tz") is not None else None,
        time_zone_until=_instant(data.get("tz_until")),
        reminder=_reminder(data.get("reminder")),
        permissions=tuple(_text(p) for p in perms) if perms is not None else None,
        reviewed_week=_date(data.get("reviewed")),
    )


def _from_dict(data: dict[str, Any]) -> UserState:
    state = _common(data, tuple(_goal_from_dict(g) for g in data["goals"]))
    people = data.get("people") or []
    if not isinstance(people, list) or len(people) > MAX_PEOPLE:
        raise CorruptState("people missing or more than a household holds")
    household = tuple((_text(key, 64), _person_from_dict(person)) for key, person in people)
    if len({key for key, _ in household}) != len(household):
        raise CorruptState("a person kept twice")
    return replace(
        state,
        routine_offered=_date(data.get("routine")),
        voice_routine_offered=_date(data.get("voice_routine")),
        people=household,
    )


def _person_from_dict(data: object) -> UserState:
    if not isinstance(data, dict) or "people" in data:
        raise CorruptState("a person's record that is not one")
    state = _common(
        {**data, "tz": None, "perms": None}, tuple(_goal_from_dict(g) for g in data["goals"])
    )
    return replace(
        state,
        routine_offered=_date(data.get("routine")),
        voice_routine_offered=_date(data.get("voice_routine")),
    )


def _from_v1(data: dict[str, Any]) -> UserState:
    last_seen = _date(data.get("last"))
    goals = tuple(_checked(v1_goal(g, last_seen)) for g in data["goals"])
    state = _common(data, goals)
    # The look back is offered on the first visit of a new week: not again this week.
    return replace(state, reviewed_week=last_seen)


def _goal_from_dict(data: dict[str, Any]) -> Goal:
    area = _text(data["area"], 32)
    unit = Unit(data["unit"]) if area == CUSTOM else None
    easier = data.get("easier")
    changes = data.get("changes") or []
    hard = data.get("hard") or []
    if len(changes) > KEPT_CHANGES or len(hard) > 31:
        raise CorruptState("history longer than is ever kept")
    goal = Goal(
        area=area,
        rung=_count(data["rung"]),
        started_on=date.fromisoformat(_text(data["start"], 10)),
        start_size=_count(data["start_size"]),
        custom_name=_text(data["name"], 64) if area == CUSTOM else None,
        unit=unit,
        done=Days.from_text(data.get("done")),
        total_done=_count(data.get("total", 0)),
        changes=tuple(
            SizeChange(date.fromisoformat(_text(d, 10)), _count(r), Why(w)) for d, r, w in changes
        ),
        hard_days=tuple(date.fromisoformat(_text(d, 10)) for d in hard),
        changed_on=_date(data.get("changed")),
        grown_on=_date(data.get("grown")),
        offer_after=_date(data.get("offer_after")),
        asked_on=_date(data.get("asked")),
        easier_on=_date(easier[0]) if easier else None,
        easier_rung=_count(easier[1]) if easier else STARTER,
    )
    return _checked(goal)


def _checked(goal: Goal) -> Goal:
    """A goal whose values the rules can use without failing: else CorruptState."""
    if goal.area != CUSTOM and goal.area not in AREAS:
        raise CorruptState(f"unknown area {goal.area!r}")
    if goal.area == CUSTOM and not goal.custom_name:
        raise CorruptState("a custom goal without a name")
    top = area_of(goal.area, goal.unit).top
    rungs = (goal.rung, goal.easier_rung, *(c.rung for c in goal.changes))
    if any(not STARTER <= rung <= top for rung in rungs):
        raise CorruptState("a rung past its ladder")
    return goal
