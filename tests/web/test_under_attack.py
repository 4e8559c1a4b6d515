"""Signed requests keep their latency while others attack the endpoint, each attack bounded in
connections and time: on loopback, a real waitress server, real signatures."""

from __future__ import annotations

import base64
import os
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from skill.chat import envelope as env
from skill.store.sqlite import SqliteStore
from tests.support.pki import AlexaPki
from tests.web.conftest import SlowFetch, Web, envelope_for, serve, verifying_app

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
