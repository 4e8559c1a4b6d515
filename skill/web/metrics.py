"""`/metrics` for `kaizen serve`: Prometheus counters fed by the front door's request records.

One registry per app (not the library's global one), so every app, and every test, counts
only its own requests. Labels take a handful of fixed values (outcomes, refusal reasons),
never anything a caller chose, so a prober cannot grow the number of series.
"""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client import generate_latest as render

from skill.observe import Outcome, RequestRecord

# Alexa waits 8 s; a turn usually takes milliseconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
# Why the webservice refused a request, as metrics name it (the log line has the same word).
REFUSAL_REASONS = frozenset(
    {
        "signature",
        "timestamp",
        "replay",
        "skill_id",
        "not_json",
        "not_envelope",
        "unreadable",
        "host",
        "other",
    }
)


class Metrics:
    """Requests by outcome, their latency, refusals by reason and store errors."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "kaizen_requests",
            "Alexa requests by how they ended.",
            ["outcome"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "kaizen_request_seconds",
            "Time from receiving a request's body to its answer.",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.refusals = Counter(
            "kaizen_refusals",
            "Requests refused (4xx), by reason.",
            ["reason"],
            registry=self.registry,
        )
        self.store_errors = Counter(
            "kaizen_store_errors",
            "Requests the store could not serve (the user heard the short apology).",
            registry=self.registry,
        )
        for outcome in Outcome:  # every series exists from the start, at zero
            self.requests.labels(outcome=outcome.value)
        for reason in REFUSAL_REASONS:
            self.refusals.labels(reason=reason)

    def observe(self, record: RequestRecord) -> None:
        """Count one request (an observer of the skill's RequestLog)."""
        self.requests.labels(outcome=record.outcome.value).inc()
        self.latency.observe(record.latency_ms / 1000)
        if record.outcome in (Outcome.REFUSED, Outcome.UNREADABLE):
            reason = record.reason if record.reason in REFUSAL_REASONS else None
            if record.outcome is Outcome.UNREADABLE:
                reason = reason or "unreadable"
            self.refusals.labels(reason=reason or "other").inc()
        elif record.outcome is Outcome.STORE_UNAVAILABLE:
            self.store_errors.inc()

    def exposition(self) -> bytes:
        """The text Prometheus scrapes."""
        return render(self.registry)
