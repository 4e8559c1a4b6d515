"""Cold start to the first answer: a fresh process imports the entry point and answers a launch.

Each figure is timed inside a new interpreter (interpreter start-up, the same for both, is
left out), from the first import to the answer of one LaunchRequest for a returning user
whose record is on DynamoDB (dynalite on loopback). Runs alternate between the skill and its
floor: a hello-world ask-sdk-core skill that imports `ask_sdk_core.skill_builder` and `boto3`,
makes one GetItem on the same table and answers the same envelope. Two conditions:

- cached: bytecode written and warm for everything (the source tree and the venv);
- as shipped: run from the unpacked Lambda zip, which carries no bytecode, so its modules,
  the SDK's included, compile on every cold start; boto3 comes from the runtime with its
  bytecode. The floor imports its ask_sdk_core from the same unpacked zip, as a hello-world
  skill's own zip would ship it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from scripts.bench import ROOT, median
from skill.chat import envelope as env
from skill.coach.plan import set_goal
from skill.coach.state import UserState
from skill.store import user_key
from skill.store.dynamodb import DynamoStore
from tests.support import dynamodb
from tests.support.builders import START, launch

ENTRY_DIR = ROOT / "lambda"
USER = "amzn1.ask.account.bench-cold"

FLOOR = """
import json, os, sys, time
event = json.loads(sys.stdin.read())
started = time.perf_counter()
import boto3
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.dispatch_components import AbstractRequestHandler

class Hello(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return True
    def handle(self, handler_input):
        user = handler_input.request_envelope.context.system.user.user_id
        table = os.environ["KAIZEN_STORE"].removeprefix("dynamodb://")
        boto3.client("dynamodb").get_item(
            TableName=table, Key={"user": {"S": user}}, ConsistentRead=True
        )
        return handler_input.response_builder.speak("Hello").response

builder = SkillBuilder()
builder.add_request_handler(Hello())
reply = builder.lambda_handler()(event, None)
assert reply["response"]["outputSpeech"]
print(time.perf_counter() - started)
"""

SKILL = """
import json, sys, time
event = json.loads(sys.stdin.read())
started = time.perf_counter()
import lambda_function
reply = lambda_function.lambda_handler(event, None)
assert "Sorry" not in reply["response"]["outputSpeech"]["ssml"], reply
print(time.perf_counter() - started)
"""


@dataclass
class ColdStart:
    """Seconds per run from the first import to the first answer: the floor and the skill."""

    floor: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)

    @property
    def ready_ratio(self) -> float:
        return median(self.ready) / median(self.floor)


def _table() -> tuple[str, dict[str, Any]]:
    """A table holding a returning user with a goal, and the launch envelope for them."""
    table = f"bench-cold-{uuid.uuid4().hex[:8]}"
    store = DynamoStore(table, client=dynamodb.client())
    store.create_table()
    state, _, _ = set_goal(UserState(first_seen=START, last_seen=START), "MOVE", START)
    store.save(user_key(USER), state, None)
    the_next_morning = datetime.combine(START + timedelta(days=1), time(8), tzinfo=UTC)
    event = env.envelope(env.Caller(user_id=USER), launch(), timestamp=the_next_morning)
    return table, event


def _run(code: str, directory: Path, bytecode: bool, table: str, event: dict[str, Any]) -> str:
    environment = {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("KAIZEN_", "AWS_", "PYTHONDONTWRITEBYTECODE"))
        },
        **dynamodb.environment(table),
    }
    if not bytecode:
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=directory,  # first on sys.path, as /var/task is on Lambda
        env=environment,
        input=json.dumps(event),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def measure(runs: int, directory: Path = ENTRY_DIR, bytecode: bool = True) -> ColdStart:
    """`runs` fresh processes of each, alternating, after one unmeasured run of each.

    `directory` holds lambda_function.py; without `bytecode` none is written or read for
    what is imported from there.
    """
    table, event = _table()
    for code in (FLOOR, SKILL):  # caches warm, bytecode written where allowed
        _run(code, directory, bytecode, table, event)
    result = ColdStart()
    for _ in range(runs):
        result.floor.append(float(_run(FLOOR, directory, bytecode, table, event)))
        result.ready.append(float(_run(SKILL, directory, bytecode, table, event)))
    return result
