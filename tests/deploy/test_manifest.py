"""The skill package `ask deploy` uploads: built from one source, complete, true to the model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scripts import package
from skill.alexa.reminders import REMINDERS_SCOPE
from skill.chat.nlu import Resolver

PERSON_ID_SCOPE = "alexa::person_id:read"
# How each locale writes the wake word at the start of an example phrase.
WAKE_WORDS = {"ja-JP": "アレクサ、"}
ARN = "arn:aws:lambda:us-east-1:123456789012:function:kaizen-coach-CoachFunction-AbC123"


@pytest.fixture(scope="module")
def assembled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The skill package as `make package ENDPOINT=<function ARN>` writes it."""
    return package.assemble_skill_package(tmp_path_factory.mktemp("build"), ARN)


@pytest.fixture(scope="module")
def manifest(assembled: Path) -> dict[str, Any]:
    """The assembled skill.json's manifest object."""
    document = json.loads((assembled / "skill.json").read_text(encoding="utf-8"))
    return dict(document["manifest"])


def models(directory: Path) -> dict[str, bytes]:
    """Interaction model files by locale."""
    return {path.stem: path.read_bytes() for path in sorted(directory.glob("*.json"))}


def test_the_interaction_models_are_the_ones_in_interaction_models(assembled: Path) -> None:
    packaged = models(assembled / "interactionModels" / "custom")
    assert packaged == models(package.MODELS) and packaged


def test_every_model_locale_is_published_and_no_other(manifest: dict[str, Any]) -> None:
    assert set(manifest["publishingInformation"]["locales"]) == set(models(package.MODELS))
    assert set(manifest["privacyAndCompliance"]["locales"]) == set(models(package.MODELS))


def test_publishing_information_is_complete_and_says_it_is_not_medical_advice(
    manifest: dict[str, Any],
) -> None:
    for locale, info in manifest["publishingInformation"]["locales"].items():
        listing = json.loads(
            (package.SKILL_PACKAGE_SOURCE / "publishing" / f"{locale}.json").read_text("utf-8")
        )
        line = json.loads(
            (package.ROOT / "skill" / "speech" / "locales" / f"{locale}.json").read_text("utf-8")
        )["crisis_line"]
        assert info["name"], locale
        assert 0 < len(info["summary"]) <= 160
        assert 0 < len(info["description"]) <= 4000
        # In the listing's own language: not medical advice, and where to turn in a crisis.
        assert listing["not_medical_advice"] in info["description"], locale
        assert line["number"] in info["description"], locale
        assert 1 <= len(info["keywords"]) <= 30
    publishing = manifest["publishingInformation"]
    assert publishing["category"] and publishing["testingInstructions"]
    assert publishing["isAvailableWorldwide"] or publishing["distributionCountries"]


@pytest.mark.parametrize("locale", sorted(models(package.MODELS)))
def test_example_phrases_resolve_with_the_interaction_model(
    assembled: Path, manifest: dict[str, Any], locale: str
) -> None:
    path = assembled / "interactionModels" / "custom" / f"{locale}.json"
    resolver = Resolver(json.loads(path.read_text(encoding="utf-8")), path.stem)
    phrases = manifest["publishingInformation"]["locales"][locale]["examplePhrases"]
    assert 1 <= len(phrases) <= 3
    # Alexa's rules: each phrase starts with the wake word; the first names the invocation.
    wake = WAKE_WORDS.get(locale, "Alexa, ")
    assert all(phrase.startswith(wake) for phrase in phrases)
    assert resolver.resolve(phrases[0]).launch
    for phrase in phrases[1:]:
        resolution = resolver.resolve(phrase)
        assert resolution.intent not in (None, "AMAZON.FallbackIntent"), phrase
        assert resolver.resolve(phrase.removeprefix(wake)) == resolution


def test_privacy_and_terms_urls_are_https_placeholders_to_replace(
    manifest: dict[str, Any],
) -> None:
    privacy = manifest["privacyAndCompliance"]
    for urls in privacy["locales"].values():
        for key in ("privacyPolicyUrl", "termsOfUseUrl"):
            assert urls[key].startswith("https://example.com/"), key
    assert privacy["isChildDirected"] is False and privacy["allowsPurchases"] is False
    readme = (package.ROOT / "README.md").read_text(encoding="utf-8")
    assert "privacyPolicyUrl" in readme and "termsOfUseUrl" in readme


