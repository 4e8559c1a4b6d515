"""Imports ask-sdk-webservice-support even where its unused certvalidator dependency cannot load.

ask_sdk_webservice_support.verifier imports certvalidator at module level, for its stock
RequestVerifier only. certvalidator imports oscrypto, and oscrypto 1.3.0 (the newest on PyPI)
reads the OpenSSL version with a regex that cannot match two-digit patch levels such as
"OpenSSL 3.0.19": the import raises LibraryNotFoundError (wbond/oscrypto#75, #78; fixed on
oscrypto's master, never released). So on Debian 12 and Ubuntu 24.04 the webservice package
cannot even be imported.

We never use the stock RequestVerifier (skill.web.verifiers replaces it, built on
`cryptography`), so when, and only when, that import fails with oscrypto's error, the module
is imported once with a stand-in `certvalidator` whose validator refuses every chain. The
stand-in is removed from sys.modules straight afterwards, so nothing else in the process can
pick it up, and the stock verifier, if someone wired it in anyway, fails closed.

Remove this module when oscrypto > 1.3.0 is on PyPI, or when ask-sdk-webservice-support stops
importing certvalidator at module level; import from ask_sdk_webservice_support directly then.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

STAND_IN_NAMES = ("certvalidator", "certvalidator.errors")

# Set to True when the stand-in had to be used, so operators and tests can see it.
stand_in_used = False


class _RefusedChain(Exception):
    """Raised by the stand-in validator: the stock verifier cannot validate chains here."""


class _RefusingValidator:
    """Stand-in for certvalidator.CertificateValidator: every chain is refused."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise _RefusedChain(
            "certvalidator cannot load on this OpenSSL; use skill.web.verifiers instead"
        )


def _stand_in_modules() -> dict[str, types.ModuleType]:
    package = types.ModuleType("certvalidator")
    package.CertificateValidator = _RefusingValidator  # type: ignore[attr-defined]
    errors = types.ModuleType("certvalidator.errors")
    # The stock verifier catches (PathError, ValidationError) and reports an invalid chain.
    errors.ValidationError = _RefusedChain  # type: ignore[attr-defined]
    errors.PathError = _RefusedChain  # type: ignore[attr-defined]
    package.errors = errors  # type: ignore[attr-defined]
    return {"certvalidator": package, "certvalidator.errors": errors}


def _is_oscrypto_version_error(error: BaseException) -> bool:
    return type(error).__name__ == "LibraryNotFoundError" and type(error).__module__.startswith(
        "oscrypto"
    )


def _import_verifier_module() -> types.ModuleType:
    global stand_in_used
    try:
        return importlib.import_module("ask_sdk_webservice_support.verifier")
    except Exception as error:
        if not _is_oscrypto_version_error(error):
            raise
    saved = {name: sys.modules.pop(name) for name in STAND_IN_NAMES if name in sys.modules}
    sys.modules.update(_stand_in_modules())
    try:
        module = importlib.import_module("ask_sdk_webservice_support.verifier")
    finally:
        for name in STAND_IN_NAMES:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
    stand_in_used = True
    return module


if TYPE_CHECKING:  # the type checker reads the package itself; it never runs the import
    from ask_sdk_webservice_support.verifier import AbstractVerifier, VerificationException
    from ask_sdk_webservice_support.verifier import RequestVerifier as StockRequestVerifier
else:
    _verifier = _import_verifier_module()
    AbstractVerifier = _verifier.AbstractVerifier
    VerificationException = _verifier.VerificationException
    StockRequestVerifier = _verifier.RequestVerifier

__all__ = [
    "AbstractVerifier",
    "StockRequestVerifier",
    "VerificationException",
    "stand_in_used",
]
