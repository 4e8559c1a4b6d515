"""Japanese, as the chat's resolver reads it (see `skill.chat.languages` for the names).

Japanese is written without spaces between words, so the resolver cannot split typed words on
whitespace. Samples are matched whole (a slot is any run of characters between the literal
parts), slot values are found anywhere within the words, and the statistical guess works on
character pairs (bigrams): "今日のステップを教えて" gives 今日, 日の, のス, ステ, ... Pairs need no
dictionary and no new dependency, and they are robust to what changes most in spoken Japanese:
verb endings ("できた", "できました", "できたよ" share "でき"), kana against kanji for the same word
only partly, politeness markers at the end. A dictionary segmenter (MeCab, Sudachi) would be more
precise, but it is a large native dependency for a local test tool, and Alexa itself resolves
against the samples, not against our segmentation.

Typed text is normalised the way the model's samples are written: NFKC (full-width letters and
digits become half-width, half-width katakana becomes full-width), lower case, every space and
punctuation mark dropped ("、", "。", the full-width question mark, "「」"), since samples carry
none, and numbers in kanji ("3つ" is "三つ", "10分" is "十分"), since Alexa's samples spell numbers
out. A clock time with a colon ("20:30") keeps its digits.
"""

from __future__ import annotations

import re
import unicodedata

SPACED = False
# Amazon's own Japanese utterances for the built-in intents (the common ones), beside ours.
BUILT_IN_SAMPLES = {
    "AMAZON.YesIntent": "はい|うん|ええ|そう|お願い|お願いします|オッケー|いいよ|もちろん|ok",
    "AMAZON.NoIntent": "いいえ|いや|ううん|いらない|結構です|やめておく",
    "AMAZON.HelpIntent": "ヘルプ|ヘルプして|使い方|使い方を教えて|何ができるの",
    "AMAZON.StopIntent": "ストップ|止めて|終了|終わり|おしまい|さようなら|バイバイ",
    "AMAZON.CancelIntent": "キャンセル|取り消し|やめて|なんでもない",
    "AMAZON.NavigateHomeIntent": "ホーム|ホームに戻って",
}
# The invocation as people say it in Japanese: "カイゼンコーチを開いて", "カイゼンコーチで…",
# "カイゼンコーチに…" (the ways Alexa's Japanese documentation gives), with the wake word
# typed or not. "改善コーチ" is how a speech recogniser may write the same sounds.
INVOCATION = (
    r"^(アレクサ)?(ねえ)?({name}|カイゼンコーチ|改善コーチ|かいぜんこーち)"
    r"(を|に)?(開いて|ひらいて|起動して|きどうして|開始して|スタートして|始めて|はじめて|"
    r"使って|つかって|呼んで|よんで|実行して)?(で|を使って)?"
)
# Words said before what is meant; dropped before matching (never the whole utterance).
LEADING_FILLERS = (
    r"^((えっと|えーと|えーっと|ええと|あのね|あのー|あの|うーん|んー|ねえ|ねぇ|じゃあ|それじゃ|"
    r"よし|さて|まあ|なんか|おっ|アレクサ|カイゼンコーチ|コーチ|そうだな|そうだね|うんと|"
    r"ところで|はい|うん|オッケー))+"
)
# Words said after it: politeness, softeners, and the "…って カイゼンコーチに聞いて" form of a
# one-shot request, where the invocation comes last.
TRAILING_FILLERS = (
    r"((お願い|おねがい)(します|ね)?|ください|下さい|ちょうだい|かなあ|かな|かも|"
    r"ねえ|ね|よ|って(カイゼンコーチ|改善コーチ)?(に|で)?(聞いて|きいて|伝えて|言って|頼んで)|"
    r"(カイゼンコーチ|改善コーチ)(に|で)(聞いて|きいて))+$"
)
# Character pairs too common to tell intents apart (politeness, "today", "a little").
COMMON = frozenset(
    ["です", "ます", "まし", "した", "くだ", "ださ", "さい", "って", "てく", "ちょ", "ょっ", "っと",
     "今日", "きょ", "ょう", "だよ", "だね", "かな", "ので", "から", "けど"]
)  # fmt: skip
# Pairs are compared whole; there are no word endings to strip.
ENDINGS: tuple[str, ...] = ()

