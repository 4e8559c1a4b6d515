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


@dataclass(frozen=True)
class Authority:
    """A CA: its certificate and key."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    @classmethod
    def root(cls, name: str, now: datetime) -> Authority:
        key = _key()
        builder = _ca_builder(_name(name), _name(name), key.public_key(), now).add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
        return cls(builder.sign(key, hashes.SHA256()), key)

    def intermediate(self, name: str, now: datetime) -> Authority:
        key = _key()
        builder = (
            _ca_builder(_name(name), self.cert.subject, key.public_key(), now)
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
            .add_extension(self._authority_key_id(), critical=False)
        )
        return Authority(builder.sign(self.key, hashes.SHA256()), key)

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
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(dns_name))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(valid_from)
            .not_valid_after(valid_until)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(dns_name)]), critical=False)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=digital_signature,
                    content_commitment=False,
                    key_encipherment=True,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                critical=False,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
            .add_extension(self._authority_key_id(), critical=False)
        )
        return builder.sign(self.key, hashes.SHA256())

    def _authority_key_id(self) -> x509.AuthorityKeyIdentifier:
        return x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key())


def _ca_builder(
    subject: x509.Name, issuer: x509.Name, public_key: Any, now: datetime
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=365))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )


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
        for each in (pki.signer, pki.expired, pki.wrong_name, pki.untrusted):
            pki.chains[each.url] = each.chain_pem()
        pki.chains[pki.no_digital_signature.url] = pki.no_digital_signature.chain_pem()
        return pki

    @property
    def trust_roots(self) -> list[x509.Certificate]:
        return [self.root.cert]
