"""The webservice over real HTTP on loopback: what Alexa, a prober and an operator each see."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.config import Settings
from skill.store.dynamodb import DynamoStore
from skill.store.sqlite import SqliteStore
from skill.web.app import MAX_BODY_BYTES, create_app
from skill.web.verifiers import alexa_verifiers
from tests.support import dynamodb
from tests.support.builders import intent
from tests.support.pki import CHAIN_URL, AlexaPki, RequestSigner
from tests.web.conftest import (
    ChainDownloads,
    Web,
    complete_step,
    envelope_for,
    serve,
    verifying_app,
)

Headers = dict[str, str]


def ago(seconds: float) -> datetime:
    return datetime.now(UTC) - timedelta(seconds=seconds)


def test_a_signed_request_is_answered_and_remembered(web: Web) -> None:
    user = web.new_user()
    launch = web.send(envelope_for(user, env.launch_request()))
    assert launch.status == 200 and "moving" in launch.speech
    assert launch.headers["Content-Type"] == "application/json"
    done = web.send(envelope_for(user, complete_step()))
    assert done.status == 200 and "went wrong" not in done.speech
    record = web.record(user)
    assert record is not None and record.state.total_steps == 0  # no goal chosen yet
    assert web.downloads.count[CHAIN_URL] == 1  # the second request used the cached key


@dataclass(frozen=True)
class Case:
    """One crafted request: how to build it, and the status the caller must get."""

    name: str
    build: Callable[[Web, AlexaPki, str], tuple[bytes, Headers]]
    status: int = 400


def signed(
    request: Callable[[], dict[str, Any]] = complete_step,
    *,
    at: Callable[[], datetime] | None = None,
    skill_id: str = env.DEFAULT_SKILL_ID,
    signer: Callable[[AlexaPki], RequestSigner] = lambda pki: pki.signer,
    url: str | None = None,
) -> Callable[[Web, AlexaPki, str], tuple[bytes, Headers]]:
    def build(web: Web, pki: AlexaPki, user: str) -> tuple[bytes, Headers]:
        envelope = envelope_for(user, request(), at=at() if at else None, skill_id=skill_id)
        body = json.dumps(envelope).encode()
        return body, signer(pki).headers(body, url)

    return build


def altered(
    change: Callable[[bytes, Headers, AlexaPki], tuple[bytes, Headers]],
) -> Callable[[Web, AlexaPki, str], tuple[bytes, Headers]]:
    def build(web: Web, pki: AlexaPki, user: str) -> tuple[bytes, Headers]:
        body, headers = signed()(web, pki, user)
        return change(body, headers, pki)

    return build


def without(*names: str) -> Callable[[bytes, Headers, AlexaPki], tuple[bytes, Headers]]:
    return lambda body, headers, pki: (
        body,
        {k: v for k, v in headers.items() if k not in names},
    )


def legacy_only(body: bytes, headers: Headers, pki: AlexaPki) -> tuple[bytes, Headers]:
    sha1 = pki.signer.key.sign(body, padding.PKCS1v15(), hashes.SHA1())  # noqa: S303
    rest = {k: v for k, v in headers.items() if k != "Signature-256"}
    return body, {**rest, "Signature": base64.b64encode(sha1).decode()}


def resigned(new_body: Callable[[bytes], bytes]) -> Callable[..., tuple[bytes, Headers]]:
    """The body replaced and signed properly: only the content is wrong."""

    def change(body: bytes, headers: Headers, pki: AlexaPki) -> tuple[bytes, Headers]:
        replacement = new_body(body)
        return replacement, pki.signer.headers(replacement)

    return change


ECHO = "https://s3.amazonaws.com/echo.api/"
DISALLOWED_URLS = {
    "http chain URL": CHAIN_URL.replace("https", "http"),
    "other host": "https://notamazon.com/echo.api/echo-api-cert-test.pem",
    "lookalike host": "https://s3.amazonaws.com.evil.example/echo.api/x.pem",
    "port 8443": CHAIN_URL.replace(".com/", ".com:8443/"),
    "dot segments leave /echo.api/": ECHO + "../echo-api-cert-test.pem",
    "encoded dot segments": ECHO + "%2e%2e/echo-api-cert-test.pem",
    "path case differs": "https://s3.amazonaws.com/EcHo.aPi/test.pem",
    "credentials in URL": "https://x@s3.amazonaws.com/echo.api/test.pem",
    "query string": CHAIN_URL + "?versionId=1",
}
REFUSED = [
    Case("tampered body", altered(lambda b, h, p: (b.replace(b"en-US", b"en-GB"), h))),
    Case(
        "re-serialised JSON",
        altered(lambda b, h, p: (json.dumps(json.loads(b), indent=2).encode(), h)),
    ),
    Case("no Signature-256", altered(without("Signature-256"))),
    Case("no SignatureCertChainUrl", altered(without("SignatureCertChainUrl"))),
    Case("no signature headers", altered(without("Signature-256", "SignatureCertChainUrl"))),
    Case("only the legacy Signature header", altered(legacy_only)),
    Case("signature not base64", altered(lambda b, h, p: (b, {**h, "Signature-256": "!!x"}))),
    Case("empty signature", altered(lambda b, h, p: (b, {**h, "Signature-256": ""}))),
    *(Case(name, signed(url=url)) for name, url in DISALLOWED_URLS.items()),
    Case("expired signing certificate", signed(signer=lambda pki: pki.expired)),
    Case("certificate for another name", signed(signer=lambda pki: pki.wrong_name)),
    Case("certificate from an untrusted CA", signed(signer=lambda pki: pki.untrusted)),
    Case(
        "certificate without digitalSignature", signed(signer=lambda pki: pki.no_digital_signature)
    ),
    Case("chain download fails", signed(url=ECHO + "missing.pem")),
    Case("timestamp 200 s old", signed(at=lambda: ago(200))),
    Case("timestamp 200 s in the future", signed(at=lambda: ago(-200))),
    Case("launch 59 minutes old", signed(env.launch_request, at=lambda: ago(59 * 60))),
    Case(
        "skill event 61 minutes old",
        signed(lambda: env.skill_event("SkillEnabled"), at=lambda: ago(61 * 60)),
    ),
    Case("another skill's id", signed(skill_id="amzn1.ask.skill.someone-else")),
    Case("malformed JSON, signed", altered(resigned(lambda b: b[:-7]))),
    Case("a JSON array, signed", altered(resigned(lambda b: b"[]"))),
    Case(
        "unknown request type, signed",
        altered(resigned(lambda b: b.replace(b"IntentRequest", b"Nonsense"))),
    ),
    Case("body not UTF-8, signed", altered(resigned(lambda b: b.replace(b"en-US", b"\xff\xfe")))),
    Case("text/plain", altered(lambda b, h, p: (b, {**h, "Content-Type": "text/plain"})), 415),
    Case("no content type", altered(without("Content-Type")), 415),
    Case("body over the limit", altered(lambda b, h, p: (b + b" " * MAX_BODY_BYTES, h)), 413),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.name)
def test_crafted_requests_are_refused_with_a_4xx_and_change_nothing(
    web: Web, pki: AlexaPki, case: Case
) -> None:
    user = web.new_user()
    body, headers = case.build(web, pki, user)
    reply = web.post(body, headers)
    assert reply.status == case.status
    assert reply.json() == {"error": reply.json()["error"]}  # no reason, no speech, no state
    assert web.record(user) is None


ACCEPTED = [
    Case(
        "upper-case scheme and host",
        signed(url=CHAIN_URL.replace("https://s3.amazonaws.com", "HTTPS://S3.AMAZONAWS.COM")),
        200,
    ),
    Case("explicit port 443", signed(url=CHAIN_URL.replace(".com/", ".com:443/")), 200),
    Case(
        "dot segments staying in /echo.api/",
        signed(url=ECHO + "../echo.api/echo-api-cert-test.pem"),
        200,
    ),
    Case("timestamp 120 s old", signed(at=lambda: ago(120)), 200),
    Case(
        "skill event 59 minutes old",
        signed(lambda: env.skill_event("SkillEnabled"), at=lambda: ago(59 * 60)),
        200,
    ),
    Case(
        "header names in lower case",
        altered(lambda b, h, p: (b, {k.lower(): v for k, v in h.items()})),
        200,
    ),
]


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda case: case.name)
def test_requests_alexa_may_send_are_accepted(web: Web, pki: AlexaPki, case: Case) -> None:
    user = web.new_user()
    reply = web.post(*case.build(web, pki, user))
    assert reply.status == case.status
    assert reply.json()["version"] == "1.0"
    assert web.downloads.count[CHAIN_URL] == 1  # each URL spelling maps to the one chain


def test_refusal_reasons_go_to_the_log_not_to_the_caller(
    web: Web, pki: AlexaPki, caplog: pytest.LogCaptureFixture
) -> None:
    user = web.new_user()
    with caplog.at_level(logging.WARNING, logger="skill.web.app"):
        reply = web.send(envelope_for(user, complete_step()), signer=pki.expired)
    assert reply.status == 400 and b"valid" not in reply.body
    assert any("not valid at validation time" in r.getMessage() for r in caplog.records)
    assert not any(user in r.getMessage() for r in caplog.records)


def test_disallowed_chain_urls_are_never_downloaded(web: Web, pki: AlexaPki) -> None:
    for url in DISALLOWED_URLS.values():
        assert web.post(*signed(url=url)(web, pki, web.new_user())).status == 400
    assert not web.downloads.count


def test_a_failed_chain_download_does_not_stop_later_requests(web: Web, pki: AlexaPki) -> None:
    user = web.new_user()
    broken = signed(url=ECHO + "missing.pem")(web, pki, user)
    assert web.post(*broken).status == 400
    assert web.send(envelope_for(user, env.launch_request())).status == 200


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_only_post_is_allowed_on_the_endpoint(web: Web, method: str) -> None:
    assert web.request(method, "/").status == 405


def test_health_reports_the_store(web: Web) -> None:
    reply = web.request("GET", "/healthz")
    assert reply.status == 200 and reply.json() == {"status": "ok", "store": "ok"}


def test_a_store_that_is_down_fails_health_and_users_hear_a_short_apology(
    pki: AlexaPki,
) -> None:
    down = DynamoStore("kaizen", client=dynamodb.client("http://127.0.0.1:9"))
    downloads = ChainDownloads(pki.chains)
    for web in serve(verifying_app(pki, down, downloads), down, downloads, pki.signer):
        health = web.request("GET", "/healthz")
        assert health.status == 503 and health.json()["store"] == "unavailable"
        reply = web.send(envelope_for(web.new_user(), complete_step()))
        assert reply.status == 200 and "can't reach your progress" in reply.speech
        # A deletion nobody would hear about is refused loudly, so Alexa can deliver it again.
        event = web.send(envelope_for(web.new_user(), env.skill_event("SkillDisabled")))
        assert event.status == 503 and event.headers.get("Retry-After") == "60"
        # The operator sees both in /metrics.
        seen = web.metrics()
        assert seen["kaizen_store_errors_total", ()] == 2
        assert seen["kaizen_requests_total", (("outcome", "store_unavailable"),)] == 2


def test_many_concurrent_signed_requests_are_all_answered_and_nothing_is_lost(
    web: Web, pki: AlexaPki
) -> None:
    users = [web.new_user() for _ in range(20)]
    for user in users:
        assert web.send(envelope_for(user, env.launch_request())).status == 200
    # Per user, three goals added at the same moment (three writes that must all land) among
    # five reads.
    areas = ("walking", "gratitude", "breathing")
    turns = [intent("SetGoalIntent", area=area) for area in areas] + [intent("GetStepIntent")] * 5
    requests = [pki.signer.signed(envelope_for(user, turn)) for turn in turns for user in users]
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda signed: web.post(*signed).status, requests))
    assert statuses == [200] * len(requests)
    assert web.downloads.count[CHAIN_URL] == 1
    for user in users:
        record = web.record(user)
        assert record is not None
        assert {g.area for g in record.state.goals} == {"MOVE", "GRATITUDE", "BREATHE"}
        assert record.version == 4  # the first visit, then one write per goal


def test_a_skill_event_the_store_could_not_apply_may_be_delivered_again(
    pki: AlexaPki, sqlite_store: SqliteStore
) -> None:
    down = DynamoStore("kaizen", client=dynamodb.client("http://127.0.0.1:9"))
    downloads = ChainDownloads(pki.chains)
    checks = alexa_verifiers(trust_roots=pki.trust_roots, fetch_chain=downloads)
    user = "amzn1.ask.account.retried-event"
    event = pki.signer.signed(envelope_for(user, env.skill_event("SkillDisabled")))
    for store in (down, sqlite_store):  # the same verifiers (and replay memory) throughout
        app = create_app(
            Settings(store_url="sqlite:///unused", skill_id=env.DEFAULT_SKILL_ID),
            skill=KaizenSkill(store, env.DEFAULT_SKILL_ID),
            verifiers=checks,
        )
        for web in serve(app, store, downloads, pki.signer):
            status = web.post(*event).status
        assert status == (503 if store is down else 200)
