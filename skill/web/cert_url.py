"""Alexa's rules for the SignatureCertChainUrl header: which certificate-chain URLs may be fetched.

From "Host a Custom Skill as a Web Service", verifying the signature certificate URL: after
normalising the path, the scheme is https and the host s3.amazonaws.com (both compared
case-insensitively), the path starts with /echo.api/ (case-sensitive), and a port, if given,
is 443. We also refuse credentials, queries and fragments, which Alexa never sends, and we
fetch the canonical URL we rebuilt rather than the caller's string, so nothing the caller
wrote can steer the download anywhere else.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import quote, unquote, urlsplit

ALLOWED_SCHEME = "https"
ALLOWED_HOST = "s3.amazonaws.com"
ALLOWED_PORT = 443
REQUIRED_PATH_PREFIX = "/echo.api/"


class CertUrlRejected(ValueError):
    """The certificate-chain URL breaks Alexa's rules; the message says which one."""


@functools.lru_cache(maxsize=64)  # Alexa sends the same few URLs; refusals are not cached
def canonical_chain_url(raw: str) -> str:
    """The URL to download the chain from, or CertUrlRejected saying which rule failed."""
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as error:  # unparsable netloc or a non-numeric port
        raise CertUrlRejected("certificate URL cannot be parsed") from error
    if parts.scheme.lower() != ALLOWED_SCHEME:
        raise CertUrlRejected("certificate URL scheme is not https")
    if (parts.hostname or "") != ALLOWED_HOST:  # urlsplit lower-cases hostname
        raise CertUrlRejected("certificate URL host is not s3.amazonaws.com")
    if port is not None and port != ALLOWED_PORT:
        raise CertUrlRejected("certificate URL port is not 443")
    if parts.username is not None or parts.password is not None:
        raise CertUrlRejected("certificate URL carries credentials")
    if parts.query or parts.fragment:
        raise CertUrlRejected("certificate URL has a query or fragment")
    # Decode first so %2e%2e cannot hide a dot segment from the normalisation.
    path = posixpath.normpath(unquote(parts.path)) if parts.path else ""
    if not path.startswith(REQUIRED_PATH_PREFIX):
        raise CertUrlRejected("certificate URL path is not under /echo.api/")
    return f"{ALLOWED_SCHEME}://{ALLOWED_HOST}{quote(path)}"
