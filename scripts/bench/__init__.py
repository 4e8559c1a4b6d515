"""`make bench`: each figure measured next to its baseline in the same run (see __main__).

Shared here: where the project is, percentiles, and a description of the machine.
"""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The sample at `fraction` (0.5 = median, 0.99 = p99), nearest rank."""
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(samples: Sequence[float]) -> float:
    """The median of the runs' figures."""
    return statistics.median(samples)


def machine() -> str:
    """CPU model, cores, kernel and Python: what the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )
