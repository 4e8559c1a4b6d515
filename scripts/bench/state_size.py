"""The stored state's size after long daily use on three goals, as DynamoDB counts an item.

A simulated person talks to the skill every day: today's step and "I did it" for each of
three goals, how it felt, a skipped day now and then, and a smaller step when life is hard.
The size is the item the DynamoDB store writes (attribute names plus values, in UTF-8),
measured against DynamoDB's 400 KB item limit.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from scripts.bench import median
from skill.app import KaizenSkill
from skill.store import codec, user_key
from skill.store.dynamodb import KEY, STATE, VERSION
from skill.store.sqlite import SqliteStore
from tests.support.builders import ALICE, START, Speaker

ITEM_LIMIT = 400 * 1024
GOALS = ("moving", "gratitude", "calm breathing")


@dataclass(frozen=True)
class StateSize:
    """The stored item after some days of use, and what a turn costs with it (ms, median)."""

    days: int
    item_bytes: int
    total_steps: int
    turn_ms: float

    @property
    def share_of_limit(self) -> float:
        return self.item_bytes / ITEM_LIMIT


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


def daily_use(days: tuple[int, ...]) -> list[StateSize]:
    """Talk to the skill every day; the item's size and a turn's cost at each count in `days`."""
    sizes = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "kaizen.db")
        person = Speaker(KaizenSkill(store).invoke)
        for area in GOALS:
            person.one_shot("SetGoalIntent", area=area)
        for day in range(1, max(days) + 1):
            person.on(START + timedelta(days=day))
            person.one_shot("GetStepIntent")
            for n, area in enumerate(GOALS):
                if day % 9 == n:
                    person.one_shot("SkipStepIntent", area=area)
                    continue
                if day % 13 == n:
                    person.one_shot("MakeSmallerIntent", area=area)
                person.say("CompleteStepIntent", area=area)
                person.say("RateStepIntent", rating=("easy", "about right", "hard")[day % 3])
            if day in days:
                record = store.load(user_key(ALICE))
                assert record is not None
                text = codec.dumps(record.state)
                size = item_bytes(user_key(ALICE), record.version, text)
                sizes.append(StateSize(day, size, record.state.total_steps, _turn_ms(person)))
        store.close()
    return sizes


def _turn_ms(person: Speaker, turns: int = 25) -> float:
    """The median time of "what's my step?" with the state as it is now (SQLite, in process)."""
    samples = []
    for _ in range(turns):
        started = time.perf_counter()
        person.one_shot("GetStepIntent")
        samples.append((time.perf_counter() - started) * 1e3)
    return median(samples)
