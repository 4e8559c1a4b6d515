"""The Alexa app's card for the week: a title and a few plain lines, no image to host.

Sent with the weekly look back and with the first step, so the app keeps a short written
record of what was said: the step, the days done and on which days, the growth since the start,
and for the look back its figures per goal. Built from the same Screen as the APL document.
"""

from __future__ import annotations

from skill.screen.model import Screen
from skill.screen.words import say
from skill.speech.phrasebook import Phrasebook
from skill.speech.ssml import escape


def week_card(screen: Screen, book: Phrasebook) -> tuple[str, str]:
    """(title, text) for a card: one fact a line, in the person's language.

    Alexa's text-only card is the `Simple` card (title and content); a `Standard` card adds
    an image, which this skill does not host.
    """
    lines = [say(book, "screen.card_step", step=screen.step_phrase)]
    done = [mark.full_name for mark in screen.days if mark.done]
    if done:
        days = book.listing([escape(name) for name in done])
        if screen.figures:  # the look back's figures count the days: say only which
            lines.append(say(book, "screen.card_done_on", items=days))
        else:
            lines.append(say(book, "screen.card_days", days=screen.days_text, items=days))
    elif not screen.figures:
        lines.append(screen.days_text)
    lines.extend(screen.figures)
    lines.append(screen.growth.text)
    return say(book, "screen.card_title"), "\n".join(lines)
