"""Runs the webservice on waitress, a production WSGI server, with the operator's guard rails.

Waitress is pure Python (no C build, runs the same on Linux, macOS, Windows and a Raspberry
Pi), serves from one process with a thread pool, so the cache of verified signing keys is
shared by every request, and buffers each request before the app sees it.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
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


def make_server(
    app: Flask, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, threads: int = DEFAULT_THREADS
) -> Any:
    """A waitress server for app, bound and ready to `run()` (port 0 picks a free port)."""
    return create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        # An outer backstop only: the app's own limit answers 413 with the usual JSON body.
        max_request_body_size=4 * MAX_BODY_BYTES,
        ident="kaizen-coach",
        clear_untrusted_proxy_headers=True,
    )


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
