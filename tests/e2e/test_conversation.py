"""Conversations as a user hears them, through the whole skill on a real SQLite store."""

from __future__ import annotations

import itertools
import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from skill.app import KaizenSkill, RequestRejected, registered_intents
from skill.coach.state import Goal
from skill.speech.ssml import plain
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.builders import ALICE, START, Speaker, heard, intent, launch
from tests.support.phrases import book, step

SLOT_WORDS = {"area": "walking", "rating": "hard", "time": "8 am"}
DIALOG_OPENERS = {
    "none": [],
    "choose_area": [("SetGoalIntent", {})],
    "choose_remove": [("RemoveGoalIntent", {})],
    "feeling": [("CompleteStepIntent", {})],
    "offer_smaller": [("SkipStepIntent", {})],
    "offer_progress": [("CompleteStepIntent", {}), ("AMAZON.NoIntent", {}), ("GetStepIntent", {})],
    "confirm_delete": [("DeleteDataIntent", {})],
}


def goal(area: str) -> Goal:
    return Goal(area=area, rung=0, started_on=START)


def with_goal(alice: Speaker) -> Speaker:
    alice.launch()
    alice.say("SetGoalIntent", area="walking")
    return alice


def test_first_launch_welcomes_and_offers_areas(alice: Speaker) -> None:
    heard = alice.launch()
    assert heard.said("welcome.first") and heard.said("goal.which_area") and not heard.ended


def test_choosing_an_area_gives_the_first_step_and_how_to_report_it(alice: Speaker) -> None:
    alice.launch()
    heard = alice.say("SetGoalIntent", area="walking")
    assert heard.said("goal.added") and step("MOVE", 5) in heard
    assert heard.said("goal.how_to_report")


def test_returning_launch_gives_todays_step_straight_away(alice: Speaker) -> None:
    with_goal(alice).on(START + timedelta(days=1))
    heard = alice.launch()
    assert step("MOVE", 5) in heard and not heard.said("welcome.first")


def test_one_shot_answers_and_ends_the_session(alice: Speaker) -> None:
    with_goal(alice)
    heard = alice.one_shot("GetStepIntent")
    assert step("MOVE", 5) in heard and heard.ended


def test_completion_celebrates_the_first_step_and_asks_how_it_felt(alice: Speaker) -> None:
    with_goal(alice).launch()
    heard = alice.say("CompleteStepIntent")
    assert heard.said("milestone.first") and heard.said("ask.feeling") and not heard.ended
    rated = alice.say("RateStepIntent", rating="about right")
    assert rated.said("feeling.noted_about_right")


def test_completing_twice_counts_once(alice: Speaker, skill: KaizenSkill) -> None:
    with_goal(alice)
    alice.one_shot("CompleteStepIntent")
    heard = alice.one_shot("CompleteStepIntent")
    assert heard.said("done.already") and not heard.said("milestone.first")
    record = skill.store.load(user_key(ALICE))
    assert record is not None and record.state.total_steps == 1


def test_skip_is_met_kindly_with_a_smaller_version_and_yes_takes_it(alice: Speaker) -> None:
    with_goal(alice)
    alice.say("MakeBiggerIntent")
    heard = alice.one_shot("SkipStepIntent")
    assert heard.said("skip.offer_smaller", step=step("MOVE", 5)) and not heard.ended
    taken = alice.say("AMAZON.YesIntent")
    assert taken.said("skip.smaller_taken", step=step("MOVE", 5))
    assert step("MOVE", 5) in alice.one_shot("GetStepIntent")
    assert step("MOVE", 5) in alice.one_shot("CompleteStepIntent")
    alice.on(START + timedelta(days=1))
    assert step("MOVE", 6) in alice.one_shot("GetStepIntent")


def test_help_depends_on_the_pending_question(alice: Speaker) -> None:
    alice.launch()
    choosing = alice.say("AMAZON.HelpIntent")
    assert choosing.said("help.choose_area") and not choosing.ended
    alice.say("SetGoalIntent", area="walking")
    alice.launch()
    alice.say("CompleteStepIntent")
    feeling = alice.say("AMAZON.HelpIntent")
    assert feeling.said("help.feeling")


def test_fallback_depends_on_the_pending_question(alice: Speaker) -> None:
    with_goal(alice).launch()
    general = alice.say("AMAZON.FallbackIntent")
    alice.say("DeleteDataIntent")
    confirming = alice.say("AMAZON.FallbackIntent")
    assert general.said("fallback.general") and confirming.said("fallback.yes_no")


def test_delete_data_asks_first_and_no_keeps_everything(alice: Speaker, skill: KaizenSkill) -> None:
    with_goal(alice).one_shot("CompleteStepIntent")
    alice.launch()
    asked = alice.say("DeleteDataIntent")
    assert asked.said("delete.confirm") and not asked.ended
    kept = alice.say("AMAZON.NoIntent")
    assert kept.said("no.keep_data")
    record = skill.store.load(user_key(ALICE))
    assert record is not None and record.state.total_steps == 1


def test_delete_data_with_yes_forgets_the_user(alice: Speaker, skill: KaizenSkill) -> None:
    with_goal(alice).launch()
    alice.say("DeleteDataIntent")
    heard = alice.say("AMAZON.YesIntent")
    assert heard.said("delete.done") and heard.ended
    assert skill.store.load(user_key(ALICE)) is None
    assert alice.launch().said("welcome.first")


