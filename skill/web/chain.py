"""Alexa's signing certificate: download the chain, verify it to a trust store, cache the key.

Verifying a chain costs far more than checking one RSA signature, and Alexa signs every
request with the same few certificates, so a verified signing key is cached per chain URL
until the earliest expiry in its chain. Concurrent first requests for a URL wait for one
download instead of each starting their own.
"""

from __future__ import annotations

import ssl
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
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


class SignerCache:
    """Verified signing keys per canonical chain URL, safe to share between threads."""

    def __init__(
        self,
        trust_roots: Sequence[x509.Certificate],
        fetch: FetchChain,
        clock: Clock = utc_now,
        max_entries: int = 16,
    ) -> None:
        if not trust_roots:
            raise ValueError("at least one trust root is needed to verify Alexa's chain")
        self._store = Store(list(trust_roots))
        self._fetch = fetch
        self._clock = clock
        self._max_entries = max_entries
        self._signers: OrderedDict[str, Signer] = OrderedDict()
        self._lock = threading.Lock()  # guards the dict
        self._loading = threading.Lock()  # one download and verification at a time

    def signer(self, url: str) -> Signer:
        """The verified signer for a canonical chain URL: cached, or downloaded and verified."""
        if (cached := self._fresh(url)) is not None:
            return cached
        with self._loading:
            if (cached := self._fresh(url)) is not None:  # another thread loaded it meanwhile
                return cached
            signer = self._verify(self._fetch(url), self._clock())
            with self._lock:
                self._signers[url] = signer
                while len(self._signers) > self._max_entries:
                    self._signers.popitem(last=False)
            return signer

    def _fresh(self, url: str) -> Signer | None:
        with self._lock:
            signer = self._signers.get(url)
            if signer is not None and self._clock() >= signer.expires:
                del self._signers[url]  # expired: download again, the URL may hold a new chain
                return None
            return signer

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
