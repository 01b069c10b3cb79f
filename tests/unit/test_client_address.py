"""Which client a request comes from: X-Forwarded-For is believed only from configured proxies
(QUICKSCAN_TRUSTED_PROXIES), read from the right; spoofed, garbage and IPv6 values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quickscan_app.client_address import (
    LOCAL,
    UNKNOWN,
    client_address,
    format_address,
    parse_address,
    parse_trusted_proxies,
    throttle_prefix,
)

NONE = parse_trusted_proxies("")
PROXY = parse_trusted_proxies("10.0.0.5")
PROXIES = parse_trusted_proxies("10.0.0.5, 10.1.0.0/16, 2001:db8:ffff::/48")
LOOPBACK_PROXY = parse_trusted_proxies("127.0.0.1")


def test_a_forged_header_from_an_untrusted_peer_is_ignored() -> None:
    assert client_address("198.51.100.7", ["203.0.113.9"], NONE) == "198.51.100.7"
    assert client_address("198.51.100.7", ["203.0.113.9"], PROXY) == "198.51.100.7"


def test_a_forged_header_from_a_local_peer_is_ignored_unless_loopback_is_a_proxy() -> None:
    assert client_address(None, ["203.0.113.9"], NONE) == LOCAL
    assert client_address(None, ["203.0.113.9"], PROXY) == LOCAL
    assert client_address(None, ["203.0.113.9"], LOOPBACK_PROXY) == "203.0.113.9"
    assert client_address(None, ["203.0.113.9"], parse_trusted_proxies("::1")) == "203.0.113.9"


def test_a_trusted_proxy_names_the_client() -> None:
    assert client_address("10.0.0.5", ["203.0.113.9"], PROXY) == "203.0.113.9"
    assert client_address("10.0.0.5", ["203.0.113.9:51234"], PROXY) == "203.0.113.9"


def test_what_the_client_wrote_left_of_the_proxy_entry_is_not_believed() -> None:
    # the client sent "X-Forwarded-For: 192.0.2.66"; the proxy appended the real address
    assert client_address("10.0.0.5", ["192.0.2.66, 198.51.100.7"], PROXY) == "198.51.100.7"
    # ... also when the proxy sends it as a second header line
    assert client_address("10.0.0.5", ["192.0.2.66", "198.51.100.7"], PROXY) == "198.51.100.7"
    # a forged proxy address on the left does not make the client's own entry trusted
    header = ["10.0.0.5, 10.1.2.3, 198.51.100.7"]
    assert client_address("10.0.0.5", header, PROXIES) == "198.51.100.7"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right() -> None:
    header = ["192.0.2.66, 198.51.100.7, 10.1.4.4"]  # client, then two proxies of ours
    assert client_address("10.0.0.5", header, PROXIES) == "198.51.100.7"


def test_a_request_that_starts_at_a_proxy_counts_as_that_proxy() -> None:
    assert client_address("10.0.0.5", [], PROXY) == "10.0.0.5"
    assert client_address("10.0.0.5", ["10.1.0.9"], PROXIES) == "10.1.0.9"
    assert client_address(None, [], LOOPBACK_PROXY) == LOCAL


@pytest.mark.parametrize(
    "garbage",
    ["unknown", "_hidden", "not an address", "1.2.3", "999.1.1.1", "1.2.3.4:99999",
     "1.2.3.4:", "1.2.3.4:80:80", "[2001:db8::1", "[2001:db8::1]x", "[1.2.3.4]",
     "1.2.3.4:٨٠", "x" * 5000, "\x00", "203.0.113.9\r\nX-Evil: 1"],
)  # fmt: skip
def test_garbage_from_a_trusted_proxy_counts_as_that_proxy(garbage: str) -> None:
    assert client_address("10.0.0.5", [garbage], PROXY) == "10.0.0.5"
    assert client_address("10.0.0.5", [f"203.0.113.9, {garbage}"], PROXY) == "10.0.0.5"


def test_garbage_further_left_than_the_client_does_not_matter() -> None:
    assert client_address("10.0.0.5", ["unknown, <script>, 203.0.113.9"], PROXY) == "203.0.113.9"


def test_a_peer_that_is_not_an_address_is_unknown() -> None:
    assert client_address("/run/quickscan.sock", ["203.0.113.9"], PROXIES) == UNKNOWN
    assert client_address("", ["203.0.113.9"], PROXIES) == UNKNOWN


def test_ipv6_peers_and_entries() -> None:
    full = "2001:0db8:0000:0000:0000:0000:0000:0001"
    assert client_address("2001:db8::1", [], NONE) == full
    assert client_address("2001:db8:ffff::2", ["[2001:db8::1]:443"], PROXIES) == full
    assert client_address("2001:db8:ffff::2", ["2001:db8::1"], PROXIES) == full
    assert client_address("10.0.0.5", ["fe80::1%eth0"], PROXY) == (
        "fe80:0000:0000:0000:0000:0000:0000:0001"
    )
    assert client_address("::ffff:10.0.0.5", ["::ffff:203.0.113.9"], PROXY) == "203.0.113.9"


def test_only_the_last_hops_are_read() -> None:
    header = ["203.0.113.9, " + ", ".join(["10.1.0.1"] * 100)]
    assert client_address("10.0.0.5", header, PROXIES) == "10.1.0.1"


@pytest.mark.parametrize(
    "spec", ["*", "localhost", "10.0.0.0/33", "10.0.0.5/24", "10.0.0.5 10.0.0.6", "::g"]
)
def test_a_trusted_proxy_list_with_a_mistake_is_refused(spec: str) -> None:
    with pytest.raises(ValueError, match="not an IP address or network"):
        parse_trusted_proxies(spec)


def test_the_setting_is_checked_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    from quickscan_app.config import Settings

    monkeypatch.setenv("QUICKSCAN_TRUSTED_PROXIES", "10.0.0.5, proxy.example")
    with pytest.raises(ValidationError):
        Settings()
    monkeypatch.setenv("QUICKSCAN_TRUSTED_PROXIES", " 10.0.0.5 , 10.1.0.0/16 ,")
    assert Settings().trusted_proxies


def test_mapped_ipv6_proxy_networks_match_ipv4_peers() -> None:
    mapped = parse_trusted_proxies("::ffff:10.0.0.0/104")
    assert client_address("10.3.0.1", ["203.0.113.9"], mapped) == "203.0.113.9"


def test_ipv6_origins_are_throttled_by_their_64() -> None:
    origin = "web:" + client_address("2001:db8:0:7::99", [], NONE)
    assert throttle_prefix(origin) == "web:2001:0db8:0000:0007:"
    assert throttle_prefix("web:203.0.113.9") is None
    assert throttle_prefix(f"web:{LOCAL}") is None
    assert throttle_prefix("web:2001:db8::1") is None  # not a form we write: counted alone


HEADERS = st.lists(st.text(max_size=80), max_size=6)


@given(HEADERS, st.text(max_size=80))
def test_an_untrusted_peer_is_the_client_whatever_the_header(values: list[str], peer: str) -> None:
    expected = parse_address(peer)
    got = client_address(peer, values, NONE)
    assert got == (UNKNOWN if expected is None else format_address(expected))


@given(HEADERS)
def test_a_trusted_proxy_always_yields_an_address(values: list[str]) -> None:
    assert parse_address(client_address("10.0.0.5", values, PROXIES)) is not None
