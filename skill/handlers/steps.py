"""Handlers for the daily step: launch, what's my step, done, how it felt, skip, resize, keep.

A launch is useful on its own (a routine opens the skill): today's step first, then the one
question that fits the moment: last week's look back on the first visit of a week, a growth
the person has earned, or simply "done it already?" so that "yes" completes the step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.response import Response

from skill.coach import plan, progression
from skill.coach.areas import BUILT_IN_AREAS, STARTER
from skill.coach.plan import StepDone
from skill.coach.progression import Adjustment, RatingResult
from skill.coach.state import Goal, Rating, UserState, week_start
from skill.coach.week import review_due
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import GOAL, Dialog, on_no, on_yes
from skill.handlers.reply import Reply
from skill.handlers.routines import routine_question
from skill.handlers.screens import shown
from skill.handlers.turn import Day, Turn
from skill.speech.names import language_of, matches, named_together
from skill.speech.ssml import Ssml, join, plain

Action = Callable[[UserState, Day], tuple[UserState, Reply]]
# The `scope` slot's id for "all of them" ("I did all of them").
ALL_STEPS = "ALL"
GoalAction = Callable[[UserState, Goal, Day], tuple[UserState, Reply]]


def pick_goal(turn: Turn, state: UserState, day: Day) -> tuple[Goal | None, Ssml | None]:
    """The goal a request is about: a named area, the one just talked about, or the next to do.

    Returns (None, words to say) when the person named an area they have no goal for.
    """
    area = turn.slot("area")
    if area.id or area.words:
        language = language_of(turn.book.locale)
        goal = plan.find_goal(
            state, area.id, area.words, lambda name, words: matches(name, words, language)
        )
        if goal is None:
            named = day.voice.book.label(area.id) if area.id in BUILT_IN_AREAS else area.words
            return None, day.voice.say("goal.not_active", area=named or "")
        return goal, None
    current = turn.session.get(GOAL)
    if isinstance(current, str) and (goal := state.goal(current)) is not None:
        return goal, None
    left = day.plan(state).left
    return (left[0] if left else state.focus), None


def choose_area(day: Day, lead: Ssml | None = None, key: str | None = "goal.none_yet") -> Reply:
    """Ask which area to grow in (after `lead` and the phrase `key`), and wait for the choice."""
    return Reply(
        join(lead, day.voice.say(key) if key else None),
        talk.choose_area_question(day.voice),
        dialog=Dialog.CHOOSE_AREA,
        must_answer=True,
    )


def _no_name(turn: Turn) -> bool:
    """Whether the area slot holds words that name no goal ("not yet", "yes"): an answer to
    another question, heard as a goal's name because the slot takes any words."""
    area = turn.slot("area")
    words = (area.words or "").lower()
    return bool(words) and not area.id and words in language_of(turn.book.locale).not_names


def for_goal(turn: Turn, act: GoalAction, unclear: Callable[[Day], Reply] | None = None) -> Action:
    """A step request's action: with no goal yet, ask for one; for an area the person has no
    goal in, say so (or, given `unclear`, answer with it: words that may be no goal at all);
    otherwise `act` on the goal the request is about."""

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        if not state.goals:
            return state, choose_area(day)
        if unclear is not None and _no_name(turn):
            return state, unclear(day)
        goal, problem = pick_goal(turn, state, day)
        if goal is None:
            if unclear is not None and not turn.slot("area").id:
                return state, unclear(day)
            return state, Reply(problem or Ssml(""))
        return act(state, goal, day)

    return action


