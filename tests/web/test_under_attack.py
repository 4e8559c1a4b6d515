"""Signed requests keep their latency while others attack the endpoint, each attack bounded in
connections and time: on loopback, a real waitress server, real signatures."""

from __future__ import annotations

import base64
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from skill.chat import envelope as env
from skill.store.sqlite import SqliteStore
from skill.web.serve import ServerLimits
from tests.support.pki import AlexaPki
from tests.web.conftest import (
    ChainDownloads,
    SlowFetch,
    Web,
    complete_step,
    envelope_for,
    serve,
    verifying_app,
)

ATTACKERS = 16
SECONDS = 2.0


@pytest.fixture
def slow_s3_web(pki: AlexaPki, sqlite_store: SqliteStore) -> Iterator[tuple[Web, SlowFetch]]:
    """The verifying webservice whose unknown chain URLs take 2 s and then fail."""
    slow = SlowFetch(pki.chains, delay=2.0)
    app = verifying_app(pki, sqlite_store, slow)  # type: ignore[arg-type]
    for web in serve(app, sqlite_store, slow.downloads, pki.signer):
        yield web, slow


def signed_latencies(web: Web, attack: Callable[[Web, int], None]) -> list[float]:
    """Seconds per signed request, one after another, while ATTACKERS run `attack`."""
    user = web.new_user()
    assert web.send(envelope_for(user, env.launch_request())).status == 200  # key cached
    stop = time.monotonic() + SECONDS
    latencies: list[float] = []

    def attacker(n: int) -> None:
        while time.monotonic() < stop:
            attack(web, n)

    with ThreadPoolExecutor(max_workers=ATTACKERS) as pool:
        running = [pool.submit(attacker, n) for n in range(ATTACKERS)]
        time.sleep(0.2)  # the attack is under way
        while time.monotonic() < stop:
            started = time.monotonic()
            reply = web.send(envelope_for(user, env.intent_request("GetStepIntent")))
            latencies.append(time.monotonic() - started)
            assert reply.status == 200
        for each in running:
            each.result()
    return sorted(latencies)


def junk_signed(web: Web, url: str) -> None:
    body = b'{"request": {"type": "LaunchRequest"}}'
    signature = base64.b64encode(os.urandom(256)).decode()
    headers = {
        "Content-Type": "application/json",
        "Signature-256": signature,
        "SignatureCertChainUrl": url,
    }
    assert 400 <= web.post(body, headers).status < 500


def fresh_urls(web: Web, n: int) -> None:
    junk_signed(web, f"https://s3.amazonaws.com/echo.api/{uuid.uuid4()}.pem")


SHARED_URL = f"https://s3.amazonaws.com/echo.api/{uuid.uuid4()}.pem"


def one_slow_url(web: Web, n: int) -> None:
    junk_signed(web, SHARED_URL)


@pytest.mark.parametrize(
    "attack", [fresh_urls, one_slow_url], ids=["a fresh chain URL each", "one slow chain URL"]
)
def test_cached_signed_requests_keep_their_latency_while_others_name_slow_chain_urls(
    slow_s3_web: tuple[Web, SlowFetch], attack: Callable[[Web, int], None]
) -> None:
    web, slow = slow_s3_web
    latencies = signed_latencies(web, attack)
    median, worst = latencies[len(latencies) // 2], latencies[-1]
    print(f"signed requests under attack: median {median * 1e3:.0f} ms, worst {worst * 1e3:.0f} ms")
    assert median < 0.1 and worst < 1.0, f"median {median:.3f} s, worst {worst:.3f} s"
    assert slow.most_at_once <= 2
    unknown = [url for url in slow.downloads.count if url not in slow.downloads.chains]
    assert len(unknown) <= 10  # new URLs tried in the minute
    assert all(slow.downloads.count[url] == 1 for url in unknown)  # failures are remembered


# -- slow clients ---------------------------------------------------------------------------

TIGHT = ServerLimits(connection_limit=16, request_deadline=0.5, idle_timeout=1)
HEAD = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"


def trickle(web: Web, how: str, stop: threading.Event) -> None:
    """Hold a connection with a request that never finishes arriving; reconnect when cut."""
    while not stop.is_set():
        try:
            with socket.create_connection((web.host, web.port), timeout=5) as sock:
                if how == "a body":
                    sock.sendall(HEAD + b"Content-Length: 100000\r\n\r\n")
                elif how == "headers":
                    sock.sendall(HEAD)
                while not stop.wait(0.1):
                    if how != "nothing":
                        sock.sendall(b"x" if how == "a body" else b"X-Slow: 1\r\n")
                    elif sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
                        break  # closed by the server
        except BlockingIOError:
            continue
        except OSError:
            continue


@pytest.mark.parametrize("how", ["a body", "headers", "nothing"])
def test_slow_clients_filling_every_connection_cannot_starve_a_signed_request(
    pki: AlexaPki, sqlite_store: SqliteStore, how: str
) -> None:
    downloads = ChainDownloads(pki.chains)
    app = verifying_app(pki, sqlite_store, downloads)
    for web in serve(app, sqlite_store, downloads, pki.signer, TIGHT):
        user = web.new_user()
        assert web.send(envelope_for(user, env.launch_request())).status == 200
        stop = threading.Event()
        clients = [
            threading.Thread(target=trickle, args=(web, how, stop))
            for _ in range(TIGHT.connection_limit)
        ]
        for client in clients:
            client.start()
        try:
            time.sleep(0.3)  # every connection is taken
            started = time.monotonic()
            reply = web.send(envelope_for(user, env.intent_request("GetStepIntent")))
            waited = time.monotonic() - started
        finally:
            stop.set()
            for client in clients:
                client.join(timeout=10)
        print(f"signed request behind slow clients sending {how}: {waited * 1e3:.0f} ms")
        assert reply.status == 200
        assert waited < 2.0  # the deadline, one turn of the server loop, and a margin


# -- replays --------------------------------------------------------------------------------


def test_a_captured_signed_request_sent_again_is_refused_and_counts_once(web: Web) -> None:
    user = web.new_user()
    assert web.send(envelope_for(user, env.intent_request("SetGoalIntent"))).status == 200
    captured = web.signer.signed(envelope_for(user, complete_step()))
    assert web.post(*captured).status == 200
    before = web.record(user)
    replayed = web.post(*captured)
    assert replayed.status == 400 and replayed.json() == {"error": "bad request"}
    assert web.record(user) == before


def test_a_captured_skill_disabled_replayed_within_the_hour_deletes_nothing(web: Web) -> None:
    user = web.new_user()
    assert web.send(envelope_for(user, env.launch_request())).status == 200
    disabled = web.signer.signed(envelope_for(user, env.skill_event("SkillDisabled")))
    assert web.post(*disabled).status == 200
    assert web.record(user) is None
    # The person comes back and starts again; the captured event is sent once more.
    assert web.send(envelope_for(user, env.launch_request())).status == 200
    assert web.send(envelope_for(user, complete_step())).status == 200
    kept = web.record(user)
    assert kept is not None
    assert web.post(*disabled).status == 400
    assert web.record(user) == kept
