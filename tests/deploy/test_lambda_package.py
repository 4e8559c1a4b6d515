"""The Lambda zip: reproducible, lean, and working alone beside only the Lambda runtime's parts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

import pytest

from scripts import package
from skill.chat import envelope as env
from skill.chat.alexa_api import REMINDERS_SCOPE, AlexaApiStandIn
from skill.store import user_key
from skill.store.dynamodb import DynamoStore
from tests.support import dynamodb
from tests.support.builders import ALICE, Speaker
from tests.support.phrases import step

# Runs inside the clean environment, as Lambda's bootstrap would: /var/task first on the path,
# one warm process answering one event per line. A line {"probe": true} reports what is there.
BOOTSTRAP = """
import importlib, json, pkgutil, sys
sys.path.insert(0, sys.argv[1])
import lambda_function

def probe():
    import skill
    broken = []
    for module in pkgutil.walk_packages(skill.__path__, "skill."):
        try:
            importlib.import_module(module.name)
        except Exception as error:
            broken.append(f"{module.name}: {error!r}")
    try:
        import flask
        flask_found = flask.__file__
    except ImportError:
        flask_found = None
    import boto3, urllib3
    return {"skill": skill.__file__, "boto3": boto3.__file__, "flask": flask_found,
            "urllib3": urllib3.__version__,
            "broken": broken, "modules": sorted(m.name for m in pkgutil.walk_packages(
                skill.__path__, "skill."))}

for line in sys.stdin:
    event = json.loads(line)
    answer = probe() if event.get("probe") else lambda_function.lambda_handler(event, None)
    print(json.dumps(answer), flush=True)
"""


def zip_names(path: Path) -> list[str]:
    """Entry names in archive order."""
    with zipfile.ZipFile(path) as archive:
        return [info.filename for info in archive.infolist()]


def test_two_builds_give_identical_bytes(lambda_zip: Path, tmp_path: Path) -> None:
    again = package.build_lambda_zip(tmp_path)
    assert again.read_bytes() == lambda_zip.read_bytes()


def test_entries_are_sorted_with_fixed_times_and_modes(lambda_zip: Path) -> None:
    with zipfile.ZipFile(lambda_zip) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert {info.date_time for info in infos} == {package.ZIP_EPOCH}
    assert {info.external_attr >> 16 for info in infos} == {package.FILE_MODE}


def test_the_zip_holds_the_entry_point_and_skill_but_not_what_the_runtime_provides(
    lambda_zip: Path,
) -> None:
    names = zip_names(lambda_zip)
    tops = {name.split("/")[0] for name in names}
    assert "lambda_function.py" in tops and "skill" in tops and "ask_sdk_core" in tops
    for provided in ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3"):
        assert provided not in tops, provided
    # Flask, the local chat and the command line are not on the Lambda path.
    assert not [n for n in names if n.startswith(("skill/web/", "skill/chat/", "skill/cli"))]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert "skill/speech/locales/en-US.json" in names


def test_make_package_prints_the_zip_size(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(package.ROOT / "scripts" / "package.py"), "build",
         "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    size = (tmp_path / "lambda.zip").stat().st_size
    assert f"({size:,} bytes)" in result.stdout
    assert (tmp_path / "skill-package" / "skill.json").is_file()


class CleanLambda:
    """The zip unpacked alone into a virtual environment holding only the runtime's packages."""

    def __init__(self, root: Path, lambda_zip: Path, environment: dict[str, str]) -> None:
        interpreter = root / "venv" / "bin" / "python"
        venv.create(root / "venv", with_pip=False, symlinks=True)
        site = subprocess.run(
            [str(interpreter), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        for pin in package.read_pins(package.RUNTIME):
            with zipfile.ZipFile(package.wheel_for(pin)) as wheel:
                wheel.extractall(site)
        task = root / "task"
        with zipfile.ZipFile(lambda_zip) as archive:
            archive.extractall(task)
        (root / "bootstrap.py").write_text(BOOTSTRAP)
        self.process = subprocess.Popen(
            [str(interpreter), "-s", "-B", str(root / "bootstrap.py"), str(task)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env=environment, cwd=root,
        )  # fmt: skip
        self.task = task

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        """Send one event to the warm process and read its answer."""
        stdin: IO[str] | None = self.process.stdin
        stdout: IO[str] | None = self.process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(json.dumps(event) + "\n")
        stdin.flush()
        line = stdout.readline()
        assert line, "the Lambda process died"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        """End the process."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def table(dynamo_store: DynamoStore) -> str:
    """A fresh table on dynalite, as the stack's StateTable."""
    return dynamo_store.table


@pytest.fixture
def clean_lambda(tmp_path: Path, lambda_zip: Path, table: str) -> Iterator[CleanLambda]:
    """The unpacked zip answering events, configured only as the template configures it."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "KAIZEN_SKILL_ID": env.DEFAULT_SKILL_ID,
        **dynamodb.environment(table),
    }
    runner = CleanLambda(tmp_path, lambda_zip, environment)
    yield runner
    runner.close()


@pytest.mark.dynamodb
def test_the_zip_alone_imports_everything_it_carries_and_nothing_else(
    clean_lambda: CleanLambda,
) -> None:
    found = clean_lambda.invoke({"probe": True})
    assert found["skill"].startswith(str(clean_lambda.task))
    assert "/task/" not in found["boto3"]  # boto3 is the runtime's, not the zip's
    assert found["flask"] is None  # the environment really is clean
    [urllib3] = [pin for pin in package.read_pins(package.RUNTIME) if pin.name == "urllib3"]
    assert found["urllib3"] == urllib3.version
    assert found["broken"] == []
    assert "skill.handlers.reminders" in found["modules"]
    assert "skill.store.dynamodb" in found["modules"]


@pytest.mark.dynamodb
def test_the_zip_alone_answers_a_launch_and_a_completion_against_dynamodb(
    clean_lambda: CleanLambda, table: str
) -> None:
    alice = Speaker(clean_lambda.invoke)
    welcome = alice.launch()
    assert welcome.said("goal.which_area") and not welcome.ended
    assert step("MOVE", 5) in alice.say("SetGoalIntent", area="walking")
    done = alice.say("CompleteStepIntent")
    assert done.said("milestone.first") and done.ssml.startswith("<speak>")
    record = DynamoStore(table, client=dynamodb.client()).load(user_key(ALICE))
    assert record is not None and record.state.total_steps == 1
    (goal,) = record.state.goals
    assert goal.total_done == 1 and goal.done_on(alice.session.now.date())


@pytest.mark.dynamodb
def test_the_zip_alone_sets_a_reminder_with_the_runtimes_urllib3(clean_lambda: CleanLambda) -> None:
    # Alexa's APIs are called with urllib3, which the zip leaves to the runtime (1.26 here).
    user, device = "amzn1.ask.account.TEST-ZIP", "amzn1.ask.device.TEST-ZIP"
    with AlexaApiStandIn() as alexa:
        alexa.zones[device] = "Europe/Berlin"
        token = alexa.token_for(user, REMINDERS_SCOPE)
        caller = env.Caller(user, device_id=device, api_endpoint=alexa.url, api_token=token)
        person = Speaker(clean_lambda.invoke, caller=caller, zone=ZoneInfo("Europe/Berlin"))
        person.launch()
        person.say("SetReminderIntent", time="8 am")
        [reminder] = alexa.reminders(token)
    assert reminder["trigger"]["timeZoneId"] == "Europe/Berlin"
    [rule] = reminder["trigger"]["recurrence"]["recurrenceRules"]
    assert rule.startswith("FREQ=DAILY;BYHOUR=8;BYMINUTE=0;")
