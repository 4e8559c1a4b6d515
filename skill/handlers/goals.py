"""Handlers for goals: add one (built-in, or a custom one after a yes), change the focus to
another after a yes, list them, remove one.

A custom goal is kept only once it is a short name for something to do and the person has
said yes to it ("A new daily goal: drinking more water, starting with 1 glass. Shall I add
it?"); a sentence or a feeling gets a kind re-ask with examples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ask_sdk_model.response import Response

from skill.coach import plan
from skill.coach.areas import BUILT_IN_AREAS, CUSTOM, CUSTOM_UNITS, Unit
from skill.coach.plan import GoalChange
from skill.coach.state import MAX_GOALS, Goal, UserState, new_goal
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import GOAL, PENDING, Dialog, on_no, on_yes
from skill.handlers.reply import Reply
from skill.handlers.steps import choose_area
from skill.handlers.turn import Day, Turn
from skill.speech.names import Problem, language_of, matches, understand
from skill.speech.ssml import join

# What a kind re-ask says for words that cannot be a goal's name.
_PROBLEM_KEYS = {
    Problem.EMPTY: "goal.didnt_catch",
    Problem.SENTENCE: "goal.name_sentence",
    Problem.FEELING: "goal.name_feeling",
    Problem.NEGATIVE: "goal.name_negative",
    Problem.TOO_LONG: "goal.name_too_long",
    Problem.OWN: "goal.name_own",
}


def _wanted(turn: Turn) -> tuple[str | None, dict[str, str] | None, Problem | None]:
    """What goal the request names: a built-in area id, a custom goal (name and unit), or a
    problem with the words. A goal pending confirmation is used when only a unit is said."""
    area = turn.slot("area")
    unit = _unit(turn.slot("unit").id)
    if area.id in BUILT_IN_AREAS:
        return area.id, None, None
    if not area.words:
        pending = turn.session.get(PENDING)
        if unit is not None and isinstance(pending, dict) and pending.get("name"):
            return CUSTOM, {"name": str(pending["name"]), "unit": unit.value}, None
        return None, None, Problem.EMPTY
    understood = understand(area.words, language_of(turn.book.locale), unit)
    if understood.name is None:
        return None, None, understood.problem
    return CUSTOM, {"name": understood.name, "unit": understood.unit.value}, None


def _unit(value: object) -> Unit | None:
    return Unit(value) if value in {u.value for u in CUSTOM_UNITS} else None


def _pending_goal(pending: Mapping[str, Any], today: Any) -> Goal:
    unit = _unit(pending.get("unit")) or Unit.MINUTES
    return new_goal(CUSTOM, today, str(pending["name"]), unit)


class SetGoalHandler(Handler):
    """'I want to work on walking' / 'drinking water': add a goal as the focus."""

    intents = ("SetGoalIntent",)

    def respond(self, turn: Turn) -> Response:
        """Add a built-in goal, confirm a custom one first, or re-ask kindly."""
        area, custom, problem = _wanted(turn)

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            if problem is Problem.OWN:
                return state, _ask_own_name(day, Dialog.CHOOSE_AREA)
            if area is None:
                # "Add a goal" with nothing named is a plain question, not a "didn't catch".
                key = _PROBLEM_KEYS[problem] if problem and turn.slot("area").words else None
                return state, choose_area(day, key=key)
            if custom is not None:
                existing = plan.find_goal(state, CUSTOM, custom["name"])
                # With three goals already, the answer is "remove one first", not a question
                # whose yes would only be turned down.
                if existing is None and len(state.goals) < MAX_GOALS:
                    return state, _confirm_custom(day, custom)
            return _add(turn, state, day, area, custom)

        return turn.answer(turn.change(action))


def _ask_own_name(day: Day, dialog: Dialog, pending: dict[str, str] | None = None) -> Reply:
    """ "Something of my own": asked just for its name (not the list of areas again)."""
    return Reply(
        join(),
        day.voice.say("goal.name_own"),
        dialog=dialog,
        must_answer=True,
        session={PENDING: pending} if pending else {},
    )


def _confirm_custom(day: Day, custom: dict[str, str]) -> Reply:
    """ "A new daily goal: drinking more water, 1 glass to start. Shall I add it?" """
    voice, book = day.voice, day.voice.book
    goal = _pending_goal(custom, day.today)
    question = voice.say(
        "goal.confirm_custom", name=book.custom_name(goal), first=book.size(goal, goal.rung)
    )
    return Reply(
        join(),
        question,
        voice.say("reprompt.yes_no"),
        dialog=Dialog.CONFIRM_GOAL,
        must_answer=True,
        session={PENDING: custom},
    )


def _add(
    turn: Turn,
    state: UserState,
    day: Day,
    area: str,
    custom: Mapping[str, str] | None,
    *,
    replacing: Goal | None = None,
) -> tuple[UserState, Reply]:
    """Add (or focus, or swap in, in place of `replacing`) a goal and say its first step."""
    voice, book = day.voice, day.voice.book
    name = custom["name"] if custom else None
    unit = _unit(custom["unit"]) if custom else None
    first_ever = state.total_steps == 0 and not state.goals
    old_focus = replacing or state.focus
    if replacing is not None:
        state, change, goal = plan.replace_goal(
            state, area, day.today, name, unit, old_key=replacing.key
        )
    else:
        state, change, goal = plan.set_goal(state, area, day.today, name, unit)
    if change is GoalChange.FULL:
        names = talk.goal_names(voice, state.goals)
        return state, Reply(voice.say("goal.full", goals=names))
    key = {
        GoalChange.ADDED: "goal.added",
        GoalChange.REPLACED: "goal.replaced",
        GoalChange.FOCUSED: "goal.focused",
        GoalChange.ALREADY_FOCUS: "goal.already_focus",
    }[change]
    if change is GoalChange.ADDED and len(state.goals) > 1:
        key = "goal.added_another"
    old = book.goal_name(old_focus) if old_focus is not None else ""
    speech = join(
        voice.say(
            key, name=book.goal_name(goal), old=old, goals=book.count(len(state.goals), "goal")
        ),
        voice.say(
            "today.week_step" if goal.weekly else "today.step",
            step=talk.step_today(voice, goal, day.today),
        ),
    )
    # A newcomer needs to hear how to report the step, even in a one-shot.
    if change is GoalChange.ADDED and first_ever:
        speech = join(speech, voice.say("goal.how_to_report"))
    return state, Reply(speech, session={GOAL: goal.key})


@on_yes(Dialog.CONFIRM_GOAL)
def add_confirmed(turn: Turn) -> Response:
    """'Yes' to a custom goal: add it."""
    pending = turn.session.get(PENDING)

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        if not isinstance(pending, dict) or not pending.get("name"):
            return state, choose_area(day, key="goal.didnt_catch")
        return _add(turn, state, day, CUSTOM, pending)

    return turn.answer(turn.change(action))


class ChangeGoalHandler(Handler):
    """'Change my goal to breathing' (or 'my water goal to reading'): after a yes, the new goal
    takes the place of the one named, or of the focus."""

    intents = ("ChangeGoalIntent",)

    def respond(self, turn: Turn) -> Response:
        """Focus a goal the person has; ask before swapping a goal for a new one."""
        area, custom, problem = _wanted(turn)
        current = turn.slot("current")
        language = language_of(turn.book.locale)

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            voice, book = day.voice, day.voice.book
            old = state.focus
            pending = turn.session.get(PENDING)
            if isinstance(pending, dict) and isinstance(pending.get("old"), str):
                old = state.goal(pending["old"]) or old  # the goal asked about just now
            if current.id or current.words:
                old = plan.find_goal(
                    state, current.id, current.words, lambda n, w: matches(n, w, language)
                )
                if old is None:
                    named = (
                        book.label(current.id) if current.id in BUILT_IN_AREAS else current.words
                    )
                    return state, Reply(voice.say("goal.not_active", area=named or ""))
            if area is None and old is not None and not turn.slot("area").words:
                # "Change my walking goal": to what? Asked, with that goal kept in mind.
                return state, Reply(
                    voice.say("goal.replace_with_what", old=book.goal_name(old)),
                    talk.choose_area_question(voice),
                    dialog=Dialog.CHOOSE_REPLACEMENT,
                    must_answer=True,
                    session={PENDING: {"old": old.key}},
                )
            if problem is Problem.OWN and old is not None:
                return state, _ask_own_name(day, Dialog.CHOOSE_REPLACEMENT, {"old": old.key})
            if area is None:
                return state, choose_area(day, key=_PROBLEM_KEYS[problem or Problem.EMPTY])
            name = custom["name"] if custom else None
            if old is None or plan.find_goal(state, area, name) is not None:
                return _add(turn, state, day, area, custom)
            if turn.dialog is Dialog.CHOOSE_REPLACEMENT and custom is None:
                # The swap was asked for already; only a custom name needs hearing back.
                return _add(turn, state, day, area, None, replacing=old)
            wanted = {**(custom or {"area": area}), "old": old.key}
            new = _pending_goal(custom, day.today) if custom else new_goal(area, day.today)
            return state, Reply(
                join(),
                voice.say("goal.confirm_change", old=book.goal_name(old), new=book.goal_name(new)),
                voice.say("reprompt.yes_no"),
                dialog=Dialog.CONFIRM_CHANGE,
                must_answer=True,
                session={PENDING: wanted},
            )

        return turn.answer(turn.change(action))


@on_yes(Dialog.CONFIRM_CHANGE)
def change_confirmed(turn: Turn) -> Response:
    """'Yes' to swapping a goal for the new one."""
    pending = turn.session.get(PENDING)

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        if not isinstance(pending, dict):
            return state, choose_area(day, key="goal.didnt_catch")
        area = str(pending.get("area") or CUSTOM)
        custom = pending if area == CUSTOM and pending.get("name") else None
        old = state.goal(str(pending.get("old") or "")) or state.focus
        return _add(turn, state, day, area, custom, replacing=old)

    return turn.answer(turn.change(action))


@on_no(Dialog.CONFIRM_CHANGE)
def change_declined(turn: Turn) -> Response:
    """'No' to swapping: the focus stays."""

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        voice = day.voice
        if state.focus is None:
            return state, Reply(voice.say("no.goodbye"))
        return state, Reply(voice.say("no.keep_focus", name=voice.book.goal_name(state.focus)))

    return turn.answer(turn.change(action))


class ListGoalsHandler(Handler):
    """'What are my goals?'"""

    intents = ("ListGoalsIntent",)

    def respond(self, turn: Turn) -> Response:
        """Each goal with its current size, focus first."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            if not state.goals:
                return state, choose_area(day)
            return state, Reply(talk.goal_list(day.voice, state))

        return turn.answer(turn.change(action))


