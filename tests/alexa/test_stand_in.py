"""The stand-in refuses what Alexa's APIs refuse, so a skill bug cannot pass against it."""

from __future__ import annotations

import http.client
import json
from typing import Any

import pytest

from skill.chat.alexa_api import REMINDERS_SCOPE, AlexaApiStandIn

GOOD = {
    "requestTime": "2026-11-21T08:00:00",
    "trigger": {
        "type": "SCHEDULED_ABSOLUTE",
        "scheduledTime": "2026-11-22T08:00:00",
        "timeZoneId": "Europe/Paris",
        "recurrence": {
            "startDateTime": "2026-11-22T08:00:00",
            "recurrenceRules": ["FREQ=DAILY;BYHOUR=8;BYMINUTE=0;BYSECOND=0;INTERVAL=1;"],
        },
    },
    "alertInfo": {"spokenInfo": {"content": [{"locale": "en-US", "text": "Time to walk."}]}},
    "pushNotification": {"status": "ENABLED"},
}


def call(
    alexa: AlexaApiStandIn, method: str, path: str, token: str | None, body: Any = None
) -> tuple[int, Any]:
    host, port = alexa.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    raw = response.read()
    connection.close()
    return response.status, json.loads(raw) if raw else None


def with_changes(**changes: Any) -> dict[str, Any]:
    body = json.loads(json.dumps(GOOD))
    for path, value in changes.items():
        node = body
        *parents, leaf = path.split("__")
        for parent in parents:
            node = node[parent]
        node[leaf] = value
    return body


def test_every_call_needs_a_known_bearer_token(alexa: AlexaApiStandIn) -> None:
    for token in (None, "not-a-token"):
        status, body = call(alexa, "GET", "/v2/devices/d/settings/System.timeZone", token)
        assert status == 401 and body["code"] == "INVALID_TOKEN"
        assert call(alexa, "POST", "/v1/alerts/reminders", token, GOOD)[0] == 401


def test_reminders_need_the_reminders_permission(alexa: AlexaApiStandIn) -> None:
    token = alexa.token_for("amzn1.ask.account.TEST-NO-SCOPE")
    status, body = call(alexa, "POST", "/v1/alerts/reminders", token, GOOD)
    assert status == 401 and body["code"] == "UNAUTHORIZED"


def test_a_device_without_a_zone_answers_no_content(alexa: AlexaApiStandIn) -> None:
    token = alexa.token_for("amzn1.ask.account.TEST-ZONE")
    assert call(alexa, "GET", "/v2/devices/unknown/settings/System.timeZone", token) == (204, None)
    alexa.zones["known"] = "Europe/Paris"
    path = "/v2/devices/known/settings/System.timeZone"
    assert call(alexa, "GET", path, token) == (200, "Europe/Paris")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"requestTime": "2026-11-21T08:00:00Z"}, "INVALID_REQUEST_TIME"),
        ({"trigger__type": "SCHEDULED_RELATIVE"}, "INVALID_TRIGGER"),
        ({"trigger__timeZoneId": "Mars/Olympus_Mons"}, "INVALID_TIMEZONE"),
        (
            {"trigger__recurrence__startDateTime": "2026-11-22T08:00:00+01:00"},
            "INVALID_TRIGGER_SCHEDULED_TIME_FORMAT",
        ),
        ({"trigger__recurrence__recurrenceRules": ["FREQ=HOURLY"]}, "INVALID_RECURRENCE"),
        ({"alertInfo__spokenInfo__content": []}, "INVALID_ALERT_INFO"),
        ({"pushNotification__status": "LOUD"}, "INVALID_PUSH_NOTIFICATION"),
    ],
)
def test_malformed_reminders_are_refused_with_the_apis_codes(
    alexa: AlexaApiStandIn, changes: dict[str, Any], code: str
) -> None:
    token = alexa.token_for("amzn1.ask.account.TEST-VALIDATION", REMINDERS_SCOPE)
    status, body = call(alexa, "POST", "/v1/alerts/reminders", token, with_changes(**changes))
    assert (status, body["code"]) == (400, code)
    assert alexa.reminders(token) == []


def test_reminders_can_be_created_read_listed_updated_and_deleted(
    alexa: AlexaApiStandIn,
) -> None:
    token = alexa.token_for("amzn1.ask.account.TEST-CRUD", REMINDERS_SCOPE)
    status, created = call(alexa, "POST", "/v1/alerts/reminders", token, GOOD)
    assert status == 200 and created["status"] == "ON" and created["version"] == "1"
    path = f"/v1/alerts/reminders/{created['alertToken']}"
    assert call(alexa, "GET", path, token)[1]["trigger"]["timeZoneId"] == "Europe/Paris"
    assert call(alexa, "GET", "/v1/alerts/reminders", token)[1]["totalCount"] == "1"
    status, updated = call(alexa, "PUT", path, token, GOOD)
    assert status == 200 and updated["version"] == "2"
    assert call(alexa, "DELETE", path, token) == (200, None)
    for method in ("GET", "PUT", "DELETE"):
        assert call(alexa, method, path, token, GOOD if method == "PUT" else None)[0] == 404


def test_the_reminder_limit_is_enforced(alexa: AlexaApiStandIn) -> None:
    token = alexa.token_for("amzn1.ask.account.TEST-LIMIT", REMINDERS_SCOPE)
    alexa.max_reminders, limit = 2, alexa.max_reminders
    try:
        for _ in range(2):
            assert call(alexa, "POST", "/v1/alerts/reminders", token, GOOD)[0] == 200
        status, body = call(alexa, "POST", "/v1/alerts/reminders", token, GOOD)
        assert (status, body["code"]) == (403, "MAX_REMINDERS_EXCEEDED")
    finally:
        alexa.max_reminders = limit