def day_reply(
    turn: Turn, state: UserState, day: Day, lead: Ssml | None = None
) -> tuple[UserState, Reply]:
    """The day's news and steps, and the one question that fits (if the session can hear it)."""
    voice = day.voice
    today = day.plan(state)
    speech = join(lead, talk.day_news(voice, state, day.news), talk.today_steps(voice, today))
    if turn.one_shot:
        return state, Reply(speech)
    if review_due(state, day.today, day.first_weekday):
        reviewed = replace(state, reviewed_week=week_start(day.today, day.first_weekday))
        if day.news.came_back:
            # Back after weeks away, last week was empty: the welcome back says enough.
            state = reviewed
        else:
            return reviewed, Reply(speech, voice.say("week.offer"), dialog=Dialog.OFFER_REVIEW)
    for goal in state.goals:
        # Only a goal done today: "from tomorrow" then reads true, and an offer made before
        # the step would be lost in the "done it already?" that the step itself needs.
        offer = progression.growth_offer(goal, day.today, day.first_weekday)
        if offer is not None and goal.done_on(day.today):
            question = talk.growth_question(voice, goal, offer)
            return state.with_goal(progression.offered(goal, day.today)), Reply(
                speech, question, dialog=Dialog.OFFER_GROWTH, session={GOAL: goal.key}
            )
    if today.left:
        first = today.left[0]
        asked = (
            voice.say("ask.done_named", name=voice.book.goal_name(first))
            if len(today.left) > 1
            else voice.say("ask.done_yet")
        )
        return state, Reply(
            speech,
            asked,
            dialog=Dialog.ASK_DONE,
            session={GOAL: today.left[0].key},
        )
    return state, Reply(speech, voice.say("ask.hear_progress"), dialog=Dialog.OFFER_PROGRESS)


