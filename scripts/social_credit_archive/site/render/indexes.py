"""Index pages: all claims, documented policy, media claims, by status, by topic, sources,
articles checked. Lists are cards (one column on a phone); filters and sorting are added by
``assets/archive.js`` and read and write the page's URL; without JavaScript the full list shows."""

from __future__ import annotations

from collections import Counter

from ...model import Archive, Claim
from ..cite import reference_html
from ..markup import esc, text
from ..urls import INDEXES, claim_uri, link, source_uri
from .charts import status_chart
from .common import claim_list, front_matter, html_block, status_badge
from .follow import downloads_html


def counts_text(claims: list[Claim], archive: Archive) -> str:
    counts = Counter(c.status for c in claims)
    vocab = archive.vocabulary
    return ", ".join(f"{counts[s]} {vocab.label('status', s).lower()}" for s in vocab.values("status") if counts[s]) or "none yet"


def _status_links(here: str, target: str, kind: str = "") -> dict[str, str]:
    base = link(here, target)
    extra = f"&kind={kind}" if kind else ""
    return {s: f"{base}?status={s}{extra}" for s in ("confirmed", "disputed", "unverified")}


def render_claims_index(archive: Archive) -> str:
    here = INDEXES["claims"]
    claims = list(archive.claims.values())
    intro = f"Every claim in the archive: {len(claims)} in all ({counts_text(claims, archive)})."
    media = [c for c in claims if c.kind == "media"]
    policy = [c for c in claims if c.kind == "policy"]
    return (
        front_matter("All claims", intro)
        + "# All claims\n\n"
        + html_block(f"<p>{esc(intro)} Filter and sort the list below; the address bar keeps your view, so it can be shared.</p>")
        + html_block(
            '<div class="scs-charts">',
            status_chart(media, "Media claims", archive.vocabulary, "chart-media", _status_links(here, here, "media")),
            status_chart(policy, "Documented policy", archive.vocabulary, "chart-policy", _status_links(here, here, "policy")),
            "</div>",
        )
        + html_block(claim_list(_by_review(claims), here, archive.vocabulary, "All claims", filterable=True))
        + "## Download {#download}\n"
        + html_block(downloads_html(here))
    )


def _by_review(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.reviewed, c.id), reverse=True)


def render_kind_index(archive: Archive, kind: str) -> str:
    here = INDEXES["policy" if kind == "policy" else "media"]
    vocab = archive.vocabulary
    title = "Documented policy" if kind == "policy" else "Media claims"
    claims = [c for c in archive.claims.values() if c.kind == kind]
    intro = f"{vocab.meaning('kind', kind)} {len(claims)} claims ({counts_text(claims, archive)})."
    return (
        front_matter(title, intro)
        + f"# {title}\n\n"
        + html_block(f"<p>{esc(intro)}</p>")
        + html_block(status_chart(claims, title, vocab, f"chart-{kind}", _status_links(here, here)))
        + html_block(claim_list(_by_review(claims), here, vocab, title, filterable=True))
        + "## Download {#download}\n"
        + html_block(downloads_html(here))
    )


def render_status_index(archive: Archive) -> str:
    here = INDEXES["status"]
    vocab = archive.vocabulary
    out = [front_matter("Claims by status", "Claims grouped by their status."), "# Claims by status\n\n"]
    for status in vocab.values("status"):
        claims = [c for c in archive.claims.values() if c.status == status]
        out.append(f"## {vocab.label('status', status)} ({len(claims)}) {{#{status}}}\n")
        out.append(html_block(f'<p class="scs-definition">{esc(vocab.meaning("status", status))}</p>', claim_list(claims, here, vocab, status)))
    return "".join(out)


def render_topic_index(archive: Archive) -> str:
    here = INDEXES["topics"]
    vocab = archive.vocabulary
    out = [front_matter("Claims by topic", "Claims grouped by topic."), "# Claims by topic\n\n"]
    for topic in vocab.values("topic"):
        claims = [c for c in archive.claims.values() if topic in c.topics]
        out.append(f"## {vocab.label('topic', topic)} ({len(claims)}) {{#{topic}}}\n")
        out.append(html_block(f'<p class="scs-definition">{esc(vocab.meaning("topic", topic))}</p>', claim_list(claims, here, vocab, topic)))
    return "".join(out)


def render_bibliography(archive: Archive) -> str:
    here = INDEXES["sources"]
    vocab = archive.vocabulary
    out = [front_matter("Sources", "Every source the archive rests on, by class."), "# Sources\n\n"]
    out.append(html_block(f"<p>{len(archive.sources)} sources, grouped by the kind of evidence each one is.</p>"))
    for cls in vocab.values("sourceclass"):
        sources = sorted(
            (s for s in archive.sources.values() if s.sourceclass == cls),
            key=lambda s: (s.authors[0].family.lower() if s.authors else s.title.lower(), s.year),
        )
        if not sources:
            continue
        out.append(f"## {vocab.label('sourceclass', cls)} ({len(sources)}) {{#{cls}}}\n")
        items = "".join(
            f'<li id="{esc(s.key)}">{reference_html(s)} <a class="scs-more" href="{link(here, source_uri(s.key))}">'
            f"Details and claims citing it ({len(archive.cited_by.get(s.key, ()))})</a></li>"
            for s in sources
        )
        out.append(html_block(f'<p class="scs-definition">{esc(vocab.meaning("sourceclass", cls))}</p>', f'<ul class="scs-bibliography">{items}</ul>'))
    return "".join(out)


def render_articles(archive: Archive) -> str:
    """Every article in which claims appeared, with the claims it makes and their statuses."""
    here = INDEXES["articles"]
    vocab = archive.vocabulary
    makes: dict[str, list[Claim]] = {}
    for claim in archive.claims.values():
        for item in claim.seen_in:
            makes.setdefault(item.source, []).append(claim)
    out = [
        front_matter("Articles checked", "Each article in which claims appeared, with the claims it makes and how they were rated."),
        "# Articles checked\n\n",
        html_block("<p>Each article or post in which claims in this archive appeared, with every claim it makes and its status, "
                   "so that the reliability of an article as a whole can be seen at a glance.</p>"),
    ]
    for key in sorted(makes, key=lambda k: (archive.sources[k].date, k)):
        source = archive.sources[key]
        claims = sorted({c.id: c for c in makes[key]}.values(), key=lambda c: c.id)
        counts = Counter(c.status for c in claims)
        tally = ", ".join(f"{counts[s]} {vocab.label('status', s).lower()}" for s in vocab.values("status") if counts[s])
        items = "".join(f'<li>{status_badge(c.status, here, vocab)} <a href="{link(here, claim_uri(c.id))}">{text(c.heading)}</a></li>' for c in claims)
        out.append(html_block(
            f'<section class="scs-article" id="{esc(key)}"><h2>{text(source.title)}</h2>',
            f"<p>{reference_html(source)}</p>",
            f'<p class="scs-tally">{len(claims)} claims: {tally}. <a href="{link(here, source_uri(key))}">Source page</a></p>',
            f'<ul class="scs-article-claims">{items}</ul></section>',
        ))
    return "".join(out)
