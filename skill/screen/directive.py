"""The Alexa.Presentation.APL.RenderDocument directive for a Screen, as the JSON Alexa takes.

The document itself is `document.json` beside this file, read once per process: a layout
that binds to one data source, `kaizen`, whose fields this module fills from a Screen. Keeping
the layout in JSON lets Amazon's own tools read it unchanged: apl-suggester validates it in
the tests, and apl-viewhost-web draws it for `make screens`.

APL version 1.4: Amazon documents every component and property the document uses in its
1.4-era reference (Container with `data`, Frame, Text, VectorGraphic with an AVG graphic,
`accessibilityLabel` since 1.1, resources chosen with `when`), and apl-viewhost-web 1.4.0,
the only version of Amazon's web renderer that installs offline, implements APL 1.4
(`environment.aplVersion` is "1.4" there). Devices run documents of an older version than
their own (the runtime is backward compatible); `supports_apl` holds it back from a device
whose runtime is older than 1.4.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from skill.screen.model import DayMark, Screen

DIRECTIVE_TYPE = "Alexa.Presentation.APL.RenderDocument"
DATA_SOURCE = "kaizen"  # the document's mainTemplate parameter: `${kaizen.step}`
SCREEN_ID = "kaizen-screen"


@cache
def document() -> dict[str, Any]:
    """The APL document (read once; callers must not change it: render_document copies)."""
    text = resources.files("skill.screen").joinpath("document.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def apl_version() -> str:
    """The APL version the document declares (a device must run at least this one)."""
    version: str = document()["version"]
    return version


def render_document(screen: Screen) -> dict[str, Any]:
    """The RenderDocument directive: type, token, the document and its data source.

    Add it to the reply's directives only for a device that supports APL (`supports_apl`).
    The token names the moment ("kaizen-screen-week"), so a later ExecuteCommands or a
    UserEvent could tell which screen is up.
    """
    return {
        "type": DIRECTIVE_TYPE,
        "token": f"{SCREEN_ID}-{screen.moment.value}",
        "document": json.loads(json.dumps(document())),
        "datasources": {DATA_SOURCE: datasource(screen)},
    }


def datasource(screen: Screen) -> dict[str, Any]:
    """The `kaizen` data source: display text (APL markup, escaped) and plain labels.

    A Text component reads its `text` as markup (`<b>`, `<br>`, entities), so anything shown
    is escaped; an accessibilityLabel is read as it is, so labels stay plain.
    """
    return {
        "moment": screen.moment.value,
        "title": markup(screen.title),
        "step": markup(screen.step),
        "goal": markup(screen.goal),
        "days": [_day(mark) for mark in screen.days],
        "daysDone": screen.days_done,
        "daysText": markup(screen.days_text),
        "growth": markup(screen.growth.text),
        "grown": screen.growth.grown,
        "figure": markup(screen.figures[0] if screen.figures else ""),
        "figures": markup(" · ".join(screen.figures)),
        "label": {
            "screen": screen.label,
            "title": screen.title,
            "step": screen.step,
            "week": screen.days_text
            + screen.colon
            + screen.comma.join(mark.label for mark in screen.days),
            "daysText": screen.days_text,
            "growth": screen.growth.text,
            "figure": screen.figures[0] if screen.figures else "",
            "figures": screen.stop.join(screen.figures),
        },
    }


def _day(mark: DayMark) -> dict[str, Any]:
    return {
        "name": markup(mark.name),
        "label": mark.label,
        "done": mark.done,
        "today": mark.today,
        "future": mark.future,
    }


def markup(text: str) -> str:
    """Plain text made safe for an APL Text's markup: &, < and > as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
