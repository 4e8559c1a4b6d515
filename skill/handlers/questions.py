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
SAID = "said"


class Dialog(StrEnum):
    """The question the skill asked last in this session."""

    CHOOSE_AREA = "choose_area"
    CHOOSE_REMOVE = "choose_remove"
    FEELING = "feeling"
    OFFER_SMALLER = "offer_smaller"
    OFFER_PROGRESS = "offer_progress"
    CONFIRM_DELETE = "confirm_delete"
    REMINDER_TIME = "reminder_time"


@dataclass(frozen=True)
class SlotAnswer:
    """The intent and slot a bare answer to a question fills."""

    intent: str
    slot: str


@dataclass(frozen=True)
class Question:
    """What every answer to one question does.

    `yes`: a phrase key to say (keeping the question open when it asks again), or None when
    an action is registered for Yes. `no`, `help`, `fallback`, `stop`: the phrase keys said.
    `answer`: where a bare answer goes. `heard_as`: intents that mean another while pending.
    """

    no: str
    help: str
    fallback: str
    yes: str | None = None
    yes_asks_again: bool = False
    stop: str = "stop.goodbye"
    answer: SlotAnswer | None = None
    heard_as: Mapping[str, str] = field(default_factory=dict)


QUESTIONS: dict[Dialog, Question] = {
    Dialog.CHOOSE_AREA: Question(
        yes="goal.which_area",
        yes_asks_again=True,
        no="no.choose_later",
        help="help.choose_area",
        fallback="fallback.choose_area",
        answer=SlotAnswer("SetGoalIntent", "area"),
    ),
    Dialog.CHOOSE_REMOVE: Question(
        yes="ask.what_next",
        no="no.keep_goals",
        help="help.choose_remove",
        fallback="fallback.choose_remove",
        answer=SlotAnswer("SetGoalIntent", "area"),
        heard_as={"SetGoalIntent": "RemoveGoalIntent"},
    ),
    Dialog.FEELING: Question(
        yes="feeling.unclear",
        yes_asks_again=True,
        no="no.goodbye",
        help="help.feeling",
        fallback="fallback.feeling",
        answer=SlotAnswer("RateStepIntent", "rating"),
    ),
    Dialog.OFFER_SMALLER: Question(
        no="no.rest_today", help="help.offer_smaller", fallback="fallback.yes_no"
    ),
    Dialog.OFFER_PROGRESS: Question(
        no="no.goodbye", help="help.yes_no", fallback="fallback.yes_no"
    ),
    Dialog.CONFIRM_DELETE: Question(
        no="no.keep_data",
        help="help.confirm_delete",
        fallback="fallback.yes_no",
        stop="no.keep_data",
    ),
    Dialog.REMINDER_TIME: Question(
        yes="ask.what_next",
        no="no.reminder",
        help="help.reminder_time",
        fallback="fallback.reminder_time",
        answer=SlotAnswer("SetReminderIntent", "time"),
    ),
}

YesAction = Callable[["Turn"], "Response"]
_YES_ACTIONS: dict[Dialog, YesAction] = {}


def on_yes(dialog: Dialog) -> Callable[[YesAction], YesAction]:
    """Register what Yes does to `dialog` (a question whose row has no `yes` phrase)."""

    def register(action: YesAction) -> YesAction:
        if QUESTIONS[dialog].yes is not None:
            raise ValueError(f"{dialog} answers Yes with a phrase, not an action")
        _YES_ACTIONS[dialog] = action
        return action

    return register


def yes_action(dialog: Dialog) -> YesAction | None:
    """The action registered for Yes to `dialog`, if any."""
    return _YES_ACTIONS.get(dialog)


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
