"""Settings from the environment; explicit arguments always beat environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "kaizen-coach"


def default_store_url() -> str:
    """The embedded default: a SQLite file under the user's data directory.

    platformdirs is imported here, not at the top, because the Lambda package does not carry
    it: on Lambda the store is always named (KAIZEN_STORE=dynamodb://TABLE).
    """
    from platformdirs import user_data_dir

    return f"sqlite://{Path(user_data_dir(APP_NAME)) / 'kaizen.db'}"


@dataclass(frozen=True)
class Settings:
    """How the skill is wired: where state lives and which skill id it answers to."""

    store_url: str
    skill_id: str | None = None

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        store_url: str | None = None,
        skill_id: str | None = None,
    ) -> Settings:
        """Settings from arguments, then KAIZEN_STORE / KAIZEN_SKILL_ID, then defaults."""
        env = os.environ if env is None else env
        return cls(
            store_url=store_url or env.get("KAIZEN_STORE") or default_store_url(),
            skill_id=skill_id or env.get("KAIZEN_SKILL_ID") or None,
        )
