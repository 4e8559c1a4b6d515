"""`kaizen chat` driven by a script on stdin, as a person would use it for days."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.phrases import said, step


def run_chat(lines: list[str], *options: str, env: dict[str, str] | None = None) -> Any:
    """`kaizen chat` with the typed lines on stdin, as a finished process."""
    return subprocess.run(
        [sys.executable, "-m", "skill.cli", "chat", *options],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def chat(store: Path, day: str, lines: list[str], *options: str) -> list[str]:
    """Alexa's replies to the typed lines (and, with --alexa-apis, what the device shows)."""
    result = run_chat(
        lines, "--store", f"sqlite://{store}", "--user", "test-chat", "--date", day, *options
    )
    assert result.returncode == 0, result.stderr
    transcript = result.stdout.strip().splitlines()
    # Piped lines are echoed, so the output reads as a transcript of both sides.
    assert [line.removeprefix("You: ") for line in transcript if line.startswith("You: ")] == [
        line for line in lines if line.strip()
    ]
    replies = [line for line in transcript if not line.startswith("You: ")]
    assert all(line.startswith(("Alexa: ", "[")) for line in replies), result.stdout
    return [line.removeprefix("Alexa: ") for line in replies]


def test_chat_turns_words_into_a_conversation_across_days(tmp_path: Path) -> None:
    store = tmp_path / "chat.db"
    first = chat(store, "2026-11-02", ["walking", "I did it", "how am I doing"])
    assert said(first[0], "goal.which_area") and step("MOVE", 5) in first[1]
    assert said(first[2], "milestone.first")
    # The first step leaves a card in the Alexa app, which the chat shows.
    assert first[3].startswith("[Alexa app] ") and step("MOVE", 5) in first[3]
    assert said(first[4], "progress.this_week") and "1 day" in first[4]
    second = chat(store, "2026-11-03", ["finished my walk", "purple elephants"])
    assert step("MOVE", 5) in second[0] and said(second[0], "ask.done_yet")
    assert said(second[1], "done.days_this_week") and "2 days" in second[1]
    # Words that mean nothing while "how did it feel?" is pending get that question again.
    assert said(second[1], "ask.feeling") and said(second[2], "fallback.feeling")


def test_chat_answers_crisis_words_with_the_safety_response(tmp_path: Path) -> None:
    replies = chat(tmp_path / "c.db", "2026-11-02", ["I don't want to be here anymore"])
    assert "988" in replies[-1]


def test_chat_sets_a_reminder_against_the_local_alexa_stand_in(tmp_path: Path) -> None:
    lines = ["walking", "remind me every day at 7 pm", "yes", "stop reminding me"]
    replies = chat(
        tmp_path / "r.db", "2026-11-21", lines, "--alexa-apis", "--time-zone", "Asia/Tokyo"
    )
    assert "would like to set reminders" in replies[2]
    assert "every day at 7 PM" in replies[3]
    assert replies[4] == (
        f"[reminders] every day at 19:00 (Asia/Tokyo): Time for your small step: {step('MOVE', 5)}."
    )
    assert "turned off" in replies[5] or "no more" in replies[5].lower()
    assert replies[-1] == "[reminders] none"


def test_declining_the_permission_in_chat_points_to_the_alexa_app(tmp_path: Path) -> None:
    replies = chat(tmp_path / "d.db", "2026-11-21", ["remind me at 8 am", "no"], "--alexa-apis")
    assert "would like to set reminders" in replies[1]
    assert "Alexa app" in replies[2]
    assert replies[3] == "[Alexa app] a card asks you to allow: reminders"


@pytest.mark.parametrize(
    ("option", "value", "complaint"),
    [
        ("--date", "2026-13-01", "--date '2026-13-01' is not a date"),
        ("--time", "25:00", "--time '25:00' is not a time of day"),
        ("--store", "mysql://db", "unknown store 'mysql://db'"),
        ("--store", "sqlite://", "sqlite store needs a path"),
        ("--time-zone", "Mars/Olympus", "is not a time zone"),
        ("--locale", "xx-XX", "--locale 'xx-XX' is not one of"),
    ],
)
def test_a_bad_option_gets_a_usage_error_not_a_traceback(
    tmp_path: Path, option: str, value: str, complaint: str
) -> None:
    options = ["--store", f"sqlite://{tmp_path}/c.db", option, value]
    result = run_chat(["hello"], *options)
    assert result.returncode == 2
    assert complaint in result.stderr and "usage: kaizen" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout


def test_time_sets_the_local_clock_of_the_first_turn(tmp_path: Path) -> None:
    # 23:58 in Tokyo on the 2nd is still the 2nd there: the walk done then and the one done
    # three minutes later fall on two different local days.
    store = tmp_path / "t.db"
    options = ("--alexa-apis", "--time-zone", "Asia/Tokyo", "--time", "23:58")
    replies = chat(store, "2026-11-02", ["walking", "I did it"], *options)
    again = chat(store, "2026-11-03", ["I did it"], "--time-zone", "Asia/Tokyo", "--time", "00:01")
    assert "first step" in replies[2].lower()
    assert "already" not in again[1]


def test_the_default_store_is_named_once_when_no_store_is_given(tmp_path: Path) -> None:
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    environment.pop("KAIZEN_STORE", None)
    result = run_chat(["walking"], "--date", "2026-11-02", env=environment)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("kaizen.db") == 1
    assert "(progress is kept in sqlite://" in result.stderr
    assert list(tmp_path.rglob("kaizen.db"))


def test_the_alexa_stand_in_keeps_grants_and_reminders_beside_the_store(tmp_path: Path) -> None:
    store = tmp_path / "kept.db"
    first = ["walking", "remind me every day at 7 pm", "yes"]
    chat(store, "2026-11-21", first, "--alexa-apis")
    # Another run: Alexa still has the reminder and the grant, so moving it needs no prompt.
    replies = chat(store, "2026-11-22", ["remind me every day at 8 am"], "--alexa-apis")
    assert "would like to set reminders" not in " ".join(replies)
    assert said(replies[1], "reminder.moved", time="8 AM")
    assert replies[2].startswith("[reminders] every day at 08:00")
    assert (tmp_path / "alexa-stand-in.json").is_file()
