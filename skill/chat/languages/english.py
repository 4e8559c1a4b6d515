"""English, as the chat's resolver reads it (see `skill.chat.languages` for the names)."""

from __future__ import annotations

import re

# Re-exported: every language module names these (see skill.chat.languages).
from skill.chat.languages.english_values import parse_number as parse_number
from skill.chat.languages.english_values import parse_time as parse_time

SPACED = True
# Built-in intents carry Amazon's own utterances besides ours; these are the common ones.
BUILT_IN_SAMPLES = {
    "AMAZON.YesIntent": "yes|yeah|yep|sure|ok|okay|yes please|sounds good|please do|go ahead",
    "AMAZON.NoIntent": "no|nope|no thanks|nah|not now|no thank you",
    "AMAZON.HelpIntent": "help|help me|what can i say|what can you do|how does this work",
    "AMAZON.StopIntent": "stop|quit|exit|goodbye|bye|that's all|i'm finished for now",
    "AMAZON.CancelIntent": "cancel|never mind|forget it",
    "AMAZON.NavigateHomeIntent": "go home|home",
    # What people ask a speaker that is not for this skill: Alexa's own model knows these are
    # out of scope, so the chat's guesser learns them as the fallback's words.
    "AMAZON.FallbackIntent": "|".join(
        [
            "what time is it",
            "what's the time",
            "what's the weather",
            "what's the weather like",
            "what's the weather tomorrow",
            "is it going to rain",
            "will it rain today",
            "how cold is it outside",
            "play some music",
            "play the radio",
            "play my playlist",
            "turn the volume up",
            "turn it down",
            "set a timer for ten minutes",
            "set an alarm for seven",
            "wake me up at six",
            "add milk to the shopping list",
            "what's on my shopping list",
            "order more paper towels",
            "turn on the lights",
            "turn off the kitchen light",
            "turn the heating up",
            "lock the front door",
            "call mom",
            "call my sister",
            "send a message to john",
            "what's the news",
            "read me the headlines",
            "tell me a joke",
            "what's for dinner",
            "how do i make pancakes",
            "how many ounces in a cup",
            "who won the game last night",
            "what's the score",
            "how's the traffic",
            "when does the pharmacy close",
            "what movies are playing",
            "what's the capital of france",
            "spell necessary",
            "how old is the moon",
            "what day is it",
            "what's the date today",
            "where's my package",
            "find my phone",
            "play a podcast",
            "read my audiobook",
            "what's on the calendar",
            "add dentist to my calendar",
            "open spotify",
            "turn on the tv",
            "dim the lights",
            "good dog",
            "sing me a song",
        ]
    ),
}
INVOCATION = r"^(alexa )?(ask|tell|open|launch|start) (the )?{name}( to| that| if| for| whether)? ?"
# Words people put around what they mean; dropped before matching (never the whole utterance).
LEADING_FILLERS = (
    r"^((um|uh|erm|er|hmm|oh|ooh|well|so|okay|ok|right|hey|hi|alexa|coach|kaizen coach|actually|"
    r"honestly|like|yeah|anyway|and|but|oof|ugh)\b ?)+"
)
TRAILING_FILLERS = (
    r"( \b(please|thanks|thank you|coach|then|now|right|ok|okay|actually|i think|i guess|"
    r"i suppose|probably|really|honestly|for me|if that's okay|if you can|mate|eh|innit|sorry)\b)+$"
)
COMMON = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "me",
        "my",
        "to",
        "for",
        "of",
        "on",
        "in",
        "at",
        "it",
        "it's",
        "is",
        "was",
        "be",
        "can",
        "you",
        "your",
        "and",
        "or",
        "but",
        "so",
        "do",
        "did",
        "what",
        "what's",
        "how",
        "that",
        "this",
        "just",
        "today",
        "please",
        "um",
        "uh",
        "okay",
    ]
)
ENDINGS = ("ing", "ed", "es", "s")

# Contractions as speech recognisers often write them, without the apostrophe.
_APOSTROPHES = {
    "whats": "what's", "todays": "today's", "im": "i'm", "ive": "i've", "dont": "don't",
    "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "thats": "that's", "theres": "there's", "youre": "you're", "lets": "let's",
    "wasnt": "wasn't", "havent": "haven't", "couldnt": "couldn't", "wouldnt": "wouldn't",
    "its": "it's",
}  # fmt: skip


def normalise(text: str) -> str:
    """Lower-case words, curly quotes straightened, punctuation other than apostrophes dropped,
    and contractions given back their apostrophes."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[^\w\s':.]", " ", text)
    text = re.sub(r"(?<!\d)[.:]|[.:](?!\d)", " ", text)
    return " ".join(_APOSTROPHES.get(word, word) for word in text.split())


def tokens(text: str) -> list[str]:
    """The words."""
    return text.split()