_DROP = re.compile(r"[^\w:ー]")
_COLON = re.compile(r"(?<!\d):|:(?!\d)")


_DIGITS = re.compile(r"(?<![\d:])\d+(?![\d:])")


def normalise(text: str) -> str:
    """NFKC, lower case, no spaces or punctuation, and numbers in kanji (as samples write them)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _COLON.sub("", _DROP.sub("", text))
    return _DIGITS.sub(lambda m: kanji_number(int(m.group(0))), text)


def kanji_number(n: int) -> str:
    """A number as kanji numerals, the way Japanese samples spell it: 3 三, 10 十, 21 二十一."""
    if n == 0:
        return "\u3007"
    if n >= 10000:
        return str(n)
    said = ""
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        count, n = divmod(n, value)
        if count:
            said += ("" if count == 1 else _KANJI[count]) + unit
    return said + (_KANJI[n] if n else "")


_KANJI_CHAR = re.compile(r"[\u4e00-\u9fff]")


def tokens(text: str) -> list[str]:
    """The character pairs of the words, and each kanji on its own (a kanji is a word's meaning:
    痛, 歩, 水), which read a held-out set of typed Japanese better than pairs alone (73 of 83
    against 71; runs of one script alone, a dictionary-free "word" split, read only 55)."""
    text = "".join(text.split())
    if len(text) < 2:
        return [text] if text else []
    pairs = [text[i : i + 2] for i in range(len(text) - 1)]
    return pairs + _KANJI_CHAR.findall(text)


# -- numbers -----------------------------------------------------------------------------------

_KANJI_DIGITS = {
    "\u3007": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI = {value: char for char, value in _KANJI_DIGITS.items() if char != "零"}
_KANA_NUMBERS = {
    "ぜろ": 0, "れい": 0, "いち": 1, "に": 2, "さん": 3, "よん": 4, "し": 4, "ご": 5, "ろく": 6,
    "なな": 7, "しち": 7, "はち": 8, "きゅう": 9, "く": 9, "じゅう": 10,
    "ひとつ": 1, "ふたつ": 2, "みっつ": 3, "よっつ": 4, "いつつ": 5, "むっつ": 6,
    "ななつ": 7, "やっつ": 8, "ここのつ": 9, "とお": 10,
}  # fmt: skip


def parse_number(words: str) -> int | None:
    """'42', full-width '42', '四十二', 'さん', 'みっつ' -> int; None if these are not a number."""
    text = "".join(unicodedata.normalize("NFKC", words).split())
    if re.fullmatch(r"\d+", text):
        return int(text)
    if text in _KANA_NUMBERS:
        return _KANA_NUMBERS[text]
    return _kanji_number(text)


def _kanji_number(text: str) -> int | None:
    """Kanji numerals up to 9999: '十二' 12, '二十' 20, '百五' 105, '二\u3007' 20."""
    if not text or any(c not in _KANJI_DIGITS and c not in _KANJI_UNITS for c in text):
        return None
    if all(c in _KANJI_DIGITS for c in text):  # digit by digit: two, zero is 20
        return int("".join(str(_KANJI_DIGITS[c]) for c in text))
    total, digit = 0, None
    for char in text:
        if char in _KANJI_DIGITS:
            if digit is not None:
                return None
            digit = _KANJI_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _KANJI_UNITS[char]
            digit = None
    return total + (digit or 0)


# -- times of day ------------------------------------------------------------------------------

# AMAZON.TIME's own values for vague times of day, as Japanese says them.
_PERIODS = {
    "朝": "MO", "毎朝": "MO", "午前": "MO", "午前中": "MO", "朝一": "MO", "朝いち": "MO",
    "早朝": "MO", "起きたら": "MO", "起きてすぐ": "MO", "朝ごはんの後": "MO",
    "昼": "AF", "お昼": "AF", "昼間": "AF", "午後": "AF", "昼過ぎ": "AF", "お昼過ぎ": "AF",
    "昼ごはんの後": "AF", "ランチの後": "AF",
    "夕方": "EV", "晩": "EV", "夕食後": "EV", "夕飯の後": "EV", "晩ごはんの後": "EV",
    "仕事の後": "EV", "仕事終わり": "EV", "帰ったら": "EV", "帰宅後": "EV",
    "夜": "NI", "毎晩": "NI", "今夜": "NI", "寝る前": "NI", "夜寝る前": "NI", "就寝前": "NI",
    "夜中": "NI", "深夜": "NI",
}  # fmt: skip
# Words around a time that are not the time ("毎日", "ごろ", "でお願いします").
_BEFORE = re.compile(r"^(毎日|毎朝|毎晩|だいたい|大体|ちょうど|えっと|じゃあ|いつも)+")
_AFTER = re.compile(
    r"(に|で|ごろ|頃|ころ|くらい|ぐらい|がいい|がいいです|でお願いします|お願いします|"
    r"にして|です|かな|ね|ちょうど|の間|まで)+$"
)
_CLOCK = re.compile(
    r"^(?P<part>午前|午後|朝|夜|夕方|昼|お昼|晩|深夜|夜中|明け方|早朝)?の?"
    r"(?P<hour>\d+|[\u3007一二三四五六七八九十]+)時(?P<minute>半|(\d+|[\u3007一二三四五六七八九十]+)分)?$"
)
_EVENING = ("午後", "夜", "夕方", "晩")


def parse_time(words: str) -> str | None:
    """'朝8時', '夜9時半', '午後7時15分', '20時', '20:30', '正午', '夜' -> '08:00', '21:30',
    '19:15', '20:00', '20:30', '12:00', 'NI' (AMAZON.TIME's values); None if not a time."""
    text = "".join(unicodedata.normalize("NFKC", words).split())
    if text in _PERIODS:
        return _PERIODS[text]
    text = _AFTER.sub("", _BEFORE.sub("", text)) or text
    if text in _PERIODS:
        return _PERIODS[text]
    if text in ("正午", "お昼の12時", "昼の12時", "昼12時"):
        return "12:00"
    if text in ("午前0時", "夜中の12時", "夜の12時", "夜12時", "深夜0時", "真夜中", "零時"):
        return "00:00"
    digits = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if digits:
        return _as_time(int(digits.group(1)), int(digits.group(2)))
    clock = _CLOCK.match(text)
    if clock is None:
        return None
    hour = parse_number(clock.group("hour"))
    minute_text = clock.group("minute") or ""
    minute = 30 if minute_text == "半" else parse_number(minute_text.removesuffix("分") or "0")
    if hour is None or minute is None:
        return None
    return _as_time(_hour_of_day(hour, clock.group("part") or ""), minute)


def _hour_of_day(hour: int, part: str) -> int:
    """The 24-hour hour for an hour said with a part of the day ("夜9時" is 21, "夜1時" is 1)."""
    if part in ("夜", "深夜", "夜中") and hour <= 4:
        return hour  # "夜1時", "深夜2時": after midnight
    if part in ("夜", "深夜", "夜中") and hour == 12:
        return 0
    if part in _EVENING and hour < 12:
        return hour + 12
    if part in ("昼", "お昼") and 1 <= hour <= 6:
        return hour + 12  # "昼1時" is 13:00
    if part == "午前" and hour == 12:
        return 0
    return hour


def _as_time(hour: int, minute: int) -> str | None:
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return f"{hour:02d}:{minute:02d}"
