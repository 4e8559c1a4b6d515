"""The screen goes with the launch, the step, a completion and the look back, and only to a
device that shows APL; the first step and the look back leave a card in the Alexa app."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from skill.chat import envelope as env
from tests.e2e.conftest import LambdaHandler
from tests.support.builders import START, Heard, Speaker
from tests.support.phrases import step


def screen_of(heard: Heard) -> dict[str, Any] | None:
    """The screen's data source, if the reply sends one."""
    for directive in heard.envelope["response"].get("directives") or []:
        if directive.get("type") == "Alexa.Presentation.APL.RenderDocument":
            return dict(directive["datasources"]["kaizen"])
    return None


def walker(invoke: LambdaHandler, screen: bool) -> Speaker:
    caller = env.Caller(user_id=f"amzn1.ask.account.TEST-SCREEN-{screen}", screen=screen)
    person = Speaker(invoke, caller=caller)
    person.launch()
    person.say("SetGoalIntent", area="walking")
    return person


def test_an_echo_show_sees_the_step_the_days_and_the_growth_on_each_moment(
    lambda_handler: LambdaHandler,
) -> None:
    show = walker(lambda_handler, screen=True)
    show.on(START + timedelta(days=1))
    launch = show.launch()
    shown = screen_of(launch)
    assert shown is not None and shown["moment"] == "launch"
    assert shown["step"].lower() == step("MOVE", 5) and len(shown["days"]) == 7
    done = show.say("AMAZON.YesIntent")
    after = screen_of(done)
    assert after is not None and after["moment"] == "done" and after["daysDone"] == 1
    assert sum(1 for day in after["days"] if day["done"] and day["today"]) == 1
    # The first step leaves a card in the Alexa app, in words only.
    card = done.envelope["response"]["card"]
    assert card["type"] == "Standard" and "image" not in card and card["text"]
    asked = show.one_shot("GetStepIntent")
    assert (screen_of(asked) or {}).get("moment") == "step"
    show.on(START + timedelta(days=7))
    show.launch()
    week = show.say("AMAZON.YesIntent")  # yes to the look back
    looked = screen_of(week)
    assert looked is not None and looked["moment"] == "week"
    assert week.envelope["response"]["card"]["type"] == "Standard"


def test_a_speaker_without_a_screen_gets_no_screen_but_the_app_still_gets_the_cards(
    lambda_handler: LambdaHandler,
) -> None:
    speaker = walker(lambda_handler, screen=False)
    speaker.on(START + timedelta(days=1))
    replies = [speaker.launch(), speaker.say("AMAZON.YesIntent")]
    replies.append(speaker.one_shot("GetStepIntent"))
    assert all(screen_of(heard) is None for heard in replies)
    assert replies[1].envelope["response"]["card"]["type"] == "Standard"  # the first step
