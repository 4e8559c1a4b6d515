"""Runs a command with dynalite on a free loopback port and a temporary --path, then stops it.

    python -m tests.support.dynalite DYNALITE -- COMMAND...

`make test` and `make bench` use it so the DynamoDB half always has a real DynamoDB-API
server; the server is stopped however the command ends. Tests that need a private server of
their own (to kill it mid-run) use `start` and `stop`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time

from tests.support.dynamodb import ENDPOINT_VARIABLE


def free_port() -> int:
    """A port on loopback that nothing is listening on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(port: int, seconds: float = 15.0) -> None:
    """Block until the port accepts connections."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"dynalite did not start on port {port}")


def start(dynalite: str, port: int, data: str) -> subprocess.Popen[bytes]:
    """dynalite on loopback at `port`, keeping its tables in `data`; returns once it listens."""
    server = subprocess.Popen(
        [
            dynalite,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--path",
            data,
            "--createTableMs",
            "0",
            "--deleteTableMs",
            "0",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
    except BaseException:
        stop(server)
        raise
    return server


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop a server started by `start`, forcefully if it does not go in time."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def main(argv: list[str]) -> int:
    """`python -m tests.support.dynalite DYNALITE -- COMMAND...`"""
    dynalite, separator, *command = argv
    if separator != "--" or not command:
        raise SystemExit("usage: python -m tests.support.dynalite DYNALITE -- COMMAND...")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="dynalite-") as data:
        server = start(dynalite, port, data)
        try:
            env = {
                **os.environ,
                ENDPOINT_VARIABLE: f"http://127.0.0.1:{port}",
                # The fault tests start (and stop) a private one of their own.
                "KAIZEN_TEST_DYNALITE": os.path.abspath(dynalite),
            }
            return subprocess.call(command, env=env)
        finally:
            stop(server)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
