"""The `kaizen` command: `kaizen chat` talks to the skill in text, as a speaker would hear it."""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.chat.alexa_api import AlexaApiStandIn
from skill.chat.nlu import Resolver
from skill.chat.session import Session
from skill.config import Settings, default_store_url
from skill.handlers.questions import SlotAnswer
from skill.interaction import locales
from skill.speech.ssml import Ssml, plain
from skill.store import open_store

# Where `--alexa-apis` keeps the stand-in's grants and reminders, beside the store's file.
STAND_IN_FILE = "alexa-stand-in.json"


_NAME_TAG = re.compile(r'<alexa:name\b[^>]*\bpersonId="([^"]*)"[^>]*/>')


def spoken_text(response: dict[str, Any], names: Mapping[str, str] | None = None) -> str | None:
    """The words Alexa would say for a response envelope (SSML tags removed).

    `names` plays Alexa's part for `<alexa:name personId=.../>`: the person's name as their
    voice profile has it (without one, the tag says nothing).
    """
    speech = (response.get("response") or {}).get("outputSpeech") or {}
    ssml = speech.get("ssml") or speech.get("text")
    if not ssml:
        return None
    known = names or {}
    ssml = _NAME_TAG.sub(lambda tag: html.escape(known.get(html.unescape(tag[1]), "")), ssml)
    return plain(Ssml(ssml)) or None


class Conversation:
    """Turns typed words into requests in one user's sessions: a launch first, then intents.

    With a stand-in for Alexa's APIs it also plays the device's part: it answers Alexa's
    own permission prompt from the next typed line, and shows cards and reminders.
    """

    def __init__(
        self,
        skill: KaizenSkill,
        resolver: Resolver,
        caller: env.Caller,
        start: datetime,
        alexa: AlexaApiStandIn | None = None,
        person: str | None = None,
    ) -> None:
        self.resolver = resolver
        self.caller = caller
        self.alexa = alexa
        self.session = Session(skill.invoke, caller, start, gap=timedelta(seconds=5))
        self.pending_prompt: str | None = None
        self.pending_routine: dict[str, Any] | None = None
        self.routines: list[str] = []  # the tokens of routines created in this run
        self.names: dict[str, str] = (
            {caller.person_id: person} if caller.person_id and person else {}
        )
        self.elicited: SlotAnswer | None = None
        self._reminders: list[str] = []
        self._reminder_changes()  # what Alexa already holds (from an earlier run) is not news

    def launch(self) -> list[str]:
        """Open the skill, as 'Alexa, open kaizen coach'."""
        return self._show(self.session.send(env.launch_request(), new=True))

    def say(self, text: str) -> list[str]:
        """One typed utterance: in the open session, or as a one-shot in a new one."""
        if self.pending_prompt is not None:
            return self._answer_prompt(text, self.pending_prompt)
        if self.pending_routine is not None:
            return self._answer_routine(text, self.pending_routine)
        elicited = self.elicited if self.session.open else None
        resolution = self.resolver.resolve(text, elicited)
        if resolution.launch:
            return self.launch()
        assert resolution.intent is not None
        request = env.intent_request(resolution.intent, resolution.slots)
        return self._show(self.session.send(request))

    def _answer_prompt(self, text: str, token: str) -> list[str]:
        self.pending_prompt = None
        allowed = self.resolver.resolve(text).intent == "AMAZON.YesIntent"
        if allowed and self.alexa is not None and self.caller.api_token:
            self.alexa.grant(self.caller.api_token)
        answer = env.permission_answer("ACCEPTED" if allowed else "DENIED", token)
        return self._show(self.session.send(answer, new=True))

    def _answer_routine(self, text: str, directive: dict[str, Any]) -> list[str]:
        """Alexa's routine offer, answered: created (or already there), or declined."""
        self.pending_routine = None
        token = str(directive.get("token") or "")
        allowed = self.resolver.resolve(text).intent == "AMAZON.YesIntent"
        lines = []
        if not allowed:
            result = env.session_resumed_request(token, "204", "REJECTED_BY_CUSTOMER")
        elif token in self.routines:
            result = env.session_resumed_request(token, "204", "AUTOMATION_ALREADY_ENABLED")
        else:
            self.routines.append(token)
            result = env.session_resumed_request(token, "200")
            lines.append(f"[routines] {describe_routine(directive, self.caller.locale)}")
        return self._show(self.session.send(result)) + lines

    def _show(self, response: dict[str, Any]) -> list[str]:
        """What the person hears and sees: speech, Alexa's own prompt, cards, reminders."""
        text = spoken_text(response, self.names)
        lines = [f"Alexa: {text}"] if text else []
        body = response.get("response") or {}
        self.elicited = elicited_slot(body)
        for directive in body.get("directives") or []:
            if directive.get("type") == "Connections.SendRequest":
                self.pending_prompt = str(directive.get("token") or "")
                lines.append(f"Alexa: {alexa_says(self.caller.locale)['permission']}")
            if directive.get("type") == "Connections.StartConnection":
                self.pending_routine = directive
                lines.append(f"Alexa: {alexa_routine_offer(directive, self.caller.locale)}")
            if directive.get("type") == "Alexa.Presentation.APL.RenderDocument":
                lines.append(f"[screen] {describe_screen(directive)}")
        card = body.get("card") or {}
        if card.get("type") == "AskForPermissionsConsent":
            lines.append("[Alexa app] a card asks you to allow: reminders")
        elif card.get("type") in ("Standard", "Simple"):
            text = " / ".join(str(card.get("text") or card.get("content") or "").splitlines())
            lines.append(f"[Alexa app] {card.get('title')}: {text}")
        lines += self._reminder_changes()
        return lines

    def _reminder_changes(self) -> list[str]:
        if self.alexa is None or not self.caller.api_token:
            return []
        now = [_describe(r) for r in self.alexa.reminders(self.caller.api_token)]
        changed, self._reminders = now != self._reminders, now
        if not changed:
            return []
        return [f"[reminders] {each}" for each in now] or ["[reminders] none"]


