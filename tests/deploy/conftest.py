"""Fixtures for the deployment checks: the built Lambda zip and the template as SAM reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from samtranslator.yaml_helper import yaml_parse

from scripts import package

TEMPLATE = package.ROOT / "infra" / "template.yaml"


@pytest.fixture(scope="session")
def lambda_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Lambda zip, built once for the session exactly as `make package` builds it."""
    return package.build_lambda_zip(tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="session")
def template() -> dict[str, Any]:
    """infra/template.yaml with its short-form intrinsics (!Ref, !Sub) read as SAM reads them."""
    parsed: dict[str, Any] = yaml_parse(TEMPLATE.read_text(encoding="utf-8"))
    return parsed
