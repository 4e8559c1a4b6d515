"""The self-hosted webservice: a Flask app that answers Alexa at POST / after verifying it.

Everything a caller can send maps to a 4xx with a short JSON body; the reason a request was
refused goes to the log only, so a prober learns nothing. A 500 means a bug on our side.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from ask_sdk_runtime.exceptions import AskSdkException
from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from skill.app import KaizenSkill
from skill.config import Settings
from skill.store import StoreUnavailable
from skill.web.compat import AbstractVerifier, VerificationException, WebserviceSkillHandler
from skill.web.verifiers import alexa_verifiers

log = logging.getLogger(__name__)

# Alexa's request envelopes are a few kilobytes; 128 KiB leaves room for rich device context.
MAX_BODY_BYTES = 128 * 1024


class EnvelopeVerifier(AbstractVerifier):
    """The body is a request envelope at all (JSON such as [] or {} carries no request)."""

    def verify(
        self, headers: Any, serialized_request_env: Any, deserialized_request_env: Any
    ) -> None:
        """Raise VerificationException when there is no request to answer."""
        if getattr(deserialized_request_env, "request", None) is None:
            raise VerificationException("body is not an Alexa request envelope")


def create_app(
    settings: Settings | None = None,
    *,
    skill: KaizenSkill | None = None,
    verifiers: Sequence[AbstractVerifier] | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> Flask:
    """The webservice for a skill (built from settings, else the environment).

    verifiers default to every Alexa check (signature with the system's CA bundle, timestamp,
    and the skill id when one is set); pass your own to use a test CA or a different clock.
    """
    settings = settings or Settings.load()
    skill = skill or KaizenSkill.from_settings(settings)
    checks = list(alexa_verifiers(settings.skill_id) if verifiers is None else verifiers)
    handler = WebserviceSkillHandler(
        skill.skill,
        verify_signature=False,  # the stock checks are replaced by ours, in `checks`
        verify_timestamp=False,
        verifiers=[EnvelopeVerifier(), *checks],
    )

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_body_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]

    @app.post("/")
    def alexa() -> Response | tuple[Response, int]:
        if not request.is_json:
            return _error("unsupported media type: send application/json", 415)
        try:
            body = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError:
            return _refused("body is not UTF-8")
        try:
            result = handler.verify_request_and_dispatch(dict(request.headers), body)
        except VerificationException as error:
            return _refused(str(error))
        except AskSdkException as error:  # the SDK could not read the envelope
            return _refused(f"unreadable request envelope ({type(error).__name__})")
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
