"""``python -m scripts links [--quotes]``: a report on source links and quotes, never a build gate.

Each source URL is fetched; a dead one gets a Wayback Machine suggestion. With ``--quotes``,
each evidence quote is looked for in its page's text, compared after normalising whitespace,
case and punctuation, so that a page that changed under a quote is noticed.

The URLs come from pull requests, and the job runs in CI, so fetching is fenced in: only
http(s) URLs without user names, whose host resolves to public addresses only, are fetched,
and the connection goes to the address that was vetted (no second lookup a DNS answer could
change); every redirect is vetted the same way. Hosts are shown in punycode.
"""

from __future__ import annotations

import html.parser
import http.client
import ipaddress
import json
import os
import re
import socket
import ssl
import sys
import unicodedata
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..check.addresses import url_problem
from ..check.archive import check_archive
from ..model import Archive, Source

USER_AGENT = "SocialCreditArchive-linkcheck/1.0 (+research archive; polite single requests)"
WAYBACK_API = os.environ.get("WAYBACK_API", "https://archive.org/wayback/available")
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int | None
    final_url: str
    text: str
    error: str = ""

    @property
    def alive(self) -> bool:
        return self.status is not None and self.status < 400


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(html_text: str) -> str:
    parser = _Text()
    parser.feed(html_text)
    return " ".join(parser.parts)


def normalise(text: str) -> str:
    """Casefolded, punctuation-free, single-spaced text, for comparing quotes with pages."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(" " if unicodedata.category(ch).startswith(("P", "S")) else ch for ch in text)
    return re.sub(r"\s+", " ", text).strip()


class Refused(Exception):
    """A URL the link checker will not fetch, with the reason."""


def public_addresses(host: str, port: int, allow: frozenset[str] = frozenset()) -> list[str]:
    """Every address ``host`` resolves to, if all are public (or in ``allow``); else ``Refused``.

    ``allow`` exists for tests that serve pages on loopback; the command never passes it.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"host {shown_host(host)} does not resolve ({exc})") from None
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if str(address) in allow:
            addresses.append(str(address))
            continue
        if not address.is_global or address.is_multicast:
            raise Refused(f"host {shown_host(host)} resolves to a non-public address ({address})")
        addresses.append(str(address))
    return addresses


def shown_host(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host.encode("ascii", "backslashreplace").decode("ascii")


def _vet(url: str, allow: frozenset[str]) -> tuple[str, str, int, str, str]:
    """(scheme, host, port, path, vetted address) for a URL that may be fetched."""
    parts = urllib.parse.urlsplit(url)
    if (why := url_problem(url)) and not (parts.hostname in allow and "@" not in parts.netloc):
        raise Refused(why)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    port = parts.port or (443 if scheme == "https" else 80)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, host, port, path, public_addresses(host, port, allow)[0]


def _connection(scheme: str, host: str, port: int, address: str, timeout: float) -> http.client.HTTPConnection:
    """A connection to the vetted ``address`` that still names ``host`` (Host header, TLS SNI)."""
    if scheme == "https":
        context = ssl.create_default_context()
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def connect() -> None:
        sock = socket.create_connection((address, port), timeout)
        conn.sock = context.wrap_socket(sock, server_hostname=host) if scheme == "https" else sock

    conn.connect = connect  # type: ignore[method-assign]
    return conn


def fetch(url: str, timeout: float, redirects: int = 5, allow: frozenset[str] = frozenset()) -> Fetched:
    current = url
    for _ in range(redirects + 1):
        try:
            scheme, host, port, path, address = _vet(current, allow)
        except Refused as exc:
            return Fetched(url, None, current, "", f"not fetched: {exc}")
        conn = _connection(scheme, host, port, address, timeout)
        try:
            conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Host": host if port in (80, 443) else f"{host}:{port}"})
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                current = urllib.parse.urljoin(current, response.getheader("Location", ""))
                continue
            raw = response.read(MAX_BYTES)
            charset = response.headers.get_content_charset() or "utf-8"
            error = "" if response.status < 400 else f"{response.status} {response.reason}"
            return Fetched(url, response.status, current, raw.decode(charset, errors="replace"), error)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            return Fetched(url, None, current, "", f"no answer ({exc})")
        finally:
            conn.close()
    return Fetched(url, None, current, "", f"more than {redirects} redirects")


def wayback_suggestion(url: str, timeout: float, allow: frozenset[str] = frozenset()) -> str:
    query = WAYBACK_API + "?" + urllib.parse.urlencode({"url": url})
    found = fetch(query, timeout, allow=allow)
    if found.alive:
        try:
            closest = json.loads(found.text)["archived_snapshots"]["closest"]
            if closest.get("available"):
                return str(closest["url"])
        except (ValueError, KeyError, TypeError):
            pass
    return "https://web.archive.org/web/*/" + url


def report(archive: Archive, *, quotes: bool, timeout: float, allow: frozenset[str] = frozenset()) -> list[str]:
    sources = [s for s in archive.sources.values() if s.url]
    with ThreadPoolExecutor(max_workers=8) as pool:
        fetched = dict(zip((s.key for s in sources), pool.map(lambda s: fetch(s.url, timeout, allow=allow), sources), strict=True))
    lines = []
    for source in sources:
        page = fetched[source.key]
        where = f"{source.path}:{source.where.line('url')}: {source.key}"
        if page.error.startswith("not fetched"):
            lines.append(f"{where}: {page.error}: {source.url}")
            continue
        if not page.alive:
            lines.append(f"{where}: dead link ({page.error}): {source.url}; try {wayback_suggestion(source.url, timeout, allow)}")
            continue
        if page.final_url.rstrip("/") != source.url.rstrip("/"):
            lines.append(f"{where}: redirects to {page.final_url}")
        if quotes:
            lines.extend(_quote_lines(archive, source, page))
    return lines


def _quote_lines(archive: Archive, source: Source, page: Fetched) -> list[str]:
    text = normalise(page_text(page.text))
    out = []
    for claim in archive.claims.values():
        for item in claim.all_evidence:
            if item.source == source.key and item.quote and normalise(item.quote) not in text:
                out.append(f"{claim.path}:{item.line}: quote not found on {source.url}: {item.quote[:60]!r}")
    return out


def run(root: Path, *, quotes: bool, timeout: float) -> int:
    result = check_archive(root)
    if result.archive is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        return 1
    lines = report(result.archive, quotes=quotes, timeout=timeout)
    for line in lines:
        print(line)
    checked = sum(1 for s in result.archive.sources.values() if s.url)
    print(f"{checked} links checked; {len(lines)} to look at (a report: nothing fails on it)")
    return 0