def test_crisis_words_in_a_custom_goal_get_the_safety_response_and_nothing_is_stored(
    alice: Speaker, skill: KaizenSkill
) -> None:
    alice.launch()
    before = skill.store.load(user_key(ALICE))
    heard = alice.say("SetGoalIntent", area="i want to kill myself")
    assert heard.said("safety.crisis") and heard.ended
    after = skill.store.load(user_key(ALICE))
    assert before == after


def test_custom_goal_words_are_spoken_back_safely(alice: Speaker) -> None:
    alice.launch()
    heard = alice.say("SetGoalIntent", area='drinking <break time="9s"/> water')
    assert "drinking break time 9s water" in heard.text and "<break" not in heard.ssml


def test_at_most_three_goals(alice: Speaker) -> None:
    alice.launch()
    for area in ("walking", "gratitude", "breathing"):
        alice.say("SetGoalIntent", area=area)
        alice.launch()
    heard = alice.say("SetGoalIntent", area="journaling")
    assert heard.said("goal.full")
    listed = alice.say("ListGoalsIntent")
    names = book().goal_name
    assert listed.said("goals.focus", name=names(goal("BREATHE")))
    assert plain(names(goal("EXPRESS"))) not in listed.text


def test_unknown_intent_gets_one_kind_sentence(alice: Speaker) -> None:
    alice.launch()
    heard = alice.say("OrderPizzaIntent")
    assert heard.said("unknown.intent") and heard.said("ask.what_next") and not heard.ended


def test_session_ended_request_is_answered_silently(alice: Speaker) -> None:
    heard = alice.send({"type": "SessionEndedRequest", "reason": "EXCEEDED_MAX_REPROMPTS"})
    assert heard.text == ""


@pytest.mark.parametrize("dialog", sorted(DIALOG_OPENERS))
def test_every_intent_in_every_dialog_state_answers_without_an_error(
    dialog: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = SqliteStore(tmp_path / "k.db")
    skill = KaizenSkill(store)
    for name, has_goal in itertools.product(sorted(registered_intents()), (False, True)):
        speaker = Speaker(skill.invoke, user=f"amzn1.ask.account.TEST-{name}-{has_goal}")
        if has_goal:
            speaker.launch()
            speaker.say("SetGoalIntent", area="walking")
        speaker.launch()
        for opener, words in DIALOG_OPENERS[dialog]:
            speaker.say(opener, **words)
        with caplog.at_level(logging.ERROR):
            heard = speaker.send(intent(name, **SLOT_WORDS))
            bare = speaker.send(intent(name))
        assert heard.text and bare.text, f"{name} in {dialog} said nothing"
        assert not heard.said("error.general") and not bare.said("error.general"), name
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_store_that_is_down_gets_a_short_apology_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    store = SqliteStore(path, busy_timeout=0.05)
    alice = with_goal(Speaker(KaizenSkill(store).invoke))
    before = store.load(user_key(ALICE))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        heard = alice.one_shot("CompleteStepIntent")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert heard.said("error.store") and heard.ended
    assert store.load(user_key(ALICE)) == before
    assert alice.one_shot("CompleteStepIntent").said("milestone.first")


def test_requests_for_another_skill_are_rejected_and_change_nothing(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "k.db")
    skill = KaizenSkill(store, skill_id="amzn1.ask.skill.ours")
    stranger = Speaker(skill.invoke, skill_id="amzn1.ask.skill.someone-else")
    with pytest.raises(RequestRejected):
        stranger.launch()
    assert store.load(user_key(ALICE)) is None
    ours = Speaker(skill.invoke, skill_id="amzn1.ask.skill.ours")
    assert ours.launch().said("welcome.first")


@pytest.mark.parametrize(
    "event",
    [
        {},
        {"version": "1.0"},
        {"version": "1.0", "request": {"type": "IntentRequest"}},
        {"version": "1.0", "request": {"type": "IntentRequest", "intent": {"name": 7}}},
        {
            "version": "1.0",
            "context": {"System": {}},
            "request": {"type": "LaunchRequest", "timestamp": "not a time"},
        },
        {"version": "1.0", "request": {"type": "Alexa.Presentation.APL.UserEvent"}},
    ],
)
def test_malformed_envelopes_get_a_kind_answer_not_an_exception(
    skill: KaizenSkill, event: dict[str, object]
) -> None:
    response = skill.invoke(event)
    assert response["version"] == "1.0"


def test_requests_outside_a_session_are_answered_not_apologised_for(
    skill: KaizenSkill, caplog: pytest.LogCaptureFixture
) -> None:
    # Routines, one-shot tasks and events can arrive with no session object at all.
    from datetime import UTC, datetime

    from skill.chat import envelope as env

    caller = env.Caller(user_id=ALICE)
    stamp = datetime(2026, 11, 2, 8, tzinfo=UTC)
    with caplog.at_level(logging.ERROR):
        for request in (env.launch_request(), env.intent_request("CompleteStepIntent")):
            response = heard(skill.invoke(env.envelope(caller, request, timestamp=stamp)))
            assert not response.said("error.general")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    record = skill.store.load(user_key(ALICE))
    assert record is not None and record.version == 2  # both turns were stored


def test_launch_after_days_away_welcomes_back_and_eases_the_step(alice: Speaker) -> None:
    with_goal(alice)
    for n in range(7):
        alice.on(START + timedelta(days=n))
        alice.one_shot("CompleteStepIntent")
    alice.on(START + timedelta(days=12))
    heard = alice.launch()
    assert heard.said("welcome.back_after_break") and step("MOVE", 6) in heard


def test_launch_request_is_not_a_one_shot(alice: Speaker) -> None:
    heard = alice.send(launch(), new=True)
    assert not heard.ended
