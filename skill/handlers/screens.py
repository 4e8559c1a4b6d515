"""What a reply shows besides what it says: the APL screen, and the Alexa app's card.

The launch, the step, a completion and the weekly look back each show the screen
(`skill.screen`) on a device that supports APL, and nothing on one without a screen. The
first step and the weekly look back also leave a text card in the Alexa app, whatever the
device. Both are built from the same state the speech was built from.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from skill.coach.state import Goal, UserState
from skill.coach.week import WeekLook
from skill.handlers.reply import Reply
from skill.handlers.turn import Day, Turn

# The moments that show something (skill.screen.Moment's values).
MomentName = Literal["launch", "step", "done", "week"]


def shown(
    turn: Turn,
    reply: Reply,
    moment: MomentName,
    state: UserState,
    day: Day,
    *,
    goal: Goal | None = None,
    look: WeekLook | None = None,
    card: bool = False,
) -> Reply:
    """`reply` with the screen for `moment` (where there is one) and, with `card`, the card."""
    if not (turn.has_screen or card) or reply.hand_over:
        return reply
    # Imported here: a turn with nothing to show (most, on speakers) never loads the screen.
    from ask_sdk_model.interfaces.alexa.presentation.apl.render_document_directive import (
        RenderDocumentDirective,
    )
    from ask_sdk_model.ui.standard_card import StandardCard

    from skill.screen import Moment, build_screen, render_document, week_card

    book = day.voice.book
    screen = build_screen(
        Moment(moment), state, day.plan(state), book, day.first_weekday, goal=goal, look=look
    )
    if screen is None:
        return reply
    if card:
        title, text = week_card(screen, book)
        reply = replace(reply, card=StandardCard(title=title, text=text))
    if turn.has_screen:
        directive = render_document(screen)
        render = RenderDocumentDirective(
            token=directive["token"],
            document=directive["document"],
            datasources=directive["datasources"],
        )
        reply = replace(reply, directives=(*reply.directives, render))
    return reply
