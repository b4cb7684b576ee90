"""Pieces shared by the page renderers: front matter, badges, claim cards, HTML blocks."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ...model import Archive, Claim
from ...vocab import Vocabulary
from ..markup import esc, text
from ..urls import INDEXES, claim_uri, link

HTML_START, HTML_END = "<!--scs-html-->", "<!--/scs-html-->"


def front_matter(title: str, description: str = "", **extra: str) -> str:
    """Front matter from data, each value a JSON string (never string formatting).

    JSON strings are YAML double-quoted scalars, so no value can close the front matter or
    add a key; building them with ``json.dumps`` is ten times faster than PyYAML's emitter.
    MkDocs templates print titles unescaped, so the values are HTML-escaped here.
    """
    meta: dict[str, str] = {"title": esc(shorten(title, 110))}
    if description:
        meta["description"] = esc(shorten(description, 200))
    meta.update(extra)
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in sorted(meta.items())) + "---\n\n"


def shorten(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rsplit(" ", 1)[0] + "…"


def html_block(*parts: str) -> str:
    """HTML that Markdown leaves alone: one block, blank lines around it, between sentinels
    that let the site lift it out before Markdown runs (see ``site.lift``)."""
    return "\n" + HTML_START + "".join(parts) + HTML_END + "\n\n"


def status_badge(status: str, here: str, vocab: Vocabulary) -> str:
    href = link(here, INDEXES["status"], status)
    label = vocab.label("status", status)
    return f'<a class="scs-badge scs-badge--{esc(status)}" href="{href}" title="{esc(vocab.meaning("status", status))}">{esc(label)}</a>'


def kind_badge(kind: str, here: str, vocab: Vocabulary) -> str:
    href = link(here, INDEXES["policy" if kind == "policy" else "media"])
    return f'<a class="scs-kind scs-kind--{esc(kind)}" href="{href}">{esc(vocab.label("kind", kind))}</a>'


def topic_links(topics: Iterable[str], here: str, vocab: Vocabulary) -> str:
    return " ".join(
        f'<a class="scs-topic" href="{link(here, INDEXES["topics"], topic)}">{esc(vocab.label("topic", topic))}</a>' for topic in topics
    )


def claims_by_id(archive: Archive, ids: Iterable[str]) -> list[Claim]:
    return [archive.claims[i] for i in ids if i in archive.claims]


def claim_card(claim: Claim, here: str, vocab: Vocabulary, *, facets: bool = False) -> str:
    """One claim as a list item: rating, title, bottom line; the facets as data attributes.

    Cards are one column on a phone and rows of a grid on a wide screen (archive.css), so the
    title never shrinks to a 60-pixel table column.
    """
    data = ""
    if facets:
        data = (
            f' data-status="{esc(claim.status)}" data-kind="{esc(claim.kind)}" data-topics="{esc(" ".join(claim.topics))}"'
            f' data-family="{esc(claim.family)}" data-reviewed="{esc(claim.reviewed)}" data-title="{esc(claim.heading.casefold())}"'
        )
    family = f' · {esc(vocab.label("family", claim.family))}' if claim.family else ""
    return (
        f'<li class="scs-card"{data}>'
        f'<p class="scs-card-meta">{status_badge(claim.status, here, vocab)} '
        f'<span class="scs-card-kind">{esc(vocab.label("kind", claim.kind))}{family}</span> '
        f'<span class="scs-card-date">Reviewed <time datetime="{esc(claim.reviewed)}">{esc(claim.reviewed)}</time></span></p>'
        f'<p class="scs-card-title"><a href="{link(here, claim_uri(claim.id))}">{text(claim.heading)}</a></p>'
        + (f'<p class="scs-card-summary">{text(claim.summary)}</p>' if claim.title else "")
        + "</li>"
    )


def claim_list(claims: Iterable[Claim], here: str, vocab: Vocabulary, label: str, *, filterable: bool = False) -> str:
    cards = [claim_card(c, here, vocab, facets=filterable) for c in claims]
    if not cards:
        return '<p class="scs-empty">No claims yet.</p>'
    attrs = ' data-filter' if filterable else ""
    return f'<ul class="scs-cards" aria-label="{esc(label)}"{attrs}>{"".join(cards)}</ul>'


def claim_link_item(claim: Claim, here: str, vocab: Vocabulary, extra: str = "") -> str:
    return f'<li>{status_badge(claim.status, here, vocab)} <a href="{link(here, claim_uri(claim.id))}">{text(claim.heading)}</a>{extra}</li>'


def cite_block(permalink: str, reference: str, bibtex: str) -> str:
    """Permalink, formatted reference and BibTeX, each in a block the copy buttons attach to."""

    def block(label: str, kind: str, value: str) -> str:
        return (
            f'<p class="scs-cite-label">{label}</p>'
            f'<pre class="scs-copyable scs-cite-{kind}" data-copy-label="{label.lower()}"><code>{text(value)}</code></pre>'
        )

    return (
        '<div class="scs-cite" data-pagefind-ignore>'
        + block("Permalink", "permalink", permalink)
        + block("Reference", "text", reference)
        + block("BibTeX", "bibtex", bibtex)
        + "</div>"
    )


def search_terms(*values: str) -> str:
    """An invisible element whose attribute Pagefind indexes: words a reader may type that
    the page does not show as such (Chinese split into words, toneless pinyin)."""
    words = " ".join(v for v in values if v)
    if not words:
        return ""
    return f'<span class="scs-search-terms" data-pagefind-index-attrs="data-terms" data-terms="{esc(words)}"></span>'
