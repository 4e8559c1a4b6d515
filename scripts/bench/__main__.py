"""`make bench`: run every benchmark and write docs/BENCHMARKS.md (needs KAIZEN_TEST_DYNAMODB).

`python -m scripts.bench` with `--quick` runs fewer rounds, to check the harness itself.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

from scripts import package
from scripts.bench import (
    ROOT,
    attacks,
    cold_start,
    history,
    report,
    turns,
    understanding,
    webservice,
)
from tests.support.pki import AlexaPki


def shipped_entry_dir(tmp: Path) -> Path:
    """The Lambda zip as built by `make package`, unpacked as Lambda unpacks it."""
    task = tmp / "task"
    with zipfile.ZipFile(package.build_lambda_zip(tmp)) as archive:
        archive.extractall(task)
    return task


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few rounds: check, not measure")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    args = parser.parse_args()
    scale = report.Scale.quick() if args.quick else report.Scale()

    print("turn latency and store calls ...", file=sys.stderr)
    latency = {
        backend: turns.measure(backend, scale.rounds, scale.sweeps)
        for backend in ("sqlite", "dynamodb")
    }
    print("cold start ...", file=sys.stderr)
    cached = cold_start.measure(scale.cold_runs)
    with tempfile.TemporaryDirectory() as tmp:
        shipped = cold_start.measure(scale.cold_runs, shipped_entry_dir(Path(tmp)), bytecode=False)
    print("history ...", file=sys.stderr)
    ages = history.measure(scale.ages, scale.turn_rounds)
    migration = history.migration(scale.turn_rounds)
    print("webservice ...", file=sys.stderr)
    pki = AlexaPki.create()
    cost = webservice.verification_cost(pki)
    throughput = webservice.webservice_throughput(pki, scale.rounds, scale.seconds)
    print("hostile traffic ...", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = webservice.prepare(Path(tmp), pki)
        with webservice.server("slow-s3", workdir) as target:
            refusals = attacks.refusal_cost(target, pki, scale.hostile_count, scale.rounds)
            under_attack = attacks.signed_latency(target, pki, scale.seconds)

    print("language understanding ...", file=sys.stderr)
    heard = understanding.measure()

    text = report.render(
        scale,
        report.Results(
            latency,
            cached,
            shipped,
            ages,
            migration,
            throughput,
            cost,
            refusals,
            under_attack,
            heard,
        ),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
