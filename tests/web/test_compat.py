"""The oscrypto import fix: the webservice package imports, and the stand-in stays contained."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.pki import AlexaPki

PROBE = """
import json, sys
{prelude}
import skill.web.compat as compat
from skill.web.compat import StockRequestVerifier, VerificationException
left_behind = getattr(sys.modules.get("certvalidator"), "CertificateValidator", None)
try:
    import certvalidator
    later_import = "ok"
except Exception as error:
    later_import = type(error).__name__
try:
    StockRequestVerifier()._validate_cert_chain(sys.stdin.buffer.read())
    stock = "accepted"
except VerificationException:
    stock = "refused"
except Exception as error:
    stock = type(error).__name__
print(json.dumps({{
    "stand_in_used": compat.stand_in_used,
    "stand_in_left_behind": getattr(left_behind, "__name__", None) == "_RefusingValidator",
    "later_import": later_import,
    "stock_verifier": stock,
}}))
"""


def probe(chain: bytes, prelude: str = "") -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(prelude=prelude)],
        input=chain,
        capture_output=True,
        check=True,
        timeout=60,
    )
    outcome: dict[str, object] = json.loads(result.stdout)
    return outcome


def test_the_webservice_package_imports_and_the_stand_in_stays_contained(pki: AlexaPki) -> None:
    outcome = probe(pki.signer.chain_pem())
    if outcome["stand_in_used"]:
        # This machine's OpenSSL breaks oscrypto: the stand-in was needed, must not leak,
        # and the stock verifier it replaced must refuse even a good chain.
        assert outcome["stand_in_left_behind"] is False
        assert outcome["later_import"] == "LibraryNotFoundError"
        assert outcome["stock_verifier"] == "refused"
    else:
        assert outcome["later_import"] == "ok"


def test_no_stand_in_is_used_where_certvalidator_imports(pki: AlexaPki) -> None:
    # A machine whose oscrypto works: certvalidator imports, so nothing is replaced.
    working = (
        "import types; fake = types.ModuleType('certvalidator'); "
        "fake.CertificateValidator = type('CertificateValidator', (), {}); "
        "errors = types.ModuleType('certvalidator.errors'); "
        "errors.ValidationError = errors.PathError = type('E', (Exception,), {}); "
        "sys.modules.update({'certvalidator': fake, 'certvalidator.errors': errors})"
    )
    outcome = probe(pki.signer.chain_pem(), prelude=working)
    assert outcome["stand_in_used"] is False
    assert outcome["later_import"] == "ok"
