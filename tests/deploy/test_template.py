"""infra/template.yaml: it lints, SAM transforms it offline, it grants only what the skill uses."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import pytest
from samtranslator.translator.transform import transform

from scripts import package
from skill.chat import envelope as env
from skill.store import dynamodb
from tests.deploy.conftest import TEMPLATE
from tests.support import dynamodb as test_dynamodb
from tests.support.builders import Speaker
from tests.support.lambda_entry import load_lambda

SKILL_ID = "amzn1.ask.skill.00000000-1111-2222-3333-444444444444"
ROLE_DYNAMODB_ACTIONS = ("dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem")


class NoManagedPolicies:
    """The translator's policy loader; it must never be needed (it would call IAM)."""

    def load(self) -> dict[str, str]:
        raise AssertionError("the template names a managed policy, which needs AWS to resolve")


@pytest.fixture(scope="module")
def resources(template: dict[str, Any]) -> dict[str, Any]:
    """The CloudFormation resources SAM makes of the template, transformed offline.

    `sam deploy` uploads the local zip and puts its S3 address in CodeUri before the
    transform runs; the same substitution is made here. The region is the one an Alexa
    skill in North America must use.
    """
    sam = copy.deepcopy(template)
    sam["Resources"]["CoachFunction"]["Properties"]["CodeUri"] = "s3://bucket/lambda.zip"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        out: dict[str, Any] = transform(sam, {"SkillId": SKILL_ID}, NoManagedPolicies())
    return dict(out["Resources"])


def of_type(resources: dict[str, Any], kind: str) -> dict[str, Any]:
    """The one resource of a type."""
    return dict(resources[logical_id(resources, kind)])