class RemoveGoalHandler(Handler):
    """'Remove my breathing goal' (and the goal named while choosing one to remove)."""

    intents = ("RemoveGoalIntent",)

    def respond(self, turn: Turn) -> Response:
        """Remove the goal named in the `area` slot; without one, ask which."""
        return turn.answer(turn.change(_remove(turn)))


def _remove(turn: Turn) -> Callable[[UserState, Day], tuple[UserState, Reply]]:
    area = turn.slot("area")
    language = language_of(turn.book.locale)

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        voice, book = day.voice, day.voice.book
        if not state.goals:
            return state, choose_area(day)
        choices = talk.goal_names(voice, state.goals, choice=True)
        if not (area.id or area.words):
            return state, Reply(
                join(),
                voice.say("goal.which_to_remove", goals=choices),
                voice.say("reprompt.which_to_remove", goals=choices),
                dialog=Dialog.CHOOSE_REMOVE,
                must_answer=True,
            )
        goal = plan.find_goal(
            state, area.id, area.words, lambda name, words: matches(name, words, language)
        )
        if goal is None:
            named = book.label(area.id) if area.id in BUILT_IN_AREAS else area.words
            return state, Reply(
                voice.say("goal.not_active", area=named or ""),
                voice.say("goal.which_to_remove", goals=choices),
                dialog=Dialog.CHOOSE_REMOVE,
            )
        was_focus = state.focus is not None and state.focus.key == goal.key
        state, _ = plan.remove_goal(state, goal.key)
        speech = voice.say("goal.removed", name=book.goal_name(goal))
        if state.focus is not None and was_focus:
            speech = join(speech, voice.say("goal.focus_now", name=book.goal_name(state.focus)))
        if not state.goals:
            return state, choose_area(day, lead=speech, key=None)
        return state, Reply(speech)

    return action
