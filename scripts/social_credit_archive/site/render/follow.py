"""Pages for following the archive: the corrections log, the review queue and the data page."""

from __future__ import annotations

import datetime as dt

from ...export.feed import updates
from ...dates import due_date, is_due
from ..markup import esc, text
from ...model import Archive
from ..urls import INDEXES, claim_uri, link
from .common import claim_table, front_matter, html_block, status_badge

DOWNLOADS = (
    ("data/claims.json", "claims.json", "Every claim with its sources resolved (JSON)."),
    ("data/claims.csv", "claims.csv", "One row per claim (CSV, UTF-8)."),
    ("data/references.bib", "references.bib", "Every source (BibTeX, UTF-8)."),
    ("data/sources.json", "sources.json", "Every source in CSL-JSON, for citation managers."),
    ("data/claim.schema.json", "claim.schema.json", "The JSON Schema that claim files are checked against."),
    ("feed.xml", "feed.xml", "Atom feed of new claims and status changes."),
)


def downloads_html(here: str) -> str:
    """Links to the data files, relative to the page ``here``."""
    depth = here.count("/") + (0 if here.endswith("index.md") else 1)
    prefix = "../" * depth
    items = "".join(f'<li><a href="{prefix}{path}" download>{name}</a>: {esc(what)}</li>' for path, name, what in DOWNLOADS)
    return f'<ul class="scs-downloads">{items}</ul>'


def render_corrections(archive: Archive) -> str:
    here = INDEXES["corrections"]
    rows = []
    for update in updates(archive):
        claim, change = update.claim, update.change
        previous = claim.history[update.index - 1].status.capitalize() if update.index else "New claim"
        rows.append(
            f"<tr><td><time>{esc(change.date)}</time></td>"
            f'<td><a href="{link(here, claim_uri(claim.id))}">{text(claim.statement)}</a></td>'
            f"<td>{previous}</td><td>{status_badge(change.status, here)}</td><td>{text(change.note)}</td></tr>"
        )
    return (
        front_matter("Corrections log", "Every status change across the archive, newest first.")
        + "# Corrections log\n\n"
        + html_block("<p>Every status a claim has had, newest first, with the date and the reason. "
                     "A claim's own page shows its full history.</p>")
        + html_block(
            '<div class="scs-table-wrap"><table class="scs-history"><caption>Status changes</caption>'
            '<thead><tr><th scope="col">Date</th><th scope="col">Claim</th><th scope="col">From</th>'
            '<th scope="col">To</th><th scope="col">Note</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    )


def render_review_queue(archive: Archive, as_of: dt.date) -> str:
    here = INDEXES["review"]
    due = sorted((c for c in archive.claims.values() if is_due(c.reviewed, as_of)), key=lambda c: (c.reviewed, c.id))
    rows = "".join(
        f'<tr><td><time>{esc(c.reviewed)}</time></td><td>{due_date(c.reviewed).isoformat()}</td>'
        f'<td>{status_badge(c.status, here)}</td><td><a href="{link(here, claim_uri(c.id))}">{text(c.statement)}</a></td></tr>'
        for c in due
    )
    body = (
        '<div class="scs-table-wrap"><table class="scs-history"><caption>Claims due for review</caption>'
        '<thead><tr><th scope="col">Last reviewed</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Claim</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        if due
        else '<p class="scs-empty">No claim is due for review.</p>'
    )
    return (
        front_matter("Review queue", "Claims not reviewed for 18 months.")
        + "# Review queue\n\n"
        + html_block(f"<p>Claims are re-reviewed every 18 months. As of {as_of.isoformat()}, {len(due)} claims are due, oldest first.</p>")
        + html_block(body)
    )


def render_data_page(archive: Archive) -> str:
    here = INDEXES["data"]
    return (
        front_matter("Data", "Download the archive's claims and sources.")
        + "# Data\n\n"
        + html_block(
            f"<p>The archive as data: {len(archive.claims)} claims and {len(archive.sources)} sources, "
            "regenerated on every build from the files in the repository. The same input always gives the same bytes.</p>"
        )
        + html_block(downloads_html(here))
        + html_block(f'<p>Claims are also listed on the <a href="{link(here, INDEXES["claims"])}">claims index</a>.</p>')
    )
