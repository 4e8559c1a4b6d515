"""How deep and how big a request envelope may be, checked before the SDK copies it.

The SDK deep-copies session attributes (recursively) and its serializer walks the envelope
recursively, so attributes nested ~500 levels deep raised RecursionError outside every
handler: a 500 from the webservice, an error from Lambda. Alexa's own envelopes are about ten
levels deep and this skill's session attributes a few, so the limits below leave ample room
while keeping every later recursion far from Python's stack limit. The walk itself is a loop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from skill.envelope import raw_session_attributes


@dataclass(frozen=True)
class Limits:
    """The most a JSON value may hold: nesting depth, values, and characters of text."""

    depth: int
    values: int
    text: int


# The whole envelope: far above anything Alexa sends, far below the stack.
ENVELOPE = Limits(depth=64, values=50_000, text=1024 * 1024)
# What the skill keeps between turns of a session, and gets back from Alexa with each.
SESSION_ATTRIBUTES = Limits(depth=16, values=2_000, text=24 * 1024)


def exceeds(value: object, limits: Limits) -> str | None:
    """Which limit a parsed JSON value breaks, or None; walks it without recursion."""
    pending: list[tuple[object, int]] = [(value, 1)]
    values = text = 0
    while pending:
        node, depth = pending.pop()
        values += 1
        if depth > limits.depth:
            return f"nested deeper than {limits.depth} levels"
        if values > limits.values:
            return f"more than {limits.values} values"
        if isinstance(node, Mapping):
            for key, child in node.items():
                text += len(key) if isinstance(key, str) else 0
                pending.append((child, depth + 1))
        elif isinstance(node, list):
            pending.extend((child, depth + 1) for child in node)
        elif isinstance(node, str):
            text += len(node)
        if text > limits.text:
            return f"more than {limits.text} characters of text"
    return None


def envelope_problem(event: Mapping[str, object]) -> str | None:
    """Why an envelope is too deep or too big to read safely, or None when it is not."""
    attributes = raw_session_attributes(event)
    if attributes is not None and (problem := exceeds(attributes, SESSION_ATTRIBUTES)):
        return f"session attributes {problem}"
    if problem := exceeds(event, ENVELOPE):
        return f"envelope {problem}"
    return None
