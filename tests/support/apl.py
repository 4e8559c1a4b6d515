"""Amazon's APL tools from npm, run through the small Node scripts in scripts/apl/.

apl-suggester (the static validator) and apl-viewhost-web (the web renderer, drawn in
Debian's headless Chromium by playwright-core) are installed into .tools/node_modules by
`make test`; without Node, those modules or Chromium, `missing()` says what is absent so a
test can skip with the reason instead of failing on a machine that cannot run them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / ".tools" / "node_modules"
SCRIPTS = ROOT / "scripts" / "apl"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
INSTALL_CHROMIUM = "apt-get install -y chromium fonts-liberation"


@dataclass(frozen=True)
class Viewport:
    """A device's viewport in dp (as APL sees it) and its density: pixels = dp * dpi / 160."""

    name: str
    profile: str
    width: int
    height: int
    dpi: int
    shape: str  # "round" | "rectangle"
    mode: str  # "hub" | "tv" | "mobile"

    def pixels(self) -> dict[str, Any]:
        """The viewport as the renderer takes it: sizes in pixels."""
        return {
            "width": round(self.width * self.dpi / 160),
            "height": round(self.height * self.dpi / 160),
            "dpi": self.dpi,
            "shape": self.shape,
            "mode": self.mode,
        }


def missing(*, browser: bool = False) -> str | None:
    """Why the tools cannot run here (None when they can)."""
    if shutil.which("node") is None:
        return "needs Node.js"
    needed = ["apl-suggester", *(["apl-viewhost-web", "playwright-core"] if browser else [])]
    absent = [name for name in needed if not (NODE_MODULES / name).is_dir()]
    if absent:
        return f"needs {', '.join(absent)} in .tools/node_modules (make test installs them)"
    if browser and not Path(CHROMIUM).exists():
        return f"needs Chromium at {CHROMIUM} ({INSTALL_CHROMIUM})"
    return None


def _node(script: str, *args: str, stdin: object = None, timeout: float = 120) -> Any:
    result = subprocess.run(
        ["node", str(SCRIPTS / script), *args],
        input=None if stdin is None else json.dumps(stdin),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "NODE_PATH": str(NODE_MODULES), "CHROMIUM": CHROMIUM},
    )
    if result.returncode != 0:
        raise RuntimeError(f"node {script} failed ({result.returncode}): {result.stderr[-2000:]}")
    return json.loads(result.stdout)


def validate(directives: list[dict[str, Any]]) -> list[list[dict[str, str]]]:
    """apl-suggester's findings for each directive's document and data sources."""
    found: list[list[dict[str, str]]] = _node("validate.js", stdin=directives)
    return found


def viewports() -> list[Viewport]:
    """Every example device of every viewport profile apl-suggester knows (Amazon's list)."""
    out = []
    for profile in _node("validate.js", "--profiles"):
        for device in profile["exampleDevices"]:
            out.append(
                Viewport(
                    name=device["id"],
                    profile=profile["id"],
                    width=device["width"],
                    height=device["height"],
                    dpi=device["dpi"],
                    shape=profile["shape"],
                    mode=profile["mode"],
                )
            )
    return out


def render(jobs: list[tuple[dict[str, Any], Viewport, Path | None]]) -> list[dict[str, Any]]:
    """Draw each directive on a viewport (to a PNG where a path is given), in one browser."""
    payload = [
        {"directive": directive, "viewport": vp.pixels(), "out": str(out) if out else None}
        for directive, vp, out in jobs
    ]
    drawn: list[dict[str, Any]] = _node("render.js", stdin=payload, timeout=300)
    return drawn
