"""``[@key]`` citations in hand-written pages, resolved to links to the source pages.

The label and locator are escaped and written as HTML (lifted past Markdown), so a BibTeX
author such as ``{{<meta http-equiv="refresh" ...>}}`` reaches the page as text, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..handpages import CITATION, citations, mask_code
from ..model import Source
from .cite import short_label
from .lift import html_inline
from .markup import esc, text
from .urls import link, source_uri


def resolve_citations(markdown: str, page_uri: str, sources: Mapping[str, Source]) -> str:
    """Replace ``[@a; @b, p. 5]`` outside code with ``(Label 2014; Label 2016, p. 5)`` links."""
    masked = mask_code(markdown)
    out, pos = [], 0
    for match in CITATION.finditer(masked):
        out.append(markdown[pos:match.start()])
        parts = []
        for cited in citations(match):
            source = sources[cited.key]
            href = link(page_uri, source_uri(cited.key))
            locator = f", {text(cited.locator)}" if cited.locator else ""
            parts.append(f'<a class="scs-citation" href="{esc(href)}">{text(short_label(source, sources))}</a>{locator}')
        out.append(html_inline("(", "; ".join(parts), ")"))
        pos = match.end()
    out.append(markdown[pos:])
    return "".join(out)



