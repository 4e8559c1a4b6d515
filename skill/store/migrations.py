"""Reads every stored schema that has shipped and brings it to the current one.

Schema 1 (the first release) kept one record per completed step and the phrase memory; schema
2 keeps done days as a bitmap and a few size changes. A schema 1 record is read as if it had
always been schema 2 and is written as schema 2 with the person's next change: the goals,
their order and sizes, every done day, the counts and the reminder are kept exactly.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from skill.coach.areas import CUSTOM, STARTER, Unit, area_of
from skill.coach.days import Days
from skill.coach.state import HARD_MEMORY, KEPT_CHANGES, Goal, SizeChange, Why

# Schema 1's ladders, frozen as they shipped: its records name rungs, not sizes.
V1_LADDERS: dict[str, tuple[int, ...]] = {
    "MOVE": (5, 6, 8, 10, 12, 15, 18, 22, 26, 30),
    "SELF_CARE": (2, 3, 4, 5, 6, 8, 10, 12, 15),
    "BREATHE": (3, 4, 5, 6, 8, 10, 12, 15, 20),
    "GRATITUDE": (1, 2, 3, 4, 5),
    "CONNECT": (2, 3, 4, 5, 6, 8, 10, 12, 15),
    "EXPRESS": (1, 2, 3, 4, 5),
    "REFLECT": (1, 2, 3, 4, 5, 6, 8, 10),
    CUSTOM: (2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 20),
}


def v1_goal(data: dict[str, Any], last_seen: date | None) -> Goal:
    """A schema 1 goal as a schema 2 goal (raises on anything out of range)."""
    area = str(data["area"])
    ladder = V1_LADDERS.get(area, V1_LADDERS[CUSTOM])
    area = area if area in V1_LADDERS else CUSTOM
    rung = int(data["rung"])
    start_rung = int(data.get("start_rung", 0))
    if not (0 <= rung < len(ladder) and 0 <= start_rung < len(ladder)):
        raise ValueError("a rung past its ladder")
    unit = Unit.MINUTES if area == CUSTOM else None
    spec = area_of(area, unit)
    entries = [(date.fromisoformat(day), int(size), rating) for day, size, rating in data["done"]]
    done = Days()
    for day, _, _ in entries:
        done = done.add(day)
    changes: list[SizeChange] = []
    for (_, before, _), (day, size, _) in pairwise(entries):
        if size != before:
            why = Why.GREW if size > before else Why.TOO_HARD
            changes.append(SizeChange(day, spec.rung_at_most(size), why))
    now = spec.rung_at_most(ladder[rung])
    changed = _day(data.get("changed"))
    if changed is not None and (not changes or changes[-1].rung != now):
        last_size = entries[-1][1] if entries else ladder[start_rung]
        why = Why.GREW if ladder[rung] > last_size else Why.TOO_HARD
        changes.append(SizeChange(changed, now, why))
    recent = (last_seen or date.max) - HARD_MEMORY + timedelta(days=1)
    hard = tuple(day for day, _, rating in entries if rating == "h" and day >= recent)
    rated = [day for day, _, rating in entries if rating]
    easier = data.get("easier")
    return Goal(
        area=area,
        rung=now,
        started_on=date.fromisoformat(data["start"]),
        start_size=ladder[start_rung],
        custom_name=data.get("name") if area == CUSTOM else None,
        unit=unit,
        done=done,
        total_done=len(entries),
        changes=tuple(changes[-KEPT_CHANGES:]),
        hard_days=hard,
        changed_on=changed,
        grown_on=max((c.day for c in changes if c.why is Why.GREW), default=None),
        asked_on=max(rated, default=None),
        easier_on=_day(easier[0]) if easier else None,
        easier_rung=spec.rung_at_most(int(easier[1])) if easier else STARTER,
    )


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None
