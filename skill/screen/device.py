"""Whether the device that sent a request can show an APL screen.

Read from the raw request JSON (as the front door reads it), so the answer costs nothing and
never depends on the SDK's models knowing the interface. A RenderDocument sent to a device
without a screen is an error on Alexa's side, so the default is no.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skill.envelope import raw_supported_interfaces
from skill.screen.directive import apl_version

APL_INTERFACE = "Alexa.Presentation.APL"


def supports_apl(event: Mapping[str, Any]) -> bool:
    """True when `context.System.device.supportedInterfaces` names Alexa.Presentation.APL
    and its runtime (`runtime.maxVersion`, when the device says) runs the document's version.

    Amazon's APL interface reference: a device's runtime is backward compatible, and a
    document needing a newer version than `maxVersion` should not be sent to it. A version
    that cannot be read is taken as new enough: the device did say it has a screen.
    """
    interface = raw_supported_interfaces(event).get(APL_INTERFACE)
    if not isinstance(interface, Mapping):
        return False
    runtime = interface.get("runtime")
    most = runtime.get("maxVersion") if isinstance(runtime, Mapping) else None
    have, need = _version(most), _version(apl_version())
    return have is None or need is None or have >= need


def _version(text: object) -> tuple[int, ...] | None:
    """'1.4' -> (1, 4); '2024.2' -> (2024, 2), which sorts after every 1.x; else None."""
    if not isinstance(text, str):
        return None
    parts = text.strip().split(".")
    if not all(part.isdigit() for part in parts):
        return None
    return tuple(int(part) for part in parts)
