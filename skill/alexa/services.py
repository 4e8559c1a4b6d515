"""Per-request access to Alexa's own APIs through the SDK's service clients.

The skill builds these itself (rather than letting `CustomSkill` do it for every request)
so a request without an API endpoint, a token or a device simply has no clients, instead of
failing inside the SDK before any handler runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope
from ask_sdk_model.services.api_configuration import ApiConfiguration
from ask_sdk_model.services.reminder_management.reminder_management_service_client import (
    ReminderManagementServiceClient,
)
from ask_sdk_model.services.service_client_factory import ServiceClientFactory
from ask_sdk_model.services.ups.ups_service_client import UpsServiceClient

from skill.alexa.transport import AlexaHttpClient, RequestBudget
from skill.envelope import api_access, device_id

# Alexa gives a skill 8 seconds; its own APIs may use at most this much of one request.
REQUEST_BUDGET = 4.0


@dataclass(frozen=True)
class RequestApis:
    """The Alexa API clients one request may use, and the device it came from."""

    factory: ServiceClientFactory
    device_id: str | None

    def settings(self) -> UpsServiceClient:
        """The Settings (UPS) API client."""
        return self.factory.get_ups_service()

    def reminders(self) -> ReminderManagementServiceClient:
        """The Reminders API client."""
        return self.factory.get_reminder_management_service()


class AlexaApis:
    """Builds each request's API clients around one shared, time-bounded HTTP client."""

    def __init__(
        self,
        api_client: AlexaHttpClient | None = None,
        serializer: DefaultSerializer | None = None,
        budget: float = REQUEST_BUDGET,
    ) -> None:
        self.api_client = api_client if api_client is not None else AlexaHttpClient()
        self.serializer = serializer if serializer is not None else DefaultSerializer()
        self.budget = budget

    def for_request(self, envelope: RequestEnvelope) -> RequestApis | None:
        """The clients for this request, or None when it carries no endpoint or token."""
        access = api_access(envelope)
        if access is None:
            return None
        configuration = ApiConfiguration(
            serializer=self.serializer,
            api_client=RequestBudget(self.api_client, self.budget),
            authorization_value=access.token,
            api_endpoint=access.endpoint,
        )
        return RequestApis(ServiceClientFactory(configuration), device_id(envelope))
