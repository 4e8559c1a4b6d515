"""The test DynamoDB endpoint (dynalite on loopback, started by `make test` and `make bench`).

Without an endpoint, asking for a client raises `unittest.SkipTest`: pytest counts that as a
skip (a plain `pytest` run without dynalite skips the DynamoDB half), and this module needs
no pytest, so `make bench` imports it too.
"""

from __future__ import annotations

import os
import unittest
from typing import TYPE_CHECKING

import boto3

from skill.store.dynamodb import CLIENT_CONFIG

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

ENDPOINT_VARIABLE = "KAIZEN_TEST_DYNAMODB"
CREDENTIALS = {
    "region_name": "us-east-1",
    "aws_access_key_id": "test",
    "aws_secret_access_key": "test",
}


def endpoint() -> str | None:
    """The endpoint `make test` started, if any."""
    return os.environ.get(ENDPOINT_VARIABLE) or None


def client(url: str | None = None) -> DynamoDBClient:
    """A boto3 client for the test endpoint (or `url`, a private server of a test's own)."""
    target = url or endpoint()
    if target is None:
        raise unittest.SkipTest("no DynamoDB endpoint: `make test` starts dynalite for one")
    return boto3.client("dynamodb", endpoint_url=target, config=CLIENT_CONFIG, **CREDENTIALS)


def environment(table: str) -> dict[str, str]:
    """What a deployed function's environment says about its table, aimed at the test endpoint."""
    return {
        "KAIZEN_STORE": f"dynamodb://{table}",
        "AWS_ENDPOINT_URL_DYNAMODB": endpoint() or "",
        "AWS_DEFAULT_REGION": CREDENTIALS["region_name"],
        "AWS_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
    }
