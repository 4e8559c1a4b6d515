"""Webservice throughput and the cost of request verification.

Webservice throughput: the verified endpoint (signature, timestamp and skill id checked, a
SQLite store read and written per request) against a bare Flask endpoint that returns fixed
JSON, both on the same waitress server in their own process, driven by the same client in
this process, in alternating rounds; medians are reported. A test CA stands in for Amazon's
so requests are really signed; the chain is served from memory, as the cache does after its
one download in production.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import timeit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.serialization import Encoding

from scripts.bench import ROOT
from skill.chat import envelope as env
from tests.support.dynalite import free_port
from tests.support.pki import CHAIN_URL, AlexaPki

USERS = 200
CLIENT_THREADS = 4
# More signed requests a second than the verified endpoint answers on a small machine, so a
# round never runs out of fresh ones (each request id is answered once).
MOST_PER_SECOND = 1500
SLOW_S3_SECONDS = 2.0
BARE_REPLY = {
    "version": "1.0",
    "response": {
        "outputSpeech": {
            "type": "SSML",
            "ssml": "<speak>Your step today: a 5 minute walk.</speak>",
        },
        "shouldEndSession": True,
    },
}


# -- the two servers (each run in its own process) --------------------------------------------


def serve(kind: str, port: int, workdir: Path) -> None:
    """Run one benchmark server until killed."""
    from cryptography import x509
    from flask import Flask, jsonify

    from skill.app import KaizenSkill
    from skill.config import Settings
    from skill.store.sqlite import SqliteStore
    from skill.web.app import create_app
    from skill.web.chain import ChainUnavailable
    from skill.web.serve import make_server
    from skill.web.verifiers import alexa_verifiers

    if kind == "bare":
        app = Flask("bare")

        @app.post("/")
        def bare() -> Any:
            return jsonify(BARE_REPLY)

        @app.get("/healthz")
        def health() -> Any:
            return jsonify(status="ok")
    else:
        roots = x509.load_pem_x509_certificates((workdir / "root.pem").read_bytes())
        chain = (workdir / "chain.pem").read_bytes()

        def fetch(url: str) -> bytes:
            # As the cache's one download in production; in "slow-s3", any other URL takes
            # SLOW_S3_SECONDS and then fails, as a download timing out does.
            if url != CHAIN_URL and kind == "slow-s3":
                time.sleep(SLOW_S3_SECONDS)
                raise ChainUnavailable("certificate chain download timed out")
            return chain

        settings = Settings(
            store_url=f"sqlite://{workdir / 'kaizen.db'}", skill_id=env.DEFAULT_SKILL_ID
        )
        app = create_app(
            settings,
            skill=KaizenSkill(SqliteStore(workdir / "kaizen.db"), settings.skill_id),
            verifiers=[]
            if kind == "unverified"
            else alexa_verifiers(trust_roots=roots, fetch_chain=fetch),
        )
    make_server(app, "127.0.0.1", port).run()  # the same server settings as `kaizen serve`


@dataclass(frozen=True)
class Running:
    """A benchmark server: its port, and its process (whose CPU time can be read)."""

    port: int
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time of all the server's threads so far (Linux: nanoseconds, else ticks)."""
        tasks = Path(f"/proc/{self.pid}/task")
        try:
            return sum(int((t / "schedstat").read_text().split()[0]) for t in tasks.iterdir()) / 1e9
        except OSError:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def server(kind: str, workdir: Path) -> Iterator[Running]:
    """Run one benchmark server in its own process: bare, verified, unverified, slow-s3."""
    port = free_port()
    command = [sys.executable, "-m", __name__, kind, str(port), str(workdir)]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if post(port, "GET", "/healthz", b"", {})[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"{kind} server did not start")
        yield Running(port, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


# -- the client ---------------------------------------------------------------------------------


def post(
    port: int, method: str, path: str, body: bytes, headers: dict[str, str]
) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


Signed = list[tuple[bytes, dict[str, str]]]


def signed_requests(
    pki: AlexaPki, request: Callable[[], dict[str, Any]], count: int = USERS
) -> Signed:
    """`count` freshly stamped, really signed requests (each its own id), users in turn."""
    now = datetime.now(UTC)
    out = []
    for n in range(count):
        caller = env.Caller(user_id=f"amzn1.ask.account.bench-{n % USERS:04d}")
        envelope = env.envelope(caller, request(), timestamp=now, session_id=f"bench-{n}")
        out.append(pki.signer.signed(envelope))
    return out


def load(port: int, requests: Signed, seconds: float) -> float:
    """Requests per second over `seconds` (or until every request is used once, since the
    verified server refuses replays), from CLIENT_THREADS keep-alive connections."""
    counts = [0] * CLIENT_THREADS
    failures: list[int] = []
    deadline = time.perf_counter() + seconds
    next_request = iter(requests)
    taking = threading.Lock()

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.perf_counter() < deadline:
            with taking:
                signed = next(next_request, None)
            if signed is None:
                break
            body, headers = signed
            connection.request("POST", "/", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures.append(response.status)
            counts[index] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENT_THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"benchmark requests failed: {sorted(set(failures))}")
    return sum(counts) / elapsed


@dataclass
class Throughput:
    bare: list[float]
    verified: list[float]
    unverified: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.verified) / statistics.median(self.bare)

    @property
    def verification_share(self) -> float:
        return statistics.median(self.verified) / statistics.median(self.unverified)


