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

import decimal
import functools
import re
from datetime import date, datetime
from enum import Enum
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer

# The SDK's own implementations, by their mangled names: importing fails if a release renames them.
_SDK_LOAD_CLASS = getattr(DefaultSerializer, "_DefaultSerializer__load_class_from_name")  # noqa: B009
_SDK_DESERIALIZE = getattr(DefaultSerializer, "_DefaultSerializer__deserialize")  # noqa: B009
_SDK_PICK_SUBCLASS = getattr(DefaultSerializer, "_DefaultSerializer__get_obj_by_discriminator")  # noqa: B009
_SDK_PRIMITIVE = getattr(DefaultSerializer, "_DefaultSerializer__deserialize_primitive")  # noqa: B009
_SDK = DefaultSerializer()
_PRIMITIVES = DefaultSerializer.PRIMITIVE_TYPES
_NATIVE = DefaultSerializer.NATIVE_TYPES_MAPPING
# Exact types serialised as they are (the SDK's isinstance checks, for the common case).
_AS_THEY_ARE = frozenset({str, int, float, bool, bytes})

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
def _plan(declared: str) -> tuple[str, Any]:
    """How the SDK reads a declared type name, worked out once: ("list", item type), ("dict",
    value type), ("mixed", None) for a list of several types (left to the SDK), or ("type",
    the class or native type)."""
    if declared.startswith("list["):
        inner = re.match(r"list\[(.*)\]", declared)
        if inner is None:
            return "empty_list", None
        items = inner.group(1)
        return ("mixed", None) if "," in items else ("list", items.strip())
    if declared.startswith("dict("):
        inner = re.match(r"dict\(([^,]*), (.*)\)", declared)
        return ("dict", inner.group(2)) if inner else ("empty_dict", None)
    return "type", _NATIVE.get(declared) or _class_named(declared)


@functools.cache
def _keys(model: type) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) for each field a model serialises, as the SDK names them."""
    names: dict[str, str] = getattr(model, "attribute_map", {})
    return tuple((name, names.get(name, name)) for name in model.deserialized_types)  # type: ignore[attr-defined]


@functools.cache
def _fields(model: type) -> Fields:
    types: dict[str, Any] = getattr(model, "deserialized_types")  # noqa: B009
    keys: dict[str, str] = getattr(model, "attribute_map", {})
    fields = tuple((name, keys.get(name, name), kind) for name, kind in types.items())
    return fields, frozenset(key for _, key, _ in fields)


class FastSerializer(DefaultSerializer):
    """DefaultSerializer with cached class lookups and ISO 8601 timestamps, and only those."""

    def serialize(self, obj: Any) -> Any:
        """As the SDK's (None dropped from models, dates as ISO text, enums by value), with
        each model's field names worked out once per class instead of on every call."""
        kind: type = type(obj)
        if obj is None or kind in _AS_THEY_ARE or isinstance(obj, _PRIMITIVES):
            return obj
        if kind is list:
            return [self.serialize(item) for item in obj]
        if kind is dict:
            return {key: self.serialize(value) for key, value in obj.items()}
        if kind is tuple:
            return tuple(self.serialize(item) for item in obj)
        if isinstance(obj, (datetime, date)):
            return obj.isoformat()
        if isinstance(obj, Enum):
            return obj.value
        if isinstance(obj, decimal.Decimal):
            return int(obj) if obj % 1 == 0 else float(obj)
        if isinstance(obj, (list, tuple, dict)):
            return super().serialize(obj)
        out = {}
        for name, key in _keys(kind):
            value = getattr(obj, name)
            if value is not None:
                out[key] = self.serialize(value)
        return out

    def _DefaultSerializer__deserialize(self, payload: Any, obj_type: Any) -> Any:  # noqa: N802
        # As the SDK's: a declared type name is read as a list, a dict, a native type or a
        # model class; here each name is worked out once (the SDK runs regexes every time).
        if payload is None:
            return None
        if isinstance(obj_type, str):
            kind, inner = _plan(obj_type)
            if kind == "list":
                return [self._DefaultSerializer__deserialize(item, inner) for item in payload]
            if kind == "dict":
                return {
                    key: self._DefaultSerializer__deserialize(value, inner)
                    for key, value in payload.items()
                }
            if kind == "mixed":
                return _SDK_DESERIALIZE(self, payload, obj_type)
            if kind == "empty_list":
                return []
            if kind == "empty_dict":
                return {}
            obj_type = inner
        if obj_type in _PRIMITIVES:
            return _SDK_PRIMITIVE(self, payload, obj_type)
        if obj_type is object:
            return payload
        if obj_type is date or obj_type is datetime:
            return self._DefaultSerializer__deserialize_datetime(payload, obj_type)
        return self._DefaultSerializer__deserialize_model(payload, obj_type)

    def deserialize_parsed(self, payload: Any, obj_type: Any) -> Any:
        """As `deserialize`, from JSON already parsed (the front door has parsed it to check it)."""
        try:
            return _SDK_DESERIALIZE(self, payload, obj_type)
        except SerializationException:
            raise
        except Exception as error:
            raise SerializationException(str(error)) from error

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
                    setattr(model, name, self._DefaultSerializer__deserialize(payload[key], kind))
            for key in payload:
                if key not in known:
                    setattr(model, key, payload[key])
            return model
        except Exception as error:
            raise SerializationException(str(error)) from error
