"""One rule set for every free-text value of every record type.

Which values are free text comes from the schemas (``Schemas.free_texts``); this module
says what free text may not contain. Each function returns messages that name the fix.
All patterns are linear: no nested quantifiers, and every ``[^...]*`` stops at the next
``<``, so a hostile 8 MB value costs milliseconds.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..load.characters import bad_character
from ..load.characters import message as character_message
from ..markdown_text import to_html

MAX_QUOTE_WORDS = 60

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>|<!--")
_SNIPPET = re.compile(r"-{1,3}8<-{1,3}")
_FRONT_MATTER = re.compile(r"^[ \t]*---[ \t]*$", re.M)
_HREF = re.compile(r"""\b(?:href|src)="([^"]*)\"""")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")

#: Words of the research process that must never reach a public page (documented in CONTRIBUTING).
PROCESS_WORDS = (
    "stored page", "stored text", "stored copy", "leads row", "leads.md", "research leads", "was not read",
    "not read for this review", "for this review", "policy-b", "todo", "tbd", "fixme", "xxx", "lorem ipsum", "placeholder",
)
_PROCESS = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(w) for w in PROCESS_WORDS) + r")(?![A-Za-z])", re.I)


def text_problems(value: str, *, markdown: bool = False) -> Iterator[str]:
    """Why a text value could hide text, smuggle markup into a page or leak working notes."""
    if (bad := bad_character(value)) is not None:
        yield character_message(bad[1])
    if "<" in value and (tag := _HTML.search(value)):
        yield f"raw HTML ({tag.group(0)[:30]!r}) is not allowed; write plain text or Markdown"
    if "8<" in value and _SNIPPET.search(value):
        yield "snippet-include syntax '--8<--' is not allowed"
    if "---" in value and _FRONT_MATTER.search(value):
        yield "a line of '---' is not allowed (it could start front matter); rephrase"
    if (word := _PROCESS.search(value)) is not None:
        yield f"'{word.group(0)}' is a working note, not public text; say what the evidence shows instead"
    if markdown:
        yield from link_problems(value)


def link_problems(value: str, *, relative_ok: bool = False) -> Iterator[str]:
    """Every link Markdown would make from ``value`` (inline, reference-style, autolink) must be
    http(s), or (in hand-written pages, ``relative_ok``) a link within the site or mail.

    Rendering is the only reliable way to find them; it runs only when a link is possible.
    """
    if not ("](" in value or "]:" in value or "<" in value or "://" in value or "][" in value):
        return
    for raw in _HREF.findall(to_html(value)):
        target = "".join(ch for ch in html.unescape(raw) if ch > " ")  # browsers drop tabs and newlines in schemes
        scheme = _SCHEME.match(target)
        if scheme is None and relative_ok and not target.startswith("//"):
            continue
        allowed = ("http", "https", "mailto") if relative_ok else ("http", "https")
        if scheme is None or scheme.group(1).lower() not in allowed:
            yield f"link target {raw[:60]!r} must be an http(s) URL"


def quote_size(value: str) -> float:
    """Length in words; a Chinese character counts half a word (120 characters ~ 60 words)."""
    cjk = len(_CJK.findall(value))
    rest = _CJK.sub(" ", value)
    return len(rest.split()) + cjk / 2


def quote_problem(value: str) -> str:
    size = quote_size(value)
    if size == 0:
        return "is empty; give the exact words or drop the field"
    if size > MAX_QUOTE_WORDS:
        return f"is {size:g} words long (a Chinese character counts half); quote at most {MAX_QUOTE_WORDS} and paraphrase the rest"
    return ""
