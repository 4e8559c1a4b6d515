"""Recognises words of crisis or self-harm, so the skill answers them with help, not coaching."""

from __future__ import annotations

import re

# Phrases, not single words: "kill time" or "die hard fan" should not trigger a crisis reply,
# while every common way of saying it should. Matching is on lower-cased, single-spaced words.
_PATTERNS = (
    r"\bkill(ing)? my ?self\b",
    r"\bkill me\b",
    r"\bsuicid",
    r"\bend(ing)? (it all|my (own )?life|everything)\b",
    r"\bwant(ed)? to die\b",
    r"\bwanna die\b",
    r"\bbetter off dead\b",
    r"\b(hurt|harm|cut)(t?ing)? my ?self\b",
    r"\bself[ -]?harm",
    r"\bno reason to live\b",
    r"\bdon'?t want to (live|be alive|be here)\b",
    r"\bcan'?t go on\b",
    r"\btake my (own )?life\b",
    r"\boverdose\b",
    r"\bbetter off without me\b",
    r"\b(isn'?t|not) worth living\b",
)
_CRISIS = re.compile("|".join(_PATTERNS))


def is_crisis(text: str | None) -> bool:
    """True when the words speak of self-harm or wanting to die."""
    if not text:
        return False
    words = " ".join(text.lower().replace("\u2019", "'").split())
    return _CRISIS.search(words) is not None
