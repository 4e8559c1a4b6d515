"""The user's API token goes only to Alexa's API hosts over HTTPS (or to this machine's stand-in),
whatever `apiEndpoint` an envelope names."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from skill.alexa.transport import is_alexa_api
from skill.app import KaizenSkill
from skill.chat import envelope as env
from tests.support.builders import Speaker


class Listener:
    """A TCP port on loopback that counts the connections it is offered."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.stop.set()
    found.thread.join(timeout=5)
    found.sock.close()


def test_an_envelope_naming_another_api_endpoint_gets_no_token(
    skill: KaizenSkill, listener: Listener
) -> None:
    # 0.0.0.0 reaches this machine's listener, yet is not a loopback name: it stands for any
    # host that is not Alexa's.
    for endpoint in (f"https://0.0.0.0:{listener.port}", f"http://0.0.0.0:{listener.port}"):
        caller = env.Caller(
            user_id="amzn1.ask.account.ENDPOINT-TEST", api_endpoint=endpoint, api_token="secret"
        )
        say = Speaker(skill.invoke, caller=caller)
        say.launch()  # looks up the device's time zone
        say.say("SetGoalIntent", area="moving")
        say.say("SetReminderIntent", time="08:00")
    assert listener.connections == 0


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://api.amazonalexa.com/v2/devices/d/settings/System.timeZone", True),
        ("https://api.eu.amazonalexa.com/v1/alerts/reminders", True),
        ("https://api.fe.amazonalexa.com:443/v1/alerts/reminders", True),
        ("http://127.0.0.1:8123/v1/alerts/reminders", True),
        ("http://localhost:8123/v1/alerts/reminders", True),
        ("http://api.amazonalexa.com/v1/alerts/reminders", False),
        ("https://api.amazonalexa.com:8443/v1/alerts/reminders", False),
        ("https://api.amazonalexa.com.evil.example/v1/alerts/reminders", False),
        ("https://evil.example/v1/alerts/reminders", False),
        ("https://user@evil.example/v1", False),
        ("ftp://api.amazonalexa.com/", False),
    ],
)
def test_only_alexas_api_hosts_and_this_machine_are_called(url: str, allowed: bool) -> None:
    assert is_alexa_api(url) is allowed
