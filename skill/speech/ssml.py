"""SSML building blocks: trusted fragments versus user-derived text, which is always escaped."""

from __future__ import annotations

import html
import re
from xml.sax.saxutils import escape as _xml_escape

_ENTITIES = {'"': "&quot;", "'": "&apos;"}
# A sentence that starts with a filled-in name ("your walk is ...") still starts upper-case.
_SENTENCE_START = re.compile(r"(^|[.!?] )([a-z])")
_TAGS = re.compile(r"<[^>]+>")


class Ssml(str):
    """Text that is already valid SSML content (built from our own templates)."""

    __slots__ = ()


def escape(text: object) -> Ssml:
    """Escape anything user-derived so it is spoken as words, never read as markup."""
    if isinstance(text, Ssml):
        return text
    return Ssml(_xml_escape(str(text), _ENTITIES))


def join(*parts: str | None) -> Ssml:
    """Join non-empty fragments with spaces. Every part must already be SSML."""
    return Ssml(" ".join(p for p in parts if p))


def sentences(text: Ssml) -> Ssml:
    """Capitalise the first letter of every sentence of a finished reply."""
    return Ssml(_SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text))


def plain(text: Ssml) -> str:
    """The words of an SSML fragment as plain text (for places that take text, not SSML)."""
    return " ".join(html.unescape(_TAGS.sub(" ", text)).split())
