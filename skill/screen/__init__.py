"""What a device with a screen shows: the focus step, this week's days and the growth.

The handlers need four things, all pure:

    supports_apl(event)                       is there a screen to send to? (raw request JSON)
    build_screen(moment, state, plan, book, first_weekday, goal=..., look=...) -> Screen | None
    render_document(screen)                   the Alexa.Presentation.APL.RenderDocument directive
    week_card(screen, book)                   (title, text) of the Alexa app's card

Layout lives in `document.json` (APL); words in the phrasebook under `screen.*`.
"""

from __future__ import annotations

from skill.screen.build import build_screen
from skill.screen.card import week_card
from skill.screen.device import supports_apl
from skill.screen.directive import render_document
from skill.screen.model import DayMark, Growth, Moment, Screen

__all__ = [
    "DayMark",
    "Growth",
    "Moment",
    "Screen",
    "build_screen",
    "render_document",
    "supports_apl",
    "week_card",
]
