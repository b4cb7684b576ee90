"""The page of one claim, bottom line first: rating, summary, parts, verdict, evidence,
appearances, related claims and entities, history, how to cite, how to report an error."""

from __future__ import annotations

import re

from ...dates import due_date, is_due
from ...model import Archive, Claim, Evidence
from ...sentences import MARKER, sentences
from ..cite import claim_bibtex, claim_reference_text, reference_html, short_label
from ..context import SiteContext
from ..markup import esc, lang_of, rich, text
from ..urls import INDEXES, claim_uri, entity_uri, link, permalink, source_uri
from .common import cite_block, claim_link_item, claims_by_id, front_matter, html_block, kind_badge, status_badge, topic_links

_REF = re.compile(r"\d{1,3}|@[A-Za-z0-9][A-Za-z0-9_-]*")


class _Numbers:
    """Evidence numbers on the page (claim-level items first, then each part's) and the
    markers that point at them, so each item can link back to the sentences citing it."""

    def __init__(self, claim: Claim) -> None:
        self.scopes: list[tuple[int, tuple[Evidence, ...]]] = []
        offset = 0
        for items in (claim.evidence, *(p.evidence for p in claim.parts)):
            self.scopes.append((offset, items))
            offset += len(items)
        self.backlinks: dict[int, list[str]] = {}
        self.count = 0

    def numbers(self, scope: int, ref: str) -> list[int]:
        offset, items = self.scopes[scope]
        if ref.startswith("@"):
            return [offset + i + 1 for i, e in enumerate(items) if e.source == ref[1:]]
        return [offset + int(ref)]

    def link(self, html: str, scope: int) -> str:
        """Replace ``[1, 2]`` markers in rendered HTML with links to the evidence items."""

        def replace(match: re.Match[str]) -> str:
            links = []
            for ref in _REF.findall(match.group(1)):
                for number in self.numbers(scope, ref):
                    self.count += 1
                    anchor = f"cite-{self.count}"
                    self.backlinks.setdefault(number, []).append(anchor)
                    links.append(f'<a href="#evidence-{number}" id="{anchor}" aria-label="evidence {number}">{number}</a>')
            return f'<span class="scs-cites">[{", ".join(links)}]</span>'

        return MARKER.sub(replace, html)


def _reason(verdict: str) -> str:
    """The first sentence of a part's verdict, without its markers: the one-line reason."""
    found = sentences(verdict)
    first = found[0].text if found else verdict
    return re.sub(r"\s*(?:" + MARKER.pattern + ")", "", first).strip()


