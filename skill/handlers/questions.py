"""The questions the skill asks, and what each answer to each one does: one table.

A question is pending while the session remembers it (a reply that asks it sets it). Yes, No,
Help, Fallback and Stop answer by the pending question's row; a bare answer ("walking",
"easy", "8 am") fills the slot the row names; and while some questions are pending, an
intent is heard as another (a goal named while choosing one to remove is the one to remove).

What Yes does is either a phrase (the question asked again, or what the skill can do) or an
action registered with `@on_yes(Dialog.X)` beside the code it runs, so this module imports
no handler and every handler can import it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ask_sdk_model.response import Response

    from skill.handlers.turn import Turn

# Session attribute names, in one place.
DIALOG = "dialog"
GOAL = "goal"
OFFER = "offer"
PENDING = "pending"
ROUTINE = "routine"
SAID = "said"
ASKED = "asked"
# A question is asked again (after a help, an unclear answer, a bare yes) at most this many
# times; then the coach lets it go kindly instead of asking a fourth time.
ASK_AGAIN_AT_MOST = 2


class Dialog(StrEnum):
    """The question the skill asked last in this session."""

    CHOOSE_AREA = "choose_area"
    CONFIRM_GOAL = "confirm_goal"
    CONFIRM_CHANGE = "confirm_change"
    CHOOSE_REMOVE = "choose_remove"
    CHOOSE_REPLACEMENT = "choose_replacement"
    ASK_DONE = "ask_done"
    FEELING = "feeling"
    OFFER_GROWTH = "offer_growth"
    OFFER_STARTER = "offer_starter"
    OFFER_REVIEW = "offer_review"
    WEEK_ADJUST = "week_adjust"
    OFFER_PROGRESS = "offer_progress"
    OFFER_ROUTINE = "offer_routine"
    CONFIRM_DELETE = "confirm_delete"
    CONFIRM_DELETE_HOUSEHOLD = "confirm_delete_household"
    REMINDER_TIME = "reminder_time"
    SAFETY_FOLLOWUP = "safety_followup"


@dataclass(frozen=True)
class SlotAnswer:
    """The intent and slot a bare answer to a question fills (Alexa elicits that slot)."""

    intent: str
    slot: str


@dataclass(frozen=True)
class Question:
    """What every answer to one question does.

    `yes`, `no`: a phrase key to say, or None when an action is registered for that answer
    (`@on_yes`, `@on_no`); with `yes_asks_again` the phrase asks the question again.
    `help`, `fallback`, `stop`: the phrase keys said. `answer`: the slot a bare answer fills.
    `heard_as`: intents that mean another while the question is pending ("skip" after a
    look back means "no thanks", not "skip today's step"). `closes`: Help and Fallback answer
    and end, rather than ask again (the one gentle question after the safety answer).
    """

    help: str
    fallback: str
    yes: str | None = None
    no: str | None = None
    yes_asks_again: bool = False
    stop: str = "stop.goodbye"
    answer: SlotAnswer | None = None
    heard_as: Mapping[str, str] = field(default_factory=dict)
    closes: bool = False


QUESTIONS: dict[Dialog, Question] = {
    Dialog.CHOOSE_AREA: Question(
        yes="goal.which_area",
        yes_asks_again=True,
        no="no.choose_later",
        help="help.choose_area",
        fallback="fallback.choose_area",
        answer=SlotAnswer("SetGoalIntent", "area"),
        heard_as={"ChangeGoalIntent": "SetGoalIntent"},
    ),
    Dialog.CONFIRM_GOAL: Question(
        no="no.goal_not_added",
        help="help.confirm_goal",
        fallback="fallback.yes_no",
        heard_as={"KeepStepIntent": "AMAZON.NoIntent"},
    ),
    Dialog.CONFIRM_CHANGE: Question(
        help="help.confirm_change",
        fallback="fallback.yes_no",
        heard_as={"KeepStepIntent": "AMAZON.NoIntent"},
    ),
    Dialog.CHOOSE_REPLACEMENT: Question(
        yes="help.choose_replacement",
        yes_asks_again=True,
        no="no.keep_goals",
        help="help.choose_replacement",
        fallback="fallback.choose_area",
        answer=SlotAnswer("ChangeGoalIntent", "area"),
        heard_as={"SetGoalIntent": "ChangeGoalIntent"},
    ),
    Dialog.CHOOSE_REMOVE: Question(
        yes="help.choose_remove",
        yes_asks_again=True,
        no="no.keep_goals",
        help="help.choose_remove",
        fallback="fallback.choose_remove",
        answer=SlotAnswer("RemoveGoalIntent", "area"),
        heard_as={"SetGoalIntent": "RemoveGoalIntent", "ChangeGoalIntent": "RemoveGoalIntent"},
    ),
    Dialog.ASK_DONE: Question(
        no="no.not_yet",
        help="help.ask_done",
        fallback="fallback.yes_no",
        # "Have you done your walk yet?" "The water": that one is done.
        answer=SlotAnswer("CompleteStepIntent", "area"),
    ),
    Dialog.FEELING: Question(
        yes="feeling.unclear",
        yes_asks_again=True,
        no="no.feeling",
        help="help.feeling",
        fallback="fallback.feeling",
        answer=SlotAnswer("RateStepIntent", "rating"),
    ),
    Dialog.OFFER_GROWTH: Question(help="help.offer_growth", fallback="fallback.offer_growth"),
    Dialog.OFFER_STARTER: Question(
        no="no.rest_today", help="help.offer_starter", fallback="fallback.yes_no"
    ),
    Dialog.OFFER_REVIEW: Question(
        no="no.review",
        help="help.offer_review",
        fallback="fallback.yes_no",
        heard_as={"SkipStepIntent": "AMAZON.NoIntent"},
    ),
    Dialog.WEEK_ADJUST: Question(
        no="no.week_adjust",
        help="help.week_adjust",
        fallback="fallback.week_adjust",
        heard_as={"SkipStepIntent": "AMAZON.NoIntent"},
    ),
    Dialog.OFFER_PROGRESS: Question(
        no="no.goodbye", help="help.yes_no", fallback="fallback.yes_no"
    ),
    Dialog.OFFER_ROUTINE: Question(
        no="routine.no_thanks",
        help="help.offer_routine",
        fallback="fallback.yes_no",
    ),
    Dialog.CONFIRM_DELETE_HOUSEHOLD: Question(
        no="no.keep_household",
        help="help.confirm_delete_household",
        fallback="fallback.yes_no",
        stop="no.keep_household",
    ),
    Dialog.CONFIRM_DELETE: Question(
        no="no.keep_data",
        help="help.confirm_delete",
        fallback="fallback.yes_no",
        stop="no.keep_data",
    ),
    Dialog.REMINDER_TIME: Question(
        yes="reminder.which_time",
        yes_asks_again=True,
        no="no.reminder",
        help="help.reminder_time",
        fallback="fallback.reminder_time",
        answer=SlotAnswer("SetReminderIntent", "time"),
    ),
    Dialog.SAFETY_FOLLOWUP: Question(
        yes="safety.keep_talking",
        no="safety.stop_here",
        help="safety.keep_talking",
        fallback="safety.keep_talking",
        stop="safety.stop_here",
        closes=True,
        # "Let's keep talking" can sound like "keep my step": here it means yes.
        heard_as={"KeepStepIntent": "AMAZON.YesIntent"},
    ),
}

Action = Callable[["Turn"], "Response"]
_YES_ACTIONS: dict[Dialog, Action] = {}
_NO_ACTIONS: dict[Dialog, Action] = {}


def on_yes(dialog: Dialog) -> Callable[[Action], Action]:
    """Register what Yes does to `dialog` (a question whose row has no `yes` phrase)."""
    return _registrar(dialog, _YES_ACTIONS, QUESTIONS[dialog].yes)


def on_no(dialog: Dialog) -> Callable[[Action], Action]:
    """Register what No does to `dialog` (a question whose row has no `no` phrase)."""
    return _registrar(dialog, _NO_ACTIONS, QUESTIONS[dialog].no)


def _registrar(
    dialog: Dialog, table: dict[Dialog, Action], phrase: str | None
) -> Callable[[Action], Action]:
    def register(action: Action) -> Action:
        if phrase is not None:
            raise ValueError(f"{dialog} answers with the phrase {phrase!r}, not an action")
        table[dialog] = action
        return action

    return register


def yes_action(dialog: Dialog) -> Action | None:
    """The action registered for Yes to `dialog`, if any."""
    return _YES_ACTIONS.get(dialog)


def no_action(dialog: Dialog) -> Action | None:
    """The action registered for No to `dialog`, if any."""
    return _NO_ACTIONS.get(dialog)


def pending(session: Mapping[str, Any]) -> Dialog | None:
    """The question pending in a session's attributes, if it is one the skill asks."""
    value = session.get(DIALOG)
    try:
        return Dialog(value) if isinstance(value, str) else None
    except ValueError:
        return None


def heard_as(dialog: Dialog | None, intent: str | None) -> str | None:
    """The intent the words mean while `dialog` is pending (usually the intent itself)."""
    if dialog is None or intent is None:
        return intent
    return QUESTIONS[dialog].heard_as.get(intent, intent)


def remember_question(
    session: MutableMapping[str, Any], dialog: Dialog | None, extra: Mapping[str, Any]
) -> None:
    """Keep the question just asked (and what its answer needs) in the session."""
    if dialog is not None:
        session[DIALOG] = dialog.value
    session.update(extra)


def forget_question(session: MutableMapping[str, Any]) -> None:
    """Nothing is pending any more."""
    session.pop(DIALOG, None)
    session.pop(OFFER, None)
    session.pop(PENDING, None)
    session.pop(ROUTINE, None)
