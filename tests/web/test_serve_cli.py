"""`kaizen serve` as an operator runs it: a real process, a real port, real refusals."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from skill.chat import envelope as env
from tests.web.conftest import envelope_for


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def kaizen(*args: str) -> list[str]:
    return [sys.executable, "-m", "skill.cli", *args]


@pytest.mark.parametrize(
    "host",
    [
        "0.0.0.0",  # noqa: S104 (the refusal is the point)
        "192.168.1.20",
        "::",
        "coach.example.com",
    ],
)
def test_no_verify_is_refused_on_an_address_others_can_reach(host: str) -> None:
    result = subprocess.run(
        kaizen("serve", "--no-verify", "--host", host),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "local testing only" in result.stderr


@contextmanager
def serving(tmp_path: Path, *args: str) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    port = free_port()
    command = kaizen("serve", "--port", str(port), "--store", f"sqlite://{tmp_path}/k.db", *args)
    # The context manager closes the stderr pipe, so no file descriptor outlives the test.
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as process:
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if call(port, "GET", "/healthz")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            else:
                pytest.fail("kaizen serve did not start")
            yield port, process
        finally:
            process.terminate()
            process.wait(timeout=10)


def call(port: int, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        headers = {"Content-Type": "application/json"}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def launch_body() -> bytes:
    return json.dumps(envelope_for("amzn1.ask.account.serve-test", env.launch_request())).encode()


def test_serve_verifies_by_default_and_refuses_an_unsigned_request(tmp_path: Path) -> None:
    with serving(tmp_path, "--skill-id", env.DEFAULT_SKILL_ID) as (port, _):
        assert call(port, "POST", "/", launch_body())[0] == 400


def test_no_verify_on_loopback_answers_unsigned_requests_and_warns(tmp_path: Path) -> None:
    with serving(tmp_path, "--no-verify", "--host", "127.0.0.1") as (port, process):
        status, body = call(port, "POST", "/", launch_body())
        assert status == 200 and "moving" in json.loads(body)["response"]["outputSpeech"]["ssml"]
        process.terminate()
        assert process.stderr is not None
        assert "verification is OFF" in process.stderr.read()


def test_no_verify_answers_only_requests_addressed_to_this_machine(tmp_path: Path) -> None:
    # A web page on another site can reach 127.0.0.1 through a name it points there (DNS
    # rebinding); the browser then sends that name as the Host.
    with serving(tmp_path, "--no-verify", "--host", "127.0.0.1") as (port, _):
        for host, status in [
            ("attacker.example", 400),
            (f"attacker.example:{port}", 400),
            (f"127.0.0.1:{port}", 200),
            (f"localhost:{port}", 200),
        ]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                connection.request(
                    "POST",
                    "/",
                    body=launch_body(),
                    headers={"Host": host, "Content-Type": "application/json"},
                )
                assert connection.getresponse().status == status, host
            finally:
                connection.close()
