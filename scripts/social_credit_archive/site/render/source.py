"""The page of one source: the reference, what kind of evidence it is, and who cites it."""

from __future__ import annotations

from ..cite import reference_html, reference_text
from ..markup import esc, text
from ...model import Archive, Source
from ..urls import INDEXES, claim_uri, link, permalink, source_uri
from ...vocab import SOURCE_CLASSES
from .common import cite_block, claims_by_id, front_matter, html_block, status_badge


def render_source(source: Source, archive: Archive, site_url: str) -> str:
    here = source_uri(source.key)
    label, definition = SOURCE_CLASSES[source.sourceclass]
    out = [front_matter(source.title, f"{label}: {source.title}")]
    out.append(html_block(f'<h1 class="scs-source-title">{text(source.title)}</h1>'))
    facts = [
        ("Reference", reference_html(source)),
        ("Source class", f'<a href="{link(here, INDEXES["sources"], source.sourceclass)}">{esc(label)}</a>: {esc(definition)}'),
    ]
    if source.get("origtitle"):
        facts.append(("Original title", text(source.get("origtitle"))))
    if source.get("number"):
        facts.append(("Document number", text(source.get("number"))))
    if source.date:
        facts.append(("Date", f"<time>{esc(source.date)}</time>"))
    if source.url:
        facts.append(("Link", f'<a href="{esc(source.url)}" rel="noopener noreferrer">{esc(source.url)}</a>'))
    if source.get("urldate"):
        facts.append(("Link checked", f"<time>{esc(source.get('urldate'))}</time>"))
    if source.get("translationurl"):
        url = source.get("translationurl")
        facts.append(("Translation", f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>'))
    if source.get("translator"):
        facts.append(("Translated by", text(source.get("translator"))))
    if source.get("archiveurl"):
        url = source.get("archiveurl")
        facts.append(("Archived copy", f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>'))
    if (later := source.get("supersededby")) and later in archive.sources:
        facts.append(("Superseded by", f'<a href="{link(here, source_uri(later))}">{text(archive.sources[later].title)}</a>'))
    if source.get("note"):
        facts.append(("Note", text(source.get("note"))))
    rows = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    out.append(html_block(f'<dl class="scs-facts">{rows}</dl>'))
    out.append("## Claims citing this source {#cited-by}\n")
    citing = claims_by_id(archive, archive.cited_by.get(source.key, ()))
    if citing:
        items = "".join(
            f'<li>{status_badge(c.status, here)} <a href="{link(here, claim_uri(c.id))}">{text(c.statement)}</a> '
            f'<span class="scs-role">({_roles(c, source.key)})</span></li>'
            for c in citing
        )
        out.append(html_block(f'<ul class="scs-cited-by">{items}</ul>'))
    else:
        out.append(html_block('<p class="scs-empty">No claim cites this source yet.</p>'))
    out.append("## Cite this source {#cite}\n")
    out.append(html_block(cite_block(permalink(site_url, here), reference_text(source), source.raw)))
    return "".join(out)


def _roles(claim, key: str) -> str:  # type: ignore[no-untyped-def]
    roles = []
    stances = sorted({e.stance for e in claim.evidence if e.source == key})
    if stances:
        roles.append("evidence: " + ", ".join(stances))
    if any(a.source == key for a in claim.seen_in):
        roles.append("where the claim appeared")
    return "; ".join(roles)
