"""Alexa's signing certificate: download the chain, verify it to a trust store, cache the key.

Verifying a chain costs far more than checking one RSA signature, and Alexa signs every
request with the same few certificates, so a verified signing key is cached per chain URL
until the earliest expiry in its chain.

Anyone can name a chain URL (the header is not signed), so downloads are bounded: concurrent
first requests for one URL wait for one download (single flight, per URL: downloads of
different URLs never wait for each other); a URL that failed is refused for a minute without
another download; at most a few downloads run at once, at most a few new URLs are tried per
minute, and only so many threads may wait on downloads at all. A request whose key is cached
takes one short lock and never waits behind any of this, and the threads left free serve it.
"""

from __future__ import annotations

import ssl
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

SIGNING_DOMAIN = "echo-api.amazon.com"

Clock = Callable[[], datetime]
FetchChain = Callable[[str], bytes]


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class ChainUnavailable(Exception):
    """The certificate chain could not be downloaded (network, status, size or time limit)."""


class ChainRejected(Exception):
    """The certificate chain was downloaded but is not a trusted Alexa signing chain."""


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect could lead away from the allowed URL, so none is followed."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class HttpsChainFetcher:
    """Downloads a chain with a whole-download deadline and a size limit, never redirected."""

    def __init__(
        self,
        timeout: float = 3.0,
        max_bytes: int = 64 * 1024,
        context: ssl.SSLContext | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._opener = urllib.request.build_opener(
            _RefuseRedirects(), urllib.request.HTTPSHandler(context=context)
        )

    def __call__(self, url: str) -> bytes:
        """The body at url, or ChainUnavailable. The timeout bounds the whole download."""
        deadline = time.monotonic() + self.timeout
        body = bytearray()
        try:
            with self._opener.open(url, timeout=self.timeout) as response:
                if response.status != 200:
                    raise ChainUnavailable(f"certificate chain download returned {response.status}")
                while chunk := response.read1(16 * 1024):
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise ChainUnavailable("certificate chain is larger than the size limit")
                    if time.monotonic() > deadline:
                        raise ChainUnavailable("certificate chain download timed out")
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise ChainUnavailable(f"certificate chain download failed: {error}") from error
        return bytes(body)


def system_trust_roots() -> list[x509.Certificate]:
    """The root CAs this machine trusts (the CA bundle OpenSSL would use)."""
    paths = ssl.get_default_verify_paths()
    for candidate in (paths.cafile, paths.openssl_cafile):
        if candidate and Path(candidate).is_file():
            return _load_bundle(Path(candidate).read_bytes())
    raise FileNotFoundError("no system CA bundle found; pass trust_roots explicitly")


def _load_bundle(data: bytes) -> list[x509.Certificate]:
    marker = b"-----END CERTIFICATE-----"
    roots = []
    with warnings.catch_warnings():
        # Some long-lived roots in distribution bundles have non-positive serial numbers;
        # cryptography warns about each at every start, which tells an operator nothing.
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        for block in data.split(marker)[:-1]:
            try:
                roots.append(x509.load_pem_x509_certificate(block + marker))
            except ValueError:
                continue  # one odd entry in a bundle must not disable every other root
    return roots


@dataclass(frozen=True)
class Signer:
    """A verified Alexa signing key and the moment its chain stops being valid."""

    public_key: RSAPublicKey
    expires: datetime


class _Flight:
    """One download of a chain URL in progress, and what it ended with."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.signer: Signer | None = None
        self.error: ChainUnavailable | ChainRejected | None = None


class SignerCache:
    """Verified signing keys per canonical chain URL, safe to share between threads.

    max_blocked caps the threads inside a download or waiting for one while a key is cached
    (None: no cap, for a cache no thread pool depends on); max_downloads caps those
    downloading; new_urls_per_minute caps the URLs never verified before that may be tried in
    any minute; a URL whose download or verification failed is refused for failure_ttl. Over
    a cap, the request is refused with ChainUnavailable at once.
    """

    def __init__(
        self,
        trust_roots: Sequence[x509.Certificate],
        fetch: FetchChain,
        clock: Clock = utc_now,
        max_entries: int = 16,
        *,
        max_blocked: int | None = None,
        max_downloads: int = 2,
        new_urls_per_minute: int = 10,
        failure_ttl: timedelta = timedelta(seconds=60),
        max_failures: int = 256,
    ) -> None:
        if not trust_roots:
            raise ValueError("at least one trust root is needed to verify Alexa's chain")
        self._store = Store(list(trust_roots))
        self._fetch = fetch
        self._clock = clock
        self._max_entries = max_entries
        self._max_blocked = max_blocked
        self._max_downloads = max_downloads
        self._new_urls_per_minute = new_urls_per_minute
        self._failure_ttl = failure_ttl
        self._max_failures = max_failures
        self._lock = threading.Lock()  # guards everything below; never held during a download
        # Verified signers, expired ones kept (LRU-bounded) so a URL that was good once is
        # downloaded again on expiry without counting as new.
        self._signers: OrderedDict[str, Signer] = OrderedDict()
        self._failures: OrderedDict[str, tuple[datetime, ChainUnavailable | ChainRejected]] = (
            OrderedDict()
        )
        self._flights: dict[str, _Flight] = {}
        self._new_url_times: deque[datetime] = deque()
        self._blocked = 0

    def signer(self, url: str) -> Signer:
        """The verified signer for a canonical chain URL: cached, or downloaded and verified.

        Raises ChainUnavailable or ChainRejected: for this download, a recent failure of the
        same URL, or a cap reached.
        """
        with self._lock:
            now = self._clock()
            found = self._signers.get(url)
            if found is not None and now < found.expires:
                self._signers.move_to_end(url)
                return found
            flight, leading = self._join_or_lead(url, found is not None, now)
        try:
            if leading:
                return self._download(url, flight)
            # The leader's fetch has its own deadline; this only guards against a fetcher
            # without one.
            flight.done.wait(timeout=30)
        finally:
            with self._lock:
                self._blocked -= 1
        if flight.signer is not None:
            return flight.signer
        raise flight.error or ChainUnavailable("certificate chain download did not finish")

    def _join_or_lead(self, url: str, known: bool, now: datetime) -> tuple[_Flight, bool]:
        """Under the lock: wait for the URL's download in flight, or start one, or refuse."""
        failed = self._failures.get(url)
        if failed is not None:
            if now < failed[0]:
                raise failed[1]
            del self._failures[url]
        if (
            self._max_blocked is not None
            and self._blocked >= self._max_blocked
            and any(now < signer.expires for signer in self._signers.values())
        ):
            # Capped only while some key is cached: then the threads left free serve the
            # requests signed with it. Before the first key (a server just started, or
            # Alexa's chain rotating) every request needs a download, so all may wait.
            raise ChainUnavailable("too many requests waiting for certificate chains")
        flight = self._flights.get(url)
        if flight is not None:
            self._blocked += 1
            return flight, False
        if len(self._flights) >= self._max_downloads:
            raise ChainUnavailable("too many certificate chain downloads at once")
        if not known:
            window_start = now - timedelta(minutes=1)
            while self._new_url_times and self._new_url_times[0] <= window_start:
                self._new_url_times.popleft()
            if len(self._new_url_times) >= self._new_urls_per_minute:
                raise ChainUnavailable("too many new certificate chain URLs this minute")
            self._new_url_times.append(now)
        flight = self._flights[url] = _Flight()
        self._blocked += 1
        return flight, True

    def _download(self, url: str, flight: _Flight) -> Signer:
        """Fetch and verify, outside the lock; then publish the outcome to every waiter."""
        try:
            signer = self._verify(self._fetch(url), self._clock())
        except (ChainUnavailable, ChainRejected) as error:
            flight.error = error
            with self._lock:
                self._failures[url] = (self._clock() + self._failure_ttl, error)
                while len(self._failures) > self._max_failures:
                    self._failures.popitem(last=False)
            raise
        except Exception as error:  # a fetcher's own bug must not leave waiters hanging
            flight.error = ChainUnavailable(f"certificate chain could not be loaded: {error!r}")
            raise
        else:
            flight.signer = signer
            with self._lock:
                self._signers[url] = signer
                self._signers.move_to_end(url)
                while len(self._signers) > self._max_entries:
                    self._signers.popitem(last=False)
            return signer
        finally:
            with self._lock:
                del self._flights[url]
            flight.done.set()

    def _verify(self, pem: bytes, now: datetime) -> Signer:
        try:
            leaf, *intermediates = x509.load_pem_x509_certificates(pem)
        except ValueError as error:
            raise ChainRejected("certificate chain is not PEM certificates") from error
        verifier = (
            PolicyBuilder()
            .store(self._store)
            .time(now)
            .build_server_verifier(x509.DNSName(SIGNING_DOMAIN))
        )
        try:
            path = verifier.verify(leaf, intermediates)
        except VerificationError as error:
            raise ChainRejected(f"certificate chain is not trusted: {error}") from error
        _require_digital_signature(leaf)
        key = leaf.public_key()
        if not isinstance(key, RSAPublicKey):
            raise ChainRejected("signing certificate does not hold an RSA key")
        return Signer(key, min(cert.not_valid_after_utc for cert in path))


def _require_digital_signature(leaf: x509.Certificate) -> None:
    try:
        usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return  # no KeyUsage extension means the key is not restricted
    if not usage.digital_signature:
        raise ChainRejected("signing certificate may not be used for digital signatures")
