"""The interaction models' source: what Alexa learns from, per locale, shipped with the package.

Alexa needs one whole model file per locale (`interaction_models/<locale>.json`, generated
from here by `scripts/build_models.py` and checked by a test to be current). The local chat
resolves typed words against the same source, so it works from an installed package too.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def locales() -> list[str]:
    """Every locale with a model, sorted."""
    folder = resources.files(__name__)
    return sorted(
        entry.name.removesuffix(".json")
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    )


@cache
def _source(locale: str) -> str:
    return resources.files(__name__).joinpath(f"{locale}.json").read_text(encoding="utf-8")


def interaction_model(locale: str) -> dict[str, Any]:
    """The whole interaction model for a locale, as Alexa takes it (a fresh copy each call)."""
    if locale not in locales():
        raise KeyError(f"no interaction model for {locale!r}")
    model: dict[str, Any] = json.loads(_source(locale))
    return model


def render(model: dict[str, Any]) -> str:
    """A model as the checked-in file holds it: two-space indents, UTF-8, a final newline."""
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"
