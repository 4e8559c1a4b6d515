"""The Store protocol every backend honours, its domain errors, and the versioned update loop."""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from skill.coach.state import UserState

T = TypeVar("T")

# Concurrent writers to one user are rare (one person, one speaker). Retries with a small
# jittered backoff let a burst of writers take turns; the worst case (about a second of
# waiting) stays well inside Alexa's 8 second budget.
MAX_ATTEMPTS = 25
BACKOFF_CAP = 0.08


class StoreError(Exception):
    """Base of every error a store raises."""


class StoreUnavailable(StoreError):
    """The store is down, locked or unreachable; nothing was changed."""


class VersionConflict(StoreError):
    """Someone else wrote this user's record since it was read."""


class RecordDeleted(StoreError):
    """The user's record was deleted while this turn was changing it: nothing is written."""


@dataclass(frozen=True)
class Record:
    """A user's state and the version it was stored with."""

    state: UserState
    version: int


class Store(Protocol):
    """One user's state per key, written only if the version read is still current."""

    def load(self, key: str) -> Record | None:
        """The stored record, or None for a new user."""
        ...

    def save(self, key: str, state: UserState, expected_version: int | None) -> int:
        """Write state if the record is still at `expected_version` (None: must not exist).

        Returns the new version; raises VersionConflict if someone wrote in between.
        """
        ...

    def delete(self, key: str) -> None:
        """Forget everything stored for this key."""
        ...

    def healthy(self) -> bool:
        """Whether the store answers right now."""
        ...


def user_key(user_id: str) -> str:
    """The key a user's state is stored under: a hash, so no raw Alexa id is kept or logged."""
    return hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:32]


def update(
    store: Store, key: str, change: Callable[[UserState | None], tuple[UserState | None, T]]
) -> T:
    """Read, apply `change`, and write back; on a conflict re-read and re-apply.

    `change` gets the current state (None for a new user) and returns the new state (None or
    the same object when nothing needs writing) and a result. It must be pure, because it may
    run more than once.
    """
    existed = False
    for attempt in range(MAX_ATTEMPTS):
        if attempt:
            time.sleep(random.uniform(0, min(BACKOFF_CAP, 0.005 * 2**attempt)))
        record = store.load(key)
        if record is None and existed:
            # Deleted since this turn first read it ("delete my data" on another device):
            # writing now would bring back a person who just asked to be forgotten.
            raise RecordDeleted(key)
        existed = existed or record is not None
        current = record.state if record else None
        new_state, result = change(current)
        if new_state is None or new_state is current:
            return result
        try:
            store.save(key, new_state, record.version if record else None)
        except VersionConflict:
            continue
        return result
    raise StoreUnavailable(f"gave up after {MAX_ATTEMPTS} conflicting writes")
