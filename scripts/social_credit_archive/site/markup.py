"""Safe HTML from the archive's text: plain fields are escaped, Markdown fields sanitised.

Generated pages embed data only as HTML blocks built here, never as Markdown, so contributed
text cannot add front matter, directives, attribute lists or snippet includes to a page.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "ul", "ol", "li", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def lang_of(text: str) -> str:
    """``zh`` for text that is mostly Chinese, so screen readers and fonts treat it right."""
    cjk = len(_CJK.findall(text))
    return "zh" if cjk and cjk * 2 >= len(text.replace(" ", "")) else ""


def text(value: str) -> str:
    """Escaped plain text, with Chinese runs marked ``lang="zh"``."""
    if not _CJK.search(value):
        return esc(value)
    return re.sub(
        r"([\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+)",
        r'<span lang="zh">\1</span>',
        esc(value),
    )


@lru_cache(maxsize=4096)
def _md() -> markdown.Markdown:
    return markdown.Markdown(extensions=[], output_format="html")


def rich(value: str) -> str:
    """Markdown rendered, then cleaned by an allow-list sanitiser (nh3)."""
    converter = _md()
    converter.reset()
    rendered = converter.convert(value)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http"},
        link_rel="noopener noreferrer",
    )
