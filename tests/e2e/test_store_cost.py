"""Turns that only read cost one read and no write, on both stores.

A person who asks for their step, their progress, their goals, some encouragement or help,
or opens the skill on an ordinary day, changes nothing they would notice: the record is read
once and left as it was (the day's bookkeeping waits for the next real write). On DynamoDB
that is one read unit and no write units for most turns of most days.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from skill.app import KaizenSkill
from skill.chat import envelope as env
from skill.coach.state import UserState
from skill.store import Record, Store, codec, user_key
from tests.support.builders import ALICE, START, Speaker

READ_ONLY = (
    ("GetStepIntent", {}),
    ("ProgressIntent", {}),
    ("ListGoalsIntent", {}),
    ("EncourageIntent", {}),
    ("AMAZON.HelpIntent", {}),
)


class Counted:
    """A store that counts the calls a turn makes on the real one underneath."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.calls: Counter[str] = Counter()

    def load(self, key: str) -> Record | None:
        self.calls["load"] += 1
        return self.store.load(key)

    def save(self, key: str, state: UserState, expected_version: int | None) -> int:
        self.calls["save"] += 1
        return self.store.save(key, state, expected_version)

    def delete(self, key: str) -> None:
        self.calls["delete"] += 1
        self.store.delete(key)

    def healthy(self) -> bool:
        return self.store.healthy()


@pytest.mark.parametrize("person", [None, "amzn1.ask.person.TEST-SAM"])
def test_read_only_turns_read_once_and_write_nothing(store: Store, person: str | None) -> None:
    """The same for the account and for a recognised person in the household's record."""
    counted = Counted(store)
    alice = Speaker(KaizenSkill(counted).invoke, caller=env.Caller(user_id=ALICE, person_id=person))
    alice.one_shot("SetGoalIntent", area="walking")
    alice.on(START + timedelta(days=1)).one_shot("CompleteStepIntent")
    record = store.load(user_key(ALICE))
    assert record is not None
    alice.on(START + timedelta(days=2))
    for name, slots in READ_ONLY:
        counted.calls.clear()
        heard = alice.one_shot(name, **slots)
        assert heard.text, name
        assert counted.calls["save"] == 0, f"{name} wrote"
        assert counted.calls["load"] <= 1, f"{name} read {counted.calls['load']} times"
    counted.calls.clear()
    launch = alice.launch()  # an ordinary day: the step, and "have you done it yet?"
    assert launch.said("ask.done_yet") and counted.calls == Counter({"load": 1})
    after = store.load(user_key(ALICE))
    assert after is not None and after.version == record.version and after.state == record.state
    # The next real change writes once, the day's bookkeeping with it.
    counted.calls.clear()
    alice.say("AMAZON.YesIntent")
    assert counted.calls == Counter({"load": 1, "save": 1})


def test_a_persons_progress_is_kept_under_a_hash_of_their_id_never_the_id(store: Store) -> None:
    person = "amzn1.ask.person.TEST-PRIVATE-PERSON"
    sam = Speaker(KaizenSkill(store).invoke, caller=env.Caller(user_id=ALICE, person_id=person))
    sam.launch()
    sam.say("SetGoalIntent", area="walking")
    record = store.load(user_key(ALICE))
    assert record is not None and [key for key, _ in record.state.people] == [user_key(person)]
    assert person not in codec.dumps(record.state) and "PRIVATE" not in codec.dumps(record.state)
