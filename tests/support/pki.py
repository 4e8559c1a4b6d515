"""A test certificate authority that signs requests the way Alexa does (Signature-256).

Made fresh in each test session: a root, an intermediate and signing leaves (the good one
with SAN echo-api.amazon.com and digitalSignature key usage, and the faulty variants the
tests need), so no key or certificate is ever committed.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CHAIN_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
SIGNING_DOMAIN = "echo-api.amazon.com"


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


KEY_USAGES = (
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
    "encipher_only",
    "decipher_only",
)


def _key_usage(*allowed: str) -> x509.KeyUsage:
    """A KeyUsage extension allowing exactly the named uses."""
    return x509.KeyUsage(**{usage: usage in allowed for usage in KEY_USAGES})


@dataclass(frozen=True)
class Authority:
    """A CA: its certificate and key."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    @classmethod
    def root(cls, name: str, now: datetime) -> Authority:
        key = _key()
        cert = _issue(
            _name(name), key.public_key(), _name(name), key, _ca_window(now), _ca_extensions()
        )
        return cls(cert, key)

    def intermediate(self, name: str, now: datetime) -> Authority:
        key = _key()
        extensions = [*_ca_extensions(), (self._authority_key_id(), False)]
        return Authority(
            self._issue(_name(name), key.public_key(), _ca_window(now), extensions), key
        )

    def leaf(
        self,
        key: rsa.RSAPrivateKey,
        *,
        valid_from: datetime,
        valid_until: datetime,
        dns_name: str = SIGNING_DOMAIN,
        digital_signature: bool = True,
    ) -> x509.Certificate:
        """A signing certificate for key, issued by this CA."""
        usages = (
            ("digital_signature", "key_encipherment")
            if digital_signature
            else ("key_encipherment",)
        )
        extensions: list[tuple[x509.ExtensionType, bool]] = [
            (x509.BasicConstraints(ca=False, path_length=None), True),
            (x509.SubjectAlternativeName([x509.DNSName(dns_name)]), False),
            (_key_usage(*usages), True),
            (
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                False,
            ),
            (self._authority_key_id(), False),
        ]
        return self._issue(_name(dns_name), key.public_key(), (valid_from, valid_until), extensions)

    def _issue(
        self,
        subject: x509.Name,
        public_key: rsa.RSAPublicKey,
        window: tuple[datetime, datetime],
        extensions: list[tuple[x509.ExtensionType, bool]],
    ) -> x509.Certificate:
        return _issue(subject, public_key, self.cert.subject, self.key, window, extensions)

    def _authority_key_id(self) -> x509.AuthorityKeyIdentifier:
        return x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key())


def _ca_window(now: datetime) -> tuple[datetime, datetime]:
    return now - timedelta(days=365), now + timedelta(days=3650)


def _ca_extensions() -> list[tuple[x509.ExtensionType, bool]]:
    return [
        (x509.BasicConstraints(ca=True, path_length=None), True),
        (_key_usage("key_cert_sign", "crl_sign"), True),
    ]


def _issue(
    subject: x509.Name,
    public_key: rsa.RSAPublicKey,
    issuer: x509.Name,
    issuer_key: rsa.RSAPrivateKey,
    window: tuple[datetime, datetime],
    extensions: list[tuple[x509.ExtensionType, bool]],
) -> x509.Certificate:
    """A certificate for public_key signed by issuer_key, with a subject key identifier."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(window[0])
        .not_valid_after(window[1])
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass(frozen=True)
class RequestSigner:
    """Signs bodies as Alexa does, with one leaf and the chain a URL would serve."""

    key: rsa.RSAPrivateKey
    chain: tuple[x509.Certificate, ...]
    url: str = CHAIN_URL

    def chain_pem(self) -> bytes:
        return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in self.chain)

    def signature(self, body: bytes) -> str:
        raw = self.key.sign(body, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(raw).decode("ascii")

    def headers(self, body: bytes, url: str | None = None) -> dict[str, str]:
        """The headers Alexa sends with body: Signature-256 and SignatureCertChainUrl."""
        return {
            "Content-Type": "application/json; charset=utf-8",
            "Signature-256": self.signature(body),
            "SignatureCertChainUrl": url or self.url,
        }

    def signed(self, envelope: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
        """The exact body and headers for an envelope."""
        body = json.dumps(envelope).encode("utf-8")
        return body, self.headers(body)


@dataclass
class AlexaPki:
    """One session's authorities and signers, and the chains each URL would serve."""

    root: Authority
    signer: RequestSigner
    expired: RequestSigner
    wrong_name: RequestSigner
    untrusted: RequestSigner
    no_digital_signature: RequestSigner
    chains: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def create(cls, now: datetime | None = None) -> AlexaPki:
        now = now or datetime.now(UTC)
        root = Authority.root("Kaizen Test Root CA", now)
        intermediate = root.intermediate("Kaizen Test Intermediate CA", now)
        stranger = Authority.root("Untrusted Root CA", now)
        key = _key()
        window = {"valid_from": now - timedelta(days=1), "valid_until": now + timedelta(days=60)}

        def signer(authority: Authority, name: str, **overrides: Any) -> RequestSigner:
            leaf = authority.leaf(key, **{**window, **overrides})
            chain = (leaf, intermediate.cert) if authority is intermediate else (leaf,)
            return RequestSigner(key, chain, CHAIN_URL.replace("test", name))

        pki = cls(
            root=root,
            signer=signer(intermediate, "test"),
            expired=signer(
                intermediate,
                "expired",
                valid_from=now - timedelta(days=90),
                valid_until=now - timedelta(days=1),
            ),
            wrong_name=signer(intermediate, "wrong-name", dns_name="echo-api.example.com"),
            untrusted=signer(stranger, "untrusted"),
            no_digital_signature=signer(intermediate, "no-ds", digital_signature=False),
        )
        for each in (
            pki.signer,
            pki.expired,
            pki.wrong_name,
            pki.untrusted,
            pki.no_digital_signature,
        ):
            pki.chains[each.url] = each.chain_pem()
        return pki

    @property
    def trust_roots(self) -> list[x509.Certificate]:
        return [self.root.cert]
