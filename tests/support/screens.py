"""One person's weeks, as the screens would show them: every moment, a short and a long step.

Sam started walking on a Sunday three weeks ago (5 minutes, grown to 7), added gratitude the
next week, and has done most days since. It is Wednesday: Sunday and Monday are done, Tuesday
was missed, today is not done yet (the launch and the step) or just done (the completion).
The look back is on the following Sunday, the first visit of a new week, about the week before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from skill.coach.areas import Unit
from skill.coach.days import Days
from skill.coach.state import Goal, SizeChange, UserState, Why, new_goal
from skill.coach.today import plan_day
from skill.coach.week import last_week
from skill.screen import Moment, Screen, build_screen
from skill.speech.phrasebook import phrasebook

BOOK = phrasebook("en-US")
FIRST_WEEKDAY = BOOK.first_weekday  # Sunday in the US
STARTED = date(2026, 10, 4)  # a Sunday
WEDNESDAY = date(2026, 10, 21)
NEXT_SUNDAY = date(2026, 10, 25)


def _october(*days: int) -> tuple[date, ...]:
    return tuple(date(2026, 10, d) for d in days)


BEFORE = _october(4, 5, 6, 8, 9, 11, 12, 13, 14, 16)  # the first two weeks' walks
SO_FAR = _october(18, 19)  # this week's walks before Wednesday (Tuesday was missed)
LAST_WEEK = _october(18, 19, 21, 22, 24)  # the week looked back at on the next Sunday


def _days(*days: date) -> Days:
    done = Days()
    for day in days:
        done = done.add(day)
    return done


def walk(done: tuple[date, ...], *, grew_again: bool) -> Goal:
    """The walk: 5 minutes at the start, 6 after a week, 7 after two; with `grew_again`,
    8 since last Thursday (the growth the look back tells of)."""
    changes = (
        SizeChange(date(2026, 10, 11), 2, Why.GREW),
        SizeChange(date(2026, 10, 15), 3, Why.GREW),
    )
    if grew_again:
        changes += (SizeChange(date(2026, 10, 22), 4, Why.GREW),)
    last = changes[-1]
    return replace(
        new_goal("MOVE", STARTED),
        rung=last.rung,
        done=_days(*done),
        total_done=len(done),
        changes=changes,
        changed_on=last.day,
        grown_on=last.day,
    )


def gratitude(done: tuple[date, ...]) -> Goal:
    """Noticing one good thing a day, since the second Sunday; it felt hard once, on a Monday."""
    goal = new_goal("GRATITUDE", date(2026, 10, 11))
    return replace(goal, done=_days(*done), total_done=len(done), hard_days=_october(19))


def reading(done: tuple[date, ...]) -> Goal:
    """A custom goal whose step is long to say: to show how a long step fits on a screen."""
    goal = new_goal("CUSTOM", STARTED, "reading to my kid before bed", Unit.PAGES)
    return replace(goal, rung=4, done=_days(*done), total_done=len(done))


def wednesday(*, today_done: bool, long_step: bool = False) -> UserState:
    """Sam on Wednesday, with today's step done or not."""
    done = BEFORE + SO_FAR + ((WEDNESDAY,) if today_done else ())
    focus = reading(done) if long_step else walk(done, grew_again=False)
    return UserState(goals=(focus, gratitude(_october(11, 12, 18, 19))), first_seen=STARTED)


def next_sunday(*, long_step: bool = False) -> UserState:
    """Sam on the next Sunday: last week had five walks and four grateful days."""
    done = BEFORE + LAST_WEEK
    focus = reading(done) if long_step else walk(done, grew_again=True)
    return UserState(goals=(focus, gratitude(_october(18, 19, 20, 23))), first_seen=STARTED)


def screen(moment: Moment, *, long_step: bool = False) -> Screen:
    """The screen for a moment of Sam's week."""
    if moment is Moment.WEEK:
        person, today = next_sunday(long_step=long_step), NEXT_SUNDAY
        look = last_week(person, today, FIRST_WEEKDAY)
    else:
        person, today = wednesday(today_done=moment is Moment.DONE, long_step=long_step), WEDNESDAY
        look = None
    plan = plan_day(person, today, FIRST_WEEKDAY)
    built = build_screen(moment, person, plan, BOOK, FIRST_WEEKDAY, look=look)
    assert built is not None
    return built
