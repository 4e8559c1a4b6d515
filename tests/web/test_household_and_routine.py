"""A routine offer and a shared home, end to end through the verifying webservice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from skill.chat import envelope as env
from skill.coach import progression
from skill.coach.state import UserState, new_goal, week_start
from skill.speech.phrasebook import phrasebook
from skill.store import user_key
from tests.support.builders import Heard, Speaker, intent
from tests.support.phrases import step
from tests.web.conftest import Web

ACCOUNT = "amzn1.ask.account.TEST-WEB-HOME"


def speaker(web: Web, person: str | None = None) -> Speaker:
    """Someone speaking through Alexa to the webservice, now (requests must be fresh)."""

    def post(envelope: dict[str, Any]) -> dict[str, Any]:
        envelope["request"]["timestamp"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        reply = web.send(envelope)
        assert reply.status == 200, reply.body
        result: dict[str, Any] = reply.json()
        return result

    return Speaker(post, caller=env.Caller(user_id=ACCOUNT, person_id=person))


def test_a_routine_is_offered_on_the_third_day_and_its_result_is_heard(web: Web) -> None:
    today = datetime.now(UTC).date()
    walk = new_goal("MOVE", today - timedelta(days=5))
    for back in (2, 1):
        walk, _ = progression.complete(walk, today - timedelta(days=back))
    zone_known = datetime.now(UTC) + timedelta(days=1)
    state = UserState(
        goals=(replace_asked(walk, today),),
        total_steps=2,
        first_seen=walk.started_on,
        last_seen=today,
        time_zone="UTC",
        time_zone_until=zone_known,
        reviewed_week=week_start(today, phrasebook("en-US").first_weekday),  # looked back
    )
    web.store.save(user_key(ACCOUNT), state, None)
    person = speaker(web)
    person.launch()
    offer = person.say("AMAZON.YesIntent")
    assert offer.said("routine.offer", time="8 AM"), offer.text
    handed = person.say("AMAZON.YesIntent")
    [directive] = handed.envelope["response"]["directives"]
    assert directive["type"] == "Connections.StartConnection"
    result = person.send(env.session_resumed_request(directive["token"], "200"))
    assert result.said("routine.created")


def replace_asked(goal: Any, today: Any) -> Any:
    """The goal as if "how did it feel?" was asked this week (so the routine is what is asked)."""
    return progression.asked_feeling(goal, today - timedelta(days=1))


def test_two_people_and_the_account_share_one_device_through_the_webservice(web: Web) -> None:
    sam, alex, account = (
        speaker(web, "amzn1.ask.person.WEB-SAM"),
        speaker(web, "amzn1.ask.person.WEB-ALEX"),
        speaker(web),
    )
    for who, area in ((sam, "walking"), (alex, "gratitude")):
        who.launch()
        who.say("SetGoalIntent", area=area)
    sam_step: Heard = sam.one_shot("GetStepIntent")
    assert step("MOVE", 5) in sam_step.text and step("GRATITUDE", 1) not in sam_step.text
    assert step("GRATITUDE", 1) in alex.one_shot("GetStepIntent").text
    account.launch()
    account.say("DeleteDataIntent")
    assert account.say("AMAZON.YesIntent").said("delete.household")
    assert account.say("AMAZON.YesIntent").said("delete.household_done")
    assert web.record(ACCOUNT) is None


def test_a_screen_is_sent_only_to_a_device_that_shows_apl(web: Web) -> None:
    def launch_on(screen: bool) -> dict[str, Any]:
        user = web.new_user()
        caller = env.Caller(user_id=user, screen=screen)
        for request in (env.launch_request(), intent("SetGoalIntent", area="walking")):
            stamp = datetime.now(UTC)
            reply = web.send(env.envelope(caller, request, timestamp=stamp, session_id="s"))
            assert reply.status == 200
        stamp = datetime.now(UTC)
        again = web.send(env.envelope(caller, env.launch_request(), timestamp=stamp))
        result: dict[str, Any] = again.json()["response"]
        return result

    def kinds(screen: bool) -> list[str]:
        return [d["type"] for d in launch_on(screen).get("directives", [])]

    assert "Alexa.Presentation.APL.RenderDocument" in kinds(screen=True)
    assert not [k for k in kinds(screen=False) if k.startswith("Alexa.Presentation")]
