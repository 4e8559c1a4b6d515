"""One daily reminder per user through the Alexa Reminders API, and the permission it needs.

API failures become a `ReminderFailure` naming what the user should hear about (permission
missing, too many reminders, refused, unreachable); the caller decides the words and keeps
its stored state unchanged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from ask_sdk_model.interfaces.connections.send_request_directive import SendRequestDirective
from ask_sdk_model.services.service_exception import ServiceException
from ask_sdk_runtime.exceptions import AskSdkException

from skill.alexa.services import RequestApis

if TYPE_CHECKING:
    from ask_sdk_model.services.reminder_management.reminder_request import ReminderRequest

log = logging.getLogger(__name__)

REMINDERS_SCOPE = "alexa::alerts:reminders:skill:readwrite"

T = TypeVar("T")


class Failure(StrEnum):
    """Why a reminder could not be set or removed, as far as the user needs to know."""

    NEEDS_PERMISSION = "needs_permission"
    TOO_MANY = "too_many"
    REFUSED = "refused"
    UNAVAILABLE = "unavailable"


class ReminderFailure(Exception):
    """The Reminders API did not do what was asked; nothing the skill stores has changed."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.value)
        self.failure = failure


class _Gone(Exception):
    """The reminder no longer exists (the user deleted it in the Alexa app)."""


@dataclass(frozen=True)
class DailyReminder:
    """What to ask the API for: a time of day in a zone, and the words Alexa will say."""

    at: time
    zone: str
    text: str
    locale: str

    def request(self, now: datetime) -> ReminderRequest:
        """The API's request body: daily from the next time `at` comes round in `zone`."""
        local_now = now.astimezone(ZoneInfo(self.zone))
        start = datetime.combine(local_now.date(), self.at)
        if start <= local_now.replace(tzinfo=None):
            start += timedelta(days=1)
        rule = f"FREQ=DAILY;BYHOUR={self.at.hour};BYMINUTE={self.at.minute};BYSECOND=0;INTERVAL=1;"
        # Imported here: most turns never set a reminder, and these models cost a cold start.
        from ask_sdk_model.services.reminder_management.alert_info import AlertInfo
        from ask_sdk_model.services.reminder_management.push_notification import (
            PushNotification,
        )
        from ask_sdk_model.services.reminder_management.push_notification_status import (
            PushNotificationStatus,
        )
        from ask_sdk_model.services.reminder_management.recurrence import Recurrence
        from ask_sdk_model.services.reminder_management.reminder_request import (
            ReminderRequest,
        )
        from ask_sdk_model.services.reminder_management.spoken_info import SpokenInfo
        from ask_sdk_model.services.reminder_management.spoken_text import SpokenText
        from ask_sdk_model.services.reminder_management.trigger import Trigger
        from ask_sdk_model.services.reminder_management.trigger_type import TriggerType

        return ReminderRequest(
            request_time=local_now.replace(tzinfo=None, microsecond=0),
            trigger=Trigger(
                object_type=TriggerType.SCHEDULED_ABSOLUTE,
                scheduled_time=start,
                time_zone_id=self.zone,
                recurrence=Recurrence(start_date_time=start, recurrence_rules=[rule]),
            ),
            alert_info=AlertInfo(
                spoken_info=SpokenInfo(content=[SpokenText(locale=self.locale, text=self.text)])
            ),
            push_notification=PushNotification(status=PushNotificationStatus.ENABLED),
        )


def schedule(
    apis: RequestApis,
    reminder: DailyReminder,
    replacing: str | None,
    now: datetime,
    others: frozenset[str] = frozenset(),
) -> str:
    """Make the person's one daily reminder this one, and return its alert token.

    Alexa's list of this skill's reminders is the truth: an existing one is updated in
    place (preferring the one we know of), so there is never a moment with none or two,
    and strays (from a create that timed out, or state that was deleted) are removed.
    `others` are the reminders of other people in the household: never touched.
    """
    body = reminder.request(now)
    client = apis.reminders()
    existing = _existing_tokens(apis, known=replacing, others=others)
    for token in existing:
        try:
            response = _call(client.update_reminder, token, body)
        except _Gone:
            continue
        _delete_quietly(apis, [t for t in existing if t != token])
        return _token(response, fallback=token)
    try:
        return _token(_call(client.create_reminder, body))
    except _Gone as error:  # a 404 on create means the API is not where we think
        raise ReminderFailure(Failure.UNAVAILABLE) from error


