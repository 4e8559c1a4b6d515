"""Conversations as a user hears them, through the whole skill on a real SQLite store."""

from __future__ import annotations

import itertools
import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from skill.app import KaizenSkill, RequestRejected, registered_intents
from skill.handlers.questions import Dialog
from skill.speech.ssml import plain
from skill.store import user_key
from skill.store.sqlite import SqliteStore
from tests.support.builders import ALICE, START, Heard, Speaker, heard, intent, launch
from tests.support.phrases import book, goal, step

SLOT_WORDS = {"area": "walking", "rating": "hard", "time": "8 am", "unit": "pages"}


def with_goal(alice: Speaker) -> Speaker:
    alice.launch()
    alice.say("SetGoalIntent", area="walking")
    return alice


def test_first_launch_welcomes_in_one_breath_with_three_choices(alice: Speaker) -> None:
    """Two example areas and "something of your own": as many as a listener holds at once."""
    heard = alice.launch()
    assert heard.said("welcome.first") and heard.said("goal.which_area") and not heard.ended
    assert len(heard.text.split()) <= 40
    examples = [plain(book().label(a)) for a in ("MOVE", "GRATITUDE")]
    assert all(e in heard.text for e in examples) and ", or " in heard.text
    assert plain(book().label("BREATHE")) not in heard.text


def test_choosing_an_area_gives_the_first_step_and_how_to_report_it(alice: Speaker) -> None:
    alice.launch()
    heard = alice.say("SetGoalIntent", area="walking")
    assert heard.said("goal.added") and step("MOVE", 5) in heard
    assert heard.said("goal.how_to_report") and heard.ended


def test_a_returning_launch_gives_the_step_and_asks_if_it_is_done(alice: Speaker) -> None:
    with_goal(alice).on(START + timedelta(days=1))
    heard = alice.launch()
    assert step("MOVE", 5) in heard.text.split("?")[0] and heard.said("ask.done_yet")
    assert not heard.ended
    done = alice.say("AMAZON.YesIntent")  # "yes": the step is done
    assert done.said("done.cheer", step=step("MOVE", 5))


def test_not_yet_is_fine(alice: Speaker) -> None:
    with_goal(alice).on(START + timedelta(days=1))
    alice.launch()
    assert alice.say("AMAZON.NoIntent").said("no.not_yet")


def test_one_shot_answers_and_ends_the_session(alice: Speaker) -> None:
    with_goal(alice)
    heard = alice.one_shot("GetStepIntent")
    assert step("MOVE", 5) in heard and heard.ended and "?" not in heard.text


def test_the_first_completion_celebrates_and_asks_how_it_felt(alice: Speaker) -> None:
    with_goal(alice).launch()
    heard = alice.say("CompleteStepIntent")
    assert heard.said("milestone.first") and heard.said("ask.feeling") and not heard.ended
    rated = alice.say("RateStepIntent", rating="about right")
    assert rated.said("feeling.noted_about_right") and rated.ended


def test_an_unclear_answer_to_how_it_felt_asks_once_not_twice(alice: Speaker) -> None:
    with_goal(alice).launch()
    alice.say("CompleteStepIntent")
    heard = alice.say("RateStepIntent", rating="purple")
    assert heard.said("feeling.unclear")
    sentences = [s for s in heard.text.split("?") if s.strip()]
    assert len(sentences) == 1


def test_completing_twice_counts_once(alice: Speaker, skill: KaizenSkill) -> None:
    with_goal(alice)
    alice.one_shot("CompleteStepIntent")
    heard = alice.one_shot("CompleteStepIntent")
    assert heard.said("done.already") and not heard.said("milestone.first")
    record = skill.store.load(user_key(ALICE))
    assert record is not None and record.state.total_steps == 1


def test_a_skip_is_met_kindly_with_the_starter_and_yes_takes_it_for_today(alice: Speaker) -> None:
    with_goal(alice).launch()
    heard = alice.say("SkipStepIntent")
    assert heard.said("skip.kind") and heard.said("skip.offer_starter", step=step("MOVE", 0))
    taken = alice.say("AMAZON.YesIntent")
    assert taken.said("skip.starter_taken", step=step("MOVE", 0))
    assert step("MOVE", 0) in alice.one_shot("GetStepIntent")
    assert step("MOVE", 0) in alice.one_shot("CompleteStepIntent")
    alice.on(START + timedelta(days=1))
    assert step("MOVE", 5) in alice.one_shot("GetStepIntent")


