"""The logs of whole conversations, good and bad, hold no user id, device id or spoken words."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from skill.app import KaizenSkill, RequestRejected
from skill.chat import envelope as env
from skill.store.sqlite import SqliteStore
from tests.reliability.conftest import Handler
from tests.support.builders import Speaker, intent
from tests.support.lambda_entry import load_lambda
from tests.web.conftest import Web

USER = "amzn1.ask.account.PRIVATE-PERSON-7Q2"
DEVICE = "amzn1.ask.device.PRIVATE-SPEAKER-9Z4"
WORDS = "juggle tangerines"  # a custom goal: the person's own words


def conversation(say: Speaker) -> None:
    """Everything a person might do in a week, including what goes wrong."""
    say.launch()
    say.say("SetGoalIntent", area=WORDS)
    say.say("GetStepIntent")
    say.say("CompleteStepIntent", area=WORDS)
    say.say("RateStepIntent", rating="hard")
    say.say("AMAZON.FallbackIntent")
    say.say("ProgressIntent", area="underwater basket weaving")
    say.say("RemoveGoalIntent", area=WORDS)
    say.say("DeleteDataIntent")
    say.say("AMAZON.YesIntent")


def assert_private(caplog: pytest.LogCaptureFixture) -> None:
    # The formatted lines with their tracebacks, and the raw arguments of each message.
    text = caplog.text + "\n".join(repr(record.args) for record in caplog.records)
    assert caplog.records, "the run should have logged something to check"
    for secret in (USER, DEVICE, "PRIVATE", "tangerines", "basket"):
        assert secret not in text


def caller() -> env.Caller:
    return env.Caller(user_id=USER, device_id=DEVICE)


def test_a_lambda_conversation_and_its_failures_leave_nothing_personal_in_the_logs(
    lambda_on_dynamodb: Handler, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.DEBUG, logger="skill")
    caplog.set_level(logging.INFO)  # what the deployed function logs at
    conversation(Speaker(lambda event: lambda_on_dynamodb(event, None), caller=caller()))

    monkeypatch.setenv("KAIZEN_SKILL_ID", "amzn1.ask.skill.someone-else")
    stranger = env.envelope(caller(), intent("GetStepIntent"), timestamp=datetime.now(UTC))
    with pytest.raises(RequestRejected):
        load_lambda("lambda_for_another_skill").lambda_handler(stranger, None)
    broken = env.envelope(caller(), intent("GetStepIntent"), timestamp=datetime.now(UTC))
    broken["request"]["intent"] = WORDS  # unreadable: a string where an object belongs
    monkeypatch.setenv("KAIZEN_SKILL_ID", env.DEFAULT_SKILL_ID)
    lambda_on_dynamodb(broken, None)
    assert_private(caplog)


def test_a_webservice_conversation_and_its_refusals_leave_nothing_personal_in_the_logs(
    web: Web, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="skill")
    caplog.set_level(logging.INFO)

    def post(envelope: dict[str, object]) -> dict[str, object]:
        envelope["request"]["timestamp"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")  # type: ignore[index]
        reply = web.send(envelope)
        assert reply.status == 200
        result: dict[str, object] = reply.json()
        return result

    conversation(Speaker(post, caller=caller()))
    stale = env.envelope(
        caller(), intent("GetStepIntent"), timestamp=datetime.now(UTC) - timedelta(hours=1)
    )
    assert web.send(stale).status == 400
    body, headers = web.signer.signed(stale)
    assert web.post(body, {**headers, "Signature-256": "AAAA"}).status == 400
    assert_private(caplog)


def test_after_delete_my_data_a_custom_goals_words_are_in_no_file_of_the_sqlite_store(
    sqlite_store: SqliteStore,
) -> None:
    say = Speaker(KaizenSkill(sqlite_store).invoke, caller=caller())
    say.launch()
    say.say("SetGoalIntent", area=WORDS)
    say.say("AMAZON.YesIntent")  # a custom goal is kept once the person says yes to it
    for _ in range(3):
        say.say("CompleteStepIntent", area=WORDS)
        say.say("RateStepIntent", rating="hard")
    files = sorted(sqlite_store.path.parent.glob(f"{sqlite_store.path.name}*"))
    assert any(b"tangerines" in path.read_bytes() for path in files)  # it was stored
    say.say("DeleteDataIntent")
    assert "deleted" in say.say("AMAZON.YesIntent").text.lower()
    for path in sorted(sqlite_store.path.parent.glob(f"{sqlite_store.path.name}*")):
        assert b"tangerines" not in path.read_bytes(), path.name
