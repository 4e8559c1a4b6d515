"""`kaizen chat` driven by a script on stdin, as a person would use it for days."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def chat(store: Path, day: str, lines: list[str], *options: str) -> list[str]:
    """Alexa's replies to the typed lines (and, with --alexa-apis, what the device shows)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "skill.cli",
            "chat",
            "--store",
            f"sqlite://{store}",
            "--user",
            "test-chat",
            "--date",
            day,
            *options,
        ],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    replies = result.stdout.strip().splitlines()
    assert all(line.startswith(("Alexa: ", "[")) for line in replies), result.stdout
    return [line.removeprefix("Alexa: ") for line in replies]


def test_chat_turns_words_into_a_conversation_across_days(tmp_path: Path) -> None:
    store = tmp_path / "chat.db"
    first = chat(store, "2026-11-02", ["walking", "I did it", "it was easy", "how am I doing"])
    assert "moving" in first[0] and "gratitude" in first[0]
    assert "5 minute walk" in first[1]
    assert "first step" in first[2].lower()
    assert "1 small step" in first[4]
    second = chat(store, "2026-11-03", ["finished my walk", "purple elephants"])
    assert "5 minute walk" in second[0]
    assert "2 small steps" in second[1]
    # Unmatched words while "how did it feel?" is pending get that question again.
    assert "easy, about right, or hard" in second[2]


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
        "[reminders] every day at 19:00 (Asia/Tokyo): Time for your small step: a 5 minute walk."
    )
    assert "turned off" in replies[5] or "no more" in replies[5].lower()
    assert replies[-1] == "[reminders] none"


def test_declining_the_permission_in_chat_points_to_the_alexa_app(tmp_path: Path) -> None:
    replies = chat(tmp_path / "d.db", "2026-11-21", ["remind me at 8 am", "no"], "--alexa-apis")
    assert "would like to set reminders" in replies[1]
    assert "Alexa app" in replies[2]
    assert replies[3] == "[Alexa app] a card asks you to allow: reminders"
