"""Prints the evaluation's figures at the end of `make test` (see test_evaluation.py)."""

from __future__ import annotations

from typing import Any

FIGURES: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The understanding figures, where a reader of the test run sees them."""
    if FIGURES:
        terminalreporter.section("language understanding (held-back test half)")
        for name, line in FIGURES.items():
            terminalreporter.write_line(f"{name}: {line}")
