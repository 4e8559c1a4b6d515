"""How the chat reads typed Japanese: numbers, times, and the everyday requests of a week.

Japanese is written without spaces, so these check what the shared resolver cannot see from
English alone: samples matched whole, slot values found within the words, AMAZON.TIME read from
「朝8時」 and 「夜9時半」, and the one-shot forms 「カイゼンコーチで…」.
"""

from __future__ import annotations

import pytest

from skill.chat.languages import japanese
from skill.chat.nlu import Resolver


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("朝8時", "08:00"),
        ("夜9時半", "21:30"),
        ("午後7時15分", "19:15"),
        ("20時", "20:00"),
        ("20:30", "20:30"),
        ("八時", "08:00"),
        ("夜十時", "22:00"),
        ("毎日朝7時半に", "07:30"),
        ("昼1時", "13:00"),
        ("夜1時", "01:00"),
        ("正午", "12:00"),
        ("午前0時", "00:00"),
        ("朝", "MO"),
        ("午後", "AF"),
        ("夕方", "EV"),
        ("寝る前", "NI"),
        ("あした", None),
    ],
)
def test_times_of_day_are_read_as_alexa_fills_them(said: str, value: str | None) -> None:
    assert japanese.parse_time(japanese.normalise(said)) == value


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("42", 42),
        ("四十二", 42),
        ("百五", 105),
        ("十", 10),
        ("さん", 3),
        ("みっつ", 3),
        ("散歩", None),
    ],
)
def test_numbers_in_digits_kanji_and_kana(said: str, value: int | None) -> None:
    assert japanese.parse_number(said) == value


def test_typed_words_are_normalised_as_samples_are_written() -> None:
    assert japanese.normalise("アレクサ、今日の　ステップは\uff1f") == "アレクサ今日のステップは"
    assert japanese.normalise("よかったことを3つ") == "よかったことを三つ"
    assert japanese.tokens("今日の水") == ["今日", "日の", "の水", "今", "日", "水"]


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.for_locale("ja-JP")


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("今日のステップは\uff1f", "GetStepIntent"),
        ("カイゼンコーチで今日のステップを教えて", "GetStepIntent"),
        ("今日のステップってカイゼンコーチに聞いて", "GetStepIntent"),
        ("できました\uff01", "CompleteStepIntent"),
        ("うん、やったよ", "CompleteStepIntent"),
        ("今日は休みます", "SkipStepIntent"),
        ("きつすぎる", "MakeSmallerIntent"),
        ("簡単すぎます", "MakeBiggerIntent"),
        ("このままでいいです", "KeepStepIntent"),
        ("けっこうきつかったです", "RateStepIntent"),
        ("目標を教えて", "ListGoalsIntent"),
        ("調子はどう\uff1f", "ProgressIntent"),
        ("今週はどうだった\uff1f", "ReviewWeekIntent"),
        ("励まして", "EncourageIntent"),
        ("今日はつらい一日でした", "RoughDayIntent"),
        ("足首をひねった", "InjuryIntent"),
        ("もう生きていたくない", "SupportIntent"),
        ("リマインダーを止めて", "CancelReminderIntent"),
        ("データを全部消して", "DeleteDataIntent"),
        ("もう少し話したい", "AMAZON.YesIntent"),
        ("ここで終わりにしたい", "AMAZON.NoIntent"),
        ("ありがとう", "AMAZON.StopIntent"),
        ("紫の象が踊っている", "AMAZON.FallbackIntent"),
    ],
)
def test_everyday_japanese_resolves_to_the_right_intent(
    resolver: Resolver, said: str, intent: str
) -> None:
    assert resolver.resolve(said).intent == intent


def test_slots_resolve_to_ids_and_custom_goals_keep_their_words(resolver: Resolver) -> None:
    assert resolver.resolve("アレクサ、カイゼンコーチを開いて").launch
    assert resolver.resolve("散歩に行ってきました").slots["area"].id == "MOVE"
    assert resolver.resolve("全部できた").slots["scope"].id == "ALL"
    custom = resolver.resolve("水を飲むことを始めたい").slots["area"]
    assert (custom.id, custom.words) == (None, "水を飲むこと")
    assert resolver.resolve("夜9時半に知らせて").slots["time"].words == "21:30"