class LaunchHandler(Handler):
    """First launch: welcome and a choice of area. Returning: today's step straight away."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Any LaunchRequest (a routine's task is answered by TaskHandler first)."""
        return bool(is_request_type("LaunchRequest")(handler_input))

    def respond(self, turn: Turn) -> Response:
        """Welcome, the day's news, and the step."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            greeting = talk.greet(day.voice, turn.person_id)
            if state.goals:
                state, reply = day_reply(turn, state, day, lead=greeting)
                return state, shown(turn, reply, "launch", state, day)
            key = "welcome.first" if day.news.first_visit else "welcome.no_goals"
            return state, choose_area(day, lead=greeting, key=key)

        return turn.answer(turn.change(action))


class GetStepHandler(Handler):
    """'What's my small step today?'"""

    intents = ("GetStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Today's step, focus first."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            if not state.goals:
                return state, choose_area(day)
            state, reply = day_reply(turn, state, day)
            return state, shown(turn, reply, "step", state, day)

        return turn.answer(turn.change(action))


class CompleteStepHandler(Handler):
    """'I did it': count it once, celebrate specifically, and say what is left today."""

    intents = ("CompleteStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Complete the step the request is about."""
        return complete(turn)


@on_yes(Dialog.ASK_DONE)
def complete(turn: Turn) -> Response:
    """Complete a step; in a session, offer growth if earned, or ask how it felt (weekly)."""
    if turn.slot("scope").id == ALL_STEPS:
        return turn.answer(turn.change(complete_all))
    rating = _RATINGS.get(turn.slot("rating").id or "")

    def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
        state, reply, done = completed(state, goal, day)
        # The first step ever also leaves a card in the Alexa app.
        first = done.milestone == 1
        return state, shown(turn, reply, "done", state, day, goal=done.goal, card=first)

    def completed(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply, StepDone]:
        state, done = plan.complete_step(state, goal.key, day.today)
        voice = day.voice
        speech = talk.celebrate(voice, done, day.plan(state), day.first_weekday)
        goal = done.goal
        if rating is not None:
            # "I did it, it was hard": the feeling is taken in now, and not asked for (and
            # said of a step already counted, it is only the feeling that is news).
            state = state.with_goal(progression.asked_feeling(goal, day.today))
            state, felt = take_feeling(turn, state, state.goal(goal.key) or goal, day, rating)
            if not done.completion.already:
                felt = replace(felt, speech=join(speech, felt.speech))
            return state, felt, done
        if done.completion.already or turn.one_shot:
            return state, Reply(speech), done
        offer = progression.growth_offer(goal, day.today, day.first_weekday)
        if offer is not None:
            grown = Reply(
                speech,
                talk.growth_question(voice, goal, offer),
                dialog=Dialog.OFFER_GROWTH,
                session={GOAL: goal.key},
            )
            return state.with_goal(progression.offered(goal, day.today)), grown, done
        asked_today = any(g.asked_on == day.today for g in state.goals)
        if progression.should_ask_feeling(goal, day.today) and not asked_today:
            feeling = Reply(
                speech,
                voice.say("ask.feeling"),
                voice.say("reprompt.feeling"),
                dialog=Dialog.FEELING,
                session={GOAL: goal.key},
            )
            return state.with_goal(progression.asked_feeling(goal, day.today)), feeling, done
        routine = routine_question(turn, state, day)
        if routine is not None:
            state, asked = routine
            return state, replace(asked, speech=speech), done
        return state, Reply(speech), done

    def unclear(day: Day) -> Reply:
        # Words heard as the answer to "done it already?" that name none of the goals
        # (the slot takes any words, as a custom goal's name may be any): asked again.
        current = turn.session.get(GOAL)
        return Reply(
            Ssml(""),
            day.voice.say("fallback.yes_no"),
            dialog=Dialog.ASK_DONE,
            must_answer=True,
            session={GOAL: current} if isinstance(current, str) else {},
        )

    answering = turn.dialog is Dialog.ASK_DONE
    single = for_goal(turn, act, unclear if answering else None)

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        together = goals_named_together(turn, state)
        return complete_together(together)(state, day) if together else single(state, day)

    return turn.answer(turn.change(action))


def complete_all(state: UserState, day: Day) -> tuple[UserState, Reply]:
    """ "I did all of them": every step still due today, counted once each."""
    if not state.goals:
        return state, choose_area(day)
    voice, book = day.voice, day.voice.book
    left = day.plan(state).left
    if not left:
        return state, Reply(voice.say("today.all_done"))
    if len(left) == 1:  # "all of them" when one is left: that one, cheered by its name
        return complete_together(list(left))(state, day)
    passed = False
    for goal in left:
        state, done = plan.complete_step(state, goal.key, day.today)
        passed = passed or done.milestone is not None
    steps = book.listing([talk.step_today(voice, g, day.today) for g in left])
    parts = [voice.say("done.all_cheer", steps=steps)]
    if passed:
        # Counted together, a milestone passed on the way is told as the total reached: "1
        # step" said after three were counted would be wrong twice over.
        parts.append(talk.milestone(voice, state.total_steps))
    return state, Reply(join(*parts, voice.say("done.all_today")))


def goals_named_together(turn: Turn, state: UserState) -> list[Goal]:
    """The goals named in one breath ("my walk and my water"), each a different goal, or
    none: a goal whose own name holds "and" is found whole first.

    Alexa resolves a slot as a whole, so "walk and water" comes with no id: each part is
    matched against the goals' names as the coach says them ("walk" is in "your walk").
    """
    area = turn.slot("area")
    language = language_of(turn.book.locale)
    parts = named_together(area.words or "", language)
    if area.id or not parts:
        return []

    def named(words: str) -> Goal | None:
        for goal in state.goals:
            names = (goal.custom_name or "", plain(turn.book.goal_name(goal)))
            if any(name and matches(name, words, language) for name in names):
                return goal
        return None

    if named(area.words or "") is not None:
        return []
    found: list[Goal] = []
    for part in parts:
        goal = named(part)
        if goal is None or goal in found:
            return []
        found.append(goal)
    return found


def complete_together(goals: list[Goal]) -> Action:
    """ "I did my walk and my water": each counted once, cheered together."""

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        dones = []
        for goal in goals:
            state, done = plan.complete_step(state, goal.key, day.today)
            dones.append(done)
        fresh = [done for done in dones if not done.completion.already]
        if not fresh:
            name = day.voice.book.goal_name(goals[0])
            return state, Reply(day.voice.say("done.already", name=name))
        return state, Reply(talk.celebrate_together(day.voice, fresh, day.plan(state)))

    return action


_RATINGS = {"EASY": Rating.EASY, "ABOUT_RIGHT": Rating.ABOUT_RIGHT, "HARD": Rating.HARD}
_RATING_KEYS = {
    RatingResult.NOT_DONE: "feeling.not_done",
    RatingResult.NOTED_HARD: "feeling.noted_hard",
    RatingResult.STEPPED_DOWN: "feeling.stepped_down",
    RatingResult.GROWTH_UNDONE: "feeling.growth_undone",
}


class RateStepHandler(Handler):
    """'It was easy / about right / hard': only "hard" changes anything; growth waits for a yes."""

    intents = ("RateStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Take in how the step felt."""
        rating = _RATINGS.get(turn.slot("rating").id or "")
        if rating is None:
            # Asked once, plainly: never the question twice in one reply.
            return turn.answer_without_state(
                lambda voice: Reply(
                    Ssml(""),
                    voice.say("feeling.unclear"),
                    dialog=Dialog.FEELING,
                    must_answer=turn.dialog == Dialog.FEELING,
                )
            )

        def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
            if rating is Rating.HARD and not goal.done_on(day.today):
                # "That was too hard" before today's step is done is about the step's size:
                # it gets smaller now, as "that's too hard" would make it.
                return resize(smaller=True)(state, goal, day)
            return take_feeling(turn, state, goal, day, rating)

        return turn.answer(turn.change(for_goal(turn, act)))


def take_feeling(
    turn: Turn, state: UserState, goal: Goal, day: Day, rating: Rating
) -> tuple[UserState, Reply]:
    """How today's step felt, taken in: "hard" may ease it; "easy" may bring an earned offer."""
    voice, book = day.voice, day.voice.book
    goal, result = progression.rate(goal, day.today, rating)
    state = state.with_goal(goal)
    key = _RATING_KEYS.get(result, f"feeling.noted_{rating.value.lower()}")
    if key == "feeling.noted_hard" and goal.rung <= STARTER:
        key = "feeling.noted_hard_smallest"  # no "we'll make it smaller" at the smallest step
    speech = voice.say(key, step=book.step(goal, goal.rung), name=book.goal_name(goal))
    offer = progression.growth_offer(goal, day.today, day.first_weekday)
    if rating is Rating.EASY and offer is not None and not turn.one_shot:
        return state.with_goal(progression.offered(goal, day.today)), Reply(
            speech,
            talk.growth_question(voice, goal, offer),
            dialog=Dialog.OFFER_GROWTH,
            session={GOAL: goal.key},
        )
    return state, Reply(speech)


class SkipStepHandler(Handler):
    """'Not today': kindness, and the starter for today if it would help."""

    intents = ("SkipStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Meet a skip kindly; nothing is counted against the person."""

        def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
            voice, book = day.voice, day.voice.book
            if goal.done_on(day.today):
                return state, Reply(voice.say("skip.already_done", name=book.goal_name(goal)))
            if goal.weekly:
                return state, Reply(voice.say("skip.weekly"))
            if not progression.can_offer_starter(goal, day.today):
                return state, Reply(voice.say("skip.rest"))
            return state, Reply(
                voice.say("skip.kind"),
                voice.say("skip.offer_starter", step=book.step(goal, STARTER)),
                voice.say("reprompt.yes_no"),
                dialog=Dialog.OFFER_STARTER,
                must_answer=True,
                session={GOAL: goal.key},
            )

        return turn.answer(turn.change(for_goal(turn, act)))


@on_yes(Dialog.OFFER_STARTER)
def take_starter(turn: Turn) -> Response:
    """'Yes' to the starter today: today's step becomes it, for today only."""

    def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
        goal = progression.starter_today(goal, day.today)
        speech = day.voice.say("skip.starter_taken", step=day.voice.book.step(goal, STARTER))
        return state.with_goal(goal), Reply(speech)

    return turn.answer(turn.change(for_goal(turn, act)))


_SMALLER_KEYS = {
    Adjustment.STEPPED_DOWN: "adjust.smaller",
    Adjustment.GROWTH_UNDONE: "adjust.growth_undone",
    Adjustment.SMALLER_TODAY: "adjust.smaller_today",
    Adjustment.ALREADY_SMALLEST: "adjust.already_smallest",
}
_BIGGER_KEYS = {
    Adjustment.STEPPED_UP: "adjust.bigger",
    Adjustment.NOT_TODAY: "adjust.not_today",
    Adjustment.AT_TOP: "adjust.at_top",
}


class ResizeHandler(Handler):
    """'That's too hard' makes the step smaller at once; 'let's go bigger' grows it."""

    intents = ("MakeSmallerIntent", "MakeBiggerIntent")

    def respond(self, turn: Turn) -> Response:
        """One rung down or up, at most one change a day."""
        smaller = turn.intent == "MakeSmallerIntent"
        # "Smaller", answering the look back's question, is a choice, not a hard day.
        chosen = turn.dialog is Dialog.WEEK_ADJUST
        return turn.answer(turn.change(for_goal(turn, resize(smaller, chosen=chosen))))


@on_yes(Dialog.OFFER_GROWTH)
def accept_growth(turn: Turn) -> Response:
    """'Yes' to an offered growth: one rung up, said as the offer put it ("from tomorrow")."""
    return turn.answer(turn.change(for_goal(turn, resize(smaller=False, offered=True))))


def resize(smaller: bool, *, offered: bool = False, chosen: bool = False) -> GoalAction:
    """The action for "too hard" (smaller) or "bigger" on one goal.

    `offered`: a yes to a growth offer, which (for a daily step) starts tomorrow, as the
    offer said. `chosen`: smaller as an answer to the look back, which is not a hard mark.
    """

    def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
        voice, book = day.voice, day.voice.book
        if smaller:
            goal, result = progression.too_hard(goal, day.today, hard=not chosen)
            key = _SMALLER_KEYS[result]
        else:
            before = goal.rung_on(day.today)
            goal, result = progression.grow(goal, day.today)
            key = _BIGGER_KEYS[result]
            if offered and result is Adjustment.STEPPED_UP:
                key = "growth.accepted_weekly" if goal.weekly else "growth.accepted"
                if not goal.weekly:
                    goal = progression.from_tomorrow(goal, day.today, before)
                step = book.step(goal, goal.rung)  # the size it grows to
                speech = voice.say(key, step=step, name=book.goal_name(goal))
                return state.with_goal(goal), Reply(speech)
        step = book.step(goal, goal.rung_on(day.today))
        return state.with_goal(goal), Reply(voice.say(key, step=step, name=book.goal_name(goal)))

    return act


class KeepStepHandler(Handler):
    """'Keep it': the size stays; after an offer, the next offer waits a week."""

    intents = ("KeepStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Keep the step as it is."""
        return keep(turn)


@on_yes(Dialog.WEEK_ADJUST)
@on_no(Dialog.OFFER_GROWTH)
def keep(turn: Turn) -> Response:
    """No (or "keep it") to a growth offer; yes (or "keep it") to the look back's "shall we
    keep it as it is?"; or "keep it" on its own."""
    dialog = turn.dialog

    def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
        voice, book = day.voice, day.voice.book
        # "Keep it" is a no to growing for now, however it was said: no offer for a week.
        state = state.with_goal(progression.offered(goal, day.today))
        if dialog is Dialog.WEEK_ADJUST:
            return state, Reply(voice.say("week.kept", name=book.goal_name(goal)))
        key = "growth.kept" if dialog is Dialog.OFFER_GROWTH else "keep.stays"
        return state, Reply(
            voice.say(key, size=book.size(goal, goal.rung), step=book.step(goal, goal.rung))
        )

    return turn.answer(turn.change(for_goal(turn, act)))
