"""Handlers for the daily step: launch, what's my step, done, how it felt, skip, smaller, bigger."""

from __future__ import annotations

from collections.abc import Callable

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.response import Response

from skill.coach import plan, progression
from skill.coach.areas import BUILT_IN_AREAS
from skill.coach.progression import Adjustment, RatingResult
from skill.coach.state import Goal, Rating, UserState
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import GOAL, OFFER, Dialog, on_yes
from skill.handlers.reply import Reply
from skill.handlers.turn import Day, Turn
from skill.speech.ssml import Ssml, join

Action = Callable[[UserState, Day], tuple[UserState, Reply]]
GoalAction = Callable[[UserState, Goal, Day], tuple[UserState, Reply]]


def pick_goal(turn: Turn, state: UserState, day: Day) -> tuple[Goal | None, Ssml | None]:
    """The goal a request is about: a named area, the one just talked about, or the next to do.

    Returns (None, words to say) when the user named an area they have no goal for.
    """
    area = turn.slot("area")
    if area.id or area.words:
        goal = plan.find_goal(state, area.id, area.words)
        if goal is None:
            named = day.voice.book.label(area.id) if area.id in BUILT_IN_AREAS else area.words
            return None, day.voice.say("goal.not_active", area=named or "")
        return goal, None
    current = turn.session.get(GOAL)
    if isinstance(current, str) and (goal := state.goal(current)) is not None:
        return goal, None
    return plan.next_to_do(state, day.today), None


def choose_area(day: Day, lead: Ssml | None = None, key: str | None = "goal.none_yet") -> Reply:
    """Ask which area to grow in (after `lead` and the phrase `key`), and wait for the choice."""
    return Reply(
        join(lead, day.voice.say(key) if key else None),
        talk.choose_area_question(day.voice),
        dialog=Dialog.CHOOSE_AREA,
        must_answer=True,
    )


def for_goal(turn: Turn, act: GoalAction) -> Action:
    """A step request's action: with no goal yet, ask for one; for an area the person has no
    goal in, say so; otherwise `act` on the goal the request is about."""

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        if not state.goals:
            return state, choose_area(day)
        goal, problem = pick_goal(turn, state, day)
        if goal is None:
            return state, Reply(problem or Ssml(""), day.voice.say("ask.anything_else"))
        return act(state, goal, day)

    return action


def step_reply(state: UserState, day: Day, lead: Ssml | None = None) -> Reply:
    """Today's steps with the day's news; asks what next, or offers progress if all is done."""
    voice = day.voice
    speech = join(
        lead, talk.day_news(voice, state, day.news), talk.today_steps(voice, state, day.today)
    )
    if all(g.entry_on(day.today) is not None for g in state.goals):
        return Reply(speech, voice.say("ask.hear_progress"), dialog=Dialog.OFFER_PROGRESS)
    return Reply(speech, voice.say("ask.after_step"), voice.say("reprompt.after_step"))


