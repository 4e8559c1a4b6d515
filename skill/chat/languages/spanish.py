"""Spanish (US), as the chat's resolver reads it (see `skill.chat.languages` for the names).

Alexa's es-US recogniser writes Spanish with its accents ("qué", "día", "mañana"), and the
interaction model's samples are written the same way, so accents are kept. People typing into
the chat often leave them out; a short table puts back the accent on words where leaving it
out makes no other word ("dia", "recuerdame"), and never guesses where it would ("que", "si",
"esta" are words of their own).

Times are read as people in the US say them in Spanish: "a las ocho de la mañana", "siete y
media de la tarde", "cuarto para las ocho", "al mediodía", "8 pm", and the vague parts of the
day ("en la mañana", "en la noche") become AMAZON.TIME's own MO / AF / EV / NI.
"""

from __future__ import annotations

import re

SPACED = True
# Built-in intents carry Amazon's own utterances besides ours; these are the common ones.
BUILT_IN_SAMPLES = {
    "AMAZON.YesIntent": (
        "sí|si|claro|ok|okay|va|dale|sale|de acuerdo|está bien|sí por favor|adelante"
    ),
    "AMAZON.NoIntent": "no|no gracias|nop|nel|ahora no|no por ahora|para nada",
    "AMAZON.HelpIntent": "ayuda|ayúdame|qué puedo decir|qué puedes hacer|cómo funciona",
    "AMAZON.StopIntent": "para|detente|alto|basta|salir|adiós|chao|eso es todo|termina",
    "AMAZON.CancelIntent": "cancela|cancelar|olvídalo|no importa",
    "AMAZON.NavigateHomeIntent": "inicio|ve al inicio|pantalla de inicio",
}
# "Alexa, abre kaizen coach", "pídele a kaizen coach que ...", "pregúntale a ... si ...".
INVOCATION = (
    r"^(alexa )?(abre|abrir|inicia|iniciar|empieza|comienza|lanza|usa|habla con|"
    r"pídele a|pidele a|pide a|pregúntale a|preguntale a|pregunta a|dile a|di a) "
    r"(el |la |a )?{name}( que| si| por| para| sobre| a)? ?"
)
# Words people put around what they mean; dropped before matching (never the whole utterance).
LEADING_FILLERS = (
    r"^((eh|em|mmm|mm|ah|oh|ay|uf|bueno|pues|oye|mira|ok|okay|vale|o sea|alexa|coach|"
    r"kaizen coach|la verdad|sinceramente|honestamente|y|pero|entonces|a ver|hola|ey|órale|"
    r"ándale)\b ?)+"
)
TRAILING_FILLERS = (
    r"( \b(por favor|porfa|gracias|coach|entonces|ahora|creo|supongo|la verdad|de verdad|"
    r"pues|eh|verdad|para mí|honestamente|realmente|bueno|va|oye|sí)\b)+$"
)
COMMON = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "de",
        "del",
        "a",
        "al",
        "y",
        "o",
        "que",
        "qué",
        "en",
        "mi",
        "mis",
        "me",
        "te",
        "tu",
        "lo",
        "le",
        "es",
        "se",
        "por",
        "para",
        "con",
        "hoy",
        "ya",
        "eso",
        "esto",
        "este",
        "esta",
        "favor",
        "porfa",
        "pues",
        "eh",
        "mmm",
        "ok",
    ]
)
# Word endings dropped when comparing: gerunds, past tenses, infinitives, plurals ("caminé",
# "caminando", "caminar": "camin").
ENDINGS = (
    "iendo", "ando", "aste", "iste", "ado", "ido", "ar", "er", "ir", "es", "s", "é", "í", "ó",
)  # fmt: skip

