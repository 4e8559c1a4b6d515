"""A local stand-in for Alexa's Settings and Reminders APIs, on a loopback port.

It follows the published contract closely enough to catch mistakes: the paths, a bearer
token on every call, the reminders permission checked per token, request bodies validated
(ISO times without an offset, a known time zone, a daily recurrence rule, spoken text per
locale), and Alexa's status codes with `{"code", "message"}` error bodies. Tests and
`kaizen chat --alexa-apis` point a request's `apiEndpoint` at it; faults can be injected.
Given a `state_file`, it keeps each user's grants and reminders there across runs, as
Alexa's cloud would (the chat keeps it beside its store).
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

REMINDERS_SCOPE = "alexa::alerts:reminders:skill:readwrite"
TIME_ZONE_PATH = re.compile(r"^/v2/devices/(?P<device>[^/]+)/settings/System\.timeZone$")
REMINDERS_PATH = "/v1/alerts/reminders"
REMINDER_PATH = re.compile(r"^/v1/alerts/reminders/(?P<token>[^/]+)$")
# Alexa's own format for scheduled times: local, no offset, optional milliseconds.
_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$")
_DAILY_RULE = re.compile(r"^FREQ=DAILY(;[A-Z]+=[0-9A-Z,]+)*;?$")


@dataclass
class Fault:
    """An injected failure for the next matching calls: a status and code, or a delay."""

    method: str
    path: str
    status: int = 500
    code: str = "INTERNAL_ERROR"
    delay: float = 0.0
    times: int = 1


@dataclass
class Account:
    """One user as the APIs see them: the scopes their token grants and their reminders."""

    user: str
    scopes: set[str] = field(default_factory=set)
    reminders: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Call:
    """A call the stand-in answered, for tests to inspect."""

    method: str
    path: str
    status: int
    body: Any


class AlexaApiStandIn:
    """The stand-in's state and its HTTP server; use as a context manager or start/stop."""

    def __init__(self, max_reminders: int = 250, state_file: Path | None = None) -> None:
        self.max_reminders = max_reminders
        self.zones: dict[str, str] = {}
        self.calls: list[Call] = []
        self.state_file = state_file
        self._accounts: dict[str, Account] = {}
        self._known: dict[str, Account] = _load_accounts(state_file)
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- set-up ------------------------------------------------------------------------

    def token_for(self, user: str, *scopes: str) -> str:
        """A new access token for `user`, granting `scopes` (their reminders are shared)."""
        token = f"standin-token-{uuid.uuid4().hex}"
        with self._lock:
            account = self._known.setdefault(user, Account(user))
            account.scopes.update(scopes)
            self._accounts[token] = account
        self._save()
        return token

    def grant(self, token: str, scope: str = REMINDERS_SCOPE) -> None:
        """The user allows `scope` (as in the Alexa app or by voice)."""
        with self._lock:
            self._accounts[token].scopes.add(scope)
        self._save()

    def revoke(self, token: str, scope: str = REMINDERS_SCOPE) -> None:
        """The user withdraws `scope`."""
        with self._lock:
            self._accounts[token].scopes.discard(scope)
        self._save()

    def fail(
        self,
        method: str,
        path: str,
        status: int = 500,
        code: str = "INTERNAL_ERROR",
        times: int = 1,
    ) -> None:
        """The next `times` calls whose path starts with `path` get this error."""
        with self._lock:
            self._faults.append(Fault(method, path, status, code, times=times))

    def stall(self, method: str, path: str, seconds: float, times: int = 1) -> None:
        """The next `times` matching calls answer only after `seconds`."""
        with self._lock:
            self._faults.append(Fault(method, path, delay=seconds, times=times))

    def delete_in_app(self, token: str) -> None:
        """The user deletes all their reminders in the Alexa app."""
        with self._lock:
            self._accounts[token].reminders.clear()

    def reset(self) -> None:
        """Forget injected faults and the call log (between tests)."""
        with self._lock:
            self._faults.clear()
            self.calls.clear()

    def reminders(self, token: str) -> list[dict[str, Any]]:
        """The reminders Alexa holds for the token's user, as stored (with alertToken)."""
        with self._lock:
            return [dict(r) for r in self._accounts[token].reminders.values()]

    # -- server ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The endpoint to use as `context.System.apiEndpoint`."""
        assert self._server is not None, "start() first"
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> AlexaApiStandIn:
        """Serve on a free loopback port in a background thread."""
        stand_in = self

        class Handler(_Handler):
            api = stand_in

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and wait for the server thread."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> AlexaApiStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the APIs ----------------------------------------------------------------------

    def answer(self, method: str, path: str, auth: str | None, body: bytes) -> tuple[int, Any]:
        """Status and JSON body for one call (None: no body)."""
        fault = self._take_fault(method, path)
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            else:
                return fault.status, _error(fault.code, "injected fault")
        account = self._account(auth)
        if account is None:
            return 401, _error("INVALID_TOKEN", "The access token is missing or invalid.")
        if match := TIME_ZONE_PATH.match(path):
            if method != "GET":
                return 405, _error("INVALID_URI", "Method not allowed.")
            zone = self.zones.get(match["device"])
            return (200, zone) if zone else (204, None)
        if path == REMINDERS_PATH or REMINDER_PATH.match(path):
            if REMINDERS_SCOPE not in account.scopes:
                return 401, _error("UNAUTHORIZED", "The user has not granted reminders.")
            return self._reminders(method, path, account, body)
        return 404, _error("INVALID_URI", "No such resource.")

    def _reminders(self, method: str, path: str, account: Account, body: bytes) -> tuple[int, Any]:
        match = REMINDER_PATH.match(path)
        token = match["token"] if match else None
        with self._lock:
            if token is None and method == "GET":
                alerts = list(account.reminders.values())
                return 200, {"totalCount": str(len(alerts)), "alerts": alerts, "links": None}
            if token is None and method == "POST":
                problem = _invalid_reminder(body)
                if problem:
                    return 400, _error(problem, "The reminder request is not valid.")
                if len(account.reminders) >= self.max_reminders:
                    return 403, _error("MAX_REMINDERS_EXCEEDED", "Too many reminders.")
                return 200, self._store(account, f"standin-alert-{uuid.uuid4().hex}", body, 1)
            if token is None or token not in account.reminders:
                return 404, _error("NOT_FOUND", "No such reminder.")
            if method == "GET":
                return 200, account.reminders[token]
            if method == "PUT":
                problem = _invalid_reminder(body)
                if problem:
                    return 400, _error(problem, "The reminder request is not valid.")
                version = int(account.reminders[token]["version"]) + 1
                return 200, self._store(account, token, body, version)
            if method == "DELETE":
                del account.reminders[token]
                return 200, None
        return 405, _error("METHOD_NOT_ALLOWED", "Method not allowed.")

    @staticmethod
    def _store(account: Account, token: str, body: bytes, version: int) -> dict[str, Any]:
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        request = json.loads(body)
        stored = {
            "alertToken": token,
            "createdTime": account.reminders.get(token, {}).get("createdTime", now),
            "updatedTime": now,
            "status": "ON",
            "version": str(version),
            "trigger": request["trigger"],
            "alertInfo": request["alertInfo"],
            "pushNotification": request.get("pushNotification"),
        }
        account.reminders[token] = stored
        keys = ("alertToken", "createdTime", "updatedTime", "status", "version")
        return {**{k: stored[k] for k in keys}, "href": f"{REMINDERS_PATH}/{token}"}

    def _account(self, auth: str | None) -> Account | None:
        if not auth or not auth.startswith("Bearer "):
            return None
        with self._lock:
            return self._accounts.get(auth.removeprefix("Bearer ").strip())

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.method == method and path.startswith(fault.path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def record(self, call: Call) -> None:
        """Remember a call (tests read `calls`); what it changed is kept if there is a file."""
        with self._lock:
            self.calls.append(call)
        if call.method != "GET":
            self._save()

    def _save(self) -> None:
        if self.state_file is None:
            return
        with self._lock:
            data = {
                user: {"scopes": sorted(a.scopes), "reminders": a.reminders}
                for user, a in self._known.items()
            }
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.state_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        temporary.replace(self.state_file)


def _load_accounts(state_file: Path | None) -> dict[str, Account]:
    """The users a state file remembers; none if there is no file or it cannot be read."""
    if state_file is None or not state_file.is_file():
        return {}
    try:
        data = json.loads(state_file.read_text(encoding="utf-8"))
        return {
            str(user): Account(
                str(user), set(entry.get("scopes", [])), dict(entry.get("reminders", {}))
            )
            for user, entry in data.items()
        }
    except (ValueError, AttributeError, TypeError):
        return {}


class _Handler(BaseHTTPRequestHandler):
    api: AlexaApiStandIn

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path.split("?", 1)[0]
        status, payload = self.api.answer(
            self.command, path, self.headers.get("Authorization"), body
        )
        self.api.record(Call(self.command, path, status, _json_or_none(body)))
        data = b"" if payload is None else json.dumps(payload).encode("utf-8")
        try:
            self.send_response(status)
            if data:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if data:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped waiting (a timeout test): nothing to tell it

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests and the chat read `calls` instead."""


def _error(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}


def _json_or_none(body: bytes) -> Any:
    try:
        return json.loads(body) if body else None
    except ValueError:
        return None


def _invalid_reminder(body: bytes) -> str | None:
    """The API's error code for a malformed reminder request, or None if it is valid."""
    try:
        request = json.loads(body)
    except ValueError:
        return "INVALID_REQUEST"
    if not isinstance(request, dict):
        return "INVALID_REQUEST"
    if not _LOCAL_TIME.match(str(request.get("requestTime", ""))):
        return "INVALID_REQUEST_TIME"
    trigger = request.get("trigger")
    if not isinstance(trigger, dict) or trigger.get("type") != "SCHEDULED_ABSOLUTE":
        return "INVALID_TRIGGER"
    try:
        ZoneInfo(str(trigger.get("timeZoneId")))
    except (ZoneInfoNotFoundError, ValueError):
        return "INVALID_TIMEZONE"
    recurrence = trigger.get("recurrence") or {}
    start = recurrence.get("startDateTime") or trigger.get("scheduledTime")
    if not _LOCAL_TIME.match(str(start or "")):
        return "INVALID_TRIGGER_SCHEDULED_TIME_FORMAT"
    rules = recurrence.get("recurrenceRules") or []
    if not rules or not all(isinstance(r, str) and _DAILY_RULE.match(r) for r in rules):
        return "INVALID_RECURRENCE"
    content = ((request.get("alertInfo") or {}).get("spokenInfo") or {}).get("content") or []
    if not content or not all(
        isinstance(c, dict) and c.get("locale") and (c.get("text") or c.get("ssml"))
        for c in content
    ):
        return "INVALID_ALERT_INFO"
    status = (request.get("pushNotification") or {}).get("status", "ENABLED")
    if status not in ("ENABLED", "DISABLED"):
        return "INVALID_PUSH_NOTIFICATION"
    return None
