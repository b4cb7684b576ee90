"""Hand-written pages in ``docs/`` (and CONTRIBUTING.md): what they may contain.

They are trusted less than code and more than data: they may use Markdown, citations and
the archive's markers, but not raw HTML, event handlers, attribute lists beyond ``#id`` and
``.class``, non-http(s) links or unknown front-matter keys. Everything else MkDocs would
copy from ``docs/`` is checked too: scripts, HTML and SVG files are refused unless the
archive itself ships them (``ALLOWED_ASSETS``), because ``script-src`` would let a same-origin
script run.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..handpages import CITATION, MARKER, citations, line_of, mask_code
from ..load.strict_yaml import YamlProblem, load_yaml
from ..model import Source
from ..problems import Problem, did_you_mean
from .text import link_problems, text_problems

#: Files under docs/ that may be scripts or markup: the archive's own.
ALLOWED_ASSETS = frozenset({"assets/archive.js", "assets/archive.css", "assets/search.js", "assets/pagefind-loader.js"})
ACTIVE_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".html", ".htm", ".xhtml", ".shtml", ".svg", ".xml", ".css", ".wasm"})
FRONT_MATTER_KEYS = frozenset({"title", "description", "hide", "search"})
MARKER_NAMES = ("counts", "legend", "source-classes", "status-charts", "latest", "myths", "blacklist-diagram", "survey-summary", "rating-rules", "families", "process-words", "search-form")

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)
_HTML = re.compile(r"<\s*/?\s*[A-Za-z?][^<>]*>|<![A-Za-z\[][^<>]*>")  # comments are checked on their own
_ATTR_LIST = re.compile(r"\{:?[ \t]*((?:[#.][\w-]+|[\w-]+=)[^{}\n]*)\}")
_ATTR_TOKEN = re.compile(r"""[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|\S+)|\S+""")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>#]+)")
# A rating stated next to a claim link: "Disputed: [text](claims/x.md)" or "[text](claims/x.md) (disputed)".
_STATED = re.compile(
    r"\b(confirmed|disputed|unverified)\)?:?[ \t]*\[[^\]\n]*\]\(\s*<?([^)\s>#]+)[^)\n]*\)"
    r"|\[[^\]\n]*\]\(\s*<?([^)\s>#]+)[^)\n]*\)[ \t]*\((confirmed|disputed|unverified)\)",
    re.I,
)
_CLAIM = re.compile(r"(?:^|/)claims/([^/]+?)(?:\.md|/)?$")


def asset_problem(uri: str) -> str:
    suffix = posixpath.splitext(uri)[1].lower()
    if suffix in ACTIVE_SUFFIXES and uri not in ALLOWED_ASSETS:
        return f"files of type {suffix} can run code or carry markup in readers' browsers; only the archive's own assets are published"
    return ""


def page_problems(
    markdown: str,
    page_uri: str,
    path: str,
    sources: Mapping[str, Source],
    claim_ids: set[str],
    generated_under_claims: set[str],
    statuses: Mapping[str, str],
) -> Iterator[Problem]:
    """Every problem in one hand-written page (``page_uri`` is its path under docs/).

    ``statuses`` maps each claim id to its rating: a page that states a rating next to a claim
    link ("Disputed: [...](claims/x.md)") must state the claim's current one.
    """
    body_start = 0
    if front := _FRONT.match(markdown):
        body_start = front.end()
        yield from _front_matter(front.group(1), path)
    masked = mask_code(markdown)
    for match in _HTML.finditer(masked, body_start):
        if not MARKER.fullmatch(match.group(0)):
            yield Problem(path, line_of(markdown, match.start()), f"raw HTML ({match.group(0)[:30]!r}) is not allowed in pages; use Markdown")
    if "<!--" in masked:
        for match in re.finditer(r"<!--(?!\s*archive:[a-z-]+\s*-->)", masked):
            yield Problem(path, line_of(markdown, match.start()), "HTML comments other than archive markers are not allowed in pages")
    for match in re.finditer(r"scsinline\d+scs", masked):
        yield Problem(path, line_of(markdown, match.start()), f"'{match.group(0)}' is reserved for the site's own citations")
    for match in MARKER.finditer(masked):
        if match.group(1) not in MARKER_NAMES:
            known = ", ".join(MARKER_NAMES)
            yield Problem(path, line_of(markdown, match.start()), f"unknown marker 'archive:{match.group(1)}' (known: {known})")
    for match in _ATTR_LIST.finditer(masked):
        for token in _ATTR_TOKEN.findall(match.group(1)):
            if not token.startswith(("#", ".")):
                yield Problem(path, line_of(markdown, match.start()), f"attribute list sets {token[:30]!r}; pages may set only #id and .class")
                break
    for match in CITATION.finditer(masked):
        for cited in citations(match):
            if cited.key not in sources:
                yield Problem(path, line_of(markdown, match.start()), f"unknown citation key '@{cited.key}'{did_you_mean(cited.key, sources)}")
            for why in text_problems(cited.locator) if cited.locator else ():
                yield Problem(path, line_of(markdown, match.start()), f"citation locator: {why}")
    for match in _LINK_TARGET.finditer(masked):
        target = match.group(1)
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", target):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), target))
        claim = _CLAIM.search(resolved)
        if claim and resolved.startswith("claims/") and claim.group(1) not in claim_ids | generated_under_claims:
            yield Problem(path, line_of(markdown, match.start()), f"link to unknown claim '{claim.group(1)}'{did_you_mean(claim.group(1), claim_ids)}")
    for match in _STATED.finditer(masked):
        stated = (match.group(1) or match.group(4)).lower()
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), match.group(2) or match.group(3)))
        claim = _CLAIM.search(target)
        if claim and target.startswith("claims/") and (actual := statuses.get(claim.group(1))) and actual != stated:
            yield Problem(path, line_of(markdown, match.start()), f"says '{stated}' next to the claim '{claim.group(1)}', which is rated {actual}")
    if "8<" in masked and re.search(r"-{1,3}8<-{1,3}", masked):
        yield Problem(path, line_of(markdown, masked.index("8<")), "snippet-include syntax '--8<--' is not allowed")
    for why in link_problems(masked[body_start:], relative_ok=True):
        line = _find_line(markdown, why)
        yield Problem(path, line, why)


def _find_line(markdown: str, why: str) -> int:
    quoted = re.search(r"'([^']+)'", why)
    needle = quoted.group(1)[:20] if quoted else ""
    offset = markdown.find(needle) if needle else -1
    return line_of(markdown, offset) if offset >= 0 else 1


def _front_matter(text: str, path: str) -> Iterator[Problem]:
    try:
        data, lines = load_yaml(text)
    except YamlProblem as exc:
        yield Problem(path, exc.line + 1, f"front matter: {exc.message}")
        return
    if not isinstance(data, dict):
        yield Problem(path, 2, "front matter must be a mapping of keys to values")
        return
    for key, value in data.items():
        line = lines.get((key,), 1) + 1
        if key not in FRONT_MATTER_KEYS:
            yield Problem(path, line, f"front matter: '{key}' is not allowed (allowed: {', '.join(sorted(FRONT_MATTER_KEYS))})")
            continue
        for text_value in _strings(value):
            for why in text_problems(text_value):
                yield Problem(path, line, f"front matter {key}: {why}")
            if key in ("title", "description") and any(c in text_value for c in '<>&"'):
                yield Problem(path, line, f"front matter {key}: write it without the characters < > & \"")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def cited_keys(markdown: str) -> set[str]:
    masked = mask_code(markdown)
    return {c.key for m in CITATION.finditer(masked) for c in citations(m)}


def docs_uri(path: Path, docs_dir: Path) -> str:
    return path.relative_to(docs_dir).as_posix()
