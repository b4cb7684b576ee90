"""Where each generated page lives, and relative links between pages.

Pages use directory URLs (``claims/<id>/``); links inside generated HTML blocks are written
relative to the page, because MkDocs rewrites only Markdown links.
"""

from __future__ import annotations

from functools import lru_cache

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
    "survey": "survey.md",
    "entities": "entities/index.md",
}

#: The folders whose pages are generated one per record.
RECORD_FOLDERS = {"claims": "claims", "sources": "sources", "entities": "entities"}


def reserved_names(folder: str) -> set[str]:
    """Names a record may not take in ``folder``: the generated index pages that live there."""
    return {uri[len(folder) + 1 : -len(".md")] for uri in INDEXES.values() if uri.startswith(folder + "/")}


def claim_uri(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def entity_uri(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def source_uri(key: str) -> str:
    return f"sources/{key}.md"


def page_url(uri: str) -> str:
    """The directory URL MkDocs gives the file ``uri`` (``a/b.md`` -> ``a/b/``)."""
    if not uri.endswith(".md"):
        raise ValueError(f"not a page: {uri!r} (link files with file_link)")
    stem = uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def permalink(site_url: str, uri: str) -> str:
    """The absolute URL of the page built from ``uri``."""
    return site_url.rstrip("/") + "/" + page_url(uri)


@lru_cache(maxsize=65536)
def link(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """Relative URL from the page built from ``from_uri`` to the one built from ``to_uri``.

    Pure string work on the site's own directory URLs (no file system, unlike ``os.path.relpath``):
    pages link to many others, so this runs tens of thousands of times in a large build.
    """
    here = [part for part in page_url(from_uri).split("/") if part]
    there = [part for part in page_url(to_uri).split("/") if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    rel = "/".join(parts) + "/" if parts else "./"
    return rel + (f"#{anchor}" if anchor else "")


def file_link(from_uri: str, path: str) -> str:
    """Relative URL from the page built from ``from_uri`` to a file of the site (``feed.xml``)."""
    depth = len([part for part in page_url(from_uri).split("/") if part])
    return "../" * depth + path