def prepare(workdir: Path, pki: AlexaPki) -> Path:
    """A folder holding the test CA's root and chain for the servers, and their store."""
    (workdir / "root.pem").write_bytes(pki.trust_roots[0].public_bytes(Encoding.PEM))
    (workdir / "chain.pem").write_bytes(pki.signer.chain_pem())
    return workdir


def webservice_throughput(pki: AlexaPki, rounds: int, seconds: float) -> Throughput:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = prepare(Path(tmp), pki)
        result = Throughput([], [], [])
        with (
            server("bare", workdir) as bare,
            server("verified", workdir) as verified,
            server("unverified", workdir) as unverified,
        ):
            for body, headers in signed_requests(pki, _set_goal):  # every user has a goal
                if post(verified.port, "POST", "/", body, headers)[0] != 200:
                    raise RuntimeError("setting up the benchmark users failed")
            enough = int(MOST_PER_SECOND * seconds)
            for _ in range(rounds):
                # Fresh stamps and ids, signed outside the timing.
                step = signed_requests(pki, get_step, enough)
                result.bare.append(load(bare.port, step, seconds))
                result.verified.append(load(verified.port, step, seconds))
                result.unverified.append(load(unverified.port, step, seconds))
        return result


def _set_goal() -> dict[str, Any]:
    fill = env.SlotFill("walking", id="MOVE", type_name="GOAL_AREA")
    return env.intent_request("SetGoalIntent", {"area": fill})


def get_step() -> dict[str, Any]:
    return env.intent_request("GetStepIntent")


# -- the verification itself, in process ------------------------------------------------------


@dataclass
class VerificationCost:
    per_request_us: float
    chain_ms: float


def verification_cost(pki: AlexaPki) -> VerificationCost:
    from skill.web.chain import SignerCache
    from skill.web.verifiers import SignatureVerifier, TimestampVerifier

    body, headers = signed_requests(pki, get_step)[0]
    signature = SignatureVerifier(pki.trust_roots, fetch_chain=lambda url: pki.chains[url])
    stamp = TimestampVerifier()
    envelope = json.loads(body)  # the verifiers read the parsed JSON, never SDK objects
    text = body.decode()

    def check() -> None:
        signature.verify(headers, text, envelope)
        stamp.verify(headers, text, envelope)

    check()  # the one download and chain verification, then the cached key
    per_request = min(timeit.repeat(check, number=2000, repeat=5)) / 2000

    def cold() -> None:
        SignerCache(pki.trust_roots, lambda url: pki.chains[url]).signer(CHAIN_URL)

    chain = min(timeit.repeat(cold, number=50, repeat=5)) / 50
    return VerificationCost(per_request * 1e6, chain * 1e3)


def main(argv: list[str]) -> int:
    """`python -m scripts.bench.webservice KIND PORT WORKDIR`: one server, until killed."""
    kind, port, workdir = argv
    serve(kind, int(port), Path(workdir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
