"""What the chat's resolver needs to know about a language, one module per language.

Each module (`english.py`, `german.py`, ...) provides the same names:

- `SPACED`: whether words are written with spaces between them (not in Japanese);
- `normalise(text)`: lower case, marks the samples do not carry dropped, spelling evened out;
- `tokens(text)`: the pieces a guess is made from (words; character pairs where unspaced);
- `BUILT_IN_SAMPLES`: Amazon's own utterances for the built-in intents, `|`-separated;
- `INVOCATION`: a regular expression for "open / ask <name>" with `{name}` in it;
- `LEADING_FILLERS`, `TRAILING_FILLERS`: words said around what is meant ("um", "please");
- `COMMON`: words too common to tell intents apart;
- `ENDINGS`: word endings dropped when comparing ("walked", "walking": "walk");
- `parse_number(words)`, `parse_time(words)`: AMAZON.NUMBER and AMAZON.TIME as Alexa fills
  them ("acht Uhr" is "08:00").

Adding a language is adding its module and naming it in `skill.languages.NAMES`.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

from skill.languages import name_of


@cache
def language(locale: str) -> ModuleType:
    """The module for a locale's language (English for one without a module)."""
    name = name_of(locale)
    try:
        return importlib.import_module(f"skill.chat.languages.{name}")
    except ModuleNotFoundError:
        return importlib.import_module("skill.chat.languages.english")
