"""Which days a step was done, as a compact bitmap over a bounded window of days.

A year of daily steps is 366 bits (46 bytes) instead of 366 records, and every question the
rules ask of it (done on a day? how many days in a week? the last done day? a streak?) is a
few integer operations, so a turn costs the same after years of use as on the first day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# Two years and a day: a look back never needs more, and the record stays small for good.
WINDOW_DAYS = 732


@dataclass(frozen=True)
class Days:
    """Done days: bit i set means done on `since + i` days. `since` is None while empty."""

    since: date | None = None
    bits: int = 0

    def has(self, day: date) -> bool:
        """Whether the step was done on `day`."""
        offset = self._offset(day)
        return offset is not None and bool(self.bits >> offset & 1)

    def add(self, day: date) -> Days:
        """These days with `day` done; days older than the window before `day` are dropped."""
        if self.since is None:
            return Days(day, 1)
        newest = max(day, self.last() or day)
        if newest - day >= timedelta(days=WINDOW_DAYS):
            return self  # older than anything the window keeps
        if day < self.since:
            shift = (self.since - day).days
            return Days(day, (self.bits << shift) | 1)._trimmed(newest)
        return Days(self.since, self.bits | 1 << (day - self.since).days)._trimmed(newest)

    def count(self, first: date, last: date) -> int:
        """How many days from `first` to `last` (both included) were done."""
        if self.since is None or last < first:
            return 0
        start = max(0, (first - self.since).days)
        end = (last - self.since).days
        if end < 0:
            return 0
        width = end - start + 1
        return (self.bits >> start & ((1 << width) - 1)).bit_count()

    def union(self, other: Days) -> Days:
        """The days done in either (within the window of the newer)."""
        if other.since is None:
            return self
        if self.since is None:
            return other
        since = min(self.since, other.since)
        bits = self.bits << (self.since - since).days | other.bits << (other.since - since).days
        newest = max(self.last() or since, other.last() or since)
        return Days(since, bits)._trimmed(newest)

    def last(self) -> date | None:
        """The most recent day done."""
        if self.since is None or not self.bits:
            return None
        return self.since + timedelta(days=self.bits.bit_length() - 1)

    def first(self) -> date | None:
        """The oldest day done that the window still holds."""
        if self.since is None or not self.bits:
            return None
        lowest = (self.bits & -self.bits).bit_length() - 1
        return self.since + timedelta(days=lowest)

    def _offset(self, day: date) -> int | None:
        if self.since is None or day < self.since:
            return None
        return (day - self.since).days

    def _trimmed(self, newest: date) -> Days:
        assert self.since is not None
        oldest = newest - timedelta(days=WINDOW_DAYS - 1)
        if self.since >= oldest:
            return self
        drop = (oldest - self.since).days
        bits = self.bits >> drop
        if not bits:
            return Days()
        # Re-anchor on the oldest day still done, so the stored number stays small.
        lowest = (bits & -bits).bit_length() - 1
        return Days(oldest + timedelta(days=lowest), bits >> lowest)

    def to_text(self) -> str | None:
        """A compact text form for storage: 'YYYY-MM-DD:hex', or None when empty."""
        if self.since is None or not self.bits:
            return None
        return f"{self.since.isoformat()}:{self.bits:x}"

    @classmethod
    def from_text(cls, text: str | None) -> Days:
        """Read `to_text`'s form; raises ValueError if it is not one."""
        if not text:
            return cls()
        day, _, hex_bits = text.partition(":")
        bits = int(hex_bits, 16)
        if bits < 0 or bits.bit_length() > WINDOW_DAYS:
            raise ValueError("done days outside the window")
        return cls(date.fromisoformat(day), bits)
