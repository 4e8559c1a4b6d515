"""The DynamoDB store: one item per user, written with a condition on its version number.

The boto3 client is injected or built on first use (never at import), so importing this module
costs nothing on a Lambda cold start that never touches it, and tests can point it anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from skill.coach.state import UserState
from skill.store import codec
from skill.store.base import Record, StoreUnavailable, VersionConflict

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# Attribute names, in one place.
KEY = "user"
VERSION = "version"
STATE = "state"

# Alexa waits 8 seconds for a whole turn: fail fast and apologise rather than time out.
CLIENT_CONFIG = Config(
    connect_timeout=1, read_timeout=2, retries={"max_attempts": 2, "mode": "standard"}
)


def default_client() -> DynamoDBClient:
    """A DynamoDB client from boto3's own configuration (AWS_ENDPOINT_URL_DYNAMODB and all)."""
    return boto3.client("dynamodb", config=CLIENT_CONFIG)


class DynamoStore:
    """Stores each user as one item; a write succeeds only if the version read is current."""

    def __init__(
        self,
        table: str,
        client: DynamoDBClient | None = None,
        client_factory: Callable[[], DynamoDBClient] = default_client,
    ) -> None:
        self.table = table
        self._client = client
        self._client_factory = client_factory

    @property
    def client(self) -> DynamoDBClient:
        """The boto3 client, built the first time it is needed."""
        if self._client is None:
            try:
                self._client = self._client_factory()
            except (BotoCoreError, ValueError) as error:
                raise StoreUnavailable(f"dynamodb client failed: {error}") from error
        return self._client

    def load(self, key: str) -> Record | None:
        """The user's item (read consistently, so a retry after a conflict sees the winner)."""
        try:
            reply = self.client.get_item(
                TableName=self.table, Key={KEY: {"S": key}}, ConsistentRead=True
            )
        except (BotoCoreError, ClientError) as error:
            raise StoreUnavailable(f"dynamodb read failed: {_reason(error)}") from error
        item = reply.get("Item")
        if item is None:
            return None
        return Record(codec.loads(item[STATE]["S"]), int(item[VERSION]["N"]))

    def save(self, key: str, state: UserState, expected_version: int | None) -> int:
        """Put the item on condition that it is absent or still at `expected_version`."""
        version = 1 if expected_version is None else expected_version + 1
        condition: dict[str, Any]
        if expected_version is None:
            condition = {
                "ConditionExpression": "attribute_not_exists(#k)",
                "ExpressionAttributeNames": {"#k": KEY},
            }
        else:
            condition = {
                "ConditionExpression": "#v = :expected",
                "ExpressionAttributeNames": {"#v": VERSION},
                "ExpressionAttributeValues": {":expected": {"N": str(expected_version)}},
            }
        item = {
            KEY: {"S": key},
            VERSION: {"N": str(version)},
            STATE: {"S": codec.dumps(state)},
        }
        try:
            self.client.put_item(TableName=self.table, Item=item, **condition)
        except ClientError as error:
            if _code(error) == "ConditionalCheckFailedException":
                raise VersionConflict(key) from error
            raise StoreUnavailable(f"dynamodb write failed: {_reason(error)}") from error
        except BotoCoreError as error:
            raise StoreUnavailable(f"dynamodb write failed: {_reason(error)}") from error
        return version

    def delete(self, key: str) -> None:
        """Delete the user's item."""
        try:
            self.client.delete_item(TableName=self.table, Key={KEY: {"S": key}})
        except (BotoCoreError, ClientError) as error:
            raise StoreUnavailable(f"dynamodb delete failed: {_reason(error)}") from error

    def healthy(self) -> bool:
        """Whether the table answers right now."""
        try:
            self.client.describe_table(TableName=self.table)
        except (BotoCoreError, ClientError, StoreUnavailable):
            return False
        return True

    def create_table(self) -> None:
        """Create the table on demand (local runs and tests; infra/ creates it in AWS)."""
        try:
            self.client.create_table(
                TableName=self.table,
                KeySchema=[{"AttributeName": KEY, "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": KEY, "AttributeType": "S"}],
                BillingMode="PAY_PER_REQUEST",
            )
            self.client.get_waiter("table_exists").wait(
                TableName=self.table, WaiterConfig={"Delay": 1, "MaxAttempts": 30}
            )
        except ClientError as error:
            if _code(error) != "ResourceInUseException":
                raise StoreUnavailable(f"dynamodb create failed: {_reason(error)}") from error


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def _reason(error: Exception) -> str:
    if isinstance(error, ClientError):
        return _code(error) or type(error).__name__
    return type(error).__name__