def render_claim(claim: Claim, archive: Archive, context: SiteContext) -> str:
    here = claim_uri(claim.id)
    vocab = archive.vocabulary
    url = permalink(context.site_url, here)
    numbers = _Numbers(claim)
    out = [front_matter(claim.heading, claim.summary, **_social(claim, vocab))]
    family = f' <span class="scs-family">{esc(vocab.label("family", claim.family))}</span>' if claim.family else ""
    due = ""
    if is_due(claim.reviewed, context.as_of):
        due = (
            f' <span class="scs-review-due">Review due since {due_date(claim.reviewed).isoformat()} '
            f'(<a href="{link(here, INDEXES["review"])}">review queue</a>)</span>'
        )
    out.append(html_block(
        '<header class="scs-claim-head">',
        f'<p class="scs-eyebrow">{kind_badge(claim.kind, here, vocab)}{family}</p>',
        f'<h1 class="scs-title" data-pagefind-weight="10">{text(claim.heading)}</h1>',
        f'<p class="scs-rating">{status_badge(claim.status, here, vocab)} '
        f'<span class="scs-rating-meaning">{esc(vocab.meaning("status", claim.status))}</span></p>',
        f'<p class="scs-summary" data-pagefind-weight="5"><strong>Bottom line:</strong> {text(claim.summary)}</p>' if claim.title else "",
        f'<p class="scs-reviewed-top">Last reviewed <time datetime="{esc(claim.reviewed)}">{esc(claim.reviewed)}</time> · '
        f'<a href="#review">status history</a>{due}</p>',
        _pagefind_meta(claim, vocab),
        "</header>",
    ))
    label = "The claim as it circulates" if claim.kind == "media" else "What the documents state"
    attr = ' lang="zh"' if lang_of(claim.statement) else ""
    out.append(html_block(
        f'<div class="scs-claimed"><p class="scs-label">{label}</p>'
        f'<blockquote class="scs-statement"{attr}><p>{text(claim.statement)}</p></blockquote>'
        f'<p class="scs-topics">{topic_links(claim.topics, here, vocab)}</p></div>'
    ))
    if claim.parts:
        out.append("## The claim in parts {#parts}\n")
        out.append(html_block(_parts_table(claim, vocab, here)))
    out.append("## Verdict {#verdict}\n")
    verdict = []
    if claim.verdict:
        verdict.append(f'<div class="scs-verdict">{numbers.link(rich(claim.verdict), 0)}</div>')
    for p, part in enumerate(claim.parts, 1):
        verdict.append(
            f'<section class="scs-part" id="part-{p}"><h3>Part {p}: {text(part.statement)} '
            f'{status_badge(part.status, here, vocab)}</h3>'
            f'<div class="scs-verdict">{numbers.link(rich(part.verdict), p)}</div>'
            + (f'<p class="scs-missing"><strong>What is missing:</strong> {text(part.missing)}</p>' if part.missing else "")
            + "</section>"
        )
    out.append(html_block(*verdict))
    if claim.missing:
        out.append("## What would settle it {#missing}\n")
        out.append(html_block(f'<div class="scs-missing">{rich(claim.missing)}</div>'))
    out.append("## Evidence {#evidence}\n")
    out.append(html_block(_evidence(claim, archive, here, numbers)))
    if claim.seen_in:
        out.append("## Where this claim appeared {#appeared}\n")
        out.append(html_block(_provenance(claim, archive, here)))
    related = claims_by_id(archive, archive.related_to.get(claim.id, ()))
    if related:
        out.append("## Related claims {#related}\n")
        out.append(html_block(f'<ul class="scs-related">{"".join(claim_link_item(r, here, vocab) for r in related)}</ul>'))
    entities = [archive.entities[e] for e in archive.claim_entities.get(claim.id, ()) if e in archive.entities]
    if entities:
        out.append("## Documents, places, bodies and companies {#entities}\n")
        items = "".join(
            f'<li><span class="scs-entity-type">{esc(vocab.label("entitytype", e.type).rstrip("s"))}</span> '
            f'<a href="{link(here, entity_uri(e.id))}">{text(e.name)}</a></li>'
            for e in entities
        )
        out.append(html_block(f'<ul class="scs-entities">{items}</ul>'))
    out.append("## Review {#review}\n")
    out.append(html_block(_review(claim, vocab, here)))
    out.append("## Cite this claim {#cite}\n")
    out.append(html_block(cite_block(url, claim_reference_text(claim, url), claim_bibtex(claim, url))))
    if correction := context.correction_url("claim", claim.id, claim.heading):
        out.append("## Suggest a correction {#correct}\n")
        out.append(html_block(
            f'<p class="scs-correct">Something wrong or missing? <a href="{esc(correction)}" rel="noopener">Suggest a correction</a> '
            "with the evidence (a public issue in the archive's repository; the form is pre-filled with this claim).</p>"
        ))
    if script := context.claim_scripts.get(claim.id):
        out.append(html_block(script))
    return "".join(out)


def _social(claim: Claim, vocab) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"rating": vocab.label("status", claim.status), "kind": claim.kind, "pagetype": "claim"}


def _pagefind_meta(claim: Claim, vocab) -> str:  # type: ignore[no-untyped-def]
    """What search results show and filter on: page type, rating, kind, the bottom line."""
    rating = vocab.label("status", claim.status)
    kind = vocab.label("kind", claim.kind)
    return (
        '<span hidden data-pagefind-filter="type:Claim" data-pagefind-meta="type:Claim"></span>'
        f'<span hidden data-pagefind-filter="rating" data-pagefind-meta="rating">{esc(rating)}</span>'
        f'<span hidden data-pagefind-filter="kind" data-pagefind-meta="kind">{esc(kind)}</span>'
        f'<span hidden data-pagefind-meta="summary">{text(claim.summary)}</span>'
        f'<span hidden data-pagefind-meta="statement">{text(claim.statement)}</span>'
        f'<span hidden data-pagefind-meta="status">{esc(claim.status)}</span>'
        '<span hidden data-pagefind-sort="weight">9</span>'
    )


