"""Every generated page of the site, as ``{src_uri: markdown}``, and the hand-page markers.

Pure: the hook turns this mapping into MkDocs files; tests call it directly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Callable

from ..model import Archive
from ..problems import Problem
from .render.claim import render_claim
from .render.indexes import (
    render_articles,
    render_bibliography,
    render_claims_index,
    render_kind_index,
    render_status_index,
    render_topic_index,
)
from .render.follow import render_corrections, render_data_page, render_review_queue
from .render.reference import render_glossary, render_timeline
from .render.source import render_source
from ..export import claims as exports
from ..export.feed import atom_feed
from ..load.schema import SCHEMA_DIR, load_schema
from .render.common import HTML_END, HTML_START
from .urls import INDEXES, claim_uri, source_uri
from ..vocab import KINDS, SOURCE_CLASSES, STATUSES

MARKER = re.compile(r"<!--\s*archive:([a-z-]+)\s*-->")
_LIFTED = re.compile(re.escape(HTML_START) + r"(.*?)" + re.escape(HTML_END), re.S)
_PLACEHOLDER = re.compile(r"<!--scs-lifted-(\d+)-->")


def lift_html(markdown: str) -> tuple[str, list[str]]:
    """Replace each generated HTML block by a placeholder comment, returning the blocks.

    The blocks are final HTML (escaped and sanitised when rendered); Markdown would only pass
    them through, after parsing them with its pure-Python HTML parser, which dominates the cost
    of a generated page. ``restore_html`` puts them back into the page's HTML.
    """
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return f"<!--scs-lifted-{len(blocks) - 1}-->"

    return _LIFTED.sub(keep, markdown), blocks


def restore_html(html: str, blocks: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


def generate_pages(archive: Archive, site_url: str, as_of: dt.date) -> dict[str, str]:
    topics = load_schema("claim")["properties"]["topics"]["items"]["enum"]
    pages = {
        INDEXES["claims"]: render_claims_index(archive),
        INDEXES["policy"]: render_kind_index(archive, "policy"),
        INDEXES["media"]: render_kind_index(archive, "media"),
        INDEXES["status"]: render_status_index(archive),
        INDEXES["topics"]: render_topic_index(archive, topics),
        INDEXES["sources"]: render_bibliography(archive),
        INDEXES["articles"]: render_articles(archive),
        INDEXES["timeline"]: render_timeline(archive),
        INDEXES["glossary"]: render_glossary(archive),
        INDEXES["corrections"]: render_corrections(archive),
        INDEXES["review"]: render_review_queue(archive, as_of),
        INDEXES["data"]: render_data_page(archive),
    }
    for claim in archive.claims.values():
        pages[claim_uri(claim.id)] = render_claim(claim, archive, site_url, as_of)
    for source in archive.sources.values():
        pages[source_uri(source.key)] = render_source(source, archive, site_url)
    return pages


def generate_data(archive: Archive, site_url: str, root: Path) -> dict[str, str]:
    """The downloadable files, by site path."""
    return {
        "data/claims.json": exports.claims_json(archive, site_url),
        "data/claims.csv": exports.claims_csv(archive, site_url),
        "data/references.bib": (root / "sources" / "references.bib").read_text(encoding="utf-8"),
        "data/sources.json": exports.sources_csl_json(archive),
        "data/claim.schema.json": (SCHEMA_DIR / "claim.schema.json").read_text(encoding="utf-8"),
        "feed.xml": atom_feed(archive, site_url),
    }


def _counts(archive: Archive) -> str:
    claims = list(archive.claims.values())
    status = Counter(c.status for c in claims)
    kind = Counter(c.kind for c in claims)
    rows = [f"| Claims | {len(claims)} |", *(f"| {s.capitalize()} | {status[s]} |" for s in STATUSES)]
    rows += [f"| {('Documented policy' if k == 'policy' else 'Media claims')} | {kind[k]} |" for k in KINDS]
    rows += [f"| Sources | {len(archive.sources)} |", f"| Timeline events | {len(archive.events)} |", f"| Glossary terms | {len(archive.terms)} |"]
    return "| In the archive | Count |\n| --- | --- |\n" + "\n".join(rows) + "\n"


def _legend(archive: Archive) -> str:
    rows = [f'| <span class="scs-badge scs-badge--{s}">{s.capitalize()}</span> | {d} |' for s, d in STATUSES.items()]
    return "| Status | Meaning |\n| --- | --- |\n" + "\n".join(rows) + "\n"


def _classes(archive: Archive) -> str:
    rows = [f"| {label} (`{cls}`) | {definition} |" for cls, (label, definition) in SOURCE_CLASSES.items()]
    return "| Source class | What it covers |\n| --- | --- |\n" + "\n".join(rows) + "\n"


MARKERS: dict[str, Callable[[Archive], str]] = {"counts": _counts, "legend": _legend, "source-classes": _classes}


def marker_problems(markdown: str, path: str) -> list[Problem]:
    return [
        Problem(path, markdown[: m.start()].count("\n") + 1, f"unknown marker 'archive:{m.group(1)}' (known: {', '.join(MARKERS)})")
        for m in MARKER.finditer(markdown)
        if m.group(1) not in MARKERS
    ]


def expand_markers(markdown: str, archive: Archive) -> str:
    return MARKER.sub(lambda m: "\n" + MARKERS[m.group(1)](archive) + "\n", markdown)
