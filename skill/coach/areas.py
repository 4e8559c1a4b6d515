"""The areas a person can grow in, each with its ladder of small rungs and its cadence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Cadence(StrEnum):
    """How often a step is scheduled: every day, or N times a week (N is the rung's size)."""

    DAILY = "daily"
    WEEKLY = "weekly"


@dataclass(frozen=True)
class Area:
    """One area of growth.

    `ladder` holds the step sizes; each rung is at most 50% (or one whole unit, for small counts)
    above the last, so growth always feels like the same small step. `grow_after` is how many
    consecutive scheduled periods must be met at a rung before the coach suggests the next one.
    """

    id: str
    ladder: tuple[int, ...]
    cadence: Cadence = Cadence.DAILY
    grow_after: int = 3

    @property
    def top(self) -> int:
        """Index of the highest rung."""
        return len(self.ladder) - 1


CUSTOM = "CUSTOM"

AREAS: dict[str, Area] = {
    area.id: area
    for area in (
        Area("MOVE", (5, 6, 8, 10, 12, 15, 18, 22, 26, 30)),
        Area("SELF_CARE", (2, 3, 4, 5, 6, 8, 10, 12, 15)),
        Area("BREATHE", (3, 4, 5, 6, 8, 10, 12, 15, 20)),
        Area("GRATITUDE", (1, 2, 3, 4, 5)),
        Area("CONNECT", (2, 3, 4, 5, 6, 8, 10, 12, 15)),
        Area("EXPRESS", (1, 2, 3, 4, 5), cadence=Cadence.WEEKLY, grow_after=2),
        Area("REFLECT", (1, 2, 3, 4, 5, 6, 8, 10)),
        # A custom goal ("drinking water") gets a generic ladder of minutes.
        Area(CUSTOM, (2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 20)),
    )
}

BUILT_IN_AREAS: tuple[str, ...] = tuple(a for a in AREAS if a != CUSTOM)


def area_of(area_id: str) -> Area:
    """The area for an id; anything unknown is treated as a custom goal."""
    return AREAS.get(area_id, AREAS[CUSTOM])
