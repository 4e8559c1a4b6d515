"""`kaizen chat` driven by a script on stdin, as a person would use it for days."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def chat(store: Path, day: str, lines: list[str]) -> list[str]:
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
        ],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    replies = result.stdout.strip().splitlines()
    assert all(line.startswith("Alexa: ") for line in replies), result.stdout
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
