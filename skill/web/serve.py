"""Runs the webservice on waitress, a production WSGI server, with the operator's guard rails.

Waitress is pure Python (no C build, runs the same on Linux, macOS, Windows and a Raspberry
Pi), serves from one process with a thread pool, so the cache of verified signing keys is
shared by every request, and buffers each request before the app sees it.

Its defaults suit a web site, not an endpoint that only Alexa calls with small bodies: 100
connections, each held for up to 120 s of silence, and no limit at all on how long a request
may take to arrive, so 100 clients trickling a byte now and then stopped new connections
(Alexa's included). `ServerLimits` holds a skill endpoint's settings; the request deadline is
not one of waitress's, so a channel class of ours enforces it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.server import create_server

from skill.net import is_loopback
from skill.web.app import MAX_BODY_BYTES

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_THREADS = 8


class UnsafeBinding(ValueError):
    """Verification is off on an address other machines can reach."""


def check_binding(host: str, verify: bool) -> None:
    """Refuse to serve unverified requests anywhere but loopback."""
    if not verify and not is_loopback(host):
        raise UnsafeBinding(
            f"--no-verify is for local testing only and cannot bind {host}; "
            "use 127.0.0.1 or ::1, or turn verification on"
        )


@dataclass(frozen=True)
class ServerLimits:
    """How many connections, and how long each may take, for an endpoint only Alexa calls.

    Alexa sends a few kilobytes from a fast network and gives up after 8 s, so a request that
    has not fully arrived within `request_deadline` of its first byte (or of the connection
    opening) is cut off, and so is a connection idle for `idle_timeout` between requests.
    A client can hold a connection for a few seconds at most, so trickling clients cannot
    keep the `connection_limit` full for long. Checked every `check_interval` seconds.
    """

    connection_limit: int = 256  # well below select()'s 1024 descriptors
    request_deadline: float = 3.0
    idle_timeout: int = 5
    check_interval: int = 1
    max_header_bytes: int = 16 * 1024  # Alexa's headers are well under 2 KiB


class _DeadlineChannel(HTTPChannel):
    """waitress's channel, closed when a request takes longer than the deadline to arrive."""

    request_deadline = ServerLimits.request_deadline

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._receiving_since: float | None = time.monotonic()  # the first request is due

    def received(self, data: bytes) -> bool:
        if self.request is None and self._receiving_since is None:
            self._receiving_since = time.monotonic()
        result: bool = super().received(data)
        if self.request is None:  # nothing partly received: the idle timeout applies now
            self._receiving_since = None
        return result

    def readable(self) -> bool:
        # Asked on every turn of waitress's loop (at least once a second), for every channel.
        since = self._receiving_since
        if since is not None and time.monotonic() - since > self.request_deadline:
            self.will_close = True  # the loop then closes it (writable() turns true)
        readable: bool = super().readable()
        return readable


def make_server(
    app: Flask,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    threads: int = DEFAULT_THREADS,
    limits: ServerLimits = ServerLimits(),  # frozen, so one shared default is safe
) -> Any:
    """A waitress server for app, bound and ready to `run()` (port 0 picks a free port)."""
    server = create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        # An outer backstop only: the app's own limit answers 413 with the usual JSON body.
        max_request_body_size=4 * MAX_BODY_BYTES,
        max_request_header_size=limits.max_header_bytes,
        connection_limit=limits.connection_limit,
        channel_timeout=limits.idle_timeout,
        cleanup_interval=limits.check_interval,
        asyncore_loop_timeout=limits.check_interval,
        ident="kaizen-coach",
        clear_untrusted_proxy_headers=True,
    )
    deadline = limits.request_deadline
    channel = type("Channel", (_DeadlineChannel,), {"request_deadline": deadline})
    for each in _listeners(server):
        each.channel_class = channel
    return server


def _listeners(server: Any) -> list[Any]:
    """The listening servers: the one server, or each of a multi-socket server's."""
    if hasattr(server, "channel_class"):
        return [server]
    return [each for each in server.map.values() if hasattr(each, "channel_class")]


def serve(
    app: Flask,
    host: str,
    port: int,
    *,
    verify: bool,
    skill_id: str | None,
    threads: int = DEFAULT_THREADS,
) -> None:
    """Serve app until interrupted, after the safety checks and the start-up warnings."""
    check_binding(host, verify)
    if not verify:
        log.warning(
            "request verification is OFF: anyone who can reach %s can talk as any user. "
            "Local testing only.",
            host,
        )
    elif not skill_id:
        log.warning(
            "no skill id set (--skill-id or KAIZEN_SKILL_ID): any Alexa skill pointed at this "
            "endpoint will be answered"
        )
    server = make_server(app, host, port, threads)
    log.info(
        "Kaizen Coach listening on http://%s:%s/ (verification %s)",
        host,
        server.effective_port,
        "on" if verify else "OFF",
    )
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
