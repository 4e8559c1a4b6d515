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
import heapq
import threading
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, runtime_checkable

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.hashes import SHA256

from skill.envelope import is_skill_event_type, raw_request_id, raw_request_type, raw_timestamp
from skill.observe import Outcome, RequestRecord
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


def _window(event: Any) -> tuple[datetime, timedelta]:
    """When the request says it was made, and how far from now that may be."""
    raw = raw_timestamp(event)
    if raw is None:
        raise VerificationException("request has no timestamp")
    try:
        stamp = datetime.fromisoformat(raw)
    except ValueError as error:
        raise VerificationException("timestamp is not ISO 8601") from error
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    kind = raw_request_type(event)
    return stamp, SKILL_EVENT_TOLERANCE if is_skill_event_type(kind) else REQUEST_TOLERANCE


class _EnvelopeCheck(AbstractVerifier):
    """A check that needs only the parsed envelope (the slot's other arguments go unused)."""

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str | bytes,
        deserialized_request_env: Any,
    ) -> None:
        """Raise VerificationException unless the envelope passes `check`."""
        self.check(deserialized_request_env)

    def check(self, event: Any) -> None:
        """Raise VerificationException unless the parsed envelope passes."""
        raise NotImplementedError


class TimestampVerifier(_EnvelopeCheck):
    """The request was made just now: 150 seconds either way, an hour for skill events.

    The timestamp is read from the raw JSON and must be ISO 8601, as Alexa sends it; anything
    else is refused without trying a lenient (and slow) parser.
    """

    def __init__(self, clock: Clock = utc_now) -> None:
        self.clock = clock

    def check(self, event: Any) -> None:
        """Raise VerificationException for a missing, malformed, stale or future timestamp."""
        stamp, tolerance = _window(event)
        drift = self.clock() - stamp
        if abs(drift) > tolerance:
            raise VerificationException(
                f"timestamp is {drift.total_seconds():.0f}s from now "
                f"(tolerance {tolerance.total_seconds():.0f}s)"
            )


class ReplayVerifier(_EnvelopeCheck):
    """Each request id is answered once: a captured signed request sent again is refused.

    The signature scheme lets anyone who captured a request replay it while its timestamp is
    in the window (150 s; skill events an hour, so a captured SkillDisabled could delete a
    returning user's new progress). Ids are kept until their request's window closes, at
    most `max_ids` of them in this process (the soonest to close are forgotten first); a
    deployment with several processes shares no memory, so each refuses only its own replays.
    Runs after the signature check, so only requests Alexa signed are remembered.
    """

    def __init__(self, clock: Clock = utc_now, max_ids: int = 100_000) -> None:
        self.clock = clock
        self.max_ids = max_ids
        self._until: dict[str, datetime] = {}
        self._closing: list[tuple[datetime, str]] = []  # a heap: soonest to close first
        self._lock = threading.Lock()

    def check(self, event: Any) -> None:
        """Raise VerificationException for a request id seen in its window already."""
        request_id = raw_request_id(event)
        if request_id is None:
            raise VerificationException("request has no requestId")
        stamp, tolerance = _window(event)
        closes = stamp + tolerance
        now = self.clock()
        with self._lock:
            while self._closing and (
                self._closing[0][0] <= now or len(self._until) >= self.max_ids
            ):
                when, old = heapq.heappop(self._closing)
                if self._until.get(old) == when:
                    del self._until[old]
            if request_id in self._until:
                raise VerificationException("request id seen before: a replay")
            self._until[request_id] = closes
            heapq.heappush(self._closing, (closes, request_id))

    def forget_unapplied(self, record: RequestRecord) -> None:
        """Forget a request the store could not apply (observes the skill's RequestLog), so
        it may come again: Alexa retrying a skill event, a person repeating a turn."""
        if record.outcome is Outcome.STORE_UNAVAILABLE and record.request_id is not None:
            with self._lock:
                self._until.pop(record.request_id, None)


def alexa_verifiers(
    *,
    verify_signature: bool = True,
    trust_roots: Sequence[x509.Certificate] | None = None,
    fetch_chain: FetchChain | None = None,
    clock: Clock = utc_now,
) -> list[AbstractVerifier]:
    """Every check a request must pass (the webservice runs any RawCheck before parsing).

    verify_signature=False drops the signature, timestamp and replay checks (local testing
    only).
    The skill id is not among them: `KaizenSkill.admit` holds that rule for every path.
    """
    if not verify_signature:
        return []
    return [
        TimestampVerifier(clock),
        SignatureVerifier(trust_roots, fetch_chain, clock),
        ReplayVerifier(clock),
    ]
