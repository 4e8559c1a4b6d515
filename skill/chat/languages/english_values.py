"""Reads AMAZON.TIME and AMAZON.NUMBER values from typed English, the way Alexa fills them."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "oh": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# AMAZON.TIME's own values for vague times of day.
_PERIODS = {
    "morning": "MO",
    "first thing in the morning": "MO",
    "first thing": "MO",
    "afternoon": "AF",
    "after lunch": "AF",
    "evening": "EV",
    "after dinner": "EV",
    "after work": "EV",
    "night": "NI",
    "tonight": "NI",
    "before bed": "NI",
    "bedtime": "NI",
}


def parse_number(words: str) -> int | None:
    """'42', 'forty two', 'a hundred and five' -> int; None if these are not a number."""
    text = words.strip().lower().replace("-", " ")
    if re.fullmatch(r"\d+", text):
        return int(text)
    total, current, seen = 0, 0, False
    for word in text.split():
        if word in ("and", "a"):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_time(words: str) -> str | None:
    """'8 am', 'eight thirty pm', '20:15', 'noon', 'morning' -> '08:00', '20:30', 'MO' ..."""
    text = " ".join(words.strip().lower().replace(".", "").split())
    text = re.sub(r"^(at|the|in the|around|about|say|maybe|every|each)\s+", "", text)
    text = re.sub(
        r"\s+(probably|please|i think|i guess|works|would be good|is good|ish)$", "", text
    )
    text = re.sub(r"^(\w+)s$", lambda m: m.group(1) if m.group(1) in _PERIODS else m.group(0), text)
    if text in _PERIODS:
        return _PERIODS[text]
    # "half seven" is 7:30 where people say it (UK, Ireland, Australia).
    text = re.sub(r"^half (?!past|to)", "half past ", text)
    text = text.replace("twelve noon", "noon").replace(" at night", " pm")
    text = re.sub(r" in the afternoon$", " pm", text)
    half = re.fullmatch(r"(half|quarter) (past|to) (.+)", text)
    if half:
        base = parse_time(half.group(3))
        if base is None or ":" not in base:
            return None
        at_hour, at_minute = (int(x) for x in base.split(":"))
        delta = 30 if half.group(1) == "half" else 15
        total = at_hour * 60 + at_minute + (delta if half.group(2) == "past" else -delta)
        return f"{total // 60 % 24:02d}:{total % 60:02d}"
    if text in ("noon", "midday"):
        return "12:00"
    if text == "midnight":
        return "00:00"
    match = re.fullmatch(r"(.+?)\s*(am|pm|a m|p m|in the morning|in the evening|at night)?", text)
    if match is None:
        return None
    clock, suffix = match.group(1).strip(), (match.group(2) or "").replace(" ", "")
    clock = clock.removesuffix("o'clock").removesuffix("oclock").strip()
    hour, minute = _clock(clock)
    if hour is None or minute is None or not 0 <= minute < 60:
        return None
    if suffix in ("pm", "intheevening", "atnight") and hour < 12:
        hour += 12
    elif suffix in ("am", "inthemorning") and hour == 12:
        hour = 0
    if not 0 <= hour < 24:
        return None
    return f"{hour:02d}:{minute:02d}"


def _clock(text: str) -> tuple[int | None, int | None]:
    digits = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", text)
    if digits:
        return int(digits.group(1)), int(digits.group(2) or 0)
    words = text.split()
    for split in range(1, len(words) + 1):
        hour = parse_number(" ".join(words[:split]))
        rest = " ".join(words[split:])
        if hour is None or hour > 24:
            continue
        if not rest:
            return hour, 0
        minute = 30 if rest == "thirty" else parse_number(rest)
        if minute is not None:
            return hour, minute
    return None, None
