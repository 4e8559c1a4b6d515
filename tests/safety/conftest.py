"""The fixture every language's safety corpus is spoken through."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.lambda_entry import load_lambda
from tests.support.spoken import Spoken


@pytest.fixture(scope="module")
def spoken(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Spoken]:
    """A fresh Lambda entry point for the test module, on a SQLite file of its own."""
    name = request.module.__name__.rsplit(".", 1)[-1]
    path = tmp_path_factory.mktemp(name) / "kaizen.db"
    patch = pytest.MonkeyPatch()
    patch.setenv("KAIZEN_STORE", f"sqlite://{path}")
    patch.delenv("KAIZEN_SKILL_ID", raising=False)
    module = load_lambda(f"lambda_for_{name}")
    yield Spoken(lambda event: module.lambda_handler(event, None), path)
    module._skill.cache_clear()
    patch.undo()
