"""Generated HTML travels through Markdown untouched: lifted out before, restored after.

Generated blocks are final HTML (escaped and sanitised when rendered). Markdown would only
pass them through, after parsing them with its pure-Python HTML parser, which dominates the
cost of a generated page. ``lift`` swaps each block for a placeholder comment and ``restore``
puts it back into the page's HTML. ``anchors`` and ``links`` read the restored blocks, so
the site can register their ids with MkDocs and validate their links, as it does for
Markdown.
"""

from __future__ import annotations

import html
import re

from .render.common import HTML_END, HTML_START

INLINE_START, INLINE_END = "<!--scs-inline-->", "<!--/scs-inline-->"
_LIFTED = re.compile(
    re.escape(HTML_START) + r"(.*?)" + re.escape(HTML_END) + "|" + re.escape(INLINE_START) + r"(.*?)" + re.escape(INLINE_END), re.S)
# A block's placeholder is a comment on its own lines (Markdown keeps it as an HTML block); an
# inline placeholder is a word, because a comment at the start of a line would end the paragraph.
_PLACEHOLDER = re.compile(r"<!--scs-lifted-(\d+)-->|scsinline(\d+)scs")
_ID = re.compile(r"""\sid="([^"]+)\"""")
_HREF = re.compile(r"""<a\s[^<>]*?href="([^"]*)\"""")


def html_inline(*parts: str) -> str:
    """HTML for the middle of a sentence (a citation): lifted like a block, no blank lines."""
    return INLINE_START + "".join(parts) + INLINE_END


def lift(markdown: str) -> tuple[str, list[str]]:
    """Replace each generated HTML block by a placeholder comment, returning the blocks."""
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        inline = match.group(1) is None
        blocks.append(match.group(2) if inline else match.group(1))
        return f"scsinline{len(blocks) - 1}scs" if inline else f"<!--scs-lifted-{len(blocks) - 1}-->"

    return _LIFTED.sub(keep, markdown), blocks


def restore(page_html: str, blocks: list[str]) -> str:
    def block(match: re.Match[str]) -> str:
        index = int(match.group(1) or match.group(2))
        return blocks[index] if index < len(blocks) else match.group(0)

    return _PLACEHOLDER.sub(block, page_html)


def strip_sentinels(markdown: str) -> str:
    """The page as plain Markdown with inline HTML, for engines that cannot lift (``generate``)."""
    for sentinel in (HTML_START, HTML_END, INLINE_START, INLINE_END):
        markdown = markdown.replace(sentinel, "")
    return markdown


def anchors(blocks: list[str]) -> set[str]:
    return {html.unescape(m) for block in blocks for m in _ID.findall(block)}


def links(blocks: list[str]) -> list[str]:
    return [html.unescape(m) for block in blocks for m in _HREF.findall(block)]
