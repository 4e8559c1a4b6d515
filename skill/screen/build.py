"""Builds a Screen from the values the speech already uses: the state, the day's plan, the week.

Pure: no SDK, no I/O, no clock. The words come from the phrasebook (each `screen.*` phrase has
one variant: a screen should say the same thing each time it shows the same facts), and the
step, sizes, names and dates are said by the same phrasebook methods as the speech, so the
screen never disagrees with what Alexa says.
"""

from __future__ import annotations

from datetime import date, timedelta

from skill.coach.state import Goal, UserState, week_start
from skill.coach.today import DayPlan
from skill.coach.week import GoalWeek, WeekLook, this_week
from skill.screen.model import DayMark, Growth, Moment, Screen
from skill.screen.words import capital, say
from skill.speech.phrasebook import Phrasebook
from skill.speech.ssml import plain

# Phrase keys for the days, by `date.weekday()` (0 is Monday).
_SHORT = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def build_screen(
    moment: Moment,
    state: UserState,
    plan: DayPlan,
    book: Phrasebook,
    first_weekday: int,
    *,
    goal: Goal | None = None,
    look: WeekLook | None = None,
) -> Screen | None:
    """What to show for `moment`, or None when there is no goal to show (nothing is sent then).

    `goal` is the goal the reply is about (the one just completed); by default the focus.
    For the look back, `look` is the week the speech looked back at (by default this week so
    far, as "how was my week" hears it); its days become the seven marks.
    """
    goal = goal or state.focus
    if goal is None:
        return None
    today = plan.today
    if moment is Moment.WEEK:
        look = look or this_week(state, today, first_weekday)
        first = look.first
    else:
        look = None
        first = week_start(today, first_weekday)
    days = tuple(_mark(book, goal, first + timedelta(days=i), today) for i in range(7))
    done = sum(1 for d in days if d.done)
    step = plain(book.step(goal, goal.rung_on(today), once=moment is Moment.DONE))
    return Screen(
        moment=moment,
        title=say(book, _title_key(moment, goal, plan, look)),
        step=capital(step),
        step_phrase=step,
        goal=capital(plain(book.goal_name(goal))),
        days=days,
        days_done=done,
        days_text=_days_text(book, done, finished=look is not None and look.finished),
        growth=_growth(book, goal),
        figures=_figures(book, look, goal) if look is not None else (),
        stop=book.mark("stop"),
        comma=book.mark("comma"),
        colon=book.mark("colon"),
    )


def _title_key(moment: Moment, goal: Goal, plan: DayPlan, look: WeekLook | None) -> str:
    if look is not None:
        return "screen.title_last_week" if look.finished else "screen.title_this_week"
    entry = next((g for g in plan.goals if g.goal.key == goal.key), None)
    if entry is not None and entry.done:
        return "screen.title_done"
    if entry is not None and entry.met_for_week:
        return "screen.title_met"
    return "screen.title_week_step" if goal.weekly else "screen.title_step"


def _mark(book: Phrasebook, goal: Goal, day: date, today: date) -> DayMark:
    full = say(book, f"screen.{_FULL[day.weekday()]}", line=False)  # "lunes" in a list
    done, is_today, future = goal.done_on(day), day == today, day > today
    if future:
        key = "screen.mark_future"
    elif is_today:
        key = "screen.mark_today_done" if done else "screen.mark_today_open"
    else:
        key = "screen.mark_done" if done else "screen.mark_open"
    return DayMark(
        day=day,
        name=say(book, f"screen.{_SHORT[day.weekday()]}"),
        full_name=full,
        label=say(book, key, name=full),
        done=done,
        today=is_today,
        future=future,
    )


def _days_text(book: Phrasebook, done: int, *, finished: bool) -> str:
    if not done:
        return say(book, "screen.days_none_last" if finished else "screen.days_none_this")
    key = "screen.days_last" if finished else "screen.days_this"
    return say(book, key, days=book.count(done, "day"))


def _growth(book: Phrasebook, goal: Goal) -> Growth:
    """Growth since the start, said only when the step is bigger now (never a "shrank")."""
    start = plain(book.size(goal, goal.spec.rung_at_most(goal.start_size)))
    now = plain(book.size(goal, goal.rung))
    since = book.date(goal.started_on)
    grown = goal.size > goal.start_size
    if grown:
        text = say(book, "screen.growth", start=start, size=now, since=since)
    else:
        text = say(book, "screen.growth_none", since=since)
    return Growth(start=start, now=now, grown=grown, text=text)


def _figures(book: Phrasebook, look: WeekLook, shown: Goal) -> tuple[str, ...]:
    """The look back per goal, the shown goal first: days done, and what grew or eased; then,
    as the speech says it, the goal that felt hard most often. Goals with no days are left
    out, and a quiet week has no figures: the days line says it kindly, as the speech does."""
    if not look.any_done:
        return ()
    entries = sorted(look.goals, key=lambda g: g.goal.key != shown.key)
    lines = [_figure(book, entry) for entry in entries if entry.days_done]
    hard = [entry for entry in entries if entry.hard_days]
    if hard:
        worst = max(hard, key=lambda entry: entry.hard_days)
        times = book.times(worst.hard_days, weekly=False)
        name = book.goal_name(worst.goal)
        lines.append(say(book, "screen.figure_hard", name=name, times=times))
    return tuple(lines)


def _figure(book: Phrasebook, entry: GoalWeek) -> str:
    name, days = book.goal_name(entry.goal), book.count(entry.days_done, "day")
    if entry.grew_to is not None:
        size = book.size(entry.goal, entry.grew_to)
        return say(book, "screen.figure_grew", name=name, days=days, size=size)
    if entry.eased_to is not None:
        size = book.size(entry.goal, entry.eased_to)
        return say(book, "screen.figure_eased", name=name, days=days, size=size)
    return say(book, "screen.figure", name=name, days=days)