def _parts_table(claim: Claim, vocab, here: str) -> str:  # type: ignore[no-untyped-def]
    rows = "".join(
        f'<tr><td data-label="Part"><a href="#part-{p}">{text(part.statement)}</a>{"" if part.material else " <em>(detail)</em>"}</td>'
        f'<td data-label="Rating">{status_badge(part.status, here, vocab)}</td><td data-label="Why">{text(_reason(part.verdict))}</td></tr>'
        for p, part in enumerate(claim.parts, 1)
    )
    return (
        '<div class="scs-table-wrap"><table class="scs-parts scs-stack"><caption>Each part rated on its own evidence; '
        "the claim takes its rating from them (disputed if any material part is disputed, confirmed if every one is confirmed, "
        'otherwise unverified).</caption><thead><tr><th scope="col">Part</th><th scope="col">Rating</th><th scope="col">Why</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _evidence(claim: Claim, archive: Archive, here: str, numbers: _Numbers) -> str:
    if not claim.all_evidence:
        return '<p class="scs-empty">No evidence is listed.</p>'
    vocab = archive.vocabulary
    groups = []
    for scope, (offset, items) in enumerate(numbers.scopes):
        if not items:
            continue
        entries = []
        for i, item in enumerate(items):
            number = offset + i + 1
            source = archive.sources[item.source]
            parts = [
                f'<span class="scs-number">{number}</span> ',
                f'<span class="scs-stance scs-stance--{esc(item.stance)}">{esc(vocab.label("stance", item.stance))}</span> ',
                f'<a href="{link(here, source_uri(source.key))}">{text(short_label(source, archive.sources))}</a>',
                f' <span class="scs-class">({esc(vocab.label("sourceclass", source.sourceclass))})</span>',
            ]
            if item.locator:
                parts.append(f', <span class="scs-locator">{text(item.locator)}</span>')
            if item.quote:
                lang = lang_of(item.quote)
                attr = f' lang="{lang}"' if lang else ""
                parts.append(f'<blockquote class="scs-quote"{attr}><p>{text(item.quote)}</p></blockquote>')
            if item.translation:
                parts.append(f'<p class="scs-translation">Translation ({text(item.translated_by)}): {text(item.translation)}</p>')
            parts.append(f'<p class="scs-reference" data-pagefind-ignore>{reference_html(source)}</p>')
            back = numbers.backlinks.get(number, [])
            if back:
                links = " ".join(f'<a href="#{a}" aria-label="back to the sentence citing evidence {number}">↑</a>' for a in back)
                parts.append(f'<p class="scs-backlinks" data-pagefind-ignore>Cited in the verdict: {links}</p>')
            entries.append(f'<li class="scs-evidence-item" id="evidence-{number}">{"".join(parts)}</li>')
        heading = f'<h3 class="scs-evidence-scope">For part {scope}: {text(claim.parts[scope - 1].statement)}</h3>' if scope else ""
        groups.append(f'{heading}<ol class="scs-evidence" start="{offset + 1}">{"".join(entries)}</ol>')
    return "".join(groups)


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
            attr = ' lang="zh"' if lang_of(item.quote) else ""
            parts.append(f'<blockquote class="scs-quote"{attr}><p>{text(item.quote)}</p></blockquote>')
        items.append(f"<li>{''.join(parts)}</li>")
    return f'<ol class="scs-provenance">{"".join(items)}</ol>'


def _review(claim: Claim, vocab, here: str) -> str:  # type: ignore[no-untyped-def]
    rows = "".join(
        f'<tr><td data-label="Date"><time datetime="{esc(c.date)}">{esc(c.date)}</time></td><td data-label="Status">{esc(vocab.label("status", c.status))}</td>'
        f'<td data-label="Note">{text(c.note)}</td></tr>'
        for c in claim.history
    )
    return (
        f'<p class="scs-reviewed">Last reviewed: <time datetime="{esc(claim.reviewed)}">{esc(claim.reviewed)}</time>. '
        f"Kind: {esc(vocab.label('kind', claim.kind))}. Claims are reviewed again every 18 months.</p>"
        '<div class="scs-table-wrap"><table class="scs-history scs-stack"><caption>Status history</caption>'
        '<thead><tr><th scope="col">Date</th><th scope="col">Status</th><th scope="col">Note</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
