#!/usr/bin/env python3
"""Build the Kaizen Coach dev3 NLU evaluation set.

Reads data.txt (INTENT|CONTEXT|slots|style|text), validates every line and
writes utterances_dev3.jsonl.  Standard library only.  Exits non-zero and
prints every problem found if validation fails.
"""

import json
import re
import sys
from collections import Counter, OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "data.txt"
OUT = HERE / "utterances_dev3.jsonl"
SPLIT = "dev3"

AREAS = {"MOVE", "SELF_CARE", "BREATHE", "GRATITUDE", "CONNECT", "EXPRESS", "REFLECT", "CUSTOM"}
BUILTIN_AREAS = AREAS - {"CUSTOM"}
RATINGS = {"EASY", "ABOUT_RIGHT", "HARD"}
UNITS = {"MINUTES", "GLASSES", "PAGES", "TIMES"}
SCOPES = {"ALL"}
TIME_PARTS = {"MO", "AF", "EV", "NI"}
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

# slots each intent may carry ("area_words" travels with area=CUSTOM)
INTENT_SLOTS = {
    "GetStepIntent": {"area"},
    "CompleteStepIntent": {"area", "scope", "rating"},
    "SkipStepIntent": {"area"},
    "MakeSmallerIntent": {"area"},
    "MakeBiggerIntent": {"area"},
    "KeepStepIntent": set(),
    "RateStepIntent": {"rating", "area"},
    "SetGoalIntent": {"area", "unit"},
    "ChangeGoalIntent": {"area", "current"},
    "ListGoalsIntent": set(),
    "RemoveGoalIntent": {"area"},
    "ProgressIntent": {"area"},
    "ReviewWeekIntent": set(),
    "EncourageIntent": set(),
    "RoughDayIntent": set(),
    "InjuryIntent": set(),
    "SetReminderIntent": {"time"},
    "CancelReminderIntent": {"time"},
    "DeleteDataIntent": set(),
    "AMAZON.StopIntent": set(),
    "AMAZON.HelpIntent": set(),
    "AMAZON.CancelIntent": set(),
    "AMAZON.YesIntent": set(),
    "AMAZON.NoIntent": set(),
    "AMAZON.FallbackIntent": set(),
}
REQUIRED_SLOTS = {"RateStepIntent": {"rating"}}

CONTEXTS = [
    "none",
    "choose_area",
    "ask_done",
    "feeling",
    "reminder_time",
    "choose_remove",
    "confirm_custom",
    "offer_growth",
    "week_adjust",
    "yes_no",
]
STYLES = [
    "plain",
    "terse",
    "past",
    "hedged",
    "chatty",
    "rambling",
    "filler",
    "non_native",
    "teen",
    "elderly",
    "asr_noisy",
    "british",
    "southern_us",
    "indian_english",
]

# Words that must appear (as whole words / phrases) when a built-in area is
# labelled.  Enforces "label a slot only when its words are actually said".
AREA_WORDS = {
    "MOVE": ["walk", "walks", "walking", "move", "moving", "movement", "exercise", "workout"],
    "SELF_CARE": ["self care", "me time"],
    "BREATHE": ["breathe", "breathing", "breath", "breaths"],
    "GRATITUDE": ["gratitude", "grateful", "thankful"],
    "CONNECT": ["connect", "connecting", "friend", "friends", "family", "people"],
    "EXPRESS": [
        "express",
        "expressing",
        "feel",
        "feelings",
        "journal",
        "journaling",
        "journaling's",
    ],
    "REFLECT": ["reflect", "reflecting", "reflection", "noticing progress"],
}
UNIT_WORDS = {
    "MINUTES": r"minutes?",
    "GLASSES": r"glass(es)?",
    "PAGES": r"pages?",
    "TIMES": r"times",
}
LEADING_DETERMINERS = ("my ", "the ", "a ", "an ")

