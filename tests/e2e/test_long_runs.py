"""Weeks and months of use by different people, through lambda_handler on both stores.

Each run is what one person would hear: a visit a day (or not), their own words, answers to
what was asked. The assertions are the kaizen rules as that person lives them: growth only
after a yes and at most one rung a week, smaller steps that stay small until they choose
otherwise, a return celebrated and restarted small, a day with several goals that tells the
truth about what is left, and every reply within the voice budget.
"""

from __future__ import annotations

import itertools

from skill.coach.areas import AREAS, STARTER
from skill.handlers.questions import Dialog
from tests.e2e.conftest import LambdaHandler
from tests.support.builders import Heard, Speaker
from tests.support.personas import Life, Policy, size_said
from tests.support.phrases import step

WALK = AREAS["MOVE"].ladder


def _adjust(heard: Heard) -> str:
    """At the weekly look back: a bit more when it is offered, else keep it."""
    return "let's try a bit more" if heard.said("week.adjust") else "keep it"


EAGER: Policy = {
    Dialog.ASK_DONE: "yes",
    Dialog.OFFER_GROWTH: "yes",
    Dialog.FEELING: "about right",
    Dialog.OFFER_REVIEW: "yes",
    Dialog.WEEK_ADJUST: _adjust,
}
KEEPER: Policy = {
    Dialog.ASK_DONE: "yes",
    Dialog.OFFER_GROWTH: "no thanks",
    Dialog.FEELING: "easy",
    Dialog.OFFER_REVIEW: "yes",
    Dialog.WEEK_ADJUST: "keep it",
}


def start_walking(life: Life) -> None:
    """Day 0: open the skill for the first time and choose walking."""
    life.say(0, "open kaizen coach", "walking")


def walk_size(heard: list[Heard]) -> int | None:
    """The walk's size as the day's first reply says it."""
    return size_said("MOVE", heard[0].text)


def test_an_eager_walker_grows_one_rung_a_week_only_by_saying_yes(
    lambda_handler: LambdaHandler,
) -> None:
    life = Life(Speaker(lambda_handler))
    start_walking(life)
    sizes: dict[int, int | None] = {}
    for n in range(1, 91):
        if n % 7 == 5:
            continue  # one day off a week
        sizes[n] = walk_size(life.visit(n, EAGER))
    # Weeks start on Sunday (en-US). The first, short week (four walks in six days) is not
    # one to grow on; after that, each Sunday's look back offers "a bit more" and the yes
    # takes the walk one rung up, to the top and no further: 5, 6, 7, 8, 10, ... 30 minutes.
    for week in range(1, 13):
        monday = 7 * week
        assert sizes[monday] == WALK[min(week - 1, len(WALK) - 1)], (week, sizes)
    said = [size for _, size in sorted(sizes.items())]
    assert all(b in (a, _next(a)) for a, b in itertools.pairwise(said)), said
    life.budget.check_run()


def _next(size: int | None) -> int | None:
    assert size is not None
    rung = WALK.index(size)
    return WALK[min(rung + 1, len(WALK) - 1)]


def test_someone_who_keeps_saying_no_keeps_their_step_and_hears_an_offer_at_most_weekly(
    lambda_handler: LambdaHandler,
) -> None:
    life = Life(Speaker(lambda_handler))
    start_walking(life)
    offers: list[int] = []
    for n in range(1, 91):
        heard = life.visit(n, KEEPER)
        assert walk_size(heard) == 5, f"day {n}: {heard[0].text}"
        if any(h.offers_growth() or h.said("week.adjust") for h in heard):
            offers.append(n)
    assert offers, "a steady person hears that the step could grow"
    assert all(b - a >= 7 for a, b in itertools.pairwise(offers)), offers
    life.budget.check_run()


def test_a_hard_fortnight_shrinks_the_step_kindly_and_it_stays_small_until_they_choose(
    lambda_handler: LambdaHandler,
) -> None:
    life = Life(Speaker(lambda_handler))
    start_walking(life)
    # Two hard marks in a week: one rung down (the walk's first rung goes to the starter).
    life.visit(1, {Dialog.ASK_DONE: "yes", Dialog.FEELING: "hard"})
    life.say(2, "i did my walk", "it was hard")
    starter = step("MOVE", STARTER)
    assert starter in life.visit(3, {})[0].text
    # Saying "too much" at the smallest size: nothing smaller, and no blame.
    [too_much] = life.say(3, "that's too much for me")
    assert too_much.said("adjust.already_smallest", step=starter)
    # A skipped day: kindness and nothing counted against them.
    [skipped] = life.say(4, "not today")
    assert skipped.said("skip.rest") or skipped.said("skip.kind")
    # A quiet week, a rough day, an injury: warmth, no advice, no change of size.
    assert life.say(12, "I feel like such a failure")[0].said("rough.warm")
    assert life.say(13, "I twisted my ankle")[0].said("injury.sorry")
    # Then steady days at the starter: growth is offered, they say no, it stays small.
    for n in range(14, 60):
        heard = life.visit(n, {Dialog.ASK_DONE: "yes", Dialog.FEELING: "hard"})
        assert starter in heard[0].text, f"day {n}: {heard[0].text}"
    life.budget.check_run()