# Words typed without their accent where no other word is spelled that way.
_ACCENTS = {
    "dia": "día", "dias": "días", "mas": "más", "pequeno": "pequeño", "pequena": "pequeña",
    "pequenos": "pequeños", "facil": "fácil", "dificil": "difícil", "todavia": "todavía",
    "tambien": "también", "recuerdame": "recuérdame", "animo": "ánimo", "animos": "ánimos",
    "cual": "cuál", "cuales": "cuáles", "cuanto": "cuánto", "cuanta": "cuánta",
    "cuantos": "cuántos", "cuantas": "cuántas", "respiracion": "respiración",
    "manana": "mañana", "mananas": "mañanas",
    "pagina": "página", "paginas": "páginas", "aqui": "aquí", "asi": "así", "adios": "adiós",
    "despues": "después", "ayudame": "ayúdame", "animame": "anímame", "motivame": "motívame",
    "dejame": "déjame", "dejalo": "déjalo", "olvidalo": "olvídalo", "mediodia": "mediodía",
    "cumpli": "cumplí", "termine": "terminé", "sali": "salí", "camine": "caminé",
    "medite": "medité", "respire": "respiré", "escribi": "escribí", "lei": "leí",
    "estire": "estiré", "logre": "logré", "acabe": "acabé", "lastime": "lastimé",
    "torci": "torcí", "cai": "caí", "queme": "quemé", "lesione": "lesioné",
    "golpee": "golpeé", "resbale": "resbalé", "tropece": "tropecé", "jale": "jalé",
    "senti": "sentí", "sintio": "sintió", "rapido": "rápido", "habito": "hábito",
    "habitos": "hábitos", "estadisticas": "estadísticas", "quitame": "quítame",
    "bajale": "bájale", "subele": "súbele", "dificilisimo": "dificilísimo",
    "facilisimo": "facilísimo", "musculo": "músculo", "talon": "talón", "muneca": "muñeca",
    "anos": "años", "proposito": "propósito", "ojala": "ojalá",
    "razon": "razón", "sera": "será",
}  # fmt: skip