# Crisis / self-harm vocabulary that must never appear in this set ...
CRISIS_PATTERNS = [
    r"\bdie\b",
    r"\bdies\b",
    r"\bdied\b",
    r"\bdying\b",
    r"\bdead\b",
    r"\bdeath\b",
    r"\bsuicid\w*",
    r"\bkill(ing)? myself\b",
    r"\bkill me\b",
    r"\bkilling me\b",
    r"\bend it all\b",
    r"\bend my life\b",
    r"\bhurt(ing)? myself\b",
    r"\bharm(ing)? myself\b",
    r"\bself harm\b",
    r"\bcut(ting)? myself\b",
    r"\bdisappear\w*",
    r"\boverdose\w*",
    r"\bnot be here\b",
    r"\bnot wake up\b",
    r"\bno reason to live\b",
    r"\bbetter off without me\b",
    r"\bgive up on everything\b",
    r"\bno point (in )?living\b",
    r"\bwant to go away forever\b",
]
# ... except inside these explicitly allowed, clearly harmless idioms.
ALLOWED_IDIOMS = [
    "this traffic is killing me",
    "my knee is killing me",
    "i'm dying to see that film",
    "my phone's about to die",
]

MIN_TOTAL = 520
MIN_SKILL_INTENT = 12
MIN_AMAZON_INTENT = 8
MIN_FALLBACK = 30
MIN_NON_NONE = 120
MIN_ASK_DONE = 20
SLOT_ORDER = ["area", "area_words", "current", "unit", "scope", "rating", "time"]

TEXT_RE = re.compile(r"^[a-z0-9' ]+$")


def has_phrase(text, phrase):
    return f" {phrase} " in f" {text} "


def parse_slots(raw, errs):
    slots = {}
    if raw == "-":
        return slots
    for part in raw.split(";"):
        if "=" not in part:
            errs.append(f"bad slot item {part!r}")
            continue
        k, v = part.split("=", 1)
        k, v = k.strip(), v.strip()
        if k in slots:
            errs.append(f"slot {k} given twice")
        slots[k] = v
    return slots


def validate(intent, context, slots, style, text):
    errs = []
    if intent not in INTENT_SLOTS:
        errs.append(f"unknown intent {intent}")
        return errs
    if context not in CONTEXTS:
        errs.append(f"unknown context {context}")
    if style not in STYLES:
        errs.append(f"unknown style {style}")
    # text form
    if not TEXT_RE.match(text):
        errs.append("text has characters outside a-z 0-9 ' space")
    if text != text.strip() or "  " in text:
        errs.append("text has leading/trailing/double spaces")
    # crisis vocabulary
    scrubbed = text
    for idiom in ALLOWED_IDIOMS:
        if idiom in scrubbed:
            scrubbed = scrubbed.replace(idiom, " ")
    for pat in CRISIS_PATTERNS:
        if re.search(pat, scrubbed):
            errs.append(f"crisis vocabulary /{pat}/ outside allow-listed idiom")
    # slots
    allowed = INTENT_SLOTS[intent]
    for k, v in slots.items():
        if k == "area_words":
            if slots.get("area") != "CUSTOM":
                errs.append("area_words without area=CUSTOM")
            continue
        if k not in allowed:
            errs.append(f"slot {k} not allowed for {intent}")
            continue
        if k == "area":
            if v not in AREAS:
                errs.append(f"bad area {v}")
        elif k == "current":
            if v not in BUILTIN_AREAS:
                errs.append(f"bad current {v}")
        elif k == "rating" and v not in RATINGS:
            errs.append(f"bad rating {v}")
        elif k == "unit" and v not in UNITS:
            errs.append(f"bad unit {v}")
        elif k == "scope" and v not in SCOPES:
            errs.append(f"bad scope {v}")
        elif k == "time" and not (v in TIME_PARTS or TIME_RE.match(v)):
            errs.append(f"bad time {v}")
    for k in REQUIRED_SLOTS.get(intent, ()):
        if k not in slots:
            errs.append(f"{intent} requires slot {k}")
    # CUSTOM area words must be present verbatim
    if slots.get("area") == "CUSTOM":
        aw = slots.get("area_words")
        if not aw:
            errs.append("area=CUSTOM without area_words")
        else:
            if not has_phrase(text, aw):
                errs.append(f"area_words {aw!r} not word-for-word in text")
            if aw.startswith(LEADING_DETERMINERS):
                errs.append(f"area_words {aw!r} starts with a determiner")
    # built-in area / current words must be said
    for key in ("area", "current"):
        v = slots.get(key)
        if v in AREA_WORDS and not any(has_phrase(text, w) for w in AREA_WORDS[v]):
            errs.append(f"{key}={v} but none of its words is said")
    if slots.get("area") and slots.get("current") and slots["area"] == slots["current"]:
        errs.append("area equals current")
    # unit word must be said; and a said unit word in SetGoal must be labelled
    if (
        "unit" in slots
        and slots["unit"] in UNIT_WORDS
        and not re.search(r"\b" + UNIT_WORDS[slots["unit"]] + r"\b", text)
    ):
        errs.append(f"unit={slots['unit']} but its word is not said")
    if intent == "SetGoalIntent" and "unit" not in slots:
        for u, pat in UNIT_WORDS.items():
            if re.search(r"\b" + pat + r"\b", text):
                errs.append(f"unit word for {u} said but unit not labelled")
    return errs


