"""Live blocks for hand-written pages: ``<!-- archive:name -->`` becomes current data.

Names are listed in ``check.docs.MARKER_NAMES`` (so ``check`` can refuse unknown ones
without importing renderers); this module renders them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..check.docs import MARKER_NAMES
from ..check.rating import PARTS_RULE
from ..check.text import PROCESS_WORDS
from ..handpages import MARKER, mask_code
from ..model import Archive
from .markup import esc, text
from .render.charts import blacklist_diagram, status_chart
from .render.common import html_block, status_badge
from .urls import INDEXES, claim_uri, file_link, link


def _counts(archive: Archive, here: str) -> str:
    vocab = archive.vocabulary
    rows = []
    for kind, index in (("media", INDEXES["media"]), ("policy", INDEXES["policy"])):
        claims = [c for c in archive.claims.values() if c.kind == kind]
        status = Counter(c.status for c in claims)
        cells = "".join(
            f'<td><a href="{link(here, index)}?status={s}">{status[s]}</a></td>' for s in vocab.values("status")
        )
        rows.append(f'<tr><th scope="row"><a href="{link(here, index)}">{esc(vocab.label("kind", kind))}</a></th><td>{len(claims)}</td>{cells}</tr>')
    heads = "".join(f'<th scope="col">{esc(vocab.label("status", s))}</th>' for s in vocab.values("status"))
    extra = (
        f'<p class="scs-counts-extra">{len(archive.sources)} sources, {len(archive.entities)} documents, places, bodies and companies, '
        f"{len(archive.events)} timeline events, {len(archive.terms)} glossary terms, {len(archive.survey)} circulating claims surveyed.</p>"
    )
    return html_block(
        '<div class="scs-table-wrap"><table class="scs-counts"><caption>Claims in the archive</caption>'
        f'<thead><tr><th scope="col">Kind</th><th scope="col">Claims</th>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>',
        extra,
    )


def _legend(archive: Archive, here: str) -> str:
    vocab = archive.vocabulary
    rows = "".join(
        f'<tr><td><span class="scs-badge scs-badge--{esc(s)}">{esc(vocab.label("status", s))}</span></td><td>{esc(vocab.meaning("status", s))}</td></tr>'
        for s in vocab.values("status")
    )
    return html_block(f'<div class="scs-table-wrap"><table><thead><tr><th scope="col">Rating</th><th scope="col">Meaning</th></tr></thead><tbody>{rows}</tbody></table></div>')


def _classes(archive: Archive, here: str) -> str:
    vocab = archive.vocabulary
    rows = "".join(
        f"<tr><td>{esc(vocab.label('sourceclass', c))} (<code>{esc(c)}</code>)</td><td>{esc(vocab.meaning('sourceclass', c))}</td></tr>"
        for c in vocab.values("sourceclass")
    )
    return html_block(f'<div class="scs-table-wrap"><table><thead><tr><th scope="col">Source class</th><th scope="col">What it covers</th></tr></thead><tbody>{rows}</tbody></table></div>')


def _charts(archive: Archive, here: str) -> str:
    vocab = archive.vocabulary
    out = []
    for kind, index in (("media", INDEXES["media"]), ("policy", INDEXES["policy"])):
        claims = [c for c in archive.claims.values() if c.kind == kind]
        links = {s: f"{link(here, index)}?status={s}" for s in vocab.values("status")}
        out.append(status_chart(claims, vocab.label("kind", kind) + ("s" if kind == "media" else ""), vocab, f"home-{kind}", links))
    return html_block('<div class="scs-charts">', *out, "</div>")


def _latest(archive: Archive, here: str, n: int = 6) -> str:
    vocab = archive.vocabulary
    items = []
    for update in archive.updates()[:n]:
        change = update.change
        what = "New claim" if update.index == 0 else f"{vocab.label('status', update.previous)} → {vocab.label('status', change.status)}"
        items.append(
            f'<li><time datetime="{esc(change.date)}">{esc(change.date)}</time> {esc(what)}: '
            f'{status_badge(update.claim.status, here, vocab)} <a href="{link(here, claim_uri(update.claim.id))}">{text(update.claim.heading)}</a></li>'
        )
    more = f'<p><a href="{link(here, INDEXES["corrections"])}">Every change of rating</a> · <a href="{file_link(here, "feed.xml")}">Atom feed</a></p>'
    return html_block(f'<ul class="scs-latest">{"".join(items)}</ul>', more)


def _myths(archive: Archive, here: str, n: int = 8) -> str:
    """The most recurring circulating claims the archive rates, with their ratings."""
    vocab = archive.vocabulary
    seen: set[str] = set()
    items = []
    for entry in sorted(archive.survey, key=lambda e: (-e.recurs, e.id)):
        claim = archive.claims.get(entry.rated_as)
        if claim is None or claim.id in seen or claim.kind != "media":
            continue
        seen.add(claim.id)
        items.append(
            f'<li class="scs-myth">{status_badge(claim.status, here, vocab)} <a href="{link(here, claim_uri(claim.id))}">{text(entry.claim)}</a>'
            f'<p>{text(claim.summary)}</p></li>'
        )
        if len(items) == n:
            break
    if not items:
        for claim in [c for c in archive.claims.values() if c.kind == "media"][:n]:
            items.append(f'<li class="scs-myth">{status_badge(claim.status, here, vocab)} <a href="{link(here, claim_uri(claim.id))}">{text(claim.heading)}</a></li>')
    return html_block(f'<ul class="scs-myths">{"".join(items)}</ul>', f'<p><a href="{link(here, INDEXES["survey"])}">Every claim we found circulating, and what we did with it</a></p>')


def _blacklist(archive: Archive, here: str) -> str:
    wanted = (
        ("spc-defaulters-list-2013-provisions",),
        ("spc-defaulters-list-2013-provisions", "spc-defaulters-list-2017-revision"),
        ("spc-defaulters-list-2013-provisions", "spc-defaulters-list-publication-and-sharing"),
        ("spc-high-consumption-restrictions-art3", "flight-train-restriction-opinions-2018", "policy-2016-opinions-judgment-defaulters-restricted-everywhere"),
        ("spc-defaulters-list-2017-revision", "credit-repair-measures-ndrc-order-58", "opinions-2020-credit-repair"),
    )
    links = []
    for ids in wanted:
        present = [archive.claims[i] for i in ids if i in archive.claims]
        links.append("(" + "; ".join(f'<a href="{link(here, claim_uri(c.id))}">{text(c.heading)}</a>' for c in present) + ")" if present else "")
    return html_block(blacklist_diagram(links))


def _survey_summary(archive: Archive, here: str) -> str:
    rated = sum(1 for e in archive.survey if e.rated_as)
    return html_block(
        f'<p>{len(archive.survey)} distinct circulating claims surveyed, {rated} rated on claim pages. '
        f'<a href="{link(here, INDEXES["survey"])}">See the survey</a>.</p>'
    )


def _rules(archive: Archive, here: str) -> str:
    return html_block(
        '<ul class="scs-rules">'
        "<li><strong>Confirmed</strong> needs at least one supporting item from an official or court source, or supporting items from "
        "two independent reliable sources (news, report or scholarly; different publishers).</li>"
        "<li><strong>Disputed</strong> needs at least one contradicting item from a reliable source: any class but opinion.</li>"
        "<li><strong>Unverified</strong> needs a statement of what is missing: what text or figure would settle the claim.</li>"
        f"<li><strong>Claims in parts</strong> take their rating from the parts: {esc(PARTS_RULE)}.</li>"
        "<li>A <strong>policy</strong> claim rests on at least one official or court source.</li>"
        "<li>Every sentence of a verdict cites the evidence it rests on, or says what is missing (starting with No, None, Nothing or Neither).</li>"
        "<li>Two related claims that assert the same thing but are rated differently are flagged for review.</li>"
        "</ul>"
    )


def _families(archive: Archive, here: str) -> str:
    vocab = archive.vocabulary
    counts = Counter(c.family for c in archive.claims.values() if c.kind == "media")
    rows = "".join(
        f"<tr><td>{esc(vocab.label('family', f))}</td><td>{esc(vocab.meaning('family', f))}</td><td>{counts[f]}</td></tr>"
        for f in vocab.values("family")
    )
    return html_block(f'<div class="scs-table-wrap"><table><thead><tr><th scope="col">Family</th><th scope="col">Covers</th><th scope="col">Media claims</th></tr></thead><tbody>{rows}</tbody></table></div>')


def _process_words(archive: Archive, here: str) -> str:
    return html_block('<p class="scs-process-words">' + ", ".join(f"<code>{esc(w)}</code>" for w in PROCESS_WORDS) + "</p>")


def _search_form(archive: Archive, here: str) -> str:
    """The search form; on the search page it also has filters and a result list."""
    action = link(here, "search.md")
    if here != "search.md":
        return html_block(
            f'<form class="scs-search-home" action="{esc(action)}" method="get" role="search">'
            '<label for="scs-q">Search claims, documents and sources</label>'
            '<span class="scs-search-row"><input id="scs-q" type="search" name="q" placeholder="e.g. flight ban, 失信, shixin, Rongcheng" required>'
            '<button type="submit" class="md-button md-button--primary">Search</button></span></form>'
        )
    return html_block(
        '<form class="scs-search" role="search" action="./" method="get">'
        '<label for="scs-search-q">Search</label>'
        '<span class="scs-search-row"><input id="scs-search-q" type="search" name="q" autocomplete="off" placeholder="flight ban, 失信, shixin, Sesame, 法释〔2013〕17号">'
        '<button type="submit" class="md-button md-button--primary">Search</button></span>'
        '<span class="scs-search-filters">'
        '<label>Page type <select name="type"><option value="">All</option></select></label>'
        '<label>Rating <select name="rating"><option value="">All</option></select></label>'
        '<label>Kind <select name="kind"><option value="">All</option></select></label>'
        "</span></form>",
        '<p class="scs-search-status" role="status" aria-live="polite">Search needs JavaScript; without it, use the '
        f'<a href="{link(here, INDEXES["claims"])}">claims index</a> and its filters.</p>',
        '<ol class="scs-results"></ol>',
    )


RENDERERS: dict[str, Callable[[Archive, str], str]] = {
    "counts": _counts, "legend": _legend, "source-classes": _classes, "status-charts": _charts, "latest": _latest, "myths": _myths,
    "blacklist-diagram": _blacklist, "survey-summary": _survey_summary, "rating-rules": _rules, "families": _families,
    "process-words": _process_words, "search-form": _search_form,
}
assert set(RENDERERS) == set(MARKER_NAMES), "check.docs.MARKER_NAMES and markers.RENDERERS must list the same markers"


def expand_markers(markdown: str, archive: Archive, page_uri: str) -> str:
    """Replace each marker outside code with its block (offsets from the code-masked text)."""
    masked = mask_code(markdown)
    out, pos = [], 0
    for match in MARKER.finditer(masked):
        out.append(markdown[pos:match.start()])
        out.append("\n" + RENDERERS[match.group(1)](archive, page_uri) + "\n")
        pos = match.end()
    out.append(markdown[pos:])
    return "".join(out)



