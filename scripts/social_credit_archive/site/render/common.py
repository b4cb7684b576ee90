"""Pieces shared by the page renderers: front matter, badges, claim rows."""

from __future__ import annotations

from typing import Iterable

import yaml

_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: same output, faster

from ..markup import esc, text
from ...model import Archive, Claim
from ..urls import INDEXES, claim_uri, link
from ...vocab import KIND_LABELS, STATUSES, topic_label


def front_matter(title: str, description: str = "", **extra: object) -> str:
    """YAML front matter from data via ``safe_dump`` (never string formatting).

    MkDocs templates print titles unescaped, so the values are HTML-escaped here.
    """
    meta: dict[str, object] = {"title": esc(_shorten(title, 110))}
    if description:
        meta["description"] = esc(_shorten(description, 200))
    meta.update(extra)
    return "---\n" + yaml.dump(meta, Dumper=_SafeDumper, allow_unicode=True, sort_keys=True, width=10_000) + "---\n\n"


def _shorten(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rsplit(" ", 1)[0] + "…"


def status_badge(status: str, here: str) -> str:
    href = link(here, INDEXES["status"], status)
    return f'<a class="scs-badge scs-badge--{status}" href="{href}" title="{esc(STATUSES[status])}">{status.capitalize()}</a>'


def kind_badge(kind: str, here: str) -> str:
    href = link(here, INDEXES["policy" if kind == "policy" else "media"])
    return f'<a class="scs-kind scs-kind--{kind}" href="{href}">{KIND_LABELS[kind]}</a>'


def topic_links(topics: Iterable[str], here: str) -> str:
    return " ".join(
        f'<a class="scs-topic" href="{link(here, INDEXES["topics"], topic)}">{esc(topic_label(t))}</a>'
        for topic in topics
        for t in [topic]
    )


def claim_table(claims: Iterable[Claim], here: str, caption: str = "", filterable: bool = False) -> str:
    """A table of claims; each row carries its facets as data attributes for the filters."""
    rows = []
    for claim in claims:
        rows.append(
            f'<tr data-status="{claim.status}" data-kind="{claim.kind}" data-topics="{" ".join(claim.topics)}">'
            f"<td>{status_badge(claim.status, here)}</td>"
            f'<td><a href="{link(here, claim_uri(claim.id))}">{text(claim.statement)}</a></td>'
            f"<td>{KIND_LABELS[claim.kind]}</td>"
            f"<td>{topic_links(claim.topics, here)}</td></tr>"
        )
    if not rows:
        return '<p class="scs-empty">No claims yet.</p>'
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<div class="scs-table-wrap"><table class="scs-claims"{" data-filter" if filterable else ""}>{cap}'
        '<thead><tr><th scope="col">Status</th><th scope="col">Claim</th><th scope="col">Kind</th><th scope="col">Topics</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


HTML_START, HTML_END = "<!--scs-html-->", "<!--/scs-html-->"


def html_block(*parts: str) -> str:
    """HTML that Markdown leaves alone: one block, blank lines around it, between sentinels
    that let the site lift it out before Markdown runs (see ``pages.lift_html``)."""
    return "\n" + HTML_START + "".join(parts) + HTML_END + "\n\n"


def claims_by_id(archive: Archive, ids: Iterable[str]) -> list[Claim]:
    return [archive.claims[i] for i in ids if i in archive.claims]


def cite_block(permalink: str, reference: str, bibtex: str) -> str:
    """Permalink, formatted reference and BibTeX, each in a block the copy buttons attach to."""
    def block(label: str, kind: str, value: str) -> str:
        return (
            f'<p class="scs-cite-label">{label}</p>'
            f'<pre class="scs-copyable scs-cite-{kind}" data-copy-label="{label.lower()}"><code>{esc(value)}</code></pre>'
        )

    return (
        '<div class="scs-cite" data-search-exclude>'
        + block("Permalink", "permalink", permalink)
        + block("Reference", "text", reference)
        + block("BibTeX", "bibtex", bibtex)
        + "</div>"
    )
