"""Writes `interaction_models/<locale>.json` from the package's source (`skill/interaction`).

    python scripts/build_models.py          # write every locale's model
    python scripts/build_models.py --check  # exit 1 if a checked-in model is not current

The files are checked in because Alexa's tools (and a reviewer) read them as they are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from skill.interaction import interaction_model, locales, render

OUTPUT = Path(__file__).resolve().parents[1] / "interaction_models"


def built() -> dict[Path, str]:
    """Every model file as it should be on disk."""
    return {OUTPUT / f"{locale}.json": render(interaction_model(locale)) for locale in locales()}


def stale() -> list[Path]:
    """Checked-in files that differ from the source, and files no locale produces."""
    wanted = built()
    extra = [path for path in OUTPUT.glob("*.json") if path not in wanted]
    changed = [
        path
        for path, text in wanted.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    return sorted(changed + extra)


def main(argv: list[str]) -> int:
    """Write the models, or with --check report the stale ones."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        for path in stale():
            print(f"not current: {path.relative_to(OUTPUT.parent)}", file=sys.stderr)
        return 1 if stale() else 0
    OUTPUT.mkdir(exist_ok=True)
    for path in OUTPUT.glob("*.json"):
        if path not in built():
            path.unlink()
    for path, text in built().items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
