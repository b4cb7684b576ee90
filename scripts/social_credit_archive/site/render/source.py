"""The page of one source: the reference, what kind of evidence it is, and who cites it."""

from __future__ import annotations

from ...model import Archive, Claim, Source
from ..cite import reference_html, reference_text, source_bibtex
from ..context import SiteContext
from ..markup import esc, text
from ..urls import INDEXES, entity_uri, link, permalink, source_uri
from .common import cite_block, claim_link_item, claims_by_id, front_matter, html_block


def _url(value: str) -> str:
    return f'<a class="scs-url" href="{esc(value)}" rel="noopener noreferrer">{esc(value)}</a>'


def render_source(source: Source, archive: Archive, context: SiteContext) -> str:
    here = source_uri(source.key)
    vocab = archive.vocabulary
    label = vocab.label("sourceclass", source.sourceclass)
    out = [front_matter(source.title, f"{label}: {source.title}", pagetype="source")]
    out.append(html_block(
        f'<p class="scs-eyebrow">Source · <a href="{link(here, INDEXES["sources"], source.sourceclass)}">{esc(label)}</a></p>',
        f'<h1 class="scs-source-title">{text(source.title)}</h1>',
        '<span hidden data-pagefind-filter="type:Source" data-pagefind-meta="type:Source"></span>',
        f'<span hidden data-pagefind-meta="summary">{esc(label)}{": " + esc(source.container) if source.container else ""}</span>',
        '<span hidden data-pagefind-sort="weight">1</span>',
    ))
    facts = [
        ("Reference", reference_html(source)),
        ("Source class", f"{esc(label)}: {esc(vocab.meaning('sourceclass', source.sourceclass))}"),
    ]
    for name, value in (("Original title", source.origtitle), ("Document number", source.number), ("Translated by", source.translator)):
        if value:
            facts.append((name, text(value)))
    if source.date:
        facts.append(("Date", f'<time datetime="{esc(source.date)}">{esc(source.date)}</time>'))
    for name, value in (("Link", source.url), ("Translation", source.translationurl), ("Archived copy", source.archiveurl)):
        if value:
            facts.append((name, _url(value)))
    if source.urldate:
        facts.append(("Link checked", f'<time datetime="{esc(source.urldate)}">{esc(source.urldate)}</time>'))
    if source.supersededby in archive.sources:
        later = archive.sources[source.supersededby]
        facts.append(("Superseded by", f'<a href="{link(here, source_uri(later.key))}">{text(later.title)}</a>'))
    for entity_id in archive.source_entities.get(source.key, ()):
        entity = archive.entities[entity_id]
        facts.append(("Text of", f'<a href="{link(here, entity_uri(entity.id))}">{text(entity.name)}</a>'))
    if source.note:
        facts.append(("Note", text(source.note)))
    rows = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    out.append(html_block(f'<dl class="scs-facts">{rows}</dl>'))
    out.append("## Claims citing this source {#cited-by}\n")
    citing = claims_by_id(archive, archive.cited_by.get(source.key, ()))
    if citing:
        items = "".join(claim_link_item(c, here, vocab, f' <span class="scs-role">({_roles(c, source.key)})</span>') for c in citing)
        out.append(html_block(f'<ul class="scs-cited-by">{items}</ul>'))
    else:
        out.append(html_block('<p class="scs-empty">No claim cites this source.</p>'))
    out.append("## Cite this source {#cite}\n")
    out.append(html_block(cite_block(permalink(context.site_url, here), reference_text(source), source_bibtex(source))))
    if correction := context.correction_url("source", source.key, source.title):
        out.append("## Suggest a correction {#correct}\n")
        out.append(html_block(
            f'<p class="scs-correct">A wrong date, title or link? <a href="{esc(correction)}" rel="noopener">Suggest a correction</a>.</p>'
        ))
    return "".join(out)


def _roles(claim: Claim, key: str) -> str:
    roles = []
    stances = sorted({e.stance for e in claim.all_evidence if e.source == key})
    if stances:
        roles.append("evidence: " + ", ".join(stances))
    if any(a.source == key for a in claim.seen_in):
        roles.append("where the claim appeared")
    return "; ".join(roles)
