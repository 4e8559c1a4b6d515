"""What a person's words call for, whatever the language."""

from __future__ import annotations

from enum import StrEnum


class Concern(StrEnum):
    """What a person's words call for: the crisis answer, sympathy for an injury, or nothing."""

    CRISIS = "crisis"
    INJURY = "injury"
    NONE = "none"
