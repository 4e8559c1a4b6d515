"""Builds what a deployment uploads: the Lambda zip and the Alexa skill package.

    python scripts/package.py fetch                  # download the pinned wheels (network)
    python scripts/package.py build [--endpoint ARN|URL]  # build both, offline

The zip is reproducible: the same sources and pinned wheels give the same bytes, because
entries are sorted, every timestamp and mode is fixed, and wheels are checked against their
pinned hashes and unpacked directly (no pip install, which would write its own metadata).
The skill package is assembled from `infra/skill-package/` and `interaction_models/` (which
`scripts/build_models.py` generates from `skill/interaction/`), so nothing is copied by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = ROOT / "lambda" / "requirements.txt"
RUNTIME = ROOT / "lambda" / "runtime.txt"
WHEELS = ROOT / ".cache" / "wheels"
BUILD = ROOT / "build"
SKILL_PACKAGE_SOURCE = ROOT / "infra" / "skill-package"
MODELS = ROOT / "interaction_models"

# Keep equal to the template's Runtime (a test checks): pip picks wheels for this Python.
TARGET_PYTHON = "3.14"
# The Lambda path needs neither the webservice (Flask) nor the local chat, its command line and
# the interaction models' source it resolves words with.
LAMBDA_SKIP = ("skill/web/", "skill/chat/", "skill/interaction/", "skill/cli.py")
LAMBDA_SUFFIXES = (".py", ".json")
ENTRY_POINT = ROOT / "lambda" / "lambda_function.py"

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
FILE_MODE = 0o100644  # a regular file, readable by Lambda's runtime user
UNIX = 3
LAMBDA_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$")
HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+(:443)?(/\S*)?$")


class PackageError(Exception):
    """The build cannot go on; the message says what to do."""


@dataclass(frozen=True)
class Pin:
    """One `name==version --hash=sha256:...` line of a requirements file."""

    name: str
    version: str
    hashes: frozenset[str]

    @property
    def wheel_prefix(self) -> str:
        """How a wheel's file name starts for this pin (wheel names use underscores)."""
        return f"{re.sub(r'[-_.]+', '_', self.name).lower()}-{self.version}-"


def read_pins(path: Path) -> list[Pin]:
    """The pins of a hashed requirements file (continuation lines joined, comments dropped)."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    pins = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        found = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})+)$", line)
        if found is None:
            raise PackageError(f"{path.name}: not a pinned, hashed requirement: {line!r}")
        hashes = frozenset(re.findall(r"sha256:([0-9a-f]{64})", found[3]))
        pins.append(Pin(found[1], found[2], hashes))
    return pins


def fetch(
    requirement_files: Iterable[Path] = (REQUIREMENTS, RUNTIME), wheels: Path = WHEELS
) -> None:
    """Download the pinned pure-Python wheels; pip refuses any whose hash differs."""
    wheels.mkdir(parents=True, exist_ok=True)
    for requirements in requirement_files:
        subprocess.run(
            [
                sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                "--require-hashes", "--no-deps", "--only-binary=:all:",
                "--platform", "any", "--implementation", "py", "--abi", "none",
                "--python-version", TARGET_PYTHON,
                "--dest", str(wheels), "--requirement", str(requirements),
            ],
            check=True,
        )  # fmt: skip


def wheel_for(pin: Pin, wheels: Path = WHEELS) -> Path:
    """The cached wheel for a pin, checked against its hash."""
    for candidate in sorted(wheels.glob("*.whl")):
        if not candidate.name.lower().startswith(pin.wheel_prefix):
            continue
        if not candidate.name.endswith("-none-any.whl"):
            raise PackageError(f"{candidate.name} is not pure Python; the zip must run on arm64")
        if hashlib.sha256(candidate.read_bytes()).hexdigest() in pin.hashes:
            return candidate
    raise PackageError(
        f"no wheel for {pin.name}=={pin.version} in {wheels}: "
        "fetch it with `python scripts/package.py fetch`"
    )


def wheel_entries(wheel: Path) -> Iterator[tuple[str, bytes]]:
    """A wheel's files as they land in site-packages (purelib wheels unpack as they are)."""
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            if info.is_dir() or ".data/" in info.filename:
                continue
            yield info.filename, archive.read(info)


def skill_entries(root: Path = ROOT) -> Iterator[tuple[str, bytes]]:
    """The skill's own files for Lambda, and the entry point at the top of the zip."""
    for path in sorted((root / "skill").rglob("*")):
        name = path.relative_to(root).as_posix()
        if not path.is_file() or "__pycache__" in name or not name.endswith(LAMBDA_SUFFIXES):
            continue
        if name.startswith(LAMBDA_SKIP):
            continue
        yield name, path.read_bytes()
    yield ENTRY_POINT.name, ENTRY_POINT.read_bytes()


def lambda_entries(wheels: Path = WHEELS) -> dict[str, bytes]:
    """Every file of the zip by name; a name claimed twice is an error, not a silent overwrite."""
    runtime = {pin.name.lower() for pin in read_pins(RUNTIME)}
    entries: dict[str, bytes] = {}
    sources = [skill_entries()]
    for pin in read_pins(REQUIREMENTS):
        if pin.name.lower() in runtime:
            raise PackageError(f"{pin.name} is provided by the Lambda runtime; remove it")
        sources.append(wheel_entries(wheel_for(pin, wheels)))
    for source in sources:
        for name, data in source:
            if name in entries:
                raise PackageError(f"{name} comes from two places")
            entries[name] = data
    return entries


