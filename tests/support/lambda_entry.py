"""Loads `lambda/lambda_function.py` afresh, as a new Lambda container would."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ENTRY_POINT = Path(__file__).resolve().parents[2] / "lambda" / "lambda_function.py"


def load_lambda(name: str) -> ModuleType:
    """A fresh copy of the entry point, so its cached skill reads today's environment."""
    spec = importlib.util.spec_from_file_location(name, ENTRY_POINT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
