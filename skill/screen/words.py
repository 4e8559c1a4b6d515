"""Screen words from the phrasebook: each `screen.*` phrase as plain text, ready to show.

A screen says the same thing each time it shows the same facts, so each screen phrase has one
variant (speech varies; a label that changed wording from day to day would only distract).
"""

from __future__ import annotations

from skill.speech.phrasebook import Phrasebook
from skill.speech.ssml import Ssml, escape, plain


def say(book: Phrasebook, key: str, *, line: bool = True, **params: object) -> str:
    """A screen phrase as plain text; a whole `line` starts with a capital letter, a word
    used within a line (a day's name in a list) stays as the language writes it.

    Parameters are escaped as the speech escapes them and `plain` undoes it, so a custom
    goal's name reads exactly as the person said it, never as markup.
    """
    template = book.variants(key)[0]
    text = plain(Ssml(template.format(**{k: escape(v) for k, v in params.items()})))
    return capital(text) if line else text


def capital(text: str) -> str:
    """A line on a screen starts with a capital letter, as a sentence does."""
    return text[:1].upper() + text[1:]
