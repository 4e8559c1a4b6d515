"""What a screen and the app's card tell a person: their step, their week, their growth.

Sam's week (tests/support/screens.py): walking since Sunday October 4 (5 minutes, grown to
7), gratitude since the 11th. On Wednesday the 21st Sunday and Monday are done and Tuesday was
missed; the look back is on Sunday the 25th, about the week of the 18th.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from skill.coach import progression
from skill.coach.areas import STARTER, Unit
from skill.coach.state import UserState, new_goal
from skill.coach.today import plan_day
from skill.coach.week import last_week
from skill.screen import Moment, build_screen, render_document, week_card
from tests.support.screens import (
    BOOK,
    FIRST_WEEKDAY,
    LAST_WEEK,
    NEXT_SUNDAY,
    WEDNESDAY,
    screen,
    wednesday,
)

MONDAY = 0


def test_the_week_is_seven_days_starting_on_the_persons_first_weekday() -> None:
    shown = screen(Moment.STEP)
    assert [m.name for m in shown.days] == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    assert shown.days[0].day == date(2026, 10, 18)
    person = wednesday(today_done=False)
    plan = plan_day(person, WEDNESDAY, MONDAY)
    monday_first = build_screen(Moment.STEP, person, plan, BOOK, MONDAY)
    assert monday_first is not None
    assert [m.full_name for m in monday_first.days][:2] == ["Monday", "Tuesday"]
    assert monday_first.days[0].day == date(2026, 10, 19)


def test_each_day_says_done_today_or_to_come_in_words_not_only_marks() -> None:
    marks = {m.name: m for m in screen(Moment.STEP).days}
    assert marks["Sun"].done and marks["Sun"].label == "Sunday: done"
    assert not marks["Tue"].done and marks["Tue"].label == "Tuesday: not done"
    assert marks["Wed"].today and marks["Wed"].label == "Wednesday, today: not done yet"
    assert all(marks[d].future and "still to come" in marks[d].label for d in ("Thu", "Sat"))
    assert sum(m.today for m in marks.values()) == 1


def test_the_launch_shows_todays_step_in_large_text_with_the_week_and_the_growth() -> None:
    shown = screen(Moment.LAUNCH)
    assert shown.title == "Today's step"
    assert shown.step == "A 7-minute walk"
    assert shown.days_text == "2 days done this week"
    assert shown.growth.text == "From 5 minutes to 7 minutes since October 4"
    assert shown.growth.grown and not shown.figures


def test_a_completion_fills_today_and_counts_it() -> None:
    shown = screen(Moment.DONE)
    today = next(m for m in shown.days if m.today)
    assert today.done and today.label == "Wednesday, today: done"
    assert shown.title == "Done today"
    assert shown.days_done == 3 and shown.days_text == "3 days done this week"


def test_the_look_back_shows_the_week_it_talks_about_with_its_figures() -> None:
    shown = screen(Moment.WEEK)
    assert shown.title == "Last week"
    assert [m.day for m in shown.days if m.done] == list(LAST_WEEK)
    assert not any(m.today or m.future for m in shown.days)  # a finished week
    assert shown.figures == (
        "Your walk: 5 days, grew to 8 minutes",
        "Your gratitude practice: 4 days",
        "Your gratitude practice felt hard once",
    )
    assert shown.step == "An 8-minute walk"


def test_the_look_back_of_this_week_so_far_leaves_the_rest_of_the_week_to_come() -> None:
    person = wednesday(today_done=True)
    plan = plan_day(person, WEDNESDAY, FIRST_WEEKDAY)
    shown = build_screen(Moment.WEEK, person, plan, BOOK, FIRST_WEEKDAY)
    assert shown is not None
    assert shown.title == "This week so far"
    assert [m.future for m in shown.days] == [False] * 4 + [True] * 3


def test_a_quiet_week_is_said_kindly_and_counts_no_goal() -> None:
    person = wednesday(today_done=False)
    quiet = UserState(goals=tuple(replace(g, done=type(g.done)()) for g in person.goals))
    look = last_week(quiet, NEXT_SUNDAY, FIRST_WEEKDAY)
    plan = plan_day(quiet, NEXT_SUNDAY, FIRST_WEEKDAY)
    shown = build_screen(Moment.WEEK, quiet, plan, BOOK, FIRST_WEEKDAY, look=look)
    assert shown is not None
    assert shown.days_text == "A quiet week, and that's okay"
    assert shown.figures == () and shown.days_done == 0


def test_growth_is_only_ever_shown_as_growth() -> None:
    start = date(2026, 10, 4)
    same = new_goal("MOVE", start)
    eased = replace(same, rung=STARTER)
    for goal in (same, eased):
        person = UserState(goals=(goal,))
        plan = plan_day(person, WEDNESDAY, FIRST_WEEKDAY)
        shown = build_screen(Moment.STEP, person, plan, BOOK, FIRST_WEEKDAY)
        assert shown is not None
        assert shown.growth.text == "Started on October 4" and not shown.growth.grown
    assert eased.size == 0  # the starter: smaller than the start, and never said as "shrank"


def test_nothing_is_shown_without_a_goal() -> None:
    plan = plan_day(UserState(), WEDNESDAY, FIRST_WEEKDAY)
    assert build_screen(Moment.LAUNCH, UserState(), plan, BOOK, FIRST_WEEKDAY) is None


def test_a_completed_goal_that_is_not_the_focus_is_the_one_shown() -> None:
    person = wednesday(today_done=False)
    gratitude, _ = progression.complete(person.goals[1], WEDNESDAY)
    person = person.with_goal(gratitude)
    plan = plan_day(person, WEDNESDAY, FIRST_WEEKDAY)
    shown = build_screen(Moment.DONE, person, plan, BOOK, FIRST_WEEKDAY, goal=gratitude)
    assert shown is not None
    assert shown.goal == "Your gratitude practice" and shown.title == "Done today"
    assert shown.step == "Noticing 1 thing you're grateful for"


def test_a_weekly_step_is_titled_for_the_week_and_met_once_done() -> None:
    start = date(2026, 10, 4)
    weekly = new_goal("EXPRESS", start)
    person = UserState(goals=(weekly,))
    plan = plan_day(person, WEDNESDAY, FIRST_WEEKDAY)
    shown = build_screen(Moment.STEP, person, plan, BOOK, FIRST_WEEKDAY)
    assert shown is not None and shown.title == "This week's step"
    done, _ = progression.complete(weekly, WEDNESDAY - timedelta(days=1))
    person = UserState(goals=(done,))
    plan = plan_day(person, WEDNESDAY, FIRST_WEEKDAY)
    shown = build_screen(Moment.LAUNCH, person, plan, BOOK, FIRST_WEEKDAY)
    assert shown is not None and shown.title == "Done for this week"


def test_a_custom_goal_reads_as_said_and_is_never_markup() -> None:
    goal = new_goal("CUSTOM", date(2026, 10, 4), "rock & roll <b>practice</b>", Unit.MINUTES)
    person = UserState(goals=(goal,))
    plan = plan_day(person, WEDNESDAY, FIRST_WEEKDAY)
    shown = build_screen(Moment.STEP, person, plan, BOOK, FIRST_WEEKDAY)
    assert shown is not None
    assert shown.step == "2 minutes of rock & roll <b>practice</b>"
    data = render_document(shown)["datasources"]["kaizen"]
    assert data["step"] == "2 minutes of rock &amp; roll &lt;b&gt;practice&lt;/b&gt;"
    assert data["label"]["step"] == shown.step  # a screen reader hears the words, not entities


def test_the_first_steps_card_summarises_the_week_in_plain_lines() -> None:
    title, text = week_card(screen(Moment.DONE), BOOK)
    assert title == "Kaizen Coach: your week"
    assert text.splitlines() == [
        "Your step: a 7-minute walk",
        "3 days done this week: Sunday, Monday, and Wednesday",
        "From 5 minutes to 7 minutes since October 4",
    ]


def test_the_look_backs_card_has_its_figures_and_says_which_days() -> None:
    _, text = week_card(screen(Moment.WEEK), BOOK)
    assert text.splitlines() == [
        "Your step: an 8-minute walk",
        "Done on Sunday, Monday, Wednesday, Thursday, and Saturday",
        "Your walk: 5 days, grew to 8 minutes",
        "Your gratitude practice: 4 days",
        "Your gratitude practice felt hard once",
        "From 5 minutes to 8 minutes since October 4",
    ]
    assert "<" not in text and "http" not in text  # plain text, no image to host
