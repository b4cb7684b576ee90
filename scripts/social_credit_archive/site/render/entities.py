"""Pages for the documents, places, bodies and companies that claims name, and their index."""

from __future__ import annotations

from ...model import Archive, Entity
from ..cite import short_label
from ..markup import esc, text
from ..urls import INDEXES, entity_uri, link, source_uri
from .common import claim_link_item, claims_by_id, front_matter, html_block, search_terms


def _sources(archive: Archive, keys: tuple[str, ...], here: str) -> str:
    return "; ".join(f'<a href="{link(here, source_uri(k))}">{text(short_label(archive.sources[k], archive.sources))}</a>' for k in keys)


def _entity(archive: Archive, entity_id: str, here: str) -> str:
    target = archive.entities.get(entity_id)
    return f'<a href="{link(here, entity_uri(entity_id))}">{text(target.name)}</a>' if target else esc(entity_id)


def render_entity(entity: Entity, archive: Archive) -> str:
    here = entity_uri(entity.id)
    vocab = archive.vocabulary
    kind = vocab.label("entitytype", entity.type).rstrip("s")
    out = [front_matter(entity.name, entity.summary, pagetype="entity")]
    zh = f' <span class="scs-name-zh" lang="zh">{esc(entity.name_zh)}</span>' if entity.name_zh else ""
    short = f' <span class="scs-short">({esc(entity.short)})</span>' if entity.short else ""
    out.append(html_block(
        f'<p class="scs-eyebrow">{esc(kind)} · <a href="{link(here, INDEXES["entities"], entity.type)}">all {esc(vocab.label("entitytype", entity.type).lower())}</a></p>',
        f"<h1>{text(entity.name)}{short}{zh}</h1>",
        f'<span hidden data-pagefind-filter="type:{esc(kind)}" data-pagefind-meta="type:{esc(kind)}"></span>',
        f'<span hidden data-pagefind-meta="summary">{esc(entity.summary)}</span>',
        '<span hidden data-pagefind-sort="weight">5</span>',
        search_terms(entity.short, entity.name_zh),
        f'<p class="scs-summary">{text(entity.summary)} <span class="scs-event-sources">({_sources(archive, entity.sources, here)})</span></p>',
    ))
    facts = []
    if entity.number:
        facts.append(("Document number", f'<span lang="zh">{esc(entity.number)}</span>' if any(ord(c) > 0x2e80 for c in entity.number) else esc(entity.number)))
    if entity.issuers:
        facts.append(("Issued by", ", ".join(_entity(archive, i, here) for i in entity.issuers)))
    if entity.issued:
        facts.append(("Issued", f'<time datetime="{esc(entity.issued)}">{esc(entity.issued)}</time>'))
    if entity.effective:
        facts.append(("In effect from", f'<time datetime="{esc(entity.effective)}">{esc(entity.effective)}</time>'))
    if entity.status:
        facts.append(("Status", f"{esc(vocab.label('docstatus', entity.status))}: {esc(vocab.meaning('docstatus', entity.status))}"))
    if entity.superseded_by:
        facts.append(("Superseded by", _entity(archive, entity.superseded_by, here)))
    if entity.within:
        facts.append(("Part of", _entity(archive, entity.within, here)))
    if entity.text:
        facts.append(("Text and translations", _sources(archive, entity.text, here)))
    inside = [e for e in archive.entities.values() if e.within == entity.id]
    if inside:
        facts.append(("Includes", ", ".join(_entity(archive, e.id, here) for e in inside)))
    issued = [e for e in archive.entities.values() if entity.id in e.issuers]
    if issued:
        facts.append(("Documents issued", ", ".join(_entity(archive, e.id, here) for e in issued)))
    if facts:
        rows = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
        out.append(html_block(f'<dl class="scs-facts">{rows}</dl>'))
    if entity.says:
        out.append("## What it says {#says}\n")
        items = "".join(
            f'<li>{text(s.text)} <span class="scs-locator">({text(s.locator)}; '
            f'<a href="{link(here, source_uri(s.source))}">{text(short_label(archive.sources[s.source], archive.sources))}</a>)</span></li>'
            for s in entity.says
        )
        out.append(html_block(f'<ul class="scs-says">{items}</ul>'))
    claims = claims_by_id(archive, archive.entity_claims.get(entity.id, ()))
    heading = "Claims resting on it or about it" if entity.type == "document" else "Claims about it"
    out.append(f"## {heading} {{#claims}}\n")
    if claims:
        out.append(html_block(f'<ul class="scs-related">{"".join(claim_link_item(c, here, vocab) for c in claims)}</ul>'))
    else:
        out.append(html_block('<p class="scs-empty">No claim names it yet.</p>'))
    return "".join(out)


def render_entity_index(archive: Archive) -> str:
    here = INDEXES["entities"]
    vocab = archive.vocabulary
    out = [front_matter("Documents, places, bodies and companies", "The documents, places, bodies and companies that claims name."),
           "# Documents, places, bodies and companies\n\n"]
    out.append(html_block(f"<p>{len(archive.entities)} pages, each listing the claims that rest on it or are about it.</p>"))
    for kind in vocab.values("entitytype"):
        members = sorted((e for e in archive.entities.values() if e.type == kind), key=lambda e: (e.issued or "", e.name.casefold()))
        if not members:
            continue
        out.append(f"## {vocab.label('entitytype', kind)} ({len(members)}) {{#{kind}}}\n")
        items = "".join(
            f'<li><a href="{link(here, entity_uri(e.id))}">{text(e.name)}</a>'
            + (f' <span lang="zh">{esc(e.name_zh)}</span>' if e.name_zh else "")
            + (f' <span class="scs-date">({esc(e.issued[:4])})</span>' if e.issued else "")
            + f' <span class="scs-count">{len(archive.entity_claims.get(e.id, ()))} claims</span></li>'
            for e in members
        )
        out.append(html_block(f'<p class="scs-definition">{esc(vocab.meaning("entitytype", kind))}</p>', f'<ul class="scs-entity-list">{items}</ul>'))
    return "".join(out)
