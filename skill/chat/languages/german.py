"""German, as the chat's resolver reads it (see `skill.chat.languages` for the names).

Numbers are read as Alexa fills AMAZON.NUMBER from German speech: in digits, or in words that
German writes as one ("einundzwanzig", "hundertfünf"). Times are read as Alexa fills
AMAZON.TIME from the way people in Germany say them: the 24-hour clock ("zwanzig Uhr
dreißig"), the clock-face phrases ("halb acht" is 7:30, "viertel nach acht" 8:15,
"dreiviertel acht" 7:45, "fünf vor halb acht" 7:25), a part of the day after the hour
("acht Uhr abends" is 20:00), and a part of the day alone ("morgens" is MO).
"""

from __future__ import annotations

import re

SPACED = True
# Built-in intents carry Amazon's own utterances besides ours; these are the common German ones.
BUILT_IN_SAMPLES = {
    "AMAZON.YesIntent": "ja|jawohl|jap|jo|klar|na klar|sicher|gerne|ja gerne|ja bitte|okay|ok|"
    "alles klar|genau|mach das|einverstanden",
    "AMAZON.NoIntent": "nein|nö|nee|ne|nein danke|nicht jetzt|lieber nicht|auf keinen fall",
    "AMAZON.HelpIntent": "hilfe|hilf mir|was kann ich sagen|was kannst du|wie funktioniert das",
    "AMAZON.StopIntent": "stopp|stop|halt|beenden|ende|tschüss|auf wiedersehen|das war's|"
    "das wars|schluss",
    "AMAZON.CancelIntent": "abbrechen|vergiss es|egal|schon gut",
    "AMAZON.NavigateHomeIntent": "zurück zum start|startseite|nach hause",
}
# "öffne / starte <name>" opens the skill; "frag / sag <name> ..." passes the rest on. "dass"
# and "ob" join the request to the name and are not part of it ("sag Kaizen Coach, dass ich es
# geschafft habe"); "nach" is kept, as the samples have it ("frag ... nach meinem Schritt").
INVOCATION = (
    r"^(alexa )?((öffne|öffnen|starte|starten|start|lade|aktiviere|beginne)( den| die| das)? {name}"
    r"( öffnen| starten)?|(frag|frage|sag|sage|bitte|benutze|nutze)( den| die| das)? {name}"
    r"( dass| ob)?) ?"
)
# Words people put around what they mean; dropped before matching (never the whole utterance).
LEADING_FILLERS = (
    r"^((ähm|äh|öhm|ehm|hm|hmm|also|okay|ok|na|naja|ja|hey|hallo|alexa|coach|kaizen coach|"
    r"ehrlich gesagt|übrigens|und|aber|ach|oh|oje|puh|tja|so|sag mal|weißt du was)\b ?)+"
)
TRAILING_FILLERS = (
    r"( \b(bitte|bitte schön|danke|coach|jetzt|dann|mal|eigentlich|ehrlich gesagt|glaube ich|"
    r"denke ich|schätze ich|würde ich sagen|oder so|halt|wohl|ja|für mich|wenn das geht|"
    r"wenn's geht|wirklich|ehrlich)\b)+$"
)
COMMON = frozenset(
    [
        "ich",
        "du",
        "mein",
        "meine",
        "meinen",
        "meinem",
        "meiner",
        "mir",
        "mich",
        "es",
        "das",
        "der",
        "die",
        "den",
        "dem",
        "ein",
        "eine",
        "einen",
        "und",
        "oder",
        "aber",
        "ist",
        "war",
        "bin",
        "habe",
        "hab",
        "hast",
        "zu",
        "für",
        "mit",
        "von",
        "an",
        "auf",
        "in",
        "im",
        "am",
        "heute",
        "bitte",
        "so",
        "noch",
        "schon",
        "mal",
        "was",
        "wie",
        "dass",
        "einfach",
        "ähm",
        "äh",
        "okay",
    ]
)
# Inflections dropped when comparing words ("geschafft", "schaffe", "schaffen": "schaff").
ENDINGS = ("ungen", "ung", "ern", "en", "er", "es", "em", "st", "te", "e", "n", "s", "t")

# Contractions as speech recognisers often write them, without the apostrophe.
_APOSTROPHES = {
    "habs": "hab's", "gehts": "geht's", "gibts": "gibt's", "wars": "war's", "machs": "mach's",
    "läufts": "läuft's", "klappts": "klappt's", "fands": "fand's", "isses": "ist es",
    "wie's": "wie es",
}  # fmt: skip


