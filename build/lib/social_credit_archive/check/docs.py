"""Citations (``[@key]``) and claim links in hand-written pages, checked and resolved.

Both ``check`` and the build use this, so a bad key fails both with the same message.
"""

from __future__ import annotations

import posixpath
import re
from typing import Callable, Mapping

from ..model import Source
from ..problems import Problem, did_you_mean
from ..site.urls import INDEXES

CITATION = re.compile(r"\[((?:@[A-Za-z0-9][A-Za-z0-9_-]*(?:\s*;\s*)?)+)\]")
_LINK = re.compile(r"\]\(\s*<?([^)\s>#]+)")
_CLAIM = re.compile(r"(?:^|/)claims/([^/]+?)(?:\.md|/)?$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_GENERATED_UNDER_CLAIMS = {
    posixpath.splitext(posixpath.basename(uri))[0] for uri in INDEXES.values() if uri.startswith("claims/")
}


def _prose_lines(markdown: str) -> list[tuple[int, str]]:
    """(line number, text) of every line outside fenced code blocks."""
    out, fenced = [], False
    for number, line in enumerate(markdown.splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            out.append((number, line))
    return out


def reference_problems(markdown: str, page_uri: str, path: str, sources: Mapping[str, Source], claim_ids: set[str]) -> list[Problem]:
    problems = []
    for number, line in _prose_lines(markdown):
        for group in CITATION.findall(line):
            for key in re.findall(r"@([A-Za-z0-9_-]+)", group):
                if key not in sources:
                    problems.append(Problem(path, number, f"unknown citation key '@{key}'{did_you_mean(key, sources)}"))
        for target in _LINK.findall(line):
            if re.match(r"[a-z]+:", target):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), target))
            match = _CLAIM.search(resolved)
            if match and resolved.startswith("claims/") and match.group(1) not in claim_ids | _GENERATED_UNDER_CLAIMS:
                claim = match.group(1)
                problems.append(Problem(path, number, f"link to unknown claim '{claim}'{did_you_mean(claim, claim_ids)}"))
    return problems


def cited_keys(markdown: str) -> set[str]:
    keys: set[str] = set()
    for _, line in _prose_lines(markdown):
        for group in CITATION.findall(line):
            keys.update(re.findall(r"@([A-Za-z0-9_-]+)", group))
    return keys


def resolve_citations(markdown: str, page_uri: str, label: Callable[[str], str]) -> str:
    """Replace ``[@a; @b]`` with Markdown links to the source pages, relative to ``page_uri``."""
    up = posixpath.relpath("sources", posixpath.dirname(page_uri) or ".")

    def replace(match: re.Match[str]) -> str:
        keys = re.findall(r"@([A-Za-z0-9_-]+)", match.group(1))
        return "(" + "; ".join(f"[{label(k)}]({up}/{k}.md)" for k in keys) + ")"

    lines = markdown.splitlines(keepends=True)
    prose = {n for n, _ in _prose_lines(markdown)}
    return "".join(CITATION.sub(replace, line) if n in prose else line for n, line in enumerate(lines, 1))
