""""What people claim, and what we rated": the survey of circulating claims, with outcomes."""

from __future__ import annotations

from collections import Counter

from ...model import Archive
from ..cite import short_label
from ..markup import esc, text
from ..urls import INDEXES, claim_uri, link, source_uri
from .common import front_matter, html_block, status_badge


def render_survey(archive: Archive) -> str:
    here = INDEXES["survey"]
    vocab = archive.vocabulary
    entries = archive.survey
    rated = [e for e in entries if e.rated_as]
    out = [
        front_matter("What people claim, and what we rated", "Every distinct claim found circulating in the texts read, and what the archive did with it."),
        "# What people claim, and what we rated\n\n",
    ]
    families = Counter(f for e in entries for f in e.families)
    family_rows = "".join(
        f'<tr><td><a href="#{esc(f)}">{esc(vocab.label("family", f))}</a></td><td>{families[f]}</td>'
        f'<td>{sum(1 for e in rated if f in e.families)}</td></tr>'
        for f in vocab.values("family") if families[f]
    )
    out.append(html_block(
        f"<p>While reading news (English and Chinese, 2014 onwards), explainers, encyclopaedia articles, fact-checks, reports, "
        f"speeches and hearings, the archive recorded each distinct claim made about social credit systems: {len(entries)} in all, "
        f"{len(rated)} of them rated on a claim page. The rest are listed with the reason they were not rated (an opinion, a duplicate, "
        "not a factual claim, or not yet rated), so that the coverage of the archive and its limits are visible. "
        "“Seen” counts the texts read that make the claim; it measures what was read, not how widespread a claim is.</p>",
        '<div class="scs-table-wrap"><table><caption>Survey entries by family</caption><thead><tr><th scope="col">Family</th>'
        f'<th scope="col">Entries</th><th scope="col">Rated</th></tr></thead><tbody>{family_rows}</tbody></table></div>',
    ))
    for family in vocab.values("family"):
        members = [e for e in entries if family in e.families and e.families[0] == family]
        if not members:
            continue
        out.append(f"## {vocab.label('family', family)} {{#{family}}}\n")
        items = []
        for entry in members:
            seen = "; ".join(
                f'<a href="{link(here, source_uri(k))}">{text(short_label(archive.sources[k], archive.sources))}</a>' for k in entry.seen_in
            )
            if entry.rated_as and entry.rated_as in archive.claims:
                claim = archive.claims[entry.rated_as]
                outcome = f'{status_badge(claim.status, here, vocab)} <a href="{link(here, claim_uri(claim.id))}">{text(claim.heading)}</a>'
            else:
                outcome = f'<span class="scs-not-rated">Not rated: {text(entry.not_rated)}</span>'
            items.append(
                f'<li class="scs-survey-entry" id="survey-{esc(entry.id)}"><p class="scs-survey-claim">{text(entry.claim)}</p>'
                f'<p class="scs-survey-meta">Seen in {entry.recurs} text{"s" if entry.recurs != 1 else ""}: {seen}</p>'
                f'<p class="scs-survey-outcome">{outcome}</p></li>'
            )
        out.append(html_block(f'<ul class="scs-survey">{"".join(items)}</ul>'))
    return "".join(out)
