"""The languages the skill speaks, and the name of each one's modules and data files.

A locale's language is its first part ("de" for "de-DE"); its rules live in modules named by
the language ("german": skill/safety/german.py, skill/chat/languages/german.py). A language
without its own falls back to English.
"""

from __future__ import annotations

NAMES = {
    "en": "english",
    "es": "spanish",
    "de": "german",
    "fr": "french",
    "ja": "japanese",
}


def name_of(locale: str | None) -> str:
    """The module name of a locale's language ("german" for "de-DE"); English if unknown."""
    return NAMES.get((locale or "en").split("-")[0].lower(), "english")
