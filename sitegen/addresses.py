"""Web addresses every reader and scanner takes the same way: ASCII only (RFC 3986, IDNA 2008).

A `base_url` may be typed with Chinese in it: `https://example.org/望湖社区/` or
`https://望湖.中国/`. Sitemaps, feeds, calendars, robots.txt and QR codes need the ASCII form:
the host in punycode (IDNA 2008 with UTS #46 mapping, by the `idna` package) and the path
percent-encoded as UTF-8 (RFC 3987 §3.1). A QR code holding non-ASCII text is read as
Shift_JIS, GBK or UTF-8 depending on the phone; an ASCII one reads the same everywhere.
The readable form (`shown_url`) is for people: printed under a poster's QR code.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import idna

# Characters RFC 3986 allows in a path as they are; everything else is percent-encoded (UTF-8).
# "%" is kept so an address typed already encoded is not encoded twice.
_PATH_SAFE: Final = "/%:@!$&'()*+,;=-._~"


class BadAddress(ValueError):
    """A host name that IDNA cannot encode (a space, an emoji, a label over 63 characters)."""


def ascii_url(url: str) -> str:
    """The ASCII form of an http(s) address: punycode host, percent-encoded path, query and fragment.

    `https://望湖.中国/望湖社区/` → `https://xn--rpvw4n.xn--fiqs8s/%E6%9C%9B%E6%B9%96%E7%A4%BE%E5%8C%BA/`.
    An ASCII address comes back unchanged but for a lowercased scheme. Raises BadAddress.
    """
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    try:
        ascii_host = host if host.isascii() else idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as e:
        raise BadAddress(str(e)) from None
    netloc = ascii_host
    if parts.port is not None:
        netloc += f":{parts.port}"
    if parts.username is not None:  # kept as typed, encoded: rare, but not ours to drop
        userinfo = quote(parts.username, safe="%!$&'()*+,;=-._~")
        if parts.password is not None:
            userinfo += ":" + quote(parts.password, safe="%!$&'()*+,;=-._~")
        netloc = f"{userinfo}@{netloc}"
    return urlunsplit((parts.scheme.lower(), netloc, quote(parts.path, safe=_PATH_SAFE),
                       quote(parts.query, safe=_PATH_SAFE + "?"), quote(parts.fragment, safe=_PATH_SAFE + "?")))


def shown_url(url: str) -> str:
    """The readable form of an ASCII address, for people: Unicode host, decoded path.

    `https://xn--rpvw4n.xn--fiqs8s/%E6%9C%9B%E6%B9%96/` → `https://望湖.中国/望湖/`. Escapes that do
    not decode as UTF-8 text, reserved ones (%2F, %3F, %23, %25) and spaces stay encoded.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        shown_host = idna.decode(host) if "xn--" in host else host
    except idna.IDNAError:
        shown_host = host
    netloc = parts.netloc.replace(host, shown_host, 1) if host else parts.netloc
    return urlunsplit((parts.scheme, netloc, _decode_path(parts.path), parts.query, parts.fragment))


def _decode_path(path: str) -> str:
    guarded = path
    for reserved in ("%25", "%2F", "%2f", "%3F", "%3f", "%23", "%20"):
        guarded = guarded.replace(reserved, reserved.replace("%", "\x00"))
    decoded = unquote(guarded, errors="strict") if _decodes(guarded) else guarded
    return decoded.replace("\x00", "%")


def _decodes(path: str) -> bool:
    try:
        unquote(path, errors="strict")
    except UnicodeDecodeError:
        return False
    return True


def base_path(base_url: str) -> str:
    """The path part of a base URL, with slashes: `https://example.org/wanghu/` → `/wanghu/`."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def site_path(href: str, base: str = "/") -> str:
    """A root-relative link (`/activities/x/`, or `/wanghu/activities/x/` under base path `/wanghu/`)
    as a site path without its leading slash (`activities/x/`); query and fragment kept."""
    for prefix in (base, unquote(base)):
        if prefix != "/" and (href.startswith(prefix) or href + "/" == prefix):
            return href[len(prefix):]
    return href[1:]