def test_too_hard_makes_the_step_smaller_and_it_stays_smaller(alice: Speaker) -> None:
    with_goal(alice)
    alice.say("MakeBiggerIntent")
    alice.on(START + timedelta(days=1))
    heard = alice.one_shot("MakeSmallerIntent")
    assert heard.said("adjust.smaller", step=step("MOVE", 5))
    alice.on(START + timedelta(days=2))
    heard = alice.one_shot("MakeSmallerIntent")
    assert heard.said("adjust.smaller", step=step("MOVE", 0))
    alice.on(START + timedelta(days=20))
    assert step("MOVE", 0) in alice.one_shot("GetStepIntent")


def test_a_good_week_brings_an_offer_and_yes_grows_the_step(
    alice: Speaker, skill: KaizenSkill
) -> None:
    with_goal(alice)
    for n in range(6):
        alice.on(START + timedelta(days=n))
        alice.one_shot("CompleteStepIntent")
    alice.on(START + timedelta(days=6))
    alice.launch()
    offer = alice.say("CompleteStepIntent")
    assert offer.said("growth.offer_every_day", next="6 minutes") and not offer.ended
    assert " or " not in offer.text.split(".")[-1]  # a yes/no question, so "yes" is clear
    grown = alice.say("AMAZON.YesIntent")
    assert grown.said("growth.accepted", step=step("MOVE", 6))
    record = skill.store.load(user_key(ALICE))
    assert record is not None
    [walk] = record.state.goals
    assert walk.size_on(START + timedelta(days=6)) == 5, "today's step stays; it grows tomorrow"
    alice.on(START + timedelta(days=7))
    assert step("MOVE", 6) in alice.one_shot("GetStepIntent")


def test_keep_it_keeps_the_size_and_the_offer_waits_a_week(alice: Speaker) -> None:
    with_goal(alice)
    for n in range(6):
        alice.on(START + timedelta(days=n))
        alice.one_shot("CompleteStepIntent")
    alice.on(START + timedelta(days=6))
    alice.launch()
    alice.say("CompleteStepIntent")
    kept = alice.say("KeepStepIntent")
    assert kept.said("growth.kept", size="5 minutes")
    for n in range(7, 13):
        alice.on(START + timedelta(days=n))
        alice.launch()
        assert not alice.say("CompleteStepIntent").offers_growth()
    alice.on(START + timedelta(days=13))
    alice.launch()
    assert alice.say("CompleteStepIntent").offers_growth()


def test_a_custom_goal_is_confirmed_with_its_unit_before_it_is_kept(
    alice: Speaker, skill: KaizenSkill
) -> None:
    alice.launch()
    asked = alice.say("SetGoalIntent", area="drinking more water")
    assert asked.said("goal.confirm_custom", name="drinking more water", first="1 glass")
    record = skill.store.load(user_key(ALICE))
    assert record is None or not record.state.goals, "nothing is kept before the yes"
    added = alice.say("AMAZON.YesIntent")
    assert added.said("goal.added", name="your water goal")
    assert "1 glass of water" in added.text


def test_a_custom_goal_can_be_counted_in_another_unit_before_the_yes(alice: Speaker) -> None:
    alice.launch()
    alice.say("SetGoalIntent", area="reading to my kid")
    asked = alice.say("SetGoalIntent", unit="minutes")
    assert asked.said("goal.confirm_custom", first="2 minutes")
    added = alice.say("AMAZON.YesIntent")
    assert "2 minutes of reading to your kid" in added.text


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("i would like to walk more", "goal.name_sentence"),
        ("being less anxious", "goal.name_feeling"),
        ("stop snacking at night", "goal.name_negative"),
    ],
)
def test_a_sentence_or_a_feeling_gets_a_kind_re_ask_with_examples(
    alice: Speaker, skill: KaizenSkill, words: str, key: str
) -> None:
    alice.launch()
    heard = alice.say("SetGoalIntent", area=words)
    assert heard.said(key) and heard.said("goal.which_area") and not heard.ended
    record = skill.store.load(user_key(ALICE))
    assert record is None or not record.state.goals


