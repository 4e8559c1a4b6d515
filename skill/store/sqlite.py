"""The embedded store: one SQLite file, WAL mode, compare-and-swap writes on a version column.

A deletion must leave nothing readable: SQLite keeps deleted bytes in free space unless
`secure_delete` is on (set on every connection), and in the write-ahead log until a
checkpoint, so deleting a user also checkpoints the log and truncates it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from skill.coach.state import UserState
from skill.store import codec
from skill.store.base import Record, StoreUnavailable, VersionConflict

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    key     TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    state   TEXT NOT NULL
)
"""

# Errors after which a connection is no good even once the cause is fixed: SQLite opens a
# file it may not write read-only and keeps it so; a file that vanished or failed stays so.
# (Primary result codes: SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_CANTOPEN.)
_REOPEN_AFTER = {8, 10, 11, 14}


class SqliteStore:
    """Stores each user as one row; a write succeeds only if the version read is current.

    Each thread gets its own connection (SQLite connections are not shared across threads);
    a short busy timeout turns a locked file into StoreUnavailable instead of a hung request.
    No connection is opened on a file this process may not write: SQLite would open it
    read-only without saying so, and share that read-only view of the WAL's shared memory with
    every other connection in the process, so no write would succeed even after the file is
    fixed. A store on a read-only file answers StoreUnavailable until it is writable again.
    """

    def __init__(self, path: str | Path, busy_timeout: float = 2.0) -> None:
        self.path = Path(path)
        self._busy_timeout = busy_timeout
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._prepared = False

    def _connection(self) -> sqlite3.Connection:
        mine: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if mine is not None:
            return mine
        # Threads open their connections one at a time, and only the first sets the file up:
        # switching to WAL takes an exclusive lock that SQLite does not wait for, so threads
        # opening a fresh file together (a webservice's first requests) failed with "database
        # is locked". WAL mode is stored in the file; later connections need not set it.
        with self._lock:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._check_writable()
                connection = sqlite3.connect(
                    self.path,
                    timeout=self._busy_timeout,
                    isolation_level=None,
                    check_same_thread=False,
                )
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute("PRAGMA secure_delete=ON")
                if not self._prepared:
                    mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
                    if str(mode).lower() != "wal":
                        connection.execute("PRAGMA journal_mode=WAL")
                    connection.execute(_SCHEMA)
                    self._prepared = True
            except (sqlite3.Error, OSError) as error:
                raise StoreUnavailable(f"sqlite open failed: {error}") from error
            self._connections.append(connection)
        self._local.connection = connection
        return connection

    def _check_writable(self) -> None:
        """Refuse to open a database file (or its WAL files) this process may not write."""
        for name in ("", "-wal", "-shm"):
            file = self.path.with_name(self.path.name + name)
            if file.exists() and not os.access(file, os.W_OK, effective_ids=True):
                raise StoreUnavailable(f"sqlite open failed: {file.name} is read-only")

    @staticmethod
    def _reopens(error: sqlite3.Error) -> bool:
        code = getattr(error, "sqlite_errorcode", None)
        return isinstance(code, int) and code & 0xFF in _REOPEN_AFTER

    def _drop_connection(self) -> None:
        """Close this thread's connection; it opens a new one when it next needs it."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            return
        self._local.connection = None
        with self._lock:
            if connection in self._connections:
                self._connections.remove(connection)
        connection.close()

    def _unavailable(self, what: str, error: sqlite3.Error) -> StoreUnavailable:
        """The error to raise; a connection that cannot recover is dropped to be reopened."""
        if self._reopens(error):
            self._drop_connection()
        return StoreUnavailable(f"sqlite {what} failed: {error}")

    def load(self, key: str) -> Record | None:
        """The user's row, or None for a new user."""
        try:
            row = (
                self._connection()
                .execute("SELECT version, state FROM users WHERE key = ?", (key,))
                .fetchone()
            )
        except sqlite3.Error as error:
            raise self._unavailable("read", error) from error
        if row is None:
            return None
        return Record(codec.loads(row[1]), int(row[0]))

    def save(self, key: str, state: UserState, expected_version: int | None) -> int:
        """Insert a new row, or update it only where the version is still `expected_version`."""
        text = codec.dumps(state)
        try:
            if expected_version is None:
                self._write("INSERT INTO users (key, version, state) VALUES (?, 1, ?)", (key, text))
                return 1
            cursor = self._write(
                "UPDATE users SET version = version + 1, state = ? WHERE key = ? AND version = ?",
                (text, key, expected_version),
            )
        except sqlite3.IntegrityError as error:  # the row was created since it was read
            raise VersionConflict(key) from error
        except sqlite3.Error as error:
            raise self._unavailable("write", error) from error
        if cursor.rowcount != 1:
            raise VersionConflict(key)
        return expected_version + 1

    def delete(self, key: str) -> None:
        """Remove the user's row, and every copy of it in the write-ahead log."""
        try:
            self._write("DELETE FROM users WHERE key = ?", (key,))
            # Copies the log into the file (where secure_delete has zeroed the row) and
            # empties it. Busy readers can keep older frames; the next deletion retries.
            self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error as error:
            raise self._unavailable("delete", error) from error

    def _write(self, sql: str, parameters: tuple[object, ...]) -> sqlite3.Cursor:
        """Run one write; on a connection SQLite keeps read-only (or broken), reopen once.

        A connection that only read while the file was not writable is still read-only after
        the file is fixed, and would fail its first write; a fresh one succeeds.
        """
        try:
            return self._connection().execute(sql, parameters)
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as error:
            if not self._reopens(error):
                raise
            self._drop_connection()
            return self._connection().execute(sql, parameters)

    def healthy(self) -> bool:
        """Whether the file can be read right now."""
        try:
            self._connection().execute("SELECT 1 FROM users LIMIT 1").fetchall()
        except (sqlite3.Error, StoreUnavailable):
            return False
        return True

    def close(self) -> None:
        """Close every connection this store opened."""
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()
