"""`kaizen chat` from the built wheel in a clean virtual environment, far from the source tree.

The chat resolves words with the interaction model, so the model must ship inside the package:
a wheel whose chat only worked from a checkout would fail here.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from scripts import package
from tests.support.phrases import step


def test_the_installed_chat_finds_its_model_and_talks(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(wheels), str(package.ROOT)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    (ours,) = wheels.glob("kaizen_coach-*.whl")
    home = tmp_path / "venv"
    venv.create(home, with_pip=True, system_site_packages=False)
    python = home / "bin" / "python"
    # What the chat needs, from the pinned wheels `make test` already fetched: no network.
    needed = [str(w) for w in package.WHEELS.glob("*.whl")]
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", str(ours),
         *needed],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(home / "bin" / "kaizen"), "chat", "--store", f"sqlite://{tmp_path}/w.db",
         "--date", "2026-11-02"],
        input="walking\nI did it\n", capture_output=True, text=True, timeout=60, cwd=elsewhere,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Alexa: ") and "moving" in lines[0]
    assert lines[1] == "You: walking" and step("MOVE", 5) in lines[2]
    where = subprocess.run(
        [str(python), "-c", "import skill; print(skill.__file__)"],
        capture_output=True, text=True, check=True, cwd=elsewhere,
    ).stdout  # fmt: skip
    assert str(home) in where and str(package.ROOT) not in where