def test_a_partial_name_finds_the_custom_goal(alice: Speaker) -> None:
    alice.launch()
    alice.say("SetGoalIntent", area="drinking more water")
    alice.say("AMAZON.YesIntent")
    heard = alice.one_shot("CompleteStepIntent", area="my water")
    assert heard.said("done.cheer") and not heard.said("goal.not_active")


def test_change_my_goal_replaces_the_focus_after_a_yes(alice: Speaker, skill: KaizenSkill) -> None:
    with_goal(alice).launch()
    asked = alice.say("ChangeGoalIntent", area="breathing")
    assert asked.said("goal.confirm_change") and not asked.ended
    swapped = alice.say("AMAZON.YesIntent")
    assert swapped.said("goal.replaced")
    record = skill.store.load(user_key(ALICE))
    assert record is not None and [g.area for g in record.state.goals] == ["BREATHE"]


def test_no_to_a_change_keeps_the_focus(alice: Speaker, skill: KaizenSkill) -> None:
    with_goal(alice).launch()
    alice.say("ChangeGoalIntent", area="breathing")
    assert alice.say("AMAZON.NoIntent").said("no.keep_focus")
    record = skill.store.load(user_key(ALICE))
    assert record is not None and [g.area for g in record.state.goals] == ["MOVE"]


def test_add_puts_the_new_goal_after_the_focus(alice: Speaker, skill: KaizenSkill) -> None:
    """The habit already being built stays first; the new one joins the day after it."""
    with_goal(alice).launch()
    added = alice.say("SetGoalIntent", area="breathing")
    names = book().goal_name
    assert added.said("goal.added_another", name=names(goal("BREATHE")), goals="2 goals")
    record = skill.store.load(user_key(ALICE))
    assert record is not None and [g.area for g in record.state.goals] == ["MOVE", "BREATHE"]
    focused = alice.say("SetGoalIntent", area="breathing")
    assert focused.said("goal.focused", name=names(goal("BREATHE")))


def test_a_rough_day_gets_warmth_and_the_starter_and_nothing_is_stored(
    alice: Speaker, skill: KaizenSkill
) -> None:
    with_goal(alice).launch()
    before = skill.store.load(user_key(ALICE))
    heard = alice.say("RoughDayIntent")
    assert heard.said("rough.warm") and heard.said("rough.offer_starter", step=step("MOVE", 0))
    assert skill.store.load(user_key(ALICE)) == before


def test_an_injury_gets_sympathy_and_rest_never_the_crisis_words(alice: Speaker) -> None:
    with_goal(alice).launch()
    heard = alice.say("InjuryIntent")
    assert heard.said("injury.sorry") and heard.said("injury.rest")
    assert not heard.said("safety.crisis")


