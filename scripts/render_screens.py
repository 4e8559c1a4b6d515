"""Renders what a person sees on a screen, for each moment, to PNGs in docs/screens/.

    python -m scripts.render_screens [--out docs/screens]        (or: make screens)

Each moment (launch, step, done, week) of one person's week (tests/support/screens.py) is
built exactly as the skill builds it, turned into the RenderDocument directive the skill
sends, and drawn by Amazon's web APL renderer (apl-viewhost-web 1.4.0) in Debian's headless
Chromium, for a round small hub (Echo Spot, hubRoundSmall) and a landscape hub (Echo Show 8,
hubLandscapeMedium). Nothing is fetched: the renderer is served from 127.0.0.1 and every other
request is refused (Amazon's fonts are stood in for by Debian's Liberation fonts).

Needs Node.js and `make test`'s .tools/node_modules, and Chromium:
    apt-get install -y chromium fonts-liberation
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from skill.screen import Moment, render_document
from tests.support import apl
from tests.support.screens import screen

ROOT = Path(__file__).resolve().parents[1]
DEVICES = ("echoSpot", "echoShow8")  # hubRoundSmall, hubLandscapeMedium


def main(argv: list[str] | None = None) -> int:
    """Render every moment on each device; print each PNG's path, or why nothing could run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    args = parser.parse_args(argv)
    why = apl.missing(browser=True)
    if why:
        print(f"cannot render screens: {why}", file=sys.stderr)
        return 1
    viewports = {vp.name: vp for vp in apl.viewports()}
    jobs = [
        (render_document(screen(moment)), viewports[device], args.out / f"{moment}-{device}.png")
        for moment in Moment
        for device in DEVICES
    ]
    failed = 0
    for (_, vp, out), drawn in zip(jobs, apl.render(jobs), strict=True):
        if drawn["ok"]:
            print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}  ({vp.profile})")
        else:
            failed += 1
            print(
                f"FAILED {out.name}: {drawn.get('error') or drawn.get('errors')}", file=sys.stderr
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
