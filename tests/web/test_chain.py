"""The signing-key cache and the chain download, against a real HTTP server on loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from skill.web.chain import (
    ChainRejected,
    ChainUnavailable,
    HttpsChainFetcher,
    SignerCache,
    system_trust_roots,
)
from tests.support.pki import CHAIN_URL, AlexaPki
from tests.web.conftest import ChainDownloads, SlowFetch


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def test_a_verified_key_is_reused_until_its_chain_expires(pki: AlexaPki) -> None:
    clock = Clock()
    downloads = ChainDownloads(pki.chains)
    cache = SignerCache(pki.trust_roots, downloads, clock)
    first = cache.signer(CHAIN_URL)
    assert cache.signer(CHAIN_URL) is first and downloads.count[CHAIN_URL] == 1
    clock.now = first.expires - timedelta(seconds=1)
    assert cache.signer(CHAIN_URL) is first and downloads.count[CHAIN_URL] == 1
    clock.now = first.expires + timedelta(seconds=1)
    with pytest.raises(ChainRejected):  # downloaded again, and now out of date
        cache.signer(CHAIN_URL)
    assert downloads.count[CHAIN_URL] == 2


def test_concurrent_first_requests_download_the_chain_once(pki: AlexaPki) -> None:
    downloads = ChainDownloads(pki.chains)

    def slow(url: str) -> bytes:
        time.sleep(0.2)  # long enough that every thread arrives while it is loading
        return downloads(url)

    cache = SignerCache(pki.trust_roots, slow)
    with ThreadPoolExecutor(max_workers=16) as pool:
        signers = list(pool.map(lambda _: cache.signer(CHAIN_URL), range(32)))
    assert downloads.count[CHAIN_URL] == 1
    assert len({id(signer) for signer in signers}) == 1


def test_the_cache_holds_a_bounded_number_of_chains(pki: AlexaPki) -> None:
    urls = [f"{CHAIN_URL}-{n}" for n in range(3)]
    downloads = ChainDownloads({url: pki.signer.chain_pem() for url in urls})
    cache = SignerCache(pki.trust_roots, downloads, max_entries=2)
    for url in [*urls, urls[0]]:
        cache.signer(url)
    assert downloads.count[urls[0]] == 2  # the oldest was evicted and fetched again
    assert downloads.count[urls[2]] == 1


def test_a_chain_that_is_not_pem_is_rejected(pki: AlexaPki) -> None:
    cache = SignerCache(pki.trust_roots, lambda url: b"<html>not a certificate</html>")
    with pytest.raises(ChainRejected):
        cache.signer(CHAIN_URL)


def test_the_machine_trust_store_loads() -> None:
    roots = system_trust_roots()
    assert len(roots) > 10  # a real CA bundle, not an empty file


# -- the download itself ---------------------------------------------------------------------

CHAIN = b"-----BEGIN CERTIFICATE-----\nnot checked here\n-----END CERTIFICATE-----\n"


class _S3StandIn(BaseHTTPRequestHandler):
    requested: list[str]
    stopping: threading.Event

    def do_GET(self) -> None:
        self.requested.append(self.path)
        if self.path == "/chain.pem":
            self._send(200, CHAIN)
        elif self.path == "/huge.pem":
            self._send(200, b"x" * (200 * 1024))
        elif self.path == "/redirect.pem":
            self.send_response(302)
            self.send_header("Location", "/chain.pem")
            self.end_headers()
        elif self.path == "/slow.pem":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(40):  # one byte every 0.1 s: each read is quick, the whole is not
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                if self.stopping.wait(0.1):
                    return
        else:
            self._send(404, b"<Error><Code>NoSuchKey</Code></Error>")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def s3() -> Iterator[tuple[str, list[str]]]:
    """A plain HTTP server on loopback serving chains, a huge file, a drip and a redirect."""
    requested: list[str] = []
    stopping = threading.Event()
    handler = type("Handler", (_S3StandIn,), {"requested": requested, "stopping": stopping})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = (
        False  # so server_close() waits for every handler: no thread outlives the test
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requested
    stopping.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_the_fetcher_returns_the_chain(s3: tuple[str, list[str]]) -> None:
    base, _ = s3
    assert HttpsChainFetcher()(f"{base}/chain.pem") == CHAIN


@pytest.mark.parametrize("path", ["/huge.pem", "/missing.pem", "/redirect.pem"])
def test_the_fetcher_refuses_oversized_missing_and_redirected_chains(
    s3: tuple[str, list[str]], path: str
) -> None:
    base, requested = s3
    with pytest.raises(ChainUnavailable):
        HttpsChainFetcher(max_bytes=64 * 1024)(f"{base}{path}")
    assert "/chain.pem" not in requested  # a redirect is never followed


def test_the_fetcher_gives_up_on_a_slow_download_at_its_deadline(
    s3: tuple[str, list[str]],
) -> None:
    base, _ = s3
    started = time.monotonic()
    with pytest.raises(ChainUnavailable):
        HttpsChainFetcher(timeout=0.5)(f"{base}/slow.pem")
    assert time.monotonic() - started < 2.0  # the drip would take 4 s


def test_the_fetcher_reports_a_server_that_is_not_there() -> None:
    with pytest.raises(ChainUnavailable):
        HttpsChainFetcher(timeout=1.0)("http://127.0.0.1:9/chain.pem")


# -- bounded downloads: what anyone naming chain URLs can make the cache do ---------------------


def fresh(n: int) -> str:
    return f"https://s3.amazonaws.com/echo.api/fresh-{n}.pem"


def test_a_url_that_failed_is_refused_without_downloading_again_for_a_minute(
    pki: AlexaPki,
) -> None:
    clock = Clock()
    downloads = ChainDownloads(pki.chains)
    cache = SignerCache(pki.trust_roots, downloads, clock)
    for _ in range(5):
        with pytest.raises(ChainUnavailable):
            cache.signer(fresh(1))
    assert downloads.count[fresh(1)] == 1
    clock.now += timedelta(seconds=61)
    with pytest.raises(ChainUnavailable):
        cache.signer(fresh(1))
    assert downloads.count[fresh(1)] == 2


def test_only_so_many_new_urls_are_tried_each_minute_and_known_ones_always_are(
    pki: AlexaPki,
) -> None:
    clock = Clock()
    downloads = ChainDownloads(pki.chains)
    cache = SignerCache(pki.trust_roots, downloads, clock, new_urls_per_minute=3)
    good = cache.signer(CHAIN_URL)  # one of the three
    for n in range(5):
        with pytest.raises(ChainUnavailable):
            cache.signer(fresh(n))
    assert sorted(downloads.count) == sorted([CHAIN_URL, fresh(0), fresh(1)])
    # Alexa's own chain expiring is downloaded again though the minute's budget is spent.
    clock.now = good.expires - timedelta(days=1)
    assert cache.signer(CHAIN_URL) is good
    clock.now = good.expires + timedelta(seconds=1)
    with pytest.raises(ChainRejected):  # downloaded again (and out of date by now)
        cache.signer(CHAIN_URL)
    assert downloads.count[CHAIN_URL] == 2
    clock.now += timedelta(minutes=1)
    with pytest.raises(ChainUnavailable):
        cache.signer(fresh(9))
    assert downloads.count[fresh(9)] == 1  # a new minute, a new budget


def test_downloads_of_different_urls_run_side_by_side_up_to_the_cap(pki: AlexaPki) -> None:
    slow = SlowFetch(pki.chains, delay=0.3)
    cache = SignerCache(pki.trust_roots, slow, max_downloads=2, new_urls_per_minute=100)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(lambda n: _outcome(cache, fresh(n)), range(6)))
    assert time.monotonic() - started < 0.6  # two at once, not one after another
    assert slow.most_at_once == 2
    assert outcomes.count("too many certificate chain downloads at once") == 4


def test_threads_waiting_on_downloads_are_capped_once_a_key_is_cached(
    pki: AlexaPki,
) -> None:
    slow = SlowFetch(pki.chains, delay=0.3)
    cache = SignerCache(pki.trust_roots, slow, max_blocked=3)
    cache.signer(CHAIN_URL)  # a key is cached: the threads left free serve its requests
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(lambda _: _outcome(cache, fresh(1)), range(8)))
    assert slow.downloads.count[fresh(1)] == 1
    assert outcomes.count("too many requests waiting for certificate chains") == 5
    assert outcomes.count("certificate chain download returned 404") == 3


def _outcome(cache: SignerCache, url: str) -> str:
    try:
        cache.signer(url)
    except (ChainUnavailable, ChainRejected) as error:
        return str(error)
    return "ok"


def test_before_any_key_is_cached_every_first_request_waits_for_the_download(
    pki: AlexaPki,
) -> None:
    downloads = ChainDownloads(pki.chains)

    def late(url: str) -> bytes:
        time.sleep(0.2)
        return downloads(url)

    cache = SignerCache(pki.trust_roots, late, max_blocked=2)
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(lambda _: _outcome(cache, CHAIN_URL), range(8)))
    assert outcomes == ["ok"] * 8 and downloads.count[CHAIN_URL] == 1
