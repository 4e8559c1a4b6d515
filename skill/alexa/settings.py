"""The device's time zone from the Alexa Settings API, and when a cached one is due a refresh.

Any failure (no device, no token, a 4xx or 5xx, a timeout, a name Python does not know)
gives None: the caller keeps the zone it already has, and the user never hears about it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ask_sdk_model.services.service_exception import ServiceException
from ask_sdk_runtime.exceptions import AskSdkException

from skill.alexa.services import RequestApis

log = logging.getLogger(__name__)

# A device's zone rarely changes; once a day keeps "today" right after a move or a
# correction in the Alexa app, at the cost of one small call per user per day.
FRESH_FOR = timedelta(days=1)
# After a failed lookup, try again in an hour rather than on every turn.
RETRY_AFTER = timedelta(hours=1)


def fetch_time_zone(apis: RequestApis | None) -> str | None:
    """The device's IANA time zone name, or None if it cannot be had right now."""
    if apis is None or apis.device_id is None:
        return None
    try:
        value = apis.settings().get_system_time_zone(apis.device_id)
    except ServiceException as error:
        log.info("time zone lookup failed: status=%s", error.status_code)
        return None
    except (AskSdkException, ValueError) as error:  # an answer that is not a zone name
        log.info("time zone lookup failed: %s", type(error).__name__)
        return None
    return valid_zone(value)


def valid_zone(value: object) -> str | None:
    """The name if it is a time zone this Python knows, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    name = value.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.info("time zone lookup returned an unknown zone")
        return None
    return name


def next_check(now: datetime, found: bool) -> datetime:
    """When the cached zone should be looked up again."""
    return now + (FRESH_FOR if found else RETRY_AFTER)


def refreshed_zone(
    zone: str | None,
    until: datetime | None,
    now: datetime,
    lookup: Callable[[], str | None],
) -> tuple[str | None, datetime | None]:
    """The cached zone and when to look again, refreshed by `lookup` once it is due.

    Before `until` nothing is looked up. A failed lookup keeps the cached zone (UTC if there
    is none) and is retried after a while, not on every turn.
    """
    if until is not None and now < until:
        return zone, until
    found = lookup()
    return found or zone, next_check(now, found is not None)


class ZoneMemory:
    """The zones looked up lately in this process, per user: a warm process asks Alexa once a
    day per person (an hour after a failure) even when nothing is written to the store.

    Bounded, oldest forgotten first; a process that restarts simply asks again.
    """

    def __init__(self, limit: int = 10_000) -> None:
        self._limit = limit
        self._zones: dict[str, tuple[str | None, datetime]] = {}
        self._lock = threading.Lock()

    def recall(self, key: str, now: datetime) -> tuple[str | None, datetime] | None:
        """The zone and its next-check time, if one was looked up and is still fresh."""
        with self._lock:
            found = self._zones.get(key)
        if found is None or now >= found[1]:
            return None
        return found

    def remember(self, key: str, zone: str | None, until: datetime) -> None:
        """Keep a lookup's outcome until `until`."""
        with self._lock:
            self._zones.pop(key, None)
            self._zones[key] = (zone, until)
            while len(self._zones) > self._limit:
                self._zones.pop(next(iter(self._zones)))