def normalise(text: str) -> str:
    """Lower-case words, Spanish question and exclamation marks and punctuation dropped (a
    colon or point between digits kept, as in "8:30"), and common words given back their
    accents when typed without them."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[^\w\s':.]", " ", text)
    text = re.sub(r"(?<!\d)[.:]|[.:](?!\d)", " ", text)
    return " ".join(_ACCENTS.get(word, word) for word in text.split())


def tokens(text: str) -> list[str]:
    """The words."""
    return text.split()


# -- numbers -------------------------------------------------------------------------------

_UNITS = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
    "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21,
    "veintiún": 21, "veintiun": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22,
    "veintitrés": 23, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiséis": 26, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
_TENS = {
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90,
}  # fmt: skip
_HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}  # fmt: skip


def parse_number(words: str) -> int | None:
    """'42', 'cuarenta y dos', 'ciento cinco', 'dos mil' -> int; None if these are not a number.

    Spanish joins tens and units with "y" ("treinta y cinco") and writes 16 to 29 as one word
    ("dieciséis", "veintidós"); both are read, with or without their accents.
    """
    text = words.strip().lower().replace("-", " ")
    if re.fullmatch(r"\d+", text):
        return int(text)
    total, current, seen = 0, 0, False
    for word in text.split():
        if word == "y" and seen:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _HUNDREDS:
            current += _HUNDREDS[word]
        elif word == "mil":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


# -- times ---------------------------------------------------------------------------------

# AMAZON.TIME's own values for vague times of day, as said in Spanish.
_PERIODS = {
    "la mañana": "MO", "en la mañana": "MO", "por la mañana": "MO",
    "en las mañanas": "MO", "por las mañanas": "MO", "las mañanas": "MO", "temprano": "MO",
    "temprano en la mañana": "MO", "a primera hora": "MO", "al despertar": "MO",
    "al levantarme": "MO", "la tarde": "AF", "en la tarde": "AF",
    "por la tarde": "AF", "en las tardes": "AF", "por las tardes": "AF", "las tardes": "AF",
    "después de comer": "AF", "después del almuerzo": "AF", "noche": "NI", "la noche": "NI",
    "en la noche": "NI", "por la noche": "NI", "en las noches": "NI", "por las noches": "NI",
    "las noches": "NI", "de noche": "NI", "antes de dormir": "NI", "antes de acostarme": "NI",
    "a la hora de dormir": "NI", "atardecer": "EV", "al atardecer": "EV", "anochecer": "EV",
    "al anochecer": "EV", "después de cenar": "EV", "después del trabajo": "EV",
    "al salir del trabajo": "EV", "saliendo del trabajo": "EV",
}  # fmt: skip
# What follows an hour to say which half of the day it is in, and how it moves the hour.
_MORNING = ("de la mañana", "en la mañana", "por la mañana", "de la madrugada", "a m", "am")
_AFTERNOON = ("de la tarde", "en la tarde", "por la tarde", "p m", "pm")
_NIGHT = ("de la noche", "en la noche", "por la noche")
_LEAD = re.compile(
    r"^((a|como a|a eso de|tipo|hacia|para|cerca de|digamos|todos los días a|cada día a|"
    r"diario a)\s+)?(las|la)\s+|^(a|en|por|como|tipo|todos los días|cada día)\s+(?=\S)"
)
_TAIL = re.compile(
    r"\s+(por favor|porfa|más o menos|creo|supongo|está bien|me queda bien|en punto|"
    r"todos los días|cada día|diario|horas|hrs|h)$"
)


def parse_time(words: str) -> str | None:
    """'a las ocho de la mañana', 'siete y media de la tarde', 'cuarto para las ocho',
    '20:30', 'mediodía', 'en la noche' -> '08:00', '19:30', '07:45', '20:30', '12:00', 'NI'."""
    text = " ".join(words.strip().lower().replace(".", " ").split())
    text = text.replace("a. m.", "am").replace("p. m.", "pm")
    if text in _PERIODS:
        return _PERIODS[text]
    for _ in range(3):
        text = _TAIL.sub("", text)
        stripped = _LEAD.sub("", text, count=1).strip()
        if stripped == text:
            break
        text = stripped
    if text in _PERIODS:
        return _PERIODS[text]
    if text in ("mediodía", "el mediodía", "al mediodía", "medio día", "doce del mediodía"):
        return "12:00"
    if text in ("medianoche", "la medianoche", "media noche", "doce de la noche"):
        return "00:00"
    # "cuarto para las ocho", "diez para las ocho" (7:45, 7:50): said across the Americas.
    before = re.fullmatch(r"(cuarto|media|\S+(?: y \S+)?) (para|antes de) (las |la )?(.+)", text)
    if before:
        return _shifted(before.group(4), before.group(1), ahead=False)
    # "ocho menos cuarto" (7:45).
    less = re.fullmatch(r"(.+?) menos (cuarto|\S+)( .+)?", text)
    if less:
        return _shifted(less.group(1) + (less.group(3) or ""), less.group(2), ahead=False)
    suffix = ""
    for ending in (*_MORNING, *_AFTERNOON, *_NIGHT, "del mediodía"):
        glued = text.endswith(ending) and text[: -len(ending)][-1:].isdigit()  # "8pm"
        if text.endswith(" " + ending) or glued:
            suffix, text = ending, text[: -len(ending)].strip()
            break
    hour, minute = _clock(text)
    if hour is None or minute is None or not 0 <= minute < 60 or not 0 <= hour < 24:
        return None
    hour = _in_half_of_day(hour, suffix)
    return f"{hour:02d}:{minute:02d}"


def _in_half_of_day(hour: int, suffix: str) -> int:
    """An hour moved by what was said after it ("ocho de la noche" is 20; "doce de la noche" 0)."""
    if suffix in _MORNING:
        return 0 if hour == 12 else hour
    if suffix in _AFTERNOON or suffix == "del mediodía":
        return hour + 12 if hour < 12 else hour
    if suffix in _NIGHT:
        if hour == 12:
            return 0
        # "una de la noche"... "cuatro de la noche" are small hours, not the evening.
        return hour + 12 if 6 <= hour < 12 else hour
    return hour


def _shifted(clock: str, amount: str, *, ahead: bool) -> str | None:
    """A time some minutes before (or after) another: 'cuarto para las ocho' is 07:45."""
    base = parse_time(clock)
    if base is None or ":" not in base:
        return None
    minutes = {"cuarto": 15, "media": 30}.get(amount)
    if minutes is None:
        minutes = parse_number(amount)
    if minutes is None or not 0 < minutes < 60:
        return None
    at_hour, at_minute = (int(x) for x in base.split(":"))
    total = at_hour * 60 + at_minute + (minutes if ahead else -minutes)
    return f"{total // 60 % 24:02d}:{total % 60:02d}"


def _clock(text: str) -> tuple[int | None, int | None]:
    """An hour and minutes: '8', '8:30', 'ocho', 'ocho y media', 'ocho y cuarto',
    'ocho treinta', 'ocho con quince', 'una y diez'."""
    digits = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", text)
    if digits:
        return int(digits.group(1)), int(digits.group(2) or 0)
    words = text.split()
    for split in range(1, len(words) + 1):
        hour = parse_number(" ".join(words[:split]))
        rest = words[split:]
        if hour is None or hour > 24:
            continue
        if not rest:
            return hour, 0
        if rest[0] in ("y", "con"):
            rest = rest[1:]
        said = " ".join(rest)
        minute = {"media": 30, "cuarto": 15, "quince": 15}.get(said)
        if minute is None:
            minute = parse_number(said) if said else None
        if minute is not None:
            return hour, minute
    return None, None
