"""The areas a person can grow in: each a ladder of small rungs above a starter, and a cadence.

Rungs are at most about 25% apart, or one unit apart for small counts, so every growth feels
like the same small step. Below the first rung sits the starter: the smallest version of the
habit that still counts (shoes on and a step outside; one slow breath; one name).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Cadence(StrEnum):
    """How often a step is scheduled: every day, or N times a week (N is the step's size)."""

    DAILY = "daily"
    WEEKLY = "weekly"


class Unit(StrEnum):
    """What a step's size counts. Built-in areas have their own; custom goals pick one."""

    MINUTES = "MINUTES"
    BREATHS = "BREATHS"
    THINGS = "THINGS"
    TIMES = "TIMES"
    GLASSES = "GLASSES"
    PAGES = "PAGES"


# The starter rung's index; rung n >= 1 is ladder[n - 1].
STARTER = 0
# How much bigger one rung may be than the one below it (small counts may grow by one unit).
MAX_STEP_UP = 0.25


@dataclass(frozen=True)
class Area:
    """One area of growth: its ladder of sizes (the first rung first), unit and cadence."""

    id: str
    ladder: tuple[int, ...]
    unit: Unit
    cadence: Cadence = Cadence.DAILY

    @property
    def top(self) -> int:
        """The highest rung."""
        return len(self.ladder)

    def size(self, rung: int) -> int:
        """The size at a rung; the starter has size 0 (it is spoken as its own small act)."""
        return 0 if rung <= STARTER else self.ladder[min(rung, self.top) - 1]

    def rung_at_most(self, size: int) -> int:
        """The highest rung whose size is at most `size` (the starter if none is)."""
        fitting = [n for n in range(1, self.top + 1) if self.ladder[n - 1] <= size]
        return fitting[-1] if fitting else STARTER


CUSTOM = "CUSTOM"

AREAS: dict[str, Area] = {
    area.id: area
    for area in (
        Area("MOVE", (5, 6, 7, 8, 10, 12, 15, 18, 22, 26, 30), Unit.MINUTES),
        Area("SELF_CARE", (2, 3, 4, 5, 6, 7, 8, 10, 12, 15), Unit.MINUTES),
        Area("BREATHE", (3, 4, 5, 6, 7, 8, 10, 12, 15, 18, 20), Unit.BREATHS),
        Area("GRATITUDE", (1, 2, 3, 4, 5), Unit.THINGS),
        Area("CONNECT", (2, 3, 4, 5, 6, 7, 8, 10, 12, 15), Unit.MINUTES),
        Area("EXPRESS", (1, 2, 3, 4, 5), Unit.TIMES, Cadence.WEEKLY),
        Area("REFLECT", (1, 2, 3, 4, 5, 6, 7, 8, 10), Unit.MINUTES),
    )
}

BUILT_IN_AREAS: tuple[str, ...] = tuple(AREAS)

# A custom goal ("drinking water", "reading to my kid") climbs the ladder of its unit.
CUSTOM_AREAS: dict[Unit, Area] = {
    Unit.MINUTES: Area(CUSTOM, (2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 18, 20), Unit.MINUTES),
    Unit.GLASSES: Area(CUSTOM, (1, 2, 3, 4, 5, 6, 7, 8), Unit.GLASSES),
    Unit.PAGES: Area(CUSTOM, (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 18, 20), Unit.PAGES),
    Unit.TIMES: Area(CUSTOM, (1, 2, 3, 4, 5, 6, 7, 8, 10), Unit.TIMES),
}
CUSTOM_UNITS: tuple[Unit, ...] = tuple(CUSTOM_AREAS)


def area_of(area_id: str, unit: Unit | None = None) -> Area:
    """The area for an id; anything unknown is a custom goal, climbing its unit's ladder."""
    if area_id in AREAS:
        return AREAS[area_id]
    return CUSTOM_AREAS.get(unit or Unit.MINUTES, CUSTOM_AREAS[Unit.MINUTES])
