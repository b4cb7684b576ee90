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

_LIFTED = re.compile(re.escape(HTML_START) + r"(.*?)" + re.escape(HTML_END), re.S)
_PLACEHOLDER = re.compile(r"<!--scs-lifted-(\d+)-->")
_ID = re.compile(r"""\sid="([^"]+)\"""")
_HREF = re.compile(r"""<a\s[^<>]*?href="([^"]*)\"""")


def html_inline(*parts: str) -> str:
    """HTML for the middle of a sentence (a citation): lifted like a block, no blank lines."""
    return HTML_START + "".join(parts) + HTML_END


def lift(markdown: str) -> tuple[str, list[str]]:
    """Replace each generated HTML block by a placeholder comment, returning the blocks."""
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return f"<!--scs-lifted-{len(blocks) - 1}-->"

    return _LIFTED.sub(keep, markdown), blocks


def restore(page_html: str, blocks: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], page_html)


def strip_sentinels(markdown: str) -> str:
    """The page as plain Markdown with inline HTML, for engines that cannot lift (``generate``)."""
    return markdown.replace(HTML_START, "").replace(HTML_END, "")


def anchors(blocks: list[str]) -> set[str]:
    return {html.unescape(m) for block in blocks for m in _ID.findall(block)}


def links(blocks: list[str]) -> list[str]:
    return [html.unescape(m) for block in blocks for m in _HREF.findall(block)]
