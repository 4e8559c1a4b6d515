"""The APL document as Amazon's tools and a person see it: valid, bound, labelled, legible.

Every moment's RenderDocument directive (a short and a long step) goes through apl-suggester,
Amazon's static validator; its bindings name fields its data source has; every component
carries an accessibilityLabel; a done day differs from a missed one in shape and words, not
only colour; and, drawn by Amazon's web renderer on every example device of every viewport
profile the skill supports, nothing is cut off, nothing falls outside the screen (or the
circle of a round one), and nothing is fetched from anywhere.
"""

from __future__ import annotations

import copy
import math
import operator
import re
from collections.abc import Iterator
from typing import Any

import pytest

from skill.screen import Moment, render_document
from skill.screen.directive import document
from tests.support import apl
from tests.support.screens import screen

DIRECTIVES = {
    f"{moment}{'-long' if long else ''}": render_document(screen(moment, long_step=long))
    for moment in Moment
    for long in (False, True)
}
# The profiles the screen is made for: every hub, and a TV (apl-suggester's ids). Mobile
# profiles (phones and tablets outside Show Mode, 600 dp wide and up) are not among them.
SUPPORTED = (
    "hubRound",
    "hubLandscapeSmall",
    "hubLandscapeMedium",
    "hubLandscape",
    "hubLandscapeExtraLarge",
    "hubPortraitMedium",
    "tvFullscreen",
)
# The viewport's properties in the data-binding context (Amazon's "Viewport Object in the
# Data-binding Context" page, APL 1.1 to 2023.2).
VIEWPORT = {"width", "height", "pixelWidth", "pixelHeight", "shape", "dpi", "theme", "mode"}
# The components and properties the document may use: those Amazon's APL 1.4-era reference
# documents (base component, Container, Frame, Text, VectorGraphic pages), so a device whose
# runtime is 1.4 knows every one. A property added later (onChildrenChanged: 2023.3, lang on
# Text: 1.7, ...) fails this list, on purpose.
BASE = {"type", "when", "accessibilityLabel", "width", "height", "spacing", "description"}
BASE |= {f"padding{side}" for side in ("Left", "Right", "Top", "Bottom")}
PROPERTIES = {
    "Container": BASE | {"direction", "alignItems", "justifyContent", "data", "item", "items"},
    "Frame": BASE | {"backgroundColor", "borderColor", "borderWidth", "borderRadius", "item"},
    "Text": BASE | {"text", "fontSize", "fontWeight", "color", "textAlign", "maxLines"},
    "VectorGraphic": BASE | {"source", "scale"},
}
_BINDING = re.compile(r"\$\{(.*?)\}")
_QUOTED = re.compile(r"'[^']*'")
_NAME = re.compile(r"@?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


def components(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every component (or layout use) under `node`, with where it is."""
    if isinstance(node, list):
        for i, child in enumerate(node):
            yield from components(child, f"{where}/{i}")
    elif isinstance(node, dict) and "type" in node:
        yield where, node
        for key in ("item", "items", "firstItem", "lastItem"):
            if key in node:
                yield from components(node[key], f"{where}/{key}")


def document_components() -> Iterator[tuple[str, dict[str, Any]]]:
    doc = document()
    yield from components(doc["mainTemplate"]["item"], "/mainTemplate/item")
    for name, layout in doc["layouts"].items():
        yield from components(layout["item"], f"/layouts/{name}/item")


def bindings(node: Any) -> Iterator[str]:
    """Every name a `${...}` expression under `node` reads ('kaizen.step', '@ink', 'data')."""
    if isinstance(node, dict):
        for value in node.values():
            yield from bindings(value)
    elif isinstance(node, list):
        for value in node:
            yield from bindings(value)
    elif isinstance(node, str):
        for expression in _BINDING.findall(node):
            yield from _NAME.findall(_QUOTED.sub("''", expression))


def resolves(data: Any, path: list[str]) -> bool:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True


# -- Amazon's validator ---------------------------------------------------------------------


@pytest.mark.skipif(apl.missing() is not None, reason=str(apl.missing()))
def test_every_moment_passes_amazons_apl_validator() -> None:
    found = apl.validate(list(DIRECTIVES.values()))
    assert dict(zip(DIRECTIVES, found, strict=True)) == {name: [] for name in DIRECTIVES}


@pytest.mark.skipif(apl.missing() is not None, reason=str(apl.missing()))
def test_the_validator_does_catch_a_broken_document() -> None:
    misspelt = copy.deepcopy(DIRECTIVES["step"])
    step_text = misspelt["document"]["mainTemplate"]["item"]["items"][1]
    step_text["textAlign"] = "middle"  # not one of its values
    step_text["colour"] = "@ink"  # not a property
    headless = copy.deepcopy(DIRECTIVES["step"])
    del headless["document"]["mainTemplate"]
    found = apl.validate([misspelt, headless])
    said = [" ".join(f"{f['path']} {f['message']}" for f in each) for each in found]
    assert "colour" in said[0] and "textAlign" in said[0], found[0]
    assert "mainTemplate" in said[1], found[1]


# -- the directive and its bindings ---------------------------------------------------------


def test_each_directive_is_a_render_document_with_the_document_and_its_data() -> None:
    for moment in Moment:
        directive = DIRECTIVES[str(moment)]
        assert directive["type"] == "Alexa.Presentation.APL.RenderDocument"
        assert directive["token"] == f"kaizen-screen-{moment}"
        assert directive["document"] == document() and directive["document"] is not document()
        assert directive["document"]["mainTemplate"]["parameters"] == ["kaizen"]
        assert set(directive["datasources"]) == {"kaizen"}
    assert document()["version"] == "1.4" and "import" not in document()  # nothing to fetch


def test_every_binding_names_a_field_the_data_source_has() -> None:
    doc = document()
    resources = {
        name
        for block in doc["resources"]
        for kind in ("colors", "dimensions", "numbers")
        for name in block.get(kind, {})
    }
    day_fields = {"name", "label", "done", "today", "future"}
    for name, directive in DIRECTIVES.items():
        data = directive["datasources"]["kaizen"]
        assert all(set(day) == day_fields for day in data["days"]) and len(data["days"]) == 7
        for read in set(bindings(doc)):
            root, *path = read.split(".")
            if root.startswith("@"):
                assert root[1:] in resources, (name, read)
            elif root == "kaizen":
                assert resolves(data, path), (name, read)
            elif root in ("day", "data"):  # one day of kaizen.days, in the week's row
                assert not path or path[0] in day_fields, (name, read)
            elif root == "viewport":
                assert path and path[0] in VIEWPORT, (name, read)
            else:
                raise AssertionError(f"{name}: {read} names nothing the document binds")


def test_the_week_row_and_its_marks_bind_the_days() -> None:
    (row,) = [c for _, c in document_components() if "data" in c]
    assert row["data"] == "${kaizen.days}"
    (mark,) = row["items"]
    assert mark["type"] == "DayMark" and mark["day"] == "${data}"
    assert document()["layouts"]["DayMark"]["parameters"] == ["day"]


def test_only_components_and_properties_of_apl_1_4_are_used() -> None:
    layouts = set(document()["layouts"])
    for where, component in document_components():
        kind = component["type"]
        if kind in layouts:
            assert set(component) <= {"type", "spacing", "when", "day"}, where
            continue
        assert kind in PROPERTIES, (where, kind)
        assert set(component) <= PROPERTIES[kind], (where, set(component) - PROPERTIES[kind])


# -- accessibility --------------------------------------------------------------------------


def test_every_component_has_an_accessibility_label_bound_to_words() -> None:
    layouts = set(document()["layouts"])
    for where, component in document_components():
        if component["type"] in layouts:
            continue  # a use of the layout: its own components carry the labels
        label = component.get("accessibilityLabel", "")
        assert label.startswith("${") and ".label" in label, (where, label)


def test_labels_say_everything_the_screen_shows() -> None:
    for name, directive in DIRECTIVES.items():
        data = directive["datasources"]["kaizen"]
        labels = data["label"]
        assert all(isinstance(v, str) for v in labels.values())
        for part in ("title", "step", "daysText", "growth"):
            assert labels[part] and labels[part] in labels["screen"], (name, part)
        for day in data["days"]:
            assert day["label"] in labels["week"]
            said = day["label"].split(": ")[-1]  # "Wednesday, today: not done yet"
            expected = {"done"} if day["done"] else {"not done", "not done yet", "still to come"}
            assert said in expected, (name, day)


def test_a_done_day_is_a_filled_circle_with_a_check_not_only_a_colour() -> None:
    mark = document()["layouts"]["DayMark"]["item"]
    circle = mark["items"][1]
    check = circle["item"]
    assert circle["type"] == "Frame" and circle["borderRadius"] == circle["width"]  # a circle
    assert "day.done" in circle["backgroundColor"]  # filled when done, hollow when not
    assert check["type"] == "VectorGraphic" and check["when"] == "${day.done}"
    graphic = document()["graphics"][check["source"]]
    assert graphic["items"][0]["type"] == "path" and graphic["items"][0]["strokeWidth"] > 2


# -- sizes ----------------------------------------------------------------------------------


def _dp(value: str) -> float:
    assert value.endswith("dp"), value
    return float(value[:-2])


def _tier(viewport: apl.Viewport) -> dict[str, float]:
    """The document's dimensions on a viewport: its resource blocks, each `when` applied."""
    found: dict[str, float] = {}
    values = {"width": viewport.width, "height": viewport.height, "shape": viewport.shape}
    for block in document()["resources"]:
        when = block.get("when")
        if when:
            key, op, value = re.fullmatch(r"\$\{viewport\.(\w+) (>=|==|!=) (.+)\}", when).groups()
            have = values[key]
            want: object = value.strip("'") if value.startswith("'") else int(value)
            compare = {">=": operator.ge, "==": operator.eq, "!=": operator.ne}[op]
            if not compare(have, want):
                continue
        found.update({k: _dp(v) for k, v in block.get("dimensions", {}).items()})
    return found


@pytest.fixture(scope="module")
def viewports() -> list[apl.Viewport]:
    if apl.missing():
        pytest.skip(str(apl.missing()))
    found = [vp for vp in apl.viewports() if vp.profile in SUPPORTED]
    assert {vp.profile for vp in found} == set(SUPPORTED)
    return found


def test_the_week_fits_across_every_supported_profile(viewports: list[apl.Viewport]) -> None:
    for vp in viewports:
        size = _tier(vp)
        column = max(size["mark"], 2 * size["dayNameSize"])  # a short day name is ~1.8 em
        row = 7 * column + 6 * size["markGap"]
        room = vp.width - 2 * size["padX"]
        if vp.shape == "round":  # the row sits mid-height, where the circle is widest
            room = 2 * math.sqrt((vp.width / 2) ** 2 - (column / 2) ** 2) - 2 * size["padX"]
        assert row <= room, (vp.name, row, room)
        assert size["stepSize"] >= 36 and size["factSize"] >= 22, vp.name  # legible from afar


@pytest.mark.skipif(apl.missing(browser=True) is not None, reason=str(apl.missing(browser=True)))
def test_drawn_on_every_supported_device_nothing_is_cut_off_or_off_screen(
    viewports: list[apl.Viewport],
) -> None:
    jobs = [(directive, vp, None) for directive in DIRECTIVES.values() for vp in viewports]
    drawn = apl.render(jobs)
    names = [f"{name}@{vp.name}" for name in DIRECTIVES for vp in viewports]
    for name, (directive, vp, _), result in zip(names, jobs, drawn, strict=True):
        assert result["ok"], (name, result.get("error"), result.get("errors"), result["console"])
        assert result["refused"] == [], name  # nothing was fetched from outside
        data = directive["datasources"]["kaizen"]
        assert "…" not in result["text"], (name, result["text"])  # no line cut short
        assert data["step"] in result["text"].replace("\n", " "), name
        assert result["graphics"] == data["daysDone"], name  # one check mark per done day
        px = vp.pixels()
        for box in result["ink"]:
            corners = [
                (box["x"] + dx, box["y"] + dy) for dx in (0, box["w"]) for dy in (0, box["h"])
            ]
            for x, y in corners:
                assert -1 <= x <= px["width"] + 1 and -1 <= y <= px["height"] + 1, (name, box)
                if vp.shape == "round":
                    r = px["width"] / 2
                    assert math.hypot(x - r, y - r) <= r + 1, (name, box)