def elicited_slot(body: dict[str, Any]) -> SlotAnswer | None:
    """The slot a response asks Alexa to hear the next words as (Dialog.ElicitSlot), if any."""
    for directive in body.get("directives") or []:
        if directive.get("type") == "Dialog.ElicitSlot":
            intent = (directive.get("updatedIntent") or {}).get("name")
            slot = directive.get("slotToElicit")
            if isinstance(intent, str) and isinstance(slot, str):
                return SlotAnswer(intent, slot)
    return None


# What Alexa herself says when the chat plays the device (her exact words are hers): the
# permission prompt for reminders, and her routine offer, in each language the skill speaks.
ALEXA_SAYS: dict[str, dict[str, str]] = json.loads(
    resources.files("skill.chat").joinpath("alexa_says.json").read_text(encoding="utf-8")
)


def describe_screen(directive: dict[str, Any]) -> str:
    """What an Echo Show would show, in one line: title, step, the week's days, growth."""
    shown = (directive.get("datasources") or {}).get("kaizen") or {}
    days = " ".join(
        f"{html.unescape(str(day.get('name')))}{'●' if day.get('done') else '○'}"
        for day in shown.get("days") or []
    )
    parts = [
        shown.get("title"),
        shown.get("step"),
        days,
        shown.get("daysText"),
        shown.get("growth"),
    ]
    return " | ".join(html.unescape(str(part)) for part in parts if part)


def alexa_says(locale: str) -> dict[str, str]:
    """Alexa's own words for the chat's device, in the locale's language (English if new)."""
    return ALEXA_SAYS.get(locale.split("-")[0], ALEXA_SAYS["en"])


def alexa_routine_offer(directive: dict[str, Any], locale: str = "en-US") -> str:
    """Words in the spirit of Alexa's own routine offer (her real wording is hers to choose)."""
    return alexa_says(locale)["routine"].format(what=describe_routine(directive, locale))


