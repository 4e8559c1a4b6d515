"""French, as the chat's resolver reads it (see `skill.chat.languages` for the names).

People talk to Alexa in French with "tu" ("Alexa, ouvre coach kaizen", "rappelle-moi à 8 h"),
write elisions with an apostrophe ("c'est fait", "j'ai marché"), and say times on a 24-hour
clock or with "du matin / du soir" ("huit heures et demie", "20 h 30", "neuf heures moins le
quart"). Hyphens are spoken as nothing, so "rappelle-moi" and "rappelle moi" read the same.
"""

from __future__ import annotations

import re

SPACED = True
# Built-in intents carry Amazon's own utterances besides ours; these are the common ones.
BUILT_IN_SAMPLES = {
    "AMAZON.YesIntent": "oui|ouais|oui merci|d'accord|ok|okay|bien sûr|volontiers|vas y|carrément|"
    "exactement|c'est ça|oui s'il te plaît",
    "AMAZON.NoIntent": "non|non merci|pas maintenant|nan|non c'est bon|non ça va|surtout pas",
    "AMAZON.HelpIntent": "aide|aide moi|à l'aide|qu'est ce que je peux dire|que peux tu faire|"
    "comment ça marche",
    "AMAZON.StopIntent": "stop|arrête|quitte|au revoir|ciao|c'est tout|ça suffit|fin|tais toi",
    "AMAZON.CancelIntent": "annule|laisse tomber|oublie|tant pis|annuler",
    "AMAZON.NavigateHomeIntent": "accueil|retour à l'accueil|menu principal",
}
# "Alexa, ouvre coach kaizen", "demande à coach kaizen de m'encourager", "dis à ... que c'est fait".
INVOCATION = (
    r"^(alexa )?(ouvre|ouvrir|lance|lancer|démarre|démarrer|commence|demande à|demande a|dis à|"
    r"dis a|parle à|parle a|utilise|active|mets) (le |la |l')?{name}"
    r"( de| d'| que| qu'| s'il| si| pour| comment| combien)? ?"
)
# Words people put around what they mean; dropped before matching (never the whole utterance).
LEADING_FILLERS = (
    r"^((euh|heu|hum|hmm|ben|bah|bon|alors|donc|eh|oh|ah|ok|okay|écoute|dis donc|alexa|"
    r"coach|coach kaizen|en fait|franchement|honnêtement|et|mais|ouf|pff|bref|voilà|bon ben|"
    r"bon alors|tiens)\b ?)+"
)
TRAILING_FILLERS = (
    r"( \b(s'il te plaît|s'il te plait|s'il vous plaît|s'il vous plait|stp|svp|merci|coach|"
    r"alors|maintenant|ok|okay|en fait|je pense|je crois|je suppose|sans doute|franchement|"
    r"honnêtement|pour moi|si possible|si tu peux|si ça te va|quoi|hein|voilà)\b)+$"
)
COMMON = frozenset(
    [
        "je", "j'", "tu", "il", "elle", "on", "nous", "vous", "me", "m'", "te", "t'", "se", "s'",
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "à", "au", "aux", "et",
        "ou", "mais", "donc", "en", "y", "ce", "c'est", "ça", "est", "a", "ai", "mon", "ma",
        "mes", "ton", "ta", "tes", "pour", "sur", "dans", "avec", "par", "que", "qu'", "qui",
        "quoi", "comment", "ne", "n'", "aujourd'hui", "s'il", "plaît", "euh", "ok", "d'accord",
        "alors", "bon", "juste", "voilà",
    ]
)  # fmt: skip
# Word endings dropped when comparing ("marché", "marcher", "marche": "march").
ENDINGS = (
    "ements", "ement", "ations", "ation", "erai", "eras", "era", "erez", "ons", "ez", "ées",
    "ée", "és", "er", "ir", "es", "e", "s", "é",
)  # fmt: skip


