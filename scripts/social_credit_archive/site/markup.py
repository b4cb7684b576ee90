"""Safe HTML from the archive's text: plain fields are escaped, Markdown fields sanitised,
and every run of Chinese characters is marked ``lang="zh"``.

Generated pages embed data only as HTML built here, never as Markdown, so contributed
text cannot add front matter, directives, attribute lists or snippet includes to a page.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3

from ..markdown_text import to_html

CJK_CHARS = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK = re.compile(f"[{CJK_CHARS}]")
_CJK_RUN = re.compile(f"([{CJK_CHARS}]+(?:[0-9 ·\u00b7,，、。-]*[{CJK_CHARS}]+)*)")
ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "ul", "ol", "li", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


@lru_cache(maxsize=131072)
def esc(text: str) -> str:
    return html.escape(text, quote=True)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def lang_of(text: str) -> str:
    """``zh`` for text that is mostly Chinese, so screen readers and fonts treat it right."""
    cjk = len(_CJK.findall(text))
    return "zh" if cjk and cjk * 2 >= len(text.replace(" ", "")) else ""


@lru_cache(maxsize=131072)
def text(value: str) -> str:
    """Escaped plain text, with Chinese runs marked ``lang="zh"``."""
    escaped = esc(value)
    if not _CJK.search(value):
        return escaped
    return _CJK_RUN.sub(r'<span lang="zh">\1</span>', escaped)


@lru_cache(maxsize=32768)
def rich(value: str) -> str:
    """Markdown rendered, cleaned by an allow-list sanitiser (nh3), Chinese marked ``lang="zh"``."""
    return mark_chinese(_clean(value))


def _clean(value: str) -> str:
    return nh3.clean(
        to_html(value),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http"},
        link_rel="noopener noreferrer",
    )


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>|<!--.*?-->", re.S)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP = frozenset({"script", "style", "textarea", "title", "svg"})


def mark_chinese(page_html: str) -> str:
    """Wrap each run of Chinese characters in page text in ``<span lang="zh">``, unless it is
    already inside an element with ``lang="zh"`` (or in a script, style, title or SVG)."""
    if not _CJK.search(page_html):
        return page_html
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, opens a zh or skipped context)
    zh_depth = 0
    pos = 0
    for match in _TAG.finditer(page_html):
        segment = page_html[pos:match.start()]
        out.append(segment if zh_depth or not _CJK.search(segment) else _CJK_RUN.sub(r'<span lang="zh">\1</span>', segment))
        out.append(match.group(0))
        pos = match.end()
        if match.group(2) is None:
            continue
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if tag in _VOID or attrs.rstrip().endswith("/"):
            continue
        if closing:
            while stack:
                name, special = stack.pop()
                if special:
                    zh_depth -= 1
                if name == tag:
                    break
        else:
            special = tag in _SKIP or bool(re.search(r"""\blang=["']?zh""", attrs))
            stack.append((tag, special))
            if special:
                zh_depth += 1
    tail = page_html[pos:]
    out.append(tail if zh_depth or not _CJK.search(tail) else _CJK_RUN.sub(r'<span lang="zh">\1</span>', tail))
    return "".join(out)


_ABBR_SKIP = frozenset({"script", "style", "textarea", "title", "svg", "a", "abbr", "code", "pre", "blockquote", "h1", "button", "option"})


def expand_abbreviations(page_html: str, names: dict[str, str]) -> str:
    """Mark the first use of each abbreviation on a page (``NDRC``) with ``<abbr title="...">``,
    outside quotations, links, code and headings, so readers can see what it stands for."""
    if not names:
        return page_html
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    if not pattern.search(page_html):
        return page_html
    seen: set[str] = set()

    def first_use(segment: str) -> str:
        def replace(match: re.Match[str]) -> str:
            short = match.group(1)
            if short in seen:
                return short
            seen.add(short)
            return f'<abbr title="{esc(names[short])}">{short}</abbr>'

        return pattern.sub(replace, segment)

    out: list[str] = []
    stack: list[str] = []
    skip = 0
    pos = 0
    for match in _TAG.finditer(page_html):
        segment = page_html[pos : match.start()]
        out.append(segment if skip or not pattern.search(segment) else first_use(segment))
        out.append(match.group(0))
        pos = match.end()
        if match.group(2) is None:
            continue
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if tag in _VOID or attrs.rstrip().endswith("/"):
            continue
        if closing:
            while stack:
                name = stack.pop()
                if name in _ABBR_SKIP:
                    skip -= 1
                if name == tag:
                    break
        else:
            stack.append(tag)
            if tag in _ABBR_SKIP:
                skip += 1
    tail = page_html[pos:]
    out.append(tail if skip or not pattern.search(tail) else first_use(tail))
    return "".join(out)