@pytest.mark.parametrize("closing", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
def test_closings_end_kindly(alice: Speaker, closing: str) -> None:
    with_goal(alice).launch()
    heard = alice.say(closing)
    assert heard.said("stop.goodbye") and heard.ended


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
    general = with_goal(alice).one_shot("AMAZON.FallbackIntent")
    alice.launch()
    alice.say("DeleteDataIntent")
    confirming = alice.say("AMAZON.FallbackIntent")
    assert general.said("fallback.general") and confirming.said("fallback.yes_no")


def test_a_question_that_asks_for_a_slot_asks_alexa_to_elicit_it(alice: Speaker) -> None:
    heard = alice.launch()
    (directive,) = heard.envelope["response"]["directives"]
    assert directive["type"] == "Dialog.ElicitSlot" and directive["slotToElicit"] == "area"
    assert directive["updatedIntent"]["name"] == "SetGoalIntent"


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


@pytest.mark.parametrize("slot", ["area", "time", "rating", "unit"])
def test_crisis_words_in_any_slot_get_the_safety_answer_one_gentle_question_and_nothing_stored(
    alice: Speaker, skill: KaizenSkill, slot: str
) -> None:
    alice.launch()
    before = skill.store.load(user_key(ALICE))
    name = {"area": "SetGoalIntent", "time": "SetReminderIntent", "rating": "RateStepIntent"}
    heard = alice.say(name.get(slot, "SetGoalIntent"), **{slot: "i want to kill myself"})
    assert heard.said("safety.crisis") and heard.said("safety.question") and not heard.ended
    assert skill.store.load(user_key(ALICE)) == before
    after = alice.say("AMAZON.NoIntent")
    assert after.said("safety.stop_here") and after.ended


def test_custom_goal_words_are_spoken_back_safely(alice: Speaker) -> None:
    alice.launch()
    heard = alice.say("SetGoalIntent", area='drinking <break time="9s"/> water')
    assert "<break" not in heard.ssml and "drinking break time 9s water" in heard.text


def test_at_most_three_goals(alice: Speaker) -> None:
    alice.launch()
    for area in ("walking", "gratitude", "breathing"):
        alice.say("SetGoalIntent", area=area)
        alice.launch()
    heard = alice.say("SetGoalIntent", area="journaling")
    assert heard.said("goal.full")
    listed = alice.say("ListGoalsIntent")
    names = book().goal_name
    assert listed.said("goals.focus", name=names(goal("MOVE"))), "the first goal stays the focus"
    assert plain(names(goal("EXPRESS"))) not in listed.text


def test_remove_without_a_name_asks_which_as_a_choice(alice: Speaker) -> None:
    alice.launch()
    alice.say("SetGoalIntent", area="walking")
    alice.launch()
    alice.say("SetGoalIntent", area="gratitude")
    alice.launch()
    asked = alice.say("RemoveGoalIntent")
    assert asked.said("goal.which_to_remove") and " or " in asked.text
    removed = alice.say("SetGoalIntent", area="walking")  # the answer, heard as the removal
    assert removed.said("goal.removed")


def test_unknown_intent_gets_one_kind_sentence(alice: Speaker) -> None:
    alice.launch()
    heard = alice.say("OrderPizzaIntent")
    assert heard.said("unknown.intent") and heard.said("ask.what_next") and not heard.ended


def test_session_ended_request_is_answered_silently(alice: Speaker) -> None:
    heard = alice.send({"type": "SessionEndedRequest", "reason": "EXCEEDED_MAX_REPROMPTS"})
    assert heard.text == ""


@pytest.mark.parametrize("dialog", [None, *Dialog])
def test_every_intent_in_every_dialog_state_answers_without_an_error(
    dialog: Dialog | None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = SqliteStore(tmp_path / "k.db")
    skill = KaizenSkill(store)
    for name, has_goal in itertools.product(sorted(registered_intents()), (False, True)):
        speaker = Speaker(skill.invoke, user=f"amzn1.ask.account.TEST-{name}-{has_goal}")
        if has_goal:
            speaker.launch()
            speaker.say("SetGoalIntent", area="walking")
        speaker.launch()
        if dialog is not None:  # the question pending, as a reply that asked it left it
            speaker.session.attributes = {
                "dialog": dialog.value,
                "goal": "MOVE",
                "pending": {"name": "drinking water", "unit": "GLASSES"},
            }
        with caplog.at_level(logging.ERROR):
            heard = speaker.send(intent(name, **SLOT_WORDS))
            bare = speaker.send(intent(name))
        # A yes to the routine offer hands the turn to Alexa, who speaks the offer herself.
        assert (heard.text or hands_over(heard)) and (bare.text or hands_over(bare)), (
            f"{name} in {dialog} said nothing"
        )
        assert not heard.said("error.general") and not bare.said("error.general"), name
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def hands_over(heard: Heard) -> bool:
    """Whether the reply hands the conversation to one of Alexa's own tasks."""
    directives = heard.envelope["response"].get("directives") or []
    return any(d.get("type") == "Connections.StartConnection" for d in directives)


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
    assert record is not None and record.version == 1  # the first visit; no goal, nothing done


def test_launch_request_is_not_a_one_shot(alice: Speaker) -> None:
    heard = alice.send(launch(), new=True)
    assert not heard.ended


def test_hard_said_before_todays_step_is_done_makes_the_step_smaller(alice: Speaker) -> None:
    with_goal(alice).on(START + timedelta(days=1))
    alice.launch()
    heard = alice.say("RateStepIntent", rating="hard")  # "that was too hard", step not done
    assert heard.said("adjust.smaller", step=step("MOVE", 0))
