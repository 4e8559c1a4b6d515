"""The HTTP client under the SDK's service clients: bounded in time, HTTPS except on loopback.

The SDK's `DefaultApiClient` has no timeout at all, so one slow Alexa API could spend the
whole 8 seconds Alexa gives a skill. This client caps every call, keeps connections alive
across requests (a warm Lambda or a long-running webservice reuses them), and sends the
request's bearer token only to Alexa's own API hosts over HTTPS, or to this machine (the
local stand-in used by `kaizen chat` and the tests): the endpoint comes from the request
envelope, and whoever could write one must not be able to collect a user's token with it.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit

import urllib3
from ask_sdk_model.services.api_client import ApiClient
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse

from skill.net import is_loopback

# Alexa's API answers are small JSON documents; anything bigger is not one of them.
MAX_BODY_BYTES = 64 * 1024
# Where Alexa's APIs are (`context.System.apiEndpoint`): North America, Europe, the Far East.
ALEXA_API_HOSTS = frozenset(
    {"api.amazonalexa.com", "api.eu.amazonalexa.com", "api.fe.amazonalexa.com"}
)


def is_alexa_api(url: str) -> bool:
    """Whether a call may go to url: Alexa's API hosts on HTTPS (port 443), or loopback."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if is_loopback(parts.hostname):
        return parts.scheme in ("http", "https")
    return parts.scheme == "https" and parts.hostname in ALEXA_API_HOSTS and port in (None, 443)


class ApiCallFailed(Exception):
    """The call did not get an HTTP answer: refused endpoint, timeout, network error."""


class AlexaHttpClient(ApiClient):
    """An `ApiClient` for the SDK's service clients, with a deadline on every call."""

    def __init__(self, timeout: float = 2.0, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.timeout = timeout
        self.max_body_bytes = max_body_bytes
        self._pool = urllib3.PoolManager(num_pools=4, maxsize=8, retries=False)

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        """Send one request; raises ApiCallFailed when no HTTP answer arrives in time."""
        return self.send(request, self.timeout)

    def send(self, request: ApiClientRequest, timeout: float) -> ApiClientResponse:
        """Send one request with its own time limit (at most this client's own)."""
        url = str(request.url or "")
        if not is_alexa_api(url):
            raise ApiCallFailed("refusing an endpoint that is not Alexa's API")
        headers = _headers(request.headers)
        body = _body(request.body, headers)
        try:
            response = self._pool.request(
                str(request.method or "GET"),
                url,
                body=body,
                headers=headers,
                timeout=urllib3.Timeout(total=min(timeout, self.timeout)),
                preload_content=False,
                redirect=False,
            )
            try:
                data = response.read(self.max_body_bytes + 1)
            finally:
                response.release_conn()
        except urllib3.exceptions.HTTPError as error:
            raise ApiCallFailed(type(error).__name__) from error
        if len(data) > self.max_body_bytes:
            raise ApiCallFailed("response body too large")
        return ApiClientResponse(
            headers=list(response.headers.items()),
            status_code=response.status,
            body=data.decode("utf-8", errors="replace"),
        )


def _headers(pairs: list[tuple[str, str]] | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    for key, value in pairs or []:
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


def _body(body: Any, headers: dict[str, str]) -> bytes | None:
    """The SDK hands over the serialised model (a dict); JSON APIs get it as JSON text."""
    if body is None or body == "":
        return None
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if "json" not in content_type:
        headers["Content-Type"] = "application/json"
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


class RequestBudget(ApiClient):
    """All of one skill request's API calls share one time budget.

    A reminder can take a time zone look-up and three Reminders calls; each alone is capped
    by the client's timeout, but together they must still leave the skill time to answer
    inside Alexa's 8 seconds.
    """

    def __init__(self, client: AlexaHttpClient, budget: float) -> None:
        self.client = client
        self.deadline = time.monotonic() + budget

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        """Send with whatever is left of the budget; refuse once it is spent."""
        left = self.deadline - time.monotonic()
        if left <= 0.05:
            raise ApiCallFailed("this request's time for Alexa's APIs is spent")
        return self.client.send(request, left)