def test_the_permissions_are_reminders_and_recognising_who_speaks(
    manifest: dict[str, Any],
) -> None:
    # Reminders (asked for by voice) and the person id of a recognised speaker (a coach per
    # person in a shared home); nothing else.
    assert manifest["permissions"] == [{"name": REMINDERS_SCOPE}, {"name": PERSON_ID_SCOPE}]


def test_skill_events_for_deletion_and_permissions_go_to_the_function(
    manifest: dict[str, Any],
) -> None:
    events = manifest["events"]
    assert events["endpoint"] == {"uri": ARN}
    assert {s["eventName"] for s in events["subscriptions"]} == {
        "SKILL_DISABLED",
        "SKILL_PERMISSION_ACCEPTED",
        "SKILL_PERMISSION_CHANGED",
    }


def test_the_custom_endpoint_is_the_function_and_every_task_is_declared(
    assembled: Path, manifest: dict[str, Any]
) -> None:
    custom = manifest["apis"]["custom"]
    assert custom["endpoint"] == {"uri": ARN}
    files = sorted(path.name for path in (assembled / "tasks").glob("*.json"))
    assert files == ["DailyStep.1.json"]
    assert [f"{t['name']}.{t['version']}.json" for t in custom["tasks"]] == files
    for task in files:
        name = task.split(".")[0]
        definition = json.loads((assembled / "tasks" / task).read_text(encoding="utf-8"))
        assert list(definition["paths"]) == [f"/{name}"]


def test_before_there_is_a_function_the_manifest_has_no_endpoints(tmp_path: Path) -> None:
    # The first `ask deploy` only creates the skill, to get the id the stack needs.
    target = package.assemble_skill_package(tmp_path, None)
    text = (target / "skill.json").read_text(encoding="utf-8")
    document = json.loads(text)["manifest"]
    assert "endpoint" not in document["apis"]["custom"] and "events" not in document
    assert "ENDPOINT" not in text
    assert document["permissions"] == [{"name": REMINDERS_SCOPE}, {"name": PERSON_ID_SCOPE}]


def test_a_self_hosted_endpoint_is_https_with_a_trusted_certificate(tmp_path: Path) -> None:
    target = package.assemble_skill_package(tmp_path, "https://coach.example.org/")
    document = json.loads((target / "skill.json").read_text(encoding="utf-8"))["manifest"]
    expected = {"uri": "https://coach.example.org/", "sslCertificateType": "Trusted"}
    assert document["apis"]["custom"]["endpoint"] == expected
    assert document["events"]["endpoint"] == expected


@pytest.mark.parametrize(
    "endpoint",
    ["arn:aws:s3:::a-bucket", "http://coach.example.org/", "https://coach.example.org:8443/"],
)
def test_a_wrong_endpoint_is_refused_before_anything_is_written(
    tmp_path: Path, endpoint: str
) -> None:
    result = subprocess.run(
        [sys.executable, str(package.ROOT / "scripts" / "package.py"), "build",
         "--out", str(tmp_path), "--endpoint", endpoint],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert "not a Lambda function ARN or an https:// URL on port 443" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_ask_cli_deploys_the_assembled_package() -> None:
    resources = json.loads((package.ROOT / "infra" / "ask-resources.json").read_text())
    source = resources["profiles"]["default"]["skillMetadata"]["src"]
    assert (package.ROOT / "infra" / source).resolve() == package.BUILD / "skill-package"


def test_the_screen_interface_is_declared_with_the_viewports_apl_requires(
    manifest: dict[str, Any],
) -> None:
    # apl-support-for-your-skill.html: the ALEXA_PRESENTATION_APL interface with the required
    # viewports (round hub, medium and large landscape hubs, TV), as its example declares them.
    (apl,) = manifest["apis"]["custom"]["interfaces"]
    assert apl["type"] == "ALEXA_PRESENTATION_APL"
    shapes = {(v["mode"], v["shape"]) for v in apl["supportedViewports"]}
    assert shapes == {("HUB", "ROUND"), ("HUB", "RECTANGLE"), ("TV", "RECTANGLE")}
    widest = max(v["maxWidth"] for v in apl["supportedViewports"] if v["mode"] == "HUB")
    assert widest >= 1280
