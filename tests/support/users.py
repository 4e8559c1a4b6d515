"""Many users with fixed scripts, run at once, and the outcome each script has when run alone.

A script is a list of complete request envelopes (fixed request ids and timestamps), so the
skill's answers and the stored state depend on nothing but the envelopes: running a user's
script alone on a fresh store gives exactly what that user must end with under any load.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Hashable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.coach.state import UserState
from skill.speech.phrasebook import phrasebook
from skill.store import Store, user_key
from skill.store.sqlite import SqliteStore
from tests.support.builders import heard, intent

K = TypeVar("K", bound=Hashable)
Invoke = Callable[[dict[str, Any]], dict[str, Any]]
Scripts = dict[str, list[dict[str, Any]]]

AREAS = ("moving", "gratitude", "calm breathing", "self care", "connecting with people")
_BOOK = phrasebook("en-US")
STORE_APOLOGY = tuple(_BOOK.variants("error.store"))
# Every sentence the skill says instead of acting: the store apology and the general one.
REFUSALS = (*STORE_APOLOGY, *_BOOK.variants("error.general"))


def requests_for(n: int) -> list[dict[str, Any]]:
    """Ten things user `n` says in one day, each as a one-shot request."""
    first, second = AREAS[n % len(AREAS)], AREAS[(n + 1) % len(AREAS)]
    return [
        intent("SetGoalIntent", area=first),
        intent("GetStepIntent"),
        intent("CompleteStepIntent"),
        intent("RateStepIntent", rating=("easy", "about right", "hard")[n % 3]),
        intent("SetGoalIntent", area=second),
        intent("MakeSmallerIntent", area=second),
        intent("CompleteStepIntent", area=second),
        intent("ProgressIntent"),
        intent("EncourageIntent"),
        intent("SkipStepIntent", area=first),
    ]


def scripts(users: int, start: datetime, prefix: str = "load") -> Scripts:
    """`users` scripts, keyed by user id, their turns five seconds apart from `start`."""
    out: Scripts = {}
    for n in range(users):
        caller = env.Caller(user_id=f"amzn1.ask.account.{prefix}-{n:03d}")
        out[caller.user_id] = [
            env.envelope(
                caller,
                request,
                timestamp=start + timedelta(seconds=5 * turn),
                session_id=f"{prefix}-{n}-{turn}",
            )
            for turn, request in enumerate(requests_for(n))
        ]
    return out


def speech(reply: dict[str, Any]) -> str:
    """What the user heard, as SSML."""
    return heard(reply).ssml


def is_store_apology(ssml: str) -> bool:
    """Whether a reply's speech is the short "I can't reach your progress" apology."""
    return any(text in ssml for text in STORE_APOLOGY)


def is_refusal(ssml: str) -> bool:
    """Whether a reply's speech is an apology instead of an answer."""
    return any(text in ssml for text in REFUSALS)


def run_at_once(
    invoke: Invoke,
    work: Mapping[K, list[dict[str, Any]]],
    threads: int = 16,
    pool: ThreadPoolExecutor | None = None,
) -> dict[K, list[str]]:
    """Every script at once on `threads` new threads, or on `pool`'s (each script in order)."""

    def one_user(envelopes: list[dict[str, Any]]) -> list[str]:
        return [speech(invoke(envelope)) for envelope in envelopes]

    if pool is not None:
        return dict(zip(work, pool.map(one_user, work.values()), strict=True))
    with ThreadPoolExecutor(max_workers=threads) as own:
        return dict(zip(work, own.map(one_user, work.values()), strict=True))


@dataclass(frozen=True)
class Outcome:
    """What a user ends with: the stored state, its version, and every reply heard."""

    state: UserState | None
    version: int
    replies: list[str]


def outcome(store: Store, user: str, replies: list[str]) -> Outcome:
    """A user's outcome as it stands in `store`."""
    record = store.load(user_key(user))
    return Outcome(record.state if record else None, record.version if record else 0, replies)


def one_by_one(
    work: Scripts | Iterable[tuple[str, list[dict[str, Any]]]],
) -> dict[str, Outcome]:
    """Each user's script applied alone, in order, on a fresh SQLite store."""
    items = work.items() if isinstance(work, dict) else work
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "alone.db")
        skill = KaizenSkill(store)
        result = {}
        for user, envelopes in items:
            replies = [speech(skill.invoke(envelope)) for envelope in envelopes]
            result[user] = outcome(store, user, replies)
        store.close()
    return result
