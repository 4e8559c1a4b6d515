"""Hostile traffic: what refusing a hostile body costs, and signed requests' latency under attack.

Both against the verified webservice in its own process, as `kaizen serve` runs it (waitress
and its limits, the verifiers, a SQLite store), whose chain fetcher serves the test chain at
once and takes SLOW_S3_SECONDS on any other URL and then fails, as a download timing out
does. Every attack is bounded: ATTACKERS connections from this process, for a few seconds.

- Refusal cost: the server's CPU time (all its threads) per hostile body of up to the size
  limit, sent unsigned and with well-formed junk signature headers, beside two baselines in
  the same run: the stock SDK path, which deserialised the body before any verifier ran
  (timed in this process), and one genuine signed turn on the same server.
- Latency: signed GetStepIntent requests one after another, with no attack and under each.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from functools import partial

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope

from scripts.bench import median, percentile
from scripts.bench.webservice import Running, Signed, get_step, post, signed_requests
from tests.support.hostile import HOSTILE, junk_signature_headers
from tests.support.pki import AlexaPki

ATTACKERS = 16
SLOW_CLIENTS = 300  # more than the server's connection limit (256)
UNSIGNED = {"Content-Type": "application/json"}


@dataclass
class RefusalCost:
    """Milliseconds of CPU per request, by hostile body."""

    unsigned: dict[str, float] = field(default_factory=dict)
    junk_signed: dict[str, float] = field(default_factory=dict)
    stock_sdk: dict[str, float] = field(default_factory=dict)
    genuine_turn: float = 0.0

    @property
    def worst(self) -> float:
        return max([*self.unsigned.values(), *self.junk_signed.values()])


def _server_cpu_ms(server: Running, send: Callable[[], None], count: int) -> float:
    before = server.cpu_seconds()
    for _ in range(count):
        send()
    return (server.cpu_seconds() - before) / count * 1000


def _refused(server: Running, body: bytes, headers: dict[str, str]) -> None:
    status, _ = post(server.port, "POST", "/", body, headers)
    if not 400 <= status < 500:
        raise RuntimeError(f"a hostile body was answered with {status}")


def refusal_cost(server: Running, pki: AlexaPki, count: int, rounds: int) -> RefusalCost:
    """Server CPU per refused hostile body (median of rounds), beside both baselines."""
    cost = RefusalCost()
    for name, build in HOSTILE.items():
        body = build()
        unsigned, junk = [], []
        for _ in range(rounds):
            send = partial(_refused, server, body, UNSIGNED)
            unsigned.append(_server_cpu_ms(server, send, count))
            send = partial(_refused, server, body, junk_signature_headers())
            junk.append(_server_cpu_ms(server, send, count))
        cost.unsigned[name], cost.junk_signed[name] = median(unsigned), median(junk)
        started = time.process_time()
        with suppress(Exception):  # the stock handler refused it too, after paying for it
            DefaultSerializer().deserialize(body.decode(), RequestEnvelope)
        cost.stock_sdk[name] = (time.process_time() - started) * 1000
    genuine = iter(signed_requests(pki, get_step, count * rounds))

    def turn() -> None:
        if post(server.port, "POST", "/", *next(genuine))[0] != 200:
            raise RuntimeError("a genuine request was refused")

    cost.genuine_turn = median([_server_cpu_ms(server, turn, count) for _ in range(rounds)])
    return cost


# -- attacks --------------------------------------------------------------------------------


_BODIES: list[bytes] = []  # built once, on first use: building is not the attack's cost


def _hostile_body(n: int) -> bytes:
    if not _BODIES:
        _BODIES.extend(build() for build in HOSTILE.values())
    return _BODIES[n % len(_BODIES)]


def _hostile_bodies(server: Running, n: int) -> None:
    _refused(server, _hostile_body(n), UNSIGNED)


def _junk_signed_bodies(server: Running, n: int) -> None:
    _refused(server, _hostile_body(n), junk_signature_headers())


def _junk(url: str) -> dict[str, str]:
    return {**junk_signature_headers(), "SignatureCertChainUrl": url}


def _fresh_chain_urls(server: Running, n: int) -> None:
    url = f"https://s3.amazonaws.com/echo.api/{uuid.uuid4()}.pem"
    _refused(server, b'{"request": {}}', _junk(url))


SLOW_URL = f"https://s3.amazonaws.com/echo.api/{uuid.uuid4()}.pem"


def _one_slow_chain_url(server: Running, n: int) -> None:
    _refused(server, b'{"request": {}}', _junk(SLOW_URL))


Attack = Callable[[Running, int], None]
ATTACKS: dict[str, Attack | None] = {
    "none (baseline)": None,
    "hostile bodies, unsigned": _hostile_bodies,
    "hostile bodies, junk signatures": _junk_signed_bodies,
    "a fresh chain URL per request": _fresh_chain_urls,
    "one slow chain URL": _one_slow_chain_url,
    "replays of a captured request": None,  # built around the captured request
}
SLOW_CLIENTS_ATTACK = f"{SLOW_CLIENTS} slow clients trickling bodies"


def _trickle(server: Running, stop: threading.Event) -> None:
    """SLOW_CLIENTS connections, each sending a request head and then a byte now and then;
    a connection the server cuts is opened again."""
    head = (
        b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100000\r\n\r\n"
    )
    socks: list[socket.socket | None] = [None] * SLOW_CLIENTS
    while not stop.wait(0.2):
        for index, sock in enumerate(socks):
            try:
                if sock is None:
                    sock = socket.create_connection(("127.0.0.1", server.port), timeout=0.05)
                    sock.sendall(head)
                    socks[index] = sock
                sock.sendall(b" ")
            except OSError:
                if sock is not None:
                    sock.close()
                socks[index] = None
    for sock in socks:
        if sock is not None:
            sock.close()


def signed_latency(server: Running, pki: AlexaPki, seconds: float) -> dict[str, list[float]]:
    """Milliseconds per signed request, one after another, with no attack and under each."""
    captured = signed_requests(pki, get_step, 1)[0]
    post(server.port, "POST", "/", *captured)  # answered once: from now on a replay

    def replays(server: Running, n: int) -> None:
        _refused(server, *captured)

    results: dict[str, list[float]] = {}
    attacks = {**ATTACKS, "replays of a captured request": replays, SLOW_CLIENTS_ATTACK: None}
    for name, attack in attacks.items():
        requests = signed_requests(pki, get_step, 4000)
        stop = threading.Event()
        with ExitStack() as running:
            threads = []
            if attack is not None:
                for n in range(ATTACKERS):
                    args = (server, attack, n, stop)
                    threads.append(threading.Thread(target=_attacker, args=args))
            elif name == SLOW_CLIENTS_ATTACK:
                threads.append(threading.Thread(target=_trickle, args=(server, stop)))
            for thread in threads:
                thread.start()
            running.callback(_join, threads)
            running.callback(stop.set)
            time.sleep(0.5 if threads else 0)  # the attack is under way
            results[name] = _timed(server, requests, seconds)
    return results


def _attacker(server: Running, attack: Attack, n: int, stop: threading.Event) -> None:
    while not stop.is_set():
        with suppress(OSError):  # a refused or cut connection is part of an attack
            attack(server, n)


def _join(threads: list[threading.Thread]) -> None:
    for thread in threads:
        thread.join(timeout=30)


def _timed(server: Running, requests: Signed, seconds: float) -> list[float]:
    latencies = []
    deadline = time.perf_counter() + seconds
    for body, headers in requests:
        if time.perf_counter() > deadline:
            break
        started = time.perf_counter()
        status, _ = post(server.port, "POST", "/", body, headers)
        latencies.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"a signed request got {status} under attack")
    return latencies


def summary(latencies: list[float]) -> tuple[float, float, float]:
    """(p50, p99, worst) in milliseconds."""
    return percentile(latencies, 0.5), percentile(latencies, 0.99), max(latencies)