def update_text(
    apis: RequestApis, token: str, at: time, zone: str, text: str, locale: str, now: datetime
) -> bool:
    """Change what the daily reminder says, in one call; True if it no longer exists.

    The reminder keeps its time; Alexa's update replaces the whole reminder, so the schedule
    is sent again unchanged.
    """
    body = DailyReminder(at, zone, text, locale).request(now)
    try:
        _call(apis.reminders().update_reminder, token, body)
    except _Gone:
        return True
    return False


def cancel(apis: RequestApis, token: str, others: frozenset[str] = frozenset()) -> None:
    """Delete the person's daily reminder (and any stray, never `others`: the household's
    other reminders); one already gone counts as deleted."""
    client = apis.reminders()
    for each in _existing_tokens(apis, known=token, others=others):
        try:
            _call(client.delete_reminder, each)
        except _Gone:
            log.info("reminder to cancel was already gone")


def _existing_tokens(
    apis: RequestApis, known: str | None, others: frozenset[str] = frozenset()
) -> list[str]:
    """This skill's reminders for the account but `others`', the known one first; just it
    if the list fails."""
    try:
        listed = _call(apis.reminders().get_reminders)
    except ReminderFailure as failure:
        if failure.failure is Failure.NEEDS_PERMISSION:
            raise
        return [known] if known else []
    except _Gone:
        return [known] if known else []
    tokens = [
        t
        for t in (getattr(a, "alert_token", None) for a in getattr(listed, "alerts", None) or [])
        if t and t not in others
    ]
    return sorted(tokens, key=lambda t: t != known)


def _delete_quietly(apis: RequestApis, tokens: list[str]) -> None:
    for token in tokens:
        try:
            _call(apis.reminders().delete_reminder, token)
        except (ReminderFailure, _Gone):
            log.info("stray reminder not removed this time")


def ask_for_permission(token: str) -> SendRequestDirective:
    """The voice permission prompt (Alexa asks; a Connections.Response brings the answer).

    `token` comes back in the response, so it carries what the user was doing.
    """
    return SendRequestDirective(
        name="AskFor",
        payload={
            "@type": "AskForPermissionsConsentRequest",
            "@version": "1",
            "permissionScope": REMINDERS_SCOPE,
        },
        token=token,
    )


def _call(operation: Callable[..., T], *args: Any) -> T:
    try:
        return operation(*args)
    except ServiceException as error:
        raise _classify(error) from error
    except AskSdkException as error:  # an answer the SDK could not read
        log.warning("reminders API answer unreadable: %s", type(error).__name__)
        raise ReminderFailure(Failure.UNAVAILABLE) from error


def _classify(error: ServiceException) -> Exception:
    status = error.status_code
    code = _error_code(error.body)
    log.info("reminders API refused: status=%s code=%s", status, code)
    if status == 404:
        return _Gone()
    if status == 401:
        return ReminderFailure(Failure.NEEDS_PERMISSION)
    if code == "MAX_REMINDERS_EXCEEDED":
        return ReminderFailure(Failure.TOO_MANY)
    if status == 403:
        return ReminderFailure(Failure.REFUSED)
    if status == 400:
        log.error("reminders API rejected our request as malformed: code=%s", code)
    return ReminderFailure(Failure.UNAVAILABLE)


def _error_code(body: object) -> str | None:
    """The API's error code: from the SDK's Error model, or raw JSON for undeclared statuses."""
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            return None
    code = body.get("code") if isinstance(body, dict) else getattr(body, "code", None)
    return code if isinstance(code, str) else None


def _token(response: object, fallback: str | None = None) -> str:
    token = getattr(response, "alert_token", None)
    if isinstance(token, str) and token:
        return token
    if fallback:
        return fallback
    raise ReminderFailure(Failure.UNAVAILABLE)