def normalise(text: str) -> str:
    """Lower-case words, curly quotes straightened, hyphens spoken as spaces, punctuation
    other than apostrophes dropped (a colon or point inside a number, "20:30", is kept)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = text.replace("-", " ")
    text = re.sub(r"[^\w\s':.]", " ", text)
    text = re.sub(r"(?<!\d)[.:]|[.:](?!\d)", " ", text)
    # An apostrophe typed with a space after it ("j' ai") belongs to its word.
    text = re.sub(r"\b(\w)' +", r"\1'", text)
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """The words."""
    return text.split()


# -- numbers ---------------------------------------------------------------------------------

_UNITS = {
    "zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16,
}  # fmt: skip
_TENS = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}  # fmt: skip


def parse_number(words: str) -> int | None:
    """'42', 'quarante deux', 'soixante et onze', 'quatre vingt dix' -> int; None otherwise.

    French counts by twenties from 60 ("soixante-dix" is 60 + 10) and says 80 as four
    twenties ("quatre-vingts"), so "quatre" followed by "vingt" multiplies instead of adding.
    """
    text = words.strip().lower().replace("-", " ")
    if re.fullmatch(r"\d+", text):
        return int(text)
    total, current, seen, previous = 0, 0, False, ""
    for word in text.split():
        if word == "et":
            previous = word
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in ("vingt", "vingts") and previous == "quatre":
            current += 80 - 4
        elif word in _TENS or word == "vingts":
            current += _TENS.get(word, 20)
        elif word in ("cent", "cents"):
            current = max(current, 1) * 100
        elif word == "mille":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen, previous = True, word
    return total + current if seen else None


# -- times of day ----------------------------------------------------------------------------

# AMAZON.TIME's own values for vague times of day.
_PERIODS = {
    "matin": "MO",
    "matinée": "MO",
    "au réveil": "MO",
    "au lever": "MO",
    "dès le réveil": "MO",
    "après midi": "AF",
    "aprèm": "AF",
    "aprem": "AF",
    "après le déjeuner": "AF",
    "après manger": "AF",
    "soir": "EV",
    "soirée": "EV",
    "fin de journée": "EV",
    "en fin de journée": "EV",
    "après le travail": "EV",
    "après le boulot": "EV",
    "après le dîner": "EV",
    "nuit": "NI",
    "avant de dormir": "NI",
    "avant de me coucher": "NI",
    "au coucher": "NI",
    "au moment du coucher": "NI",
}
_LEAD = re.compile(
    r"^(?:(?:à|a|vers|pour|disons|plutôt|peut être|mettons|environ|tous les jours à|"
    r"chaque jour à|tous les jours|chaque jour|tous les|toutes les|chaque|le|la|les|en|"
    r"dans la|ce|cet|cette|dès)\s+|l')+"
)
_TAIL = re.compile(
    r"\s+(s'il te plaît|s'il te plait|stp|ça me va|ça m'irait|c'est bien|ce serait bien|"
    r"c'est parfait|ça marche|par exemple|je pense|environ|pile|tous les jours|chaque jour)$"
)
# Said after the hour: which half of the day it is in.
_HALF_DAY = {
    "du matin": "am",
    "de l'après midi": "pm",
    "l'après midi": "pm",
    "de l'aprèm": "pm",
    "du soir": "pm",
    "le soir": "pm",
    "ce soir": "pm",
    "de la nuit": "night",
}


def parse_time(words: str) -> str | None:
    """'8 h', '20 h 30', 'huit heures et demie', 'neuf heures moins le quart', 'sept heures
    du soir', 'midi', 'le matin' -> '08:00', '20:30', '08:30', '08:45', '19:00', '12:00', 'MO'.
    """
    text = " ".join(words.strip().lower().replace("-", " ").replace(".", " ").split())
    text = text.replace("\u2019", "'")
    for _ in range(2):
        text = _TAIL.sub("", _LEAD.sub("", text)).strip()
    period = re.sub(r"s$", "", text)
    for candidate in (text, period):
        if candidate in _PERIODS:
            return _PERIODS[candidate]
    half = ""
    for said, which in _HALF_DAY.items():
        if text.endswith(" " + said):
            text, half = text[: -len(said) - 1].strip(), which
            break
    clock = _clock(text)
    if clock is None:
        return None
    hour, minute = clock
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    elif half == "night" and 7 <= hour < 12:
        hour += 12
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return f"{hour:02d}:{minute:02d}"


def _clock(text: str) -> tuple[int, int] | None:
    """An hour and minute from French clock words, or None."""
    digits = re.fullmatch(r"(\d{1,2})(?:\s*(?:h|:|heures?)\s*(\d{1,2})?)?", text)
    if digits:
        return int(digits.group(1)), int(digits.group(2) or 0)
    if text.startswith("midi") or text.startswith("minuit"):
        base, rest = (12 if text.startswith("midi") else 0), text.split(" ", 1)[1:]
        return _minutes_after(base, rest[0] if rest else "")
    match = re.fullmatch(r"(.+?) heures?(?: (.+))?", text)
    if match is None:
        return None
    hour = parse_number(match.group(1))
    if hour is None:
        return None
    return _minutes_after(hour, match.group(2) or "")


def _minutes_after(hour: int, rest: str) -> tuple[int, int] | None:
    """The time `rest` says after an hour: 'et demie', 'et quart', 'moins le quart', 'moins
    dix', 'trente', '30'."""
    rest = rest.strip()
    if not rest:
        return hour, 0
    if rest in ("et demie", "et demi", "demie", "demi"):
        return hour, 30
    if rest in ("et quart", "quart"):
        return hour, 15
    before = re.fullmatch(r"moins (le )?(quart|\S+(?: \S+)?)", rest)
    if before:
        less = 15 if before.group(2) == "quart" else parse_number(before.group(2))
        if less is None or not 0 < less < 60:
            return None
        total = hour * 60 - less
        return total // 60 % 24, total % 60
    minute = parse_number(rest.removesuffix(" minutes"))
    if minute is None:
        return None
    return hour, minute
