"""Checks that a webservice request really comes from Alexa, for this skill, just now.

Each check plugs into ask-sdk-webservice-support's AbstractVerifier and raises its
VerificationException with a reason for the operator's log. They are given the raw body and
the parsed JSON, never the SDK's objects, so a refused request costs no deserialising. A
verifier that can judge a request by its headers and raw bytes alone (`RawCheck`: the
signature) is asked first, before the body is even parsed, so a body Alexa did not sign costs
next to nothing whatever its shape: headers present and well formed, then the chain URL's
rules, then the key (cached) and one RSA verification over the bytes.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, runtime_checkable

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.hashes import SHA256

from skill.envelope import is_skill_event_type, raw_request_type, raw_timestamp
from skill.web.cert_url import CertUrlRejected, canonical_chain_url
from skill.web.chain import (
    ChainRejected,
    ChainUnavailable,
    Clock,
    FetchChain,
    HttpsChainFetcher,
    SignerCache,
    system_trust_roots,
    utc_now,
)
from skill.web.compat import AbstractVerifier, VerificationException

SIGNATURE_HEADER = "Signature-256"
CHAIN_URL_HEADER = "SignatureCertChainUrl"
REQUEST_TOLERANCE = timedelta(seconds=150)
SKILL_EVENT_TOLERANCE = timedelta(hours=1)
# Threads that may be inside a chain download or waiting for one: waitress's 8 (the
# webservice's default, skill/web/serve.py) less two that stay free for requests whose
# signing key is cached, whoever names slow or fresh chain URLs.
MAX_BLOCKED_ON_CHAINS = 6
# A base64 RSA signature of up to 8192 bits is 1,368 characters; anything longer is not one.
MAX_SIGNATURE_CHARS = 1368


@runtime_checkable
class RawCheck(Protocol):
    """A check that needs only the headers and the raw body, so it runs before parsing."""

    def verify_raw(self, headers: Mapping[str, Any], body: bytes) -> None:
        """Raise VerificationException unless the request passes."""


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    """A header by name, case-insensitively (Flask's headers are; a plain dict is not)."""
    value = headers.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in headers.items() if k.lower() == lowered), None)
    return value if isinstance(value, str) and value else None


class SignatureVerifier(AbstractVerifier):
    """Signature-256 over the exact raw body, by a signer whose chain Alexa's rules accept."""

    def __init__(
        self,
        trust_roots: Sequence[x509.Certificate] | None = None,
        fetch_chain: FetchChain | None = None,
        clock: Clock = utc_now,
    ) -> None:
        """Trust roots default to the system CA bundle; the fetcher to HTTPS with limits."""
        roots = system_trust_roots() if trust_roots is None else trust_roots
        self.signers = SignerCache(
            roots,
            fetch_chain or HttpsChainFetcher(),
            clock,
            max_blocked=MAX_BLOCKED_ON_CHAINS,
        )

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str | bytes,
        deserialized_request_env: Any,
    ) -> None:
        """Raise VerificationException unless Alexa signed exactly this body."""
        body = (
            serialized_request_env.encode("utf-8")
            if isinstance(serialized_request_env, str)
            else serialized_request_env
        )
        self.verify_raw(headers, body)

    def verify_raw(self, headers: Mapping[str, Any], body: bytes) -> None:
        """As `verify`, on the raw bytes: the webservice calls this before parsing the body."""
        signature, url = self._signature_and_url(headers)
        try:
            signer = self.signers.signer(url)
        except (ChainUnavailable, ChainRejected) as error:
            raise VerificationException(str(error)) from error
        try:
            signer.public_key.verify(signature, body, PKCS1v15(), SHA256())
        except InvalidSignature as error:
            raise VerificationException("signature does not match the request body") from error

    @staticmethod
    def _signature_and_url(headers: Mapping[str, Any]) -> tuple[bytes, str]:
        """The decoded signature and the canonical chain URL, by Alexa's rules."""
        encoded = _header(headers, SIGNATURE_HEADER)
        chain_url = _header(headers, CHAIN_URL_HEADER)
        if encoded is None or chain_url is None:
            raise VerificationException(f"missing {SIGNATURE_HEADER} or {CHAIN_URL_HEADER} header")
        if len(encoded) > MAX_SIGNATURE_CHARS:
            raise VerificationException(f"{SIGNATURE_HEADER} is too long to be a signature")
        try:
            url = canonical_chain_url(chain_url)
            signature = base64.b64decode(encoded, validate=True)
        except CertUrlRejected as error:
            raise VerificationException(str(error)) from error
        except (binascii.Error, ValueError) as error:
            raise VerificationException(f"{SIGNATURE_HEADER} is not valid base64") from error
        return signature, url


class TimestampVerifier(AbstractVerifier):
    """The request was made just now: 150 seconds either way, an hour for skill events.

    The timestamp is read from the raw JSON and must be ISO 8601, as Alexa sends it; anything
    else is refused without trying a lenient (and slow) parser.
    """

    def __init__(self, clock: Clock = utc_now) -> None:
        self.clock = clock

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str | bytes,
        deserialized_request_env: Any,
    ) -> None:
        """Raise VerificationException for a missing, malformed, stale or future timestamp."""
        raw = raw_timestamp(deserialized_request_env)
        if raw is None:
            raise VerificationException("request has no timestamp")
        try:
            stamp = datetime.fromisoformat(raw)
        except ValueError as error:
            raise VerificationException("timestamp is not ISO 8601") from error
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        kind = raw_request_type(deserialized_request_env)
        tolerance = SKILL_EVENT_TOLERANCE if is_skill_event_type(kind) else REQUEST_TOLERANCE
        drift = self.clock() - stamp
        if abs(drift) > tolerance:
            raise VerificationException(
                f"timestamp is {drift.total_seconds():.0f}s from now "
                f"(tolerance {tolerance.total_seconds():.0f}s)"
            )


def alexa_verifiers(
    *,
    verify_signature: bool = True,
    trust_roots: Sequence[x509.Certificate] | None = None,
    fetch_chain: FetchChain | None = None,
    clock: Clock = utc_now,
) -> list[AbstractVerifier]:
    """Every check a request must pass (the webservice runs any RawCheck before parsing).

    verify_signature=False drops the signature and timestamp checks (local testing only).
    The skill id is not among them: `KaizenSkill.admit` holds that rule for every path.
    """
    if not verify_signature:
        return []
    return [TimestampVerifier(clock), SignatureVerifier(trust_roots, fetch_chain, clock)]
