"""The interaction models' source: what Alexa learns from, per locale, shipped with the package.

One base model per language (`en.json`) and a small override per locale (`en-GB.json`: an
invocation name, extra samples or synonyms for local idiom, samples to leave out). Alexa needs
one whole file per locale (`interaction_models/<locale>.json`), built from these by
`scripts/build_models.py` and checked by a test to be current. The local chat resolves typed
words against the same merged model, so it works from an installed package too.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from importlib import resources
from typing import Any

_LOCALE = re.compile(r"^[a-z]{2}-[A-Z]{2}$")


def locales() -> list[str]:
    """Every locale with a model, sorted."""
    names = (entry.name.removesuffix(".json") for entry in resources.files(__name__).iterdir())
    return sorted(name for name in names if _LOCALE.match(name))


@cache
def _source(name: str) -> dict[str, Any]:
    text = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def interaction_model(locale: str) -> dict[str, Any]:
    """The whole interaction model for a locale, as Alexa takes it (a fresh copy each call)."""
    if locale not in locales():
        raise KeyError(f"no interaction model for {locale!r}")
    model = copy.deepcopy(_source(locale.split("-")[0]))
    apply_override(model, _source(locale))
    return model


def apply_override(model: dict[str, Any], override: dict[str, Any]) -> None:
    """Change a base model in place by a locale's override.

    Keys: `invocationName`; `add_samples` / `remove_samples` ({intent: [sample, ...]});
    `add_synonyms` ({slot type: {value id: [synonym, ...]}}).
    """
    language = model["interactionModel"]["languageModel"]
    if "invocationName" in override:
        language["invocationName"] = override["invocationName"]
    intents = {intent["name"]: intent for intent in language["intents"]}
    for name, samples in override.get("add_samples", {}).items():
        kept = intents[name].setdefault("samples", [])
        kept += [s for s in samples if s not in kept]
    for name, samples in override.get("remove_samples", {}).items():
        intents[name]["samples"] = [s for s in intents[name]["samples"] if s not in samples]
    types = {slot_type["name"]: slot_type for slot_type in language.get("types", [])}
    for type_name, extra in override.get("add_synonyms", {}).items():
        for value in types[type_name]["values"]:
            synonyms = value["name"].setdefault("synonyms", [])
            synonyms += [s for s in extra.get(value["id"], []) if s not in synonyms]


def render(model: dict[str, Any]) -> str:
    """A model as the checked-in file holds it: two-space indents, UTF-8, a final newline."""
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"
