"""Index pages: all claims, documented policy, media claims, by status, by topic, sources."""

from __future__ import annotations

from collections import Counter

from ..cite import reference_html
from ..markup import esc, text
from ...model import Archive, Claim
from ..urls import INDEXES, claim_uri, link, source_uri
from ...vocab import KINDS, SOURCE_CLASSES, STATUSES, topic_label
from .common import claim_table, front_matter, html_block, status_badge
from .follow import downloads_html



def _counts(claims: list[Claim]) -> str:
    counts = Counter(c.status for c in claims)
    return ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s]) or "none yet"


def render_claims_index(archive: Archive) -> str:
    here = INDEXES["claims"]
    claims = list(archive.claims.values())
    intro = f"Every claim in the archive: {len(claims)} in all ({_counts(claims)})."
    return (
        front_matter("All claims", intro)
        + "# All claims\n\n"
        + html_block(f"<p>{esc(intro)}</p>")
        + html_block(claim_table(claims, here, "All claims", filterable=True))
        + "## Download {#download}\n"
        + html_block(downloads_html(here))
    )


def render_kind_index(archive: Archive, kind: str) -> str:
    here = INDEXES["policy" if kind == "policy" else "media"]
    title = "Documented policy" if kind == "policy" else "Media claims"
    claims = [c for c in archive.claims.values() if c.kind == kind]
    intro = f"{KINDS[kind]} {len(claims)} claims ({_counts(claims)})."
    return (
        front_matter(title, intro)
        + f"# {title}\n\n"
        + html_block(f"<p>{esc(intro)}</p>")
        + html_block(claim_table(claims, here, title, filterable=True))
        + "## Download {#download}\n"
        + html_block(downloads_html(here))
    )


def render_status_index(archive: Archive) -> str:
    here = INDEXES["status"]
    out = [front_matter("Claims by status", "Claims grouped by their status."), "# Claims by status\n\n"]
    for status, definition in STATUSES.items():
        claims = [c for c in archive.claims.values() if c.status == status]
        out.append(f"## {status.capitalize()} ({len(claims)}) {{#{status}}}\n")
        out.append(html_block(f'<p class="scs-definition">{esc(definition)}</p>', claim_table(claims, here)))
    return "".join(out)


def render_topic_index(archive: Archive, topics: list[str]) -> str:
    here = INDEXES["topics"]
    out = [front_matter("Claims by topic", "Claims grouped by topic."), "# Claims by topic\n\n"]
    for topic in topics:
        claims = [c for c in archive.claims.values() if topic in c.topics]
        out.append(f"## {topic_label(topic)} ({len(claims)}) {{#{topic}}}\n")
        out.append(html_block(claim_table(claims, here)))
    return "".join(out)


def render_bibliography(archive: Archive) -> str:
    here = INDEXES["sources"]
    out = [front_matter("Sources", "Every source the archive rests on, by class."), "# Sources\n\n"]
    out.append(html_block(f"<p>{len(archive.sources)} sources, grouped by the kind of evidence each one is.</p>"))
    for cls, (label, definition) in SOURCE_CLASSES.items():
        sources = sorted((s for s in archive.sources.values() if s.sourceclass == cls), key=lambda s: (s.authors[0].family.lower() if s.authors else s.title.lower(), s.year))
        if not sources:
            continue
        out.append(f"## {label} ({len(sources)}) {{#{cls}}}\n")
        items = "".join(
            f'<li id="{esc(s.key)}">{reference_html(s)} <a class="scs-more" href="{link(here, source_uri(s.key))}">'
            f"Details and citing claims ({len(archive.cited_by.get(s.key, ()))})</a></li>"
            for s in sources
        )
        out.append(html_block(f'<p class="scs-definition">{esc(definition)}</p>', f'<ul class="scs-bibliography">{items}</ul>'))
    return "".join(out)


def render_articles(archive: Archive) -> str:
    """Every article in which claims appeared, with the claims it makes and their statuses."""
    here = INDEXES["articles"]
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
        summary = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
        items = "".join(
            f'<li>{status_badge(c.status, here)} <a href="{link(here, claim_uri(c.id))}">{text(c.statement)}</a></li>' for c in claims
        )
        out.append(
            html_block(
                f'<section class="scs-article" id="{esc(key)}"><h2>{text(source.title)}</h2>',
                f"<p>{reference_html(source)}</p>",
                f'<p class="scs-tally">{len(claims)} claims: {summary}. <a href="{link(here, source_uri(key))}">Source page</a></p>',
                f'<ul class="scs-article-claims">{items}</ul></section>',
            )
        )
    return "".join(out)
