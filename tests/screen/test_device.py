"""A screen goes only to a device that says it has one, and can run the document's APL."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from skill.chat import envelope as env
from skill.screen import supports_apl
from skill.screen.directive import apl_version


def launch(interfaces: Any = None) -> dict[str, Any]:
    """A real LaunchRequest envelope, as the chat builds it, with these supportedInterfaces."""
    caller = env.Caller(user_id="amzn1.ask.account.TEST-SCREEN")
    event = env.envelope(caller, env.launch_request(), timestamp=datetime.now(UTC))
    if interfaces is not None:
        event["context"]["System"]["device"]["supportedInterfaces"] = interfaces
    return event


def test_an_echo_show_gets_a_screen() -> None:
    echo_show = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2024.2"}}}
    assert supports_apl(launch(echo_show))


@pytest.mark.parametrize(
    "interfaces",
    [
        {},  # a speaker without a screen
        {"AudioPlayer": {}},  # a speaker that plays music
        {"Alexa.Presentation.APLT": {"runtime": {"maxVersion": "1.0"}}},  # a clock's digits
        {"Display": {}},  # the retired display templates are not APL
        {"Alexa.Presentation.APL": None},
        {"Alexa.Presentation.APL": "yes"},
        ["Alexa.Presentation.APL"],
        "Alexa.Presentation.APL",
    ],
)
def test_a_device_without_the_apl_interface_gets_nothing(interfaces: Any) -> None:
    assert not supports_apl(launch(interfaces))


def test_envelopes_missing_the_device_or_context_get_nothing() -> None:
    event = launch({"Alexa.Presentation.APL": {}})
    for cut in (("context",), ("context", "System"), ("context", "System", "device")):
        broken = copy.deepcopy(event)
        node = broken
        for key in cut[:-1]:
            node = node[key]
        node[cut[-1]] = None
        assert not supports_apl(broken), cut
    assert not supports_apl({})


def test_a_runtime_older_than_the_document_gets_nothing() -> None:
    assert apl_version() == "1.4"
    older = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "1.3"}}}
    assert not supports_apl(launch(older))
    for newer in ("1.4", "1.9", "2023.3", "2024.3"):
        apl = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": newer}}}
        assert supports_apl(launch(apl)), newer


def test_an_apl_device_that_does_not_say_its_version_still_gets_a_screen() -> None:
    for runtime in ({}, {"runtime": {}}, {"runtime": {"maxVersion": "latest"}}):
        assert supports_apl(launch({"Alexa.Presentation.APL": runtime})), runtime
