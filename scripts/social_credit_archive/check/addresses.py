"""Web addresses a source may give: public http(s) URLs whose host reads as what it is."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# The common case, answered without parsing: an http(s) URL whose host is a plain domain name.
_PLAIN = re.compile(r"^https?://(?:[A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*(?::[0-9]{1,5})?(?:[/?#][^\s@]*)?$")


def url_problem(url: str) -> str:
    """Why ``url`` is not a public http(s) address a reader can trust at a glance, or ''."""
    if _PLAIN.match(url) and not url.split("/")[2].split(":")[0].lower().endswith((".localhost", ".local", ".internal")):
        return ""
    shown = url[:80]
    if any(ch <= " " for ch in url):
        return f"'{shown}' contains spaces or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"'{shown}' is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https") or not url.lower().startswith(("http://", "https://")):
        return f"'{shown}' is not allowed: only http(s) URLs"
    if "@" in parts.netloc:
        return f"'{shown}' has a user name before '@'; a reader would see one host and visit another"
    host = parts.hostname or ""
    if not host:
        return f"'{shown}' has no host"
    if not host.isascii():
        try:
            puny = host.encode("idna").decode("ascii")
        except UnicodeError:
            puny = "xn--…"
        return f"host '{host}' has non-ASCII characters (which can imitate other hosts); write it as '{puny}'"
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return f"'{shown}' points to a local host"
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        if "." not in host:
            return f"'{shown}' has no public domain name"
        return ""
    if not address.is_global:
        return f"'{shown}' points to a private, loopback or link-local address"
    del port
    return ""
