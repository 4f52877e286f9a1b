"""Web addresses that cannot be a community's live site: reserved example names and this computer.

A poster whose QR code opens example.org or 127.0.0.1 is useless on a notice board; the build
says so on every run until site.yaml has the real address.
"""

from __future__ import annotations

import ipaddress
from typing import Final
from urllib.parse import urlsplit

# RFC 2606 / RFC 6761: names reserved for documentation, never anyone's live site. The bare names
# (and www.) are what samples and templates leave behind; a named host below them
# (wanghu.example.org) is a deliberate stand-in, as in our tests and demo, and is left alone.
EXAMPLE_DOMAINS: Final = ("example.org", "example.com", "example.net", "example.edu")
RESERVED_TLDS: Final = ("example", "invalid", "localhost")
BASE_URL_PLACEHOLDER: Final = "site.base_url_placeholder"  # the warning's message key (validate/rules.py)
STREET_BASE_URL_PLACEHOLDER: Final = "street.base_url_placeholder"  # street.yaml's: a street's address as the example


def is_placeholder_url(url: str) -> bool:
    """True when residents' phones cannot open `url`: example.org/.com/.net (or www. of one), a
    reserved top-level name (.example, .invalid, localhost), or a loopback, private, link-local or
    unspecified IP address."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    if not host:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        labels = host.split(".")
        return labels[-1] in RESERVED_TLDS or host.removeprefix("www.") in EXAMPLE_DOMAINS
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified
