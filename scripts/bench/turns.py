"""Turn latency per core intent through `lambda_handler`, and the store calls each turn makes.

The Lambda entry point is loaded as Lambda loads it, configured only by its environment, on
SQLite and on DynamoDB (dynalite on loopback). Every turn is timed in process; the floor is a
hello-world ask-sdk-core skill answering the very same envelopes in the same round. DynamoDB
calls are counted with botocore's `before-call` event on the function's own client.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from scripts.bench import percentile
from scripts.bench.floor import hello_world_handler
from skill.chat import envelope as env
from skill.store.dynamodb import DynamoStore
from tests.support import dynamodb
from tests.support.builders import intent, launch
from tests.support.lambda_entry import load_lambda
from tests.support.users import is_refusal

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

USERS = 50
START = date(2026, 1, 5)
READS = {"GetItem"}
WRITES = {"PutItem", "DeleteItem"}

# What people say most, as one-shot requests; each user already has a goal.
CORE: dict[str, Callable[[], dict[str, Any]]] = {
    "LaunchRequest": launch,
    "GetStepIntent": lambda: intent("GetStepIntent"),
    "CompleteStepIntent": lambda: intent("CompleteStepIntent"),
    "SkipStepIntent": lambda: intent("SkipStepIntent"),
    "MakeSmallerIntent": lambda: intent("MakeSmallerIntent"),
    "ProgressIntent": lambda: intent("ProgressIntent"),
    "EncourageIntent": lambda: intent("EncourageIntent"),
    "ListGoalsIntent": lambda: intent("ListGoalsIntent"),
    "SetGoalIntent": lambda: intent("SetGoalIntent", area="gratitude"),
    "AMAZON.HelpIntent": lambda: intent("AMAZON.HelpIntent"),
    "AMAZON.StopIntent": lambda: intent("AMAZON.StopIntent"),
}
AGAIN = "LaunchRequest, a later day that week"
# Intents that need no state: they must not touch the store at all.
STATELESS = {"AMAZON.HelpIntent", "AMAZON.StopIntent"}


@dataclass
class IntentFigures:
    """One intent on one backend: per-round percentiles (ms), and store calls per turn."""

    p50: list[float] = field(default_factory=list)
    p99: list[float] = field(default_factory=list)
    floor_p50: list[float] = field(default_factory=list)
    floor_p99: list[float] = field(default_factory=list)
    reads: Counter[int] = field(default_factory=Counter)
    writes: Counter[int] = field(default_factory=Counter)


Figures = dict[str, IntentFigures]


class Timeline:
    """Envelopes for USERS people, the days moving forward as they are used.

    Every user is seen once a day, so a "done" is never the same day's second one, and the
    history grows as it does in real use.
    """

    def __init__(self) -> None:
        self.callers = [
            env.Caller(user_id=f"amzn1.ask.account.bench-{n:03d}") for n in range(USERS)
        ]
        self.turn = 0

    def next(self, request: dict[str, Any]) -> dict[str, Any]:
        caller = self.callers[self.turn % USERS]
        day = START + timedelta(days=self.turn // USERS)
        self.turn += 1
        at = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
        return env.envelope(caller, request, timestamp=at, session_id=str(uuid.uuid4()))

    def sweep(self, build: Callable[[], dict[str, Any]]) -> list[dict[str, Any]]:
        """One request from each user, in one day."""
        return [self.next(build()) for _ in range(USERS)]


def timed(
    handler: Handler, events: list[dict[str, Any]], check: Callable[[Any], None]
) -> list[float]:
    """Milliseconds per turn; every reply is checked so a failing store cannot look fast."""
    samples = []
    for event in events:
        started = time.perf_counter_ns()
        reply = handler(event, None)
        samples.append((time.perf_counter_ns() - started) / 1e6)
        check(reply)
    return samples


def answered(reply: Any) -> None:
    """Raise if the turn was refused (the store apology or the general one)."""
    ssml = reply["response"]["outputSpeech"]["ssml"]
    if is_refusal(ssml):
        raise RuntimeError(f"the benchmark turn failed: {ssml}")


class CallCounter:
    """Counts DynamoDB operations on one boto3 client, by botocore's before-call event."""

    def __init__(self, client: Any) -> None:
        self.calls: Counter[str] = Counter()
        client.meta.events.register("before-call.dynamodb", self._record)

    def _record(self, model: Any, **_: Any) -> None:
        self.calls[model.name] += 1

    def per_turn(self, handler: Handler, event: dict[str, Any]) -> tuple[int, int]:
        """(reads, writes) that one turn made."""
        self.calls.clear()
        handler(event, None)
        reads = sum(n for name, n in self.calls.items() if name in READS)
        writes = sum(n for name, n in self.calls.items() if name in WRITES)
        return reads, writes


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Process environment as a deployed function would have it, restored afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def lambda_on(backend: str) -> Iterator[tuple[Handler, CallCounter | None]]:
    """The entry point on a fresh SQLite file or a fresh DynamoDB table."""
    with tempfile.TemporaryDirectory() as tmp:
        if backend == "sqlite":
            values = {"KAIZEN_STORE": f"sqlite://{Path(tmp) / 'kaizen.db'}"}
        else:
            table = f"bench-{uuid.uuid4().hex[:8]}"
            DynamoStore(table, client=dynamodb.client()).create_table()
            values = dynamodb.environment(table)
        with environment(values):
            module = load_lambda(f"bench_lambda_{backend}")
            handler: Handler = module.lambda_handler
            store = module._skill().store
            counter = CallCounter(store.client) if isinstance(store, DynamoStore) else None
            yield handler, counter


def measure(backend: str, rounds: int, sweeps: int) -> Figures:
    """Each core intent, `rounds` times `sweeps` days of USERS turns, beside the floor."""
    floor = hello_world_handler()
    check = answered
    figures: Figures = {name: IntentFigures() for name in CORE}
    timeline = Timeline()
    with lambda_on(backend) as (handler, counter):
        for event in timeline.sweep(lambda: intent("SetGoalIntent", area="moving")):
            check(handler(event, None))
        for _ in range(rounds):
            for name, build in CORE.items():
                events = [e for _ in range(sweeps) for e in timeline.sweep(build)]
                floor_ms = timed(floor, events, lambda reply: None)
                ours_ms = timed(handler, events, check)
                figures[name].p50.append(percentile(ours_ms, 0.5))
                figures[name].p99.append(percentile(ours_ms, 0.99))
                figures[name].floor_p50.append(percentile(floor_ms, 0.5))
                figures[name].floor_p99.append(percentile(floor_ms, 0.99))
        if counter is not None:
            # Each sweep is a new day; the launch sweep is the week's first launch (the look
            # back is offered and remembered), so a second one the next day is the ordinary
            # launch of most days.
            counted = [*CORE.items(), (AGAIN, launch)]
            figures[AGAIN] = IntentFigures()
            for name, build in counted:
                for event in timeline.sweep(build):
                    reads, writes = counter.per_turn(handler, event)
                    figures[name].reads[reads] += 1
                    figures[name].writes[writes] += 1
    return figures
