"""Which client a request comes from, for the audit origin and the sign-in throttle.

The TCP peer is the client, unless the peer is one of the configured reverse proxies
(``QUICKSCAN_TRUSTED_PROXIES``): then ``X-Forwarded-For`` is read from the right, skipping the
hops that are trusted proxies too, and the first address that is not one of them is the
client. Entries further left were written by the client and are never believed. A hop that a
trusted proxy wrote but that is not an address (garbage, ``unknown``) ends the walk: the
request is counted to the trusted hop that passed it on. Pure functions, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

Address = IPv4Address | IPv6Address
TrustedProxies = tuple[IPv4Network | IPv6Network, ...]

LOCAL = "localhost"
"""Streamlit reports a loopback peer (127.0.0.1 or ::1) as no address at all."""
UNKNOWN = "unknown"
MAX_HOPS = 32
"""At most this many X-Forwarded-For entries are looked at, from the right."""
_MAX_ENTRY = 64
_LOOPBACK = (ip_address("127.0.0.1"), ip_address("::1"))
IPV6_GROUPS_PER_CLIENT = 4
"""One IPv6 client usually holds a whole /64: the throttle counts that network as one origin."""


def parse_trusted_proxies(spec: str) -> TrustedProxies:
    """``"10.0.0.5, 10.1.0.0/16, ::1"`` -> networks. Raises ValueError on anything else
    (host names, ``*``, a network with host bits set), so a typo cannot widen the trust."""
    networks = []
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        try:
            network = ip_network(item)
        except ValueError:
            raise ValueError(f"not an IP address or network: {item[:_MAX_ENTRY]!r}") from None
        if network.version == 6 and network.prefixlen >= 96 and network[0].ipv4_mapped:
            network = ip_network(f"{network[0].ipv4_mapped}/{network.prefixlen - 96}")
        networks.append(network)
    return tuple(networks)


def parse_address(text: str) -> Address | None:
    """One address as proxies write it: ``192.0.2.1``, ``192.0.2.1:443``, ``2001:db8::1``,
    ``[2001:db8::1]`` or ``[2001:db8::1]:443``; None for anything else. IPv4-mapped IPv6
    addresses become IPv4 and a zone (``%eth0``) is dropped, so one client has one spelling."""
    text = text.strip()
    if not text or len(text) > _MAX_ENTRY:
        return None
    if text.startswith("["):
        host, closed, port = text[1:].partition("]")
        if not closed or not _port_or_nothing(port):
            return None
    elif text.count(":") == 1:
        host, _, port = text.partition(":")
        if not _port_or_nothing(":" + port):
            return None
    else:
        host = text
    bracketed = text.startswith("[")
    if ":" in host:
        host = host.partition("%")[0]
    try:
        address = ip_address(host)
    except ValueError:
        return None
    if bracketed and not isinstance(address, IPv6Address):
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _port_or_nothing(text: str) -> bool:
    """``""`` or ``":443"``."""
    if not text:
        return True
    digits = text[1:]
    if text[0] != ":" or not 0 < len(digits) <= 5 or not (digits.isascii() and digits.isdigit()):
        return False
    return int(digits) <= 65535


def is_trusted(address: Address, trusted: TrustedProxies) -> bool:
    return any(address in network for network in trusted)


def format_address(address: Address) -> str:
    """IPv6 written out in full, so that an origin's /64 is a fixed-length prefix."""
    return address.exploded if isinstance(address, IPv6Address) else str(address)


def client_address(peer: str | None, forwarded_for: Iterable[str], trusted: TrustedProxies) -> str:
    """The client's address as text; ``peer`` None means a loopback peer (Streamlit hides it)."""
    if peer is None:
        if not any(is_trusted(address, trusted) for address in _LOOPBACK):
            return LOCAL
        label = LOCAL
    else:
        parsed = parse_address(peer)
        if parsed is None:
            return UNKNOWN
        if not is_trusted(parsed, trusted):
            return format_address(parsed)
        label = format_address(parsed)
    for entry in _hops_from_the_right(forwarded_for):
        address = parse_address(entry)
        if address is None:
            return label  # a trusted hop passed on something that is not an address
        label = format_address(address)
        if not is_trusted(address, trusted):
            return label
    return label  # every hop is a trusted proxy: the request started at one of them


def _hops_from_the_right(values: Iterable[str]) -> list[str]:
    entries = [entry.strip() for value in values for entry in value.split(",")]
    return [entry for entry in reversed(entries) if entry][:MAX_HOPS]


def throttle_prefix(origin: str) -> str | None:
    """For an origin ``kind:IPv6`` the text that every origin in the same /64 starts with;
    None when the origin is counted on its own (IPv4, ``localhost``, anything else)."""
    kind, _, rest = origin.partition(":")
    address = parse_address(rest) if rest.count(":") > 1 else None
    if not isinstance(address, IPv6Address) or address.exploded != rest:
        return None
    return f"{kind}:{':'.join(rest.split(':')[:IPV6_GROUPS_PER_CLIENT])}:"
