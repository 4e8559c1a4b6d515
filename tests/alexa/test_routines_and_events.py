"""Routines (launches and the DailyStep task) and skill events (disable, permissions)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.chat.alexa_api import REMINDERS_SCOPE, AlexaApiStandIn
from skill.handlers.routines import DAILY_STEP
from skill.store import StoreUnavailable, user_key
from skill.store.sqlite import SqliteStore
from tests.alexa.conftest import Person
from tests.support.builders import SKILL_ID
from tests.support.phrases import step

TASKS = Path(__file__).resolve().parents[2] / "infra" / "skill-package" / "tasks"
DAILY_STEP_TASK = f"{SKILL_ID}.{DAILY_STEP}"


def walker(skill: KaizenSkill, alexa: AlexaApiStandIn) -> Person:
    person = Person(skill, alexa, "Europe/London")
    person.speaker.launch()
    person.speaker.say("SetGoalIntent", area="walking")
    return person


def directive_types(response: dict[str, Any]) -> list[str]:
    return [d["type"] for d in response["response"].get("directives") or []]


def test_a_returning_launch_gives_the_step_at_once(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    heard = person.speaker.launch()
    first_sentence = heard.text.split(". ")[0]
    assert step("MOVE", 5) in first_sentence
    assert len(heard.text.split()) <= 20


def test_the_daily_step_task_says_the_step_and_completes(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    heard = person.speaker.outside_session(env.task_launch(DAILY_STEP_TASK))
    assert step("MOVE", 5) in heard.text and heard.ended
    assert "?" not in heard.text and "reprompt" not in heard.envelope["response"]
    [done] = heard.envelope["response"]["directives"]
    assert done == {"type": "Tasks.CompleteTask", "status": {"code": "200", "message": "OK"}}


def test_the_daily_step_task_for_a_new_user_points_to_the_skill(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa, "Europe/London")
    heard = person.speaker.outside_session(env.task_launch(DAILY_STEP_TASK))
    assert "open kaizen coach" in heard.text.lower() and heard.ended
    assert directive_types(heard.envelope) == ["Tasks.CompleteTask"]


def test_an_unknown_task_is_declined(skill: KaizenSkill, alexa: AlexaApiStandIn) -> None:
    person = walker(skill, alexa)
    heard = person.speaker.outside_session(env.task_launch(f"{SKILL_ID}.OrderPizza"))
    [done] = heard.envelope["response"]["directives"]
    assert done["type"] == "Tasks.CompleteTask" and done["status"]["code"] == "400"
    assert heard.ended


def test_the_task_definition_in_infra_matches_the_handler() -> None:
    definition = json.loads((TASKS / f"{DAILY_STEP}.1.json").read_text(encoding="utf-8"))
    assert definition["openapi"].startswith("3.")
    assert definition["info"]["version"] == "1"
    assert list(definition["paths"]) == [f"/{DAILY_STEP}"]
    assert set(definition["paths"][f"/{DAILY_STEP}"]) >= {"post"}
    assert definition["info"]["x-amzn-display-details"]["en-US"]["title"]


def test_skill_disabled_forgets_everything_stored_for_the_user(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    person.speaker.say("SetReminderIntent", time="8 am")
    assert person.state().reminder is not None
    heard = person.speaker.outside_session(
        env.skill_event("SkillDisabled", {"userInformationPersistenceStatus": "PERSISTED"})
    )
    assert heard.text == "" and heard.envelope["response"].get("outputSpeech") is None
    assert skill.store.load(user_key(person.user_id)) is None
    # Coming back later starts afresh.
    assert "kaizen coach" in person.speaker.launch().text.lower()


def test_skill_enabled_stores_nothing(skill: KaizenSkill, alexa: AlexaApiStandIn) -> None:
    person = Person(skill, alexa)
    person.speaker.outside_session(env.skill_event("SkillEnabled"))
    assert skill.store.load(user_key(person.user_id)) is None


def test_permission_events_record_what_the_user_granted(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = walker(skill, alexa)
    accepted = {"acceptedPermissions": [{"scope": REMINDERS_SCOPE}]}
    person.speaker.outside_session(env.skill_event("SkillPermissionAccepted", accepted))
    assert person.state().permissions == (REMINDERS_SCOPE,)
    assert person.state().goals  # nothing else touched
    person.speaker.outside_session(env.skill_event("SkillPermissionChanged", {}))
    assert person.state().permissions == ()


def test_a_permission_event_before_any_conversation_is_kept(
    skill: KaizenSkill, alexa: AlexaApiStandIn
) -> None:
    person = Person(skill, alexa)
    accepted = {"acceptedPermissions": [{"scope": REMINDERS_SCOPE}]}
    person.speaker.outside_session(env.skill_event("SkillPermissionAccepted", accepted))
    assert person.state().permissions == (REMINDERS_SCOPE,) and person.state().goals == ()


def test_a_skill_disabled_event_is_not_lost_silently_when_the_store_is_down(
    tmp_path: Path, alexa: AlexaApiStandIn
) -> None:
    path = tmp_path / "k.db"
    skill = KaizenSkill(SqliteStore(path, busy_timeout=0.05))
    person = walker(skill, alexa)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable):
            person.speaker.outside_session(env.skill_event("SkillDisabled"))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert skill.store.load(user_key(person.user_id)) is not None  # delivered again later
    person.speaker.outside_session(env.skill_event("SkillDisabled"))
    assert skill.store.load(user_key(person.user_id)) is None
