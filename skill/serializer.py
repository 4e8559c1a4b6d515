"""The SDK's serializer with its slow steps made fast: the same objects out, 3x quicker.

Reading the request envelope is most of the in-process cost of a turn (docs/DESIGN.md). For
every field of every request the SDK's DefaultSerializer re-imports the model class by
name and rebuilds the class's attribute map, and it parses each timestamp with dateutil's
general-purpose parser. Alexa's models never change while the process runs and its
timestamps are ISO 8601, so class lookups and field lists are computed once per class and
timestamps go through datetime.fromisoformat. Measured on a GetStepIntent envelope: ~170 µs ->
~45 µs.

Anything fromisoformat does not take is refused (SerializationException), never handed to
dateutil: its parser is super-linear, and one 128 KiB timestamp cost about a second of CPU
(docs/DESIGN.md). Lambda answers such an envelope with its spoken apology, the webservice
with a 400.

The hooks are DefaultSerializer's private (name-mangled) methods: importing this module
fails if an SDK release renames them, and unit tests check both give the same objects.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from enum import Enum
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer

# The SDK's own implementations, by their mangled names: importing fails if a release renames them.
_SDK_LOAD_CLASS = getattr(DefaultSerializer, "_DefaultSerializer__load_class_from_name")  # noqa: B009
_SDK_DESERIALIZE = getattr(DefaultSerializer, "_DefaultSerializer__deserialize")  # noqa: B009
_SDK_PICK_SUBCLASS = getattr(DefaultSerializer, "_DefaultSerializer__get_obj_by_discriminator")  # noqa: B009
_SDK = DefaultSerializer()

# (attribute, JSON key, declared type) for each field of a model class, and the JSON keys.
Fields = tuple[tuple[tuple[str, str, Any], ...], frozenset[str]]


# Model type names the SDK declares but does not ship. ask-sdk-model 1.82's AlertInfo names
# `reminder_management.alert_info_spoken_info.SpokenInfo`, a module that does not exist, so
# the stock serializer cannot read any reminder the Reminders API returns (GET, list).
# The class it means is `reminder_management.spoken_info.SpokenInfo`.
_MISNAMED = {
    "ask_sdk_model.services.reminder_management.alert_info_spoken_info.SpokenInfo": (
        "ask_sdk_model.services.reminder_management.spoken_info.SpokenInfo"
    ),
}


@functools.cache
def _class_named(class_name: str) -> Any:
    return _SDK_LOAD_CLASS(_SDK, _MISNAMED.get(class_name, class_name))


@functools.cache
def _fields(model: type) -> Fields:
    types: dict[str, Any] = getattr(model, "deserialized_types")  # noqa: B009
    keys: dict[str, str] = getattr(model, "attribute_map", {})
    fields = tuple((name, keys.get(name, name), kind) for name, kind in types.items())
    return fields, frozenset(key for _, key, _ in fields)


class FastSerializer(DefaultSerializer):
    """DefaultSerializer with cached class lookups and ISO 8601 timestamps, and only those."""

    # Named as DefaultSerializer's private methods are after Python's name mangling, so the
    # SDK's own calls through self land here.

    def _DefaultSerializer__load_class_from_name(self, class_name: str) -> Any:  # noqa: N802
        return _class_named(class_name)

    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:  # noqa: N802
        try:
            parsed = datetime.fromisoformat(payload)
        except (TypeError, ValueError) as error:
            raise SerializationException("a date or time that is not ISO 8601") from error
        return parsed.date() if obj_type is date else parsed

    def _DefaultSerializer__deserialize_model(self, payload: Any, obj_type: Any) -> Any:  # noqa: N802
        # As the SDK's: enums by value, models field by field (unknown keys kept as they
        # are), the subclass chosen by the payload's discriminator, any failure reported
        # as a SerializationException.
        try:
            if issubclass(obj_type, Enum):
                return obj_type(payload)
            if not hasattr(obj_type, "deserialized_types"):
                return payload
            if hasattr(obj_type, "get_real_child_model"):
                obj_type = _SDK_PICK_SUBCLASS(self, payload, obj_type)
            fields, known = _fields(obj_type)
            model = obj_type()
            for name, key, kind in fields:
                if key in payload:
                    setattr(model, name, _SDK_DESERIALIZE(self, payload[key], kind))
            for key in payload:
                if key not in known:
                    setattr(model, key, payload[key])
            return model
        except Exception as error:
            raise SerializationException(str(error)) from error
