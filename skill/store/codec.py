"""Turns UserState into compact JSON and back; the one place the stored shape is defined."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from skill.coach.state import SCHEMA_VERSION, Entry, Goal, Rating, Reminder, UserState

_RATING_CODES = {Rating.EASY: "e", Rating.ABOUT_RIGHT: "a", Rating.HARD: "h"}
_RATINGS = {code: rating for rating, code in _RATING_CODES.items()}


class CorruptState(ValueError):
    """A stored record that cannot be read as this schema."""


def dumps(state: UserState) -> str:
    """Serialise state as compact JSON (dates as ISO strings, entries as short lists)."""
    return json.dumps(_to_dict(state), separators=(",", ":"), sort_keys=True)


def loads(text: str) -> UserState:
    """Read state written by `dumps`; anything unreadable raises CorruptState."""
    try:
        data = json.loads(text)
        if data.get("schema") != SCHEMA_VERSION:
            raise CorruptState(f"unknown schema {data.get('schema')!r}")
        return _from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, CorruptState):
            raise
        raise CorruptState(str(error)) from error


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _instant(value: str | None) -> datetime | None:
    if not value:
        return None
    instant = datetime.fromisoformat(value)
    if instant.tzinfo is None:
        raise CorruptState("an instant without a zone")
    return instant


def _reminder_to_list(reminder: Reminder | None) -> list[str] | None:
    if reminder is None:
        return None
    return [reminder.token, reminder.at.strftime("%H:%M"), reminder.zone]


def _reminder_from_list(value: list[str] | None) -> Reminder | None:
    if not value:
        return None
    token, at, zone = value
    return Reminder(str(token), time.fromisoformat(at), str(zone))


def _to_dict(state: UserState) -> dict[str, Any]:
    return {
        "schema": state.schema,
        "goals": [_goal_to_dict(g) for g in state.goals],
        "total": state.total_steps,
        "first": _day(state.first_seen),
        "last": _day(state.last_seen),
        "tz": state.time_zone,
        "tz_until": state.time_zone_until.isoformat() if state.time_zone_until else None,
        "reminder": _reminder_to_list(state.reminder),
        "perms": list(state.permissions) if state.permissions is not None else None,
        "spoken": [list(pair) for pair in state.spoken],
    }


def _goal_to_dict(goal: Goal) -> dict[str, Any]:
    return {
        "area": goal.area,
        "rung": goal.rung,
        "start": goal.started_on.isoformat(),
        "start_rung": goal.start_rung,
        "name": goal.custom_name,
        "done": [
            [e.day.isoformat(), e.size, _RATING_CODES[e.rating] if e.rating else None]
            for e in goal.entries
        ],
        "skipped": [d.isoformat() for d in goal.skipped],
        "changed": _day(goal.changed_on),
        "checked": _day(goal.checked_through),
        "easier": [_day(goal.easier_on), goal.easier_size] if goal.easier_on else None,
    }


def _from_dict(data: dict[str, Any]) -> UserState:
    return UserState(
        goals=tuple(_goal_from_dict(g) for g in data["goals"]),
        total_steps=int(data["total"]),
        first_seen=_date(data.get("first")),
        last_seen=_date(data.get("last")),
        time_zone=data.get("tz"),
        time_zone_until=_instant(data.get("tz_until")),
        reminder=_reminder_from_list(data.get("reminder")),
        permissions=tuple(str(p) for p in data["perms"]) if data.get("perms") is not None else None,
        spoken=tuple((str(k), int(v)) for k, v in data.get("spoken", [])),
        schema=int(data["schema"]),
    )


def _goal_from_dict(data: dict[str, Any]) -> Goal:
    easier = data.get("easier")
    return Goal(
        area=str(data["area"]),
        rung=int(data["rung"]),
        started_on=date.fromisoformat(data["start"]),
        start_rung=int(data.get("start_rung", 0)),
        custom_name=data.get("name"),
        entries=tuple(
            Entry(date.fromisoformat(d), int(size), _RATINGS[r] if r else None)
            for d, size, r in data["done"]
        ),
        skipped=tuple(date.fromisoformat(d) for d in data.get("skipped", [])),
        changed_on=_date(data.get("changed")),
        checked_through=_date(data.get("checked")),
        easier_on=_date(easier[0]) if easier else None,
        easier_size=int(easier[1]) if easier else 0,
    )
