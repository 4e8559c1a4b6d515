"""Builds what the coach says from domain values: today, celebrations, offers, weeks, progress.

Only wording decisions live here; every word comes from the phrasebook through a Voice. Each
phrase is a whole sentence (or a clean clause inside one), so joining them never leaves a
dangling clause or a missing full stop.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from skill.coach.areas import BUILT_IN_AREAS
from skill.coach.plan import DayStart, StepDone
from skill.coach.progression import GrowthOffer, done_in_week
from skill.coach.state import Goal, UserState
from skill.coach.today import DayPlan
from skill.coach.week import GoalWeek, WeekLook
from skill.speech.ssml import Ssml, escape, join, plain
from skill.speech.voice import Voice

if TYPE_CHECKING:
    from skill.coach.progress import Progress

# The areas offered as examples when a person chooses (two, and "something of your own").
EXAMPLE_AREAS = ("MOVE", "GRATITUDE")


def greet(voice: Voice, person_id: str | None) -> Ssml | None:
    """ "Hi Sam." for a person Alexa recognised: Alexa says their name (never stored here).

    The `alexa:name` tag, with the request's personId, as developer.amazon.com/docs/
    custom-skills/add-personalized-greetings-or-prompts.html describes it.
    """
    if not person_id:
        return None
    name = Ssml(f'<alexa:name type="first" personId="{escape(person_id)}"/>')
    return voice.say("greet.person", person=name)


def step_today(voice: Voice, goal: Goal, today: date) -> Ssml:
    """A goal's step for today (the smaller version, if one was chosen for today)."""
    return voice.book.step(goal, goal.rung_on(today))


def today_steps(voice: Voice, plan: DayPlan) -> Ssml:
    """Today's first step, the other daily ones, the weekly ones not met yet, and any met.

    "Today's step: a 5-minute walk. Also today: 1 glass of water. And this week: saying or
    writing how you feel once a week." A weekly step is never said to be due today.
    """
    book = voice.book
    parts: list[Ssml] = []
    daily, weekly = plan.left_today, plan.left_this_week
    if daily:
        first, *others = daily
        parts.append(voice.say("today.step", step=step_today(voice, first, plan.today)))
        if others:
            steps = book.listing([step_today(voice, g, plan.today) for g in others])
            parts.append(voice.say("today.also", steps=steps))
    elif any(not g.weekly for g in (e.goal for e in plan.goals)):
        parts.append(voice.say("today.all_done"))
    if weekly:
        steps = book.listing([step_today(voice, g, plan.today) for g in weekly])
        parts.append(
            voice.say("today.this_week", steps=steps)
            if daily
            else voice.say("today.week_step", step=steps)
        )
    met = plan.met
    if met:
        names = book.listing([book.goal_name(g) for g in met])
        parts.append(voice.say("today.weekly_met", name=names))
    return join(*parts)


def day_news(voice: Voice, state: UserState, start: DayStart) -> Ssml:
    """A welcome back after two weeks or more (and the gentle restart), or steps eased."""
    book = voice.book
    if start.came_back and state.focus is not None:
        return join(voice.say("news.came_back"), voice.say("news.restart"))
    eased = [goal for key in start.eased if (goal := state.goal(key)) is not None]
    if not eased:
        return Ssml("")
    # One sentence however many eased: "I've made your walk and your water goal smaller."
    return voice.say("news.eased", name=book.listing([book.goal_name(g) for g in eased]))


def area_choices(voice: Voice) -> Ssml:
    """Two example areas, as an open series: 'moving, gratitude' (each phrase that uses them
    ends the choice itself: "..., or something of your own?"): three choices in all, as many
    as a listener holds in mind at once."""
    return voice.book.series([voice.book.label(a) for a in EXAMPLE_AREAS])


def all_areas(voice: Voice) -> Ssml:
    """Every built-in area (for help, where a longer list is asked for)."""
    return voice.book.listing([voice.book.label(a) for a in BUILT_IN_AREAS])


def choose_area_question(voice: Voice) -> Ssml:
    """Ask which area to grow in, with three examples."""
    return voice.say("goal.which_area", choices=area_choices(voice))


def celebrate(voice: Voice, done: StepDone, plan: DayPlan, first_weekday: int) -> Ssml:
    """A specific celebration: what was done, the count or milestone, and what is left today."""
    goal, book = done.goal, voice.book
    if done.completion.already:
        return voice.say("done.already", name=book.goal_name(goal))
    parts = [voice.say("done.cheer", step=book.step(goal, done.completion.rung, once=True))]
    if done.milestone is not None:
        parts.append(milestone(voice, done.milestone))
    elif goal.weekly:
        target = max(1, goal.size)
        week = done_in_week(goal, plan.today, first_weekday)
        key = "done.weekly_met" if week >= target else "done.weekly_some"
        parts.append(voice.say(key, done=week, target=book.times(target, weekly=True)))
    else:
        days = done_in_week(goal, plan.today, first_weekday)
        if days >= 2:
            parts.append(voice.say("done.days_this_week", days=book.count(days, "day")))
    return join(*parts, still_to_do(voice, plan))


def celebrate_together(voice: Voice, dones: list[StepDone], plan: DayPlan) -> Ssml:
    """Steps said done in one breath ("my walk and my water"): one cheer naming them, the
    total if a milestone was passed on the way, and what is left today."""
    book = voice.book
    steps = book.listing([book.step(d.goal, d.completion.rung, once=True) for d in dones])
    parts = [voice.say("done.cheer", step=steps)]
    if any(done.milestone is not None for done in dones):
        parts.append(milestone(voice, dones[-1].total_steps))
    return join(*parts, still_to_do(voice, plan))


