"""The self-hosted webservice: a Flask app that answers Alexa at POST / after verifying it.

Checks that need only the headers and the raw bytes (the signature: headers present and well
formed, the chain URL's rules, one RSA verification with the cached key) run before the body
is parsed, then those on the parsed JSON (timestamp, skill id), and the SDK builds its objects
only for a request that passed them all (`KaizenSkill.answer`). Everything a caller
can send maps to a 4xx with a short JSON body; the reason a request was refused goes to the
log only, so a prober learns nothing. A 500 means a bug on our side.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from skill.app import KaizenSkill, RequestRejected, UnreadableRequest
from skill.config import Settings
from skill.store import StoreUnavailable
from skill.web.compat import AbstractVerifier, VerificationException
from skill.web.verifiers import RawCheck, alexa_verifiers

log = logging.getLogger(__name__)

# Alexa's request envelopes are a few kilobytes; 128 KiB leaves room for rich device context.
MAX_BODY_BYTES = 128 * 1024


def is_envelope(event: object) -> bool:
    """Whether parsed JSON is shaped like a request envelope at all ([] or {} are not)."""
    return isinstance(event, dict) and isinstance(event.get("request"), dict)


def create_app(
    settings: Settings | None = None,
    *,
    skill: KaizenSkill | None = None,
    verifiers: Sequence[AbstractVerifier] | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> Flask:
    """The webservice for a skill (built from settings, else the environment).

    verifiers default to Alexa's checks (timestamp, and the signature against the system's CA
    bundle); pass your own to use a test CA or a different clock. The skill itself refuses
    another skill's id (KAIZEN_SKILL_ID), on this path and on Lambda's alike.
    """
    settings = settings or Settings.load()
    skill = skill or KaizenSkill.from_settings(settings)
    checks = list(alexa_verifiers() if verifiers is None else verifiers)
    raw_checks = [check for check in checks if isinstance(check, RawCheck)]
    parsed_checks = [check for check in checks if not isinstance(check, RawCheck)]

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_body_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]

    @app.post("/")
    def alexa() -> Response | tuple[Response, int]:
        if not request.is_json:
            return _error("unsupported media type: send application/json", 415)
        headers = dict(request.headers)
        raw = request.get_data(cache=False)
        try:
            for early in raw_checks:
                early.verify_raw(headers, raw)
        except VerificationException as error:
            return _refused(str(error))
        try:
            body = raw.decode("utf-8")
            event: Any = json.loads(body)
        except UnicodeDecodeError:
            return _refused("body is not UTF-8")
        except ValueError:
            return _refused("body is not JSON")
        except RecursionError:  # json's C parser gives up on nesting deeper than the stack
            return _refused("body is nested too deeply")
        if not is_envelope(event):
            return _refused("body is not an Alexa request envelope")
        try:
            skill.admit(event)
            for check in parsed_checks:
                check.verify(headers, body, event)
            result = skill.answer(event)
        except (VerificationException, RequestRejected) as error:
            return _refused(str(error))
        except UnreadableRequest as error:
            return _refused(f"unreadable request envelope ({error})")
        except StoreUnavailable:  # only skill events get here; Alexa may deliver them again
            log.error("skill event not applied: store unavailable")
            response = _error("store unavailable", 503)
            response[0].headers["Retry-After"] = "60"
            return response
        return jsonify(result)

    @app.get("/healthz")
    def healthz() -> tuple[Response, int]:
        healthy = skill.store.healthy()
        status = "ok" if healthy else "unavailable"
        return jsonify(status=status, store=status), 200 if healthy else 503

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[Response, int]:
        code = error.code or 400
        return _error((error.name or "error").lower(), code)

    return app


def _refused(reason: str) -> tuple[Response, int]:
    # The reason helps the operator; the caller only learns that the request was refused.
    log.warning("alexa request refused: %s", reason)
    return _error("bad request", 400)


def _error(message: str, status: int) -> tuple[Response, int]:
    return jsonify(error=message), status