def describe_routine(directive: dict[str, Any], locale: str = "en-US") -> str:
    """A routine offer as a person would read it in the Alexa app."""
    words = alexa_says(locale)
    offer = directive.get("input") or {}
    trigger = (offer.get("automation") or {}).get("trigger") or {}
    payload = trigger.get("payload") or {}
    operations = (offer.get("renderingData") or {}).get("operations") or {}
    first: dict[str, Any] = next(iter(operations.values()), {})
    what = first.get("descriptionPrompt", "")
    schedule = payload.get("schedule")
    if schedule:
        at = str(schedule.get("triggerTime", ""))
        zone = schedule.get("timeZoneId")
        return words["daily"].format(what=what, at=f"{at[:2]}:{at[2:4]}", zone=zone)
    utterances = payload.get("utterances") or ["?"]
    return words["spoken"].format(what=what, phrase=utterances[0])


def _describe(reminder: dict[str, Any]) -> str:
    trigger = reminder.get("trigger") or {}
    start = str((trigger.get("recurrence") or {}).get("startDateTime", ""))
    content = ((reminder.get("alertInfo") or {}).get("spokenInfo") or {}).get("content") or [{}]
    return f"every day at {start[11:16]} ({trigger.get('timeZoneId')}): {content[0].get('text')}"


def _lines(stream: TextIO, stdout: TextIO) -> Iterator[str]:
    """What the person types; piped lines are echoed as `You: ...` so a transcript reads."""
    if stream.isatty():
        while True:
            try:
                yield input("You: ")
            except EOFError:
                return
    else:
        for line in stream:
            text = line.rstrip("\n")
            if text.strip():
                print(f"You: {text}", file=stdout, flush=True)
            yield text


class UsageError(Exception):
    """An option the chat cannot use; the message says which and why."""


def start_time(day: str | None, at: str | None, zone: str) -> datetime:
    """The moment of the chat's first request: `--date` and `--time` in the device's zone.

    Without `--date` it is today; without `--time` it is now, or noon on a given date.
    """
    try:
        where = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise UsageError(f"--time-zone {zone!r} is not a time zone, e.g. Europe/Berlin") from error
    now = datetime.now(where)
    try:
        on = date.fromisoformat(day) if day else now.date()
    except ValueError as error:
        raise UsageError(f"--date {day!r} is not a date: use YYYY-MM-DD") from error
    try:
        clock = time.fromisoformat(at) if at else (time(12, 0) if day else now.time())
    except ValueError as error:
        raise UsageError(f"--time {at!r} is not a time of day: use HH:MM") from error
    return datetime.combine(on, clock, tzinfo=where).astimezone(UTC)


