"""AWS Lambda entry point: `lambda_handler` answers Alexa with the skill built from the env."""

from __future__ import annotations

import logging
import os
from functools import cache
from typing import Any

from skill.app import KaizenSkill
from skill.config import Settings

logging.getLogger().setLevel(logging.INFO)


@cache
def _skill() -> KaizenSkill:
    # Built on the first request, not at import, and reused while the container is warm.
    if not os.environ.get("KAIZEN_STORE"):
        # The embedded SQLite default would live in the container's /tmp and vanish with it.
        raise RuntimeError("KAIZEN_STORE is not set: on Lambda use dynamodb://TABLE")
    return KaizenSkill.from_settings(Settings.load())


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer one Alexa request envelope (KAIZEN_STORE, KAIZEN_SKILL_ID from the environment)."""
    return _skill().invoke(event)