def write_zip(path: Path, entries: dict[str, bytes]) -> None:
    """A zip whose bytes depend only on the entries: sorted, fixed times and modes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.external_attr = FILE_MODE << 16
            info.create_system = UNIX
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[name], compresslevel=9)
    path.write_bytes(buffer.getvalue())


def build_lambda_zip(out: Path, wheels: Path = WHEELS) -> Path:
    """Build `<out>/lambda.zip` and return its path."""
    target = out / "lambda.zip"
    write_zip(target, lambda_entries(wheels))
    return target


def endpoint_object(endpoint: str) -> dict[str, str]:
    """The manifest's endpoint for a Lambda ARN or a self-hosted HTTPS URL; others are refused.

    Alexa calls a self-hosted skill only on port 443 with a certificate from a trusted CA.
    """
    if LAMBDA_ARN.match(endpoint):
        return {"uri": endpoint}
    if HTTPS_URL.match(endpoint):
        return {"uri": endpoint, "sslCertificateType": "Trusted"}
    raise PackageError(f"not a Lambda function ARN or an https:// URL on port 443: {endpoint!r}")


def manifest(endpoint: str | None) -> dict[str, Any]:
    """skill.json pointing at the endpoint, or without endpoints before there is one.

    Without an endpoint the manifest still creates the skill, which gives the skill id the
    stack needs; the events object goes too, because it cannot exist without an endpoint.
    """
    document: dict[str, Any] = json.loads(
        (SKILL_PACKAGE_SOURCE / "skill.json").read_text(encoding="utf-8")
    )
    body = document["manifest"]
    publishing, privacy = body["publishingInformation"], body["privacyAndCompliance"]
    countries: list[str] = []
    # One file per locale (its store listing, privacy links and country), written by whoever
    # knows the language; the manifest lists each locale and each country once.
    for path in sorted((SKILL_PACKAGE_SOURCE / "publishing").glob("*.json")):
        listing = json.loads(path.read_text(encoding="utf-8"))
        publishing["locales"][path.stem] = listing["publishing"]
        privacy["locales"][path.stem] = listing["privacy"]
        if listing["country"] not in countries:
            countries.append(listing["country"])
    publishing["distributionCountries"] = countries
    if endpoint is None:
        del body["apis"]["custom"]["endpoint"]
        del body["events"]
    else:
        target = endpoint_object(endpoint)
        body["apis"]["custom"]["endpoint"] = target
        body["events"]["endpoint"] = dict(target)
    return document


def assemble_skill_package(out: Path, endpoint: str | None) -> Path:
    """Build `<out>/skill-package` in the ASK CLI layout and return its path."""
    target = out / "skill-package"
    shutil.rmtree(target, ignore_errors=True)
    (target / "interactionModels" / "custom").mkdir(parents=True)
    (target / "tasks").mkdir()
    text = json.dumps(manifest(endpoint), indent=2, ensure_ascii=False) + "\n"
    (target / "skill.json").write_text(text, encoding="utf-8")
    for model in sorted(MODELS.glob("*.json")):
        shutil.copyfile(model, target / "interactionModels" / "custom" / model.name)
    for task in sorted((SKILL_PACKAGE_SOURCE / "tasks").glob("*.json")):
        shutil.copyfile(task, target / "tasks" / task.name)
    return target


def shown(path: Path) -> str:
    """A path as a newcomer reads it: relative to the checkout when it is inside."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def describe(zip_path: Path) -> str:
    """The line `make package` prints: where, how big, how many files, which bytes."""
    data = zip_path.read_bytes()
    with zipfile.ZipFile(zip_path) as archive:
        files = len(archive.infolist())
        unpacked = sum(info.file_size for info in archive.infolist())
    return (
        f"{shown(zip_path)}: "
        f"{len(data) / 1e6:.2f} MB zipped ({len(data):,} bytes), {unpacked / 1e6:.2f} MB "
        f"unpacked, {files} files, sha256 {hashlib.sha256(data).hexdigest()}"
    )


def main(argv: list[str] | None = None) -> int:
    """`fetch` downloads the pinned wheels; `build` makes the zip and the skill package."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fetch", help="download the pinned wheels into .cache/wheels")
    build = commands.add_parser("build", help="build build/lambda.zip and build/skill-package")
    build.add_argument("--out", type=Path, default=BUILD)
    build.add_argument(
        "--endpoint", help="the stack's SkillEndpointArn output, or your https:// URL"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "fetch":
            fetch()
            return 0
        if args.endpoint:
            endpoint_object(args.endpoint)  # refuse a wrong one before a byte is written
        zip_path = build_lambda_zip(args.out)
        package = assemble_skill_package(args.out, args.endpoint or None)
    except PackageError as error:
        print(f"package: {error}", file=sys.stderr)
        return 1
    print(describe(zip_path))
    endpoint = args.endpoint or "none yet (ENDPOINT=... once the function or server exists)"
    print(f"{shown(package)}: the skill package for `ask deploy`, endpoint {endpoint}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
