"""The client's address is the connection's unless a trusted proxy header is configured;
a forwarding header a client writes itself is never believed."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from peerval.web.config.client import client_address

PROXY = "10.0.0.5"
FORWARDED = "HTTP_X_FORWARDED_FOR"


def _request(**meta):
    return RequestFactory().get("/s/x/", REMOTE_ADDR=PROXY, **meta)


@override_settings(TRUSTED_PROXY_HEADER=None)
def test_without_the_setting_a_forged_header_is_ignored():
    request = _request(HTTP_X_FORWARDED_FOR="203.0.113.9", HTTP_X_REAL_IP="203.0.113.10")
    assert client_address(request) == PROXY


@override_settings(TRUSTED_PROXY_HEADER=FORWARDED, TRUSTED_PROXY_COUNT=1)
def test_with_the_setting_the_address_the_proxy_added_is_used():
    # the client wrote the first entry itself; the proxy appended the address it saw
    request = _request(HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")
    assert client_address(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_HEADER=FORWARDED, TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_entry_the_outer_proxy_added_is_used():
    request = _request(HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7, 10.0.0.4")
    assert client_address(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_HEADER=FORWARDED, TRUSTED_PROXY_COUNT=2)
def test_a_request_that_skipped_the_outer_proxy_gets_the_inner_proxys_entry():
    assert client_address(_request(HTTP_X_FORWARDED_FOR="198.51.100.7")) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_HEADER="HTTP_X_REAL_IP", TRUSTED_PROXY_COUNT=1)
def test_another_header_can_be_the_trusted_one():
    request = _request(HTTP_X_FORWARDED_FOR="203.0.113.9", HTTP_X_REAL_IP="198.51.100.8")
    assert client_address(request) == "198.51.100.8"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("198.51.100.7:51234", "198.51.100.7"),
        ("2001:db8::7", "2001:db8::7"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("2001:DB8:0:0::7", "2001:db8::7"),
        ("unknown", PROXY),
        ("", PROXY),
        (" , ", PROXY),
    ],
)
@override_settings(TRUSTED_PROXY_HEADER=FORWARDED, TRUSTED_PROXY_COUNT=1)
def test_entries_are_read_as_addresses_and_anything_else_falls_back(header, expected):
    assert client_address(_request(HTTP_X_FORWARDED_FOR=header)) == expected


@override_settings(TRUSTED_PROXY_HEADER=FORWARDED, TRUSTED_PROXY_COUNT=1)
def test_a_request_without_the_header_is_taken_from_its_connection():
    assert client_address(_request()) == PROXY