def milestone(voice: Voice, total: int) -> Ssml:
    """A milestone reached: the first step, or the count of them all."""
    if total == 1:
        return voice.say("milestone.first")
    return voice.say("milestone.count", count=total)


def still_to_do(voice: Voice, plan: DayPlan) -> Ssml | None:
    """After a cheer: today's steps still to do, or that they are all done (with two goals
    or more), and then the week's step if one is due."""
    book = voice.book
    daily, weekly = plan.left_today, plan.left_this_week
    if daily:
        steps = book.listing([step_today(voice, g, plan.today) for g in daily])
        return voice.say("done.still_to_do", steps=steps)
    if len(plan.goals) <= 1:
        return None
    parts = [voice.say("done.all_today")]
    if weekly:  # the week's step, once today's are done (before, it would crowd the cheer)
        steps = book.listing([step_today(voice, g, plan.today) for g in weekly])
        parts.append(voice.say("today.week_step", step=steps))
    return join(*parts)


def growth_question(voice: Voice, goal: Goal, offer: GrowthOffer) -> Ssml:
    """ "You've done your walk on 6 days of the last 7. Ready to try 6 minutes from tomorrow?" """
    book = voice.book
    if goal.weekly:
        key = "growth.offer_weekly"
    else:
        key = "growth.offer_every_day" if offer.days_done >= 7 else "growth.offer"
    return voice.say(
        key,
        name=book.goal_name(goal),
        days=book.count(offer.days_done, "day"),
        next=book.size(goal, offer.next_rung),
        size=book.size(goal, offer.rung),
    )


def look_back(voice: Voice, look: WeekLook) -> Ssml:
    """A few sentences about a week: days done per goal, what grew or eased, what felt hard."""
    book = voice.book
    if not look.any_done:
        return voice.say("week.quiet_last" if look.finished else "week.quiet_this")
    days = [
        voice.say(
            "week.goal_days", name=book.goal_name(g.goal), days=book.count(g.days_done, "day")
        )
        for g in look.goals
        if g.days_done
    ]
    intro = "week.done_last" if look.finished else "week.done_this"
    parts = [voice.say(intro, goals=book.listing(days))]
    for entry in look.goals:
        if entry.grew_to is not None:
            size = book.size(entry.goal, entry.grew_to)
            parts.append(voice.say("week.grew", name=book.goal_name(entry.goal), size=size))
        elif entry.eased_to is not None:
            size = book.size(entry.goal, entry.eased_to)
            parts.append(voice.say("week.eased", name=book.goal_name(entry.goal), size=size))
    hard = [g for g in look.goals if g.hard_days]
    if hard:
        worst = max(hard, key=lambda g: g.hard_days)
        times = book.times(worst.hard_days, weekly=False)
        parts.append(voice.say("week.hard", name=book.goal_name(worst.goal), times=times))
    return join(*parts)


def week_goal(look: WeekLook) -> GoalWeek | None:
    """The goal the look back's question is about: one that felt hard, else the focus."""
    hard = [g for g in look.goals if g.hard_days]
    if hard:
        return max(hard, key=lambda g: g.hard_days)
    return look.goals[0] if look.goals else None


def progress_report(voice: Voice, figures: Progress) -> Ssml:
    """Days this week per goal, growth since the start, positive streaks, and the total."""
    book = voice.book
    if figures.total_steps == 0:
        return voice.say("progress.none_yet")
    parts: list[Ssml] = []
    week = [(g, days) for g, days in figures.this_week if days]
    if week:
        items = [
            voice.say("week.goal_days", name=book.goal_name(g), days=book.count(days, "day"))
            for g, days in week
        ]
        parts.append(voice.say("progress.this_week", goals=book.listing(items)))
    else:
        parts.append(
            voice.say("progress.fresh_week", steps=book.count(figures.total_steps, "step"))
        )
    for goal, growth in figures.growths[:2]:
        parts.append(
            voice.say(
                "progress.growth",
                name=book.goal_name(goal),
                start=growth.start_size,
                size=book.size(goal, goal.rung),
                since=book.date(growth.since),
            )
        )
    longest = max(figures.streaks, key=lambda item: item[1], default=None)
    if longest is not None:
        goal, count = longest
        noun = "week" if goal.weekly else "day"
        parts.append(
            voice.say("progress.streak", count=book.count(count, noun), name=book.goal_name(goal))
        )
    if week:
        parts.append(voice.say("progress.total", steps=book.count(figures.total_steps, "step")))
    return join(*parts)


def goal_list(voice: Voice, state: UserState) -> Ssml:
    """The focus goal with its size, then the others."""
    book = voice.book
    focus, *others = state.goals
    parts = [
        voice.say("goals.focus", name=book.goal_name(focus), size=book.size(focus, focus.rung))
    ]
    if others:
        items = [
            voice.say("goals.item", name=book.goal_name(g), size=book.size(g, g.rung))
            for g in others
        ]
        parts.append(voice.say("goals.others", items=book.listing(items)))
    return join(*parts)


def goal_names(voice: Voice, goals: tuple[Goal, ...], *, choice: bool = False) -> Ssml:
    """Goals by name, as a list ('your walk and gratitude') or a choice ('... or ...')."""
    return voice.book.listing([voice.book.goal_name(g) for g in goals], choice=choice)


def reminder_words(voice: Voice, state: UserState) -> str:
    """What the daily reminder says (plain text): the focus step as it stands.

    Always the first wording, so the words change only when the step does.
    """
    book = voice.book
    focus = state.focus
    if focus is None:
        return plain(Ssml(book.variants("reminder.text_no_goal")[0]))
    template = book.variants("reminder.text")[0]
    return plain(Ssml(template.format(step=book.step(focus, focus.rung))))