def test_cfn_lint_passes() -> None:
    cfn_lint = Path(sys.executable).with_name("cfn-lint")
    result = subprocess.run(
        [str(cfn_lint), str(TEMPLATE)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_sam_makes_exactly_the_function_its_trigger_table_role_and_logs(
    resources: dict[str, Any],
) -> None:
    kinds = sorted(r["Type"] for r in resources.values())
    assert kinds == [
        "AWS::CloudWatch::Alarm",
        "AWS::CloudWatch::Alarm",
        "AWS::CloudWatch::Alarm",
        "AWS::DynamoDB::Table",
        "AWS::IAM::Role",
        "AWS::Lambda::Function",
        "AWS::Lambda::Permission",
        "AWS::Logs::LogGroup",
    ]


def test_the_function_runs_the_packaged_entry_point_on_arm64(resources: dict[str, Any]) -> None:
    function = of_type(resources, "AWS::Lambda::Function")["Properties"]
    assert function["Architectures"] == ["arm64"]
    # The runtime is the Python the package step fetched wheels for.
    assert function["Runtime"] == f"python{package.TARGET_PYTHON}"
    module, handler = function["Handler"].split(".")
    assert f"{module}.py" == package.ENTRY_POINT.name
    assert re.search(rf"^def {handler}\(event", package.ENTRY_POINT.read_text(), re.M)
    # Alexa gives up after 8 seconds; the function must be stopped before that.
    assert function["Timeout"] < 8
    assert function["MemorySize"] >= 512


def test_the_code_uri_is_what_make_package_builds(template: dict[str, Any]) -> None:
    code_uri = template["Resources"]["CoachFunction"]["Properties"]["CodeUri"]
    assert (TEMPLATE.parent / code_uri).resolve() == package.BUILD / "lambda.zip"


def test_the_function_is_configured_only_through_its_environment(
    resources: dict[str, Any],
) -> None:
    variables = of_type(resources, "AWS::Lambda::Function")["Properties"]["Environment"]
    table = logical_id(resources, "AWS::DynamoDB::Table")
    assert variables["Variables"] == {
        "KAIZEN_STORE": {"Fn::Sub": f"dynamodb://${{{table}}}"},
        "KAIZEN_SKILL_ID": {"Ref": "SkillId"},
    }


def test_only_the_configured_skill_may_invoke_the_function(resources: dict[str, Any]) -> None:
    permission = of_type(resources, "AWS::Lambda::Permission")["Properties"]
    assert permission["Principal"] == "alexa-appkit.amazon.com"
    assert permission["Action"] == "lambda:InvokeFunction"
    assert permission["EventSourceToken"] == {"Ref": "SkillId"}


def test_the_skill_id_parameter_refuses_what_is_not_a_skill_id(template: dict[str, Any]) -> None:
    pattern = re.compile(template["Parameters"]["SkillId"]["AllowedPattern"])
    assert pattern.match(SKILL_ID)
    for wrong in ["", "amzn1.ask.skill.", "amzn1.ask.account.ABC", f"{SKILL_ID} "]:
        assert not pattern.match(wrong), wrong


def test_the_table_is_on_demand_recoverable_encrypted_and_retained(
    template: dict[str, Any], resources: dict[str, Any]
) -> None:
    table = of_type(resources, "AWS::DynamoDB::Table")
    assert table["DeletionPolicy"] == "Retain" and table["UpdateReplacePolicy"] == "Retain"
    properties = table["Properties"]
    assert properties["BillingMode"] == "PAY_PER_REQUEST"
    assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert properties["SSESpecification"] == {"SSEEnabled": True}
    # The key is the attribute the store writes, or every read would miss.
    assert properties["KeySchema"] == [{"AttributeName": dynamodb.KEY, "KeyType": "HASH"}]


def test_logs_are_kept_for_a_bounded_time_in_the_functions_own_group(
    resources: dict[str, Any],
) -> None:
    logs = of_type(resources, "AWS::Logs::LogGroup")["Properties"]
    assert logs["RetentionInDays"] == {"Ref": "LogRetentionInDays"}
    function = of_type(resources, "AWS::Lambda::Function")["Properties"]
    assert function["LoggingConfig"]["LogGroup"] == {
        "Ref": logical_id(resources, "AWS::Logs::LogGroup")
    }


def test_the_role_grants_only_item_actions_on_the_table_and_writes_to_its_logs(
    resources: dict[str, Any],
) -> None:
    table = logical_id(resources, "AWS::DynamoDB::Table")
    logs = logical_id(resources, "AWS::Logs::LogGroup")
    grants = granted(resources)
    assert grants == {
        **{action: {"Fn::GetAtt": [table, "Arn"]} for action in ROLE_DYNAMODB_ACTIONS},
        "logs:CreateLogStream": {"Fn::GetAtt": [logs, "Arn"]},
        "logs:PutLogEvents": {"Fn::GetAtt": [logs, "Arn"]},
    }
    role = of_type(resources, "AWS::IAM::Role")["Properties"]
    assert "ManagedPolicyArns" not in role
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "lambda.amazonaws.com"
    }


@pytest.mark.dynamodb
def test_the_role_allows_exactly_the_calls_a_whole_conversation_makes(
    resources: dict[str, Any], recorded_calls: set[str]
) -> None:
    # Launch, choose, complete, delete by voice, then disable the skill: every store path.
    allowed = {action for action in granted(resources) if action.startswith("dynamodb:")}
    assert {f"dynamodb:{call}" for call in recorded_calls} == allowed


def test_alarms_watch_the_functions_errors_throttles_and_p99_duration_near_its_timeout(
    resources: dict[str, Any],
) -> None:
    function = logical_id(resources, "AWS::Lambda::Function")
    timeout_ms = of_type(resources, "AWS::Lambda::Function")["Properties"]["Timeout"] * 1000
    alarms = {
        r["Properties"]["MetricName"]: r["Properties"]
        for r in resources.values()
        if r["Type"] == "AWS::CloudWatch::Alarm"
    }
    assert set(alarms) == {"Errors", "Throttles", "Duration"}
    for metric, alarm in alarms.items():
        assert alarm["Namespace"] == "AWS/Lambda"
        assert alarm["Dimensions"] == [{"Name": "FunctionName", "Value": {"Ref": function}}]
        assert alarm["TreatMissingData"] == "notBreaching"
        assert alarm["AlarmActions"] == {
            "Fn::If": ["NotifyAlarms", [{"Ref": "AlarmTopicArn"}], {"Ref": "AWS::NoValue"}]
        }
        if metric == "Duration":
            assert alarm["ExtendedStatistic"] == "p99"
            assert 0.5 * timeout_ms <= alarm["Threshold"] < timeout_ms
        else:
            assert alarm["Statistic"] == "Sum" and alarm["Threshold"] == 1


def test_the_outputs_give_the_endpoint_to_link_the_skill(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    assert outputs["SkillEndpointArn"]["Value"] == {"Fn::GetAtt": ["CoachFunction", "Arn"]}
    assert outputs["StateTableName"]["Value"] == {"Ref": "StateTable"}


def logical_id(resources: dict[str, Any], kind: str) -> str:
    """The logical id of the one resource of a type."""
    found = [name for name, r in resources.items() if r["Type"] == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def granted(resources: dict[str, Any]) -> dict[str, Any]:
    """Each allowed action of the function's role, with the one resource it is allowed on."""
    grants: dict[str, Any] = {}
    for policy in of_type(resources, "AWS::IAM::Role")["Properties"]["Policies"]:
        for statement in policy["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            actions = statement["Action"]
            for action in [actions] if isinstance(actions, str) else actions:
                assert "*" not in action, action
                assert action not in grants, f"{action} granted twice"
                grants[action] = statement["Resource"]
    return grants


@pytest.fixture
def recorded_calls(monkeypatch: pytest.MonkeyPatch, dynamo_store: dynamodb.DynamoStore) -> set[str]:
    """The DynamoDB operations lambda_handler makes, seen through botocore's event hooks."""
    for name, value in test_dynamodb.environment(dynamo_store.table).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("KAIZEN_SKILL_ID", env.DEFAULT_SKILL_ID)
    calls: set[str] = set()

    def record(model: Any, **_: Any) -> None:
        calls.add(model.name)

    # Clients copy their session's handlers when created, and the skill creates its client
    # on the first request, after this.
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", boto3.session.Session())
    boto3.DEFAULT_SESSION.events.register("before-call.dynamodb", record)
    module = load_lambda("lambda_under_iam_test")
    alice = Speaker(lambda event: module.lambda_handler(event, None))
    alice.launch()
    alice.say("SetGoalIntent", area="moving")
    alice.say("CompleteStepIntent")
    alice.say("DeleteDataIntent")
    assert "deleted" in alice.say("AMAZON.YesIntent").text.lower()
    alice.outside_session(env.skill_event("SkillDisabled"))
    return calls