class LaunchHandler(Handler):
    """First launch: welcome and a choice of area. Returning: today's step straight away."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Any LaunchRequest."""
        return bool(is_request_type("LaunchRequest")(handler_input))

    def respond(self, turn: Turn) -> Response:
        """Welcome, the day's news, and the step."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            if state.goals:
                return state, step_reply(state, day)
            key = "welcome.first" if day.news.first_visit else "welcome.no_goals"
            return state, choose_area(day, key=key)

        return turn.answer(turn.change(action))


class GetStepHandler(Handler):
    """'What's my small step today?'"""

    intents = ("GetStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Today's step, focus first."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            if not state.goals:
                return state, choose_area(day)
            return state, step_reply(state, day)

        return turn.answer(turn.change(action))


class CompleteStepHandler(Handler):
    """'I did it': count it once, celebrate specifically, give the next step's news."""

    intents = ("CompleteStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Complete the step and celebrate; in a session, ask how it felt."""

        def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
            state, done = plan.complete_step(state, goal.key, day.today)
            speech = talk.celebrate(day.voice, state, done, day.today)
            if done.completion.already:
                return state, Reply(speech, day.voice.say("ask.anything_else"))
            return state, Reply(
                speech,
                day.voice.say("ask.feeling"),
                day.voice.say("reprompt.feeling"),
                dialog=Dialog.FEELING,
                session={GOAL: goal.key},
            )

        return turn.answer(turn.change(for_goal(turn, act)))


_RATINGS = {"EASY": Rating.EASY, "ABOUT_RIGHT": Rating.ABOUT_RIGHT, "HARD": Rating.HARD}


class RateStepHandler(Handler):
    """'It was easy / about right / hard': tune the ladder with how today's step felt."""

    intents = ("RateStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Record the rating; it may grow, shrink or hold the step."""
        rating = _RATINGS.get(turn.slot("rating").id or "")

        if rating is None:
            return turn.answer_without_state(
                lambda voice: Reply(
                    voice.say("feeling.unclear"),
                    voice.say("reprompt.feeling"),
                    dialog=Dialog.FEELING,
                    must_answer=turn.dialog == Dialog.FEELING,
                )
            )

        def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
            voice = day.voice
            goal, result = progression.rate(goal, day.today, rating)
            state = state.with_goal(goal)
            book = voice.book
            key = {
                RatingResult.NOT_DONE: "feeling.not_done",
                RatingResult.NOTED: f"feeling.noted_{rating.value.lower()}",
                RatingResult.NOTED_HARD: "feeling.noted_hard",
                RatingResult.STEPPED_UP: "feeling.stepped_up",
                RatingResult.STEPPED_DOWN: "feeling.stepped_down",
                RatingResult.GROWTH_UNDONE: "feeling.growth_undone",
            }[result]
            speech = voice.say(key, step=book.step(goal, goal.size), name=book.goal_name(goal))
            return state, Reply(speech, voice.say("ask.anything_else"), session={GOAL: goal.key})

        return turn.answer(turn.change(for_goal(turn, act)))


class SkipStepHandler(Handler):
    """'Not today': kindness, and an offer of a smaller version for today."""

    intents = ("SkipStepIntent",)

    def respond(self, turn: Turn) -> Response:
        """Note the skip and offer something smaller."""

        def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
            voice = day.voice
            if goal.entry_on(day.today) is not None:
                return state, Reply(voice.say("skip.already_done", name=voice.book.goal_name(goal)))
            goal, smaller = progression.skip(goal, day.today)
            state = state.with_goal(goal)
            if smaller is None:
                return state, Reply(voice.say("skip.rest"))
            return state, Reply(
                voice.say("skip.kind"),
                voice.say("skip.offer_smaller", step=voice.book.step(goal, smaller)),
                voice.say("reprompt.yes_no"),
                dialog=Dialog.OFFER_SMALLER,
                must_answer=True,
                session={GOAL: goal.key, OFFER: smaller},
            )

        return turn.answer(turn.change(for_goal(turn, act)))


_ADJUSTMENT_KEYS = {
    Adjustment.STEPPED_DOWN: "adjust.stepped_down",
    Adjustment.SMALLER_TODAY: "adjust.smaller_today",
    Adjustment.ALREADY_SMALLEST: "adjust.already_smallest",
    Adjustment.STEPPED_UP: "adjust.stepped_up",
    Adjustment.NOT_TODAY: "adjust.not_today",
    Adjustment.AT_TOP: "adjust.at_top",
}


class ResizeHandler(Handler):
    """'That's too hard' makes the step smaller; 'too easy' makes it bigger."""

    intents = ("MakeSmallerIntent", "MakeBiggerIntent")

    def respond(self, turn: Turn) -> Response:
        """One rung down or up, within the one-change-a-day rule."""
        smaller = turn.intent == "MakeSmallerIntent"

        def act(state: UserState, goal: Goal, day: Day) -> tuple[UserState, Reply]:
            voice = day.voice
            change = progression.make_smaller if smaller else progression.make_bigger
            goal, result = change(goal, day.today)
            state = state.with_goal(goal)
            speech = voice.say(
                _ADJUSTMENT_KEYS[result],
                step=voice.book.step(goal, goal.size_on(day.today)),
                name=voice.book.goal_name(goal),
            )
            return state, Reply(speech, voice.say("ask.anything_else"), session={GOAL: goal.key})

        return turn.answer(turn.change(for_goal(turn, act)))


@on_yes(Dialog.OFFER_SMALLER)
def accept_smaller(turn: Turn) -> Response:
    """'Yes' to a smaller version of today's step."""

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        voice = day.voice
        key = turn.session.get(GOAL)
        goal = state.goal(key) if isinstance(key, str) else None
        size = progression.smaller_version(goal, day.today) if goal else None
        if goal is None or size is None:
            return state, step_reply(state, day) if state.goals else choose_area(day)
        goal = progression.take_smaller_today(goal, day.today, size)
        speech = voice.say("skip.smaller_taken", step=voice.book.step(goal, size))
        return state.with_goal(goal), Reply(speech)

    return turn.answer(turn.change(action))
