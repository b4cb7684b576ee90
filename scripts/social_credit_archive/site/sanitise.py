"""The backstop for hand-written pages: their rendered HTML passes an allow-list sanitiser.

``check`` refuses raw HTML, handlers and unsafe links in ``docs/`` with ``path:line``
messages; this runs after Markdown on every hand-written page anyway, so that anything a
rule missed reaches readers as inert text. Generated blocks are restored after it (they are
built from escaped data and would lose their pictures and forms).
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
ATTRIBUTES = {"*": {"id", "class", "title", "lang"}, "a": {"href"}, "th": {"scope"}, "ol": {"start"}}


def sanitise_page(page_html: str) -> str:
    return nh3.clean(
        page_html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=False,  # keeps the placeholders of lifted generated blocks
    )