def main():
    problems = []
    rows = []
    seen = {}
    for lineno, line in enumerate(SRC.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != 5:
            problems.append(f"line {lineno}: expected 5 fields, got {len(parts)}")
            continue
        intent, context, raw_slots, style, text = (p.strip() for p in parts)
        errs = []
        slots = parse_slots(raw_slots, errs)
        errs += validate(intent, context, slots, style, text)
        key = (text, context)
        if key in seen:
            errs.append(f"duplicate (text, context) first seen on line {seen[key]}")
        else:
            seen[key] = lineno
        for e in errs:
            problems.append(f"line {lineno}: {e}  <{text}>")
        ordered = OrderedDict((k, slots[k]) for k in SLOT_ORDER if k in slots)
        rows.append((intent, context, ordered, style, text))

    intents = Counter(r[0] for r in rows)
    contexts = Counter(r[1] for r in rows)
    styles = Counter(r[3] for r in rows)
    total = len(rows)

    # minimum counts
    if total < MIN_TOTAL:
        problems.append(f"only {total} utterances (< {MIN_TOTAL})")
    for intent in INTENT_SLOTS:
        n = intents.get(intent, 0)
        if intent == "AMAZON.FallbackIntent":
            need = MIN_FALLBACK
        elif intent.startswith("AMAZON."):
            need = MIN_AMAZON_INTENT
        else:
            need = MIN_SKILL_INTENT
        if n < need:
            problems.append(f"{intent}: {n} utterances (< {need})")
    non_none = total - contexts.get("none", 0)
    if non_none < MIN_NON_NONE:
        problems.append(f"only {non_none} utterances outside context none (< {MIN_NON_NONE})")
    if contexts.get("ask_done", 0) < MIN_ASK_DONE:
        problems.append(f"only {contexts.get('ask_done', 0)} in ask_done (< {MIN_ASK_DONE})")
    for s in STYLES:
        if styles.get(s, 0) == 0:
            problems.append(f"style {s} never used")

    # report
    w = max(len(k) for k in INTENT_SLOTS) + 2
    print(f"{'intent':<{w}}{'total':>6}{'none':>6}{'ctx':>6}")
    for intent in INTENT_SLOTS:
        n = intents.get(intent, 0)
        nn = sum(1 for r in rows if r[0] == intent and r[1] == "none")
        print(f"{intent:<{w}}{n:>6}{nn:>6}{n - nn:>6}")
    print(f"{'TOTAL':<{w}}{total:>6}{contexts.get('none', 0):>6}{non_none:>6}")
    print()
    print(f"{'context':<16}{'count':>6}")
    for c in CONTEXTS:
        print(f"{c:<16}{contexts.get(c, 0):>6}")
    print()
    print("styles: " + ", ".join(f"{s}={styles.get(s, 0)}" for s in STYLES))
    texts = Counter(r[4] for r in rows)
    shared = sorted(t for t, n in texts.items() if n > 1)
    print(
        f"distinct texts: {len(texts)} (texts reused across contexts: {len(shared)}: "
        + "; ".join(shared)
        + ")"
    )

    if problems:
        print(f"\nVALIDATION FAILED ({len(problems)} problems):", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        sys.exit(1)

    with OUT.open("w", encoding="utf-8") as f:
        for i, (intent, context, slots, style, text) in enumerate(rows, 1):
            obj = OrderedDict(
                [
                    ("id", f"e{i:04d}"),
                    ("text", text),
                    ("context", context),
                    ("intent", intent),
                    ("slots", slots),
                    ("style", style),
                    ("split", SPLIT),
                ]
            )
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"\nOK: wrote {total} utterances to {OUT.name}")


if __name__ == "__main__":
    main()
