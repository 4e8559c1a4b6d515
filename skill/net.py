"""What counts as this machine: the one loopback rule for every layer that needs it."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str | None) -> bool:
    """Whether a host names this machine: localhost, 127.0.0.0/8 or ::1 (brackets allowed).

    Any other name could resolve anywhere, so it is not loopback.
    """
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