def chat(args: argparse.Namespace, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Run a text conversation; prints `You: ...` and `Alexa: <spoken text>` per turn."""
    if args.locale not in locales():
        raise UsageError(f"--locale {args.locale!r} is not one of {', '.join(locales())}")
    start = start_time(args.date, args.time, args.time_zone)
    settings = Settings.load(store_url=args.store)
    try:
        store = open_store(settings.store_url)
    except ValueError as error:
        raise UsageError(str(error)) from error
    if not (args.store or settings.store_url != default_store_url()):
        print(f"(progress is kept in {settings.store_url})", file=sys.stderr)
    skill = KaizenSkill(store, settings.skill_id)
    resolver = Resolver.for_locale(args.locale)
    user_id = f"amzn1.ask.account.local-{args.user}"
    person_id = f"amzn1.ask.person.local-{args.person}" if args.person else None
    caller = env.Caller(
        user_id=user_id, locale=args.locale, person_id=person_id, screen=args.screen
    )
    if settings.skill_id:
        caller.skill_id = settings.skill_id
    with ExitStack() as stack:
        alexa = None
        if args.alexa_apis:
            alexa = stack.enter_context(AlexaApiStandIn(state_file=_stand_in_file(settings)))
            alexa.zones[caller.device_id] = args.time_zone
            caller.api_endpoint, caller.api_token = alexa.url, alexa.token_for(user_id)
        talk = Conversation(skill, resolver, caller, start, alexa, person=args.person)

        def show(lines: list[str]) -> None:
            for line in lines:
                print(line, file=stdout, flush=True)

        show(talk.launch())
        for line in _lines(stdin, stdout):
            if line.strip():
                show(talk.say(line))
    return 0


def _stand_in_file(settings: Settings) -> Path:
    """Beside a SQLite store's file; for DynamoDB, beside the default store's."""
    url = settings.store_url if settings.store_url.startswith("sqlite://") else default_store_url()
    return Path(url.removeprefix("sqlite://")).parent / STAND_IN_FILE


def serve(args: argparse.Namespace) -> int:
    """Run the self-hosted webservice (verifying every request unless --no-verify)."""
    # Imported here so `kaizen chat` never loads Flask, waitress or the verifiers.
    from skill.web.app import create_app
    from skill.web.serve import UnsafeBinding, check_binding
    from skill.web.serve import serve as run_server
    from skill.web.verifiers import alexa_verifiers

    logging.getLogger().setLevel(logging.INFO)
    verify = not args.no_verify
    try:
        check_binding(args.host, verify)
    except UnsafeBinding as refusal:
        print(f"kaizen serve: {refusal}", file=sys.stderr)
        return 2
    settings = Settings.load(store_url=args.store, skill_id=args.skill_id)
    verifiers = None if verify else alexa_verifiers(verify_signature=False)
    app = create_app(settings, verifiers=verifiers, loopback_host_only=not verify)
    run_server(app, args.host, args.port, verify=verify, skill_id=settings.skill_id)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(prog="kaizen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    talk = commands.add_parser("chat", help="talk to the skill by typing what you would say")
    talk.add_argument("--user", default="me", help="who is talking (a local name, default: me)")
    talk.add_argument("--date", help="the day to act on, YYYY-MM-DD (default: today)")
    talk.add_argument(
        "--time", help="the time of day of the first turn, HH:MM (default: now; noon with --date)"
    )
    talk.add_argument("--locale", default="en-US", help="the locale (default: en-US)")
    talk.add_argument(
        "--screen",
        action="store_true",
        help="play a device with a screen (Echo Show): print what the screen shows",
    )
    talk.add_argument(
        "--person",
        help="a person Alexa recognises by voice in this household (their own progress; "
        "Alexa greets them by this name)",
    )
    talk.add_argument(
        "--store",
        help="sqlite:///path.db or dynamodb://TABLE (default: KAIZEN_STORE, else a kaizen.db "
        "in your user data folder)",
    )
    talk.add_argument(
        "--alexa-apis",
        action="store_true",
        help="run a local stand-in for Alexa's Settings and Reminders APIs (reminders work; "
        "grants and reminders are kept beside the store between runs)",
    )
    talk.add_argument(
        "--time-zone",
        default="UTC",
        help="the device's time zone: --date and --time are read in it, and with --alexa-apis "
        "the skill learns it, e.g. Europe/Berlin (default: UTC)",
    )
    talk.set_defaults(run=chat)

    web = commands.add_parser("serve", help="run the self-hosted Alexa webservice")
    web.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    web.add_argument("--port", type=int, default=8080, help="port to bind (default: 8080)")
    web.add_argument(
        "--store", help="sqlite:///path.db or dynamodb://TABLE (default: KAIZEN_STORE)"
    )
    web.add_argument("--skill-id", help="answer only this skill id (default: KAIZEN_SKILL_ID)")
    web.add_argument(
        "--no-verify",
        action="store_true",
        help="skip signature and timestamp checks; local testing on a loopback address only",
    )
    web.set_defaults(run=serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `kaizen` console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
    except UsageError as error:
        parser.error(str(error))  # prints the usage and the reason, and exits with status 2
    return result


if __name__ == "__main__":
    sys.exit(main())
