"""Hand-written Markdown pages: where code is, and the archive's two kinds of reference in them.

``[@key]`` (or ``[@a; @b, p. 5]``) cites sources; ``<!-- archive:name -->`` inserts a live
table. Neither means anything inside code (a fenced block or an inline code span), so
``mask_code`` blanks code out while keeping every offset and line break: checks and rewrites
search the masked text and edit the original at the same positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CITATION = re.compile(r"\[((?:@[A-Za-z0-9][A-Za-z0-9_-]*(?:,[^\]\[;]{1,80})?\s*;\s*)*@[A-Za-z0-9][A-Za-z0-9_-]*(?:,[^\]\[;]{1,80})?)\]")
_CITE_ITEM = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_-]*)(?:,([^;]*))?")
MARKER = re.compile(r"<!--\s*archive:([a-z-]+)\s*-->")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"`+")


@dataclass(frozen=True, slots=True)
class Cited:
    key: str
    locator: str


def mask_code(markdown: str) -> str:
    """``markdown`` with the content of code blocks and code spans replaced by spaces."""
    out: list[str] = []
    fence = ""
    for line in markdown.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line.strip()[len(match.group(1)):].strip():
                fence = ""
            out.append(_blank(line))
            continue
        if match:
            fence = match.group(1)
            out.append(_blank(line))
            continue
        out.append(_mask_spans(line))
    return "".join(out)


def _blank(text: str) -> str:
    return "".join(ch if ch in "\r\n" else " " for ch in text)


def _mask_spans(line: str) -> str:
    """Blank inline code spans: a run of n backticks up to the next run of exactly n."""
    result, pos = [], 0
    runs = list(_TICKS.finditer(line))
    i = 0
    while i < len(runs):
        opening = runs[i]
        closing = next((r for r in runs[i + 1:] if len(r.group(0)) == len(opening.group(0))), None)
        if closing is None:
            i += 1
            continue
        result.append(line[pos:opening.start()])
        result.append(_blank(line[opening.start():closing.end()]))
        pos = closing.end()
        i = runs.index(closing) + 1
    result.append(line[pos:])
    return "".join(result)


def citations(match: re.Match[str]) -> list[Cited]:
    return [Cited(m.group(1), (m.group(2) or "").strip()) for m in _CITE_ITEM.finditer(match.group(1))]


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