def test_back_after_ten_weeks_away_is_welcomed_restarts_small_and_grows_again_by_consent(
    lambda_handler: LambdaHandler,
) -> None:
    life = Life(Speaker(lambda_handler))
    start_walking(life)
    for n in range(1, 29):
        life.visit(n, EAGER)
    before = walk_size(life.visit(29, EAGER))
    assert before is not None and before >= 8
    back = life.visit(99, {Dialog.ASK_DONE: "yes", Dialog.FEELING: "easy"})
    assert back[0].said("news.came_back") and back[0].said("news.restart")
    restarted = walk_size(back)
    assert restarted is not None and restarted <= before // 2
    assert not any(h.said("week.offer") for h in back), "no look back at an empty week"
    assert back[1].said("done.cheer")
    # The return is a new start: small, and only a yes grows it.
    for n in range(100, 114):
        assert walk_size(life.visit(n, KEEPER)) == restarted
    life.budget.check_run()


def test_three_goals_with_a_weekly_one_tell_the_truth_about_each_day(
    lambda_handler: LambdaHandler,
) -> None:
    """A daily walk, daily gratitude, and sharing feelings once a week (weeks start Sunday)."""
    life = Life(Speaker(lambda_handler))
    walk, thanks, feel = step("MOVE", 5), step("GRATITUDE", 1), step("EXPRESS", 1)
    life.say(0, "open kaizen coach", "walking", "add expressing my feelings", "add gratitude")

    # Tuesday: the walk is first (the first goal stays the focus), gratitude also today,
    # feelings this week.
    [launch, *_] = life.say(1, "open kaizen coach", "no")
    assert launch.said("today.step", step=walk) and launch.said("today.also", steps=thanks)
    assert launch.said("today.this_week", steps=feel)
    assert launch.said("ask.done_named", name="your walk")
    # Done in another order: the walk, then gratitude.
    [walked, thanked] = life.say(1, "i did my walk", "i did my gratitude")
    assert walked.said("done.still_to_do", steps=thanks) and feel not in walked.text
    assert thanked.said("done.all_today") and thanked.said("today.week_step", step=feel)

    # Wednesday: the weekly one first, cheered as done once, not "once a week".
    [shared] = life.say(2, "i shared how i feel")
    assert shared.said("done.cheer", step=step("EXPRESS", 1).split(" once")[0])
    assert "once a week" not in shared.text
    assert shared.said("done.still_to_do", steps=f"{walk} and {thanks}")

    # Thursday to Saturday: the weekly goal is met, said as met, never as due.
    for n in (3, 4, 5):
        [launch, *_] = life.say(n, "what's my step today")
        assert launch.said("today.weekly_met", name="your feelings practice")
        assert feel not in launch.text
    [everything] = life.say(3, "i did all of them")
    assert everything.said("done.all_cheer", steps=f"{walk} and {thanks}")
    assert life.say(3, "what's left")[0].said("today.all_done")

    # Sunday is a new week: the weekly step is due again.
    [sunday] = life.say(6, "what are my steps")
    assert sunday.said("today.this_week", steps=feel)
    life.budget.check_run()


def test_a_crisis_in_the_middle_of_weeks_of_use_gets_the_safety_answer_and_changes_nothing(
    lambda_handler: LambdaHandler,
) -> None:
    life = Life(Speaker(lambda_handler))
    start_walking(life)
    for n in range(1, 9):
        life.visit(n, EAGER)
    size = walk_size(life.visit(9, EAGER))
    [safety, closing] = life.say(10, "i don't want to be here anymore", "no")
    assert safety.said("safety.crisis") and safety.said("safety.question")
    assert closing.said("safety.stop_here") and closing.ended
    # The next day is an ordinary day: same step, nothing recorded about that moment.
    assert walk_size(life.visit(11, {})) == size
