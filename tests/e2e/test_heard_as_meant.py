"""What a tester said over weeks of use, and what the coach now does with it.

Each test is a short stretch of someone's life, in their own words (heard through the
interaction model), and asserts what they would notice: a step counted, a question not asked
twice, a choice taken as a choice rather than as a bad day.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from skill.app import KaizenSkill
from skill.coach.areas import Unit
from skill.store import user_key
from tests.support.builders import ALICE, START, Speaker
from tests.support.personas import Life
from tests.support.phrases import book, goal, step


@pytest.fixture
def life(alice: Speaker) -> Life:
    return Life(alice)


def test_done_and_how_it_felt_in_one_breath_is_counted_and_the_feeling_not_asked_again(
    life: Life,
) -> None:
    life.say(0, "open kaizen coach", "walking")
    [opened, done] = life.say(1, "open kaizen coach", "i did it, it was hard")
    assert opened.said("ask.done_yet")
    assert done.said("done.cheer", step=step("MOVE", 5)) and done.said("feeling.noted_hard")
    assert not done.said("ask.feeling") and done.ended
    [again] = life.say(1, "i did it and it felt easy")
    assert again.said("feeling.noted_easy") and not again.said("done.already"), (
        "said of a step already counted, only the feeling is news"
    )


def test_naming_the_goal_that_is_done_answers_have_you_done_it(life: Life) -> None:
    life.say(0, "open kaizen coach", "walking", "add gratitude")
    [opened, answered] = life.say(1, "open kaizen coach", "gratitude")
    assert opened.said("ask.done_named", name=book().goal_name(goal("MOVE")))
    assert answered.said("done.cheer", step=step("GRATITUDE", 1))
    assert answered.said("done.still_to_do", steps=step("MOVE", 5))


def test_words_that_are_no_goal_at_have_you_done_it_are_asked_about_not_counted(
    life: Life, skill: KaizenSkill
) -> None:
    life.say(0, "open kaizen coach", "walking")
    [_, unclear, yes] = life.say(1, "open kaizen coach", "banana bread", "yes")
    assert unclear.said("fallback.yes_no") and not unclear.ended
    assert yes.said("done.cheer"), "the question is still the walk's"
    record = skill.store.load(user_key(ALICE))
    assert record is not None and record.state.goals[0].total_done == 1, "counted once"


def test_a_growth_is_offered_once_todays_step_is_done_never_before(alice: Speaker) -> None:
    alice.launch()
    alice.say("SetGoalIntent", area="walking")
    for n in (1, 2, 3, 4, 5, 7):
        alice.on(START + timedelta(days=n))
        alice.one_shot("CompleteStepIntent")
    alice.on(START + timedelta(days=6))
    alice.launch()
    alice.say("AMAZON.NoIntent")  # no look back this Sunday
    alice.on(START + timedelta(days=8))
    opened = alice.launch()
    assert opened.said("ask.done_yet") and not opened.offers_growth()
    done = alice.say("AMAZON.YesIntent")
    assert done.said("done.cheer") and done.offers_growth(next="6 minutes")


def test_yes_to_keep_it_as_it_is_at_the_look_back_keeps_it(life: Life) -> None:
    life.say(0, "open kaizen coach", "walking")
    for n in range(1, 6):
        life.say(n, "i did it")
    [offered, looked_back, kept] = life.say(6, "open kaizen coach", "yes", "yes")
    assert offered.said("week.offer") and looked_back.said("week.adjust")
    assert kept.said("week.kept", name=book().goal_name(goal("MOVE"))) and kept.ended


def test_smaller_chosen_at_the_look_back_is_a_choice_not_a_hard_day(life: Life) -> None:
    life.say(0, "open kaizen coach", "walking", "let's go bigger")
    for n in range(1, 6):
        life.say(n, "i did it")
    [*_, smaller] = life.say(6, "open kaizen coach", "yes", "make it smaller")
    assert smaller.said("adjust.smaller", step=step("MOVE", 5))
    [felt] = life.say(8, "i did it, it was hard")
    assert felt.said("feeling.noted_hard"), "one hard day this week: noted, not shrunk again"
    assert step("MOVE", 5) in life.say(9, "what's my step")[0].text


def test_something_of_my_own_is_asked_for_its_name_not_taken_as_one(life: Life) -> None:
    [welcome, asked, named] = life.say(
        0, "open kaizen coach", "something of my own", "drinking more water"
    )
    assert welcome.said("goal.which_area")
    assert asked.said("goal.name_own") and not asked.said("goal.which_area")
    assert named.said("goal.confirm_custom", name="drinking more water", first="1 glass")


def test_hello_on_its_own_gives_the_days_step(life: Life) -> None:
    life.say(0, "open kaizen coach", "walking")
    [hello] = life.say(1, "hi")
    assert step("MOVE", 5) in hello.text


def test_all_of_them_done_together_tells_the_true_total_when_a_milestone_is_passed(
    life: Life, skill: KaizenSkill
) -> None:
    life.say(0, "open kaizen coach", "walking", "add gratitude")
    [first] = life.say(1, "i did all of them")
    assert first.said("milestone.count", count=2), "two steps counted, never '1 steps'"
    [second] = life.say(2, "i did all of them")
    assert second.said("milestone.count", count=4), "past the third step, the total is four"
    record = skill.store.load(user_key(ALICE))
    assert record is not None and record.state.total_steps == 4


def test_good_news_is_met_with_encouragement_and_never_as_a_bad_day(life: Life) -> None:
    life.say(0, "open kaizen coach", "walking")
    for words in ("i'm proud of myself", "i'm so happy today", "i'm feeling better"):
        [reply] = life.say(1, words)
        assert not reply.said("safety.crisis") and not reply.said("rough.warm"), words
        assert reply.said("encourage.beginning") or reply.said("encourage.done_today"), words
    [low] = life.say(1, "i'm not feeling better")
    assert low.said("rough.warm"), "the same words turned down are a hard day"


def test_hard_at_the_smallest_step_is_never_promised_a_smaller_one(life: Life) -> None:
    life.say(0, "open kaizen coach", "walking")
    [smaller] = life.say(1, "make it smaller")
    assert step("MOVE", 0) in smaller.text
    [felt] = life.say(2, "i did it, it was hard")
    assert felt.said("feeling.noted_hard_smallest")
    assert not felt.said("feeling.noted_hard"), "it cannot get smaller than the starter"


def test_a_hard_day_said_to_have_you_done_it_is_a_hard_day_not_a_goal_name(
    life: Life,
) -> None:
    life.say(0, "open kaizen coach", "walking")
    [asked, rough] = life.say(1, "open kaizen coach", "i had a rough day")
    assert asked.said("ask.done_yet")
    assert rough.said("rough.warm") and not rough.said("fallback.yes_no")
    [_, bigger] = life.say(2, "open kaizen coach", "let's try a bit more")
    assert step("MOVE", 6) in bigger.text, "a request, heard as one while the question was open"


def test_a_fourth_goal_of_ones_own_is_turned_down_before_it_is_confirmed(life: Life) -> None:
    life.say(0, "open kaizen coach", "walking", "add gratitude")
    life.say(0, "add reading", "yes")
    [full] = life.say(1, "add drinking water")
    assert full.said(
        "goal.full", goals=book().listing(["your walk", "your gratitude practice", "reading"])
    )
    assert not full.said("goal.confirm_custom")


def test_words_never_understood_are_let_go_after_two_asks_again_not_looped(
    life: Life,
) -> None:
    life.say(0, "open kaizen coach", "walking")
    heard = life.say(1, "banana bread", "banana bread", "banana bread")
    assert [h.ended for h in heard] == [False, False, True]
    assert heard[-1].said("question.let_go")


def test_two_goals_named_in_one_breath_are_both_counted(life: Life, skill: KaizenSkill) -> None:
    life.say(0, "open kaizen coach", "walking", "add gratitude")
    life.say(0, "add drinking water", "yes")
    [both] = life.say(1, "i did my walk and my water")
    water = step("CUSTOM", 1, name="drinking water", unit=Unit.GLASSES)
    assert both.said("done.cheer", step=f"{step('MOVE', 5)} and {water}")
    assert both.said("done.still_to_do", steps=step("GRATITUDE", 1))
    record = skill.store.load(user_key(ALICE))
    assert record is not None and record.state.total_steps == 2
    [unknown] = life.say(2, "i did my walk and my piano")
    assert unknown.said("goal.not_active", area="walk and my piano"), "nothing counted on a guess"


def test_all_of_them_when_one_is_left_cheers_that_one_not_all(life: Life) -> None:
    life.say(0, "open kaizen coach", "walking", "add gratitude")
    life.say(1, "i did my walk")
    [last] = life.say(1, "i did all of them")
    assert last.said("done.cheer", step=step("GRATITUDE", 1)) and not last.said("done.all_cheer")
