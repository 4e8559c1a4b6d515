"""SSML building blocks: trusted fragments versus user-derived text, which is always escaped."""

from __future__ import annotations

import html
import re

# Characters XML 1.0 forbids even as references: C0 controls other than tab, newline and
# return, lone surrogates, U+FFFE and U+FFFF. Alexa would refuse a reply holding one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A sentence that starts with a filled-in name ("your walk is ...") still starts upper-case.
# A sentence's first letter, in any script with case ("écrire", "à"), after . ! or ?.
_SENTENCE_START = re.compile(r"(^|[.!?] )([^\W\d_])")
_TAGS = re.compile(r"<[^>]+>")


class Ssml(str):
    """Text that is already valid SSML content (built from our own templates)."""

    __slots__ = ()


def escape(text: object) -> Ssml:
    """Escape anything user-derived so it is spoken as words, never read as markup."""
    if isinstance(text, Ssml):
        return text
    return Ssml(html.escape(_NOT_XML.sub("", str(text)), quote=True))


def join(*parts: str | None) -> Ssml:
    """Join non-empty fragments with spaces. Every part must already be SSML."""
    return Ssml(" ".join(p for p in parts if p))


def sentences(text: Ssml) -> Ssml:
    """Capitalise the first letter of every sentence of a finished reply."""
    return Ssml(_SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text))


# A tag just before a mark ("<say-as>911</say-as>.") goes without leaving a space; a space the
# text itself has before a mark (French "vous ?") is the language's own and stays.
_TAG_BEFORE_MARK = re.compile(r"<[^>]+>(?=[.,!?;:])")


def plain(text: Ssml) -> str:
    """The words of an SSML fragment as plain text (for places that take text, not SSML)."""
    untagged = _TAGS.sub(" ", _TAG_BEFORE_MARK.sub("", text))
    return " ".join(html.unescape(untagged).split())
