"""The page of one claim: status, verdict, evidence, provenance, history, how to cite."""

from __future__ import annotations

import datetime as dt

from ..cite import claim_bibtex, claim_reference_text, reference_html, short_label
from ...dates import due_date, is_due
from ...export.claimreview import claim_review_script
from ..markup import esc, lang_of, rich, text
from ...model import Archive, Claim
from ..urls import INDEXES, claim_uri, link, permalink, source_uri
from ...vocab import KIND_LABELS, STANCES, STATUSES
from .common import cite_block, claims_by_id, front_matter, html_block, kind_badge, status_badge, topic_links


def render_claim(claim: Claim, archive: Archive, site_url: str, as_of: dt.date) -> str:
    here = claim_uri(claim.id)
    url = permalink(site_url, here)
    out = [front_matter(claim.statement, claim.verdict)]
    out.append(html_block(f'<h1 class="scs-statement">{text(claim.statement)}</h1>'))
    if is_due(claim.reviewed, as_of):
        out.append(html_block(
            f'<p class="scs-review-due" role="note"><strong>Review due:</strong> last reviewed {esc(claim.reviewed)}; '
            f'claims are re-reviewed every 18 months (due {due_date(claim.reviewed).isoformat()}). '
            f'See the <a href="{link(here, INDEXES["review"])}">review queue</a>.</p>'
        ))
    out.append(
        html_block(
            f'<div class="scs-meta">{status_badge(claim.status, here)} {kind_badge(claim.kind, here)} '
            f'<span class="scs-topics">{topic_links(claim.topics, here)}</span></div>',
            f'<p class="scs-definition"><strong>{claim.status.capitalize()}:</strong> {esc(STATUSES[claim.status])}</p>',
        )
    )
    out.append("## Verdict {#verdict}\n")
    out.append(html_block(f'<div class="scs-verdict">{rich(claim.verdict)}</div>'))
    out.append("## Evidence {#evidence}\n")
    out.append(html_block(_evidence(claim, archive, here)))
    if claim.seen_in:
        out.append("## Where this claim appeared {#appeared}\n")
        out.append(html_block(_provenance(claim, archive, here)))
    related = claims_by_id(archive, archive.related_to.get(claim.id, ()))
    if related:
        out.append("## Related claims {#related}\n")
        items = "".join(
            f'<li>{status_badge(r.status, here)} <a href="{link(here, claim_uri(r.id))}">{text(r.statement)}</a></li>'
            for r in related
        )
        out.append(html_block(f'<ul class="scs-related">{items}</ul>'))
    out.append("## Review {#review}\n")
    out.append(html_block(_review(claim)))
    out.append("## Cite this claim {#cite}\n")
    out.append(html_block(_cite(claim, url)))
    out.append(html_block(claim_review_script(claim, archive, site_url)))
    return "".join(out)


def _evidence(claim: Claim, archive: Archive, here: str) -> str:
    if not claim.evidence:
        return '<p class="scs-empty">No evidence is listed yet; the claim stays unverified.</p>'
    items = []
    for item in claim.evidence:
        source = archive.sources[item.source]
        parts = [
            f'<span class="scs-stance scs-stance--{item.stance}">{STANCES[item.stance]}</span> ',
            f'<a href="{link(here, source_uri(source.key))}">{text(short_label(source))}</a>',
        ]
        if item.locator:
            parts.append(f', <span class="scs-locator">{text(item.locator)}</span>')
        if item.quote:
            lang = lang_of(item.quote)
            attr = f' lang="{lang}"' if lang else ""
            parts.append(f'<blockquote class="scs-quote"{attr}><p>{esc(item.quote)}</p></blockquote>')
        if item.translation:
            parts.append(
                f'<p class="scs-translation">Translation ({text(item.translated_by)}): {text(item.translation)}</p>'
            )
        parts.append(f'<p class="scs-reference" data-search-exclude>{reference_html(source)}</p>')
        items.append(f'<li class="scs-evidence-item">{"".join(parts)}</li>')
    return f'<ul class="scs-evidence">{"".join(items)}</ul>'


def _provenance(claim: Claim, archive: Archive, here: str) -> str:
    items = []
    for n, item in enumerate(claim.seen_in):
        source = archive.sources[item.source]
        role = "First seen" if n == 0 else "Repeated"
        date = source.date or "date not established"
        parts = [
            f'<span class="scs-role">{role}</span> <time>{esc(date)}</time>: ',
            f'<a href="{link(here, source_uri(source.key))}">{text(source.title)}</a>',
        ]
        if source.container:
            parts.append(f", <em>{text(source.container)}</em>")
        if item.locator:
            parts.append(f', <span class="scs-locator">{text(item.locator)}</span>')
        if item.quote:
            parts.append(f'<blockquote class="scs-quote"><p>{esc(item.quote)}</p></blockquote>')
        items.append(f"<li>{''.join(parts)}</li>")
    return f'<ol class="scs-provenance">{"".join(items)}</ol>'


def _review(claim: Claim) -> str:
    rows = "".join(
        f"<tr><td><time>{esc(c.date)}</time></td><td>{c.status.capitalize()}</td><td>{text(c.note)}</td></tr>"
        for c in claim.history
    )
    return (
        f'<p class="scs-reviewed">Last reviewed: <time>{esc(claim.reviewed)}</time>. '
        f"Kind: {KIND_LABELS[claim.kind]}.</p>"
        '<div class="scs-table-wrap"><table class="scs-history"><caption>Status history</caption>'
        '<thead><tr><th scope="col">Date</th><th scope="col">Status</th><th scope="col">Note</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _cite(claim: Claim, permalink: str) -> str:
    return cite_block(permalink, claim_reference_text(claim, permalink), claim_bibtex(claim, permalink))
