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
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from skill.app import KaizenSkill, RequestRejected, UnreadableRequest
from skill.config import Settings
from skill.net import is_loopback
from skill.observe import Outcome
from skill.store import StoreUnavailable
from skill.web.compat import AbstractVerifier, VerificationException
from skill.web.metrics import Metrics
from skill.web.verifiers import RawCheck, ReplayVerifier, TimestampVerifier, alexa_verifiers

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
    loopback_host_only: bool = False,
) -> Flask:
    """The webservice for a skill (built from settings, else the environment).

    verifiers default to Alexa's checks (timestamp, signature against the system's CA
    bundle, replays); pass your own to use a test CA or a different clock. The skill itself
    refuses another skill's id (KAIZEN_SKILL_ID), on this path and on Lambda's alike.

    loopback_host_only answers only requests whose Host header names this machine: with
    verification off, a web page the person visits could otherwise reach the endpoint through
    a name it points at 127.0.0.1 (DNS rebinding) and talk as any user.
    """
    settings = settings or Settings.load()
    skill = skill or KaizenSkill.from_settings(settings)
    checks = list(alexa_verifiers() if verifiers is None else verifiers)
    raw_checks = [check for check in checks if isinstance(check, RawCheck)]
    parsed_checks = [check for check in checks if not isinstance(check, RawCheck)]
    metrics = Metrics()
    skill.requests.observers.append(metrics.observe)
    for replays in checks:
        if isinstance(replays, ReplayVerifier):
            # A turn the store could not apply may come again: its id must not be a replay.
            skill.requests.observers.append(replays.forget_unapplied)

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_body_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]

    if loopback_host_only:

        @app.before_request
        def loopback_host() -> tuple[Response, int] | None:
            if is_loopback(urlsplit(f"//{request.host}").hostname):
                return None
            log.warning("request refused: Host %r is not this machine", request.host[:100])
            skill.requests.emit(None, Outcome.REFUSED, time.perf_counter(), "host")
            return _error("bad request", 400)

    @app.post("/")
    def alexa() -> Response | tuple[Response, int]:
        started = time.perf_counter()
        event: Any = None

        def refused(reason: str, detail: str) -> tuple[Response, int]:
            # The detail helps the operator; the caller only learns that it was refused.
            log.warning("alexa request refused: %s", detail)
            skill.requests.emit(event, Outcome.REFUSED, started, reason)
            return _error("bad request", 400)

        if not request.is_json:
            return _error("unsupported media type: send application/json", 415)
        headers = dict(request.headers)
        raw = request.get_data(cache=False)
        try:
            for early in raw_checks:
                early.verify_raw(headers, raw)
        except VerificationException as error:
            return refused("signature", str(error))
        try:
            body = raw.decode("utf-8")
            event = json.loads(body)
        except UnicodeDecodeError:
            return refused("not_json", "body is not UTF-8")
        except ValueError:
            return refused("not_json", "body is not JSON")
        except RecursionError:  # json's C parser gives up on nesting deeper than the stack
            return refused("not_json", "body is nested too deeply")
        if not is_envelope(event):
            event = None  # not an envelope: nothing in it is worth logging
            return refused("not_envelope", "body is not an Alexa request envelope")
        try:
            skill.admit(event)
            for check in parsed_checks:
                check.verify(headers, body, event)
        except VerificationException as error:
            return refused(_reason(check), str(error))
        except RequestRejected as error:
            return refused("skill_id", str(error))
        except UnreadableRequest as error:
            return refused("unreadable", f"unreadable request envelope ({error})")
        try:
            result = skill.answer(event, admitted=True)  # logs the request's line itself
        except UnreadableRequest as error:
            log.warning("alexa request refused: unreadable request envelope (%s)", error)
            return _error("bad request", 400)
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

    @app.get("/metrics")
    def scrape() -> Response:
        return Response(metrics.exposition(), mimetype=None, content_type=metrics.content_type)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[Response, int]:
        code = error.code or 400
        return _error((error.name or "error").lower(), code)

    return app


def _reason(check: AbstractVerifier) -> str:
    """The refusal reason metrics count for a failed check."""
    if isinstance(check, ReplayVerifier):
        return "replay"
    if isinstance(check, TimestampVerifier):
        return "timestamp"
    return "other"


def _error(message: str, status: int) -> tuple[Response, int]:
    return jsonify(error=message), status
