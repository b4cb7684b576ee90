"""``python -m scripts links [--quotes]``: a report on source links and quotes, never a build gate.

Each source URL is fetched; a dead one gets a Wayback Machine suggestion. With ``--quotes``,
each evidence quote is looked for in its page's text, compared after normalising whitespace,
case and punctuation, so that a page that changed under a quote is noticed.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
import sys
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

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


def fetch(url: str, timeout: float) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked by check
            raw = response.read(MAX_BYTES)
            charset = response.headers.get_content_charset() or "utf-8"
            return Fetched(url, response.status, response.geturl(), raw.decode(charset, errors="replace"))
    except urllib.error.HTTPError as exc:
        return Fetched(url, exc.code, url, "", f"{exc.code} {exc.reason}")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return Fetched(url, None, url, "", f"no answer ({reason})")


def wayback_suggestion(url: str, timeout: float) -> str:
    query = WAYBACK_API + "?" + urllib.parse.urlencode({"url": url})
    found = fetch(query, timeout)
    if found.alive:
        try:
            closest = json.loads(found.text)["archived_snapshots"]["closest"]
            if closest.get("available"):
                return str(closest["url"])
        except (ValueError, KeyError, TypeError):
            pass
    return "https://web.archive.org/web/*/" + url


def report(archive: Archive, *, quotes: bool, timeout: float) -> list[str]:
    sources = [s for s in archive.sources.values() if s.url]
    with ThreadPoolExecutor(max_workers=8) as pool:
        fetched = dict(zip((s.key for s in sources), pool.map(lambda s: fetch(s.url, timeout), sources)))
    lines = []
    for source in sources:
        page = fetched[source.key]
        where = f"{source.path}:{source.field_lines.get('url', source.line)}: {source.key}"
        if not page.alive:
            lines.append(f"{where}: dead link ({page.error}): {source.url}; try {wayback_suggestion(source.url, timeout)}")
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
        for item in claim.evidence:
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
