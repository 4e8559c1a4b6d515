"""Cold start: how long a fresh Python process takes to import the Lambda entry point.

Each figure is timed inside a new interpreter (so interpreter start-up, the same for both,
is left out) and runs alternate between the skill and its floor: what any ask-sdk-core skill
on DynamoDB must import, `ask_sdk_core.skill_builder` and `boto3`. Two conditions:

- cached: bytecode written and warm for everything (the source tree and the venv);
- as shipped: run from the unpacked Lambda zip, which carries no bytecode (it must be
  compiled for the runtime's Python), so its modules, the SDK's included, compile on every
  cold start; boto3 comes from the runtime with its bytecode. The floor imports its
  ask_sdk_core from the same unpacked zip, as a hello-world skill's own zip would ship it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts.bench import ROOT, median

ENTRY_DIR = ROOT / "lambda"

FLOOR = """
import time
started = time.perf_counter()
import ask_sdk_core.skill_builder
import boto3
print(time.perf_counter() - started)
"""

# Importing the entry point, then building the skill around its DynamoDB store (which
# imports boto3 but makes no call: the client is built on the first read).
SKILL = """
import json, time
started = time.perf_counter()
import lambda_function
imported = time.perf_counter() - started
lambda_function._skill()
print(json.dumps([imported, time.perf_counter() - started]))
"""


@dataclass
class ColdStart:
    """Seconds per run for the floor, the entry point's import, and import + skill built."""

    floor: list[float] = field(default_factory=list)
    imported: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)

    @property
    def import_ratio(self) -> float:
        return median(self.imported) / median(self.floor)

    @property
    def ready_ratio(self) -> float:
        return median(self.ready) / median(self.floor)


def _run(code: str, directory: Path, bytecode: bool) -> str:
    environment = {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("KAIZEN_", "AWS_", "PYTHONDONTWRITEBYTECODE"))
        },
        "KAIZEN_STORE": "dynamodb://kaizen-bench",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    if not bytecode:
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=directory,  # first on sys.path, as /var/task is on Lambda
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def measure(runs: int, directory: Path = ENTRY_DIR, bytecode: bool = True) -> ColdStart:
    """`runs` fresh processes of each, alternating, after one unmeasured run of each.

    `directory` holds lambda_function.py; without `bytecode` none is written or read for
    what is imported from there.
    """
    for code in (FLOOR, SKILL):  # caches warm, bytecode written where allowed
        _run(code, directory, bytecode)
    result = ColdStart()
    for _ in range(runs):
        result.floor.append(float(_run(FLOOR, directory, bytecode)))
        imported, ready = json.loads(_run(SKILL, directory, bytecode))
        result.imported.append(imported)
        result.ready.append(ready)
    return result
