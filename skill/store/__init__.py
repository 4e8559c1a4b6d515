"""State storage: the Store protocol, its SQLite and DynamoDB backends, and URL selection."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from skill.store.base import (
    Record,
    RecordDeleted,
    Store,
    StoreError,
    StoreUnavailable,
    VersionConflict,
    update,
    user_key,
)
from skill.store.codec import CorruptState

__all__ = [
    "CorruptState",
    "Record",
    "RecordDeleted",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "VersionConflict",
    "open_store",
    "update",
    "user_key",
]


def open_store(url: str) -> Store:
    """A store from a URL: `sqlite:///path/to.db` or `dynamodb://TABLE`.

    The DynamoDB client is only built on first use; its endpoint comes from boto3's own
    configuration (AWS_ENDPOINT_URL_DYNAMODB), so nothing here knows about dynalite.
    """
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = url[len("sqlite://") :]
        if not path or path == "/":
            raise ValueError(f"sqlite store needs a path: {url!r}")
        from skill.store.sqlite import SqliteStore

        return SqliteStore(Path(path))
    if parsed.scheme == "dynamodb":
        if not parsed.netloc:
            raise ValueError(f"dynamodb store needs a table name: {url!r}")
        from skill.store.dynamodb import DynamoStore

        return DynamoStore(parsed.netloc)
    raise ValueError(f"unknown store {url!r}: use sqlite:///path.db or dynamodb://TABLE")
