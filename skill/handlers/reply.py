"""What a handler answers, as a value, and how it becomes Alexa's response.

Handlers build a `Reply` (pure data: the speech, an optional question, what the question is);
`render` turns it into the SDK's `Response` and keeps the pending question in the session.
Keeping the two apart lets a state change compute its reply without touching the SDK.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_model.directive import Directive
from ask_sdk_model.response import Response
from ask_sdk_model.ui.card import Card

from skill.handlers.questions import (
    QUESTIONS,
    Dialog,
    SlotAnswer,
    forget_question,
    remember_question,
)
from skill.speech.ssml import Ssml, join, sentences


@dataclass(frozen=True)
class Reply:
    """What to say: the speech, an optional question to keep listening for, and its context.

    `dialog` names the question (Help and Fallback answer according to it); `session` holds
    what a Yes or a later answer needs (which goal, which offer). `hand_over` means one of
    the `directives` takes the conversation from here (a permission prompt): the reply then
    neither asks nor ends the session.
    """

    speech: Ssml
    question: Ssml | None = None
    reprompt: Ssml | None = None
    dialog: Dialog | None = None
    must_answer: bool = False
    session: Mapping[str, Any] = field(default_factory=dict)
    card: Card | None = None
    directives: tuple[Directive, ...] = ()
    hand_over: bool = False


def render(
    reply: Reply,
    builder: ResponseFactory,
    session: MutableMapping[str, Any],
    *,
    one_shot: bool,
) -> Response:
    """The response for a reply; the pending question, if any, is kept in `session`.

    A one-shot request ("Alexa, ask kaizen coach ...") ends after its answer unless its
    question must be answered (a confirmation, or a choice the request itself needs).
    """
    forget_question(session)
    if reply.card is not None:
        builder.set_card(reply.card)
    for directive in reply.directives:
        builder.add_directive(directive)
    if reply.hand_over:
        if reply.speech:
            builder.speak(sentences(reply.speech))
        return builder.response
    listening = reply.question is not None and (reply.must_answer or not one_shot)
    if listening and reply.question is not None:
        remember_question(session, reply.dialog, reply.session)
        answer = QUESTIONS[reply.dialog].answer if reply.dialog is not None else None
        if answer is not None:
            builder.add_directive(elicit(answer))
        builder.speak(sentences(join(reply.speech, reply.question)))
        builder.ask(sentences(reply.reprompt or reply.question))
        builder.set_should_end_session(False)
    else:
        # A one-shot whose only words were a question still answers with them.
        speech = reply.speech or reply.question
        if speech:
            builder.speak(sentences(speech))
        builder.set_should_end_session(True)
    return builder.response


def elicit(answer: SlotAnswer) -> Directive:
    """Ask Alexa to hear the next words as this slot's value (a bare "walking" or "8 am").

    Alexa then fills the slot from the dialog model's slot samples, which apply only while it
    is elicited, so the same bare words said out of the blue are not taken as an answer.
    """
    # The dialog models are imported when a slot is first elicited (a cold start is shorter).
    from ask_sdk_model.dialog.elicit_slot_directive import ElicitSlotDirective
    from ask_sdk_model.intent import Intent
    from ask_sdk_model.intent_confirmation_status import IntentConfirmationStatus
    from ask_sdk_model.slot import Slot
    from ask_sdk_model.slot_confirmation_status import SlotConfirmationStatus

    return ElicitSlotDirective(
        slot_to_elicit=answer.slot,
        updated_intent=Intent(
            name=answer.intent,
            confirmation_status=IntentConfirmationStatus.NONE,
            slots={
                answer.slot: Slot(name=answer.slot, confirmation_status=SlotConfirmationStatus.NONE)
            },
        ),
    )
