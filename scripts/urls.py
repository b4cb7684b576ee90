"""Where each generated page lives, and relative links between pages.

Pages use directory URLs (``claims/<id>/``); links inside generated HTML blocks are written
relative to the page, because MkDocs rewrites only Markdown links.
"""

from __future__ import annotations

import posixpath

INDEXES = {
    "claims": "claims/index.md",
    "policy": "policy/index.md",
    "media": "media/index.md",
    "status": "status.md",
    "topics": "topics.md",
    "sources": "sources/index.md",
    "timeline": "timeline.md",
    "glossary": "glossary.md",
    "articles": "media/articles.md",
    "review": "claims/review-queue.md",
    "corrections": "corrections.md",
    "data": "data.md",
}


def claim_uri(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def source_uri(key: str) -> str:
    return f"sources/{key}.md"


def page_url(uri: str) -> str:
    """The directory URL MkDocs gives the file ``uri`` (``a/b.md`` -> ``a/b/``)."""
    stem = uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def link(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """Relative URL from the page built from ``from_uri`` to the one built from ``to_uri``."""
    here = page_url(from_uri) or "./"
    target = page_url(to_uri)
    rel = posixpath.relpath(target or ".", here.rstrip("/") or ".")
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")