def normalise(text: str) -> str:
    """Lower-case words, typographic quotes straightened or dropped, punctuation other than
    apostrophes dropped, and contractions given back their apostrophes.

    Umlauts and ß are kept: Alexa writes German words with them, and so do the samples.
    """
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub('[\u201e\u201c\u201d\u00bb\u00ab"]', " ", text)
    text = re.sub(r"[^\w\s':.]", " ", text)
    text = re.sub(r"(?<!\d)[.:]|[.:](?!\d)", " ", text)
    return " ".join(_APOSTROPHES.get(word, word) for word in text.split())


def tokens(text: str) -> list[str]:
    """The words."""
    return text.split()


# -- numbers ----------------------------------------------------------------------------------

_UNITS = {
    "null": 0,
    "eins": 1,
    "ein": 1,
    "eine": 1,
    "einen": 1,
    "zwei": 2,
    "zwo": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
_TEENS = {
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "dreissig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
# Stems of units inside compounds ("einundzwanzig", "sechzehn" aside): the longest first.
_UNIT_STEMS = sorted(
    {**_UNITS, "ein": 1, "sech": 6, "sieb": 7}.items(), key=lambda item: -len(item[0])
)


def parse_number(words: str) -> int | None:
    """'42', 'zweiundvierzig', 'hundert fünf', 'zweitausend' -> int; None if not a number.

    German writes numbers below a million as one word; Alexa and people typing may split
    them, so spaces are ignored. Each part is read greedily from the left.
    """
    text = words.strip().lower().replace("-", " ")
    if re.fullmatch(r"\d+", text):
        return int(text)
    compact = "".join(text.split())
    if not compact:
        return None
    return _below_million(compact)


def _below_million(text: str) -> int | None:
    if "tausend" in text:
        head, _, tail = text.partition("tausend")
        thousands = _below_thousand(head) if head else 1
        rest = _below_thousand(tail) if tail else 0
        if thousands is None or rest is None:
            return None
        return thousands * 1000 + rest
    return _below_thousand(text)


def _below_thousand(text: str) -> int | None:
    if "hundert" in text:
        head, _, tail = text.partition("hundert")
        hundreds = _unit_word(head) if head else 1
        rest = _below_hundred(tail.removeprefix("und")) if tail else 0
        if hundreds is None or rest is None:
            return None
        return hundreds * 100 + rest
    return _below_hundred(text)


def _below_hundred(text: str) -> int | None:
    if text in _UNITS:
        return _UNITS[text]
    if text in _TEENS:
        return _TEENS[text]
    if text in _TENS:
        return _TENS[text]
    if "und" in text:
        head, _, tail = text.partition("und")
        unit = _unit_word(head)
        if unit is not None and tail in _TENS:
            return _TENS[tail] + unit
    return None


def _unit_word(text: str) -> int | None:
    for stem, value in _UNIT_STEMS:
        if text == stem:
            return value
    return None


# -- times ------------------------------------------------------------------------------------

# AMAZON.TIME's own values for a part of the day said alone ("morgens", "nach der Arbeit").
_PERIODS = {
    "morgens": "MO",
    "morgen früh": "MO",
    "früh": "MO",
    "frühmorgens": "MO",
    "in der früh": "MO",
    "am morgen": "MO",
    "morgen": "MO",
    "vormittags": "MO",
    "am vormittag": "MO",
    "vormittag": "MO",
    "nach dem aufstehen": "MO",
    "nach dem frühstück": "MO",
    "nachmittags": "AF",
    "am nachmittag": "AF",
    "nachmittag": "AF",
    "nach dem mittagessen": "AF",
    "abends": "EV",
    "am abend": "EV",
    "abend": "EV",
    "nach der arbeit": "EV",
    "nach feierabend": "EV",
    "feierabend": "EV",
    "nach dem abendessen": "EV",
    "nachts": "NI",
    "in der nacht": "NI",
    "nacht": "NI",
    "heute nacht": "NI",
    "vor dem schlafengehen": "NI",
    "vorm schlafengehen": "NI",
    "vor dem schlafen": "NI",
    "zur schlafenszeit": "NI",
}
# A part of the day said after the hour, and how it moves the hour onto the 24-hour clock.
_AFTER_HOUR = {
    "morgens": "am",
    "früh": "am",
    "in der früh": "am",
    "am morgen": "am",
    "vormittags": "am",
    "am vormittag": "am",
    "mittags": "noon",
    "am mittag": "noon",
    "nachmittags": "pm",
    "am nachmittag": "pm",
    "abends": "pm",
    "am abend": "pm",
    "nachts": "night",
    "in der nacht": "night",
}
_LEADING = re.compile(
    r"^((um|gegen|so|so um|so gegen|etwa|etwa um|ungefähr|ungefähr um|circa|ca|am|jeden|jede|"
    r"immer|immer um|täglich|täglich um|sagen wir|vielleicht|lieber|am besten|am besten um)\s+)+"
)
_TRAILING = re.compile(
    r"(\s+(bitte|rum|herum|oder so|ungefähr|passt|wäre gut|wär gut|am besten|vielleicht|"
    r"jeden tag|täglich|glaube ich))+$"
)


def parse_time(words: str) -> str | None:
    """'acht Uhr', 'halb acht', 'viertel nach acht abends', '20:15', 'mittags', 'morgens'
    -> '08:00', '07:30', '20:15', '20:15', '12:00', 'MO'; None if these are not a time."""
    text = " ".join(normalise(words).replace("uhr", " uhr ").split())
    text = _TRAILING.sub("", _LEADING.sub("", text)).strip()
    if text in _PERIODS:
        return _PERIODS[text]
    if text in (
        "mittag",
        "mittags",
        "zu mittag",
        "am mittag",
        "zwölf uhr mittags",
        "12 uhr mittags",
    ):
        return "12:00"
    if text in ("mitternacht", "um mitternacht", "null uhr"):
        return "00:00"
    part = None
    for said in sorted(_AFTER_HOUR, key=len, reverse=True):
        if text.endswith(f" {said}"):
            part, text = _AFTER_HOUR[said], text[: -len(said) - 1].strip()
            break
    clock = _clock_face(text)
    if clock is None:
        return None
    said_hour, minute = clock
    hour = _with_part(said_hour, part)
    if hour is None or not 0 <= hour < 24 or not 0 <= minute < 60:
        return None
    return f"{hour:02d}:{minute:02d}"


def _with_part(hour: int, part: str | None) -> int | None:
    """The hour on the 24-hour clock, given the part of the day said after it."""
    if part is None or hour >= 13:
        return hour
    if part == "am":
        return 0 if hour == 12 else hour
    if part == "noon":
        return hour if hour >= 11 else hour + 12  # "ein Uhr mittags" is 13:00
    if part == "pm":
        return hour if hour == 12 else hour + 12
    # "nachts": late evening hours move on; the small hours stay ("zwei Uhr nachts" is 2:00).
    if hour == 12:
        return 0
    return hour + 12 if hour >= 6 else hour


def _clock_face(text: str) -> tuple[int, int] | None:
    """An hour and minute from digits, "acht uhr dreißig", or the clock-face phrases."""
    digits = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?(?: uhr)?(?: (\d{1,2}))?", text)
    if digits:
        minute = digits.group(2) or digits.group(3) or "0"
        return int(digits.group(1)), int(minute)
    around_half = re.fullmatch(r"(\w+) (vor|nach) halb (.+)", text)
    if around_half:
        return _quarters(around_half.group(1), around_half.group(2), "halb", around_half.group(3))
    face = re.fullmatch(r"(halb|viertel|dreiviertel|drei viertel) (?!vor |nach )(.+)", text)
    if face:
        return _quarters(None, None, face.group(1), face.group(2))
    relative = re.fullmatch(r"(\w+) (vor|nach) (.+)", text)
    if relative:
        base = _hour_words(relative.group(3))
        minutes = 15 if relative.group(1) == "viertel" else parse_number(relative.group(1))
        if base is None or minutes is None or not 0 < minutes < 60:
            return None
        total = base * 60 + (minutes if relative.group(2) == "nach" else -minutes)
        return total // 60 % 24, total % 60
    said = re.fullmatch(r"(.+?) uhr(?: (.+))?", text)
    if said:
        hour = parse_number(said.group(1))
        minute = parse_number(said.group(2)) if said.group(2) else 0
        return None if hour is None or minute is None else (hour, minute)
    hour = _hour_words(text)
    return None if hour is None else (hour, 0)


def _quarters(
    offset: str | None, direction: str | None, face: str, hour_words: str
) -> tuple[int, int] | None:
    """'halb acht' 7:30, 'viertel acht' 7:15, 'dreiviertel acht' 7:45 (counted toward the
    hour named), with 'fünf vor' / 'fünf nach' around the half ("fünf vor halb acht")."""
    hour = _hour_words(hour_words)
    if hour is None:
        return None
    minutes = {"halb": 30, "viertel": 15}.get(face, 45)
    total = (hour - 1) * 60 + minutes
    if offset is not None and direction is not None:
        shift = parse_number(offset)
        if shift is None or not 0 < shift < 30:
            return None
        total += shift if direction == "nach" else -shift
    return total // 60 % 24, total % 60


def _hour_words(text: str) -> int | None:
    """An hour said alone: 'acht', '8', 'acht uhr'."""
    text = text.removesuffix(" uhr").strip()
    hour = parse_number(text)
    if hour is None or not 0 <= hour <= 24:
        return None
    return hour
